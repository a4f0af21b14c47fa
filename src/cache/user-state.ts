import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { CaseApiError, CaseErrorCode } from '../api/case-api-error.js';
import type { SelectedItem } from '../events.js';
import { identifierKey } from '../model/normalize.js';

/** Recently selected standards kept per endpoint. */
export const RECENT_LIMIT = 20;

export interface RecentRecord {
  endpoint: string;
  /** Lower-cased identifier. */
  key: string;
  item: SelectedItem;
  usedAt: number;
}

/** Where the user left off, for `restore`: per set of endpoints. */
export interface ViewRecord {
  /** The endpoints, in the host's order, joined by a space. */
  endpoints: string;
  framework: string;
  /** Expanded branch keys. */
  expanded: string[];
  scrollTop: number;
  savedAt: number;
}

interface StateDB extends DBSchema {
  recents: { key: [string, string]; value: RecentRecord; indexes: { endpoint: string } };
  views: { key: string; value: ViewRecord };
}

const DB_VERSION = 1;

/**
 * What the picker remembers about the user, beside the framework cache (a database of its own,
 * `<cache-name>-state`, so the cache's schema is untouched): recently selected standards per
 * endpoint, and the view last left per set of endpoints.
 */
export class UserStateStore {
  private db?: Promise<IDBPDatabase<StateDB>>;

  constructor(readonly name: string) {}

  /** The most recently selected standards on these endpoints, newest first. */
  async recents(endpoints: readonly string[], limit = RECENT_LIMIT): Promise<SelectedItem[]> {
    const db = await this.open();
    const lists = await Promise.all(endpoints.map(endpoint => db.getAllFromIndex('recents', 'endpoint', endpoint)));
    const seen = new Set<string>();
    return lists
      .flat()
      .sort((a, b) => b.usedAt - a.usedAt)
      .filter(r => !seen.has(r.key) && !!seen.add(r.key))
      .slice(0, limit)
      .map(r => r.item);
  }

  /** Records standards just selected (each under its endpoint), keeping the newest `RECENT_LIMIT` per endpoint. */
  async addRecents(items: readonly SelectedItem[], fallbackEndpoint: string): Promise<void> {
    if (!items.length) return;
    const db = await this.open();
    const tx = db.transaction('recents', 'readwrite');
    const now = Date.now();
    const endpoints = new Set<string>();
    items.forEach((item, i) => {
      const endpoint = item.endpoint ?? fallbackEndpoint;
      endpoints.add(endpoint);
      // Later in the list = selected later: newer.
      void tx.store.put({ endpoint, key: identifierKey(item.identifier), item, usedAt: now + i });
    });
    for (const endpoint of endpoints) {
      const records = await tx.store.index('endpoint').getAll(endpoint);
      const old = records.sort((a, b) => b.usedAt - a.usedAt).slice(RECENT_LIMIT);
      for (const record of old) void tx.store.delete([record.endpoint, record.key]);
    }
    await tx.done;
  }

  async getView(endpoints: string): Promise<ViewRecord | undefined> {
    const record = await (await this.open()).get('views', endpoints);
    return record && typeof record.framework === 'string' && Array.isArray(record.expanded) ? record : undefined;
  }

  async putView(record: ViewRecord): Promise<void> {
    await (await this.open()).put('views', record);
  }

  /** Forgets the recents and the saved views (`clearCache()`). */
  async clear(): Promise<void> {
    const db = await this.open();
    await Promise.all([db.clear('recents'), db.clear('views')]);
  }

  async close(): Promise<void> {
    const db = this.db;
    this.db = undefined;
    (await db?.catch(() => undefined))?.close();
  }

  private open(): Promise<IDBPDatabase<StateDB>> {
    if (typeof indexedDB === 'undefined' || indexedDB === null) {
      return Promise.reject(new CaseApiError(CaseErrorCode.storage, 'IndexedDB is not available here.'));
    }
    this.db ??= openDB<StateDB>(`${this.name}-state`, DB_VERSION, {
      upgrade(db) {
        db.createObjectStore('recents', { keyPath: ['endpoint', 'key'] }).createIndex('endpoint', 'endpoint');
        db.createObjectStore('views', { keyPath: 'endpoints' });
      },
      blocking: (_current, _blocked, event) => {
        (event.target as IDBDatabase).close();
        this.db = undefined;
      },
      terminated: () => {
        this.db = undefined;
      },
    }).catch(error => {
      this.db = undefined;
      throw new CaseApiError(CaseErrorCode.storage, 'The recently used standards could not be read or kept.', { cause: error });
    });
    return this.db;
  }
}
