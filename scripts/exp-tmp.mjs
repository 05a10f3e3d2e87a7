import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { launch } from "../tests/e2e/browser.mjs";
import { TYPES } from "../tests/e2e/serve.mjs";
const ROOTS = ["/work/main/target/bench/site", "/work/main/dist"];
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  for (const root of ROOTS) {
    const file = normalize(join(root, path));
    if (!existsSync(file) || !statSync(file).isFile()) continue;
    const br = existsSync(file + ".br") && (req.headers["accept-encoding"] ?? "").includes("br");
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "public, max-age=3600", ...(br ? { "content-encoding": "br" } : {}) });
    return res.end(readFileSync(br ? file + ".br" : file));
  }
  res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch("chromium");
const pages = process.argv.slice(2);
for (const warm of [false, true]) for (const p of pages) {
  const rows = [];
  for (let i = 0; i < 5; i++) {
    const ctx = await browser.createBrowserContext();
    const go = async () => {
      const page = await ctx.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.emulateCPUThrottling(4);
      await page.emulateNetworkConditions({ download: 2e5, upload: 93750, latency: 150 });
      await page.goto(origin + p, { waitUntil: "load" });
      await page.waitForFunction(() => window.__bench?.article != null, { timeout: 20000 }).catch(() => {});
      await new Promise((r) => setTimeout(r, 300));
      const r = await page.evaluate(() => {
        const n = performance.getEntriesByType("navigation")[0];
        const res = performance.getEntriesByType("resource").map((e) => `${e.name.split("/").pop()}:${Math.round(e.startTime)}-${Math.round(e.responseEnd)}`);
        return { resp: Math.round(n.responseEnd), dcl: Math.round(n.domContentLoadedEventStart), fcp: window.__bench.fcp, art: Math.round(window.__bench.article), lt: window.__bench.longTasks.map(Math.round).join("/"), res: res.join(" ") };
      });
      await page.close();
      return r;
    };
    if (warm) await go();
    rows.push(await go());
    await ctx.close();
  }
  console.log(warm ? "warm" : "cold", p);
  for (const r of rows) console.log("  ", JSON.stringify(r));
}
await browser.close();
server.close();
