import type { VersionMatch } from './corpus';

/**
 * Orders the versions of a passage, the likeliest original first: dated
 * versions earliest first, then the closest to the page.
 */
export function rankOriginal<T extends Pick<VersionMatch, 'docId' | 'meta' | 'score'>>(versions: T[]): T[] {
  return [...versions].sort((a, b) => {
    const da = a.meta.date ?? '9999';
    const db = b.meta.date ?? '9999';
    return da.localeCompare(db) || b.score - a.score || a.docId.localeCompare(b.docId);
  });
}
