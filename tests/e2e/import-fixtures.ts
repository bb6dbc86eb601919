/**
 * What the options-page tests import and the pages they check, shared by the
 * Chromium and Firefox suites: a folder of mixed formats (one copy each on
 * the local news page, one file not UTF-8, one JSONL line with a bad field),
 * and an article page the reader adds, with a page that copies it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Routes } from './server';

export const TEXT = {
  txt: 'The ferry to Holm Island will stop running on Sundays from April, the operator said, after passenger numbers on the winter timetable fell by a third.',
  html: 'Engineers found cracks in two of the bridge supports during a routine inspection, and the county closed the crossing to lorries until repairs are done.',
  json: 'A bakery on Mill Street won the regional bread prize for the third year running, beating forty entries with a rye loaf made to a family recipe.',
  md: 'Volunteers planted six hundred oak saplings along the old railway line, which the council plans to open as a walking and cycling path next summer.',
  feed: 'The village school will add two classrooms after the number of pupils starting in September rose to its highest level in twenty years.',
};

/** The text of a page the reader adds to the corpus with "Add this page". */
/** A sentence of the NYT seed, quoted whole: what "Check the selected text" is given in the tests. */
export const CHECKED_QUOTE =
  'Days after President Biden spoke to Mr. Xi in a video summit on Nov. 15, senior American officials decided to present intelligence on the Russian troop buildup around Ukraine to senior Chinese officials to try to get them to persuade Mr. Putin to stand down.';

export const OWN = [
  'The tide gauge at the old pier has been replaced with a digital sensor that sends a reading to the harbour office every minute, the port authority said.',
  'Harbour staff said the new gauge would give fishermen and the lifeboat crew an accurate picture of the water level at any hour, even in a storm.',
  'The old brass gauge, installed in 1911, will go on display at the maritime museum next to the lighthouse lens that was retired in the same year.',
];

const OWN_WRITING = 'Our own reporter spent the day at the harbour, where the new pier is nearly finished and the cafe has reopened for the season.';

/** Writes the mixed-format folder `desk/` under `dir` and returns its path. */
export function writeDeskFolder(dir: string): string {
  const folder = path.join(dir, 'desk');
  mkdirSync(path.join(folder, 'web'), { recursive: true });
  writeFileSync(path.join(folder, 'ferry.txt'), `Ferry cuts Sunday service\n\n${TEXT.txt}\n`);
  writeFileSync(
    path.join(folder, 'web', 'bridge.html'),
    `<!doctype html><html><head><title>Bridge closed to lorries</title><meta property="og:site_name" content="County Times"><meta property="article:published_time" content="2025-02-03T08:00:00Z"></head><body><article><h1>Bridge closed to lorries</h1><p>${TEXT.html}</p><p>Drivers were told to use the ring road, which adds about ten minutes to the trip into town.</p></article></body></html>`,
  );
  writeFileSync(
    path.join(folder, 'bakery.jsonl'),
    `${JSON.stringify({ title: 'Bakery wins again', url: 'https://mill.example/bakery', text: TEXT.json })}\n{"title": 7, "text": "bad"}\n`,
  );
  writeFileSync(path.join(folder, 'oaks.md'), `# Oaks along the old line\n\n${TEXT.md}\n`);
  writeFileSync(
    path.join(folder, 'school.rss'),
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Valley News</title><item><title>School to grow</title><link>https://valley.example/school</link><description><![CDATA[<p>${TEXT.feed}</p>]]></description></item></channel></rss>`,
  );
  writeFileSync(
    path.join(folder, 'broken.txt'),
    Buffer.concat([Buffer.from('Caf'), Buffer.from([0xc3, 0x28]), Buffer.from(' on the corner closed for good after forty years.\n')]),
  );
  return folder;
}

/** The pages: the local news carrying one copy of each imported text, the article to add, and a page copying it. */
export const IMPORT_ROUTES: Routes = {
  '/own-article.html': () =>
    `<!doctype html><html lang="en"><head><title>Tide gauge goes digital</title><link rel="canonical" href="https://coast.example/2025/tide-gauge"><meta property="og:site_name" content="Coast Courier"></head><body><nav><a href="/">Home</a></nav><article><h1>Tide gauge goes digital</h1>${OWN.map((t) => `<p>${t}</p>`).join('')}</article><footer>Subscribe to the Coast Courier</footer></body></html>`,
  '/reprint-of-own.html': () =>
    `<!doctype html><html lang="en"><head><title>Elsewhere</title></head><body><article><p id="copied">${OWN[1]}</p><p>${OWN_WRITING}</p></article></body></html>`,
  '/local-news.html': () =>
    `<!doctype html><html lang="en"><head><title>Local news</title></head><body><article>${Object.entries(TEXT)
      .map(([k, t]) => `<p id="${k}">${t}</p>`)
      .join('')}<p id="own">${OWN_WRITING}</p></article></body></html>`,
};
