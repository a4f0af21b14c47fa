import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/case-standards-picker.js';
import type { CaseStandardsPicker } from '../../src/picker/case-standards-picker.component.js';
import { CCSS_ID, uniqueDbName, v1p0 } from '../helpers.js';

describe('smoke', () => {
  it('opens CCSS', async () => {
    const el = await fixture<CaseStandardsPicker>(html`<case-standards-picker endpoint=${v1p0} framework=${CCSS_ID} cache-name=${uniqueDbName()}></case-standards-picker>`);
    const ev = await oneEvent(el, 'case-framework-load');
    expect(ev.detail.itemCount).to.equal(746);
    await el.updateComplete;
    const rows = el.shadowRoot!.querySelectorAll('[part~="treeitem"]');
    expect(rows.length).to.equal(3);
  });
});
