// `make single-file` (issue 10): one self-contained .html, built from the release dist/ by
// scripts/single-file.mjs, opens straight from disk (file://) in headless Chromium and plays the
// happy import to Completed, under its own policy, with no request for any other file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch, screenshot } from './lib/browser.mjs';
import { DIST } from './lib/server.mjs';
import { jobStatus, recordStatuses, waitForApp, waitForJobStatus } from './lib/app.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let dir;
let file;
let browser;

before(async () => {
  // Built into an empty directory of its own: nothing beside it to lean on.
  dir = await mkdtemp(path.join(os.tmpdir(), 'ie-single-'));
  file = path.join(dir, 'ie-lifecycle.html');
  await promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts/single-file.mjs'), '--dist', DIST, '--out', file]);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('the single file is one .html with the wasm, the glue and the CSS inside and a policy of hashes', async () => {
  assert.deepEqual(await readdir(dir), ['ie-lifecycle.html']);
  const html = await readFile(file, 'utf8');
  const refs = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]).filter((u) => !u.startsWith('data:'));
  assert.deepEqual(refs, [], 'no src or href but data: URLs');
  assert.doesNotMatch(html, /<link\b[^>]*\srel="?stylesheet/, 'no stylesheet link');
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  assert.match(policy, /^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]+=' 'wasm-unsafe-eval'; style-src 'sha256-[A-Za-z0-9+/]+='; img-src data:; base-uri 'none'; form-action 'none'$/);
  // The release index.html is minified (Trunk.toml): attributes reordered, unquoted.
  assert.match(html, /<p\b(?=[^>]*\sid="?loading[\s">])(?=[^>]*\srole="?status[\s">])[^>]*>Loading the simulator/);
});

test('opened from a file:// URL it plays happy-import to Completed', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const violations = [];
  const errors = [];
  const requests = [];
  await context.exposeBinding('__reportViolation', (_source, text) => violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__reportViolation(`${e.effectiveDirective}: ${e.blockedURI || '(inline)'}`);
    });
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  context.on('request', (req) => requests.push(req.url()));

  const url = `${pathToFileURL(file).href}#preset=happy-import`;
  await page.goto(url);
  await waitForApp(page);
  assert.equal(await page.locator('#loading').count(), 0, 'the loading line is gone');
  assert.equal(await jobStatus(page, 'lab-a'), 'Creating');
  const seen = await recordStatuses(page, 'lab-a');
  await page.getByTestId('speed').selectOption('1w');
  await page.getByTestId('play').click();
  await waitForJobStatus(page, 'lab-a', 'Completed', 30000);
  await page.getByTestId('play').click(); // pause
  assert.deepEqual(await seen(), ['Creating', 'Shipping', 'Received', 'Transferring', 'Packaging', 'Completed']);
  await screenshot(page, 'single-file-completed');

  assert.deepEqual(violations, [], 'CSP violations');
  assert.deepEqual(errors, [], 'console and page errors');
  const others = requests.filter((u) => !u.startsWith(pathToFileURL(file).href) && !u.startsWith('data:'));
  assert.deepEqual(others, [], 'requests for anything but the file itself');
  await context.close();
});
