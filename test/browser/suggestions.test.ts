// Suggested standards for the content being tagged: the ranking (a pure module over the search
// index) and the `suggestions` list of the element, with and without a host `suggestProvider`.
import { expect } from '@open-wc/testing';
import '../../src/case-standards-picker.js';
import type { Framework } from '../../src/model/framework.js';
import { normalizePackage } from '../../src/model/normalize.js';
import { SearchIndex } from '../../src/search/search-index.js';
import { stem } from '../../src/search/stem.js';
import { isHeadingItem, suggest } from '../../src/search/suggest.js';
import { FrameworkTree } from '../../src/tree/tree-model.js';
import { deleteDb, loadJson, nextEvent, openPicker, openWithTwoSaved, part, parts, settle, uniqueDbName, until } from '../helpers.js';

let ccss: Framework;
let tree: FrameworkTree;
let index: SearchIndex;
const isHeading = (item: Framework['items'][number]) => isHeadingItem(item, tree.childrenOf(item.key).length > 0);
const codes = (context: string, options = {}) =>
  suggest(index, context, { isHeading, ...options }).suggestions.map(s => ccss.itemsByKey.get(s.key)!.humanCodingScheme);

before(async () => {
  ccss = normalizePackage(await loadJson('data/frameworks/ccss-math-casenetwork-v1p0.json'));
  tree = new FrameworkTree(ccss);
  index = SearchIndex.build(ccss.items);
});

describe('suggest (ranking)', () => {
  it('finds a paraphrased statement in the top 5', () => {
    // 3.NBT.A.1: "Use place value understanding to round whole numbers to the nearest 10 or 100."
    const top = codes('A number line game: kids round three-digit numbers to the closest ten or hundred using place values.').slice(0, 5);
    expect(top).to.include('3.NBT.A.1');
    // 4.NF.A.2: "Compare two fractions with different numerators and different denominators…"
    expect(codes('Which slice is bigger? Comparing fractions that have different numerators and denominators.').slice(0, 5)).to.include(
      '4.NF.A.2',
    );
  });

  it('ranks a code mentioned in the text first, however it is written', () => {
    expect(codes('Warm-up on place value, then practice for 4nfa1 with fraction strips.')[0]).to.equal('4.NF.A.1');
    expect(codes('Aligned to CCSS.MATH.CONTENT.3.NF.A.2 and to 4.NF.A.1.').slice(0, 2)).to.deep.equal(['3.NF.A.2', '4.NF.A.1']);
  });

  it('ranks headings (domains, clusters, grades) below standards', () => {
    const result = suggest(index, 'Fractions: equivalent fractions and comparing fractions', { isHeading });
    const tiers = result.suggestions.map(s => s.tier);
    expect(tiers).to.include(1);
    expect([...tiers].sort()).to.deep.equal(tiers); // every standard before every heading
    const types = result.suggestions.filter(s => s.tier === 2).map(s => ccss.itemsByKey.get(s.key)!.itemType);
    for (const type of types) expect(['Cluster', 'Domain', 'Grade Level', 'Conceptual Category']).to.include(type);
  });

  it('weighs rare words above common ones, ignores stop words, and marks the words that matched', () => {
    const result = suggest(index, 'the and of with tessellation of the perimeter', { isHeading });
    const top = ccss.itemsByKey.get(result.suggestions[0].key)!;
    expect(top.fullStatement.toLowerCase()).to.contain('perimeter');
    expect(result.words).to.include('perimeter');
    expect(result.words).not.to.include('the');
    expect(suggest(index, 'the of and with', { isHeading }).suggestions).to.deep.equal([]);
  });

  it('respects a filter', () => {
    const grade3 = (item: Framework['items'][number]) => item.educationLevel.includes('03');
    const found = suggest(index, 'round whole numbers to the nearest ten using place value', { isHeading, filter: grade3 }).suggestions;
    expect(found.length).to.be.greaterThan(0);
    for (const s of found) expect(ccss.itemsByKey.get(s.key)!.educationLevel).to.include('03');
  });

  it('stems lightly: plurals and verb endings meet, unrelated words do not', () => {
    expect(stem('fractions')).to.equal(stem('fraction'));
    expect(stem('comparing')).to.equal(stem('compare'));
    expect(stem('multiplies')).to.equal(stem('multiply'));
    expect(stem('running')).to.equal(stem('run'));
    expect(stem('planet')).not.to.equal(stem('plane'));
  });

  it('ranks 300 words of context on the whole framework', () => {
    const words = ccss.items
      .flatMap(i => i.fullStatement.split(/\s+/))
      .slice(0, 300)
      .join(' ');
    expect(suggest(index, words, { isHeading }).suggestions).to.have.length(10);
  });
});

