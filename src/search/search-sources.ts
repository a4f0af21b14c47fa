import type { CaseItem, Framework } from '../model/framework.js';
import type { FrameworkTree } from '../tree/tree-model.js';
import { outdatedFlags } from '../model/item-status.js';
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
  /** The compact code query, when it matched codes. */
  code: string;
}

/**
 * Searches several frameworks and merges their results: by match tier (exact code, code
 * prefix, every word, some words), then by each framework's own rank, the first source first.
 */
export function searchSources(sources: readonly SearchSource[], query: string, options: SearchOptions = {}): MergedResult {
  const results = sources.map(source => ({
    source,
    result: source.index.search(query, { ...options, outdated: outdatedFlags(source.framework) }),
  }));
  const toHit = (source: SearchSource, hit: { key: string; tier: SourceHit['tier'] }): SourceHit | undefined => {
    const item = source.framework.itemsByKey.get(hit.key);
    return item && { key: hit.key, tier: hit.tier, source, item };
  };
  let hits: SourceHit[];
  if (results.length === 1) {
    hits = results[0].result.hits.map(hit => toHit(results[0].source, hit)).filter((h): h is SourceHit => !!h);
  } else {
    const ranked: { hit: SourceHit; rank: number; order: number }[] = [];
    results.forEach(({ source, result }, order) =>
      result.hits.forEach((h, rank) => {
        const hit = toHit(source, h);
        if (hit) ranked.push({ hit, rank, order });
      }),
    );
    ranked.sort((a, b) => a.hit.tier - b.hit.tier || a.rank - b.rank || a.order - b.order);
    hits = ranked.slice(0, options.limit ?? Infinity).map(r => r.hit);
  }
  return {
    hits,
    total: results.reduce((sum, r) => sum + r.result.total, 0),
    terms: [...new Set(results.flatMap(r => r.result.terms))],
    typos: [...new Set(results.flatMap(r => r.result.typos))],
    code: results.find(r => r.result.code)?.result.code ?? '',
  };
}
