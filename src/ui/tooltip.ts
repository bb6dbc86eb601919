import type { Tracked } from '../dom/highlighter';
import { bylineParts, nameOf, partial, PARTIAL_BELOW, percent, version } from './describe';
import { field, fields, h } from './dom';
import { describeProvenance, KIND_LABEL } from './words';

const SHOW_DELAY = 150;
const HIDE_DELAY = 300;

/**
 * The hover card of a highlighted block: source, kind, similarity and a
 * Compare button. Drawn in the closed shadow root of Reprint's UI layer,
 * only after a person hovers or focuses the block, and only for that block.
 */
export class Tooltip {
  private card?: HTMLElement;
  private current?: Tracked;
  private showTimer?: ReturnType<typeof setTimeout>;
  private hideTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly root: ShadowRoot,
    private readonly onCompare: (t: Tracked) => void,
    private readonly onActive: (t: Tracked | undefined) => void,
  ) {}

  /** Called on hover or focus of a highlighted block. */
  request(t: Tracked): void {
    clearTimeout(this.hideTimer);
    if (this.current === t && this.card?.isConnected) return;
    clearTimeout(this.showTimer);
    this.showTimer = setTimeout(() => this.show(t), SHOW_DELAY);
  }

  /** Called when the pointer leaves the block or the card. */
  release(): void {
    clearTimeout(this.showTimer);
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => this.hide(), HIDE_DELAY);
  }

  hide(): void {
    this.card?.remove();
    this.card = undefined;
    if (this.current) this.onActive(undefined);
    this.current = undefined;
  }

  /** Hides the card for good: no timer left to bring it back. */
  dispose(): void {
    clearTimeout(this.showTimer);
    clearTimeout(this.hideTimer);
    this.hide();
  }

  show(t: Tracked): void {
    const { match } = t;
    const source = version(match, match.source);
    const byline = bylineParts(source.meta);
    this.card?.remove();
    this.card = h(
      'div',
      {
        class: 'tip',
        'data-tone': t.tone,
        role: 'group',
        'aria-label': 'Reprint: where this paragraph comes from',
        onmouseenter: () => clearTimeout(this.hideTimer),
        onmouseleave: () => this.release(),
      },
      h(
        'div',
        { class: 'row' },
        h('span', { class: 'kind', 'data-kind': match.kind }, KIND_LABEL[match.kind]),
        ` · ${percent(match.score)} similar`,
        match.coverage < PARTIAL_BELOW ? ` · ${partial(match.coverage)}` : '',
      ),
      field(source.meta.title, 'title'),
      byline.length ? fields(byline, 'row muted') : null,
      h('div', { class: 'row provenance' }, field(describeProvenance(match.provenance, nameOf(match)))),
      h(
        'div',
        { class: 'actions' },
        h('span', { class: 'credit', 'data-credited': String(t.credited) }, t.credited ? 'Credited' : 'Uncredited'),
        match.versions.length > 1 ? h('span', { class: 'muted' }, ` · ${match.versions.length} versions`) : null,
        h(
          'button',
          {
            type: 'button',
            onclick: () => {
              this.hide();
              this.onCompare(t);
            },
          },
          'Compare versions',
        ),
      ),
    );
    this.root.append(this.card);
    this.current = t;
    this.onActive(t);
    this.place(t.block.element);
  }

  /** Above the block if there is room, else below it, kept inside the viewport. */
  private place(anchor: Element): void {
    const card = this.card!;
    const r = anchor.getBoundingClientRect();
    const size = card.getBoundingClientRect();
    const margin = 8;
    let top = r.top - size.height - margin;
    if (top < margin) top = Math.min(r.bottom + margin, window.innerHeight - size.height - margin);
    const left = Math.max(margin, Math.min(r.left, window.innerWidth - size.width - margin));
    card.style.setProperty('top', `${Math.max(margin, top)}px`);
    card.style.setProperty('left', `${left}px`);
  }
}
