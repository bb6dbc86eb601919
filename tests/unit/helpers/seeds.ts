import { readdirSync, readFileSync } from 'node:fs';
import { loadCorpusFiles, type CorpusFile, type Manifest } from '../../../src/corpus/load';
import { buildCorpusData, CorpusMatcher } from '../../../src/match/corpus';

export const seedFiles: CorpusFile[] = readdirSync('seeds')
  .filter((f) => f.endsWith('.txt'))
  .map((name) => ({ name, text: readFileSync(`seeds/${name}`, 'utf8') }));
export const seedManifest = JSON.parse(readFileSync('seeds/manifest.json', 'utf8')) as Manifest;
export const seedDocuments = loadCorpusFiles(seedFiles, seedManifest).documents;

let matcher: CorpusMatcher | undefined;
export const seedMatcher = () => (matcher ??= new CorpusMatcher(buildCorpusData(seedDocuments)));

/** A seed paragraph by document prefix ("000") and a phrase it starts with. */
export function seedParagraph(doc: string, startsWith: string): string {
  const d = seedDocuments.find((x) => x.id.startsWith(doc))!;
  const p = d.paragraphs.find((x) => x.startsWith(startsWith));
  if (!p) throw new Error(`No paragraph of ${doc} starts with ${startsWith}`);
  return p;
}

export const id = (prefix: string) => seedDocuments.find((d) => d.id.startsWith(prefix))!.id;
