// Builds Storybook, then opens every story in headless Chromium: no console errors, no page
// errors, and no axe violations.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright';
import { launchOptions, serveStatic } from '../../scripts/browser.mjs';

const root = process.cwd();
const staticDir = join(root, 'storybook-static');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

describe('Storybook', () => {
  let server;
  let origin;
  let browser;
  let stories = [];

  before(async () => {
    const result = spawnSync('npm', ['run', 'build-storybook'], { cwd: root, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const index = JSON.parse(readFileSync(join(staticDir, 'index.json'), 'utf8'));
    stories = Object.values(index.entries).filter(e => e.type === 'story');
    server = await serveStatic(staticDir);
    origin = server.origin;
    browser = await chromium.launch(launchOptions());
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has a story for every state the issue lists', () => {
    const names = stories.map(s => s.name);
    for (const name of [
      'Framework List',
      'Tree',
      'Loading',
      'Large Framework',
      'Search With Filters',
      'Multiple With Max',
      'Preselected Across Frameworks',
      'Error Network',
      'Error Auth',
      'Error Not Found',
      'Error Http',
      'Error Parse',
      'Error Invalid Data',
      'Offline Cached',
      'Hostile Data',
      'Right To Left',
      'Dark',
      'Compact',
      'Custom Theme',
      'Narrow 320',
      'Outdated Chips',
      'Not Found Chip',
      'Deprecated Framework',
      'Revision With Expired',
      'District With Equivalents',
      'Suggestions',
      'Suggestions Provider Fallback',
      'Field Closed',
      'Field Open',
      'Narrow Right To Left',
      'Disabled',
      'Required Invalid',
      'French',
      'Spanish',
      'Max Reached',
      'No Results',
      'Several Endpoints One Down',
      'Recently Used',
      'Search All Saved Frameworks',
    ]) {
      assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
    }
  });

  it('renders every story without console errors or axe violations', async () => {
    const failures = [];
    for (const story of stories) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = [];
      page.on('console', message => {
        // The browser's own /favicon.ico request is not the story's.
        if (message.type() === 'error' && !/favicon\.ico$/.test(message.location().url)) errors.push(message.text());
      });
      page.on('pageerror', error => errors.push(error.message));
      await page.goto(`${origin}/iframe.html?id=${story.id}&viewMode=story`);
      await page.waitForFunction(
        () => {
          const picker = document.querySelector('#storybook-root case-standards-picker');
          return picker?.shadowRoot?.querySelector(
            '[part~="treeitem"], [part~="framework-option"], [role="alert"], [aria-busy="true"], [part~="result"]',
          );
        },
        null,
        { timeout: 20_000 },
      );
      await page.waitForTimeout(700); // let searches, chips and background work settle
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document.querySelector('#storybook-root'), { resultTypes: ['violations'] });
        return result.violations.map(
          v =>
            `${v.id}: ${v.nodes
              .map(n => n.target.join(' '))
              .slice(0, 3)
              .join(' | ')}`,
        );
      });
      if (errors.length || violations.length) failures.push(`${story.id}\n  errors: ${errors.join('; ')}\n  axe: ${violations.join('; ')}`);
      await context.close();
    }
    assert.deepEqual(failures, []);
  });
});
