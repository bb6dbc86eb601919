import { describe, expect, it } from 'vitest';
import { changedShare, wordDiff } from '../../src/diff/wordDiff';

describe('wordDiff', () => {
  it('marks words only in the source as del and words only on the page as ins', () => {
    const parts = wordDiff('In a half-dozen meetings, officials said.', 'In several meetings, officials said.');
    expect(
      parts
        .filter((p) => p.op === 'del')
        .map((p) => p.text.trim())
        .join(' '),
    ).toContain('half');
    expect(parts.filter((p) => p.op === 'ins').map((p) => p.text.trim())).toEqual(['several']);
    expect(parts.map((p) => (p.op === 'del' ? '' : p.text)).join('')).toBe('In several meetings, officials said.');
  });

  it('shows a disguised copy as unchanged, keeping the page’s characters', () => {
    const page = 'Сhinese оfficials\u200B said';
    const parts = wordDiff('Chinese officials said', page);
    expect(parts).toEqual([{ op: 'same', text: page }]);
    expect(changedShare(parts)).toBe(0);
  });

  it('counts the share of changed words', () => {
    expect(changedShare(wordDiff('a b c d', 'a b x d'))).toBeCloseTo(2 / 8);
  });
});
