#!/usr/bin/env node
// `make bench`: the release bundle against a hand-written baseline (bench/baseline.js),
// served from 127.0.0.1 as a CDN would (the precompressed .br/.gz of dist/, Content-Encoding,
// Vary, application/wasm). Prints tables and writes target/bench/report.json. Timings are
// reported, never gated (CI gates bytes only), and on a shared machine they are noisy.
//
//   node scripts/bench.mjs [dist]
//   BENCH_RUNS=9            runs per cell (3 for a quick check)
//   BENCH_BROWSERS=chromium,firefox,webkit   Firefox and WebKit run the unthrottled time table only
//                           (WebDriver BiDi and classic have no CPU or network throttling);
//                           WebKit needs a display (make bench runs this under xvfb-run -a)
//   BENCH_PARTS=times,ticks,cycles,feeds   a subset, e.g. while working on one
//   BENCH_FEEDS=RSS         large-feed cases whose name contains one of these (e.g. the RSS ones)
//   BENCH_CASES=client-only,pre-rendered   a subset of the pages (the baseline always runs)
//   BENCH_PROFILES=throttled|unthrottled   one network profile
//
// What it measures, and how, is described in README "Sizes and figures".
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { collectGarbage, heapBytes, launch } from "../tests/e2e/browser.mjs";
import { TYPES } from "../tests/e2e/serve.mjs";
import { measure, runCycles } from "../tests/e2e/widget-cycles.mjs";
import { ENCODINGS, precompress } from "./precompress.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = resolve(process.argv[2] ?? join(ROOT, "dist"));
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const BROWSERS = (process.env.BENCH_BROWSERS ?? "chromium,firefox,webkit").split(",").filter(Boolean);
const PARTS = new Set((process.env.BENCH_PARTS ?? "times,ticks,cycles,feeds").split(","));
const OUT = join(ROOT, "target", "bench");
const SITE = join(OUT, "site");
const FIRST_VISIT = ["news-widget.js", "news-widget-app.js", "news-widget-app_bg.wasm", "news-widget.css"];
// The mobile profile: 4x CPU slowdown, 150 ms RTT, 1.6 Mbps down / 750 kbps up.
const PROFILES = {
  "no throttling": null,
  "4x CPU, 150 ms, 1.6 Mbps": { cpu: 4, latency: 150, download: 1.6e6 / 8, upload: 750e3 / 8 },
};
const ALL_CASES = {
  baseline: "/bench-baseline.html",
  "client-only": "/bench-widget.html",
  "client+hints": "/bench-widget-preload.html",
  "pre-rendered": "/bench-prerendered.html",
  "pre-rendered+inline": "/bench-prerendered-inline.html",
};
// BENCH_CASES=pre-rendered,… narrows the time table (the baseline always runs: ratios need it).
const CASE_NAMES = process.env.BENCH_CASES?.split(",").filter(Boolean);
const CASES = Object.fromEntries(Object.entries(ALL_CASES).filter(([name]) => !CASE_NAMES || name === "baseline" || CASE_NAMES.includes(name)));
// BENCH_PROFILES=throttled (or unthrottled) runs one profile only.
const PROFILE_FILTER = process.env.BENCH_PROFILES;
const TICKS = 10_000;
const CYCLES = 200;
const FEED_ITEMS = [1_000, 2_000, 5_000];
// The same items as RSS 2.0: 2,500 between, so three sizes show whether reading is linear.
const RSS_ITEMS = [1_000, 2_500, 5_000];
const FEED_FILTER = process.env.BENCH_FEEDS?.split(",").filter(Boolean);

if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`BENCH_RUNS must be a whole number ≥ 1, got ${process.env.BENCH_RUNS}`);
for (const file of FIRST_VISIT) {
  for (const suffix of ["", ...ENCODINGS.map((e) => e.suffix)]) {
    if (!existsSync(join(DIST, file + suffix))) {
      throw new Error(`${join(DIST, file + suffix)} is missing: build the release bundle first (make dist)`);
    }
  }
}

// ---- the site: bench pages, a pre-rendered page, generated feeds, all precompressed --------

