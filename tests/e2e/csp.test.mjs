// Locked down (issue 10): index.html's Content Security Policy is in force, and the journeys a
// teacher takes through the app break none of it. Every `securitypolicyviolation` event is
// recorded from before the page's first script (an init script), and so is every console error
// (Chromium also logs each refusal there) and every request to another origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp } from './lib/setup.mjs';
import { openPage } from './lib/browser.mjs';
import { clockText, waitForApp, waitForClockChange, waitForJobStatus, selectJob } from './lib/app.mjs';

const env = useServedApp();

/** openPage's page, plus every CSP violation of every document it loads, in `violations`. */
async function openRecorded() {
  const session = await openPage(env.browser, env.server.origin);
  const violations = [];
  await session.context.exposeBinding('__reportViolation', (_source, text) => violations.push(text));
  await session.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__reportViolation(`${e.effectiveDirective}: ${e.blockedURI || '(inline)'} ${e.sample}`.trim());
    });
  });
  return { ...session, violations };
}

/** The policy of the served index.html, as { directive: [sources] }, and what precedes it. */
async function servedPolicy() {
  const html = await (await fetch(env.server.url)).text();
  // A release build is minified (Trunk.toml): attributes may come in any order, unquoted.
  const meta = /<meta\b(?=[^>]*\shttp-equiv="?Content-Security-Policy"?[\s>])[^>]*\scontent="([^"]+)"/.exec(html);
  assert.ok(meta, 'index.html has a Content-Security-Policy <meta>');
  const policy = Object.fromEntries(meta[1].split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
  return { policy, before: html.slice(0, meta.index) };
}

test('the policy: this origin only, WebAssembly may compile, no inline script or style, no plugins, no base or form target', async () => {
  const { policy, before } = await servedPolicy();
  assert.deepEqual(policy['default-src'], ["'self'"]);
  // The hashes of `make serve`'s auto-reload script are dropped from a build to publish (Trunk.toml).
  assert.deepEqual(policy['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  assert.equal(policy['style-src'], undefined, 'styles fall back to default-src: files from this origin only');
  assert.deepEqual(policy['object-src'], ["'none'"]);
  assert.deepEqual(policy['base-uri'], ["'none'"]);
  assert.deepEqual(policy['form-action'], ["'none'"]);
  for (const source of Object.values(policy).flat()) {
    assert.ok(!/^'unsafe-(inline|eval|hashes)'$|\*|^[a-z-]+:/.test(source), `no loose source: ${source}`);
  }
  // A <meta> policy governs only what follows it: above it stands nothing but Trunk's start-up
  // module, which imports the glue from this origin and starts the wasm.
  const scripts = [...before.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1, 'one script above the policy');
  assert.match(scripts[0][1].trim(), /^type="?module"?$/);
  assert.match(scripts[0][2], /^\s*import init,\s*\*\s*as bindings from\s*["']\.\/ie-lifecycle-[0-9a-f]+\.js["'];\s*const wasm\s*=\s*await init\(\{\s*module_or_path:\s*["'`]\.\/ie-lifecycle-[0-9a-f]+_bg\.wasm["'`]\s*\}\);/);
  assert.doesNotMatch(before, /<(link|img|iframe|object|embed|style|base)\b/i, 'nothing else above the policy');
});

test('the policy is in force: an inline script, an inline style and a foreign image added to the page are refused', async () => {
  const { page, context } = await openRecorded();
  await page.goto(`${env.server.url}#preset=happy-import`);
  await waitForApp(page);
  const outcome = await page.evaluate(async () => {
    const seen = new Promise((resolve) => {
      const got = new Set();
      document.addEventListener('securitypolicyviolation', (e) => {
        got.add(e.effectiveDirective);
        if (got.size === 3) resolve([...got].sort());
      });
    });
    const script = document.createElement('script');
    script.textContent = 'window.__ran = true;';
    document.body.append(script);
    const styled = document.createElement('p');
    styled.setAttribute('style', 'color: red');
    document.body.append(styled);
    const img = document.createElement('img');
    img.src = 'https://example.invalid/pixel.png';
    document.body.append(img);
    return { directives: await seen, ran: window.__ran === true, color: getComputedStyle(styled).color };
  });
  assert.deepEqual(outcome.directives, ['img-src', 'script-src-elem', 'style-src-attr']);
  assert.equal(outcome.ran, false, 'the inline script did not run');
  assert.notEqual(outcome.color, 'rgb(255, 0, 0)', 'the inline style did not apply');
  await context.close();
});

