/**
 * A tab's frames: the background's per-frame counts (the badge is their
 * sum, kept in session storage, so a restarted worker still knows them),
 * and the popup's and report's merge of the frames' reports.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { HighlightSummary, PageReport, PageSummary } from '../../src/messages';
import { forgetTab, recordFrame, tabFrames } from '../../src/tab-frames';
import { mergeReports } from '../../src/ui/tab-report';

beforeEach(() => fakeBrowser.reset());

describe('the background counts a tab’s frames', () => {
  it('sums the frames of the page in the tab, in storage that outlives the worker', async () => {
    expect(await recordFrame(7, 0, 100, { count: 2, paused: false })).toEqual({ count: 2, paused: false });
    expect(await recordFrame(7, 12, 100, { count: 3, paused: false })).toEqual({ count: 5, paused: false });
    // A frame's next pass replaces its count.
    expect(await recordFrame(7, 12, 100, { count: 1, paused: false })).toEqual({ count: 3, paused: false });
    expect(await tabFrames(7)).toEqual([0, 12]);
    expect(await fakeBrowser.storage.session.get('frames:7')).toEqual({
      'frames:7': { page: 100, frames: { 0: { count: 2, paused: false }, 12: { count: 1, paused: false } } },
    });
    // Another tab is its own.
    expect(await recordFrame(8, 0, 100, { count: 4, paused: false })).toEqual({ count: 4, paused: false });
  });

  it('frames reporting at once all count', async () => {
    const totals = await Promise.all([1, 2, 3, 4, 5].map((frameId) => recordFrame(7, frameId, 100, { count: 1, paused: false })));
    expect(totals.map((t) => t.count).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(await tabFrames(7)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('a new page starts afresh, and a late message from the page before is not counted', async () => {
    await recordFrame(7, 0, 100, { count: 2, paused: false });
    await recordFrame(7, 12, 100, { count: 3, paused: false });
    expect(await recordFrame(7, 0, 200, { count: 1, paused: false })).toEqual({ count: 1, paused: false });
    expect(await recordFrame(7, 12, 100, { count: 9, paused: false })).toEqual({ count: 1, paused: false });
    expect(await tabFrames(7)).toEqual([0]);
  });

  it('is paused when the top page is, and forgets a closed tab', async () => {
    await recordFrame(7, 3, 100, { count: 0, paused: true });
    expect(await recordFrame(7, 0, 100, { count: 0, paused: true })).toEqual({ count: 0, paused: true });
    await forgetTab(7);
    expect(await tabFrames(7)).toEqual([0]);
  });
});

const summary = (p: Partial<PageSummary>): PageSummary => ({
  share: 0,
  kinds: { verbatim: 0, edited: 0, reworded: 0 },
  credited: 0,
  uncredited: 0,
  sources: [],
  timeline: [],
  undated: [],
  ...p,
});
const item = (id: number, source: string): HighlightSummary => ({
  id,
  elementId: `e${id}`,
  kind: 'verbatim',
  source,
  sourceTitle: source,
  sourcePublisher: null,
  original: source,
  originalTitle: source,
  originalPublisher: null,
  truncated: false,
  statement: '',
  credited: false,
  credit: null,
  sourceUrl: null,
  originalUrl: null,
  score: 1,
  coverage: 1,
  excerpt: '',
});
const report = (p: Partial<PageReport>): PageReport => ({
  items: [],
  summary: summary({}),
  scanned: 0,
  passes: 1,
  scannedChars: 0,
  title: 'Page',
  url: 'http://127.0.0.1/page.html',
  paused: false,
  own: null,
  ...p,
});

describe('the popup and the report merge a tab’s frames', () => {
  it('lists the top page’s highlights, then each frame’s, each marked with its frame, and sums the summary', () => {
    const top = report({
      items: [item(1, 'a')],
      scanned: 10,
      scannedChars: 3000,
      summary: summary({
        share: 0.1,
        kinds: { verbatim: 1, edited: 0, reworded: 0 },
        uncredited: 1,
        sources: [{ docId: 'a', title: 'A', count: 1 }],
        timeline: [{ docId: 'a', title: 'A', date: '2022-02-02' }],
        undated: ['x'],
      }),
    });
    const frame = report({
      url: 'http://127.0.0.1/frame.html',
      items: [item(1, 'b'), item(2, 'a')],
      scanned: 5,
      scannedChars: 1000,
      summary: summary({
        share: 0.5,
        kinds: { verbatim: 1, edited: 1, reworded: 0 },
        credited: 1,
        uncredited: 1,
        sources: [
          { docId: 'a', title: 'A', count: 1 },
          { docId: 'b', title: 'B', count: 1 },
        ],
        timeline: [
          { docId: 'b', title: 'B', date: '2021-01-01' },
          { docId: 'a', title: 'A', date: '2022-02-02' },
        ],
        undated: ['x', 'y'],
      }),
    });
    const merged = mergeReports([
      { frameId: 9, report: frame },
      { frameId: 0, report: top },
    ])!;
    expect(merged.url).toBe(top.url);
    expect(merged.items.map((i) => [i.frameId, i.id, i.source])).toEqual([
      [0, 1, 'a'],
      [9, 1, 'b'],
      [9, 2, 'a'],
    ]);
    expect(merged.scanned).toBe(15);
    expect(merged.summary).toEqual({
      share: (0.1 * 3000 + 0.5 * 1000) / 4000,
      kinds: { verbatim: 2, edited: 1, reworded: 0 },
      credited: 1,
      uncredited: 2,
      sources: [
        { docId: 'a', title: 'A', count: 2 },
        { docId: 'b', title: 'B', count: 1 },
      ],
      timeline: [
        { docId: 'b', title: 'B', date: '2021-01-01' },
        { docId: 'a', title: 'A', date: '2022-02-02' },
      ],
      undated: ['x', 'y'],
    });
  });

  it('cannot read the tab without its top page; a paused page shows no frame’s highlights', () => {
    expect(mergeReports([{ frameId: 3, report: report({ items: [item(1, 'a')] }) }])).toBeNull();
    const merged = mergeReports([
      { frameId: 0, report: report({ paused: true }) },
      { frameId: 3, report: report({ items: [item(1, 'a')] }) },
    ])!;
    expect(merged).toMatchObject({ paused: true, items: [] });
  });
});
