/**
 * Builds UI elements. Strings become text nodes, never markup: page and
 * corpus text cannot inject HTML through here. Event handlers run only for
 * trusted events, those a person caused: a page script can dispatch
 * synthetic events, but cannot make them trusted.
 */
import { splitControls } from '../text/controls';
import { INVISIBLE_CHARACTER } from './words';

type Child = Node | string | null | undefined | false;

/** The handler, for trusted events only. */
export const trusted =
  <E extends Event>(handler: (e: E) => void) =>
  (e: E): void => {
    if (e.isTrusted) handler(e);
  };

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | ((e: Event) => void)> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), trusted(value));
    else if (value === true) el.setAttribute(name, '');
    else if (value !== false) el.setAttribute(name, value);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

/**
 * Text with its invisible characters shown: each zero-width, format or bidi
 * control character becomes a visible "U+202E" mark instead of acting on the
 * text around it (an override would reverse what follows it).
 */
export function revealed(text: string): Node[] {
  return splitControls(text).map((run) =>
    run.control === undefined
      ? document.createTextNode(run.text)
      : h('span', { class: 'control', title: INVISIBLE_CHARACTER }, `U+${run.control.toString(16).toUpperCase().padStart(4, '0')}`),
  );
}

/**
 * Text from a page or the corpus, isolated: its direction cannot reorder what
 * surrounds it, and its control characters are shown, not obeyed ("\u202Egnp.exe"
 * must not pass for "exe.png").
 */
export const field = (text: string, className?: string): HTMLElement => h('bdi', className ? { class: className } : {}, ...revealed(text));

/** Fields separated by " · ", each isolated. */
export function fields(parts: string[], className?: string): HTMLElement {
  const out = h('span', className ? { class: className } : {});
  parts.forEach((p, i) => out.append(...(i ? [' · '] : []), field(p)));
  return out;
}

/** Saves a blob as a file, through a link: no downloads permission needed. */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  h('a', { href: url, download: name }).click();
  // Revoked later: the browser reads the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
