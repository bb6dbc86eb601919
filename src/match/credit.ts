import type { BlockMatch } from './matcher';
import { outletByName } from './outlets';

/** What a page would have to mention or link to, to credit a passage's original. */
export interface CreditTargets {
  names: string[];
  /** Link targets: full URLs, or bare hosts for an outlet's site. */
  urls: string[];
}

export function creditTargets(match: BlockMatch): CreditTargets {
  const names: string[] = [];
  const urls: string[] = [];
  const outlet = match.provenance.citedOutlet ? outletByName(match.provenance.citedOutlet) : undefined;
  if (outlet) {
    names.push(outlet.name, ...outlet.aliases);
    urls.push(...outlet.domains);
  }
  const original = match.versions.find((v) => v.docId === match.original)?.meta;
  if (original) {
    for (const n of [original.publisher, original.author]) if (n) names.push(n);
    if (original.url) urls.push(original.url);
  }
  return { names: [...new Set(names)], urls: [...new Set(urls)] };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether a text names one of the targets (whole words, any case for long names). */
export function namesAny(text: string, names: string[]): boolean {
  return names.some((n) => new RegExp(`(?:^|[^\\p{L}\\p{N}])${escape(n)}(?![\\p{L}\\p{N}])`, n.length <= 3 ? 'u' : 'iu').test(text));
}

/** Whether a link points at one of the targets. */
export function linksAny(hrefs: string[], urls: string[]): boolean {
  return hrefs.some((href) => {
    let u: URL;
    try {
      u = new URL(href);
    } catch {
      return false;
    }
    return urls.some((target) => (target.includes('/') ? href.startsWith(target) : u.hostname === target || u.hostname.endsWith(`.${target}`)));
  });
}
