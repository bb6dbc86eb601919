/**
 * Waiting on Reprint's report page (report.html?tab=ID) in either browser,
 * through `readReport`: the report is how the tests know a page has been
 * scanned and what it holds, before they look at the page itself.
 */
import { readReport, type ReportState } from './report-reads';

/** A report page as either library hands it over: something that runs a function in it. */
export interface ReportPage {
  evaluate(fn: typeof readReport): Promise<ReportState>;
}

/** Waits until the report lists at least `rows` highlights (20 s at most); `what` names the page in the error. */
export async function untilReportLists(report: ReportPage, rows: number, what: string): Promise<void> {
  const end = Date.now() + 20_000;
  while ((await report.evaluate(readReport)).rows.length < rows) {
    if (Date.now() > end) throw new Error(`${what}: fewer than ${rows} highlights`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Waits until the report has rendered, the page's first scan pass is in,
 * it lists at least `atLeast` highlights, and its rows have not changed for
 * a second (60 s at most): the highlights a page of many settles on.
 */
export async function untilReportSettles(report: ReportPage, atLeast: number): Promise<ReportState['rows']> {
  let last = '';
  let since = Date.now();
  const end = Date.now() + 60_000;
  for (;;) {
    const r = await report.evaluate(readReport);
    const json = JSON.stringify(r.rows);
    if (json !== last) [last, since] = [json, Date.now()];
    if (r.ready && r.passes > 0 && r.rows.length >= atLeast && Date.now() - since > 1000) return r.rows;
    if (Date.now() > end) throw new Error(`the report did not settle at ${atLeast}: ${r.rows.length} rows`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A browser harness (tests/e2e/chromium.ts, tests/e2e/firefox.ts): it opens a page, and Reprint's report on it. */
interface OpensReports<P> {
  newPage(url: string): Promise<P>;
  openReport(page: P): Promise<ReportPage & { close(): Promise<void> }>;
}

/** Opens `url`, waits until its report has settled on at least `atLeast` highlights (`untilReportSettles`), closes the report and returns the page, in front, with them. */
export async function openSettled<P extends { bringToFront(): Promise<void> }>(
  harness: OpensReports<P>,
  url: string,
  atLeast: number,
): Promise<{ page: P; rows: ReportState['rows'] }> {
  const page = await harness.newPage(url);
  const report = await harness.openReport(page);
  const rows = await untilReportSettles(report, atLeast);
  await report.close();
  await page.bringToFront();
  return { page, rows };
}
