import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/case-standards-picker.js';
import type { CaseStandardsPicker } from '../../src/picker/case-standards-picker.component.js';
import { nextEvent, openPicker, part, parts, row, settle, until } from '../helpers.js';

const MP = '6b9b08e6-d7cc-11e8-824f-0242ac160002';

const picker = (props: Partial<CaseStandardsPicker> = {}) => openPicker(props);

const focused = (el: CaseStandardsPicker) => el.shadowRoot!.activeElement as HTMLElement | null;
const tabStops = (el: CaseStandardsPicker) => parts(el, 'treeitem').filter(r => r.getAttribute('tabindex') === '0');

async function focusFirstRow(el: CaseStandardsPicker) {
  parts(el, 'treeitem')[0].focus();
  await settle(el);
}

describe('tree keyboard (APG tree pattern)', () => {
  describe('ArrowDown / ArrowUp', () => {
    it('moves the roving focus between rows', async () => {
      const el = await picker();
      await focusFirstRow(el);
      await sendKeys({ press: 'ArrowDown' });
      await settle(el);
      expect(focused(el)?.getAttribute('aria-posinset')).to.equal('2');
      expect(tabStops(el)).to.deep.equal([focused(el)]);
      await sendKeys({ press: 'ArrowUp' });
      await settle(el);
      expect(focused(el)?.getAttribute('aria-posinset')).to.equal('1');
      await sendKeys({ press: 'ArrowUp' });
      await settle(el);
      expect(focused(el)?.getAttribute('aria-posinset')).to.equal('1');
    });
  });

  describe('ArrowRight', () => {
    it('opens a closed node, then moves to its first child', async () => {
      const el = await picker();
      await focusFirstRow(el);
      await sendKeys({ press: 'ArrowRight' });
      await settle(el);
      expect(row(el, MP)!.getAttribute('aria-expanded')).to.equal('true');
      expect(focused(el)?.dataset.identifier).to.equal(MP);
      await sendKeys({ press: 'ArrowRight' });
      await settle(el);
      expect(focused(el)?.getAttribute('aria-level')).to.equal('2');
      expect(focused(el)?.querySelector('[part~="code"]')?.textContent).to.equal('MP1');
    });
  });

  describe('ArrowLeft', () => {
    it('moves to the parent, then closes it', async () => {
      const el = await picker();
      await focusFirstRow(el);
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await settle(el);
      await sendKeys({ press: 'ArrowLeft' });
      await settle(el);
      expect(focused(el)?.dataset.identifier).to.equal(MP);
      await sendKeys({ press: 'ArrowLeft' });
      await settle(el);
      expect(row(el, MP)!.getAttribute('aria-expanded')).to.equal('false');
    });

    it('swaps with ArrowRight in RTL', async () => {
      const el = await picker();
      el.dir = 'rtl';
      await focusFirstRow(el);
      await sendKeys({ press: 'ArrowLeft' });
      await settle(el);
      expect(row(el, MP)!.getAttribute('aria-expanded')).to.equal('true');
    });
  });

  describe('Home / End', () => {
    it('jump to the first and last rows, rendering rows scrolled out of view', async () => {
      const el = await picker();
      part<HTMLButtonElement>(el, 'expand-all')!.click();
      await settle(el);
      await focusFirstRow(el);
      await sendKeys({ press: 'End' });
      await settle(el);
      const last = focused(el)!;
      expect(Number(last.dataset.index)).to.be.greaterThan(700);
      expect(parts(el, 'treeitem').length).to.be.lessThan(100);
      await sendKeys({ press: 'Home' });
      await settle(el);
      expect(focused(el)?.dataset.index).to.equal('0');
    });
  });

  describe('Enter / Space', () => {
    it('select the focused row', async () => {
      const el = await picker({ multiple: true });
      await focusFirstRow(el);
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowDown' });
      await settle(el);
      const change = nextEvent<CustomEvent>(el, 'case-selection-change');
      await sendKeys({ press: 'Enter' });
      expect((await change).detail.value).to.deep.equal([focused(el)!.dataset.identifier]);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Space' });
      await settle(el);
      expect(el.value.split(' ').length).to.equal(2);
      expect(focused(el)!.getAttribute('aria-selected')).to.equal('true');
    });
  });

  describe('* (asterisk)', () => {
    it('expands every sibling', async () => {
      const el = await picker();
      await focusFirstRow(el);
      await sendKeys({ press: '*' });
      await settle(el);
      const top = parts(el, 'treeitem').filter(r => r.getAttribute('aria-level') === '1');
      expect(top.every(r => r.getAttribute('aria-expanded') === 'true')).to.equal(true);
    });
  });

  describe('type-ahead', () => {
    it('moves to the next row whose code or text starts with the typed characters', async () => {
      const el = await picker();
      await focusFirstRow(el);
      await sendKeys({ press: 'ArrowRight' });
      await settle(el);
      await sendKeys({ type: 'MP4' });
      await settle(el);
      expect(focused(el)?.querySelector('[part~="code"]')?.textContent).to.equal('MP4');
    });
  });

  describe('Tab', () => {
    it('enters the tree on the active row only (one tab stop)', async () => {
      const el = await picker();
      part<HTMLInputElement>(el, 'search-input')!.focus();
      await sendKeys({ press: 'Tab' }); // grade from
      await sendKeys({ press: 'Tab' }); // grade to
      await sendKeys({ press: 'Tab' }); // type
      await sendKeys({ press: 'Tab' }); // expand all
      await sendKeys({ press: 'Tab' }); // collapse all
      await sendKeys({ press: 'Tab' });
      await settle(el);
      expect(focused(el)?.getAttribute('role')).to.equal('treeitem');
      expect(tabStops(el).length).to.equal(1);
    });
  });
});

