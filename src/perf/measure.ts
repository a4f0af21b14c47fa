/**
 * User Timing measures named `case-picker:<name>`: visible in DevTools' performance panel, read
 * by the benchmark, and documented in the README (a public way to see what the picker did).
 */
export function measure<T>(name: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    performance.measure(`case-picker:${name}`, { start, end: performance.now() });
  }
}

/** `measure` for async work: the measure spans until the promise settles. */
export async function measureAsync<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await fn();
  } finally {
    performance.measure(`case-picker:${name}`, { start, end: performance.now() });
  }
}
