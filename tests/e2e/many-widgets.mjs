// Many widgets and long sessions, in headless Chromium and Firefox: a page with 200 widgets,
// and 300 mount → ready → remove cycles in one page (what a single-page portal does on every
// client-side navigation). The wasm instances a page holds stay bounded by the loader's cap,
// and after a garbage collection neither the JS heap (Chromium) nor the wasm memory, DOM
// nodes, listeners (Chromium) or removed elements grow with the number of cycles.
//
//   make dist && node --test tests/e2e/many-widgets.mjs     (E2E_BROWSERS=firefox for one)
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BROWSERS, collectGarbage, launch, openPage, waitUntil } from "./browser.mjs";
import { serve } from "./serve.mjs";
import { measure, mountWidgets, runCycles } from "./widget-cycles.mjs";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const DIST = process.env.E2E_DIST ?? join(HERE, "..", "..", "dist");
const PAGES = join(HERE, "pages");
const CAP = 4; // the loader's default max-instances
const RENEW_AFTER = 100; // static/news-widget.js: widgets an instance hosts before renewal
const KIB = 1024;

/** Instances whose memory the garbage collector has not reclaimed (polled: Firefox is lazy). */
async function liveInstancesAfterGc(page, atMost) {
  const read = async () => {
    await collectGarbage(page);
    return page.evaluate(() => {
      const { created, collected } = customElements.get("news-widget").stats();
      return created - collected;
    });
  };
  return waitUntil(`at most ${atMost} unreclaimed wasm instances`, read, (live) => live <= atMost, 60_000);
}

