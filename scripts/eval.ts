/**
 * `npm run eval`: how well the Matcher finds reprints, against a naive
 * baseline (word 3-shingle Jaccard ≥ 0.5), on the team's labelled fixtures
 * (with the seeds alone, and among 1,000 to 100,000 synthetic documents,
 * where false positives on unrelated paragraphs are counted too) and, when
 * `../shared/evaldata` exists, on public sets (Clough & Stevenson, MSRP,
 * Webis-CPC-11, PAN-13) and seed paragraphs injected into Mozilla
 * Readability's saved news pages (scripts/eval-news.ts, which also checks
 * block extraction on those pages). Prints one markdown table, a few notes,
 * the news-page tables with the verdict against the issue's target, and
 * the wall time. Thresholds are the ones in src/match/kinds.ts: nothing here
 * is tuned. `--details` adds per-case misses and overlap distributions;
 * `--scale N` sets the largest synthetic corpus (default 100,000).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MIN_EVIDENCE_WORDS } from '../src/corpus/furniture';
import type { CorpusDocument } from '../src/corpus/document';
import { loadCorpusFiles } from '../src/corpus/load';
import { MemoryIndex } from '../src/index/memory';
import { overlap } from '../src/match/align';
import type { BlockMatch, Matcher } from '../src/match/matcher';
import { THRESHOLDS, type MatchKind } from '../src/match/kinds';
import { windowsOf, type Window } from '../src/match/windows';
import { describeMatch, goldParagraphs, newsReport, runNewsPages, type NewsResult } from './eval-news';
import {
  acceptedSources,
  BASELINE_JACCARD,
  CATEGORIES,
  describeResult,
  loadCases,
  matcherFor,
  amongFiller,
  FILLER_DOCS,
  paragraphsOf,
  runCases,
  scoreByCategory,
  ShingleBaseline,
  shingleJaccard,
  unrelatedDocuments,
  type CaseResult,
} from './eval-lib';
import { FILE_FIXTURES, runFileFixture } from './eval-files';
import { quoteReport, quoteResults } from './eval-quotes';
import { compareFacts, type FactChange } from '../src/diff/facts';
import { readCorpusDir, readCorpusFiles, REPO_ROOT } from './lib/corpus';
import { pageParagraphs, textParagraphs } from './scan';

const started = performance.now();
const DETAILS = process.argv.includes('--details');
/** `--scale N`: the largest synthetic corpus the fixtures and false positives are measured at (default 100,000). */
const SCALE_ARG = process.argv.indexOf('--scale');
const SCALE = SCALE_ARG < 0 ? 100_000 : Number(process.argv[SCALE_ARG + 1]);
if (!Number.isInteger(SCALE) || SCALE < 1) throw new Error(`--scale takes a number of documents, not ${process.argv[SCALE_ARG + 1]}`);
/** `../shared/evaldata` from the repo root; REPRINT_EVALDATA overrides it (e.g. to check the skip path). */
const EVALDATA = resolve(REPO_ROOT, process.env.REPRINT_EVALDATA ?? '../shared/evaldata');

// ------------------------------------------------------------------ scoring

/** Gold: a kind, 'any' (derived text of unknown kind), or null (not derived). */
type Gold = MatchKind | 'any' | null;

interface Outcome {
  gold: Gold;
  /** For negatives: written independently on the same topic, or other (furniture, unrelated). */
  negative?: 'same-topic' | 'other';
  /** What the matcher flagged: null when nothing. */
  pred: { kind: MatchKind; right: boolean } | null;
  /** Kinds counted as the right kind for this item (default: the gold kind). */
  okKinds?: MatchKind[];
  /** Naive baseline: 'right' source, 'wrong' source, or nothing. */
  base: 'right' | 'wrong' | null;
}

interface Dataset {
  name: string;
  outcomes: Outcome[];
  /** Columns that mean nothing for this set (no negatives, no kinds). */
  hasNegatives: boolean;
  hasKinds: boolean;
  /** The baseline was not run (its columns print —). */
  noBaseline?: boolean;
}

const KIND_ORDER: MatchKind[] = ['verbatim', 'edited', 'reworded'];

function ratio(k: number, n: number): string {
  return n === 0 ? '—' : `${(k / n).toFixed(3)} (${k}/${n})`;
}

function count<T>(xs: T[], f: (x: T) => boolean): number {
  let n = 0;
  for (const x of xs) if (f(x)) n++;
  return n;
}

