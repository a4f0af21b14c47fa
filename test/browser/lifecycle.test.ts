// What a picker starts stops when it leaves the page: requests abort, no event fires
// afterwards, nothing more is written to IndexedDB, and coming back works.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/case-standards-picker.js';
import { StandardsCache } from '../../src/cache/standards-cache.js';
import type { CaseStandardsPicker } from '../../src/picker/case-standards-picker.component.js';
import { generateFramework } from '../../scripts/generate-framework.mjs';
import { CCSS_ID, deleteDb, enterText, nextEvent, part, parts, providerOrigin, putMutable, uniqueDbName, until, v1p0 } from '../helpers.js';

const MUTABLE = `${providerOrigin}/mutable/ims/case/v1p0`;
const DOC_ID = 'e0000000-0000-4000-8000-000000000002';
const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** A fetch that holds back package requests for `delayMs` and records every request's signal. */
function recordingFetch(delayMs = 0) {
  const requests: { url: string; signal?: AbortSignal; ifNoneMatch: string | null }[] = [];
  const wrapped = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    requests.push({ url, signal: init?.signal ?? undefined, ifNoneMatch: new Headers(init?.headers).get('If-None-Match') });
    if (delayMs && url.includes('/CFPackages/')) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, delayMs);
        init?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(init.signal!.reason);
        });
      });
    }
    return fetch(input, init);
  }) as typeof fetch;
  return { fetch: wrapped, requests };
}

function picker(props: Partial<CaseStandardsPicker>): CaseStandardsPicker {
  return Object.assign(document.createElement('case-standards-picker'), props);
}

describe('lifecycle', () => {
  let dbName: string;
  beforeEach(() => (dbName = uniqueDbName()));
  afterEach(() => deleteDb(dbName));

  it('removed while a framework downloads: the request aborts, no event fires, nothing is cached', async () => {
    const recorder = recordingFetch(1500);
    const el = picker({ endpoint: v1p0, framework: CCSS_ID, cacheName: dbName, fetch: recorder.fetch });
    const events: string[] = [];
    for (const type of ['case-framework-load', 'case-error', 'case-selection-change']) el.addEventListener(type, () => events.push(type));
    const container = await fixture(html`<div></div>`);
    container.append(el);
    await until(() => recorder.requests.some(r => r.url.includes('/CFPackages/')), 'the package request');
    el.remove();
    const request = recorder.requests.find(r => r.url.includes('/CFPackages/'))!;
    expect(request.signal?.aborted).to.equal(true);
    await pause(2000);
    expect(events).to.deep.equal([]);
    const cache = new StandardsCache(dbName);
    expect(await cache.listPackages(v1p0)).to.deep.equal([]);
    await cache.close();
  });

  it('removed while a large framework is being stored: the write stops and leaves nothing behind', async () => {
    await putMutable(generateFramework(20_000, { identifier: DOC_ID, title: 'Large', seed: 7 }));
    const el = picker({ endpoint: MUTABLE, framework: DOC_ID, cacheName: dbName });
    const loaded = nextEvent(el, 'case-framework-load', 30_000);
    await fixture(html`<div>${el}</div>`);
    await loaded; // shown: the copy is still being written, chunk by chunk
    el.remove();
    await pause(3000); // longer than the whole write takes
    const cache = new StandardsCache(dbName);
    expect(await cache.listPackages(MUTABLE)).to.deep.equal([]);
    expect(await cache.getPackage(MUTABLE, DOC_ID)).to.equal(undefined);
    await cache.close();
  });

  it('a background revalidation is aborted when another framework opens', async () => {
    await putMutable(generateFramework(50, { identifier: DOC_ID, title: 'Small', seed: 3 }));
    const first = picker({ endpoint: MUTABLE, framework: DOC_ID, cacheName: dbName });
    const stored = nextEvent(first, 'case-framework-load');
    await fixture(html`<div>${first}</div>`);
    await stored;
    await first.ready;
    await pause(300); // stored
    first.remove();
    const recorder = recordingFetch(3000);
    const el = picker({ endpoint: MUTABLE, framework: DOC_ID, cacheName: dbName, cacheMaxAge: 0, fetch: recorder.fetch });
    const loaded = nextEvent<CustomEvent>(el, 'case-framework-load');
    await fixture(html`<div>${el}</div>`);
    expect((await loaded).detail.source).to.equal('cache');
    await until(() => recorder.requests.some(r => r.ifNoneMatch), 'the revalidation request');
    const revalidation = recorder.requests.find(r => r.ifNoneMatch)!;
    expect(revalidation.signal?.aborted).to.equal(false);
    el.framework = '';
    await el.updateComplete;
    expect(revalidation.signal?.aborted).to.equal(true);
    el.remove();
  });

  it('a background revalidation is aborted when the picker leaves the page', async () => {
    await putMutable(generateFramework(50, { identifier: DOC_ID, title: 'Small', seed: 3 }));
    const first = picker({ endpoint: MUTABLE, framework: DOC_ID, cacheName: dbName });
    const stored = nextEvent(first, 'case-framework-load');
    await fixture(html`<div>${first}</div>`);
    await stored;
    await pause(300);
    first.remove();
    const recorder = recordingFetch(3000);
    const el = picker({ endpoint: MUTABLE, framework: DOC_ID, cacheName: dbName, cacheMaxAge: 0, fetch: recorder.fetch });
    await fixture(html`<div>${el}</div>`);
    await until(() => recorder.requests.some(r => r.ifNoneMatch), 'the revalidation request');
    el.remove();
    expect(recorder.requests.find(r => r.ifNoneMatch)!.signal?.aborted).to.equal(true);
  });

  it('comes back: a load cut short by removal starts again when the picker is re-attached', async () => {
    const recorder = recordingFetch(800);
    const el = picker({ endpoint: v1p0, framework: CCSS_ID, noCache: true, fetch: recorder.fetch });
    const container = await fixture(html`<div></div>`);
    container.append(el);
    await until(() => recorder.requests.some(r => r.url.includes('/CFPackages/')), 'the package request');
    el.remove();
    const loaded = nextEvent<CustomEvent>(el, 'case-framework-load', 10_000);
    container.append(el);
    expect((await loaded).detail.itemCount).to.equal(746);
    await el.ready;
    const input = part<HTMLInputElement>(el, 'search-input')!;
    enterText(input, '4.NF.A.1');
    await until(() => parts(el, 'result').length > 0, 'results');
    expect(parts(el, 'result')[0].textContent).to.contain('4.NF.A.1');
  });

  it('comes back: the language follows `lang` again after re-attaching', async () => {
    const el = picker({ endpoint: v1p0, framework: CCSS_ID, noCache: true });
    const loaded = nextEvent(el, 'case-framework-load');
    const container = await fixture(html`<div></div>`);
    container.append(el);
    await loaded;
    el.remove();
    container.append(el);
    el.setAttribute('lang', 'fr');
    await until(() => part(el, 'search-input')?.getAttribute('aria-label') !== 'Search standards', 'French strings');
    expect(part(el, 'search-input')!.getAttribute('aria-label')).to.not.equal('Search standards');
  });

  it('ready resolves once the open framework is shown and searchable', async () => {
    const el = picker({ endpoint: v1p0, framework: CCSS_ID, noCache: true });
    await fixture(html`<div>${el}</div>`);
    await el.ready;
    expect(parts(el, 'treeitem').length).to.be.greaterThan(0);
    const input = part<HTMLInputElement>(el, 'search-input')!;
    enterText(input, 'fractions');
    await el.updateComplete;
    expect(parts(el, 'result').length).to.be.greaterThan(0); // at once: no index still building
  });
});
