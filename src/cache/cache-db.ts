import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { CaseApiError, CaseErrorCode } from '../api/case-api-error.js';
import type { RawCFDocument, RawCFPackage } from '../api/case-types.js';

// The IndexedDB database of `StandardsCache`: its schema, its records and how it is opened.

/** Bump when the stored shape changes; `upgrade` migrates from every older version. */
const DB_VERSION = 3;

/** The package arrays stored in chunks; everything else stays in the package record. */
export type ChunkedKey = 'CFItems' | 'CFAssociations';

/** What the cache keeps about a framework, besides its records. */
export interface CachedPackageInfo {
  endpoint: string;
  /** Lower-cased CFDocument identifier. */
  documentKey: string;
  title: string;
  etag?: string;
  lastModified?: string;
  lastChangeDateTime?: string;
  /** When the copy was fetched or last confirmed unchanged (ms since epoch). */
  fetchedAt: number;
  /** When the copy was last opened, for least-recently-used eviction. */
  usedAt: number;
}

export interface PackageRecord extends CachedPackageInfo {
  schema: number;
  /** Identifies this write's chunks; a newer write replaces them. */
  version: number;
  /** The package without the chunked arrays. */
  shell: RawCFPackage;
  chunks: Record<ChunkedKey, number>;
}

export interface IndexRecord {
  endpoint: string;
  documentKey: string;
  /** The package version the index was built from. */
  version: number;
  state: unknown;
}

export interface ChunkRecord {
  key: [string, string, number, string, number];
  records: unknown[];
}

export interface DocumentsRecord {
  schema: number;
  endpoint: string;
  documents: RawCFDocument[];
  fetchedAt: number;
}

/** A CFItem resolved on its own (`CFItems/{id}`) with its associations, for offline use. */
export interface ItemRecord {
  endpoint: string;
  itemKey: string;
  item: unknown;
  associations: unknown[];
  fetchedAt: number;
}

export interface PickerDB extends DBSchema {
  items: {
    key: [string, string];
    value: ItemRecord;
  };
  packages: {
    key: [string, string];
    value: PackageRecord;
    indexes: { usedAt: number; endpoint: string };
  };
  chunks: {
    key: [string, string, number, string, number];
    value: ChunkRecord;
  };
  documents: {
    key: string;
    value: DocumentsRecord;
  };
  indexes: {
    key: [string, string];
    value: IndexRecord;
  };
}

/** How long to wait for another tab to release an older database version. */
const BLOCKED_TIMEOUT_MS = 3000;

export function storageError(message: string, cause?: unknown): CaseApiError {
  return new CaseApiError(CaseErrorCode.storage, message, { cause });
}

/**
 * Opens (creating or upgrading) the database. `onClosed` is told when the connection closes: another
 * tab needs a newer version, or the browser ended it.
 */
export function openCacheDB(name: string, onClosed: () => void): Promise<IDBPDatabase<PickerDB>> {
  if (typeof indexedDB === 'undefined' || indexedDB === null) {
    return Promise.reject(storageError('IndexedDB is not available here, so frameworks are not kept offline.'));
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(storageError('The framework cache is blocked by another tab using an older version.')),
      BLOCKED_TIMEOUT_MS,
    );
    openDB<PickerDB>(name, DB_VERSION, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) {
          const packages = db.createObjectStore('packages', { keyPath: ['endpoint', 'documentKey'] });
          packages.createIndex('usedAt', 'usedAt');
          packages.createIndex('endpoint', 'endpoint');
          db.createObjectStore('chunks', { keyPath: 'key' });
          db.createObjectStore('documents', { keyPath: 'endpoint' });
        }
        if (oldVersion < 2) db.createObjectStore('indexes', { keyPath: ['endpoint', 'documentKey'] });
        if (oldVersion < 3) db.createObjectStore('items', { keyPath: ['endpoint', 'itemKey'] });
        // Later versions: `if (oldVersion < 4) { … }`, migrating or clearing records.
      },
      blocking: (_current, _blocked, event) => {
        // A newer version wants to upgrade: step aside, reopen lazily next time.
        (event.target as IDBDatabase).close();
        onClosed();
      },
      terminated: onClosed,
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
