/** Resolves in a new macrotask, so queued input, rendering and other work can run first. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, 0));
}

/**
 * Resolves after the next frame is painted (or after `fallbackMs` in a hidden page, where no
 * frames are painted): work that can wait starts after what is already on its way to the screen.
 * Rejects, with its timers and frame cancelled, when `signal` aborts.
 */
export function afterNextPaint(fallbackMs = 100, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    let later: ReturnType<typeof setTimeout> | undefined;
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      clearTimeout(later);
      cancelAnimationFrame(frame);
      signal?.removeEventListener('abort', abort);
      settle();
    };
    const abort = () => finish(() => reject(signal!.reason));
    const timer = setTimeout(() => finish(resolve), fallbackMs);
    const frame = requestAnimationFrame(() => (later = setTimeout(() => finish(resolve), 0)));
    if (signal?.aborted) abort();
    else signal?.addEventListener('abort', abort, { once: true });
  });
}

/** Runs `task` when the page is idle (within a second; Safari has no idle callbacks). Returns what cancels it. */
export function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 1000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(task, 50);
  return () => clearTimeout(timer);
}
