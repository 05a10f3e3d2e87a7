import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { launch } from "../tests/e2e/browser.mjs";
import { TYPES } from "../tests/e2e/serve.mjs";
const ROOTS = ["/work/main/target/bench/site", process.env.DIST ?? "/work/main/target/dist-prof"];
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  for (const root of ROOTS) {
    const file = normalize(join(root, path));
    if (!existsSync(file) || !statSync(file).isFile()) continue;
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    return res.end(readFileSync(file));
  }
  res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch("chromium");
const page = await browser.newPage();
page.on("console", (m) => console.log("console:", m.text()));
await page.goto(origin + "/bench-parse.html");
await page.waitForFunction(() => customElements.get("news-widget"));
const mount = (feed) => page.evaluate(async (feed) => {
  const w = document.createElement("news-widget");
  w.setAttribute("feed", feed); w.setAttribute("storage", "off"); w.setAttribute("refresh", "0");
  performance.clearResourceTimings(); const t0 = performance.now();
  const done = new Promise((r) => { w.addEventListener("news-widget:ready", () => r("ready")); w.addEventListener("news-widget:error", () => r("error")); });
  document.getElementById("widgets").append(w);
  const s = await done; const url = new URL(feed, document.baseURI).href;
  const e = performance.getEntriesByName(url).at(-1) ?? { responseEnd: NaN };
  const t = performance.now(); w.remove();
  return { s, total: Math.round(t - t0), after: Math.round(t - e.responseEnd) };
}, feed);
console.log(await mount("feed.json"));
const cdp = await page.createCDPSession();
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
for (const feed of process.argv.slice(2)) {
  for (let i = 0; i < 2; i++) console.log(feed, await mount(`${feed}?w=${i}`));
  await page.tracing.start({ path: "/tmp/trace.json", categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "blink"] });
  console.log(feed, "traced", await mount(`${feed}?t=1`));
  await page.tracing.stop();
  {
    const ev = JSON.parse(readFileSync("/tmp/trace.json", "utf8")).traceEvents;
    const main = ev.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
    const agg = new Map();
    for (const e of ev) if (e.ph === "X" && e.dur && e.tid === main?.tid) agg.set(e.name, (agg.get(e.name) ?? [0, 0]).map((v, i) => v + (i ? 1 : e.dur / 1000)));
    for (const [k, [ms, n]] of [...agg].sort((a, b) => b[1][0] - a[1][0]).slice(0, 25)) console.log(ms.toFixed(1).padStart(8), String(n).padStart(6), k);
  }
  await cdp.send("Profiler.start");
  console.log(feed, await mount(`${feed}?p=1`));
  const { profile } = await cdp.send("Profiler.stop");
  const self = new Map();
  const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => { const n = byId.get(id); const k = n.callFrame.functionName || `(${n.callFrame.url.split("/").pop()})`; self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0) / 1000); });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log("total sampled ms", Math.round(total));
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(v.toFixed(1).padStart(8), k.slice(0, 140));
}
await browser.close(); server.close();
