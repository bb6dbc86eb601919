import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CorpusManager } from '../../src/corpus/manager';
import * as db from '../../src/storage/db';
import { dispatcher, type ContentToBackground } from '../../src/messages';
import { seedFiles, seedManifest, seedParagraph } from './helpers/seeds';

describe('the background corpus', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores the bundled corpus in IndexedDB, and a restarted worker reads it back without re-indexing', async () => {
    const first = new CorpusManager(seedFiles, seedManifest);
    const { stored } = await first.get();
    expect(stored.documents).toHaveLength(5);
    expect(await db.loadCorpus()).toMatchObject({ builtFrom: stored.builtFrom });

    // Mark the stored copy: only a manager that reads storage can see the mark.
    await db.saveCorpus({ ...stored, problems: ['read from storage'] });
    // A new manager is what a service worker woken from death has: no globals.
    const second = await new CorpusManager(seedFiles, seedManifest).get();
    expect(second.stored.problems).toEqual(['read from storage']);
    expect(second.matcher.match(seedParagraph('000', 'Days after President Biden'))?.kind).toBe('verbatim');
  });

  it('re-indexes when the bundled corpus changes, and reports unreadable files', async () => {
    const changed = [...seedFiles, { name: 'broken.txt', text: 'binary\u0000data' }];
    const { stored } = await new CorpusManager(changed, seedManifest).get();
    expect(stored.problems).toEqual([expect.stringContaining('broken')]);
    expect(stored.documents).toHaveLength(5);
  });

  it('answers typed scan messages and ignores messages for other listeners', async () => {
    const manager = new CorpusManager(seedFiles, seedManifest);
    const listen = dispatcher<ContentToBackground>({
      'content/scan': async ({ texts }) => {
        const { matcher } = await manager.get();
        return texts.map((t) => matcher.match(t));
      },
      'content/highlights': () => undefined,
    });
    const answer = (await listen({ type: 'content/scan', texts: [seedParagraph('003', 'The previously unreported'), 'Nothing to see here at all, just words.'] }, {})) as unknown[];
    expect(answer[0]).toMatchObject({ kind: 'verbatim' });
    expect(answer[1]).toBeNull();
    expect(listen({ type: 'someone-else' }, {})).toBeUndefined();
    expect(listen('not a message', {})).toBeUndefined();
  });
});
