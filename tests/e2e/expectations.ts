/** What the demo page must show, in document order (see tests/fixtures/pages/demo.html). */
export const EXPECTED_DEMO = [
  { kind: 'verbatim', source: '000_1314c5edfdd34a8c', credited: 'true' },
  { kind: 'edited', source: '003_cffa34eed2c04c87', credited: 'true' },
  { kind: 'reworded', source: '000_1314c5edfdd34a8c', credited: 'false' },
  { kind: 'edited', source: '002_3090de67739d6d38', credited: 'false' },
];

/** The fair-credit page: a lead-in with the publisher's short name, a link to its site, and no credit (see tests/fixtures/pages/fair-credit.html). */
export const FAIR_CREDIT = {
  according: ['true', 'Credited: names ZeroHedge just before it'],
  'site-link': ['true', 'Credited: links to zerohedge.com in this paragraph'],
  none: ['false', 'No credit found nearby'],
};

/** The credit-line page's one copy, credited only by the article's closing line. */
export const CREDIT_LINE = 'Credited: names Zero Hedge in a credit line on this page';

/** What the disguised page must show: its one disguised copy, found as verbatim (see tests/fixtures/pages/disguised.html). */
export const EXPECTED_DISGUISED = [{ kind: 'verbatim', source: '000_1314c5edfdd34a8c' }];

/** The documents that quote The New York Times verbatim, and those that reworded it. */
export const NYT_QUOTERS = ['000_1314c5edfdd34a8c', '003_cffa34eed2c04c87'];
export const REWORDERS = ['001_ba15d19316b42f63', '004_7a87ece0045906e4'];
