/**
 * npm run scan -- [--corpus DIR] FILE...
 *
 * Scans saved pages (HTML) or plain-text files for paragraphs that reprint
 * the corpus, with the extension's own code: linkedom stands in for the
 * browser's DOM, the blocks come from src/dom/blocks.ts and the verdicts
 * from src/match/matcher.ts over an in-memory index (src/index/memory.ts),
 * as the background answers the content script. One JSON line per file on
 * stdout; problems on stderr.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { candidateElements, extractBlock } from '../src/dom/blocks';
import { MemoryIndex } from '../src/index/memory';
import type { Matcher } from '../src/match/matcher';
import type { MatchKind } from '../src/match/kinds';
import { readFiles } from '../src/files/read';
import type { Problem } from '../src/files/types';
import { readCorpusDir, SEEDS_DIR, type LoadedCorpus } from './lib/corpus';
import { paragraphsOf } from './lib/plain-text';

export const USAGE = `Usage: npm run scan -- [--corpus DIR] FILE...

Finds the paragraphs of each FILE that reprint a corpus document, with the
same code the extension runs, and prints one JSON line per file:

  {"file": "...", "paragraphs": [{"text", "kind", "source", "score", "coverage"}]}

kind is "verbatim", "edited" or "reworded", or null when the paragraph is not
a reprint (source, score and coverage are then null too).

FILE        an HTML page (blocks are read as the content script reads them)
            or a .txt file (blank lines part paragraphs; a line break ends
            one only after . ! ? : ; or a closing quote, else the lines of a
            hard-wrapped paragraph join)
--corpus DIR  every DIR/*.txt is a corpus document whose id is its file name
            without .txt: every non-empty line is a paragraph, and the first
            is the title only when it reads like one (short, no final full
            stop; a longer one when a blank line follows it), else the file
            name is. DIR/manifest.json (optional) gives metadata.
            Default: the extension's bundled seeds/
--corpus FILE a corpus file: a .zip (Reprint's export, a zipped corpus
            folder, or .txt, .md, .html, .json, .jsonl and feed files), or one
            such file by itself
-h, --help  show this help

Unreadable files and corpus files that cannot be parsed are reported on
stderr; the rest are still scanned. Exit status: 0 when every FILE was read,
1 when some FILE could not be read, 2 on a usage error or unusable corpus.`;

export interface ScannedParagraph {
  text: string;
  kind: MatchKind | null;
  source: string | null;
  score: number | null;
  coverage: number | null;
}

export interface ScanResult {
  file: string;
  paragraphs: ScannedParagraph[];
}

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

interface Options {
  corpus: string | undefined;
  files: string[];
  help: boolean;
}

function parseArgs(argv: string[]): Options | string {
  const opts: Options = { corpus: undefined, files: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      opts.files.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-h' || a === '--help') opts.help = true;
    else if (a === '--corpus') {
      const dir = argv[++i];
      if (dir === undefined || dir === '') return '--corpus needs a folder or a file';
      opts.corpus = dir;
    } else if (a.startsWith('--corpus=')) {
      const dir = a.slice('--corpus='.length);
      if (!dir) return '--corpus needs a folder or a file';
      opts.corpus = dir;
    } else if (a.startsWith('-') && a !== '-') return `unknown option ${a}`;
    else opts.files.push(a);
  }
  return opts;
}

/** Paragraph texts of a page, as the content script would send them. */
export function htmlParagraphs(html: string): string[] {
  const { document } = parseHTML(html);
  const root = document.body ?? document.documentElement;
  if (!root) return [];
  const texts: string[] = [];
  for (const el of candidateElements(root)) {
    const block = extractBlock(el as unknown as Element);
    if (block) texts.push(block.text);
  }
  return texts;
}

/** Paragraphs of a plain-text page: blank lines part them, and hard-wrapped lines join (scripts/lib/plain-text.ts). */
export const textParagraphs = paragraphsOf;

