import { CaseApiError, CaseErrorCode } from '../api/case-api-error.js';
import type { CaseClient, PackageResponse } from '../api/case-client.js';
import type { RawCFDocument, RawCFPackage } from '../api/case-types.js';
import type { CachedCopy, PackageChunk, StandardsCache } from '../cache/standards-cache.js';
import type { Framework } from '../model/framework.js';
import { identifierKey, normalizePackage, PackageNormalizer } from '../model/normalize.js';
import { compareGrades } from '../model/education-level.js';
import { measure, measureAsync } from '../perf/measure.js';
import { yieldToEventLoop } from '../perf/yield.js';
import { naturalCompare } from '../text/natural-compare.js';
import { FrameworkTree } from '../tree/tree-model.js';

/** Values of the filters, computed once per framework. */
export interface FrameworkFacets {
  /** Education levels present, in school order. */
  grades: string[];
  /** Item types present, in natural order. */
  types: string[];
  /** Items that could not be used (diagnostics). */
  skippedItems: number;
}

/** A framework ready to show. */
export interface LoadedFramework {
  framework: Framework;
  tree: FrameworkTree;
  facets: FrameworkFacets;
  source: 'network' | 'cache';
  /** When this copy was fetched or confirmed (ms since epoch). */
  fetchedAt: number;
  /** Set when the network failed and this is the cached copy. */
  offline?: boolean;
}

export type LoadProgress = { phase: 'download'; received: number; total: number } | { phase: 'build' };

export interface LoadContext {
  client: CaseClient;
  /** Absent with `no-cache` or when IndexedDB is unusable. */
  cache?: StandardsCache;
  /** Cache key of the endpoint. */
  endpoint: string;
  maxAgeMs: number;
  /** Aborts the requests of this load (a newer load, or the picker leaving the page). */
  signal: AbortSignal;
  /**
   * Aborts the background write of a fetched copy (the picker leaving the page). A load that is
   * merely superseded still finishes storing what it downloaded. Defaults to `signal`.
   */
  storeSignal?: AbortSignal;
  /** Reload: go to the network first; a cached copy is used only when the network fails. */
  reload?: boolean;
  onProgress?: (progress: LoadProgress) => void;
  /** Storage problems never stop a load; they are reported here. */
  onStorageError?: (error: CaseApiError) => void;
}

export interface LoadResult {
  loaded: LoadedFramework;
  /**
   * The cached version of this copy: at once for a copy read from the cache, after the background
   * write for a fetched one; `undefined` without a cache or when the write failed or was aborted.
   */
  stored: Promise<number | undefined>;
  /**
   * Present when a stale cached copy was returned: asks the provider for a newer one. `signal`
   * cancels it (another framework opened, or the picker left the page).
   */
  revalidate?: (signal: AbortSignal) => Promise<Revalidation>;
}

export type Revalidation =
  { kind: 'unchanged' } | ({ kind: 'changed' } & Omit<LoadResult, 'revalidate'>) | { kind: 'offline'; error: CaseApiError };

function asStorageError(error: unknown): CaseApiError {
  return error instanceof CaseApiError && error.code === CaseErrorCode.storage
    ? error
    : new CaseApiError(CaseErrorCode.storage, 'The framework cache failed.', { cause: error });
}

/** Frameworks larger than this are built in steps, with a chance to paint and handle input between them. */
const STEPPED_BUILD_ITEMS = 5000;
/** Records normalised between two pauses, in a stepped build. */
const NORMALIZE_SLICE = 2500;

/**
 * Builds the model (normalised framework, tree, filter facets) from a CFPackage, or finishes
 * one whose records were already normalised as they were read. Large frameworks are built in
 * steps with pauses between them (normalising a few thousand records at a time, then the
 * tree), so "Building…" shows and the page keeps handling input.
 */
export async function buildFramework(
  raw: unknown,
  source: 'network' | 'cache',
  fetchedAt: number,
  normalized?: PackageNormalizer,
): Promise<LoadedFramework> {
  const pkg = raw as RawCFPackage;
  const items = pkg?.CFItems;
  // Records already normalised as they were read leave only the tree to build: one step.
  const stepped = !normalized && Array.isArray(items) && items.length > STEPPED_BUILD_ITEMS;
  if (stepped) normalized = await measureAsync('normalize', () => normalizeInSteps(pkg));
  const framework = normalized ? normalized.finish(pkg) : measure('normalize', () => normalizePackage(raw));
  if (stepped) await yieldToEventLoop();
  const tree = measure('tree', () => new FrameworkTree(framework));
  return { framework, tree, facets: facetsOf(framework), source, fetchedAt };
}

