import { defineConfig } from 'wxt';

// See README "Node version": WXT 0.20 is pinned because it supports Node 20.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  publicDir: 'assets/public',
  // The sources zip (for Firefox review) carries what builds the extension, not its tests or screenshots.
  zip: { excludeSources: ['tests/**', 'scripts/**', 'assets/screenshots/**', 'demo-output/**', 'test-results/**', '**/*.tmp.ts'] },
  manifest: ({ browser }) => ({
    name: 'Reprint',
    description: 'Highlights paragraphs that also appear in your corpus, and shows where they came from and what changed. Runs entirely on your device.',
    permissions: ['storage'],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'Reprint', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'reprint@reprint.example', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } }, gecko_android: { strict_min_version: '142.0' } } }
      : {}),
  }),
});
