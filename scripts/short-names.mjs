// Gives wasm-bindgen's imports, their module and the exports its glue calls one- or two-letter
// names, in the wasm and in its JS glue alike, and drops the exports the glue never names. wasm-bindgen names each import after the JS
// function plus a 16-digit hash (`__wbg_set_textContent_0177b2a6d9293c2c`), and the closure
// exports after the Rust types they call; each name is stored once in the wasm and once in the
// JS, where neither a minifier nor wasm-opt can touch it (they are the contract between the two
// files). Short names take about 2.3 KB gzip off the bundle (README, Performance); the
// exports' short names and the unnamed exports' removal, 279 more (204,785 -> 204,506).
//
// Run by scripts/bindgen/wasm-bindgen right after the real wasm-bindgen, so Trunk hashes,
// optimises, minifies and computes the integrity of the files this leaves behind.
// Usage: node scripts/short-names.mjs <out>_bg.wasm <out>.js
// Fails (exit 1, files untouched) when the glue does not mention a renamed name as expected:
// a newer wasm-bindgen may have changed its output, and a silent half-rename would break the app.
import { readFileSync, writeFileSync } from 'node:fs';

const [wasmPath, jsPath] = process.argv.slice(2);
if (!wasmPath || !jsPath) fail('usage: short-names.mjs <file>_bg.wasm <file>.js');

function fail(message) {
  console.error(`short-names: ${message}`);
  process.exit(1);
}

const wasm = readFileSync(wasmPath);
let js = readFileSync(jsPath, 'utf8');

function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function u32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

function name(bytes, at) {
  const [length, start] = readU32(bytes, at);
  return [bytes.subarray(start, start + length).toString('utf8'), start + length];
}

const encodeName = (text) => {
  const raw = Buffer.from(text, 'utf8');
  return Buffer.concat([u32(raw.length), raw]);
};

/** a, b, …, z, A, …, Z, then aa, ab, …: the shortest names first. */
function shortName(index) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let out = '';
  let n = index;
  do {
    out = letters[n % 52] + out;
    n = Math.floor(n / 52) - 1;
  } while (n >= 0);
  return out;
}

/** Where an import's description ends (its kind byte is at `at`). */
function skipImportDesc(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = readU32(bytes, p);
    if (flags & 1) [, p] = readU32(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: // function: type index
    case 4: // tag: attribute, type index
      if (kind === 4) at++;
      return readU32(bytes, at)[1];
    case 1: // table: reference type, limits
      return limits(at + 1);
    case 2: // memory: limits
      return limits(at);
    case 3: // global: value type, mutability
      return at + 2;
    default:
      fail(`import of unknown kind ${kind}`);
  }
}

/** Exports that keep their names (see the export section below). */
const KEPT = new Set(['memory', '__wbindgen_malloc']);
const moduleRenames = new Map();
const importRenames = new Map();
const exportRenames = new Map();
const sections = [];
let at = 8;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, start] = readU32(wasm, at + 1);
  const end = start + size;
  if (id === 2) {
    let [count, p] = readU32(wasm, start);
    const parts = [u32(count)];
    let module;
    for (let i = 0; i < count; i++) {
      let field;
      [module, p] = name(wasm, p);
      [field, p] = name(wasm, p);
      const descEnd = skipImportDesc(wasm, p);
      const short = shortName(i);
      importRenames.set(field, short);
      if (!moduleRenames.has(module)) moduleRenames.set(module, shortName(moduleRenames.size));
      parts.push(encodeName(moduleRenames.get(module)), encodeName(short), wasm.subarray(p, descEnd));
      p = descEnd;
    }
    if (p !== end) fail('the import section did not parse to its end');
    sections.push(Buffer.from([id]), u32(Buffer.concat(parts).length), ...parts);
  } else if (id === 7) {
    let [count, p] = readU32(wasm, start);
    const parts = [];
    let next = 0;
    for (let i = 0; i < count; i++) {
      let field;
      [field, p] = name(wasm, p);
      const kind = wasm[p];
      const [, descEnd] = readU32(wasm, p + 1);
      // An export the glue never names is called by nothing (`main`, which `__wbindgen_start`
      // runs; the split marker and abort globals; `__wbindgen_free`): it goes, and wasm-opt
      // may drop what only it kept.
      if (!KEPT.has(field) && !wordIn(js, field)) {
        p = descEnd;
        continue;
      }
      // Every export the glue calls by name gets a short one, but `memory` (already short)
      // and `__wbindgen_malloc`, which the browser tests call from the page
      // (tests/e2e/trust.test.mjs): wasm-bindgen's own exports (`__wbindgen_externrefs`,
      // `__wbindgen_realloc`...) and the long closure names alike.
      let shown = field;
      if (!KEPT.has(field) && /^[A-Za-z0-9_$]+$/.test(field) && js.includes(`wasm.${field}`)) {
        shown = `_${shortName(next++)}`;
        exportRenames.set(field, shown);
      }
      parts.push(encodeName(shown), Buffer.from([kind]), wasm.subarray(p + 1, descEnd));
      p = descEnd;
    }
    if (p !== end) fail('the export section did not parse to its end');
    parts.unshift(u32(parts.length / 3));
    sections.push(Buffer.from([id]), u32(Buffer.concat(parts).length), ...parts);
  } else {
    sections.push(wasm.subarray(at, end));
  }
  at = end;
}
if (importRenames.size === 0) fail(`${wasmPath} has no imports: not wasm-bindgen's output?`);

/** Whether `word` stands in `text` as a whole identifier. */
function wordIn(text, word) {
  return new RegExp(`(?<![A-Za-z0-9_$])${word.replace(/\$/g, '\\$')}(?![A-Za-z0-9_$])`).test(text);
}

/** Replaces `from` where it stands as a whole identifier, and says how often. */
function replaceWord(text, from, to) {
  const pattern = new RegExp(`(?<![A-Za-z0-9_$])${from.replace(/\$/g, '\\$')}(?![A-Za-z0-9_$])`, 'g');
  let count = 0;
  const out = text.replace(pattern, () => {
    count++;
    return to;
  });
  return [out, count];
}

for (const [from, to] of importRenames) {
  let count;
  [js, count] = replaceWord(js, from, to);
  if (count !== 1) fail(`the glue names the import ${from} ${count} times, not once`);
}
for (const [from, to] of moduleRenames) {
  const parts = js.split(`"${from}"`);
  if (parts.length !== 2) fail(`the glue names the import module "${from}" ${parts.length - 1} times, not once`);
  js = parts.join(`"${to}"`);
}
for (const [from, to] of exportRenames) {
  let count;
  [js, count] = replaceWord(js, from, to);
  if (count === 0) fail(`the glue never names the export ${from}`);
}

writeFileSync(wasmPath, Buffer.concat([wasm.subarray(0, 8), ...sections]));
writeFileSync(jsPath, js);
console.error(`short-names: ${importRenames.size} imports and ${exportRenames.size} exports renamed`);
