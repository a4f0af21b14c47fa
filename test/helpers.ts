// Shared helpers for the browser tests.
// @ts-expect-error served by the `case-provider-origin` plugin in web-test-runner.config.mjs
import { PROVIDER_ORIGIN } from '/__case-provider.js';

/** Origin of the local CASE provider started by web-test-runner.config.mjs. */
export const providerOrigin: string = PROVIDER_ORIGIN;
/** The versioned CASE 1.0 base of the local provider. */
export const v1p0 = `${providerOrigin}/ims/case/v1p0`;

export const CCSS_ID = 'c6496676-d7cb-11e8-824f-0242ac160002';
export const NGSS_ID = 'c608881b-d7cb-11e8-824f-0242ac160002';
export const SAMPLE_ID = '20c5134f-423d-4097-a971-3dd5152bf507';
export const HOSTILE_ID = 'a0000000-0000-4000-8000-000000000000';

/** Fetches a file served from the project by the test runner (fixtures, data). */
export async function loadJson<T = unknown>(path: string): Promise<T> {
  const response = await fetch(new URL(path, location.origin));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** Replaces a framework on the provider's `/mutable` prefix. */
export async function putMutable(pkg: unknown): Promise<void> {
  const response = await fetch(`${providerOrigin}/__admin/put`, { method: 'POST', body: JSON.stringify(pkg) });
  if (!response.ok) throw new Error(await response.text());
}

/** A fetch that counts calls, for asserting what went over the network. */
export function countingFetch(): typeof fetch & { calls: string[] } {
  const calls: string[] = [];
  const wrapped = ((input: RequestInfo | URL, init?: RequestInit) => {
    calls.push(String(input instanceof Request ? input.url : input));
    return fetch(input, init);
  }) as typeof fetch & { calls: string[] };
  wrapped.calls = calls;
  return wrapped;
}

/** A unique IndexedDB name per test. */
export function uniqueDbName(): string {
  return `case-test-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** Resolves with the next event of that type. */
export function nextEvent<T extends Event = CustomEvent>(target: EventTarget, type: string, timeout = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} event within ${timeout} ms`)), timeout);
    target.addEventListener(
      type,
      event => {
        clearTimeout(timer);
        resolve(event as T);
      },
      { once: true },
    );
  });
}

/** Waits until `predicate` is true (polling each frame), or fails after `timeout`. */
export async function until(predicate: () => unknown, message = 'condition', timeout = 5_000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${message}`);
    await new Promise(resolve => requestAnimationFrame(resolve));
  }
}

/** Elements inside the picker's shadow root with a given part. */
export function parts<T extends HTMLElement = HTMLElement>(el: HTMLElement, part: string): T[] {
  return [...el.shadowRoot!.querySelectorAll<T>(`[part~="${part}"]`)];
}

export function part<T extends HTMLElement = HTMLElement>(el: HTMLElement, name: string): T | undefined {
  return parts<T>(el, name)[0];
}

/** A tree row by identifier. */
export function row(el: HTMLElement, identifier: string): HTMLElement | undefined {
  return parts(el, 'treeitem').find(r => r.dataset.identifier === identifier);
}

/** Deletes an IndexedDB database (after closing pickers). */
export function deleteDb(name: string): Promise<void> {
  return new Promise(resolve => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/**
 * A picker on the local provider (CASE 1.0, no IndexedDB unless `cacheName` is given), opened on
 * `framework` (CCSS Math by default) inside a container `width` pixels wide; resolves once the
 * framework has loaded and rendered.
 */
export async function openPicker(
  props: Partial<import('../src/picker/case-standards-picker.component.js').CaseStandardsPicker> = {},
  width = 900,
) {
  const el = document.createElement('case-standards-picker');
  Object.assign(el, { endpoint: v1p0, noCache: !props.cacheName, ...props, framework: '' });
  const loaded = nextEvent(el, 'case-framework-load');
  el.framework = props.framework ?? CCSS_ID;
  const container = document.createElement('div');
  container.style.width = `${width}px`;
  container.append(el);
  const { fixture } = await import('@open-wc/testing');
  await fixture(container);
  await loaded;
  await el.updateComplete;
  return el;
}

/** Puts `text` into a text field and fires the `input` event typing would. */
export function enterText(input: HTMLInputElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Lets pending renders, focus moves and frames finish. */
export async function settle(el: { updateComplete: Promise<boolean> }): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    await new Promise(resolve => requestAnimationFrame(resolve));
  }
}

/** Opens a tree row by clicking its toggle. */
export async function expand(el: HTMLElement & { updateComplete: Promise<boolean> }, identifier: string): Promise<void> {
  row(el, identifier)!.querySelector<HTMLElement>('[part~="toggle"]')!.click();
  await el.updateComplete;
}

/**
 * A picker with two frameworks saved: `first` (NGSS unless given) opened first, then `second`
 * (CCSS Math unless given), which stays open: both copies stored, the second shown and
 * searchable. For "All saved frameworks".
 */
export async function openWithTwoSaved(
  cacheName: string,
  props: Partial<import('../src/picker/case-standards-picker.component.js').CaseStandardsPicker> = {},
  [first, second] = [NGSS_ID, CCSS_ID],
) {
  const el = document.createElement('case-standards-picker');
  Object.assign(el, { endpoint: v1p0, cacheName, ...props });
  let loaded = nextEvent(el, 'case-framework-load');
  el.framework = first;
  const { fixture, html } = await import('@open-wc/testing');
  await fixture(html`<div style="width: 900px">${el}</div>`);
  await loaded;
  loaded = nextEvent(el, 'case-framework-load');
  el.framework = second;
  await loaded;
  await new Promise(resolve => setTimeout(resolve, 400)); // both copies stored
  await el.ready;
  return el;
}
