// `npm run screenshots`: pictures of the component for the README, taken in headless Chromium
// from the built one-file bundle and the local CASE provider (data/frameworks), into docs/.
// `--no-build` skips `npm run build`.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { createCaseProvider } from '../server/case-provider.mjs';
import { launchOptions, serveStatic } from './browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'docs');
mkdirSync(out, { recursive: true });

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const CCSS = 'c6496676-d7cb-11e8-824f-0242ac160002';
const REVISION = 'de7a0000-0000-4000-8000-000000000000';
const NF_A_1 = '6b9c09e2-d7cc-11e8-824f-0242ac160002';
const NF_A_2 = '6b9f345f-d7cc-11e8-824f-0242ac160002';
const RESOURCE =
  'Fractions on the number line. Students place unit fractions such as 1/4 on a number line diagram by partitioning 0 to 1 into equal parts.';

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8" />
<style>body { margin: 0; padding: 16px; font-family: system-ui; background: #f3f4f6; } body.dark { background: #0d1117; }
form { display: grid; gap: 8px; } label { font-weight: 600; }</style>
<script type="module" src="/dist/case-standards-picker.bundle.js"></script></head><body></body></html>`;

/** Each shot: viewport width, the picker's attributes and properties, and what to do before the picture. */
const shots = [
  { name: 'tree', width: 1100, props: { framework: CCSS, multiple: true, value: `${NF_A_1} ${NF_A_2}` }, expand: true },
  { name: 'search', width: 1100, props: { framework: CCSS, multiple: true }, query: 'equivalent fractoins' },
  { name: 'suggestions', width: 1100, props: { framework: CCSS, multiple: true, context: RESOURCE } },
  { name: 'dark', width: 1100, props: { framework: CCSS, theme: 'dark' }, dark: true, expand: true },
  { name: 'rtl', width: 1100, props: { framework: CCSS, multiple: true, value: NF_A_1 }, dir: 'rtl', lang: 'es', query: '3.NF.A.2' },
  {
    name: 'outdated',
    width: 1100,
    props: { framework: REVISION, multiple: true, value: `${NF_A_1} de7a0000-0000-4000-8000-000000000004` },
  },
  { name: 'narrow-320', width: 352, props: { framework: CCSS, multiple: true, value: `${NF_A_1} ${NF_A_2}` }, expand: true },
  { name: 'field', width: 480, props: { framework: CCSS, multiple: true, variant: 'field', value: `${NF_A_1} ${NF_A_2}` } },
  { name: 'field-open', width: 1100, height: 760, props: { framework: CCSS, multiple: true, variant: 'field', value: NF_A_1 }, open: true },
];

const provider = await createCaseProvider({ dirs: [join(root, 'data/frameworks')] });
const server = await serveStatic(root, (req, res) => {
  if (provider.handle(req, res)) return true;
  if (req.url === '/shot.html') {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(page);
    return true;
  }
  return false;
});
const browser = await chromium.launch(launchOptions());
try {
  for (const shot of shots) {
    const context = await browser.newContext({ viewport: { width: shot.width, height: shot.height ?? 900 }, deviceScaleFactor: 1 });
    const tab = await context.newPage();
    await tab.goto(`${server.origin}/shot.html`);
    await tab.evaluate(
      async ({ shot, endpoint }) => {
        await customElements.whenDefined('case-standards-picker');
        if (shot.dark) document.body.classList.add('dark');
        if (shot.dir) document.documentElement.dir = shot.dir;
        if (shot.lang) document.documentElement.lang = shot.lang;
        const picker = document.createElement('case-standards-picker');
        Object.assign(picker, { endpoint, noCache: true, ...shot.props });
        if (shot.props.variant === 'field') {
          const label = document.createElement('span');
          label.slot = 'label';
          label.textContent = 'Standards this resource teaches';
          picker.append(label);
        }
        document.body.append(picker);
        await picker.ready;
        const root = picker.shadowRoot;
        if (shot.expand) root.querySelector('[part~="treeitem"]:nth-of-type(2) [part~="toggle"]')?.click();
        if (shot.query) {
          const input = root.querySelector('[part~="search-input"]');
          input.value = shot.query;
          input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        }
        if (shot.open) picker.showPicker();
        await new Promise(resolve => setTimeout(resolve, 800)); // chips resolve, rows settle
      },
      { shot, endpoint: `${server.origin}/ims/case/v1p0` },
    );
    const file = join(out, `${shot.name}.png`);
    await tab.screenshot({ path: file, fullPage: !shot.open });
    console.log(`  docs/${shot.name}.png`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
