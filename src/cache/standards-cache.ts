import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { CaseApiError, CaseErrorCode } from '../api/case-api-error.js';
import type { RawCFDocument } from '../api/case-types.js';

/** Bump when the stored shape changes; `upgrade` migrates from every older version. */
const DB_VERSION = 1;
/** Records written with another `schema` are discarded and refetched. */
const RECORD_SCHEMA = 1;

/** A framework as stored: the provider's body, kept as text (parsing it beats structured clone). */
export interface CachedPackage {
  schema: number;
  endpoint: string;
  /** Lower-cased CFDocument identifier. */
  documentKey: string;
  title: string;
  text: string;
  etag?: string;
  lastModified?: string;
  lastChangeDateTime?: string;
  /** When the copy was fetched or last confirmed unchanged (ms since epoch). */
  fetchedAt: number;
  /** When the copy was last opened, for least-recently-used eviction. */
  usedAt: number;
}

export interface CachedDocuments {
  schema: number;
  endpoint: string;
  documents: RawCFDocument[];
  fetchedAt: number;
}

interface PickerDB extends DBSchema {
  packages: {
    key: [string, string];
    value: CachedPackage;
    indexes: { usedAt: number; endpoint: string };
  };
  documents: {
    key: string;
    value: CachedDocuments;
  };
}

/** How long to wait for another tab to release an older database version. */
const BLOCKED_TIMEOUT_MS = 3000;

