// In the classroom: keyboard shortcuts and their sheet, projector mode, the language and the
// look in the link, the dark theme, the printed handout and "Copy link".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp } from './lib/setup.mjs';
import { openPage, screenshot } from './lib/browser.mjs';
import { clockText, selectJob, waitForApp, waitForClockChange } from './lib/app.mjs';

const env = useServedApp();
const START = '#preset=happy-import&t=2026-01-05T09:00:00Z';

async function open(hash = START, options = {}, init = null) {
  const session = await openPage(env.browser, env.server.origin, options);
  if (init) await session.context.addInitScript(init);
  await session.page.goto(env.server.url + hash);
  await waitForApp(session.page);
  return session;
}

/** The clock as milliseconds since the epoch ("2026-01-05 09:00 UTC"). */
async function clockMs(page) {
  const text = (await clockText(page)).replace(' UTC', '');
  return Date.parse(`${text.replace(' ', 'T')}:00Z`);
}

const hash = (page) => page.evaluate(() => location.hash);
const rootClass = (page) => page.evaluate(() => document.documentElement.className);
const focusedTestId = (page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);
const rootBackground = (page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const DAY = 24 * 3600 * 1000;
const DARK_BG = 'rgb(18, 19, 22)';
const LIGHT_BG = 'rgb(247, 247, 248)';

test('space plays and pauses, the arrows step through events and days, + and - change the speed', async () => {
  const { page, context, errors } = await open();
  const play = page.getByTestId('play');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('[data-testid=play]').getAttribute('aria-pressed') === 'true');
  await page.keyboard.press('Space');
  assert.equal(await play.getAttribute('aria-pressed'), 'false');

  await page.getByTestId('next-event').click(); // a known moment, then the keys from there
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const t0 = await clockText(page);
  await page.keyboard.press('ArrowRight');
  await waitForClockChange(page, t0);
  const next = await clockMs(page);
  assert.ok(next > Date.parse(`${t0.replace(' UTC', '').replace(' ', 'T')}:00Z`), 'ArrowRight goes forward');
  const nextText = await clockText(page);
  await page.keyboard.press('ArrowLeft');
  await waitForClockChange(page, nextText);
  const back = await clockMs(page);
  assert.ok(back < next, 'ArrowLeft goes to the event before');
  await page.getByTestId('next-event').click();
  assert.equal(await clockMs(page), next, 'ArrowRight landed where "Next event" lands');

  const before = await clockText(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+ArrowRight');
  await waitForClockChange(page, before);
  assert.equal(await clockMs(page), next + DAY);
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.waitForFunction((want) => document.querySelector('[data-testid=clock]').textContent.startsWith(want), new Date(next - DAY).toISOString().slice(0, 16).replace('T', ' '));
  assert.equal(await clockMs(page), next - DAY);

  const speed = page.getByTestId('speed');
  assert.equal(await speed.inputValue(), '1d');
  await page.keyboard.press('+');
  assert.equal(await speed.inputValue(), '1w');
  await page.keyboard.press('+');
  assert.equal(await speed.inputValue(), '1w', 'the fastest stays');
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  assert.equal(await speed.inputValue(), '6h');
  await page.keyboard.press('Control+ArrowRight');
  await page.keyboard.press('x');
  assert.equal(await clockMs(page), next - DAY, 'Ctrl+arrow and a key that is no shortcut do nothing');
  assert.deepEqual(errors, []);
  await context.close();
});

test('no shortcut fires while typing in the filter field', async () => {
  const { page, context, errors } = await open();
  const filter = page.getByLabel('Filter');
  await filter.focus();
  const clock = await clockText(page);
  await page.keyboard.type('p?+- lab');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowRight');
  assert.equal(await filter.inputValue(), 'p?+- lab');
  assert.equal(await clockText(page), clock);
  assert.equal(await page.getByTestId('speed').inputValue(), '1d');
  assert.equal(await rootClass(page), '');
  assert.equal(await page.getByTestId('shortcut-sheet').isVisible(), false);
  assert.equal(await page.getByTestId('play').getAttribute('aria-pressed'), 'false');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the shortcut sheet opens with ? and with its button, closes with Escape and Close, and gives the focus back', async () => {
  const { page, context, errors } = await open();
  const sheet = page.getByTestId('shortcut-sheet');
  const headerHeight = await page.locator('.app-header').evaluate((h) => h.getBoundingClientRect().height);
  assert.ok(headerHeight < 60, `the header stays one line at 1366 px with the tools in it (${headerHeight})`);
  // Tab reaches the header's tools, with a visible focus ring.
  const projector = page.getByTestId('projector');
  await projector.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  assert.equal(await focusedTestId(page), 'projector');
  const ring = await projector.evaluate((el) => [el.matches(':focus-visible'), getComputedStyle(el).outlineStyle, getComputedStyle(el).outlineWidth]);
  assert.deepEqual(ring, [true, 'solid', '3px']);

  await page.keyboard.press('?');
  await sheet.waitFor();
  assert.match(await sheet.innerText(), /Keyboard shortcuts[\s\S]*Space[\s\S]*play or pause[\s\S]*Shift \+ ← \/ →/);
  await page.keyboard.press('p'); // the sheet is open: no shortcut acts behind it
  assert.equal(await rootClass(page), '');
  await screenshot(page, 'classroom-shortcut-sheet');
  await page.keyboard.press('Escape');
  await sheet.waitFor({ state: 'hidden' });
  assert.equal(await focusedTestId(page), 'projector', 'Escape gives the focus back');

  const opener = page.getByTestId('shortcuts');
  await opener.focus();
  await page.keyboard.press('Enter');
  await sheet.waitFor();
  await page.getByTestId('close-shortcuts').click();
  await sheet.waitFor({ state: 'hidden' });
  assert.equal(await focusedTestId(page), 'shortcuts', 'Close gives the focus back');

  await page.getByLabel('Language').selectOption('nl');
  await page.keyboard.press('?');
  assert.match(await sheet.innerText(), /Sneltoetsen[\s\S]*Spatie[\s\S]*afspelen of pauzeren/);
  await page.getByTestId('close-shortcuts').click();
  assert.deepEqual(errors, []);
  await context.close();
});

test('projector mode: the p key, the header button and a &view=projector link that survives a reload', async () => {
  const { page, context, errors } = await open();
  const button = page.getByTestId('projector');
  const table = page.getByRole('table', { name: 'Jobs' });
  const visibleHeaders = () => table.locator('thead th').evaluateAll((ths) => ths.filter((th) => th.offsetParent !== null).map((th) => th.textContent.replace(/[▲▼]/g, '').trim()));
  assert.equal((await visibleHeaders()).length, 7);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('p');
  assert.equal(await rootClass(page), 'projector');
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
  assert.deepEqual(await visibleHeaders(), ['Name', 'Status', 'Percent complete', 'Expires in']);
  const rowCells = await table.locator('tbody tr').first().locator('td').evaluateAll((tds) => tds.filter((td) => td.offsetParent !== null).length);
  assert.equal(rowCells, 4, 'the cells follow their headers');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '22px');
  await page.waitForFunction(() => location.hash.endsWith('&view=projector'));
  await selectJob(page, 'lab-a');
  await screenshot(page, 'classroom-projector');
  const diagramWidth = await page.locator('.state-diagram').first().evaluate((svg) => svg.getBoundingClientRect().width);

  await page.reload();
  await waitForApp(page);
  assert.equal(await rootClass(page), 'projector', 'the reload keeps projector mode');
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
  await button.click();
  assert.equal(await rootClass(page), '');
  await page.waitForFunction(() => !location.hash.includes('view='));
  // The old form, plus only the selected job (lab-a, selected before the reload, stays so).
  assert.match(await hash(page), /^#preset=happy-import&t=2026-01-05T09:00:00Z&job=bGFiLWE$/, 'the old link form, unchanged');
  await selectJob(page, 'lab-a');
  const normalWidth = await page.locator('.state-diagram').first().evaluate((svg) => svg.getBoundingClientRect().width);
  assert.ok(diagramWidth > normalWidth, `the diagram is larger on the projector (${diagramWidth} > ${normalWidth})`);
  assert.deepEqual(errors, []);
  await context.close();

  const fresh = await open(`${START}&view=projector`);
  assert.equal(await rootClass(fresh.page), 'projector', 'a link opens in projector mode');
  await fresh.context.close();
});

test('&lang=nl is written to the link, survives a reload, and opens in Dutch', async () => {
  const { page, context, errors } = await open();
  await page.getByLabel('Language').selectOption('nl');
  await page.waitForFunction(() => location.hash.endsWith('&lang=nl'));
  await page.reload();
  await page.getByRole('table', { name: 'Jobs' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
  await page.getByLabel('Taal').selectOption('en');
  await page.waitForFunction(() => !location.hash.includes('lang='));
  await context.close();

  // Not open(): it waits for the English page.
  const session = await openPage(env.browser, env.server.origin);
  await session.page.goto(`${env.server.url}${START}&lang=nl&view=projector`);
  await session.page.getByRole('table', { name: 'Jobs' }).waitFor();
  assert.equal(await rootClass(session.page), 'projector');
  assert.equal(await session.page.getByTestId('copy-link').innerText(), 'Link kopiëren');
  // Only a look in the address of a new tab: the saved work comes back with that look over its
  // own (English from the address, projector mode from the save), and no complaint.
  await session.page.getByTestId('next-event').click();
  await session.page.waitForFunction(() => !location.hash.includes('t=2026-01-05T09:00:00Z'));
  const saved = await session.page.evaluate(() => location.hash);
  const tab = await session.context.newPage();
  await tab.goto(`${env.server.url}#lang=en`);
  await tab.getByRole('table', { name: 'Jobs' }).waitFor();
  assert.equal(await tab.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await rootClass(tab), 'projector');
  await tab.waitForFunction((s) => location.hash.startsWith(s.split('&lang=')[0]), saved);
  assert.equal(await tab.getByTestId('notice').count(), 0);
  assert.deepEqual(errors, []);
  assert.deepEqual(session.errors, []);
  await session.context.close();
});

/** Every Status cell's state mark has 4.5:1 contrast or more against the table's background. */
async function stateContrasts(page) {
  return page.evaluate(() => {
    const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a, b) => { const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    const bg = getComputedStyle(document.querySelector('table.grid')).backgroundColor;
    return [...document.querySelectorAll('.status')].map((el) => {
      const mark = getComputedStyle(el, '::before').color;
      const text = getComputedStyle(el).color;
      return { state: el.className, mark: ratio(mark, bg), text: ratio(text, bg) };
    });
  });
}

test('dark theme: follows prefers-color-scheme, the switch overrides it and is remembered; state colours keep contrast', async () => {
  const { page, context, errors } = await open('#preset=busy-datacenter&t=2026-02-20T09:00:00Z');
  assert.equal(await rootBackground(page), LIGHT_BG);
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await rootBackground(page), DARK_BG, 'the system says dark');
  const dark = await stateContrasts(page);
  assert.ok(dark.length > 5);
  for (const c of dark) assert.ok(c.mark >= 4.5 && c.text >= 4.5, JSON.stringify(c));
  await screenshot(page, 'classroom-dark-system');

  const theme = page.getByTestId('theme');
  await theme.selectOption('light');
  assert.equal(await rootBackground(page), LIGHT_BG, 'Light wins over the system');
  for (const c of await stateContrasts(page)) assert.ok(c.mark >= 3 && c.text >= 4.5, JSON.stringify(c));
  await page.emulateMedia({ colorScheme: 'light' });
  await theme.selectOption('dark');
  assert.equal(await rootBackground(page), DARK_BG, 'Dark wins over the system');
  assert.equal(await page.evaluate(() => localStorage.getItem('ie-lifecycle.theme')), 'dark');
  await page.reload();
  await waitForApp(page);
  assert.equal(await theme.inputValue(), 'dark', 'remembered');
  assert.equal(await rootBackground(page), DARK_BG);
  await page.locator('.job-link').first().click();
  await screenshot(page, 'classroom-dark-chosen');
  await theme.selectOption('system');
  assert.equal(await page.evaluate(() => localStorage.getItem('ie-lifecycle.theme')), null);
  assert.equal(await rootBackground(page), LIGHT_BG);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a browser that refuses storage still switches the theme', async () => {
  const { page, context, errors } = await open(START, {}, () => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('refused', 'SecurityError'); },
    });
  });
  await page.getByTestId('theme').selectOption('dark');
  assert.equal(await rootBackground(page), DARK_BG);
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.getByTestId('theme').inputValue(), 'system', 'nothing was kept, nothing broke');
  assert.deepEqual(errors, []);
  await context.close();
});

