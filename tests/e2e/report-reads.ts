/**
 * Runs inside Reprint's report page (report.html?tab=ID), in either
 * browser: the report is the contract through which tests, and people,
 * read a tab's highlights. Nothing of it is on the web page itself.
 */
export function readReport() {
  const rows = [...document.querySelectorAll('#highlights tbody tr')];
  return {
    ready: document.body.hasAttribute('data-ready'),
    scanned: Number(document.getElementById('scanned')?.textContent ?? NaN),
    /** Scan passes the page has finished: 0 until its first. */
    passes: Number(document.getElementById('scanned')?.getAttribute('data-passes') ?? 0),
    rows: rows.map((r) => ({
      elementId: r.getAttribute('data-element-id'),
      kind: r.getAttribute('data-kind'),
      source: r.getAttribute('data-source'),
      original: r.getAttribute('data-original'),
      score: r.getAttribute('data-score'),
      coverage: r.getAttribute('data-coverage'),
      credited: r.getAttribute('data-credited'),
      /** What a reader reads: the credit's evidence, the source as named, and the provenance claim. */
      credit: r.querySelector('.credit')?.textContent ?? '',
      sourceName: (r.querySelector('td.source')?.textContent ?? '').trim(),
      statement: r.querySelector('td.provenance .statement')?.textContent ?? '',
      excerpt: r.querySelector('td.excerpt bdi')?.textContent ?? '',
      text: (r.textContent ?? '').replace(/\s+/g, ' '),
    })),
  };
}

export type ReportState = ReturnType<typeof readReport>;
