import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CaseApiError, CaseErrorCode, isAbortError } from '../../api/case-api-error.js';
import { type SavedPlace, savedPackages } from '../../cache/standards-cache.js';
import { buildFramework, type LoadedFramework } from '../../loader/framework-loader.js';
import { openSearchIndex } from '../../loader/search-index-store.js';
import { compareGrades } from '../../model/education-level.js';
import type { CaseItem } from '../../model/framework.js';
import { measure } from '../../perf/measure.js';
import type { ScanSearch } from '../../search/scan-search.js';
import type { SearchIndex } from '../../search/search-index.js';
import { itemFilter } from '../../search/item-filter.js';
import { codeList, findCodes, type MergedResult, type SearchSource, type SourceHit, searchSources } from '../../search/search-sources.js';
import type { VirtualListController } from './virtual-list.controller.js';

/** Other saved frameworks kept indexed for `scope = endpoint` (least recently listed go first). */
const OTHER_SOURCES_KEPT = 12;

export type SearchScope = 'framework' | 'endpoint';

export interface SearchOptions {
  /** The virtualised results list. */
  list: VirtualListController;
  /** Where the other saved frameworks are read from for `scope = endpoint`: the cache with each endpoint's key. */
  savedPlaces: () => SavedPlace[];
  onStorageError: (error: CaseApiError) => void;
  /** A new result list (after the typing pauses, the host announces its count). */
  onResults: (results: MergedResult) => void;
  /** The active result changed by keyboard: the host shows it in details. */
  onActiveHit: (hit: SourceHit) => void;
  /** Enter on the active result. */
  onChoose: (hit: SourceHit) => void;
  /** Escape cleared the search: focus goes back to the search box. */
  onCleared: () => void;
}

/**
 * Search: the query and the grade / type / scope filters, the results of the open framework's
 * index (and, with `scope = endpoint`, of the other frameworks cached for the endpoint), and the
 * active result of the combobox. Results are computed in the host's update, before rendering.
 */
