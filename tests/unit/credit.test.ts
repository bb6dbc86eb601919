import { describe, expect, it } from 'vitest';
import { linksAny, linksTo } from '../../src/match/credit';

const SOURCE = 'https://ift.tt/ZktsESg';

describe('link credit', () => {
  it('credits a link to the source page, or to a page below it', () => {
    expect(linksAny([SOURCE], [SOURCE])).toBe(true);
    expect(linksAny(['https://IFT.tt/ZktsESg/'], [SOURCE])).toBe(true);
    expect(linksAny(['https://www.ift.tt/ZktsESg?utm_source=x#top'], [SOURCE])).toBe(true);
    expect(linksAny(['https://ift.tt/ZktsESg/part-2'], [SOURCE])).toBe(true);
    expect(linksAny(['https://news.example/world/'], ['https://news.example/world'])).toBe(true);
    expect(linksAny(['https://news.example/world/asia/1'], ['https://news.example/world/'])).toBe(true);
    expect(linksAny(['https://news.example/anything'], ['https://news.example/'])).toBe(true);
  });

  it('does not credit a link that only starts with the source URL as text', () => {
    expect(linksAny(['https://ift.tt/ZktsESg.attacker.example/'], [SOURCE])).toBe(false);
    expect(linksAny(['https://ift.tt/ZktsESgX'], [SOURCE])).toBe(false);
    expect(linksAny(['https://ift.tt.attacker.example/ZktsESg'], [SOURCE])).toBe(false);
    expect(linksAny(['https://ift.tt@attacker.example/ZktsESg'], [SOURCE])).toBe(false);
    expect(linksAny(['https://news.example/worldwide'], ['https://news.example/world'])).toBe(false);
  });

  it('needs the same scheme, port and query', () => {
    expect(linksAny(['http://ift.tt/ZktsESg'], [SOURCE])).toBe(false);
    expect(linksAny(['https://ift.tt:8443/ZktsESg'], [SOURCE])).toBe(false);
    expect(linksAny(['https://ift.tt:443/ZktsESg'], [SOURCE])).toBe(true);
    expect(linksTo(new URL('https://x.example/a?id=2'), new URL('https://x.example/a?id=1'))).toBe(false);
    expect(linksTo(new URL('https://x.example/a?id=1'), new URL('https://x.example/a?id=1'))).toBe(true);
  });

  it('credits a bare host and its subdomains, not a look-alike', () => {
    expect(linksAny(['https://www.nytimes.com/2022/03/02/world/x.html'], ['nytimes.com'])).toBe(true);
    expect(linksAny(['https://cooking.nytimes.com/'], ['nytimes.com'])).toBe(true);
    expect(linksAny(['https://notnytimes.com/'], ['nytimes.com'])).toBe(false);
  });

  it('skips what is not a URL', () => {
    expect(linksAny(['not a url', 'javascript:void(0)'], [SOURCE, 'not/a url'])).toBe(false);
  });
});
