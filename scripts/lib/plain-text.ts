/**
 * A plain-text page's paragraphs, as `npm run scan` reads a .txt FILE and
 * `npm run eval` reads the public sets' pages. Text is often hard-wrapped
 * (Clough & Stevenson's answers break every 70 characters), and a wrapped
 * line is not a paragraph: read line by line, 2 of Clough's 95 answers lost
 * their match (reuse accuracy 0.947 against 0.968 read this way).
 */

/**
 * Blocks split at blank lines; inside a block a line break ends a paragraph
 * only after sentence-final punctuation, otherwise it is a hard wrap and the
 * lines join. White space is squashed and a byte order mark dropped.
 */
export function paragraphsOf(text: string): string[] {
  const out: string[] = [];
  for (const block of text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)) {
    let cur = '';
    for (const line of block.split('\n').map((l) => l.replace(/\s+/g, ' ').trim())) {
      if (!line) continue;
      if (!cur) cur = line;
      else if (/[.!?:;"'\u201D\u2019)\]]$/.test(cur)) {
        out.push(cur);
        cur = line;
      } else cur += ' ' + line;
    }
    if (cur) out.push(cur);
  }
  return out;
}
