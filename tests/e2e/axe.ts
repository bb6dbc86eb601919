import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { AxeResults, RunOptions } from 'axe-core';

/** axe-core's own build, injected as source text: the pages never load it themselves. */
export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One rule's result, as a reader fixing it needs it: which rule, how bad, where, and what to do. */
export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

export interface AxeReport {
  violations: AxeFinding[];
  /** Checks axe could not decide (often colour contrast it cannot see behind): reported, not asserted. */
  incomplete: AxeFinding[];
  /** Elements at least one rule passed on: a run that inspected nothing is not a clean run. */
  inspected: number;
  /** Of them, inside a shadow root (an axe target with a shadow path). */
  inspectedInShadow: number;
}

/**
 * Runs in the browser, after axe: the results as JSON a test can print.
 * A target inside a shadow root is axe's selector path from the document
 * through each host, joined here with " >>> ".
 */
function summarize(results: AxeResults): string {
  type Target = string | string[];
  const target = (t: Target[]) => t.map((s) => (Array.isArray(s) ? s.join(' >>> ') : s)).join(' | ');
  const findings = (list: AxeResults['violations'], undecided = false) =>
    list.map((r) => ({
      id: r.id,
      impact: r.impact ?? null,
      help: r.help,
      helpUrl: r.helpUrl,
      nodes: r.nodes.map((n) => ({
        target: target(n.target as Target[]),
        html: n.html.slice(0, 200),
        // An undecided check's own message names its reason (for colour contrast, the data's messageKey); the summary only says it could not tell.
        summary: !undecided
          ? (n.failureSummary ?? '')
          : [...n.any, ...n.all, ...n.none]
              .filter((c) => c.message)
              .map((c) => `${c.message}${(c.data as { messageKey?: string } | null)?.messageKey ? ` (${(c.data as { messageKey: string }).messageKey})` : ''}`)
              .join('; '),
      })),
    }));
  const seen = new Set<string>();
  const inShadow = new Set<string>();
  for (const r of [...results.passes, ...results.violations, ...results.incomplete])
    for (const n of r.nodes) {
      const t = target(n.target as Target[]);
      seen.add(t);
      if ((n.target as Target[]).some(Array.isArray)) inShadow.add(t);
    }
  return JSON.stringify({
    violations: findings(results.violations),
    incomplete: findings(results.incomplete, true),
    inspected: seen.size,
    inspectedInShadow: inShadow.size,
  });
}

/**
 * `summarize` as source text to run in the browser. Under tsx (esbuild's
 * keepNames) its inner functions are wrapped in calls to a `__name` helper
 * that the browser does not have: a no-op one goes with it.
 */
const SUMMARIZE = `((__name) => (${summarize.toString()}))((f) => f)`;

/**
 * The options every run uses: axe's defaults, which are all its rules but
 * the experimental ones, best practices included (the dialog's duplicate
 * banner landmark is one), plus `td-has-header` (WCAG 1.3.1, level A,
 * experimental in axe): each cell of a large table has a header, so the
 * library's Edit and Delete buttons are announced with the document they
 * act on. Passes are kept in full: they show what was inspected.
 */
export const AXE_OPTIONS: RunOptions = { rules: { 'td-has-header': { enabled: true } } };

/**
 * Runs in the browser: has axe check the content of closed shadow roots.
 *
 * axe walks shadow trees through `host.shadowRoot`, which is null for a
 * closed root in every realm: each host gets a `shadowRoot` property naming
 * its root, set on this realm's own wrapper of the host (a CDP isolated
 * world, a BiDi sandbox), which the page's scripts never see.
 *
 * axe finds what lies under an element (for colour contrast) in a grid it
 * builds by walking `document.body`; Reprint's hosts are children of
 * <html>, beside <body>, so without more every contrast check came back
 * "incomplete" (8 of 9 elements of the tooltip, 21 of 24 of the
 * comparison). For the run, in this realm only, `document.body` is <html>,
 * and a walker from <html> starts at its first child (axe's walk assumes
 * its root has a parent in the tree): the grid then holds the page and the
 * hosts, stacked as the browser stacks them.
 */
