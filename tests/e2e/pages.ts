import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Seed 000's paragraphs of more than 30 words: corpus text, verbatim. */
export const SEED_PARAGRAPHS = readFileSync(path.resolve(import.meta.dirname, '../../seeds/000_1314c5edfdd34a8c.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.split(' ').length > 30);

const TOPICS = ['harbour', 'orchard', 'library', 'railway', 'festival', 'museum', 'bakery', 'stadium', 'river', 'school'];

/** A long page of unrelated local news, with one corpus paragraph every 100. */
export function manyParagraphsPage(n: number): string {
  const ps: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 100 === 50) ps.push(`<p>${SEED_PARAGRAPHS[i % SEED_PARAGRAPHS.length]}</p>`);
    else {
      const t = TOPICS[i % TOPICS.length];
      ps.push(
        `<p>Item ${i}: residents near the ${t} met on day ${(i % 28) + 1} to discuss plans for the ${t}, and volunteers counted ${(i * 7) % 300} visitors before the evening session about funding and opening hours.</p>`,
      );
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long page</title></head><body><main>${ps.join('\n')}</main></body></html>`;
}

/**
 * A paragraph that is one 150 KB token, beside a real copy and the page's own
 * text: before the block cap, the token held the worker for 25 s.
 */
export function longTokenPage(): string {
  const token = 'x'.repeat(150_000);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long token</title></head><body><article>
<p id="token">${token}</p>
<p id="copy">${SEED_PARAGRAPHS[9]}</p>
<p id="own">Volunteers at the harbour museum repainted the old lifeboat over three weekends this spring, and the council promised a new roof.</p>
</article></body></html>`;
}

/** Every distinct seed paragraph of more than 20 words, from all five seeds: 54 corpus paragraphs. */
export const ALL_SEED_PARAGRAPHS = [
  ...new Set(
    readdirSync(path.resolve(import.meta.dirname, '../../seeds'))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .flatMap((f) => readFileSync(path.resolve(import.meta.dirname, '../../seeds', f), 'utf8').split('\n'))
      .filter((l) => l.split(' ').length > 20),
  ),
];

/**
 * A round-up that reprints from every seed: dozens of highlights, as the
 * popup must list at a glance. `leaveOut` paragraphs are held back, for a
 * test to add later.
 */
export function manyHighlightsPage(leaveOut = 0): string {
  const copies = ALL_SEED_PARAGRAPHS.slice(0, ALL_SEED_PARAGRAPHS.length - leaveOut);
  const ps = copies.map((p, i) => `<p>${p}</p>\n<p>Our round-up, item ${i + 1}: residents near the ${TOPICS[i % TOPICS.length]} met to discuss it.</p>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Round-up</title></head><body><main><h1>Round-up</h1>${ps.join('\n')}</main></body></html>`;
}
