// "Side by side" (issue 11): cancel-2021 under the 2021 rules and the 2018 rules in two panes
// driven by the one clock. The cancel of cancel-me on 2026-01-06 09:00 is accepted under 2021
// (Canceled) and refused under 2018 (no cancel, R12), so from then on its Status cells differ
// and the line under them names R12. The choice is in the link (&compare=).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { useServedApp } from './lib/setup.mjs';
import { openPage, screenshot, OUTPUT } from './lib/browser.mjs';
import { waitForApp } from './lib/app.mjs';

const env = useServedApp();
const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const START = '#preset=cancel-2021&t=2026-01-05T09:00:00Z';

/** A pane's Status cell of `job` ("sbs-a" or "sbs-b"), as text, or null. */
function status(page, pane, job) {
  return page.evaluate(
    ([pane, job]) => document.querySelector(`[data-testid=${pane}] tr[data-job="${job}"] td`)?.textContent.trim() ?? null,
    [pane, job],
  );
}

/** Waits until both panes' Status cells of `job` start with `a` and `b`. */
function waitForPanes(page, job, a, b) {
  return page.waitForFunction(
    ([job, a, b]) => {
      const cell = (p) => document.querySelector(`[data-testid=${p}] tr[data-job="${job}"] td`)?.textContent.trim() ?? '';
      return cell('sbs-a').startsWith(a) && cell('sbs-b').startsWith(b);
    },
    [job, a, b],
  );
}

