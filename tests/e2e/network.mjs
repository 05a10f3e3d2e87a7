// End-to-end tests of the widget against a misbehaving feed server, in headless Chromium,
// headless Firefox and WebKit (the machine's Debian browsers, started by browser.mjs: Chromium
// over CDP and Firefox ESR over WebDriver BiDi with puppeteer-core, WebKitGTK over WebDriver
// classic under a virtual display).
//
//   make dist && node --test tests/e2e/network.mjs
//   NETWORK_BROWSERS=firefox node --test tests/e2e/network.mjs          one browser
//   node --test --test-name-pattern=storage tests/e2e/network.mjs       a subset
//
// fault-server.mjs serves dist/, the test pages and one path per fault on 127.0.0.1; each
// test keys the server's counters with its own `t` so tests never share state. Every wait is
// on a condition with a deadline; the three negative checks (no request while hidden, none
// after removal, none after a feed change) wait a bounded time, named where they happen.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { BROWSERS, launch } from "./browser.mjs";
import { HUGE_BYTES, startFaultServer } from "./fault-server.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = join(HERE, "..", "..", "dist");
const PAGES = join(HERE, "pages");
const DEADLINE_MS = Number(process.env.E2E_DEADLINE_MS ?? 20_000);

// Every engine of browser.mjs (E2E_BROWSERS narrows them; NETWORK_BROWSERS, its older name here, still does).
const CHOSEN = (process.env.NETWORK_BROWSERS?.split(",").map((b) => b.trim()) ?? BROWSERS);

/** The widget's words (lang="en") the tests look for. */
const EN = {
  stale: "May be out of date",
  start: "Start rotating headlines",
  next: "Next headlines",
};

let server;
let otherOrigin; // the same fault server on another port: a feed host across origins

before(async () => {
  if (!existsSync(join(DIST, "news-widget.js"))) throw new Error("dist/ is missing: build the bundle first (make dist)");
  server = await startFaultServer([DIST, PAGES]);
  otherOrigin = await startFaultServer([DIST, PAGES]);
});

after(async () => {
  await server?.close();
  await otherOrigin?.close();
});

// ---------------------------------------------------------------------------------------
// Helpers, named for what a test does with them.