for (const name of BROWSERS) {
  describe(`many widgets in ${name}`, () => {
    let browser;
    let server;

    before(async () => {
      server = await serve([DIST, PAGES]);
      browser = await launch(name);
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test("200 widgets on one page all reach ready, in at most 4 instances", { timeout: 180_000 }, async (t) => {
      const { page, problems, outside, close } = await openPage(browser, `${server.origin}/many.html`);
      t.after(close);
      const states = await mountWidgets(page, 200, { timeout: 120_000 });
      assert.deepEqual(states, { ready: 200 }, "every widget ready");

      const { stats, wasmBytes } = await measure(page);
      t.diagnostic(`instances: ${JSON.stringify(stats.instances)}`);
      t.diagnostic(`wasm memory of all instances: ${(wasmBytes / 1024 / 1024).toFixed(1)} MiB`);
      assert.equal(stats.maxInstances, CAP);
      assert.ok(stats.modules <= CAP, `glue modules loaded: ${stats.modules}`);
      assert.ok(stats.created <= CAP, `instances created: ${stats.created}`);
      const sizes = stats.instances.map((instance) => instance.widgets);
      assert.equal(sizes.reduce((a, b) => a + b, 0), 200, "every widget is in one instance");
      assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `widgets spread evenly: ${sizes}`);

      // Each shared instance still serves its widgets: the last one re-renders in English.
      await page.evaluate(() => document.getElementById("w200").setAttribute("lang", "en"));
      await page.waitForFunction(
        () => document.getElementById("w200").shadowRoot.querySelector("[part=root]")?.getAttribute("lang") === "en",
        { timeout: 20_000, polling: 50 },
      );
      assert.deepEqual(problems, [], "no console errors or uncaught exceptions");
      assert.deepEqual(outside, [], "no request left the machine");
    });

    test("max-instances=1: every widget shares the one instance and works", { timeout: 90_000 }, async (t) => {
      const { page, problems, close } = await openPage(browser, `${server.origin}/many.html?max-instances=1`);
      t.after(close);
      assert.deepEqual(await mountWidgets(page, 12), { ready: 12 });
      const { stats } = await measure(page);
      assert.equal(stats.maxInstances, 1);
      assert.deepEqual(stats.instances.map((i) => i.widgets), [12]);
      await page.evaluate(() => document.getElementById("w3").remove());
      await page.evaluate(() => document.getElementById("w7").setAttribute("lang", "en"));
      await page.waitForFunction(
        () => document.getElementById("w7").shadowRoot.querySelector("[part=root]")?.getAttribute("lang") === "en",
        { timeout: 20_000, polling: 50 },
      );
      assert.deepEqual(problems, []);
    });

    test("300 mount → ready → remove cycles: all ready; instances and memory bounded", { timeout: 600_000 }, async (t) => {
      const { page, problems, outside, close } = await openPage(browser, `${server.origin}/many.html`);
      t.after(close);
      await page.waitForFunction(() => customElements.get("news-widget"), { timeout: 20_000 });
      // Samples every 50 cycles. Those at 100, 200 and 300 are at the same point of an
      // instance's life (100 widgets hosted, about to be renewed), so they compare like for like.
      const samples = [];
      for (let done = 0; done < 300; done += 50) {
        const batch = await runCycles(page, 50);
        assert.deepEqual(batch.failed, [], `cycles ${done + 1}–${done + 50} all ready`);
        assert.equal(batch.ready, 50);
        const sample = { cycles: done + 50, ...(await measure(page)) };
        samples.push(sample);
        t.diagnostic(
          `after ${sample.cycles} cycles (${batch.ms} ms): heap ${sample.heap ?? "n/a"} B, wasm ${sample.wasmBytes} B, ` +
            `dom ${JSON.stringify(sample.dom)}, instances created ${sample.stats.created}, reclaimed ${sample.stats.collected}`,
        );
        assert.ok(sample.stats.modules <= CAP && sample.stats.instances.length <= CAP, JSON.stringify(sample.stats));
        assert.equal(sample.widgetTimers, 0, "no widget timer outlives its widget");
      }
      const at = (cycles) => samples.find((s) => s.cycles === cycles);

      // One instance serves every cycle (each widget is gone before the next arrives), and
      // is renewed every RENEW_AFTER widgets.
      const last = at(300).stats;
      assert.equal(last.modules, 1, "one glue module for the whole session");
      assert.equal(last.created, 1 + Math.floor((300 - 1) / RENEW_AFTER), "instances created: the first plus renewals");
      // Chromium reclaims a replaced instance at the next collection; Firefox keeps the most
      // recently replaced one until the next replacement (seen over 600 cycles: always
      // created − 2 reclaimed), so one more there, still independent of the cycle count.
      await liveInstancesAfterGc(page, name === "firefox" ? 2 : 1);

      // The wasm memory of the live instance is the same at the same point of its life.
      assert.ok(at(300).wasmBytes <= at(100).wasmBytes + 64 * KIB, `wasm memory ${at(100).wasmBytes} → ${at(300).wasmBytes}`);
      assert.ok(Math.max(...samples.map((s) => s.wasmBytes)) <= 2 * 1024 * KIB, "wasm memory stays under 2 MiB");

      // Removed elements are garbage: nothing (loader, glue, wasm) keeps a reference.
      await waitUntil(
        "every removed widget element garbage collected",
        async () => (await collectGarbage(page), page.evaluate(() => ({ ...window.__removed, registry: undefined }))),
        (removed) => removed.collected === removed.count,
        60_000,
      );

      if (name === "chromium") {
        // Before pooling, the heap grew about 100 KiB per cycle (issue 13).
        const growth = at(300).heap - at(100).heap;
        assert.ok(growth < 512 * KIB, `JS heap after GC grew ${growth} B from cycle 100 to 300`);
        assert.ok(at(300).dom.nodes <= at(100).dom.nodes + 50, `DOM nodes ${at(100).dom.nodes} → ${at(300).dom.nodes}`);
        assert.ok(
          at(300).dom.listeners <= at(100).dom.listeners + 50,
          `JS event listeners ${at(100).dom.listeners} → ${at(300).dom.listeners}`,
        );
      } else {
        t.diagnostic(`${name}: JS heap, DOM node and listener counts are not readable here (CDP only); checked wasm memory, timers, instances and that every removed element was collected`);
      }
      assert.deepEqual(problems, [], "no console errors or uncaught exceptions");
      assert.deepEqual(outside, [], "no request left the machine");
    });
  });
}
