/**
 * A small XML parser for feeds: elements, attributes, text, CDATA and
 * entities, in one left-to-right pass with indexOf (linear time, no
 * backtracking regular expressions, no recursion). DOCTYPE declarations are
 * skipped and their entities never expanded, so a "billion laughs" document
 * stays the size it is. Malformed markup is read leniently: an unclosed
 * element ends with its parent, a stray end tag is ignored.
 */

export interface XmlElement {
  /** Qualified name as written, e.g. `item`, `content:encoded`, `atom:link`. */
  name: string;
  /** The name without its prefix, lower case. */
  local: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

/** HTML's named entities that feeds use without declaring them, beside XML's five. */
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  sbquo: '‚',
  bdquo: '„',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  lsaquo: '‹',
  rsaquo: '›',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  times: '×',
  divide: '÷',
  shy: '\u00ad',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  euml: 'ë',
  aacute: 'á',
  agrave: 'à',
  acirc: 'â',
  auml: 'ä',
  aring: 'å',
  atilde: 'ã',
  iacute: 'í',
  igrave: 'ì',
  icirc: 'î',
  iuml: 'ï',
  oacute: 'ó',
  ograve: 'ò',
  ocirc: 'ô',
  ouml: 'ö',
  otilde: 'õ',
  oslash: 'ø',
  uacute: 'ú',
  ugrave: 'ù',
  ucirc: 'û',
  uuml: 'ü',
  ccedil: 'ç',
  ntilde: 'ñ',
  szlig: 'ß',
  Eacute: 'É',
  Agrave: 'À',
  Ccedil: 'Ç',
  Ouml: 'Ö',
  Uuml: 'Ü',
  Auml: 'Ä',
  aelig: 'æ',
  oelig: 'œ',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
  zwnj: '\u200c',
  zwj: '\u200d',
};

/**
 * Character and entity references decoded; an unknown or malformed one is
 * left as written. The pattern's repeats are bounded (at most 32 characters
 * per reference), so it is linear.
 */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g, (all, dec: string, hex: string, name: string) => {
    if (name !== undefined) return Object.hasOwn(NAMED, name) ? NAMED[name] : all;
    const cp = dec !== undefined ? parseInt(dec, 10) : parseInt(hex, 16);
    if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(cp);
  });
}

const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1).toLowerCase();

const isNameEnd = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f /* / */ || c === 0x3e; /* > */

/** Attributes of a start tag's inside (between the name and `>`), scanned once. */
function parseAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = Object.create(null);
  let i = 0;
  const n = s.length;
  while (i < n) {
    while (i < n && /[\s/]/.test(s[i])) i++;
    const start = i;
    while (i < n && !/[\s=/]/.test(s[i])) i++;
    const name = s.slice(start, i);
    while (i < n && /\s/.test(s[i])) i++;
    let value = '';
    if (s[i] === '=') {
      i++;
      while (i < n && /\s/.test(s[i])) i++;
      const q = s[i];
      if (q === '"' || q === "'") {
        const end = s.indexOf(q, i + 1);
        value = s.slice(i + 1, end === -1 ? n : end);
        i = end === -1 ? n : end + 1;
      } else {
        const vs = i;
        while (i < n && !/\s/.test(s[i])) i++;
        value = s.slice(vs, i);
      }
    }
    if (name) attrs[name] = decodeEntities(value);
    else if (i === start) i++;
  }
  return attrs;
}

/**
 * The end of a start tag beginning at `from` (just after `<name`): the first
 * `>` outside quotes, or -1. One scan.
 */
function tagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let k = from; k < xml.length; k++) {
    const c = xml.charCodeAt(k);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return k;
  }
  return -1;
}

/**
 * How far up the open elements an end tag looks for its start: feeds nest a
 * dozen levels, and the bound keeps a run of stray end tags under a deep
 * stack linear.
 */
const MAX_CLOSE_SEARCH = 64;

/** Parses XML into a root holding the top-level nodes. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', local: '#document', attrs: Object.create(null), children: [] };
  const stack: XmlElement[] = [root];
  let i = 0;
  const n = xml.length;
  const top = () => stack[stack.length - 1];
  const text = (s: string) => {
    if (s) top().children.push(s);
  };
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt === -1) {
      text(decodeEntities(xml.slice(i)));
      break;
    }
    if (lt > i) text(decodeEntities(xml.slice(i, lt)));
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      text(xml.slice(lt + 9, end === -1 ? n : end));
      i = end === -1 ? n : end + 3;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      i = end === -1 ? n : end + 3;
    } else if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      i = end === -1 ? n : end + 2;
    } else if (xml.startsWith('<!', lt)) {
      // DOCTYPE (with an internal subset in [...]) or another declaration: skipped, never expanded.
      const gt = xml.indexOf('>', lt);
      if (gt === -1) break;
      const bracket = xml.slice(lt, gt).indexOf('[');
      if (bracket !== -1) {
        const end = xml.indexOf(']', lt + bracket);
        const close = end === -1 ? -1 : xml.indexOf('>', end);
        i = close === -1 ? n : close + 1;
      } else i = gt + 1;
    } else if (xml[lt + 1] === '/') {
      const gt = xml.indexOf('>', lt);
      const name = xml.slice(lt + 2, gt === -1 ? n : gt).trim();
      i = gt === -1 ? n : gt + 1;
      // Close the nearest open element of that name, if any; a stray end tag is ignored.
      for (let d = stack.length - 1; d > 0 && d >= stack.length - MAX_CLOSE_SEARCH; d--)
        if (stack[d].name === name) {
          stack.length = d;
          break;
        }
    } else {
      let k = lt + 1;
      while (k < n && !isNameEnd(xml.charCodeAt(k))) k++;
      const name = xml.slice(lt + 1, k);
      if (!name || /^[^A-Za-z_]/.test(name)) {
        // Not a tag: a lone `<` in text.
        text('<');
        i = lt + 1;
        continue;
      }
      const gt = tagEnd(xml, k);
      if (gt === -1) break;
      const selfClosing = xml[gt - 1] === '/';
      const el: XmlElement = { name, local: localName(name), attrs: parseAttrs(xml.slice(k, selfClosing ? gt - 1 : gt)), children: [] };
      top().children.push(el);
      if (!selfClosing) stack.push(el);
      i = gt + 1;
    }
  }
  return root;
}

export const elements = (el: XmlElement): XmlElement[] => el.children.filter((c): c is XmlElement => typeof c !== 'string');

/** Children named `name` (qualified, case-insensitive). */
export const childrenNamed = (el: XmlElement, name: string): XmlElement[] => elements(el).filter((c) => c.name.toLowerCase() === name);

/** The text of an element and its descendants, iteratively. */
export function textOf(el: XmlElement): string {
  const out: string[] = [];
  const stack: XmlNode[] = [el];
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node === 'string') out.push(node);
    else for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return out.join('');
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** The markup of an element's children (Atom's type="xhtml" content), iteratively. */
export function innerXml(el: XmlElement): string {
  const out: string[] = [];
  const stack: Array<XmlNode | { end: string }> = [];
  for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]);
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node === 'string') out.push(escapeText(node));
    else if ('end' in node) out.push(node.end);
    else {
      const attrs = Object.entries(node.attrs)
        .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
        .join('');
      out.push(`<${node.local}${attrs}>`);
      stack.push({ end: `</${node.local}>` });
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    }
  }
  return out.join('');
}
