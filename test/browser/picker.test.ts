import { expect, fixture, html } from '@open-wc/testing';
import '../../src/case-standards-picker.js';
import { CaseClient } from '../../src/api/case-client.js';
import type { CaseStandardsPicker } from '../../src/picker/case-standards-picker.component.js';
import {
  CCSS_ID,
  countingFetch,
  enterText,
  nextEvent,
  NGSS_ID,
  openPicker,
  part,
  parts,
  providerOrigin,
  row,
  SAMPLE_ID,
  settle,
  until,
  v1p0,
} from '../helpers.js';

// CCSS Math identifiers used below.
const MP = '6b9b08e6-d7cc-11e8-824f-0242ac160002'; // "Standards for Mathematical Practice"
const NGSS_ITEM_LOOKUP = async () => {
  const pkg = await (await fetch(`${v1p0}/CFPackages/${NGSS_ID}`)).json();
  return pkg.CFItems.find((i: { humanCodingScheme?: string }) => i.humanCodingScheme) as {
    identifier: string;
    humanCodingScheme: string;
    fullStatement: string;
  };
};

async function openTemplate(template: ReturnType<typeof html>): Promise<CaseStandardsPicker> {
  const el = await fixture<CaseStandardsPicker>(template);
  if (el.framework) {
    await nextEvent(el, 'case-framework-load');
    await el.updateComplete;
  }
  return el;
}

const ccss = (props: Partial<CaseStandardsPicker> = {}) => openPicker(props);