rmSync(SITE, { recursive: true, force: true });
mkdirSync(SITE, { recursive: true });
for (const file of ["baseline.js", "probe.js", "virtual-clock.js", "ticks.html", "parse.html"]) {
  copyFileSync(join(ROOT, "bench", file), join(SITE, `bench-${file}`));
}
// The probe is inlined into every timed page: a measuring script must not add a request that
// blocks the parser (it would charge a page that needs no other request, the pre-rendered
// one, an extra round trip).
const PROBE_TAG = '<script src="bench-probe.js"></script>';
const probe = readFileSync(join(ROOT, "bench", "probe.js"), "utf8");
const timedPage = (file) => {
  const html = readFileSync(join(ROOT, "bench", file), "utf8");
  if (!html.includes(PROBE_TAG)) throw new Error(`bench/${file} lost its ${PROBE_TAG}`);
  return html.replace(PROBE_TAG, () => `<script>\n${probe}</script>`);
};
for (const file of ["baseline.html", "widget.html", "widget-preload.html"]) writeFileSync(join(SITE, `bench-${file}`), timedPage(file));
// The release newsctl renders what the widget would show for the feed dist/ serves: with the
// stylesheet linked, as the recipe says, and inlined in the shadow root (`--inline-css`: no
// stylesheet request before the first paint).
const render = (...options) =>
  execFileSync(
    "cargo",
    ["run", "--release", "--offline", "-q", "--bin", "newsctl", "--", "render", join(DIST, "feed.json"), "--feed", "feed.json", ...options],
    // stderr: warnings go to the terminal; the inline render's CSP hash note is not needed here.
    { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", options.length ? "ignore" : "inherit"] },
  );
const rendered = render();
const renderedInline = render("--inline-css", join(DIST, "news-widget.css"));
for (const [file, out, element] of [
  ["prerendered.html", "bench-prerendered.html", rendered],
  ["prerendered-inline.html", "bench-prerendered-inline.html", renderedInline],
]) {
  const template = timedPage(file);
  if (!template.includes("<!-- newsctl render -->")) throw new Error(`bench/${file} lost its <!-- newsctl render --> marker`);
  writeFileSync(join(SITE, out), template.replace("<!-- newsctl render -->", () => element.trim()));
}
const feeds = {};
for (const items of FEED_ITEMS) feeds[`${items} items`] = { file: `bench-feed-${items}.json`, items, bytes: writeJson(`bench-feed-${items}.json`, manyItemsFeed(items)) };
feeds["200 kB article"] = { file: "bench-article-200k.json", items: 1, bytes: writeJson("bench-article-200k.json", articleFeed(200 * 1024)) };
for (const items of RSS_ITEMS) {
  const file = `bench-rss-${items}.xml`;
  writeFileSync(join(SITE, file), manyItemsRss(items));
  feeds[`RSS ${items} items`] = { file, items, bytes: statSync(join(SITE, file)).size };
}
precompress(SITE);

function writeJson(name, value) {
  const text = JSON.stringify(value);
  writeFileSync(join(SITE, name), text);
  return Buffer.byteLength(text);
}

/** A news-like feed of `count` items with HTML bodies, entities, dates and relative URLs,
 * every tenth untitled (the shape benches/feed.rs reads on the host). */
function manyItemsFeed(count) {
  const items = [];
  for (let i = 0; i < count; i++) {
    const item = {
      id: `https://news.example/${i}`,
      url: `/articles/${i}.html`,
      content_html:
        `<p>第${i}条：浙江丽水探路山区发展&ldquo;新赛道&rdquo;，<a href="/x/${i}">详情</a>。</p>` +
        `<p>Paragraph two with <b>bold</b> &amp; <i>italic</i> text.</p><script>track(${i})</script>`,
      summary: `Summary of item ${i} &mdash; short.`,
      date_published: `2025-03-${String((i % 28) + 1).padStart(2, "0")}T13:20:05+08:00`,
      authors: [{ name: "中国新闻网" }],
      tags: ["浙江", "丽水"],
    };
    if (i % 10 !== 0) item.title = `Headline ${i}: Don&#8217;t panic &amp; carry on`;
    items.push(item);
  }
  return { version: "https://jsonfeed.org/version/1.1", title: "Bench &amp; Co", language: "zh-CN", items };
}

/** `manyItemsFeed`'s items as RSS 2.0, as CMSs write it: the body escaped in `description`
 * and again in CDATA in `content:encoded`, RFC 822 dates, `dc:creator`, relative links,
 * every tenth item untitled. Served as application/octet-stream (the bench server's type
 * for .xml): the widget tells the format by content. */
function manyItemsRss(count) {
  const escape = (text) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const items = [];
  for (let i = 0; i < count; i++) {
    const day = (i % 28) + 1;
    const body =
      `<p>第${i}条：浙江丽水探路山区发展&ldquo;新赛道&rdquo;，<a href="/x/${i}">详情</a>。</p>` +
      `<p>Paragraph two with <b>bold</b> &amp; <i>italic</i> text.</p><script>track(${i})</script>`;
    const title = i % 10 !== 0 ? `<title>Headline ${i}: Don&amp;#8217;t panic &amp;amp; carry on</title>` : "";
    items.push(
      `<item>${title}<link>/articles/${i}.html</link><guid isPermaLink="false">https://news.example/${i}</guid>` +
        `<pubDate>${days[(day + 5) % 7]}, ${String(day).padStart(2, "0")} Mar 2025 13:20:05 +0800</pubDate>` +
        `<dc:creator>中国新闻网</dc:creator><category>浙江</category><category>丽水</category>` +
        `<description>${escape(body)}</description><content:encoded><![CDATA[${body}]]></content:encoded></item>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Bench &amp;amp; Co</title><link>https://news.example/</link>` +
    `<language>zh-CN</language>\n${items.join("\n")}\n</channel></rss>\n`
  );
}

/** One item whose `content_html` is about `size` bytes of mixed markup (no images: a
 * missing image would add a request per figure to what is timed). */
function articleFeed(size) {
  const chunk =
    "<h2>改革筑基：section heading</h2><p>Body text with &ldquo;quotes&rdquo;, " +
    '<a href="https://example.org/">a link</a>, &#8217;entities&#8217; and <em>emphasis</em>.</p>' +
    "<ul><li>one</li><li>two</li></ul><!-- comment --><style>p{}</style><blockquote><p>Quoted.</p></blockquote>\n";
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: "Long read",
    items: [{ id: "1", title: "A 200 kB article", content_html: chunk.repeat(Math.ceil(size / chunk.length)) }],
  };
}

// ---- the server: precompressed files only, as a CDN serving dist/ would ----------------------

const ROOTS = [SITE, DIST, join(ROOT, "tests", "e2e", "pages")];
const files = new Map(); // path → { body, type, variants: { br, gzip } } | null
function lookup(path) {
  if (files.has(path)) return files.get(path);
  let found = null;
  for (const root of ROOTS) {
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) continue;
    const variants = {};
    for (const { name, suffix } of ENCODINGS) if (existsSync(file + suffix)) variants[name] = readFileSync(file + suffix);
    found = { body: readFileSync(file), type: TYPES[extname(file)] ?? "application/octet-stream", variants };
    break;
  }
  files.set(path, found);
  return found;
}
const server = createServer((req, res) => {
  let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (path.endsWith("/")) path += "index.html";
  const entry = lookup(path);
  if (!entry) return res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  const accepted = new Set((req.headers["accept-encoding"] ?? "").split(",").map((t) => t.split(";")[0].trim()));
  const encoding = ENCODINGS.find(({ name }) => accepted.has(name) && entry.variants[name])?.name;
  res.writeHead(200, {
    "content-type": entry.type,
    // Versioned bundle paths, as the README asks partners to host: cacheable for an hour,
    // so a repeat visit loads from the HTTP cache.
    "cache-control": "public, max-age=3600",
    ...(Object.keys(entry.variants).length ? { vary: "Accept-Encoding" } : {}),
    ...(encoding ? { "content-encoding": encoding } : {}),
  });
  res.end(encoding ? entry.variants[encoding] : entry.body);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;

const sizes = FIRST_VISIT.map((file) => {
  const entry = lookup(`/${file}`);
  return { file, raw: entry.body.length, gzip: entry.variants.gzip.length, brotli: entry.variants.br.length };
});
const total = sizes.reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });

