// A panic inside one widget shows that widget's error state, is logged once, and leaves the
// other widget and the host page working. Runs against a bundle built with the test-only
// `crash-test` feature (make e2e builds it into target/dist-crash; the shipped dist has no
// such switch).
import { test } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";
import { launchOptions } from "./browser.mjs";

const DIST = process.env.CRASH_DIST ?? "target/dist-crash";

test("a panic in one widget stays in that widget", { timeout: 60_000 }, async () => {
  const server = await serve([DIST, "tests/e2e/pages"]);
  const browser = await chromium.launch(launchOptions);
  try {
    const page = await browser.newPage();
    const consoleErrors = [];
    const pageErrors = [];
    page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    await page.goto(`${server.origin}/crash.html`);
    const ready = (id) => page.waitForFunction((id) => document.getElementById(id).getAttribute("state") === "ready", id);
    await Promise.all([ready("a"), ready("b")]);

    await page.evaluate(() => {
      window.__errors = [];
      document.addEventListener("news-widget:error", (e) => window.__errors.push([e.target.id, e.detail.message]));
      document.getElementById("a").setAttribute("feed", "crash-test:panic");
    });
    await page.waitForFunction(() => document.getElementById("a").getAttribute("state") === "error");

    const alert = await page.evaluate(() => document.getElementById("a").shadowRoot.querySelector("[role=alert]")?.textContent);
    assert.match(alert ?? "", /news-widget stopped: [^]*crash test requested/, "the crashed widget says so");
    const errors = await page.evaluate(() => window.__errors);
    assert.equal(errors.length, 1, `one error event: ${JSON.stringify(errors)}`);
    assert.equal(errors[0][0], "a");
    const crashLogs = consoleErrors.filter((t) => t.includes("news-widget: ") && t.includes("crash test requested"));
    assert.equal(crashLogs.length, 1, `logged once: ${JSON.stringify(consoleErrors)}`);
    assert.deepEqual(pageErrors, [], "nothing escaped to the page as an uncaught error");

    // The other widget still works: it re-renders on an attribute change.
    assert.equal(await page.evaluate(() => document.getElementById("b").getAttribute("state")), "ready");
    await page.evaluate(() => document.getElementById("b").setAttribute("lang", "en"));
    await page.waitForFunction(() => document.getElementById("b").shadowRoot.querySelector("[part=root]")?.getAttribute("lang") === "en");

    // And so does the page.
    await page.click("#host-button");
    assert.equal(await page.evaluate(() => document.title), "crash isolation");
  } finally {
    await browser.close();
    await server.close();
  }
});
