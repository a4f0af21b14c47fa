import type { IDBPDatabase, IDBPObjectStore } from 'idb';
import type { RawCFDocument, RawCFPackage } from '../api/case-types.js';
import { yieldToEventLoop } from '../perf/yield.js';
import {
  type CachedPackageInfo,
  type ChunkedKey,
  type ChunkRecord,
  type DocumentsRecord,
  type ItemRecord,
  openCacheDB,
  type PackageRecord,
  type PickerDB,
  storageError,
} from './cache-db.js';

export type { CachedPackageInfo, ItemRecord };

/** Records written with another `schema` are discarded and refetched. */
const RECORD_SCHEMA = 1;
/** Records per chunk: each chunk is one structured-clone write of a few milliseconds. */
const CHUNK_SIZE = 1000;
/** The package arrays stored in chunks; everything else stays in the package record. */
const CHUNKED: readonly ChunkedKey[] = ['CFItems', 'CFAssociations'];

/** A cached framework: the package exactly as the provider sent it, as structured records. */
export interface CachedPackage extends CachedPackageInfo {
  package: RawCFPackage;
}

/** A cached framework as read back, with its stored version (a search index is kept per version). */
export interface CachedCopy extends CachedPackage {
  version: number;
}

/** Records of a cached package, handed over while the rest is still being read. */
export interface PackageChunk {
  /** The package without CFItems and CFAssociations (its CFDocument, CFDefinitions, …). */
  shell: RawCFPackage;
  kind: ChunkedKey;
  records: unknown[];
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

/** Every chunk key of one framework (all versions). */
function chunkRange(endpoint: string, documentKey: string): IDBKeyRange {
  return IDBKeyRange.bound([endpoint, documentKey], [endpoint, documentKey, []]);
}

/** Where saved frameworks are: a cache and the endpoint they are kept under. */
export interface SavedPlace {
  cache: StandardsCache;
  endpoint: string;
}

/** A saved framework in one of several places, with a key naming that copy (place, framework, fetch time). */
export interface SavedPackage extends SavedPlace {
  info: CachedPackageInfo;
  copyKey: string;
}

/**
 * The frameworks saved in `places`, each once: a framework mirrored on several endpoints comes
 * from the first place that saved it. Those in `skip` (document keys) are left out.
 */
export async function savedPackages(places: readonly SavedPlace[], skip: Iterable<string> = []): Promise<SavedPackage[]> {
  const seen = new Set(skip);
  const out: SavedPackage[] = [];
  for (const { cache, endpoint } of places) {
    for (const info of await cache.listPackages(endpoint)) {
      if (seen.has(info.documentKey)) continue;
      seen.add(info.documentKey);
      out.push({ cache, endpoint, info, copyKey: `${endpoint} ${info.documentKey}@${info.fetchedAt}` });
    }
  }
  return out;
}

/**
 * The IndexedDB cache of framework lists and packages (with the search index built from each
 * stored version), keyed by endpoint and CFDocument identifier. Packages are kept as structured records (reading them back is about 1.6 times as
 * fast as reading and parsing the JSON text), written in chunks with pauses in between so a
 * 20,000-item framework never blocks the page for long.
 *
 * Every failure becomes a `storage` CaseApiError; callers carry on from the network. Several
 * pickers and tabs share one database safely: a package record names the chunks it was written
 * with and is written last, so readers never see a half-written framework, and an open
 * connection steps aside when another tab needs to upgrade.
 */
export class StandardsCache {
  readonly name: string;
  private dbPromise?: Promise<IDBPDatabase<PickerDB>>;

  constructor(name = 'case-standards-picker') {
    this.name = name;
  }

  /**
   * Reads a cached package. `onChunk` sees the records as they arrive, chunk by chunk in order
   * (CFItems, then CFAssociations), while later chunks are still being read: the caller can
   * work on them in the meantime. Whatever it did is void when this resolves `undefined`.
   */
  async getPackage(endpoint: string, documentKey: string, onChunk?: (chunk: PackageChunk) => void): Promise<CachedCopy | undefined> {
    const db = await this.db();
    try {
      const tx = db.transaction(['packages', 'chunks']);
      const record = await tx.objectStore('packages').get([endpoint, documentKey]);
      if (!record) return undefined;
      const pkg = isValidRecord(record) ? await this.readChunks(tx.objectStore('chunks'), record, onChunk) : undefined;
      if (!pkg) {
        // Corrupt, partial or old-schema: discard it, the caller refetches.
        await this.deletePackage(endpoint, documentKey).catch(() => {});
        return undefined;
      }
      const { schema: _schema, shell: _shell, chunks: _chunks, ...info } = record;
      return { ...info, package: pkg };
    } catch (error) {
      throw storageError('The framework cache could not be read.', error);
    }
  }

