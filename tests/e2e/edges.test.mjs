// Trustworthy at the edges: what happens around loading stories, history, bad links, the
// Dutch interface and the small things a new user noticed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp } from './lib/setup.mjs';
import { openPage, screenshot } from './lib/browser.mjs';
import { jobStatus, waitForJobStatus, clockText, selectJob, waitForApp } from './lib/app.mjs';

const env = useServedApp();

async function open(hash = '', options = {}) {
  const session = await openPage(env.browser, env.server.origin, options);
  await session.page.goto(env.server.url + hash);
  await waitForApp(session.page);
  return session;
}

async function loadPreset(page, name) {
  await page.getByTestId('preset').selectOption(name);
  await page.getByTestId('load-preset').click();
}

const hash = (page) => page.evaluate(() => location.hash);

test('loading another story after an edit offers Undo, which restores the edited world and its moment', async () => {
  const { page, context, errors } = await open('#preset=happy-import');
  await selectJob(page, 'lab-a');
  await page.getByTestId('tracking-number').fill('TRK-9');
  await page.getByTestId('enter-tracking').click();
  await waitForJobStatus(page, 'lab-a', 'Shipping');
  const clock = await clockText(page);

  await loadPreset(page, 'export');
  await waitForJobStatus(page, 'archive-out', 'Creating');
  const notice = page.getByTestId('notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /Loaded “Export”/);
  await screenshot(page, 'edges-undo-offered');

  await page.getByTestId('undo').click();
  await waitForJobStatus(page, 'lab-a', 'Shipping');
  assert.equal(await jobStatus(page, 'archive-out'), null);
  assert.equal(await clockText(page), clock);
  assert.match(await page.locator('#details-heading').innerText(), /lab-a/, 'the selection comes back too');
  assert.equal(await notice.count(), 0);
  assert.match(await hash(page), /^#preset=happy-import&add=/);

  // The restored world is still edited, so loading again offers Undo again; leaving an
  // unedited story offers nothing (and takes back the stale offer).
  await loadPreset(page, 'abandoned');
  await waitForJobStatus(page, 'forgotten', 'Creating');
  await page.getByTestId('undo').waitFor();
  await loadPreset(page, 'export');
  await waitForJobStatus(page, 'archive-out', 'Creating');
  assert.equal(await page.getByTestId('notice').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Back after loading a second story returns to the first, and Forward to the second', async () => {
  const { page, context, errors } = await open('#preset=happy-import');
  await loadPreset(page, 'abandoned');
  await waitForJobStatus(page, 'forgotten', 'Creating');
  await page.waitForFunction(() => location.hash.startsWith('#preset=abandoned'));

  await page.goBack();
  await waitForJobStatus(page, 'lab-a', 'Creating');
  assert.equal(await jobStatus(page, 'forgotten'), null);
  assert.match(await hash(page), /^#preset=happy-import/);
  assert.ok(page.url().startsWith(env.server.url), 'still in the app');

  await page.goForward();
  await waitForJobStatus(page, 'forgotten', 'Creating');
  assert.match(await hash(page), /^#preset=abandoned/);

  // Clock moves rewrite the current entry instead of adding steps: one Back still goes home.
  await page.getByRole('button', { name: '+1 day' }).click();
  await page.getByRole('button', { name: '+1 day' }).click();
  await page.goBack();
  await waitForJobStatus(page, 'lab-a', 'Creating');
  assert.deepEqual(errors, []);
  await context.close();
});

test('in Dutch the log, the copy outcomes and the stories are Dutch; state identifiers stay', async () => {
  const { page, context } = await open('#preset=happy-import&t=2026-01-20T09:00:00Z');
  await page.getByLabel('Language').selectOption('nl');
  await page.getByRole('table', { name: 'Jobs' }).waitFor();
  const log = page.getByTestId('event-log');
  const sources = await log.locator('.source').evaluateAll((els) => els.map((e) => e.textContent.trim()));
  assert.ok(sources.includes('Klant'), sources.join(','));
  assert.ok(!sources.some((s) => ['Customer', 'Automatic', 'Autopilot'].includes(s)), sources.join(','));
  const what = await log.locator('.what').allTextContents();
  assert.ok(what.some((w) => /^taak: Creating → Shipping/.test(w.trim())), what.join(' | '));
  assert.ok(what.some((w) => /schijf A1000001/.test(w)), what.join(' | '));
  assert.ok(!what.some((w) => /\b(job|drive):?\s/.test(w)), what.join(' | '));

  await page.getByRole('table', { name: 'Jobs' }).getByRole('button', { name: 'lab-a', exact: true }).click();
  const outcomes = await page.getByTestId('outcome').locator('option').allTextContents();
  assert.deepEqual(outcomes, ['foutloos', 'met waarschuwingen', 'met fouten']);
  const stories = await page.getByTestId('preset').locator('option').allTextContents();
  assert.ok(stories.includes('Geslaagde import'), stories.join(','));
  assert.match(await page.locator('section.scenarios').innerText(), /Geslaagde import/);
  assert.match(await page.getByRole('table', { name: 'Jobs' }).innerText(), /Packaging|Completed|Transferring|Received/);
  await screenshot(page, 'edges-dutch-log');
  await context.close();
});

test('a bad link stays visible and editable in the message, and a corrected one opens', async () => {
  const bad = '#scenario=%%%not-base64&t=2026-01-01T00:00:00Z';
  const { page, context, errors } = await open(bad);
  const notice = page.getByTestId('notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /could not be opened/);
  const box = page.getByTestId('bad-link');
  assert.equal(await box.inputValue(), bad);
  assert.equal(await jobStatus(page, 'lab-a'), 'Creating', 'the default story is shown');

  await box.fill('#preset=no-such-story');
  await page.getByTestId('try-link').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=notice]')?.textContent.includes('no-such-story'));
  assert.equal(await page.getByTestId('bad-link').inputValue(), '#preset=no-such-story', 'the text stays as typed');
  await screenshot(page, 'edges-bad-link');
  // The message follows the interface language; the link stays as typed.
  await page.getByLabel('Language').selectOption('nl');
  await page.waitForFunction(() => document.querySelector('[data-testid=notice]')?.textContent.includes('kon niet worden geopend'));
  assert.match(await notice.innerText(), /verhaal "no-such-story" dat niet bestaat/);
  assert.equal(await page.getByTestId('bad-link').inputValue(), '#preset=no-such-story');
  await page.getByLabel('Taal').selectOption('en');

  await page.getByTestId('bad-link').fill(`${env.server.url}#preset=abandoned`);
  await page.getByTestId('try-link').click();
  await waitForJobStatus(page, 'forgotten', 'Creating');
  assert.equal(await notice.count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Go to reads and writes 24-hour UTC times, also in an en-US browser', async () => {
  const { page, context } = await open('#preset=happy-import&t=2026-01-05T21:30:00Z', { locale: 'en-US' });
  const field = page.getByTestId('go-to');
  assert.equal(await field.inputValue(), '2026-01-05 21:30');
  await field.fill('2026-01-07 22:15');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid=clock]')?.textContent.includes('22:15'));
  assert.equal(await clockText(page), '2026-01-07 22:15 UTC');
  assert.equal(await field.inputValue(), '2026-01-07 22:15');

  await field.fill('10:15 PM');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#go-to-error').innerText(), /YYYY-MM-DD HH:MM/);
  assert.equal(await clockText(page), '2026-01-07 22:15 UTC', 'an unreadable time moves nothing');
  await context.close();
});

test('a deleted job is "in this state since" its deletion; an update says what it changed', async () => {
  const { page, context } = await open('#preset=abandoned&t=2026-01-20T12:00:00Z');
  await page.getByLabel('Show deleted jobs').check();
  await waitForJobStatus(page, 'forgotten', 'Deleted');
  await selectJob(page, 'forgotten');
  assert.equal(await page.getByTestId('state-since').innerText(), '2026-01-19 09:00 UTC');

  const update = page.getByTestId('event-log').locator('.log-entry', { hasText: 'UpdateJob' });
  const line = await update.locator('.what').textContent();
  assert.match(line, /labstorage → labstorage2/);
  assert.match(line, /14-day clock restarted/);
  await context.close();
});

test('a refusal names the action as its button does, not by its event name', async () => {
  const { page, context } = await open('#preset=happy-import');
  await selectJob(page, 'lab-a');
  const ship = page.getByTestId('ship-back');
  await ship.focus();
  const why = await page.locator('.action', { has: ship }).locator('.why').innerText();
  assert.match(why, /“Ship drives back” is not allowed while the job is Creating \(R9/);
  assert.doesNotMatch(why, /DrivesShippedBack/);
  await context.close();
});

test('the jobs count says "1 job", not "1 jobs", and "1 taak" in Dutch', async () => {
  const { page, context } = await open('#preset=happy-import');
  assert.equal((await page.locator('.row-count').innerText()).trim(), '1 job');
  await page.getByLabel('Language').selectOption('nl');
  await page.getByRole('table', { name: 'Jobs' }).waitFor();
  assert.equal((await page.locator('.row-count').innerText()).trim(), '1 taak');
  await context.close();
});
