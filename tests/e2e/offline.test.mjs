// Offline (issue 10): the app asks nothing of any other origin, keeps working with the network
// cut after its first load, and shows a static loading line until the wasm app mounts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp } from './lib/setup.mjs';
import { openPage, screenshot } from './lib/browser.mjs';
import { clockText, waitForApp, waitForClockChange, waitForJobStatus, selectJob } from './lib/app.mjs';

const env = useServedApp();

/** Every request any page of the context makes, as full URLs. */
function recordRequests(context) {
  const urls = [];
  context.on('request', (req) => urls.push(req.url()));
  return urls;
}

/** The requests whose origin is not the test server's (a data: or blob: URL counts as foreign too). */
function foreignTo(urls, origin) {
  return urls.filter((u) => {
    try {
      return new URL(u).origin !== origin;
    } catch {
      return true;
    }
  });
}

async function playUntilClockMoves(page) {
  const before = await clockText(page);
  await page.getByTestId('speed').selectOption('1w');
  await page.getByTestId('play').click();
  await waitForClockChange(page, before);
  await page.getByTestId('play').click(); // pause
  await page.waitForFunction(() => document.querySelector('[data-testid=play]')?.getAttribute('aria-pressed') === 'false');
}

test('no request leaves the test server\'s origin: default preset, a #preset= link, playing, a selected job, the timeline', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  const urls = recordRequests(context);

  // The default preset, as a first visit sees it.
  await page.goto(env.server.url);
  await waitForApp(page);
  await waitForJobStatus(page, 'lab-a', 'Creating');
  await page.waitForLoadState('networkidle');

  // A shared link in a fresh page of the same context.
  const linked = await context.newPage();
  linked.on('pageerror', (err) => errors.push(String(err)));
  await linked.goto(`${env.server.url}#preset=busy-datacenter`);
  await waitForApp(linked);
  await linked.getByRole('figure', { name: 'Timeline' }).waitFor();
  await playUntilClockMoves(linked);
  // Select a job: its details, its drives, and its drive lanes in the timeline.
  await selectJob(linked, 'job-00000');
  await linked.getByRole('table', { name: 'Drives' }).waitFor();
  await linked.waitForFunction(() => document.querySelectorAll('.drive-lane').length > 0);
  // The timeline: zoom to a week, pan, back to the whole span; its lane name closes the drive lanes.
  await linked.getByRole('button', { name: 'Week', exact: true }).click();
  await linked.getByRole('button', { name: 'Later ▶' }).click();
  await linked.getByRole('button', { name: 'Whole span', exact: true }).click();
  await linked.locator('[data-job="job-00000"] [data-select]').click();
  await linked.waitForFunction(() => document.querySelectorAll('.drive-lane').length === 0);
  await linked.waitForLoadState('networkidle');
  await screenshot(linked, 'offline-journeys');

  assert.ok(urls.length >= 3, `the page, its glue and its wasm were requested: ${urls.join(', ')}`);
  assert.deepEqual(foreignTo(urls, env.server.origin), [], 'requests to another origin');
  assert.ok(urls.some((u) => u.endsWith('.wasm')), 'the wasm came from the test server');
  assert.deepEqual(errors, [], 'page errors');
  await context.close();
});

test('with the network cut after the first load the app keeps working: change preset, play, step', async () => {
  const { page, context } = await openPage(env.browser, env.server.origin);
  // Chromium itself asks for the page's icon again when the address changes (the app keeps the
  // view in the link): the browser's request, not the app's. Offline it fails harmlessly, and
  // Chromium logs that failure; every other error counts.
  const icon = /\/some-repo\/favicon-[0-9a-f]+\.svg$/;
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !icon.test(msg.location().url ?? '')) errors.push(`${msg.text()} (${msg.location().url})`);
  });
  await page.goto(`${env.server.url}#preset=happy-import`);
  await waitForApp(page);
  await page.waitForLoadState('networkidle');

  // Cut the network: the browser is offline and any request that still tries is aborted and kept.
  await context.setOffline(true);
  const attempted = [];
  await context.route('**/*', (route) => {
    attempted.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  assert.equal(await page.evaluate(() => navigator.onLine), false);

  // Another story from the picker.
  await page.getByTestId('preset').selectOption('never-arrives');
  await page.getByTestId('load-preset').click();
  await waitForJobStatus(page, 'lost-parcel', 'Creating');
  // Play, then step to the next event.
  await playUntilClockMoves(page);
  const before = await clockText(page);
  await page.getByTestId('next-event').click();
  await waitForClockChange(page, before);
  await selectJob(page, 'lost-parcel');
  await page.getByTestId('next-rule').waitFor();
  await screenshot(page, 'offline-cut');

  assert.deepEqual(attempted.filter((u) => !icon.test(u)), [], 'requests made while offline');
  assert.deepEqual(errors, [], 'page errors');
  await context.close();
});

test('while it loads: the served page carries a loading line, shown until the app mounts, then gone', async () => {
  const served = await (await fetch(env.server.url)).text();
  // The release index.html is minified (Trunk.toml): attributes reordered, unquoted, `</p>` dropped.
  assert.match(served, /<p\b(?=[^>]*\sid="?loading[\s">])(?=[^>]*\sclass="?loading[\s">])(?=[^>]*\srole="?status[\s">])[^>]*>Loading the simulator…/);

  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  // Hold the wasm back until the loading line has been seen.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let wasmAsked;
  const asked = new Promise((resolve) => { wasmAsked = resolve; });
  await context.route('**/*.wasm', async (route) => {
    wasmAsked();
    await held;
    await route.continue();
  });
  await page.goto(env.server.url, { waitUntil: 'domcontentloaded' });
  await asked;
  const line = page.getByRole('status').filter({ hasText: 'Loading the simulator…' });
  await line.waitFor({ state: 'visible' });
  assert.equal(await page.getByRole('table', { name: 'Jobs' }).count(), 0);
  // It fades in after a quarter second (a fast start never flashes it) and then stays.
  await page.waitForFunction(() => getComputedStyle(document.getElementById('loading')).opacity === '1');
  await screenshot(page, 'offline-loading');

  release();
  await waitForApp(page);
  assert.equal(await page.locator('#loading').count(), 0, 'the loading line is gone once the Jobs table shows');
  assert.equal(await line.count(), 0);
  assert.deepEqual(errors, [], 'page errors');
  await context.close();
});
