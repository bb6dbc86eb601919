import type { Tracked } from '../dom/highlighter';
import type { HighlightSummary } from '../messages';
import { version } from './describe';

const EXCERPT_CHARS = 140;

export function summarize({ id, block, match }: Tracked): HighlightSummary {
  const text = block.text;
  return {
    id,
    kind: match.kind,
    source: match.source,
    sourceTitle: version(match, match.source).meta.title,
    original: match.original,
    score: match.score,
    coverage: match.coverage,
    excerpt: text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS).trimEnd()}…` : text,
  };
}
