/** Resolves in a new macrotask, so queued input, rendering and other work can run first. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, 0));
}