const RUN_IN_ROOTS = `async function (...roots) {
  for (const root of roots) Object.defineProperty(root.host, 'shadowRoot', { value: root, configurable: true });
  const html = document.documentElement;
  const walker = document.createTreeWalker;
  Object.defineProperty(document, 'body', { get: () => html, configurable: true });
  Object.defineProperty(document, 'createTreeWalker', {
    configurable: true,
    value(root, ...rest) {
      const w = walker.call(document, root, ...rest);
      if (root === html) w.nextNode();
      return w;
    },
  });
  try {
    return (${SUMMARIZE})(await axe.run({ include: roots }, OPTIONS));
  } finally {
    delete document.body;
    delete document.createTreeWalker;
    for (const root of roots) delete root.host.shadowRoot;
  }
}`;

const inRoots = (options: RunOptions) => RUN_IN_ROOTS.replace('OPTIONS', JSON.stringify(options));

const IN_PAGE = (options: RunOptions) => `(async () => (${SUMMARIZE})(await axe.run(document, ${JSON.stringify(options)})))()`;

/** One line per offending element: rule, impact, where, what axe says to do. */
export function describeFindings(findings: AxeFinding[]): string {
  return findings
    .flatMap((f) =>
      f.nodes.map(
        (n) => `${f.id} (${f.impact ?? 'no impact'}) at ${n.target}\n    ${n.html}\n    ${f.help}: ${n.summary.replace(/\s+/g, ' ')}\n    ${f.helpUrl}`,
      ),
    )
    .join('\n');
}

/** Prints what axe could not decide, with axe's reasons, so a reader can look; it is not a failure. */
export function logIncomplete(label: string, report: AxeReport): void {
  const lines = report.incomplete.map((f) => {
    const reasons = new Map<string, string[]>();
    for (const n of f.nodes) {
      const reason = n.summary.replace(/\s+/g, ' ');
      reasons.set(reason, [...(reasons.get(reason) ?? []), n.target]);
    }
    const described = [...reasons].map(([r, at]) => `    ${at.length} × ${r}: ${at.slice(0, 3).join(', ')}${at.length > 3 ? ', …' : ''}`);
    return `  ${f.id}: ${f.nodes.length}\n${described.join('\n')}`;
  });
  console.log(
    `axe, ${label}: ${report.inspected} elements inspected (${report.inspectedInShadow} in shadow roots); incomplete: ${lines.length ? `\n${lines.join('\n')}` : 'none'}`,
  );
}

// ---------------------------------------------------------------- Chromium

/** Chromium: axe in the page's own realm. For the extension's pages, which run no one else's scripts. */
export async function axePageChromium(page: PlaywrightPage, options: RunOptions = AXE_OPTIONS): Promise<AxeReport> {
  await page.evaluate(AXE_SOURCE);
  return JSON.parse(await page.evaluate<string>(IN_PAGE(options))) as AxeReport;
}

interface CdpNode {
  nodeId: number;
  nodeName: string;
  shadowRootType?: 'open' | 'closed' | 'user-agent';
  shadowRoots?: CdpNode[];
  children?: CdpNode[];
}

/**
 * Chromium: axe on the content of every closed shadow root whose host is a
 * child of <html> (where Reprint puts its layers), in the top frame. The
 * roots are found through the DevTools protocol (`DOM.getDocument` with
 * `pierce`) and resolved into an isolated world of the test's own, where
 * axe is injected: no page script sees axe, the roots, or the results.
 */
