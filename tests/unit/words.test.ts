import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rankVersions, type Provenance } from '../../src/match/provenance';
import { badgeTitle, describeFact, describeProvenance, KIND_LABEL, listNames, quotedTitle, shortId } from '../../src/ui/words';
import { nameOf } from '../../src/ui/describe';
import { seedHit, seedParagraph } from './helpers/seeds';

const facts = (p: Partial<Provenance>): Provenance => ({
  original: '000_1314c5edfdd34a8c',
  basis: 'consensus',
  citedOutlet: null,
  citedBy: [],
  quotedVerbatim: false,
  originalDate: null,
  undated: 0,
  ranking: ['000_1314c5edfdd34a8c'],
  ...p,
});

/** Names as a reader knows them: a publisher for 000 and 001, a title for the others. */
const NAMES: Record<string, string> = {
  '000_1314c5edfdd34a8c': 'ZeroHedge News',
  '003_9f0e4b2a': '“Xi Pushes Putin”',
  '000_aa': 'ZeroHedge News',
  '001_bb': 'The Economic Times',
};
const name = (id: string) => NAMES[id] ?? id;

describe('the provenance sentence', () => {
  it('names a cited outlet and who quoted it by name, verbatim only when they all did', async () => {
    const cited = facts({ basis: 'citation', citedOutlet: 'The New York Times', citedBy: ['000_1314c5edfdd34a8c', '003_9f0e4b2a'] });
    expect(describeProvenance(cited, name)).toBe('Original: The New York Times (cited as source), quoted by ZeroHedge News and “Xi Pushes Putin”');
    expect(describeProvenance({ ...cited, quotedVerbatim: true, citedBy: ['000_aa', '001_bb', 'other'] }, name)).toBe(
      'Original: The New York Times (cited as source), quoted verbatim by ZeroHedge News, The Economic Times and other',
    );
  });

  it('says when a version is the only one', async () => {
    expect(describeProvenance(facts({ basis: 'only', original: '001_bb' }), name)).toBe('Only version in your corpus: The Economic Times');
  });

  it('gives the earliest date, and says so when other versions have none', async () => {
    const dated = facts({ basis: 'date', original: 'a', originalDate: '2022-02-01' });
    expect(describeProvenance(dated, name)).toBe('Earliest in your corpus: a (2022-02-01)');
    expect(describeProvenance({ ...dated, undated: 2 }, name)).toBe('Earliest in your corpus: a (2022-02-01); the others are undated');
  });

  it('falls back to consensus, and says that nothing else was to go by', async () => {
    expect(describeProvenance(facts({ basis: 'consensus', original: 'y' }), name)).toBe(
      'Likely original: y, the version closest to all the others (no dates or credits to go by)',
    );
  });

  it('words what the matcher finds in the seeds with publishers and titles, never ids', async () => {
    const r = await seedHit(seedParagraph('000', 'After one diplomatic exchange'));
    const statement = describeProvenance(r.provenance, nameOf(r));
    expect(statement).toBe('Original: The New York Times (cited as source), quoted by ZeroHedge News and “President Xi Pushes Putin To “Negotiate” With…”');
    expect(statement).not.toMatch(/\b00\d\b/);
    const meta = (date: string | null) => ({ title: 't', publisher: null, author: null, date, url: null });
    const byDate = rankVersions(
      [
        { docId: 'b', meta: meta('2022-03-01'), cites: null, consensus: 2 },
        { docId: 'a', meta: meta('2022-02-01'), cites: null, consensus: 1 },
      ],
      () => null,
    );
    expect(describeProvenance(byDate, name)).toBe('Earliest in your corpus: a (2022-02-01)');
  });
});

