// Quiz mode (issue 11): a keyboard-only round on happy-import with a right and a wrong answer,
// and a question about a drive where a step moves only the drive.
// The clock stops one second before each step; the answer and its rule come from the engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useServedApp } from './lib/setup.mjs';
import { openPage, OUTPUT } from './lib/browser.mjs';
import { clockText, driveStates, jobStatus, selectJob, waitForApp } from './lib/app.mjs';

const env = useServedApp();

test('a keyboard-only quiz round: the clock stops before each step, number keys answer, Enter asks again', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  await page.goto(`${env.server.url}#preset=happy-import`);
  await waitForApp(page);
  await page.keyboard.press('q');
  const question = page.getByTestId('quiz-question');
  await question.getByText('What will the status of lab-a be after EnterTracking', { exact: false }).waitFor();
  assert.match(await question.innerText(), /Now: Creating\.$/);
  assert.equal(await jobStatus(page, 'lab-a'), 'Creating', 'stopped before the step');
  assert.equal(await page.getByTestId('play').getAttribute('aria-pressed'), 'false');
  await page.keyboard.press('2'); // 1 Creating, 2 Shipping, …
  const verdict = page.getByTestId('quiz-verdict');
  await verdict.getByText('Right: it becomes Shipping.').waitFor();
  assert.equal(await jobStatus(page, 'lab-a'), 'Shipping', 'the clock went to the step');
  assert.equal(await page.getByTestId('quiz-score').innerText(), '1 of 1 right');
  // The rule that decided, with its one-line explanation (the engine's rule, the app's words).
  assert.match(await page.locator('.quiz').innerText(), /R3 entering the carrier and tracking number moves the job to Shipping/);
  await page.keyboard.press('Enter');
  await question.getByText('What will the status of lab-a be after', { exact: false }).waitFor();
  assert.match(await question.innerText(), /Now: Shipping\.$/);
  await page.keyboard.press('1');
  await verdict.getByText('Not quite: it becomes Received, not Creating.').waitFor();
  assert.equal(await page.getByTestId('quiz-score').innerText(), '1 of 2 right');
  assert.match(await clockText(page), /2026-01/);
  await page.locator('.quiz').screenshot({ path: path.join(OUTPUT, 'quiz-wrong-answer.png') });
  // Enter on another control presses that control, not "Next question".
  const rules = page.locator('details.rules-fold');
  await rules.locator('summary').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('details.rules-fold').open);
  assert.equal(await page.getByTestId('quiz-verdict').count(), 1, 'the answer still shows: no new question');
  await page.locator('h1').click();
  await page.keyboard.press('Enter');
  await question.waitFor();
  // Keys behind the open shortcut sheet do not answer.
  await page.keyboard.press('?');
  await page.locator('dialog[open]').waitFor();
  await page.keyboard.press('3');
  await page.keyboard.press('Escape');
  await page.locator('dialog[open]').waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('quiz-verdict').count(), 0, 'no answer given behind the sheet');
  // Typing in a field never answers (real key presses).
  await page.getByRole('searchbox').first().pressSequentially('3q');
  assert.equal(await page.getByTestId('quiz-verdict').count(), 0);
  assert.equal(await page.getByTestId('quiz-toggle').getAttribute('aria-pressed'), 'true');
  await page.locator('h1').click();
  await page.keyboard.press('q');
  await question.waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('quiz-toggle').getAttribute('aria-pressed'), 'false');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a step that moves only a drive asks about the drive, with the drive states as choices', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.origin);
  await page.goto(`${env.server.url}#preset=never-arrives`);
  await waitForApp(page);
  await page.keyboard.press('q');
  const question = page.getByTestId('quiz-question');
  await question.getByText('What will the status of lost-parcel be after', { exact: false }).waitFor();
  await page.keyboard.press('2'); // Shipping
  await page.getByTestId('quiz-verdict').getByText('Right: it becomes Shipping.').waitFor();
  await page.keyboard.press('Enter');
  await question.getByText('What will the state of drive C1000001 of lost-parcel be after', { exact: false }).waitFor();
  assert.match(await question.innerText(), /Now: Specified\.$/);
  const choices = await page.locator('.quiz-choice').allInnerTexts();
  assert.deepEqual(choices.map((c) => c.replace(/^\d\s*/, '')), [
    'Specified', 'Received', 'NeverReceived', 'Transferring', 'Completed', 'CompletedMoreInfo', 'ShippedBack',
  ]);
  await page.keyboard.press('3');
  await page.getByTestId('quiz-verdict').getByText('Right: it becomes NeverReceived.').waitFor();
  // The clock went to the step: the job is still Shipping, its drive NeverReceived.
  assert.match(await jobStatus(page, 'lost-parcel'), /^Shipping overdue/);
  await selectJob(page, 'lost-parcel');
  assert.equal((await driveStates(page)).C1000001, 'NeverReceived');
  await page.locator('.quiz').screenshot({ path: path.join(OUTPUT, 'quiz-drive-question.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
