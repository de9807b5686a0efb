// What the benchmarks share: the generated scenarios (frames.mjs, baseline.mjs), one server for
// the app and the plain-JavaScript page, and reading the Jobs table (startup.mjs, baseline.mjs).
import http from 'node:http';
import { deflateRawSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST } from '../lib/server.mjs';

/** The JSON text of a scenario of `n` import jobs created over 30 days, autopilot on. */
export function generatedJson(n) {
  const start = Date.parse('2026-01-05T09:00:00Z');
  const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
  const jobs = [];
  const events = [];
  for (let i = 0; i < n; i++) {
    const created = start + Math.floor((i * 30 * 86400000) / n);
    const name = `job-${String(i).padStart(4, '0')}`;
    const id = `G${String(i).padStart(7, '0')}`;
    jobs.push({ name, type: 'Import', storageAccount: 'benchstore', createdAt: iso(created), drives: [{ id, sizeGiB: 500 }] });
    if (i % 10 !== 0) events.push({ at: iso(created + 86400000), kind: 'EnterTracking', job: name, carrier: 'DHL', tracking: String(i) });
  }
  events.sort((a, b) => a.at.localeCompare(b.at));
  return JSON.stringify({ version: 1, title: `Generated ${n}`, start: iso(start), seed: 3, jobs, events });
}

/** The generated scenario's start, as the app's links write times. */
export const GENERATED_START = '2026-01-05T09:00:00Z';

/** Day `d` of the generated scenarios, as the app's links write times (day 31: all jobs exist). */
export function generatedDay(d) {
  return new Date(Date.parse(GENERATED_START) + d * 86400000).toISOString().replace('.000Z', 'Z');
}

/**
 * Where the benchmarks move the scrubber, as fractions of the span (frames.mjs makes 30 jumps,
 * trace.mjs the first 10): the ten of the earlier runs first, then steps of the golden ratio.
 */
export function jumpFractions(n) {
  const at = [0.93, 0.1, 0.55, 0.02, 0.75, 0.3, 0.99, 0.45, 0.2, 0.65];
  for (let k = 1; at.length < n; k++) at.push((k * 0.618034) % 1);
  return at.slice(0, n);
}

/** A scenario of `n` import jobs created over 30 days, autopilot on, as a #scenario= hash. */
export function generated(n) {
  return `#scenario=${Buffer.from(generatedJson(n)).toString('base64url')}`;
}

/** The same scenario in the form the app writes a long link (`#scenario-z=`: raw DEFLATE, as its
 * CompressionStream("deflate-raw") writes it, in base64url). */
export function generatedPacked(n) {
  return `#scenario-z=${deflateRawSync(Buffer.from(generatedJson(n)), { level: 9 }).toString('base64url')}`;
}

// ---- the plain-JavaScript page and reading the app's jobs table (startup.mjs, baseline.mjs) ----


const HERE = path.dirname(fileURLToPath(import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };

/**
 * One loopback server for both pages, so they load the same way: the app's dist/ under /bench/
 * (the sub-path GitHub Pages would give it) and the plain page under /plain/. plain.html gets the
 * app's own style sheets (the hashed names in dist/index.html) where it says <!-- app-css -->.
 */
export async function serveBench() {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let file;
    if (url.pathname.startsWith('/bench/')) file = path.resolve(DIST, decodeURIComponent(url.pathname.slice(7)) || 'index.html');
    else if (url.pathname === '/plain/plain.html' || url.pathname === '/plain/plain.js') file = path.join(HERE, url.pathname.slice(7));
    if (!file || !(file.startsWith(DIST) || file.startsWith(HERE))) return res.writeHead(404).end();
    try {
      let body = await readFile(file);
      if (file.endsWith('plain.html')) {
        const index = await readFile(path.join(DIST, 'index.html'), 'utf8');
        // The release index.html is minified (Trunk.toml): `<link href=./app-….css … rel=stylesheet>`.
        const links = [...index.matchAll(/<link\b(?=[^>]*\srel="?stylesheet)[^>]*\shref="?\.\/([^"\s>]+)/g)].map((m) => `<link rel="stylesheet" href="/bench/${m[1]}">`);
        body = body.toString('utf8').replace('<!-- app-css -->', links.join('\n    '));
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, app: `${origin}/bench/`, plain: `${origin}/plain/plain.html`, close: () => new Promise((r) => server.close(r)) };
}

/**
 * Runs in the page (app or plain): everything the Jobs table shows, row by row, plus the row
 * count and the pager. plain.js renders exactly these fields, so reading the plain page back with
 * the same function checks that both pages show the same texts.
 */
export function readJobTable() {
  const table = document.querySelector('table[aria-label=Jobs]');
  const text = (el) => (el ? el.textContent : null);
  const own = (el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('');
  const why = (cell) => cell.querySelector('button.why-btn')?.getAttribute('aria-label') ?? null;
  const rows = [...table.querySelectorAll('tbody tr')].filter((tr) => tr.querySelector('.job-link')).map((tr) => {
    const c = tr.children;
    const flag = c[2].querySelector('.overdue-flag');
    return {
      n: text(c[0]), sel: tr.classList.contains('selected'), ty: text(c[1]), st: text(c[2].querySelector('.status')),
      od: text(flag), odh: flag.hidden, del: text(c[2].querySelector('.deleted-note')), ws: why(c[2]),
      acc: text(c[3]), cr: text(c[4]), crt: c[4].getAttribute('title'), pc: text(c[5]),
      ex: own(c[6]), ext: c[6].getAttribute('title'), wc: why(c[6]),
    };
  });
  const pager = document.querySelector('nav.pager:not([hidden]) span');
  return { rows, count: text(document.querySelector('.row-count')), pager: pager ? pager.textContent : null };
}

/**
 * Init script (page.addInitScript) for both pages: stamps, in ms since navigation start
 * (performance.now()), when the Jobs table first holds a job row (`first`), when it first holds
 * `want` job rows (`full`; 0: same as first), and the end of the frame after each (`firstPainted`,
 * `fullPainted`: a setTimeout queued from the next requestAnimationFrame, so after that frame's
 * style, layout and paint on the main thread). Also keeps the app's WebAssembly.Memory, which
 * trunk's loader hands over in its TrunkApplicationStarted event.
 */
export function stampRows(want) {
  const stamps = (window.__stamps = {});
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasmMemory = e.detail?.wasm?.memory; });
  const after = (key) => requestAnimationFrame(() => setTimeout(() => { stamps[key] = performance.now(); }, 0));
  const check = () => {
    const n = document.querySelectorAll('table[aria-label=Jobs] tbody tr .job-link').length;
    if (n > 0 && stamps.first === undefined) { stamps.first = performance.now(); after('firstPainted'); }
    if (n >= Math.max(want, 1) && stamps.full === undefined) { stamps.full = performance.now(); after('fullPainted'); obs.disconnect(); }
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { subtree: true, childList: true });
}

/** Median and p90 (nearest rank) of a list of numbers. */
export function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  return { median: s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2, p90: at(90), min: s[0], max: s[s.length - 1] };
}