/** A FILE's paragraphs: a .txt file as plain text, anything else as an HTML page. */
export const pageParagraphs = (file: string, text: string): string[] => (/\.txt$/i.test(file) ? textParagraphs(text) : htmlParagraphs(text));

export async function scanParagraphs(matcher: Matcher, texts: string[]): Promise<ScannedParagraph[]> {
  const matches = await matcher.match(texts);
  return texts.map((text, i) => {
    const m = matches[i];
    return m ? { text, kind: m.kind, source: m.source, score: m.score, coverage: m.coverage } : { text, kind: null, source: null, score: null, coverage: null };
  });
}

function readInput(file: string): { text: string } | { error: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a folder, not a file' : err.code === 'EACCES' ? 'permission denied' : err.message;
    return { error: `${file}: could not be read: ${why}` };
  }
  if (text.includes('\u0000')) return { error: `${file}: could not be read: this looks like a binary file, not HTML or text` };
  return { text };
}

const isFile = (p: string): boolean => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

/** Why a corpus file was skipped, for the person running the CLI (src/files gives only the reason). */
const REASONS: Record<Problem['reason'], string> = {
  binary: 'this looks like a binary file, not text',
  'not-utf8': 'the file is not valid UTF-8 text',
  empty: 'the file is empty',
  'too-large': 'the file is larger than the readers accept',
  'no-article-text': 'no article text was found',
  'bad-field': 'a field has the wrong type',
  'unsafe-path': 'its path leaves the archive (absolute or with ..)',
  'too-many-files': 'the archive has more files than the readers accept',
  'zip-too-large': 'the archive unpacks to more than the readers accept',
  unreadable: 'the file could not be read',
};

export const describeProblem = (p: Problem): string => `${p.file}: ${REASONS[p.reason]}${p.detail ? ` (${p.detail})` : ''}`;

/** A corpus in one file (a zip, or any single file the readers take), through src/files. */
function readCorpusFile(file: string): LoadedCorpus {
  const read = readFiles([{ path: path.basename(file), bytes: readFileSync(file) }]);
  return {
    documents: read.articles.map(({ id, meta, paragraphs }) => ({ id, meta, paragraphs })),
    problems: read.problems.map(describeProblem),
  };
}

/** The CLI. Returns the exit status instead of exiting, so tests can call it. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const opts = parseArgs(argv);
  if (typeof opts === 'string') {
    io.err(`scan: ${opts}\n\n${USAGE}`);
    return 2;
  }
  if (opts.help) {
    io.out(USAGE);
    return 0;
  }
  if (opts.files.length === 0) {
    io.err(`scan: no FILE to scan\n\n${USAGE}`);
    return 2;
  }

  const corpusDir = opts.corpus ?? SEEDS_DIR;
  let corpus: LoadedCorpus;
  try {
    corpus = isFile(corpusDir) ? readCorpusFile(corpusDir) : readCorpusDir(corpusDir);
  } catch (e) {
    io.err(`scan: the corpus folder ${corpusDir} could not be read: ${(e as Error).message}`);
    return 2;
  }
  for (const p of corpus.problems) io.err(`scan: corpus: ${p}`);
  if (corpus.documents.length === 0) {
    io.err(`scan: the corpus in ${corpusDir} has no usable ${isFile(corpusDir) ? '' : '.txt '}documents`);
    return 2;
  }
  const { matcher } = await MemoryIndex.of(corpus.documents);

  let status = 0;
  for (const file of opts.files) {
    const input = readInput(file);
    if ('error' in input) {
      io.err(`scan: ${input.error}`);
      status = 1;
      continue;
    }
    const result: ScanResult = { file, paragraphs: await scanParagraphs(matcher, pageParagraphs(file, input.text)) };
    io.out(JSON.stringify(result));
  }
  return status;
}

const invoked = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invoked) {
  // A closed pipe (`| head`) ends the output quietly, as other CLIs do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  process.exitCode = await main(process.argv.slice(2));
}