function storageError(message: string, cause?: unknown): CaseApiError {
  return new CaseApiError(CaseErrorCode.storage, message, { cause });
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

/**
 * The IndexedDB cache of framework lists and packages, keyed by endpoint and CFDocument
 * identifier. Every failure becomes a `storage` CaseApiError; callers carry on from the network.
 * Several pickers and tabs share one database safely: writes are single transactions, and an
 * open connection steps aside when another tab needs to upgrade.
 */
export class StandardsCache {
  readonly name: string;
  private dbPromise?: Promise<IDBPDatabase<PickerDB>>;

  constructor(name = 'case-standards-picker') {
    this.name = name;
  }

  async getPackage(endpoint: string, documentKey: string): Promise<CachedPackage | undefined> {
    const db = await this.db();
    try {
      const entry = await db.get('packages', [endpoint, documentKey]);
      if (!entry) return undefined;
      if (!isValidPackage(entry)) {
        await db.delete('packages', [endpoint, documentKey]).catch(() => {});
        return undefined;
      }
      return entry;
    } catch (error) {
      throw storageError('The framework cache could not be read.', error);
    }
  }

  /** Stores a package, evicting least-recently-used frameworks when the quota is exceeded. */
  async putPackage(entry: Omit<CachedPackage, 'schema'>): Promise<void> {
    const record: CachedPackage = { ...entry, schema: RECORD_SCHEMA };
    const db = await this.db();
    for (;;) {
      try {
        await db.put('packages', record);
        return;
      } catch (error) {
        if (!isQuotaError(error)) throw storageError('The framework could not be saved for offline use.', error);
        const evicted = await this.evictOldest(db, [entry.endpoint, entry.documentKey]);
        if (!evicted) throw storageError('There is not enough storage to keep this framework offline.', error);
      }
    }
  }

  /** Marks a package as used now (LRU) and, with `confirmed`, as fresh. */
  async touch(endpoint: string, documentKey: string, confirmed = false): Promise<void> {
    const db = await this.db();
    try {
      const tx = db.transaction('packages', 'readwrite');
      const entry = await tx.store.get([endpoint, documentKey]);
      if (entry) {
        entry.usedAt = Date.now();
        if (confirmed) entry.fetchedAt = Date.now();
        await tx.store.put(entry);
      }
      await tx.done;
    } catch (error) {
      throw storageError('The framework cache could not be updated.', error);
    }
  }

  /** Every cached package of an endpoint (for search across cached frameworks). */
  async listPackages(endpoint: string): Promise<CachedPackage[]> {
    const db = await this.db();
    try {
      const all = await db.getAllFromIndex('packages', 'endpoint', endpoint);
      return all.filter(isValidPackage);
    } catch (error) {
      throw storageError('The framework cache could not be read.', error);
    }
  }

  async getDocuments(endpoint: string): Promise<CachedDocuments | undefined> {
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
    try {
      await db.put('documents', { schema: RECORD_SCHEMA, endpoint, documents, fetchedAt: Date.now() });
    } catch (error) {
      throw storageError('The framework list could not be saved for offline use.', error);
    }
  }

  async deletePackage(endpoint: string, documentKey: string): Promise<void> {
    const db = await this.db();
    try {
      await db.delete('packages', [endpoint, documentKey]);
    } catch (error) {
      throw storageError('The framework cache could not be updated.', error);
    }
  }

  /** Removes everything cached (for one endpoint, when given). */
  async clear(endpoint?: string): Promise<void> {
    const db = await this.db();
    try {
      if (!endpoint) {
        const tx = db.transaction(['packages', 'documents'], 'readwrite');
        await Promise.all([tx.objectStore('packages').clear(), tx.objectStore('documents').clear(), tx.done]);
        return;
      }
      const tx = db.transaction(['packages', 'documents'], 'readwrite');
      const keys = await tx.objectStore('packages').index('endpoint').getAllKeys(endpoint);
      await Promise.all([
        ...keys.map(key => tx.objectStore('packages').delete(key)),
        tx.objectStore('documents').delete(endpoint),
        tx.done,
      ]);
    } catch (error) {
      throw storageError('The framework cache could not be cleared.', error);
    }
  }

  /** Closes the connection (tests, and pages that delete the database). */
  async close(): Promise<void> {
    const pending = this.dbPromise;
    this.dbPromise = undefined;
    if (pending) (await pending.catch(() => undefined))?.close();
  }

  private async evictOldest(db: IDBPDatabase<PickerDB>, keep: [string, string]): Promise<boolean> {
    const tx = db.transaction('packages', 'readwrite');
    let cursor = await tx.store.index('usedAt').openCursor();
    while (cursor) {
      const [endpoint, key] = cursor.primaryKey;
      if (endpoint !== keep[0] || key !== keep[1]) {
        await cursor.delete();
        await tx.done;
        return true;
      }
      cursor = await cursor.continue();
    }
    await tx.done;
    return false;
  }

  private db(): Promise<IDBPDatabase<PickerDB>> {
    this.dbPromise ??= this.open().catch(error => {
      this.dbPromise = undefined;
      throw error;
    });
    return this.dbPromise;
  }

  private open(): Promise<IDBPDatabase<PickerDB>> {
    if (typeof indexedDB === 'undefined') {
      return Promise.reject(storageError('IndexedDB is not available here, so frameworks are not kept offline.'));
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(storageError('The framework cache is blocked by another tab using an older version.')),
        BLOCKED_TIMEOUT_MS,
      );
      openDB<PickerDB>(this.name, DB_VERSION, {
        upgrade(db, oldVersion) {
          if (oldVersion < 1) {
            const packages = db.createObjectStore('packages', { keyPath: ['endpoint', 'documentKey'] });
            packages.createIndex('usedAt', 'usedAt');
            packages.createIndex('endpoint', 'endpoint');
            db.createObjectStore('documents', { keyPath: 'endpoint' });
          }
        },
        blocked: () => {
          // Another tab holds an older version open; it is asked to close (see `blocking`).
        },
        blocking: (_current, _blocked, event) => {
          // A newer version wants to upgrade: step aside, reopen lazily next time.
          (event.target as IDBDatabase).close();
          this.dbPromise = undefined;
        },
        terminated: () => {
          this.dbPromise = undefined;
        },
      }).then(
        db => {
          clearTimeout(timer);
          resolve(db);
        },
        error => {
          clearTimeout(timer);
          reject(storageError('The framework cache could not be opened (private mode or blocked by policy?).', error));
        },
      );
    });
  }
}

function isValidPackage(entry: unknown): entry is CachedPackage {
  const e = entry as CachedPackage;
  return (
    typeof e === 'object' &&
    e !== null &&
    e.schema === RECORD_SCHEMA &&
    typeof e.text === 'string' &&
    typeof e.fetchedAt === 'number' &&
    typeof e.documentKey === 'string'
  );
}
