// Every built-in story loads from the picker (clock to its start, paused) and plays to its end
// without an error; a few stories are checked for the state they exist to teach.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp } from './lib/setup.mjs';
import { openPage, screenshot } from './lib/browser.mjs';
import { jobStatus, clockText, selectJob, driveStates, waitForApp, waitForJobStatus } from './lib/app.mjs';

const env = useServedApp();

async function goTo(page, iso) {
  await page.getByTestId('go-to').fill(iso);
  await page.getByRole('button', { name: 'Go', exact: true }).click();
}

test('every preset loads from the picker at its start, paused, and replays to its end without errors', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  await page.goto(env.server.url);
  await waitForApp(page);
  const names = await page.getByTestId('preset').locator('option').evaluateAll((os) => os.map((o) => o.value));
  assert.ok(names.length >= 7, `presets: ${names}`);
  for (const name of names) {
    // Back at the top, where the clock bar is whole (scrolled, it is compact without "+14 days").
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: '+14 days' }).click();
    await page.getByTestId('preset').selectOption(name);
    await page.getByTestId('load-preset').click();
    await page.waitForFunction((n) => location.hash.startsWith(`#preset=${n}&`), name);
    assert.equal(await page.getByTestId('play').getAttribute('aria-pressed'), 'false');
    assert.match(await page.getByTestId('day').innerText(), /^Day 1$/, name);
    // The scrubber's far end: every rule of the story has fired by then.
    await page.getByTestId('scrubber').fill(await page.getByTestId('scrubber').getAttribute('max'));
    await page.getByLabel('Show deleted jobs').check();
    await page.getByLabel('Show deleted jobs').uncheck();
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('late and extra drive: the missing drive is NeverReceived, then Received; the extra drive reads Extra', async () => {
  const { page, context } = await openPage(env.browser, env.server.origin);
  await page.goto(`${env.server.url}#preset=late-and-extra-drive&t=2026-01-10T09:00:00Z`);
  await waitForApp(page);
  await selectJob(page, 'three-drives');
  assert.deepEqual(await driveStates(page), { D1000001: 'Received', D1000002: 'Received', D1000003: 'NeverReceived', X9000001: 'Extra' });
  await goTo(page, '2026-01-13T10:00');
  await page.waitForFunction(() => document.querySelector('[data-testid=clock]').textContent.startsWith('2026-01-13 10:00'));
  assert.equal((await driveStates(page)).D1000003, 'Received');
  await screenshot(page, 'late-and-extra-drive');
  await context.close();
});

test('package never arrives: overdue after 14 days, Closed 30 days later', async () => {
  const { page, context } = await openPage(env.browser, env.server.origin);
  await page.goto(`${env.server.url}#preset=never-arrives`);
  await waitForApp(page);
  await page.getByTestId('next-event').click();
  await waitForJobStatus(page, 'lost-parcel', 'Shipping');
  await selectJob(page, 'lost-parcel');
  assert.match(await page.getByTestId('next-rule').innerText(), /R5a/);
  await page.getByRole('button', { name: '+14 days' }).click();
  await page.waitForFunction(() => /R5b/.test(document.querySelector('[data-testid=next-rule]')?.textContent ?? ''));
  assert.match(await page.getByTestId('detail-status').innerText(), /overdue/);
  assert.ok(Object.values(await driveStates(page)).every((s) => s === 'NeverReceived'));
  await page.getByRole('button', { name: '+14 days' }).click();
  await page.getByRole('button', { name: '+14 days' }).click();
  await page.getByRole('button', { name: '+14 days' }).click();
  await waitForJobStatus(page, 'lost-parcel', 'Closed');
  await screenshot(page, 'never-arrives-closed');
  await context.close();
});

test('an export job has no drives until its package arrives', async () => {
  const { page, context } = await openPage(env.browser, env.server.origin);
  await page.goto(`${env.server.url}#preset=export`);
  await waitForApp(page);
  await selectJob(page, 'archive-out');
  assert.deepEqual(await driveStates(page), {});
  assert.match(await page.getByRole('table', { name: 'Drives' }).innerText(), /No drives yet/);
  await context.close();
});

test('the rule set and cancel window can be switched, and the same events are judged again', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  await page.goto(`${env.server.url}#preset=cancel-2021&t=2026-01-08T09:00:00Z`);
  await waitForApp(page);
  assert.equal(await jobStatus(page, 'cancel-me'), 'Canceled');
  assert.equal(await jobStatus(page, 'too-late'), 'Shipping', 'shipped: outside the "creating" window');
  // The 2021 FAQ's wider window accepts the second cancel.
  await page.locator('details.rules-fold > summary').click(); // the rules are folded away
  await page.getByTestId('cancel-window').selectOption('creating-or-shipping');
  await waitForJobStatus(page, 'too-late', 'Canceled');
  // The 2018 source article has no cancel at all: both are refused, with R12 in the log.
  await page.getByTestId('rule-set').selectOption('2018');
  await waitForJobStatus(page, 'cancel-me', 'Creating');
  assert.equal(await page.getByTestId('cancel-window').isDisabled(), true);
  const log = await page.getByTestId('event-log').textContent();
  assert.match(log, /Refused[\s\S]*R12/);
  assert.doesNotMatch(log, /Creating → Canceled/, 'the log shows the entries as judged now');
  assert.match(await page.evaluate(() => location.hash), /^#scenario=/);
  await screenshot(page, 'rules-2018');
  assert.deepEqual(errors, []);
  await context.close();
});
