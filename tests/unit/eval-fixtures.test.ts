/**
 * The team's labelled fixtures (tests/fixtures/labelled/cases.json) run
 * through the CorpusMatcher built from seeds/, with per-category targets.
 * Targets are fixed by the brief and are not tuned to the code: when one
 * fails, the assertion message lists the cases that missed.
 */
import { describe, expect, it } from 'vitest';
import {
  acceptedSources,
  amongFiller,
  CATEGORIES,
  describeResult,
  loadCases,
  NEGATIVE_CATEGORIES,
  matcherFor,
  runCases,
  scoreByCategory,
  TARGETS,
  type Category,
} from '../../scripts/eval-lib';
import { readCorpusDir } from '../../scripts/lib/corpus';
import { normalizeText } from '../../src/text/normalize';

const { documents } = readCorpusDir();
const docIds = new Set(documents.map((d) => d.id));
const cases = loadCases();
const seedParagraphs = new Set(documents.flatMap((d) => d.paragraphs.map((p) => normalizeText(p))));

describe('labelled fixtures are well formed', () => {
  it('has at least 60 cases, every category, unique ids', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const cat of CATEGORIES)
      expect(
        cases.some((c) => c.category === cat),
        cat,
      ).toBe(true);
  });

  it('names real seed documents, and negatives expect nothing', () => {
    for (const c of cases) {
      expect(CATEGORIES, c.id).toContain(c.category);
      const negative = NEGATIVE_CATEGORIES.includes(c.category);
      expect(c.expect.kind === null, c.id).toBe(negative);
      expect(c.expect.source === null, c.id).toBe(negative);
      expect(c.corpusDoc === null, c.id).toBe(negative);
      for (const s of acceptedSources(c)) expect(docIds.has(s), `${c.id}: ${s}`).toBe(true);
      if (c.corpusDoc) expect(acceptedSources(c), c.id).toContain(c.corpusDoc);
    }
  });

  it('verbatim cases are exact seed paragraphs, disguised ones normalise to one', () => {
    for (const c of cases.filter((c) => c.category === 'verbatim')) {
      const doc = documents.find((d) => d.id === c.corpusDoc)!;
      expect(doc.paragraphs, c.id).toContain(c.page);
    }
    for (const c of cases.filter((c) => c.category === 'disguised')) {
      const doc = documents.find((d) => d.id === c.corpusDoc)!;
      expect(doc.paragraphs, c.id).not.toContain(c.page);
      expect(
        doc.paragraphs.map((p) => normalizeText(p)),
        c.id,
      ).toContain(normalizeText(c.page));
    }
  });

  it('edited, reworded, partial, same-topic and unrelated cases are not seed paragraphs', () => {
    // (furniture cases may be: seeds carry comment forms and bylines too)
    for (const c of cases.filter((c) => !['verbatim', 'disguised', 'furniture'].includes(c.category)))
      expect(seedParagraphs.has(normalizeText(c.page)), c.id).toBe(false);
  });
});

/**
 * Among 600 synthetic documents, grams in more than 20 documents (3%) are
 * common and left out of fingerprints: the targets must hold there too.
 */
const SCALE_FILLER = 600;

describe.each([
  ['the seeds', documents],
  [`the seeds among ${SCALE_FILLER} synthetic documents`, amongFiller(documents, SCALE_FILLER)],
])('Matcher on the labelled fixtures, corpus: %s', async (_name, corpus) => {
  const results = await runCases(await matcherFor(corpus), cases);
  const scores = scoreByCategory(results);
  const missList = (cat: Category) => `${cat} misses:\n  ${scores[cat].misses.map(describeResult).join('\n  ') || '(none)'}`;

  it(`verbatim: recall ≥ ${TARGETS.verbatim!.recall} with the right source`, () => {
    expect(scores.verbatim.recall, missList('verbatim')).toBeGreaterThanOrEqual(TARGETS.verbatim!.recall!);
  });

  it(`edited: recall ≥ ${TARGETS.edited!.recall}, kind "edited" ≥ ${TARGETS.edited!.kindAccuracy}`, () => {
    expect(scores.edited.recall, missList('edited')).toBeGreaterThanOrEqual(TARGETS.edited!.recall!);
    expect(scores.edited.kindAccuracy, missList('edited')).toBeGreaterThanOrEqual(TARGETS.edited!.kindAccuracy!);
  });

  it(`reworded: recall ≥ ${TARGETS.reworded!.recall} with the right source`, () => {
    expect(scores.reworded.recall, missList('reworded')).toBeGreaterThanOrEqual(TARGETS.reworded!.recall!);
  });

  it(`partial: recall ≥ ${TARGETS.partial!.recall}, and a found quote covers only part of the block`, () => {
    expect(scores.partial.recall, missList('partial')).toBeGreaterThanOrEqual(TARGETS.partial!.recall!);
    for (const r of results.filter((r) => r.case.category === 'partial' && r.found)) expect(r.match!.coverage, describeResult(r)).toBeLessThan(1);
  });

  it('disguised: every case found as verbatim with the right source', () => {
    expect(scores.disguised.kindAccuracy, missList('disguised')).toBe(1);
  });

  for (const cat of NEGATIVE_CATEGORIES) {
    it(`${cat}: no false alarms`, () => {
      expect(scores[cat].falseAlarms, missList(cat)).toBe(0);
    });
  }
});
