// Autosave (issue 11): the current moment comes back on a plain visit; saved data that cannot be
// used is reported in one line, set aside and offered as a download, and the app still opens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { useServedApp } from './lib/setup.mjs';
import { openPage, OUTPUT } from './lib/browser.mjs';
import { clockText, jobStatus, waitForApp, waitForJobStatus } from './lib/app.mjs';

const env = useServedApp();
const KEY = 'ie-lifecycle.autosave';

test('a plain visit comes back to the moment and look of the last one', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  await page.goto(`${env.server.url}#preset=abandoned&t=2026-01-10T09:00:00Z&view=projector`);
  await waitForApp(page);
  await page.getByTestId('go-to').fill('2026-01-12 15:30');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await page.waitForFunction(() => location.hash.includes('t=2026-01-12T15:30'));
  const saved = await page.evaluate((key) => localStorage.getItem(key), KEY);
  assert.match(saved, /"app":"ie-lifecycle"/);
  await page.goto('about:blank');
  await page.goto(env.server.url);
  await waitForApp(page);
  assert.match(await clockText(page), /2026-01-12 15:30/);
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('projector')));
  assert.match(await page.evaluate(() => location.hash), /^#preset=abandoned&t=2026-01-12T15:30/);
  assert.equal(await jobStatus(page, 'updated'), 'Creating');
  // An address that names a story wins over the saved one.
  await page.goto('about:blank');
  await page.goto(`${env.server.url}#preset=happy-import`);
  await waitForJobStatus(page, 'lab-a', 'Creating');
  assert.ok((await page.evaluate(() => location.hash)).startsWith('#preset=happy-import'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('damaged saved work is reported in one line, set aside and downloadable; the app opens', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  await page.goto(env.server.url);
  await waitForApp(page);
  const damaged = '{"app":"ie-lifecycle","version":1,"link":"#scenario=%%%';
  await page.evaluate(([key, v]) => localStorage.setItem(key, v), [KEY, damaged]);
  await page.goto('about:blank');
  await page.goto(env.server.url);
  await waitForApp(page);
  const notice = page.getByTestId('autosave-problem');
  await notice.getByText('could not be restored: it is damaged. It was set aside, not deleted.', { exact: false }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('ie-lifecycle.autosave.set-aside')), damaged);
  const [file] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Download the saved work' }).click()]);
  assert.equal(await readFile(await file.path(), 'utf8'), damaged);
  await page.screenshot({ path: path.join(OUTPUT, 'autosave-damaged.png') });
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await notice.waitFor({ state: 'detached' });
  // Another version's save is not used either, and says so.
  await page.evaluate((key) => localStorage.setItem(key, '{"app":"ie-lifecycle","version":9,"link":"#preset=blank"}'), KEY);
  await page.goto('about:blank');
  await page.goto(env.server.url);
  await waitForApp(page);
  await page.getByTestId('autosave-problem').getByText('another version of this app (format 9)', { exact: false }).waitFor();
  await page.getByTestId('autosave-problem').getByRole('button', { name: 'Dismiss' }).click();
  // Nor is another app's data under the same key.
  const foreign = '{"app":"other","version":1,"link":"#preset=blank"}';
  await page.evaluate(([key, v]) => localStorage.setItem(key, v), [KEY, foreign]);
  await page.goto('about:blank');
  await page.goto(env.server.url);
  await waitForApp(page);
  await page.getByTestId('autosave-problem').getByText('it was not written by this app', { exact: false }).waitFor();
  // Each set aside beside the ones before, none written over.
  const setAside = () => page.evaluate(() => ['', '.2', '.3', '.4', '.5'].map((n) => localStorage.getItem(`ie-lifecycle.autosave.set-aside${n}`)));
  assert.deepEqual((await setAside()).slice(0, 4), [damaged, '{"app":"ie-lifecycle","version":9,"link":"#preset=blank"}', foreign, null]);
  await page.getByTestId('autosave-problem').getByRole('button', { name: 'Dismiss' }).click();
  // A saved compressed story is judged once inflated: one that does not inflate is set aside
  // too, and the page opens the first story instead of a bad-link message.
  const packed = '{"app":"ie-lifecycle","version":1,"link":"#scenario-z=AAAA&t=2026-01-01T00:00:00Z"}';
  await page.evaluate(([key, v]) => localStorage.setItem(key, v), [KEY, packed]);
  await page.goto('about:blank');
  await page.goto(env.server.url);
  await waitForApp(page);
  await page.getByTestId('autosave-problem').getByText('could not be restored', { exact: false }).waitFor();
  assert.equal((await setAside())[3], packed);
  assert.equal(await page.getByTestId('notice').count(), 0, 'no bad-link message');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Reset forgets the saved work and its view, and starts the first story again', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  await page.goto(`${env.server.url}#preset=never-arrives&t=2026-01-20T09:00:00Z&view=projector&compare=rules-2021`);
  await waitForApp(page);
  await page.waitForFunction((key) => (localStorage.getItem(key) ?? '').includes('never-arrives'), KEY);
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('projector')), true);
  await page.getByTestId('reset').click();
  await page.waitForFunction(() => location.hash.startsWith('#preset=happy-import&'));
  await page.goto('about:blank');
  await page.goto(env.server.url);
  await waitForApp(page);
  const hash = await page.evaluate(() => location.hash);
  assert.ok(hash.startsWith('#preset=happy-import&'), hash);
  assert.ok(!hash.includes('view=') && !hash.includes('compare='), hash);
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('projector')), false);
  assert.equal(await page.getByTestId('day').innerText(), 'Day 1');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the selected job is in the link (&job=) and a shared link opens with it selected', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  await page.goto(`${env.server.url}#preset=abandoned&t=2026-01-10T09:00:00Z`);
  await waitForApp(page);
  await page.getByRole('table', { name: 'Jobs' }).getByRole('button', { name: 'updated', exact: true }).click();
  await page.waitForFunction(() => location.hash.includes('&job='));
  const link = await page.evaluate(() => location.href);
  const other = await openPage(env.browser, env.server.origin);
  await other.page.goto(link);
  await waitForApp(other.page);
  await other.page.getByRole('heading', { name: 'Job details: updated' }).waitFor();
  assert.deepEqual(other.errors, []);
  await other.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Show deleted jobs" is in the link (&deleted=1) and survives a reload', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  await page.goto(`${env.server.url}#preset=abandoned&t=2026-01-20T09:00:00Z`);
  await waitForApp(page);
  assert.equal(await page.locator('table.job-table tbody tr').count(), 1, 'forgotten is deleted and hidden');
  await page.getByLabel('Show deleted jobs').check();
  await page.waitForFunction(() => location.hash.includes('&deleted=1'));
  await page.reload();
  await waitForApp(page);
  assert.ok(await page.getByLabel('Show deleted jobs').isChecked());
  await waitForJobStatus(page, 'forgotten', 'Deleted');
  await page.getByLabel('Show deleted jobs').uncheck();
  await page.waitForFunction(() => !location.hash.includes('deleted='));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a save the full storage refuses says so once, leaves no older moment to come back to, and goes when saving works again', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  await page.goto(`${env.server.url}#preset=abandoned&t=2026-01-10T09:00:00Z`);
  await waitForApp(page);
  await page.waitForFunction((key) => (localStorage.getItem(key) ?? '').includes('abandoned'), KEY);
  // The storage filled to its last character by something else.
  const junk = await page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 22; size >= 1; ) {
      try {
        localStorage.setItem(`junk-${n}`, 'x'.repeat(size));
        n += 1;
      } catch {
        size >>= 1;
      }
    }
    return n;
  });
  assert.ok(junk > 0);
  // A longer link than the one kept: it no longer fits, not even where the older save was.
  await page.getByRole('table', { name: 'Jobs' }).getByRole('button', { name: 'updated', exact: true }).click();
  await page.waitForFunction(() => location.hash.includes('&job='));
  const notice = page.getByTestId('notice');
  await notice.getByText("The browser's storage is full: this view will not come back on your next visit.", { exact: false }).waitFor();
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), null, 'the older moment is not kept to come back to');
  // Told once: dismissed, it stays away while saves keep failing.
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await notice.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: '+1 day' }).click();
  await page.waitForFunction(() => location.hash.includes('t=2026-01-11T09:00'));
  assert.equal(await notice.count(), 0);
  // Room again: the next step is saved.
  await page.evaluate((n) => { for (let i = 0; i < n; i++) localStorage.removeItem(`junk-${i}`); }, junk);
  await page.getByRole('button', { name: '+1 day' }).click();
  await page.waitForFunction((key) => (localStorage.getItem(key) ?? '').includes('t=2026-01-12T09:00'), KEY);
  assert.deepEqual(errors, []);
  await context.close();
});
