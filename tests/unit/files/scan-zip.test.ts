import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCorpus } from '../../../src/files/reprint';
import { main, type ScanResult } from '../../../scripts/scan';
import { readCorpusDir, SEEDS_DIR } from '../../../scripts/lib/corpus';

const PAGE = path.resolve(import.meta.dirname, '../../fixtures/pages/scan-sample.html');

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { status, results: out.map((l) => JSON.parse(l) as ScanResult), stderr: err };
}

describe('npm run scan -- --corpus FILE.zip', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'reprint-scan-zip-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('reads a zipped corpus folder and finds the same reprint as the folder does', async () => {
    const files: Record<string, Uint8Array> = {};
    for (const name of readdirSync(SEEDS_DIR)) files[`seeds/${name}`] = new Uint8Array(readFileSync(path.join(SEEDS_DIR, name)));
    const zip = path.join(tmp, 'seeds.zip');
    writeFileSync(zip, zipSync(files));
    const fromZip = await run(['--corpus', zip, PAGE]);
    const fromDir = await run(['--corpus', SEEDS_DIR, PAGE]);
    expect(fromZip.status).toBe(0);
    expect(fromZip.stderr).toEqual([]);
    expect(fromZip.results).toEqual(fromDir.results);
    expect(fromZip.results[0].paragraphs[0]).toMatchObject({ kind: 'verbatim', source: '000_1314c5edfdd34a8c' });
  });

  it('reads Reprint’s own export, and reports a bad entry in words on stderr', async () => {
    const docs = readCorpusDir().documents.map((d) => ({ ...d, collection: 'Demo' }));
    const zip = path.join(tmp, 'export.zip');
    writeFileSync(zip, exportCorpus(docs));
    const { status, results } = await run([`--corpus=${zip}`, PAGE]);
    expect(status).toBe(0);
    expect(results[0].paragraphs[0]).toMatchObject({ kind: 'verbatim', source: '000_1314c5edfdd34a8c' });

    const bad = path.join(tmp, 'bad.zip');
    writeFileSync(
      bad,
      zipSync({ '../escape.txt': strToU8('x\ny'), 'ok.txt': strToU8(readFileSync(path.join(SEEDS_DIR, '000_1314c5edfdd34a8c.txt'), 'utf8')) }),
    );
    const r = await run(['--corpus', bad, PAGE]);
    expect(r.status).toBe(0);
    expect(r.stderr).toEqual(['scan: corpus: bad.zip/../escape.txt: its path leaves the archive (absolute or with ..)']);
  });
});
