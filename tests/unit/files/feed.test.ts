import { describe, expect, it } from 'vitest';
import { isFeed, readFeed } from '../../../src/files/feed';
import { readFiles } from '../../../src/files/read';
import { decodeEntities, parseXml, textOf } from '../../../src/files/xml';
import { fixture, fixtureText, utf8 } from './helpers';

describe('RSS', () => {
  it('reads items with entities, CDATA, dc:creator and content:encoded; never expands DOCTYPE entities', () => {
    const r = readFiles([{ path: 'feed.rss', bytes: fixture('feed.rss') }]);
    expect(r.articles).toHaveLength(2);
    const [a, b] = r.articles;
    expect(a.meta).toEqual({
      title: 'Harbour "reopens" — at last',
      publisher: 'The Coast Gazette & Friends',
      author: 'Ola Brandt',
      date: '2024-03-05',
      url: 'https://gazette.example/news/harbour-reopens',
    });
    expect(a.paragraphs).toEqual(['The harbour at Port Elling reopened on Monday & the boats came back.', 'Fishing boats returned before dawn.']);
    expect(b.meta.author).toBe('Kit Moreno');
    expect(b.paragraphs).toEqual(['The council voted to keep the library open on Sundays.', 'Volunteers & staff will share the desk.']);
    expect(r.problems).toEqual([{ file: 'feed.rss', reason: 'no-article-text', detail: 'item 3' }]);
  });

  it('is sniffed from its root element whatever the extension', () => {
    expect(isFeed(fixtureText('feed.rss'))).toBe(true);
    expect(isFeed('<html><body>x</body></html>')).toBe(false);
    expect(readFiles([{ path: 'download', bytes: fixture('feed.rss') }]).articles).toHaveLength(2);
  });
});

describe('Atom', () => {
  it('reads entries: xhtml and text content, html titles, the alternate link, published date, author name', () => {
    const r = readFiles([{ path: 'feed.atom', bytes: fixture('feed.atom') }]);
    expect(r.problems).toEqual([]);
    expect(r.articles.map((a) => a.meta)).toEqual([
      { title: 'The Orchard Survey', publisher: 'Orchard Notes', author: 'Mara Quill', date: '2024-03-05', url: 'https://notes.example/2024/orchard-survey' },
      { title: 'Plain entry', publisher: 'Orchard Notes', author: null, date: '2024-03-07', url: null },
    ]);
    expect(r.articles[0].paragraphs).toEqual(['Volunteers counted 412 trees.', 'Apple trees outnumbered pears.']);
    expect(r.articles[1].paragraphs).toEqual(['First line of plain text.', 'Second line of plain text.']);
  });
});

describe('the XML parser', () => {
  it('decodes numeric and named references, and leaves unknown ones', () => {
    expect(decodeEntities('&#x1F600; &#233; &amp;amp; &mdash; &bogus; &#0;')).toBe('😀 é &amp; — &bogus; \uFFFD');
  });

  it('keeps CDATA verbatim and quoted > inside attributes', () => {
    const root = parseXml('<a x="1>2"><![CDATA[<b>&amp;</b>]]></a>');
    const a = root.children[0];
    if (typeof a === 'string') throw new Error('no element');
    expect(a.attrs.x).toBe('1>2');
    expect(textOf(a)).toBe('<b>&amp;</b>');
  });

  it.each([
    ['unclosed comments', '<rss><channel>' + '<!--'.repeat(100_000)],
    ['unclosed CDATA', '<rss>' + '<![CDATA['.repeat(100_000)],
    ['stray end tags under a deep stack', '<rss>' + '<a>'.repeat(50_000) + '</b>'.repeat(50_000)],
    ['unclosed quotes', '<rss><item a="' + 'x'.repeat(1_000_000)],
    ['ampersands', '<rss><item><description>' + '&#12345678'.repeat(100_000) + '</description></item></rss>'],
  ])('is linear on %s', (_name, xml) => {
    const t = performance.now();
    readFeed('x.rss', xml);
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('reads a feed of 5,000 items quickly', () => {
    const item = (i: number) =>
      `<item><title>Item ${i}</title><link>https://x.example/${i}</link><description>&lt;p&gt;Paragraph ${i} of the feed.&lt;/p&gt;</description></item>`;
    const xml = `<rss><channel><title>Big</title>${Array.from({ length: 5000 }, (_, i) => item(i)).join('')}</channel></rss>`;
    const t = performance.now();
    const r = readFiles([{ path: 'big.xml', bytes: utf8(xml) }]);
    expect(r.articles).toHaveLength(5000);
    expect(performance.now() - t).toBeLessThan(5000);
  });
});
