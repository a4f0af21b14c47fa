/** Resolves in a new macrotask, so queued input, rendering and other work can run first. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, 0));
}

/**
 * Resolves after the next frame is painted (or after `fallbackMs` in a hidden page, where no
 * frames are painted): work that can wait starts after what is already on its way to the screen.
 */
export function afterNextPaint(fallbackMs = 100): Promise<void> {
  return new Promise(resolve => {
    const timer = setTimeout(resolve, fallbackMs);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
