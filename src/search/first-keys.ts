import type { CaseItem } from '../model/framework.js';
import type { SearchHit, SearchOptions, SearchResult } from './search-index.js';

/** The queries kept: every letter and digit, the first key of nearly every query. */
export const FIRST_KEYS = [...'abcdefghijklmnopqrstuvwxyz0123456789'];

interface Kept {
  /** The ranked items (positions in the index) and their tiers. */
  order: Int32Array;
  tiers: Int8Array;
  result: Omit<SearchResult, 'hits'>;
  outdated?: Uint8Array;
}

/**
 * The results of one-character queries, kept compactly once an index has ranked them (in tasks
 * of their own after the index's warm-ups, `SearchIndex.keepFirstKeys`): the first letter of a query matches nearly every item,
 * which made it the slowest key (2-3 ms of ranking at 20,000 items in Node, more in a page), and
 * it is typed at the start of every search. Kept per query text, for searches without a filter
 * and with the same outdated flags; about 5 bytes per match (1 MB at 20,000 items, 2.5 MB at
 * 50,000, measured on generated frameworks).
 */
export class FirstKeyResults {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly items: readonly CaseItem[]) {}

  /** Whether `search(query, options)` should be kept once ranked. */
  wanted(query: string, options: SearchOptions): boolean {
    return !options.filter && options.limit === Infinity && FIRST_KEYS.includes(query) && !this.kept.has(query);
  }

  keep(query: string, options: SearchOptions, ranked: readonly number[], tier: Int8Array, result: Omit<SearchResult, 'hits'>): void {
    const order = Int32Array.from(ranked);
    const tiers = new Int8Array(order.length);
    for (let k = 0; k < order.length; k++) tiers[k] = tier[order[k]];
    this.kept.set(query, { order, tiers, result, outdated: options.outdated });
  }

  /** The kept result of `query` for these options, or `undefined`. */
  get(query: string, options: SearchOptions): SearchResult | undefined {
    if (options.filter) return undefined;
    const kept = this.kept.get(query);
    if (!kept || kept.outdated !== options.outdated) return undefined;
    const count = Math.min(options.limit ?? 500, kept.order.length);
    const hits: SearchHit[] = new Array(count);
    for (let k = 0; k < count; k++) {
      const item = this.items[kept.order[k]];
      hits[k] = { key: item.key, item, tier: kept.tiers[k] as SearchHit['tier'] };
    }
    const { total, terms, typos, code } = kept.result;
    return { hits, total, terms: [...terms], typos: [...typos], code };
  }
}
