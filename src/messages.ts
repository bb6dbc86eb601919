/**
 * Every message between content script, background and popup, named by
 * direction, with its reply type. One map, so a sender and its handler
 * cannot drift apart.
 */
import type { BlockMatch } from './match/corpus';
import type { MatchKind } from './match/kinds';

export interface CorpusStatus {
  documents: number;
  paragraphs: number;
  /** Corpus files that could not be read, with the reason. */
  problems: string[];
}

/** One highlighted block, as the toolbar popup lists it. */
export interface HighlightSummary {
  id: number;
  kind: MatchKind;
  source: string;
  sourceTitle: string;
  original: string;
  /** The provenance claim, as evidence supports it. */
  statement: string;
  credited: boolean;
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
  sources: Array<{ docId: string; title: string; count: number }>;
  /** Versions with known dates, earliest first. */
  timeline: Array<{ docId: string; title: string; date: string }>;
  undated: number;
}

export interface PageReport {
  items: HighlightSummary[];
  summary: PageSummary;
}

export interface ContentToBackground {
  /** Match block texts against the corpus; one answer per text, null where nothing matched. */
  'content/scan': { request: { texts: string[] }; response: Array<BlockMatch | null> };
  /** The number of highlighted blocks in the sender's tab, for the badge. */
  'content/highlights': { request: { count: number }; response: void };
}

export interface PopupToBackground {
  'popup/status': { request: Record<string, never>; response: CorpusStatus };
}

export interface PopupToContent {
  'popup/page': { request: Record<string, never>; response: PageReport };
  'popup/reveal': { request: { id: number }; response: boolean };
}

type AllMessages = ContentToBackground & PopupToBackground & PopupToContent;
export type MessageType = keyof AllMessages;
export type Request<T extends MessageType> = AllMessages[T]['request'];
export type Response<T extends MessageType> = AllMessages[T]['response'];
export type Message<T extends MessageType = MessageType> = { type: T } & Request<T>;

export type Handlers<M> = {
  [T in keyof M & MessageType]: (
    request: Request<T>,
    sender: { tab?: { id?: number } },
  ) => Response<T> | Promise<Response<T>>;
};

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * An onMessage listener dispatching to typed handlers. Messages for other
 * listeners get undefined, so they stay free to answer.
 */
export function dispatcher<M>(handlers: Handlers<M>) {
  return (message: unknown, sender: { tab?: { id?: number } }): Promise<unknown> | undefined => {
    if (!isMessage(message) || !(message.type in handlers)) return undefined;
    const handler = handlers[message.type as keyof Handlers<M>] as (r: unknown, s: typeof sender) => unknown;
    return Promise.resolve(handler(message, sender));
  };
}
