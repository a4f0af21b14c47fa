import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CaseApiError, CaseErrorCode, isAbortError } from '../../api/case-api-error.js';
import { CaseClient, type TokenProvider } from '../../api/case-client.js';
import { type SavedPlace, StandardsCache } from '../../cache/standards-cache.js';
import { UserStateStore } from '../../cache/user-state.js';
import type { FrameworkLoadDetail } from '../../events.js';
import {
  type LoadContext,
  type LoadedFramework,
  type LoadProgress,
  type LoadResult,
  loadDocuments,
  loadFramework,
  type Revalidation,
} from '../../loader/framework-loader.js';
import { openSearchIndex, restoreSearchIndex } from '../../loader/search-index-store.js';
import type { CaseDocument } from '../../model/framework.js';
import { identifierKey } from '../../model/normalize.js';
import { endpointsFor, mergeDocuments, splitEndpoints } from '../../loader/endpoints.js';
import { outdatedFlags } from '../../model/item-status.js';
import { afterNextPaint, yieldToEventLoop } from '../../perf/yield.js';
import { warmUpSuggest } from '../../search/suggest.js';
import { measure, measureAsync } from '../../perf/measure.js';
import { ScanSearch } from '../../search/scan-search.js';
import type { SearchIndex } from '../../search/search-index.js';
import { HostLifetime } from './host-lifetime.js';

/**
 * From this many items, a framework opened from the cache waits for its kept index (restored in
 * 37-46 ms at 20,000 items in traces, mostly waiting on IndexedDB) before any scan. In the full
 * benchmark run of 5eafc3f, the first key typed as the first row painted then took 82-91 ms at
 * 20,000 items and 125-135 ms at 50,000, against 80-89 and 145-165 ms from a scan, and the keys
 * after it were answered by the index. A smaller one is scanned at once (its first key took
 * 22-39 ms, against 48-64 ms waiting for the index).
 */
const RESTORE_FIRST_ITEMS = 10_000;

/** What the load controller reads from its host (the element's properties). */
export interface LoadHost extends ReactiveControllerHost, HTMLElement {
  endpoint: string;
  framework: string;
  client?: CaseClient;
  tokenProvider?: TokenProvider;
  fetch?: typeof fetch;
  noCache: boolean;
  cacheName: string;
  cacheMaxAge: number;
  timeout: number;
}

/** What the Task produced: nothing to show, the framework list, or an open framework. */
export type LoadView =
  | { kind: 'idle' }
  | {
      kind: 'list';
      documents: CaseDocument[];
      offline?: boolean;
      fetchedAt: number;
      /** Endpoints whose list could not be read (the others' frameworks are shown). */
      failures: { endpoint: string; error: unknown }[];
    }
  | { kind: 'framework'; result: LoadResult; duration: number };

/** A notice above the open framework: offline (the saved copy's time), or updated in the background. */
export type LoadNotice = { kind: 'offline'; since: number } | { kind: 'updated' };

export interface LoadOptions {
  /** A framework is shown; `keepView` when a background update replaced the open one. */
  onInstall: (loaded: LoadedFramework, keepView: boolean) => void;
  /** Until the index is ready, the open framework is searched by this scan (it finds the same items). */
  onScan: (loaded: LoadedFramework, scan: ScanSearch) => void;
  /** The open framework's search index is ready. */
  onIndex: (loaded: LoadedFramework, index: SearchIndex) => void;
  /** A framework was shown, once rendered (never after the host left the page). */
  onLoad: (detail: FrameworkLoadDetail) => void;
  /** The requested view cannot be shown. */
  onError: (error: unknown) => void;
  /** One of several endpoints failed; the view shows the others' frameworks. */
  onEndpointError: (error: unknown, endpoint: string) => void;
  /** IndexedDB failed (the picker carries on from the network). */
  onStorageError: (error: CaseApiError) => void;
  /** The load ended (shown or failed): pre-selected items no longer wait for it. */
  onSettled: () => void;
  /** The host suggests standards (`context` is set): the ranking is warmed up with the search. */
  usesSuggestions: () => boolean;
}

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  settled: boolean;
}

function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>(r => (resolve = r));
  const d: Deferred = { promise, resolve: () => ((d.settled = true), resolve()), settled: false };
  return d;
}

/**
 * Loading: the CASE client and the IndexedDB cache for the host's settings, the one Task that
 * loads the framework list or a framework (cache first), its progress, the notice it leaves
 * (offline, updated), the background revalidation of a stale copy, and the open framework's
 * search index (restored or built, then kept). Everything it starts stops with a real
 * AbortSignal when the host leaves the page; a load cut short that way starts again when the
 * host comes back.
 */
