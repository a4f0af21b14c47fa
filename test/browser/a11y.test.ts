import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/case-standards-picker.js';
import type { CaseStandardsPicker } from '../../src/picker/case-standards-picker.component.js';
import { expand, openPicker, part, parts, until } from '../helpers.js';

const MP = '6b9b08e6-d7cc-11e8-824f-0242ac160002';

const picker = (width = 900, props: Partial<CaseStandardsPicker> = {}) => openPicker({ multiple: true, ...props }, width);

const liveRegion = (el: CaseStandardsPicker) => el.shadowRoot!.querySelector('[aria-live="polite"].visually-hidden')!;

describe('accessibility', () => {
  afterEach(() => emulateMedia({ forcedColors: 'none', colorScheme: 'light', reducedMotion: 'no-preference' }));

  describe('live announcements', () => {
    it('announces the loaded framework with its item count', async () => {
      const el = await picker();
      await until(() => liveRegion(el).textContent!.includes('loaded'), 'load announcement');
      expect(liveRegion(el).textContent).to.contain('Common Core State Standards for Math loaded, 746 standards');
    });

    it('announces selection changes and the max', async () => {
      const el = await picker(900, { max: 1 });
      await expand(el, MP);
      parts(el, 'treeitem')[1].click();
      await until(() => liveRegion(el).textContent!.startsWith('Selected'), 'selected announcement');
      expect(liveRegion(el).textContent).to.contain('MP1');
      parts(el, 'treeitem')[2].click();
      await until(() => liveRegion(el).textContent!.includes('at most'), 'max announcement');
      parts(el, 'chip-remove')[0].click();
      await until(() => liveRegion(el).textContent!.startsWith('Removed'), 'removed announcement');
    });

    it('announces result counts after typing, debounced', async () => {
      const el = await picker();
      part<HTMLInputElement>(el, 'search-input')!.focus();
      await el.ready;
      await sendKeys({ type: 'fractions' });
      await until(() => /\d+ results?/.test(liveRegion(el).textContent!), 'result count announcement');
    });
  });

  describe('names and roles', () => {
    it('labels the tree, the listbox, the search box and every control', async () => {
      const el = await picker();
      const tree = part(el, 'tree')!;
      const labelledBy = tree.getAttribute('aria-labelledby')!;
      expect(el.shadowRoot!.getElementById(labelledBy)!.textContent).to.contain('Common Core');
      expect(part(el, 'results')!.getAttribute('aria-label')).to.be.a('string');
      expect(part(el, 'search-input')!.getAttribute('aria-label')).to.equal('Search standards');
      for (const button of el.shadowRoot!.querySelectorAll('button')) {
        expect((button.textContent!.trim() || button.getAttribute('aria-label')) ?? '', button.outerHTML).to.not.equal('');
      }
    });

    it('conveys selection by a check mark and aria-selected, not colour alone', async () => {
      const el = await picker();
      await expand(el, MP);
      const child = parts(el, 'treeitem')[1];
      child.click();
      await el.updateComplete;
      expect(child.getAttribute('aria-selected')).to.equal('true');
      expect(child.querySelector('[part~="check"] svg')).to.exist;
    });

    it('gives grade and type badges text equivalents', async () => {
      const el = await picker();
      await expand(el, MP);
      const badges = parts(el, 'treeitem')[1].querySelector('[part~="badges"]')!.textContent!;
      expect(badges).to.contain('Type:');
      expect(badges).to.contain('Grades:');
    });
  });

  describe('visible focus', () => {
    it('draws a 3 px focus ring on the focused row', async () => {
      const el = await picker();
      parts(el, 'treeitem')[0].focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      const focused = el.shadowRoot!.activeElement as HTMLElement;
      const style = getComputedStyle(focused);
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(3);
    });
  });

  describe('forced colors (Windows High Contrast)', () => {
    it('keeps selection and focus visible with system colours', async () => {
      await emulateMedia({ forcedColors: 'active' });
      const el = await picker();
      await expand(el, MP);
      const child = parts(el, 'treeitem')[1];
      child.click();
      await el.updateComplete;
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const selected = getComputedStyle(child);
      const plain = getComputedStyle(parts(el, 'treeitem')[2]);
      expect(selected.backgroundColor).to.not.equal(plain.backgroundColor);
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      const focused = el.shadowRoot!.activeElement as HTMLElement;
      expect(getComputedStyle(focused).outlineStyle).to.equal('solid');
    });
  });

  describe('narrow containers and zoom', () => {
    it('fits a 320 px wide container without horizontal scrolling', async () => {
      const el = await picker(320);
      await expand(el, MP);
      parts(el, 'treeitem')[1].click();
      await el.updateComplete;
      const base = part(el, 'base')!;
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
      for (const panel of [part(el, 'details')!, part(el, 'selection')!]) {
        expect(panel.scrollWidth, panel.getAttribute('part')!).to.be.at.most(panel.clientWidth + 1);
      }
      // Panels stack: details below the tree.
      expect(part(el, 'details')!.getBoundingClientRect().top).to.be.greaterThan(part(el, 'tree')!.getBoundingClientRect().bottom - 1);
      await expect(el).to.be.accessible();
    });
  });

  describe('themes', () => {
    it('[axe] dark theme and compact density are accessible', async () => {
      const el = await picker(900, { theme: 'dark', density: 'compact' });
      await expand(el, MP);
      parts(el, 'treeitem')[1].click();
      await el.updateComplete;
      expect(getComputedStyle(el).getPropertyValue('--case-picker-color-bg').trim()).to.equal('#0d1117');
      await expect(el).to.be.accessible();
    });

    it('follows prefers-color-scheme in auto', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const el = await picker();
      expect(getComputedStyle(el).getPropertyValue('--case-picker-color-bg').trim()).to.equal('#0d1117');
    });

    it('mirrors the layout under dir=rtl', async () => {
      const el = await picker(900, { dir: 'rtl' });
      await expand(el, MP);
      const child = parts(el, 'treeitem')[1];
      const check = child.querySelector('[part~="check"]')!.getBoundingClientRect();
      const label = child.querySelector('[part~="label"]')!.getBoundingClientRect();
      expect(check.left).to.be.greaterThan(label.left); // start is on the right
      await expect(el).to.be.accessible();
    });
  });
});