// ---- helpers ------------------------------------------------------------------------------

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const stats = (xs) => {
  const values = xs.filter((x) => x != null);
  return values.length ? { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values } : null;
};
const nextFrames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
const report = { runs: RUNS, measured: new Date().toISOString(), origin: "127.0.0.1, precompressed brotli", sizes, total };
const isChromium = (name) => name === "chromium";

// ---- 1. time to article painted and to ready -----------------------------------------------

async function visit(context, url, profile) {
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  if (profile) {
    await page.emulateCPUThrottling(profile.cpu);
    await page.emulateNetworkConditions({ download: profile.download, upload: profile.upload, latency: profile.latency });
  }
  await page.goto(url, { waitUntil: "load", timeout: 120_000 });
  await page.waitForFunction(
    () => {
      const b = window.__bench;
      return b?.ready != null && b.article != null && (b.lcp != null || !b.supports.includes("largest-contentful-paint"));
    },
    { timeout: 120_000, polling: 50 },
  );
  // Late layout shifts and long tasks are reported after the frame they happen in.
  await nextFrames(page);
  const result = await page.evaluate(() => ({ ...window.__bench }));
  await page.close();
  return result;
}

async function timeTable(browserName) {
  const browser = await launch(browserName);
  const cells = [];
  try {
    // WebDriver BiDi and classic have no CPU or network throttling: Firefox and WebKit get the
    // unthrottled profile only.
    const profiles = Object.entries(PROFILES)
      .filter(([, p]) => isChromium(browserName) || !p)
      .filter(([, p]) => !PROFILE_FILTER || (PROFILE_FILTER === "throttled") === Boolean(p));
    for (const [profileName, profile] of profiles) {
      for (const visitKind of ["cold", "warm"]) {
        for (const [name, path] of Object.entries(CASES)) {
          const runs = [];
          for (let i = 0; i < RUNS; i++) {
            // A fresh context per run: an empty HTTP cache; a warm run fills it first.
            const context = await browser.createBrowserContext();
            if (visitKind === "warm") await visit(context, origin + path, profile);
            runs.push(await visit(context, origin + path, profile));
            await context.close();
          }
          const longTasks = (r) => r.longTasks.filter((d) => d > 50);
          const longTasksSupported = runs[0].supports.includes("longtask");
          cells.push({
            browser: browserName,
            profile: profileName,
            visit: visitKind,
            case: name,
            ready_ms: stats(runs.map((r) => r.ready)),
            // The end of the first frame showing the article's headline (bench/probe.js), never before
            // the first contentful paint; LCP also waits for the figures' images.
            article_painted_ms: stats(runs.map((r) => Math.max(r.article, r.fcp ?? 0))),
            largest_contentful_paint_ms: stats(runs.map((r) => r.lcp)),
            first_contentful_paint_ms: stats(runs.map((r) => r.fcp)),
            // Firefox has no layout-shift entries: unknown, not 0.
            cls: runs[0].supports.includes("layout-shift") ? stats(runs.map((r) => r.cls)) : null,
            long_tasks_over_50ms: longTasksSupported ? stats(runs.map((r) => longTasks(r).length)) : null,
            longest_task_ms: longTasksSupported ? stats(runs.map((r) => Math.max(0, ...r.longTasks))) : null,
            // Total blocking time over the whole visit up to `ready` + 2 frames (not bounded by
            // time to interactive, which a widget on someone else's page cannot know).
            total_blocking_ms: longTasksSupported ? stats(runs.map((r) => longTasks(r).reduce((s, d) => s + d - 50, 0))) : null,
          });
        }
      }
    }
  } finally {
    await browser.close();
  }
  for (const cell of cells) {
    const base = cells.find((b) => b.profile === cell.profile && b.visit === cell.visit && b.case === "baseline");
    const ratio = (key) => (cell[key] && base[key] ? +(cell[key].median / base[key].median).toFixed(2) : null);
    cell.ratio_ready_vs_baseline = ratio("ready_ms");
    cell.ratio_article_vs_baseline = ratio("article_painted_ms");
  }
  return cells;
}