function row(d: Dataset): string[] {
  const o = d.outcomes;
  const pos = o.filter((x) => x.gold !== null);
  const neg = o.filter((x) => x.gold === null);
  const found = (x: Outcome) => x.gold !== null && x.pred?.right === true;
  const kindOk = (x: Outcome) => found(x) && (x.okKinds ?? [x.gold as MatchKind]).includes(x.pred!.kind);
  const baseFound = (x: Outcome) => x.gold !== null && x.base === 'right';
  const perKind = (f: (x: Outcome) => boolean) =>
    KIND_ORDER.map((k) => {
      const g = pos.filter((x) => x.gold === k);
      return g.length ? ratio(count(g, f), g.length) : '—';
    });
  const foundItems = pos.filter(found);
  const kindsFound = KIND_ORDER.map((k) => count(foundItems, (x) => x.pred!.kind === k)).join('/');
  const flagged = count(o, (x) => x.pred !== null);
  const baseFlagged = count(o, (x) => x.base !== null);
  const same = neg.filter((x) => x.negative === 'same-topic');
  const other = neg.filter((x) => x.negative === 'other');
  const reuseOk = count(o, (x) => (x.gold === null ? x.pred === null : found(x)));
  const fourOk = count(o, (x) => (x.gold === null ? x.pred === null : kindOk(x)));
  const baseReuseOk = count(o, (x) => (x.gold === null ? x.base === null : baseFound(x)));
  const na = '—';
  const reprint = [
    d.name,
    `${o.length} (${pos.length}/${neg.length})`,
    ratio(foundItems.length, pos.length),
    ...perKind(found),
    kindsFound,
    d.hasKinds ? ratio(count(foundItems, kindOk), foundItems.length) : na,
    d.hasNegatives ? ratio(foundItems.length, flagged) : na,
    same.length
      ? ratio(
          count(same, (x) => x.pred !== null),
          same.length,
        )
      : na,
    other.length
      ? ratio(
          count(other, (x) => x.pred !== null),
          other.length,
        )
      : na,
    d.hasNegatives ? ratio(reuseOk, o.length) : na,
    d.hasNegatives && d.hasKinds ? ratio(fourOk, o.length) : na,
  ];
  const base = [
    ratio(count(pos, baseFound), pos.length),
    ...perKind(baseFound),
    d.hasNegatives ? ratio(count(pos, baseFound), baseFlagged) : na,
    same.length
      ? ratio(
          count(same, (x) => x.base !== null),
          same.length,
        )
      : na,
    other.length
      ? ratio(
          count(other, (x) => x.base !== null),
          other.length,
        )
      : na,
    d.hasNegatives ? ratio(baseReuseOk, o.length) : na,
  ];
  return [...reprint, ...(d.noBaseline ? base.map(() => na) : base)];
}

const HEADER = [
  'dataset',
  'n (pos/neg)',
  'recall',
  'rec. verbatim',
  'rec. edited',
  'rec. reworded',
  'kinds found V/E/R',
  'kind ok (of found)',
  'precision',
  'FA same-topic',
  'FA other neg.',
  'reuse acc.',
  '4-class acc.',
  'base recall',
  'base rec. verbatim',
  'base rec. edited',
  'base rec. reworded',
  'base precision',
  'base FA same-topic',
  'base FA other neg.',
  'base reuse acc.',
];

const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;

function table(rows: string[][]): string {
  return [line(HEADER), line(HEADER.map(() => '---')), ...rows.map(line)].join('\n');
}

// ------------------------------------------------------------------ helpers

/**
 * `f` on each item, one after another: one pair's index alive at a time,
 * and notes and details in the items' order.
 */
async function inTurn<T, U>(xs: T[], f: (x: T) => Promise<U>): Promise<U[]> {
  const out: U[] = [];
  for (const x of xs) out.push(await f(x));
  return out;
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/**
 * Corpus documents from plain texts, each as the file `<id>.txt` holding
 * exactly the text given, read as `npm run scan -- --corpus DIR` reads such
 * a folder: no title line is added (src/corpus/title.ts decides whether the
 * first line is one).
 */
function corpusOf(docs: Array<{ id: string; text: string }>): CorpusDocument[] {
  const { documents, problems } = loadCorpusFiles(docs.map(({ id, text }) => ({ name: `${id}.txt`, text })));
  if (problems.length) throw new Error(problems.join('; '));
  return documents;
}

/** Kind of a multi-paragraph page: the kind covering most of its text. */
function dominantKind(matches: Array<{ m: BlockMatch; text: string }>): MatchKind {
  const weight = new Map<MatchKind, number>();
  for (const { m } of matches) {
    const covered = m.spans.reduce((n, s) => n + s.end - s.start, 0);
    weight.set(m.kind, (weight.get(m.kind) ?? 0) + covered);
  }
  return [...weight.entries()].sort((a, b) => b[1] - a[1] || KIND_ORDER.indexOf(a[0]) - KIND_ORDER.indexOf(b[0]))[0][0];
}

/** Matches every paragraph of a page; returns the prediction for the right source. */
async function predictPage(
  matcher: Matcher,
  paragraphs: string[],
  right: string,
): Promise<{ pred: Outcome['pred']; matches: Array<{ m: BlockMatch; text: string }> }> {
  const ms = await matcher.match(paragraphs);
  const matches = paragraphs.map((text, i) => ({ text, m: ms[i] })).filter((x): x is { text: string; m: BlockMatch } => x.m !== null);
  const rightOnes = matches.filter((x) => x.m.source === right);
  if (rightOnes.length) return { pred: { kind: dominantKind(rightOnes), right: true }, matches };
  if (matches.length) return { pred: { kind: dominantKind(matches), right: false }, matches };
  return { pred: null, matches };
}

/**
 * Best window overlap (the measure `accepts` thresholds) of a page against
 * source windows: over windows of at least MIN_EVIDENCE_WORDS words (`o`,
 * with that window's word count) and over windows long enough to count
 * below editedOverlap (`oLong`). Brute force: no LSH, so an upper bound.
 */
function bestOverlap(pageParagraphs: string[], sourceWindows: Window[]): { o: number; words: number; oLong: number } {
  let best = { o: 0, words: 0, oLong: 0 };
  for (const p of pageParagraphs)
    for (const pw of windowsOf(p)) {
      if (pw.words < MIN_EVIDENCE_WORDS) continue;
      for (const sw of sourceWindows) {
        const o = overlap(pw.grams, sw.grams);
        if (o > best.o) best = { ...best, o, words: pw.words };
        if (pw.words >= THRESHOLDS.rewordedMinWords && o > best.oLong) best.oLong = o;
      }
    }
  return best;
}

/** Items for the threshold sweep (details only): would `accepts` pass at unitOverlap t? */
const sweep: Array<{ group: string; b: { o: number; oLong: number } }> = [];
const sweepAdd = (group: string, b: { o: number; oLong: number }) => DETAILS && sweep.push({ group, b });
const passes = (b: { o: number; oLong: number }, t: number) => b.o >= Math.max(t, THRESHOLDS.editedOverlap) || b.oLong >= t;

function sweepReport(): void {
  const groups = [...new Set(sweep.map((x) => x.group))];
  detail('\n## Threshold sweep (brute-force best window, LSH ignored; rewordedMinWords and editedOverlap kept): items passing at unitOverlap t');
  detail(`| unitOverlap t | ${groups.join(' | ')} |`);
  detail(`| --- | ${groups.map(() => '---').join(' | ')} |`);
  for (const t of [0.35, 0.4, 0.42, 0.45, 0.48, 0.5, 0.55, 0.6]) {
    const cells = groups.map((g) => {
      const xs = sweep.filter((x) => x.group === g);
      return `${count(xs, (x) => passes(x.b, t))}/${xs.length}`;
    });
    detail(`| ${t.toFixed(2)}${t === THRESHOLDS.unitOverlap ? ' (current)' : ''} | ${cells.join(' | ')} |`);
  }
}

function quantiles(xs: number[]): string {
  if (xs.length === 0) return '(none)';
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))].toFixed(2);
  return `n=${s.length} min ${q(0)} p10 ${q(0.1)} p25 ${q(0.25)} median ${q(0.5)} p75 ${q(0.75)} p90 ${q(0.9)} max ${q(1)}`;
}

