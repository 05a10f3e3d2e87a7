#!/usr/bin/env node
// The instance cap's trade-off, measured: a page mounts W widgets at once with the loader's
// `max-instances` at each value given, in headless Chromium and Firefox; prints the time
// until every widget is ready, the wasm memory of all instances, and the JS heap after a
// garbage collection (Chromium). The README's table comes from here.
//
//   node scripts/instance-cap-report.mjs [--dist=dist] [--widgets=200] [--caps=1,4,16] [--browsers=chromium,firefox]
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { existsSync } from "node:fs";
import { launch, openPage } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/serve.mjs";
import { measure, mountWidgets } from "../tests/e2e/widget-cycles.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const options = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = "true"] = arg.replace(/^--/, "").split("=");
    return [key, value];
  }),
);
const dist = options.dist ?? join(ROOT, "dist");
const widgets = Number(options.widgets ?? 200);
const caps = (options.caps ?? "1,4,16").split(",").map(Number);
const browsers = (options.browsers ?? "chromium,firefox").split(",");

if (!existsSync(join(dist, "news-widget.js"))) {
  console.error(`instance-cap-report: ${dist}/news-widget.js is missing: build the bundle first (make dist)`);
  process.exit(1);
}

const server = await serve([dist, join(ROOT, "tests", "e2e", "pages")]);
try {
  console.log(`${widgets} widgets mounted at once on the default feed`);
  console.log("| browser | max-instances | all ready after | widgets per instance | wasm memory | JS heap after GC |");
  console.log("|---|---:|---:|---|---:|---:|");
  for (const name of browsers) {
    const browser = await launch(name);
    try {
      for (const cap of caps) {
        const { page, close } = await openPage(browser, `${server.origin}/many.html?max-instances=${cap}`);
        await page.waitForFunction(() => customElements.get("news-widget"), { timeout: 20_000 });
        const started = Date.now();
        const states = await mountWidgets(page, widgets, { timeout: 300_000 });
        const ms = Date.now() - started;
        const { heap, wasmBytes, stats } = await measure(page);
        const mib = (bytes) => (bytes === null ? "n/a" : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);
        const spread = stats.instances.map((instance) => instance.widgets).join(" / ");
        const ok = states.ready === widgets ? "" : ` (${JSON.stringify(states)})`;
        console.log(`| ${name} | ${cap} | ${(ms / 1000).toFixed(1)} s${ok} | ${spread} | ${mib(wasmBytes)} | ${mib(heap)} |`);
        await close();
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}
