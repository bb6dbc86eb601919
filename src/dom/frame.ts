/**
 * Which documents Reprint reads: the top page, and frames of the same
 * origin as the top page (an article body or a live blog in an `<iframe>`).
 * Cross-origin frames (ads, embeds, another site's widgets) are left alone:
 * the content script runs in every frame, and returns at once in those.
 */

/** Whether this document is the top page or a frame of its origin. */
export function isReadableFrame(): boolean {
  if (window === window.top) return true;
  try {
    // Reading a cross-origin window's location throws: such a frame is not the page's.
    return window.top!.location.origin === location.origin;
  } catch {
    return false;
  }
}

/**
 * The top document's identity, the same in each of its frames: its time
 * origin. A frame's message about an earlier page of the tab has an
 * earlier one.
 */
export function topDocumentKey(): number {
  try {
    return window.top!.performance.timeOrigin;
  } catch {
    return performance.timeOrigin;
  }
}
