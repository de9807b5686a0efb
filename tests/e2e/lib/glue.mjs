// Runs one of the scripts that rewrite wasm-bindgen's glue (scripts/*.mjs) on a glue text of a
// test's own, in a directory of its own: what the test needs to know is the script's exit code,
// what it said and the file it left.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export async function rewritten(script, glue) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ie-glue-'));
  const file = path.join(dir, 'app.js');
  try {
    await writeFile(file, glue);
    const run = await promisify(execFile)(process.execPath, [script, file]).catch((error) => error);
    return { code: run.code ?? 0, stderr: run.stderr, js: await readFile(file, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
