// Import from Azure (issue 12): paste what `az import-export list` printed, see the jobs at their
// Azure states in the Jobs table, save the tables and the jobs as files (each download read back),
// refuse bad input with its place and without rendering it as HTML, and open an #azure= link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { useServedApp } from './lib/setup.mjs';
import { openPage } from './lib/browser.mjs';
import { clockText, jobStatus, waitForApp, waitForJobStatus } from './lib/app.mjs';

const env = useServedApp();
const here = path.dirname(fileURLToPath(import.meta.url));
const sample = (name) => readFile(path.resolve(here, '../../src/azure/samples', name), 'utf8');
const JOB = 'test-by1-ssd-2';

async function openPanel(page) {
  await page.goto(`${env.server.url}#preset=blank`);
  await waitForApp(page);
  await page.getByText('Import from Azure', { exact: true }).click();
}

async function paste(page, text, since = '2026-03-01 10:00') {
  await page.getByTestId('azure-json').fill(text);
  await page.getByTestId('azure-since').fill(since);
  await page.getByTestId('azure-import').click();
}

/** Clicks an export button and returns the downloaded file's name and text. */
async function download(page, testId) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

test('paste → the job at its Azure state → every export downloads and reads back', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  await openPanel(page);
  await paste(page, await sample('list-jobs-in-resource-group.json'));
  await waitForJobStatus(page, JOB, 'Received');
  assert.match(await clockText(page), /2026-03-01 10:00/);
  const result = await page.getByTestId('azure-result').innerText();
  assert.match(result, /test-by1-ssd-2: No driveList; 1 stand-in drive/);

  const jobs = await download(page, 'export-jobs-csv');
  assert.equal(jobs.name, 'jobs.csv');
  assert.match(jobs.text, /^name,type,status,storageAccount,created,percentComplete,nextRule,nextRuleAt\r\n/);
  assert.match(jobs.text, /test-by1-ssd-2,Import,Received,xtprodtestwu,2026-03-01T10:00:00Z,0,,\r\n/);
  const drives = await download(page, 'export-drives-csv');
  assert.match(drives.text, /test-by1-ssd-2,[0-9A-F]{8},Received,0,,,/);
  const scenario = JSON.parse((await download(page, 'export-scenario')).text);
  assert.equal(scenario.version, 1);
  assert.equal(scenario.jobs[0].name, JOB);
  const rest = await download(page, 'export-rest-json');
  assert.equal(rest.name, 'azure-jobs.json');
  const value = JSON.parse(rest.text).value;
  assert.equal(value[0].properties.state, 'Received');
  assert.equal(value[0].properties.deliveryPackage.shipDate, '9/29/2017 10:28:35 PM');

  // The REST export imports again to the same table.
  await paste(page, rest.text);
  await waitForJobStatus(page, JOB, 'Received');
  assert.deepEqual(errors, []);
  await context.close();
});

test('bad input is refused with its place, shown as text, and the story stays', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  await openPanel(page);
  await paste(page, await sample('get-import-job.json'));
  await waitForJobStatus(page, 'myJob', 'Creating');
  const hostile = '{"name": "<img src=x onerror=alert(1)>", "properties": {"storageAccountId": "/s/storageAccounts/store1", "jobType": "Import"}}';
  await paste(page, hostile);
  const result = page.getByTestId('azure-result');
  await result.getByText('$.name (line 1, column 10)', { exact: false }).waitFor();
  assert.equal(await result.locator('img').count(), 0, 'nothing rendered as HTML');
  assert.equal(await jobStatus(page, 'myJob'), 'Creating', 'the loaded story is untouched');
  await paste(page, '{"value": [1,');
  await result.getByText('Not imported', { exact: false }).waitFor();
  assert.match(await result.innerText(), /line 1, column 13/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a dropped file fills the box; a file over 8 MiB is refused unread', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  await openPanel(page);
  const json = await sample('get-import-job.json');
  const drop = (text, size) => page.getByTestId('azure-json').evaluate((area, [text, size]) => {
    const data = new DataTransfer();
    const file = new File([size ? new Uint8Array(size) : text], 'jobs.json', { type: 'application/json' });
    data.items.add(file);
    area.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, [text, size]);
  await drop(json, 0);
  await page.waitForFunction(() => document.querySelector('[data-testid=azure-json]').value.includes('9CA995BB'));
  await page.getByTestId('azure-import').click();
  await waitForJobStatus(page, 'myJob', 'Creating');
  await drop('', 9 * 1024 * 1024);
  await page.getByTestId('azure-result').getByText('9437184 bytes', { exact: false }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone the panel and its long problem lines stay inside the page', async () => {
  const { page, context } = await openPage(env.browser, env.server.origin, { viewport: { width: 390, height: 844 } });
  await openPanel(page);
  const long = '{"value": [' + '{"name": "a", "properties": {"storageAccountId": "/s/storageAccounts/store1", "jobType": "Import", "deliveryPackage": {"shipDate": "2/30/2017 1:00:00 PM"}}}'.repeat(1) + ']}';
  await paste(page, long);
  await page.getByTestId('azure-result').getByText('$.value[0].properties.deliveryPackage.shipDate', { exact: false }).waitFor();
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }));
  assert.ok(scroll <= inner, `no sideways scroll: ${scroll} > ${inner}`);
  await context.close();
});

