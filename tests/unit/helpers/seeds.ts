import { readdirSync, readFileSync } from 'node:fs';
import { loadCorpusFiles, type CorpusFile, type Manifest } from '../../../src/corpus/load';
import { MemoryIndex } from '../../../src/index/memory';
import type { BlockMatch } from '../../../src/match/matcher';

export const seedFiles: CorpusFile[] = readdirSync('seeds')
  .filter((f) => f.endsWith('.txt'))
  .map((name) => ({ name, text: readFileSync(`seeds/${name}`, 'utf8') }));
export const seedManifest = JSON.parse(readFileSync('seeds/manifest.json', 'utf8')) as Manifest;
export const seedDocuments = loadCorpusFiles(seedFiles, seedManifest).documents;

let index: Promise<MemoryIndex> | undefined;
export const seedIndex = () => (index ??= MemoryIndex.of(seedDocuments));

/** Matches one text against the seeds. */
export const seedMatch = async (text: string): Promise<BlockMatch | null> => (await (await seedIndex()).matcher.match([text]))[0];

/** Matches one text that must match. */
export async function seedHit(text: string): Promise<BlockMatch> {
  const m = await seedMatch(text);
  if (!m) throw new Error(`No match for ${text.slice(0, 60)}`);
  return m;
}

/** A seed paragraph by document prefix ("000") and a phrase it starts with. */
export function seedParagraph(doc: string, startsWith: string): string {
  const d = seedDocuments.find((x) => x.id.startsWith(doc))!;
  const p = d.paragraphs.find((x) => x.startsWith(startsWith));
  if (!p) throw new Error(`No paragraph of ${doc} starts with ${startsWith}`);
  return p;
}

export const id = (prefix: string) => seedDocuments.find((d) => d.id.startsWith(prefix))!.id;
