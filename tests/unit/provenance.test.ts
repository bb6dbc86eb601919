import { describe, expect, it } from 'vitest';
import { compareFacts } from '../../src/diff/facts';
import { summarizeChanges } from '../../src/diff/summary';
import { creditedOutlet, creditsOf } from '../../src/match/outlets';
import { rankVersions } from '../../src/match/provenance';
import { id, seedHit, seedParagraph } from './helpers/seeds';

describe('credits to outside outlets', () => {
  it('reads the ways texts credit a source', async () => {
    for (const text of [
      '…and actions, American officials said. -NYT',
      'according to the New York Times, citing officials',
      'But as the NYT reported in a story published Thursday:',
      'the NYT wrote, “The Biden administration…”',
    ])
      expect(creditedOutlet(text)?.name, text).toBe('The New York Times');
    expect(creditedOutlet('according to U.S. officials, the talks failed')).toBeNull();
  });

  it('carries a lead-in credit into the quoted paragraphs below it', async () => {
    const ps = ['Intro text.', 'But as the NYT reported on Thursday:', 'Quoted one.', 'Quoted two.', 'Quoted three.'];
    expect(
      creditsOf(
        ps,
        ps.map(() => false),
      ),
    ).toEqual([null, 'The New York Times', 'The New York Times', 'The New York Times', 'The New York Times']);
  });
});

describe('ranking the original', () => {
  it('names the NYT as the cited original for passages 000 and 003 quote, above the rewrites', async () => {
    for (const text of [
      seedParagraph('000', 'After one diplomatic exchange'),
      seedParagraph('003', 'Each time'),
      seedParagraph('001', 'After a diplomatic exchange'),
      seedParagraph('004', 'Every time'),
    ]) {
      const r = await seedHit(text);
      expect(r.provenance.citedOutlet).toBe('The New York Times');
      // Both quoters credit the NYT; they are not verbatim copies of each other.
      expect(r.provenance).toMatchObject({ basis: 'citation', citedBy: [id('000'), id('003')], quotedVerbatim: false });
      const { ranking } = r.provenance;
      expect(ranking.slice(0, 2).sort()).toEqual([id('000'), id('003')]);
      expect(ranking).toEqual(expect.arrayContaining([id('001'), id('004')]));
      expect([id('000'), id('003')]).toContain(r.original);
    }
  });

  it('lists every corpus version, including those only the corpus links', async () => {
    const r = await seedHit(seedParagraph('004', 'Every time'));
    expect(r.versions.map((v) => v.docId).sort()).toEqual([id('000'), id('001'), id('003'), id('004')]);
    expect(r.versions.find((v) => v.docId === id('000'))!.via).toBe('corpus');
  });

  const meta = (date: string | null) => ({ title: 't', publisher: null, author: null, date, url: null });
  const version = (docId: string, date: string | null, consensus = 1, cites: string | null = null) => ({ docId, meta: meta(date), cites, consensus });

  it('ranks on the earliest date where there is one, and on consensus only where there is none', async () => {
    const byDate = rankVersions([version('b', '2022-03-01', 2), version('a', '2022-02-01', 1)], () => null);
    expect(byDate).toMatchObject({ original: 'a', basis: 'date', originalDate: '2022-02-01', undated: 0, ranking: ['a', 'b'] });
    const someUndated = rankVersions([version('c', null, 3), version('b', '2022-03-01', 2), version('a', '2022-02-01', 1)], () => null);
    expect(someUndated).toMatchObject({ original: 'a', basis: 'date', undated: 1, ranking: ['a', 'b', 'c'] });
    const byConsensus = rankVersions([version('x', null, 0.5), version('y', null, 1.4)], () => null);
    expect(byConsensus).toMatchObject({ original: 'y', basis: 'consensus', originalDate: null, undated: 2 });
  });

  it('says when a version is the only one', async () => {
    expect(rankVersions([version('002_ab', null)], () => null)).toMatchObject({ original: '002_ab', basis: 'only', citedOutlet: null, citedBy: [] });
  });

  it('calls quoters verbatim only when every pair of them is', async () => {
    const versions = [version('q1', null, 1, 'Reuters'), version('q2', null, 1, 'Reuters'), version('q3', null, 1, 'Reuters'), version('r', null)];
    const verbatim = rankVersions(versions, () => 'verbatim');
    expect(verbatim).toMatchObject({ basis: 'citation', citedOutlet: 'Reuters', citedBy: ['q1', 'q2', 'q3'], quotedVerbatim: true });
    expect(verbatim.ranking.at(-1)).toBe('r');
    const oneEdited = rankVersions(versions, (a, b) => ([a, b].includes('q3') && [a, b].includes('q2') ? 'edited' : 'verbatim'));
    expect(oneEdited.quotedVerbatim).toBe(false);
    // One quoter is not "quoted verbatim" by anyone.
    expect(rankVersions([version('q1', null, 1, 'Reuters'), version('r', null)], () => 'verbatim').quotedVerbatim).toBe(false);
  });

  it('names no outlet when versions credit different ones', async () => {
    const r = rankVersions([version('a', null, 1, 'Reuters'), version('b', null, 1, 'BBC')], () => null);
    expect(r).toMatchObject({ citedOutlet: null, basis: 'consensus', citedBy: ['a', 'b'] });
  });
});

describe('what changed', () => {
  it('puts changed numbers, dates, quotes and lost attributions first', async () => {
    const source = 'In a half-dozen meetings on Feb. 4, Chinese officials said the partnership had "no limits," American officials said.';
    const page = 'In several meetings on Feb. 14, Chinese officials said the partnership had "few limits."';
    expect(compareFacts(source, page)).toEqual([
      { type: 'number', from: 'a half-dozen', to: 'several' },
      { type: 'date', from: 'Feb. 4', to: 'Feb. 14' },
      { type: 'quote', from: 'no limits,', to: 'few limits.' },
      { type: 'attribution', from: 'American officials said', to: null },
    ]);
  });

  it('does not report spelling variants of the same name or titles as changes', async () => {
    expect(compareFacts('Mr. Putin met U.S. officials in Moscow’s Kremlin.', 'Putin met US officials in Moscows Kremlin.')).toEqual([]);
  });

  it('counts sentences dropped and added', async () => {
    const s = summarizeChanges(
      'The talks failed in December. Officials blamed Beijing for the leak. The report was classified.',
      'The talks failed in December. The report was classified. A new round is planned for the spring.',
    );
    expect(s.droppedSentences).toEqual(['Officials blamed Beijing for the leak.']);
    expect(s.addedSentences).toEqual(['A new round is planned for the spring.']);
  });
});