const details: string[] = [];
const notes: string[] = [];
const detail = (s = '') => DETAILS && details.push(s);

// ------------------------------------------------------------ (a) fixtures

/**
 * Corpora past this many synthetic documents skip version grouping, which
 * adds links between corpus versions but changes no page match, and costs
 * more than the rest of the build (5× at 10,000 documents). They skip the
 * baseline too: it is a brute-force scan of every corpus paragraph.
 */
const FULL_UP_TO = FILLER_DOCS;

/** The seeds alone (`filler` 0) or among synthetic documents, indexed and timed. */
interface Corpus {
  filler: number;
  documents: CorpusDocument[];
  matcher: Matcher;
  grouped: boolean;
  seconds: number;
}

async function fixtureCorpus(filler: number): Promise<Corpus> {
  const { documents: seeds } = readCorpusDir();
  const documents = filler ? amongFiller(seeds, filler) : seeds;
  const grouped = filler <= FULL_UP_TO;
  const t = performance.now();
  const matcher = await matcherFor(documents, { group: grouped });
  return { filler, documents, matcher, grouped, seconds: (performance.now() - t) / 1000 };
}

/** The team's fixtures against a corpus. */
async function fixturesDataset({ filler, documents, matcher, grouped }: Corpus): Promise<Dataset> {
  const baseline = filler <= FULL_UP_TO ? ShingleBaseline.ofParagraphs(documents) : null;
  const results = await runCases(matcher, loadCases());
  const outcomes = results.map((r): Outcome => {
    const accepted = acceptedSources(r.case);
    const b = baseline?.match(r.case.page) ?? null;
    return {
      gold: r.case.expect.kind,
      negative: r.positive ? undefined : r.case.category === 'same-topic' ? 'same-topic' : 'other',
      pred: r.match ? { kind: r.match.kind, right: r.positive && accepted.includes(r.match.source) } : null,
      base: b === null ? null : r.positive && accepted.includes(b) ? 'right' : 'wrong',
    };
  });
  if (DETAILS && baseline && !filler) await fixtureDetails(documents, results, baseline);
  const skipped = grouped ? '' : '; versions not grouped, no baseline';
  const name = filler
    ? `Team fixtures (seeds among ${filler.toLocaleString('en')} synthetic docs; common grams dropped${skipped})`
    : 'Team fixtures (seeds corpus)';
  return { name, outcomes, hasNegatives: true, hasKinds: true, noBaseline: !baseline };
}

