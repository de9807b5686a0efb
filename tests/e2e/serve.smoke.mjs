// Smoke test of the README's first command: `make serve` (set-up, then `trunk serve --release`)
// serves the app on http://127.0.0.1:8080/, with its .wasm, and headless Chromium renders the Jobs
// table from it. Not a *.test.mjs file, so the e2e step leaves it alone: scripts/test.sh runs it
// as its own step (`node --test tests/e2e/serve.smoke.mjs`). It starts make in a process group of
// its own and ends that whole group by its id, whatever happened; port 8080 must be free before
// and after. It writes nothing into the source tree meanwhile (no screenshot): trunk serve
// watches the tree and would rebuild and reload the page.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, closeSync, readFileSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openPage } from './lib/browser.mjs';
import { waitForApp } from './lib/app.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HOST = '127.0.0.1';
const PORT = 8080; // Trunk.toml [serve]
const ORIGIN = `http://${HOST}:${PORT}`;
// `make serve` rebuilds before it serves: up to a few minutes on 2 cores from a cold target/.
const SERVE_TIMEOUT_MS = Number(process.env.SMOKE_SERVE_TIMEOUT_S ?? 180) * 1000;
const LOG = path.join(ROOT, 'target/test-logs/serve-smoke.server.log');

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves true if something accepts connections on HOST:PORT, false if refused. */
function portInUse() {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port: PORT });
    socket.setTimeout(2000);
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('timeout', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/** Resolves true if this process can listen on HOST:PORT right now (then lets go of it). */
function portFree() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(PORT, HOST, () => server.close(() => resolve(true)));
  });
}

function logTail(lines = 40) {
  try {
    return readFileSync(LOG, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// The server: `make serve` as its own process group (detached), its output in LOG.
let child = null;
let exited = null; // Promise of { code, signal } once make itself has exited
let stopped = false;

/** True while a process of group `pid` runs. A zombie does not count: it holds no port and,
 * where nothing reaps orphans promptly (some containers), would linger in the group. */
function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
  } catch (err) {
    return err.code === 'EPERM';
  }
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    return true; // no /proc: trust kill(2)
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pid && state !== 'Z') return true;
    } catch {
      // the process ended meanwhile
    }
  }
  return false;
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone already
  }
}

/** Ends the server's whole process group: SIGTERM, then SIGKILL after 10 s. Idempotent. */
async function stopServer() {
  if (!child || stopped) return;
  stopped = true;
  const pid = child.pid;
  killGroup(pid, 'SIGTERM');
  // A process group has no exit event: poll it, bounded.
  for (const [signal, ms] of [['SIGKILL', 10000], [null, 5000]]) {
    const deadline = Date.now() + ms;
    while (groupAlive(pid) && Date.now() < deadline) await delay(100);
    if (!groupAlive(pid)) return;
    if (signal) killGroup(pid, signal);
  }
  throw new Error(`process group ${pid} of make serve still alive after SIGKILL`);
}

// Last resort if this process is interrupted or ends before the hooks run.
process.on('exit', () => {
  if (child && !stopped) killGroup(child.pid, 'SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child && !stopped) killGroup(child.pid, 'SIGKILL');
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  });
}

after(async () => {
  await stopServer();
});

let wasmPath = null;

test('make serve serves the page and its .wasm on http://127.0.0.1:8080/', { timeout: SERVE_TIMEOUT_MS + 60000 }, async () => {
  assert.equal(await portInUse(), false, `port ${PORT} is already in use: stop whatever serves ${ORIGIN} first`);
  mkdirSync(path.dirname(LOG), { recursive: true });
  const log = openSync(LOG, 'w');
  child = spawn('make', ['serve'], { cwd: ROOT, detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let died = null;
  exited.then((status) => { died = status; });
  console.log(`make serve started, process group ${child.pid}, log ${path.relative(ROOT, LOG)}`);

  const started = Date.now();
  let last = 'no answer yet';
  while (Date.now() - started < SERVE_TIMEOUT_MS) {
    if (died) assert.fail(`make serve exited (${JSON.stringify(died)}) before serving; its log ends:\n${logTail()}`);
    try {
      const page = await fetch(`${ORIGIN}/`, { signal: AbortSignal.timeout(5000) });
      const html = await page.text();
      // Minified (Trunk.toml): the start-up script quotes the name with backquotes.
      const wasm = /["'`]([^"'`]+\.wasm)["'`]/.exec(html)?.[1];
      if (page.status !== 200) last = `GET / answered ${page.status}`;
      else if (!wasm) last = 'GET / returned a page without a .wasm reference';
      else {
        const res = await fetch(new URL(wasm, `${ORIGIN}/`), { signal: AbortSignal.timeout(10000) });
        const bytes = new Uint8Array(await res.arrayBuffer());
        const magic = bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d;
        if (res.status === 200 && magic) {
          wasmPath = wasm;
          console.log(`page and ${wasm} (${bytes.length} bytes, ${res.headers.get('content-type')}) served after ${((Date.now() - started) / 1000).toFixed(1)} s`);
          return;
        }
        last = `GET ${wasm} answered ${res.status} with ${bytes.length} bytes${magic ? '' : ', not WebAssembly'}`;
      }
    } catch (err) {
      last = `GET / failed: ${err.cause?.code ?? err.name}`;
    }
    // Poll again in a second, or stop at once if make exits meanwhile.
    await Promise.race([delay(1000), exited]);
  }
  assert.fail(`nothing served ${ORIGIN}/ with its .wasm within ${SERVE_TIMEOUT_MS / 1000} s (last: ${last}); make serve's log ends:\n${logTail()}`);
});

test('headless Chromium shows the Jobs table from it', { timeout: 90000 }, async (t) => {
  if (!wasmPath) return t.skip('the server never came up');
  const browser = await launch();
  try {
    const { page, errors, foreign } = await openPage(browser, ORIGIN);
    await page.goto(`${ORIGIN}/`);
    await waitForApp(page);
    const jobs = page.getByRole('table', { name: 'Jobs' });
    assert.ok(await jobs.getByRole('columnheader', { name: 'Name' }).isVisible());
    assert.ok(await jobs.getByRole('columnheader', { name: 'Status' }).isVisible());
    assert.deepEqual(errors, [], 'page errors');
    assert.deepEqual(foreign, [], 'requests to other origins');
  } finally {
    await browser.close();
  }
});

test('stopping make serve by its process group frees port 8080', { timeout: 30000 }, async (t) => {
  if (!child) return t.skip('make serve never started');
  await stopServer();
  const deadline = Date.now() + 10000;
  while (!(await portFree())) {
    if (Date.now() > deadline) assert.fail(`port ${PORT} still busy 10 s after make serve's process group ended`);
    await delay(200);
  }
});
