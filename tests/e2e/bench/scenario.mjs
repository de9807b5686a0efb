// Scenarios the benchmarks generate (shared by frames.mjs and baseline.mjs).

/** The JSON text of a scenario of `n` import jobs created over 30 days, autopilot on. */
export function generatedJson(n) {
  const start = Date.parse('2026-01-05T09:00:00Z');
  const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
  const jobs = [];
  const events = [];
  for (let i = 0; i < n; i++) {
    const created = start + Math.floor((i * 30 * 86400000) / n);
    const name = `job-${String(i).padStart(4, '0')}`;
    const id = `G${String(i).padStart(7, '0')}`;
    jobs.push({ name, type: 'Import', storageAccount: 'benchstore', createdAt: iso(created), drives: [{ id, sizeGiB: 500 }] });
    if (i % 10 !== 0) events.push({ at: iso(created + 86400000), kind: 'EnterTracking', job: name, carrier: 'DHL', tracking: String(i) });
  }
  events.sort((a, b) => a.at.localeCompare(b.at));
  return JSON.stringify({ version: 1, title: `Generated ${n}`, start: iso(start), seed: 3, jobs, events });
}

/** The generated scenario's start, as the app's links write times. */
export const GENERATED_START = '2026-01-05T09:00:00Z';

/** A scenario of `n` import jobs created over 30 days, autopilot on, as a #scenario= hash. */
export function generated(n) {
  return `#scenario=${Buffer.from(generatedJson(n)).toString('base64url')}`;
}