async function fixtureDetails(documents: CorpusDocument[], results: CaseResult[], baseline: ShingleBaseline): Promise<void> {
  const scores = scoreByCategory(results);
  detail('## Fixtures by category (recall = right source, any kind; kind acc. over all positives)');
  for (const cat of CATEGORIES) {
    const s = scores[cat];
    detail(`- ${cat}: n ${s.n}` + (Number.isNaN(s.recall) ? `, false alarms ${s.falseAlarms}` : `, recall ${s.found}/${s.n}, kind ${s.kindOk}/${s.n}`));
  }
  detail('\n## Fixture misses (wrong kind, wrong/no source, false alarm)');
  for (const cat of CATEGORIES) for (const r of scores[cat].misses) detail(`- ${describeResult(r)}\n  page: ${r.case.page}`);
  const windowsByDoc = new Map(documents.map((d) => [d.id, d.paragraphs.flatMap((p) => windowsOf(p))] as const));
  const all = [...windowsByDoc.values()].flat();
  detail('\n## Fixtures: best window overlap (5-gram shared / larger side), vs accepted sources (positives) or all seeds (negatives)');
  detail(
    `thresholds: unitOverlap ${THRESHOLDS.unitOverlap}, editedOverlap ${THRESHOLDS.editedOverlap} (below it a window needs ≥ ${THRESHOLDS.rewordedMinWords} words)`,
  );
  for (const cat of CATEGORIES) {
    const rs = results.filter((r) => r.case.category === cat);
    const os = rs.map((r) => {
      const ws = r.positive ? acceptedSources(r.case).flatMap((s) => windowsByDoc.get(s)!) : all;
      const b = bestOverlap([r.case.page], ws);
      if (cat !== 'furniture') sweepAdd(r.positive ? 'fixtures derived' : cat === 'same-topic' ? 'fixtures same-topic' : 'fixtures unrelated', b);
      return b.o;
    });
    detail(`- ${cat}: ${quantiles(os)}`);
  }
  detail(
    '\n## Fixtures: word 3-shingle Jaccard of the aligned text (classify uses the share of content words replaced: edited up to ' +
      THRESHOLDS.editedReplaced +
      ')',
  );
  for (const kind of KIND_ORDER) {
    const js = results
      .filter((r) => r.found && r.case.expect.kind === kind)
      .map((r) => {
        const v = r.match!.versions.find((v) => v.docId === r.match!.source)!;
        return shingleJaccard(v.pageText, v.sourceText);
      });
    detail(`- gold ${kind}: ${quantiles(js)}`);
  }
  const negJ = results.filter((r) => !r.positive).map((r) => baseline.best(r.case.page)?.j ?? 0);
  detail(`- baseline best Jaccard, negatives: ${quantiles(negJ)}`);
  // Leave-one-out over the seeds: the real rewrites among them (001 of the NYT text in 000, 004 of 003's NYT quote).
  detail('\n## Seeds leave-one-out: each seed paragraph matched against the other four seeds');
  for (const d of documents) {
    const others = await matcherFor(documents.filter((x) => x.id !== d.id));
    const ms = await others.match(d.paragraphs);
    d.paragraphs.forEach((p, i) => {
      const m = ms[i];
      const b = bestOverlap(
        [p],
        documents.filter((x) => x.id !== d.id).flatMap((x) => windowsByDoc.get(x.id)!),
      );
      if (m || b.o >= 0.35)
        detail(
          `- ${d.id.slice(0, 3)} ¶${i}: ${m ? `${m.kind} from ${m.source.slice(0, 3)} score ${m.score} coverage ${m.coverage}` : 'no match'} (best window overlap ${b.o.toFixed(2)}, ${b.words} words) «${p.slice(0, 70)}…»`,
        );
    });
  }
}

// ------------------------------------------- (a2) how corpus files are read

/** A file fixture (scripts/eval-files.ts) as a row: pages that copy a file are positives, the others negatives. */
async function fileFixtureDataset(name: string, dir: string): Promise<Dataset> {
  const r = await runFileFixture(name, dir);
  if (r.problems.length) throw new Error(`${dir}: ${r.problems.join('; ')}`);
  const baseline = ShingleBaseline.ofParagraphs(r.documents);
  const outcomes = r.pages.map(({ page, match }): Outcome => {
    const b = baseline.match(page.page);
    return {
      gold: page.kind,
      negative: page.kind === null ? 'other' : undefined,
      pred: match ? { kind: match.kind, right: match.source === page.source } : null,
      base: b === null ? null : b === page.source ? 'right' : 'wrong',
    };
  });
  const misses = r.pages.filter(({ page, match }) => (page.kind === null ? match !== null : match?.source !== page.source || match.kind !== page.kind));
  notes.push(
    `${name} (${dir}): ${r.documents.length} corpus files read as \`npm run scan -- --corpus ${dir}/corpus\` reads them` +
      (r.titles.total ? `; titles as expected ${ratio(r.titles.right, r.titles.total)}${r.titles.wrong.length ? ` (${r.titles.wrong.join('; ')})` : ''}` : '') +
      `; pages missed or wrongly flagged: ${misses.length ? misses.map(({ page, match }) => `${page.id} (got ${match ? `${match.kind} from ${match.source}` : 'nothing'})`).join(', ') : 'none'}.`,
  );
  return { name: `${name} (team fixtures, ${dir})`, outcomes, hasNegatives: r.pages.some((x) => x.page.kind === null), hasKinds: true };
}

// --------------------------------------------------------- (b) public sets

interface Pair {
  id: string;
  source_text: string;
  suspicious_text: string;
  label: string;
}

