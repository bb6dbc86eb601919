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

const parse = (href: string): URL | undefined => {
  try {
    return new URL(href);
  } catch {
    return undefined;
  }
};

/** A host as credit compares it: lower case (URL does that), without "www.". */
const siteOf = (host: string) => host.toLowerCase().replace(/^www\./, '');

/** A path without its trailing slash, so "/a/" and "/a" are one page. */
const trimSlash = (path: string) => (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path);

/**
 * Whether a link leads to a source URL or below it: same scheme, host and
 * port, and the source's path is the link's path or a parent of it at a "/"
 * (a bare string prefix let https://ift.tt/ZktsESg.attacker.example/ credit
 * https://ift.tt/ZktsESg). A source with a query needs the same query.
 */
export function linksTo(link: URL, source: URL): boolean {
  if (link.protocol !== source.protocol || link.port !== source.port || siteOf(link.hostname) !== siteOf(source.hostname)) return false;
  if (source.search && link.search !== source.search) return false;
  const base = trimSlash(source.pathname);
  const path = trimSlash(link.pathname);
  return path === base || path.startsWith(base.endsWith('/') ? base : `${base}/`);
}

/** Whether a link is on a site (a bare host) or one of its subdomains. */
const onSite = (link: URL, host: string) => {
  const site = siteOf(host);
  const h = siteOf(link.hostname);
  return h === site || h.endsWith(`.${site}`);
};

/** Whether a link points at one of the targets: a source URL (see linksTo) or a bare host. */
export function linksAny(hrefs: string[], urls: string[]): boolean {
  const targets = urls.map((t) => (t.includes('/') ? parse(t) : t)).filter((t): t is URL | string => t !== undefined);
  return hrefs.some((href) => {
    const link = parse(href);
    return !!link && targets.some((t) => (typeof t === 'string' ? onSite(link, t) : linksTo(link, t)));
  });
}
