import { writeFileSync } from 'node:fs';

// Prints one plain closing line, `N passed, N failed, N skipped`, counting files that failed to
// load (or had errors outside tests) as failures, so CI reads an honest summary.
function count(results, tally) {
  for (const test of results?.tests ?? []) {
    if (test.skipped) tally.skipped++;
    else if (test.passed) tally.passed++;
    else tally.failed++;
  }
  for (const suite of results?.suites ?? []) count(suite, tally);
}

export function summaryReporter() {
  let sessions = [];
  return {
    onTestRunFinished({ sessions: finished }) {
      sessions = finished;
    },
    async stop() {
      const tally = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, tally);
        if (!session.passed && (session.errors?.length ?? 0) > 0) tally.failed += session.errors.length;
        if (!session.passed && !session.testResults) tally.failed++;
      }
      if (sessions.length === 0) tally.failed++;
      process.stdout.write(`\nbrowser: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped\n`);
      // scripts/test.mjs adds these counts to the closing line of `npm test`.
      if (process.env.CASE_TEST_SUMMARY) writeFileSync(process.env.CASE_TEST_SUMMARY, JSON.stringify(tally));
    },
  };
}
