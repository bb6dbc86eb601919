import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm start without a display', () => {
  it('says in one line that it needs a desktop, and how to do without one, before building anything', () => {
    const env = { ...process.env };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const run = spawnSync('npx', ['tsx', 'scripts/demo.ts', '--headed'], { env, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/needs a desktop/);
    expect(lines[0]).toMatch(/xvfb-run/);
    expect(lines[0]).toMatch(/npm run demo/);
    // Nothing was built: the check comes first.
    expect(run.stdout).not.toMatch(/wxt|Built extension/i);
  });
});
