import theme from '../../assets/styles/theme.css?inline';
import css from '../../assets/styles/compare.css?inline';
import { summarizeChanges } from '../diff/summary';
import type { Tracked } from '../dom/highlighter';
import { byline, percent, version } from './describe';
import { h, shadowHost } from './dom';
import { describeFact, describeProvenance, KIND_LABEL, plural, shortId } from './words';

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
    // The version shown, else Close. (`a?.focus() ?? b.focus()` always ended on Close: focus() returns undefined.)
    (root.querySelector<HTMLElement>('.versions [aria-pressed="true"]') ?? root.querySelector<HTMLElement>('.close')!).focus();
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
    const changes = summarizeChanges(v.sourceText, v.pageText);
    const rank = match.provenance.ranking.indexOf(v.docId);
    const titleId = 'reprint-compare-title';
    const dialog = h(
      'div',
      { class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId },
      h(
        'header',
        {},
        h('h2', { id: titleId }, v.meta.title),
        h('button', { type: 'button', class: 'close', 'aria-label': 'Close comparison', title: 'Close (Esc)', onclick: () => this.close() }, '×'),
      ),
      h(
        'div',
        { class: 'meta muted' },
        [rank === 0 ? 'Ranked first' : `Ranked ${rank + 1} of ${match.versions.length}`, byline(v.meta), v.docId].filter(Boolean).join(' · '),
      ),
      h(
        'div',
        { class: 'provenance' },
        h('strong', {}, describeProvenance(match.provenance)),
        h('span', { class: 'credit', 'data-credited': String(t.credited) }, t.credited ? ' · This page credits it' : ' · This page does not credit it'),
      ),
      h(
        'div',
        { class: 'summary' },
        h('span', { class: 'kind', 'data-kind': v.kind }, KIND_LABEL[v.kind]),
        h('span', {}, `${percent(v.score)} similar`),
        h('span', {}, `${percent(changes.changedShare)} of words changed`),
        changes.droppedSentences.length ? h('span', {}, `${plural(changes.droppedSentences.length, 'sentence')} dropped`) : null,
        changes.addedSentences.length ? h('span', {}, `${plural(changes.addedSentences.length, 'sentence')} added`) : null,
        v.coverage < 0.95 ? h('span', {}, `${percent(v.coverage)} of the page paragraph is reprinted`) : null,
      ),
      changes.facts.length
        ? h('ul', { class: 'facts', 'aria-label': 'Changed facts' }, ...changes.facts.map((f) => h('li', {}, describeFact(f))))
        : h('p', { class: 'facts-none muted' }, 'No numbers, dates, names, quotations or attributions changed.'),
      h('h3', {}, 'Versions in the corpus'),
      h(
        'div',
        { class: 'versions', role: 'group', 'aria-label': 'Versions' },
        ...match.provenance.ranking.map((id) => {
          const o = version(match, id);
          const evidence = [o.meta.date, o.cites ? `credits ${o.cites}` : null].filter(Boolean).join(', ');
          return h(
            'button',
            { type: 'button', 'aria-pressed': String(o.docId === v.docId), title: o.meta.title, onclick: () => this.open(t, o.docId) },
            `${shortId(o.docId)} · ${KIND_LABEL[o.kind].toLowerCase()} · ${percent(o.score)}${evidence ? ` · ${evidence}` : ''}`,
          );
        }),
      ),
      h('h3', {}, 'What changed'),
      h('p', { class: 'diff' }, ...changes.parts.map((p) => (p.op === 'same' ? p.text : h(p.op, {}, p.text)))),
      h('div', { class: 'legend muted' }, 'Struck through: only in the corpus version · Underlined: only on this page'),
    );
    const backdrop = h(
      'div',
      {
        class: 'backdrop',
        onclick: (e: Event) => {
          if (e.target === backdrop) this.close();
        },
      },
      dialog,
    );
    return backdrop;
  }
}
