// Whole user journeys through the built app in headless Chromium, the way a teacher works it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp } from './lib/setup.mjs';
import { openPage, screenshot } from './lib/browser.mjs';
import {
  jobStatus, waitForJobStatus, recordStatuses, clockText, waitForClockChange, selectJob,
  driveStates, waitForApp,
} from './lib/app.mjs';

const env = useServedApp();

async function open(hash = '') {
  const session = await openPage(env.browser, env.server.origin);
  await session.page.goto(env.server.url + hash);
  await waitForApp(session.page);
  return session;
}

test('playing the happy import shows the job go Creating → … → Completed, then deleted after 90 days, and back on scrubbing', async () => {
  const { page, context, errors } = await open('#preset=happy-import');
  assert.equal(await jobStatus(page, 'lab-a'), 'Creating');
  await screenshot(page, 'journey-1-creating');
  const seen = await recordStatuses(page, 'lab-a');
  await page.getByTestId('speed').selectOption('1w');
  await page.getByTestId('play').click();
  await waitForJobStatus(page, 'lab-a', 'Completed', 30000);
  await page.getByTestId('play').click(); // pause
  const order = await seen();
  assert.deepEqual(order, ['Creating', 'Shipping', 'Received', 'Transferring', 'Packaging', 'Completed']);
  await selectJob(page, 'lab-a');
  assert.deepEqual(await driveStates(page), { A1000001: 'ShippedBack', A1000002: 'ShippedBack' });
  assert.match(await page.getByTestId('next-rule').innerText(), /R10/);
  await screenshot(page, 'journey-2-completed');

  // +90 days: the retention rule deletes the job; it leaves the table unless deleted jobs are shown.
  await page.getByRole('button', { name: '+90 days' }).click();
  await waitForJobStatus(page, 'lab-a', null);
  await page.getByLabel('Show deleted jobs').check();
  await waitForJobStatus(page, 'lab-a', 'Deleted');
  assert.match(await jobStatus(page, 'lab-a'), /R10/);
  await screenshot(page, 'journey-3-deleted');

  // Scrub back to the start: replay brings the job back as it was.
  await page.getByTestId('scrubber').fill('0');
  await waitForJobStatus(page, 'lab-a', 'Creating');
  assert.deepEqual(errors, []);
  await context.close();
});

test('step to next event moves the clock to exactly the next event and applies it', async () => {
  const { page, context } = await open('#preset=happy-import&t=2026-01-05T12:00:00Z');
  assert.equal(await clockText(page), '2026-01-05 12:00 UTC');
  await page.getByTestId('next-event').click();
  await waitForClockChange(page, '2026-01-05 12:00 UTC');
  assert.equal(await clockText(page), '2026-01-06 09:00 UTC');
  assert.equal(await jobStatus(page, 'lab-a'), 'Shipping');
  const log = await page.getByTestId('event-log').textContent();
  assert.match(log, /EnterTracking/);
  assert.match(log, /R3/);
  // Clicking an entry's time moves the clock back to that moment.
  await page.getByRole('button', { name: '+14 days' }).click();
  await waitForClockChange(page, '2026-01-06 09:00 UTC');
  await page.getByTestId('event-log').getByRole('button', { name: '2026-01-06 09:00 UTC' }).click();
  await waitForClockChange(page, '2026-01-20 09:00 UTC');
  assert.equal(await clockText(page), '2026-01-06 09:00 UTC');
  // Entries out of view skip rendering (style/panels.css); scrolled to, the newest is drawn
  // (from the next frame on).
  await page.getByTestId('event-log').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => /EnterTracking/.test(document.querySelector('.log-entry')?.innerText ?? ''));
  await context.close();
});

test('a refused action shows its reason and rule beside the control and changes nothing', async () => {
  const { page, context } = await open('#preset=happy-import');
  await selectJob(page, 'lab-a');
  const ship = page.getByTestId('ship-back');
  assert.equal(await ship.getAttribute('aria-disabled'), 'true');
  const before = await page.getByTestId('event-log').textContent();
  // Playwright will not click an aria-disabled control on its own; a person can.
  await ship.click({ force: true });
  const feedback = page.locator('.action', { has: ship }).getByRole('alert');
  await feedback.waitFor();
  assert.match(await feedback.innerText(), /Refused.*Creating.*R9|R9.*Creating/s);
  assert.equal(await jobStatus(page, 'lab-a'), 'Creating');
  assert.equal(await page.getByTestId('event-log').textContent(), before);
  await screenshot(page, 'refused-action');
  await context.close();
});

