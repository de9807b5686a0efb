// scripts/lean-loader.mjs (run by scripts/bindgen/wasm-bindgen in the release build): the
// loader keeps only the start-up both of the app's scripts use, and a loader it does not
// recognise stops the build with the file untouched. That the trimmed loader still starts the
// app from a server and from the single file is what every other browser test shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST } from './lib/server.mjs';
import { rewritten } from './lib/glue.mjs';

const SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scripts/lean-loader.mjs');

/** wasm-bindgen's loader as it writes it (0.2.x, `--target web`), the parts the script cuts. */
const LOADER = String.raw`const CLOSURE_DTORS = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(state => wasm._g(state.a, state.b));

let cachedDataViewMemory0 = null;
function getDataViewMemory0() {
    if (cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer.detached === true || (cachedDataViewMemory0.buffer.detached === undefined && cachedDataViewMemory0.buffer !== wasm.memory.buffer)) {
        cachedDataViewMemory0 = new DataView(wasm.memory.buffer);
    }
    return cachedDataViewMemory0;
}

function passStringToWasm0(arg, malloc, realloc) {
    if (realloc === undefined) {
        const buf = cachedTextEncoder.encode(arg);
        const ptr = malloc(buf.length, 1) >>> 0;
        getUint8ArrayMemory0().subarray(ptr, ptr + buf.length).set(buf);
        WASM_VECTOR_LEN = buf.length;
        return ptr;
    }

    let len = arg.length;
    return realloc(malloc(len, 1), len, len, 1);
}

const text = passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm._c);

const cachedTextEncoder = new TextEncoder();

if (!('encodeInto' in cachedTextEncoder)) {
    cachedTextEncoder.encodeInto = function (arg, view) {
        const buf = cachedTextEncoder.encode(arg);
        view.set(buf);
        return {
            read: arg.length,
            written: buf.length
        };
    };
}

let WASM_VECTOR_LEN = 0;

let wasmModule, wasmInstance, wasm;
function __wbg_finalize_init(instance, module) {
    wasmInstance = instance;
    wasm = instance.exports;
    wasmModule = module;
    wasm._i();
    return wasm;
}

async function __wbg_load(module, imports) {
    if (typeof Response === 'function' && module instanceof Response) {
        if (typeof WebAssembly.instantiateStreaming === 'function') {
            try {
                return await WebAssembly.instantiateStreaming(module, imports);
            } catch (e) {
                if (module.headers.get('Content-Type') !== 'application/wasm') {
                    console.warn("${'`'}WebAssembly.instantiateStreaming${'`'} failed because your server does not serve Wasm with ${'`'}application/wasm${'`'} MIME type. Falling back to ${'`'}WebAssembly.instantiate${'`'} which is slower. Original error:\n", e);

                } else { throw e; }
            }
        }

        const bytes = await module.arrayBuffer();
        return await WebAssembly.instantiate(bytes, imports);
    } else {
        const instance = await WebAssembly.instantiate(module, imports);

        if (instance instanceof WebAssembly.Instance) {
            return { instance, module };
        } else {
            return instance;
        }
    }
}

function initSync(module) {
    if (wasm !== undefined) return wasm;
    return __wbg_finalize_init(new WebAssembly.Instance(module, __wbg_get_imports()), module);
}

let __wbg_init_promise;
async function __wbg_init(module_or_path) {
    if (wasm !== undefined) return wasm;
    if (__wbg_init_promise === undefined) {
        __wbg_init_promise = __wbg_init_once(module_or_path);
        __wbg_init_promise.catch(() => { __wbg_init_promise = undefined; });
    }
    return __wbg_init_promise;
}

async function __wbg_init_once(module_or_path) {

    if (module_or_path !== undefined) {
        if (Object.getPrototypeOf(module_or_path) === Object.prototype) {
            ({module_or_path} = module_or_path)
        } else {
            console.warn('using deprecated parameters for the initialization function; pass a single object instead')
        }
    }

    if (module_or_path === undefined) {
        module_or_path = new URL('app_bg.wasm', import.meta.url);
    }
    const imports = __wbg_get_imports();

    if (typeof module_or_path === 'string' || (typeof Request === 'function' && module_or_path instanceof Request) || (typeof URL === 'function' && module_or_path instanceof URL)) {
        module_or_path = fetch(module_or_path);
    }
    return module_or_path;
}

export { initSync, __wbg_init as default };
`;

const trimmed = (glue) => rewritten(SCRIPT, glue);

test('the loader keeps the object argument, the fetch of a path and the fallback, and loses initSync and the second-call guard', async () => {
  const { code, js } = await trimmed(LOADER);
  assert.equal(code, 0);
  assert.doesNotMatch(js, /initSync|deprecated|Request|new URL|MIME|__wbg_init_once|__wbg_init_promise/);
  assert.doesNotMatch(js, /typeof (Response|FinalizationRegistry|WebAssembly)|detached|realloc === undefined|'encodeInto'|wasmModule|wasmInstance|WebAssembly\.Instance\b/);
  assert.match(js, /const CLOSURE_DTORS = new FinalizationRegistry\(state => /);
  assert.match(js, /if \(cachedDataViewMemory0 === null \|\| cachedDataViewMemory0\.buffer !== wasm\.memory\.buffer\) \{/);
  assert.match(js, /^let wasm;$/m);
  assert.match(js, /if \(module instanceof Response\) \{\s*try \{\s*return await WebAssembly\.instantiateStreaming\(module, imports\);/);
  assert.match(js, /\} else \{ throw e; \}\s*\}\s*const bytes = await module\.arrayBuffer\(\);/);
  assert.match(js, /\} else \{\s*return await WebAssembly\.instantiate\(module, imports\);\s*\}\n\}/);
  assert.match(js, /^async function __wbg_init\(module_or_path\) \{\n\s*\(\{ module_or_path \} = module_or_path\);/m);
  assert.match(js, /console\.warn\("wasm not served as application\/wasm, so not streamed:", e\);/);
  assert.match(js, /\(\{ module_or_path \} = module_or_path\);/);
  assert.match(js, /if \(typeof module_or_path === 'string'\) \{\s*module_or_path = fetch\(module_or_path\);/);
  assert.match(js, /export \{ __wbg_init as default \};/);
});

test('a loader the script does not recognise stops it and stays as it was', async () => {
  const changed = LOADER.replace("console.warn('using", "console.error('using");
  const { code, stderr, js } = await trimmed(changed);
  assert.equal(code, 1);
  assert.match(stderr, /the deprecated bare argument and the missing argument once .* found it 0 times/);
  assert.equal(js, changed);
});

test('a string writer called without realloc stops it and leaves the file as it was', async () => {
  const changed = LOADER.replace('wasm.__wbindgen_malloc, wasm._c)', 'wasm.__wbindgen_malloc)');
  const { code, stderr, js } = await trimmed(changed);
  assert.equal(code, 1);
  assert.match(stderr, /does not pass realloc/);
  assert.equal(js, changed);
});

test('the release build in dist/ carries the trimmed loader', async () => {
  const glue = (await readdir(DIST)).find((f) => /^ie-lifecycle-[0-9a-f]+\.js$/.test(f));
  assert.ok(glue, 'dist/ has the glue');
  const js = await readFile(path.join(DIST, glue), 'utf8');
  assert.doesNotMatch(js, /initSync|deprecated parameters|\bin cachedTextEncoder|wasmModule|wasmInstance|typeof (Response|FinalizationRegistry|WebAssembly)\b|\.detached\b/);
});
