// Outdated standards: replaced (in the package, or by an association another document holds),
// deprecated, expired (by a fixed clock) and not-found items, as statuses, chips and a
// one-click replacement.
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/case-standards-picker.js';
import type { SelectedItem } from '../../src/events.js';
import { toCsv } from '../../src/export/csv.js';
import type { CaseStandardsPicker } from '../../src/picker/case-standards-picker.component.js';
import { generateFramework } from '../../scripts/generate-framework.mjs';
import { nextEvent, part, parts, providerOrigin, putMutable, settle, until } from '../helpers.js';

const MUTABLE = `${providerOrigin}/mutable/ims/case/v1p0`;
const DOC = 'e0000000-0000-4000-8000-000000000010';
const REVISION = 'e0000000-0000-4000-8000-000000000011';
const MISSING = 'e0000000-0000-4000-8000-0000000000ff';

type Item = { identifier: string; humanCodingScheme: string; adoptionStatus?: string; statusEndDate?: string };
const link = (item: Item) => ({
  title: item.humanCodingScheme,
  identifier: item.identifier,
  uri: `https://case.example.org/uri/${item.identifier}`,
});

function replacedBy(from: Item, to: Item, id: string) {
  return {
    identifier: id,
    uri: `https://case.example.org/uri/${id}`,
    associationType: 'replacedBy',
    originNodeURI: link(from),
    destinationNodeURI: link(to),
    lastChangeDateTime: '2025-01-01T00:00:00+00:00',
  };
}

describe('outdated standards', () => {
  let items: Item[];
  let clock: sinon.SinonFakeTimers;
  before(async () => {
    const pkg = generateFramework(30, { seed: 9, identifier: DOC, title: 'Revised framework' });
    items = pkg.CFItems as Item[];
    items[4].adoptionStatus = 'Deprecated';
    items[5].statusEndDate = '2023-06-30';
    items[6].statusEndDate = '2030-06-30';
    pkg.CFAssociations.push(replacedBy(items[3], items[7], 'e0000000-0000-4000-8000-0000000000a1'));
    await putMutable(pkg);
    // A second document (a revision) holds a replacement for an item of the first.
    const revision = generateFramework(5, { seed: 10, identifier: REVISION, title: 'Revision notes' });
    revision.CFAssociations.push(replacedBy(items[8], items[9], 'e0000000-0000-4000-8000-0000000000a2'));
    await putMutable(revision);
  });
  beforeEach(() => (clock = sinon.useFakeTimers({ now: Date.parse('2024-01-15T12:00:00Z'), toFake: ['Date'], shouldAdvanceTime: true })));
  afterEach(() => clock.restore());

  async function picker(props: Partial<CaseStandardsPicker>): Promise<CaseStandardsPicker> {
    const el = Object.assign(document.createElement('case-standards-picker'), {
      endpoint: MUTABLE,
      noCache: true,
      multiple: true,
      ...props,
    });
    await fixture(html`<form><div style="width: 900px">${el}</div></form>`);
    return el;
  }

  it('a programmatic value resolves every status once, with case-value-resolve and no selection change', async () => {
    const ids = [items[3], items[4], items[5], items[6], items[8]].map(i => i.identifier).concat(MISSING);
    const changes: Event[] = [];
    const el = Object.assign(document.createElement('case-standards-picker'), {
      endpoint: MUTABLE,
      noCache: true,
      multiple: true,
      framework: DOC,
    });
    el.addEventListener('case-selection-change', e => changes.push(e));
    const resolved = nextEvent<CustomEvent<{ items: SelectedItem[] }>>(el, 'case-value-resolve', 10_000);
    el.value = ids.join(' ');
    await fixture(html`<div>${el}</div>`);
    const { detail } = await resolved;
    const status = Object.fromEntries(detail.items.map(i => [i.identifier, i.status]));
    expect(status).to.deep.equal({
      [items[3].identifier]: 'replaced',
      [items[4].identifier]: 'deprecated',
      [items[5].identifier]: 'expired',
      [items[6].identifier]: 'current',
      [items[8].identifier]: 'replaced', // by an association of the other document
      [MISSING]: 'not-found',
    });
    expect(detail.items[0].replacedBy).to.deep.equal([items[7].identifier]);
    expect(detail.items[4].replacedBy).to.deep.equal([items[9].identifier]);
    expect(changes).to.have.length(0);
  });

  it('resolves identifiers of frameworks that are not open, with their status', async () => {
    const el = await picker({ value: `${items[3].identifier} ${items[8].identifier}` });
    const resolved = nextEvent<CustomEvent<{ items: SelectedItem[] }>>(el, 'case-value-resolve', 10_000);
    el.value = `${items[3].identifier} ${items[8].identifier}`;
    const { detail } = await resolved;
    expect(detail.items.map(i => [i.status, i.replacedBy])).to.deep.equal([
      ['replaced', [items[7].identifier]],
      ['replaced', [items[9].identifier]],
    ]);
  });

  it('marks outdated chips, says why, and replaces in place with one change', async () => {
    const el = await picker({ framework: DOC });
    await el.ready;
    const resolved = nextEvent(el, 'case-value-resolve', 10_000);
    el.value = [items[6], items[3], items[4]].map(i => i.identifier).join(' ');
    await resolved;
    await settle(el);
    const chip = (id: string) => parts(el, 'chip').find(c => c.dataset.identifier === id)!;
    expect(chip(items[6].identifier).getAttribute('part')).to.equal('chip');
    expect(chip(items[3].identifier).getAttribute('part')).to.equal('chip outdated');
    expect(chip(items[3].identifier).dataset.status).to.equal('replaced');
    expect(chip(items[3].identifier).textContent).to.contain(`Replaced by ${items[7].humanCodingScheme}`);
    expect(chip(items[4].identifier).textContent).to.contain('Deprecated');
    const replace = chip(items[3].identifier).querySelector<HTMLButtonElement>('[part~="chip-replace"]')!;
    expect(replace.dataset.identifier).to.equal(items[7].identifier);
    expect(replace.textContent).to.contain(`Replace with ${items[7].humanCodingScheme}`);
    const changes: CustomEvent[] = [];
    el.addEventListener('case-selection-change', e => changes.push(e as CustomEvent));
    replace.click();
    await settle(el);
    expect(el.value.split(' ')).to.deep.equal([items[6].identifier, items[7].identifier, items[4].identifier]);
    expect(changes).to.have.length(1);
    expect(chip(items[7].identifier).dataset.status).to.equal('current');
    await expect(el).to.be.accessible();
  });

  it('a not-found identifier is kept and shown, but does not count toward max, is not submitted and not exported', async () => {
    const el = await picker({ framework: DOC, max: 1, name: 'standards' });
    await el.ready;
    const resolved = nextEvent(el, 'case-value-resolve', 10_000);
    el.value = MISSING;
    await resolved;
    await settle(el);
    expect(parts(el, 'chip')[0].dataset.status).to.equal('not-found');
    expect(parts(el, 'chip')[0].getAttribute('part')).to.equal('chip outdated');
    // max = 1 is not reached by an identifier no provider knows: a real standard can be added.
    part<HTMLElement>(el, 'treeitem')!.click();
    await settle(el);
    expect(el.value.split(' ')).to.have.length(2);
    expect(part(el, 'selection')!.querySelector('[role="alert"]')).to.equal(null);
    const form = el.closest('form')!;
    expect(new FormData(form).getAll('standards')).to.deep.equal([items[0].identifier]);
    expect(toCsv(el.selectedItems).trim().split('\r\n')).to.have.length(2); // header + the real one
    await until(() => el.selectedItems.some(i => i.status === 'not-found'), 'a not-found item');
  });
});

