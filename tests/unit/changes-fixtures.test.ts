import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { compareFacts, type FactChange } from '../../src/diff/facts';
import { creditEvidence } from '../../src/dom/credit';
import { creditTargets, type CreditEvidence } from '../../src/match/credit';
import { seedHit, seedParagraph } from './helpers/seeds';

interface Fixtures {
  facts: Array<{ id: string; source: string; page: string; expect: FactChange[] }>;
  /** `evidence`, where given, is what the page's credit must be read as. */
  credit: Array<{ id: string; html: string; expect: boolean; evidence?: CreditEvidence }>;
}
const fixtures = JSON.parse(readFileSync('tests/fixtures/labelled/changes.json', 'utf8')) as Fixtures;

describe('changed facts on the labelled fixtures', () => {
  for (const c of fixtures.facts)
    it(c.id, () => {
      expect(compareFacts(c.source, c.page)).toEqual(c.expect);
    });
});

// A NYT passage that 000 and 003 quote: its original is the NYT, cited as source.
const passage = seedParagraph('000', 'After one diplomatic exchange').replace(/ -NYT$/, '');
const match = await seedHit(passage);
const targets = creditTargets(match);

describe('credit on the labelled fixtures', () => {
  it('credits the cited outlet, not only the corpus document', async () => {
    expect(match.provenance.citedOutlet).toBe('The New York Times');
    expect(targets.names).toContainEqual({ text: 'NYT', exact: true });
    expect(targets.urls).toContain('nytimes.com');
  });

  for (const c of fixtures.credit)
    it(c.id, () => {
      const window = new Window();
      window.document.write(`<article>${c.html.replace('PASSAGE', passage)}</article>`);
      const block = window.document.getElementById('x') as unknown as Element;
      const found = creditEvidence(block, targets);
      expect(found !== null).toBe(c.expect);
      if (c.evidence) expect(found).toEqual(c.evidence);
    });
});
