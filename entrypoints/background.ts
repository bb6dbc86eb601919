import { browser } from 'wxt/browser';
import { CorpusManager } from '../src/corpus/manager';
import type { CorpusFile, Manifest } from '../src/corpus/load';
import { dispatcher, type ContentToBackground, type PopupToBackground } from '../src/messages';
import { updateBadge } from '../src/badge';
import manifest from '../seeds/manifest.json';

const seedFiles = import.meta.glob<string>('../seeds/*.txt', { query: '?raw', import: 'default', eager: true });
const files: CorpusFile[] = Object.entries(seedFiles).map(([path, text]) => ({ name: path.split('/').pop()!, text }));

export default defineBackground(() => {
  const corpus = new CorpusManager(files, manifest as Manifest);

  browser.runtime.onInstalled.addListener(() => {
    void corpus.ensureStored();
  });

  browser.runtime.onMessage.addListener(
    dispatcher<ContentToBackground & PopupToBackground>({
      'content/scan': async ({ texts }) => {
        const { matcher } = await corpus.get();
        return texts.map((t) => matcher.match(t));
      },
      'content/highlights': ({ count }, sender) => updateBadge(sender.tab?.id, count),
      'popup/status': async () => {
        const { stored } = await corpus.get();
        return {
          documents: stored.documents.length,
          paragraphs: stored.paragraphs.filter((p) => !p.furniture).length,
          problems: stored.problems,
        };
      },
    }),
  );
});