export class FrameworkLoadController implements ReactiveController {
  progress?: LoadProgress;
  notice?: LoadNotice;
  /** The open framework, once shown. */
  loaded?: LoadedFramework;
  /** Its search index, once ready. */
  index?: SearchIndex;
  /** The client of the open framework's endpoint (the first endpoint's before one is open). */
  client?: CaseClient;
  /** One client per endpoint, in the host's order. */
  clients: CaseClient[] = [];

  readonly task: Task<readonly unknown[], LoadView>;
  private cacheInstance?: StandardsCache;
  private stateInstance?: UserStateStore;
  /** Aborted when the host leaves the page: background writes, revalidation and indexing stop. */
  private readonly lifetime: HostLifetime;
  private revalidation?: AbortController;
  private indexing?: AbortController;
  private reloadToken = 0;
  private reloading = false;
  private interrupted = false;
  private readyState = deferred();
  /** The cached version of the open framework's copy, once stored (its index is kept beside it). */
  private stored?: Promise<number | undefined>;
  /** The frameworks of the last list, by key: which endpoints serve each (a framework opens from those first). */
  private known = new Map<string, CaseDocument>();

  constructor(
    private readonly host: LoadHost,
    private readonly options: LoadOptions,
  ) {
    this.lifetime = new HostLifetime(host);
    host.addController(this);
    this.task = new Task(host, {
      args: () =>
        [host.endpoint, host.framework.trim(), host.client, host.tokenProvider, host.fetch, host.noCache, this.reloadToken] as const,
      task: ([endpoint, framework], { signal }) => this.load(String(endpoint), String(framework), signal),
      onComplete: view => this.handleComplete(view),
      onError: error => this.handleError(error),
    });
  }

  hostConnected(): void {
    if (this.interrupted) {
      // Left the page mid-load: load again now that it is back.
      this.interrupted = false;
      void this.task.run();
    } else if (this.loaded && !this.index) {
      this.startIndex(this.loaded);
    }
  }

  hostDisconnected(): void {
    this.interrupted = this.task.status === TaskStatus.PENDING;
    this.task.abort();
    this.revalidation?.abort();
    this.indexing?.abort();
    void this.cacheInstance?.close();
    this.cacheInstance = undefined;
    void this.stateInstance?.close();
    this.stateInstance = undefined;
    this.readyState.resolve(); // nothing more will happen: nobody waits forever
  }

  /**
   * Resolves when the requested view is shown: the framework list, an error, or the open
   * framework together with its search index.
   */
  get ready(): Promise<void> {
    return this.host.updateComplete.then(() => this.readyState.promise);
  }

  /** The host's connection settings changed: new clients (and a new load, through the Task's args). */
  updateClient(): void {
    const { client, endpoint, timeout, tokenProvider, fetch } = this.host;
    this.clients = client
      ? [client]
      : splitEndpoints(endpoint).map(
          base =>
            new CaseClient({
              endpoint: base,
              timeout,
              fetch: fetch ? (input, init) => fetch(input, init) : undefined,
              // Asked per endpoint: one endpoint's token is never sent to another.
              tokenProvider: tokenProvider ? requested => tokenProvider(requested) : undefined,
            }),
        );
    this.client = this.clients[0];
  }

  /** The cache settings changed: the next use opens the database again. */
  resetCache(): void {
    void this.cacheInstance?.close();
    this.cacheInstance = undefined;
    void this.stateInstance?.close();
    this.stateInstance = undefined;
  }

  /** What is remembered about the user (recents, the last view), beside the cache; none with `no-cache`. */
  stateStore(): UserStateStore | undefined {
    if (this.host.noCache) return undefined;
    this.stateInstance ??= new UserStateStore(this.host.cacheName);
    return this.stateInstance;
  }

  /** The endpoints' cache keys, in the host's order. */
  get endpoints(): string[] {
    return this.clients.map(c => c.endpoint);
  }

  /** The host's `framework` changed: never show the previous framework's data while another loads. */
  frameworkChanged(): void {
    if (!this.loaded || identifierKey(this.host.framework) === this.loaded.framework.document.key) return;
    this.loaded = undefined;
    this.index = undefined;
    this.notice = undefined;
    this.indexing?.abort();
    this.revalidation?.abort();
  }

  /** A framework is asked for and still loading (its items will resolve pre-selected identifiers without requests). */
  get busyWithFramework(): boolean {
    return !!this.host.framework.trim() && !this.loaded && this.task.status === TaskStatus.PENDING;
  }

