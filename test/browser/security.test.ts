import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/case-standards-picker.js';
import type { CaseStandardsPicker } from '../../src/picker/case-standards-picker.component.js';
import { CCSS_ID, HOSTILE_ID, nextEvent, part, parts, providerOrigin, until, v1p0 } from '../helpers.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

const PAYLOAD_ID = 'b0000000-0000-4000-8000-000000000009';

/** Nothing executable or injected anywhere in the shadow root. */
function assertInert(el: CaseStandardsPicker) {
  const root = el.shadowRoot!;
  expect(window.__pwned, 'a payload ran').to.equal(undefined);
  expect(root.querySelectorAll('script, img, iframe, object, embed').length).to.equal(0);
  for (const svg of root.querySelectorAll('svg')) expect(svg.getAttribute('onload')).to.equal(null);
  for (const node of root.querySelectorAll('*')) {
    for (const attr of node.attributes) expect(attr.name.startsWith('on'), `${node.tagName} ${attr.name}`).to.equal(false);
  }
  for (const a of root.querySelectorAll('a')) expect(a.getAttribute('href')).to.match(/^https?:/);
}

async function hostile(props: Partial<CaseStandardsPicker> = {}) {
  const el = document.createElement('case-standards-picker');
  Object.assign(el, { endpoint: v1p0, noCache: true, multiple: true, ...props });
  const loaded = nextEvent<CustomEvent>(el, 'case-framework-load');
  el.framework = HOSTILE_ID;
  await fixture(html`<div style="width: 900px">${el}</div>`);
  const event = await loaded;
  await el.updateComplete;
  return { el, event };
}

describe('hostile data', () => {
  afterEach(() => delete window.__pwned);

  it('opens a framework full of broken and hostile records, with every usable item reachable', async () => {
    const { el, event } = await hostile();
    expect(event.detail.itemCount).to.equal(13);
    part<HTMLButtonElement>(el, 'expand-all')!.click();
    await el.updateComplete;
    const ids = parts(el, 'treeitem').map(r => r.dataset.identifier);
    expect(ids).to.include(PAYLOAD_ID);
    expect(el.shadowRoot!.textContent).to.contain('could not be used');
    assertInert(el);
  });

  it('shows markup in titles, codes and statements as text', async () => {
    const { el } = await hostile();
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.contain('<img src=x onerror=');
    const payloadRow = parts(el, 'treeitem').find(r => r.dataset.identifier === PAYLOAD_ID)!;
    expect(payloadRow.querySelector('[part~="code"]')!.textContent).to.contain('<script>');
    payloadRow.focus();
    await el.updateComplete;
    const details = part(el, 'details')!;
    expect(details.textContent).to.contain('<svg onload=');
    expect(details.textContent).to.contain('click'); // the javascript: link keeps its text
    assertInert(el);
  });

  it('never makes javascript: or data: URIs clickable', async () => {
    const { el } = await hostile();
    parts(el, 'treeitem')
      .find(r => r.dataset.identifier === PAYLOAD_ID)!
      .focus();
    await el.updateComplete;
    const details = part(el, 'details')!;
    expect(details.textContent).to.contain('javascript:window.__pwned=1'); // shown as text
    expect(details.querySelectorAll('a').length).to.equal(0);
  });

  it('selecting and searching payload items stays inert', async () => {
    const { el } = await hostile();
    const payloadRow = parts(el, 'treeitem').find(r => r.dataset.identifier === PAYLOAD_ID)!;
    payloadRow.click();
    await el.updateComplete;
    expect(parts(el, 'chip')[0].textContent).to.contain('<script>');
    part<HTMLInputElement>(el, 'search-input')!.focus();
    await el.ready;
    await sendKeys({ type: 'script' });
    await el.updateComplete;
    expect(parts(el, 'result').length).to.be.greaterThan(0);
    assertInert(el);
  });

  it('renders 20,000-character, empty, RTL and astral statements', async () => {
    const { el } = await hostile();
    const text = el.shadowRoot!.textContent!;
    expect(text).to.contain('EMPTY.1');
    expect(text).to.contain('(no statement)');
    expect(text).to.contain('𝑑𝑥');
    expect(text).to.contain('يفهم');
  });

  it('lists hostile framework titles as text', async () => {
    const el = await fixture<CaseStandardsPicker>(html`<case-standards-picker endpoint=${v1p0} no-cache></case-standards-picker>`);
    await until(() => parts(el, 'framework-option').length > 0, 'list');
    const option = parts(el, 'framework-option').find(o => o.dataset.identifier === HOSTILE_ID)!;
    expect(option.textContent).to.contain('<img src=x onerror=');
    assertInert(el);
  });
});