describe('search combobox', () => {
  async function typeQuery(el: CaseStandardsPicker, text: string) {
    part<HTMLInputElement>(el, 'search-input')!.focus();
    await el.ready;
    await sendKeys({ type: text });
    await settle(el);
  }

  it('shows results in a listbox with marks, a count and the combobox attributes', async () => {
    const el = await picker();
    await typeQuery(el, '4.NF.A.1');
    const input = part<HTMLInputElement>(el, 'search-input')!;
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    const results = part(el, 'results')!;
    expect(results.getAttribute('role')).to.equal('listbox');
    expect(input.getAttribute('aria-controls')).to.equal(results.id);
    const first = parts(el, 'result')[0];
    expect(first.querySelector('[part~="code"]')!.textContent).to.equal('4.NF.A.1');
    expect(first.getAttribute('role')).to.equal('option');
    expect(first.getAttribute('aria-posinset')).to.equal('1');
    expect(first.querySelector('mark')).to.exist;
    expect(part(el, 'result-count')!.textContent).to.match(/\d+ results?/);
  });

  describe('ArrowDown / ArrowUp', () => {
    it('move aria-activedescendant while focus stays in the input', async () => {
      const el = await picker();
      await typeQuery(el, 'fractions');
      const input = part<HTMLInputElement>(el, 'search-input')!;
      await sendKeys({ press: 'ArrowDown' });
      await settle(el);
      expect(focused(el)).to.equal(input);
      const active = input.getAttribute('aria-activedescendant');
      expect(active).to.equal(parts(el, 'result')[0].id);
      await sendKeys({ press: 'ArrowDown' });
      await settle(el);
      expect(input.getAttribute('aria-activedescendant')).to.equal(parts(el, 'result')[1].id);
      await sendKeys({ press: 'ArrowUp' });
      await settle(el);
      expect(input.getAttribute('aria-activedescendant')).to.equal(active);
    });
  });

  describe('Enter', () => {
    it('selects the active result', async () => {
      const el = await picker();
      await typeQuery(el, '4nfa1');
      await sendKeys({ press: 'ArrowDown' });
      const change = nextEvent<CustomEvent>(el, 'case-selection-change');
      await sendKeys({ press: 'Enter' });
      const { detail } = await change;
      expect(detail.items[0].humanCodingScheme).to.equal('4.NF.A.1');
      await settle(el);
      expect(parts(el, 'result')[0].getAttribute('aria-selected')).to.equal('true');
    });
  });

  describe('Escape', () => {
    it('clears the query and returns to the tree', async () => {
      const el = await picker();
      await typeQuery(el, 'fraction');
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(part<HTMLInputElement>(el, 'search-input')!.value).to.equal('');
      expect(part(el, 'tree')).to.exist;
    });
  });

  it('filters by grade with an empty query, and by the education-level attribute', async () => {
    const el = await picker({ educationLevel: '03' });
    await until(() => parts(el, 'result').length > 0, 'filtered results');
    const ids = parts(el, 'result').map(r => r.dataset.identifier!);
    expect(ids.length).to.be.greaterThan(5);
    expect(part(el, 'result-count')!.textContent).to.match(/results/);
    expect(part(el, 'filters')).to.exist;
  });

  it('tolerates a typo', async () => {
    const el = await picker();
    await typeQuery(el, 'fractoins');
    expect(parts(el, 'result').length).to.be.greaterThan(3);
    expect(parts(el, 'result')[0].querySelector('mark')).to.exist;
  });

  it('[axe] results are accessible', async () => {
    const el = await picker({ multiple: true });
    await typeQuery(el, 'place value');
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    await expect(el).to.be.accessible();
  });
});
