#!/usr/bin/env node
// Checks that dist/ holds the release bundle partners upload, not a debug build left behind
// by another target (the serve check builds into target/serve-dist for that reason), with a
// FILE.br and FILE.gz beside every text and wasm file that decompress to FILE's bytes (a stale
// copy would serve an older widget to every browser that accepts brotli).
//   node scripts/dist-check.mjs [dir]
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import assert from "node:assert/strict";
import { compressibleFiles } from "./precompress.mjs";

const dir = process.argv[2] ?? "dist";
const wasm = readFileSync(join(dir, "news-widget-app_bg.wasm"));

// Custom sections a debug build carries and the release build (wasm-opt --strip-*) drops.
function customSections(bytes) {
  const names = [];
  let at = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[at++];
      value |= (byte & 0x7f) << shift;
      if (!(byte & 0x80)) return value >>> 0;
      shift += 7;
    }
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 0) {
      const length = leb();
      names.push(bytes.subarray(at, at + length).toString("utf8"));
    }
    at = end;
  }
  return names;
}

const sections = customSections(wasm);
assert.ok(!sections.includes("name"), `dist wasm has a name section (debug build?): ${sections}`);
assert.ok(!sections.some((s) => s.startsWith(".debug")), `dist wasm has DWARF sections: ${sections}`);
assert.ok(wasm.length < 600_000, `dist wasm is ${wasm.length} bytes: not the optimised release build`);
const loader = readFileSync(join(dir, "news-widget.js"), "utf8");
assert.ok(!loader.includes("// news-widget loader"), "dist loader is not minified (debug build?)");
const page = readFileSync(join(dir, "index.html"), "utf8");
assert.ok(!page.includes("data-trunk"), "dist/index.html still carries Trunk's data-trunk directives");

const originals = compressibleFiles(dir);
const decoders = { ".br": brotliDecompressSync, ".gz": gunzipSync };
for (const file of originals) {
  const bytes = readFileSync(file);
  for (const [suffix, decode] of Object.entries(decoders)) {
    const name = relative(dir, file) + suffix;
    assert.ok(existsSync(file + suffix), `${name} is missing (precompressed copies come from release builds)`);
    assert.ok(decode(readFileSync(file + suffix)).equals(bytes), `${name} does not decompress to ${relative(dir, file)}`);
  }
}
// A compressed copy without its original would be served for a file that no longer exists.
const orphans = readdirSync(dir, { recursive: true })
  .map(String)
  .filter((name) => /\.(br|gz)$/.test(name) && !existsSync(join(dir, name.replace(/\.(br|gz)$/, ""))));
assert.deepEqual(orphans, [], "precompressed files without their original");
console.log(
  `dist-check: ${dir} holds the release bundle (wasm ${wasm.length} bytes, custom sections: ${sections.join(", ") || "none"}; ` +
    `${originals.length} files with matching .br and .gz)`,
);
