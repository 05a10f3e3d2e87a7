// Checks what `make serve` serves: starts `trunk serve --offline` on a free port, loads the
// page in headless Chromium and asserts that the seed headline is rendered by the wasm inside
// the widget's shadow root, and is not in the page's static HTML.
//   node tests/e2e/serve-check.mjs
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { launchOptions } from "./browser.mjs";

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
let browser;
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
  assert.ok(!html.includes(HEADLINE), "the headline must come from the wasm, not the static HTML");

  browser = await chromium.launch(launchOptions);
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => document.querySelector("news-widget")?.getAttribute("state") === "ready", null, {
    timeout: 60_000,
  });
  const headline = await page.evaluate(
    () => document.querySelector("news-widget").shadowRoot.querySelector("h1")?.textContent,
  );
  assert.equal(headline, HEADLINE);
  console.log(`serve-check: ${origin}/ shows "${headline}" rendered by the wasm`);
} finally {
  await browser?.close();
  trunk.kill("SIGTERM");
}
