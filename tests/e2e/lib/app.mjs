// Page helpers that speak the page's contract: the "Jobs" and "Drives" tables, their Name,
// Status and State cells, and the clock.

/** The Status cell text of a job's row in the Jobs table, or null if the row is absent. */
export async function jobStatus(page, name) {
  return page.evaluate((name) => {
    const table = [...document.querySelectorAll('table')].find((t) => t.getAttribute('aria-label') === 'Jobs');
    if (!table) return null;
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim().replace(/[▲▼]/g, '').trim());
    const statusCol = headers.indexOf('Status');
    const nameCol = headers.indexOf('Name');
    for (const row of table.querySelectorAll('tbody tr')) {
      const cells = row.querySelectorAll('td');
      if (cells[nameCol]?.textContent.trim() === name) return cells[statusCol].textContent.trim();
    }
    return null;
  }, name);
}

/** Waits until the job's Status cell starts with `state` (null: until the row is gone). */
export async function waitForJobStatus(page, name, state, timeout = 20000) {
  await page.waitForFunction(
    ([name, state]) => {
      const table = [...document.querySelectorAll('table')].find((t) => t.getAttribute('aria-label') === 'Jobs');
      if (!table) return false;
      const row = [...table.querySelectorAll('tbody tr')].find((r) => r.querySelector('td')?.textContent.trim() === name);
      if (state === null) return !row;
      return !!row && row.querySelectorAll('td')[2].textContent.trim().startsWith(state);
    },
    [name, state],
    { timeout },
  );
}

/** Records every distinct Status the job's row shows, from now on, in order. */
export async function recordStatuses(page, name) {
  await page.evaluate((name) => {
    window.__seen = [];
    const read = () => {
      const table = [...document.querySelectorAll('table')].find((t) => t.getAttribute('aria-label') === 'Jobs');
      const row = table && [...table.querySelectorAll('tbody tr')].find((r) => r.querySelector('td')?.textContent.trim() === name);
      const status = row ? row.querySelectorAll('td')[2].textContent.trim().split(/\s/)[0] : 'absent';
      if (window.__seen[window.__seen.length - 1] !== status) window.__seen.push(status);
    };
    read();
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, name);
  return () => page.evaluate(() => window.__seen);
}

export async function clockText(page) {
  return (await page.getByTestId('clock').innerText()).trim();
}

/** Waits for the clock to read something other than `before`. */
export async function waitForClockChange(page, before) {
  await page.waitForFunction((before) => document.querySelector('[data-testid=clock]')?.textContent.trim() !== before, before);
}

export async function selectJob(page, name) {
  await page.getByRole('table', { name: 'Jobs' }).getByRole('button', { name, exact: true }).click();
}

/** Drive states in the Drives table, as { id: state } (extra drives read "Extra"). */
export async function driveStates(page) {
  return page.evaluate(() => {
    const table = [...document.querySelectorAll('table')].find((t) => t.getAttribute('aria-label') === 'Drives');
    if (!table) return null;
    const out = {};
    for (const row of table.querySelectorAll('tbody tr[data-drive]')) {
      out[row.querySelector('th').textContent.trim()] = row.querySelector('td').textContent.trim().split(/\s/)[0];
    }
    return out;
  });
}

export async function waitForApp(page) {
  await page.getByRole('table', { name: 'Jobs' }).waitFor();
}
