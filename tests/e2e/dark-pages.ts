import { readFileSync } from 'node:fs';
import path from 'node:path';

const DEMO = readFileSync(path.resolve(import.meta.dirname, '../fixtures/pages/demo.html'), 'utf8');

/** The page's own dark background: luminance 0.008, far below the 0.179 that divides light from dark (src/dom/tone.ts). */
export const DARK_PAGE_BACKGROUND = { r: 17, g: 17, b: 17 };

/**
 * The demo page as a site with a dark design of its own draws it, in the
 * reader's LIGHT scheme: dark background and light text set by the page's
 * stylesheet, no `color-scheme`, no media query. Reprint has only the
 * page's computed styles to go by.
 */
export function darkDemoPage(): string {
  return DEMO.replace(
    '</style>',
    `  body { color: #eee; background: #111; }
    .masthead { border-bottom-color: #eee; }
    nav a, .byline, aside, footer { color: #aaa; }
    .ad { background: #222; }
  </style>`,
  ).replace('<title>', '<title>Dark · ');
}

/**
 * The demo page with no background colour of its own and `color-scheme:
 * dark`: the browser's dark canvas shows behind it.
 */
export function darkCanvasDemoPage(): string {
  return DEMO.replace('background: #fdfcf9;', 'background: none;').replace(
    '</style>',
    '  :root { color-scheme: dark; }\n    body { color: #eee; }\n  </style>',
  );
}

/**
 * The demo page with a stylesheet that sets Reprint's own colour names on
 * every element of the page, Reprint's host <div> included: the palette
 * must not come from anything a page rule can reach.
 */
export function paletteThiefPage(): string {
  const names = ['ink', 'muted', 'paper', 'wash', 'line', 'verbatim', 'edited', 'reworded', 'kind', 'tint', 'ins', 'del', 'ins-bg', 'del-bg'];
  return DEMO.replace('</style>', `  * { ${names.map((n) => `--${n}: #f00 !important;`).join(' ')} }\n  </style>`);
}