test('customer and datacenter actions drive a job by hand, and the URL hash reproduces the moment', async () => {
  const s = await open('#preset=abandoned');
  const p = s.page;
  const name = await p.evaluate(() => document.querySelector('table[aria-label=Jobs] tbody td')?.textContent.trim());
  await selectJob(p, name);
  await p.getByTestId('tracking-number').fill('TRK-42');
  await p.getByTestId('enter-tracking').click();
  await waitForJobStatus(p, name, 'Shipping');
  await p.getByTestId('package-delivered').click();
  await waitForJobStatus(p, name, 'Received');
  const hash = await p.evaluate(() => location.hash);
  // A preset plus the user's events: the short form (issue 11).
  assert.match(hash, /^#preset=abandoned&add=[A-Za-z0-9_-]+&t=\d{4}-\d\d-\d\dT/);
  const clock = await clockText(p);
  await s.context.close();

  // A fresh page with that hash opens the same scenario at the same moment, paused.
  const again = await open(hash);
  assert.equal(await clockText(again.page), clock);
  assert.equal(await jobStatus(again.page, name), 'Received');
  assert.equal(await again.page.getByTestId('play').getAttribute('aria-pressed'), 'false');
  // The autopilot is as the file says (this story switches it off).
  assert.equal(await again.page.getByTestId('autopilot').isChecked(), false);
  await again.context.close();
});

test('a bad hash shows a clear message and falls back to the default story', async () => {
  const { page, context, errors } = await open('#scenario=%%%not-base64&t=2026-01-01T00:00:00Z');
  const notice = page.getByTestId('notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /could not be opened/);
  assert.equal(await jobStatus(page, 'lab-a'), 'Creating');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the new job form shows problems next to the fields, then creates the job', async () => {
  const { page, context } = await open('#preset=happy-import');
  await page.locator('details.new-job-fold > summary').click(); // "New job" is folded away
  await page.getByTestId('new-name').fill('lab-a');
  await page.getByTestId('new-account').fill('Bad Name');
  await page.getByTestId('new-drive-id-0').fill('xyz');
  await page.getByTestId('create-job').click();
  const form = page.locator('section.new-job');
  assert.match(await form.innerText(), /already exists/);
  assert.match(await form.innerText(), /3 to 24 lowercase/);
  assert.equal(await page.getByTestId('new-account').getAttribute('aria-invalid'), 'true');
  await page.getByTestId('new-name').fill('class-b');
  await page.getByTestId('new-account').fill('classstore');
  await page.getByTestId('new-drive-id-0').fill('B2000001');
  await page.getByTestId('create-job').click();
  await waitForJobStatus(page, 'class-b', 'Creating');
  assert.deepEqual(await driveStates(page), { B2000001: 'Specified' });
  await context.close();
});

test('everything needed to follow a job works from the keyboard', async () => {
  const { page, context } = await open('#preset=happy-import');
  const jobButton = page.getByRole('table', { name: 'Jobs' }).getByRole('button', { name: 'lab-a', exact: true });
  await jobButton.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('table', { name: 'Drives' }).waitFor();
  assert.match(await page.locator('#details-heading').innerText(), /lab-a/);
  // A control the rules forbid is still reachable by Tab and says why when focused.
  const ship = page.getByTestId('ship-back');
  await ship.focus();
  const why = page.locator('.action', { has: ship }).locator('.why');
  assert.ok(await why.isVisible());
  assert.match(await why.innerText(), /R9/);
  await page.getByTestId('next-event').focus();
  await page.keyboard.press('Enter');
  await waitForJobStatus(page, 'lab-a', 'Shipping');
  await context.close();
});

test('the interface switches to Dutch, state identifiers stay as the portal shows them', async () => {
  const { page, context } = await open('#preset=happy-import');
  await page.getByLabel('Language').selectOption('nl');
  await page.getByRole('table', { name: 'Jobs' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
  assert.match(await page.locator('h1').innerText(), /Levensloop/);
  assert.match(await page.getByRole('table', { name: 'Jobs' }).innerText(), /Creating/);
  await page.getByRole('table', { name: 'Jobs' }).getByRole('button', { name: 'lab-a', exact: true }).click();
  const ship = page.getByTestId('ship-back');
  await ship.focus();
  assert.match(await page.locator('.action', { has: ship }).locator('.why').innerText(), /kan niet zolang de taak Creating is \(R9/);
  await screenshot(page, 'dutch');
  await context.close();
});

test('a pasted scenario with problems is rejected whole with each place named; a good one loads', async () => {
  const { page, context, errors } = await open('#preset=happy-import');
  await page.getByText('Load your own scenario (JSON)').click();
  const bad = '{\n  "version": 1,\n  "start": "2026-01-05T09:00:00Z",\n  "jobs": [\n    {"name": "x", "type": "Import", "storageAccount": "store1",\n     "drives": [{"id": "SHORT", "sizeGiB": -5}]}\n  ]\n}';
  await page.getByTestId('scenario-json').fill(bad);
  await page.getByTestId('load-json').click();
  const problems = page.getByTestId('scenario-problems');
  await problems.waitFor();
  const text = await problems.innerText();
  assert.match(text, /\$\.jobs\[0\]\.drives\[0\]\.id \(line 6, column \d+\)/);
  assert.match(text, /sizeGiB/);
  assert.equal(await jobStatus(page, 'lab-a'), 'Creating', 'the loaded scenario stays');
  await screenshot(page, 'scenario-rejected');
  const good = bad.replace('SHORT', 'A0000009').replace('-5', '5');
  await page.getByTestId('scenario-json').fill(good);
  await page.getByTestId('load-json').click();
  await waitForJobStatus(page, 'x', 'Creating');
  assert.equal(await jobStatus(page, 'lab-a'), null);
  assert.match(await page.evaluate(() => location.hash), /^#scenario=/);
  assert.deepEqual(errors, []);
  await context.close();
});
