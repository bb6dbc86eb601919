import type { BlockMatch } from '../match/matcher';
import { creditTargets } from '../match/credit';
import { KINDS } from '../match/kinds';
import { blockRange, type Block } from './blocks';
import { isCredited } from './credit';

export interface Tracked {
  id: number;
  block: Block;
  match: BlockMatch;
  /** Whether the page credits the passage's original near it. */
  credited: boolean;
}

/** Below this coverage only the reprinted sentences are painted, not the block. */
const PARTIAL = 0.95;
const ATTRS = ['kind', 'source', 'original', 'score', 'coverage', 'credited', 'partial', 'flash'].map((a) => `data-reprint-${a}`);

/**
 * Marks reprinted blocks with data-reprint-* attributes (the page CSS
 * paints them) and partial copies with CSS Custom Highlight ranges, so the
 * page's own nodes are never split or rewritten.
 */
export class Highlighter {
  private readonly tracked = new Map<Element, Tracked>();
  private nextId = 1;
  private readonly highlights =
    typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined'
      ? Object.fromEntries(KINDS.map((k) => [k, new Highlight()]))
      : undefined;

  constructor() {
    if (this.highlights) for (const [k, hl] of Object.entries(this.highlights)) CSS.highlights.set(`reprint-${k}`, hl);
  }

  get count(): number {
    return this.tracked.size;
  }

  get(el: Element): Tracked | undefined {
    return this.tracked.get(el);
  }

  byId(id: number): Tracked | undefined {
    return [...this.tracked.values()].find((t) => t.id === id);
  }

  /** Highlighted blocks still in the page, in document order. */
  list(): Tracked[] {
    for (const [el] of this.tracked) if (!el.isConnected) this.clear(el);
    return [...this.tracked.values()].sort((a, b) => (a.block.element.compareDocumentPosition(b.block.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }

  apply(block: Block, match: BlockMatch | null): void {
    const el = block.element;
    this.clear(el);
    if (!match) return;
    el.setAttribute('data-reprint-kind', match.kind);
    el.setAttribute('data-reprint-source', match.source);
    el.setAttribute('data-reprint-original', match.original);
    el.setAttribute('data-reprint-score', match.score.toFixed(2));
    el.setAttribute('data-reprint-coverage', match.coverage.toFixed(2));
    const credited = isCredited(el, creditTargets(match));
    el.setAttribute('data-reprint-credited', String(credited));
    const t: Tracked = { id: this.nextId++, block, match, credited };
    this.tracked.set(el, t);
    if (match.coverage < PARTIAL && this.highlights) {
      el.setAttribute('data-reprint-partial', '');
      for (const s of match.spans) {
        const range = blockRange(block, s.start, s.end);
        if (range) this.highlights[match.kind].add(range);
      }
    }
  }

  /** Unmarks every block and unregisters the CSS highlights: the page as it was. */
  removeAll(): void {
    for (const el of [...this.tracked.keys()]) this.clear(el);
    if (this.highlights)
      for (const [k, hl] of Object.entries(this.highlights)) if (CSS.highlights.get(`reprint-${k}`) === hl) CSS.highlights.delete(`reprint-${k}`);
  }

  clear(el: Element): void {
    const t = this.tracked.get(el);
    if (!t) return;
    this.tracked.delete(el);
    for (const a of ATTRS) el.removeAttribute(a);
    if (this.highlights) for (const hl of Object.values(this.highlights)) for (const r of [...hl]) if (el.contains((r as Range).startContainer)) hl.delete(r);
  }
}