const DESCRIPTION = 'Rounding game: round three-digit whole numbers to the nearest ten or hundred using place value.';

describe('suggestions in the picker', () => {
  it('lists suggestions for context, best first, with highlights and paths, and selects like a result', async () => {
    const el = await openPicker({ multiple: true, context: DESCRIPTION });
    await el.ready;
    await settle(el);
    const list = part(el, 'suggestions')!;
    expect(list.getAttribute('role')).to.equal('listbox');
    const rows = parts(el, 'suggestion');
    expect(rows.length).to.be.within(1, 10);
    expect(rows[0].querySelector('[part~="code"]')!.textContent).to.equal('3.NBT.A.1');
    expect(rows[0].querySelectorAll('mark').length).to.be.greaterThan(1);
    expect(rows[0].querySelector('[part~="path"]')!.textContent).to.contain('Number');
    expect(rows[0].getAttribute('aria-selected')).to.equal('false');
    rows[0].click();
    await settle(el);
    expect(el.selectedItems.map(i => i.humanCodingScheme)).to.deep.equal(['3.NBT.A.1']);
    expect(parts(el, 'suggestion')[0].getAttribute('aria-selected')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('is operated from the keyboard: arrows move, details follow, Enter and Space select, the change is announced', async () => {
    const el = await openPicker({ multiple: true, context: DESCRIPTION });
    await el.ready;
    await settle(el);
    const list = part(el, 'suggestions')!;
    const changes: string[][] = [];
    el.addEventListener('case-selection-change', e => changes.push((e as CustomEvent).detail.value));
    list.focus();
    list.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await settle(el);
    const second = parts(el, 'suggestion')[1];
    expect(list.getAttribute('aria-activedescendant')).to.equal(second.id);
    const code = second.querySelector('[part~="code"]')?.textContent ?? '';
    expect(part(el, 'details')!.textContent).to.contain(code);
    list.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    await settle(el);
    list.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    list.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle(el);
    expect(changes).to.have.length(2);
    expect(el.selectedItems).to.have.length(2);
    expect(el.shadowRoot!.querySelector('[role="status"][aria-live="polite"]')!.textContent).to.contain('3.NBT.A.1');
  });

  it('follows context changes (a burst is ranked once it pauses), the filters and an empty context', async () => {
    const el = await openPicker({ context: DESCRIPTION });
    await el.ready;
    await settle(el);
    expect(parts(el, 'suggestion')[0].querySelector('[part~="code"]')!.textContent).to.equal('3.NBT.A.1');
    el.context = 'Scatter plots';
    el.context = 'Scatter plots of bivariate data and their association';
    await settle(el);
    await until(() => parts(el, 'suggestion')[0]?.querySelector('[part~="code"]')?.textContent === '8.SP.A.1', 'new suggestions', 3000);
    el.educationLevel = '03';
    await settle(el);
    el.context = DESCRIPTION;
    await until(() => parts(el, 'suggestion').length > 0, 'suggestions', 3000);
    const shown = parts(el, 'suggestion').map(r => ccss.itemsByKey.get(r.dataset.identifier!.toLowerCase())!);
    expect(shown[0].humanCodingScheme).to.equal('3.NBT.A.1');
    for (const item of shown) expect(item.educationLevel).to.include('03');
    el.context = '';
    await until(() => !part(el, 'suggestions'), 'no suggestions', 3000);
  });

  it('uses suggestProvider when set, passing the context and the framework items', async () => {
    let asked: { context: string; identifier: string; count: number } | undefined;
    const el = await openPicker({
      suggestProvider: async (context, framework) => {
        asked = { context, identifier: framework.identifier, count: framework.items.length };
        const target = framework.items.find(i => i.humanCodingScheme === '8.SP.A.1')!;
        return [{ identifier: target.identifier.toUpperCase(), score: 1 }, { identifier: 'not-an-item' }];
      },
      context: DESCRIPTION,
    });
    await el.ready;
    await until(() => parts(el, 'suggestion').length > 0, 'provider suggestions', 3000);
    expect(asked).to.deep.equal({ context: DESCRIPTION, identifier: 'c6496676-d7cb-11e8-824f-0242ac160002', count: 746 });
    expect(parts(el, 'suggestion').map(r => r.querySelector('[part~="code"]')!.textContent)).to.deep.equal(['8.SP.A.1']);
  });

  it('falls back to the built-in ranking with a notice when the provider fails', async () => {
    const el = await openPicker({ suggestProvider: () => Promise.reject(new Error('model offline')), context: DESCRIPTION });
    await el.ready;
    await until(() => parts(el, 'suggestion').length > 0, 'fallback suggestions', 3000);
    expect(parts(el, 'suggestion')[0].querySelector('[part~="code"]')!.textContent).to.equal('3.NBT.A.1');
    expect(el.shadowRoot!.querySelector('.suggestions-panel [part~="status"]')!.textContent).to.contain('did not answer');
  });

  it('never shows an answer for an older context, and aborts its request', async () => {
    const pending: { context: string; resolve: (v: { identifier: string }[]) => void; signal: AbortSignal }[] = [];
    const el = await openPicker({
      suggestProvider: (context, _framework, { signal }) => new Promise(resolve => pending.push({ context, resolve, signal })),
      context: 'first resource',
    });
    await el.ready;
    await until(() => pending.length === 1, 'first request', 3000);
    expect(el.shadowRoot!.querySelector('.suggestions-panel')!.getAttribute('aria-busy')).to.equal('true');
    await new Promise(resolve => setTimeout(resolve, 300)); // a pause: the next change is ranked at once
    el.context = 'second resource';
    await until(() => pending.length === 2, 'second request', 3000);
    expect(pending[0].signal.aborted).to.equal(true);
    const item = (code: string) => ccss.items.find(i => i.humanCodingScheme === code)!.identifier;
    pending[0].resolve([{ identifier: item('4.NF.A.1') }]);
    await settle(el);
    expect(parts(el, 'suggestion')).to.have.length(0);
    pending[1].resolve([{ identifier: item('8.SP.A.1') }]);
    await until(() => parts(el, 'suggestion').length === 1, 'second answer', 3000);
    expect(parts(el, 'suggestion')[0].querySelector('[part~="code"]')!.textContent).to.equal('8.SP.A.1');
  });

  it('aborts a pending provider request when the picker is removed', async () => {
    let signal: AbortSignal | undefined;
    const el = await openPicker({
      suggestProvider: (_context, _framework, options) => {
        signal = options.signal;
        return new Promise(() => {});
      },
      context: DESCRIPTION,
    });
    await el.ready;
    await until(() => signal, 'request', 3000);
    el.remove();
    expect(signal!.aborted).to.equal(true);
  });

  it('emits the same selection events as a result (one user change)', async () => {
    const el = await openPicker({ context: DESCRIPTION });
    await el.ready;
    await settle(el);
    const change = nextEvent(el, 'case-selection-change');
    parts(el, 'suggestion')[1].click();
    const event = (await change) as CustomEvent;
    expect(event.detail.value).to.have.length(1);
  });
});

describe('suggestions and the search scope', () => {
  it('with "All saved frameworks", suggests from the other saved frameworks too, naming them', async () => {
    const dbName = uniqueDbName();
    const el = await openWithTwoSaved(dbName, { noRecent: true });
    el.context = 'Photosynthesis lab: how plants use light energy to make sugar, tracing matter and energy through the process.';
    await settle(el);
    const paths = () => parts(el, 'suggestion').map(r => r.querySelector('[part~="path"]')?.textContent ?? '');
    expect(paths().some(p => p.startsWith('Next Generation Science Standards'))).to.equal(false);
    const scope = [...part(el, 'filters')!.querySelectorAll('select')].at(-1)!;
    scope.value = 'endpoint';
    scope.dispatchEvent(new Event('change'));
    await until(() => paths().some(p => p.startsWith('Next Generation Science Standards')), 'NGSS suggestions', 10_000);
    el.remove();
    await deleteDb(dbName);
  });
});