test('print: a handout of the moment with the scenario, clock, tables, timeline and diagram, and no controls', async () => {
  const { page, context, errors } = await open('#preset=happy-import&t=2026-01-12T09:00:00Z');
  await page.getByTestId('theme').selectOption('dark');
  await selectJob(page, 'lab-a');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await rootBackground(page), 'rgb(255, 255, 255)', 'paper is light even in the dark theme');
  for (const id of ['play', 'speed', 'next-event', 'copy-link', 'projector', 'theme', 'preset', 'enter-tracking', 'quiz-toggle', 'export-job-json']) {
    assert.equal(await page.getByTestId(id).isVisible(), false, `${id} is hidden on paper`);
  }
  for (const sel of ['.clock-controls', '.scrubber', '.autopilot-switch', '.actions-pair', '.new-job-fold', '.table-tools', '.log.panel']) {
    assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} is hidden on paper`);
  }
  assert.equal(await page.getByTestId('clock').isVisible(), true);
  assert.match(await page.locator('#scenario-heading').innerText(), /Scenario: Happy import/);
  assert.equal(await page.getByRole('table', { name: 'Jobs' }).isVisible(), true);
  assert.equal(await page.getByRole('table', { name: 'Drives' }).isVisible(), true);
  assert.equal(await page.getByTestId('timeline').isVisible(), true);
  assert.equal(await page.locator('.state-diagram').first().isVisible(), true);
  await screenshot(page, 'classroom-print');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10000, 'it prints');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Copy link puts the current address on the clipboard and says so; a refusal selects the link to copy by hand', async () => {
  const { page, context, errors } = await open();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('p');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => location.hash.includes('&view=projector') && !location.hash.includes('t=2026-01-05T09:00:00Z'));
  await page.getByTestId('copy-link').click();
  const status = page.getByTestId('copy-status');
  await page.waitForFunction(() => document.querySelector('[data-testid=copy-status]').textContent === 'Link copied');
  assert.equal(await status.getAttribute('role'), 'status');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, page.url(), 'the address of this moment and look');
  assert.equal(await page.getByTestId('link-field').isVisible(), false);

  // Copied while playing: the clock's moment then, not the address bar's older one. (Space
  // on the focused button would press it: Space is a control's own key.)
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Space');
  await page.waitForFunction(() => !document.querySelector('[data-testid=clock]').textContent.startsWith('2026-01-06'));
  await page.getByTestId('copy-link').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=copy-status]').textContent === 'Link copied');
  const whilePlaying = await page.evaluate(() => navigator.clipboard.readText());
  assert.notEqual(whilePlaying, copied);
  assert.match(whilePlaying, /#preset=happy-import&t=.+&view=projector$/);
  await page.keyboard.press('Space');
  await context.close();

  for (const refuse of [
    () => { navigator.clipboard.writeText = () => Promise.reject(new DOMException('no', 'NotAllowedError')); },
    () => { Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }); },
  ]) {
    const s = await open(START, {}, refuse);
    await s.page.getByLabel('Language').selectOption('nl');
    await s.page.getByTestId('copy-link').click();
    const field = s.page.getByTestId('link-field');
    await field.waitFor();
    assert.match(await s.page.getByTestId('copy-status').innerText(), /stond kopiëren niet toe/);
    assert.equal(await field.inputValue(), s.page.url());
    const selected = await field.evaluate((el) => [document.activeElement === el, el.selectionStart, el.selectionEnd, el.value.length, el.readOnly]);
    assert.deepEqual(selected, [true, 0, selected[3], selected[3], true], 'focused, all of it selected, read-only');
    await screenshot(s.page, 'classroom-copy-by-hand');
    assert.deepEqual(s.errors, []);
    await s.context.close();
  }
  assert.deepEqual(errors, []);
});
