import { describe, expect, it } from 'vitest';
import { htmlFragmentParagraphs, readHtml } from '../../../src/files/html';
import { readFiles } from '../../../src/files/read';
import { fixture, fixtureText } from './helpers';

describe('HTML pages', () => {
  it('reads the article with Readability and metadata from JSON-LD (@graph), Open Graph and the canonical link', () => {
    const r = readFiles([{ path: 'saved/article.html', bytes: fixture('article.html') }]);
    expect(r.problems).toEqual([]);
    const [a] = r.articles;
    expect(a.id).toBe('saved/article');
    expect(a.meta).toEqual({
      title: 'Harbour Reopens After Storm Repairs',
      publisher: 'The Coast Gazette',
      author: 'Ola Brandt, Kit Moreno',
      date: '2024-03-05',
      url: 'https://gazette.example/news/harbour-reopens',
    });
    expect(a.paragraphs).toHaveLength(4);
    // <br> keeps words apart; entities are decoded; navigation and footer links are not the article.
    expect(a.paragraphs[1]).toBe(
      'Fishing boats returned before dawn, and the first catch was landed by six. Harbour master Ines Falk said the crews had waited “long enough”.',
    );
    expect(a.paragraphs.join(' ')).not.toMatch(/Privacy|Home/);
  });

  it('falls back to Open Graph and <meta> when there is no JSON-LD, with the publisher’s own date', () => {
    const html = fixtureText('article.html').replace(/<script type="application\/ld\+json">[^]*?<\/script>/, '');
    const r = readHtml('a.html', html);
    if (!('article' in r)) throw new Error('no article');
    expect(r.article.meta).toEqual({
      title: 'Harbour reopens after storm repairs',
      publisher: 'The Coast Gazette',
      author: 'Ola Brandt',
      date: '2024-03-04',
      url: 'https://gazette.example/news/harbour-reopens',
    });
  });

  it('reads JSON-LD given as a list with a single author', () => {
    const body = '<p>' + 'Words of the article go on for a while here. '.repeat(6) + '</p>';
    const ld = JSON.stringify([
      { '@type': 'Organization', name: 'X' },
      { '@type': 'Article', headline: 'List headline', author: 'Solo Writer', datePublished: '2023-12-31' },
    ]);
    const r = readHtml('b.html', `<html><head><script type="application/ld+json">${ld}</script></head><body><article>${body}</article></body></html>`);
    if (!('article' in r)) throw new Error('no article');
    expect(r.article.meta).toMatchObject({ title: 'List headline', author: 'Solo Writer', date: '2023-12-31', publisher: null, url: null });
  });

  it('reports a page without an article', () => {
    expect(readFiles([{ path: 'no-article.html', bytes: fixture('no-article.html') }]).problems).toEqual([
      { file: 'no-article.html', reason: 'no-article-text' },
    ]);
    expect(readHtml('empty.html', '')).toEqual({ problem: { file: 'empty.html', reason: 'no-article-text' } });
  });

  it('turns a fragment into block paragraphs, skipping scripts', () => {
    expect(htmlFragmentParagraphs('<p>One <b>bold</b> line</p>loose text<ul><li>item</li></ul><script>x()</script>')).toEqual([
      'One bold line',
      'loose text',
      'item',
    ]);
  });

  it('copes with deep nesting without overflowing the stack', () => {
    const deep = '<div>'.repeat(20_000) + 'deep text' + '</div>'.repeat(20_000);
    expect(htmlFragmentParagraphs(deep)).toEqual(['deep text']);
  });
});
