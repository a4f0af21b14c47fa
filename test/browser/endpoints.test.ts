// Several CASE endpoints in one picker: merged lists with mirrors listed once, a failing endpoint
// that does not hide the others, per-endpoint tokens, pinning and `value` across endpoints, offline.
import { expect, fixture } from '@open-wc/testing';
import '../../src/case-standards-picker.js';
import { generateFramework } from '../../scripts/generate-framework.mjs';
import type { CaseStandardsPicker } from '../../src/picker/case-standards-picker.component.js';
import {
  CCSS_ID,
  deleteDb,
  enterText,
  nextEvent,
  NGSS_ID,
  openWithTwoSaved,
  part,
  parts,
  providerOrigin,
  putMutable,
  settle,
  uniqueDbName,
  until,
  v1p0,
} from '../helpers.js';

const MIRROR = `${providerOrigin}/mirror/ims/case/v1p0`;
const DISTRICT_ID = 'd15c0000-0000-4000-8000-000000000000';
const NF_A_1 = '6b9c09e2-d7cc-11e8-824f-0242ac160002';

async function listPicker(props: Partial<CaseStandardsPicker>): Promise<CaseStandardsPicker> {
  const el = document.createElement('case-standards-picker');
  Object.assign(el, { noCache: !props.cacheName, ...props });
  await fixture(el);
  await el.ready;
  await el.updateComplete;
  return el;
}

const options = (el: HTMLElement) => parts(el, 'framework-option');

