/**
 * Reprint's own place in a page: a plain `<div>` host with a closed shadow
 * root. A page cannot pre-define a built-in element, cannot reach into a
 * closed root (`host.shadowRoot` is null to it), and its style sheets stop
 * at the root's boundary. The host's inline style carries `!important`,
 * which outranks every rule of the page's own sheets. A page that removes
 * the host or rewrites its style sees both come back.
 */

/** Our hosts, known by identity: a page can copy a name or an attribute, not an object. */
const own = new WeakSet<Node>();

export const isOwnNode = (n: Node | null): boolean => !!n && own.has(n);

export interface Layer {
  host: HTMLElement;
  root: ShadowRoot;
  /** Takes the host out of the page and stops guarding it. */
  remove(): void;
}

const important = (style: Record<string, string>) =>
  Object.entries(style)
    .map(([k, v]) => `${k}: ${v} !important;`)
    .join(' ');

/**
 * A host at the document's top-left corner, of no size, so its content
 * can be placed in document coordinates and scroll with the page at no
 * cost. `zIndex` decides what of the page may cover it.
 */
export function createLayer(css: string, zIndex: number): Layer {
  const host = document.createElement('div');
  own.add(host);
  const style = important({
    all: 'initial',
    display: 'block',
    position: 'absolute',
    top: '0',
    left: '0',
    width: '0',
    height: '0',
    margin: '0',
    padding: '0',
    border: '0',
    overflow: 'visible',
    transform: 'none',
    filter: 'none',
    opacity: '1',
    visibility: 'visible',
    'pointer-events': 'none',
    'z-index': String(zIndex),
  });
  host.setAttribute('style', style);
  const root = host.attachShadow({ mode: 'closed' });
  const sheet = document.createElement('style');
  sheet.textContent = css;
  root.append(sheet);
  document.documentElement.append(host);

  // Put back what the page takes away: the host itself, or its style.
  const guard = new MutationObserver(() => {
    if (host.getAttribute('style') !== style) host.setAttribute('style', style);
    if (host.parentNode !== document.documentElement) document.documentElement.append(host);
    for (const name of host.getAttributeNames()) if (name !== 'style') host.removeAttribute(name);
  });
  guard.observe(document.documentElement, { childList: true });
  guard.observe(host, { attributes: true });
  return {
    host,
    root,
    remove() {
      guard.disconnect();
      host.remove();
    },
  };
}
