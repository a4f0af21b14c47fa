import type { CaseItem, Framework } from '../model/framework.js';
import type { FrameworkTree } from '../tree/tree-model.js';
import type { SearchIndex, SearchOptions } from './search-index.js';

/** A searchable framework: its model, tree (for paths) and index. */
export interface SearchSource {
  framework: Framework;
  tree: FrameworkTree;
  index: SearchIndex;
}

export interface SourceHit {
  key: string;
  tier: 0 | 1 | 2 | 3;
  source: SearchSource;
  item: CaseItem;
}

export interface MergedResult {
  hits: SourceHit[];
  total: number;
  terms: string[];
  typos: string[];
}

/**
 * Searches several frameworks and merges their results: by match tier (exact code, code
 * prefix, every word, some words), then by each framework's own rank, the first source first.
 */
export function searchSources(sources: readonly SearchSource[], query: string, options: SearchOptions = {}): MergedResult {
  const ranked: { hit: SourceHit; rank: number; order: number }[] = [];
  let total = 0;
  const terms = new Set<string>();
  const typos = new Set<string>();
  sources.forEach((source, order) => {
    const result = source.index.search(query, options);
    total += result.total;
    result.terms.forEach(t => terms.add(t));
    result.typos.forEach(t => typos.add(t));
    result.hits.forEach((hit, rank) => {
      const item = source.framework.itemsByKey.get(hit.key);
      if (item) ranked.push({ hit: { ...hit, source, item }, rank, order });
    });
  });
  if (sources.length > 1) ranked.sort((a, b) => a.hit.tier - b.hit.tier || a.rank - b.rank || a.order - b.order);
  const limit = options.limit ?? Infinity;
  return { hits: ranked.slice(0, limit).map(r => r.hit), total, terms: [...terms], typos: [...typos] };
}
