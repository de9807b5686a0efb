// Trustworthy at the edges (issue 8), in a real browser: the form refuses another job's drive
// id beside the field; a deadline reached with "+14 days" has fired, so Enter tracking is
// disabled with the R2 reason; actions done while playing are all there, at the same moment,
// after a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp } from './lib/setup.mjs';
import { openPage, screenshot } from './lib/browser.mjs';
import { jobStatus, waitForJobStatus, clockText, waitForClockChange, selectJob, waitForApp } from './lib/app.mjs';

const env = useServedApp();

async function open(hash = '') {
  const session = await openPage(env.browser, env.server.origin);
  await session.page.goto(env.server.url + hash);
  await waitForApp(session.page);
  return session;
}

test("the New job form refuses another job's drive id beside the field, and creates nothing", async () => {
  const { page, context, errors } = await open('#preset=happy-import');
  await page.locator('details.new-job-fold > summary').click(); // "New job" is folded away
  await page.getByTestId('new-name').fill('lab-z');
  await page.getByTestId('new-account').fill('labstorage');
  await page.getByTestId('new-drive-id-0').fill('a1000001');
  await page.getByTestId('create-job').click();
  const row = page.locator('.drive-draft').first();
  await row.locator('.error-text:not([hidden])').first().waitFor();
  assert.match(await row.innerText(), /A1000001 already belongs to job "lab-a"/);
  assert.equal(await page.getByTestId('new-drive-id-0').getAttribute('aria-invalid'), 'true');
  assert.equal(await jobStatus(page, 'lab-z'), null);
  await screenshot(page, 'trust-1-drive-in-use');
  // With a free id the same form creates the job.
  await page.getByTestId('new-drive-id-0').fill('Z1000001');
  await page.getByTestId('create-job').click();
  await waitForJobStatus(page, 'lab-z', 'Creating');
  assert.deepEqual(errors, []);
  await context.close();
});

test('"+14 days" lands on the R2 deadline: the job is deleted and Enter tracking is disabled with the R2 reason', async () => {
  const { page, context } = await open('#preset=abandoned');
  await selectJob(page, 'forgotten');
  await page.getByTestId('tracking-number').fill('555');
  const enter = page.getByTestId('enter-tracking');
  assert.equal(await enter.getAttribute('aria-disabled'), 'false');
  await page.getByRole('button', { name: '+14 days' }).click();
  await waitForClockChange(page, '2026-01-05 09:00 UTC');
  assert.equal(await clockText(page), '2026-01-19 09:00 UTC');
  await page.waitForFunction(() => document.querySelector('[data-testid=enter-tracking]')?.getAttribute('aria-disabled') === 'true');
  assert.match(await enter.getAttribute('title'), /R2/);
  // Pressing it anyway is refused with the same rule, and nothing changes.
  await enter.click({ force: true });
  const feedback = page.locator('.action', { has: enter }).getByRole('alert');
  await feedback.waitFor();
  assert.match(await feedback.innerText(), /R2/);
  await page.getByLabel('Show deleted jobs').check();
  assert.match(await jobStatus(page, 'forgotten'), /^Deleted.*R2/s);
  await screenshot(page, 'trust-2-deadline-tie');
  await context.close();
});

