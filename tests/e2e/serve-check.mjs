// Checks what `make serve` serves: starts `trunk serve --offline` on a free port, loads the
// page in each engine (Chromium, Firefox, WebKit; E2E_BROWSERS narrows) and asserts that the first widget is pre-rendered in the page's
// HTML (Trunk's pre_build hook ran `newsctl render`) and taken over by the wasm, and that the
// second, client-only widget shows the seed headline rendered by the wasm.
//   node tests/e2e/serve-check.mjs
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import assert from "node:assert/strict";
import { BROWSERS, launch, openPage } from "./browser.mjs";

const HEADLINE = "向新而行 浙江丽水探路山区发展“新赛道”";
const DEADLINE_MS = Number(process.env.SERVE_DEADLINE_MS ?? 600_000);

const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

const port = await freePort();
const trunk = spawn("trunk", ["serve", "--offline", "--dist", "target/serve-dist", "--port", String(port), "--no-autoreload"], {
  stdio: ["ignore", "inherit", "inherit"],
});
const origin = `http://127.0.0.1:${port}`;
try {
  // Trunk answers only once its first build is done; poll until then.
  const start = Date.now();
  let html;
  for (;;) {
    assert.ok(trunk.exitCode === null, `trunk serve exited with ${trunk.exitCode}`);
    try {
      const response = await fetch(`${origin}/`);
      if (response.ok) {
        html = await response.text();
        break;
      }
    } catch {}
    assert.ok(Date.now() - start < DEADLINE_MS, "trunk serve did not answer in time");
    await new Promise((r) => setTimeout(r, 500));
  }
  const prerender = html.indexOf('<news-widget feed="feed.json" id="widget-zh"><template shadowrootmode="open">');
  assert.ok(prerender >= 0, "the first widget is pre-rendered into the page by newsctl render");
  assert.ok(html.indexOf(HEADLINE, prerender) > prerender, "the pre-render holds the headline");
  assert.ok(/<news-widget id="widget-en"[^>]*><\/news-widget>/.test(html), "the second widget is client-only");

  for (const name of BROWSERS) {
    const browser = await launch(name);
    try {
      const { page, problems, close } = await openPage(browser, `${origin}/`);
      await page.waitForFunction(
        () => [...document.querySelectorAll("news-widget")].every((w) => w.getAttribute("state") === "ready"),
        { timeout: 60_000 },
      );
      const seen = await page.evaluate(() =>
        ["widget-zh", "widget-en"].map((id) => {
          const shadow = document.getElementById(id).shadowRoot;
          return { headline: shadow.querySelector("h1")?.textContent, static: shadow.querySelectorAll(".nw-static").length };
        }),
      );
      assert.deepEqual(seen, [
        { headline: HEADLINE, static: 0 },
        { headline: HEADLINE, static: 0 },
      ], `${name}: both widgets rendered by the wasm (the pre-render replaced)`);
      assert.deepEqual(problems, [], `${name}: no console errors`);
      await close();
    } finally {
      await browser.close();
    }
    console.log(`serve-check (${name}): ${origin}/ pre-renders "${HEADLINE}" and the wasm takes over; the client-only widget shows it too`);
  }
} finally {
  trunk.kill("SIGTERM");
}