  /**
   * Requests every chunk of a record at once, so IndexedDB reads the next ones while the
   * caller handles the first; rebuilds the package, or `undefined` when a chunk is missing.
   */
  private async readChunks(
    store: IDBPObjectStore<PickerDB, ['packages', 'chunks'], 'chunks'>,
    record: PackageRecord,
    onChunk?: (chunk: PackageChunk) => void,
  ): Promise<RawCFPackage | undefined> {
    const { endpoint, documentKey, version, shell } = record;
    const reads: Promise<void>[] = [];
    const parts = new Map<ChunkedKey, unknown[][]>();
    let complete = true;
    for (const kind of CHUNKED) {
      const count = record.chunks[kind] ?? 0;
      if (count === 0 && kind in shell) continue; // kept as sent, in the shell
      const list: unknown[][] = [];
      parts.set(kind, list);
      for (let n = 0; n < count; n++) {
        reads.push(
          store.get([endpoint, documentKey, version, kind, n]).then(chunk => {
            if (!complete || !Array.isArray(chunk?.records)) {
              complete = false;
              return;
            }
            list.push(chunk.records);
            onChunk?.({ shell, kind, records: chunk.records });
          }),
        );
      }
    }
    await Promise.all(reads);
    if (!complete) return undefined;
    const pkg: RawCFPackage = { ...shell };
    // `concat`, not `flat()`: 40 chunks of 1,000 records take 0.3 ms, not 11.
    for (const [kind, list] of parts) pkg[kind] = ([] as unknown[]).concat(...list);
    return pkg;
  }

  /**
   * Stores a package, evicting least-recently-used frameworks when the quota is exceeded.
   * Resolves the stored version, or `undefined` when a newer copy was stored meanwhile. When
   * `signal` aborts, no more chunks are written, the ones already written are deleted and the
   * call rejects with the signal's reason.
   */
  async putPackage(entry: CachedPackage, signal?: AbortSignal): Promise<number | undefined> {
    const { package: pkg, ...info } = entry;
    const db = await this.db();
    const version = Date.now() * 1000 + Math.floor(Math.random() * 1000);
    const shell: RawCFPackage = { ...pkg };
    const counts = {} as Record<ChunkedKey, number>;
    for (const kind of CHUNKED) {
      const list = Array.isArray(pkg[kind]) ? (pkg[kind] as unknown[]) : [];
      delete shell[kind];
      counts[kind] = Math.ceil(list.length / CHUNK_SIZE);
      for (let n = 0; n < counts[kind]; n++) {
        const key: ChunkRecord['key'] = [info.endpoint, info.documentKey, version, kind, n];
        const records = list.slice(n * CHUNK_SIZE, (n + 1) * CHUNK_SIZE);
        if (signal?.aborted) return await this.abandon(db, info.endpoint, info.documentKey, version, signal);
        await this.write(db, 'chunks', { key, records }, [info.endpoint, info.documentKey]);
        await yieldToEventLoop();
      }
      // A package whose array was not an array keeps the value as sent, in the shell.
      if (pkg[kind] !== undefined && !Array.isArray(pkg[kind])) shell[kind] = pkg[kind];
    }
    if (signal?.aborted) return await this.abandon(db, info.endpoint, info.documentKey, version, signal);
    const record: PackageRecord = { ...info, schema: RECORD_SCHEMA, version, shell, chunks: counts };
    for (;;) {
      try {
        return (await this.commit(db, record)) ? version : undefined;
      } catch (error) {
        if (!isQuotaError(error)) throw storageError('The framework could not be saved for offline use.', error);
        if (!(await this.evictOldest(db, [info.endpoint, info.documentKey]))) {
          throw storageError('There is not enough storage to keep this framework offline.', error);
        }
      }
    }
  }

