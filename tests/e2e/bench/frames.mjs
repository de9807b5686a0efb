// Benchmark (prints figures, asserts nothing): how smoothly the page plays at high speed.
// Opens a preset, plays it at 1 week per second for a few seconds and reports the browser's
// frame intervals and the script time of each clock tick. Run with `make bench` after a build.
// A second line per preset says what the timeline drew (lanes, aggregated band or not) and how
// the main thread spent those seconds (Chromium's own counters, so a regression has a culprit).
// A third line: jumps to thirty instants across the span with the scrubber (what `state_at` costs
// the page: until the page has settled, and until the next frame), and one user action (select
// the first job, then "Update job": the replay of that job and the page's update).
import { serveDist } from '../lib/server.mjs';
import { launch, openPage } from '../lib/browser.mjs';
import { generated, jumpFractions } from './scenario.mjs';

const presets = process.argv.slice(2).length ? process.argv.slice(2) : ['happy-import', 'busy-datacenter', 'generated-1000', 'stress-10000'];

const SECONDS = 4;

function pct(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Jumps as a user makes them: a real click on the slider at each fraction of its range (the
 * slider is measured again before each click, as the clock's text can move it). The browser's
 * Event Timing entries of each click say how long our script ran (the input's handling with
 * every effect it started: the state at the new instant and the page's update, no rendering)
 * and how long until the next paint (8 ms steps; a click under 16 ms has no entry).
 */
async function clickJumps(page, at) {
  await page.evaluate(() => {
    window.__events = [];
    new PerformanceObserver((l) => window.__events.push(...l.getEntries())).observe({ type: 'event', durationThreshold: 16 });
  });
  const slider = page.getByTestId('scrubber');
  const clock = page.getByTestId('clock');
  const script = [];
  const paint = [];
  let fast = 0;
  let missed = 0;
  for (const f of at) {
    const box = await slider.boundingBox();
    const before = await clock.textContent();
    await page.mouse.click(box.x + 8 + f * (box.width - 16), box.y + box.height / 2);
    const moved = await page
      .waitForFunction((b) => document.querySelector('[data-testid=clock]').textContent !== b, before, { timeout: 10000 })
      .then(() => true, () => false);
    const got = await page.evaluate(async () => {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
      const es = window.__events.splice(0);
      if (!es.length) return null;
      return [Math.max(...es.map((e) => e.processingEnd - e.processingStart)), Math.max(...es.map((e) => e.duration))];
    });
    if (!moved) missed++;
    else if (!got) fast++;
    else {
      script.push(got[0]);
      paint.push(got[1]);
    }
  }
  const up = (a) => a.sort((x, y) => x - y);
  return { n: at.length, script: up(script), paint: up(paint), fast, missed };
}

const server = await serveDist('/bench/');
const browser = await launch();
try {
  for (const preset of presets) {
    const { page, context } = await openPage(browser, server.origin);
    const t0 = Date.now();
    const m = /^generated-(\d+)$/.exec(preset);
    await page.goto(server.url + (m ? generated(Number(m[1])) : `#preset=${preset}`));
    await page.getByRole('table', { name: 'Jobs' }).waitFor();
    const loadMs = Date.now() - t0;
    await page.locator('table[aria-label=Jobs] tbody tr').first().waitFor({ timeout: 60000 });
    const firstRowMs = Date.now() - t0;
    await page.getByTestId('speed').selectOption('1w');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
    const before = await metrics();
    const result = await page.evaluate(async (seconds) => {
      const frames = [];
      const longTasks = [];
      const obs = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push([e.startTime - started, e.duration])));
      try { obs.observe({ type: 'longtask', buffered: false }); } catch {}
      const started = performance.now();
      document.querySelector('[data-testid=play]').click();
      let last = performance.now();
      const clock0 = document.querySelector('[data-testid=clock]').textContent;
      const end = last + seconds * 1000;
      await new Promise((resolve) => {
        const step = (now) => {
          frames.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(step); else resolve();
        };
        requestAnimationFrame(step);
      });
      document.querySelector('[data-testid=play]').click();
      obs.disconnect();
      const clock1 = document.querySelector('[data-testid=clock]').textContent;
      const timeline = document.querySelector('[role=figure][aria-label=Timeline]');
      return {
        frames, longTasks, clock0, clock1, rows: document.querySelectorAll('table[aria-label=Jobs] tbody tr').length,
        lanes: timeline ? timeline.querySelectorAll('[data-job]').length : null,
        band: !!timeline?.querySelector('[data-part=aggregated]:not([hidden]) .tl-band'),
      };
    }, SECONDS);
    const sorted = [...result.frames].sort((a, b) => a - b);
    console.log(
      `${preset}: load→table ${loadMs} ms, →first row ${firstRowMs} ms; ${result.rows} rows; ${result.frames.length} frames in ${SECONDS}s; ` +
      `frame interval p50 ${pct(sorted, 50).toFixed(1)} ms, p95 ${pct(sorted, 95).toFixed(1)} ms, ` +
      `max ${sorted[sorted.length - 1].toFixed(1)} ms; long tasks (>50 ms): ${result.longTasks.length}${result.longTasks.length ? ` (${result.longTasks.map(([at, d]) => `${Math.round(d)} ms at +${Math.round(at)} ms`).join(', ')})` : ''}; ` +
      `clock ${result.clock0.trim()} → ${result.clock1.trim()}`,
    );
    const after = await metrics();
    const spent = (k) => `${Math.round((after[k] - before[k]) * 1000)} ms`;
    console.log(
      `  timeline: ${result.lanes ?? 'absent'} lanes${result.band ? ' under the state-count band' : ''}; main thread in those ${SECONDS}s: ` +
      `busy ${spent('TaskDuration')}, script ${spent('ScriptDuration')}, layout ${spent('LayoutDuration')}, style ${spent('RecalcStyleDuration')}`,
    );
    // Jumps: the scrubber to 30 instants across the span (the ten of earlier runs first), each
    // timed until the page has settled (its effects ran; a frame the browser drew meanwhile is
    // included) and until the next frame was drawn. Chromium's long-animation-frame entries say
    // which jumps made a frame of over 50 ms, and how much of it was script and how much style,
    // layout and paint.
    const jumps = await page.evaluate(async (at) => {
      const s = document.querySelector('[data-testid=scrubber]');
      const [lo, hi] = [Number(s.min), Number(s.max)];
      const settled = [];
      const framed = [];
      const long = [];
      const frames = [];
      const obs = new PerformanceObserver((list) => frames.push(...list.getEntries()));
      try { obs.observe({ type: 'long-animation-frame' }); } catch {}
      for (const f of at) {
        s.value = String(Math.round(lo + f * (hi - lo)));
        const t0 = performance.now();
        s.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 0));
        settled.push(performance.now() - t0);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        framed.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 50));
        for (const e of frames.splice(0)) {
          if (e.startTime <= t0 && t0 <= e.startTime + e.duration) {
            const script = e.renderStart > 0 ? e.renderStart - e.startTime : e.duration;
            long.push([e.duration, script, e.duration - script]);
          }
        }
      }
      obs.disconnect();
      const up = (a) => a.sort((x, y) => x - y);
      return { n: at.length, settled: up(settled), framed: up(framed), long };
    }, jumpFractions(30));
    // One user action on the first job, at the start.
    const action = await page.evaluate(async () => {
      const s = document.querySelector('[data-testid=scrubber]');
      s.value = s.min;
      s.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 50));
      document.querySelector('table[aria-label=Jobs] tbody .job-link')?.click();
      await new Promise((r) => setTimeout(r, 50));
      const b = document.querySelector('[data-testid=update-job]');
      if (!b || b.getAttribute('aria-disabled') === 'true' || b.disabled) return null;
      const t0 = performance.now();
      b.click();
      await new Promise((r) => setTimeout(r, 0));
      const settled = performance.now() - t0;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return { settled, framed: performance.now() - t0 };
    });
    const clicked = await clickJumps(page, jumpFractions(30));
    const ms = (x) => `${Math.round(x)} ms`;
    console.log(
      `  jump anywhere (${jumps.n} scrubber moves): settled median ${ms(pct(jumps.settled, 50))}, p90 ${ms(pct(jumps.settled, 90))}, max ${ms(jumps.settled.at(-1))}; ` +
      `next frame median ${ms(pct(jumps.framed, 50))}, p90 ${ms(pct(jumps.framed, 90))}, max ${ms(jumps.framed.at(-1))}; ` +
      `frames over 50 ms: ${jumps.long.length}${jumps.long.length ? ` (${jumps.long.map(([d, sc, r]) => `${ms(d)} = script ${ms(sc)} + render ${ms(r)}`).join(', ')})` : ''}; ` +
      (action ? `one action (Update job on the first job): settled ${ms(action.settled)}, next frame ${ms(action.framed)}` : 'one action: no job to act on'),
    );
    const summary = (xs) => (xs.length ? `median ${ms(pct(xs, 50))}, p90 ${ms(pct(xs, 90))}, max ${ms(xs.at(-1))}` : '–');
    console.log(
      `  the same ${clicked.n} jumps as clicks on the slider, by the browser's Event Timing: our script (the state at t and the page's update) ${summary(clicked.script)}; ` +
      `to the next paint ${summary(clicked.paint)}` +
      (clicked.fast ? ` (${clicked.fast} jumps under 16 ms to the next paint, which Event Timing does not report)` : '') +
      (clicked.missed ? `; ${clicked.missed} clicks did not move the clock` : ''),
    );
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
