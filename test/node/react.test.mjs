// The React wrapper (`case-standards-picker/react`) in a real React 19 page in headless Chromium.
// React is CommonJS, which web-test-runner cannot load, so this test bundles the page with esbuild.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { launchOptions, serveStatic } from '../../scripts/browser.mjs';
import { createCaseProvider } from '../../server/case-provider.mjs';

const CCSS = 'c6496676-d7cb-11e8-824f-0242ac160002';

describe('React wrapper', () => {
  let server;
  let origin;
  let browser;

  before(async () => {
    const bundle = await build({
      entryPoints: ['test/react/app.tsx'],
      bundle: true,
      format: 'esm',
      write: false,
      tsconfig: 'tsconfig.json',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    const js = bundle.outputFiles[0].text;
    const provider = await createCaseProvider({ dirs: ['data/frameworks'] });
    server = await serveStatic('.', (req, res) => {
      if (provider.handle(req, res)) return true;
      if (req.url.startsWith('/app.js')) {
        res.writeHead(200, { 'Content-Type': 'text/javascript' });
        res.end(js);
        return true;
      }
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><div id="root"></div><script type="module" src="/app.js"></script>');
      return true;
    });
    origin = server.origin;
    browser = await chromium.launch(launchOptions());
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sets properties from props and calls the event props', async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', error => errors.push(error.message));
    const params = new URLSearchParams({ endpoint: `${origin}/ims/case/v1p0`, framework: CCSS });
    await page.goto(`${origin}/?${params}`);
    await page.waitForFunction(() => window.reactEvents.some(e => e.type === 'load'), null, { timeout: 15_000 });
    const props = await page.evaluate(() => {
      const el = document.querySelector('case-standards-picker');
      return { multiple: el.multiple, max: el.max, noCache: el.noCache };
    });
    assert.deepEqual(props, { multiple: true, max: 3, noCache: true });
    const picker = page.locator('case-standards-picker');
    await picker.locator('[part~="treeitem"] [part~="toggle"]').first().click();
    await picker.locator('[part~="treeitem"][aria-level="2"]').first().click();
    await page.waitForFunction(() => window.reactEvents.some(e => e.type === 'selection'));
    const selection = await page.evaluate(() => window.reactEvents.find(e => e.type === 'selection').detail);
    assert.equal(selection.length, 1);
    assert.equal(await page.locator('#value').textContent(), selection[0]);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
