import { browser } from 'wxt/browser';
import { dispatcher, type ContentToBackground, type HighlightSummary, type PageReport } from '../messages';
import { creditView, openOriginal, partial, PARTIAL_BELOW, percent } from './describe';
import { download, field, h } from './dom';
import { readTabReport } from './tab-report';
import { creditLine, KIND_LABEL, OPEN_DOCUMENT, REPORT } from './words';

/** Waits this long after a tab's update before asking it again: a scan pass sends several. */
const REFRESH_MS = 250;

/** The columns of the downloads, in order, with their headers. */
const COLUMNS: Array<[keyof HighlightSummary, string, ((it: HighlightSummary) => unknown)?]> = [
  ['elementId', 'element id'],
  ['kind', 'kind'],
  ['score', 'similarity'],
  ['coverage', 'coverage'],
  ['credited', 'credited'],
  ['credit', 'credit evidence', (it) => (it.credit ? creditLine(it.credit) : '')],
  ['truncated', 'truncated'],
  ['source', 'source id'],
  ['sourceTitle', 'source title'],
  ['sourcePublisher', 'source publisher'],
  ['original', 'original id'],
  ['originalTitle', 'original title'],
  ['originalPublisher', 'original publisher'],
  ['statement', 'provenance'],
  ['excerpt', 'excerpt'],
];

/**
 * One CSV field: quoted, quotes doubled, and text a spreadsheet would run
 * as a formula (= + - @, tab, carriage return) prefixed with an apostrophe.
 */
function csvField(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function reportCsv(items: HighlightSummary[]): string {
  const lines = [COLUMNS.map(([, name]) => csvField(name)).join(',')];
  for (const it of items) lines.push(COLUMNS.map(([key, , read]) => csvField(read ? read(it) : it[key])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function reportJson(report: PageReport): string {
  return JSON.stringify({ page: { title: report.title, url: report.url, scanned: report.scanned }, highlights: report.items }, null, 2);
}

function titled(title: string, publisher: string | null, url: string | null): HTMLElement {
  const link = openOriginal(url, OPEN_DOCUMENT);
  return h(
    'span',
    { class: 'doc' },
    field(title, 'title'),
    publisher ? h('span', { class: 'muted' }, ' · ', field(publisher)) : null,
    link ? h('div', {}, link) : null,
  );
}

function row(it: HighlightSummary): HTMLElement {
  return h(
    'tr',
    {
      'data-element-id': it.elementId,
      'data-kind': it.kind,
      'data-source': it.source,
      'data-original': it.original,
      'data-score': it.score.toFixed(2),
      'data-coverage': it.coverage.toFixed(2),
      'data-credited': String(it.credited),
    },
    h('td', {}, h('span', { class: 'kind', 'data-kind': it.kind }, KIND_LABEL[it.kind])),
    h('td', { class: 'num' }, percent(it.score), it.coverage < PARTIAL_BELOW ? h('div', { class: 'muted' }, partial(it.coverage, REPORT.ofText)) : null),
    h('td', {}, creditView(it.credit)),
    h('td', { class: 'source' }, titled(it.sourceTitle, it.sourcePublisher, it.sourceUrl)),
    h(
      'td',
      { class: 'provenance' },
      it.original === it.source ? null : titled(it.originalTitle, it.originalPublisher, it.originalUrl),
      h('div', { class: 'muted statement' }, field(it.statement)),
    ),
    h('td', { class: 'excerpt' }, field(it.excerpt), it.truncated ? h('div', { class: 'muted' }, REPORT.truncated) : null),
  );
}

/** The report of one tab's highlights: a table, the blocks scanned, and downloads. `report` is null where the tab cannot be read. */
export function renderReport(app: HTMLElement, report: PageReport | null): void {
  if (!report) {
    app.replaceChildren(h('h1', {}, REPORT.title), h('p', { class: 'muted' }, REPORT.cannotRead));
    return;
  }
  const { items } = report;
  const stamp = new Date().toISOString().slice(0, 10);
  app.replaceChildren(
    h('h1', {}, REPORT.title),
    h('p', { class: 'page' }, field(report.title || report.url, 'page-title'), h('br'), field(report.url, 'muted url')),
    ...(report.own
      ? [
          h(
            'p',
            { class: 'own' },
            ...REPORT.own(field(report.own.collection)),
            report.own.copies.length ? REPORT.ownCopies : '',
            ...report.own.copies.flatMap((c, i) => [i ? '; ' : '', field(c.title)]),
          ),
        ]
      : []),
    report.paused ? h('p', { class: 'muted' }, REPORT.paused) : '',
    h(
      'p',
      { class: 'figures' },
      ...REPORT.figures(
        h('output', { id: 'scanned', 'data-passes': String(report.passes) }, String(report.scanned)),
        report.scanned,
        h('output', { id: 'highlighted' }, String(items.length)),
        report.summary.credited,
        report.summary.uncredited,
      ),
    ),
    h(
      'p',
      { class: 'actions' },
      h(
        'button',
        { type: 'button', onclick: () => download(`reprint-${stamp}.json`, new Blob([reportJson(report)], { type: 'application/json' })) },
        REPORT.downloadJson,
      ),
      h('button', { type: 'button', onclick: () => download(`reprint-${stamp}.csv`, new Blob([reportCsv(items)], { type: 'text/csv' })) }, REPORT.downloadCsv),
    ),
    h(
      'table',
      { id: 'highlights' },
      h('caption', {}, items.length ? REPORT.caption : REPORT.none),
      h('thead', {}, h('tr', {}, ...REPORT.columns.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...items.map(row)),
    ),
  );
}

/** Shows the tab's report and keeps it current as the tab scans. */
export function startReport(app: HTMLElement, tabId: number | undefined): void {
  const refresh = async () => renderReport(app, tabId === undefined ? null : await readTabReport(tabId).catch(() => null));
  let timer: ReturnType<typeof setTimeout> | undefined;
  browser.runtime.onMessage.addListener(
    dispatcher<Pick<ContentToBackground, 'content/highlights'>>({
      // Any of the tab's frames: each one's pass changes the tab's report.
      'content/highlights': (_, sender) => {
        if (sender.tab?.id !== tabId) return;
        clearTimeout(timer);
        timer = setTimeout(() => void refresh(), REFRESH_MS);
      },
    }),
  );
  void refresh().then(() => document.body.setAttribute('data-ready', ''));
}
