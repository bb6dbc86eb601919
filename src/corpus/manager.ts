import { buildCorpusData, CorpusMatcher } from '../match/corpus';
import { loadCorpus, saveCorpus, type StoredCorpus } from '../storage/db';
import { corpusFingerprint, loadCorpusFiles, type CorpusFile, type Manifest } from './load';

/**
 * Owns the background's corpus: IndexedDB is the truth, the matcher a
 * cache of it. A restarted service worker rebuilds the cache from storage
 * on its first message, and re-indexes only when the bundled corpus changed.
 */
export class CorpusManager {
  private matcher: Promise<{ matcher: CorpusMatcher; stored: StoredCorpus }> | undefined;

  constructor(
    private readonly files: CorpusFile[],
    private readonly manifest: Manifest,
  ) {}

  private async loadOrBuild() {
    const builtFrom = corpusFingerprint(this.files, this.manifest);
    let stored = await loadCorpus();
    if (stored?.builtFrom !== builtFrom) {
      const { documents, problems } = loadCorpusFiles(this.files, this.manifest);
      stored = { ...buildCorpusData(documents), builtFrom, problems };
      await saveCorpus(stored);
    }
    return { matcher: new CorpusMatcher(stored), stored };
  }

  /** Stores and indexes the bundled corpus if storage lacks it. */
  async ensureStored(): Promise<void> {
    await this.get();
  }

  get(): Promise<{ matcher: CorpusMatcher; stored: StoredCorpus }> {
    this.matcher ??= this.loadOrBuild().catch((error) => {
      this.matcher = undefined;
      throw error;
    });
    return this.matcher;
  }
}
