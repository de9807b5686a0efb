#!/usr/bin/env node
// `make single-file`: turns the release dist/ into ONE self-contained .html that opens straight
// from disk (file://), for classrooms without a server: the CSS inlined in a <style>, the icon as
// a data: URL, the wasm as base64 in a data block, and the wasm-bindgen JS glue inlined in one
// module script that starts the app from those bytes. Its Content Security Policy allows exactly
// that style and that script by their sha256 hashes, WebAssembly compilation, the data: icon,
// and nothing else (no network at all).
//
//   node scripts/single-file.mjs [--dist dist] [--out dist-single/ie-lifecycle.html]
//
// Reads dist/index.html for the names of the hashed files, so run it after `trunk build --release`
// (`make single-file` does both). Node's standard library only.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? path.resolve(args[i + 1]) : path.join(root, fallback);
};
const dist = option('--dist', 'dist');
const out = option('--out', 'dist-single/ie-lifecycle.html');

function fail(message) {
  console.error(`single-file: ${message}`);
  process.exit(1);
}

let html;
try {
  html = readFileSync(path.join(dist, 'index.html'), 'utf8');
} catch {
  fail(`no ${path.relative(root, dist) || dist}/index.html: run \`make build\` (trunk build --release) first`);
}

/** The one capture of `re` in dist/index.html, or stop with what was looked for. */
function one(re, what) {
  const found = [...html.matchAll(re)].map((m) => m[1]);
  if (found.length !== 1) fail(`expected one ${what} in dist/index.html, found ${found.length}`);
  return found[0];
}
const read = (rel) => readFileSync(path.join(dist, rel));

// Trunk's start-up script: `import init … from './<glue>.js'; … init({ module_or_path: './<x>_bg.wasm' })`.
// A release build is minified (Trunk.toml), so quotes and spaces may be gone or changed.
const glueName = one(/import init[^;]*?from\s*["']\.\/([^"']+\.js)["']/g, 'JS glue import');
const wasmName = one(/module_or_path:\s*["'`]\.\/([^"'`]+\.wasm)["'`]/g, '.wasm');
/** The `href` of each `<link>` whose `rel` is `rel`, in order. */
const linked = (rel) =>
  [...html.matchAll(/<link\b([^>]*)>/g)]
    .map((m) => m[1])
    .filter((attrs) => new RegExp(`\\srel=["']?${rel}["'\\s]|\\srel=["']?${rel}$`).test(attrs))
    .map((attrs) => /\shref=["']?\.\/([^"'\s>]+)/.exec(attrs)?.[1])
    .filter(Boolean);
const cssNames = linked('stylesheet');
const icons = linked('icon');
if (icons.length !== 1) fail(`expected one icon in dist/index.html, found ${icons.length}`);
const iconName = icons[0];
if (cssNames.length === 0) fail('no stylesheet in dist/index.html');

const glue = read(glueName).toString('utf8');
// Inlined, the glue cannot import anything (wasm-bindgen snippets would be separate files).
if (/^\s*import\b/m.test(glue)) fail(`${glueName} imports other files; inlining it would break them`);
if (!glue.includes('async function __wbg_init(')) fail(`${glueName} has no __wbg_init: not wasm-bindgen's --target web glue?`);
const wasm = read(wasmName);
if (wasm.readUInt32BE(0) !== 0x0061736d) fail(`${wasmName} is not WebAssembly`);
const css = cssNames.map((name) => `/* ${name} */\n${read(name).toString('utf8').trim()}`).join('\n');
const icon = `data:image/svg+xml;base64,${read(iconName).toString('base64')}`;

// Text that would end its element early cannot be inlined as it is.
if (/<\/style/i.test(css)) fail('a stylesheet contains "</style"');
if (/<\/script|<!--/i.test(glue)) fail(`${glueName} contains "</script" or "<!--"`);

// The module: the glue as it is (its `export` line is harmless in a module script), then the
// start-up from the bytes in the data block. A data block (unknown type) never runs, so the
// policy needs no hash for it.
const boot = `
{
  const text = document.getElementById('app-wasm').textContent.trim();
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  await __wbg_init({ module_or_path: bytes });
}
`;
const script = `\n${glue}\n${boot}`;
const style = `\n${css}\n`;
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const policy = [
  "default-src 'none'",
  `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(style)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// The page itself is dist/index.html without Trunk's scripts, links, comments and policy.
let page = html
  .replace(/<!--[\s\S]*?-->/g, '')
  .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
  .replace(/<link\b[^>]*>/g, '')
  .replace(/<meta\b[^>]*Content-Security-Policy[^>]*>/g, '')
  .replace(/\n\s*\n/g, '\n');
const insert = (before, text) => {
  if (!page.includes(before)) fail(`dist/index.html has no ${before}`);
  page = page.replace(before, () => text + before); // a function: `$&` in the glue stays as it is
};
page = page.replace(/<meta charset="?utf-8"?\s*\/?>/, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
if (!page.includes('Content-Security-Policy')) fail('dist/index.html has no <meta charset=utf-8>');
insert('</head>', `  <link rel="icon" href="${icon}" />\n    <style>${style}</style>\n  `);
insert(
  '</body>',
  `  <script type="application/octet-stream" id="app-wasm">\n${wasm.toString('base64').replace(/.{1,100}/g, '$&\n')}</script>\n` +
    `    <script type="module">${script}</script>\n  `,
);

mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, page);
const size = Buffer.byteLength(page);
console.log(`${path.relative(process.cwd(), out) || out}: ${size.toLocaleString('en')} bytes, ${gzipSync(page, { level: 9 }).length.toLocaleString('en')} gzip`);
console.log(`  from ${path.relative(process.cwd(), dist) || '.'}/: ${glueName}, ${wasmName}, ${cssNames.length} stylesheets, ${iconName}`);
