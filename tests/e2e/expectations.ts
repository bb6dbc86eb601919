/** What the demo page must show, in document order (see tests/fixtures/pages/demo.html). */
export const EXPECTED_DEMO = [
  { kind: 'verbatim', source: '000_1314c5edfdd34a8c' },
  { kind: 'edited', source: '003_cffa34eed2c04c87' },
  { kind: 'reworded', source: '000_1314c5edfdd34a8c' },
  { kind: 'edited', source: '002_3090de67739d6d38' },
];
