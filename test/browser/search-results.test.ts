// Every search result is reachable: beyond the first 1,000, by keyboard and by scrolling.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/case-standards-picker.js';
import { generateFramework } from '../../scripts/generate-framework.mjs';
import { enterText, openPicker, part, parts, providerOrigin, putMutable, settle, until } from '../helpers.js';

const DOC_ID = 'e0000000-0000-4000-8000-000000000003';

describe('search results', () => {
  it('lists every match, and the last of 1,600+ is reachable by End and by scrolling', async () => {
    await putMutable(generateFramework(3000, { identifier: DOC_ID, title: 'Three thousand', seed: 5 }));
    const el = await openPicker({ endpoint: `${providerOrigin}/mutable/ims/case/v1p0`, framework: DOC_ID, multiple: true });
    await el.ready;
    const input = part<HTMLInputElement>(el, 'search-input')!;
    input.focus();
    await sendKeys({ type: 'and' });
    await settle(el);
    const count = part(el, 'result-count')!.textContent!;
    const total = Number(/([\d,]+) results/.exec(count)![1].replace(/,/g, ''));
    expect(total).to.be.greaterThan(1000);
    expect(count).to.not.match(/ of /); // all of them are listed, not "1,000 of …"
    expect(parts(el, 'result')[0].getAttribute('aria-setsize')).to.equal(String(total));

    // Keyboard: ArrowDown, then End reaches the very last result, which is rendered and active.
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'End' });
    await settle(el);
    const active = el.shadowRoot!.getElementById(input.getAttribute('aria-activedescendant')!)!;
    expect(active.getAttribute('aria-posinset')).to.equal(String(total));
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.value.split(' ')).to.include(active.dataset.identifier!);

    // Scrolling: the bottom of the list renders the last result.
    await sendKeys({ press: 'Home' });
    const results = part(el, 'results')!;
    results.scrollTop = 0;
    await settle(el);
    results.scrollTop = results.scrollHeight;
    await until(() => parts(el, 'result').some(r => r.getAttribute('aria-posinset') === String(total)), 'the last result rendered');
  });

  it('answers from the first painted row, before the index is ready, with the items the index finds', async () => {
    const id = 'e0000000-0000-4000-8000-000000000004';
    await putMutable(generateFramework(20000, { identifier: id, title: 'Twenty thousand', seed: 9 }));
    const el = await openPicker({ endpoint: `${providerOrigin}/mutable/ims/case/v1p0`, framework: id, multiple: true });
    let indexed = false;
    void el.ready.then(() => (indexed = true));
    expect(parts(el, 'treeitem').length).to.be.greaterThan(0);
    const input = part<HTMLInputElement>(el, 'search-input')!;
    const answer = async (query: string) => {
      enterText(input, query);
      await el.updateComplete;
      expect(
        el.shadowRoot!.querySelector('[part~="status"][aria-busy="true"]'),
        `${query}: answered, not "Preparing the search…"`,
      ).to.equal(null);
      const results = parts(el, 'result');
      return {
        count: results[0]?.getAttribute('aria-setsize'),
        identifiers: results.map(r => r.dataset.identifier).sort(),
      };
    };
    const queries = ['K.NF.B.13', 'equivalnt fractions money', 'placevalue', 'k nf b'];
    const early = [];
    for (const query of queries) early.push(await answer(query));
    // The active result stays the same item when the index arrives and the results re-rank.
    await answer('equivalent fractions');
    const arrowDown = () => input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    arrowDown();
    arrowDown();
    await el.updateComplete;
    const activeId = () => el.shadowRoot!.getElementById(input.getAttribute('aria-activedescendant') ?? '')?.dataset.identifier;
    const active = activeId();
    expect(active).to.be.a('string');
    expect(indexed, 'the index was still being built').to.equal(false);
    await el.ready;
    await settle(el);
    expect(activeId()).to.equal(active);
    expect(early[0].identifiers.length).to.be.greaterThan(0);
    for (const [n, query] of queries.entries()) {
      const late = await answer(query);
      expect(early[n].count, query).to.equal(late.count);
      if (Number(late.count) <= late.identifiers.length) expect(early[n].identifiers, query).to.deep.equal(late.identifiers);
    }
  });
});
