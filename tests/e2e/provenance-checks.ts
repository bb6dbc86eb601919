import { expect } from 'vitest';
import { NYT_QUOTERS, REWORDERS } from './expectations';

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
  expect(state.provenance).toContain('Original: The New York Times (cited as source), quoted by 000 and 003');
  expect(state.provenance).toContain(credited ? 'This page credits it' : 'This page does not credit it');
  expect(NYT_QUOTERS).toContain(state.original);
  expect(state.credited).toBe(String(credited));
  const order = state.versions.map((v) => v.slice(0, 3));
  expect(order.slice(0, 2).sort()).toEqual(['000', '003']);
  expect(order.slice(2).sort()).toEqual(REWORDERS.map((r) => r.slice(0, 3)));
}
