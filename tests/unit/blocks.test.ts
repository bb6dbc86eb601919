import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { blockRange, candidateElements, extractBlock, readBlock } from '../../src/dom/blocks';

/** A DOM with real Ranges; scripts do not run, as in a saved page. */
function parse(html: string): Document {
  const window = new Window();
  window.document.write(html);
  return window.document as unknown as Document;
}

const page = (name: string) => parse(readFileSync(`tests/fixtures/pages/${name}`, 'utf8'));

function blocks(document: Document) {
  return candidateElements(document.body)
    .map((el) => extractBlock(el))
    .filter((b) => b !== null);
}

describe('block extraction on a news layout', () => {
  const doc = page('news-layout.html');
  // linkedom runs no scripts: build the split text node case by hand.
  const split = doc.getElementById('split')!;
  for (const part of ['Text split ', 'across three ', 'text nodes reads as one paragraph.']) split.append(doc.createTextNode(part));
  const found = blocks(doc);
  const ids = found.map((b) => b.element.id);

  it('finds paragraphs, list items, quotes, cells, definitions and divs with their own text', () => {
    expect(ids).toEqual(['inline', 'split', 'quoted', 'item', 'bare', 'inner', 'cell', 'dd']);
  });

  it('reads text across inline markup and line breaks', () => {
    expect(found[0].text).toBe('Officials said on Tuesday that the new rules would take effect next month, after a long consultation.');
    expect(found[1].text).toBe('Text split across three text nodes reads as one paragraph.');
    expect(found.find((b) => b.element.id === 'bare')!.text).toBe(
      'A div that holds its own text directly, as some sites lay out paragraphs. It continues in a span.',
    );
  });

  it('skips navigation, ads, forms, hidden, editable, aside, footer and script text', () => {
    const all = found.map((b) => b.text).join(' ');
    for (const text of ['Home page', 'Advertisement', 'Your email', 'hidden paragraph', 'editable paragraph', 'Most read', 'Copyright', 'tracking'])
      expect(all).not.toContain(text);
  });

  it('maps block offsets back to DOM ranges over the original text nodes', () => {
    const b = found[0];
    const start = b.text.indexOf('new rules');
    const range = blockRange(b, start, start + 'new rules would'.length)!;
    // The <br> is a space in block text and no text in the DOM.
    expect(range.toString()).toBe('new ruleswould');
    expect(range.startContainer.parentElement!.tagName).toBe('EM');
    const s = found[1];
    const r2 = blockRange(s, s.text.indexOf('three'), s.text.indexOf('reads'))!;
    expect(r2.toString()).toBe('three text nodes ');
  });

  it('collapses white space as a browser renders it', () => {
    const document = parse('<p id="x">  Lots   of\n\n  space <b> here </b>  too  </p>');
    const b = readBlock(document.getElementById('x')!);
    expect(b.text).toBe('Lots of space here too');
    const r = blockRange(b, b.text.indexOf('space'), b.text.indexOf('too'))!;
    expect(r.toString().replace(/\s+/g, ' ').trim()).toBe('space here');
  });
});

describe('link lists', () => {
  it('skips blocks that are mostly link text, like "Related:" lines', () => {
    const document = parse(
      '<p id="r">Related: <a href="/x">President Xi Pushes Putin To Negotiate With Ukraine After Incursion</a></p><p id="k">Officials said, <a href="/y">according to a report</a>, that the talks had failed after months of trying.</p>',
    );
    expect(blocks(document).map((b) => b.element.id)).toEqual(['k']);
  });
});

describe('Mozilla Readability-style pages in any script', () => {
  it('reads text in non-Latin scripts', () => {
    const document = parse(
      '<article><p>中国外交部发言人周三表示，中方尊重所有国家的主权和领土完整。</p><p>Официальные лица заявили во вторник, что новые правила вступят в силу.</p></article>',
    );
    expect(blocks(document).map((b) => b.text.slice(0, 4))).toEqual(['中国外交', 'Офиц']);
  });
});