// ---- 2. 10,000 rotation ticks ----------------------------------------------------------------

async function openBenchPage(browser, path) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const problems = [];
  page.on("pageerror", (error) => problems.push(`uncaught: ${error?.message ?? error}`));
  page.on("console", (m) => m.type() === "error" && !m.location()?.url?.endsWith("/favicon.ico") && problems.push(m.text()));
  await page.goto(origin + path, { waitUntil: "load" });
  return { page, problems, close: () => context.close() };
}

async function memoryNow(page) {
  await collectGarbage(page);
  const heap = await heapBytes(page);
  const wasm = await page.evaluate(() =>
    customElements.get("news-widget").stats().instances.reduce((sum, instance) => sum + instance.memoryBytes, 0),
  );
  return { heap, wasm };
}

async function rotationTicks() {
  const browser = await launch("chromium");
  try {
    const { page, problems, close } = await openBenchPage(browser, "/bench-ticks.html");
    await page.waitForFunction(() => document.querySelector("news-widget")?.getAttribute("state") === "ready", { timeout: 60_000 });
    await page.waitForFunction(() => window.__virtualClock.pending() > 0, { timeout: 20_000 });
    await page.evaluate(installTicker);
    // Warm-up: the first rounds allocate what every later tick reuses.
    await page.evaluate((n) => window.__runTicks(n), 200);
    const before = await memoryNow(page);
    const started = Date.now();
    const result = { ticks: 0, sections: 0, inRegion: 0, controls: 0, outside: 0, outsideSamples: [], stalls: 0 };
    for (let done = 0; done < TICKS; ) {
      const batch = await page.evaluate((n) => window.__runTicks(n), Math.min(1_000, TICKS - done));
      for (const key of ["ticks", "inRegion", "controls", "outside", "stalls"]) result[key] += batch[key];
      result.sections = Math.max(result.sections, batch.sections);
      result.outsideSamples.push(...batch.outsideSamples.slice(0, 5 - result.outsideSamples.length));
      done += batch.ticks;
      if (batch.ticks === 0) break;
    }
    const ms = Date.now() - started;
    const after = await memoryNow(page);
    await close();
    return {
      ticks: result.ticks,
      sections_rotating: result.sections,
      ms,
      mutations: {
        in_slides: result.inRegion,
        in_slide_label: result.controls,
        outside_rotating_region: result.outside,
        outside_per_tick: +(result.outside / Math.max(1, result.ticks)).toFixed(3),
        outside_examples: result.outsideSamples,
      },
      wasm_bytes: { before: before.wasm, after: after.wasm, growth: after.wasm - before.wasm },
      js_heap_bytes: { before: before.heap, after: after.heap, growth: after.heap - before.heap },
      stalls: result.stalls,
      problems,
    };
  } finally {
    await browser.close();
  }
}

