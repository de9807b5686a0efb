// Issue 12: once a drive's copy has finished, its Verbose and Error log cells open a viewer of
// a generated <DriveLog> whose entries match the copy's outcome, downloadable as .xml.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useServedApp } from './lib/setup.mjs';
import { openPage, screenshot } from './lib/browser.mjs';
import { waitForApp, selectJob } from './lib/app.mjs';

const env = useServedApp();

async function openLog(page, job, file) {
  await selectJob(page, job);
  await page.getByRole('table', { name: 'Drives' }).getByRole('button', { name: file, exact: true }).click();
  const viewer = page.locator('section.log-viewer');
  await viewer.getByRole('heading', { name: file }).waitFor();
  return viewer;
}

test('a clean, a warnings and an errors drive each show a log that matches their copy', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin, { acceptDownloads: true });
  await page.goto(`${env.server.url}#preset=copy-errors&t=2026-01-15T09:00:00Z`);
  await waitForApp(page);
  const drives = page.getByRole('table', { name: 'Drives' });

  let viewer = await openLog(page, 'with-errors', 'F1000001_verbose.xml');
  let xml = await viewer.getByTestId('drive-log').innerText();
  assert.match(xml, /<DriveLog Version="2014-11-01">/);
  assert.match(xml, /<DriveId>F1000001<\/DriveId>/);
  assert.match(xml, /<Status>Completed<\/Status>/);
  assert.doesNotMatch(xml, /Renamed|Skipped|Overwritten|Cancelled/, 'a clean copy created every blob');

  viewer = await openLog(page, 'with-errors', 'F1000002_error.xml');
  xml = await viewer.getByTestId('drive-log').innerText();
  assert.match(xml, /<Status>CompletedWithErrors<\/Status>/);
  assert.match(xml, /ImportDisposition Status="Cancelled"/);
  assert.doesNotMatch(xml, /Status="Created"/, 'the error log lists only what did not go as planned');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    viewer.getByRole('button', { name: 'Download .xml' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'F1000002_error.xml');
  assert.equal(await readFile(await download.path(), 'utf8'), xml.trim() + '\n');
  await screenshot(page, 'drive-log-errors');

  viewer = await openLog(page, 'with-warnings', 'F2000001_verbose.xml');
  xml = await viewer.getByTestId('drive-log').innerText();
  assert.match(xml, /<Status>CompletedWithWarnings<\/Status>/);
  assert.match(xml, /Renamed|Skipped/);
  assert.doesNotMatch(xml, /Cancelled/);

  await viewer.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await page.locator('section.log-viewer').count(), 0);
  // Before its copy has finished a drive has no log to open.
  await page.goto(`${env.server.url}#preset=copy-errors&t=2026-01-10T09:00:00Z`);
  await waitForApp(page);
  await selectJob(page, 'with-errors');
  assert.equal(await drives.locator('button[data-log]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an open log follows the clock: gone before the copy ended, back after it, gone for another job', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  await page.goto(`${env.server.url}#preset=copy-errors&t=2026-01-15T09:00:00Z`);
  await waitForApp(page);
  const viewer = await openLog(page, 'with-errors', 'F1000002_error.xml');
  const xml = await viewer.getByTestId('drive-log').innerText();
  const goTo = async (text) => {
    // Scrolled down to the log, the clock bar is compact and has no "Go to" field.
    await page.evaluate(() => scrollTo(0, 0));
    await page.getByTestId('go-to').fill(text);
    await page.getByTestId('go-to').press('Enter');
  };
  // Back before the copy ended: the drive has no log then, so none is shown.
  await goTo('2026-01-10 09:00');
  await page.locator('section.log-viewer').waitFor({ state: 'detached' });
  // Forward again: the same log, as the copy left it.
  await goTo('2026-01-15 09:00');
  await viewer.getByRole('heading', { name: 'F1000002_error.xml' }).waitFor();
  assert.equal(await viewer.getByTestId('drive-log').innerText(), xml);
  // Another job selected: that drive is not its drive.
  await selectJob(page, 'with-warnings');
  await page.locator('section.log-viewer').waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the keyboard focus in the log viewer stays on its button as the clock moves, and goes to the drive when the viewer goes', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  await page.goto(`${env.server.url}#preset=copy-errors&t=2026-01-15T09:00:00Z`);
  await waitForApp(page);
  const viewer = await openLog(page, 'with-errors', 'F1000002_error.xml');
  const focused = () => page.evaluate(() => [document.activeElement?.tagName, document.activeElement?.textContent]);
  // The clock moved from script, so the focus stays where the reader left it.
  const step = (label) => page.evaluate((label) => [...document.querySelectorAll('button')].find((b) => b.textContent === label).click(), label);
  await viewer.getByRole('button', { name: 'Download .xml' }).focus();
  await step('+1 day');
  await page.getByTestId('clock').getByText('2026-01-16', { exact: false }).waitFor();
  assert.deepEqual(await focused(), ['BUTTON', 'Download .xml'], 'redrawn with the clock, the viewer keeps the focus');
  // Dismissed from the keyboard: the focus goes to its drive, not to the top of the page.
  await viewer.getByRole('button', { name: 'Dismiss' }).press('Enter');
  await viewer.waitFor({ state: 'detached' });
  assert.deepEqual(await focused(), ['BUTTON', 'F1000002']);
  // Gone because the clock went back before the copy ended: the same.
  await page.getByRole('table', { name: 'Drives' }).getByRole('button', { name: 'F1000002_error.xml', exact: true }).click();
  await viewer.getByRole('button', { name: 'Dismiss' }).focus();
  await step('+90 days');
  await viewer.getByRole('heading', { name: 'F1000002_error.xml' }).waitFor();
  await page.evaluate(() => {
    const s = document.querySelector('[data-testid=scrubber]');
    s.value = s.min;
    s.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await viewer.waitFor({ state: 'detached' });
  assert.deepEqual(await focused(), ['BUTTON', 'F1000002']);
  assert.deepEqual(errors, []);
  await context.close();
});