  /** Deletes the chunks of a version whose write was aborted, then rejects with the reason. */
  private async abandon(
    db: IDBPDatabase<PickerDB>,
    endpoint: string,
    documentKey: string,
    version: number,
    signal: AbortSignal,
  ): Promise<never> {
    const tx = db.transaction('chunks', 'readwrite');
    let cursor = await tx.store.openCursor(chunkRange(endpoint, documentKey));
    while (cursor) {
      if (cursor.primaryKey[2] === version) await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.done;
    throw signal.reason;
  }

  /**
   * Publishes a written version in one transaction: unless a newer version is already there
   * (another picker or tab wrote it meanwhile), the record points to the new chunks and older
   * chunks are deleted; otherwise the new chunks are.
   */
  private async commit(db: IDBPDatabase<PickerDB>, record: PackageRecord): Promise<boolean> {
    const { endpoint, documentKey, version } = record;
    const tx = db.transaction(['packages', 'chunks', 'indexes'], 'readwrite');
    const existing = await tx.objectStore('packages').get([endpoint, documentKey]);
    const superseded = isValidRecord(existing) && existing.version > version;
    if (!superseded) {
      await tx.objectStore('packages').put(record);
      await tx.objectStore('indexes').delete([endpoint, documentKey]); // built from the older version
    }
    const keepVersion = superseded ? existing.version : version;
    let cursor = await tx.objectStore('chunks').openCursor(chunkRange(endpoint, documentKey));
    while (cursor) {
      const chunkVersion = cursor.primaryKey[2];
      if (superseded ? chunkVersion === version : chunkVersion < keepVersion) await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.done;
    return !superseded;
  }

  /** The search index kept for a package version, if any (`SearchIndex.fromState` checks it). */
  async getIndex(endpoint: string, documentKey: string, version: number): Promise<unknown> {
    const db = await this.db();
    try {
      const record = await db.get('indexes', [endpoint, documentKey]);
      return record?.version === version ? record.state : undefined;
    } catch (error) {
      throw storageError('The framework cache could not be read.', error);
    }
  }

  /**
   * Keeps a search index with the package version it was built from; nothing is written when
   * that version is no longer the stored one.
   */
  async putIndex(endpoint: string, documentKey: string, version: number, state: unknown): Promise<void> {
    const db = await this.db();
    try {
      const tx = db.transaction(['packages', 'indexes'], 'readwrite');
      const record = await tx.objectStore('packages').get([endpoint, documentKey]);
      if (isValidRecord(record) && record.version === version) {
        await tx.objectStore('indexes').put({ endpoint, documentKey, version, state });
      }
      await tx.done;
    } catch (error) {
      throw storageError('The search index could not be saved for offline use.', error);
    }
  }

  /** Marks a package as used now (LRU) and, with `confirmed`, as fresh. */
  async touch(endpoint: string, documentKey: string, confirmed = false): Promise<void> {
    const db = await this.db();
    try {
      const tx = db.transaction('packages', 'readwrite');
      const record = await tx.store.get([endpoint, documentKey]);
      if (record) {
        record.usedAt = Date.now();
        if (confirmed) record.fetchedAt = Date.now();
        await tx.store.put(record);
      }
      await tx.done;
    } catch (error) {
      throw storageError('The framework cache could not be updated.', error);
    }
  }

  /** What is cached for an endpoint (without the records). */
  async listPackages(endpoint: string): Promise<CachedPackageInfo[]> {
    const db = await this.db();
    try {
      const all = await db.getAllFromIndex('packages', 'endpoint', endpoint);
      return all
        .filter(isValidRecord)
        .map(({ endpoint, documentKey, title, etag, lastModified, lastChangeDateTime, fetchedAt, usedAt }) => ({
          endpoint,
          documentKey,
          title,
          etag,
          lastModified,
          lastChangeDateTime,
          fetchedAt,
          usedAt,
        }));
    } catch (error) {
      throw storageError('The framework cache could not be read.', error);
    }
  }

  async getDocuments(endpoint: string): Promise<DocumentsRecord | undefined> {
    const db = await this.db();
    try {
      const entry = await db.get('documents', endpoint);
      if (!entry || entry.schema !== RECORD_SCHEMA || !Array.isArray(entry.documents)) return undefined;
      return entry;
    } catch (error) {
      throw storageError('The framework list cache could not be read.', error);
    }
  }

  async putDocuments(endpoint: string, documents: RawCFDocument[]): Promise<void> {
    const db = await this.db();
    await this.write(db, 'documents', { schema: RECORD_SCHEMA, endpoint, documents, fetchedAt: Date.now() });
  }

  async deletePackage(endpoint: string, documentKey: string): Promise<void> {
    const db = await this.db();
    try {
      const tx = db.transaction(['packages', 'chunks', 'indexes'], 'readwrite');
      await Promise.all([
        tx.objectStore('packages').delete([endpoint, documentKey]),
        tx.objectStore('chunks').delete(chunkRange(endpoint, documentKey)),
        tx.objectStore('indexes').delete([endpoint, documentKey]),
        tx.done,
      ]);
    } catch (error) {
      throw storageError('The framework cache could not be updated.', error);
    }
  }

  /** Removes everything cached (for one endpoint, when given). */
  async clear(endpoint?: string): Promise<void> {
    const db = await this.db();
    try {
      const stores = ['packages', 'chunks', 'documents', 'indexes', 'items'] as const;
      const tx = db.transaction(stores, 'readwrite');
      if (!endpoint) {
        await Promise.all(stores.map(s => tx.objectStore(s).clear()));
      } else {
        const keys = await tx.objectStore('packages').index('endpoint').getAllKeys(endpoint);
        await Promise.all([
          ...keys.map(key => tx.objectStore('packages').delete(key)),
          tx.objectStore('chunks').delete(IDBKeyRange.bound([endpoint], [endpoint, []])),
          tx.objectStore('indexes').delete(IDBKeyRange.bound([endpoint], [endpoint, []])),
          tx.objectStore('items').delete(IDBKeyRange.bound([endpoint], [endpoint, []])),
          tx.objectStore('documents').delete(endpoint),
        ]);
      }
      await tx.done;
    } catch (error) {
      throw storageError('The framework cache could not be cleared.', error);
    }
  }

  /** A CFItem resolved on its own earlier, with its associations (offline resolution). */
  async getItem(endpoint: string, itemKey: string): Promise<ItemRecord | undefined> {
    const db = await this.db();
    try {
      return await db.get('items', [endpoint, itemKey]);
    } catch (error) {
      throw storageError('A saved standard could not be read.', error);
    }
  }

  /** Keeps a CFItem resolved on its own, so it resolves offline next time. */
  async putItem(record: ItemRecord): Promise<void> {
    const db = await this.db();
    try {
      await db.put('items', record);
    } catch (error) {
      throw storageError('A standard could not be saved for offline use.', error);
    }
  }

  /** Closes the connection (tests, and pages that delete the database). */
  async close(): Promise<void> {
    const pending = this.dbPromise;
    this.dbPromise = undefined;
    if (pending) (await pending.catch(() => undefined))?.close();
  }

  /** One put, retried after evicting least-recently-used frameworks while the quota is exceeded. */
  private async write<S extends 'packages' | 'chunks' | 'documents'>(
    db: IDBPDatabase<PickerDB>,
    store: S,
    value: PickerDB[S]['value'],
    keep: [string, string] = ['', ''],
  ): Promise<void> {
    for (;;) {
      try {
        const tx = db.transaction(store, 'readwrite');
        await Promise.all([tx.store.put(value), tx.done]);
        return;
      } catch (error) {
        if (!isQuotaError(error)) throw storageError('The framework could not be saved for offline use.', error);
        if (!(await this.evictOldest(db, keep))) {
          throw storageError('There is not enough storage to keep this framework offline.', error);
        }
      }
    }
  }

  private async evictOldest(db: IDBPDatabase<PickerDB>, keep: [string, string]): Promise<boolean> {
    const tx = db.transaction('packages');
    let cursor = await tx.store.index('usedAt').openCursor();
    while (cursor) {
      const [endpoint, key] = cursor.primaryKey;
      if (endpoint !== keep[0] || key !== keep[1]) {
        await tx.done;
        await this.deletePackage(endpoint, key);
        return true;
      }
      cursor = await cursor.continue();
    }
    await tx.done;
    return false;
  }

  private db(): Promise<IDBPDatabase<PickerDB>> {
    // A newer version in another tab, or a closed connection: reopen lazily next time.
    this.dbPromise ??= openCacheDB(this.name, () => (this.dbPromise = undefined)).catch(error => {
      this.dbPromise = undefined;
      throw error;
    });
    return this.dbPromise;
  }
}

function isValidRecord(record: unknown): record is PackageRecord {
  const r = record as PackageRecord;
  return (
    typeof r === 'object' &&
    r !== null &&
    r.schema === RECORD_SCHEMA &&
    typeof r.version === 'number' &&
    typeof r.fetchedAt === 'number' &&
    typeof r.shell === 'object' &&
    r.shell !== null &&
    typeof r.chunks === 'object' &&
    r.chunks !== null
  );
}