/** In the page: `__runTicks(n)` fires `n` rotation ticks on the virtual clock, letting Yew
 * render after each round, and sorts the DOM mutations they cause. */
function installTicker() {
  const widget = document.querySelector("news-widget");
  const root = widget.shadowRoot;
  const counts = { inRegion: 0, controls: 0, outside: 0, outsideSamples: [] };
  const where = (node) => (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement);
  new MutationObserver((records) => {
    for (const record of records) {
      const element = where(record.target);
      if (element?.closest(".nw-slides")) counts.inRegion++;
      else if (element?.closest(".nw-controls")) counts.controls++;
      else {
        counts.outside++;
        if (counts.outsideSamples.length < 5) {
          counts.outsideSamples.push(`${record.type} on <${element?.localName}${element?.className ? "." + element.className : ""}> ${record.attributeName ?? ""}`);
        }
      }
    }
  }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  // A macrotask: Yew renders and runs effects (re-arming the timer) in microtasks before it.
  const channel = new MessageChannel();
  const yieldTask = () => new Promise((r) => ((channel.port1.onmessage = r), channel.port2.postMessage(0)));
  window.__runTicks = async (n) => {
    const snapshot = { inRegion: counts.inRegion, controls: counts.controls, outside: counts.outside };
    let ticks = 0;
    let stalls = 0;
    let sections = 0;
    while (ticks < n) {
      const fired = window.__virtualClock.fire();
      sections = Math.max(sections, fired);
      ticks += fired;
      await yieldTask();
      if (fired === 0 && ++stalls > 50) break;
    }
    await yieldTask();
    return {
      ticks,
      sections,
      stalls,
      inRegion: counts.inRegion - snapshot.inRegion,
      controls: counts.controls - snapshot.controls,
      outside: counts.outside - snapshot.outside,
      outsideSamples: counts.outsideSamples.splice(0),
    };
  };
}

// ---- 3. 200 mount/unmount cycles ------------------------------------------------------------

async function mountCycles() {
  const browser = await launch("chromium");
  try {
    // tests/e2e/pages/many.html: the timer probe, then the loader; the e2e suite's cycles.
    const { page, problems, close } = await openBenchPage(browser, "/many.html");
    await page.waitForFunction(() => customElements.get("news-widget"), { timeout: 20_000 });
    const samples = [{ cycles: 0, ...(await measure(page)) }];
    const failed = [];
    let ms = 0;
    for (let done = 0; done < CYCLES; done += 50) {
      const batch = await runCycles(page, 50);
      failed.push(...batch.failed);
      ms += batch.ms;
      samples.push({ cycles: done + 50, ...(await measure(page)) });
    }
    // Longer than the default rotation interval (6 s) and a fetch deadline's first retry: any
    // timer a removed widget left behind fires in this window.
    const atUnmount = await page.evaluate(() => window.__widgetTimers());
    await new Promise((r) => setTimeout(r, 7_000));
    const later = await page.evaluate(() => window.__widgetTimers());
    await close();
    const at = (n) => samples.find((s) => s.cycles === n);
    const brief = (s) => ({ cycles: s.cycles, heap: s.heap, wasm: s.wasmBytes, dom_nodes: s.dom?.nodes, listeners: s.dom?.listeners, instances_created: s.stats.created });
    return {
      cycles: CYCLES,
      failed,
      ms_per_cycle: +(ms / CYCLES).toFixed(1),
      samples: samples.map(brief),
      // Compared at the same point of an instance's life (the loader renews it every 100).
      js_heap_growth_100_to_200: at(200).heap - at(100).heap,
      wasm_growth_100_to_200: at(200).wasmBytes - at(100).wasmBytes,
      widget_timers_pending_after_unmount: atUnmount.live,
      timer_callbacks_after_unmount: later.fired - atUnmount.fired,
      removed_collected: at(200).removed,
      problems,
    };
  } finally {
    await browser.close();
  }
}

// ---- 4. large feeds in the browser ---------------------------------------------------------

async function largeFeeds(browserName) {
  const browser = await launch(browserName);
  try {
    const { page, problems, close } = await openBenchPage(browser, "/bench-parse.html");
    await page.waitForFunction(() => customElements.get("news-widget"), { timeout: 20_000 });
    const mountOnce = (args) =>
      page.evaluate(async ({ feed, maxHeadlines }) => {
        performance.clearResourceTimings();
        const widget = document.createElement("news-widget");
        widget.setAttribute("feed", feed);
        // Not stored: writing 2.7 MB to localStorage is not what is measured here.
        widget.setAttribute("storage", "off");
        widget.setAttribute("refresh", "0");
        if (maxHeadlines) widget.setAttribute("max-headlines", String(maxHeadlines));
        const mounted = performance.now();
        // Long tasks from the mount until the widget's DOM stops changing.
        const tasks = [];
        const longTasks = new PerformanceObserver((list) => list.getEntries().forEach((e) => e.startTime >= mounted && tasks.push(e.duration)));
        longTasks.observe({ type: "longtask" });
        const outcome = new Promise((resolve) => {
          widget.addEventListener("news-widget:ready", () => resolve("ready"), { once: true });
          widget.addEventListener("news-widget:error", (e) => resolve(`error: ${e.detail?.message}`), { once: true });
          setTimeout(() => resolve("timeout"), 60_000);
        });
        document.getElementById("widgets").append(widget);
        const seen = await outcome;
        const readyAt = performance.now();
        // A long body keeps arriving after `ready` (a screenful first): complete is the last
        // change to the widget's DOM, once nothing has changed for 250 ms.
        let lastChange = readyAt;
        const changes = new MutationObserver(() => (lastChange = performance.now()));
        changes.observe(widget.shadowRoot, { childList: true, subtree: true });
        while (performance.now() - lastChange < 250) await new Promise((r) => setTimeout(r, 50));
        changes.disconnect();
        await new Promise((r) => setTimeout(r, 0)); // the last long task's entry
        longTasks.disconnect();
        const url = new URL(feed, document.baseURI).href;
        const entry = performance.getEntriesByName(url).at(-1);
        const headlines = widget.shadowRoot?.querySelectorAll("li").length ?? 0;
        widget.remove();
        return {
          seen,
          total: readyAt - mounted,
          afterResponse: entry ? readyAt - entry.responseEnd : null,
          complete: entry ? lastChange - entry.responseEnd : null,
          longest: Math.max(0, ...tasks),
          headlines,
        };
      }, args);
    await mountOnce({ feed: "feed.json" }); // compiles and instantiates the wasm
    const rows = [];
    const cases = [
      ...Object.entries(feeds).map(([name, f]) => ({ name, ...f })),
      { name: "5000 items, max-headlines 20", ...feeds["5000 items"], maxHeadlines: 20 },
    ].filter((c) => !FEED_FILTER || FEED_FILTER.some((part) => c.name.includes(part)));
    for (const c of cases) {
      const runs = [];
      // Run 0 is reported apart: the first large feed also grows the wasm memory, which the
      // later runs reuse, and the JIT has not seen the glue's paths for it yet.
      for (let i = 0; i <= RUNS; i++) {
        await collectGarbage(page);
        // A new URL each run, so every run fetches and reads the feed afresh.
        runs.push(await mountOnce({ feed: `${c.file}?run=${c.name.length}-${i}`, maxHeadlines: c.maxHeadlines }));
      }
      const first = runs.shift();
      const bad = [first, ...runs].find((r) => r.seen !== "ready");
      const after = stats(runs.map((r) => r.afterResponse));
      rows.push({
        case: c.name,
        items: c.items,
        feed_bytes: c.bytes,
        headlines_rendered: runs[0].headlines,
        response_end_to_ready_ms: after,
        mount_to_ready_ms: stats(runs.map((r) => r.total)),
        response_end_to_complete_ms: stats(runs.map((r) => r.complete)),
        longest_task_ms: stats(runs.map((r) => r.longest)),
        first_run_response_end_to_ready_ms: first.afterResponse,
        us_per_item: c.items > 1 && after ? +((after.median * 1000) / c.items).toFixed(1) : null,
        failure: bad?.seen ?? null,
      });
    }
    await close();
    const cost = (name) => rows.find((r) => r.case === name)?.response_end_to_ready_ms?.median;
    const ratio = (a, b) => (cost(a) && cost(b) ? +(cost(a) / cost(b)).toFixed(2) : null);
    return {
      browser: browserName,
      rows,
      ratio_5000_vs_1000: ratio("5000 items", "1000 items"),
      ratio_2000_vs_1000: ratio("2000 items", "1000 items"),
      rss_ratio_5000_vs_1000: ratio("RSS 5000 items", "RSS 1000 items"),
      rss_ratio_2500_vs_1000: ratio("RSS 2500 items", "RSS 1000 items"),
      problems,
    };
  } finally {
    await browser.close();
  }
}

// ---- run and print ---------------------------------------------------------------------------

try {
  if (PARTS.has("times")) {
    report.times = [];
    for (const name of BROWSERS) {
      try {
        report.times.push(...(await timeTable(name)));
      } catch (error) {
        report[`times_${name}_error`] = String(error?.message ?? error);
        console.error(`bench: the ${name} time table failed: ${error?.message ?? error}`);
      }
    }
  }
  if (PARTS.has("ticks")) report.rotation = await rotationTicks();
  if (PARTS.has("cycles")) report.mount_cycles = await mountCycles();
  if (PARTS.has("feeds")) {
    // Every engine of BENCH_BROWSERS: WebKit's reading time is the one partners ask about.
    report.large_feeds = [];
    for (const name of BROWSERS) {
      try {
        report.large_feeds.push(await largeFeeds(name));
      } catch (error) {
        report[`large_feeds_${name}_error`] = String(error?.message ?? error);
        console.error(`bench: large feeds in ${name} failed: ${error?.message ?? error}`);
      }
    }
  }
} finally {
  server.close();
}

const fmt = (n, digits = 0) => (n == null ? "–" : n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const kib = (n) => (n == null ? "–" : `${(n / 1024).toFixed(0)} KiB`);
const range = (s) => (s ? `${fmt(s.median)} [${fmt(s.min)}–${fmt(s.max)}]` : "–");

console.log("\nfirst-visit bytes (dist/ and its precompressed .gz/.br, as served)");
console.log(`${"file".padEnd(26)} ${"raw".padStart(9)} ${"gzip".padStart(9)} ${"brotli".padStart(9)}`);
for (const s of [...sizes, { file: "total", ...total }]) {
  console.log(`${s.file.padEnd(26)} ${fmt(s.raw).padStart(9)} ${fmt(s.gzip).padStart(9)} ${fmt(s.brotli).padStart(9)}`);
}

if (report.times?.length) {
  console.log(`\ntime to the article painted (first frame showing it) and to ready, ms, median [min–max] of ${RUNS} runs; ratios: / baseline's median; LCP and TBT medians`);
  const head = ["browser", "profile", "visit", "case", "article painted", "ratio", "ready", "ratio", "LCP", "CLS", "long>50", "longest", "TBT"];
  const widths = [8, 24, 5, 12, 20, 5, 20, 5, 6, 6, 7, 7, 5];
  const line = (cols) => cols.map((c, i) => (i < 4 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(" ");
  console.log(line(head));
  for (const c of report.times) {
    console.log(
      line([
        c.browser, c.profile, c.visit, c.case,
        range(c.article_painted_ms), c.ratio_article_vs_baseline?.toFixed(2) ?? "–",
        range(c.ready_ms), c.ratio_ready_vs_baseline?.toFixed(2) ?? "–",
        fmt(c.largest_contentful_paint_ms?.median),
        c.cls ? c.cls.median.toFixed(3) : "n/a",
        c.long_tasks_over_50ms ? fmt(c.long_tasks_over_50ms.median) : "n/a",
        c.longest_task_ms ? fmt(c.longest_task_ms.median) : "n/a",
        c.total_blocking_ms ? fmt(c.total_blocking_ms.median) : "n/a",
      ]),
    );
  }
}

if (report.rotation) {
  const r = report.rotation;
  console.log(`\n${fmt(r.ticks)} rotation ticks on a virtual clock (interval="2", Chromium, ${r.sections_rotating} rotating section(s)), ${fmt(r.ms)} ms`);
  console.log(`  DOM mutations: ${fmt(r.mutations.in_slides)} in the slides, ${fmt(r.mutations.in_slide_label)} in the "n / m" label, ` +
    `${fmt(r.mutations.outside_rotating_region)} elsewhere (${r.mutations.outside_per_tick} per tick)`);
  if (r.mutations.outside_examples.length) console.log(`  elsewhere, e.g.: ${r.mutations.outside_examples.join("; ")}`);
  console.log(`  wasm memory ${kib(r.wasm_bytes.before)} → ${kib(r.wasm_bytes.after)} (${fmt(r.wasm_bytes.growth)} B); ` +
    `JS heap after GC ${kib(r.js_heap_bytes.before)} → ${kib(r.js_heap_bytes.after)} (${fmt(r.js_heap_bytes.growth)} B)`);
}

if (report.mount_cycles) {
  const m = report.mount_cycles;
  console.log(`\n${m.cycles} mount → ready → remove cycles (Chromium, tests/e2e/pages/many.html), ${m.ms_per_cycle} ms per cycle, ${m.failed.length} failed`);
  for (const s of m.samples) {
    console.log(`  after ${String(s.cycles).padStart(3)}: JS heap ${kib(s.heap)}, wasm ${kib(s.wasm)}, DOM nodes ${s.dom_nodes}, listeners ${s.listeners}, instances created ${s.instances_created}`);
  }
  console.log(`  growth 100 → 200 cycles: JS heap ${fmt(m.js_heap_growth_100_to_200)} B, wasm ${fmt(m.wasm_growth_100_to_200)} B; ` +
    `widget timers pending after the last unmount: ${m.widget_timers_pending_after_unmount}, callbacks in the next 7 s: ${m.timer_callbacks_after_unmount}`);
}

for (const f of report.large_feeds ?? []) {
  console.log(`\nlarge feeds in the browser (${f.browser}, 1x CPU): feed response end → ready (read + parse + normalise + first render), ms, median [min–max] of ${RUNS} after a first run (its own column)`);
  console.log(`${"case".padEnd(30)} ${"bytes".padStart(10)} ${"<li>".padStart(6)} ${"response → ready".padStart(20)} ${"µs/item".padStart(8)} ${"mount → ready".padStart(20)} ${"1st run".padStart(8)} ${"→ complete".padStart(20)} ${"longest".padStart(8)}`);
  for (const r of f.rows) {
    console.log(
      `${r.case.padEnd(30)} ${fmt(r.feed_bytes).padStart(10)} ${fmt(r.headlines_rendered).padStart(6)} ${range(r.response_end_to_ready_ms).padStart(20)} ` +
        `${(r.us_per_item == null ? "–" : fmt(r.us_per_item, 1)).padStart(8)} ${range(r.mount_to_ready_ms).padStart(20)} ${fmt(r.first_run_response_end_to_ready_ms).padStart(8)} ` +
        `${range(r.response_end_to_complete_ms).padStart(20)} ${fmt(r.longest_task_ms?.median).padStart(8)}${r.failure ? "  " + r.failure : ""}`,
    );
  }
  console.log("  → complete: from the response's end to the last change of the widget's DOM (a long body arrives a screenful first); longest: the longest task (ms) from mount to complete, median");
  console.log(`  cost(2000)/cost(1000) = ${f.ratio_2000_vs_1000} (2.00 is linear), cost(5000)/cost(1000) = ${f.ratio_5000_vs_1000} (5.00 is linear)`);
  console.log(`  RSS: cost(2500)/cost(1000) = ${f.rss_ratio_2500_vs_1000} (2.50 is linear), cost(5000)/cost(1000) = ${f.rss_ratio_5000_vs_1000} (5.00 is linear)`);
}

const problems = [report.rotation, report.mount_cycles, ...(report.large_feeds ?? [])].flatMap((part) => part?.problems ?? []);
if (problems.length) console.log(`\nconsole errors or uncaught exceptions: ${problems.slice(0, 5).join(" | ")}`);
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, "report.json"), JSON.stringify(report, null, 2));
console.log(`\nwritten: ${join("target", "bench", "report.json")} (timings on a shared machine are noisy: compare within one run)`);
