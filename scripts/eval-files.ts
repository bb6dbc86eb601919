/**
 * The team's fixtures for how corpus files are read (`npm run eval` rows):
 * a corpus folder read exactly as `npm run scan -- --corpus DIR` reads it,
 * and pages read as scan reads a .txt FILE.
 *
 * - tests/fixtures/untitled: files with and without a title line. A file
 *   whose first line is a paragraph must keep it (src/corpus/title.ts).
 * - tests/fixtures/ledes: short ledes and short quoted speech that speak to
 *   the reader ("you") are text; a reader prompt three files carry, and the
 *   comment form in their tails, are furniture (src/corpus/furniture.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusDocument } from '../src/corpus/document';
import { MemoryIndex } from '../src/index/memory';
import type { MatchKind } from '../src/match/kinds';
import type { BlockMatch } from '../src/match/matcher';
import { readCorpusDir, REPO_ROOT } from './lib/corpus';
import { paragraphsOf } from './lib/plain-text';

export interface FilePage {
  id: string;
  page: string;
  /** The corpus file (id) the page copies; null when it must match nothing. */
  source: string | null;
  kind: MatchKind | null;
}

interface FixtureFile {
  note: string;
  /** Expected title per document id, where the fixture checks titles. */
  titles?: Record<string, string>;
  pages: FilePage[];
}

export interface FileFixtureResult {
  name: string;
  documents: CorpusDocument[];
  problems: string[];
  pages: Array<{ page: FilePage; match: BlockMatch | null }>;
  /** Documents whose title is the expected one, of those the fixture names. */
  titles: { right: number; total: number; wrong: string[] };
}

export const FILE_FIXTURES = [
  { name: 'Untitled corpus files', dir: 'tests/fixtures/untitled' },
  { name: 'Short ledes and reader prompts', dir: 'tests/fixtures/ledes' },
] as const;

/** Of a page's matches, the one with the expected source, else the first. */
function pick(matches: Array<BlockMatch | null>, source: string | null): BlockMatch | null {
  const found = matches.filter((m): m is BlockMatch => m !== null);
  return found.find((m) => m.source === source) ?? found[0] ?? null;
}

export async function runFileFixture(name: string, dir: string): Promise<FileFixtureResult> {
  const root = join(REPO_ROOT, dir);
  const { documents, problems } = readCorpusDir(join(root, 'corpus'));
  const fixture = JSON.parse(readFileSync(join(root, 'pages.json'), 'utf8')) as FixtureFile;
  const { matcher } = await MemoryIndex.of(documents);
  const pages: FileFixtureResult['pages'] = [];
  for (const page of fixture.pages) pages.push({ page, match: pick(await matcher.match(paragraphsOf(page.page)), page.source) });
  const expected = Object.entries(fixture.titles ?? {});
  const titleOf = new Map(documents.map((d) => [d.id, d.meta.title]));
  const wrong = expected.filter(([id, title]) => titleOf.get(id) !== title).map(([id]) => `${id}: «${titleOf.get(id)}»`);
  return { name, documents, problems, pages, titles: { right: expected.length - wrong.length, total: expected.length, wrong } };
}
