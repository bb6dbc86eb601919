import { describe, expect, it } from 'vitest';
import { isControl, splitControls } from '../../src/text/controls';

describe('splitControls', () => {
  it('sets each invisible character apart, with its code point', () => {
    expect(splitControls('ab\u200Bc\u202E\u2066d')).toEqual([
      { text: 'ab' },
      { text: '\u200B', control: 0x200b },
      { text: 'c' },
      { text: '\u202E', control: 0x202e },
      { text: '\u2066', control: 0x2066 },
      { text: 'd' },
    ]);
  });

  it('covers zero-width, direction, isolate, word-joiner, BOM, soft hyphen and Arabic letter mark characters, and other format characters', () => {
    const listed = [
      0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2060, 0x2064, 0x2065, 0x2066, 0x2069, 0xfeff, 0xad, 0x61c,
    ];
    const otherCf = [0x600, 0x180e, 0xfff9, 0x110bd, 0xe0001, 0xe0041];
    for (const c of [...listed, ...otherCf]) expect(isControl(c), c.toString(16)).toBe(true);
    for (const c of [0x20, 0x61, 0x301, 0x5d0, 0x627, 0x4e2d, 0x1f600, 0x1d400, 0xa0, 0x2028]) expect(isControl(c), c.toString(16)).toBe(false);
  });

  it('keeps astral format characters whole, and ordinary text in one run', () => {
    expect(splitControls('x\u{E0041}y')).toEqual([{ text: 'x' }, { text: '\u{E0041}', control: 0xe0041 }, { text: 'y' }]);
    expect(splitControls('שלום 😀 e\u0301')).toEqual([{ text: 'שלום 😀 e\u0301' }]);
    expect(splitControls('')).toEqual([]);
  });
});
