/**
 * Pages whose corpus text sits where a plain document walk does not find
 * it: in a web component's open shadow root (present at load, or attached
 * later), in a same-origin frame (beside a cross-origin one, which Reprint
 * must leave alone), and in a block hidden at load and shown later (a
 * "Read more" class change, a `<details>` opened). Each holds a verbatim
 * paragraph of seed 000, and one of the page's own that matches nothing.
 * Both browsers' suites serve them.
 */
import { SEED_PARAGRAPHS } from './pages';
import { startServer, type Routes } from './server';

/** The corpus paragraph each case holds, by the id of the element it is in. */
export const COPIES = {
  top: SEED_PARAGRAPHS[0],
  'in-shadow': SEED_PARAGRAPHS[1],
  'late-host': SEED_PARAGRAPHS[2],
  'late-render': SEED_PARAGRAPHS[3],
  upgraded: SEED_PARAGRAPHS[8],
  'in-frame': SEED_PARAGRAPHS[4],
  cross: SEED_PARAGRAPHS[5],
  revealed: SEED_PARAGRAPHS[6],
  'in-details': SEED_PARAGRAPHS[7],
} as const;

const OWN =
  'Volunteers at the harbour museum repainted the old lifeboat over three weekends this spring, and the council promised a new roof before the winter storms.';

const page = (title: string, body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>body { font: 18px/1.5 serif; max-width: 40em; margin: 2em auto; } iframe { width: 100%; height: 420px; border: 1px solid #999; }</style>${head}</head><body>${body}</body></html>`;

/**
 * A web component that renders its story into an open shadow root: at
 * construction, or (`data-later`) some time after it is connected.
 */
const NEWS_BODY = `<script>
customElements.define('news-body', class extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }
  connectedCallback() {
    const render = () => {
      this.shadowRoot.innerHTML = '<style>p { margin: 0 0 1em; color: #222; }</style><section><p id="' + this.dataset.id + '">' + this.dataset.text + '</p></section>';
    };
    if (this.dataset.later) setTimeout(render, Number(this.dataset.later));
    else render();
  }
});
</script>`;

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const newsBody = (id: string, text: string, later?: number) =>
  `<news-body data-id="${id}" data-text="${attr(text)}"${later ? ` data-later="${later}"` : ''}></news-body>`;

/** `crossOrigin(path)`: the address of a page on the second server, another origin. */
export function structureRoutes(crossOrigin: (path: string) => string): Routes {
  return {
    // A web component whose open root holds the story from the start.
    '/shadow.html': () =>
      page('Shadow story', `${NEWS_BODY}<article><h1>Shadow story</h1><p id="own">${OWN}</p>${newsBody('in-shadow', COPIES['in-shadow'])}</article>`),
    // A component that renders into its root after load, one whose element the page defines only after load (no mutation
    // tells: it is upgraded in place), and one inserted after load (its constructor attaches the root).
    '/shadow-late.html': () =>
      page(
        'Late shadow story',
        `${NEWS_BODY}<article id="story"><h1>Late shadow story</h1><p id="own">${OWN}</p>${newsBody('late-render', COPIES['late-render'], 1500)}<story-later></story-later></article>
<script>
setTimeout(() => document.getElementById('story').insertAdjacentHTML('beforeend', ${JSON.stringify(newsBody('late-host', COPIES['late-host']))}), 1200);
setTimeout(() => customElements.define('story-later', class extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = ${JSON.stringify(`<p id="upgraded">${COPIES.upgraded}</p>`)};
  }
}), 1800);
</script>`,
      ),
    // The story in a frame of the page's own origin, and another copy in a frame of another origin.
    '/frame.html': () =>
      page(
        'Framed story',
        `<article><h1>Framed story</h1><p id="top">${COPIES.top}</p><p id="own">${OWN}</p>
<iframe id="same" src="/frame-child.html" title="Story"></iframe>
<iframe id="other" src="${crossOrigin('/cross-child.html')}" title="Elsewhere"></iframe></article>`,
      ),
    '/frame-child.html': () => page('Story body', `<article><p id="in-frame">${COPIES['in-frame']}</p><p id="own-frame">${OWN}</p></article>`),
    // "Read more": the rest of the story is in the page, hidden by a class until the reader asks.
    '/reveal-class.html': () =>
      page(
        'Read more',
        `<article><h1>Read more</h1><p id="own">${OWN}</p>
<div id="more" class="collapsed"><p id="revealed">${COPIES.revealed}</p></div>
<button id="read-more" type="button" onclick="document.getElementById('more').classList.remove('collapsed'); this.remove()">Read more</button></article>`,
        '<style>.collapsed { display: none; }</style>',
      ),
    '/reveal-details.html': () =>
      page(
        'Details',
        `<article><h1>Details</h1><p id="own">${OWN}</p>
<details id="details"><summary id="summary">The full statement</summary><p id="in-details">${COPIES['in-details']}</p></details></article>`,
      ),
  };
}

/** The second server's one page: another origin's frame, holding a corpus paragraph Reprint must not read. */
export const crossRoutes = (): Routes => ({
  '/cross-child.html': () => page('Elsewhere', `<article><p id="cross">${COPIES.cross}</p></article>`),
});

/** The structure pages' server, and a second one on another port (so another origin) for the cross-origin frame. */
export async function startStructureServers(): Promise<{ url: (path: string) => string; close: () => Promise<void> }> {
  const other = await startServer(crossRoutes());
  const server = await startServer(structureRoutes((p) => other.url(p)));
  return {
    url: (path) => server.url(path),
    close: async () => {
      await server.close();
      await other.close();
    },
  };
}
