// Benchmark (prints figures, asserts nothing): where the main thread's time goes while a world
// plays at 1 week/s. Records a Chromium trace for a few seconds and prints the top-level main
// thread events by total time (script, style, layout, paint, commit, GC…), so a frame budget
// that is missed has a named culprit. `node tests/e2e/bench/trace.mjs [generated-1000|<preset>]`.
import { serveDist } from '../lib/server.mjs';
import { launch, openPage } from '../lib/browser.mjs';
import { generated, jumpFractions } from './scenario.mjs';

const preset = process.argv[2] ?? 'generated-1000';
const SECONDS = 3;
const server = await serveDist('/bench/');
const browser = await launch();
try {
  // HIDE='[role=figure]' hides a part to see what it costs; CSS='…' tries a rule without a rebuild.
  const hide = process.env.HIDE;
  const css = (hide ? `${hide} { display: none !important; }` : '') + (process.env.CSS ?? '');
  const { page, context } = await openPage(browser, server.origin, css ? { bypassCSP: true } : {});
  const m = /^generated-(\d+)$/.exec(preset);
  await page.goto(server.url + (m ? generated(Number(m[1])) : `#preset=${preset}`));
  await page.locator('table[aria-label=Jobs] tbody tr').first().waitFor({ timeout: 60000 });
  if (css) await page.addStyleTag({ content: css });
  await page.getByTestId('speed').selectOption('1w');
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8,blink.user_timing', transferMode: 'ReportEvents' });
  // JUMPS=1: the first ten scrubber jumps of frames.mjs instead of playing (LONG=1 then names
  // the work inside each slow jump).
  const frameCount = process.env.JUMPS ? await page.evaluate(async (at) => {
    const s = document.querySelector('[data-testid=scrubber]');
    const [lo, hi] = [Number(s.min), Number(s.max)];
    for (const f of at) {
      s.value = String(Math.round(lo + f * (hi - lo)));
      s.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      await new Promise((r) => setTimeout(r, 50));
    }
    return at.length;
  }, jumpFractions(10)) : await page.evaluate((s) => new Promise((resolve) => {
    let n = 0;
    const end = performance.now() + s * 1000;
    const step = (t) => { n += 1; if (t < end) requestAnimationFrame(step); else { document.querySelector('[data-testid=play]').click(); resolve(n); } };
    document.querySelector('[data-testid=play]').click();
    requestAnimationFrame(step);
  }), SECONDS);
  await cdp.send('Tracing.end');
  await done;
  // The renderer's main thread: the thread named CrRendererMain with the most events.
  const names = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const count = new Map();
  for (const e of events) if (e.ph === 'X' || e.ph === 'B') count.set(`${e.pid}:${e.tid}`, (count.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = names.map((n) => `${n.pid}:${n.tid}`).sort((a, b) => (count.get(b) ?? 0) - (count.get(a) ?? 0))[0];
  const totals = new Map();
  // Complete events ('X') on the main thread, nested ones counted under their own name too.
  for (const e of events) {
    if (`${e.pid}:${e.tid}` !== main || e.ph !== 'X' || !e.dur) continue;
    totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
  }
  const top = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log(`${preset}: ${process.env.JUMPS ? `${frameCount} scrubber jumps` : `${SECONDS}s playing at 1 week/s, ${frameCount} frames drawn`}; main thread, total ms per event name (nested events counted in their parents too):`);
  for (const [name, ms] of top) console.log(`  ${ms.toFixed(0).padStart(6)}  ${name}`);
  // LONG=1: each task over 40 ms on the main thread, with what ran inside it for over 3 ms.
  if (process.env.LONG) {
    const mainX = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur);
    const t0 = Math.min(...mainX.map((e) => e.ts));
    for (const task of mainX.filter((e) => e.name === 'RunTask' && e.dur > 40000)) {
      console.log(`  long task ${(task.dur / 1000).toFixed(1)} ms at +${((task.ts - t0) / 1000).toFixed(0)} ms`);
      for (const e of mainX) {
        if (e === task || e.ts < task.ts || e.ts + e.dur > task.ts + task.dur || e.dur < 3000) continue;
        console.log(`    ${(e.dur / 1000).toFixed(1).padStart(6)} ${e.name} ${JSON.stringify(e.args?.data ?? {}).slice(0, 120)}`);
      }
    }
  }
  if (process.env.PAINTS) {
    const paints = events.filter((e) => `${e.pid}:${e.tid}` === main && e.name === 'Paint').slice(20, 20 + Number(process.env.PAINTS));
    for (const e of paints) console.log(`  paint ${(e.dur / 1000).toFixed(2)} ms ${JSON.stringify(e.args?.data ?? {})}`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