export class SearchController implements ReactiveController {
  query = '';
  gradeFrom = '';
  gradeTo = '';
  typeFilter = '';
  scope: SearchScope = 'framework';
  /** Saved frameworks of the endpoints other than the open one, for `scope = endpoint`. */
  otherSources: SearchSource[] = [];
  results?: MergedResult;
  /** When the query is a list of codes: the codes that matched nothing (the hits are the rest). */
  missingCodes?: string[];
  activeResult = -1;
  private current?: SearchSource;
  /** Until `current` is there: the open framework searched by a plain scan. */
  private scanned?: SearchSource<ScanSearch>;
  private loaded?: LoadedFramework;
  private stale = false;
  /** Indexed cached frameworks, by identifier and fetch time, reused across searches. */
  private readonly sourceCache = new Map<string, SearchSource>();
  private others?: AbortController;
  private sourcesRevision = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SearchOptions,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    if (this.stale) this.run();
  }

  hostDisconnected(): void {
    this.others?.abort();
    this.others = undefined;
  }

  /** A query or a filter is set: the results list shows instead of the tree. */
  get isSearching(): boolean {
    return this.query.trim() !== '' || !!this.gradeFrom || !!this.gradeTo || !!this.typeFilter;
  }

  /** The frameworks searched: the open one once indexed, and with `scope = endpoint` the other saved ones. */
  get sources(): SearchSource[] {
    if (!this.current) return [];
    return this.scope === 'endpoint' ? [this.current, ...this.otherSources] : [this.current];
  }

  /** The grade / type filter, `undefined` when nothing is filtered. */
  get filter(): ((item: CaseItem) => boolean) | undefined {
    return itemFilter({ gradeFrom: this.gradeFrom, gradeTo: this.gradeTo, type: this.typeFilter });
  }

  /** Changes whenever `sources` or `filter` do (not with the query). */
  get criteriaKey(): string {
    return `${this.sourcesRevision}|${this.scope}|${this.gradeFrom}|${this.gradeTo}|${this.typeFilter}`;
  }

  /** The framework searched, and its index once it is ready (`undefined` before). */
  setFramework(loaded: LoadedFramework | undefined, index?: SearchIndex): void {
    if (loaded !== this.loaded) {
      this.others?.abort();
      this.otherSources = [];
    }
    this.loaded = loaded;
    this.current = loaded && index ? { framework: loaded.framework, tree: loaded.tree, index } : undefined;
    this.scanned = undefined;
    this.sourcesRevision++;
    if (loaded && index && this.scope === 'endpoint') void this.loadOtherSources(loaded);
    this.invalidate();
  }

  /** Until its index is ready, the open framework is searched by this scan (the same items, framework order). */
  setScan(loaded: LoadedFramework, scan: ScanSearch): void {
    if (loaded !== this.loaded || this.current) return;
    this.scanned = { framework: loaded.framework, tree: loaded.tree, index: scan };
    this.invalidate();
  }

  setQuery(query: string): void {
    this.query = query;
    this.activeResult = -1;
    this.options.list.paintVisibleFirst();
    this.options.list.scrollToTop();
    this.invalidate();
  }

  /** The grade range, from one end; the other end follows so the range stays in order. */
  setGrade(end: 'from' | 'to', value: string): void {
    if (end === 'from') {
      this.gradeFrom = value;
      if (value && (!this.gradeTo || compareGrades(this.gradeTo, value) < 0)) this.gradeTo = value;
    } else {
      this.gradeTo = value;
      if (value && (!this.gradeFrom || compareGrades(this.gradeFrom, value) > 0)) this.gradeFrom = value;
    }
    this.invalidate();
  }

  /** The range spanning these levels (the `education-level` attribute). */
  setGrades(levels: readonly string[]): void {
    const sorted = levels.map(l => l.toUpperCase()).sort(compareGrades);
    this.gradeFrom = sorted[0] ?? '';
    this.gradeTo = sorted[sorted.length - 1] ?? '';
    this.invalidate();
  }

  setType(type: string): void {
    this.typeFilter = type;
    this.invalidate();
  }

  setScope(scope: SearchScope): void {
    this.scope = scope;
    if (scope === 'endpoint' && this.loaded && this.current) void this.loadOtherSources(this.loaded);
    this.invalidate();
  }

  /** Clears the query and every filter (revealing an item in the tree). */
  clear(): void {
    this.query = '';
    this.gradeFrom = this.gradeTo = this.typeFilter = '';
    this.activeResult = -1;
    this.invalidate();
  }

  /** The combobox's keys, on the search box and on the results listbox. */
  readonly handleKeyDown = (event: KeyboardEvent): void => {
    if (event.isComposing || event.defaultPrevented) return;
    const hits = this.results?.hits ?? [];
    const searching = this.isSearching && hits.length > 0;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!searching) return;
        event.preventDefault();
        const delta = event.key === 'ArrowDown' ? 1 : -1;
        const next =
          this.activeResult < 0 ? (delta > 0 ? 0 : hits.length - 1) : Math.min(hits.length - 1, Math.max(0, this.activeResult + delta));
        this.setActive(next);
        break;
      }
      case 'Home':
      case 'End':
        if (!searching || this.activeResult < 0) return;
        event.preventDefault();
        this.setActive(event.key === 'Home' ? 0 : hits.length - 1);
        break;
      case 'Enter':
        if (hits[this.activeResult]) {
          event.preventDefault();
          this.options.onChoose(hits[this.activeResult]);
        }
        break;
      case 'Escape':
        if (this.query || this.activeResult >= 0) {
          event.preventDefault();
          this.query = '';
          this.activeResult = -1;
          this.invalidate();
          this.options.onCleared();
        }
        break;
      default:
        break;
    }
  };

  /** Makes result `index` the active one (a click). */
  activate(index: number): SourceHit | undefined {
    const hit = this.results?.hits[index];
    if (hit) {
      this.activeResult = index;
      this.host.requestUpdate();
    }
    return hit;
  }

  private setActive(index: number): void {
    const hit = this.activate(index);
    if (hit) this.options.onActiveHit(hit);
    this.options.list.scrollIntoView(index);
  }

  private invalidate(): void {
    this.stale = true;
    this.host.requestUpdate();
  }

  private run(): void {
    this.stale = false;
    const sources = this.current ? this.sources : this.scanned ? [this.scanned] : [];
    if (!sources.length || !this.isSearching) {
      this.results = undefined;
      this.missingCodes = undefined;
      return;
    }
    const filter = this.filter;
    const codes = codeList(this.query);
    // The same query searched again (the index replaced the scan, a filter changed): the active
    // result stays the same item wherever it now ranks.
    const active = this.results?.hits[this.activeResult];
    let results: MergedResult;
    if (codes) {
      // A pasted list of codes: exactly those items, in the list's order.
      const found = measure('search', () => findCodes(sources, codes, filter));
      results = { hits: found.hits, total: found.hits.length, terms: [], typos: [], code: '' };
      this.missingCodes = found.missing;
    } else {
      // Every match is listed: the results list is virtualised.
      results = measure('search', () => searchSources(sources, this.query, { filter, limit: Infinity }));
      this.missingCodes = undefined;
    }
    this.results = results;
    this.activeResult = active ? results.hits.findIndex(h => h.key === active.key && h.source.framework === active.source.framework) : -1;
    this.options.onResults(results);
  }

  /** Opens and indexes every other framework saved for the picker's endpoints, for `scope = endpoint`. */
  private async loadOtherSources(loaded: LoadedFramework): Promise<void> {
    const places = this.options.savedPlaces();
    if (!places.length) return;
    this.others?.abort();
    const controller = new AbortController();
    this.others = controller;
    const { signal } = controller;
    try {
      const sources: SearchSource[] = [];
      // A framework mirrored on several endpoints is searched once, from the first that saved it.
      for (const { cache, endpoint, info, copyKey } of await savedPackages(places, [loaded.framework.document.key])) {
        let source = this.sourceCache.get(copyKey);
        if (!source) {
          const entry = await cache.getPackage(endpoint, info.documentKey);
          signal.throwIfAborted();
          if (!entry) continue;
          const built = await buildFramework(entry.package, 'cache', entry.fetchedAt);
          const index = await openSearchIndex(
            built.framework.items,
            { cache, endpoint, documentKey: info.documentKey, version: Promise.resolve(entry.version) },
            { restore: true, signal, onStorageError: this.options.onStorageError },
          );
          source = { framework: built.framework, tree: built.tree, index };
        }
        this.sourceCache.delete(copyKey);
        this.sourceCache.set(copyKey, source); // most recently listed last
        sources.push(source);
      }
      // Bounded: older copies of a framework and frameworks no longer cached drop out first.
      for (const id of this.sourceCache.keys()) {
        if (this.sourceCache.size <= OTHER_SOURCES_KEPT) break;
        this.sourceCache.delete(id);
      }
      if (!signal.aborted && this.loaded === loaded && this.scope === 'endpoint') {
        this.otherSources = sources;
        this.sourcesRevision++;
        this.invalidate();
      }
    } catch (error) {
      if (isAbortError(error) || signal.aborted) return;
      if (error instanceof CaseApiError && error.code === CaseErrorCode.storage) this.options.onStorageError(error);
    }
  }
}
