import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { PartitionBlock } from '../index/partition';
import type { Pace } from './pace';
import type { VersionLink } from '../match/matcher';
import { DEMO_COLLECTION, type Article, type DocumentMeta } from '../types';

/**
 * The corpus lives in the extension origin's IndexedDB: a service worker
 * that was stopped reads it back instead of keeping it in a global.
 *
 * - `docs`: one record per document: text, metadata, collection, when it
 *   was added, and what indexing found in it (furniture, credits).
 * - `blocks`: the index, in immutable segments, each split into partitions
 *   of the gram space and stored under [partition, segment].
 * - `links`: versions of a paragraph in other documents, by paragraph id.
 * - `shortLines`: how many documents carry each short line (furniture).
 * - `staging`: articles accepted but not yet indexed, in arrival order.
 * - `state`: the one record that says which segments are live, and what
 *   work is under way. Every step rewrites it in the transaction that does
 *   the step, so the index and the documents never disagree.
 */
export interface DocRecord {
  num: number;
  id: string;
  meta: DocumentMeta;
  collection: string;
  /** Milliseconds since the epoch. */
  added: number;
  paragraphs: string[];
  furniture: boolean[];
  shortKeys: number[];
  cites: Array<string | null>;
}

export interface BlockRecord {
  segment: number;
  block: PartitionBlock;
}

/** A live segment: documents first..last, written together or merged since. */
export interface SegmentInfo {
  id: number;
  first: number;
  last: number;
  /** Merge generation: level-0 segments are written by imports; ten of one level merge into the next. */
  level: number;
  /** Documents deleted since the segment was written; a merge leaves out their postings. */
  deleted: number[];
}

/** A merge under way: output partitions below `next` are written. */
export interface MergeJob {
  inputs: number[];
  output: SegmentInfo;
  next: number;
}

export interface IndexState {
  segments: SegmentInfo[];
  nextDoc: number;
  nextSegment: number;
  documents: number;
  /** Searchable paragraphs (not furniture). */
  paragraphs: number;
  /** Documents whose versions are still to be grouped. */
  grouping: number[];
  merge: MergeJob | null;
  /**
   * Merged segments whose fine blocks are still to be deleted, and the next
   * partition to clean (the sweep ends with WHOLE, for states written before
   * fresh segments' blocks were deleted as they merged); `queued`, segments
   * merged away during this sweep, which the next sweep cleans. States
   * written before `queued` may carry `fine`, no longer read.
   */
  dead: { segments: number[]; next: number; fine?: boolean; queued?: number[] } | null;
  /** Hash of the bundled corpus last staged. */
  bundled: string | null;
  /** Bundled or imported files that could not be read. */
  problems: string[];
  /** Articles in `staging`: every transaction that adds or removes them counts them here. */
  staged: number;
  /** How much each background step takes on (src/storage/pace.ts); absent in states written before it. */
  pace?: Pace;
}

export const EMPTY_STATE: IndexState = {
  segments: [],
  nextDoc: 0,
  nextSegment: 0,
  documents: 0,
  paragraphs: 0,
  grouping: [],
  merge: null,
  dead: null,
  bundled: null,
  problems: [],
  staged: 0,
};

/** The version-1 record: the whole corpus and its index in one value. */
interface LegacyCorpus {
  documents: Array<{ id: string; meta: DocumentMeta }>;
  paragraphs: Array<{ docId: string; index: number; text: string }>;
}

export interface ReprintDB extends DBSchema {
  docs: { key: number; value: DocRecord; indexes: { id: string; collection: string; url: string } };
  blocks: { key: [number, number]; value: BlockRecord };
  links: { key: number; value: VersionLink[] };
  shortLines: { key: number; value: number };
  staging: { key: number; value: Article };
  state: { key: string; value: IndexState };
}

export const STATE_KEY = 'index';
const DB_NAME = 'reprint';
const DB_VERSION = 4;

export type Db = IDBPDatabase<ReprintDB>;
export type Tx<S extends StoreNames<ReprintDB>[], M extends IDBTransactionMode> = IDBPTransaction<ReprintDB, S, M>;

const connections = new Map<string, Promise<Db>>();

/** Opens (and on first use upgrades) the database; one connection per context and name. */
export function openIndexDb(name = DB_NAME): Promise<Db> {
  const open =
    connections.get(name) ??
    openDB<ReprintDB>(name, DB_VERSION, {
      async upgrade(database, oldVersion, _newVersion, tx) {
        if (oldVersion < 2) {
          database.createObjectStore('docs', { keyPath: 'num' });
          const docs = tx.objectStore('docs');
          docs.createIndex('id', 'id', { unique: true });
          docs.createIndex('collection', 'collection');
          database.createObjectStore('blocks');
          database.createObjectStore('links');
          database.createObjectStore('shortLines');
          database.createObjectStore('staging', { autoIncrement: true });
          database.createObjectStore('state');
          await tx.objectStore('state').put(EMPTY_STATE, STATE_KEY);
          if (oldVersion >= 1)
            await migrateLegacy(database as unknown as IDBPDatabase<unknown>, tx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>);
        }
        // Version 3: documents by URL, to know a page that is itself in the corpus.
        if (oldVersion < 3) tx.objectStore('docs').createIndex('url', 'meta.url');
        // Version 4: the state counts the staged articles, counted once here.
        if (oldVersion < 4) {
          const state = (await tx.objectStore('state').get(STATE_KEY)) ?? EMPTY_STATE;
          await tx.objectStore('state').put({ ...state, staged: await tx.objectStore('staging').count() }, STATE_KEY);
        }
      },
      // Another context (a newer version of the extension, or a page deleting the
      // database) waits on this connection: close it, and open anew on next use.
      blocking() {
        connections.delete(name);
        void open.then((d) => d.close());
      },
    });
  connections.set(name, open);
  return open;
}

/**
 * Version 1 kept everything in `corpus/current`. Its documents are staged
 * for the new index, in the Demo collection (they were the bundled seeds),
 * before the old store goes: nothing is lost, and the worker indexes them
 * on its next step.
 */
async function migrateLegacy(database: IDBPDatabase<unknown>, tx: IDBPTransaction<unknown, string[], 'versionchange'>) {
  if (!database.objectStoreNames.contains('corpus')) return;
  const old = (await tx.objectStore('corpus').get('current')) as LegacyCorpus | undefined;
  const staging = tx.objectStore('staging');
  for (const d of old?.documents ?? []) {
    const paragraphs = (old?.paragraphs ?? [])
      .filter((p) => p.docId === d.id)
      .sort((a, b) => a.index - b.index)
      .map((p) => p.text);
    const article: Article = { id: d.id, meta: d.meta, paragraphs, collection: DEMO_COLLECTION };
    await staging.add(article);
  }
  database.deleteObjectStore('corpus');
}

/** Closes and forgets the connections, as a stopped worker does. */
export function closeIndexDb(): void {
  for (const open of connections.values()) void open.then((d) => d.close());
  connections.clear();
}
