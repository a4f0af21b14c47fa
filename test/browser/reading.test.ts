// Reading without selecting, list markers, and provider text that keeps its own direction in RTL.
import { expect } from '@open-wc/testing';
import '../../src/case-standards-picker.js';
import { CCSS_ID, enterText, expand, openPicker, part, parts, providerOrigin, putMutable, settle } from '../helpers.js';

const MP = '6b9b08e6-d7cc-11e8-824f-0242ac160002';

describe('reading and labels', () => {
  it('row-details shows a row in details without touching the selection (tree and results)', async () => {
    const el = await openPicker({ multiple: true });
    await expand(el, MP);
    await settle(el); // the toggle's focus move (and its details) are done
    const child = parts(el, 'treeitem')[1];
    child.querySelector<HTMLElement>('[part~="row-details"]')!.click();
    await settle(el);
    expect(el.value).to.equal('');
    expect(part(el, 'details')!.textContent).to.contain(child.querySelector('[part~="label"]')!.textContent!.trim().slice(0, 30));
    await el.ready;
    const input = part<HTMLInputElement>(el, 'search-input')!;
    enterText(input, '4.NF.A.1');
    await settle(el);
    parts(el, 'result')[0].querySelector<HTMLElement>('[part~="row-details"]')!.click();
    await settle(el);
    expect(el.value).to.equal('');
    expect(part(el, 'details')!.querySelector('h3')!.textContent).to.contain('4.NF.A.1');
    await expect(el).to.be.accessible();
  });

  it('shows a listEnumeration as a list marker, not as a code', async () => {
    const id = 'e0000000-0000-4000-8000-000000000020';
    const item = (n: number, extra: object) => ({
      identifier: `e0000000-0000-4000-8000-00000000002${n}`,
      fullStatement: `Statement ${n}`,
      ...extra,
    });
    await putMutable({
      CFDocument: { identifier: id, title: 'Numbered' },
      CFItems: [item(1, { listEnumeration: '12' }), item(2, { humanCodingScheme: 'A.1' })],
      CFAssociations: [1, 2].map(n => ({
        identifier: `e0000000-0000-4000-8000-00000000003${n}`,
        associationType: 'isChildOf',
        originNodeURI: { identifier: `e0000000-0000-4000-8000-00000000002${n}`, uri: 'x', title: 'x' },
        destinationNodeURI: { identifier: id, uri: 'y', title: 'y' },
      })),
    });
    const el = await openPicker({ endpoint: `${providerOrigin}/mutable/ims/case/v1p0`, framework: id });
    const [numbered, coded] = parts(el, 'treeitem');
    expect(numbered.querySelector('[part~="code"]')).to.equal(null);
    expect(numbered.querySelector('[part~="list-marker"]')!.textContent).to.equal('12.');
    expect(coded.querySelector('[part~="code"]')!.textContent).to.equal('A.1');
  });

  it('in a right-to-left page, codes and grade ranges keep their left-to-right order', async () => {
    const el = await openPicker({ framework: CCSS_ID, dir: 'rtl' } as never);
    await el.ready;
    const input = part<HTMLInputElement>(el, 'search-input')!;
    enterText(input, '3.NF.A.2');
    await settle(el);
    expect(getComputedStyle(el).direction).to.equal('rtl');
    const code = parts(el, 'result')[0].querySelector<HTMLElement>('[part~="code"]')!;
    expect(code.textContent).to.equal('3.NF.A.2');
    expect(getComputedStyle(code).direction).to.equal('ltr');
    expect(getComputedStyle(code).unicodeBidi).to.equal('isolate');
    // Laid out left to right: the first character ("3") is left of the last ("2").
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    while (walker.nextNode()) if (walker.currentNode.textContent) texts.push(walker.currentNode as Text);
    const charRect = (node: Text, at: number) => {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      return range.getBoundingClientRect();
    };
    const last = texts.at(-1)!;
    expect(charRect(texts[0], 0).left).to.be.lessThan(charRect(last, last.length - 1).left);
    // The typed code and English statements and paths keep their own direction too.
    expect(getComputedStyle(input).direction).to.equal('ltr');
    const result = parts(el, 'result')[0];
    expect(getComputedStyle(result.querySelector('[part~="label"]')!).direction).to.equal('ltr');
    expect(getComputedStyle(result.querySelector('[part~="path"]')!).direction).to.equal('ltr');
    enterText(input, '');
    await settle(el);
    const badge = parts(el, 'treeitem')
      .map(r => r.querySelector<HTMLElement>('[part~="badges"] bdi'))
      .find(b => b?.textContent?.includes('–'))!;
    expect(badge.textContent).to.match(/^(K|\d+)–\d+$/);
    expect(getComputedStyle(badge).direction).to.equal('ltr');
    await expect(el).to.be.accessible();
  });
});

