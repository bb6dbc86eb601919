// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { CorpusStatus, HighlightSummary, PageReport } from '../../src/messages';
import { renderPopup, sourceRows, type PopupModel } from '../../src/ui/popup';
import { KIND_COUNT, plural, pluralForm, popupChange, POPUP, REPORT } from '../../src/ui/words';

describe('plurals', () => {
  it('choose the form by Intl.PluralRules, with thousands separated', () => {
    expect(plural(1, 'paragraph')).toBe('1 paragraph');
    expect(plural(0, 'paragraph')).toBe('0 paragraphs');
    expect(plural(10_000, 'document')).toBe('10,000 documents');
    expect(plural(1, KIND_COUNT.reworded)).toBe('1 reworded copy');
    expect(plural(2, KIND_COUNT.reworded)).toBe('2 reworded copies');
    expect(plural(3, KIND_COUNT.edited)).toBe('3 lightly edited copies');
    expect(plural(1, KIND_COUNT.verbatim)).toBe('1 verbatim copy');
    expect(POPUP.sourceCount(1)).toBe('1 paragraph');
    expect(POPUP.sourceCount(3)).toBe('3 paragraphs');
    expect(POPUP.undated(1)).toBe('1 undated version');
    expect(POPUP.moreSources(2)).toBe('and 2 more sources');
  });

  it('fall back to `other` where a language has a category the forms lack', () => {
    // Polish, say, has `few` and `many`: a form missing from a translation's table reads as `other`.
    expect(pluralForm(5, { one: 'kopia', other: 'kopii' })).toBe('kopii');
  });
});

describe('the summary line', () => {
  it('says share, paragraphs and credit found in one line', () => {
    expect(POPUP.summaryLine('38%', 49, 37).join('')).toBe('38% reprinted · 49 paragraphs · 37 credited');
    expect(POPUP.summaryLine('5%', 1, 1).join('')).toBe('5% reprinted · 1 paragraph · all credited');
    expect(POPUP.summaryLine('5%', 2, 0).join('')).toBe('5% reprinted · 2 paragraphs · 0 credited');
    expect(POPUP.creditCounts(1, 3)).toBe('1 credited, 3 with no credit found');
  });

  it('counts the report page’s paragraphs right at one', () => {
    const parts = REPORT.figures('1', 1, '1', 1, 0);
    expect(parts.join('')).toBe('1 paragraph scanned · 1 reprinted · 1 credited, 0 with no credit found');
  });
});

describe('the sources, as a short list', () => {
  const src = (docId: string, count: number, publisher: string | null, title = `Title of ${docId}`) => ({ docId, title, publisher, count });

  it('names a source by publisher, else by its title, and sums one publisher’s documents', () => {
    const { rows, more } = sourceRows([src('a', 3, 'ZeroHedge News'), src('b', 2, null, 'US Shared Intelligence'), src('c', 4, 'ZeroHedge News')]);
    expect(rows).toEqual([
      { name: 'ZeroHedge News', count: 7 },
      { name: '“US Shared Intelligence”', count: 2 },
    ]);
    expect(more).toBe(0);
  });

  it('names the first few and counts the rest, never "and 1 more"', () => {
    const many = Array.from({ length: 9 }, (_, i) => src(`d${i}`, 10 - i, `Outlet ${i}`));
    expect(sourceRows(many)).toEqual({ rows: many.slice(0, 4).map((s) => ({ name: s.publisher, count: s.count })), more: 5 });
    expect(sourceRows(many.slice(0, 5)).more).toBe(0);
    expect(sourceRows(many.slice(0, 5)).rows).toHaveLength(5);
  });
});

