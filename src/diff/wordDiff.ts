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

// Words (with any invisible characters inside them), or single punctuation marks;
// each token keeps the white space before it so the text reads as written.
const TOKEN = /\s*(?:[\p{L}\p{N}\p{M}\u00AD\u200B-\u200D\u2060\uFEFF]+|[^\s\p{L}\p{N}\p{M}])/gu;

function tokens(text: string): Token[] {
  return (text.match(TOKEN) ?? []).map((t) => ({ text: t, key: normalizeText(t) }));
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
  // diffArrays returns the old side's values for common runs; keep the page's.
  let j = 0;
  for (const part of diffArrays(a, b, { comparator: (x, y) => x.key === y.key })) {
    const n = part.count ?? part.value.length;
    if (part.added) {
      push('ins', b.slice(j, j + n));
      j += n;
    } else if (part.removed) push('del', part.value);
    else {
      push('same', b.slice(j, j + n));
      j += n;
    }
  }
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
