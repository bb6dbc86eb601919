import type { DocumentMeta } from '../corpus/document';
import type { CreditEvidence } from '../match/credit';
import { field, h } from './dom';
import type { BlockMatch, VersionMatch } from '../match/matcher';
import { creditWords, LOCALE, OPEN_ORIGINAL, PARTIAL, quotedTitle, shortId } from './words';

export const percent = (x: number) => `${Math.round(x * 100)}%`;

/** Below this coverage a copy is partial: new text around it. */
export const PARTIAL_BELOW = 0.95;
/** "partial: 45% of this paragraph", or nothing for a whole copy. */
export const partial = (coverage: number, of = PARTIAL.ofParagraph) => (coverage < PARTIAL_BELOW ? PARTIAL.share(percent(coverage), of) : '');

/** Publisher, author and "25 Feb 2022", leaving out what is unknown: each a separate field, to be isolated. */
export function bylineParts(meta: DocumentMeta): string[] {
  const day = meta.date ? new Date(`${meta.date}T00:00:00Z`) : null;
  const date =
    day && !Number.isNaN(day.getTime()) ? day.toLocaleDateString(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }) : meta.date;
  return [meta.publisher, meta.author, date].filter((x): x is string => !!x);
}

/** "Publisher · Author · 25 Feb 2022", for plain-text uses (titles, downloads). */
export const byline = (meta: DocumentMeta): string => bylineParts(meta).join(' · ');

export function version(match: BlockMatch, docId: string): VersionMatch {
  return match.versions.find((v) => v.docId === docId) ?? match.versions[0];
}

/** How a reader knows one of a match's documents: its publisher, or its title in quotation marks; an id only when neither is known. */
export function nameOf(match: BlockMatch): (docId: string) => string {
  return (docId) => {
    const meta = match.versions.find((v) => v.docId === docId)?.meta;
    return meta?.publisher ?? (meta?.title ? quotedTitle(meta.title) : shortId(docId));
  };
}

/** The credit check as a reader sees it: the evidence, with the name or site isolated, or a neutral "No credit found nearby". */
export function creditView(credit: CreditEvidence | null): HTMLElement {
  const [before, subject, after] = creditWords(credit);
  return h('span', { class: 'credit', 'data-credited': String(credit !== null) }, before, subject ? field(subject) : null, after);
}

/** An address a link may open: http or https only, never `javascript:` or `data:` from a corpus file. */
function safeAddress(url: string | null | undefined): URL | null {
  try {
    const u = url ? new URL(url) : null;
    return u && (u.protocol === 'https:' || u.protocol === 'http:') ? u : null;
  } catch {
    return null;
  }
}

/**
 * "Open original (nytimes.com)": the document's own address, in a new tab
 * that cannot reach back to this one (`noopener`) or learn where the click
 * came from (`noreferrer`). The domain is shown so a reader knows where the
 * link goes before following it. Null where no usable address is known.
 */
export function openOriginal(address: string | null | undefined, label = OPEN_ORIGINAL): HTMLElement | null {
  const url = safeAddress(address);
  if (!url) return null;
  return h(
    'a',
    { class: 'open-original', href: url.href, target: '_blank', rel: 'noopener noreferrer' },
    `${label} (`,
    field(url.hostname.replace(/^www\./, '')),
    ')',
  );
}
