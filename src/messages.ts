/**
 * Every message between content script, background and popup, named by
 * direction, with its reply type. One map, so a sender and its handler
 * cannot drift apart.
 */
import type { BlockMatch } from './match/matcher';
import type { Article } from './types';
import type { MatchKind } from './match/kinds';
import type { CreditEvidence } from './match/credit';

export interface CorpusStatus {
  documents: number;
  paragraphs: number;
  /** Corpus files that could not be read, with the reason. */
  problems: string[];
  /** Articles accepted but not yet searchable. */
  staged: number;
  /** Documents searchable but whose versions are still being grouped. */
  grouping: number;
  /** Live index segments, and whether a merge is under way. */
  segments: number;
  merging: boolean;
  /** Blocks of merged-away segments are still being deleted. */
  cleaning: boolean;
}

/** A document as listings show it. */
export interface DocumentSummary {
  id: string;
  title: string;
  publisher: string | null;
  author: string | null;
  url: string | null;
  date: string | null;
  collection: string;
  /** Milliseconds since the epoch. */
  added: number;
  paragraphs: number;
}

/** A page that is itself a corpus document: it is the original, never a copy. */
export interface OwnDocument {
  id: string;
  title: string;
  collection: string;
  /** Other corpus documents that carry its text: its copies. */
  copies: Array<{ id: string; title: string; publisher: string | null }>;
}

export interface ArticleIdentity {
  id: string;
  url: string | null;
  textHash: number;
}

/** A collection with its document count. Whether it is active is a setting (src/settings.ts). */
export interface CollectionSummary {
  name: string;
  documents: number;
}

/** One highlighted block, as the popup and the report list it. */
export interface HighlightSummary {
  /** The highlight's number in its frame's document; with `frameId`, unique in the tab. */
  id: number;
  /** The frame it is in, set when a tab's frames are merged (0, or absent: the top page). */
  frameId?: number;
  /** The block element's own id attribute, or ''. */
  elementId: string;
  kind: MatchKind;
  source: string;
  sourceTitle: string;
  sourcePublisher: string | null;
  original: string;
  originalTitle: string;
  originalPublisher: string | null;
  /** The documents' own addresses, where known: for "Open original". */
  sourceUrl: string | null;
  originalUrl: string | null;
  /** Only the block's first part was matched: it is longer than matching reads. */
  truncated: boolean;
  /** The provenance claim, as evidence supports it. */
  statement: string;
  credited: boolean;
  /** How the page credits the passage; null where no credit was found. */
  credit: CreditEvidence | null;
  score: number;
  coverage: number;
  excerpt: string;
}

export interface PageSummary {
  /** Share of the page's scanned text that is reprinted. */
  share: number;
  kinds: Record<MatchKind, number>;
  credited: number;
  uncredited: number;
  /** Highlights per source document; `publisher` is its manifest publisher (absent from older reports). */
  sources: Array<{ docId: string; title: string; publisher?: string | null; count: number }>;
  /** Versions with known dates, earliest first. */
  timeline: Array<{ docId: string; title: string; date: string }>;
  /** Versions without a date, by document id (ids, so that frames' summaries merge without counting one twice). */
  undated: string[];
}

export interface PageReport {
  items: HighlightSummary[];
  summary: PageSummary;
  /** Blocks scanned so far, and scan passes finished (0 while the first is under way). */
  scanned: number;
  passes: number;
  /** Characters of text scanned: the weight of this page's share when frames are merged. */
  scannedChars: number;
  /** The page's title and address, as the tab shows them. */
  title: string;
  url: string;
  /** Reprint is paused here (on this site, or everywhere): nothing is scanned. */
  paused: boolean;
  /** The page is this corpus document: nothing on it is marked as a copy. */
  own: OwnDocument | null;
}

export interface ContentToBackground {
  /** Match block texts against the corpus; one answer per text, null where nothing matched. */
  'content/scan': { request: { texts: string[] }; response: Array<BlockMatch | null> };
  /** The corpus document this page is, by its address or canonical address, with the other documents that carry its text. */
  'content/own': { request: { urls: string[] }; response: OwnDocument | null };
  /**
   * The frame's highlight count and blocks scanned so far, after each scan pass: the badge (the sum over the
   * tab's frames) and open reports follow it. `page` tells the top document it belongs to (its time origin),
   * so a late message from a page the tab has left is not counted.
   */
  'content/highlights': { request: { count: number; scanned: number; paused: boolean; page: number }; response: void };
}

export interface PopupToBackground {
  'popup/status': { request: Record<string, never>; response: CorpusStatus };
  /** The frames of a tab's page that run Reprint (0 is the top page), to ask each for its report. */
  'popup/frames': { request: { tabId: number }; response: number[] };
  /** "Check the selected text": the selection the page's context menu handed over (once), and its match. */
  'popup/check': { request: Record<string, never>; response: { text: string; match: BlockMatch | null } | null };
}

