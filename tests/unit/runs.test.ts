import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_RUN_WORDS, quotedRuns, tokens } from '../../src/match/runs';

const SOURCE =
  'Xi and Putin met 37 times as national leaders, and the two men have described each other as best friends in public remarks over the past decade.';
const runs = (page: string, source = SOURCE) => quotedRuns(page, tokens(page), tokens(source));

describe('quoted runs', () => {
  it('finds a fragment quoted inside a sentence of new writing, to the word', () => {
    const page = 'Commentators recalled that "Xi and Putin met 37 times as national leaders," a record no other pair of leaders comes close to.';
    const [run, ...rest] = runs(page);
    expect(rest).toEqual([]);
    expect(page.slice(run.pageStart, run.pageEnd)).toBe('Xi and Putin met 37 times as national leaders');
    expect(SOURCE.slice(run.sourceStart, run.sourceEnd)).toBe('Xi and Putin met 37 times as national leaders');
    expect(run.words).toBe(9);
  });

  it('ignores case and punctuation between the words', () => {
    const page = 'They said: "XI AND PUTIN MET 37 TIMES — as national leaders" and left.';
    const [run] = runs(page);
    expect(page.slice(run.pageStart, run.pageEnd)).toBe('XI AND PUTIN MET 37 TIMES — as national leaders" and');
  });

  it('needs ten words without quotation marks', () => {
    expect(runs('Commentators recalled that Xi and Putin met 37 times as national leaders in all.')).toEqual([]);
    expect(runs('Commentators recalled that Xi and Putin met 37 times as national leaders, and the two men agreed.')).toHaveLength(1);
  });

  it('does not take a long name with its office for a quote', () => {
    const source = 'Representative Mike Gallagher, a Wisconsin Republican and member of the House Intelligence Committee, said he was not familiar with it.';
    const page = 'Representative Mike Gallagher, a Wisconsin Republican and member of the House Intelligence Committee, introduced a shipbuilding bill.';
    expect(runs(page, source)).toEqual([]);
  });

  it('finds nothing shorter than eight words, or than thirty characters', () => {
    expect(runs('Reporters noted Xi and Putin met 37 times as leaders of their nations.')).toEqual([]);
    expect(runs('and it is not in the way of', 'Yes, and it is not in the way of anything.')).toEqual([]);
  });

  it('finds two separate quotes, in page order', () => {
    const page =
      'One paper wrote that the two men have described each other as best friends, and another that “Xi and Putin met 37 times as national leaders”.';
    expect(runs(page).map((r) => page.slice(r.pageStart, r.pageEnd))).toEqual([
      'the two men have described each other as best friends',
      'Xi and Putin met 37 times as national leaders',
    ]);
  });

  it('finds any run of at least eight source words placed anywhere in new text', () => {
    const source = tokens(SOURCE);
    const words = SOURCE.match(/[\p{L}\p{N}]+/gu)!;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: words.length - MIN_RUN_WORDS }),
        fc.integer({ min: MIN_RUN_WORDS, max: 14 }),
        fc.constantFrom('Critics said that', 'In a statement,', ''),
        fc.constantFrom('which nobody denied.', 'according to the report', ''),
        (at, n, before, after) => {
          const quote = words.slice(at, at + n).join(' ');
          fc.pre(quote.length >= 40 && at + n <= words.length);
          const page = `${before} “${quote}” ${after}`;
          const found = quotedRuns(page, tokens(page), source);
          expect(found.some((r) => page.slice(r.pageStart, r.pageEnd).includes(quote))).toBe(true);
        },
      ),
    );
  });
});
