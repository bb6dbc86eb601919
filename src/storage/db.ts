import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CorpusData } from '../match/corpus';

/**
 * The corpus lives in the extension origin's IndexedDB: a service worker
 * that was stopped reads it back instead of keeping it in a global.
 */
interface ReprintDB extends DBSchema {
  corpus: { key: string; value: CorpusData & { builtFrom: string; problems: string[] } };
}

export type StoredCorpus = ReprintDB['corpus']['value'];

const DB_NAME = 'reprint';
const CURRENT = 'current';

let db: Promise<IDBPDatabase<ReprintDB>> | undefined;

function open(): Promise<IDBPDatabase<ReprintDB>> {
  db ??= openDB<ReprintDB>(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore('corpus');
    },
  });
  return db;
}

export async function loadCorpus(): Promise<StoredCorpus | undefined> {
  return (await open()).get('corpus', CURRENT);
}

export async function saveCorpus(corpus: StoredCorpus): Promise<void> {
  await (await open()).put('corpus', corpus, CURRENT);
}
