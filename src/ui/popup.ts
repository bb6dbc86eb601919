import { KINDS } from '../match/kinds';
import type { CorpusStatus, HighlightSummary, OwnDocument, PageReport, PageSummary } from '../messages';
import { field, h } from './dom';
import { nameOf, partial, PARTIAL_BELOW, percent, version } from './describe';
import { describeProvenance, KIND_LABEL } from './words';
import type { BlockMatch } from '../match/matcher';

function summaryView(s: PageSummary, count: number): HTMLElement {
  return h(
    'section',
    { class: 'page-summary', 'aria-label': 'Page summary' },
    h(
      'p',
      { class: 'share' },
      `${percent(s.share)} of this page's text is reprinted`,
      h('span', { class: 'muted' }, ` · ${count} paragraph${count === 1 ? '' : 's'}`),
    ),
    h(
      'p',
      { class: 'kinds' },
      ...KINDS.filter((k) => s.kinds[k] > 0).map((k) => h('span', { class: 'kind', 'data-kind': k }, `${s.kinds[k]} ${KIND_LABEL[k].toLowerCase()}`)),
    ),
    h('p', {}, h('span', { class: 'credit', 'data-credited': String(s.uncredited === 0) }, `${s.credited} credited, ${s.uncredited} uncredited`)),
    h('p', { class: 'muted' }, 'From: ', ...s.sources.flatMap((x, i) => [i ? '; ' : '', field(x.title), ` (${x.count})`])),
    s.timeline.length
      ? h(
          'ol',
          { class: 'timeline', 'aria-label': 'Versions by date' },
          ...s.timeline.map((t) => h('li', {}, h('time', { datetime: t.date }, field(t.date)), ' ', field(t.title))),
          s.undated.length ? h('li', { class: 'muted' }, `${s.undated.length} undated version${s.undated.length === 1 ? '' : 's'}`) : null,
        )
      : h('p', { class: 'muted' }, 'No version carries a date.'),
  );
}

/** What the popup shows and what its controls do. */
export interface PopupModel {
  status: CorpusStatus;
  /** Null where the page cannot be scanned. */
  report: PageReport | null;
  /** The page's site, as the pause list names it; null where it has none. */
  site: string | null;
  sitePaused: boolean;
  allPaused: boolean;
  reveal(item: HighlightSummary): void;
  openReport: (() => void) | null;
  openOptions(): void;
  /** Adds the page to a collection; null where the page cannot be read. */
  addPage: ((collection: string) => Promise<string>) | null;
  /** The collection to offer, and the others. */
  collection: string;
  collections: string[];
  /** Open the add form at once (the page's context menu asked for it). */
  adding: boolean;
  /** The selection the page's context menu asked to check, and what matched it. */
  checked: { text: string; match: BlockMatch | null } | null;
  setSitePaused(paused: boolean): void;
  setAllPaused(paused: boolean): void;
}

/** A page that is itself in the corpus: it is the original, and its copies are listed. */
function ownView(own: OwnDocument): HTMLElement {
  return h(
    'div',
    { class: 'own' },
    h('p', { class: 'summary' }, 'This article is in your corpus', ' (', field(own.collection), ').'),
    own.copies.length
      ? h('p', { class: 'muted' }, 'Its copies in your corpus: ', ...own.copies.flatMap((c, i) => [i ? '; ' : '', field(c.title)]))
      : h('p', { class: 'muted' }, 'No other document in your corpus carries its text.'),
  );
}

/** The answer for a checked selection: where it comes from, or that the corpus does not hold it. */
function checkedView({ text, match }: { text: string; match: BlockMatch | null }): HTMLElement {
  const excerpt = text.length > 160 ? `${text.slice(0, 160).trimEnd()}…` : text;
  if (!match)
    return h(
      'section',
      { class: 'checked', 'aria-label': 'Selected text' },
      h('p', { class: 'summary' }, 'The selected text is not in your corpus.'),
      field(excerpt, 'excerpt'),
    );
  const source = version(match, match.source);
  return h(
    'section',
    { class: 'checked', 'aria-label': 'Selected text' },
    h(
      'p',
      { class: 'line' },
      h('span', { class: 'kind', 'data-kind': match.kind }, KIND_LABEL[match.kind]),
      h('span', { class: 'score' }, `${percent(match.score)} similar`),
    ),
    field(source.meta.title, 'source'),
    field(describeProvenance(match.provenance, nameOf(match)), 'statement muted'),
    field(excerpt, 'excerpt'),
  );
}

