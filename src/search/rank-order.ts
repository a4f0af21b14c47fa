// Ordering helpers of the search index: binary search over the sorted vocabulary, the packed
// sort by tier and score, and moving outdated items after current ones.

/** Position of the first entry of `sorted` that is not less than `value`. */
export function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index and score ranges packed into one sort key (exact in a double: 1 + 28 + 20 bits). */
const INDEX_RANGE = 2 ** 20;
const SCORE_SCALE = 1e4;
const SCORE_LIMIT = 1e4;

/**
 * Sorts candidates in place by tier, then score (highest first, to 1/10,000), then framework
 * order: each becomes one number and a native numeric sort orders them (thousands of
 * candidates on short queries; a comparator sort was the largest cost of a search).
 */
export function sortByTierAndScore(list: number[], tier: Int8Array, score: Float64Array): void {
  if (tier.length > INDEX_RANGE) {
    list.sort((a, b) => tier[a] - tier[b] || score[b] - score[a] || a - b);
    return;
  }
  const keys = new Float64Array(list.length);
  for (let k = 0; k < list.length; k++) {
    const i = list[k];
    const rank = Math.round((SCORE_LIMIT - Math.max(-SCORE_LIMIT, Math.min(SCORE_LIMIT, score[i]))) * SCORE_SCALE);
    keys[k] = ((tier[i] & 1) * 2 ** 28 + rank) * INDEX_RANGE + i;
  }
  keys.sort();
  for (let k = 0; k < list.length; k++) list[k] = keys[k] % INDEX_RANGE;
}

/** Moves outdated items after the current ones of their tier, keeping each group's order (one pass). */
export function demote(ranked: number[], tier: Int8Array, outdated: Uint8Array | undefined): number[] {
  if (!outdated || !ranked.some(i => outdated[i])) return ranked;
  const out: number[] = [];
  for (let start = 0; start < ranked.length;) {
    let end = start;
    while (end < ranked.length && tier[ranked[end]] === tier[ranked[start]]) end++;
    for (let k = start; k < end; k++) if (!outdated[ranked[k]]) out.push(ranked[k]);
    for (let k = start; k < end; k++) if (outdated[ranked[k]]) out.push(ranked[k]);
    start = end;
  }
  return out;
}
