import { KINDS } from '../match/kinds';
import type { CorpusStatus, HighlightSummary, OwnDocument, PageReport, PageSummary } from '../messages';
import { field, fields, h } from './dom';
import { nameOf, partial, PARTIAL_BELOW, percent, version } from './describe';
import { describeProvenance, KIND_COUNT, KIND_LABEL, plural, POPUP, quotedTitle } from './words';
import type { BlockMatch } from '../match/matcher';

/** A space a flex row keeps: the short lists' rows are flex, so that a name gives way before its count. */
const NBSP = '\u00a0';

/** Sources named in the summary; the rest are counted ("and 4 more sources"). */
export const TOP_SOURCES = 4;

/** A source as the summary lists it: the name readers know it by, and the paragraphs the page takes from it. */
export interface SourceRow {
  name: string;
  count: number;
}

/**
 * The page's sources as a short list: documents of one publisher are one
 * row (a title stands for a document without a publisher), most paragraphs
 * first, the first `top` named and the others counted.
 */
export function sourceRows(sources: PageSummary['sources'], top = TOP_SOURCES): { rows: SourceRow[]; more: number } {
  const byName = new Map<string, number>();
  for (const s of sources) {
    const name = s.publisher || quotedTitle(s.title);
    byName.set(name, (byName.get(name) ?? 0) + s.count);
  }
  const all = [...byName].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  // "and 1 more source" takes the line the source itself would: name it instead.
  const shown = all.length === top + 1 ? all : all.slice(0, top);
  return { rows: shown, more: all.length - shown.length };
}

/**
 * The page at a glance, in one line ("38% reprinted · 49 paragraphs · 37
 * credited"); kinds, credit, sources and dates on demand. A
 * <details>: its summary is a button that says whether it is expanded.
 */
function summaryView(s: PageSummary, count: number, open: boolean): HTMLElement {
  const { rows, more } = sourceRows(s.sources);
  return h(
    'details',
    { class: 'page-summary', 'data-focus': 'summary', ...(open ? { open: true } : {}) },
    h('summary', {}, ...POPUP.summaryLine(percent(s.share), count, s.credited).map((part, i) => (i === 0 ? h('strong', { class: 'share' }, part) : part))),
    h(
      'div',
      { class: 'summary-details' },
      // A list, so that a screen reader keeps the kinds apart as the dots do on screen.
      h(
        'ul',
        { class: 'kinds' },
        ...KINDS.filter((k) => s.kinds[k] > 0).map((k) => h('li', { class: 'kind', 'data-kind': k }, plural(s.kinds[k], KIND_COUNT[k]))),
      ),
      h('p', {}, h('span', { class: 'credit-counts' }, POPUP.creditCounts(s.credited, s.uncredited))),
      h(
        'div',
        { class: 'sources' },
        h('h2', {}, POPUP.sources),
        h(
          'ul',
          {},
          ...rows.map((r) => h('li', {}, field(r.name, 'source-name'), h('span', { class: 'muted' }, `${NBSP}· ${POPUP.sourceCount(r.count)}`))),
          more ? h('li', { class: 'muted' }, POPUP.moreSources(more)) : null,
        ),
      ),
      s.timeline.length
        ? h(
            'div',
            {},
            h('h2', {}, POPUP.timeline),
            h(
              'ol',
              { class: 'timeline' },
              ...s.timeline.map((t) => h('li', {}, h('time', { datetime: t.date }, field(t.date)), NBSP, field(t.title))),
              s.undated.length ? h('li', { class: 'muted' }, POPUP.undated(s.undated.length)) : null,
            ),
          )
        : h('p', { class: 'muted' }, POPUP.noDates),
    ),
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
  /** Opens the highlight's comparison in the page. */
  compare(item: HighlightSummary): void;
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
    h('p', { class: 'summary' }, ...POPUP.own(field(own.collection))),
    own.copies.length
      ? h('p', { class: 'muted' }, POPUP.ownCopies, ...own.copies.flatMap((c, i) => [i ? '; ' : '', field(c.title)]))
      : h('p', { class: 'muted' }, POPUP.ownNoCopies),
  );
}

/** The answer for a checked selection: where it comes from, or that the corpus does not hold it. */
function checkedView({ text, match }: { text: string; match: BlockMatch | null }): HTMLElement {
  const excerpt = text.length > 160 ? `${text.slice(0, 160).trimEnd()}…` : text;
  if (!match)
    return h('section', { class: 'checked', 'aria-label': POPUP.selection }, h('p', { class: 'summary' }, POPUP.selectionNotFound), field(excerpt, 'excerpt'));
  const source = version(match, match.source);
  return h(
    'section',
    { class: 'checked', 'aria-label': POPUP.selection },
    h(
      'p',
      { class: 'line' },
      h('span', { class: 'kind', 'data-kind': match.kind }, KIND_LABEL[match.kind]),
      h('span', { class: 'score' }, POPUP.similar(percent(match.score))),
    ),
    field(source.meta.title, 'source'),
    field(describeProvenance(match.provenance, nameOf(match)), 'statement muted'),
    field(excerpt, 'excerpt'),
  );
}

