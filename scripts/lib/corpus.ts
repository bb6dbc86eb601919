/**
 * Reads a corpus folder the way the extension's background reads its
 * bundled seeds: every `.txt` file is a document named after the file, and
 * an optional manifest.json beside them supplies metadata.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCorpusFiles, type CorpusFile, type Manifest } from '../../src/corpus/load';
import type { CorpusDocument } from '../../src/corpus/document';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const SEEDS_DIR = path.join(REPO_ROOT, 'seeds');

export interface LoadedCorpus {
  documents: CorpusDocument[];
  /** Files that were skipped or not usable, each a sentence a person can act on. */
  problems: string[];
}

/** Throws only when the folder itself cannot be listed; bad files become problems. */
export function readCorpusDir(dir = SEEDS_DIR): LoadedCorpus {
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && /\.txt$/i.test(e.name))
    .map((e) => e.name)
    .sort();
  return readCorpusFiles(
    dir,
    names.map((name) => path.join(dir, name)),
  );
}

/**
 * Corpus .txt files as a folder of them is read (readCorpusDir), with the
 * optional manifest.json of `dir`: the evaluation reads a public set's
 * source texts from beside other files this way, exactly as they come.
 */
export function readCorpusFiles(dir: string, paths: string[]): LoadedCorpus {
  const problems: string[] = [];
  const files: CorpusFile[] = [];
  for (const file of paths) {
    const name = path.basename(file);
    try {
      files.push({ name, text: readFileSync(file, 'utf8') });
    } catch (e) {
      problems.push(`${name}: could not be read (${(e as Error).message})`);
    }
  }
  let manifest: Manifest = {};
  const manifestPath = path.join(dir, 'manifest.json');
  let manifestText: string | undefined;
  try {
    manifestText = readFileSync(manifestPath, 'utf8');
  } catch {
    // No manifest: titles come from the files' first lines.
  }
  if (manifestText !== undefined) {
    try {
      const parsed: unknown = JSON.parse(manifestText);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object of id → metadata');
      manifest = parsed as Manifest;
    } catch (e) {
      problems.push(`manifest.json: ignored, it is not valid (${(e as Error).message})`);
    }
  }
  const loaded = loadCorpusFiles(files, manifest);
  return { documents: loaded.documents, problems: [...problems, ...loaded.problems] };
}
