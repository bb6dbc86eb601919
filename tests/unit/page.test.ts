// @vitest-environment happy-dom
/**
 * The content script's wiring (src/ui/page.ts) in a DOM, with WXT's real
 * ContentScriptContext and the fake browser: the background is a listener
 * answering from the seed matcher.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { dispatcher, sendToBackground, sendToTab, type ContentToBackground, type PageReport } from '../../src/messages';
import { startReprint } from '../../src/ui/page';
import { seedIndex, seedParagraph } from './helpers/seeds';

const QUOTED = seedParagraph('000', 'After one diplomatic exchange');
const OTHER = seedParagraph('003', 'The previously unreported');
const OWN = 'Volunteers at the harbour museum repainted the old lifeboat over three weekends this spring.';

/** Every scan request the background got, and a way to hold its answers back. */
let scans: string[][];
let hold: Promise<void> | undefined;
let ctx: ContentScriptContext | undefined;

/** What the content script's main does. */
function start(): ContentScriptContext {
  ctx = new ContentScriptContext('content');
  ctx.onInvalidated(startReprint(ctx));
  return ctx;
}

const popupPage = () => fakeBrowser.runtime.sendMessage({ type: 'popup/page' }) as Promise<PageReport | undefined>;
const reprintAttributes = () => [...document.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().filter((a) => a.startsWith('data-reprint')));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeEach(() => {
  // WXT logs each invalidation.
  vi.spyOn(console, 'debug').mockImplementation(() => undefined);
  fakeBrowser.reset();
  scans = [];
  hold = undefined;
  document.body.innerHTML = `<article><p id="quoted">${QUOTED}</p><p id="own">${OWN}</p></article>`;
  fakeBrowser.runtime.onMessage.addListener(
    dispatcher<ContentToBackground>({
      'content/scan': async ({ texts }) => {
        scans.push(texts);
        await hold;
        return (await seedIndex()).matcher.match(texts);
      },
      'content/highlights': () => undefined,
    }),
  );
});