/** "Add this page": a collection to choose, then the article is read and stored. */
function addForm(m: PopupModel): HTMLElement {
  const input = h('input', { type: 'text', value: m.collection, list: 'popup-collections', 'aria-label': 'Collection' });
  const status = h('p', { class: 'muted', role: 'status' });
  const add = h('button', { type: 'submit' }, 'Add');
  const form = h(
    'form',
    { class: 'add-page' },
    h('label', {}, 'Add this page to ', input),
    h('datalist', { id: 'popup-collections' }, ...m.collections.map((c) => h('option', { value: c }))),
    add,
    status,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!e.isTrusted || !m.addPage) return;
    add.disabled = true;
    status.textContent = 'Reading the page…';
    status.textContent = await m.addPage(input.value.trim() || m.collection);
    add.disabled = false;
  });
  return form;
}

/** An on/off switch: a button with aria-pressed, labelled by what it turns on. */
function toggle(label: string, pressed: boolean, set: (on: boolean) => void): HTMLElement {
  return h('button', { type: 'button', class: 'switch', 'aria-pressed': String(pressed), onclick: () => set(!pressed) }, label);
}

/**
 * The toolbar popup: the page at a glance, then a line per highlighted
 * paragraph (kind, source, similarity, credit); clicking one scrolls the
 * page to it. Switches pause Reprint on this site or everywhere.
 */
export function renderPopup(app: HTMLElement, m: PopupModel): void {
  const { status, report, reveal, openReport } = m;
  const items = report?.items ?? [];
  const form = m.addPage && !report?.own ? addForm(m) : null;
  if (form && !m.adding) form.hidden = true;
  const controls = h(
    'div',
    { class: 'controls' },
    form
      ? h(
          'button',
          {
            type: 'button',
            class: 'action',
            onclick: () => {
              form.hidden = false;
              form.querySelector('input')?.focus();
            },
          },
          'Add this page',
        )
      : null,
    m.site ? toggle(`Pause on ${m.site}`, m.sitePaused, m.setSitePaused) : null,
    toggle('Pause everywhere', m.allPaused, m.setAllPaused),
  );
  const header = h(
    'header',
    {},
    h('h1', {}, 'Reprint'),
    controls,
    ...(form ? [form] : []),
    ...(m.checked ? [checkedView(m.checked)] : []),
    report === null
      ? h('p', { class: 'summary muted' }, 'Reprint cannot read this page.')
      : report.own
        ? ownView(report.own)
        : report.paused
          ? h('p', { class: 'summary muted' }, m.allPaused ? 'Reprint is paused everywhere.' : 'Reprint is paused on this site.')
          : items.length === 0
            ? h('p', { class: 'summary muted' }, 'No reprinted paragraphs found on this page.')
            : summaryView(report.summary, items.length),
  );
  const list = items.length
    ? h(
        'ul',
        { 'aria-label': 'Reprinted paragraphs' },
        ...items.map((it) =>
          h(
            'li',
            {},
            h(
              'button',
              { type: 'button', onclick: () => reveal(it), title: 'Show on the page' },
              h(
                'span',
                { class: 'line' },
                h('span', { class: 'kind', 'data-kind': it.kind }, KIND_LABEL[it.kind]),
                h('span', { class: 'credit', 'data-credited': String(it.credited) }, it.credited ? 'credited' : 'uncredited'),
                h('span', { class: 'score' }, `${percent(it.score)}${it.coverage < PARTIAL_BELOW ? ` · ${partial(it.coverage, 'of text')}` : ''}`),
              ),
              field(it.sourceTitle, 'source'),
              field(it.statement, 'statement muted'),
              field(it.excerpt, 'excerpt'),
            ),
          ),
        ),
      )
    : null;
  const footer = h(
    'footer',
    {},
    h(
      'div',
      { class: 'controls' },
      openReport ? h('button', { type: 'button', class: 'action', onclick: openReport }, 'Open report') : null,
      h('button', { type: 'button', class: 'action', onclick: () => m.openOptions() }, 'Your corpus'),
    ),
    h('div', {}, `Corpus: ${status.documents} documents, ${status.paragraphs} paragraphs. Everything stays on this device.`),
    ...status.problems.map((p) => h('div', { class: 'problem' }, field(p))),
  );
  app.replaceChildren(header, ...(list ? [list] : []), footer);
}
