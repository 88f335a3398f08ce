// Runs the browser tests (make test-browser): starts scripts/serve.py and
// one headless Chromium (a Playwright browser server), runs the test files
// with node --test, two at a time (they wait on the page more than they
// compute), each connecting to that Chromium (harness.mjs), then stops both.
//
//   node tests/browser/run.mjs [FILE_OR_DIR…]   (default: tests/browser/)
//
// CIYAN_TEST_CONCURRENCY: how many files run at once (2).

import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, startServer } from './harness.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** The *.test.mjs files of each argument (a file, or a folder's), sorted. */
function testFiles(args) {
  return (args.length > 0 ? args : [HERE]).flatMap((arg) => (statSync(arg).isDirectory()
    ? readdirSync(arg).filter((name) => name.endsWith('.test.mjs')).sort().map((name) => path.join(arg, name))
    : [arg]));
}

const files = testFiles(process.argv.slice(2));
const concurrency = process.env.CIYAN_TEST_CONCURRENCY ?? '2';
const server = startServer();
const browser = await chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

let child = null;
async function stop() {
  await Promise.allSettled([browser.close(), server.stop()]);
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    child?.kill(signal);
    await stop();
    process.exit(130);
  });
}

let code = 1;
try {
  const url = await server.url;
  const started = Date.now();
  // A test that hangs fails after 5 minutes (its waits give up after one) instead of holding the run.
  child = spawn(process.execPath, ['--test', `--test-concurrency=${concurrency}`, '--test-timeout=300000', ...files], {
    stdio: 'inherit',
    env: { ...process.env, CIYAN_TEST_URL: url, CIYAN_TEST_BROWSER: browser.wsEndpoint() },
  });
  code = await new Promise((resolve) => child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))));
  console.error(`[browser tests] ${files.length} files in ${((Date.now() - started) / 1000).toFixed(1)} s, ${concurrency} at a time`);
} finally {
  await stop();
}
process.exit(code);
