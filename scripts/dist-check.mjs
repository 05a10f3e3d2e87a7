#!/usr/bin/env node
// Checks that dist/ holds the release bundle partners upload, not a debug build left behind
// by another target (the serve check builds into target/serve-dist for that reason).
//   node scripts/dist-check.mjs [dir]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import assert from "node:assert/strict";

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
console.log(`dist-check: ${dir} holds the release bundle (wasm ${wasm.length} bytes, custom sections: ${sections.join(", ") || "none"})`);
