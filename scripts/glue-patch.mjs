#!/usr/bin/env node
// Makes a closure of a retired wasm instance a silent no-op in the wasm-bindgen glue.
//
//   node scripts/glue-patch.mjs [dir]   (default: $TRUNK_STAGING_DIR; run by post-build.mjs)
//
// When an instance traps, the loader replaces it with a fresh one (src/instance.rs). The
// stopped widgets' leftovers that the browser still holds (a pending rotation timer, a
// `visibilitychange` listener, a request's timeout) then call closures of the old instance.
// wasm-bindgen's glue refuses those calls by throwing, which a host page would see as an
// uncaught error every time one fires; returning instead keeps the page quiet, and still
// never runs code on the trapped state. wasm-bindgen is pinned exactly (Cargo.toml), and this
// script fails the build if the glue no longer contains the text it replaces.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const GLUE = "news-widget-app.js";
const REFUSAL = "throw new Error('Cannot invoke closure from previous WASM instance');";
const SILENT = "return; // a retired instance's closure (scripts/glue-patch.mjs)";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("glue-patch: no directory (pass one, or run as a Trunk hook)");
  process.exit(2);
}
const path = join(dir, GLUE);
const source = readFileSync(path, "utf8");
const count = source.split(REFUSAL).length - 1;
if (count === 0 && !source.includes(SILENT)) {
  console.error(`glue-patch: ${GLUE} has no stale-closure check to patch; did wasm-bindgen change?`);
  process.exit(1);
}
writeFileSync(path, source.replaceAll(REFUSAL, SILENT));
console.log(`glue-patch: ${GLUE}: ${count} stale-closure check(s) made silent`);
