/**
 * The edits `npm run eval` applies to seed paragraphs it injects into the
 * Readability news pages (scripts/eval-news.ts): deterministic, and each one
 * really changes every substantive seed paragraph, lightly.
 */
import { describe, expect, it } from 'vitest';
import { EDIT_TYPES, editCopy } from '../../scripts/eval-news';
import { shingleJaccard } from '../../scripts/eval-lib';
import { words } from '../../src/text/normalize';
import { seedDocuments } from './helpers/seeds';

const substantive = seedDocuments.flatMap((d) => d.paragraphs).filter((p) => words(p).length >= 25);

describe('eval edits of injected seed paragraphs', () => {
  it.each(EDIT_TYPES)('%s: changes every substantive seed paragraph, the same way for the same seed', (type) => {
    for (const [i, p] of substantive.entries()) {
      const [text, change] = editCopy(p, type, i);
      expect(text, `${type} left unchanged: ${p}`).not.toBe(p);
      expect(editCopy(p, type, i)).toEqual([text, change]);
      // Light: most of the wording survives.
      expect(shingleJaccard(text, p), `${type}: ${change}`).toBeGreaterThan(0.5);
    }
  });

  it('drops a clause between commas when there is one', () => {
    const p = 'Officials said on Tuesday, after a long meeting in the capital, that the rules would change next month for everyone.';
    expect(editCopy(p, 'dropped clause', 1)[0]).toBe('Officials said on Tuesday, that the rules would change next month for everyone.');
  });

  it('swaps U.S. style abbreviations', () => {
    const [text, change] = editCopy(
      'The U.S. and its allies met in Brussels to discuss sanctions on exports for the second time this month.',
      'abbreviation',
      3,
    );
    expect(text).toBe('The US and its allies met in Brussels to discuss sanctions on exports for the second time this month.');
    expect(change).toBe('U.S. → US (×1)');
  });
});
