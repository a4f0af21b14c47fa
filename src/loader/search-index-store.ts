import { CaseApiError, CaseErrorCode } from '../api/case-api-error.js';
import type { StandardsCache } from '../cache/standards-cache.js';
import type { CaseItem } from '../model/framework.js';
import { measureAsync } from '../perf/measure.js';
import { SearchIndex } from '../search/search-index.js';

/** Where a framework's cached copy is: the search index built from it is kept beside it. */
export interface IndexPlace {
  cache: StandardsCache;
  endpoint: string;
  documentKey: string;
  /** The stored version of the copy, once it is stored (`undefined`: not stored, so not kept). */
  version: Promise<number | undefined>;
}

export interface OpenIndexOptions {
  /** Look for a kept index first (a copy read from the cache); a fetched copy has none yet. */
  restore: boolean;
  signal?: AbortSignal;
  onStorageError?: (error: CaseApiError) => void;
}

/**
 * The index kept with the cached copy at `place` (`case-picker:index-restore`), when there is one
 * and it matches that copy; `undefined` otherwise.
 */
export async function restoreSearchIndex(
  items: readonly CaseItem[],
  place: IndexPlace,
  signal?: AbortSignal,
): Promise<SearchIndex | undefined> {
  const version = await place.version;
  signal?.throwIfAborted();
  if (version === undefined) return undefined;
  return measureAsync('index-restore', async () => {
    const state = await place.cache.getIndex(place.endpoint, place.documentKey, version).catch(() => undefined);
    signal?.throwIfAborted();
    return SearchIndex.fromState(items, state);
  });
}

/**
 * The one way a picker gets a search index: restored (`restoreSearchIndex`) when `restore` is
 * set, otherwise, or when nothing matching was kept, built in slices (`case-picker:index-build`)
 * and then kept beside the copy for the next open (`case-picker:index-write`). Keeping it is
 * skipped once `signal` aborts; failures to keep it are reported, never thrown.
 */
export async function openSearchIndex(
  items: readonly CaseItem[],
  place: IndexPlace | undefined,
  { restore, signal, onStorageError }: OpenIndexOptions,
): Promise<SearchIndex> {
  const restored = restore && place ? await restoreSearchIndex(items, place, signal) : undefined;
  if (restored) return restored;
  signal?.throwIfAborted();
  const index = await measureAsync('index-build', () => SearchIndex.buildAsync(items, signal));
  if (place) void keep(index, place, signal, onStorageError);
  return index;
}

async function keep(
  index: SearchIndex,
  place: IndexPlace,
  signal?: AbortSignal,
  onStorageError?: (error: CaseApiError) => void,
): Promise<void> {
  const version = await place.version;
  if (version === undefined || signal?.aborted) return;
  try {
    await measureAsync('index-write', () => place.cache.putIndex(place.endpoint, place.documentKey, version, index.exportState()));
  } catch (error) {
    onStorageError?.(
      error instanceof CaseApiError
        ? error
        : new CaseApiError(CaseErrorCode.storage, 'The search index could not be kept.', { cause: error }),
    );
  }
}
