import { describe, expect, it } from 'vitest';
import { readJson, readJsonl } from '../../../src/files/json';
import { readFiles } from '../../../src/files/read';
import { fixture, utf8 } from './helpers';

describe('JSON Lines', () => {
  it('reads one article per line and reports wrong types by line and field; the other lines still load', () => {
    const r = readFiles([{ path: 'articles.jsonl', bytes: fixture('articles.jsonl') }]);
    expect(r.articles.map((a) => a.meta.title)).toEqual(['Harbour reopens', 'Library stays open']);
    expect(r.articles[0].meta).toEqual({
      title: 'Harbour reopens',
      publisher: 'The Coast Gazette',
      author: 'Ola Brandt',
      date: '2024-03-05',
      url: 'https://gazette.example/news/harbour-reopens',
    });
    expect(r.articles[0].paragraphs).toEqual(['The harbour reopened on Monday.', 'Fishing boats returned before dawn.']);
    expect(r.articles[1].meta.date).toBe('2024-03-05');
    expect(r.problems).toEqual([
      { file: 'articles.jsonl', reason: 'bad-field', detail: 'line 2: title' },
      { file: 'articles.jsonl', reason: 'bad-field', detail: 'line 3: text' },
      { file: 'articles.jsonl', reason: 'unreadable', detail: 'line 4' },
      { file: 'articles.jsonl', reason: 'no-article-text', detail: 'line 7' },
    ]);
  });

  it('keys an article by its URL, so it keeps its id when re-imported or retitled', () => {
    const a = readJsonl('a.jsonl', '{"url":"https://x.example/a/story-one","title":"One","text":"Body."}').articles[0];
    const b = readJsonl('b.jsonl', '{"url":"https://x.example/a/story-one","title":"One (updated)","text":"Body, updated."}').articles[0];
    expect(a.id).toBe(b.id);
    expect(a.id).toMatch(/^story-one_[0-9a-f]{16}$/);
    const c = readJsonl('c.jsonl', '{"title":"No url","text":"Body."}').articles[0];
    expect(readJsonl('d.jsonl', '{"title":"No url","text":"Body."}').articles[0].id).toBe(c.id);
  });
});

describe('JSON', () => {
  it('reads { articles: [...] }, with ids and collections, and reports bad entries by item', () => {
    const r = readFiles([{ path: 'articles.json', bytes: fixture('articles.json') }]);
    expect(r.articles.map((a) => a.meta.title)).toEqual(['Harbour reopens', 'Orchard survey']);
    expect(r.articles[1].collection).toBe('Field notes');
    expect(r.problems).toEqual([
      { file: 'articles.json', reason: 'bad-field', detail: 'item 2: date' },
      { file: 'articles.json', reason: 'bad-field', detail: 'item 3' },
    ]);
  });

  it('reads a bare array and a single object, and refuses what is not JSON', () => {
    expect(readJson('a.json', '[{"text":"One."},{"text":"Two.","author":null}]').articles).toHaveLength(2);
    expect(readJson('b.json', '{"text":"Solo.","title":"Solo"}').articles[0].meta.title).toBe('Solo');
    expect(readJson('c.json', '{"text":').problems).toEqual([{ file: 'c.json', reason: 'unreadable' }]);
    expect(readJson('d.json', '{"nope":1}').problems).toEqual([{ file: 'd.json', reason: 'bad-field', detail: 'articles' }]);
  });

  it('sniffs JSON Lines without an extension', () => {
    const r = readFiles([{ path: 'export', bytes: utf8('{"text":"One."}\n{"text":"Two."}\n') }]);
    expect(r.articles).toHaveLength(2);
  });
});
