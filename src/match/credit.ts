import type { BlockMatch } from './matcher';
import { outletByName, outletOfPublisher, publisherNames, type Outlet } from './outlets';

/** A name a page may credit a passage's original by. */
export interface CreditName {
  text: string;
  /** Matched in this exact case: a short form ("the Times") or a short acronym ("AP"). */
  exact: boolean;
}

/** What a page would have to mention or link to, to credit a passage's original. */
export interface CreditTargets {
  names: CreditName[];
  /** Link targets: full URLs, or bare hosts (registrable domains) for an outlet's or a publisher's site. */
  urls: string[];
}

/** Where the page gives credit, relative to the passage. */
export type CreditPlace = 'block' | 'before' | 'after' | 'quote' | 'page';

/** The evidence that a page credits a passage: what it names or links to, and where. */
export type CreditEvidence = { via: 'name'; name: string; place: CreditPlace } | { via: 'link'; site: string; place: CreditPlace };

/** Names of three letters or fewer ("AP", "FT") are matched in their case: "ap" and "ft" are other words. */
const SHORT_NAME = 3;

const outletNames = (o: Outlet): CreditName[] => [
  ...[o.name, ...o.aliases].map((text) => ({ text, exact: text.length <= SHORT_NAME })),
  ...(o.shortForms ?? []).map((text) => ({ text, exact: true })),
];

/**
 * Whom a page may credit for a passage, and how: the outlet the corpus
 * cites as the original, and the publisher, author and site of both the
 * version the page copies and the version ranked original. Crediting the
 * copy it took the text from is fair credit too.
 */
export function creditTargets(match: BlockMatch): CreditTargets {
  const names: CreditName[] = [];
  const urls: string[] = [];
  const addOutlet = (o: Outlet | undefined) => {
    if (!o) return;
    names.push(...outletNames(o));
    urls.push(...o.domains);
  };
  addOutlet(match.provenance.citedOutlet ? outletByName(match.provenance.citedOutlet) : undefined);
  for (const id of new Set([match.original, match.source])) {
    const v = match.versions.find((x) => x.docId === id);
    if (!v) continue;
    const { publisher, author, url } = v.meta;
    if (publisher) {
      names.push(...publisherNames(publisher).map((text) => ({ text, exact: text.length <= SHORT_NAME })));
      addOutlet(outletOfPublisher(publisher));
    }
    if (author) names.push({ text: author, exact: false });
    if (url) urls.push(url);
    if (v.site) urls.push(v.site);
  }
  const seen = new Set<string>();
  return {
    names: names.filter((n) => !seen.has(`${n.exact}:${n.text}`) && !!seen.add(`${n.exact}:${n.text}`)),
    urls: [...new Set(urls)],
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The first of the names a text mentions, as the name is listed: whole
 * words only, spaces matched loosely, any case except for exact names,
 * whose leading "the" may still be capitalised ("The Times").
 */
export function namedIn(text: string, names: CreditName[]): string | null {
  for (const n of names) {
    const body = escape(n.text).replace(/\s+/g, '\\s+');
    const pattern = n.exact ? body.replace(/^the\\s\+/, '[Tt]he\\s+') : body;
    if (new RegExp(`(?:^|[^\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, n.exact ? 'u' : 'iu').test(text)) return n.text;
  }
  return null;
}

const parse = (href: string): URL | undefined => {
  try {
    return new URL(href);
  } catch {
    return undefined;
  }
};

/** A host as credit compares it: lower case (URL does that), without "www.". */
const bareHost = (host: string) => host.toLowerCase().replace(/^www\./, '');

/** A path without its trailing slash, so "/a/" and "/a" are one page. */
const trimSlash = (path: string) => (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path);

/**
 * Whether a link leads to a source URL or below it: same scheme, host and
 * port, and the source's path is the link's path or a parent of it at a "/"
 * (a bare string prefix let https://ift.tt/ZktsESg.attacker.example/ credit
 * https://ift.tt/ZktsESg). A source with a query needs the same query.
 */
export function linksTo(link: URL, source: URL): boolean {
  if (link.protocol !== source.protocol || link.port !== source.port || bareHost(link.hostname) !== bareHost(source.hostname)) return false;
  if (source.search && link.search !== source.search) return false;
  const base = trimSlash(source.pathname);
  const path = trimSlash(link.pathname);
  return path === base || path.startsWith(base.endsWith('/') ? base : `${base}/`);
}

/** Whether a link is on a site (a bare host) or one of its subdomains. */
const onSite = (link: URL, host: string) => {
  const site = bareHost(host);
  const h = bareHost(link.hostname);
  return h === site || h.endsWith(`.${site}`);
};

/** The site of the first link that points at one of the targets (a source URL, see linksTo, or a bare host), as a reader would name it. */
export function linkedSite(hrefs: string[], urls: string[]): string | null {
  const targets = urls.map((t) => (t.includes('/') ? parse(t) : t)).filter((t): t is URL | string => t !== undefined);
  for (const href of hrefs) {
    const link = parse(href);
    if (link && targets.some((t) => (typeof t === 'string' ? onSite(link, t) : linksTo(link, t)))) return bareHost(link.hostname);
  }
  return null;
}
