import { startReprint } from '../src/ui/page';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    // Extension reloaded or updated: take our highlights and UI off the page.
    ctx.onInvalidated(startReprint(ctx));
  },
});
