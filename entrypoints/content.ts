import { isReadableFrame } from '../src/dom/frame';
import { startReprint } from '../src/ui/page';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // Frames of the page's own origin hold article text too (a story body, a live blog); others are left alone.
  allFrames: true,
  main(ctx) {
    if (!isReadableFrame()) return;
    // Extension reloaded or updated: take our highlights and UI off the page.
    ctx.onInvalidated(startReprint(ctx));
  },
});
