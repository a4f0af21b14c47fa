// Importing the package in Node (server rendering) must not touch `window` or `document` at
// module scope, and must not try to register the element where there is no customElements.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { build } from 'esbuild';

describe('package import in Node', () => {
  it('imports the entry point without a DOM and exposes the helpers', async () => {
    // Inside the project, so the bundle's bare imports resolve from node_modules.
    mkdirSync('node_modules/.cache', { recursive: true });
    const dir = mkdtempSync(join('node_modules/.cache', 'ssr-import-'));
    try {
      const outfile = join(dir, 'index.mjs');
      await build({
        entryPoints: ['src/index.ts'],
        bundle: true,
        platform: 'node',
        format: 'esm',
        outfile,
        tsconfig: 'tsconfig.json',
        packages: 'external', // lit, @lit/task, fuse.js, idb load as Node resolves them
        logLevel: 'silent',
      });
      assert.equal(typeof globalThis.window, 'undefined');
      const mod = await import(pathToFileURL(resolve(outfile)).href);
      assert.equal(typeof mod.CaseClient, 'function');
      assert.equal(typeof mod.toCurriculumStandardsMetadata, 'function');
      assert.equal(typeof mod.CaseStandardsPicker, 'function');
      mod.defineCaseStandardsPicker(); // a no-op without customElements
      const xml = mod.toCurriculumStandardsMetadata([{ identifier: 'x', uri: '', fullStatement: 'a & b', documentIdentifier: 'd' }]);
      assert.match(xml, /a &amp; b/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