async function clough(): Promise<Dataset> {
  const dir = join(EVALDATA, 'clough_short_answers');
  const tasks = ['a', 'b', 'c', 'd', 'e'];
  // The five source files as they come, and each answer file, read as `npm run scan -- --corpus DIR FILE` reads them.
  const corpus = readCorpusFiles(
    join(dir, 'raw'),
    tasks.map((t) => join(dir, `raw/orig_task${t}.txt`)),
  );
  if (corpus.problems.length) throw new Error(corpus.problems.join('; '));
  const docs = corpus.documents;
  const matcher = await matcherFor(docs);
  const baseline = new ShingleBaseline(docs.map((d) => ({ docId: d.id, text: d.paragraphs.join('\n') })));
  const pairs = readJsonl<Pair & { task: string; label_original: string; suspicious_file: string }>(join(dir, 'pairs.jsonl'));
  const GOLD: Record<string, Gold> = { cut: 'verbatim', light: 'edited', heavy: 'reworded', non: null };
  const CLASS: Record<MatchKind, string> = { verbatim: 'cut', edited: 'light', reworded: 'heavy' };
  const classes = ['cut', 'light', 'heavy', 'non'];
  const confusion = new Map(classes.map((c) => [c, new Map(classes.map((p) => [p, 0]))]));
  const windowsByDoc = new Map(docs.map((d) => [d.id, d.paragraphs.flatMap((p) => windowsOf(p))] as const));
  const overlaps = new Map<string, number[]>(classes.map((c) => [c, []]));
  const crossTask: number[] = [];
  const alignedJ = new Map<string, number[]>(classes.map((c) => [c, []]));
  const wrongTask: string[] = [];
  const outcomes = await inTurn(pairs, async (p): Promise<Outcome> => {
    const right = `orig_task${p.task}`;
    const file = join(dir, p.suspicious_file);
    const paragraphs = pageParagraphs(file, readFileSync(file, 'utf8'));
    const { pred, matches } = await predictPage(matcher, paragraphs, right);
    const gold = GOLD[p.label_original];
    const predicted = pred?.right ? CLASS[pred.kind] : 'non';
    const m = confusion.get(p.label_original)!;
    m.set(predicted, m.get(predicted)! + 1);
    if (matches.some((x) => x.m.source !== right)) wrongTask.push(p.id);
    const b = baseline.match(p.suspicious_text);
    if (DETAILS) {
      const best = bestOverlap(paragraphs, windowsByDoc.get(right)!);
      overlaps.get(p.label_original)!.push(best.o);
      sweepAdd(gold === null ? 'Clough non' : 'Clough cut/light/heavy', best);
      const mine = matches.filter((x) => x.m.source === right).map((x) => x.m.versions.find((v) => v.docId === right)!);
      if (mine.length) alignedJ.get(p.label_original)!.push(shingleJaccard(mine.map((v) => v.pageText).join(' '), mine.map((v) => v.sourceText).join(' ')));
      crossTask.push(Math.max(...docs.filter((d) => d.id !== right).map((d) => bestOverlap(paragraphs, windowsByDoc.get(d.id)!).o)));
      if ((gold === null) !== (pred?.right !== true) || (pred?.right && CLASS[pred.kind] !== p.label_original))
        detail(
          `- ${p.id} (${p.label_original}): got ${pred ? `${pred.kind}${pred.right ? '' : ' (wrong task)'}` : 'nothing'}; best window overlap ${best.o.toFixed(2)} (${best.words} words); ${matches.length}/${paragraphs.length} paragraphs matched`,
        );
    }
    return {
      gold,
      negative: gold === null ? 'same-topic' : undefined,
      pred,
      base: b === null ? null : b === right && gold !== null ? 'right' : 'wrong',
    };
  });
  const reuse = count(outcomes, (o) => (o.gold === null) === (o.pred?.right !== true));
  const four = classes.reduce((n, c) => n + confusion.get(c)!.get(c)!, 0);
  notes.push(
    `Clough & Stevenson: reuse-vs-non accuracy ${ratio(reuse, outcomes.length)} (target to beat: 0.958); ` +
      `four-class accuracy ${ratio(four, outcomes.length)}; answers with a paragraph matched to another task's source: ${wrongTask.length}.`,
  );
  notes.push(
    [
      'Clough confusion (rows gold, columns predicted; verbatim→cut, edited→light, reworded→heavy, nothing→non):',
      '```',
      `gold\\pred ${classes.map((c) => c.padStart(6)).join('')}`,
      ...classes.map((g) => `${g.padEnd(9)} ${classes.map((p) => String(confusion.get(g)!.get(p)).padStart(6)).join('')}`),
      '```',
    ].join('\n'),
  );
  if (DETAILS) {
    detail('\n## Clough: best window overlap of an answer vs its task source, by gold class');
    for (const c of classes) detail(`- ${c}: ${quantiles(overlaps.get(c)!)}`);
    detail(`- any answer vs the four other tasks' sources: ${quantiles(crossTask)}`);
    detail(
      `\n## Clough: word 3-shingle Jaccard of the aligned text (matched answers; classify: edited up to ${THRESHOLDS.editedReplaced} of content words replaced)`,
    );
    for (const c of classes) detail(`- ${c}: ${quantiles(alignedJ.get(c)!)}`);
  }
  return { name: 'Clough & Stevenson (95 answers, 5-source corpus)', outcomes, hasNegatives: true, hasKinds: true };
}

