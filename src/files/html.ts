/**
 * HTML pages: the article's text through Mozilla's Readability, metadata
 * from <meta>, Open Graph, <link rel=canonical> and JSON-LD. The DOM is
 * linkedom's, not the browser's: a Web Worker has no DOMParser, and the same
 * code then runs in Node (tests, the scan CLI) and in the options page's
 * worker.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { hasWords, httpUrl, normalizeDate, squash, wordCount } from './common';
import { MAX_JSONLD_NODES, MAX_LINK_SHARE, MIN_ARTICLE_WORDS } from './limits';
import { articleOf, type ArticleOrProblem } from './text';

/** The few DOM members used here, as linkedom and browsers both provide them. */
interface El {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<El>;
  getAttribute(name: string): string | null;
  querySelectorAll(sel: string): ArrayLike<El>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Blocks whose text is a paragraph when no other block is inside them. */
const BLOCKS = new Set([
  'P',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'DD',
  'DT',
  'FIGCAPTION',
  'TD',
  'TH',
  'DIV',
  'SECTION',
  'ARTICLE',
  'ASIDE',
  'MAIN',
  'UL',
  'OL',
  'DL',
  'TABLE',
  'TR',
  'FIGURE',
  'HEADER',
  'FOOTER',
  'H1',
]);
/** Never text of an article. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'BUTTON', 'SELECT', 'TEXTAREA', 'NAV']);

/** A document from HTML source; a fragment or an empty string is wrapped, as linkedom needs an <html> root. */
function parseDocument(html: string) {
  const full = /<html[\s>]/i.test(html.slice(0, 4096)) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return parseHTML(full).document;
}

/**
 * Paragraph texts under an element: the text of every block element holding
 * no other block, in document order, when less than half of it is link text,
 * plus loose text beside blocks. One iterative walk: each node is visited
 * once, so the time is linear and deep nesting cannot overflow the stack.
 */
export function blockParagraphs(root: El): string[] {
  const out: string[] = [];
  // Per open block: its text since its last inner block, and how much of that is link text.
  interface Frame {
    el: El;
    text: string[];
    link: number;
  }
  const frames: Frame[] = [{ el: root, text: [], link: 0 }];
  let inLink = 0;
  const emit = (f: Frame) => {
    const s = squash(f.text.join(''));
    if (s && hasWords(s) && f.link / s.length < MAX_LINK_SHARE) out.push(s);
    f.text = [];
    f.link = 0;
  };
  // Nodes to visit, each with whether it is being closed (its children are done).
  const stack: Array<[El, boolean]> = [[root, false]];
  let first = true;
  while (stack.length) {
    const [item, closing] = stack.pop()!;
    if (closing) {
      const el = item;
      if (el.nodeName.toUpperCase() === 'A') inLink--;
      const top = frames[frames.length - 1];
      if (top.el === el && frames.length > 1) {
        frames.pop();
        // The block's text since its last inner block.
        emit(top);
      }
      continue;
    }
    if (item.nodeType === TEXT_NODE) {
      const t = item.textContent ?? '';
      const top = frames[frames.length - 1];
      top.text.push(t);
      if (inLink > 0) top.link += squash(t).length;
      continue;
    }
    if (item.nodeType !== ELEMENT_NODE) continue;
    const name = item.nodeName.toUpperCase();
    if (SKIP.has(name)) continue;
    if (name === 'BR' || name === 'HR' || name === 'IMG') {
      frames[frames.length - 1].text.push(' ');
      continue;
    }
    if (!first && BLOCKS.has(name)) {
      // Text before this block in its parent is a paragraph of its own.
      emit(frames[frames.length - 1]);
      frames.push({ el: item, text: [], link: 0 });
    }
    first = false;
    if (name === 'A') inLink++;
    stack.push([item, true]);
    const kids = item.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], false]);
  }
  // The root's own loose text.
  emit(frames[0]);
  return out;
}

/** Paragraphs of an HTML fragment (a feed item's content): no Readability, every block is the article's. */
export function htmlFragmentParagraphs(html: string): string[] {
  const doc = parseDocument(html);
  const body = (doc.body ?? doc.documentElement) as unknown as El | null;
  return body ? blockParagraphs(body) : [];
}

const meta = (doc: { querySelector(s: string): El | null }, sel: string): string | null => {
  const v = doc.querySelector(sel)?.getAttribute('content');
  return v && v.trim() ? squash(v) : null;
};

/** A JSON-LD author or publisher: text, {name}, or a list of them. */
function names(v: unknown): string[] {
  const out: string[] = [];
  for (const x of Array.isArray(v) ? v.slice(0, 20) : [v]) {
    if (typeof x === 'string' && x.trim() && !httpUrl(x)) out.push(squash(x));
    else if (x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string') {
      const n = squash((x as { name: string }).name);
      if (n) out.push(n);
    }
  }
  return [...new Set(out)];
}

const ARTICLE_TYPE = /(?:^|[^A-Za-z])(?:[A-Za-z]*Article|BlogPosting|Report)$/;

interface JsonLd {
  headline: string | null;
  author: string | null;
  publisher: string | null;
  date: string | null;
  url: string | null;
}

