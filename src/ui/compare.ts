import { summarizeChanges } from '../diff/summary';
import type { Tracked } from '../dom/highlighter';
import { bylineParts, creditView, nameOf, openOriginal, partial, PARTIAL_BELOW, percent, version } from './describe';
import { field, fields, h, revealed, trusted } from './dom';
import { COMPARE, describeFact, describeProvenance, KIND_LABEL } from './words';

/**
 * The comparison: the page's paragraph against a corpus version as a word
 * diff, with every version to switch to. A modal dialog in the closed
 * shadow root of Reprint's UI layer: focus moves in, stays in, and returns
 * on close.
 */
export class CompareDialog {
  private backdrop?: HTMLElement;
  private returnFocus?: HTMLElement;
  private shownFor?: Tracked;

  /**
   * `markerOf`: the block's marker, where focus returns when nothing else is
   * known to return to (the card was opened by the pointer). `refocus`: puts
   * focus back, quietly (the card does not open again over the page).
   */
  constructor(
    private readonly root: ShadowRoot,
    private readonly markerOf: (t: Tracked) => HTMLElement | undefined = () => undefined,
    private readonly refocus: (el: HTMLElement) => void = (el) => el.focus(),
  ) {}

  get isOpen(): boolean {
    return !!this.backdrop?.isConnected;
  }

  /**
   * `returnTo`: where focus goes back on close, the marker or page element
   * the comparison was opened from. Not `document.activeElement`: from the
   * page, Reprint's own UI is only its layer's host, which takes no focus,
   * and focus would fall to <body>.
   */
  open(t: Tracked, docId = t.match.original, returnTo?: HTMLElement): void {
    if (!this.isOpen) this.returnFocus = returnTo;
    this.shownFor = t;
    this.backdrop?.remove();
    this.backdrop = this.render(t, docId);
    this.backdrop.addEventListener(
      'keydown',
      trusted((e: KeyboardEvent) => this.onKey(e)),
    );
    this.root.append(this.backdrop);
    // The version shown, else Close. (`a?.focus() ?? b.focus()` always ended on Close: focus() returns undefined.)
    (this.root.querySelector<HTMLElement>('.versions [aria-pressed="true"]') ?? this.root.querySelector<HTMLElement>('.close')!).focus();
  }

  close(): void {
    if (!this.backdrop) return;
    this.backdrop.remove();
    this.backdrop = undefined;
    const back = this.returnFocus?.isConnected ? this.returnFocus : this.shownFor && this.markerOf(this.shownFor);
    this.returnFocus = undefined;
    this.shownFor = undefined;
    if (back) this.refocus(back);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.stopPropagation();
      this.close();
    } else if (e.key === 'Tab') {
      // Keep focus inside the dialog.
      const focusable = [...this.root.querySelectorAll<HTMLElement>('.backdrop button')];
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      const active = this.root.activeElement;
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
    const link = openOriginal(v.meta.url, COMPARE.openVersion(v.docId === match.original && match.provenance.basis !== 'citation'));
    const dialog = h(
      'div',
      { class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId },
      h(
        'div',
        { class: 'head' },
        h('h2', { id: titleId }, field(v.meta.title)),
        h('button', { type: 'button', class: 'close', 'aria-label': COMPARE.close, title: COMPARE.closeTitle, onclick: () => this.close() }, '×'),
      ),
      h('div', { class: 'meta muted' }, COMPARE.rank(rank, match.versions.length), ' · ', fields([...bylineParts(v.meta), v.docId]), link ? ' · ' : null, link),
      h('div', { class: 'provenance' }, h('strong', {}, field(describeProvenance(match.provenance, nameOf(match)))), ' · ', creditView(t.credit)),
      h(
        'div',
        { class: 'summary' },
        h('span', { class: 'kind', 'data-kind': v.kind }, KIND_LABEL[v.kind]),
        h('span', {}, COMPARE.similar(percent(v.score))),
        h('span', {}, COMPARE.changedWords(percent(changes.changedShare))),
        changes.droppedSentences.length ? h('span', {}, COMPARE.droppedSentences(changes.droppedSentences.length)) : null,
        changes.addedSentences.length ? h('span', {}, COMPARE.addedSentences(changes.addedSentences.length)) : null,
        v.coverage < PARTIAL_BELOW ? h('span', {}, partial(v.coverage, COMPARE.ofPageParagraph)) : null,
      ),
      changes.facts.length
        ? h('ul', { class: 'facts', 'aria-label': COMPARE.changedFacts }, ...changes.facts.map((f) => h('li', {}, describeFact(f))))
        : h('p', { class: 'facts-none muted' }, COMPARE.noFacts),
      h('h3', {}, COMPARE.versionsHeading),
      h(
        'div',
        { class: 'versions', role: 'group', 'aria-label': COMPARE.versionsLabel },
        ...match.provenance.ranking.map((id) => {
          const o = version(match, id);
          return h(
            'button',
            { type: 'button', 'aria-pressed': String(o.docId === v.docId), title: o.meta.title, onclick: () => this.open(t, o.docId) },
            field(nameOf(match)(o.docId)),
            ` · ${KIND_LABEL[o.kind].toLowerCase()} · ${percent(o.score)}`,
            o.meta.date ? ' · ' : null,
            o.meta.date ? field(o.meta.date) : null,
            o.cites ? COMPARE.credits : null,
            o.cites ? field(o.cites) : null,
          );
        }),
      ),
      h('h3', {}, COMPARE.whatChanged),
      h('p', { class: 'diff', dir: 'auto' }, ...changes.parts.flatMap((p) => (p.op === 'same' ? revealed(p.text) : [h(p.op, {}, ...revealed(p.text))]))),
      h('div', { class: 'legend muted' }, COMPARE.legend),
    );
    const backdrop = h(
      'div',
      {
        class: 'backdrop',
        'data-tone': t.tone,
        onclick: (e: Event) => {
          if (e.target === backdrop) this.close();
        },
      },
      dialog,
    );
    return backdrop;
  }
}
