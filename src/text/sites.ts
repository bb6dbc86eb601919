import { getDomain } from 'tldts';

/**
 * Link shorteners and feed redirectors: an address on one of these says
 * nothing about the publisher's site (the seeds' ZeroHedge article is
 * filed under https://ift.tt/…), so no site is derived from it.
 */
const REDIRECTORS = new Set([
  'ift.tt',
  'bit.ly',
  't.co',
  'tinyurl.com',
  'ow.ly',
  'buff.ly',
  'goo.gl',
  'dlvr.it',
  'trib.al',
  'lnkd.in',
  'fb.me',
  'shorturl.at',
  'rebrand.ly',
  'feedproxy.google.com',
  'feeds.feedburner.com',
  'news.google.com',
]);

/**
 * The registrable domain of an article's address ("bbc.co.uk" for
 * https://news.bbc.co.uk/…), by the Public Suffix List through `tldts`: a
 * hand-written "last two labels" rule gets every country-code second level
 * (co.uk, com.au) wrong. Null for a redirector, an IP address or no address.
 * Used in the background only: the list is 138 KB, and the content script
 * needs just the answer, which travels with each match.
 */
export function siteOf(url: string | null | undefined): string | null {
  if (!url) return null;
  const known = sites.get(url);
  if (known !== undefined) return known;
  if (sites.size >= CACHE_SIZE) sites.clear();
  const site = lookup(url);
  sites.set(url, site);
  return site;
}

/** Addresses already looked up: every match of a page names its versions' sites, mostly the same few. */
const sites = new Map<string, string | null>();
const CACHE_SIZE = 4096;

function lookup(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  if (REDIRECTORS.has(host.replace(/^www\./, ''))) return null;
  const domain = getDomain(host, { allowPrivateDomains: false });
  return domain && !REDIRECTORS.has(domain) ? domain : null;
}