/** "Add this page": a collection to choose, then the article is read and stored. */
function addForm(m: PopupModel): HTMLElement {
  const input = h('input', { type: 'text', value: m.collection, list: 'popup-collections', 'aria-label': POPUP.collection });
  const status = h('p', { class: 'muted', role: 'status' });
  const add = h('button', { type: 'submit' }, POPUP.add);
  const form = h(
    'form',
    { class: 'add-page' },
    h('label', {}, POPUP.addTo, input),
    h('datalist', { id: 'popup-collections' }, ...m.collections.map((c) => h('option', { value: c }))),
    add,
    status,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!e.isTrusted || !m.addPage) return;
    add.disabled = true;
    status.textContent = POPUP.reading;
    status.textContent = await m.addPage(input.value.trim() || m.collection);
    add.disabled = false;
  });
  return form;
}

/** An on/off switch: a button with aria-pressed, labelled by what it turns on. */
function toggle(label: string, pressed: boolean, set: (on: boolean) => void): HTMLElement {
  return h(
    'button',
    { type: 'button', class: 'switch', 'aria-pressed': String(pressed), 'data-focus': `switch:${label}`, onclick: () => set(!pressed) },
    label,
  );
}

/** A highlight's key in the tab: its number is its frame's own. */
const keyOf = (it: HighlightSummary) => `${it.frameId ?? 0}:${it.id}`;

/**
 * One highlighted paragraph: the entry is a button that opens its
 * comparison in the page (Enter or a click); "Show" beside it scrolls the
 * page to it. Three short lines, so that five entries and more fit the
 * popup's 600 px.
 */
function entry(it: HighlightSummary, m: PopupModel): HTMLElement {
  const score = `${percent(it.score)}${it.coverage < PARTIAL_BELOW ? ` · ${partial(it.coverage, POPUP.ofText)}` : ''}`;
  return h(
    'li',
    {},
    h(
      'button',
      { type: 'button', class: 'entry', 'data-focus': `entry:${keyOf(it)}`, title: POPUP.compareHint, onclick: () => m.compare(it) },
      h(
        'span',
        { class: 'line' },
        h('span', { class: 'kind', 'data-kind': it.kind }, KIND_LABEL[it.kind]),
        h('span', { class: 'credit', 'data-credited': String(it.credited) }, it.credited ? POPUP.credited : POPUP.uncredited),
        h('span', { class: 'score' }, score),
      ),
      fields(it.sourcePublisher ? [it.sourcePublisher, it.sourceTitle] : [it.sourceTitle], 'source'),
      field(it.excerpt, 'excerpt'),
    ),
    h('button', { type: 'button', class: 'show', 'data-focus': `show:${keyOf(it)}`, title: POPUP.showLabel, onclick: () => m.reveal(it) }, POPUP.show),
  );
}

/**
 * The toolbar popup: the page at a glance in one line (details on demand),
 * then an entry per highlighted paragraph (kind, credit, similarity, source,
 * excerpt) that opens its comparison. Switches pause Reprint on this site or
 * everywhere. Rendering again keeps what the reader had: the focused
 * control, the summary open or shut, and the list's scroll.
 */
export function renderPopup(app: HTMLElement, m: PopupModel): void {
  const { status, report, openReport } = m;
  const items = report?.items ?? [];
  const focused = (document.activeElement as HTMLElement | null)?.closest('[data-focus]')?.getAttribute('data-focus');
  const summaryOpen = app.querySelector('details.page-summary')?.hasAttribute('open') ?? false;
  const scrolled = app.querySelector('ul.entries')?.scrollTop ?? 0;

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
            'data-focus': 'add',
            onclick: () => {
              form.hidden = false;
              form.querySelector('input')?.focus();
            },
          },
          POPUP.addThisPage,
        )
      : null,
    m.site ? toggle(POPUP.pauseOn(m.site), m.sitePaused, m.setSitePaused) : null,
    toggle(POPUP.pauseEverywhere, m.allPaused, m.setAllPaused),
  );
  const header = h(
    'header',
    {},
    h('h1', {}, POPUP.name),
    controls,
    ...(form ? [form] : []),
    ...(m.checked ? [checkedView(m.checked)] : []),
    report === null
      ? h('p', { class: 'summary muted' }, POPUP.cannotRead)
      : report.own
        ? ownView(report.own)
        : report.paused
          ? h('p', { class: 'summary muted' }, m.allPaused ? POPUP.pausedEverywhere : POPUP.pausedHere)
          : items.length === 0
            ? h('p', { class: 'summary muted' }, POPUP.nothingFound)
            : summaryView(report.summary, items.length, summaryOpen),
  );
  const list = items.length ? h('ul', { class: 'entries', 'aria-label': POPUP.list }, ...items.map((it) => entry(it, m))) : null;
  const footer = h(
    'footer',
    {},
    h(
      'div',
      { class: 'controls' },
      openReport ? h('button', { type: 'button', class: 'action', 'data-focus': 'report', onclick: openReport }, POPUP.openReport) : null,
      h('button', { type: 'button', class: 'action', 'data-focus': 'options', onclick: () => m.openOptions() }, POPUP.yourCorpus),
    ),
    h('div', {}, POPUP.corpus(status.documents, status.paragraphs)),
    ...status.problems.map((p) => h('div', { class: 'problem' }, field(p))),
  );
  app.replaceChildren(header, ...(list ? [list] : []), footer);
  if (list) list.scrollTop = scrolled;
  if (focused) {
    const again = [...app.querySelectorAll<HTMLElement>('[data-focus]')].find((e) => e.getAttribute('data-focus') === focused);
    (again?.matches('details') ? again.querySelector('summary') : again)?.focus();
  }
}
