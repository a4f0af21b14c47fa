// `variant="field"` (a form field that opens the picker in a modal dialog), chips that reveal
// their item, chips grouped by framework, and "show selected only".
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/case-standards-picker.js';
import type { CaseStandardsPicker } from '../../src/picker/case-standards-picker.component.js';
import { CCSS_ID, enterText, expand, nextEvent, NGSS_ID, openPicker, part, parts, row, settle, until, v1p0 } from '../helpers.js';

const MP = '6b9b08e6-d7cc-11e8-824f-0242ac160002';
const NF_A_1 = '6b9c09e2-d7cc-11e8-824f-0242ac160002';

async function fieldInForm(width = 900, attrs: Partial<CaseStandardsPicker> = {}) {
  const form = await fixture<HTMLFormElement>(html`<form style="width: ${width}px">
    <input id="before" />
    <case-standards-picker name="standards" multiple no-cache variant="field" .endpoint=${v1p0} .framework=${CCSS_ID}
      ><span slot="label">Standards</span></case-standards-picker
    >
  </form>`);
  const el = form.querySelector('case-standards-picker')!;
  Object.assign(el, attrs);
  await el.ready;
  await settle(el);
  return { form, el };
}

const dialogOf = (el: CaseStandardsPicker) => part<HTMLDialogElement>(el, 'dialog')!;

describe('variant="field"', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('shows a field that opens the picker in a modal dialog, moves focus in, and gives it back on Escape', async () => {
    const { el } = await fieldInForm();
    const open = part<HTMLButtonElement>(el, 'open-button')!;
    expect(open.textContent).to.contain('Add standards');
    expect(dialogOf(el).open).to.equal(false);
    open.focus();
    open.click();
    await settle(el);
    const dialog = dialogOf(el);
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true); // the page behind is inert
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'search-input'));
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(dialogOf(el).open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'open-button'));
  });

  it('selects in the dialog like inline: same value, events and form data; done-button closes it', async () => {
    const { form, el } = await fieldInForm();
    el.showPicker();
    await settle(el);
    const change = nextEvent(el, 'case-selection-change');
    row(el, MP)!.click();
    await change;
    await settle(el);
    part<HTMLButtonElement>(el, 'done-button')!.click();
    await settle(el);
    expect(dialogOf(el).open).to.equal(false);
    expect(el.value).to.equal(MP);
    expect(new FormData(form).getAll('standards')).to.deep.equal([MP]);
    expect(parts(el, 'chip').map(c => c.dataset.identifier)).to.deep.equal([MP]);
    expect(part(el, 'open-button')!.textContent).to.contain('Change standards');
  });

  it('shows the validation message once the dialog was closed, or the form asked', async () => {
    const { form, el } = await fieldInForm(900, { required: true });
    expect(part(el, 'validation-message')).to.equal(undefined);
    expect(form.checkValidity()).to.equal(false); // fires `invalid`
    await settle(el);
    expect(part(el, 'validation-message')!.textContent).to.contain('Select at least one');
    expect(part(el, 'open-button')!.getAttribute('aria-describedby')).to.equal(part(el, 'validation-message')!.id);
  });

  it('fits a 320 px form, and fills a phone-sized screen', async () => {
    await setViewport({ width: 360, height: 640 });
    const { el } = await fieldInForm(320);
    el.value = MP;
    await settle(el);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 2);
    el.showPicker();
    await settle(el);
    const box = dialogOf(el).getBoundingClientRect();
    expect(Math.round(box.width)).to.equal(360);
    expect(Math.round(box.height)).to.equal(640);
    await expect(el).to.be.accessible();
  });

  it('opens no dialog when disabled', async () => {
    const { el } = await fieldInForm(900, { disabled: true });
    expect(part<HTMLButtonElement>(el, 'open-button')!.disabled).to.equal(true);
    el.showPicker();
    await settle(el);
    expect(dialogOf(el).open).to.equal(false);
  });
});

