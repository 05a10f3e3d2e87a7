#!/usr/bin/env node
// First-visit size report and CI gate (no dependencies).
//
//   node scripts/size-report.mjs [dist-dir] [budget-bytes]
//
// Prints raw, gzip -9 and brotli q11 sizes of the four files a first visit loads, and exits
// 1 when the brotli total exceeds the budget (2 when a file is missing). Compressed sizes
// come from Node's zlib with fixed settings, so they are deterministic for given bytes and
// the gate cannot flake. The .br/.gz copies a release build writes beside the files
// (scripts/precompress.mjs, same settings) are those files' bytes on the wire, not more
// bytes, so they are not listed: the brotli column is the size of each .br.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const FILES = [
  "news-widget.js",
  "news-widget-app.js",
  "news-widget-app_bg.wasm",
  "news-widget.css",
];

const [dir = "dist", budgetArg] = process.argv.slice(2);
let budget = null;
if (budgetArg !== undefined) {
  budget = Number(budgetArg);
  if (!Number.isInteger(budget) || budget <= 0) {
    console.error(`size-report: budget must be a positive number of bytes, got "${budgetArg}"`);
    process.exit(2);
  }
}

const brotli = (b) =>
  brotliCompressSync(b, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
const gzip = (b) => gzipSync(b, { level: 9 }).length;

const rows = [];
for (const name of FILES) {
  let bytes;
  try {
    bytes = readFileSync(join(dir, name));
  } catch (e) {
    console.error(`size-report: cannot read ${join(dir, name)}: ${e.code ?? e.message} (build first: make dist)`);
    process.exit(2);
  }
  rows.push({ name, raw: bytes.length, gzip: gzip(bytes), brotli: brotli(bytes) });
}
const total = {
  name: "total",
  raw: rows.reduce((s, r) => s + r.raw, 0),
  gzip: rows.reduce((s, r) => s + r.gzip, 0),
  brotli: rows.reduce((s, r) => s + r.brotli, 0),
};

const num = (n) => n.toLocaleString("en-US");
const nameWidth = Math.max(...FILES.map((f) => f.length), 5);
const line = (a, b, c, d) =>
  `${a.padEnd(nameWidth)}  ${b.padStart(9)}  ${c.padStart(9)}  ${d.padStart(9)}`;
console.log(line("file", "raw", "gzip -9", "brotli 11"));
for (const r of rows) console.log(line(r.name, num(r.raw), num(r.gzip), num(r.brotli)));
console.log(line("total", num(total.raw), num(total.gzip), num(total.brotli)));

if (budget !== null) {
  const diff = budget - total.brotli;
  if (diff < 0) {
    console.error(
      `size-report: FAIL brotli total ${num(total.brotli)} B exceeds budget ${num(budget)} B by ${num(-diff)} B`,
    );
    process.exit(1);
  }
  console.log(`size-report: ok, brotli total ${num(total.brotli)} B, ${num(diff)} B under budget ${num(budget)} B`);
}