/**
 * Pairs where the corpus is the one source text and the page the suspicious
 * text, each as a .txt file given to `npm run scan` would be read.
 */
async function pairOutcome(p: Pair, gold: Gold, okKinds?: MatchKind[]): Promise<Outcome & { matches: BlockMatch[]; sourceAllFurniture: boolean }> {
  const index = await MemoryIndex.of(corpusOf([{ id: 'source', text: p.source_text }]));
  const paragraphs = textParagraphs(p.suspicious_text);
  const { pred, matches } = await predictPage(index.matcher, paragraphs, 'source');
  const j = shingleJaccard(p.suspicious_text, p.source_text);
  return {
    gold,
    pred,
    okKinds,
    base: j >= BASELINE_JACCARD ? 'right' : null,
    matches: matches.map((x) => x.m),
    sourceAllFurniture: [...(await index.allParagraphs()).values()].every((x) => x.furniture),
  };
}

async function msrp(): Promise<Dataset> {
  const pairs = readJsonl<Pair>(join(EVALDATA, 'msrp_news/pairs.jsonl'));
  const pos = pairs.filter((p) => p.label === 'paraphrase_same_content');
  const neg = pairs.filter((p) => p.label !== 'paraphrase_same_content');
  const outcomes = await inTurn(pos, (p) => pairOutcome(p, 'any'));
  const negFlagged = (await inTurn(neg, (p) => pairOutcome(p, null))).filter((o) => o.pred !== null);
  const kinds = KIND_ORDER.map((k) => count(negFlagged, (o) => o.pred!.kind === k)).join('/');
  const unindexed = outcomes.filter((o) => o.sourceAllFurniture);
  notes.push(
    `MSRP: ${unindexed.length}/${outcomes.length} positive pairs have a source sentence the corpus rules mark as furniture (a one-paragraph document under 15 words is its own "tail"), so it is never indexed; ` +
      `${count(unindexed, (o) => o.pred !== null)} of them matched. Recall over the other ${outcomes.length - unindexed.length}: ` +
      `${ratio(
        count(outcomes, (o) => !o.sourceAllFurniture && o.pred !== null),
        outcomes.length - unindexed.length,
      )}.`,
  );
  notes.push(
    `MSRP not_equivalent_same_story pairs (not gold negatives: many are near-copies with a clause added or dropped): flagged ${ratio(negFlagged.length, neg.length)}, kinds V/E/R ${kinds}.`,
  );
  if (DETAILS) {
    const ov = (ps: Pair[], group: string) =>
      ps.map((p) => bestOverlap([p.suspicious_text], windowsOf(p.source_text.replace(/\s+/g, ' ')))).map((b) => (sweepAdd(group, b), b.o));
    detail('\n## MSRP: best window overlap (one sentence each side)');
    detail(`- paraphrase_same_content: ${quantiles(ov(pos, 'MSRP para.'))}`);
    detail(`- not_equivalent_same_story: ${quantiles(ov(neg, 'MSRP non-equiv.'))}`);
    const missed = pos.filter((_, i) => outcomes[i].pred === null);
    detail(
      `- missed positives by length: under ${THRESHOLDS.rewordedMinWords} words ${count(missed, (p) => p.suspicious_text.split(/\s+/).length < THRESHOLDS.rewordedMinWords)}/${missed.length}`,
    );
  }
  return { name: 'MSRP paraphrase_same_content (sentence pairs)', outcomes, hasNegatives: false, hasKinds: false };
}

async function webis(): Promise<Dataset[]> {
  const pairs = readJsonl<Pair & { is_paraphrased: string }>(join(EVALDATA, 'webis_cpc11_sample/pairs.jsonl'));
  return inTurn(['Yes', 'No'], async (flag) => {
    const ps = pairs.filter((p) => p.is_paraphrased === flag);
    const outcomes = await inTurn(ps, (p) => pairOutcome(p, 'any'));
    const unindexed = count(outcomes, (o) => o.sourceAllFurniture);
    if (unindexed) notes.push(`Webis-CPC ${flag}: ${unindexed} source passages marked furniture (never indexed).`);
    if (DETAILS) {
      const os = ps.map((p) => {
        const b = bestOverlap([p.suspicious_text], windowsOf(p.source_text));
        sweepAdd(`Webis ${flag}`, b);
        return b.o;
      });
      detail(`\n## Webis-CPC ${flag}: best window overlap ${quantiles(os)}`);
    }
    return {
      name: `Webis-CPC-11 ${flag === 'Yes' ? 'Yes (valid paraphrase)' : 'No (failed paraphrase / near copy)'}`,
      outcomes,
      hasNegatives: false,
      hasKinds: false,
    };
  });
}

