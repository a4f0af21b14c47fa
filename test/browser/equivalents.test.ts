// Equivalents and revisions across frameworks, with the demo frameworks made from CCSS Math
// (data/frameworks/demo-*.json): a district framework whose standards are exactMatchOf CCSS
// ones, a revision whose replacedBy associations point from CCSS standards, a deprecated one.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/case-standards-picker.js';
import type { CaseStandardsPicker } from '../../src/picker/case-standards-picker.component.js';
import type { SelectedItem } from '../../src/events.js';
import { CCSS_ID, deleteDb, nextEvent, openPicker, part, parts, settle, uniqueDbName, until, v1p0 } from '../helpers.js';

const DISTRICT = 'd15c0000-0000-4000-8000-000000000000';
const DEPRECATED = 'dead0000-0000-4000-8000-000000000000';
const REVISED_4NFA1 = 'de7a0000-0000-4000-8000-000000000001';

async function focusResult(el: CaseStandardsPicker, query: string): Promise<void> {
  part<HTMLInputElement>(el, 'search-input')!.focus();
  await el.ready;
  await sendKeys({ type: query });
  await settle(el);
  await sendKeys({ press: 'ArrowDown' });
  await settle(el);
}

const equivalents = (el: CaseStandardsPicker) => parts(el, 'equivalent');

describe('equivalents', () => {
  it('shows the district standard that is the same as a CCSS one (held in the district package), and adds it', async () => {
    const el = await openPicker({ multiple: true });
    await focusResult(el, '4.NF.A.1');
    await until(() => equivalents(el).length > 0, 'equivalents', 8000);
    const eq = equivalents(el)[0];
    expect(eq.dataset.identifier).to.equal('d15c0000-0000-4000-8000-000000000002');
    expect(eq.textContent).to.contain('Same as').and.to.contain('SPS.4.NF.A.1').and.to.contain('Springfield District Math Priorities');
    const change = nextEvent<CustomEvent<{ items: SelectedItem[] }>>(el, 'case-selection-change');
    eq.querySelector<HTMLButtonElement>('[part~="equivalent-add"]')!.click();
    const { detail } = await change;
    expect(detail.items.map(i => [i.identifier, i.documentIdentifier])).to.deep.equal([['d15c0000-0000-4000-8000-000000000002', DISTRICT]]);
    await expect(el).to.be.accessible();
  });

  it('in the other direction: a district standard names its CCSS equivalent, resolved to code, statement and framework', async () => {
    const el = await openPicker({ framework: DISTRICT, multiple: true });
    await focusResult(el, 'SPS.4.NF.A.1');
    await until(() => equivalents(el).length > 0 && !part(el, 'equivalents')!.querySelector('[role="status"]'), 'equivalents', 8000);
    const eq = equivalents(el)[0];
    expect(eq.textContent).to.contain('4.NF.A.1').and.to.contain('Common Core State Standards for Math');
    eq.querySelector<HTMLButtonElement>('[part~="equivalent-add"]')!.click();
    await settle(el);
    expect(el.selectedItems[0].documentIdentifier).to.equal(CCSS_ID);
    expect(el.selectedItems[0].humanCodingScheme).to.equal('4.NF.A.1');
  });

  it('a CCSS standard replaced by the revision is flagged with its replacement, named by code', async () => {
    const el = await openPicker({ multiple: true });
    await focusResult(el, '4.NF.A.1');
    await sendKeys({ press: 'Enter' });
    await until(() => parts(el, 'chip')[0]?.dataset.status === 'replaced', 'the replaced status', 8000);
    const replace = part<HTMLButtonElement>(el, 'chip-replace')!;
    expect(replace.dataset.identifier).to.equal(REVISED_4NFA1);
    await until(() => replace.textContent!.includes('4.R.NF.1'), 'the replacement code', 8000);
    replace.click();
    await until(() => el.selectedItems[0]?.humanCodingScheme === '4.R.NF.1', 'the replacement resolved', 8000);
    expect(el.value).to.equal(REVISED_4NFA1);
  });

  it('a deprecated framework says so', async () => {
    const el = await openPicker({ framework: DEPRECATED });
    const notice = parts(el, 'status').find(s => s.getAttribute('part')!.includes('framework-outdated'))!;
    expect(notice.dataset.status).to.equal('deprecated');
    expect(notice.textContent).to.contain('deprecated');
    await expect(el).to.be.accessible();
  });

  it('an expired standard carries a badge in the tree and in results, and ranks after current ones with the same match', async () => {
    const el = await openPicker({ framework: 'de7a0000-0000-4000-8000-000000000000' });
    const badge = (row: HTMLElement) => row.querySelector('[part~="status-badge"]')?.textContent?.trim();
    const expired = parts(el, 'treeitem').find(r => r.textContent!.includes('4.R.OA.3'))!;
    expect(badge(expired)).to.equal('Expired');
    expect(badge(parts(el, 'treeitem').find(r => r.textContent!.includes('4.R.NF.1'))!)).to.equal(undefined);
    part<HTMLInputElement>(el, 'search-input')!.focus();
    await el.ready;
    await sendKeys({ type: 'revised' }); // every statement of the revision ends with "(Revised.)"
    await settle(el);
    const results = parts(el, 'result');
    expect(results.length).to.equal(4);
    expect(results.at(-1)!.textContent).to.contain('4.R.OA.3');
    expect(badge(results.at(-1)!)).to.equal('Expired');
    await expect(el).to.be.accessible();
  });

  it('a standard of a deprecated framework is deprecated', async () => {
    const el = await openPicker({ framework: DEPRECATED });
    parts(el, 'treeitem')[0].click();
    await settle(el);
    expect(el.selectedItems[0].status).to.equal('deprecated');
  });

  it('finds equivalents in another saved framework without the provider (offline)', async () => {
    const cacheName = uniqueDbName();
    const district = await openPicker({ framework: DISTRICT, cacheName });
    await district.ready;
    await new Promise(r => setTimeout(r, 300)); // stored
    district.remove();
    // The provider answers the package, but no association or item lookups: they come from the saved district.
    const offlineLookups = ((input: RequestInfo | URL, init?: RequestInit) =>
      /CFItemAssociations|CFItems\//.test(String(input))
        ? Promise.reject(new TypeError('Failed to fetch'))
        : fetch(input, init)) as typeof fetch;
    const el = await openPicker({ endpoint: v1p0, cacheName, fetch: offlineLookups });
    await focusResult(el, '4.NF.A.1');
    await until(() => equivalents(el).length > 0, 'equivalents from the saved framework', 8000);
    expect(equivalents(el)[0].textContent).to.contain('SPS.4.NF.A.1').and.to.contain('Springfield');
    el.remove();
    await deleteDb(cacheName);
  });
});
