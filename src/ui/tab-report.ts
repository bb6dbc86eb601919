import { KINDS, type MatchKind } from '../match/kinds';
import { sendToBackground, sendToTab, type PageReport, type PageSummary } from '../messages';

/** One frame's report, with the frame it came from (0 is the top page). */
export interface FrameReport {
  frameId: number;
  report: PageReport;
}

/**
 * A tab's report as the popup and the report page show it: its top page's,
 * with the highlights of its same-origin frames after the page's own. Each
 * frame is asked on its own (a message to the whole tab gets whichever frame
 * answers first); a frame that no longer answers is left out. Null when the
 * top page cannot be read.
 */
export async function readTabReport(tabId: number): Promise<PageReport | null> {
  const frames = await sendToBackground({ type: 'popup/frames', tabId }).catch(() => [0]);
  const answers = await Promise.all(
    frames.map((frameId) =>
      sendToTab(tabId, { type: 'tab/report' }, frameId).then(
        (report): FrameReport => ({ frameId, report }),
        () => null,
      ),
    ),
  );
  return mergeReports(answers.filter((a): a is FrameReport => a !== null));
}

/**
 * Frames' reports as one: the top page's title, address and state, every
 * frame's highlights (each marked with its frame, as a highlight's number
 * is its frame's own), and the summary over all of them.
 */
export function mergeReports(frames: FrameReport[]): PageReport | null {
  const top = frames.find((f) => f.frameId === 0)?.report;
  if (!top) return null;
  // A paused page, or one that is itself a corpus document, shows nothing of its frames either.
  const shown = top.paused || top.own ? [] : frames.filter((f) => f.frameId !== 0 && !f.report.paused && !f.report.own);
  if (shown.length === 0) return { ...top, items: top.items.map((it) => ({ ...it, frameId: 0 })) };
  const all = [{ frameId: 0, report: top }, ...shown];
  return {
    ...top,
    items: all.flatMap((f) => f.report.items.map((it) => ({ ...it, frameId: f.frameId }))),
    summary: mergeSummaries(all.map((f) => f.report)),
    scanned: all.reduce((n, f) => n + f.report.scanned, 0),
    scannedChars: all.reduce((n, f) => n + f.report.scannedChars, 0),
  };
}

function mergeSummaries(reports: PageReport[]): PageSummary {
  const chars = reports.reduce((n, r) => n + r.scannedChars, 0);
  const kinds = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<MatchKind, number>;
  const sources = new Map<string, PageSummary['sources'][number]>();
  const dated = new Map<string, PageSummary['timeline'][number]>();
  const undated = new Set<string>();
  let credited = 0;
  let uncredited = 0;
  for (const { summary: s } of reports) {
    for (const k of KINDS) kinds[k] += s.kinds[k];
    credited += s.credited;
    uncredited += s.uncredited;
    for (const src of s.sources) {
      const known = sources.get(src.docId);
      sources.set(src.docId, { ...src, count: src.count + (known?.count ?? 0) });
    }
    for (const t of s.timeline) dated.set(t.docId, t);
    for (const id of s.undated) undated.add(id);
  }
  return {
    // Each frame's share, weighted by the text it scanned.
    share: chars > 0 ? Math.min(1, reports.reduce((n, r) => n + r.summary.share * r.scannedChars, 0) / chars) : 0,
    kinds,
    credited,
    uncredited,
    sources: [...sources.values()].sort((a, b) => b.count - a.count || a.docId.localeCompare(b.docId)),
    timeline: [...dated.values()].sort((a, b) => a.date.localeCompare(b.date)),
    undated: [...undated],
  };
}
