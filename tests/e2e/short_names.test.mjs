// scripts/short-names.mjs (run by scripts/bindgen/wasm-bindgen in the release build): the wasm
// and its glue are renamed alike, so the glue still instantiates the wasm, and a glue that does
// not name an import exactly once stops the build with both files untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST } from './lib/server.mjs';

const SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scripts/short-names.mjs');
const ALERT = '__wbg_alert_0123456789abcdef';
const LOG = '__wbg_log_fedcba9876543210';
const INVOKE = 'wasm_bindgen__convert__closures_____invoke_____true_';

const bytes = (text) => [text.length, ...Buffer.from(text)];
const section = (id, body) => [id, body.length, ...body];

/** Two imported functions; an export that calls the second import, one the glue never names
 * and `__wbindgen_malloc` (the browser tests call it: it keeps its name). */
function tinyWasm() {
  return Buffer.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 0, 0]),
    ...section(2, [2, ...bytes('./x_bg.js'), ...bytes(ALERT), 0, 0, ...bytes('./x_bg.js'), ...bytes(LOG), 0, 0]),
    ...section(3, [1, 0]),
    ...section(7, [3, ...bytes(INVOKE), 0, 2, ...bytes('memo'), 0, 2, ...bytes('__wbindgen_malloc'), 0, 2]),
    ...section(10, [1, 4, 0, 0x10, 1, 0x0b]),
  ]);
}

const GLUE = `const import0 = { __proto__: null, ${ALERT}: function() { calls.push('alert'); }, ${LOG}: function() { calls.push('log'); } };
const imports = { "./x_bg.js": import0 };
const run = (wasm) => wasm.${INVOKE}();
const malloc = (wasm) => wasm.__wbindgen_malloc;
return { imports, run };`;

async function withFiles(glue, body) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ie-names-'));
  try {
    const wasmPath = path.join(dir, 'x_bg.wasm');
    const jsPath = path.join(dir, 'x.js');
    await writeFile(wasmPath, tinyWasm());
    await writeFile(jsPath, glue);
    await body(wasmPath, jsPath);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const rename = (wasmPath, jsPath) => promisify(execFile)(process.execPath, [SCRIPT, wasmPath, jsPath]);

test('the renamed glue instantiates the renamed wasm and calls through the renamed export', async () => {
  await withFiles(GLUE, async (wasmPath, jsPath) => {
    await rename(wasmPath, jsPath);
    const js = await readFile(jsPath, 'utf8');
    assert.doesNotMatch(js, /__wbg_|x_bg\.js|wasm_bindgen__/, 'no long name is left in the glue');
    const module = new WebAssembly.Module(await readFile(wasmPath));
    assert.deepEqual(WebAssembly.Module.imports(module).map((i) => `${i.module}.${i.name}`), ['a.a', 'a.b']);
    assert.deepEqual(
      WebAssembly.Module.exports(module).map((e) => e.name),
      ['_a', '__wbindgen_malloc'],
      'the export the glue never names is gone; __wbindgen_malloc keeps its name',
    );
    const calls = [];
    const { imports, run } = new Function('calls', js)(calls);
    run(new WebAssembly.Instance(module, imports).exports);
    assert.deepEqual(calls, ['log']);
  });
});

test('a glue that names an import twice stops the rename and leaves both files as they were', async () => {
  const glue = `${GLUE}\n// ${LOG}`;
  await withFiles(glue, async (wasmPath, jsPath) => {
    await assert.rejects(rename(wasmPath, jsPath), (error) => {
      assert.match(error.stderr, new RegExp(`names the import ${LOG} 2 times`));
      return true;
    });
    assert.deepEqual(await readFile(wasmPath), tinyWasm());
    assert.equal(await readFile(jsPath, 'utf8'), glue);
  });
});

test('the release build in dist/ carries no hashed import name', async () => {
  const glue = (await readdir(DIST)).find((f) => /^ie-lifecycle-[0-9a-f]+\.js$/.test(f));
  assert.ok(glue, 'dist/ has the glue');
  const js = await readFile(path.join(DIST, glue), 'utf8');
  assert.doesNotMatch(js, /__wbg_[A-Za-z0-9_]*_[0-9a-f]{16}\b/);
});
