// `npm run build` produces the contract's outputs, and each entry registers the element in a
// real browser: dist/index.js (dependencies external), the one-file bundle, the React entry and
// custom-elements.json.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright';
import { launchOptions, serveStatic } from '../../scripts/browser.mjs';

const root = process.cwd();

describe('npm run build', () => {
  let server;
  let origin;
  let browser;

  before(async () => {
    const result = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    server = await serveStatic(root, (req, res) => {
      if (!req.url.startsWith('/page.html')) return false;
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><body></body>');
      return true;
    });
    origin = server.origin;
    browser = await chromium.launch(launchOptions());
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('writes the contract outputs', () => {
    for (const file of [
      'dist/index.js',
      'dist/index.d.ts',
      'dist/case-standards-picker.js',
      'dist/case-standards-picker.bundle.js',
      'dist/react.js',
      'custom-elements.json',
    ]) {
      assert.ok(existsSync(join(root, file)), file);
    }
    const index = readFileSync(join(root, 'dist/index.js'), 'utf8');
    assert.match(index, /from "\.\/case-standards-picker\.js"/);
    const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
    const element = manifest.modules.flatMap(m => m.declarations ?? []).find(d => d.tagName === 'case-standards-picker');
    assert.ok(element, 'custom-elements.json declares the tag');
    for (const attribute of [
      'endpoint',
      'framework',
      'multiple',
      'max',
      'value',
      'name',
      'required',
      'disabled',
      'education-level',
      'cache-max-age',
      'no-cache',
    ]) {
      assert.ok(
        element.attributes.some(a => a.name === attribute),
        attribute,
      );
    }
    for (const event of ['case-selection-change', 'change', 'case-framework-load', 'case-error']) {
      assert.ok(
        element.events.some(e => e.name === event),
        event,
      );
    }
    for (const part of [
      'framework-list',
      'framework-option',
      'search-input',
      'filters',
      'tree',
      'treeitem',
      'results',
      'result',
      'selection',
      'chip',
      'chip-remove',
      'details',
      'status',
      'breadcrumb',
    ]) {
      assert.ok(
        element.cssParts.some(p => p.name === part),
        part,
      );
    }
  });

  it('the one-file bundle has no bare imports and registers the element from a plain script tag', async () => {
    const bundle = readFileSync(join(root, 'dist/case-standards-picker.bundle.js'), 'utf8');
    assert.doesNotMatch(bundle, /^import\s|from\s*["'](lit|@lit|fuse\.js|idb)/m);
    const page = await browser.newPage();
    await page.goto(`${origin}/page.html`);
    const result = await page.evaluate(async () => {
      const mod = await import('/dist/case-standards-picker.bundle.js');
      const again = await import('/dist/case-standards-picker.bundle.js?second');
      return {
        defined: customElements.get('case-standards-picker') === mod.CaseStandardsPicker,
        helpers: typeof mod.CaseClient === 'function' && typeof mod.toCurriculumStandardsMetadata === 'function',
        twice: typeof again.CaseStandardsPicker === 'function',
      };
    });
    assert.deepEqual(result, { defined: true, helpers: true, twice: true });
    await page.close();
  });

  it('dist/index.js keeps lit, @lit/task, fuse.js and idb external', () => {
    const files = spawnSync('grep', ['-rlE', 'from "(lit|@lit/task|fuse\\.js/basic|idb)"', 'dist', '--include=*.js'], {
      cwd: root,
      encoding: 'utf8',
    }).stdout;
    assert.ok(files.includes('dist/picker/case-standards-picker.component.js'), files);
    const inlined = spawnSync('grep', ['-rl', 'class ReactiveElement', 'dist', '--include=*.js', '--exclude=*.bundle.js'], {
      cwd: root,
      encoding: 'utf8',
    }).stdout;
    assert.equal(inlined.trim(), '');
  });

  it('npm pack ships the bundle, types, manifest and provider, and no standards texts, data or tests', () => {
    const result = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const files = JSON.parse(result.stdout)[0].files.map(f => f.path);
    for (const wanted of [
      'dist/case-standards-picker.bundle.js',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/react.d.ts',
      'custom-elements.json',
      'server/case-provider.mjs',
      'README.md',
      'LICENSE',
    ]) {
      assert.ok(files.includes(wanted), `${wanted} is packed`);
    }
    const unwanted = files.filter(f => /^(data|test|bench|stories|demo|scripts|src)\//.test(f) || /\.(test|stories)\./.test(f));
    assert.deepEqual(unwanted, []);
    // No standards text anywhere in what is published (the frameworks are demo and test data).
    const statements = ['Compare two fractions with different numerators', 'Plan and conduct an investigation to compare the effects'];
    for (const file of files.filter(f => /\.(js|mjs|json|ts|md)$/.test(f))) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const statement of statements) assert.ok(!text.includes(statement), `${file} contains a standard's text`);
    }
  });
});