/**
 * The first NewsArticle, Article (or another *Article type, or
 * BlogPosting) of the page's JSON-LD: a script may hold an object, a list,
 * or an @graph. At most MAX_JSONLD_NODES objects are looked at.
 */
function jsonLd(doc: { querySelectorAll(s: string): ArrayLike<El> }): JsonLd | null {
  const scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
  let visited = 0;
  for (let i = 0; i < scripts.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(scripts[i].textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length && visited < MAX_JSONLD_NODES) {
      const node = queue.shift();
      visited++;
      if (Array.isArray(node)) {
        queue.push(...node.slice(0, MAX_JSONLD_NODES));
        continue;
      }
      if (!node || typeof node !== 'object') continue;
      const o = node as Record<string, unknown>;
      if (Array.isArray(o['@graph'])) queue.push(...o['@graph'].slice(0, MAX_JSONLD_NODES));
      const types = (Array.isArray(o['@type']) ? o['@type'] : [o['@type']]).filter((t): t is string => typeof t === 'string');
      if (!types.some((t) => ARTICLE_TYPE.test(t))) continue;
      const entity = o.mainEntityOfPage;
      const entityUrl = typeof entity === 'string' ? entity : entity && typeof entity === 'object' ? (entity as Record<string, unknown>)['@id'] : null;
      const headline = typeof o.headline === 'string' ? o.headline : typeof o.name === 'string' ? o.name : null;
      return {
        headline: headline && squash(headline) ? squash(headline) : null,
        author: names(o.author).join(', ') || null,
        publisher: names(o.publisher)[0] ?? null,
        date: normalizeDate(o.datePublished) ?? normalizeDate(o.dateCreated),
        url: httpUrl(o.url) ?? httpUrl(entityUrl),
      };
    }
  }
  return null;
}

/** "By Jane Doe" → "Jane Doe". */
const byline = (s: string | null | undefined): string | null => {
  const t = s ? squash(s).replace(/^by\s+/i, '') : '';
  return t && t.length <= 200 && !httpUrl(t) ? t : null;
};

/**
 * An HTML page as an article. Metadata is read first (Readability removes
 * scripts, JSON-LD among them): title from JSON-LD's headline, og:title,
 * Readability's title, then the file name; publisher from JSON-LD, then
 * og:site_name; author from JSON-LD, then <meta name=author> and
 * article:author; date (YYYY-MM-DD) from JSON-LD, then
 * article:published_time and other date <meta>s; URL from
 * <link rel=canonical>, og:url, then JSON-LD. The paragraphs are the
 * article's <p>-level blocks; a page whose article has fewer than
 * MIN_ARTICLE_WORDS words has no article.
 */
export function readHtml(path: string, text: string): ArticleOrProblem {
  const doc = parseDocument(text);
  const ld = jsonLd(doc);
  const canonical = doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href');
  const metaDate =
    meta(doc, 'meta[property="article:published_time" i]') ??
    meta(doc, 'meta[name="article:published_time" i]') ??
    meta(doc, 'meta[itemprop="datePublished" i]') ??
    meta(doc, 'meta[name="date" i]') ??
    meta(doc, 'meta[name="pubdate" i]') ??
    meta(doc, 'meta[name="dc.date" i]');
  const found = {
    title: ld?.headline ?? meta(doc, 'meta[property="og:title" i]') ?? meta(doc, 'meta[name="twitter:title" i]'),
    publisher: ld?.publisher ?? meta(doc, 'meta[property="og:site_name" i]'),
    author: ld?.author ?? byline(meta(doc, 'meta[name="author" i]')) ?? byline(meta(doc, 'meta[property="article:author" i]')),
    date: ld?.date ?? normalizeDate(metaDate),
    url: httpUrl(canonical) ?? httpUrl(meta(doc, 'meta[property="og:url" i]')) ?? ld?.url ?? null,
  };
  let parsed: { title?: string | null; siteName?: string | null; byline?: string | null; publishedTime?: string | null; content?: unknown } | null = null;
  try {
    parsed = new Readability(doc as unknown as Document, { serializer: (el: Node) => el }).parse();
  } catch {
    parsed = null;
  }
  const content = parsed?.content as El | null | undefined;
  const blocks = content && typeof content === 'object' ? blockParagraphs(content) : [];
  const title =
    found.title ?? (parsed?.title && squash(parsed.title) ? squash(parsed.title) : null) ?? (squash(doc.querySelector('title')?.textContent ?? '') || null);
  // The headline repeated as the article's first block is the title, not a paragraph.
  const paragraphs = blocks[0] !== undefined && blocks[0] === title ? blocks.slice(1) : blocks;
  let words = 0;
  for (const p of paragraphs) words += wordCount(p);
  if (words < MIN_ARTICLE_WORDS) return { problem: { file: path, reason: 'no-article-text' } };
  return articleOf(path, {
    title,
    paragraphs,
    publisher: found.publisher ?? (parsed?.siteName ? squash(parsed.siteName) : null),
    author: found.author ?? byline(parsed?.byline),
    date: found.date ?? normalizeDate(parsed?.publishedTime),
    url: found.url,
  });
}