test('actions done while playing are all in the link, at the same moment, after a reload', async () => {
  const { page, context, errors } = await open('#preset=abandoned');
  await page.getByTestId('speed').selectOption('1d');
  await selectJob(page, 'forgotten');
  // First action while the clock runs: update (restarts the 14 days).
  await page.getByTestId('play').click();
  await waitForClockChange(page, '2026-01-05 09:00 UTC');
  await page.getByTestId('update-job').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=play]')?.getAttribute('aria-pressed') === 'false');
  // Second action, again while playing: enter tracking.
  const paused = await clockText(page);
  await page.getByTestId('play').click();
  await waitForClockChange(page, paused);
  await page.getByTestId('tracking-number').fill('777');
  await page.getByTestId('enter-tracking').click();
  await waitForJobStatus(page, 'forgotten', 'Shipping');
  await page.waitForFunction(() => location.hash.startsWith('#preset=abandoned&add='));
  const before = { clock: await clockText(page), hash: await page.evaluate(() => location.hash) };
  const log = await page.getByTestId('event-log').textContent();
  assert.match(log, /UpdateJob/);
  assert.match(log, /EnterTracking/);

  await page.reload();
  await waitForApp(page);
  await waitForJobStatus(page, 'forgotten', 'Shipping');
  assert.equal(await clockText(page), before.clock);
  assert.equal(await page.evaluate(() => location.hash), before.hash);
  const after = await page.getByTestId('event-log').textContent();
  assert.equal(after, log, 'the log after the reload is the log before it');
  await screenshot(page, 'trust-3-reloaded');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a view whose link would pass the limit says so on the page instead of leaving a stale address', async () => {
  const { page, context, errors } = await open('#preset=happy-import');
  const before = await page.evaluate(() => location.hash);
  // About 5 MB of random names and ids: even compressed (issue 11), its link is past the
  // 1,000,000-character limit.
  const jobs = [];
  const random = (chars, n) => Array.from({ length: n }, () => chars[Math.floor(Math.random() * chars.length)]).join('');
  const seen = new Set();
  for (let n = 0; n < 12000; n++) {
    const drives = [];
    while (drives.length < 10) {
      const id = random('0123456789ABCDEF', 8);
      if (!seen.has(id)) { seen.add(id); drives.push({ id, sizeGiB: 1 }); }
    }
    const name = `${n}-${random('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 56)}`;
    jobs.push({ name, type: 'Import', storageAccount: random('abcdefghijklmnopqrstuvwxyz0123456789', 24), drives });
  }
  const scenario = { version: 1, title: 'Big class', start: '2026-01-05T09:00:00Z', autopilot: { enabled: false }, jobs };
  await page.getByText('Load your own scenario (JSON)').click();
  await page.getByTestId('scenario-json').fill(JSON.stringify(scenario));
  await page.getByTestId('load-json').click();
  const notice = page.getByTestId('notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /more than the 1000000 a link may hold/);
  assert.equal(await page.evaluate(() => location.hash), before, 'the address was not rewritten');
  await screenshot(page, 'trust-4-link-too-long');
  assert.deepEqual(errors, []);
  await context.close();
});

// The release build aborts on a panic (scripts/wasm-env.sh): no panic hook runs, the wasm traps.
// A real abort inside the app's own module: wasm-bindgen's allocator export, asked for nearly
// 4 GiB, takes the abort path a failed allocation takes in Rust. Called from a timer, as an
// event or a frame of the app would be, the trap reaches the window uncaught.
test('an abort inside the app\'s wasm shows the visible error banner, not a frozen page', async () => {
  const session = await openPage(env.browser, env.server.origin);
  const { page, context, errors } = session;
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.appWasm = e.detail.wasm; });
  });
  await page.goto(env.server.url + '#preset=happy-import');
  await waitForApp(page);
  assert.equal(await page.locator('#panic-banner').count(), 0);
  // Another script's error is not the simulator stopping: no banner.
  await page.evaluate(() => new Promise((done) => {
    setTimeout(() => { throw new Error('a script that is not the simulator'); });
    setTimeout(done, 0);
  }));
  assert.equal(await page.locator('#panic-banner').count(), 0);
  await page.evaluate(() => setTimeout(() => window.appWasm.__wbindgen_malloc(0xfffffff0, 1)));
  const banner = page.getByRole('alert').filter({ hasText: 'Something went wrong' });
  await banner.waitFor();
  assert.match(await banner.innerText(), /Something went wrong inside the simulator.*Reload the page.*Details: \S/s);
  assert.ok(errors.some((e) => /RuntimeError/.test(e)), `the trap was thrown: ${errors.join(' | ')}`);
  await screenshot(page, 'trust-abort-banner');
  await context.close();
});
