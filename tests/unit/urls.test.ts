import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { urlKey, urlVariants } from '../../src/text/urls';

describe('addresses of one page', () => {
  it('share a key however they are written', () => {
    const key = urlKey('https://www.example.com/news/story-1/');
    expect(key).toBe('example.com/news/story-1');
    for (const other of [
      'http://example.com/news/story-1',
      'https://example.com/news/story-1?utm_source=newsletter&utm_medium=email#comments',
      'https://WWW.Example.com/news/story-1/?fbclid=abc',
    ])
      expect(urlKey(other)).toBe(key);
  });

  it('keep what names a different page apart', () => {
    expect(urlKey('https://example.com/news?id=1')).not.toBe(urlKey('https://example.com/news?id=2'));
    expect(urlKey('https://example.com/news/story-1')).not.toBe(urlKey('https://example.com/news/story-2'));
    expect(urlKey('https://example.com/a')).not.toBe(urlKey('https://news.example.com/a'));
    expect(urlKey('https://example.com:8080/a')).not.toBe(urlKey('https://example.com/a'));
    expect(urlKey('https://example.com/a?b=2&a=1')).toBe(urlKey('https://example.com/a?a=1&b=2'));
  });

  it('are not guessed for what is not a web address', () => {
    expect(urlKey('not a url')).toBeUndefined();
    expect(urlKey('file:///home/me/story.html')).toBeUndefined();
    expect(urlVariants('')).toEqual([]);
    expect(urlVariants('file:///home/me/story.html')).toEqual(['file:///home/me/story.html']);
  });

  it('lists the ways a stored article may be written, the page itself first, at most 16', () => {
    const v = urlVariants('https://example.com/news/story-1?utm_source=x#top');
    expect(v[0]).toBe('https://example.com/news/story-1?utm_source=x#top');
    expect(v).toContain('http://www.example.com/news/story-1/');
    expect(v).toContain('https://example.com/news/story-1');
    expect(v.length).toBeLessThanOrEqual(17);
  });

  it('every variant has the key of the address it came from', () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,8}$/);
    const address = fc.record({
      scheme: fc.constantFrom('http', 'https'),
      www: fc.boolean(),
      host: fc.stringMatching(/^[a-z]{1,8}\.(com|org)$/),
      path: fc.array(segment, { maxLength: 3 }),
      slash: fc.boolean(),
      query: fc.array(fc.tuple(fc.constantFrom('id', 'page', 'utm_source', 'fbclid'), segment), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(address, (a) => {
        const query = a.query.length ? `?${a.query.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
        const url = `${a.scheme}://${a.www ? 'www.' : ''}${a.host}/${a.path.join('/')}${a.slash && a.path.length ? '/' : ''}${query}`;
        const key = urlKey(url);
        for (const v of urlVariants(url)) expect(urlKey(v)).toBe(key);
      }),
    );
  });
});
