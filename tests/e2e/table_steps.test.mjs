// The jobs table follows the clock in place (src/ui/job_row.rs): a step redraws only the cells
// it changed. What it shows after steps is what a page opened at that moment shows, and a
// job's name keeps keyboard focus while its status and percent change under it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp } from './lib/setup.mjs';
import { openPage } from './lib/browser.mjs';
import { clockText, jobStatus, waitForApp, waitForClockChange } from './lib/app.mjs';
import { generated, readJobTable } from './bench/scenario.mjs';

const env = useServedApp();

test('after steps of the clock the table shows what a page opened at that moment shows', async () => {
  const start = '2026-01-20T09:00:00Z';
  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  await page.goto(`${env.server.url}${generated(60)}&t=${start}`);
  await waitForApp(page);
  const before = await page.evaluate(readJobTable);
  for (let day = 0; day < 12; day++) {
    const was = await clockText(page);
    await page.getByRole('button', { name: '+1 day' }).click();
    await waitForClockChange(page, was);
  }
  const stepped = await page.evaluate(readJobTable);
  const statuses = (t) => t.rows.map((r) => `${r.st}${r.pc}`).join();
  assert.notEqual(statuses(stepped), statuses(before), 'statuses and percentages moved in those days');
  const at = new Date(Date.parse(start) + 12 * 86400000).toISOString().replace('.000Z', 'Z');
  const fresh = await openPage(env.browser, env.server.origin);
  await fresh.page.goto(`${env.server.url}${generated(60)}&t=${at}`);
  await waitForApp(fresh.page);
  assert.deepEqual(stepped, await fresh.page.evaluate(readJobTable));
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a job name keeps keyboard focus while the clock changes its status', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  await page.goto(`${env.server.url}#preset=happy-import`);
  await waitForApp(page);
  const name = page.getByRole('table', { name: 'Jobs' }).getByRole('button', { name: 'lab-a', exact: true });
  await name.focus();
  const first = await jobStatus(page, 'lab-a');
  for (let i = 0; i < 3; i++) {
    const was = await clockText(page);
    // Pressed from script, so the focus stays where the reader left it.
    await page.evaluate(() => document.querySelector('[data-testid=next-event]').click());
    await waitForClockChange(page, was);
  }
  assert.notEqual(await jobStatus(page, 'lab-a'), first, 'the status changed');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'lab-a');
  assert.deepEqual(errors, []);
  await context.close();
});
