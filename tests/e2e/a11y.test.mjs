// Accessibility (issue 11): axe-core (npm, pinned in package-lock.json, injected from disk: no
// download at run time) finds no serious or critical violation on the main screens, in both
// languages and both themes. The page's CSP forbids injected scripts, so these contexts bypass
// it; everything else about the page is as served.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { useServedApp } from './lib/setup.mjs';
import { openPage } from './lib/browser.mjs';
import { waitForApp, waitForJobStatus } from './lib/app.mjs';

const env = useServedApp();
const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical violations on the page as it is now, each with a few of its nodes. */
async function scan(page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

async function open(hash, options = {}) {
  const opened = await openPage(env.browser, env.server.origin, { bypassCSP: true, ...options });
  await opened.page.goto(`${env.server.url}${hash}`);
  await opened.page.locator('table.job-table tbody tr').first().waitFor();
  return opened;
}

for (const [lang, theme] of [['en', 'light'], ['nl', 'light'], ['en', 'dark'], ['nl', 'dark']]) {
  test(`no serious or critical axe violation: default, job selected, "Why?", projector, shortcut sheet, quiz (${lang}, ${theme})`, async () => {
    const extra = lang === 'nl' ? '&lang=nl' : '';
    const { page, context, errors } = await open(`#preset=late-and-extra-drive&t=2026-01-12T09:00:00Z${extra}`, { colorScheme: theme });
    assert.deepEqual(await scan(page), [], 'default screen');
    await page.locator('table.job-table tbody .job-link').first().click();
    await page.locator('.details .facts').waitFor();
    assert.deepEqual(await scan(page), [], 'a job selected');
    await page.locator('.details .facts .why-btn').first().click();
    await page.locator('.why-card').waitFor();
    assert.deepEqual(await scan(page), [], 'a "Why?" card open');
    await page.keyboard.press('Escape');
    await page.locator('.why-card').waitFor({ state: 'detached' });
    await page.keyboard.press('p');
    await page.waitForFunction(() => document.documentElement.classList.contains('projector'));
    assert.deepEqual(await scan(page), [], 'projector');
    await page.keyboard.press('?');
    await page.locator('dialog[open]').waitFor();
    assert.deepEqual(await scan(page), [], 'the shortcut sheet');
    await page.keyboard.press('Escape');
    await page.locator('dialog[open]').waitFor({ state: 'detached' });
    await page.keyboard.press('q');
    await page.getByTestId('quiz-question').waitFor();
    assert.deepEqual(await scan(page), [], 'a quiz question (projector)');
    await page.keyboard.press('1');
    await page.getByTestId('quiz-verdict').waitFor();
    assert.deepEqual(await scan(page), [], 'a quiz answer (projector)');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the clock is a polite live region while paused and silent while playing', async () => {
  const { page, context, errors } = await open('#preset=happy-import');
  const clock = page.getByTestId('clock');
  assert.equal(await clock.getAttribute('aria-live'), 'polite', 'paused: a step or a jump is read out');
  await page.getByTestId('play').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=clock]').getAttribute('aria-live') === 'off');
  await page.getByTestId('play').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=clock]').getAttribute('aria-live') === 'polite');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Tab reaches every control, and each shows where the focus is', async () => {
  const { page, context, errors } = await open('#preset=happy-import&t=2026-01-12T09:00:00Z');
  await page.locator('table.job-table tbody .job-link').first().click();
  await page.locator('.details .facts').waitFor();
  await page.locator('h1').click();
  const reached = new Set();
  const unmarked = [];
  let first = null;
  for (let i = 0; i < 500; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const name = el.getAttribute('data-testid') ?? el.getAttribute('data-act') ?? `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`;
      const id = `${name}#${[...document.querySelectorAll('*')].indexOf(el)}`;
      // A visible mark: an outline, or (SVG parts that draw their own) a thicker or
      // focus-coloured stroke, or an underlined name.
      const st = getComputedStyle(el);
      const outlined = st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) >= 2;
      const stroked = [el, ...el.querySelectorAll('.box, .line, .diamond')].some((p) => {
        const s = getComputedStyle(p);
        return parseFloat(s.strokeWidth) >= 5 || s.stroke === 'rgb(255, 185, 0)'; // --focus
      });
      const underlined = el instanceof SVGTextElement && st.textDecorationLine.includes('underline');
      return { name, id, marked: el.matches(':focus-visible') && (outlined || stroked || underlined) };
    });
    if (!f) continue;
    if (f.id === first) break;
    first ??= f.id;
    reached.add(f.name);
    if (!f.marked) unmarked.push(f.name);
  }
  assert.deepEqual(unmarked, [], 'every focused control shows a focus mark');
  for (const want of ['theme', 'projector', 'copy-link', 'preset', 'play', 'speed', 'scrubber', 'next-event', 'go-to', 'quiz-toggle', 'sbs-alt', 'update-job']) {
    assert.ok(reached.has(want), `Tab reaches ${want} (reached: ${[...reached].join(', ')})`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
