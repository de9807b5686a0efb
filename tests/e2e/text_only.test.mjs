// No user string reaches the DOM as HTML: a scenario whose title, job name, carrier and copy
// message hold markup shows that markup as text in the jobs table, the timeline lane, the
// event log and the job's details, and creates no element from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp } from './lib/setup.mjs';
import { openPage, screenshot } from './lib/browser.mjs';
import { waitForApp, selectJob } from './lib/app.mjs';

const env = useServedApp();

const NAME = '<b id="inj">x</b>';
const MESSAGE = '<img id="inj2" src="x" onerror="window.__pwned = 1">';

function scenarioLink() {
  const start = '2026-01-05T09:00:00Z';
  const json = {
    version: 1,
    title: '<i id="inj3">title</i>',
    start,
    autopilot: { enabled: false },
    jobs: [{ name: NAME, type: 'Import', storageAccount: 'labstorage', createdAt: start, drives: [{ id: 'A1000001', sizeGiB: 500 }] }],
    events: [
      { at: '2026-01-06T09:00:00Z', kind: 'EnterTracking', job: NAME, carrier: '<u>DHL</u>', tracking: '100' },
      { at: '2026-01-08T09:00:00Z', kind: 'PackageDelivered', job: NAME, present: ['A1000001'], extra: [] },
      { at: '2026-01-08T10:00:00Z', kind: 'CopyStarted', job: NAME, drive: 'A1000001' },
      { at: '2026-01-09T10:00:00Z', kind: 'CopyFinished', job: NAME, drive: 'A1000001', outcome: 'warnings', messages: [MESSAGE] },
    ],
  };
  return `#scenario=${Buffer.from(JSON.stringify(json)).toString('base64url')}&t=2026-01-10T09:00:00Z`;
}

test('markup in names and messages stays text in the table, the timeline, the log and the drives', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  await page.goto(env.server.url + scenarioLink());
  await waitForApp(page);
  const jobs = page.getByRole('table', { name: 'Jobs' });
  await jobs.getByText(NAME, { exact: true }).waitFor();
  await selectJob(page, NAME);
  // The lane carries the name as an attribute value and as text.
  const lane = page.locator('[data-job]').filter({ has: page.locator('.lane-name') }).first();
  assert.equal(await lane.getAttribute('data-job'), NAME);
  // The log's lines hold the name and the message as text.
  const log = await page.locator('section.log').textContent();
  assert.ok(log.includes(NAME), 'the log names the job as written');
  assert.ok((await page.locator('body').innerText()).includes('<u>DHL</u>'), 'the carrier is shown as written');
  assert.ok((await page.locator('body').innerText()).includes(MESSAGE), 'the copy message is shown as written');
  assert.ok((await page.locator('body').innerText()).includes('<i id="inj3">title</i>'), 'the title is shown as written');
  // Nothing was made from the markup.
  assert.equal(await page.locator('#inj, #inj2, #inj3').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await screenshot(page, 'text-only');
  assert.deepEqual(errors, []);
  await context.close();
});
