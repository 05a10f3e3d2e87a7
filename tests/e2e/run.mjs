// Runs the end-to-end embedding tests and prints a one-line-per-test summary:
//   node tests/e2e/run.mjs        (after `make dist`; exits non-zero if any test fails)
import { run } from "node:test";
import { spec } from "node:test/reporters";
import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";

const file = fileURLToPath(new URL("embedding.mjs", import.meta.url));
const loader = fileURLToPath(new URL("../../dist/news-widget.js", import.meta.url));
if (!existsSync(loader)) {
  console.error(`e2e: ${loader} is missing: build the bundle first (make dist)`);
  process.exit(1);
}
const started = Date.now();
const results = [];
let failed = false;

const stream = run({ files: [file], timeout: 5 * 60_000 });
stream.on("test:pass", (data) => {
  if (data.nesting === 0 && data.file === file && data.name) {
    results.push({ name: data.name, ok: true, todo: data.todo !== undefined, ms: data.details.duration_ms });
  }
});
stream.on("test:fail", (data) => {
  if (data.nesting !== 0) return;
  const todo = data.todo !== undefined;
  // A failure outside any test (e.g. in `before`) is reported under the file's name.
  results.push({ name: data.name, ok: false, todo, ms: data.details.duration_ms });
  if (!todo) failed = true;
});
stream.compose(spec).pipe(process.stdout);

await new Promise((resolve) => stream.on("end", resolve));
const mark = (r) => (r.todo ? (r.ok ? "TODO (passes now)" : "TODO (known gap)") : r.ok ? "pass" : "FAIL");
console.log("\nnews-widget embedding e2e summary");
for (const r of results) console.log(`  ${mark(r).padEnd(18)} ${(r.ms / 1000).toFixed(1).padStart(5)} s  ${r.name}`);
const count = (f) => results.filter(f).length;
console.log(
  `  ${count((r) => r.ok && !r.todo)} passed, ${count((r) => !r.ok && !r.todo)} failed, ${count((r) => r.todo)} todo, ` +
    `${((Date.now() - started) / 1000).toFixed(1)} s in all`,
);
if (failed || results.length === 0) process.exitCode = 1;
