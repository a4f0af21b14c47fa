// Recently used standards (kept in IndexedDB across page loads, `no-recent`, `clearCache()`) and
// `restore` (the last framework, its expansion and scroll position).
import { expect, fixture } from '@open-wc/testing';
import '../../src/case-standards-picker.js';
import type { CaseStandardsPicker } from '../../src/picker/case-standards-picker.component.js';
import { CCSS_ID, deleteDb, enterText, expand, nextEvent, part, parts, row, settle, uniqueDbName, until, v1p0 } from '../helpers.js';

const MP = '6b9b08e6-d7cc-11e8-824f-0242ac160002';
const NF_A_1 = '6b9c09e2-d7cc-11e8-824f-0242ac160002';

async function picker(props: Partial<CaseStandardsPicker>): Promise<CaseStandardsPicker> {
  const el = document.createElement('case-standards-picker');
  Object.assign(el, { endpoint: v1p0, multiple: true, ...props });
  await fixture(el);
  await el.ready;
  await settle(el);
  return el;
}

const recentIds = (el: HTMLElement) => parts(el, 'recent-item').map(b => b.dataset.identifier);

describe('recently used standards', () => {
  let cacheName: string;
  beforeEach(() => (cacheName = uniqueDbName()));
  afterEach(async () => {
    document.querySelectorAll('case-standards-picker').forEach(p => p.remove());
    await deleteDb(cacheName);
    await deleteDb(`${cacheName}-state`);
  });

  it('keeps the standards the user selected across page loads, newest first; one selects without opening its framework', async () => {
    const first = await picker({ cacheName, framework: CCSS_ID, value: NF_A_1 });
    row(first, MP)!.click();
    await settle(first);
    await expand(first, MP);
    await settle(first);
    const child = parts(first, 'treeitem')[1];
    child.click();
    await until(() => recentIds(first).length === 2, 'recorded', 3000);
    first.remove();

    const second = await picker({ cacheName, framework: '' });
    await until(() => recentIds(second).length === 2, 'recents on the list', 3000);
    // Newest first; the programmatic value (4.NF.A.1) is not "used".
    expect(recentIds(second)).to.deep.equal([child.dataset.identifier, MP]);
    expect(part(second, 'recent')!.textContent).to.contain('Common Core State Standards for Math');
    await expect(second).to.be.accessible();
    const change = nextEvent(second, 'case-selection-change');
    part(second, 'recent-item')!.click();
    expect(((await change) as CustomEvent).detail.value).to.deep.equal([child.dataset.identifier]);
    expect(second.framework).to.equal('');
    await settle(second);
    expect(part(second, 'recent-item')!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('is offered, folded, in the open framework while the search is empty', async () => {
    const first = await picker({ cacheName, framework: CCSS_ID });
    row(first, MP)!.click();
    await until(() => part(first, 'recent'), 'recent in the framework', 3000);
    expect(part(first, 'recent')!.tagName).to.equal('DETAILS');
    const input = part<HTMLInputElement>(first, 'search-input')!;
    enterText(input, 'fractions');
    await settle(first);
    expect(part(first, 'recent')).to.equal(undefined);
  });

  it('`no-recent` neither records nor shows them', async () => {
    const first = await picker({ cacheName, framework: CCSS_ID, noRecent: true });
    row(first, MP)!.click();
    await settle(first);
    await new Promise(resolve => setTimeout(resolve, 200));
    first.remove();
    const second = await picker({ cacheName, framework: '' });
    await new Promise(resolve => setTimeout(resolve, 200));
    expect(parts(second, 'recent-item')).to.have.length(0);
  });

  it('clearCache() forgets them', async () => {
    const first = await picker({ cacheName, framework: CCSS_ID });
    row(first, MP)!.click();
    await until(() => recentIds(first).length === 1, 'recorded', 3000);
    await first.clearCache();
    await settle(first);
    expect(parts(first, 'recent-item')).to.have.length(0);
    first.remove();
    const second = await picker({ cacheName, framework: '' });
    await new Promise(resolve => setTimeout(resolve, 200));
    expect(parts(second, 'recent-item')).to.have.length(0);
  });
});

describe('restore', () => {
  it('reopens the last framework with its expansion and scroll position', async () => {
    const cacheName = uniqueDbName();
    const first = await picker({ cacheName, framework: CCSS_ID, restore: true });
    part(first, 'expand-all')!.click();
    await settle(first);
    const tree = part(first, 'tree')!;
    tree.scrollTop = 600;
    tree.dispatchEvent(new Event('scroll'));
    await settle(first);
    await new Promise(resolve => setTimeout(resolve, 800)); // saved after a pause
    first.remove();

    const el = document.createElement('case-standards-picker');
    Object.assign(el, { endpoint: v1p0, cacheName, restore: true });
    const loaded = nextEvent(el, 'case-framework-load');
    await fixture(el);
    expect(((await loaded) as CustomEvent).detail.identifier).to.equal(CCSS_ID);
    await until(() => part(el, 'tree')?.scrollTop === 600, 'scroll position', 3000);
    expect(parts(el, 'treeitem').length).to.be.greaterThan(3);
    expect(el.framework).to.equal(CCSS_ID);

    // Without `restore`, the list shows.
    el.remove();
    const plain = await picker({ cacheName, framework: '', restore: false });
    expect(parts(plain, 'framework-option').length).to.be.greaterThan(0);
    plain.remove();
    await deleteDb(cacheName);
    await deleteDb(`${cacheName}-state`);
  });
});
