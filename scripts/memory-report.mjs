#!/usr/bin/env node
// Memory of a long session: mounts a widget, waits for ready, removes it, N times in one page
// (what a single-page portal does on every client-side navigation), in headless Chromium and
// Firefox, and prints what the page holds afterwards. The README's figures come from here.
//
//   node scripts/memory-report.mjs [--dist=dist] [--cycles=200] [--browsers=chromium,firefox] [--json]
//
// Every sample follows a garbage collection (Chromium: CDP; Firefox: allocation pressure, see
// tests/e2e/browser.mjs, repeated until the removed widgets have been collected). Samples are taken every 50 cycles; "at N" compares like for like
// when N is a multiple of the loader's renewal period (100 widgets per instance).
// `--json` prints one JSON object (per browser: the samples and a summary) instead of text.
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { existsSync } from "node:fs";
import { launch, openPage } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/serve.mjs";
import { measure, runCycles } from "../tests/e2e/widget-cycles.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const options = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = "true"] = arg.replace(/^--/, "").split("=");
    return [key, value];
  }),
);
const dist = options.dist ?? join(ROOT, "dist");
const cycles = Number(options.cycles ?? 200);
const browsers = (options.browsers ?? "chromium,firefox").split(",");
const BATCH = 50;

if (!existsSync(join(dist, "news-widget.js"))) {
  console.error(`memory-report: ${dist}/news-widget.js is missing: build the bundle first (make dist)`);
  process.exit(1);
}

const server = await serve([dist, join(ROOT, "tests", "e2e", "pages")]);
const report = {};
try {
  for (const name of browsers) report[name] = await session(name);
} finally {
  await server.close();
}

if (options.json === "true") {
  console.log(JSON.stringify(report, null, 2));
} else {
  for (const [name, { summary }] of Object.entries(report)) print(name, summary);
}
if (Object.values(report).some(({ summary }) => summary.failed.length)) process.exitCode = 1;

async function session(name) {
  const browser = await launch(name);
  try {
    const { page, close } = await openPage(browser, `${server.origin}/many.html`);
    await page.waitForFunction(() => customElements.get("news-widget"), { timeout: 20_000 });
    const samples = [{ cycles: 0, ...(await measure(page)) }];
    const failed = [];
    let ready = 0;
    let ms = 0;
    for (let done = 0; done < cycles; done += BATCH) {
      const count = Math.min(BATCH, cycles - done);
      const batch = await runCycles(page, count);
      ready += batch.ready;
      ms += batch.ms;
      failed.push(...batch.failed);
      samples.push({ cycles: done + count, ...(await settledMeasure(page)) });
    }
    await close();
    const last = samples.at(-1);
    const mid = samples.find((s) => s.cycles === cycles / 2) ?? samples[1];
    const unreclaimed = last.stats.created - last.stats.collected;
    return {
      samples,
      summary: {
        browser: (await browser.version()).replace(/^HeadlessChrome/, "Chromium"),
        cycles,
        ready,
        failed,
        msPerCycle: +(ms / cycles).toFixed(1),
        gc: last.gc,
        jsHeapStartBytes: samples[0].heap,
        jsHeapBytes: last.heap,
        jsHeapGrowthPerCycle: last.heap === null ? null : Math.round((last.heap - mid.heap) / (last.cycles - mid.cycles)),
        jsHeapMidBytes: mid.heap,
        midCycles: mid.cycles,
        wasmBytes: last.wasmBytes,
        wasmMidBytes: mid.wasmBytes,
        modules: last.stats.modules,
        instancesCreated: last.stats.created,
        instancesUnreclaimed: unreclaimed,
        dom: last.dom,
        removedCollected: last.removed && `${last.removed.collected}/${last.removed.count}`,
      },
    };
  } finally {
    await browser.close();
  }
}

/**
 * `measure` repeated until every removed widget has been collected (at most 10 times):
 * Firefox frees DOM objects in a cycle collection some time after a garbage collection.
 */
async function settledMeasure(page) {
  let sample;
  for (let attempt = 1; attempt <= 10; attempt++) {
    sample = { ...(await measure(page)), attempts: attempt };
    if (!sample.removed || sample.removed.collected === sample.removed.count) break;
  }
  return sample;
}

function print(name, s) {
  const kib = (bytes) => (bytes === null ? "n/a" : `${(bytes / 1024).toFixed(0)} KiB`);
  console.log(`${name} (${s.browser}): ${s.cycles} mount → ready → remove cycles, ${s.ready} ready, ${s.msPerCycle} ms per cycle`);
  if (s.failed.length) console.log(`  FAILED: ${s.failed.join("; ")}`);
  console.log(`  garbage collection:           ${s.gc}`);
  console.log(
    `  JS heap after GC:             ${kib(s.jsHeapBytes)} (before the first widget: ${kib(s.jsHeapStartBytes)}; ` +
      `at ${s.midCycles} cycles: ${kib(s.jsHeapMidBytes)}; ${s.jsHeapGrowthPerCycle ?? "n/a"} B per cycle since)`,
  );
  console.log(`  wasm memory, live instances:  ${kib(s.wasmBytes)} (at ${s.midCycles} cycles: ${kib(s.wasmMidBytes)})`);
  console.log(
    `  wasm instances:               ${s.modules} glue module(s), ${s.instancesCreated} created, ` +
      `${s.instancesUnreclaimed} not yet reclaimed`,
  );
  if (s.dom) console.log(`  DOM nodes / JS listeners:     ${s.dom.nodes} / ${s.dom.listeners}`);
  console.log(`  removed widgets collected:    ${s.removedCollected}`);
}