/** Normalises a large package's records a slice at a time, pausing in between. */
async function normalizeInSteps(pkg: RawCFPackage): Promise<PackageNormalizer> {
  const normalizer = new PackageNormalizer(pkg.CFDocument);
  for (const [records, add] of [
    [pkg.CFItems, (batch: unknown[]) => normalizer.addItems(batch)],
    [pkg.CFAssociations, (batch: unknown[]) => normalizer.addAssociations(batch)],
  ] as const) {
    if (!Array.isArray(records)) continue;
    for (let i = 0; i < records.length; i += NORMALIZE_SLICE) {
      await yieldToEventLoop();
      add(records.slice(i, i + NORMALIZE_SLICE));
    }
  }
  return normalizer;
}

function facetsOf(framework: Framework): FrameworkFacets {
  const grades = new Set<string>();
  const types = new Set<string>();
  for (const item of framework.items) {
    for (const level of item.educationLevel) grades.add(level);
    if (item.itemType) types.add(item.itemType);
  }
  const d = framework.diagnostics;
  return {
    grades: [...grades].sort(compareGrades),
    types: [...types].sort(naturalCompare),
    skippedItems: (d['item-not-object'] ?? 0) + (d['item-without-identifier'] ?? 0) + (d['duplicate-item'] ?? 0),
  };
}

/**
 * A cached copy, normalised while it is read (each chunk as it arrives, while IndexedDB reads
 * the next). Without `normalized` (no chunks, or they could not be normalised that way) the
 * package is normalised whole, which also reports what is wrong with it.
 */
async function cached(ctx: LoadContext, key: string): Promise<{ entry: CachedCopy; normalized?: PackageNormalizer } | undefined> {
  if (!ctx.cache) return undefined;
  let normalizer: PackageNormalizer | undefined;
  let failed = false;
  const onChunk = ({ shell, kind, records }: PackageChunk) => {
    if (failed) return;
    try {
      normalizer ??= new PackageNormalizer(shell.CFDocument);
      if (kind === 'CFItems') normalizer.addItems(records);
      else normalizer.addAssociations(records);
    } catch {
      failed = true;
    }
  };
  try {
    const entry = await measureAsync('cache-read', () => ctx.cache!.getPackage(ctx.endpoint, key, onChunk));
    return entry && { entry, normalized: failed ? undefined : normalizer };
  } catch (error) {
    ctx.onStorageError?.(asStorageError(error));
    return undefined;
  }
}

/** Builds the framework from a fresh response and stores it in the background (`stored`). */
async function adopt(ctx: LoadContext, key: string, response: PackageResponse): Promise<Omit<LoadResult, 'revalidate'>> {
  const fetchedAt = Date.now();
  const loaded = await buildFramework(response.package, 'network', fetchedAt);
  const signal = ctx.storeSignal ?? ctx.signal;
  const stored = (async () => {
    if (!ctx.cache || signal.aborted) return undefined;
    try {
      return await measureAsync('cache-write', () =>
        ctx.cache!.putPackage(
          {
            endpoint: ctx.endpoint,
            documentKey: key,
            title: loaded.framework.document.title,
            package: response.package,
            etag: response.etag,
            lastModified: response.lastModified,
            lastChangeDateTime: loaded.framework.document.lastChangeDateTime,
            fetchedAt,
            usedAt: Date.now(),
          },
          signal,
        ),
      );
    } catch (error) {
      if (!signal.aborted) ctx.onStorageError?.(asStorageError(error));
      return undefined;
    }
  })();
  return { loaded, stored };
}

async function fetchAndStore(identifier: string, ctx: LoadContext): Promise<Omit<LoadResult, 'revalidate'>> {
  const response = await measureAsync('download', () =>
    ctx.client.getPackage(identifier, {
      signal: ctx.signal,
      onProgress: ctx.onProgress ? (received, total) => ctx.onProgress!({ phase: 'download', received, total }) : undefined,
    }),
  );
  if (response.notModified) throw new CaseApiError(CaseErrorCode.http, 'Unexpected 304 without validators.');
  ctx.onProgress?.({ phase: 'build' });
  // Stored in the background: the framework shows without waiting for IndexedDB.
  return adopt(ctx, identifierKey(identifier), response);
}

/**
 * Opens a framework: a fresh cached copy with no request; a stale one at once, with a
 * `revalidate` step; otherwise from the network (stored for next time).
 */
