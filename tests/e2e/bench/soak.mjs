// Benchmark (prints figures, asserts nothing): plays busy-datacenter at 1 week per second for
// DAYS simulated days and prints the JS heap and the wasm memory every 30 simulated days.
//
// The clock stops (and pauses) at the end of the scenario's span, so the soak plays laps: when
// the clock stops, "Go to" takes it back to the scenario's start and play resumes. "played" counts
// only simulated time the clock moved forward while playing, over every lap.
// At each sample: a forced garbage collection (CDP HeapProfiler.collectGarbage), then the JS heap
// in use and allocated (CDP Runtime.getHeapUsage), the WebAssembly.Memory's size (trunk's loader
// hands the wasm exports over in its TrunkApplicationStarted event; a wasm memory only grows, so
// this is its high-water mark) and Chromium's DOM node and event listener counts
// (Performance.getMetrics). Run with `make bench` after a build, or `node tests/e2e/bench/soak.mjs [days]`.
import { loadavg } from 'node:os';
import { serveDist } from '../lib/server.mjs';
import { launch, openPage } from '../lib/browser.mjs';

const DAYS = Number(process.argv[2] ?? 365);
const EVERY = 30;
const DAY_MS = 86400000;

const server = await serveDist('/bench/');
const browser = await launch();
const mib = (b) => `${(b / 1048576).toFixed(1)} MiB`;
try {
  const { page, context, errors } = await openPage(browser, server.origin);
  await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasmMemory = e.detail?.wasm?.memory; }));
  await page.goto(`${server.url}#preset=busy-datacenter`);
  await page.getByRole('table', { name: 'Jobs' }).waitFor();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const clock = async () => (await page.getByTestId('clock').textContent()).trim();
  const clockMs = (text) => Date.parse(`${text.slice(0, 10)}T${text.slice(11, 16)}:00Z`);
  const playing = async () => (await page.getByTestId('play').getAttribute('aria-pressed')) === 'true';
  const startText = await clock();
  const started = Date.now();

  const sample = async (played, lap) => {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const wasm = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? null);
    const now = await clock();
    console.log(
      `day ${String(Math.round(played / DAY_MS)).padStart(3)} (lap ${lap}, clock ${now}): JS heap used ${mib(heap.usedSize)} of ${mib(heap.totalSize)}, ` +
      `wasm memory ${wasm == null ? 'not found' : mib(wasm)}, DOM nodes ${metrics.Nodes}, listeners ${metrics.JSEventListeners}`,
    );
    return { heap: heap.usedSize, wasm };
  };

  console.log(`soak: busy-datacenter at 1 week/s for ${DAYS} simulated days, sampled every ${EVERY} days after a forced GC; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const samples = [await sample(0, 1)];
  await page.getByTestId('speed').selectOption('1w');
  await page.getByTestId('play').click();
  let played = 0;
  let lap = 1;
  let last = clockMs(await clock());
  let next = EVERY * DAY_MS;
  const laps = [];
  while (played < DAYS * DAY_MS) {
    await page.waitForTimeout(200);
    const t = clockMs(await clock());
    if (t > last) played += t - last;
    last = t;
    if (played >= next) {
      samples.push(await sample(played, lap));
      next += EVERY * DAY_MS;
    }
    if (!(await playing()) && played < DAYS * DAY_MS) {
      // The clock stopped at the end of the span: back to the start, play again.
      laps.push(await clock());
      await page.getByTestId('go-to').fill(startText.slice(0, 16));
      await page.getByTestId('go-to').press('Enter');
      await page.waitForFunction((s) => document.querySelector('[data-testid=clock]').textContent.trim() === s, startText);
      last = clockMs(startText);
      lap += 1;
      await page.getByTestId('play').click();
    }
  }
  await page.getByTestId('play').click();
  const end = await sample(played, lap);
  const first = samples[1] ?? samples[0];
  console.log(
    `played ${(played / DAY_MS).toFixed(1)} simulated days in ${((Date.now() - started) / 1000).toFixed(0)} s over ${lap} laps ` +
    `(each lap ${startText} → ${laps[0] ?? 'not reached'}); JS heap ${mib(samples[0].heap)} at the start, ${mib(first.heap)} at day ${EVERY}, ${mib(end.heap)} at the end; ` +
    `wasm memory ${mib(samples[0].wasm ?? 0)} → ${mib(end.wasm ?? 0)}; page errors: ${errors.length}; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`,
  );
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
