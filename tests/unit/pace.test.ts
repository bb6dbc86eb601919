import { describe, expect, it } from 'vitest';
import { DEFAULT_PACE, nextPace, STEP_TARGET_MS } from '../../src/storage/pace';

describe('the pace of background steps', () => {
  it('shrinks a step that took too long, and grows one that was quick, by at most half or double', () => {
    expect(nextPace(DEFAULT_PACE, 'merge', STEP_TARGET_MS.merge * 10).merge).toBe(DEFAULT_PACE.merge / 2);
    expect(nextPace(DEFAULT_PACE, 'merge', STEP_TARGET_MS.merge / 10).merge).toBe(DEFAULT_PACE.merge * 2);
    expect(nextPace(DEFAULT_PACE, 'merge', STEP_TARGET_MS.merge * 1.25).merge).toBe(Math.round((DEFAULT_PACE.merge * 4) / 5));
    expect(nextPace(DEFAULT_PACE, 'merge', STEP_TARGET_MS.merge).merge).toBe(DEFAULT_PACE.merge);
  });

  it('aims cleaning steps shorter than merges: a reader waits behind them and nothing waits for them', () => {
    expect(nextPace(DEFAULT_PACE, 'clean', STEP_TARGET_MS.merge).clean).toBeLessThan(DEFAULT_PACE.clean);
    expect(nextPace(DEFAULT_PACE, 'clean', STEP_TARGET_MS.clean).clean).toBe(DEFAULT_PACE.clean);
  });

  it('changes only the kind of step that was measured', () => {
    const p = nextPace(DEFAULT_PACE, 'group', 1000);
    expect(p).toEqual({ ...DEFAULT_PACE, group: DEFAULT_PACE.group / 2 });
  });

  it('always does something, and never the whole index at once', () => {
    let p = DEFAULT_PACE;
    for (let i = 0; i < 40; i++) p = nextPace(nextPace(nextPace(p, 'merge', 1e6), 'clean', 1e6), 'group', 1e6);
    expect(p).toEqual({ merge: 8, clean: 1, group: 1 });
    for (let i = 0; i < 40; i++) p = nextPace(nextPace(nextPace(p, 'merge', 0), 'clean', 0), 'group', 0);
    expect(p).toEqual({ merge: 2048, clean: 1024, group: 200 });
  });
});