async function pan(): Promise<Dataset> {
  const pairs = readJsonl<Pair>(join(EVALDATA, 'pan13_text_alignment_sample/pairs.jsonl'));
  // OCR-degraded copies: an "edited" verdict is a right kind here.
  const outcomes = await inTurn(pairs, (p) => pairOutcome(p, 'verbatim', ['verbatim', 'edited']));
  const asCopy = count(outcomes, (o) => o.pred?.right === true && o.pred.kind !== 'reworded');
  notes.push(
    `PAN-13 02-no-obfuscation: recall as verbatim/edited ${ratio(asCopy, outcomes.length)} (its "kind ok" counts edited as right: the texts are OCR-degraded).`,
  );
  if (DETAILS) {
    const os = pairs.map(
      (p) =>
        bestOverlap(
          paragraphsOf(p.suspicious_text),
          paragraphsOf(p.source_text).flatMap((s) => windowsOf(s)),
        ).o,
    );
    detail(`\n## PAN-13: best window overlap ${quantiles(os)}`);
    pairs.forEach((p, i) => {
      if (outcomes[i].pred?.right !== true) detail(`- missed ${p.id}: «${p.suspicious_text.slice(0, 100).replace(/\s+/g, ' ')}…»`);
    });
  }
  return { name: 'PAN-13 no-obfuscation (90 cases)', outcomes, hasNegatives: false, hasKinds: true };
}

// ------------------------------------------------ (c) Readability news pages

const NEWS_DIR = 'readability_news_pages';

/** The injection test as a table row: injected copies are positives, the page's own blocks negatives. */
function newsDataset(r: NewsResult): Dataset {
  const hidden = r.injection.filter((x) => x.hidden).map((x) => x.page);
  const outcomes: Outcome[] = r.injectionUnhidden.flatMap((row) => [
    ...row.injections.map((x): Outcome => ({
      gold: x.kind,
      pred: x.match ? { kind: x.match.kind, right: x.right } : null,
      // Dropping a comma and swapping quotes leaves the words verbatim.
      okKinds: x.edit === 'punctuation' ? ['verbatim', 'edited'] : undefined,
      base: x.base,
    })),
    ...row.own.map((o): Outcome => ({ gold: null, negative: 'other', pred: o.kind ? { kind: o.kind, right: false } : null, base: o.base ? 'wrong' : null })),
  ]);
  return {
    name: `Readability news pages, seed ¶ injected (${r.injection.reduce((n, x) => n + x.injections.length, 0)} copies among the pages' own blocks${hidden.length ? `; ${hidden.join(', ')} hiding style removed` : ''})`,
    outcomes,
    hasNegatives: true,
    hasKinds: true,
  };
}

// ------------------------------------------------------------------ (d) scale

/** Filler sizes of the scale rows, up to `--scale`. */
const SCALES = [...new Set([...[1_000, FILLER_DOCS, 10_000, 100_000].filter((n) => n < SCALE), SCALE])];
/** Synthetic documents whose paragraphs (8 each) are the unrelated pages. */
const UNRELATED_DOCS = 600;

interface Unrelated {
  texts: string[];
  what: string;
}

/** Page paragraphs in no corpus: further synthetic documents', and the news pages' own when present. */
function unrelatedParagraphs(): Unrelated {
  const synthetic = unrelatedDocuments(UNRELATED_DOCS).flatMap((d) => d.paragraphs);
  const dir = join(EVALDATA, NEWS_DIR);
  const news = existsSync(dir) ? goldParagraphs(dir).map((g) => g.text) : [];
  return {
    texts: [...synthetic, ...news],
    what:
      `${synthetic.length.toLocaleString('en')} paragraphs of ${UNRELATED_DOCS} more synthetic documents (a stretch of the generator's stream no filler corpus reaches)` +
      (news.length ? ` and the ${news.length} own paragraphs of the Readability news pages` : `; the Readability news pages are absent (${dir})`),
  };
}

interface ScaleRow extends Pick<Corpus, 'filler' | 'grouped' | 'seconds'> {
  /** The process's peak resident memory so far: corpora come smallest first, so this is the build's. */
  peakMB: number;
  flagged: Array<{ text: string; match: BlockMatch }>;
  /** Matching time per unrelated paragraph. */
  msPerText: number;
}

/** The unrelated paragraphs matched against a corpus: any highlight is a false positive. */
async function scaleRow(c: Corpus, texts: string[]): Promise<ScaleRow> {
  const peakMB = process.resourceUsage().maxRSS / 1024;
  const t = performance.now();
  const matches = await c.matcher.match(texts);
  const msPerText = (performance.now() - t) / texts.length;
  const flagged = texts.flatMap((text, i) => (matches[i] ? [{ text, match: matches[i] }] : []));
  return { filler: c.filler, grouped: c.grouped, seconds: c.seconds, peakMB, flagged, msPerText };
}

