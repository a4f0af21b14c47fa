import { expect, fixture, html } from '@open-wc/testing';
import '../../src/case-standards-picker.js';
import { StandardsCache } from '../../src/cache/standards-cache.js';
import type { CaseStandardsPicker } from '../../src/picker/case-standards-picker.component.js';
import { generateFramework } from '../../scripts/generate-framework.mjs';
import {
  CCSS_ID,
  countingFetch,
  deleteDb,
  enterText,
  nextEvent,
  part,
  parts,
  providerOrigin,
  putMutable,
  uniqueDbName,
  until,
  v1p0,
} from '../helpers.js';

const MUTABLE = `${providerOrigin}/mutable/ims/case/v1p0`;
const DOC_ID = 'e0000000-0000-4000-8000-000000000001';

function mutablePackage(items: number, title = 'Mutable framework') {
  return generateFramework(items, { identifier: DOC_ID, title, seed: items });
}

let dbName: string;
const pickers: CaseStandardsPicker[] = [];

async function open(props: Partial<CaseStandardsPicker>): Promise<{ el: CaseStandardsPicker; load: CustomEvent }> {
  const el = document.createElement('case-standards-picker');
  Object.assign(el, { cacheName: dbName, ...props });
  const loaded = nextEvent<CustomEvent>(el, 'case-framework-load');
  await fixture(html`<div style="width: 800px">${el}</div>`);
  pickers.push(el);
  return { el, load: await loaded };
}

beforeEach(() => {
  dbName = uniqueDbName();
});

afterEach(async () => {
  for (const el of pickers.splice(0)) el.remove();
  await new Promise(r => setTimeout(r, 20));
  await deleteDb(dbName);
});

