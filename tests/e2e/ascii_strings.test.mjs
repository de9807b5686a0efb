// scripts/ascii-strings.mjs (run by scripts/bindgen/wasm-bindgen in the release build): the
// glue's string reader gets a loop for short ASCII strings, and reads every string as before,
// short or long, ASCII or not; a glue without the expected reader stops the build untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST } from './lib/server.mjs';

const SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scripts/ascii-strings.mjs');

/** wasm-bindgen's string reader and what it calls, as it writes them. */
const GLUE = `let cachedUint8ArrayMemory0 = null;
function getUint8ArrayMemory0() { return cachedUint8ArrayMemory0; }
let cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
let decoded = 0;
function decodeText(bytes) { decoded += 1; return cachedTextDecoder.decode(bytes); }
function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}
`;

async function patched(glue) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ie-ascii-'));
  try {
    const file = path.join(dir, 'x.js');
    await writeFile(file, glue);
    const run = await promisify(execFile)(process.execPath, [SCRIPT, file]).then(() => null, (e) => e);
    return { run, js: await readFile(file, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('short ASCII strings skip the decoder; longer or non-ASCII ones are decoded; all read the same', async () => {
  const { run, js } = await patched(GLUE);
  assert.equal(run, null);
  const read = new Function(`${js}
    return (bytes, at) => {
      const mem = new Uint8Array(at + bytes.length + 8);
      mem.set(bytes, at);
      cachedUint8ArrayMemory0 = mem;
      const before = decoded;
      return [getStringFromWasm0(at, bytes.length), decoded - before];
    };`)();
  const cases = [
    ['', 0], ['R2', 0], ['translate(0 32)', 0], ['x'.repeat(63), 0],
    ['x'.repeat(64), 1], ['Creating → Canceled', 1], ['é', 1], ['job-ü', 1], ['🚚', 1],
  ];
  for (const [text, decodes] of cases) {
    const bytes = Buffer.from(text, 'utf8');
    assert.deepEqual(read(bytes, 5), [text, decodes], JSON.stringify(text));
  }
});

test('a glue without the expected string reader stops the build, the file untouched', async () => {
  const changed = GLUE.replace('ptr = ptr >>> 0;', 'ptr >>>= 0;');
  const { run, js } = await patched(changed);
  assert.ok(run, 'the script failed');
  assert.match(run.stderr, /string reader 0 times/);
  assert.equal(js, changed);
});

test('the built glue carries the fast path', async () => {
  const file = (await readdir(DIST)).find((f) => f.endsWith('.js'));
  assert.ok(file, 'dist/ has the glue');
  assert.match(await readFile(path.join(DIST, file), 'utf8'), /String\.fromCharCode/);
});
