import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';

/** The bundled corpus as one packaged data file: the worker reads it at install or update, instead of carrying it in its code. */
function seedsJson(): string {
  const files = readdirSync('seeds')
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(`seeds/${name}`, 'utf8') }));
  return JSON.stringify({ files, manifest: JSON.parse(readFileSync('seeds/manifest.json', 'utf8')) });
}

// See README "Node version": WXT 0.20 is pinned because it supports Node 20.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  publicDir: 'assets/public',
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: 'seeds.json', contents: seedsJson() });
    },
  },
  // The sources zip (for Firefox review) carries what builds the extension, not its tests or screenshots.
  zip: { excludeSources: ['tests/**', 'scripts/**', 'assets/screenshots/**', 'demo-output/**', 'test-results/**', '**/*.tmp.ts'] },
  manifest: ({ browser }) => ({
    name: 'Reprint',
    description: 'Highlights paragraphs that also appear in your corpus, and shows where they came from and what changed. Runs entirely on your device.',
    // storage: settings; contextMenus: "Add this page to Reprint" on a page's menu.
    permissions: ['storage', 'contextMenus'],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'Reprint', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    commands: {
      // src/settings.ts TOGGLE_PAUSE
      'toggle-pause': { suggested_key: { default: 'Alt+Shift+P' }, description: 'Pause or resume Reprint on every site' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'reprint@reprint.example', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
