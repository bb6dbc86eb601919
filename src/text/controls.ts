/**
 * Invisible characters a page can hide in text: zero-width spaces and joiners,
 * direction marks and overrides (which can make text read in another order
 * than it is stored), word joiners, the byte-order mark, soft hyphens, and
 * every other Unicode format character (Cf). The comparison shows each one,
 * so a reader sees what a disguised copy hides.
 */

/** A stretch of text: ordinary characters, or one invisible character and its code point. */
export interface TextRun {
  text: string;
  control?: number;
}

// U+2065 is unassigned, not Cf, but sits inside the bidi isolate block.
const CONTROL = /[\p{Cf}\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu;

const ONE_CONTROL = new RegExp(`^${CONTROL.source}$`, 'u');

/** Whether a code point is one that splitControls sets apart. */
export const isControl = (codePoint: number): boolean => ONE_CONTROL.test(String.fromCodePoint(codePoint));

/**
 * The text as runs of ordinary characters and single invisible ones, in
 * order; joining the runs' text gives the input back. One pass.
 */
export function splitControls(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const m of text.matchAll(CONTROL)) {
    if (m.index > last) runs.push({ text: text.slice(last, m.index) });
    runs.push({ text: m[0], control: m[0].codePointAt(0)! });
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  return runs;
}
