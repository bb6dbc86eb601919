/**
 * Finds a page's text blocks and reads their text across inline markup,
 * remembering which text node each character came from so that matches can
 * be highlighted as ranges without touching the page's nodes.
 */

import { isOwnNode } from './layer';
import { hostOf } from './shadow';

/** Elements that are blocks in their own right. */
const BLOCK_SELECTOR = 'p, li, blockquote, dd, td, div, section, article, main';
/** Inside these, nothing is article text. */
const EXCLUDED_SELECTOR = [
  'nav',
  'form',
  'header nav',
  'footer',
  'aside',
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'select',
  'button',
  'svg',
  'math',
  'iframe',
  'object',
  '[hidden]',
  '[aria-hidden="true"]',
  '[inert]',
  '[contenteditable]:not([contenteditable="false"])',
  '[role="navigation"]',
  '[role="search"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="dialog"]',
  '[role="menu"]',
].join(', ');
/** Children whose text belongs to another block (or to no block). */
const NOT_INLINE = new Set([
  'P',
  'LI',
  'BLOCKQUOTE',
  'DD',
  'DT',
  'TD',
  'TH',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'UL',
  'OL',
  'DL',
  'TABLE',
  'TBODY',
  'THEAD',
  'TR',
  'FIGURE',
  'FIGCAPTION',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'FORM',
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'SELECT',
  'BUTTON',
  'INPUT',
  'SVG',
  'IFRAME',
  'PRE',
  'HR',
  'IMG',
  'VIDEO',
  'AUDIO',
  'CANVAS',
  'OBJECT',
]);
/** Fewer letters than this is a label or a caption, not a paragraph. */
const MIN_BLOCK_CHARS = 25;
/** A block that is mostly link text is a link list ("Related: …"), not prose. */
const MAX_LINK_SHARE = 0.7;

export interface TextPiece {
  node: Text;
  /** Offset of this node's (whitespace-collapsed) text in the block text. */
  start: number;
}

export interface Block {
  element: Element;
  /** Characters of the text that sit inside links. */
  linkChars: number;
  /** Whitespace-collapsed text, as a reader sees it. */
  text: string;
  pieces: TextPiece[];
}

/** The block's own text: inline descendants only, whitespace collapsed. */
export function readBlock(element: Element): Block {
  let text = '';
  let linkChars = 0;
  const pieces: TextPiece[] = [];
  const walk = (parent: Node, inLink: boolean) => {
    for (let n = parent.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        const data = (n as Text).data.replace(/\s+/g, ' ');
        if (!data) continue;
        // Collapse runs of space across node boundaries as a browser does.
        const skip = data[0] === ' ' && (text === '' || text.endsWith(' ')) ? 1 : 0;
        pieces.push({ node: n as Text, start: text.length - skip });
        text += data.slice(skip);
        if (inLink) linkChars += data.trim().length;
      } else if (n.nodeType === 1) {
        const el = n as Element;
        if (el.tagName === 'BR') {
          if (!text.endsWith(' ')) text += ' ';
        } else if (!NOT_INLINE.has(el.tagName.toUpperCase()) && !isExcluded(el)) walk(el, inLink || el.tagName.toUpperCase() === 'A');
      }
    }
  };
  walk(element, false);
  const lead = text.length - text.trimStart().length;
  return {
    element,
    text: text.trim(),
    linkChars,
    pieces: pieces.map((p) => ({ node: p.node, start: p.start - lead })),
  };
}

function isExcluded(el: Element): boolean {
  return el.matches(EXCLUDED_SELECTOR) || el.getAttribute('aria-hidden') === 'true';
}

/** Whether a block can hold article text at all (before reading it). */
export function isCandidate(el: Element): boolean {
  // A web component's place in the page counts too: its shadow tree inside <nav> or <aside> is furniture.
  for (let e: Element | null = el; e; e = hostOf(e.getRootNode())) if (e.closest(EXCLUDED_SELECTOR)) return false;
  // Layout-aware where the engine offers it; jsdom-like DOMs have no layout.
  const visible = (el as HTMLElement).checkVisibility?.({ visibilityProperty: true } as CheckVisibilityOptions);
  return visible !== false;
}

/** Candidate block elements under a root, in document order. */
export function candidateElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  if ((root as Node).nodeType === 1 && (root as Element).matches(BLOCK_SELECTOR)) out.push(root as Element);
  for (const el of root.querySelectorAll(BLOCK_SELECTOR)) if (!isOwnNode(el)) out.push(el);
  return out;
}

/** The block whose own text a node may be part of: the nearest block element above it (a `<span hidden>` inside a `<p>`). */
export function enclosingBlock(n: ParentNode): Element | null {
  const around = (n as Node).parentElement?.closest(BLOCK_SELECTOR) ?? null;
  return around && !isOwnNode(around) ? around : null;
}

/** Reads a candidate; null when it has no paragraph-sized text of its own. */
export function extractBlock(el: Element): Block | null {
  return isCandidate(el) ? paragraphOf(el) : null;
}

/** Reads a block already known to be a candidate; null when its own text is not paragraph-sized prose. */
export function paragraphOf(el: Element): Block | null {
  const block = readBlock(el);
  if (block.text.replace(/[^\p{L}\p{N}]/gu, '').length < MIN_BLOCK_CHARS) return null;
  if (block.linkChars > MAX_LINK_SHARE * block.text.length) return null;
  return block;
}

/** Maps a block-text offset to a DOM position inside the block's text nodes. */
export function domPosition(block: Block, offset: number): { node: Text; offset: number } | null {
  let piece: TextPiece | undefined;
  for (const p of block.pieces) {
    if (p.start <= offset) piece = p;
    else break;
  }
  if (!piece) return null;
  // Walk the raw node text; a run of white space is one collapsed character.
  const data = piece.node.data;
  let k = 0;
  let prevSpace = false;
  for (let i = 0; i < data.length; i++) {
    const space = /\s/.test(data[i]);
    if (space && prevSpace) continue;
    if (piece.start + k >= offset) return { node: piece.node, offset: i };
    k++;
    prevSpace = space;
  }
  return { node: piece.node, offset: data.length };
}

/** A DOM range over block-text offsets [start, end). */
export function blockRange(block: Block, start: number, end: number): Range | null {
  const a = domPosition(block, start);
  const b = domPosition(block, end);
  if (!a || !b) return null;
  const range = block.element.ownerDocument.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}
