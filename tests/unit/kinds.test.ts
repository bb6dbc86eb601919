import { describe, expect, it } from 'vitest';
import { alignBlock, classify } from '../../src/match/align';
import { replacedShare } from '../../src/match/replaced';

const SOURCE = 'The officials said they do not expect the talks to resume before the spring, according to three people familiar with them.';
const paragraph = (text: string, key = 1) => ({ key, docId: `doc-${key}`, index: 0, text });

describe('kinds follow what changed', () => {
  it('calls one contraction and one typo in a short sentence an edit, not a rewording', () => {
    const page = "The officials said they don't expect the talks to resume befor the spring, according to three people familiar with them.";
    expect(classify(page, SOURCE)).toBe('edited');
  });

  it('calls a sentence whose content words were replaced a rewording', () => {
    const spun = 'The authorities stated they do not anticipate the negotiations restarting ahead of spring, per three sources acquainted with them.';
    expect(replacedShare(spun, SOURCE)).toBeGreaterThan(0.3);
    expect(classify(spun, SOURCE)).toBe('reworded');
  });

  it('does not count a dropped clause as replaced words', () => {
    expect(replacedShare('The officials said they do not expect the talks to resume before the spring.', SOURCE)).toBe(0);
  });

  it('calls a verbatim half sentence inside new writing a verbatim, partial copy', () => {
    const source = paragraph(
      'Senior Chinese officials told senior Russian officials in early February not to invade Ukraine before the end of the Beijing Winter Olympics.',
    );
    const page =
      'Diplomats in Brussels, speaking on Monday, insisted that “Senior Chinese officials told senior Russian officials in early February” nothing of the kind.';
    const [a] = alignBlock(page, [source], undefined, undefined, () => [
      {
        pageStart: page.indexOf('Senior'),
        pageEnd: page.indexOf('”'),
        sourceStart: 0,
        sourceEnd: source.text.indexOf(' not'),
        words: 9,
      },
    ]);
    expect(a.kind).toBe('verbatim');
    expect(a.coverage).toBeLessThan(0.6);
  });

  it('calls a copy with one added sentence edited, and one inside new writing verbatim', () => {
    const source = paragraph(
      'Russian forces launched a full-scale invasion of Ukraine, unleashing air strikes and sending troops deep into the country. Weeks of diplomacy had failed to deter the Kremlin from the operation.',
    );
    const added = `${source.text} The first explosions were heard in Kyiv shortly before dawn.`;
    expect(alignBlock(added, [source])[0].kind).toBe('edited');
    const quoted = `Nobody in the capital expected what came next. ${source.text} Markets fell sharply on the news the next morning. Analysts said the fall would last for weeks.`;
    expect(alignBlock(quoted, [source])[0].kind).toBe('verbatim');
  });
});