describe('several endpoints', () => {
  it('merges the lists: a mirrored framework once, from the first endpoint; each names its provider', async () => {
    const el = await listPicker({ endpoint: `${v1p0} ${MIRROR}` });
    const ccss = options(el).filter(o => o.dataset.identifier === CCSS_ID);
    expect(ccss).to.have.length(1);
    expect(ccss[0].dataset.endpoint).to.equal(v1p0);
    // The district framework is in both here too (the main provider serves every file): first wins.
    const mirrorFirst = await listPicker({ endpoint: `${MIRROR} ${v1p0}` });
    expect(options(mirrorFirst).find(o => o.dataset.identifier === CCSS_ID)!.dataset.endpoint).to.equal(MIRROR);
    expect(options(mirrorFirst).find(o => o.dataset.identifier === NGSS_ID)!.dataset.endpoint).to.equal(v1p0);
    expect(options(mirrorFirst).find(o => o.dataset.identifier === NGSS_ID)!.textContent).to.contain(new URL(v1p0).host);
    expect(options(mirrorFirst).find(o => o.dataset.identifier === CCSS_ID)!.textContent).to.contain('/mirror');
    await expect(mirrorFirst).to.be.accessible();
  });

  it('offers the provider as a facet', async () => {
    const el = await listPicker({ endpoint: `${MIRROR} ${v1p0}` });
    const select = [...el.shadowRoot!.querySelectorAll('select')].find(s => s.textContent!.includes('All providers'))!;
    const mirrorName = [...select.options].find(o => o.value.endsWith('/mirror'))!.value;
    select.value = mirrorName;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(
      options(el)
        .map(o => o.dataset.identifier)
        .sort(),
    ).to.deep.equal([CCSS_ID, DISTRICT_ID].sort());
  });

  it('an endpoint that fails leaves the others shown, with a specific notice and one case-error', async () => {
    const down = `${providerOrigin}/fault/status/503/ims/case/v1p0`;
    const el = document.createElement('case-standards-picker');
    const errors: CustomEvent[] = [];
    el.addEventListener('case-error', e => errors.push(e as CustomEvent));
    Object.assign(el, { noCache: true, endpoint: `${down} ${MIRROR}` });
    await fixture(el);
    await el.ready;
    await until(() => errors.length > 0, 'case-error');
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(errors).to.have.length(1);
    expect(errors[0].detail.code).to.equal('http');
    expect(options(el).map(o => o.dataset.identifier)).to.include(CCSS_ID);
    const notice = part(el, 'endpoint-error')!;
    expect(notice.textContent).to.contain(`${new URL(down).host}/fault/status/503`);
    expect(notice.textContent).to.contain('missing');
    await expect(el).to.be.accessible();
  });

  it('pins `framework` across endpoints: the next endpoint serves it when the first cannot', async () => {
    const down = `${providerOrigin}/fault/status/500/ims/case/v1p0`;
    const el = document.createElement('case-standards-picker');
    Object.assign(el, { noCache: true, endpoint: `${down} ${MIRROR}`, multiple: true });
    const loaded = nextEvent(el, 'case-framework-load');
    el.framework = CCSS_ID;
    await fixture(el);
    expect(((await loaded) as CustomEvent).detail.identifier).to.equal(CCSS_ID);
    await el.updateComplete;
    parts(el, 'treeitem')[0].click();
    await el.updateComplete;
    expect(el.selectedItems[0].endpoint).to.equal(MIRROR);
  });

  it('asks tokenProvider per endpoint and never sends one endpoint’s token to another', async () => {
    const auth = `${providerOrigin}/auth/ims/case/v1p0`;
    const mirrorAuth = `${providerOrigin}/mirror-auth/ims/case/v1p0`;
    const asked: string[] = [];
    const sent: { url: string; authorization: string | null }[] = [];
    const el = await listPicker({
      endpoint: `${auth} ${mirrorAuth}`,
      tokenProvider: endpoint => {
        asked.push(endpoint);
        return endpoint === mirrorAuth ? 'mirror-token' : 'secret-token';
      },
      fetch: (input, init) => {
        sent.push({ url: String(input), authorization: new Headers(init?.headers).get('Authorization') });
        return fetch(input, init);
      },
    });
    expect(part(el, 'endpoint-error')).to.equal(undefined);
    expect(options(el).map(o => o.dataset.identifier)).to.include.members([CCSS_ID, NGSS_ID, DISTRICT_ID]);
    expect([...new Set(asked)].sort()).to.deep.equal([auth, mirrorAuth].sort());
    for (const { url, authorization } of sent) {
      expect(authorization).to.equal(url.startsWith(mirrorAuth) ? 'Bearer mirror-token' : 'Bearer secret-token');
    }
  });

  it('sends no Authorization header to an endpoint the token provider has no token for', async () => {
    const auth = `${providerOrigin}/auth/ims/case/v1p0`;
    const sent: { url: string; authorization: string | null }[] = [];
    const el = await listPicker({
      endpoint: `${MIRROR} ${auth}`,
      tokenProvider: endpoint => (endpoint === auth ? 'secret-token' : undefined),
      fetch: (input, init) => {
        sent.push({ url: String(input), authorization: new Headers(init?.headers).get('Authorization') });
        return fetch(input, init);
      },
    });
    expect(part(el, 'endpoint-error')).to.equal(undefined);
    expect(sent.filter(r => r.url.startsWith(MIRROR)).every(r => r.authorization === null)).to.equal(true);
    expect(sent.filter(r => r.url.startsWith(auth)).every(r => r.authorization === 'Bearer secret-token')).to.equal(true);
  });

  it('resolves `value` across endpoints: an identifier only the second one knows', async () => {
    const id = 'e0000000-0000-4000-8000-000000000050';
    const item = 'e0000000-0000-4000-8000-000000000051';
    await putMutable({
      CFDocument: { identifier: id, title: 'Only on the second endpoint' },
      CFItems: [{ identifier: item, fullStatement: 'Second only', humanCodingScheme: 'S.1' }],
    });
    const el = document.createElement('case-standards-picker');
    Object.assign(el, {
      noCache: true,
      multiple: true,
      endpoint: `${v1p0} ${providerOrigin}/mutable/ims/case/v1p0`,
      value: `${item} ${NF_A_1}`,
    });
    const resolved = nextEvent(el, 'case-value-resolve');
    await fixture(el);
    const items = ((await resolved) as CustomEvent).detail.items as CaseStandardsPicker['selectedItems'];
    const second = items.find(i => i.identifier === item)!;
    expect(second.status).to.equal('current');
    expect(second.humanCodingScheme).to.equal('S.1');
    expect(second.endpoint).to.equal(`${providerOrigin}/mutable/ims/case/v1p0`);
    expect(items.find(i => i.identifier === NF_A_1)!.status).not.to.equal('not-found');
  });

  it('works offline with two endpoints: both lists and a framework from the cache', async () => {
    const cacheName = uniqueDbName();
    const endpoint = `${v1p0} ${MIRROR}`;
    const online = await listPicker({ endpoint, cacheName });
    online.framework = DISTRICT_ID;
    await nextEvent(online, 'case-framework-load');
    await until(() => performance.getEntriesByName('case-picker:cache-write').length > 0, 'cached');
    online.remove();
    const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const el = await listPicker({ endpoint, cacheName, fetch: offline });
    expect(options(el).map(o => o.dataset.identifier)).to.include.members([CCSS_ID, DISTRICT_ID]);
    expect(el.shadowRoot!.textContent).to.match(/offline|saved/i);
    const loaded = nextEvent(el, 'case-framework-load');
    options(el)
      .find(o => o.dataset.identifier === DISTRICT_ID)!
      .click();
    expect(((await loaded) as CustomEvent).detail.source).to.equal('cache');
    el.remove();
    await deleteDb(cacheName);
  });

  it('searches the frameworks saved from every endpoint with "All saved frameworks"', async () => {
    // A framework only the second endpoint has is saved from it, NGSS (open) from the first.
    const cacheName = uniqueDbName();
    const onlySecond = 'e0000000-0000-4000-8000-000000000005';
    await putMutable(generateFramework(60, { identifier: onlySecond, title: 'Only on the second', seed: 3 }));
    const el = await openWithTwoSaved(cacheName, { endpoint: `${v1p0} ${providerOrigin}/mutable/ims/case/v1p0`, multiple: true }, [
      onlySecond,
      NGSS_ID,
    ]);
    const scope = [...part(el, 'filters')!.querySelectorAll('select')].at(-1)!;
    scope.value = 'endpoint';
    scope.dispatchEvent(new Event('change'));
    await until(() => scope.selectedOptions[0]?.textContent?.includes('(2)'), 'the other framework indexed', 10_000);
    const input = part<HTMLInputElement>(el, 'search-input')!;
    enterText(input, 'fractions');
    await settle(el);
    const paths = parts(el, 'result').map(r => r.querySelector('[part~="path"]')!.textContent!);
    expect(
      paths.some(p => p.includes('Only on the second ›')),
      paths.join(' | '),
    ).to.equal(true);
    await deleteDb(cacheName);
  });
});