describe('resolving identifiers offline', () => {
  it('an identifier resolved once resolves again from the cache when the network is gone, with its status', async () => {
    const { deleteDb, uniqueDbName } = await import('../helpers.js');
    const dbName = uniqueDbName();
    const pkg = generateFramework(30, { seed: 9, identifier: DOC, title: 'Revised framework' });
    const [old, replacement] = [pkg.CFItems[10] as Item, pkg.CFItems[11] as Item];
    pkg.CFAssociations.push(replacedBy(old, replacement, 'e0000000-0000-4000-8000-0000000000a3'));
    await putMutable(pkg);
    const resolve = async (fetchImpl?: typeof fetch) => {
      const el = Object.assign(document.createElement('case-standards-picker'), {
        endpoint: MUTABLE,
        cacheName: dbName,
        ...(fetchImpl ? { fetch: fetchImpl } : {}),
      });
      const resolved = nextEvent<CustomEvent<{ items: SelectedItem[] }>>(el, 'case-value-resolve', 10_000);
      el.value = old.identifier;
      await fixture(html`<div>${el}</div>`);
      const { detail } = await resolved;
      el.remove();
      return detail.items[0];
    };
    const online = await resolve();
    expect([online.status, online.humanCodingScheme]).to.deep.equal(['replaced', old.humanCodingScheme]);
    await new Promise(r => setTimeout(r, 100)); // the record is written in the background
    const offline = await resolve((() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch);
    expect([offline.status, offline.humanCodingScheme, offline.replacedBy]).to.deep.equal([
      'replaced',
      old.humanCodingScheme,
      [replacement.identifier],
    ]);
    await deleteDb(dbName);
  });
});
