/**
 * The team's fixtures for reading corpus files (tests/fixtures/untitled,
 * tests/fixtures/ledes; `npm run eval` prints them as rows): every page that
 * copies a corpus file is found with its source, the reader prompts
 * match nothing, and the files' titles are the expected ones. The folders
 * are read as a corpus folder is (src/corpus/load.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpusFiles } from '../../src/corpus/load';
import { MemoryIndex } from '../../src/index/memory';

interface Fixture {
  titles?: Record<string, string>;
  pages: Array<{ id: string; page: string; source: string | null }>;
}

function load(dir: string) {
  const corpus = path.join('tests/fixtures', dir, 'corpus');
  const files = readdirSync(corpus)
    .filter((f) => f.endsWith('.txt'))
    .map((name) => ({ name, text: readFileSync(path.join(corpus, name), 'utf8') }));
  const fixture = JSON.parse(readFileSync(path.join('tests/fixtures', dir, 'pages.json'), 'utf8')) as Fixture;
  return { ...loadCorpusFiles(files), fixture };
}

describe.each(['untitled', 'ledes'])('tests/fixtures/%s', (dir) => {
  const { documents, problems, fixture } = load(dir);

  it('loads every file', () => {
    expect(problems).toEqual([]);
    expect(documents.length).toBeGreaterThanOrEqual(5);
  });

  it('gives each file its expected title', () => {
    const titles = Object.fromEntries(documents.map((d) => [d.id, d.meta.title]));
    for (const [id, title] of Object.entries(fixture.titles ?? {})) expect(titles[id], id).toBe(title);
  });

  // Sources only: the kinds are the matcher's business, and `npm run eval` reports them.
  it('finds every copy with its source, and nothing for the reader prompts', async () => {
    const { matcher } = await MemoryIndex.of(documents);
    const matches = await matcher.match(fixture.pages.map((p) => p.page));
    const got = fixture.pages.map((p, i) => ({ id: p.id, source: matches[i]?.source ?? null }));
    expect(got).toEqual(fixture.pages.map(({ id, source }) => ({ id, source })));
  });
});
