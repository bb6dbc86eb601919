import { diffArrays } from 'diff';
import { normalizeText } from '../text/normalize';

export type DiffOp = 'same' | 'ins' | 'del';

export interface DiffPart {
  op: DiffOp;
  text: string;
}

interface Token {
  text: string;
  key: string;
}

// Words (with any invisible characters inside them), or single punctuation marks.
// Only white space lies between two of them, and each token keeps the white space
// before it so the text reads as written. (A leading \s* in the pattern re-read a
// run of spaces from each of its positions when no token followed: quadratic.)
const TOKEN = /[\p{L}\p{N}\p{M}\u00AD\u200B-\u200D\u2060\uFEFF]+|[^\s\p{L}\p{N}\p{M}]/gu;

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let from = 0;
  for (const m of text.matchAll(TOKEN)) {
    const end = m.index + m[0].length;
    out.push({ text: text.slice(from, end), key: normalizeText(m[0]) });
    from = end;
  }
  return out;
}

/**
 * Edits (tokens inserted or deleted) the diff looks for before giving up on
 * a fine alignment. Myers' diff takes time proportional to the tokens times
 * the edits, so unbounded it was quadratic on two long, different texts (a
 * 40,000-character pair took 15 s); two rewordings of a long paragraph
 * differ by a few hundred tokens.
 */
const MAX_EDITS = 1_000;

/** Common tokens at the start and at the end, and the changed middle as one deletion and one insertion. */
function coarseDiff(a: Token[], b: Token[]): Array<{ op: DiffOp; tokens: Token[] }> {
  let head = 0;
  while (head < a.length && head < b.length && a[head].key === b[head].key) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail].key === b[b.length - 1 - tail].key) tail++;
  return [
    { op: 'same', tokens: b.slice(0, head) },
    { op: 'del', tokens: a.slice(head, a.length - tail) },
    { op: 'ins', tokens: b.slice(head, b.length - tail) },
    { op: 'same', tokens: b.slice(b.length - tail) },
  ];
}

/** The diff as runs of tokens; common runs carry the page's tokens. */
function tokenDiff(a: Token[], b: Token[]): Array<{ op: DiffOp; tokens: Token[] }> {
  const parts = diffArrays(a, b, { comparator: (x, y) => x.key === y.key, maxEditLength: MAX_EDITS });
  if (!parts) return coarseDiff(a, b);
  // diffArrays returns the old side's values for common runs; keep the page's.
  let j = 0;
  return parts.map((part) => {
    const n = part.count ?? part.value.length;
    if (part.removed) return { op: 'del', tokens: part.value };
    const run = b.slice(j, (j += n));
    return { op: part.added ? 'ins' : 'same', tokens: run };
  });
}

/**
 * Word diff of a source passage against the page's: `del` for what only the
 * source has, `ins` for what only the page has. Tokens compare in normal
 * form, so a disguised copy (look-alike letters, hidden characters) shows
 * as unchanged, which is what it is to a reader.
 */
export function wordDiff(source: string, page: string): DiffPart[] {
  const a = tokens(source);
  const b = tokens(page);
  const parts: DiffPart[] = [];
  const push = (op: DiffOp, toks: Token[]) => {
    const text = toks.map((t) => t.text).join('');
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last?.op === op) last.text += text;
    else parts.push({ op, text });
  };
  for (const part of tokenDiff(a, b)) push(part.op, part.tokens);
  return parts;
}

/** Share of the two passages' words that the diff marks as changed. */
export function changedShare(parts: DiffPart[]): number {
  let changed = 0;
  let total = 0;
  for (const p of parts) {
    const n = (p.text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
    total += p.op === 'same' ? 2 * n : n;
    if (p.op !== 'same') changed += n;
  }
  return total === 0 ? 0 : changed / total;
}
