// Short links (issue 11): an edited preset is written as the preset plus the added events, a
// large scenario is written compressed (the browser's CompressionStream), and both reopen the
// same world in a fresh page; a damaged compressed link is named, and changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { useServedApp } from './lib/setup.mjs';
import { openPage } from './lib/browser.mjs';
import { jobStatus, selectJob, waitForApp, waitForJobStatus } from './lib/app.mjs';

const env = useServedApp();

async function open(hash) {
  const session = await openPage(env.browser, env.server.origin);
  await session.page.goto(env.server.url + hash);
  await waitForApp(session.page);
  return session;
}

const hash = (page) => page.evaluate(() => location.hash);

/** Every job's Status in the Jobs table's first page, as { name: status }. */
const statuses = (page) => page.evaluate(() => {
  const table = document.querySelector('table[aria-label=Jobs]');
  const out = {};
  for (const row of table.querySelectorAll('tbody tr')) {
    const cells = row.querySelectorAll('td');
    out[cells[0].textContent.trim()] = cells[2].textContent.trim();
  }
  return out;
});

test('one edit to the busy datacenter keeps the link short, and it reopens the same world', async () => {
  const { page, context, errors } = await open('#preset=busy-datacenter&t=2026-01-05T09:00:00Z');
  await selectJob(page, 'job-00000');
  await page.getByTestId('tracking-number').fill('TRK-11');
  await page.getByTestId('enter-tracking').click();
  await waitForJobStatus(page, 'job-00000', 'Shipping');
  await page.waitForFunction(() => location.hash.startsWith('#preset=busy-datacenter&add='));
  const link = await hash(page);
  assert.ok(link.length < 2000, `${link.length} characters: ${link}`);
  const before = await statuses(page);
  await context.close();

  const again = await open(link);
  await waitForJobStatus(again.page, 'job-00000', 'Shipping');
  assert.deepEqual(await statuses(again.page), before);
  assert.equal(await hash(again.page), link, 'the reopened world writes the same short link');
  assert.deepEqual([...errors, ...again.errors], []);
  await again.context.close();
});

/** A custom scenario of `n` jobs: its plain link is far past 2,000 characters. */
function bigScenario(n) {
  const jobs = [];
  const events = [];
  for (let i = 0; i < n; i++) {
    const name = `class-${String(i).padStart(3, '0')}`;
    jobs.push({ name, type: 'Import', storageAccount: `store${i % 5}`, drives: [{ id: `B${String(1000000 + i)}`, sizeGiB: 500 }] });
    if (i % 2 === 0) events.push({ at: '2026-03-02T10:00:00Z', kind: 'EnterTracking', job: name, carrier: 'DHL', tracking: `T${i}` });
  }
  return { version: 1, title: 'Class of 80', start: '2026-03-02T09:00:00Z', autopilot: { enabled: false }, jobs, events };
}

test('a long scenario link is rewritten compressed, and the compressed link reopens the same jobs', async () => {
  const json = JSON.stringify(bigScenario(80));
  const plain = `#scenario=${Buffer.from(json).toString('base64url')}&t=2026-03-03T09:00:00Z`;
  assert.ok(plain.length > 2000);
  const { page, context, errors } = await open(plain);
  await waitForJobStatus(page, 'class-000', 'Shipping');
  await page.waitForFunction(() => location.hash.startsWith('#scenario-z='));
  const link = await hash(page);
  assert.ok(link.length < plain.length / 3, `${link.length} vs ${plain.length}`);
  const before = await statuses(page);
  await context.close();

  const again = await open(link);
  await waitForJobStatus(again.page, 'class-000', 'Shipping');
  assert.equal(await jobStatus(again.page, 'class-001'), 'Creating');
  assert.deepEqual(await statuses(again.page), before);
  assert.equal(await hash(again.page), link, 'a reload lands on the same compressed link');
  await again.page.reload();
  await waitForJobStatus(again.page, 'class-000', 'Shipping');
  assert.deepEqual(await statuses(again.page), before);
  assert.deepEqual([...errors, ...again.errors], []);
  await again.context.close();
});

test('a damaged compressed link, or one that inflates past the file limit, is named and changes nothing', async () => {
  const damaged = '#scenario-z=AAECAwQFBgcICQ&t=2026-03-03T09:00:00Z';
  const { page, context, errors } = await open(damaged);
  const notice = page.getByTestId('notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /could not be opened/);
  assert.match(await notice.innerText(), /does not decompress/);
  assert.equal(await page.getByTestId('bad-link').inputValue(), damaged);
  assert.equal(await jobStatus(page, 'lab-a'), 'Creating', 'the default story is shown');

  // A "zip bomb": 9 MB of spaces in a few kilobytes of link.
  const bomb = zlib.deflateRawSync(Buffer.alloc(9 * 1024 * 1024, 32), { level: 9 }).toString('base64url');
  await page.getByTestId('bad-link').fill(`#scenario-z=${bomb}`);
  await page.getByTestId('try-link').click();
  await page.waitForFunction(() => /at most 8388608 bytes/.test(document.querySelector('[data-testid=notice]')?.textContent ?? ''));
  assert.equal(await jobStatus(page, 'lab-a'), 'Creating');

  // Pasted into the address bar: the same notice, and the story shown stays.
  await page.evaluate((h) => { location.hash = h; }, damaged.slice(1));
  await page.waitForFunction(() => /does not decompress/.test(document.querySelector('[data-testid=notice]')?.textContent ?? ''));
  assert.equal(await jobStatus(page, 'lab-a'), 'Creating');
  assert.deepEqual(errors, []);
  await context.close();
});
