// `npm test`: type-check, lint (ESLint, lit-analyzer, Prettier), node-side tests, then the
// browser tests in headless Chromium.
// Ends with one plain line, `tests: N passed, N failed, N skipped`, over everything that ran.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = name => join('node_modules', '.bin', name);
const extraArgs = process.argv.slice(2);

function run(command, args, env = {}) {
  return new Promise(resolve => {
    let output = '';
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', chunk => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', chunk => process.stderr.write(chunk));
    child.on('close', code => resolve({ code: code ?? 1, output }));
  });
}

const tally = { passed: 0, failed: 0, skipped: 0 };
const scratch = mkdtempSync(join(tmpdir(), 'case-test-'));

console.log('› type-check');
const tsc = await run(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
if (tsc.code === 0) tally.passed++;
else tally.failed++;

console.log('› lint');
const lint = await run('npm', ['run', '--silent', 'lint']);
if (lint.code === 0) tally.passed++;
else tally.failed++;

console.log('› node tests');
const node = await run(process.execPath, ['--test', '--test-reporter=tap', 'test/node/']);
const tapCount = name => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(node.output)?.[1] ?? 0);
tally.passed += tapCount('pass');
tally.failed += tapCount('fail') + tapCount('cancelled');
tally.skipped += tapCount('skipped') + tapCount('todo');
if (node.code !== 0 && tapCount('fail') === 0) tally.failed++;

console.log('› browser tests (headless Chromium)');
const summaryFile = join(scratch, 'browser-summary.json');
const wtr = await run(bin('wtr'), extraArgs, { CASE_TEST_SUMMARY: summaryFile });
try {
  const browser = JSON.parse(readFileSync(summaryFile, 'utf8'));
  tally.passed += browser.passed;
  tally.failed += browser.failed;
  tally.skipped += browser.skipped;
  if (wtr.code !== 0 && browser.failed === 0) tally.failed++;
} catch {
  tally.failed++; // the runner did not get as far as reporting
}
rmSync(scratch, { recursive: true, force: true });

const failed = tally.failed > 0 || tsc.code !== 0 || lint.code !== 0 || node.code !== 0 || wtr.code !== 0;
console.log(`\ntests: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
process.exit(failed ? 1 : 0);