describe('IndexedDB cache', () => {
  it('miss, then a fresh hit with no network request', async () => {
    const first = await open({ endpoint: v1p0, framework: CCSS_ID });
    expect(first.load.detail.source).to.equal('network');
    await new Promise(r => setTimeout(r, 200)); // the copy is stored in the background
    const fetch = countingFetch();
    const second = await open({ endpoint: v1p0, framework: CCSS_ID, fetch });
    expect(second.load.detail.source).to.equal('cache');
    expect(second.load.detail.itemCount).to.equal(746);
    expect(fetch.calls).to.deep.equal([]);
  });

  it('stale: shows the cached copy, revalidates with If-None-Match and keeps it on 304', async () => {
    await putMutable(mutablePackage(50));
    await open({ endpoint: MUTABLE, framework: DOC_ID });
    await new Promise(r => setTimeout(r, 200));
    const headers: (string | null)[] = [];
    const spy = ((input: RequestInfo | URL, init?: RequestInit) => {
      headers.push(new Headers(init?.headers).get('If-None-Match'));
      return fetch(input, init);
    }) as typeof fetch;
    const loads: CustomEvent[] = [];
    const { el, load } = await open({ endpoint: MUTABLE, framework: DOC_ID, cacheMaxAge: 0, fetch: spy });
    el.addEventListener('case-framework-load', e => loads.push(e as CustomEvent));
    expect(load.detail.source).to.equal('cache');
    await until(() => headers.length > 0, 'revalidation request');
    await new Promise(r => setTimeout(r, 200));
    expect(headers[0]).to.match(/^"/);
    expect(loads).to.deep.equal([]);
  });

  it('changed upstream: swaps in the new version, keeping the selection', async () => {
    await putMutable(mutablePackage(50));
    const first = await open({ endpoint: MUTABLE, framework: DOC_ID });
    await new Promise(r => setTimeout(r, 200));
    const pkg = mutablePackage(50);
    const keep = (pkg.CFItems[3] as { identifier: string }).identifier;
    first.el.remove();
    await putMutable(mutablePackage(60, 'Mutable framework, edition 2'));
    const el = document.createElement('case-standards-picker');
    Object.assign(el, { cacheName: dbName, endpoint: MUTABLE, framework: DOC_ID, cacheMaxAge: 0, multiple: true, value: keep });
    const loads: CustomEvent[] = [];
    el.addEventListener('case-framework-load', e => loads.push(e as CustomEvent));
    await fixture(el);
    pickers.push(el);
    await until(() => loads.length === 2, 'two loads');
    expect(loads.map(l => l.detail.source)).to.deep.equal(['cache', 'network']);
    expect(loads[1].detail.itemCount).to.equal(60);
    expect(loads[1].detail.title).to.equal('Mutable framework, edition 2');
    expect(el.value).to.equal(keep);
    await el.updateComplete;
    expect(part(el, 'status')?.textContent).to.contain('updated');
  });

  it('a provider whose CORS refuses If-None-Match: compares lastChangeDateTime instead', async () => {
    await putMutable(mutablePackage(40));
    const first = await open({ endpoint: MUTABLE, framework: DOC_ID });
    await new Promise(r => setTimeout(r, 200));
    first.el.remove();
    const changed = mutablePackage(45, 'Edition 3');
    (changed.CFDocument as { lastChangeDateTime: string }).lastChangeDateTime = '2026-06-01T00:00:00+00:00';
    await putMutable(changed);
    const requests: string[] = [];
    const corsStrict = ((input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      if (headers.has('If-None-Match') || headers.has('If-Modified-Since')) {
        return Promise.reject(new TypeError('Failed to fetch (CORS preflight refused)'));
      }
      requests.push(String(input));
      return fetch(input, init);
    }) as typeof fetch;
    const el = document.createElement('case-standards-picker');
    Object.assign(el, { cacheName: dbName, endpoint: MUTABLE, framework: DOC_ID, cacheMaxAge: 0, fetch: corsStrict });
    const loads: CustomEvent[] = [];
    el.addEventListener('case-framework-load', e => loads.push(e as CustomEvent));
    await fixture(el);
    pickers.push(el);
    await until(() => loads.length === 2, 'two loads');
    expect(loads[1].detail).to.include({ source: 'network', itemCount: 45, title: 'Edition 3' });
    expect(requests.some(u => u.endsWith(`/CFDocuments/${DOC_ID}`))).to.equal(true);
  });

  it('offline: opens the cached copy and says how old it is', async () => {
    await open({ endpoint: v1p0, framework: CCSS_ID });
    await new Promise(r => setTimeout(r, 200));
    const offline = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    const { el, load } = await open({ endpoint: v1p0, framework: CCSS_ID, cacheMaxAge: 0, fetch: offline });
    expect(load.detail.source).to.equal('cache');
    await until(() => part(el, 'status')?.textContent?.includes('Offline'), 'offline notice');
    expect(part(el, 'status')!.textContent).to.match(/Offline.*(now|minute|second)/);
  });

  it('no network and no cached copy: a network error', async () => {
    const offline = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    const el = document.createElement('case-standards-picker');
    Object.assign(el, { cacheName: dbName, endpoint: v1p0, framework: CCSS_ID, fetch: offline });
    const error = nextEvent<CustomEvent>(el, 'case-error');
    await fixture(el);
    pickers.push(el);
    expect((await error).detail.code).to.equal('network');
  });

  it('a corrupt record (a chunk missing) is discarded and refetched', async () => {
    await open({ endpoint: v1p0, framework: CCSS_ID });
    await new Promise(r => setTimeout(r, 300));
    pickers.splice(0).forEach(el => el.remove());
    // Remove one chunk behind the cache's back.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(dbName);
      request.onsuccess = () => {
        const db = request.result;
        const tx = db.transaction('chunks', 'readwrite');
        const cursor = tx.objectStore('chunks').openCursor();
        cursor.onsuccess = () => cursor.result?.delete();
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
      request.onerror = () => reject(request.error);
    });
    const { load } = await open({ endpoint: v1p0, framework: CCSS_ID });
    expect(load.detail.source).to.equal('network');
    expect(load.detail.itemCount).to.equal(746);
  });

  it('keeps the package exactly as the provider sent it', async () => {
    const pkg = mutablePackage(4500);
    (pkg as Record<string, unknown>)['ext:vendor'] = { kept: [1, 2] };
    const cache = new StandardsCache(dbName);
    await cache.putPackage({ endpoint: 'e', documentKey: 'k', title: 't', package: pkg, fetchedAt: 1, usedAt: 1 });
    const stored = await cache.getPackage('e', 'k');
    await cache.close();
    expect(stored!.package).to.deep.equal(pkg);
  });

  it('hands over the records chunk by chunk, in order, while it reads', async () => {
    const pkg = mutablePackage(2500);
    const cache = new StandardsCache(dbName);
    await cache.putPackage({ endpoint: 'e', documentKey: 'k', title: 't', package: pkg, fetchedAt: 1, usedAt: 1 });
    const seen: { kind: string; records: unknown[] }[] = [];
    const stored = await cache.getPackage('e', 'k', ({ shell, kind, records }) => {
      expect(shell.CFDocument).to.deep.equal(pkg.CFDocument);
      expect(shell).not.to.have.property('CFItems');
      seen.push({ kind, records });
    });
    await cache.close();
    expect(seen.length).to.be.greaterThan(2); // several chunks of each kind
    const of = (kind: string) => seen.filter(c => c.kind === kind).flatMap(c => c.records);
    expect(seen.findIndex(c => c.kind === 'CFAssociations')).to.equal(seen.filter(c => c.kind === 'CFItems').length);
    expect(of('CFItems')).to.deep.equal(pkg.CFItems);
    expect(of('CFAssociations')).to.deep.equal(pkg.CFAssociations);
    expect(stored!.package).to.deep.equal(pkg);
  });

  it('keeps the search index with the framework: the next open restores it instead of rebuilding it', async () => {
    const indexMeasures = (name: string) => performance.getEntriesByName(`case-picker:index-${name}`).length;
    const scans = () => performance.getEntriesByName('case-picker:scan-prepare').length;
    performance.clearMeasures();
    const first = await open({ endpoint: v1p0, framework: CCSS_ID });
    await first.el.ready;
    expect([indexMeasures('build'), indexMeasures('restore'), scans()]).to.deep.equal([1, 0, 1]);
    // The index is stored in the background, once the package is.
    const cache = new StandardsCache(dbName);
    for (let tries = 0; !(await cache.getIndex(v1p0, CCSS_ID, (await cache.getPackage(v1p0, CCSS_ID))?.version ?? -1)); tries++) {
      if (tries > 100) throw new Error('the index was not stored');
      await new Promise(r => setTimeout(r, 50));
    }
    await cache.close();
    await until(() => indexMeasures('write') === 1, 'case-picker:index-write');
    performance.clearMeasures();
    const second = await open({ endpoint: v1p0, framework: CCSS_ID });
    expect(second.load.detail.source).to.equal('cache');
    // Typed as the tree shows: a framework this small is scanned at once, then its index restored.
    const input = part<HTMLInputElement>(second.el, 'search-input')!;
    enterText(input, '4.NF.A.1');
    await until(() => parts(second.el, 'result').length > 0, 'results');
    expect(parts(second.el, 'result')[0].dataset.identifier).to.be.a('string');
    expect(parts(second.el, 'result')[0].textContent).to.contain('4.NF.A.1');
    await second.el.ready;
    expect([indexMeasures('build'), indexMeasures('restore'), scans()]).to.deep.equal([0, 1, 1]);
    // A restored index is not written again.
    await new Promise(r => setTimeout(r, 100));
    expect(indexMeasures('write')).to.equal(0);
  });

  /** Opens a 10,000-item framework twice: the second time from the cache, returned with a query typed as it shows. */
  async function reopenLarge(damageIndex: boolean) {
    const measures = (name: string) => performance.getEntriesByName(`case-picker:${name}`).length;
    await putMutable(mutablePackage(10_000, 'Large'));
    const first = await open({ endpoint: MUTABLE, framework: DOC_ID });
    await first.el.ready;
    await until(() => measures('index-write') > 0, 'the index kept', 15_000);
    if (damageIndex) {
      const cache = new StandardsCache(dbName);
      const version = (await cache.getPackage(MUTABLE, DOC_ID))!.version;
      await cache.putIndex(MUTABLE, DOC_ID, version, { format: -1 }); // from another picker version, or damaged
      await cache.close();
    }
    performance.clearMeasures();
    const second = await open({ endpoint: MUTABLE, framework: DOC_ID });
    expect(second.load.detail.source).to.equal('cache');
    enterText(part<HTMLInputElement>(second.el, 'search-input')!, 'K.NF.A.1');
    await until(() => parts(second.el, 'result').length > 0, 'results');
    expect(parts(second.el, 'result')[0].textContent).to.contain('K.NF.A.1');
    await second.el.ready;
    return ['index-restore', 'scan-prepare', 'index-build'].map(measures);
  }

  it('a large framework from the cache: a query typed as it shows waits for the kept index, with no scan', async () => {
    expect(await reopenLarge(false)).to.deep.equal([1, 0, 0]);
  });

  it('a large framework whose kept index cannot be used is scanned, then indexed again', async () => {
    expect(await reopenLarge(true)).to.deep.equal([1, 1, 1]);
    await until(() => performance.getEntriesByName('case-picker:index-write').length === 1, 'the rebuilt index kept', 15_000);
  });

  it('a stored index belongs to one version of its framework', async () => {
    const storedIndexes = () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onsuccess = () => {
          const count = request.result.transaction('indexes').objectStore('indexes').count();
          count.onsuccess = () => (request.result.close(), resolve(count.result));
        };
        request.onerror = () => reject(request.error);
      });
    const cache = new StandardsCache(dbName);
    const put = (title: string) =>
      cache.putPackage({ endpoint: 'e', documentKey: 'k', title, package: mutablePackage(20, title), fetchedAt: 1, usedAt: 1 });
    const v1 = (await put('one'))!;
    await cache.putIndex('e', 'k', v1, { any: 'state' });
    expect(await cache.getIndex('e', 'k', v1)).to.deep.equal({ any: 'state' });
    const v2 = (await put('two'))!;
    expect(v2).to.be.greaterThan(v1);
    expect(await cache.getIndex('e', 'k', v1)).to.equal(undefined); // dropped with version one
    expect(await storedIndexes()).to.equal(0); // and its space freed
    await cache.putIndex('e', 'k', v1, { stale: true }); // built from version one: not kept
    expect(await storedIndexes()).to.equal(0);
    expect(await cache.getIndex('e', 'k', v2)).to.equal(undefined);
    await cache.putIndex('e', 'k', v2, { fresh: true });
    expect(await cache.getIndex('e', 'k', v2)).to.deep.equal({ fresh: true });
    expect(await cache.getIndex('e', 'k', v1)).to.equal(undefined);
    await cache.clear('e');
    expect(await cache.getPackage('e', 'k')).to.equal(undefined);
    await cache.close();
  });

  it('upgrades a database written by the first version of the cache, keeping its frameworks', async () => {
    // The version 1 layout: packages, chunks and documents, no indexes.
    const cache1 = new StandardsCache(dbName);
    await cache1.putPackage({ endpoint: 'e', documentKey: 'k', title: 't', package: mutablePackage(30), fetchedAt: 1, usedAt: 1 });
    await cache1.close();
    await new Promise<void>((resolve, reject) => {
      // Recreate it as version 1 with the same records.
      const read = indexedDB.open(dbName);
      read.onsuccess = () => {
        const db = read.result;
        const tx = db.transaction(['packages', 'chunks']);
        const packages = tx.objectStore('packages').getAll();
        const chunks = tx.objectStore('chunks').getAll();
        tx.oncomplete = () => {
          db.close();
          const del = indexedDB.deleteDatabase(dbName);
          del.onsuccess = () => {
            const create = indexedDB.open(dbName, 1);
            create.onupgradeneeded = () => {
              const v1 = create.result;
              const p = v1.createObjectStore('packages', { keyPath: ['endpoint', 'documentKey'] });
              p.createIndex('usedAt', 'usedAt');
              p.createIndex('endpoint', 'endpoint');
              const c = v1.createObjectStore('chunks', { keyPath: 'key' });
              v1.createObjectStore('documents', { keyPath: 'endpoint' });
              for (const record of packages.result) p.put(record);
              for (const record of chunks.result) c.put(record);
            };
            create.onsuccess = () => (create.result.close(), resolve());
            create.onerror = () => reject(create.error);
          };
        };
      };
      read.onerror = () => reject(read.error);
    });
    const cache2 = new StandardsCache(dbName);
    const copy = await cache2.getPackage('e', 'k');
    expect(copy!.package).to.deep.equal(mutablePackage(30));
    await cache2.putIndex('e', 'k', copy!.version, { upgraded: true });
    expect(await cache2.getIndex('e', 'k', copy!.version)).to.deep.equal({ upgraded: true });
    await cache2.close();
  });

  it('IndexedDB unavailable: one informative storage error, and the framework still opens', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    try {
      const el = document.createElement('case-standards-picker');
      Object.assign(el, { cacheName: dbName, endpoint: v1p0, framework: CCSS_ID });
      const errors: CustomEvent[] = [];
      el.addEventListener('case-error', e => errors.push(e as CustomEvent));
      const loaded = nextEvent<CustomEvent>(el, 'case-framework-load');
      await fixture(el);
      pickers.push(el);
      expect((await loaded).detail.source).to.equal('network');
      await new Promise(r => setTimeout(r, 100));
      expect(errors.map(e => e.detail.code)).to.deep.equal(['storage']);
    } finally {
      Object.defineProperty(window, 'indexedDB', descriptor);
    }
  });

  it('quota exceeded: evicts the least recently used framework and retries', async () => {
    const cache = new StandardsCache(dbName);
    const entry = (key: string, usedAt: number) => ({
      endpoint: 'e',
      documentKey: key,
      title: key,
      package: mutablePackage(10),
      fetchedAt: 1,
      usedAt,
    });
    await cache.putPackage(entry('old', 1));
    await cache.putPackage(entry('recent', 2));
    const put = IDBObjectStore.prototype.put;
    let failures = 1;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (failures > 0) {
        failures--;
        throw new DOMException('full', 'QuotaExceededError');
      }
      return put.apply(this, args);
    };
    try {
      await cache.putPackage(entry('new', 3));
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await cache.getPackage('e', 'old')).to.equal(undefined);
    expect((await cache.getPackage('e', 'recent'))?.title).to.equal('recent');
    expect((await cache.getPackage('e', 'new'))?.title).to.equal('new');
    await cache.close();
  });

  it('quota exceeded with nothing left to evict: a storage error', async () => {
    const cache = new StandardsCache(dbName);
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      await cache.putPackage({ endpoint: 'e', documentKey: 'k', title: 'k', package: mutablePackage(10), fetchedAt: 1, usedAt: 1 });
      throw new Error('expected a storage error');
    } catch (error) {
      expect((error as { code?: string }).code).to.equal('storage');
    } finally {
      IDBObjectStore.prototype.put = put;
      await cache.close();
    }
  });

  it('two pickers share one cache safely', async () => {
    const [a, b] = await Promise.all([open({ endpoint: v1p0, framework: CCSS_ID }), open({ endpoint: v1p0, framework: CCSS_ID })]);
    expect(a.load.detail.itemCount).to.equal(746);
    expect(b.load.detail.itemCount).to.equal(746);
    await new Promise(r => setTimeout(r, 200));
    const fetch = countingFetch();
    const c = await open({ endpoint: v1p0, framework: CCSS_ID, fetch });
    expect(c.load.detail.source).to.equal('cache');
  });

  it('reload() bypasses a fresh copy; clearCache() empties the cache', async () => {
    const { el } = await open({ endpoint: v1p0, framework: CCSS_ID });
    await new Promise(r => setTimeout(r, 200));
    const reloaded = nextEvent<CustomEvent>(el, 'case-framework-load');
    await el.reload();
    expect((await reloaded).detail.source).to.equal('network');
    await el.clearCache();
    const cache = new StandardsCache(dbName);
    expect(await cache.getPackage(v1p0, CCSS_ID)).to.equal(undefined);
    await cache.close();
  });

  it('no-cache never opens IndexedDB', async () => {
    await open({ endpoint: v1p0, framework: CCSS_ID, noCache: true });
    const names = (await indexedDB.databases()).map(d => d.name);
    expect(names).to.not.include(dbName);
  });

  it('never stores the bearer token', async () => {
    await open({ endpoint: `${providerOrigin}/auth/ims/case/v1p0`, framework: CCSS_ID, tokenProvider: () => 'secret-token' });
    await new Promise(r => setTimeout(r, 200));
    const cache = new StandardsCache(dbName);
    const stored = await cache.listPackages(`${providerOrigin}/auth/ims/case/v1p0`);
    await cache.close();
    expect(stored.length).to.equal(1);
    expect(JSON.stringify(stored)).to.not.contain('secret-token');
    expect(JSON.stringify({ ...localStorage })).to.not.contain('secret-token');
  });
});
