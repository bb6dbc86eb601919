import type { DocumentMeta } from '../corpus/document';
import type { BlockMatch, VersionMatch } from '../match/matcher';

export const percent = (x: number) => `${Math.round(x * 100)}%`;

/** "Publisher · Author · 25 Feb 2022", leaving out what is unknown. */
export function byline(meta: DocumentMeta): string {
  const date = meta.date
    ? new Date(`${meta.date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
    : null;
  return [meta.publisher, meta.author, date].filter(Boolean).join(' · ');
}

export function version(match: BlockMatch, docId: string): VersionMatch {
  return match.versions.find((v) => v.docId === docId) ?? match.versions[0];
}