/**
 * The import API, for the options page, the bench and the tests: articles
 * go in batches; each batch is stored before the reply, and indexed in the
 * background in steps that survive the worker being stopped.
 */
export interface PageToBackground {
  'corpus/import': { request: { articles: Article[] }; response: { staged: number } };
  'corpus/delete': { request: { ids: string[] }; response: { deleted: number } };
  'corpus/documents': { request: Record<string, never>; response: DocumentSummary[] };
  'corpus/status': { request: Record<string, never>; response: CorpusStatus };
  /** Whole articles (text, metadata, collection): of one collection, or all; for export and for undoing a delete. */
  'corpus/articles': { request: { collection?: string }; response: Article[] };
  'corpus/collections': { request: Record<string, never>; response: CollectionSummary[] };
  'corpus/rename-collection': { request: { from: string; to: string }; response: { moved: number } };
  /** Documents whose title or text holds the query (case-insensitive), at most `limit`. */
  'corpus/search': { request: { query: string; limit: number }; response: DocumentSummary[] };
  'corpus/article': { request: { id: string }; response: Article | null };
  /**
   * Articles about to be imported that the corpus already holds (the same id,
   * URL or text): for each, its index in the request and the stored article's id.
   */
  'corpus/duplicates': { request: { keys: ArticleIdentity[] }; response: Array<[index: number, id: string]> };
  /** Stages the bundled seeds again as the Demo collection, after the reader deleted it. */
  'corpus/restore-demo': { request: Record<string, never>; response: { staged: number } };
}

/** From the extension's own pages (popup, report) to a tab's content script. */
export interface ExtensionToContent {
  'tab/report': { request: Record<string, never>; response: PageReport };
  'tab/reveal': { request: { id: number }; response: boolean };
  /** Opens the comparison of highlight `id` in the page, as its tooltip's Compare does; false when it has no such highlight. */
  'tab/compare': { request: { id: number }; response: boolean };
  /** The page's HTML and address, for "Add this page": read as an .html import is. */
  'tab/page-html': { request: Record<string, never>; response: { html: string; url: string } };
  /** Scan the page again from the start (it was just added to the corpus). */
  'tab/recheck': { request: Record<string, never>; response: boolean };
}

type AllMessages = ContentToBackground & PopupToBackground & ExtensionToContent & PageToBackground;
export type MessageType = keyof AllMessages;
export type Request<T extends MessageType> = AllMessages[T]['request'];
export type Response<T extends MessageType> = AllMessages[T]['response'];
export type Message<T extends MessageType = MessageType> = { type: T } & Request<T>;

/** Who sent a message: its tab and frame (0 is the top page), as the browser tells. */
export interface Sender {
  tab?: { id?: number };
  frameId?: number;
}

export type Handlers<M> = {
  [T in keyof M & MessageType]: (request: Request<T>, sender: Sender) => Response<T> | Promise<Response<T>>;
};

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * An onMessage listener dispatching to typed handlers. Messages for other
 * listeners get undefined, so they stay free to answer.
 */
export function dispatcher<M>(handlers: Handlers<M>) {
  return (message: unknown, sender: Sender): Promise<unknown> | undefined => {
    if (!isMessage(message) || !(message.type in handlers)) return undefined;
    const handler = handlers[message.type as keyof Handlers<M>] as (r: unknown, s: typeof sender) => unknown;
    return Promise.resolve(handler(message, sender));
  };
}

// Typed senders: a message of the map in, a promise of its handler's reply out.
// Imports are hoisted, so this one can sit with the code that uses it.
import { browser } from 'wxt/browser';

type ToBackground = ContentToBackground & PopupToBackground & PageToBackground;

/** A message as sent: its type and its request's fields (none for an empty request). */
export type Outgoing<T extends MessageType> = { type: T } & (Request<T> extends Record<string, never> ? unknown : Request<T>);

/** Sends a message from a content script or the popup to the background. */
export function sendToBackground<T extends keyof ToBackground & MessageType>(message: Outgoing<T>): Promise<Response<T>> {
  return browser.runtime.sendMessage(message) as Promise<Response<T>>;
}

/**
 * Sends a message from an extension page (popup, report) to a tab's content
 * script: the top page's unless `frameId` names a frame, or to every frame
 * (the first answer wins) when it is null. Sent to a tab without a frame id,
 * a frame might answer for the page.
 */
export function sendToTab<T extends keyof ExtensionToContent & MessageType>(
  tabId: number,
  message: Outgoing<T>,
  frameId: number | null = 0,
): Promise<Response<T>> {
  return (frameId === null ? browser.tabs.sendMessage(tabId, message) : browser.tabs.sendMessage(tabId, message, { frameId })) as Promise<Response<T>>;
}
