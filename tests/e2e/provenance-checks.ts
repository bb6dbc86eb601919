import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { quotedTitle } from '../../src/ui/words';
import { NYT_QUOTERS, REWORDERS } from './expectations';

/** A seed as the comparison names it: its publisher, or its title in quotation marks (seeds/manifest.json). */
const MANIFEST = JSON.parse(readFileSync('seeds/manifest.json', 'utf8')) as Record<string, { title: string; publisher: string | null }>;
const nameOf = (id: string) => MANIFEST[id].publisher ?? quotedTitle(MANIFEST[id].title);

/**
 * What the comparison of a NYT-derived passage shows (read from its closed
 * shadow root through the browser's automation protocol), with the block's
 * row of the report.
 */
export interface ComparisonState {
  provenance: string;
  versions: string[];
  original: string | null;
  credited: string | null;
}

/** The NYT is named as the cited original, 000/003 rank above 001/004, and every version is listed. */
export function expectNytProvenance(state: ComparisonState, credited: boolean): void {
  expect(state.provenance).toContain(
    'Original: The New York Times (cited as source), quoted by ZeroHedge News and “President Xi Pushes Putin To “Negotiate” With…”',
  );
  expect(state.provenance).toContain(credited ? 'Credited: names The New York Times just before it' : 'No credit found nearby');
  expect(NYT_QUOTERS).toContain(state.original);
  expect(state.credited).toBe(String(credited));
  // Version buttons name each version, never by id: quoters first, then the rewrites.
  const names = state.versions.map((v) => v.split(' · ')[0]);
  expect(names.slice(0, 2).sort()).toEqual(NYT_QUOTERS.map(nameOf).sort());
  expect(names.slice(2).sort()).toEqual(REWORDERS.map(nameOf).sort());
  for (const v of state.versions) expect(v).not.toMatch(/\b00\d\b/);
}
