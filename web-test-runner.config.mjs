// SPDX-License-Identifier: MIT
/**
 * Browser tests in the system's Chromium (test tools cannot download browsers here).
 * `npm run test:browser` runs this through scripts/wtr-count.mjs, which prints the
 * `N passed, N failed` line CI reads from the summary the `countReporter` below writes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/chromium.mjs';

export const SUMMARY_FILE = process.env.WTR_SUMMARY_FILE ?? 'test-results/browser-summary.json';

/** What CitizenElement.t() logs for a key outside the element's declared catalog parts. */
const MISSING_TEXT = /has no text ".+": add its part to static texts/;

/**
 * Counts every test of every session; a file that failed to load counts as one failure, and so
 * does a file during which an element asked for a text it does not declare (the user would
 * have seen the raw key).
 */
function countReporter(file = SUMMARY_FILE) {
  const count = (suite, totals) => {
    for (const test of suite?.tests ?? []) {
      if (test.skipped) totals.skipped++;
      else if (test.passed) totals.passed++;
      else totals.failed++;
    }
    for (const child of suite?.suites ?? []) count(child, totals);
    return totals;
  };
  return {
    stop({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, files: sessions.length };
      for (const session of sessions) {
        const before = totals.failed;
        count(session.testResults, totals);
        // Load errors, errors outside tests, or a file with no result at all.
        if (totals.failed === before && (!session.passed || session.errors.length > 0)) totals.failed++;
        const missing = (session.logs ?? []).map((args) => args.join(' ')).filter((line) => MISSING_TEXT.test(line));
        if (missing.length > 0) {
          totals.failed++;
          console.error(`\n${session.testFile}: texts missing from an element's parts:\n  ${[...new Set(missing)].join('\n  ')}`);
        }
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(totals)}\n`);
    },
  };
}

export default {
  files: 'test/browser/**/*.test.ts',
  nodeResolve: { exportConditions: ['browser', 'production'] },
  // Two cores, and focus tests need their page in front: one page at a time.
  concurrency: 1,
  testFramework: { config: { timeout: 10_000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  // The plugin reads the file as is, without following `extends`: give it the file that
  // holds experimentalDecorators and useDefineForClassFields, which Lit's decorators need.
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.base.json' }),
    // Chromium's own accessibility tree, to check the names the browser computes.
    a11ySnapshotPlugin(),
  ],
  middleware: [
    // MSW's worker must be served from the root to control every test page (scope `/`).
    function mockServiceWorker(context, next) {
      if (context.url === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
      return next();
    },
  ],
  reporters: [defaultReporter(), countReporter()],
};
