import { composedParent } from './shadow';
import { contrast, over, parseColor, toneOf, WHITE, type Rgba, type Tone } from './tone';

/**
 * The browsers' dark canvas (Chromium #121212; Firefox #1c1b22 is as dark
 * to the tone test): what shows behind a page that paints no background
 * and asks for a dark colour scheme.
 */
const DARK_CANVAS: Rgba = { r: 18, g: 18, b: 18, a: 1 };

/**
 * Below this contrast between a block's text and the background found for
 * it, that background cannot be the one the reader sees (text at 1.5:1 is
 * barely legible, no page means that): the page paints it another way (an
 * image, a gradient), and the text's colour tells its tone instead.
 */
const TEXT_MUST_CONTRAST = 3;

/** What is behind an element: its effective background colour, and whether an image may lie in between. */
interface Behind {
  color: Rgba;
  /** A background image (or gradient) lies somewhere above the colour found: the colour may not be what shows. */
  imaged: boolean;
  /** No element paints an opaque colour: the canvas shows through. */
  canvas: boolean;
}

/**
 * Whether a page block sits on a light or a dark background, from the
 * page's own computed styles: the first opaque `background-color` up its
 * ancestors (across shadow roots), translucent ones composited over it, down
 * to the canvas, which is dark when the page's colour scheme is. Read-only:
 * nothing is written to the page.
 *
 * One answer per element per task: blocks answered in one batch share their
 * ancestors' reads (a page of 1,000 highlights reads each ancestor once),
 * and a later batch reads afresh, so a page that switches its own theme is
 * seen at its next scan. Measured in Chromium on 1,000 paragraphs in one
 * task: 26-52 ms in all, the first read paying the page's style recalc;
 * the scanner applies matches in 8 ms slices (schedule.ts), so no task of
 * Reprint's comes near 50 ms.
 */
export class Backdrops {
  private cache = new Map<Element, Behind>();
  private canvasColor: Rgba | undefined;
  private flushing = false;

  /** The tone of the background `el` is drawn on. */
  toneAt(el: Element): Tone {
    const behind = this.behind(el);
    const found = toneOf(behind.color);
    if (!behind.imaged && !behind.canvas) return found;
    // Only the canvas, or an image that may cover the colour: text that cannot be read on it is read on something else.
    const text = parseColor(getComputedStyle(el).color);
    if (text && text.a > 0.5 && contrast(over(text, behind.color), behind.color) < TEXT_MUST_CONTRAST) return toneOf(text) === 'light' ? 'dark' : 'light';
    return found;
  }

  private behind(el: Element): Behind {
    this.expireSoon();
    // Up to the first element already known or painted opaque; then composite back down.
    const chain: { el: Element; color: Rgba | undefined; image: boolean }[] = [];
    let base: Behind | undefined;
    for (let n: Node | null = el; n; n = composedParent(n)) {
      if (n.nodeType !== 1) continue;
      const known = this.cache.get(n as Element);
      if (known) {
        base = known;
        break;
      }
      const style = getComputedStyle(n as Element);
      const color = parseColor(style.backgroundColor);
      chain.push({ el: n as Element, color, image: style.backgroundImage !== 'none' && style.backgroundImage !== '' });
      if (color && color.a >= 1) break;
    }
    // The canvas only matters where no element up the chain is opaque.
    const top = chain[chain.length - 1]?.color;
    let below: Behind = base ?? (top && top.a >= 1 ? { color: top, imaged: false, canvas: false } : { color: this.canvas(), imaged: false, canvas: true });
    for (let i = chain.length - 1; i >= 0; i--) {
      const { el: at, color, image } = chain[i];
      const opaque = !!color && color.a >= 1;
      const painted: Behind = {
        color: opaque ? color! : color && color.a > 0 ? over(color, below.color) : below.color,
        imaged: (!opaque && below.imaged) || image,
        canvas: !opaque && below.canvas,
      };
      this.cache.set(at, painted);
      below = painted;
    }
    return below;
  }

  /** The canvas behind everything: dark when the page's `color-scheme` (property or meta) chooses dark. */
  private canvas(): Rgba {
    if (this.canvasColor) return this.canvasColor;
    const scheme = `${getComputedStyle(document.documentElement).colorScheme} ${document.querySelector<HTMLMetaElement>('meta[name="color-scheme"]')?.content ?? ''}`;
    const offersDark = /\bdark\b/.test(scheme);
    const offersLight = /\blight\b/.test(scheme);
    const dark = offersDark && (!offersLight || matchMedia('(prefers-color-scheme: dark)').matches);
    this.canvasColor = dark ? DARK_CANVAS : WHITE;
    return this.canvasColor;
  }

  /** Forgets every answer once the current task ends. */
  private expireSoon(): void {
    if (this.flushing) return;
    this.flushing = true;
    setTimeout(() => {
      this.cache = new Map();
      this.canvasColor = undefined;
      this.flushing = false;
    }, 0);
  }
}
