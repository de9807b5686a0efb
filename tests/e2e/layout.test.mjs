// A page a class can follow (issue 9), tried at the four sizes a classroom meets: a phone, an
// old projector, a 720p projector and a common laptop. No page slides sideways; every jobs-table
// column is readable; on a phone a job is a card that leads with Name, Status and Expires in; the
// clock bar stays in view; the selected job's details and the action buttons are in view
// together; "Expires in" says what will happen; an action says what it changed; the Blank story
// lets a student walk a job by hand without the autopilot taking over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp } from './lib/setup.mjs';
import path from 'node:path';
import { openPage, screenshot, OUTPUT } from './lib/browser.mjs';
import { jobStatus, waitForJobStatus, selectJob, clockText, waitForApp } from './lib/app.mjs';

const env = useServedApp();

const SIZES = [
  { name: '390x844', width: 390, height: 844, phone: true },
  { name: '1024x768', width: 1024, height: 768 },
  { name: '1280x720', width: 1280, height: 720, sideBySide: true },
  { name: '1366x768', width: 1366, height: 768, sideBySide: true },
];
const STORIES = ['#preset=busy-datacenter&t=2026-02-10T09:00:00Z', '#preset=happy-import'];

async function open(hash, size = SIZES[3]) {
  const session = await openPage(env.browser, env.server.origin, { viewport: { width: size.width, height: size.height } });
  await session.page.goto(env.server.url + hash);
  await waitForApp(session.page);
  return session;
}

/** The page's width against the window's: a page that slides sideways is wider. */
function sideways(page) {
  return page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }));
}

/** Cells and headers of the Jobs table whose content is cut off or that stick out of its box. */
function clippedJobCells(page) {
  return page.evaluate(() => {
    const table = document.querySelector('table[aria-label=Jobs]');
    const box = table.parentElement.getBoundingClientRect();
    const out = [];
    for (const th of table.querySelectorAll('thead th')) {
      const r = th.getBoundingClientRect();
      const button = th.querySelector('button');
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5) out.push(`header ${th.textContent.trim()} outside the box`);
      if (th.scrollWidth > th.clientWidth + 1 || button.scrollWidth > button.clientWidth + 1) out.push(`header ${th.textContent.trim()} cut off`);
    }
    for (const td of table.querySelectorAll('tbody td')) {
      if (td.scrollWidth > td.clientWidth + 1) out.push(`cell "${td.textContent.trim()}" cut off`);
    }
    return out;
  });
}

/** What the window shows (a whole-page shot would draw the sticky clock bar mid-page). */
async function windowShot(page, name) {
  await page.screenshot({ path: path.join(OUTPUT, `${name}.png`) });
}

function inView(page, selector) {
  return page.evaluate((selector) => {
    const el = document.querySelector(selector);
    if (!el) return `${selector}: missing`;
    const r = el.getBoundingClientRect();
    const ok = r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
    return ok ? true : `${selector}: ${Math.round(r.top)}..${Math.round(r.bottom)} of ${innerHeight}`;
  }, selector);
}

