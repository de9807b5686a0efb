// scripts/short-locals.mjs (run by scripts/bindgen/wasm-bindgen in the release build, last): the
// names the glue declares at its top level get short `$` names wherever they stand as names in
// code, and nowhere else (properties, strings, comments); `__wbg_init` keeps its name; a glue
// that already uses `$` names stops the build with the file untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST } from './lib/server.mjs';
import { rewritten } from './lib/glue.mjs';

const SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scripts/short-locals.mjs');

/** A glue in wasm-bindgen's shape: top-level helpers, a property and strings with their names. */
const GLUE = String.raw`function isLikeNone(x) {
    return x === undefined || x === null;
}

let cachedCount = 0;
const WASM_TEXT = 'application/wasm';

let wasmModule, wasm;
function getStringFromWasm0(ptr, len) {
    // getStringFromWasm0 reads "wasm" memory
    /* isLikeNone too */
    cachedCount += 1;
    return ${'`'}${'$'}{ptr}:${'$'}{len}:${'$'}{cachedCount} wasm isLikeNone${'`'};
}

async function __wbg_init(module_or_path) {
    wasm = { isLikeNone: "isLikeNone", wasm: 1 };
    wasmModule = wasm.isLikeNone;
    return [isLikeNone(null), getStringFromWasm0(1, 2), getStringFromWasm0(3, 4), WASM_TEXT, wasm.wasm, wasmModule, 'it\'s wasm'];
}

export { __wbg_init as default };
`;

const shortened = (glue) => rewritten(SCRIPT, glue);

/** What the glue's `__wbg_init` gives back, run as a module. */
async function run(glue) {
  const module = await import(`data:text/javascript;base64,${Buffer.from(glue).toString('base64')}`);
  return module.default();
}

test('top-level names get short names in code only, and the glue does the same', async () => {
  const { code, js } = await shortened(GLUE);
  assert.equal(code, 0);
  assert.doesNotMatch(js, /function isLikeNone|function getStringFromWasm0|let cachedCount|WASM_TEXT =|let wasmModule/);
  assert.match(js, /async function __wbg_init\(module_or_path\)/);
  assert.match(js, /export \{ __wbg_init as default \};/);
  // Strings, comments, properties and object keys keep the old names.
  assert.match(js, /'application\/wasm'/);
  assert.match(js, /\/\/ getStringFromWasm0 reads "wasm" memory/);
  assert.match(js, /\{ isLikeNone: "isLikeNone", wasm: 1 \}/);
  assert.match(js, /\.isLikeNone;/);
  assert.match(js, /\.wasm, /);
  assert.match(js, / wasm isLikeNone`/);
  assert.deepEqual(await run(js), await run(GLUE));
});

test('a glue that already uses a $ name stops it and stays as it was', async () => {
  const changed = GLUE.replace('let cachedCount = 0;', 'let $a = 0;');
  const { code, stderr, js } = await shortened(changed);
  assert.equal(code, 1);
  assert.match(stderr, /already uses a \$ name/);
  assert.equal(js, changed);
});

test('a name standing as a shorthand property stops it and leaves the file as it was', async () => {
  const changed = GLUE.replace('wasm: 1 }', 'wasm: 1, isLikeNone }');
  const { code, stderr, js } = await shortened(changed);
  assert.equal(code, 1);
  assert.match(stderr, /isLikeNone stands as a shorthand property/);
  assert.equal(js, changed);
});

test('the release build in dist/ carries the short names', async () => {
  const glue = (await readdir(DIST)).find((f) => /^ie-lifecycle-[0-9a-f]+\.js$/.test(f));
  assert.ok(glue, 'dist/ has the glue');
  const js = await readFile(path.join(DIST, glue), 'utf8');
  assert.doesNotMatch(js, /getStringFromWasm0|passStringToWasm0|isLikeNone|handleError|cachedDataViewMemory0/);
  assert.match(js, /async function __wbg_init\(/);
});