describe('faults', () => {
  async function failing(endpoint: string, props: Partial<CaseStandardsPicker> = {}) {
    const el = document.createElement('case-standards-picker');
    Object.assign(el, { noCache: true, endpoint, framework: CCSS_ID, ...props });
    const error = nextEvent<CustomEvent>(el, 'case-error');
    await fixture(el);
    const detail = (await error).detail;
    await el.updateComplete;
    return { el, detail };
  }

  for (const [kind, code] of [
    ['status/401', 'auth'],
    ['status/403', 'auth'],
    ['status/404', 'not-found'],
    ['status/500', 'http'],
    ['html', 'parse'],
    ['empty', 'parse'],
    ['truncated', 'parse'],
    ['wrong-shape', 'invalid-data'],
    ['drop', 'network'],
  ] as const) {
    it(`${kind} → ${code}, with an alert and a retry action`, async () => {
      const { el, detail } = await failing(`${providerOrigin}/fault/${kind}/ims/case/v1p0`, { timeout: 5000 });
      expect(detail.code).to.equal(code);
      const status = part(el, 'status')!;
      expect(status.getAttribute('role')).to.equal('alert');
      expect(status.dataset.code).to.equal(code);
      expect(status.querySelector('button')!.textContent).to.contain('Try again');
      if (code === 'auth') {
        // Words for the person at the screen; the technical cause is for developers, in the event.
        expect(status.textContent).to.contain('sign in').and.not.contain('tokenProvider');
        expect(detail.message).to.match(/40[13]/);
      }
    });
  }

  it('a token provider that never answers ends in a network error, not a spinner', async () => {
    const { detail } = await failing(v1p0, { timeout: 300, tokenProvider: () => new Promise<string>(() => {}) });
    expect(detail.code).to.equal('network');
  });

  it('a token provider that rejects ends in an auth error', async () => {
    const { detail } = await failing(v1p0, { tokenProvider: () => Promise.reject(new Error('expired')) });
    expect(detail.code).to.equal('auth');
  });

  it('retry after a failure loads the framework, keeping the selection', async () => {
    let fail = true;
    const flaky = ((input: RequestInfo | URL, init?: RequestInit) =>
      fail ? Promise.reject(new TypeError('offline')) : fetch(input, init)) as typeof fetch;
    const { el } = await failing(v1p0, { fetch: flaky, value: '6b9f345f-d7cc-11e8-824f-0242ac160002' });
    fail = false;
    const loaded = nextEvent(el, 'case-framework-load');
    part(el, 'status')!.querySelector('button')!.click();
    await loaded;
    expect(el.value).to.equal('6b9f345f-d7cc-11e8-824f-0242ac160002');
  });
});

describe('strict Content-Security-Policy with Trusted Types', () => {
  it('the picker works with no unsafe-inline, no unsafe-eval and Trusted Types required', async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '900px';
    frame.style.height = '700px';
    const params = new URLSearchParams({ endpoint: v1p0, framework: CCSS_ID });
    frame.src = `/test/fixtures/csp/strict.html?${params}`;
    document.body.append(frame);
    try {
      const win = frame.contentWindow as Window & { loaded?: { itemCount: number }; violations?: string[]; caseError?: unknown };
      await until(() => win.loaded || win.caseError, 'load in the CSP page', 15_000);
      expect(win.caseError).to.equal(undefined);
      expect(win.loaded!.itemCount).to.equal(746);
      const picker = frame.contentDocument!.querySelector('case-standards-picker')!;
      await (picker as CaseStandardsPicker).updateComplete;
      expect(picker.shadowRoot!.querySelectorAll('[part~="treeitem"]').length).to.equal(3);
      (picker.shadowRoot!.querySelector('[part~="treeitem"] [part~="toggle"]') as HTMLElement).click();
      await (picker as CaseStandardsPicker).updateComplete;
      await new Promise(r => setTimeout(r, 200)); // violation reports are queued as tasks
      expect(win.violations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
