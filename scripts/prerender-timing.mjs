#!/usr/bin/env node
// Time to the article painted: a page holding `newsctl render` output against a client-only
// widget, headless Chromium with 4x CPU slowdown and 150 ms RTT / 1.6 Mbps, every file served
// brotli-compressed as a CDN would. Prints the medians of N runs (default 5). Not gated; a
// figure for the README until the benchmark of issue 12 measures it against the baseline.
//   node scripts/prerender-timing.mjs [runs]     (after make dist and cargo build --bin newsctl)
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync } from "node:zlib";
import { chromium } from "playwright-core";
import { launchOptions } from "../tests/e2e/browser.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = join(ROOT, "dist");
const RUNS = Number(process.argv[2] ?? 5);
const pages = mkdtempSync(join(tmpdir(), "news-widget-timing-"));
const widget = execFileSync(join(ROOT, "target/debug/newsctl"), ["render", join(DIST, "feed.json"), "--feed", "feed.json"], {
  encoding: "utf8",
});
const page = (body) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>timing</title>` +
  `<link rel="stylesheet" href="news-widget.css"><script type="module" src="news-widget.js"></script></head><body>${body}</body></html>`;
writeFileSync(join(pages, "prerendered.html"), page(widget));
writeFileSync(join(pages, "client-only.html"), page('<news-widget feed="feed.json"></news-widget>'));

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".wasm": "application/wasm", ".svg": "image/svg+xml" };
const server = createServer(async (req, res) => {
  const path = new URL(req.url, "http://localhost").pathname;
  for (const root of [pages, DIST]) {
    const file = join(root, path);
    if (!file.startsWith(root) || !(await stat(file).catch(() => null))?.isFile()) continue;
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "content-encoding": "br", "cache-control": "no-cache" });
    return res.end(brotliCompressSync(await readFile(file)));
  }
  res.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch(launchOptions);
const results = { "prerendered.html": [], "client-only.html": [] };
try {
  for (let run = 0; run < RUNS; run++) {
    for (const name of Object.keys(results)) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const tab = await context.newPage();
      const cdp = await context.newCDPSession(tab);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await tab.addInitScript(() => {
        window.__timing = {};
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (entry.name === "first-contentful-paint") window.__timing.fcp = entry.startTime;
        }).observe({ type: "paint", buffered: true });
        document.addEventListener("news-widget:ready", () => (window.__timing.ready = performance.now()));
      });
      await tab.goto(`${origin}/${name}`);
      await tab.waitForFunction(() => window.__timing.ready && window.__timing.fcp, null, { timeout: 60_000 });
      // The article is painted at FCP on the pre-rendered page (it is the page's content), and
      // at ready on the client-only one (before that it shows a skeleton).
      const { fcp, ready } = await tab.evaluate(() => window.__timing);
      results[name].push({ article: name === "prerendered.html" ? fcp : ready, ready });
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
  rmSync(pages, { recursive: true, force: true });
}
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const [name, runs] of Object.entries(results)) {
  const article = Math.round(median(runs.map((r) => r.article)));
  const ready = Math.round(median(runs.map((r) => r.ready)));
  console.log(`${name.padEnd(18)} article painted ${String(article).padStart(5)} ms   ready ${String(ready).padStart(5)} ms   (median of ${RUNS})`);
}