describe('a pasted list of codes', () => {
  it('shows exactly those items in the list’s order, names the codes that matched nothing, and selects them all at once', async () => {
    const el = await openPicker({ multiple: true });
    await el.ready;
    const input = part<HTMLInputElement>(el, 'search-input')!;
    enterText(input, '4.NF.A.2, 4.NF.A.1;\n9.ZZ.9 4.NF.A.2');
    await settle(el);
    expect(parts(el, 'result').map(r => r.querySelector('[part~="code"]')!.textContent)).to.deep.equal(['4.NF.A.2', '4.NF.A.1']);
    expect(part(el, 'code-list')!.textContent).to.contain('2 standards').and.to.contain('9.ZZ.9');
    const changes: CustomEvent[] = [];
    el.addEventListener('case-selection-change', e => changes.push(e as CustomEvent));
    part<HTMLButtonElement>(el, 'select-codes')!.click();
    await settle(el);
    expect(el.selectedItems.map(i => i.humanCodingScheme)).to.deep.equal(['4.NF.A.2', '4.NF.A.1']);
    expect(changes).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('respects max and says how many were left out', async () => {
    const el = await openPicker({ multiple: true, max: 1 });
    await el.ready;
    const input = part<HTMLInputElement>(el, 'search-input')!;
    enterText(input, '4.NF.A.1, 4.NF.A.2, 4.NF.B.3');
    await settle(el);
    part<HTMLButtonElement>(el, 'select-codes')!.click();
    await settle(el);
    expect(el.selectedItems).to.have.length(1);
    expect(part(el, 'selection')!.querySelector('[role="alert"]')!.textContent).to.contain('at most 1');
  });

  it('an ordinary query is not a list of codes', async () => {
    const el = await openPicker({ multiple: true });
    await el.ready;
    const input = part<HTMLInputElement>(el, 'search-input')!;
    enterText(input, 'equivalent fractions');
    await settle(el);
    expect(part(el, 'code-list')).to.equal(undefined);
    expect(parts(el, 'result').length).to.be.greaterThan(3);
  });
});

describe('branch selection', () => {
  it('selects every standard below a branch in one change, and the branches above show a mixed check', async () => {
    const el = await openPicker({ multiple: true });
    await el.ready;
    const input = part<HTMLInputElement>(el, 'search-input')!;
    input.focus();
    enterText(input, '4.NF.A');
    await settle(el);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await settle(el);
    const button = part<HTMLButtonElement>(el, 'branch-select')!;
    expect(button.textContent).to.contain('Select all 2 standards in 4.NF.A');
    const changes: Event[] = [];
    el.addEventListener('case-selection-change', e => changes.push(e));
    button.click();
    await settle(el);
    expect(el.selectedItems.map(i => i.humanCodingScheme)).to.deep.equal(['4.NF.A.1', '4.NF.A.2']);
    expect(changes).to.have.length(1);
    part<HTMLButtonElement>(el, 'show-in-tree')!.click();
    await settle(el);
    const mixed = parts(el, 'treeitem').filter(r => r.querySelector('[part~="check"][part~="mixed"]'));
    expect(mixed.length).to.be.greaterThan(0);
    expect(mixed.every(r => r.getAttribute('aria-selected') === 'false')).to.equal(true);
    expect(mixed.map(r => r.querySelector('[part~="code"]')?.textContent)).to.include('4.NF.A');
    await expect(el).to.be.accessible();
  });
});

describe('results that read the same', () => {
  it('are told apart by their parent in the line itself', async () => {
    const el = await openPicker({ framework: CCSS_ID });
    await el.ready;
    const input = part<HTMLInputElement>(el, 'search-input')!;
    enterText(input, 'Number & Operations—Fractions');
    await settle(el);
    const same = parts(el, 'result').filter(
      r => r.querySelector('[part~="label"]')!.textContent!.trim() === 'Number & Operations—Fractions',
    );
    expect(same.length).to.be.greaterThan(1);
    const leads = same.map(r => r.querySelector('[part~="lead"]')?.textContent?.trim());
    expect(new Set(leads).size).to.equal(same.length); // each one different
    expect(leads[0]).to.match(/Grade \d ›/);
    // A result whose statement is its own has no lead.
    const coded = parts(el, 'result').find(r => r.querySelector('[part~="code"]'));
    if (coded) expect(coded.querySelector('[part~="lead"]')).to.equal(null);
  });
});
