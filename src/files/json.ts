/**
 * JSON and JSON Lines: one article per array entry or per line, each
 * `{ text, title?, url?, publisher?, author?, date?, id?, collection? }`.
 * Entries are checked one by one: a wrong type is a 'bad-field' problem
 * naming the entry and the field, and the other entries still load.
 */
import { httpUrl, keyedId, lines, normalizeDate, urlSlug } from './common';
import { articleOf } from './text';
import type { Problem, ReadResult } from './types';

/** Optional fields: text or null. */
const OPTIONAL = ['title', 'url', 'publisher', 'author', 'date', 'id', 'collection'] as const;

/** One entry as an article, or the problem that skips it; `where` is `line 3` or `item 3` (from 1). */
function entry(path: string, value: unknown, where: string, result: ReadResult): void {
  const bad = (field: string, reason: Problem['reason'] = 'bad-field'): void => {
    result.problems.push({ file: path, reason, detail: field ? `${where}: ${field}` : where });
  };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return bad('');
  const o = value as Record<string, unknown>;
  if (typeof o.text !== 'string') return bad('text');
  for (const field of OPTIONAL) if (Object.hasOwn(o, field) && o[field] !== null && typeof o[field] !== 'string') return bad(field);
  const str = (field: (typeof OPTIONAL)[number]) => (typeof o[field] === 'string' && (o[field] as string).trim() ? (o[field] as string).trim() : null);
  const title = str('title');
  const url = httpUrl(o.url);
  const paragraphs = lines(o.text);
  const key = str('id') ? `id:${str('id')}` : (url ?? `text:${title ?? ''}\n${paragraphs.join('\n')}`);
  const r = articleOf(
    path,
    { title, paragraphs, publisher: str('publisher'), author: str('author'), date: normalizeDate(o.date), url },
    keyedId(key, (url && urlSlug(url)) || title || str('id') || ''),
  );
  if ('problem' in r) {
    result.problems.push({ ...r.problem, detail: where });
    return;
  }
  const collection = str('collection');
  result.articles.push(collection ? { ...r.article, collection } : r.article);
}

/** A .jsonl file: one JSON object per non-blank line; a line that is not JSON is 'unreadable' with its number. */
export function readJsonl(path: string, text: string): ReadResult {
  const result: ReadResult = { articles: [], problems: [] };
  const all = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < all.length; i++) {
    if (!all[i].trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(all[i]);
    } catch {
      result.problems.push({ file: path, reason: 'unreadable', detail: `line ${i + 1}` });
      continue;
    }
    entry(path, value, `line ${i + 1}`, result);
  }
  if (result.articles.length === 0 && result.problems.length === 0) result.problems.push({ file: path, reason: 'empty' });
  return result;
}

/** A .json file: an array of articles, `{ "articles": [...] }`, or one article object. */
export function readJson(path: string, text: string): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { articles: [], problems: [{ file: path, reason: 'unreadable' }] };
  }
  const result: ReadResult = { articles: [], problems: [] };
  const list =
    value && typeof value === 'object' && !Array.isArray(value) && Array.isArray((value as { articles?: unknown }).articles)
      ? ((value as { articles: unknown[] }).articles as unknown[])
      : Array.isArray(value)
        ? value
        : null;
  if (list === null) {
    if (value && typeof value === 'object' && Object.hasOwn(value, 'text')) entry(path, value, 'item 1', result);
    else result.problems.push({ file: path, reason: 'bad-field', detail: 'articles' });
    return result;
  }
  list.forEach((v, i) => entry(path, v, `item ${i + 1}`, result));
  if (list.length === 0) result.problems.push({ file: path, reason: 'empty' });
  return result;
}
