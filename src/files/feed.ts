/**
 * RSS 2.0 (and RSS 1.0) and Atom feeds: every item or entry is an article,
 * its text from content:encoded, Atom content, description or summary (HTML
 * inside becomes paragraphs), the channel's or feed's title its publisher.
 */
import { hasWords, httpUrl, keyedId, lines, normalizeDate, squash, urlSlug } from './common';
import { htmlFragmentParagraphs } from './html';
import { articleOf } from './text';
import type { ReadResult } from './types';
import { childrenNamed, elements, innerXml, parseXml, textOf, type XmlElement } from './xml';

/** The root element's name of a feed: rss, feed (Atom), rdf:RDF (RSS 1.0). */
const FEED_ROOTS = new Set(['rss', 'feed', 'rdf']);

/**
 * Whether a text is a feed: its first element, after the XML declaration,
 * comments and a DOCTYPE (with its internal subset), is <rss>, <feed> or
 * <rdf:RDF>. At most 32 such prologue items are skipped, each with one
 * indexOf, so it is linear.
 */
export function isFeed(text: string): boolean {
  let i = 0;
  for (let step = 0; step < 32; step++) {
    while (i < text.length && /\s|\uFEFF/.test(text[i])) i++;
    // The index just past the prologue item at i, or 0 when it does not end.
    let next: number;
    if (text.startsWith('<?', i)) next = text.indexOf('?>', i) + 2;
    else if (text.startsWith('<!--', i)) next = text.indexOf('-->', i) + 3;
    else if (text.startsWith('<!', i)) {
      const gt = text.indexOf('>', i);
      if (gt === -1) return false;
      const bracket = text.slice(i, gt).indexOf('[');
      const close = bracket === -1 ? i : text.indexOf(']', i + bracket);
      next = close === -1 ? 0 : text.indexOf('>', close) + 1;
    } else break;
    if (next <= i) return false;
    i = next;
  }
  const m = /^<([A-Za-z_][\w.:-]{0,63})/.exec(text.slice(i, i + 80));
  if (!m) return false;
  const name = m[1];
  return FEED_ROOTS.has(name.slice(name.indexOf(':') + 1).toLowerCase());
}

const first = (el: XmlElement, ...names: string[]): XmlElement | undefined => {
  for (const name of names) {
    const c = childrenNamed(el, name)[0];
    if (c) return c;
  }
  return undefined;
};

/** Tags stripped from a title or a name that carries HTML; each match stops at the next `<`, so linear. */
const plain = (s: string) => squash(s.replace(/<[^<>]*>/g, ' '));

/** The text of a title-like element; Atom's type="html" and "xhtml" hold markup. */
function titleText(el: XmlElement | undefined): string | null {
  if (!el) return null;
  const type = (el.attrs.type ?? '').toLowerCase();
  const s = type === 'xhtml' ? plain(innerXml(el)) : type === 'html' || type === 'text/html' ? plain(textOf(el)) : squash(textOf(el));
  return s || null;
}

/** Paragraphs of a content element: Atom's type says text, html or xhtml; RSS content is HTML, or plain text when it has no tag. */
function contentParagraphs(el: XmlElement): string[] {
  const type = (el.attrs.type ?? '').toLowerCase();
  if (type === 'xhtml' || type === 'application/xhtml+xml') return htmlFragmentParagraphs(innerXml(el));
  const text = textOf(el);
  if (type === 'text' || type === 'text/plain' || !/<[A-Za-z!/]/.test(text)) return lines(text);
  return htmlFragmentParagraphs(text);
}

/** An RSS author is often `jane@example.com (Jane Doe)`: the name, or the text when it is not an address. */
function authorName(item: XmlElement): string | null {
  const names: string[] = [];
  for (const el of elements(item)) {
    const n = el.name.toLowerCase();
    if (n === 'dc:creator') names.push(squash(textOf(el)));
    else if (el.local === 'author') {
      const name = first(el, 'name', 'atom:name');
      const s = squash(name ? textOf(name) : textOf(el));
      const paren = /\(([^()]+)\)\s*$/.exec(s);
      names.push(paren ? squash(paren[1]) : /^\S+@\S+$/.test(s) ? '' : s);
    }
  }
  const unique = [...new Set(names.filter(Boolean))];
  return unique.length ? unique.join(', ') : null;
}

/** The item's link: RSS <link> text, Atom <link rel=alternate href>, else a permalink guid or an id that is a URL. */
function linkOf(item: XmlElement): string | null {
  for (const el of elements(item)) {
    if (el.local !== 'link') continue;
    const href = el.attrs.href;
    if (href !== undefined) {
      const rel = (el.attrs.rel ?? 'alternate').toLowerCase();
      if (rel === 'alternate' && httpUrl(href)) return httpUrl(href);
    } else if (httpUrl(textOf(el))) return httpUrl(textOf(el));
  }
  const guid = first(item, 'guid', 'id', 'atom:id');
  return guid && guid.attrs.isPermaLink !== 'false' ? httpUrl(textOf(guid)) : null;
}

/** Items (RSS) and entries (Atom) anywhere under the root, in document order, not looking inside an item. */
function items(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: XmlElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    if (el !== root && (el.local === 'item' || el.local === 'entry')) {
      out.push(el);
      continue;
    }
    const kids = elements(el);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

/**
 * A feed's articles. An item is keyed by its link (else its guid or id, else
 * its title and text), so importing the feed again, or a later feed with the
 * same item, replaces the article. An item without text is a
 * 'no-article-text' problem naming it (`item 3`, counted from 1).
 */
export function readFeed(path: string, text: string): ReadResult {
  const doc = parseXml(text);
  const root = elements(doc)[0];
  const result: ReadResult = { articles: [], problems: [] };
  if (!root) return { articles: [], problems: [{ file: path, reason: 'unreadable' }] };
  const channel = first(root, 'channel', 'rss:channel') ?? root;
  const publisher = titleText(first(channel, 'title', 'atom:title', 'dc:title'));
  const list = items(root);
  if (list.length === 0) return { articles: [], problems: [{ file: path, reason: 'no-article-text' }] };
  list.forEach((item, i) => {
    const detail = `item ${i + 1}`;
    const title = titleText(first(item, 'title', 'atom:title', 'dc:title'));
    const contentEl = [
      first(item, 'content:encoded'),
      first(item, 'content', 'atom:content'),
      first(item, 'description'),
      first(item, 'summary', 'atom:summary'),
    ].find((el) => el !== undefined && hasWords(textOf(el)));
    const paragraphs = contentEl ? contentParagraphs(contentEl) : [];
    const url = linkOf(item);
    const guidEl = first(item, 'guid', 'id', 'atom:id');
    const guid = guidEl ? squash(textOf(guidEl)) : '';
    const key = url ?? (guid ? `guid:${guid}` : `text:${title ?? ''}\n${paragraphs.join('\n')}`);
    const dateEl = first(item, 'pubdate', 'published', 'atom:published', 'dc:date', 'updated', 'atom:updated');
    const r = articleOf(
      path,
      {
        title: title ?? null,
        paragraphs,
        publisher,
        author: authorName(item),
        date: dateEl ? normalizeDate(textOf(dateEl)) : null,
        url,
      },
      keyedId(key, (url && urlSlug(url)) || title || ''),
    );
    if ('article' in r) result.articles.push(r.article);
    else result.problems.push({ ...r.problem, detail });
  });
  return result;
}
