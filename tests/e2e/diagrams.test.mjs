// The state diagrams and "Why?" in the built app, in headless Chromium: the current state is
// marked (aria-current, data-state) and follows the clock; a Deleted job's "Why?" names its
// rule and links to the event in the log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp } from './lib/setup.mjs';
import path from 'node:path';
import { openPage, screenshot, OUTPUT } from './lib/browser.mjs';
import { jobStatus, selectJob, waitForApp, waitForJobStatus } from './lib/app.mjs';

const env = useServedApp();

async function open(hash = '') {
  const session = await openPage(env.browser, env.server.origin);
  await session.page.goto(env.server.url + hash);
  await waitForApp(session.page);
  return session;
}

/** The data-state of the node marked current in the diagram named `name` (null if none). */
function current(page, name) {
  return page.evaluate((name) => {
    const svg = document.querySelector(`svg[aria-label="${name}"]`);
    const marked = svg ? [...svg.querySelectorAll('[aria-current="true"]')] : [];
    return marked.length === 1 ? marked[0].getAttribute('data-state') : marked.length ? 'several' : null;
  }, name);
}

async function waitForCurrent(page, name, state) {
  await page.waitForFunction(
    ([name, state]) => {
      const svg = document.querySelector(`svg[aria-label="${name}"]`);
      const marked = svg ? svg.querySelectorAll('[aria-current="true"]') : [];
      return marked.length === 1 && marked[0].getAttribute('data-state') === state;
    },
    [name, state],
  );
}

function states(page, name) {
  return page.evaluate((name) => [...document.querySelectorAll(`svg[aria-label="${name}"] [data-state]`)].map((n) => n.getAttribute('data-state')), name);
}

