// Benchmark (prints figures, asserts nothing): start-up, navigation → first row of the Jobs table,
// median and p90 of RUNS fresh browser contexts (empty cache: the wasm is fetched and compiled
// each time) for each preset, opened by its #preset= link. Presets alternate run by run.
//
// Measured in the page, in ms since navigation start (performance.now()), by a MutationObserver
// installed before the page's scripts run (stampRows in scenario.mjs):
// - "in DOM": the first job row exists in the table;
// - "painted": the end of the frame after that (a setTimeout queued from the next
//   requestAnimationFrame, so after that frame's style, layout and paint on the main thread).
// In the same run, for comparison, the plain-JavaScript page (plain.html, see baseline.mjs) showing
// the same rows the app showed for that preset, measured the same way.
// Run with `make bench` after a build, or `node tests/e2e/bench/startup.mjs [preset…]`.
import { loadavg } from 'node:os';
import { launch, openPage } from '../lib/browser.mjs';
import { readJobTable, serveBench, stampRows, stats } from './scenario.mjs';

const PRESETS = process.argv.slice(2).length ? process.argv.slice(2) : ['happy-import', 'busy-datacenter'];
const RUNS = 10;

async function measure(browser, server, url, init) {
  const { page, context } = await openPage(browser, server.origin);
  if (init) await page.addInitScript(init.fn, init.arg);
  await page.addInitScript(stampRows, 0);
  await page.goto(url);
  await page.waitForFunction(() => window.__stamps?.firstPainted !== undefined, null, { timeout: 60000 });
  const stamps = await page.evaluate(() => window.__stamps);
  const rows = init ? null : await page.evaluate(readJobTable);
  await context.close();
  return { ...stamps, rows };
}

const server = await serveBench();
const browser = await launch();
try {
  const results = Object.fromEntries(PRESETS.map((p) => [p, { app: [], plain: [], data: null }]));
  for (let run = 0; run < RUNS; run++) {
    for (const preset of PRESETS) {
      const r = results[preset];
      const app = await measure(browser, server, `${server.app}#preset=${preset}`);
      r.app.push(app);
      r.data ??= app.rows;
      const setData = { fn: (positions) => { window.BENCH_DATA = { positions }; }, arg: [r.data] };
      r.plain.push(await measure(browser, server, server.plain, setData));
    }
  }
  const line = (xs, key) => {
    const s = stats(xs.map((x) => x[key]));
    return `median ${s.median.toFixed(0)} ms, p90 ${s.p90.toFixed(0)} ms (min ${s.min.toFixed(0)}, max ${s.max.toFixed(0)})`;
  };
  console.log(`start-up, navigation → first Jobs row; ${RUNS} fresh contexts per preset; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  for (const preset of PRESETS) {
    const r = results[preset];
    console.log(`${preset} (${r.data.rows.length} rows):`);
    console.log(`  app,   in DOM:  ${line(r.app, 'first')}`);
    console.log(`  app,   painted: ${line(r.app, 'firstPainted')}`);
    console.log(`  plain, in DOM:  ${line(r.plain, 'first')}`);
    console.log(`  plain, painted: ${line(r.plain, 'firstPainted')}`);
  }
} finally {
  await browser.close();
  await server.close();
}