test('an #azure= link opens the jobs at their states at its time', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  const json = await sample('list-jobs-in-resource-group.json');
  const b64 = Buffer.from(json, 'utf8').toString('base64url');
  await page.goto(`${env.server.url}#azure=${b64}&t=2026-03-01T10:00:00Z`);
  await waitForApp(page);
  await waitForJobStatus(page, JOB, 'Received');
  assert.match(await clockText(page), /2026-03-01 10:00/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Model my job: a Shipping job since its tracking date shows when it closes, and a copy shows the typical 7–10 days', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  await openPanel(page);
  const form = page.getByRole('region', { name: 'Model my job' });
  await form.getByTestId('my-type').selectOption('Import');
  await form.getByTestId('my-state').selectOption('Shipping');
  await form.getByTestId('my-since').fill('2026-11-26 09:00');
  await form.getByTestId('my-tracking').fill('2026-11-03 09:00');
  await form.locator('select[data-drive]').first().selectOption('NeverReceived');
  await form.getByRole('button', { name: 'Add a drive' }).click();
  await form.locator('select[data-drive]').nth(1).selectOption('NeverReceived');
  await form.getByTestId('my-show').click();
  const result = form.getByTestId('my-result');
  await result.getByText('my-job (Shipping): Closed on 2026-12-17 09:00 UTC unless the package arrives (R5b)').waitFor();
  // The job itself is on a blank story at that moment, and the timeline projects the same date.
  await waitForJobStatus(page, 'my-job', 'Shipping');
  assert.equal(await page.locator('table[aria-label=Jobs] tbody tr').count(), 1);
  assert.match(await clockText(page), /2026-11-26 09:00/);
  const marker = page.locator('[data-job="my-job"] [data-rule="R5b"]');
  await marker.first().waitFor();
  assert.equal(await marker.first().getAttribute('data-at'), '2026-12-17T09:00:00Z');
  const drives = await page.getByRole('table', { name: 'Drives' }).locator('tbody tr').count();
  assert.equal(drives, 2);
  await page.getByRole('figure', { name: 'Timeline' }).screenshot({ path: path.join(here, 'output', 'my-job-shipping.png') });

  // No time rule while copying: the articles' typical figure, called typical, not a rule.
  await form.getByTestId('my-state').selectOption('Transferring');
  await form.getByTestId('my-since').fill('2026-11-20 10:00');
  await form.locator('select[data-drive]').first().selectOption('Transferring');
  await form.locator('select[data-drive]').nth(1).selectOption('Received');
  await form.getByTestId('my-show').click();
  await result.getByText('not a rule', { exact: false }).waitFor();
  assert.match(await result.innerText(), /7 to 10 days after the drives arrive/);
  await waitForJobStatus(page, 'my-job', 'Transferring');

  // "Now" puts the present moment (UTC, to the minute) in the field.
  await form.getByTestId('my-now').click();
  const since = await form.getByTestId('my-since').inputValue();
  const sinceMs = Date.parse(`${since.replace(' ', 'T')}:00Z`);
  assert.ok(Math.abs(Date.now() - sinceMs) < 120000, `${since} is now`);

  // A time that does not read is refused and the story stays as it was.
  await form.getByTestId('my-since').fill('next tuesday');
  await form.getByTestId('my-show').click();
  await result.getByText('The time should read YYYY-MM-DD HH:MM (UTC).').waitFor();
  assert.equal(await jobStatus(page, 'my-job'), 'Transferring');
  await form.screenshot({ path: path.join(here, 'output', 'my-job-form.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('an #azure= link with jobs that do not fit the rules shows their warnings, as a paste does', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  const json = '{"name": "w1", "properties": {"storageAccountId": "/x/storageAccounts/store1", "jobType": "Import", "state": "Creating", "driveList": [{"driveId": "DRIVE1", "state": "Completed"}]}}';
  await page.goto(`${env.server.url}#azure=${Buffer.from(json, 'utf8').toString('base64url')}&t=2026-03-01T10:00:00Z`);
  await waitForApp(page);
  await waitForJobStatus(page, 'w1', 'Creating');
  const result = page.getByTestId('azure-result');
  await result.getByText('Imported. What did not fit the rules:').waitFor();
  const lines = await result.locator('li').allInnerTexts();
  assert.ok(lines.length >= 1 && lines.every((l) => l.includes('w1')), JSON.stringify(lines));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the selected job saves as the JSON az import-export show prints, and that file imports back to the same state', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  await openPanel(page);
  await paste(page, await sample('list-jobs-in-resource-group.json'));
  await waitForJobStatus(page, JOB, 'Received');
  await page.getByRole('table', { name: 'Jobs' }).getByRole('button', { name: JOB, exact: true }).click();
  const file = await download(page, 'export-job-json');
  assert.equal(file.name, `${JOB}.json`);
  const json = JSON.parse(file.text);
  assert.equal(json.name, JOB);
  assert.equal(json.properties.state, 'Received');
  assert.equal(json.type, 'Microsoft.ImportExport/jobs');
  await paste(page, file.text);
  await waitForJobStatus(page, JOB, 'Received');
  assert.equal(await page.locator('table[aria-label=Jobs] tbody tr').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});
