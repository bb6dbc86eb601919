import { describe, expect, it } from 'vitest';
import type { HighlightSummary } from '../../src/messages';
import { reportCsv } from '../../src/ui/report';

const item = (over: Partial<HighlightSummary>): HighlightSummary => ({
  id: 1,
  elementId: 'p1',
  kind: 'verbatim',
  source: '000_x',
  sourceTitle: 'A "quoted" title, with a comma',
  sourcePublisher: null,
  original: '000_x',
  originalTitle: 'A title',
  originalPublisher: 'Wire',
  truncated: false,
  statement: 'Original: Wire',
  credited: false,
  credit: null,
  sourceUrl: null,
  originalUrl: null,
  score: 1,
  coverage: 1,
  excerpt: 'Line one\nline two',
  ...over,
});

describe('the report CSV', () => {
  it('gives the credit evidence in words, and nothing where none was found', () => {
    const [header, row] = reportCsv([item({ credited: true, credit: { via: 'name', name: 'ZeroHedge', place: 'before' } })]).split('\r\n');
    expect(header).toContain('"credited","credit evidence"');
    expect(row).toContain('"true","Credited: names ZeroHedge just before it"');
    expect(reportCsv([item({})]).split('\r\n')[1]).toContain('"false",""');
  });

  it('quotes every field, doubles quotes and keeps line breaks inside fields', () => {
    const [header, row] = reportCsv([item({})]).split('\r\n');
    expect(header.startsWith('"element id","kind","similarity"')).toBe(true);
    expect(row).toContain('"A ""quoted"" title, with a comma"');
    expect(reportCsv([item({})])).toContain('"Line one\nline two"');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    for (const bad of ['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)'])
      expect(reportCsv([item({ excerpt: bad })])).toContain(`"'${bad.replace(/"/g, '""')}"`);
  });
});