describe('<case-standards-picker>', () => {
  describe('registration and shadow root', () => {
    it('is defined once and has an open shadow root', async () => {
      const el = await fixture<CaseStandardsPicker>(html`<case-standards-picker></case-standards-picker>`);
      expect(customElements.get('case-standards-picker')).to.equal(el.constructor);
      expect(el.shadowRoot).to.not.equal(null);
      expect(part(el, 'status')!.textContent).to.contain('No CASE endpoint');
    });
  });

  describe('framework list', () => {
    it('lists every CFDocument, and opening one loads it', async () => {
      const el = await openTemplate(html`<case-standards-picker endpoint=${v1p0} no-cache></case-standards-picker>`);
      await until(() => parts(el, 'framework-option').length > 0, 'framework options');
      const options = parts(el, 'framework-option');
      const ids = options.map(o => o.dataset.identifier);
      expect(ids).to.include(CCSS_ID).and.to.include(NGSS_ID);
      expect(part(el, 'framework-list')).to.exist;
      const loaded = nextEvent<CustomEvent>(el, 'case-framework-load');
      options.find(o => o.dataset.identifier === NGSS_ID)!.click();
      const event = await loaded;
      expect(event.detail).to.include({ identifier: NGSS_ID, itemCount: 1037, source: 'network' });
      expect(el.framework).to.equal(NGSS_ID);
      await el.updateComplete;
      expect(part(el, 'tree')).to.exist;
      // Back returns to the list.
      part(el, 'back')!.click();
      await until(() => parts(el, 'framework-option').length > 0, 'list again');
      expect(el.framework).to.equal('');
    });

    it('filters the list by text and facet', async () => {
      const el = await openTemplate(html`<case-standards-picker endpoint=${v1p0} no-cache></case-standards-picker>`);
      await until(() => parts(el, 'framework-option').length > 0, 'framework options');
      const input = part<HTMLInputElement>(el, 'framework-filter')!;
      input.value = 'science';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(parts(el, 'framework-option').map(o => o.dataset.identifier)).to.deep.equal([NGSS_ID]);
    });

    it('[axe] framework list is accessible', async () => {
      const el = await openTemplate(html`<case-standards-picker endpoint=${v1p0} no-cache></case-standards-picker>`);
      await until(() => parts(el, 'framework-option').length > 0, 'framework options');
      await expect(el).to.be.accessible();
    });

    it('lists every document of a service root endpoint', async () => {
      const total = Number((await fetch(`${v1p0}/CFDocuments?limit=1`)).headers.get('X-Total-Count'));
      const el = await openTemplate(html`<case-standards-picker endpoint=${providerOrigin} no-cache></case-standards-picker>`);
      await until(() => parts(el, 'framework-option').length > 0, 'framework options');
      // Deprecated and retired frameworks (the demo has one) are listed once asked for.
      part<HTMLInputElement>(el, 'show-retired')!.click();
      await el.updateComplete;
      expect(parts(el, 'framework-option').length).to.equal(total);
    });
  });

  describe('tree', () => {
    it('renders rows with the treeitem contract', async () => {
      const el = await ccss();
      const tree = part(el, 'tree')!;
      expect(tree.getAttribute('role')).to.equal('tree');
      expect(tree.getAttribute('aria-multiselectable')).to.equal('false');
      const rows = parts(el, 'treeitem');
      expect(rows.length).to.equal(3);
      for (const [i, r] of rows.entries()) {
        expect(r.getAttribute('role')).to.equal('treeitem');
        expect(r.getAttribute('aria-level')).to.equal('1');
        expect(r.getAttribute('aria-posinset')).to.equal(String(i + 1));
        expect(r.getAttribute('aria-setsize')).to.equal('3');
        expect(r.getAttribute('aria-expanded')).to.equal('false');
        expect(r.getAttribute('aria-selected')).to.equal('false');
        expect(r.dataset.identifier).to.match(/^[0-9a-f-]{36}$/);
      }
      expect(rows.map(r => r.getAttribute('tabindex'))).to.deep.equal(['0', '-1', '-1']);
    });

    it('expands with the toggle, shows code and badges', async () => {
      const el = await ccss();
      row(el, MP)!.querySelector<HTMLElement>('[part~="toggle"]')!.click();
      await el.updateComplete;
      expect(row(el, MP)!.getAttribute('aria-expanded')).to.equal('true');
      const children = parts(el, 'treeitem').filter(r => r.getAttribute('aria-level') === '2');
      expect(children.length).to.equal(8);
      expect(children[0].querySelector('[part~="code"]')!.textContent).to.equal('MP1');
      expect(children[0].textContent).to.contain('Standard');
    });

    it('expand all renders only a window of a large tree', async () => {
      const el = await ccss();
      part<HTMLButtonElement>(el, 'expand-all')!.click();
      await el.updateComplete;
      const rows = parts(el, 'treeitem');
      expect(rows.length).to.be.greaterThan(5);
      expect(rows.length).to.be.lessThan(80); // 746 items, only the visible ones (+ buffer) rendered
      const last = rows.at(-1)!;
      const lastIndex = Number(last.dataset.index);
      expect(lastIndex).to.be.lessThan(100);
    });

    it('remembers expansion per framework', async () => {
      const el = await ccss();
      row(el, MP)!.querySelector<HTMLElement>('[part~="toggle"]')!.click();
      await el.updateComplete;
      const loadedNgss = nextEvent(el, 'case-framework-load');
      el.framework = NGSS_ID;
      await loadedNgss;
      const loadedCcss = nextEvent(el, 'case-framework-load');
      el.framework = CCSS_ID;
      await loadedCcss;
      await el.updateComplete;
      expect(row(el, MP)!.getAttribute('aria-expanded')).to.equal('true');
    });

    it('[axe] tree with details is accessible', async () => {
      const el = await ccss({ multiple: true });
      row(el, MP)!.querySelector<HTMLElement>('[part~="toggle"]')!.click();
      await el.updateComplete;
      parts(el, 'treeitem')[1].click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });

  describe('selection', () => {
    async function expanded(extra: Partial<CaseStandardsPicker> = {}) {
      const el = await ccss(extra);
      row(el, MP)!.querySelector<HTMLElement>('[part~="toggle"]')!.click();
      await el.updateComplete;
      return { el, children: () => parts(el, 'treeitem').filter(r => r.getAttribute('aria-level') === '2') };
    }

    it('single: a new pick replaces the old, and events carry the contract detail', async () => {
      const { el, children } = await expanded();
      const changes: CustomEvent[] = [];
      let plainChanges = 0;
      el.addEventListener('case-selection-change', e => changes.push(e as CustomEvent));
      el.addEventListener('change', () => plainChanges++);
      children()[0].click();
      await until(() => changes.length === 1, 'first change');
      children()[1].click();
      await until(() => changes.length === 2, 'second change');
      const [first, second] = [children()[0].dataset.identifier!, children()[1].dataset.identifier!];
      expect(changes[0].detail.value).to.deep.equal([first]);
      expect(changes[1].detail.value).to.deep.equal([second]);
      expect(changes[1].bubbles && changes[1].composed).to.equal(true);
      const item = changes[1].detail.items[0];
      expect(item).to.include({
        identifier: second,
        humanCodingScheme: 'MP2',
        documentIdentifier: CCSS_ID,
        documentTitle: 'Common Core State Standards for Math',
      });
      expect(item.uri).to.equal(`https://casenetwork.imsglobal.org/uri/${second}`);
      expect(item.fullStatement).to.contain('Reason abstractly');
      expect(plainChanges).to.equal(2);
      expect(el.value).to.equal(second);
      expect(el.selectedItems.map(i => i.identifier)).to.deep.equal([second]);
      expect(children()[1].getAttribute('aria-selected')).to.equal('true');
      expect(children()[1].getAttribute('part')).to.equal('treeitem selected');
      expect(children()[0].getAttribute('aria-selected')).to.equal('false');
    });

    it('multiple: toggles, keeps order, and shows chips', async () => {
      const { el, children } = await expanded({ multiple: true });
      expect(part(el, 'tree')!.getAttribute('aria-multiselectable')).to.equal('true');
      children()[2].click();
      children()[0].click();
      await el.updateComplete;
      const ids = [children()[2].dataset.identifier!, children()[0].dataset.identifier!];
      expect(el.value.split(' ')).to.deep.equal(ids);
      const chips = parts(el, 'chip');
      expect(chips.map(c => c.dataset.identifier)).to.deep.equal(ids);
      expect(chips[0].textContent).to.contain('MP3');
      children()[2].click();
      await el.updateComplete;
      expect(el.value).to.equal(ids[1]);
    });

    it('max: a pick over max is refused with a visible, announced message', async () => {
      const { el, children } = await expanded({ multiple: true, max: 2 });
      let events = 0;
      el.addEventListener('case-selection-change', () => events++);
      children()[0].click();
      children()[1].click();
      await el.updateComplete;
      children()[2].click();
      await el.updateComplete;
      expect(el.value.split(' ').length).to.equal(2);
      const message = el.shadowRoot!.querySelector('[part~="selection"] [role="alert"]');
      expect(message?.textContent).to.contain('at most 2');
      await until(() => events === 2, 'two events');
      await new Promise(r => setTimeout(r, 50));
      expect(events).to.equal(2);
    });

    it('removing a chip is a user change; setting value is not', async () => {
      const { el, children } = await expanded({ multiple: true });
      let events = 0;
      el.addEventListener('case-selection-change', () => events++);
      el.value = `${children()[0].dataset.identifier} ${children()[1].dataset.identifier}`;
      await el.updateComplete;
      await new Promise(r => setTimeout(r, 50));
      expect(events).to.equal(0);
      expect(parts(el, 'chip').length).to.equal(2);
      const change = nextEvent<CustomEvent>(el, 'case-selection-change');
      parts(el, 'chip-remove')[0].click();
      const event = await change;
      expect(event.detail.value).to.deep.equal([children()[1].dataset.identifier]);
    });

    it('survives switching frameworks, and resolves other frameworks\u2019 items with CFItems/{id}', async () => {
      const ngssItem = await NGSS_ITEM_LOOKUP();
      const fetch = countingFetch();
      const { el, children } = await expanded({ multiple: true, fetch });
      const mp1 = children()[0].dataset.identifier!;
      el.value = `${mp1} ${ngssItem.identifier} 00000000-0000-4000-8000-00000000dead`;
      await until(
        () => parts(el, 'chip').length === 3 && parts(el, 'chip').every(c => !c.textContent!.includes('Loading')),
        'chips resolved',
      );
      const chips = parts(el, 'chip');
      expect(chips[0].textContent).to.contain('MP1');
      expect(chips[1].textContent).to.contain(ngssItem.humanCodingScheme);
      expect(chips[2].textContent).to.contain('Not found');
      expect(chips[2].classList.contains('not-found')).to.equal(true);
      expect(fetch.calls.filter(u => u.includes('/CFItems/')).length).to.equal(2);
      const ngss = el.selectedItems[1];
      expect(ngss.fullStatement).to.equal(ngssItem.fullStatement);
      expect(ngss.documentIdentifier).to.equal(NGSS_ID);
      // Switch framework: the selection stays.
      const loaded = nextEvent(el, 'case-framework-load');
      el.framework = SAMPLE_ID;
      await loaded;
      expect(el.value.split(' ').length).to.equal(3);
    });

    it('names the framework of an item resolved on its own, also from a plain-string CFDocumentURI', async () => {
      const { el } = await expanded({ multiple: true });
      el.value = 'edfce0e7-dbbf-40d5-af1a-baccabef85e9'; // OpenSALT sample: CFDocumentURI is a string
      await until(() => !!el.selectedItems[0]?.fullStatement, 'item resolved');
      expect(el.selectedItems[0].documentIdentifier).to.equal(SAMPLE_ID);
      expect(el.selectedItems[0].documentUri).to.match(/20c5134f-423d-4097-a971-3dd5152bf507$/);
    });

    it('[axe] chips and max message are accessible', async () => {
      const { el, children } = await expanded({ multiple: true, max: 1 });
      children()[0].click();
      children()[1].click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });

  describe('forms', () => {
    async function inForm(attrs = '') {
      const form = await fixture<HTMLFormElement>(html`<form><input name="title" value="t" /></form>`);
      form.insertAdjacentHTML('beforeend', `<case-standards-picker name="standards" multiple no-cache ${attrs}></case-standards-picker>`);
      const el = form.querySelector('case-standards-picker')!;
      const loaded = nextEvent(el, 'case-framework-load');
      el.endpoint = v1p0;
      el.framework = CCSS_ID;
      await loaded;
      await el.updateComplete;
      row(el, MP)!.querySelector<HTMLElement>('[part~="toggle"]')!.click();
      await el.updateComplete;
      return { form, el, children: () => parts(el, 'treeitem').filter(r => r.getAttribute('aria-level') === '2') };
    }

    it('submits one entry per selected identifier', async () => {
      const { form, el, children } = await inForm();
      children()[0].click();
      children()[1].click();
      await el.updateComplete;
      const data = new FormData(form);
      expect(data.getAll('standards')).to.deep.equal([children()[0].dataset.identifier, children()[1].dataset.identifier]);
      expect(el.form).to.equal(form);
    });

    it('required with nothing selected is valueMissing', async () => {
      const { el, children } = await inForm('required');
      expect(el.checkValidity()).to.equal(false);
      expect(el.validity!.valueMissing).to.equal(true);
      expect(el.validationMessage).to.contain('Select at least one');
      children()[0].click();
      await el.updateComplete;
      expect(el.checkValidity()).to.equal(true);
    });

    it('form reset restores the initial value', async () => {
      const form = await fixture<HTMLFormElement>(html`<form></form>`);
      const initial = '6b9f345f-d7cc-11e8-824f-0242ac160002';
      form.innerHTML = `<case-standards-picker name="s" multiple no-cache value="${initial}"></case-standards-picker>`;
      const el = form.querySelector('case-standards-picker')!;
      el.endpoint = v1p0;
      await el.updateComplete;
      el.value = `${initial} 6b9fca17-d7cc-11e8-824f-0242ac160002`;
      await el.updateComplete;
      form.reset();
      await el.updateComplete;
      expect(el.value).to.equal(initial);
      expect(new FormData(form).getAll('s')).to.deep.equal([initial]);
    });

    it('restores the selection from saved form state (back/forward, session restore)', async () => {
      const { el } = await inForm();
      const saved = '6b9ca36a-d7cc-11e8-824f-0242ac160002 6b9c09e2-d7cc-11e8-824f-0242ac160002';
      el.formStateRestoreCallback(saved);
      await el.updateComplete;
      expect(el.value).to.equal(saved);
      await until(() => parts(el, 'chip').every(c => c.textContent!.includes('MP1') || c.textContent!.includes('4.NF.A.1')), 'chips');
    });

    it('disabled blocks selection changes and form submission', async () => {
      const { form, el, children } = await inForm('disabled');
      children()[0].click();
      await el.updateComplete;
      expect(el.value).to.equal('');
      el.disabled = false;
      await el.updateComplete;
      children()[0].click();
      await el.updateComplete;
      expect(new FormData(form).getAll('standards').length).to.equal(1);
    });
  });

  describe('details and breadcrumb', () => {
    it('shows the focused item\u2019s record and path', async () => {
      const el = await ccss();
      row(el, MP)!.querySelector<HTMLElement>('[part~="toggle"]')!.click();
      await settle(el);
      const child = parts(el, 'treeitem')[1];
      child.focus();
      await el.updateComplete;
      const details = part(el, 'details')!;
      expect(details.textContent).to.contain('Make sense of problems');
      expect(details.querySelector('a')!.getAttribute('href')).to.match(/^https:\/\/casenetwork\.imsglobal\.org\/uri\//);
      expect(part(el, 'breadcrumb')!.textContent).to.contain('Standards for Mathematical Practice');
    });

    it('groups associations in plain words and links targets inside the framework', async () => {
      const el = await ccss({ framework: SAMPLE_ID });
      const rows = parts(el, 'treeitem');
      rows[0].querySelector<HTMLElement>('[part~="toggle"]')?.click();
      await el.updateComplete;
      // Find an item with a "precedes" association.
      let found = false;
      for (const r of parts(el, 'treeitem')) {
        r.focus();
        await el.updateComplete;
        if (part(el, 'details')!.textContent!.includes('Same as')) {
          found = true;
          break;
        }
      }
      expect(found).to.equal(true);
    });
  });

  describe('errors', () => {
    it('a 404 framework shows an alert and fires case-error not-found', async () => {
      const el = document.createElement('case-standards-picker');
      el.noCache = true;
      el.endpoint = v1p0;
      el.framework = '00000000-0000-4000-8000-000000000404';
      const error = nextEvent<CustomEvent>(el, 'case-error');
      await fixture(el);
      expect((await error).detail).to.include({ code: 'not-found', status: 404 });
      await el.updateComplete;
      const status = part(el, 'status')!;
      expect(status.getAttribute('role')).to.equal('alert');
      expect(status.textContent).to.contain('not found');
      await expect(el).to.be.accessible();
    });

    it('an injected client is used as it is', async () => {
      const el = document.createElement('case-standards-picker');
      el.noCache = true;
      el.client = new CaseClient({ endpoint: v1p0 });
      const loaded = nextEvent<CustomEvent>(el, 'case-framework-load');
      el.framework = CCSS_ID;
      await fixture(el);
      expect((await loaded).detail.itemCount).to.equal(746);
    });
  });

  describe('switching during a load', () => {
    it('never shows the previous framework\u2019s data', async () => {
      const el = document.createElement('case-standards-picker');
      el.noCache = true;
      el.endpoint = `${providerOrigin}/fault/slow/600/ims/case/v1p0`;
      el.framework = NGSS_ID;
      await fixture(el);
      const loads: string[] = [];
      el.addEventListener('case-framework-load', e => loads.push((e as CustomEvent).detail.identifier));
      await new Promise(r => setTimeout(r, 50));
      el.endpoint = v1p0;
      el.framework = CCSS_ID;
      await until(() => loads.length > 0, 'a load');
      await new Promise(r => setTimeout(r, 900));
      expect(loads).to.deep.equal([CCSS_ID]);
      expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Common Core State Standards for Math');
    });
  });
});

describe('strings and lang', () => {
  it('uses the built-in table for lang, follows changes, and applies overrides', async () => {
    const el = await openPicker({ lang: 'fr' } as Partial<CaseStandardsPicker>);
    expect(part<HTMLInputElement>(el, 'search-input')!.getAttribute('aria-label')).to.equal('Rechercher des standards');
    expect(el.shadowRoot!.textContent).to.contain('Tout déplier');
    el.lang = 'es-MX'; // observed, so the strings follow on the next update
    await until(() => el.shadowRoot!.textContent!.includes('Expandir todo'), 'Spanish strings');
    el.strings = { expandAll: 'Open everything' };
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Open everything');
    expect(el.shadowRoot!.textContent).to.contain('Contraer todo');
    el.lang = 'xx';
    el.strings = {};
    await until(() => el.shadowRoot!.textContent!.includes('Expand all'), 'English fallback');
  });

  it('follows the page language when the element has none', async () => {
    document.documentElement.lang = 'fr';
    try {
      const el = await openPicker();
      expect(el.shadowRoot!.textContent).to.contain('Tout replier');
    } finally {
      document.documentElement.lang = 'en';
    }
  });
});

describe('framework list facets', () => {
  it('hides deprecated and retired frameworks behind a toggle, and filters by subject', async () => {
    const doc = (identifier: string, title: string, adoptionStatus: string, subject: string[]) => ({
      CFDocument: {
        identifier,
        title,
        adoptionStatus,
        subject,
        creator: 'State',
        lastChangeDateTime: '2024-05-01T00:00:00Z',
        version: '2.0',
      },
      CFItems: [],
      CFAssociations: [],
    });
    const { fixtureFetch, STORY_ENDPOINT } = await import('../../stories/mocks/fixture-fetch.js');
    const el = document.createElement('case-standards-picker');
    Object.assign(el, {
      endpoint: STORY_ENDPOINT,
      noCache: true,
      fetch: fixtureFetch([
        doc('00000000-0000-4000-8000-000000000001', 'Math 2024', 'Adopted', ['Math']),
        doc('00000000-0000-4000-8000-000000000002', 'Math 2010', 'Deprecated', ['Math']),
        doc('00000000-0000-4000-8000-000000000003', 'Science 2015', 'Retired', ['Science']),
        doc('00000000-0000-4000-8000-000000000004', 'Arts 2020', 'Draft', ['Arts']),
      ]),
    });
    await fixture(el);
    await until(() => parts(el, 'framework-option').length > 0, 'list');
    const titles = () => parts(el, 'framework-option').map(o => o.querySelector('[part~="option-title"]')!.textContent);
    expect(titles()).to.deep.equal(['Arts 2020', 'Math 2024']);
    expect(parts(el, 'framework-option')[1].textContent).to.contain('Version 2.0').and.to.contain('Adopted').and.to.contain('State');
    const toggle = part<HTMLInputElement>(el, 'show-retired')!;
    toggle.click();
    await el.updateComplete;
    expect(titles()).to.deep.equal(['Arts 2020', 'Math 2010', 'Math 2024', 'Science 2015']);
    const subject = parts<HTMLSelectElement>(el, 'framework-facet').find(s => s.textContent!.includes('All subjects'))!;
    subject.value = 'Math';
    subject.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(titles()).to.deep.equal(['Math 2010', 'Math 2024']);
  });
});

describe('a long framework list', () => {
  it('paints its first screen, then a page of 100 with "show more", in natural order, and filters across all', async () => {
    const { fixtureFetch, STORY_ENDPOINT } = await import('../../stories/mocks/fixture-fetch.js');
    const docs = Array.from({ length: 250 }, (_, i) => ({
      CFDocument: { identifier: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, title: `Framework ${i + 1}` },
      CFItems: [],
      CFAssociations: [],
    }));
    const el = document.createElement('case-standards-picker');
    Object.assign(el, { endpoint: STORY_ENDPOINT, noCache: true, fetch: fixtureFetch(docs) });
    await fixture(el);
    await el.ready;
    await el.updateComplete;
    // The first screen first; the rest of the page once it has painted. "Show more" counts from the page.
    expect(parts(el, 'framework-option')).to.have.length(20);
    expect(part(el, 'show-more-frameworks')!.textContent).to.contain('Show 150 more frameworks');
    await until(() => parts(el, 'framework-option').length === 100, 'the rest of the page');
    expect(part(el, 'show-more-frameworks')!.textContent).to.contain('Show 150 more frameworks');
    expect(parts(el, 'framework-option')[1].textContent).to.contain('Framework 2'); // natural order: 2 before 10
    part(el, 'show-more-frameworks')!.click();
    await el.updateComplete;
    expect(parts(el, 'framework-option')).to.have.length(250);
    expect(part(el, 'show-more-frameworks')).to.equal(undefined);
    const filter = part<HTMLInputElement>(el, 'framework-filter')!;
    enterText(filter, 'framework 24');
    await el.updateComplete;
    expect(parts(el, 'framework-option').map(o => o.querySelector('[part~="option-title"]')!.textContent)).to.deep.equal([
      'Framework 24',
      'Framework 240',
      'Framework 241',
      'Framework 242',
      'Framework 243',
      'Framework 244',
      'Framework 245',
      'Framework 246',
      'Framework 247',
      'Framework 248',
      'Framework 249',
    ]);
  });
});

describe('pre-selection when the framework fails', () => {
  it('still resolves the selected items with CFItems/{id}', async () => {
    const el = document.createElement('case-standards-picker');
    Object.assign(el, { endpoint: `${providerOrigin}/fault/slow/300/ims/case/v1p0`, noCache: true, multiple: true });
    el.framework = '00000000-0000-4000-8000-000000000404';
    const error = nextEvent(el, 'case-error');
    await fixture(el);
    el.value = '6b9ca36a-d7cc-11e8-824f-0242ac160002'; // while the framework is still loading
    await error;
    await until(() => parts(el, 'chip')[0]?.textContent?.includes('MP1'), 'chip resolved');
    expect(el.selectedItems[0].documentIdentifier).to.equal(CCSS_ID);
  });
});
