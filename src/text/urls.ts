/**
 * One article's address is written many ways: http or https, with or
 * without `www.`, a trailing slash, a fragment, or a newsletter's utm_
 * parameters. These say when two addresses name the same page.
 */

/** Query parameters that track a click rather than name a page. */
const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|smid|ocid|cmpid|sr_share|ref_src)$/i;

interface Parts {
  host: string;
  port: string;
  path: string;
  /** The query as written, and without tracking parameters. */
  query: string;
  cleanQuery: string;
}

function parts(raw: string): Parts | undefined {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  const kept = [...u.searchParams].filter(([k]) => !TRACKING.test(k));
  return {
    host: u.hostname.replace(/^www\./, ''),
    port: u.port ? `:${u.port}` : '',
    path: u.pathname.replace(/\/+$/, ''),
    query: u.search,
    cleanQuery: kept.length ? `?${new URLSearchParams(kept).toString()}` : '',
  };
}

/**
 * The key two addresses of one page share: no scheme, no `www.`, no
 * trailing slash, fragment or tracking parameters, the rest of the query
 * sorted. Undefined for what is not an http(s) URL.
 */
export function urlKey(raw: string): string | undefined {
  const p = parts(raw);
  if (!p) return undefined;
  const query = p.cleanQuery
    ? `?${[...new URLSearchParams(p.cleanQuery.slice(1))]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => `${k}=${v}`)
        .join('&')}`
    : '';
  return `${p.host}${p.port}${p.path || '/'}${query}`;
}

/**
 * The addresses a stored article may carry for this page, to look up
 * exactly: the page's own first, then at most 16 more (scheme × www ×
 * trailing slash × tracking parameters), so a lookup stays a handful of
 * index reads.
 */
export function urlVariants(raw: string): string[] {
  const p = parts(raw);
  if (!p) return raw ? [raw] : [];
  const out = new Set([raw]);
  for (const scheme of ['https://', 'http://'])
    for (const host of [p.host, `www.${p.host}`])
      for (const path of p.path ? [p.path, `${p.path}/`] : ['/', ''])
        for (const query of [p.query, p.cleanQuery]) out.add(`${scheme}${host}${p.port}${path}${query}`);
  return [...out];
}