/** Polls `read()` until `ok(value)`; on timeout says what was last read. */
async function waitFor(expected, read, ok, timeout = DEADLINE_MS) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await read();
    if (ok(last)) return last;
    if (Date.now() > end) throw new Error(`expected ${expected} within ${timeout} ms; saw ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits `ms`, checking `ok(read())` all along: for "nothing happens" assertions only. */
async function staysTrue(what, ms, read, ok) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const value = await read();
    assert.ok(ok(value), `${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Opens network.html in a fresh browser context (its own storage), closed when the test
 * ends. `prepare` runs in the page before any of its scripts. `problems` collects uncaught
 * exceptions and panics (the widget's own console errors about feeds are expected here).
 */
async function openPage(browser, t, { prepare, context, path = "/network.html" } = {}) {
  const ctx = context ?? (await browser.createBrowserContext());
  if (!context) t.after(() => ctx.close().catch(() => {}));
  const page = await ctx.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("console", (message) => {
    const text = message.text();
    if (/panicked|unreachable|RuntimeError/.test(text)) problems.push(`console: ${text}`);
  });
  if (prepare) await page.evaluateOnNewDocument(prepare);
  await page.goto(`${server.origin}${path}`);
  await page.waitForFunction(() => customElements.get("news-widget") !== undefined, { timeout: DEADLINE_MS });
  return { page, problems, context: ctx };
}

const feedUrl = (path, t, extra = "", on = server) => `${on.origin}/fault/${path}?t=${encodeURIComponent(t)}${extra}`;

/** Adds a widget with `attributes` (lang="en" unless given). */
const addWidget = (page, id, attributes) => page.evaluate((id, a) => window.addWidget(id, a), id, { lang: "en", ...attributes });

/** What a reader (and the host page) sees of widget `id`. */
const view = (page, id) =>
  page.evaluate((id) => {
    const widget = document.getElementById(id);
    const root = widget?.shadowRoot;
    const text = (selector) => root?.querySelector(selector)?.textContent.trim() ?? null;
    const visibleSlide = root && [...root.querySelectorAll(".nw-slide")].find((s) => !s.hidden);
    return {
      state: widget?.getAttribute("state") ?? null,
      states: window.__states[id] ?? [],
      headline: text('[part="headline"]'),
      alert: text('[role="alert"]'),
      stale: text('[part="stale"] [aria-hidden="true"]'),
      staleLabel: root?.querySelector('[part="stale"]')?.querySelector(".nw-visually-hidden")?.textContent ?? null,
      skeleton: Boolean(root?.querySelector('[part="skeleton"]')),
      retryButton: Boolean(root?.querySelector('[role="alert"] button')),
      blank: !root?.textContent.trim(),
      toggle: text(".nw-toggle"),
      slide: visibleSlide?.getAttribute("aria-label") ?? null,
      slideText: visibleSlide?.textContent ?? null,
    };
  }, id);

const eventsOf = (page, id) => page.evaluate((id) => window.__events.filter((e) => e.widget === id), id);

/** Waits until widget `id` shows what `ok` expects, checking it is never blank once drawn. */
async function waitForView(page, id, expected, ok, timeout) {
  let drawn = false;
  return waitFor(
    expected,
    async () => {
      const v = await view(page, id);
      if (!v.blank) drawn = true;
      else if (drawn) throw new Error(`widget ${id} went blank: ${JSON.stringify(v)}`);
      return v;
    },
    ok,
    timeout,
  );
}

const settled = (v) => v.state === "ready" || v.state === "error" || v.state === "empty";

/** Largest linear memory of any wasm instance on the page (network-probe.js records them). */
const largestWasmMemory = (page) => page.evaluate(() => Math.max(0, ...window.__wasmMemories.map((m) => m.buffer.byteLength)));

/** The host page still works: its own button takes a click. */
async function pageStillUsable(page) {
  const clicked = await page.evaluate(() => {
    let seen = false;
    const button = document.getElementById("host-button");
    button.addEventListener("click", () => (seen = true), { once: true });
    button.click();
    return seen;
  });
  assert.ok(clicked, "the host page's button still works");
}

/** The feed's headline text at `version` (see fault-server.mjs). */
const headlineAt = (version, label = "Fault feed") => `${label}, version ${version}`;

// ---------------------------------------------------------------------------------------
// Each fault path, one widget each, all on one page at once.

const FAULTS = [
  { path: "404", state: "error", message: /HTTP 404 Not Found/, requests: 1 },
  { path: "500", state: "error", message: /HTTP 500 Internal Server Error/, requests: 4 },
  { path: "503-twice", state: "ready", headline: headlineAt(1), requests: 3 },
  { path: "429-once", state: "ready", headline: headlineAt(1), requests: 2, gap: 1_000 },
  { path: "trickle", state: "ready", headline: headlineAt(1, "Trickled feed"), requests: 1 },
  { path: "truncated", state: "error", message: /broke off before it was complete/, requests: 4 },
  { path: "html", state: "error", message: /returned a web page \(HTML\), not a feed/, requests: 1 },
  { path: "invalid-json", state: "error", message: /not valid JSON: .*line 1 column/, requests: 1 },
  { path: "not-feed", state: "error", message: /not a usable news feed/, requests: 1 },
  { path: "huge", state: "error", message: /larger than 5 MB/, requests: 1, huge: true },
  { path: "huge-length", state: "error", message: /larger than 5 MB/, requests: 1, huge: true },
  // Three attempts of 10 s, 9.x s and the waits between them: the 30 s budget.
  // The message gives the measured time, rounded: 30 s of attempt timeouts and the backoffs
  // between them, plus whatever a loaded machine adds (a fresh-clone run saw "31 s").
  { path: "hang", state: "error", message: /did not answer in time: 3 attempts in 3[0-2] s/, requests: 3, deadline: 50_000 },
];

for (const name of CHOSEN) {
  describe(`network in ${name}`, () => {
    let browser;
    before(async () => {
      browser = await launch(name);
    });
    after(() => browser?.close());
    const id = (slug) => `${name}-${slug}`;

    test("every fault path ends in the right state and message", { timeout: 120_000 }, async (t) => {
      const { page, problems } = await openPage(browser, t);
      for (const fault of FAULTS) await addWidget(page, fault.path, { feed: feedUrl(fault.path, id(fault.path)) });
      // Waited on together: the hanging one sets the pace, the others must not wait for it.
      const results = await Promise.all(
        FAULTS.map((fault) =>
          waitForView(page, fault.path, `${fault.path}: state ${fault.state}`, (v) => v.state === fault.state && settled(v), fault.deadline),
        ),
      );
      for (const [i, fault] of FAULTS.entries()) {
        const v = results[i];
        const where = `${fault.path}: ${JSON.stringify(v)}`;
        if (fault.headline) {
          assert.equal(v.headline, fault.headline, where);
          assert.deepEqual(v.states, ["loading", "ready"], `${fault.path}: never in error on the way`);
        } else {
          assert.match(v.alert ?? "", fault.message, where);
          assert.ok(v.retryButton, `${fault.path}: a retry button`);
          const errors = (await eventsOf(page, fault.path)).filter((e) => e.type === "news-widget:error");
          assert.equal(errors.length, 1, `${fault.path}: one error event`);
          assert.match(errors[0].detail.message, fault.message);
          assert.notEqual(errors[0].detail.stale, true, `${fault.path}: nothing stayed on screen`);
        }
        const requests = server.requests(id(fault.path));
        assert.equal(requests.length, fault.requests, `${fault.path}: requests ${JSON.stringify(requests.map((r) => r.status))}`);
        if (fault.gap) {
          const waited = requests[1].at - requests[0].at;
          assert.ok(waited >= fault.gap - 50, `${fault.path}: Retry-After honoured (waited ${waited} ms)`);
        }
        if (fault.huge) {
          const sent = server.bytesSent(id(fault.path));
          if (name === "webkit") {
            // WebKit's network process reads on ahead of the page (through the test's proxy,
            // one more buffer) by tens of MB before the widget's cancel reaches the socket, so
            // the page's early stop is not visible in the bytes: check the body was cut off.
            t.diagnostic(`webkit: ${fault.path}: the network process read ${sent} bytes ahead of the page; checked the server was cut off before the end`);
            assert.ok(sent < HUGE_BYTES, `${fault.path}: the browser stopped reading (${sent} bytes sent)`);
          } else {
            assert.ok(sent < 24 * 1024 * 1024, `${fault.path}: the browser stopped reading early (${sent} bytes sent)`);
          }
        }
      }
      const memory = await largestWasmMemory(page);
      assert.ok(memory > 0 && memory < 40 * 1024 * 1024, `wasm memory stays bounded: ${memory} bytes`);
      await pageStillUsable(page);
      assert.deepEqual(problems, []);
    });

    test("a retry after an error shows the feed", { timeout: 60_000 }, async (t) => {
      const { page, problems } = await openPage(browser, t);
      const key = id("retry-button");
      server.setStatus(key, 404);
      await addWidget(page, "w", { feed: feedUrl("ok", key) });
      await waitForView(page, "w", "the error state", (v) => v.state === "error");
      server.setStatus(key, 200);
      await page.evaluate(() => document.getElementById("w").shadowRoot.querySelector('[role="alert"] button').click());
      const v = await waitForView(page, "w", "the feed", (v) => v.state === "ready");
      assert.equal(v.headline, headlineAt(1));
      assert.deepEqual(problems, []);
    });

    test("the feed is requested while the wasm downloads, once", { timeout: 60_000 }, async (t) => {
      // The server holds the wasm back until the feed request has come, so the order is the
      // loader's, not the loopback's: on 127.0.0.1 the whole wasm can arrive before any
      // script would have had the chance to ask for the feed (WebKit: 77 ms vs 80 ms).
      const key = id("early");
      server.hold(key, ".wasm");
      t.after(() => server.release(key, ".wasm"));
      const { page, problems } = await openPage(browser, t, { path: `/held/${key}/network.html` });
      const feed = feedUrl("ok", key);
      await addWidget(page, "w", { feed });
      const held = await waitFor(
        "the feed requested while the wasm is held at the server",
        () => ({ feed: server.requests(key).length, waiting: server.waiting(key) }),
        (s) => s.feed === 1 && s.waiting.some((path) => path.endsWith(".wasm")),
      );
      assert.equal(held.waiting.filter((path) => path.endsWith(".wasm")).length, 1, `one wasm download: ${JSON.stringify(held)}`);
      assert.equal(await page.evaluate(() => document.getElementById("w").getAttribute("state")), "loading", "no widget without its wasm");
      server.release(key, ".wasm");
      const v = await waitForView(page, "w", "the feed", (v) => v.state === "ready");
      assert.equal(v.headline, headlineAt(1));
      // The widget read the loader's answer: the page saw one request, the server one.
      const seen = await page.evaluate((feed) => performance.getEntriesByType("resource").filter((e) => e.name === feed).length, feed);
      assert.equal(seen, 1, "one feed request seen by the page");
      assert.equal(server.requests(key).length, 1, "the widget sent no second request");
      assert.deepEqual(problems, []);
    });

    test("while the stylesheet and the wasm download, the page below the widget stays put", { timeout: 60_000 }, async (t) => {
      // The widget first in the body, a paragraph below it: the page partners see shift most.
      const key = id("shift");
      server.hold(key, ".css");
      server.hold(key, ".wasm");
      t.after(() => {
        server.release(key, ".css");
        server.release(key, ".wasm");
      });
      const ctx = await browser.createBrowserContext();
      t.after(() => ctx.close().catch(() => {}));
      const page = await ctx.newPage();
      const problems = [];
      page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
      await page.goto(`${server.origin}/held/${key}/shift.html`);
      const geometry = () =>
        page.evaluate(() => {
          const widget = document.getElementById("w");
          const sheets = widget.shadowRoot?.adoptedStyleSheets ?? [];
          return {
            state: widget.getAttribute("state"),
            display: getComputedStyle(widget).display,
            rules: sheets.reduce((n, sheet) => n + sheet.cssRules.length, 0),
            bodyTop: document.body.getBoundingClientRect().top,
            belowTop: document.getElementById("below").getBoundingClientRect().top,
            headline: widget.shadowRoot?.querySelector('[part="headline"]')?.textContent ?? null,
            shifts: window.__shifts,
          };
        });
      // Before the stylesheet: the loader has made the element a contained block already.
      await waitFor("both downloads held", () => server.waiting(key), (w) => w.some((p) => p.endsWith(".css")) && w.some((p) => p.endsWith(".wasm")));
      const before = await waitFor("the loader to connect the widget", geometry, (g) => g.state === "loading");
      assert.equal(before.display, "block", `a block box before any stylesheet: ${JSON.stringify(before)}`);
      // The stylesheet arrives: adopted at once, with the wasm still on its way.
      server.release(key, ".css");
      const styled = await waitFor("the stylesheet adopted", geometry, (g) => g.rules > 10);
      assert.equal(styled.state, "loading");
      assert.equal(styled.bodyTop, before.bodyTop, "the body did not move when the stylesheet came");
      // The wasm arrives: skeleton, then the article. The body never moves; what is below the
      // widget moves down only by the widget's own growth.
      server.release(key, ".wasm");
      const ready = await waitFor("the article", geometry, (g) => g.state === "ready" && g.headline !== null);
      assert.equal(ready.bodyTop, before.bodyTop, `the body did not move when the widget rendered: ${JSON.stringify(ready)}`);
      assert.ok(ready.belowTop > before.belowTop, "the paragraph is below the article");
      // Chromium's own measure (Firefox has none): the two moves of the paragraph, no large
      // shift of the whole page (before: 0.41 of the body alone on the benchmark page). If the
      // browser paints once before the loader (a module script) has run, the body moves 8 px
      // while the page is one line tall: a shift of about 0.001, which no loader can prevent.
      if (name === "chromium") {
        const total = ready.shifts.reduce((sum, shift) => sum + shift.value, 0);
        const body = ready.shifts.filter((shift) => shift.sources.includes("BODY"));
        assert.ok(body.every((shift) => shift.value < 0.01), `no large shift of the body: ${JSON.stringify(ready.shifts)}`);
        assert.ok(total < 0.1, `layout shift ${total.toFixed(3)} stays under 0.1: ${JSON.stringify(ready.shifts)}`);
      } else {
        t.diagnostic(`${name}: no layout-shift entries in this engine; checked the geometry only (the body never moved)`);
      }
      assert.deepEqual(problems, []);
    });

    test("a feed change drops the old request; its late answer never shows", { timeout: 60_000 }, async (t) => {
      const { page, problems } = await openPage(browser, t);
      const slow = id("old-url");
      server.setDelay(slow, 3_000);
      await addWidget(page, "w", { feed: feedUrl("ok", slow) });
      await waitFor("the slow request to arrive", () => server.requests(slow).length, (n) => n === 1);
      await page.evaluate((feed) => document.getElementById("w").setAttribute("feed", feed), feedUrl("ok", id("new-url"), "&v=2"));
      // The state follows the content within a task (Yew runs effects after a render that
      // took longer than its 16 ms slice in the next task): wait for both.
      const v = await waitForView(page, "w", "the new feed, ready", (v) => v.headline === headlineAt(2) && v.state === "ready");
      assert.equal(v.state, "ready");
      // The old request was cancelled: the server saw the client go before its 3 s were up.
      await waitFor("the old request to end", () => server.requests(slow)[0].done, Boolean);
      // Bounded negative wait: past the old answer's time, the new feed is still shown.
      await staysTrue("the new feed stays", 3_500, () => view(page, "w"), (v) => v.headline === headlineAt(2));
      assert.equal(server.requests(slow).length, 1, "the old URL was not asked again");
      assert.deepEqual(problems, []);
    });

    test("removal stops retries", { timeout: 60_000 }, async (t) => {
      const { page, problems } = await openPage(browser, t);
      const key = id("removed");
      await addWidget(page, "w", { feed: feedUrl("500", key) });
      await waitFor("the first request", () => server.requests(key).length, (n) => n >= 1);
      await page.evaluate(() => document.getElementById("w").remove());
      const seen = server.requests(key).length;
      // Bounded negative wait: the remaining retries would all have come within 3.5 s.
      await staysTrue("no request after removal", 4_000, () => server.requests(key).length, (n) => n === seen);
      assert.deepEqual(problems, []);
    });

    // -------------------------------------------------------------------------------------
    // Refresh

    test("refresh: a 304 changes nothing, a new feed updates in place, a stopped rotation stays stopped", { timeout: 90_000 }, async (t) => {
      const { page, problems } = await openPage(browser, t);
      const key = id("changing");
      await addWidget(page, "w", { feed: feedUrl("changing", key), refresh: "10", interval: "600" });
      let v = await waitForView(page, "w", "the first version", (v) => v.state === "ready");
      assert.equal(v.headline, headlineAt(1, "Changing feed"));
      // The reader moves to the second slide: rotation stops there.
      await page.evaluate((label) => document.getElementById("w").shadowRoot.querySelector(`button[aria-label="${label}"]`).click(), EN.next);
      v = await waitForView(page, "w", "slide 2, stopped", (v) => v.slide === "2 / 3" && v.toggle === EN.start);
      assert.match(v.slideText, /Headline 6/);
      await page.evaluate(() => {
        window.watchMutations("w");
        window.__headlineNode = document.getElementById("w").shadowRoot.querySelector('[part="headline"]');
      });

      // First refresh: conditional, answered 304; nothing in the widget moves.
      const first = await waitFor("a conditional refresh", () => server.requests(key), (r) => r.length >= 2 && r[1].done, 25_000);
      assert.equal(first[1].status, 304, "answered 304");
      assert.equal(first[1].ifNoneMatch, `"${key}-v1"`, "sent the ETag back");
      assert.ok(first[1].ifModifiedSince, "sent Last-Modified back");
      const gap = first[1].at - first[0].at;
      assert.ok(gap >= 9_500 && gap < 20_000, `refreshed after the interval (${gap} ms)`);
      await waitFor("the 304 to be handled", () => page.evaluate((url) => performance.getEntriesByName(url).length, feedUrl("changing", key)), (n) => n >= 2);
      assert.deepEqual(await page.evaluate(() => window.__mutations.w), { count: 0, kinds: [] }, "a 304 causes no DOM mutation");

      // The feed changes: the next refresh updates the article and the sidebar in place.
      server.setVersion(key, 2);
      v = await waitForView(page, "w", "the second version", (v) => v.headline === headlineAt(2, "Changing feed"), 25_000);
      assert.ok(await page.evaluate(() => window.__headlineNode === document.getElementById("w").shadowRoot.querySelector('[part="headline"]')), "the same headline element, updated in place");
      assert.deepEqual(v.states, ["loading", "ready"], "no skeleton, no error on the way");
      assert.equal(v.toggle, EN.start, "rotation still stopped");
      // Five new headlines on top moved "Headline 6" from slide 2 of 3 to slide 3 of 4.
      assert.equal(v.slide, "3 / 4");
      assert.match(v.slideText, /Headline 6/, "still on the headline the reader stopped at");
      // The event is sent by an effect, which may run a task after the render.
      const updates = await waitFor("the news-widget:update event", async () => (await eventsOf(page, "w")).filter((e) => e.type === "news-widget:update"), (u) => u.length >= 1);
      assert.equal(updates.length, 1, "one news-widget:update event");
      assert.deepEqual(problems, []);
    });

    test("refresh across origins: the browser revalidates, the same feed changes nothing, a new one updates in place", { timeout: 90_000 }, async (t) => {
      const { page, problems } = await openPage(browser, t);
      const key = id("cross-origin");
      const url = feedUrl("changing", key, "", otherOrigin);
      await addWidget(page, "w", { feed: url, refresh: "10", interval: "600" });
      await waitForView(page, "w", "the first version", (v) => v.headline === headlineAt(1, "Changing feed"));
      await page.evaluate(() => window.watchMutations("w"));

      // The widget adds no conditional header across origins (that would need a CORS
      // preflight); the browser revalidates its cached copy with its own If-None-Match.
      const first = await waitFor("a refresh", () => otherOrigin.requests(key), (r) => r.length >= 2 && r[1].done, 25_000);
      if (name === "webkit" && first[1].ifNoneMatch === null) {
        // WebKitGTK's automation session is ephemeral and keeps no HTTP cache (checked without
        // the test proxy too: a second fetch of a no-cache resource with an ETag is sent bare).
        t.diagnostic("webkit: no HTTP cache in this session, so no revalidation to observe; checked that a full 200 of the same feed changes nothing");
        assert.equal(first[1].status, 200);
      } else {
        assert.equal(first[1].ifNoneMatch, `"${key}-v1"`, "the browser revalidated its cached copy");
        assert.equal(first[1].status, 304);
      }
      await waitFor("the refresh to be handled", () => page.evaluate((url) => performance.getEntriesByName(url).length, url), (n) => n >= 2);
      assert.deepEqual(await page.evaluate(() => window.__mutations.w), { count: 0, kinds: [] }, "the same feed causes no DOM mutation");

      otherOrigin.setVersion(key, 2);
      const v = await waitForView(page, "w", "the second version", (v) => v.headline === headlineAt(2, "Changing feed"), 25_000);
      assert.deepEqual(v.states, ["loading", "ready"]);
      assert.deepEqual(problems, []);
    });

    test("refresh: none while the page is hidden, one catch-up when it is seen again", { timeout: 90_000 }, async (t) => {
      const { page, problems } = await openPage(browser, t);
      const key = id("hidden");
      await addWidget(page, "w", { feed: feedUrl("changing", key), refresh: "10", interval: "600" });
      await waitForView(page, "w", "ready", (v) => v.state === "ready");
      await page.evaluate(() => window.setPageHidden(true));
      // Bounded negative wait: 1.5 refresh intervals without a request.
      await staysTrue("no request while hidden", 15_000, () => server.requests(key).length, (n) => n === 1);
      await page.evaluate(() => window.setPageHidden(false));
      await waitFor("one catch-up request", () => server.requests(key).length, (n) => n === 2, 5_000);
      // And only one: the next is an interval away.
      await staysTrue("a single catch-up", 3_000, () => server.requests(key).length, (n) => n === 2);
      assert.deepEqual(problems, []);
    });

    // -------------------------------------------------------------------------------------
    // The stored last good feed

    /** In the page: counts animation frames, and those in which a widget shows its skeleton. */
    const countSkeletonFrames = () => {
      window.__frames = { all: 0, skeleton: 0 };
      const tick = () => {
        window.__frames.all++;
        const widgets = [...document.querySelectorAll("news-widget")];
        if (widgets.some((w) => w.shadowRoot?.querySelector(".nw-skeleton"))) window.__frames.skeleton++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    };
    const storageKey = (url) => `news-widget:v1:${url}`;
    const stored = (page, url) => page.evaluate((key) => localStorage.getItem(key), storageKey(url));

    test("storage: a repeat visit shows the stored feed before the network answers", { timeout: 60_000 }, async (t) => {
      const { page, problems, context } = await openPage(browser, t);
      const key = id("repeat");
      const url = feedUrl("ok", key);
      await addWidget(page, "w", { feed: url });
      await waitForView(page, "w", "ready", (v) => v.state === "ready");
      assert.match((await stored(page, url)) ?? "", /^news-widget-feed 1\n/, "stored under its versioned key");

      server.setDelay(key, 5_000);
      const again = await openPage(browser, t, { context, prepare: countSkeletonFrames });
      await addWidget(again.page, "w", { feed: url });
      const v = await waitForView(again.page, "w", "the stored feed", (v) => v.state === "ready", 4_000);
      assert.equal(v.headline, headlineAt(1));
      const frames = await again.page.evaluate(() => window.__frames);
      assert.ok(frames.all > 0, "the frame probe ran");
      assert.equal(frames.skeleton, 0, "no frame showed the skeleton: the stored article is in the first render");
      const pending = server.requests(key).at(-1);
      assert.ok(!pending.done, "shown while the network request was still waiting");
      await waitFor("the revalidation to finish", () => server.requests(key).at(-1).done, Boolean);
      const after = await view(again.page, "w");
      assert.deepEqual(after.states, ["loading", "ready"]);
      assert.equal(after.stale, null, "confirmed: not marked out of date");
      const told = (await eventsOf(again.page, "w")).map((e) => e.type);
      assert.deepEqual(told, ["news-widget:ready"], "ready once; the same content is no update");
      assert.deepEqual(problems.concat(again.problems), []);
    });

    test("storage: a failing server leaves the stored feed, marked possibly out of date", { timeout: 60_000 }, async (t) => {
      const { page, context } = await openPage(browser, t);
      const key = id("stale");
      const url = feedUrl("ok", key);
      await addWidget(page, "w", { feed: url });
      await waitForView(page, "w", "ready", (v) => v.state === "ready");

      server.setStatus(key, 503);
      const again = await openPage(browser, t, { context });
      await addWidget(again.page, "w", { feed: url });
      const v = await waitForView(again.page, "w", "the out-of-date mark", (v) => v.stale !== null);
      assert.equal(v.state, "ready", "state stays ready");
      assert.equal(v.headline, headlineAt(1), "the stored content stays");
      assert.equal(v.stale, EN.stale);
      assert.match(v.staleLabel ?? "", /may be out of date/i);
      const errors = (await eventsOf(again.page, "w")).filter((e) => e.type === "news-widget:error");
      assert.equal(errors.length, 1);
      assert.equal(errors[0].detail.stale, true);
      assert.match(errors[0].detail.message, /HTTP 503/);
      assert.deepEqual(again.problems, []);
    });

    const STORAGE_FAULTS = {
      throws: () => {
        for (const name of ["getItem", "setItem", "removeItem", "key", "clear"]) {
          Storage.prototype[name] = () => {
            throw new Error(`storage blocked by the test (${name})`);
          };
        }
      },
      disabled: () => {
        Object.defineProperty(window, "localStorage", {
          configurable: true,
          get() {
            throw new DOMException("The operation is insecure.", "SecurityError");
          },
        });
      },
    };

    for (const [fault, prepare] of Object.entries(STORAGE_FAULTS)) {
      test(`storage: ${fault} storage still gives a working widget`, { timeout: 60_000 }, async (t) => {
        const { page, problems } = await openPage(browser, t, { prepare });
        await addWidget(page, "w", { feed: feedUrl("ok", id(`storage-${fault}`)) });
        const v = await waitForView(page, "w", "ready", (v) => v.state === "ready");
        assert.equal(v.headline, headlineAt(1));
        assert.deepEqual(problems, []);
      });
    }

    test("storage: full storage still gives a working widget", { timeout: 60_000 }, async (t) => {
      const { page, problems } = await openPage(browser, t);
      const filled = await page.evaluate(() => {
        let size = 1 << 20;
        let n = 0;
        while (size >= 64) {
          try {
            localStorage.setItem(`filler-${n++}`, "x".repeat(size));
          } catch {
            size >>= 1;
          }
        }
        return n;
      });
      assert.ok(filled > 1, "the test filled the storage");
      const url = feedUrl("ok", id("storage-full"));
      await addWidget(page, "w", { feed: url });
      const v = await waitForView(page, "w", "ready", (v) => v.state === "ready");
      assert.equal(v.headline, headlineAt(1));
      assert.equal(await stored(page, url), null, "nothing stored, nothing of the page's removed");
      assert.ok(await page.evaluate(() => localStorage.getItem("filler-0") !== null), "the page's own data is untouched");
      assert.deepEqual(problems, []);
    });

    test('storage: storage="off" neither reads nor writes, and forgets', { timeout: 60_000 }, async (t) => {
      const { page, context } = await openPage(browser, t);
      const key = id("off");
      const url = feedUrl("ok", key);
      await addWidget(page, "w", { feed: url });
      await waitForView(page, "w", "ready", (v) => v.state === "ready");
      assert.notEqual(await stored(page, url), null, "stored while on");

      server.setDelay(key, 2_000);
      const again = await openPage(browser, t, { context });
      await addWidget(again.page, "w", { feed: url, storage: "off" });
      const early = await view(again.page, "w");
      assert.notEqual(early.state, "ready", "nothing stored is shown");
      await waitForView(again.page, "w", "the network's feed", (v) => v.state === "ready");
      assert.equal(await stored(again.page, url), null, "the stored entry is gone");
      assert.deepEqual(again.problems, []);
    });

    test("storage: many feeds keep the widget's share of storage bounded", { timeout: 90_000 }, async (t) => {
      const { page, problems } = await openPage(browser, t);
      // Before: the page's own data, and an entry of ours a week and a day old.
      const expired = storageKey(feedUrl("ok", id("long-gone")));
      await page.evaluate((expired) => {
        localStorage.setItem("partner-data", "kept");
        localStorage.setItem(expired, `news-widget-feed 1\nsaved ${Date.now() - 8 * 86_400_000}\n\n{}`);
      }, expired);
      // A portal with a widget per topic: 24 feed URLs, each stored as it arrives.
      const urls = Array.from({ length: 24 }, (_, i) => feedUrl("ok", id(`topic-${i}`)));
      for (const [i, url] of urls.entries()) await addWidget(page, `w${i}`, { feed: url });
      for (const i of urls.keys()) await waitForView(page, `w${i}`, `w${i} ready`, (v) => v.state === "ready");
      // A widget stores a new feed before it renders it: once all are ready, all have saved.
      const entries = await page.evaluate(() =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith("news-widget:"))
          .map((k) => [k, localStorage.getItem(k).length]),
      );
      assert.equal(entries.length, 16, "at most 16 entries (MAX_ENTRIES)");
      assert.ok(entries.reduce((sum, [, n]) => sum + n, 0) <= 2 * 1024 * 1024, "within MAX_TOTAL_BYTES");
      assert.ok(!entries.some(([k]) => k === expired), "the expired entry is gone");
      assert.equal(await page.evaluate(() => localStorage.getItem("partner-data")), "kept", "the page's own data stays");
      assert.deepEqual(problems, []);
    });

    test("storage: two widgets on one feed share one entry", { timeout: 60_000 }, async (t) => {
      const { page, problems } = await openPage(browser, t);
      const url = feedUrl("ok", id("shared"));
      await addWidget(page, "a", { feed: url });
      await addWidget(page, "b", { feed: url, article: "h3" });
      await waitForView(page, "a", "a ready", (v) => v.state === "ready");
      await waitForView(page, "b", "b ready", (v) => v.state === "ready");
      const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("news-widget:")));
      assert.deepEqual(keys, [storageKey(url)]);
      assert.deepEqual(problems, []);
    });
  });
}
