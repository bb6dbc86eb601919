/**
 * Characters of a text that matching reads; the rest is left unmatched and
 * the answer says so. A 150 KB token once blocked the worker for 25 s, and no
 * paragraph of an article comes near 20,000 characters. A leaf module: the
 * content script needs the number, not the matcher (or the Public Suffix
 * List the matcher's site lookup brings, 100 KB).
 */
export const MAX_BLOCK_CHARS = 20_000;