export async function loadFramework(identifier: string, ctx: LoadContext): Promise<LoadResult> {
  const key = identifierKey(identifier);
  let networkError: CaseApiError | undefined;
  if (ctx.reload) {
    try {
      return await fetchAndStore(identifier, ctx);
    } catch (error) {
      if (!isOfflineError(error)) throw error;
      networkError = error;
    }
  }
  const hit = await cached(ctx, key);
  ctx.signal.throwIfAborted();
  if (hit) {
    const { entry } = hit;
    let loaded: LoadedFramework | undefined;
    try {
      ctx.onProgress?.({ phase: 'build' });
      loaded = await buildFramework(entry.package, 'cache', entry.fetchedAt, hit.normalized);
    } catch {
      // A corrupt record: discard it and fetch again.
      await ctx.cache?.deletePackage(ctx.endpoint, key).catch(() => {});
    }
    if (loaded) {
      void ctx.cache?.touch(ctx.endpoint, key).catch(() => {});
      const stored = Promise.resolve(entry.version);
      if (networkError) return { loaded: { ...loaded, offline: true }, stored };
      const fresh = Date.now() - entry.fetchedAt < ctx.maxAgeMs;
      if (fresh) return { loaded, stored };
      const current = loaded;
      // The revalidation outlives this load: it has its own signal, and its writes stop with it.
      return { loaded, stored, revalidate: signal => revalidate(identifier, entry, current, { ...ctx, signal, storeSignal: signal }) };
    }
  }
  if (networkError) throw networkError;
  return fetchAndStore(identifier, ctx);
}

/**
 * Asks the provider whether a stale copy changed: a conditional request when it gave ETag /
 * Last-Modified, else (or when the conditional request fails, as with CORS providers that
 * refuse those headers) a comparison of CFDocument.lastChangeDateTime.
 */
async function revalidate(identifier: string, entry: CachedCopy, current: LoadedFramework, ctx: LoadContext): Promise<Revalidation> {
  const key = identifierKey(identifier);
  const confirm = async (): Promise<Revalidation> => {
    await ctx.cache?.touch(ctx.endpoint, key, true).catch(() => {});
    return { kind: 'unchanged' };
  };
  const changed = async (): Promise<Revalidation> => ({
    kind: 'changed',
    ...(await fetchAndStore(identifier, { ...ctx, onProgress: undefined })),
  });
  try {
    if (entry.etag || entry.lastModified) {
      try {
        const response = await ctx.client.getPackage(identifier, {
          signal: ctx.signal,
          etag: entry.etag,
          lastModified: entry.lastModified,
        });
        if (response.notModified) return await confirm();
        return { kind: 'changed', ...(await adopt(ctx, key, response)) };
      } catch (error) {
        if (!(error instanceof CaseApiError) || error.code !== CaseErrorCode.network) throw error;
        // Possibly a CORS refusal of If-None-Match: fall through to the document comparison.
      }
    }
    const doc: RawCFDocument = await ctx.client.getDocument(identifier, { signal: ctx.signal });
    const upstream = typeof doc.lastChangeDateTime === 'string' ? doc.lastChangeDateTime : undefined;
    if (upstream && upstream === current.framework.document.lastChangeDateTime) return await confirm();
    return await changed();
  } catch (error) {
    if (error instanceof CaseApiError && error.code === CaseErrorCode.network) return { kind: 'offline', error };
    throw error;
  }
}

/** The framework list: from the network, falling back to a cached list when offline. */
export async function loadDocuments(ctx: LoadContext): Promise<{ documents: RawCFDocument[]; offline?: boolean; fetchedAt: number }> {
  try {
    const documents = await ctx.client.listDocuments({ signal: ctx.signal });
    if (ctx.cache) void ctx.cache.putDocuments(ctx.endpoint, documents).catch(error => ctx.onStorageError?.(asStorageError(error)));
    return { documents, fetchedAt: Date.now() };
  } catch (error) {
    if (!(error instanceof CaseApiError) || error.code !== CaseErrorCode.network || !ctx.cache) throw error;
    let entry;
    try {
      entry = await ctx.cache.getDocuments(ctx.endpoint);
    } catch {
      entry = undefined;
    }
    if (!entry) throw error;
    return { documents: entry.documents, offline: true, fetchedAt: entry.fetchedAt };
  }
}

/** Whether an error from a framework load should fall back to a cached copy. */
function isOfflineError(error: unknown): error is CaseApiError {
  return error instanceof CaseApiError && error.code === CaseErrorCode.network;
}