async function scan(page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

test('2021 against 2018 on cancel-2021: the cancel differs by R12, both panes follow the clock, "nothing" turns it off', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  await page.goto(`${env.server.url}${START}&compare=rules-2018`);
  await waitForApp(page);
  const panel = page.getByRole('region', { name: 'Side by side' });
  await panel.getByRole('table', { name: '2018 rules' }).waitFor();
  await panel.getByRole('table', { name: '2021 rules, cancel window creating' }).waitFor();
  assert.equal(await panel.getByLabel('Compare with').inputValue(), 'rules-2018');
  // Before the cancel nothing differs.
  await waitForPanes(page, 'cancel-me', 'Creating', 'Creating');
  assert.equal(await page.locator('.sbs td.differs').count(), 0);
  assert.equal(await page.getByTestId('sbs-count').innerText(), '0 of 2 jobs differ at this moment.');

  // The clock bar's "Next event" moves both panes to the cancel.
  await page.getByTestId('next-event').click();
  await waitForPanes(page, 'cancel-me', 'Canceled', 'Creating');
  assert.equal(await status(page, 'sbs-a', 'too-late'), await status(page, 'sbs-b', 'too-late'));
  const cells = page.locator('.sbs tr[data-job="cancel-me"] td.differs');
  assert.equal(await cells.count(), 2, 'both panes mark the job');
  for (const cell of await cells.all()) {
    assert.match(await cell.innerText(), /≠/, 'a visible cue, not colour alone');
    const line = page.locator(`[id="${await cell.getAttribute('aria-describedby')}"]`);
    assert.match(await line.innerText(), /^cancel-me: 2021 rules.*CancelJob: Creating → Canceled \(R12\); 2018 rules: .*CancelJob refused \(R12\)\. R12: /);
  }
  assert.equal(await page.getByTestId('sbs-count').innerText(), '1 of 2 jobs differ at this moment.');
  await panel.screenshot({ path: path.join(OUTPUT, 'side-by-side-cancel-2021.png') });
  await screenshot(page, 'side-by-side-cancel-2021-page');

  // A `t=` link moves the one clock: 14 days on, 2018's cancel-me was deleted by R2.
  await page.evaluate(() => { location.hash = '#preset=cancel-2021&t=2026-01-20T09:00:00Z&compare=rules-2018'; });
  await waitForPanes(page, 'cancel-me', 'Canceled', 'Deleted');
  assert.match(await page.getByTestId('sbs-why').innerText(), /R12/);

  // "Nothing" turns it off, and the link drops compare=.
  await panel.getByLabel('Compare with').selectOption('');
  await page.waitForFunction(() => !location.hash.includes('compare='));
  assert.equal(await page.locator('.sbs table').count(), 0);
  assert.match(await page.evaluate(() => location.hash), /^#preset=cancel-2021&t=2026-01-20T09:00:00Z$/);

  // From the keyboard: the menu takes the focus, a choice turns it on again and is linked.
  await panel.getByLabel('Compare with').focus();
  await panel.getByLabel('Compare with').selectOption('cancel-creating-or-shipping');
  await page.waitForFunction(() => location.hash.includes('&compare=cancel-creating-or-shipping'));
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'sbs-alt', 'the menu keeps the focus');
  await waitForPanes(page, 'too-late', 'Completed', 'Canceled');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a comparison the page does not know is no comparison, and the story still opens', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  await page.goto(`${env.server.url}${START}&compare=rules-1999`);
  await waitForApp(page);
  await page.locator('.sbs select').waitFor();
  assert.equal(await page.locator('.sbs select').inputValue(), '');
  assert.equal(await page.locator('.sbs table').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('no page slides sideways at 390×844 with the panes on', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin, { viewport: { width: 390, height: 844 } });
  await page.goto(`${env.server.url}#preset=cancel-2021&t=2026-01-06T09:00:00Z&compare=rules-2018`);
  await waitForApp(page);
  await waitForPanes(page, 'cancel-me', 'Canceled', 'Creating');
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }));
  assert.ok(scroll <= inner, `page is ${scroll} px wide in a ${inner} px window`);
  await page.locator('.sbs').screenshot({ path: path.join(OUTPUT, 'side-by-side-390.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [lang, theme] of [['en', 'light'], ['nl', 'light'], ['en', 'dark'], ['nl', 'dark']]) {
  test(`no serious or critical axe violation on side by side, and in projector mode (${lang}, ${theme})`, async () => {
    const extra = lang === 'nl' ? '&lang=nl' : '';
    const { page, context, errors } = await openPage(env.browser, env.server.origin, { bypassCSP: true, colorScheme: theme });
    await page.goto(`${env.server.url}#preset=cancel-2021&t=2026-01-06T09:00:00Z&compare=rules-2018${extra}`);
    await waitForPanes(page, 'cancel-me', 'Canceled', 'Creating');
    assert.deepEqual(await scan(page), [], 'side by side');
    await page.locator('h1').click();
    await page.keyboard.press('p');
    await page.waitForFunction(() => document.documentElement.classList.contains('projector'));
    assert.deepEqual(await scan(page), [], 'side by side, projector');
    if (lang === 'nl' && theme === 'dark') await page.locator('.sbs').screenshot({ path: path.join(OUTPUT, 'side-by-side-nl-dark.png') });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('another autopilot seed on busy-datacenter: jobs differ where the autopilot acted, and the line says why', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  // busy-datacenter's autopilot seed is 2026; the menu offers the next one.
  await page.goto(`${env.server.url}#preset=busy-datacenter&t=2026-01-25T09:00:00Z`);
  await waitForApp(page);
  const menu = page.getByTestId('sbs-alt');
  const values = await menu.locator('option').evaluateAll((os) => os.map((o) => o.value));
  assert.ok(values.includes('seed-2027'), values.join(' '));
  await menu.selectOption('seed-2027');
  await page.waitForFunction(() => location.hash.includes('compare=seed-2027'));
  const count = page.getByTestId('sbs-count');
  await count.waitFor();
  const m = /^(\d+) of (\d+) jobs differ/.exec(await count.innerText());
  assert.ok(m && Number(m[1]) > 0 && Number(m[1]) <= Number(m[2]), await count.innerText());
  // Each job that differs has its line: the first step at which the two stories part.
  const why = await page.getByTestId('sbs-why').innerText();
  assert.ok(why.split('\n').filter((l) => l.trim()).length > 0, why);
  assert.match(why, /job-\d{5}:/);
  assert.deepEqual(errors, []);
  await context.close();
});
