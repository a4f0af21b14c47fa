// The README's Vue and Angular recipes, each bundled with esbuild and run in a real page in
// headless Chromium against the local provider (the React wrapper has its own test).
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { launchOptions, serveStatic } from '../../scripts/browser.mjs';
import { createCaseProvider } from '../../server/case-provider.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CCSS = 'c6496676-d7cb-11e8-824f-0242ac160002';
const MP = '6b9b08e6-d7cc-11e8-824f-0242ac160002';

async function bundle(entry, options = {}) {
  const result = await build({
    entryPoints: [`${root}test/recipes/${entry}`],
    bundle: true,
    format: 'esm',
    write: false,
    tsconfig: `${root}tsconfig.json`,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    ...options,
  });
  return result.outputFiles[0].text;
}

describe('framework recipes', () => {
  let server;
  let origin;
  let browser;
  const apps = {};

  before(async () => {
    // Vue's browser build compiles the recipe's template in the page.
    apps.vue = await bundle('vue-app.ts', { alias: { vue: 'vue/dist/vue.esm-browser.prod.js' } });
    apps.angular = await bundle('angular-app.ts');
    const provider = await createCaseProvider({ dirs: [`${root}data/frameworks`] });
    server = await serveStatic(root, (req, res) => {
      if (provider.handle(req, res)) return true;
      const app = /^\/(vue|angular)\.js/.exec(req.url)?.[1];
      if (app) {
        res.writeHead(200, { 'Content-Type': 'text/javascript' });
        res.end(apps[app]);
        return true;
      }
      const page = /^\/(vue|angular)\.html/.exec(req.url)?.[1] ?? 'vue';
      const host = page === 'angular' ? '<app-standards></app-standards>' : '<div id="root"></div>';
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(`<!doctype html><html lang="en"><body>${host}<script type="module" src="/${page}.js"></script></body></html>`);
      return true;
    });
    origin = server.origin;
    browser = await chromium.launch(launchOptions());
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(app) {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', error => errors.push(error.message));
    page.on('console', message => message.type() === 'error' && errors.push(message.text()));
    await page.goto(`${origin}/${app}.html`);
    await page.waitForFunction(
      id => document.querySelector('case-standards-picker')?.shadowRoot?.querySelector(`[part~="treeitem"][data-identifier="${id}"]`),
      MP,
      { timeout: 20_000 },
    );
    return { page, errors };
  }

  const clickRow = (page, id) =>
    page.evaluate(i => document.querySelector('case-standards-picker').shadowRoot.querySelector(`[data-identifier="${i}"]`).click(), id);

  it('Vue 3: properties from the template, v-model through value and change', async () => {
    const { page, errors } = await open('vue');
    assert.equal(await page.evaluate(() => document.querySelector('case-standards-picker').framework), CCSS);
    await clickRow(page, MP);
    await page.waitForFunction(id => document.querySelector('#value').textContent === id, MP);
    // Back the other way: Vue's state sets the picker's value.
    await page.click('#clear');
    await page.waitForFunction(() => document.querySelector('case-standards-picker').value === '');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('Angular: a standalone component with CUSTOM_ELEMENTS_SCHEMA binds properties and the event', async () => {
    const { page, errors } = await open('angular');
    assert.equal(await page.evaluate(() => document.querySelector('case-standards-picker').endpoint), '/ims/case/v1p0');
    assert.equal(await page.evaluate(() => document.querySelector('case-standards-picker').multiple), true);
    await clickRow(page, MP);
    await page.waitForFunction(id => document.querySelector('#value').textContent === id, MP);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
