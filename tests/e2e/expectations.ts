/** What the demo page must show, in document order (see tests/fixtures/pages/demo.html). */
export const EXPECTED_DEMO = [
  { kind: 'verbatim', source: '000_1314c5edfdd34a8c', credited: 'true' },
  { kind: 'edited', source: '003_cffa34eed2c04c87', credited: 'true' },
  { kind: 'reworded', source: '000_1314c5edfdd34a8c', credited: 'false' },
  { kind: 'edited', source: '002_3090de67739d6d38', credited: 'false' },
];

/** What the disguised page must show: its one disguised copy, found as verbatim (see tests/fixtures/pages/disguised.html). */
export const EXPECTED_DISGUISED = [{ kind: 'verbatim', source: '000_1314c5edfdd34a8c' }];

/** The documents that quote The New York Times verbatim, and those that reworded it. */
export const NYT_QUOTERS = ['000_1314c5edfdd34a8c', '003_cffa34eed2c04c87'];
export const REWORDERS = ['001_ba15d19316b42f63', '004_7a87ece0045906e4'];
