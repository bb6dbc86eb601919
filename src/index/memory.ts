import { Matcher, type IndexedParagraph, type IndexReader, type VersionLink } from '../match/matcher';
import type { CorpusDocument, GramPostings } from '../types';
import { applyPairs, findVersionPairs } from './grouping';
import { docOfPid, indexOfPid, paragraphIds } from './ids';
import { documentFacts, documentPostings, paragraphOf, type DocumentFacts } from './ingest';
import { BlockReader, buildBlock, lookup } from './partition';

export interface AddOptions {
  /**
   * Group versions among the documents (default). Large evaluations and
   * benchmarks that only ask which document a page copies may skip it: it
   * adds the links between corpus versions, not page matches.
   */
  group?: boolean;
}

interface Stored {
  doc: CorpusDocument;
  facts: DocumentFacts;
}

/**
 * The index in memory, for the CLI, the evaluation and tests: the same
 * postings, furniture counts and version grouping as the IndexedDB index,
 * without storage. Each `add` is one segment.
 */
export class MemoryIndex implements IndexReader {
  private readonly docs = new Map<number, Stored>();
  private readonly byId = new Map<string, number>();
  /** One block per `add`: the memory index never merges. */
  private readonly segments: BlockReader[] = [];
  private readonly shortLines = new Map<number, number>();
  private readonly links = new Map<number, VersionLink[]>();
  private nextDoc = 0;
  readonly matcher = new Matcher(this);

  static async of(docs: CorpusDocument[], options?: AddOptions): Promise<MemoryIndex> {
    const index = new MemoryIndex();
    await index.add(docs, options);
    return index;
  }

  /** Adds documents (replacing any with the same id) and groups their versions. */
  async add(docs: CorpusDocument[], { group = true }: AddOptions = {}): Promise<void> {
    this.delete(docs.map((d) => d.id).filter((id) => this.byId.has(id)));
    const postings = { grams: [] as number[], pids: [] as number[] };
    const added: number[] = [];
    for (const doc of docs) {
      const num = this.nextDoc++;
      const facts = documentFacts(doc);
      this.docs.set(num, { doc, facts });
      this.byId.set(doc.id, num);
      for (const k of new Set(facts.shortKeys)) if (k) this.shortLines.set(k, (this.shortLines.get(k) ?? 0) + 1);
      documentPostings(num, doc, facts, postings);
      added.push(num);
    }
    this.segments.push(new BlockReader(buildBlock(postings.grams, postings.pids)));
    if (!group) return;
    const paragraphs = await Promise.all(added.map(async (num) => [...(await this.paragraphs(this.pidsOf(num))).values()]));
    const pairs = await findVersionPairs(this.matcher, this, paragraphs);
    applyPairs(pairs, (pid) => {
      let list = this.links.get(pid);
      if (!list) this.links.set(pid, (list = []));
      return list;
    });
  }

  /** Removes documents; their postings stay until rebuilt, and are skipped. */
  delete(ids: string[]): void {
    for (const id of ids) {
      const num = this.byId.get(id);
      if (num === undefined) continue;
      const { facts } = this.docs.get(num)!;
      for (const k of new Set(facts.shortKeys)) if (k) this.shortLines.set(k, (this.shortLines.get(k) ?? 1) - 1);
      for (const pid of this.pidsOf(num)) {
        for (const l of this.links.get(pid) ?? [])
          this.links.set(
            l.key,
            (this.links.get(l.key) ?? []).filter((x) => x.key !== pid),
          );
        this.links.delete(pid);
      }
      this.docs.delete(num);
      this.byId.delete(id);
    }
  }

  get documents(): CorpusDocument[] {
    return [...this.docs.values()].map((d) => d.doc);
  }

  private pidsOf(num: number): number[] {
    return paragraphIds(num, this.docs.get(num)!.doc.paragraphs.length);
  }

  /** Every stored paragraph, by id. */
  async allParagraphs(): Promise<Map<number, IndexedParagraph>> {
    return this.paragraphs(
      [...this.docs.keys()].flatMap((num) => this.pidsOf(num)),
      true,
    );
  }

  async documentCount(): Promise<number> {
    return this.docs.size;
  }

  async postings(grams: Uint32Array, maxDocs?: number): Promise<Map<number, GramPostings>> {
    const out = new Map<number, GramPostings>();
    for (const g of grams) {
      const found = lookup(this.segments, g, maxDocs);
      if (found) out.set(g, found);
    }
    return out;
  }

  /** Bytes of posting data held, for the bench's size per article. */
  get indexBytes(): number {
    return this.segments.reduce((n, s) => n + s.bytes, 0);
  }

  async paragraphs(ids: number[], withVersions = false): Promise<Map<number, IndexedParagraph>> {
    const out = new Map<number, IndexedParagraph>();
    for (const pid of ids) {
      const stored = this.docs.get(docOfPid(pid));
      const index = indexOfPid(pid);
      if (!stored || index >= stored.doc.paragraphs.length) continue;
      out.set(
        pid,
        paragraphOf(stored.doc, stored.facts, pid, index, (k) => this.shortLines.get(k) ?? 0, withVersions ? (this.links.get(pid) ?? []) : []),
      );
    }
    return out;
  }
}
