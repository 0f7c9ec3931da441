// SPDX-License-Identifier: MIT
/**
 * Runs the browser tests and ends with the bare `N passed, N failed` line CI recognises
 * (web-test-runner's own summary carries a progress bar and colour codes). The counts come
 * from the reporter in web-test-runner.config.mjs. Extra arguments go to web-test-runner.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const summaryFile = resolve(process.env.WTR_SUMMARY_FILE ?? 'test-results/browser-summary.json');
rmSync(summaryFile, { force: true });

const runner = spawn(
  process.execPath,
  [resolve('node_modules/@web/test-runner/dist/bin.js'), '--static-logging', ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, WTR_SUMMARY_FILE: summaryFile } },
);

runner.on('close', (code, signal) => {
  let totals;
  try {
    totals = JSON.parse(readFileSync(summaryFile, 'utf8'));
  } catch {
    // The runner died before reporting (bad config, browser did not start).
    console.log(`\n0 passed, 1 failed`);
    process.exit(1);
  }
  console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
  const ok = code === 0 && !signal && totals.failed === 0 && totals.passed > 0;
  process.exit(ok ? 0 : 1);
});