afterEach(() => {
  ctx?.notifyInvalidated();
  ctx = undefined;
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('the content script in a page', () => {
  it('highlights, shows the tooltip and the comparison, and answers the popup', async () => {
    start();
    const quoted = document.getElementById('quoted')!;
    await vi.waitFor(() => expect(quoted.getAttribute('data-reprint-kind')).toBe('verbatim'));
    expect(document.getElementById('own')!.hasAttribute('data-reprint-kind')).toBe(false);
    await vi.waitFor(() => expect(document.documentElement.getAttribute('data-reprint-scanned')).toBe('2'));

    quoted.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    const tip = await vi.waitFor(() => document.querySelector('reprint-tooltip')!.shadowRoot!);
    expect(tip.querySelector('.provenance')!.textContent).toBe('Original: The New York Times (cited as source), quoted by 000 and 003');
    expect(tip.querySelector('.kind')!.textContent).toBe('Copied verbatim');
    tip.querySelector('button')!.click();
    const dialog = document.querySelector('reprint-compare')!.shadowRoot!;
    expect(dialog.querySelector('.provenance')!.textContent).toContain('Original: The New York Times (cited as source), quoted by 000 and 003');

    const report = await popupPage();
    expect(report!.items).toHaveLength(1);
    expect(report!.items[0]).toMatchObject({ kind: 'verbatim', statement: 'Original: The New York Times (cited as source), quoted by 000 and 003' });
  });

  it('leaves the page as it was, and stops listening, when its context is invalidated', async () => {
    const ctx = start();
    const quoted = document.getElementById('quoted')!;
    await vi.waitFor(() => expect(quoted.getAttribute('data-reprint-kind')).toBe('verbatim'));
    quoted.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    const tip = await vi.waitFor(() => document.querySelector('reprint-tooltip')!.shadowRoot!);
    tip.querySelector('button')!.click();
    expect(document.querySelector('reprint-compare')).not.toBeNull();
    expect(await popupPage()).toBeDefined();
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');

    ctx.notifyInvalidated();

    expect(disconnect).toHaveBeenCalled();
    expect(reprintAttributes()).toEqual([]);
    expect(document.querySelector('reprint-tooltip, reprint-compare')).toBeNull();
    // The popup's question reaches no one: only the background listener is left.
    expect(await popupPage()).toBeUndefined();
    // Hovering brings no tooltip back.
    quoted.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    // New text is not watched for: nothing is sent after the watcher's quiet time.
    const sent = scans.length;
    document.querySelector('article')!.append(Object.assign(document.createElement('p'), { textContent: OTHER }));
    await sleep(600);
    expect(scans.length).toBe(sent);
    expect(reprintAttributes()).toEqual([]);
    expect(document.querySelector('reprint-tooltip')).toBeNull();
  });

  it('rescans what changes while it runs', async () => {
    start();
    await vi.waitFor(() => expect(document.documentElement.getAttribute('data-reprint-scanned')).toBe('2'));
    const added = Object.assign(document.createElement('p'), { textContent: OTHER });
    document.querySelector('article')!.append(added);
    await vi.waitFor(() => expect(added.getAttribute('data-reprint-kind')).toBe('verbatim'), { timeout: 2000 });
    expect(scans.at(-1)).toEqual([OTHER]);
  });

  it('drops answers that arrive after teardown', async () => {
    let release!: () => void;
    hold = new Promise((r) => (release = r));
    const ctx = start();
    await vi.waitFor(() => expect(scans).toHaveLength(1));
    ctx.notifyInvalidated();
    release();
    await sleep(50);
    expect(reprintAttributes()).toEqual([]);
  });

  it('does not start at all when invalidated before the page is idle', async () => {
    start().notifyInvalidated();
    await sleep(100);
    expect(scans).toEqual([]);
    expect(reprintAttributes()).toEqual([]);
  });

  it('gives way to a newer copy of itself (extension updated) without leaving its own behind', async () => {
    start();
    const quoted = document.getElementById('quoted')!;
    await vi.waitFor(() => expect(quoted.getAttribute('data-reprint-kind')).toBe('verbatim'));
    quoted.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    await vi.waitFor(() => expect(document.querySelector('reprint-tooltip')).not.toBeNull());
    // WXT's context tells the old script when a new one starts; the new one highlights afresh.
    start();
    expect(document.querySelectorAll('reprint-tooltip')).toHaveLength(0);
    expect(quoted.hasAttribute('data-reprint-kind')).toBe(false);
    await vi.waitFor(() => expect(quoted.getAttribute('data-reprint-kind')).toBe('verbatim'));
    expect((await popupPage())!.items).toHaveLength(1);
  });
});

describe('typed senders', () => {
  it('send the map’s messages to the background and to a tab', async () => {
    const [answer] = await sendToBackground({ type: 'content/scan', texts: [QUOTED] });
    expect(answer).toMatchObject({ kind: 'verbatim' });
    const toTab = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(true);
    expect(await sendToTab(7, { type: 'popup/reveal', id: 3 })).toBe(true);
    expect(toTab).toHaveBeenCalledWith(7, { type: 'popup/reveal', id: 3 });
  });

  it('take only the map’s messages, each with its fields (checked by npm run typecheck)', () => {
    const neverCalled = () => {
      // @ts-expect-error the popup's page report comes from a tab, not the background
      void sendToBackground({ type: 'popup/page' });
      // @ts-expect-error a scan needs its texts
      void sendToBackground({ type: 'content/scan' });
      // @ts-expect-error a reveal's id is a number
      void sendToTab(1, { type: 'popup/reveal', id: '3' });
      // @ts-expect-error no such message
      void sendToTab(1, { type: 'popup/nothing' });
      const status: Promise<{ documents: number; problems: string[] }> = sendToBackground({ type: 'popup/status' });
      const report: Promise<PageReport> = sendToTab(1, { type: 'popup/page' });
      return [status, report];
    };
    expect(typeof neverCalled).toBe('function');
  });
});
