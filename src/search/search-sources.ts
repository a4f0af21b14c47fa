import type { CaseItem, Framework } from '../model/framework.js';
import type { FrameworkTree } from '../tree/tree-model.js';
import { outdatedFlags } from '../model/item-status.js';
import type { SearchHit, SearchIndex, SearchOptions, SearchResult } from './search-index.js';

/** What searches one framework: its `SearchIndex`, or a `ScanSearch` while the index builds. */
export interface Searcher {
  search(query: string, options?: SearchOptions): SearchResult;
  itemsWithCode(code: string): string[];
}

/** A searchable framework: its model, tree (for paths) and index (or, while it builds, a scan). */
export interface SearchSource<S extends Searcher = SearchIndex> {
  framework: Framework;
  tree: FrameworkTree;
  index: S;
}

export interface SourceHit {
  key: string;
  tier: 0 | 1 | 2 | 3;
  source: SearchSource<Searcher>;
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
export function searchSources(sources: readonly SearchSource<Searcher>[], query: string, options: SearchOptions = {}): MergedResult {
  const results = sources.map(source => ({
    source,
    result: source.index.search(query, { ...options, outdated: outdatedFlags(source.framework) }),
  }));
  const toHit = (source: SearchSource<Searcher>, { key, tier, item }: SearchHit): SourceHit => ({ key, tier, source, item });
  let hits: SourceHit[];
  if (results.length === 1) {
    hits = results[0].result.hits.map(hit => toHit(results[0].source, hit));
  } else {
    const ranked: { hit: SourceHit; rank: number; order: number }[] = [];
    results.forEach(({ source, result }, order) => result.hits.forEach((h, rank) => ranked.push({ hit: toHit(source, h), rank, order })));
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

/**
 * The codes of a query that is a list of codes ("4.NF.A.1, 4.NF.A.2; 4.NF.B.3" from a
 * spreadsheet): two or more tokens separated by commas, semicolons, spaces or new lines, each with
 * a digit and no more than 24 characters. `undefined` for an ordinary query.
 */
export function codeList(query: string): string[] | undefined {
  const tokens = query.split(/[\s,;]+/).filter(Boolean);
  if (tokens.length < 2 || !tokens.every(t => /\d/.test(t) && t.length <= 24 && /^[\p{L}\p{N}.\-_/]+$/u.test(t))) return undefined;
  return [...new Set(tokens)];
}

export interface CodeListResult {
  /** The items with exactly those codes, in the list's order. */
  hits: SourceHit[];
  /** Codes no item has. */
  missing: string[];
}

/** The items of `sources` whose code is exactly one of `codes`, and the codes that matched nothing. */
export function findCodes(
  sources: readonly SearchSource<Searcher>[],
  codes: readonly string[],
  filter?: (item: CaseItem) => boolean,
): CodeListResult {
  const hits: SourceHit[] = [];
  const missing: string[] = [];
  for (const code of codes) {
    let found = false;
    for (const source of sources) {
      for (const key of source.index.itemsWithCode(code)) {
        const item = source.framework.itemsByKey.get(key);
        if (!item || (filter && !filter(item))) continue;
        found = true;
        hits.push({ key, tier: 0, source, item });
      }
    }
    if (!found) missing.push(code);
  }
  return { hits, missing };
}
