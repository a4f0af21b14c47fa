import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/case-standards-picker.js';
import { CCSS_ID, deleteDb, NGSS_ID, nextEvent, openWithTwoSaved, part, parts, settle, uniqueDbName, until, v1p0 } from '../helpers.js';

describe('search scope and reveal', () => {
  let dbName: string;
  beforeEach(() => (dbName = uniqueDbName()));
  afterEach(() => deleteDb(dbName));

  it('searches every framework cached for the endpoint, naming each result\u2019s framework', async () => {
    const el = await openWithTwoSaved(dbName, { multiple: true });
    const scope = [...part(el, 'filters')!.querySelectorAll('select')].at(-1)!;
    scope.value = 'endpoint';
    scope.dispatchEvent(new Event('change'));
    await until(() => scope.selectedOptions[0]?.textContent?.includes('(2)'), 'the other framework indexed', 10_000);
    part<HTMLInputElement>(el, 'search-input')!.focus();
    await sendKeys({ type: 'develop a model' });
    await settle(el);
    const paths = parts(el, 'result').map(r => r.querySelector('[part~="path"]')?.textContent ?? '');
    expect(paths.some(p => p.startsWith('Next Generation Science Standards'))).to.equal(true);
    // Picking a result from the other framework selects it with its own framework.
    const ngss = parts(el, 'result').find(r => r.querySelector('[part~="path"]')!.textContent!.startsWith('Next Generation'))!;
    const change = nextEvent<CustomEvent>(el, 'case-selection-change');
    ngss.click();
    const { detail } = await change;
    expect(detail.items[0].documentIdentifier).to.equal(NGSS_ID);
    expect(part(el, 'details')!.textContent).to.contain('Next Generation Science Standards');
  });

  it('reveals a result in the tree', async () => {
    const el = document.createElement('case-standards-picker');
    Object.assign(el, { endpoint: v1p0, noCache: true });
    const loaded = nextEvent(el, 'case-framework-load');
    el.framework = CCSS_ID;
    await fixture(html`<div style="width: 900px">${el}</div>`);
    await loaded;
    await el.ready;
    part<HTMLInputElement>(el, 'search-input')!.focus();
    await sendKeys({ type: '4.NF.A.1' });
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    const target = parts(el, 'result')[0].dataset.identifier!;
    const reveal = [...part(el, 'details')!.querySelectorAll('button')].find(b => b.textContent === 'Show in tree')!;
    reveal.click();
    await settle(el);
    expect(part<HTMLInputElement>(el, 'search-input')!.value).to.equal('');
    const focused = el.shadowRoot!.activeElement as HTMLElement;
    expect(focused.dataset.identifier).to.equal(target);
    expect(focused.getAttribute('aria-level')).to.equal('5');
  });
});