test('no CSP violation, console error or foreign request across the journeys', async () => {
  const { page, context, errors, foreign, violations } = await openRecorded();

  // The default story; the language switch; the rules panel.
  await page.goto(env.server.url);
  await waitForApp(page);
  await page.locator('.header-tools select').selectOption('nl');
  await page.waitForFunction(() => document.documentElement.lang === 'nl');
  await page.locator('.header-tools select').selectOption('en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.locator('details.rules-fold > summary').click(); // the rules are folded away
  await page.getByTestId('rule-set').selectOption('2018');
  await page.getByTestId('rule-set').selectOption('2021');

  // A #preset= link: play, pause, step, go to a date (a form), select a job and act on it.
  await page.goto(`${env.server.url}#preset=abandoned`);
  await page.reload();
  await waitForApp(page);
  await waitForJobStatus(page, 'forgotten', 'Creating');
  await page.getByTestId('speed').selectOption('1d');
  await page.getByTestId('play').click();
  await waitForClockChange(page, '2026-01-05 09:00 UTC');
  await page.getByTestId('play').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=play]')?.getAttribute('aria-pressed') === 'false');
  let before = await clockText(page);
  await page.getByTestId('next-event').click();
  await waitForClockChange(page, before);
  before = await clockText(page);
  await page.evaluate(() => window.scrollTo(0, 0)); // "Go to" is in the full clock bar, not the compact one
  await page.getByTestId('go-to').fill('2026-01-06 10:00');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await waitForClockChange(page, before);
  await selectJob(page, 'forgotten');
  await page.getByTestId('tracking-number').fill('4711');
  await page.getByTestId('enter-tracking').click();
  await waitForJobStatus(page, 'forgotten', 'Shipping');

  // The timeline: zoom, pan, a lane's drives; the scrubber; deleted jobs shown.
  await page.getByRole('figure', { name: 'Timeline' }).waitFor();
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  await page.getByRole('button', { name: 'Later ▶' }).click();
  await page.getByRole('button', { name: 'Whole span', exact: true }).click();
  await page.locator('[data-job="forgotten"] [data-select]').click();
  await page.getByTestId('scrubber').fill('0');
  await page.getByLabel('Show deleted jobs').check();

  // A new job from the form; a pasted scenario; a bad link.
  await page.locator('details.new-job-fold > summary').click();
  await page.getByTestId('new-name').fill('lab-csp');
  await page.getByTestId('new-account').fill('labstorage');
  await page.getByTestId('new-drive-id-0').fill('C1000001');
  await page.getByTestId('create-job').click();
  await waitForJobStatus(page, 'lab-csp', 'Creating');
  await page.locator('details:has([data-testid=scenario-json]) > summary').click();
  await page.getByTestId('scenario-json').fill('{"version": 1, "nonsense": true}');
  await page.getByTestId('load-json').click();
  await page.getByTestId('scenario-problems').waitFor();
  await page.goto(`${env.server.url}#preset=no-such-story`);
  await page.reload();
  await waitForApp(page);
  await page.getByTestId('bad-link').waitFor();

  await page.waitForLoadState('networkidle');
  assert.deepEqual(violations, [], 'CSP violations');
  assert.deepEqual(errors, [], 'console and page errors');
  assert.deepEqual(foreign, [], 'requests to other origins');
  await context.close();
});