export async function axeClosedRootsChromium(page: PlaywrightPage, options: RunOptions = AXE_OPTIONS): Promise<AxeReport> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'reprint-axe' })) as {
      executionContextId: number;
    };
    const injected = (await cdp.send('Runtime.evaluate', { expression: AXE_SOURCE, contextId: executionContextId })) as { exceptionDetails?: unknown };
    if (injected.exceptionDetails) throw new Error(`axe did not load: ${JSON.stringify(injected.exceptionDetails)}`);
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const html = root.children?.find((n) => n.nodeName === 'HTML');
    const rootIds = (html?.children ?? []).flatMap((c) => (c.shadowRoots ?? []).filter((s) => s.shadowRootType === 'closed').map((s) => s.nodeId));
    if (rootIds.length === 0) throw new Error('No closed shadow root on the page');
    const objectIds: string[] = [];
    for (const nodeId of rootIds) {
      const { object } = (await cdp.send('DOM.resolveNode', { nodeId, executionContextId })) as { object: { objectId: string } };
      objectIds.push(object.objectId);
    }
    const { result, exceptionDetails } = (await cdp.send('Runtime.callFunctionOn', {
      functionDeclaration: inRoots(options),
      executionContextId,
      arguments: objectIds.map((objectId) => ({ objectId })),
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value: string }; exceptionDetails?: { exception?: { description?: string }; text: string } };
    if (exceptionDetails) throw new Error(`axe.run failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return JSON.parse(result.value) as AxeReport;
  } finally {
    await cdp.detach();
  }
}

// ---------------------------------------------------------------- Firefox

interface BidiConnection {
  send(method: string, params: object, timeout?: number): Promise<{ result: unknown }>;
}

type BidiResult = { type: 'success'; result: { type: string; value?: unknown; sharedId?: string } } | { type: 'exception'; exceptionDetails: { text: string } };

/** The BiDi sandbox axe runs in: a realm of the test's own, which no page script can see into. */
const SANDBOX = 'reprint-axe';

/** Firefox: axe in the page's own realm. For the extension's pages, which run no one else's scripts. */
export async function axePageFirefox(page: PuppeteerPage, options: RunOptions = AXE_OPTIONS): Promise<AxeReport> {
  await page.evaluate(AXE_SOURCE);
  return JSON.parse((await page.evaluate(IN_PAGE(options))) as string) as AxeReport;
}

/**
 * Firefox: axe on the content of every closed shadow root on a child of
 * <html>, in the top frame. WebDriver BiDi serializes a closed root as a
 * shared reference when asked (`includeShadowTree: 'all'`, as
 * tests/e2e/firefox-shadow.ts reads Reprint's UI); axe's source is
 * evaluated in a sandbox realm of the test's own, and the roots are passed
 * back into it by reference.
 */
export async function axeClosedRootsFirefox(page: PuppeteerPage, options: RunOptions = AXE_OPTIONS): Promise<AxeReport> {
  const bidi = (page.browser() as unknown as { connection?: BidiConnection }).connection;
  if (!bidi?.send) throw new Error('Not a WebDriver BiDi session: launch Firefox with puppeteer-core and browser: "firefox"');
  const target = { context: (page.mainFrame() as unknown as { _id: string })._id, sandbox: SANDBOX };
  const check = (r: BidiResult, what: string) => {
    if (r.type === 'exception') throw new Error(`${what}: ${r.exceptionDetails.text}`);
    return r.result;
  };
  check(
    (await bidi.send('script.evaluate', { expression: AXE_SOURCE, target, awaitPromise: false, resultOwnership: 'none' })).result as BidiResult,
    'axe did not load',
  );
  const hosts = check(
    (
      await bidi.send('script.callFunction', {
        functionDeclaration: '() => [...document.documentElement.children]',
        arguments: [],
        awaitPromise: false,
        target,
        resultOwnership: 'none',
        serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
      })
    ).result as BidiResult,
    'listing the hosts',
  );
  type Host = { value?: { shadowRoot?: { sharedId?: string; value?: { mode?: string } } | null } };
  const roots = ((hosts.value as Host[]) ?? []).map((h) => h.value?.shadowRoot).filter((r) => r?.value?.mode === 'closed' && r.sharedId);
  if (roots.length === 0) throw new Error('No closed shadow root on the page');
  const out = check(
    (
      await bidi.send(
        'script.callFunction',
        {
          functionDeclaration: inRoots(options),
          arguments: roots.map((r) => ({ sharedId: r!.sharedId })),
          awaitPromise: true,
          target,
          resultOwnership: 'none',
        },
        60_000,
      )
    ).result as BidiResult,
    'axe.run failed',
  );
  return JSON.parse(String(out.value)) as AxeReport;
}

// ---------------------------------------------------------------- Self-test

/** A 1×1 image, so the page makes no request. */
const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';

/**
 * A page with two images that have no text alternative (axe's `image-alt`):
 * one in the page, one in a closed shadow root the page's own script puts on
 * <html>, where Reprint puts its layers; in that root too, text too faint to
 * read (`color-contrast`). The harness must report each where it looks, or
 * it could pass a page it never read.
 */
export function axeSelfTestPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>axe self-test</title></head>
<body><main><h1>A page that breaks rules on purpose</h1><p>An image without a text alternative follows.</p><img id="light-img" src="${PIXEL}" width="40" height="40"></main>
<script>
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'closed' });
  const img = document.createElement('img');
  img.className = 'closed-img';
  img.src = '${PIXEL}';
  img.width = 40;
  img.height = 40;
  const faint = document.createElement('p');
  faint.className = 'closed-faint';
  faint.style.cssText = 'color: #c8c8c8; background: #fff; position: absolute; top: 200px; left: 20px; margin: 0; font: 16px sans-serif';
  faint.textContent = 'Grey on white, at 1.7:1.';
  root.append(img, faint);
  document.documentElement.append(host);
  window.pageHost = host;
  // What the page could notice while axe runs, looked for as often as the page may.
  window.noticed = [];
  setInterval(() => {
    if (document.body.localName !== 'body') noticed.push('body');
    if (host.shadowRoot) noticed.push('shadowRoot');
    if (typeof window.axe !== 'undefined') noticed.push('axe');
  }, 0);
</script></body></html>`;
}

/** What the self-test page's own script sees afterwards: neither axe nor a way into its closed root, and its own <body>. */
export function pageSees(): { axe: string; shadowRoot: boolean; body: string | undefined; walkerOwn: boolean; noticed: string[] } {
  const w = window as unknown as { axe?: unknown; pageHost: HTMLElement; noticed: string[] };
  return {
    noticed: [...new Set(w.noticed)],
    axe: typeof w.axe,
    shadowRoot: w.pageHost.shadowRoot !== null,
    body: document.body?.localName,
    walkerOwn: Object.prototype.hasOwnProperty.call(document, 'createTreeWalker'),
  };
}

/**
 * The demo page as a site with a dark design of its own draws it, without
 * asking the reader's colour scheme: Reprint's UI must stay readable on it.
 */
export function darkDemoPage(): string {
  const demo = readFileSync(path.resolve(import.meta.dirname, '../fixtures/pages/demo.html'), 'utf8');
  const dark = `<style>
    body { background: #121212; color: #e6e6e6; }
    .byline, aside, footer, nav a { color: #b4b4b4; }
    .ad { background: #222; }
  </style>`;
  return demo.replace('</head>', `${dark}\n</head>`);
}

/** A page of the site's own writing: nothing of it is in the corpus, and the popup and the report say so. */
export function nothingCopiedPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour museum reopens</title></head><body><main><h1>Harbour museum reopens</h1>
<p>Volunteers at the harbour museum repainted the old lifeboat over three weekends this spring, and the council promised a new roof before the winter storms.</p>
<p>The museum opens again on Saturday with a new room about the lighthouse keepers, whose logbooks from the last century were found in an attic on the quay.</p>
</main></body></html>`;
}
