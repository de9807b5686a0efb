// The timeline, through its page contract: one figure named "Timeline"; lanes `data-job`,
// segments `data-state` in time order (projected ones `data-projected="true"`), deadline
// markers `data-rule` + `data-at`. Run after a build, like every e2e file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp } from './lib/setup.mjs';
import { openPage, screenshot, OUTPUT } from './lib/browser.mjs';
import { clockText, waitForApp, waitForJobStatus } from './lib/app.mjs';
import path from 'node:path';
import { generated } from './bench/scenario.mjs';

const env = useServedApp();

async function open(hash) {
  const session = await openPage(env.browser, env.server.origin);
  await session.page.goto(env.server.url + hash);
  await waitForApp(session.page);
  await session.page.getByRole('figure', { name: 'Timeline' }).waitFor();
  return session;
}

/** A lane as the contract shows it: states in DOM order (`*` = projected), markers, ticks. */
function lane(page, job) {
  return page.evaluate((job) => {
    const g = document.querySelector(`[data-job="${CSS.escape(job)}"]`);
    if (!g) return null;
    const segs = [...g.querySelectorAll('[data-state]')];
    const right = (el) => Number(el.getAttribute('x')) + Number(el.getAttribute('width'));
    return {
      states: segs.map((s) => s.dataset.state + (s.dataset.projected === 'true' ? '*' : '')),
      markers: [...g.querySelectorAll('[data-rule]')].map((m) => ({
        rule: m.dataset.rule, at: m.dataset.at, status: m.getAttribute('class').replace('marker ', ''),
        x: Number(/translate\((-?\d+)/.exec(m.getAttribute('transform'))[1]),
      })),
      ticks: g.querySelectorAll('.tick').length,
      refused: g.querySelectorAll('.tick.refused').length,
      end: g.querySelector('.lane-end') ? Number(/M(-?\d+)/.exec(g.querySelector('.lane-end').getAttribute('d'))[1]) : null,
      lastSolidRight: (() => { const s = segs.filter((s) => !s.dataset.projected).pop(); return s ? right(s) : null; })(),
      projectedRight: (() => { const s = segs.find((s) => s.dataset.projected); return s ? right(s) : null; })(),
      label: g.getAttribute('aria-label'),
    };
  }, job);
}

/**
 * Waits until the lane of `job` passes the named check. The checks live in the page function
 * (Playwright runs a function through the DevTools protocol; a string would need `eval`, which
 * the page's Content Security Policy forbids).
 */
function waitForLane(page, job, check) {
  return page.waitForFunction(
    ([job, check]) => {
      const g = document.querySelector(`[data-job="${CSS.escape(job)}"]`);
      if (!g) return false;
      switch (check) {
        case 'completed':
          return [...g.querySelectorAll('[data-state]')].some((s) => s.dataset.state === 'Completed');
        case 'ended':
          return !!g.querySelector('.lane-end');
        case 'one refused tick':
          return g.querySelectorAll('.tick.refused').length === 1;
        default:
          throw new Error(`no lane check named ${check}`);
      }
    },
    [job, check],
    { timeout: 30000 },
  );
}

const plusDays = (iso, days) => new Date(Date.parse(iso) + days * 86400000).toISOString().replace('.000Z', 'Z');

test('happy import played through: Creating → … → Completed in order, the 90-day marker on the right date', async () => {
  const { page, context, errors } = await open('#preset=happy-import');
  const fig = page.getByRole('figure', { name: 'Timeline' });
  assert.deepEqual((await lane(page, 'lab-a')).states, ['Creating', 'Creating*'], 'at the start: Creating, and R2 ahead');
  assert.deepEqual((await lane(page, 'lab-a')).markers.map((m) => [m.rule, m.at, m.status]), [['R2', '2026-01-19T09:00:00Z', 'pending']]);
  await page.getByTestId('speed').selectOption('1w');
  await page.getByTestId('play').click();
  await waitForLane(page, 'lab-a', 'completed');
  await page.getByTestId('play').click(); // pause
  const l = await lane(page, 'lab-a');
  assert.deepEqual(l.states, ['Creating', 'Shipping', 'Received', 'Transferring', 'Packaging', 'Completed', 'Completed*']);
  // The log says when the drives went back (→ Completed); the marker must sit 90 days later.
  const shipped = await page.evaluate(() => {
    const li = [...document.querySelectorAll('[data-testid=event-log] li')].find((e) => e.querySelector('.event-name')?.textContent === 'DrivesShippedBack');
    return li.querySelector('.log-time').textContent.replace(' UTC', '').replace(' ', 'T') + ':00Z';
  });
  const r10 = l.markers.find((m) => m.rule === 'R10');
  assert.equal(r10.at.slice(0, 16), plusDays(shipped, 90).slice(0, 16), 'the log shows minutes');
  assert.equal(r10.status, 'pending');
  assert.equal(l.projectedRight, r10.x, 'the dashed projection ends at the marker');
  assert.match(l.label, /Next: deleted on \d{4}-\d\d-\d\d \(90 days after Completed\)/);
  await fig.screenshot({ path: path.join(OUTPUT, 'timeline-happy-completed.png') });
  await screenshot(page, 'timeline-happy-page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('abandoned: deletion projected at +14 days; clicking the marker goes there and the lane ends', async () => {
  const { page, context, errors } = await open('#preset=abandoned&t=2026-01-10T09:00:00Z');
  let l = await lane(page, 'forgotten');
  assert.deepEqual(l.states, ['Creating', 'Creating*']);
  assert.deepEqual(l.markers.map((m) => [m.rule, m.at, m.status]), [['R2', '2026-01-19T09:00:00Z', 'pending']]);
  assert.equal(l.projectedRight, l.markers[0].x);
  // "updated" was edited on day 10 later on; before that its own R2 is at +14 d too.
  assert.deepEqual((await lane(page, 'updated')).markers.map((m) => m.at), ['2026-01-19T09:00:00Z']);

  const marker = page.locator('[data-job="forgotten"] [data-rule="R2"]');
  await marker.hover();
  await page.waitForFunction(() => /deleted on 2026-01-19 09:00 UTC unless tracking is entered/.test(document.querySelector('[data-testid=timeline-tip]').textContent));
  await page.getByRole('figure', { name: 'Timeline' }).screenshot({ path: path.join(OUTPUT, 'timeline-abandoned-projected.png') });
  await marker.click();
  await page.waitForFunction(() => document.querySelector('[data-testid=clock]').textContent.trim() === '2026-01-19 09:00 UTC');
  await waitForJobStatus(page, 'forgotten', null);
  await waitForLane(page, 'forgotten', 'ended');
  l = await lane(page, 'forgotten');
  assert.deepEqual(l.states, ['Creating'], 'no projection once deleted');
  assert.equal(l.markers[0].status, 'fired');
  assert.equal(l.end, l.markers[0].x, 'the lane ends at the deadline');
  assert.equal(l.lastSolidRight, l.end);

  // Two weeks on, the tracking entered after the deletion shows as a barred (refused) tick.
  await page.getByRole('button', { name: '+14 days' }).click();
  await waitForLane(page, 'forgotten', 'one refused tick');
  // "updated" got its UpdateJob on day 10: the first R2 no longer applies, the new one fired on day 24.
  const u = await lane(page, 'updated');
  assert.deepEqual(u.markers.map((m) => [m.at, m.status]), [['2026-01-19T09:00:00Z', 'defused'], ['2026-01-29T09:00:00Z', 'fired']]);
  await page.getByRole('figure', { name: 'Timeline' }).screenshot({ path: path.join(OUTPUT, 'timeline-abandoned-ended.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('never arrives: overdue marker at tracking + 14 days, Closed 30 days later; focus and Enter move the clock', async () => {
  const { page, context, errors } = await open('#preset=never-arrives&t=2026-01-25T09:00:00Z');
  let l = await lane(page, 'lost-parcel');
  assert.deepEqual(l.states, ['Creating', 'Shipping', 'Shipping*']);
  const at = Object.fromEntries(l.markers.map((m) => [m.rule, [m.at, m.status]]));
  assert.deepEqual(at.R5a, ['2026-01-20T09:00:00Z', 'fired'], 'tracking (01-06) + 14 days');
  assert.deepEqual(at.R5b, ['2026-02-19T09:00:00Z', 'pending'], 'overdue + 30 days');

  const r5b = page.locator('[data-job="lost-parcel"] [data-rule="R5b"]');
  await r5b.focus();
  await page.waitForFunction(() => /Closed on 2026-02-19 09:00 UTC unless the package arrives/.test(document.querySelector('[data-testid=timeline-tip]').textContent));
  await page.getByRole('figure', { name: 'Timeline' }).screenshot({ path: path.join(OUTPUT, 'timeline-never-arrives.png') });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=clock]').textContent.trim() === '2026-02-19 09:00 UTC');
  await waitForJobStatus(page, 'lost-parcel', 'Closed');
  // The lane was redrawn; the keyboard focus is back on the same marker.
  await page.waitForFunction(() => document.activeElement?.dataset.rule === 'R5b');
  l = await lane(page, 'lost-parcel');
  assert.deepEqual(l.states, ['Creating', 'Shipping', 'Closed', 'Closed*']);
  assert.deepEqual(l.markers.filter((m) => m.status === 'pending').map((m) => [m.rule, m.at]), [['R10', '2026-05-20T09:00:00Z']]);

  // A tick is focusable too, says its event in one line, and Enter goes to it.
  const tick = page.locator('[data-job="lost-parcel"] .tick').nth(1);
  await tick.focus();
  await page.waitForFunction(() => /EnterTracking \(R3/.test(document.querySelector('[data-testid=timeline-tip]').textContent));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=clock]').textContent.trim() === '2026-01-06 09:00 UTC');
  assert.equal(await clockText(page), '2026-01-06 09:00 UTC');
  assert.deepEqual(errors, []);
  await context.close();
});

test('dragging on the time axis scrubs; zoom, pan and a lane name that opens the drive lanes', async () => {
  const { page, context, errors } = await open('#preset=happy-import');
  const axis = page.locator('.tl-axis');
  const box = await axis.boundingBox();
  const before = await clockText(page);
  await page.mouse.move(box.x + box.width * 0.3, box.y + 10);
  await page.mouse.down();
  await page.waitForFunction((b) => document.querySelector('[data-testid=clock]').textContent.trim() !== b, before);
  const mid = await clockText(page);
  await page.mouse.move(box.x + box.width * 0.6, box.y + 10, { steps: 4 });
  await page.mouse.up();
  await page.waitForFunction((m) => document.querySelector('[data-testid=clock]').textContent.trim() > m, mid);

  const dates = () => page.locator('.tl-axis .axis-date').allTextContents();
  const whole = await dates();
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  await page.waitForFunction(() => document.querySelectorAll('.tl-axis .axis-date').length >= 7);
  const week = await dates();
  assert.notDeepEqual(week, whole);
  await page.getByRole('button', { name: 'Later ▶' }).click();
  await page.waitForFunction((w) => document.querySelector('.tl-axis .axis-date').textContent !== w, week[0]);
  await page.getByRole('button', { name: 'Whole span', exact: true }).click();
  await page.waitForFunction((w) => document.querySelector('.tl-axis .axis-date').textContent === w, whole[0]);

  await page.locator('[data-job="lab-a"] [data-select]').click();
  await page.waitForFunction(() => document.querySelectorAll('.drive-lane').length === 2);
  const drives = await page.evaluate(() => [...document.querySelectorAll('.drive-lane')].map((d) => d.dataset.driveLane + ':' + [...d.querySelectorAll('[data-state]')].map((s) => s.dataset.state).join(',')));
  assert.equal(drives.length, 2);
  assert.ok(drives.every((d) => d.split(':')[1].length > 0), 'each drive lane has its states');
  await page.getByRole('figure', { name: 'Timeline' }).screenshot({ path: path.join(OUTPUT, 'timeline-drives.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('past a few hundred jobs the lanes aggregate into a band of state counts, with the jobs table\'s page of lanes below', async () => {
  const { page, context, errors } = await open(generated(300) + '&t=2026-02-20T09:00:00Z');
  await page.getByRole('img', { name: 'Jobs per state over time' }).waitFor();
  const lanes = () => page.evaluate(() => [...document.querySelectorAll('[data-job]')].map((g) => g.dataset.job));
  const rows = () => page.evaluate(() => [...document.querySelectorAll('table[aria-label=Jobs] tbody .job-link')].map((b) => b.textContent));
  const first = await lanes();
  assert.equal(first.length, 25, 'a list past 100 jobs pages 25 at a time');
  // The lanes are the table's page in its order (deleted jobs hidden, so job-0000 is not there).
  assert.deepEqual(first, await rows());
  assert.equal(first[0], 'job-0001');
  await page.getByRole('button', { name: 'Next jobs' }).click();
  await page.waitForFunction((was) => document.querySelector('[data-job]')?.dataset.job !== was, first[0]);
  assert.equal((await lanes()).length, 25);
  assert.deepEqual(await lanes(), await rows(), 'Next jobs turned the table\'s page too');
  await page.getByRole('figure', { name: 'Timeline' }).screenshot({ path: path.join(OUTPUT, 'timeline-aggregated.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('lanes out of view show their names at once and their states a few frames later, without a scroll', async () => {
  // 100 lanes in a box showing about 13: the lanes below start as their group and name only
  // (drawn before the first paint is cheaper), and the band kept up to date widens over them.
  const { page, context, errors } = await open(generated(100) + '&t=2026-02-05T09:00:00Z');
  await page.getByRole('table', { name: 'Jobs' }).locator('tbody tr').first().waitFor();
  const names = await page.evaluate(() => [...document.querySelectorAll('[data-job]')].map((g) => g.querySelector('.lane-name')?.textContent));
  assert.equal(names.length, 100, 'every job that exists has its lane and name');
  assert.equal(names[99], 'job-0099');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-job]')].every((g) => g.querySelector('[data-state]')));
  const last = page.locator('[data-job="job-0099"]');
  assert.match(await last.getAttribute('aria-label'), /^job-0099: \w+ from /, 'the lane says its state once drawn');
  assert.equal(await page.locator('.tl-scroll').evaluate((el) => el.scrollTop), 0, 'nothing was scrolled');
  assert.deepEqual(errors, []);
  await context.close();
});
