import { KIND_LABEL } from '../match/kinds';
import type { CorpusStatus, HighlightSummary } from '../messages';
import { h } from './dom';
import { percent } from './describe';

/**
 * The toolbar popup: a line per highlighted paragraph of the tab (kind,
 * source, similarity); clicking one scrolls the page to it. `items` is null
 * where the page cannot be scanned (browser pages, the store).
 */
export function renderPopup(
  app: HTMLElement,
  status: CorpusStatus,
  items: HighlightSummary[] | null,
  reveal: (id: number) => void,
): void {
  const count = items?.length ?? 0;
  const header = h('header', {},
    h('h1', {}, 'Reprint'),
    h('div', { class: 'summary muted' },
      items === null
        ? 'Reprint cannot read this page.'
        : count === 0
          ? 'No reprinted paragraphs found on this page.'
          : `${count} reprinted paragraph${count === 1 ? '' : 's'} on this page`),
  );
  const list = items?.length
    ? h('ul', { 'aria-label': 'Reprinted paragraphs' },
        ...items.map((it) =>
          h('li', {},
            h('button', { type: 'button', onclick: () => reveal(it.id), title: 'Show on the page' },
              h('span', { class: 'line' },
                h('span', { class: 'kind', 'data-kind': it.kind }, KIND_LABEL[it.kind]),
                h('span', { class: 'score' }, `${percent(it.score)}${it.coverage < 0.95 ? ` · ${percent(it.coverage)} of text` : ''}`)),
              h('span', { class: 'source' }, it.sourceTitle),
              h('span', { class: 'excerpt' }, it.excerpt),
            ),
          ),
        ),
      )
    : null;
  const footer = h('footer', {},
    `Corpus: ${status.documents} documents, ${status.paragraphs} paragraphs. Everything stays on this device.`,
    ...status.problems.map((p) => h('div', { class: 'problem' }, p)),
  );
  app.replaceChildren(header, ...(list ? [list] : []), footer);
}
