import theme from '../../assets/styles/theme.css?inline';
import css from '../../assets/styles/tooltip.css?inline';
import type { Tracked } from '../dom/highlighter';
import { byline, percent, version } from './describe';
import { h, shadowHost } from './dom';
import { describeProvenance, KIND_LABEL } from './words';

const SHOW_DELAY = 150;
const HIDE_DELAY = 300;

/**
 * The hover card of a highlighted block: source, kind, similarity and a
 * Compare button. One `<reprint-tooltip>` element, reused.
 */
export class Tooltip {
  private host?: HTMLElement;
  private root?: ShadowRoot;
  private current?: Tracked;
  private showTimer?: ReturnType<typeof setTimeout>;
  private hideTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly onCompare: (t: Tracked) => void) {}

  /** Called on hover or focus of a highlighted block. */
  request(t: Tracked): void {
    clearTimeout(this.hideTimer);
    if (this.current === t && this.host?.isConnected) return;
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
    this.host?.remove();
    this.current = undefined;
  }

  /** Hides the card for good: no timer left to bring it back. */
  dispose(): void {
    clearTimeout(this.showTimer);
    clearTimeout(this.hideTimer);
    this.hide();
  }

  private ensureHost(): ShadowRoot {
    if (!this.host) {
      const { host, root } = shadowHost('reprint-tooltip', theme + css);
      host.addEventListener('mouseenter', () => clearTimeout(this.hideTimer));
      host.addEventListener('mouseleave', () => this.release());
      this.host = host;
      this.root = root;
    }
    return this.root!;
  }

  show(t: Tracked): void {
    const root = this.ensureHost();
    const { match } = t;
    const source = version(match, match.source);
    root.querySelector('.tip')?.remove();
    root.append(
      h(
        'div',
        { class: 'tip', role: 'group', 'aria-label': 'Reprint: where this paragraph comes from' },
        h(
          'div',
          { class: 'row' },
          h('span', { class: 'kind', 'data-kind': match.kind }, KIND_LABEL[match.kind]),
          ` · ${percent(match.score)} similar`,
          match.coverage < 0.95 ? ` · ${percent(match.coverage)} of this paragraph` : '',
        ),
        h('div', { class: 'title' }, source.meta.title),
        byline(source.meta) ? h('div', { class: 'row muted' }, byline(source.meta)) : null,
        h('div', { class: 'row provenance' }, describeProvenance(match.provenance)),
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
      ),
    );
    if (!this.host!.isConnected) document.documentElement.append(this.host!);
    this.current = t;
    this.place(t.block.element);
  }

  /** Below the block's top edge near the pointer, kept inside the viewport. */
  private place(anchor: Element): void {
    const host = this.host!;
    const r = anchor.getBoundingClientRect();
    const card = host.getBoundingClientRect();
    const margin = 8;
    let top = r.top - card.height - margin;
    if (top < margin) top = Math.min(r.bottom + margin, window.innerHeight - card.height - margin);
    const left = Math.max(margin, Math.min(r.left, window.innerWidth - card.width - margin));
    host.style.setProperty('top', `${Math.max(margin, top)}px`);
    host.style.setProperty('left', `${left}px`);
  }
}
