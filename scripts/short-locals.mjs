// Gives the names wasm-bindgen's glue declares at its top level (`getStringFromWasm0`,
// `passStringToWasm0`, `cachedDataViewMemory0`, `isLikeNone`, `handleError`…) names of two or
// three characters. Trunk's minifier shortens the names inside functions but keeps the module's
// own, and those are read at almost every import: about 230 bytes gzip of glue every visitor
// downloads (README, Performance). `__wbg_init` keeps its name: it is the module's export and
// the single file (scripts/single-file.mjs) calls it by name.
//
// Run by scripts/bindgen/wasm-bindgen last, after scripts/ascii-strings.mjs (which finds the
// string reader by its name), so Trunk minifies, hashes and checks the result.
// Usage: node scripts/short-locals.mjs <out>.js
// A name is renamed where it stands as a name in code: not after a `.` (a property), not inside a
// string or a comment, and inside a template literal only in its `${…}` parts. Fails (exit 1, file
// untouched) when the glue already uses a `$` name (the new names could clash), when a template
// literal's `${…}` holds more than plain code (the scanner would not see its names), or when a
// name stands as a shorthand property. An object literal's key (`{ name: … }`) stays.
import { readFileSync, writeFileSync } from 'node:fs';

const [jsPath] = process.argv.slice(2);
if (!jsPath) fail('usage: short-locals.mjs <file>.js');

function fail(message) {
  console.error(`short-locals: ${message}`);
  process.exit(1);
}

/** The names the export and the single file call: never renamed. */
const KEEP = new Set(['__wbg_init']);

const js = readFileSync(jsPath, 'utf8');

/** The glue cut into code and non-code (strings, comments, templates) parts, in order. */
function parts(text) {
  const out = [];
  let code = '';
  let i = 0;
  const flush = () => {
    if (code) out.push({ code: true, text: code });
    code = '';
  };
  while (i < text.length) {
    const c = text[i];
    let end = -1;
    if (c === "'" || c === '"' || c === '`') {
      end = i + 1;
      while (end < text.length && text[end] !== c) end += text[end] === '\\' ? 2 : 1;
      end += 1;
    } else if (c === '/' && text[i + 1] === '/') {
      end = text.indexOf('\n', i);
      if (end < 0) end = text.length;
    } else if (c === '/' && text[i + 1] === '*') {
      end = text.indexOf('*/', i) + 2;
      if (end < 2) fail('an unclosed comment');
    }
    if (end < 0) {
      code += c;
      i += 1;
      continue;
    }
    if (end > text.length) fail(`an unclosed string at ${i}`);
    flush();
    out.push({ code: false, text: text.slice(i, end) });
    i = end;
  }
  flush();
  return out;
}

/** Top-level declarations: `function x(`, `async function x(`, `let x`, `const x`, `let a, b, c;`. */
function declared(text) {
  const names = [];
  for (const m of text.matchAll(/^(?:async )?function ([A-Za-z_][\w]*)\(/gm)) names.push(m[1]);
  for (const m of text.matchAll(/^(?:let|const|var) ([A-Za-z_]\w*(?:, [A-Za-z_]\w*)*)\s*[=;]/gm)) {
    names.push(...m[1].split(', '));
  }
  return [...new Set(names)].filter((name) => !KEEP.has(name));
}

if (/\$[A-Za-z0-9_]/.test(js.replace(/\$\{/g, ''))) fail(`${jsPath} already uses a $ name`);
const names = declared(js);
// Each its own short name, in the order declared: $a … $z, then $aa …
const shortName = (n) => `$${n >= 26 ? String.fromCharCode(97 + Math.floor(n / 26) - 1) : ''}${String.fromCharCode(97 + (n % 26))}`;
const map = new Map(names.map((name, n) => [name, shortName(n)]));
const anyName = new RegExp(`(?<![\\w$.])(${names.join('|')})(?![\\w$])`, 'g');
/**
 * `code` with each name renamed, except an object literal's key (`{ name: …`, `, name: …`), which
 * is a property. A shorthand property (`{ name }`, `{ name, …`, `…, name }`) would change the
 * object's key if renamed and its value if not: it stops the script.
 */
function rename(code) {
  return code.replace(anyName, (name, _, at) => {
    const before = code.slice(0, at).trimEnd().slice(-1);
    const after = code.slice(at + name.length).trimStart()[0];
    if ((before === '{' || before === ',') && after === ':') return name;
    if ((before === '{' && (after === ',' || after === '}')) || (before === ',' && after === '}')) {
      fail(`${name} stands as a shorthand property: ${code.slice(Math.max(0, at - 20), at + name.length + 20)}`);
    }
    return map.get(name);
  });
}

let out = '';
for (const part of parts(js)) {
  if (part.code) {
    out += rename(part.text);
  } else if (part.text.startsWith('`')) {
    // Only a template's `${…}` parts are code; they must be plain (no braces or strings inside).
    out += part.text.replace(/\$\{([^}]*)\}/g, (whole, inner) => {
      if (/[{'"`]/.test(inner)) fail(`a template literal holds ${whole}`);
      return `\${${rename(inner)}}`;
    });
  } else {
    out += part.text;
  }
}
writeFileSync(jsPath, out);
