// Trims wasm-bindgen's loader (the `--target web` glue) to what the app's two start-ups call.
// Trunk's script in dist/index.html runs `init({ module_or_path: './<x>_bg.wasm' })` and the
// single file (scripts/single-file.mjs) `__wbg_init({ module_or_path: bytes })`; neither calls
// `initSync`, passes the deprecated bare argument, leaves the argument out, or passes a
// `Request` or `URL`, and each calls it once. Those paths go, and a warning for developers is
// put in fewer words: about 300 bytes gzip of glue every visitor downloads (README,
// Performance). So do the stand-ins and tests for what every browser that can run this wasm
// has (`FinalizationRegistry`, `encodeInto`, `Response`, streaming instantiation), the string
// writer's path without `realloc`, and two variables only `initSync` read: 160 bytes more.
//
// Run by scripts/bindgen/wasm-bindgen after scripts/short-names.mjs.
// Usage: node scripts/lean-loader.mjs <out>.js
// Fails (exit 1, file untouched) when a piece is not found exactly once: a newer wasm-bindgen
// may have changed its loader, and a half-trimmed loader would not start the app.
import { readFileSync, writeFileSync } from 'node:fs';

const [jsPath] = process.argv.slice(2);
if (!jsPath) fail('usage: lean-loader.mjs <file>.js');

function fail(message) {
  console.error(`lean-loader: ${message}`);
  process.exit(1);
}

let js = readFileSync(jsPath, 'utf8');

/** [what it is, the loader's text (spaces free), what takes its place] */
const CUTS = [
  ['initSync', /function initSync\(module\) \{[\s\S]*?\n\}\n/g, ''],
  // Each start-up calls the loader once, so the guard against a second call (and a retry after
  // a failed one) goes: the loader itself takes its name.
  [
    'the guard against a second call',
    /let __wbg_init_promise;\s*async function __wbg_init\(module_or_path\) \{[\s\S]*?\n\}\s*async function __wbg_init_once\(module_or_path\) \{/g,
    'async function __wbg_init(module_or_path) {',
  ],
  ['the export of initSync', /export \{ initSync, __wbg_init as default \};/g, 'export { __wbg_init as default };'],
  [
    'the deprecated bare argument and the missing argument',
    /if \(module_or_path !== undefined\) \{\s*if \(Object\.getPrototypeOf\(module_or_path\) === Object\.prototype\) \{\s*\(\{module_or_path\} = module_or_path\)\s*\} else \{\s*console\.warn\([^)]*\)\s*\}\s*\}\s*if \(module_or_path === undefined\) \{\s*module_or_path = new URL\([^)]*\);\s*\}/g,
    '({ module_or_path } = module_or_path);',
  ],
  [
    // The fallback stays (a static server may send the wasm with another type); its warning
    // for developers says the same in fewer words.
    'the warning for a wasm served with another type',
    /console\.warn\("`WebAssembly\.instantiateStreaming` failed because your server does not serve Wasm with `application\/wasm` MIME type\. Falling back to `WebAssembly\.instantiate` which is slower\. Original error:\\n", e\);/g,
    'console.warn("wasm not served as application/wasm, so not streamed:", e);',
  ],
  [
    'the Request and URL arguments',
    /typeof module_or_path === 'string' \|\| \(typeof Request === 'function' && module_or_path instanceof Request\) \|\| \(typeof URL === 'function' && module_or_path instanceof URL\)/g,
    "typeof module_or_path === 'string'",
  ],
  // What follows is for browsers that cannot run this wasm anyway: it uses WebAssembly reference
  // types (its externref table), which came to each browser after `Response`,
  // `WebAssembly.instantiateStreaming`, `TextEncoder.encodeInto` and `FinalizationRegistry`.
  [
    'the stand-in for a missing FinalizationRegistry',
    /\(typeof FinalizationRegistry === 'undefined'\)\s*\? \{ register: \(\) => \{\}, unregister: \(\) => \{\} \}\s*: new FinalizationRegistry\(/g,
    'new FinalizationRegistry(',
  ],
  [
    'the stand-in for a missing TextEncoder.encodeInto',
    /if \(!\('encodeInto' in cachedTextEncoder\)\) \{\n[\s\S]*?\n\}\n/g,
    '',
  ],
  ['the test for a missing Response', /typeof Response === 'function' && module instanceof Response/g, 'module instanceof Response'],
  [
    'the test for a missing WebAssembly.instantiateStreaming',
    /if \(typeof WebAssembly\.instantiateStreaming === 'function'\) \{\n\s*(try \{[\s\S]*?\} else \{ throw e; \}\n\s*\}\n)\s*\}\n/g,
    '$1',
  ],
  // A memory's old buffer is detached exactly when the memory has a new one, so asking for the
  // new one says the same as `detached` where a browser has it, and as the test without it.
  [
    'the test of a detached buffer',
    /cachedDataViewMemory0\.buffer\.detached === true \|\| \(cachedDataViewMemory0\.buffer\.detached === undefined && cachedDataViewMemory0\.buffer !== wasm\.memory\.buffer\)/g,
    'cachedDataViewMemory0.buffer !== wasm.memory.buffer',
  ],
  // Every call of the string writer passes `realloc` (checked below), so its path without goes.
  ['the string writer without realloc', /\n    if \(realloc === undefined\) \{\n[\s\S]*?\n        return ptr;\n    \}\n/g, '\n'],
  // Neither start-up passes a compiled `WebAssembly.Module` (Trunk's passes a path, the single
  // file the bytes), so `WebAssembly.instantiate` always gives the instance and its module.
  [
    'the instance made from a compiled module',
    /const instance = await WebAssembly\.instantiate\(module, imports\);\s*if \(instance instanceof WebAssembly\.Instance\) \{\s*return \{ instance, module \};\s*\} else \{\s*return instance;\s*\}/g,
    'return await WebAssembly.instantiate(module, imports);',
  ],
  // Kept for `initSync` and never read by the rest.
  ['the unused module variables', /let wasmModule, wasmInstance, wasm;/g, 'let wasm;'],
  ['the write of wasmInstance', /\n\s*wasmInstance = instance;/g, ''],
  ['the write of wasmModule', /\n\s*wasmModule = module;/g, ''],
];

for (const call of js.match(/passStringToWasm0\([^()]*\)/g) ?? []) {
  if (call.split(',').length !== 3) fail(`${call} does not pass realloc`);
}

for (const [what, pattern, to] of CUTS) {
  const found = js.match(pattern)?.length ?? 0;
  if (found !== 1) fail(`expected ${what} once in ${jsPath}, found it ${found} times`);
  js = js.replace(pattern, to);
}
if (/\bwasm(Module|Instance)\b/.test(js)) fail(`${jsPath} still reads wasmModule or wasmInstance`);
writeFileSync(jsPath, js);
