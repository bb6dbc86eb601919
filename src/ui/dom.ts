/**
 * Builds UI elements. Strings become text nodes, never markup: page and
 * corpus text cannot inject HTML through here.
 */
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | ((e: Event) => void)> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) el.setAttribute(name, '');
    else if (value !== false) el.setAttribute(name, value);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

/**
 * A host element with an open shadow root and its own stylesheet, so page
 * CSS cannot reach in and ours cannot leak out. Custom element names need
 * no registration to carry a shadow root (content scripts have no
 * customElements registry in Chromium).
 */
export function shadowHost(tag: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(tag);
  // Inline, so no page rule on the tag can move or hide the host.
  host.setAttribute('style', 'all: initial; position: fixed; z-index: 2147483647; inset: auto;');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}
