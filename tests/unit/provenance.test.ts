import { describe, expect, it } from 'vitest';
import { compareFacts } from '../../src/diff/facts';
import { summarizeChanges } from '../../src/diff/summary';
import { creditedOutlet, creditsOf } from '../../src/match/outlets';
import { rankVersions } from '../../src/match/provenance';
import { id, seedMatcher, seedParagraph } from './helpers/seeds';

const m = seedMatcher();

describe('credits to outside outlets', () => {
  it('reads the ways texts credit a source', () => {
    for (const text of ['…and actions, American officials said. -NYT', 'according to the New York Times, citing officials', 'But as the NYT reported in a story published Thursday:', 'the NYT wrote, “The Biden administration…”'])
      expect(creditedOutlet(text)?.name, text).toBe('The New York Times');
    expect(creditedOutlet('according to U.S. officials, the talks failed')).toBeNull();
  });

  it('carries a lead-in credit into the quoted paragraphs below it', () => {
    const ps = ['Intro text.', 'But as the NYT reported on Thursday:', 'Quoted one.', 'Quoted two.', 'Quoted three.'];
    expect(creditsOf(ps, ps.map(() => false))).toEqual([null, 'The New York Times', 'The New York Times', 'The New York Times', 'The New York Times']);
  });
});

describe('ranking the original', () => {
  it('names the NYT as the cited original for passages 000 and 003 quote, above the rewrites', () => {
    for (const text of [seedParagraph('000', 'After one diplomatic exchange'), seedParagraph('003', 'Each time'), seedParagraph('001', 'After a diplomatic exchange'), seedParagraph('004', 'Every time')]) {
      const r = m.match(text)!;
      expect(r.provenance.citedOutlet).toBe('The New York Times');
      expect(r.provenance.statement).toMatch(/^Original: The New York Times \(cited as source\), quoted by 000 and 003/);
      const { ranking } = r.provenance;
      expect(ranking.slice(0, 2).sort()).toEqual([id('000'), id('003')]);
      expect(ranking).toEqual(expect.arrayContaining([id('001'), id('004')]));
      expect([id('000'), id('003')]).toContain(r.original);
    }
  });

  it('lists every corpus version, including those only the corpus links', () => {
    const r = m.match(seedParagraph('004', 'Every time'))!;
    expect(r.versions.map((v) => v.docId).sort()).toEqual([id('000'), id('001'), id('003'), id('004')]);
    expect(r.versions.find((v) => v.docId === id('000'))!.via).toBe('corpus');
  });

  it('says "earliest in corpus" only on a date, and "closest to all" only on consensus', () => {
    const meta = (date: string | null) => ({ title: 't', publisher: null, author: null, date, url: null });
    const byDate = rankVersions([{ docId: 'b', meta: meta('2022-03-01'), cites: null, consensus: 2 }, { docId: 'a', meta: meta('2022-02-01'), cites: null, consensus: 1 }], () => null);
    expect(byDate).toMatchObject({ original: 'a', basis: 'date', statement: 'Earliest in corpus: a (2022-02-01)' });
    const byConsensus = rankVersions([{ docId: 'x', meta: meta(null), cites: null, consensus: 0.5 }, { docId: 'y', meta: meta(null), cites: null, consensus: 1.4 }], () => null);
    expect(byConsensus).toMatchObject({ original: 'y', basis: 'consensus' });
    expect(byConsensus.statement).toContain('closest to all the others');
  });
});

describe('what changed', () => {
  it('puts changed numbers, dates, quotes and lost attributions first', () => {
    const source = 'In a half-dozen meetings on Feb. 4, Chinese officials said the partnership had "no limits," American officials said.';
    const page = 'In several meetings on Feb. 14, Chinese officials said the partnership had "few limits."';
    expect(compareFacts(source, page)).toEqual([
      { type: 'number', from: 'a half-dozen', to: 'several' },
      { type: 'date', from: 'Feb. 4', to: 'Feb. 14' },
      { type: 'quote', from: 'no limits,', to: 'few limits.' },
      { type: 'attribution', from: 'American officials said', to: null },
    ]);
  });

  it('does not report spelling variants of the same name or titles as changes', () => {
    expect(compareFacts('Mr. Putin met U.S. officials in Moscow’s Kremlin.', 'Putin met US officials in Moscows Kremlin.')).toEqual([]);
  });

  it('counts sentences dropped and added', () => {
    const s = summarizeChanges(
      'The talks failed in December. Officials blamed Beijing for the leak. The report was classified.',
      'The talks failed in December. The report was classified. A new round is planned for the spring.',
    );
    expect(s.droppedSentences).toEqual(['Officials blamed Beijing for the leak.']);
    expect(s.addedSentences).toEqual(['A new round is planned for the spring.']);
  });
});