  /** The IndexedDB cache, unless `no-cache`. */
  cache(): StandardsCache | undefined {
    if (this.host.noCache) return undefined;
    this.cacheInstance ??= new StandardsCache(this.host.cacheName);
    return this.cacheInstance;
  }

  /** The cache and the endpoint's key in it (none with `no-cache`): saved frameworks, indexes and standards. */
  cacheContext(): SavedPlace | undefined {
    const cache = this.cache();
    return cache && this.client ? { cache, endpoint: this.client.endpoint } : undefined;
  }

  /**
   * The cache with each endpoint's key, the open framework's endpoint first (none with
   * `no-cache`): where the other saved frameworks are, for "All saved frameworks" and equivalents.
   */
  savedPlaces(): SavedPlace[] {
    const place = this.cacheContext();
    if (!place) return [];
    return [place, ...this.endpoints.filter(e => e !== place.endpoint).map(endpoint => ({ cache: place.cache, endpoint }))];
  }

  /** Loads the framework (or the list) again from the network first; resolves when that load ends. */
  async reload(): Promise<void> {
    this.reloading = true;
    this.retry();
    await this.host.updateComplete;
    await this.task.taskComplete.catch(() => {});
  }

  /** Runs the load again (the error view's retry button). */
  retry(): void {
    this.reloadToken++;
    this.host.requestUpdate();
  }

  private async load(endpoint: string, framework: string, signal: AbortSignal): Promise<LoadView> {
    if (this.readyState.settled) this.readyState = deferred();
    const clients = this.clients;
    if (!clients.length || (!endpoint && !this.host.client)) return { kind: 'idle' };
    const context = (client: CaseClient): LoadContext => ({
      client,
      cache: this.cache(),
      endpoint: client.endpoint,
      maxAgeMs: this.host.cacheMaxAge * 1000,
      signal,
      storeSignal: this.lifetime.signal,
      reload: this.reloading,
      onProgress: progress => {
        if (signal.aborted) return;
        this.progress = progress;
        this.host.requestUpdate();
      },
      onStorageError: error => this.options.onStorageError(error),
    });
    const contexts = clients.map(context);
    this.reloading = false;
    this.revalidation?.abort();
    if (!framework) return this.loadList(contexts, signal);
    this.progress = undefined;
    const started = performance.now();
    // Each endpoint that may serve it, in order (a mirror answers when the first cannot).
    const order = endpointsFor(
      identifierKey(framework),
      contexts.map(c => c.endpoint),
      this.known,
    );
    let firstError: unknown;
    for (const base of order) {
      const ctx = contexts.find(c => c.endpoint === base)!;
      try {
        const result = await loadFramework(framework, ctx);
        signal.throwIfAborted(); // removed or superseded while the model was built
        this.client = ctx.client;
        return { kind: 'framework', result, duration: performance.now() - started };
      } catch (error) {
        if (signal.aborted || isAbortError(error) || !(error instanceof CaseApiError)) throw error;
        firstError ??= error;
      }
    }
    throw firstError;
  }

  /** Every endpoint's framework list, merged; an endpoint that fails leaves the others' frameworks shown. */
  private async loadList(contexts: LoadContext[], signal: AbortSignal): Promise<LoadView> {
    const results = await Promise.allSettled(contexts.map(ctx => loadDocuments(ctx)));
    signal.throwIfAborted();
    const failures: { endpoint: string; error: unknown }[] = [];
    const lists = results.map((result, i) => {
      const endpoint = contexts[i].endpoint;
      if (result.status === 'fulfilled') return { endpoint, documents: result.value.documents };
      failures.push({ endpoint, error: result.reason });
      return { endpoint };
    });
    if (failures.length === contexts.length) throw failures[0].error;
    const documents = measure('list-merge', () => mergeDocuments(lists));
    this.known = new Map(documents.map(d => [d.key, d]));
    const read = results.flatMap(r => (r.status === 'fulfilled' ? [r.value] : []));
    const offline = read.find(r => r.offline);
    return { kind: 'list', documents, offline: !!offline, fetchedAt: offline?.fetchedAt ?? Date.now(), failures };
  }

  private handleComplete(view: LoadView): void {
    this.progress = undefined;
    if (view.kind === 'list') for (const { error, endpoint } of view.failures) this.options.onEndpointError(error, endpoint);
    if (view.kind !== 'framework') {
      this.readyState.resolve(); // the list renders straight from the Task's value
      return;
    }
    const { result, duration } = view;
    this.install(result, duration, false);
    if (result.loaded.offline) this.notice = { kind: 'offline', since: result.loaded.fetchedAt };
    if (result.revalidate) this.startRevalidation(result.revalidate);
    this.options.onSettled();
  }

