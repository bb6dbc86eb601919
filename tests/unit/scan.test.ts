import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type ScanResult } from '../../scripts/scan';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/pages/scan-sample.html');
const SEED_000_P1 =
  'Senior Chinese officials "told" senior Russian officials in early February not to invade Ukraine before the end of the Winter Olympics in Beijing, according to the New York Times, citing senior Biden administration officials and a European official who spoke of a Western intelligence report on condition of anonymity.';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { status, stdout: out.join('\n'), results: () => out.map((l) => JSON.parse(l) as ScanResult), stderr: err.join('\n') };
}

describe('npm run scan', () => {
  it('reads a page as the content script does and reports the reprinted paragraph', async () => {
    const { status, results: lines, stderr } = await run([FIXTURE]);
    const results = lines();
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(results).toHaveLength(1);
    const [{ file, paragraphs }] = results;
    expect(file).toBe(FIXTURE);
    // nav and footer are not article text; the short label is not a paragraph.
    expect(paragraphs.map((p) => p.text)).toEqual([SEED_000_P1, expect.stringMatching(/^Volunteers at the harbour museum/)]);
    expect(paragraphs[0]).toEqual({ text: SEED_000_P1, kind: 'verbatim', source: '000_1314c5edfdd34a8c', score: 1, coverage: 1 });
    expect(paragraphs[1]).toMatchObject({ kind: null, source: null, score: null, coverage: null });
  });

  it('prints usage for --help', async () => {
    const { status, stdout, stderr } = await run(['--help']);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: npm run scan -- \[--corpus DIR\] FILE\.\.\./);
  });

  it('rejects unknown options and a missing FILE with status 2', async () => {
    expect((await run(['--bogus', FIXTURE])).status).toBe(2);
    expect((await run([])).status).toBe(2);
    expect((await run(['--corpus'])).stderr).toMatch(/--corpus needs a folder/);
  });

  describe('with --corpus DIR', () => {
    let tmp: string;
    let dir: string;
    let page: string;
    beforeAll(() => {
      tmp = mkdtempSync(path.join(os.tmpdir(), 'reprint-scan-'));
      dir = path.join(tmp, 'corpus');
      mkdirSync(dir);
      page = path.join(tmp, 'page.txt');
      writeFileSync(
        path.join(dir, 'harbour.txt'),
        'Harbour news\nThe harbour master said on Monday that the old lighthouse will be repaired before winter, after divers found cracks in its foundations during a routine inspection last month.\n',
      );
      writeFileSync(
        path.join(dir, 'orchard.txt'),
        'Orchard news\nApple growers in the valley expect a smaller harvest this autumn because a late frost in April damaged blossom across most of the older orchards near the river.\n',
      );
      // Not text at all: NUL bytes among the letters.
      writeFileSync(path.join(dir, 'broken.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41, 0x42, 0x00, 0x0a, 0x43]));
      writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ harbour: { publisher: 'Harbour Weekly' } }));
      writeFileSync(
        page,
        [
          'Apple growers in the valley expect a smaller harvest this autumn because a late frost in April damaged blossom across most of the older orchards near the river.',
          '',
          'The harbour master said on Monday that the old lighthouse will be repaired before winter, after divers found cracks in its foundations during a routine inspection last month.',
          'Nothing in this line comes from the corpus at all, it is about a chess club that meets on Thursdays.',
        ].join('\n'),
      );
    });
    afterAll(() => rmSync(tmp, { recursive: true, force: true }));

    it('reports the malformed corpus file on stderr and still loads the other documents', async () => {
      const missing = path.join(tmp, 'missing.html');
      const { status, results: lines, stderr } = await run(['--corpus', dir, missing, page]);
      const results = lines();
      expect(stderr).toMatch(/broken: this looks like a binary file, not text/);
      expect(stderr).toMatch(/missing\.html: could not be read: no such file/);
      // The missing file fails the run, but the next file is still scanned.
      expect(status).toBe(1);
      expect(results).toHaveLength(1);
      expect(results[0].file).toBe(page);
      expect(results[0].paragraphs.map(({ kind, source }) => ({ kind, source }))).toEqual([
        { kind: 'verbatim', source: 'orchard' },
        { kind: 'verbatim', source: 'harbour' },
        { kind: null, source: null },
      ]);
    });

    it('does not match the default seeds when another corpus is given', async () => {
      const { status, results } = await run([`--corpus=${dir}`, FIXTURE]);
      expect(status).toBe(0);
      expect(results()[0].paragraphs.every((p) => p.kind === null)).toBe(true);
    });

    it('reports manifest fields of the wrong type and still scans', async () => {
      const bad = path.join(tmp, 'bad-manifest');
      mkdirSync(bad);
      for (const name of ['harbour.txt', 'orchard.txt']) writeFileSync(path.join(bad, name), readFileSync(path.join(dir, name)));
      writeFileSync(path.join(bad, 'manifest.json'), JSON.stringify({ harbour: { title: 3, publisher: 'Harbour Weekly' }, orchard: ['x'] }));
      const { status, results, stderr } = await run(['--corpus', bad, page]);
      expect(stderr.split('\n')).toEqual([
        'scan: corpus: manifest.json: "harbour": title must be text, not a number',
        'scan: corpus: manifest.json: "orchard": must be an object of title, author, publisher, date and url, not a list',
      ]);
      expect(status).toBe(0);
      expect(results()[0].paragraphs.map((p) => p.source)).toEqual(['orchard', 'harbour', null]);
    });

    it('fails with status 2 when the corpus folder does not exist', async () => {
      const { status, stderr } = await run(['--corpus', path.join(dir, 'nope'), FIXTURE]);
      expect(status).toBe(2);
      expect(stderr).toMatch(/corpus folder .*nope could not be read/);
    });
  });
});
