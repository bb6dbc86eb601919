import theme from '../../assets/styles/theme.css?inline';
import css from '../../assets/styles/compare.css?inline';
import { changedShare, wordDiff } from '../diff/wordDiff';
import type { Tracked } from '../dom/highlighter';
import { KIND_LABEL } from '../match/kinds';
import { byline, percent, version } from './describe';
import { h, shadowHost } from './dom';

/**
 * The comparison: the page's paragraph against a corpus version as a word
 * diff, with every version to switch to. A modal `<reprint-compare>`
 * dialog: focus moves in, stays in, and returns on close.
 */
export class CompareDialog {
  private host?: HTMLElement;
  private returnFocus?: Element | null;

  get isOpen(): boolean {
    return !!this.host?.isConnected;
  }

  open(t: Tracked, docId = t.match.original): void {
    if (!this.isOpen) this.returnFocus = document.activeElement;
    this.host?.remove();
    const { host, root } = shadowHost('reprint-compare', theme + css);
    host.style.setProperty('inset', '0');
    this.host = host;
    root.append(this.render(t, docId));
    host.addEventListener('keydown', (e) => this.onKey(e, root));
    document.documentElement.append(host);
    (root.querySelector(`.versions [aria-pressed="true"]`) as HTMLElement | null)?.focus() ??
      (root.querySelector('.close') as HTMLElement).focus();
  }

  close(): void {
    if (!this.host) return;
    this.host.remove();
    this.host = undefined;
    (this.returnFocus as HTMLElement | null)?.focus?.();
  }

  private onKey(e: KeyboardEvent, root: ShadowRoot): void {
    if (e.key === 'Escape') {
      e.stopPropagation();
      this.close();
    } else if (e.key === 'Tab') {
      // Keep focus inside the dialog.
      const focusable = [...root.querySelectorAll<HTMLElement>('button')];
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      const active = root.activeElement;
      if (e.shiftKey && active === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && active === last) {
        e.preventDefault();
        first.focus();
      }
    }
  }

  private render(t: Tracked, docId: string): HTMLElement {
    const { match } = t;
    const v = version(match, docId);
    const parts = wordDiff(v.sourceText, v.pageText);
    const isOriginal = v.docId === match.original;
    const titleId = 'reprint-compare-title';
    const dialog = h(
      'div',
      { class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId },
      h('header', {},
        h('h2', { id: titleId }, v.meta.title),
        h('button', { type: 'button', class: 'close', 'aria-label': 'Close comparison', title: 'Close (Esc)', onclick: () => this.close() }, '×'),
      ),
      h('div', { class: 'meta muted' }, [isOriginal ? 'Ranked as the original' : 'Another version', byline(v.meta), v.docId].filter(Boolean).join(' · ')),
      h('div', { class: 'summary' },
        h('span', { class: 'kind', 'data-kind': v.kind }, KIND_LABEL[v.kind]),
        h('span', {}, `${percent(v.score)} similar`),
        h('span', {}, `${percent(changedShare(parts))} of words changed`),
        v.coverage < 0.95 ? h('span', {}, `${percent(v.coverage)} of the page paragraph is reprinted`) : null,
      ),
      h('h3', {}, 'Versions in the corpus'),
      h('div', { class: 'versions', role: 'group', 'aria-label': 'Versions' },
        ...match.versions.map((o) =>
          h('button', { type: 'button', 'aria-pressed': String(o.docId === v.docId), title: o.meta.title, onclick: () => this.open(t, o.docId) },
            `${o.docId === match.original ? '★ ' : ''}${o.docId} · ${KIND_LABEL[o.kind].toLowerCase()} · ${percent(o.score)}`),
        ),
      ),
      h('h3', {}, 'What changed'),
      h('p', { class: 'diff' }, ...parts.map((p) => (p.op === 'same' ? p.text : h(p.op, {}, p.text)))),
      h('div', { class: 'legend muted' }, 'Struck through: only in the corpus version · Underlined: only on this page'),
    );
    const backdrop = h('div', { class: 'backdrop', onclick: (e: Event) => { if (e.target === backdrop) this.close(); } }, dialog);
    return backdrop;
  }
}
