#!/usr/bin/env node
// `make bench`: the release bundle against a hand-written baseline (bench/baseline.js), in
// headless Chromium, served with brotli as a CDN would. Prints a table and writes
// target/bench/report.json. Timings are reported, never gated (CI gates bytes only).
//
//   node scripts/bench.mjs [dist]        BENCH_RUNS=9 (runs per cell)
import { createServer } from "node:http";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { extname, join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { chromium } from "playwright-core";
import { launchOptions } from "../tests/e2e/browser.mjs";
import { TYPES } from "../tests/e2e/serve.mjs";

const DIST = process.argv[2] ?? "dist";
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const FIRST_VISIT = ["news-widget.js", "news-widget-app.js", "news-widget-app_bg.wasm", "news-widget.css"];
// The brief's mobile profile: 4x CPU slowdown, 150 ms RTT, 1.6 Mbps down / 750 kbps up.
const PROFILES = {
  "no throttling": null,
  "4x CPU, 150 ms, 1.6 Mbps": { cpu: 4, latency: 150, down: (1.6e6 / 8), up: (750e3 / 8) },
};
const CASES = { widget: "/bench-widget.html", baseline: "/bench-baseline.html" };

const extra = {
  "/bench-widget.html": "bench/widget.html",
  "/bench-baseline.html": "bench/baseline.html",
  "/bench-baseline.js": "bench/baseline.js",
  "/bench-probe.js": "bench/probe.js",
};
const cache = new Map();
function encoded(path) {
  if (cache.has(path)) return cache.get(path);
  const file = extra[path] ?? join(DIST, path);
  if (!existsSync(file)) return null;
  const raw = readFileSync(file);
  const entry = {
    raw,
    br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    gz: gzipSync(raw, { level: 9 }),
    type: TYPES[extname(file)] ?? "application/octet-stream",
  };
  cache.set(path, entry);
  return entry;
}

const server = createServer((req, res) => {
  const path = new URL(req.url, "http://x").pathname;
  const entry = encoded(path === "/" ? "/index.html" : path);
  if (!entry) return res.writeHead(404).end();
  const accepts = req.headers["accept-encoding"] ?? "";
  const [body, encoding] = accepts.includes("br") ? [entry.br, "br"] : accepts.includes("gzip") ? [entry.gz, "gzip"] : [entry.raw, null];
  res.writeHead(200, {
    "content-type": entry.type,
    // Versioned bundle paths, as the README asks partners to host: cacheable for an hour.
    "cache-control": "public, max-age=3600",
    ...(encoding ? { "content-encoding": encoding, vary: "accept-encoding" } : {}),
  });
  res.end(body);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;

const sizes = FIRST_VISIT.map((name) => {
  const e = encoded(`/${name}`);
  return { file: name, raw: e.raw.length, gzip: e.gz.length, brotli: e.br.length };
});

const browser = await chromium.launch(launchOptions);

async function visit(context, url, profile) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  if (profile) {
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false, latency: profile.latency, downloadThroughput: profile.down, uploadThroughput: profile.up,
    });
  }
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() => window.__bench?.ready != null && window.__bench?.lcp != null, null, { timeout: 60_000 });
  // Let late layout shifts and long tasks be reported before reading them.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const result = await page.evaluate(() => ({ ...window.__bench }));
  await page.close();
  return result;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs) => [Math.min(...xs), Math.max(...xs)];
const cells = [];
for (const [profileName, profile] of Object.entries(PROFILES)) {
  for (const visitKind of ["cold", "warm"]) {
    for (const [name, path] of Object.entries(CASES)) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext();
        if (visitKind === "warm") await visit(context, origin + path, profile); // fills the HTTP cache
        runs.push(await visit(context, origin + path, profile));
        await context.close();
      }
      const ready = runs.map((r) => r.ready);
      const lcp = runs.map((r) => r.lcp);
      cells.push({
        profile: profileName, visit: visitKind, case: name,
        ready_ms: { median: median(ready), spread: spread(ready) },
        article_painted_ms: { median: median(lcp), spread: spread(lcp) },
        cls: median(runs.map((r) => r.cls)),
        long_tasks_over_50ms: median(runs.map((r) => r.longTasks.filter((d) => d > 50).length)),
        total_blocking_ms: median(runs.map((r) => r.longTasks.reduce((s, d) => s + Math.max(0, d - 50), 0))),
      });
    }
  }
}
await browser.close();
server.close();

const fmt = (n) => n.toLocaleString("en-US", { maximumFractionDigits: 0 });
console.log("\nfirst-visit bytes (served with brotli)");
console.log("file                           raw     gzip   brotli");
for (const s of sizes) console.log(`${s.file.padEnd(26)} ${fmt(s.raw).padStart(8)} ${fmt(s.gzip).padStart(8)} ${fmt(s.brotli).padStart(8)}`);
const total = sizes.reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
console.log(`${"total".padEnd(26)} ${fmt(total.raw).padStart(8)} ${fmt(total.gzip).padStart(8)} ${fmt(total.brotli).padStart(8)}`);

console.log(`\ntimes in ms, median [min–max] of ${RUNS} runs; ratio = widget / baseline`);
console.log("profile                     visit  case       ready               article painted      CLS    long>50  TBT   ratio(ready)");
const rows = [];
for (const c of cells) {
  const base = cells.find((b) => b.profile === c.profile && b.visit === c.visit && b.case === "baseline");
  const ratio = c.ready_ms.median / base.ready_ms.median;
  rows.push({ ...c, ratio_ready_vs_baseline: ratio });
  const r = (m) => `${fmt(m.median)} [${fmt(m.spread[0])}–${fmt(m.spread[1])}]`.padEnd(20);
  console.log(
    `${c.profile.padEnd(27)} ${c.visit.padEnd(6)} ${c.case.padEnd(10)} ${r(c.ready_ms)} ${r(c.article_painted_ms)} ` +
      `${c.cls.toFixed(3).padStart(6)} ${String(c.long_tasks_over_50ms).padStart(7)} ${fmt(c.total_blocking_ms).padStart(5)}  ${ratio.toFixed(2)}x`,
  );
}
mkdirSync("target/bench", { recursive: true });
writeFileSync("target/bench/report.json", JSON.stringify({ runs: RUNS, sizes, total, cells: rows, measured: new Date().toISOString() }, null, 2));
console.log("\nwritten: target/bench/report.json");