  private handleError(error: unknown): void {
    if (isAbortError(error)) return;
    this.progress = undefined;
    this.readyState.resolve();
    this.options.onError(error);
    this.options.onSettled();
  }

  private install({ loaded, stored }: Omit<LoadResult, 'revalidate'>, duration: number, keepView: boolean): void {
    loaded.framework.document.endpoint ??= this.client?.endpoint; // selected items say where they came from
    this.loaded = loaded;
    this.index = undefined;
    if (!keepView) this.notice = undefined;
    if (this.readyState.settled) this.readyState = deferred();
    this.stored = stored;
    this.options.onInstall(loaded, keepView);
    this.startIndex(loaded);
    const signal = this.lifetime.signal;
    const { document, items } = loaded.framework;
    void this.host.updateComplete.then(() => {
      if (signal.aborted) return;
      this.options.onLoad({
        identifier: document.identifier,
        title: document.title,
        itemCount: items.length,
        source: loaded.source,
        duration,
      });
    });
  }

  /**
   * Search from the first painted row: a plain scan at once (prepared in slices, or by the first
   * search), then the index, restored or built after the tree paints, then kept. A large copy
   * read from the cache (`RESTORE_FIRST_ITEMS`) restores its kept index first instead, and a query
   * typed meanwhile waits for it without blocking the page.
   */
  private startIndex(loaded: LoadedFramework): void {
    this.indexing?.abort();
    const controller = new AbortController();
    this.indexing = controller;
    const { signal } = controller;
    const cached = this.cacheContext();
    const place = cached && this.stored && { ...cached, documentKey: loaded.framework.document.key, version: this.stored };
    const { framework } = loaded;
    const cachedCopy = loaded.source === 'cache' && !!place;
    const restoreFirst = cachedCopy && framework.items.length >= RESTORE_FIRST_ITEMS;
    const startScan = () => {
      const scan = new ScanSearch(framework.items);
      this.options.onScan(loaded, scan);
      return scan;
    };
    const scan = restoreFirst ? undefined : startScan();
    void (async () => {
      let index: SearchIndex | undefined;
      if (restoreFirst) {
        await afterNextPaint(100, signal); // the tree first: reading the index competes with its frame
        const restoring = restoreSearchIndex(framework.items, place, signal);
        outdatedFlags(framework); // while IndexedDB reads (search ranks with them)
        index = await restoring;
      }
      if (!index) {
        const scanning = scan ?? startScan();
        // In slices from the first render on, so little is left for a key typed as the first row paints.
        await yieldToEventLoop();
        await measureAsync('scan-prepare', () => scanning.prepare(signal));
        outdatedFlags(framework); // made now, not on the first keystroke (search ranks with them)
        await afterNextPaint(100, signal);
        index = await openSearchIndex(framework.items, place, {
          restore: cachedCopy && !restoreFirst, // a large copy has tried already
          signal,
          onStorageError: this.options.onStorageError,
        });
      }
      if (signal.aborted || this.loaded !== loaded) return;
      this.index = index;
      this.options.onIndex(loaded, index);
      this.host.requestUpdate();
      this.readyState.resolve();
      await index.warmUp(signal);
      if (this.options.usesSuggestions()) await warmUpSuggest(index, signal);
      await index.keepFirstKeys(signal, outdatedFlags(framework));
    })().catch(error => {
      if (!signal.aborted && !isAbortError(error)) this.readyState.resolve();
    });
  }

  private startRevalidation(revalidate: (signal: AbortSignal) => Promise<Revalidation>): void {
    const controller = new AbortController();
    this.revalidation = controller;
    const signal = AbortSignal.any([controller.signal, this.lifetime.signal]);
    const started = performance.now();
    const forLoaded = this.loaded;
    revalidate(signal).then(
      result => {
        if (signal.aborted || this.loaded !== forLoaded) return;
        if (result.kind === 'changed') {
          this.install(result, performance.now() - started, true);
          this.notice = { kind: 'updated' };
        } else if (result.kind === 'offline') {
          this.notice = { kind: 'offline', since: forLoaded!.fetchedAt };
        }
        this.host.requestUpdate();
      },
      error => {
        if (!signal.aborted && !isAbortError(error) && error instanceof CaseApiError && error.code === CaseErrorCode.storage) {
          this.options.onStorageError(error);
        }
        // Other failures keep the cached copy on screen; the next open tries again.
      },
    );
  }
}