test('the diagrams mark the current job and drive state and follow the clock', async () => {
  const { page, context, errors } = await open('#preset=happy-import&t=2026-01-05T12:00:00Z');
  await selectJob(page, 'lab-a');
  const job = page.getByRole('group', { name: 'Job states' });
  const drive = page.getByRole('group', { name: 'Drive states' });
  await job.waitFor();
  await drive.waitFor();
  assert.equal(await job.evaluate((n) => n.tagName), 'svg');
  await waitForCurrent(page, 'Job states', 'Creating');
  await waitForCurrent(page, 'Drive states', 'Specified');
  // 2018 rules: every job state but Canceled, plus Deleted.
  assert.deepEqual((await states(page, 'Job states')).sort(),
    ['Closed', 'Completed', 'Creating', 'Deleted', 'Packaging', 'Received', 'Shipping', 'Transferring']);
  // Every drive state, plus Extra (a drive in the package that belongs to no job).
  assert.deepEqual((await states(page, 'Drive states')).sort(),
    ['Completed', 'CompletedMoreInfo', 'Extra', 'NeverReceived', 'Received', 'ShippedBack', 'Specified', 'Transferring']);
  // The text says it too, not only the colour.
  assert.equal(await page.locator('svg[aria-label="Job states"] [aria-current="true"] .now').isVisible(), true);
  await screenshot(page, 'diagrams-1-creating');

  // Next event: tracking entered. The job moves to Shipping and the arrow it took is emphasised.
  await page.getByTestId('next-event').click();
  await waitForCurrent(page, 'Job states', 'Shipping');
  await page.waitForFunction(() => {
    const e = document.querySelector('svg[aria-label="Job states"] .edge.flash');
    return e && /Creating → Shipping/.test(e.getAttribute('aria-label'));
  });
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('svg[aria-label="Job states"] .edge.flash .line')).animationName), 'diagram-flash');
  await screenshot(page, 'diagrams-2-shipping');

  // The countdown's "Why?": R5a, its clock started by EnterTracking, and when it fires.
  await page.getByTestId('next-rule').getByRole('button', { name: 'Why does lab-a count down to R5a?' }).click();
  const card = page.getByRole('dialog', { name: 'Why does lab-a count down to R5a?' });
  await card.waitFor();
  const why = await card.innerText();
  assert.match(why, /EnterTracking · 2026-01-06 09:00 UTC/);
  assert.match(why, /R5a on 2026-01-20 09:00 UTC, in 14d 0h 0m/);
  await card.getByRole('button', { name: 'Close' }).click();
  await card.waitFor({ state: 'detached' });

  // Go to day 30: delivered, copied, packed and shipped back by then.
  // (From the top of the page: a scrolled page shows a compact clock bar.)
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByTestId('go-to').fill('2026-02-03 09:00');
  await page.getByTestId('go-to').press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=clock]')?.textContent.trim() === '2026-02-03 09:00 UTC');
  await waitForJobStatus(page, 'lab-a', 'Completed');
  await waitForCurrent(page, 'Job states', 'Completed');
  await waitForCurrent(page, 'Drive states', 'ShippedBack');
  // Choosing the other drive in the Drives table moves the drive diagram's mark to it.
  await page.getByRole('table', { name: 'Drives' }).getByRole('button', { name: 'A1000002', exact: true }).click();
  await page.waitForFunction(() => /A1000002/.test(document.querySelector('.diagrams')?.textContent ?? ''));
  assert.equal(await current(page, 'Drive states'), 'ShippedBack');

  // A state chosen with the keyboard lists its rules, one line each.
  await page.locator('svg[aria-label="Job states"] [data-state="Completed"]').focus();
  await page.keyboard.press('Enter');
  const rules = page.locator('.diagram-rules').first();
  await page.waitForFunction(() => document.querySelector('.diagram-rules li'));
  const lines = await rules.locator('li').allInnerTexts();
  assert.ok(lines.some((l) => /^R9 /.test(l) && /Packaging → Completed/.test(l)), lines.join('\n'));
  assert.ok(lines.some((l) => /^R10 /.test(l) && /after 90 days/.test(l)), lines.join('\n'));
  assert.ok(lines.some((l) => /^R11 /.test(l)), lines.join('\n'));
  await screenshot(page, 'diagrams-3-completed-rules');
  // The section alone, for the README: a window tall enough that nothing sticky covers it.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1366, height });
  await page.locator('.diagrams').screenshot({ path: path.join(OUTPUT, 'diagrams-section.png') });
  await page.setViewportSize({ width: 1366, height: 900 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('Canceled is drawn only under the 2021 rules', async () => {
  const { page, context } = await open('#preset=cancel-2021');
  const name = await page.evaluate(() => {
    const table = [...document.querySelectorAll('table')].find((t) => t.getAttribute('aria-label') === 'Jobs');
    return table.querySelector('tbody tr td button')?.textContent.trim();
  });
  await selectJob(page, name);
  await page.getByRole('group', { name: 'Job states' }).waitFor();
  assert.ok((await states(page, 'Job states')).includes('Canceled'));
  await context.close();
});

test('"Why?" on a Deleted job names R2, and its event link moves the clock and highlights the log', async () => {
  const { page, context, errors } = await open('#preset=abandoned&t=2026-01-25T09:00:00Z');
  await page.getByLabel('Show deleted jobs').check();
  await waitForJobStatus(page, 'forgotten', 'Deleted');
  await selectJob(page, 'forgotten');
  await waitForCurrent(page, 'Job states', 'Deleted');
  const why = page.getByTestId('detail-status').getByRole('button', { name: 'Why is forgotten Deleted?' });
  await why.focus();
  await page.keyboard.press('Enter');
  const card = page.getByRole('dialog', { name: 'Why is forgotten Deleted?' });
  await card.waitFor();
  const text = await card.innerText();
  assert.match(text, /R2|R10/);
  assert.match(text, /R2/);
  assert.match(text, /CreatingExpired/);
  assert.match(text, /2026-01-19 09:00 UTC/);
  await screenshot(page, 'diagrams-4-why-deleted');

  await card.getByRole('button', { name: /CreatingExpired/ }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid=clock]')?.textContent.trim() === '2026-01-19 09:00 UTC');
  await page.waitForFunction(() => {
    const e = document.querySelector('.log-entry.highlighted');
    return e && /CreatingExpired/.test(e.textContent) && e.contains(document.activeElement);
  });
  await screenshot(page, 'diagrams-5-log-highlighted');

  // Escape closes a card and gives the focus back to its button; Dutch asks in Dutch.
  await page.getByLabel('Language').selectOption('nl');
  await page.getByRole('group', { name: 'Taaktoestanden' }).waitFor();
  const waarom = page.getByTestId('detail-status').getByRole('button', { name: 'Waarom is forgotten Deleted?' });
  await waarom.click();
  const kaart = page.getByRole('dialog', { name: 'Waarom is forgotten Deleted?' });
  await kaart.waitFor();
  assert.match(await kaart.innerText(), /Regel/);
  await page.keyboard.press('Escape');
  await kaart.waitFor({ state: 'detached' });
  assert.equal(await waarom.evaluate((b) => b === document.activeElement), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('with reduced motion the step just taken is emphasised without a pulse', async () => {
  const { page, context } = await openPage(env.browser, env.server.origin, { reducedMotion: 'reduce' });
  await page.goto(env.server.url + '#preset=happy-import&t=2026-01-05T12:00:00Z');
  await waitForApp(page);
  await selectJob(page, 'lab-a');
  await waitForCurrent(page, 'Job states', 'Creating');
  await page.getByTestId('next-event').click();
  await waitForCurrent(page, 'Job states', 'Shipping');
  await page.waitForFunction(() => document.querySelector('svg[aria-label="Job states"] .edge.flash'));
  const style = await page.evaluate(() => {
    const line = getComputedStyle(document.querySelector('svg[aria-label="Job states"] .edge.flash .line'));
    return { animation: line.animationName, width: line.strokeWidth };
  });
  assert.deepEqual(style, { animation: 'none', width: '5px' });
  await context.close();
});

test('"Why?" in the jobs table answers for the Status cell and the countdown, and leaves the cell text as the contract says', async () => {
  const { page, context, errors } = await open('#preset=abandoned&t=2026-01-20T09:00:00Z');
  await page.getByLabel('Show deleted jobs').check();
  await waitForJobStatus(page, 'forgotten', 'Deleted');
  const table = page.getByRole('table', { name: 'Jobs' });
  await table.getByRole('button', { name: 'Why is forgotten Deleted?' }).click();
  const card = page.getByRole('dialog', { name: 'Why is forgotten Deleted?' });
  await card.waitFor();
  assert.match(await card.innerText(), /R2/);
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'hidden' });
  // The countdown of the job still alive ('updated', whose 14 days restarted on day 10).
  await table.getByRole('button', { name: 'Why does updated count down to R2?' }).click();
  const countdown = page.getByRole('dialog', { name: 'Why does updated count down to R2?' });
  await countdown.waitFor();
  assert.match(await countdown.innerText(), /UpdateJob/);
  assert.match(await jobStatus(page, 'updated'), /^Creating/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an extra drive chosen in the Drives table is shown in the drive diagram: Extra, then ShippedBack with the job\'s drives', async () => {
  const { page, context, errors } = await open('#preset=late-and-extra-drive&t=2026-01-10T09:00:00Z');
  await selectJob(page, 'three-drives');
  await waitForCurrent(page, 'Drive states', 'Received');
  const pick = page.getByRole('table', { name: 'Drives' }).getByRole('button', { name: 'X9000001', exact: true });
  await pick.click();
  await waitForCurrent(page, 'Drive states', 'Extra');
  assert.equal(await pick.getAttribute('aria-pressed'), 'true');
  // After the drives went back (R9), the extra drive went with them.
  // Back to the top, where the clock bar shows its full controls (it is compact when scrolled).
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByTestId('go-to').fill('2026-01-20 09:00');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await waitForCurrent(page, 'Drive states', 'ShippedBack');
  assert.equal(await pick.getAttribute('aria-pressed'), 'true', 'the same drive stays shown');
  assert.match(await page.locator('table[aria-label=Drives] tr[data-drive=X9000001]').innerText(), /ShippedBack/);
  await page.locator('svg[aria-label="Drive states"]').screenshot({ path: path.join(OUTPUT, 'diagrams-extra-drive.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
