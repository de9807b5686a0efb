// The built dist/ works from a sub-path, renders the product's frame and talks to nobody else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp } from './lib/setup.mjs';
import { openPage, screenshot } from './lib/browser.mjs';

const env = useServedApp();

test('the app renders its frame when served from a sub-path, with no request to another origin', async () => {
  const { page, foreign, errors, context } = await openPage(env.browser, env.server.origin);
  await page.goto(env.server.url);
  const jobs = page.getByRole('table', { name: 'Jobs' });
  await jobs.waitFor();
  assert.ok(await jobs.getByRole('columnheader', { name: 'Name' }).isVisible());
  assert.ok(await jobs.getByRole('columnheader', { name: 'Status' }).isVisible());
  assert.match(await page.locator('h1').innerText(), /Import\/Export/);
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'foundation');
  assert.deepEqual(foreign, [], 'requests to other origins');
  assert.deepEqual(errors, [], 'page errors');
  assert.ok(env.server.requests.every((r) => r.startsWith('/some-repo/')), `requests outside the sub-path: ${env.server.requests}`);
  await context.close();
});

test('without JavaScript the page says what it needs', async () => {
  const { page, context } = await openPage(env.browser, env.server.origin, { javaScriptEnabled: false });
  await page.goto(env.server.url);
  assert.match(await page.locator('noscript').innerText(), /JavaScript/);
  await context.close();
});