describe('other words', () => {
  it('labels kinds', async () => {
    expect(KIND_LABEL).toEqual({ verbatim: 'Copied verbatim', edited: 'Lightly edited copy', reworded: 'Reworded copy' });
  });

  it('shortens numbered corpus ids only', async () => {
    expect(shortId('000_1314c5edfdd34a8c')).toBe('000');
    expect(shortId('harbour')).toBe('harbour');
    expect(shortId('2022_report')).toBe('2022_report');
    expect(listNames([])).toBe('');
    expect(listNames(['A'])).toBe('A');
    expect(listNames(['A', 'B', 'C'])).toBe('A, B and C');
    expect(quotedTitle('A short title')).toBe('“A short title”');
    expect(quotedTitle('A headline that runs on for far longer than any sentence should quote it')).toBe('“A headline that runs on for far longer than any…”');
  });

  it('describes changed, dropped and added facts', async () => {
    expect(describeFact({ type: 'number', from: 'a half-dozen', to: 'several' })).toBe('Number: “a half-dozen” → “several”');
    expect(describeFact({ type: 'attribution', from: 'American officials said', to: null })).toBe('Attribution dropped: “American officials said”');
    expect(describeFact({ type: 'money', from: null, to: '$5 million' })).toBe('Amount added: “$5 million”');
  });

  it('titles the toolbar button by the count', async () => {
    expect(badgeTitle(0)).toBe('Reprint');
    expect(badgeTitle(1)).toBe('Reprint: 1 reprinted paragraph on this page');
    expect(badgeTitle(12)).toBe('Reprint: 12 reprinted paragraphs on this page');
  });
});

describe('layers', () => {
  const src = path.resolve(import.meta.dirname, '../../src');
  /**
   * What each lower layer must not import: imports point down only, ui → dom,
   * then backend → storage → index → match → corpus and diff → fingerprint → text,
   * with the shared types in src/types.ts below everything.
   */
  const above = (...layers: string[]) => [...layers, 'ui', 'messages', 'settings'];
  const forbidden: Record<string, string[]> = {
    text: above('fingerprint', 'corpus', 'match', 'diff', 'index', 'storage', 'backend', 'dom'),
    fingerprint: above('corpus', 'match', 'diff', 'index', 'storage', 'backend', 'dom'),
    corpus: above('match', 'diff', 'index', 'storage', 'backend', 'dom'),
    // Reading and writing corpus files: text, corpus, fingerprint (hash) and the shared types only.
    files: above('match', 'diff', 'index', 'storage', 'backend', 'dom'),
    diff: above('index', 'storage', 'backend', 'dom'),
    match: above('diff', 'index', 'storage', 'backend', 'dom'),
    index: above('storage', 'backend', 'dom'),
    storage: above('backend', 'dom'),
    backend: ['dom', 'ui', 'settings'],
    dom: above('backend', 'storage', 'index'),
  };
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    );

  it.each(Object.entries(forbidden))('nothing under src/%s imports from a layer above it', (layer, above) => {
    const wrong: string[] = [];
    expect(files(path.join(src, layer)).length, `src/${layer} exists`).toBeGreaterThan(0);
    for (const file of files(path.join(src, layer)))
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)) {
        if (!spec.startsWith('.')) continue;
        const target = path.relative(src, path.resolve(path.dirname(file), spec)).split(path.sep)[0];
        if (above.includes(target)) wrong.push(`${path.relative(src, file)} → ${spec}`);
      }
    expect(wrong).toEqual([]);
  });

  it('the shared types import nothing', () => {
    expect(readFileSync(path.join(src, 'types.ts'), 'utf8')).not.toMatch(/\bfrom\s+['"]/);
  });

  it('no module below src/ui writes English for readers', async () => {
    // The words that used to live below ui, as a tripwire for their return.
    const words =
      /Copied verbatim|Lightly edited|Reworded copy|cited as source|Earliest in (?:your )?corpus|Only version in|Likely original|(?:dropped|added): [“"'`$]/;
    const offenders = Object.keys(forbidden)
      .flatMap((layer) => files(path.join(src, layer)))
      .filter((f) => words.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(src, f));
    expect(offenders).toEqual([]);
  });
});