function scaleReport(rows: ScaleRow[], unrelated: Unrelated): string[] {
  const n = unrelated.texts.length;
  const per = rows.map((r) => (1000 * r.flagged.length) / n);
  const fmt = (x: number) => x.toLocaleString('en');
  const out = [
    '## Scale: the seeds among synthetic documents\n',
    `The fixture rows "seeds among N synthetic docs" above, and false positives on ${fmt(n)} unrelated page paragraphs: ${unrelated.what}. ` +
      `None is in any corpus, so any highlight is a false positive. Corpora over ${fmt(FULL_UP_TO)} synthetic documents are built with MemoryIndex.of(docs, { group: false }) ` +
      '(no links between corpus versions; which document a page block matches does not change) and have no baseline columns.\n',
    line(['corpus', 'index built in', 'versions grouped', 'process peak RSS', 'false positives', 'per 1,000 ¶', 'matching, per ¶']),
    line(Array(7).fill('---')),
    ...rows.map((r, i) =>
      line([
        `seeds + ${fmt(r.filler)} synthetic`,
        `${r.seconds.toFixed(1)} s`,
        r.grouped ? 'yes' : 'no',
        `${fmt(Math.round(r.peakMB))} MB`,
        `${fmt(r.flagged.length)} of ${fmt(n)}`,
        per[i].toFixed(2),
        `${r.msPerText.toFixed(2)} ms`,
      ]),
    ),
    '',
    `False positives per 1,000 unrelated paragraphs ${per.some((p) => p > per[0]) ? '**grow**' : 'do not grow'} with the corpus: ` +
      `${rows.map((r, i) => `${per[i].toFixed(2)} at ${fmt(r.filler)}`).join(', ')} synthetic documents.`,
  ];
  for (const r of rows) for (const f of r.flagged.slice(0, 5)) out.push(`- ${fmt(r.filler)}: «${f.text.slice(0, 100)}…» → ${describeMatch(f.match)}`);
  return [...out, ''];
}

// ------------------------------------------------------------- changed facts

/** Precision and recall of changed facts on the team's labelled pairs (tests/fixtures/labelled/changes.json). */
function factReport(): string {
  const { facts } = JSON.parse(readFileSync(join(REPO_ROOT, 'tests/fixtures/labelled/changes.json'), 'utf8')) as {
    facts: Array<{ source: string; page: string; expect: FactChange[] }>;
  };
  const same = (a: FactChange, b: FactChange) => a.type === b.type && a.from === b.from && a.to === b.to;
  let shown = 0;
  let right = 0;
  let expected = 0;
  for (const f of facts) {
    const got = compareFacts(f.source, f.page);
    shown += got.length;
    right += got.filter((g) => f.expect.some((e) => same(e, g))).length;
    expected += f.expect.length;
  }
  return `Changed facts on ${facts.length} labelled pairs (punctuation, quote styles, abbreviations, articles and a name's form are not changes): precision ${ratio(right, shown)}, recall ${ratio(right, expected)} (target: precision ≥ 0.95).`;
}

// --------------------------------------------------------------------- main

const datasets: Dataset[] = [await fixturesDataset(await fixtureCorpus(0))];
for (const f of FILE_FIXTURES) datasets.push(await fileFixtureDataset(f.name, f.dir));
const unrelated = unrelatedParagraphs();
const scaleRows: ScaleRow[] = [];
for (const filler of SCALES) {
  const corpus = await fixtureCorpus(filler);
  datasets.push(await fixturesDataset(corpus));
  scaleRows.push(await scaleRow(corpus, unrelated.texts));
}
let news: string[] = [];
if (existsSync(EVALDATA) && readdirSync(EVALDATA).length > 0) {
  if (DETAILS) detail('\n## Clough answers the matcher got wrong (reuse or class)');
  datasets.push(await clough(), await msrp(), ...(await webis()), await pan());
  if (existsSync(join(EVALDATA, NEWS_DIR))) {
    const { documents } = readCorpusDir();
    const r = await runNewsPages(join(EVALDATA, NEWS_DIR), await MemoryIndex.of(documents), ShingleBaseline.ofParagraphs(documents));
    datasets.push(newsDataset(r));
    news = newsReport(r, DETAILS);
    notes.push(
      'Readability news pages row: positives are the injected copies (verbatim / lightly edited; a punctuation-only edit counts verbatim or edited as the right kind), negatives every other block of the pages; details and the verdict below.',
    );
  } else notes.push(`Readability news pages skipped: ${join(EVALDATA, NEWS_DIR)} is absent.`);
} else {
  notes.push(`Public sets skipped: the folder ${EVALDATA} is absent (expected at ../shared/evaldata relative to the repo root).`);
}

notes.push(factReport());
const newsDir = join(EVALDATA, NEWS_DIR);
notes.push(quoteReport(await quoteResults(readCorpusDir().documents, existsSync(newsDir) ? newsDir : null)).join('\n'));

console.log(`# Reprint evaluation\n`);
console.log(
  `Reprint = Matcher with the thresholds in src/match/kinds.ts (unitOverlap ${THRESHOLDS.unitOverlap}, editedOverlap ${THRESHOLDS.editedOverlap}, ` +
    `rewordedMinWords ${THRESHOLDS.rewordedMinWords}, editedReplaced ${THRESHOLDS.editedReplaced}); base = word 3-shingle Jaccard ≥ 0.5 between the two texts. ` +
    `Recall counts a highlight with the right source, any kind; "kind ok" is over the found ones; FA = share of negatives flagged.\n`,
);
console.log(table(datasets.map(row)));
console.log('');
for (const n of notes) console.log(`${n}\n`);
console.log(scaleReport(scaleRows, unrelated).join('\n'));
if (news.length) console.log(news.join('\n'));
if (DETAILS) {
  sweepReport();
  console.log(details.join('\n') + '\n');
}
console.log(`Wall time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
