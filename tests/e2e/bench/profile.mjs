// Benchmark (prints figures, asserts nothing): which functions the main thread runs while a
// world plays at 1 week/s. A CPU profile of a few seconds, printed as the functions with the
// most self time. Run on a build whose wasm keeps its function names, or the wasm frames are
// only numbers: `scripts/profile-build.sh` makes one in target/profile-dist and prints the
// command (`IE_DIST=target/profile-dist node tests/e2e/bench/profile.mjs [generated-1000|<preset>]`;
// `JUMPS=<n>` profiles n jumps with the scrubber instead of playing, `ACTIONS=<n>` n presses of
// "Update job" on the first job, `TICKS=<n>` n presses of "+1 day" (a generated world from its day 31), as baseline.mjs
// times them), `LOAD=1` the page's load up to the first row of the table; `CALLERS=<text>`
// also prints who calls the functions named so).
import { serveDist } from '../lib/server.mjs';
import { launch, openPage } from '../lib/browser.mjs';
import { generated, generatedDay } from './scenario.mjs';

const preset = process.argv[2] ?? 'generated-1000';
const SECONDS = Number(process.env.SECONDS ?? 3);
const server = await serveDist('/bench/');
const browser = await launch();
try {
  const { page, context } = await openPage(browser, server.origin);
  const m = /^generated-(\d+)$/.exec(preset);
  // With TICKS or LOAD, a generated world opens at its day 31 (every job exists), as in baseline.mjs.
  const at = (process.env.TICKS || process.env.LOAD) && m ? `&t=${generatedDay(31)}` : '';
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  // LOAD: the profile covers the page's load, from navigation to the first row of the table.
  if (process.env.LOAD) await cdp.send('Profiler.start');
  await page.goto(server.url + (m ? generated(Number(m[1])) + at : `#preset=${preset}`));
  await page.locator('table[aria-label=Jobs] tbody tr').first().waitFor({ timeout: 60000 });
  if (!process.env.LOAD) {
    await page.getByTestId('speed').selectOption('1w');
    await cdp.send('Profiler.start');
  }
  if (process.env.LOAD) {
    // Nothing more: the load is profiled.
  } else if (process.env.ACTIONS) {
    // User actions instead of playing: the first job selected at the start, then "Update job"
    // pressed n times, each once the page has drawn the last one (what frames.mjs times once).
    await cdp.send('Profiler.stop');
    await page.evaluate(async () => {
      const s = document.querySelector('[data-testid=scrubber]');
      s.value = s.min;
      s.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      document.querySelector('table[aria-label=Jobs] tbody .job-link')?.click();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    });
    await cdp.send('Profiler.start');
    await page.evaluate(async (n) => {
      for (let i = 0; i < n; i += 1) {
        document.querySelector('[data-testid=update-job]')?.click();
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      }
    }, Number(process.env.ACTIONS));
  } else if (process.env.TICKS) {
    // The baseline's tick: "+1 day" pressed n times from day 31, each once the page has drawn.
    await page.evaluate(async (n) => {
      for (let i = 0; i < n; i += 1) {
        document.querySelector('.jumps button').click();
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      }
    }, Number(process.env.TICKS));
  } else if (process.env.JUMPS) {
    // Jumps instead of playing: the scrubber moved across the span, one step per frame.
    await page.evaluate((n) => new Promise((resolve) => {
      const s = document.querySelector('[data-testid=scrubber]');
      let i = 0;
      const step = () => {
        if (i >= n) return resolve();
        s.value = String(Math.round((s.max * ((i * 7) % n)) / n));
        s.dispatchEvent(new Event('input', { bubbles: true }));
        i += 1;
        requestAnimationFrame(() => setTimeout(step, 0));
      };
      step();
    }), Number(process.env.JUMPS));
  } else {
    await page.evaluate((s) => new Promise((resolve) => {
      document.querySelector('[data-testid=play]').click();
      setTimeout(() => { document.querySelector('[data-testid=play]').click(); resolve(); }, s * 1000);
    }), SECONDS);
  }
  const { profile } = await cdp.send('Profiler.stop');
  const dt = new Map();
  for (let i = 0; i < profile.samples.length; i += 1) {
    dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const total = new Map();
  for (const [id, us] of dt) {
    const n = byId.get(id);
    const name = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber})`;
    self.set(name, (self.get(name) ?? 0) + us);
    // Inclusive time: each function once per sample, however deep it recurs.
    const seen = new Set();
    for (let p = id; p !== undefined; p = parent.get(p)) {
      const f = byId.get(p).callFrame.functionName;
      if (f && !seen.has(f)) { seen.add(f); total.set(f, (total.get(f) ?? 0) + us); }
    }
  }
  // CALLERS=<text>: who calls the functions whose name (or `file:line:column`, for anonymous
  // JS) contains <text>, as their chains of callers with the time spent under them: a glue
  // function such as `Reflect.get` says which of our reads is slow (a forced layout, at load).
  if (process.env.CALLERS) {
    const chains = new Map();
    for (const [id, us] of dt) {
      const n = byId.get(id);
      const name = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber})`;
      if (!name.includes(process.env.CALLERS)) continue;
      const chain = [];
      for (let p = parent.get(id); p !== undefined && chain.length < 12; p = parent.get(p)) chain.push((byId.get(p).callFrame.functionName || '?').slice(0, 90));
      const key = chain.join(' < ');
      chains.set(key, (chains.get(key) ?? 0) + us);
    }
    console.log(`Callers of "${process.env.CALLERS}" (ms):`);
    for (const [key, us] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`${(us / 1000).toFixed(1).padStart(8)}  ${key}`);
  }
  const ms = (us) => (us / 1000).toFixed(1).padStart(8);
  const what = process.env.LOAD ? 'load to the first row' : process.env.TICKS ? `${process.env.TICKS} ticks of +1 day` : process.env.ACTIONS ? `${process.env.ACTIONS} actions` : process.env.JUMPS ? `${process.env.JUMPS} jumps` : `${SECONDS}s playing at 1 week/s`;
  console.log(`${preset}: ${what}. Self time, top 30 (ms):`);
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${ms(us)}  ${name.slice(0, 140)}`);
  console.log('Inclusive time, top 40 (ms):');
  for (const [name, us] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${ms(us)}  ${name.slice(0, 140)}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
