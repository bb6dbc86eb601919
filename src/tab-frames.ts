/**
 * A tab's frames, as the background counts their highlights: each frame's
 * count, keyed by its frame id, for the page now in the tab. The badge
 * shows their sum. Kept in session storage, not in the worker's globals:
 * an MV3 worker (Chrome) or event page (Firefox) stops when idle and
 * forgets them.
 */
import { storage } from '@wxt-dev/storage';

export interface FrameState {
  count: number;
  paused: boolean;
}

/** The page in a tab (its top document's time origin) and its frames. */
interface TabFrames {
  page: number;
  frames: Record<string, FrameState>;
}

const key = (tabId: number) => `session:frames:${tabId}` as const;

/** Frames report at once: each read-and-write waits for the one before, or one frame's count would overwrite another's. */
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

/**
 * Records a frame's count and returns the tab's: the sum over its frames,
 * paused when the top page is. A count for an earlier page of the tab is
 * ignored; one for a later page starts the tab's frames afresh.
 */
export function recordFrame(tabId: number, frameId: number, page: number, state: FrameState): Promise<FrameState> {
  return serial(async () => {
    let tab = (await storage.getItem<TabFrames>(key(tabId))) ?? { page, frames: {} };
    if (page > tab.page) tab = { page, frames: {} };
    if (page === tab.page) {
      tab.frames[frameId] = state;
      await storage.setItem(key(tabId), tab);
    }
    const frames = Object.values(tab.frames);
    return { count: frames.reduce((sum, f) => sum + f.count, 0), paused: (tab.frames[0] ?? frames[0])?.paused ?? false };
  });
}

/** The frames of the tab's page that reported, top page first; [0] when none has yet. */
export async function tabFrames(tabId: number): Promise<number[]> {
  const tab = await storage.getItem<TabFrames>(key(tabId));
  const ids = Object.keys(tab?.frames ?? {}).map(Number);
  return [0, ...ids.filter((id) => id !== 0).sort((a, b) => a - b)];
}

/** Forgets a closed tab. */
export const forgetTab = (tabId: number): Promise<void> => serial(() => storage.removeItem(key(tabId)));
