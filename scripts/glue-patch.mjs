#!/usr/bin/env node
// Two changes to the wasm-bindgen glue's closure wrappers, the functions the browser calls
// when a widget's timer fires, a listener runs or a task of the widget is polled:
//
//   node scripts/glue-patch.mjs [dir]   (default: $TRUNK_STAGING_DIR; run by post-build.mjs)
//
// 1. A closure of a retired wasm instance is a silent no-op. When an instance traps, the
//    loader replaces it with a fresh one (src/instance.rs). The stopped widgets' leftovers
//    that the browser still holds (a pending rotation timer, a `visibilitychange` listener,
//    a request's timeout) then call closures of the old instance. wasm-bindgen's glue
//    refuses those calls by throwing, which a host page would see as an uncaught error every
//    time one fires; returning instead keeps the page quiet, and still never runs code on
//    the trapped state.
// 2. A trap inside such a call goes to the loader, not to the page. A panic (or any other
//    trap) in a widget's own callback would otherwise unwind into the browser's task runner,
//    which reports it to the host page as an uncaught `RuntimeError` (its error monitoring
//    sees our crash). The glue gets `__nw_set_trap_handler`; the loader hands it the
//    instance's crash handler (every widget of the instance stops and says so once, the
//    instance is replaced), and a trap the handler has taken ends the call quietly. Errors
//    that are not traps (a JavaScript exception thrown through) are rethrown as before.
//
// wasm-bindgen is pinned exactly (Cargo.toml), and this script fails the build if the glue
// no longer contains the text it replaces.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const GLUE = "news-widget-app.js";
const REFUSAL = "throw new Error('Cannot invoke closure from previous WASM instance');";
const SILENT = "return; // a retired instance's closure (scripts/glue-patch.mjs)";
// The calls in makeClosure and makeMutClosure.
const CALLS = ["return f(state.a, state.b, ...args);", "return f(a, state.b, ...args);"];
// Only the outermost wasm call is ended quietly: a trap in a call nested inside another
// (wasm → JavaScript → a closure) must still unwind the outer wasm frames, and a trap under a
// call from the loader goes to the loader's own catch (the handler answers false then).
const caught = (call) => `try {
            __nw_depth++;
            ${call}
        } catch (error) {
            // A trap goes to the loader, not to the page (scripts/glue-patch.mjs).
            if (__nw_depth === 1 && error instanceof WebAssembly.RuntimeError && __nw_on_trap?.(error)) return;
            throw error;
        } finally {
            __nw_depth--;`;
const HANDLER = `
// The loader's handler for a trap inside a closure call, and how deep closure calls are
// nested (scripts/glue-patch.mjs).
let __nw_on_trap = null;
let __nw_depth = 0;
export function __nw_set_trap_handler(handler) {
    __nw_on_trap = handler;
}
`;

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("glue-patch: no directory (pass one, or run as a Trunk hook)");
  process.exit(2);
}
const path = join(dir, GLUE);
let source = readFileSync(path, "utf8");
if (source.includes("__nw_set_trap_handler")) {
  console.log(`glue-patch: ${GLUE} is patched already`);
  process.exit(0);
}
const fail = (what) => {
  console.error(`glue-patch: ${GLUE} has no ${what} to patch; did wasm-bindgen change?`);
  process.exit(1);
};
const refusals = source.split(REFUSAL).length - 1;
if (refusals === 0) fail("stale-closure check");
source = source.replaceAll(REFUSAL, SILENT);
for (const call of CALLS) {
  const at = `try {\n            ${call}\n        } finally {`;
  if (source.split(at).length - 1 !== 1) fail(`closure call "${call}"`);
  source = source.replace(at, caught(call));
}
writeFileSync(path, source + HANDLER);
console.log(`glue-patch: ${GLUE}: ${refusals} stale-closure check(s) made silent, traps in ${CALLS.length} closure wrappers sent to the loader`);
