/**
 * Size and count limits of the file readers, each with its reason. Every
 * limit is checked on the byte count before anything is decoded, so a file
 * over it costs nothing but the check.
 */
import { MAX_DOCUMENT_CHARS } from '../corpus/document';

const MB = 1024 * 1024;

/**
 * A .txt or .md file: the corpus accepts documents up to MAX_DOCUMENT_CHARS
 * (2,000,000) UTF-16 code units, and UTF-8 spends at most 3 bytes per code
 * unit (4 bytes for a surrogate pair, which is 2 units), so 6,000,000 bytes
 * holds every document the corpus would accept and nothing much larger.
 */
export const MAX_TEXT_BYTES = 3 * MAX_DOCUMENT_CHARS;

/**
 * An HTML page: saved news pages weigh 0.5–5 MB with their inline scripts,
 * styles and JSON state; 20 MB leaves room for the heaviest. linkedom's DOM
 * takes roughly ten times the source, so 20 MB keeps a worker's peak near
 * 200 MB.
 */
export const MAX_HTML_BYTES = 20 * MB;

/**
 * A JSON, JSONL or feed file, which holds many articles: 32 MB is some 6,000
 * articles of 5 KB. JSON.parse holds the text (up to 64 MB as UTF-16) and its
 * objects at once; larger sets should come as a zip, whose entries are
 * limited one by one.
 */
export const MAX_LIST_BYTES = 32 * MB;

/**
 * A zip: the sum of its entries' uncompressed sizes. 200 MB is about 40,000
 * articles of 5 KB — a large personal corpus — and what a Web Worker can hold
 * while the entries are decoded. The central directory's sizes are checked
 * before any entry is inflated, and the inflated bytes are counted as they
 * come, so an archive that lies about its sizes is stopped at the lie.
 */
export const MAX_ZIP_TOTAL_BYTES = 200 * MB;

/** The zip file itself: it cannot usefully be larger than what it may unpack to. */
export const MAX_ZIP_BYTES = MAX_ZIP_TOTAL_BYTES;

/**
 * Entries in one zip: 20,000 files at 10 KB each (text and metadata) fill
 * the 200 MB total, so more entries than that can only be tiny or empty; the
 * cap also keeps the central directory walk and the problem list small.
 */
export const MAX_ZIP_ENTRIES = 20_000;

/**
 * Compressed bytes handed to the inflater at a time. DEFLATE expands at most
 * 1,032 : 1, so one push yields at most ~4 MB: the most a lying entry can
 * allocate before its count goes over.
 */
export const INFLATE_CHUNK_BYTES = 4 * 1024;

/**
 * An HTML page whose article has fewer words than this is not an article: a
 * news brief has 40 words or more, while a navigation or login page that
 * Readability still returns has a handful.
 */
export const MIN_ARTICLE_WORDS = 20;

/**
 * A block of a page is article text only when less than half of its text is
 * link text: menus, tag lists and "read more" rows are mostly links.
 */
export const MAX_LINK_SHARE = 0.5;

/** Elements of JSON-LD visited per page, so a hostile @graph cannot make metadata reading slow. */
export const MAX_JSONLD_NODES = 10_000;