describe('chips and "show selected only"', () => {
  it('a chip reveals its item in the tree and details', async () => {
    const el = await openPicker({ multiple: true, value: NF_A_1 });
    await until(() => part(el, 'chip-reveal'), 'resolved chip');
    part(el, 'chip-reveal')!.click();
    await until(() => row(el, NF_A_1), 'revealed row');
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal(row(el, NF_A_1));
    expect(part(el, 'details')!.textContent).to.contain('4.NF.A.1');
  });

  it('a chip of another framework opens that framework and reveals its item', async () => {
    const el = await openPicker({ multiple: true, framework: NGSS_ID, value: NF_A_1 });
    await until(() => part(el, 'chip-reveal'), 'resolved chip');
    const loaded = nextEvent(el, 'case-framework-load');
    part(el, 'chip-reveal')!.click();
    await loaded;
    await until(() => row(el, NF_A_1), 'revealed row', 8000);
    expect(el.framework).to.equal(CCSS_ID);
  });

  it('groups chips by framework when they come from more than one', async () => {
    const el = await openPicker({ multiple: true });
    row(el, MP)!.click();
    await settle(el);
    expect(el.shadowRoot!.querySelectorAll('.chip-group')).to.have.length(0);
    el.framework = NGSS_ID;
    await nextEvent(el, 'case-framework-load');
    await settle(el);
    parts(el, 'treeitem')[0].click();
    await settle(el);
    const groups = [...el.shadowRoot!.querySelectorAll('.chip-group')];
    expect(groups.map(g => g.querySelector('.chip-group-title')!.textContent)).to.deep.equal([
      'Common Core State Standards for Math',
      'Next Generation Science Standards',
    ]);
    await expect(el).to.be.accessible();
  });

  it('"show selected only" keeps the selected items and their ancestors', async () => {
    const el = await openPicker({ multiple: true });
    expect(part(el, 'selected-only')).to.equal(undefined);
    await expand(el, MP);
    await settle(el);
    const child = parts(el, 'treeitem')[1];
    child.click();
    await settle(el);
    const toggle = part(el, 'selected-only')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await settle(el);
    expect(part(el, 'selected-only')!.getAttribute('aria-pressed')).to.equal('true');
    expect(parts(el, 'treeitem').map(r => r.dataset.identifier)).to.deep.equal([MP, child.dataset.identifier]);
    part(el, 'selected-only')!.click();
    await settle(el);
    expect(parts(el, 'treeitem').length).to.be.greaterThan(2);
  });
});

describe('narrow layout', () => {
  it('row-details shows details over the list with a back control (narrow only)', async () => {
    const el = await openPicker({ multiple: true }, 400);
    parts(el, 'treeitem')[0].querySelector<HTMLElement>('[part~="row-details"]')!.click();
    await settle(el);
    const details = part(el, 'details')!;
    const back = part(el, 'details-back')!;
    expect(back.checkVisibility()).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(back);
    const list = part(el, 'tree')!.getBoundingClientRect();
    const box = details.getBoundingClientRect();
    expect(box.top).to.be.at.most(list.top + 1); // over the list, not below it
    expect(el.value).to.equal('');
    back.click();
    await settle(el);
    expect(part(el, 'details-back')).to.equal(undefined);
    expect(el.shadowRoot!.activeElement).to.equal(parts(el, 'treeitem')[0]);
    await expect(el).to.be.accessible();
  });

  it('is not an overlay in a wide layout', async () => {
    const el = await openPicker({ multiple: true }, 900);
    parts(el, 'treeitem')[0].querySelector<HTMLElement>('[part~="row-details"]')!.click();
    await settle(el);
    expect(part(el, 'details-back')?.checkVisibility() ?? false).to.equal(false);
  });

  it('at 320 px a row keeps two lines of statement, its badges move to a line under it, and chips wrap', async () => {
    const el = await openPicker({ multiple: true, value: `${MP} ${NF_A_1}` }, 320);
    await expand(el, MP);
    await settle(el);
    const row = parts(el, 'treeitem')[1];
    const label = row.querySelector<HTMLElement>('[part~="label"]')!.getBoundingClientRect();
    const lineHeight = parseFloat(getComputedStyle(row.querySelector('[part~="label"]')!).lineHeight);
    expect(label.height).to.be.at.least(lineHeight * 2 - 1);
    const badges = row.querySelector<HTMLElement>('[part~="badges"]')!;
    expect(badges.getBoundingClientRect().top, 'badges under the statement').to.be.at.least(label.bottom - 1);
    expect(badges.getBoundingClientRect().bottom, 'inside the row').to.be.at.most(row.getBoundingClientRect().bottom + 1);
    expect(badges.textContent).to.contain('Type:'); // the type stays visible, on the badges' line
    expect(label.width).to.be.above(row.getBoundingClientRect().width * 0.4); // beside the code, after indent, check and toggle
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 2);

    // Results too: two lines of statement, then type, grades and path.
    const input = part<HTMLInputElement>(el, 'search-input')!;
    enterText(input, 'fractions equivalent');
    await settle(el);
    const result = parts(el, 'result')[0];
    const resultLabel = result.querySelector('[part~="label"]')!.getBoundingClientRect();
    expect(resultLabel.height).to.be.at.least(lineHeight * 2 - 1);
    expect(result.querySelector('[part~="path"]')!.getBoundingClientRect().bottom).to.be.at.most(result.getBoundingClientRect().bottom + 1);
  });

  it('in a wide list the badges stay beside the statement', async () => {
    const el = await openPicker({ multiple: true }, 900);
    await expand(el, MP);
    await settle(el);
    const row = parts(el, 'treeitem')[1];
    const label = row.querySelector('[part~="label"]')!.getBoundingClientRect();
    expect(row.querySelector('[part~="badges"]')!.getBoundingClientRect().left).to.be.at.least(label.right - 1);
  });
});
