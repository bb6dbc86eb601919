import { KINDS } from '../match/kinds';
import type { CorpusStatus, PageReport, PageSummary } from '../messages';
import { h } from './dom';
import { percent } from './describe';
import { KIND_LABEL, shortId } from './words';

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
    h('p', { class: 'muted' }, 'From: ', s.sources.map((x) => `${x.title} (${x.count})`).join('; ')),
    s.timeline.length
      ? h(
          'ol',
          { class: 'timeline', 'aria-label': 'Versions by date' },
          ...s.timeline.map((t) => h('li', {}, h('time', { datetime: t.date }, t.date), ` ${shortId(t.docId)} · ${t.title}`)),
          s.undated ? h('li', { class: 'muted' }, `${s.undated} undated version${s.undated === 1 ? '' : 's'}`) : null,
        )
      : h('p', { class: 'muted' }, 'No version carries a date.'),
  );
}

/**
 * The toolbar popup: the page at a glance, then a line per highlighted
 * paragraph (kind, source, similarity, credit); clicking one scrolls the
 * page to it. `report` is null where the page cannot be scanned.
 */
export function renderPopup(app: HTMLElement, status: CorpusStatus, report: PageReport | null, reveal: (id: number) => void): void {
  const items = report?.items ?? [];
  const header = h(
    'header',
    {},
    h('h1', {}, 'Reprint'),
    report === null
      ? h('p', { class: 'summary muted' }, 'Reprint cannot read this page.')
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
              { type: 'button', onclick: () => reveal(it.id), title: 'Show on the page' },
              h(
                'span',
                { class: 'line' },
                h('span', { class: 'kind', 'data-kind': it.kind }, KIND_LABEL[it.kind]),
                h('span', { class: 'credit', 'data-credited': String(it.credited) }, it.credited ? 'credited' : 'uncredited'),
                h('span', { class: 'score' }, `${percent(it.score)}${it.coverage < 0.95 ? ` · ${percent(it.coverage)} of text` : ''}`),
              ),
              h('span', { class: 'source' }, it.sourceTitle),
              h('span', { class: 'statement muted' }, it.statement),
              h('span', { class: 'excerpt' }, it.excerpt),
            ),
          ),
        ),
      )
    : null;
  const footer = h(
    'footer',
    {},
    `Corpus: ${status.documents} documents, ${status.paragraphs} paragraphs. Everything stays on this device.`,
    ...status.problems.map((p) => h('div', { class: 'problem' }, p)),
  );
  app.replaceChildren(header, ...(list ? [list] : []), footer);
}