describe('the live status', () => {
  it('says only what changed', () => {
    expect(popupChange(null, { count: 4, paused: false })).toBe('');
    expect(popupChange({ count: 4, paused: false }, { count: 4, paused: false })).toBe('');
    expect(popupChange({ count: 4, paused: false }, { count: 5, paused: false })).toBe('1 more reprinted paragraph found.');
    expect(popupChange({ count: 4, paused: false }, { count: 7, paused: false })).toBe('3 more reprinted paragraphs found.');
    expect(popupChange({ count: 0, paused: false }, { count: 1, paused: false })).toBe('1 reprinted paragraph found.');
    expect(popupChange({ count: 4, paused: false }, { count: 0, paused: false })).toBe('No reprinted paragraphs found on this page.');
    expect(popupChange({ count: 4, paused: false }, { count: 0, paused: true })).toBe('Reprint is paused.');
  });
});

describe('the popup', () => {
  const status: CorpusStatus = { documents: 1, paragraphs: 12, problems: [], staged: 0, grouping: 0, segments: 1, merging: false, cleaning: false };
  const item = (id: number, kind: HighlightSummary['kind'], credited: boolean): HighlightSummary => ({
    id,
    elementId: '',
    kind,
    source: 'a',
    sourceTitle: 'China Told Russia',
    sourcePublisher: 'ZeroHedge News',
    original: 'a',
    originalTitle: 'China Told Russia',
    originalPublisher: 'ZeroHedge News',
    truncated: false,
    statement: 'Only version in your corpus: ZeroHedge News',
    credited,
    credit: credited ? { via: 'name', name: 'ZeroHedge', place: 'before' } : null,
    sourceUrl: null,
    originalUrl: null,
    score: 0.9,
    coverage: 1,
    excerpt: `Paragraph ${id}`,
  });
  const report = (items: HighlightSummary[]): PageReport => ({
    items,
    summary: {
      share: 0.38,
      kinds: { verbatim: 1, edited: 0, reworded: items.length - 1 },
      credited: 1,
      uncredited: items.length - 1,
      sources: [{ docId: 'a', title: 'China Told Russia', publisher: 'ZeroHedge News', count: items.length }],
      timeline: [],
      undated: ['a'],
    },
    scanned: 10,
    passes: 1,
    scannedChars: 1000,
    title: 'Page',
    url: 'https://example.com/',
    paused: false,
    own: null,
  });
  const calls: string[] = [];
  const model = (r: PageReport): PopupModel => ({
    status,
    report: r,
    site: 'example.com',
    sitePaused: false,
    allPaused: false,
    reveal: (it) => calls.push(`reveal ${it.id}`),
    compare: (it) => calls.push(`compare ${it.id}`),
    openReport: null,
    openOptions: () => undefined,
    addPage: null,
    collection: 'My articles',
    collections: [],
    adding: false,
    checked: null,
    setSitePaused: () => undefined,
    setAllPaused: () => undefined,
  });

  it('renders the summary shut, with plurals right, and keeps it open, and focus, through an update', () => {
    const app = document.createElement('div');
    document.body.append(app);
    const items = [item(1, 'verbatim', true), item(2, 'reworded', false), item(3, 'reworded', false)];
    renderPopup(app, model(report(items)));
    expect(app.querySelector('summary')!.textContent).toBe('38% reprinted · 3 paragraphs · 1 credited');
    expect(app.querySelector('details')!.open).toBe(false);
    expect([...app.querySelectorAll('.kinds li')].map((li) => li.textContent)).toEqual(['1 verbatim copy', '2 reworded copies']);
    expect(app.querySelector('.sources li')!.textContent).toBe('ZeroHedge News\u00a0· 3 paragraphs');
    expect(app.querySelectorAll('.entry')).toHaveLength(3);

    app.querySelector('details')!.open = true;
    app.querySelectorAll<HTMLElement>('.entry')[1].focus();
    renderPopup(app, model(report([...items, item(4, 'reworded', false)])));
    expect(app.querySelector('details')!.open).toBe(true);
    expect(app.querySelectorAll('.entry')).toHaveLength(4);
    expect(document.activeElement).toBe(app.querySelectorAll('.entry')[1]);
    app.remove();
  });
});
