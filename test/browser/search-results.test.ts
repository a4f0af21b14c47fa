// Every search result is reachable: beyond the first 1,000, by keyboard and by scrolling.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/case-standards-picker.js';
import { generateFramework } from '../../scripts/generate-framework.mjs';
import { openPicker, part, parts, providerOrigin, putMutable, settle, until } from '../helpers.js';

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
});
