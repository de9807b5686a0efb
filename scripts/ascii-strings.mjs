// Gives wasm-bindgen's glue a fast path for the short ASCII strings the wasm hands to the DOM
// (attribute names and values, class names, numbers, states): a loop over the bytes instead of
// a `TextDecoder.decode` call, whose fixed cost per call was most of the time the glue spent
// on a string. Anything longer, or holding a byte past ASCII, is decoded as before. At a jump in
// stress-10000 (thousands of attribute writes) this cut the page's script by about 16 %
// (README, Performance).
//
// Run by scripts/bindgen/wasm-bindgen after scripts/short-names.mjs, so Trunk minifies, hashes
// and checks the integrity of the result. Usage: node scripts/ascii-strings.mjs <out>.js
// Fails (exit 1, file untouched) when the glue's string reader is not the one expected: a
// newer wasm-bindgen may have changed it.
import { readFileSync, writeFileSync } from 'node:fs';

const [jsPath] = process.argv.slice(2);
if (!jsPath) fail('usage: ascii-strings.mjs <file>.js');

function fail(message) {
  console.error(`ascii-strings: ${message}`);
  process.exit(1);
}

const FROM = `function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}`;

const TO = `function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    const mem = getUint8ArrayMemory0();
    if (len < 64) {
        let s = '';
        for (let i = ptr; i < ptr + len; i++) {
            const c = mem[i];
            if (c > 127) return decodeText(mem.subarray(ptr, ptr + len));
            s += String.fromCharCode(c);
        }
        return s;
    }
    return decodeText(mem.subarray(ptr, ptr + len));
}`;

const js = readFileSync(jsPath, 'utf8');
const parts = js.split(FROM);
if (parts.length !== 2) fail(`the glue holds wasm-bindgen's string reader ${parts.length - 1} times, not once`);
writeFileSync(jsPath, parts.join(TO));