for (const size of SIZES) {
  test(`${size.name}: no sideways slide, readable jobs, the clock bar stays in view`, async () => {
    for (const hash of STORIES) {
      const story = hash.match(/preset=([a-z-]+)/)[1];
      const { page, context, errors } = await open(hash, size);
      const { scroll, inner } = await sideways(page);
      assert.ok(scroll <= inner, `${story}: the page is ${scroll} px wide in a ${inner} px window`);
      if (size.phone) {
        // Each job is a card that leads with its Name, Status and Expires in.
        const card = await page.evaluate(() => {
          const row = document.querySelector('table[aria-label=Jobs] tbody tr');
          const top = (c) => row.querySelector(c).getBoundingClientRect().top;
          const shown = (c) => row.querySelector(c).getBoundingClientRect().height > 0;
          const label = getComputedStyle(row.querySelector('.c-expires'), '::before').content;
          return {
            leads: ['.c-name', '.c-status', '.c-expires'].every(shown)
              && Math.max(top('.c-name'), top('.c-status'), top('.c-expires')) < Math.min(top('.c-type'), top('.c-account'), top('.c-created'), top('.c-percent')),
            label,
            display: getComputedStyle(row).display,
          };
        });
        assert.equal(card.display, 'grid', `${story}: rows are cards`);
        assert.ok(card.leads, `${story}: the card leads with Name, Status and Expires in`);
        assert.match(card.label, /Expires in/);
      } else {
        assert.deepEqual(await clippedJobCells(page), [], `${story}: every jobs-table column is readable`);
      }
      await windowShot(page, `layout-${size.name}-${story}`);
      await screenshot(page, `layout-${size.name}-${story}-page`);
      // Scrolled to the bottom, the clock bar is still there (compact).
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForFunction(() => document.querySelector('[data-testid=clock-bar]').classList.contains('compact'));
      assert.equal(await inView(page, '[data-testid=clock-bar]'), true, `${story}: clock bar after scrolling`);
      assert.equal(await inView(page, '[data-testid=clock]'), true);
      assert.equal(await inView(page, '[data-testid=autopilot]'), true, 'the autopilot switch stays beside the clock');
      assert.ok((await sideways(page)).scroll <= inner, `${story}: no sideways slide at the bottom`);
      await windowShot(page, `layout-${size.name}-${story}-scrolled`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  });
}

for (const size of SIZES.filter((s) => s.sideBySide)) {
  test(`${size.name}: the selected job's details and the action buttons are in view with the clock`, async () => {
    const { page, context } = await open(STORIES[0], size);
    // The class scrolls once to the jobs; from then on, no more scrolling to act and see.
    await page.evaluate(() => document.querySelector('section.jobs').scrollIntoView({ block: 'start' }));
    await selectJob(page, 'job-00030');
    await page.getByTestId('detail-status').waitFor();
    const before = await page.evaluate(() => scrollY);
    for (const selector of ['[data-testid=clock-bar]', '#details-heading', '[data-testid=detail-status]',
      '[data-testid=enter-tracking]', '[data-testid=cancel-job]', '[data-testid=package-delivered]']) {
      assert.equal(await inView(page, selector), true);
    }
    await page.getByTestId('tracking-number').fill('TRK-9');
    await page.getByTestId('enter-tracking').click();
    await page.getByTestId('detail-status').filter({ hasText: 'Shipping' }).waitFor();
    assert.equal(await page.evaluate(() => scrollY), before, 'acting did not scroll the page');
    assert.equal(await inView(page, '[data-testid=detail-status]'), true, 'the result is in view');
    assert.equal(await inView(page, '.action:has([data-testid=enter-tracking]) .done'), true, 'the confirmation is in view');
    await windowShot(page, `layout-${size.name}-acting`);
    await context.close();
  });
}

test('"Expires in" names what will happen, its header explains it, and an overdue job says so in Status', async () => {
  const { page, context } = await open('#preset=never-arrives&t=2026-01-10T09:00:00Z');
  const expires = () => page.evaluate(() => document.querySelector('table[aria-label=Jobs] tbody .c-expires').textContent);
  assert.match(await expires(), /^overdue in 10\sd$/);
  const header = page.getByRole('table', { name: 'Jobs' }).getByRole('button', { name: /Expires in/ });
  assert.match(await header.getAttribute('title'), /overdue \(R5a\), closed \(R5b\) or deleted \(R2, R10\)/);
  assert.match(await page.locator('table[aria-label=Jobs] tbody .c-expires').getAttribute('title'), /^R5a · 2026-01-20 09:00 UTC$/);
  assert.equal(await jobStatus(page, 'lost-parcel'), 'Shipping', 'not overdue yet');
  // Past the 14 days after tracking (R5a): overdue, and the next rule closes the job.
  await page.getByRole('button', { name: '+14 days' }).click();
  await page.waitForFunction(() => /^closed in/.test(document.querySelector('table[aria-label=Jobs] tbody .c-expires')?.textContent));
  assert.match(await jobStatus(page, 'lost-parcel'), /^Shipping\s+overdue$/);
  // A created date is short; its time shows on hover.
  assert.equal(await page.locator('table[aria-label=Jobs] tbody .c-created').innerText(), '2026-01-05');
  assert.equal(await page.locator('table[aria-label=Jobs] tbody .c-created').getAttribute('title'), '2026-01-05 09:00 UTC');
  await context.close();

  const happy = await open('#preset=happy-import');
  assert.match(await happy.page.locator('table[aria-label=Jobs] tbody .c-expires').innerText(), /^deleted in 14\sd$/);
  await happy.context.close();
});

test('after Enter tracking the button says "Done: Creating → Shipping", and its new refusal stays out of the way', async () => {
  const { page, context } = await open('#preset=happy-import');
  await selectJob(page, 'lab-a');
  await page.getByTestId('tracking-number').fill('1Z42');
  const enter = page.getByTestId('enter-tracking');
  await enter.click();
  const done = page.locator('.action', { has: enter }).getByRole('status');
  await done.waitFor();
  assert.match(await done.textContent(), /^Done: Creating → Shipping$/);
  await waitForJobStatus(page, 'lab-a', 'Shipping');
  // The button is now forbidden (the job is Shipping), but with the pointer and the focus
  // still on it, its reason does not cover the next control.
  assert.equal(await enter.getAttribute('aria-disabled'), 'true');
  const why = page.locator('.action', { has: enter }).locator('.why');
  assert.equal(await why.isVisible(), false);
  assert.equal(await enter.getAttribute('title'), null);
  await windowShot(page, 'layout-done');
  // Once the pointer has left, hovering it again explains why.
  await page.mouse.move(0, 0);
  await enter.hover();
  await why.waitFor({ state: 'visible' });
  assert.match(await why.innerText(), /Shipping/);
  // Moving the clock clears the confirmation: it belonged to that moment.
  await page.getByRole('button', { name: '+1 day' }).click();
  await done.waitFor({ state: 'hidden' });
  await context.close();
});

test('the Blank story has no jobs and no autopilot; a job made by hand stays Creating while the clock plays', async () => {
  const { page, context, errors } = await open('#preset=blank');
  assert.equal(await page.getByTestId('preset').inputValue(), 'blank');
  assert.equal(await page.locator('table[aria-label=Jobs] tbody button.job-link').count(), 0);
  assert.match(await page.getByRole('table', { name: 'Jobs' }).innerText(), /No jobs/);
  const autopilot = page.locator('[data-testid=clock-bar] [data-testid=autopilot]');
  assert.equal(await autopilot.isChecked(), false, 'the autopilot is off, next to the clock');
  assert.match(await page.locator('[data-testid=clock-bar] .autopilot-switch').innerText(), /Autopilot\s+off/i);
  // "New job" is open: it is the first thing to do here.
  await page.getByTestId('new-name').fill('by-hand');
  await page.getByTestId('new-account').fill('classstore');
  await page.getByTestId('new-drive-id-0').fill('H1000001');
  await page.getByTestId('create-job').click();
  await waitForJobStatus(page, 'by-hand', 'Creating');
  const start = await clockText(page);
  await page.getByTestId('speed').selectOption('1d');
  await page.getByTestId('play').click();
  await page.waitForFunction((start) => {
    const t = document.querySelector('[data-testid=clock]').textContent;
    return t !== start && t >= '2026-01-08';
  }, start, { timeout: 15000 });
  await page.getByTestId('play').click();
  assert.equal(await jobStatus(page, 'by-hand'), 'Creating', 'nobody acted on the job');
  assert.doesNotMatch(await page.getByTestId('event-log').textContent(), /AUTOPILOT/i);
  await screenshot(page, 'layout-blank');
  assert.deepEqual(errors, []);
  await context.close();
});
