// Pre-rendered widgets (`newsctl render`) in headless Chromium (playwright-core), headless
// Firefox ESR (puppeteer-core over WebDriver BiDi) and WebKitGTK (WebDriver classic, browser.mjs;
// under a virtual display):
//
//   node --test tests/e2e/prerender.mjs     (needs dist/ and target/debug/newsctl: make e2e)
//
// The pages are written at the start from `newsctl render` output into a temporary folder
// served before dist/ and pages/. Without JavaScript the article must be readable in the
// declarative shadow root; with it, the wasm must take the widget over (state ready, the same
// text as a client-only widget) with no layout shift, no frame without the article, no lost
// scroll or focus and no console error, also when the pre-render does not match the feed.
// Every wait is on a condition with a deadline.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { createServer, request } from "node:http";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import puppeteer from "puppeteer-core";
import { serve } from "./serve.mjs";
import { BROWSERS as ENGINES, launch as launchEngine, launchOptions } from "./browser.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..", "..");
const DIST = join(ROOT, "dist");
const PAGES = join(HERE, "pages");
const NEWSCTL = join(ROOT, "target", "debug", "newsctl");
const LAYOUTS = ["article", "headlines", "list"];
const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";
const DEADLINE_MS = Number(process.env.E2E_DEADLINE_MS ?? 20_000);
const TEST_TIMEOUT_MS = 120_000;
const VIEWPORT = { width: 1280, height: 900 };
/** The iframe fallback's own policy (as in embedding.mjs): no inline script or style. */
const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' https:; connect-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'";

const HEADLINE = "向新而行 浙江丽水探路山区发展“新赛道”";
const CAPTION = "俯瞰丽水经开区。";
const LAST_HEADLINE = "2024中国—东盟电影文化周在广西南宁启幕";

let generated; // folder of the generated pages
let site;
let slowSite; // the same site, with the stylesheet 1 s late

// ---- pages -------------------------------------------------------------------------------

const newsctl = (...args) => execFileSync(NEWSCTL, args, { encoding: "utf8" });

/** `newsctl render … --inline-css`: the element, and the style-src hash newsctl printed. */
function renderInline(...args) {
  const run = spawnSync(NEWSCTL, ["render", ...args, "--inline-css", join(DIST, "news-widget.css")], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`newsctl render --inline-css failed: ${run.stderr}`);
  const hash = run.stderr.match(/style-src ('sha256-[A-Za-z0-9+/=]+')/)?.[1];
  if (!hash) throw new Error(`newsctl printed no style-src hash: ${run.stderr}`);
  return { widget: run.stdout, hash };
}

function writePage(name, title, widget, { headStylesheet = true } = {}) {
  // As the README's recipe says: the widget's stylesheet is also linked in <head>, where it
  // blocks rendering; Firefox would otherwise paint the shadow root once unstyled. An inlined
  // stylesheet needs no such link.
  const html = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <link rel="stylesheet" href="prerender.css" />
    ${headStylesheet ? '<link rel="stylesheet" href="news-widget.css" />' : ""}
    <script src="prerender-probe.js"></script>
    <script type="module" src="news-widget.js"></script>
  </head>
  <body>
    <p>A partner page: a paragraph above the widget.</p>
    ${widget.trim()}
    <p id="below">A paragraph below the widget: it must not move.</p>
    <div class="spacer"></div>
  </body>
</html>
`;
  writeFileSync(join(generated, name), html);
}

before(() => {
  for (const file of ["news-widget.js", "news-widget-app_bg.wasm", "news-widget.css", "feed.json"]) {
    if (!existsSync(join(DIST, file))) throw new Error(`dist/${file} is missing: build the bundle first (make dist)`);
  }
  if (!existsSync(NEWSCTL)) throw new Error(`${NEWSCTL} is missing: cargo build --bin newsctl`);
  generated = mkdtempSync(join(tmpdir(), "news-widget-prerender-"));
  const feed = join(DIST, "feed.json");
  const fixture = join(PAGES, "fixture-feed.json");
  // The default feed, pre-rendered as the element will fetch it; scrolled before the switch.
  writePage(
    "prerendered.html",
    "Pre-rendered widget",
    newsctl("render", feed, "--feed", "feed.json", "--attr", "data-probe=", "--attr", "data-probe-scroll="),
  );
  // The same widget, rendered by the wasm only.
  writePage("client-only.html", "Client-only widget", '<news-widget data-probe feed="feed.json"></news-widget>');
  // The other layouts, pre-rendered and client-only, for the take-over without a shift.
  for (const layout of LAYOUTS) {
    const part = layout === "article" ? "headline" : "sidebar";
    writePage(
      `prerendered-${layout}.html`,
      `Pre-rendered widget, layout ${layout}`,
      newsctl("render", feed, "--feed", "feed.json", "--layout", layout, "--attr", "data-probe=", "--attr", `data-probe-part=${part}`),
    );
    writePage(
      `client-only-${layout}.html`,
      `Client-only widget, layout ${layout}`,
      `<news-widget data-probe data-probe-part="${part}" feed="feed.json" layout="${layout}"></news-widget>`,
    );
  }
  // Linked headlines; the reader has focused one before the switch.
  writePage(
    "prerendered-focus.html",
    "Pre-rendered widget, focused link",
    newsctl("render", fixture, "--feed", "fixture-feed.json", "--attr", "data-probe=", "--attr", "data-probe-focus="),
  );
  // An older pre-render: another feed's markup under an element that fetches the default feed.
  writePage(
    "prerendered-stale.html",
    "Stale pre-render",
    newsctl("render", fixture, "--feed", "feed.json", "--attr", "data-probe="),
  );
  // What a CMS might leave: comments stripped, markup cut short, no stylesheet link.
  writePage(
    "prerendered-mangled.html",
    "Mangled pre-render",
    `<news-widget data-probe feed="feed.json"><template shadowrootmode="open"><div class="nw-root nw-static" part="root">` +
      `<article part="article"><h1 part="headline">${HEADLINE}</h1><p>cut sho</template></news-widget>`,
  );
  // A feed URL that answers 404: the pre-render is all there is.
  writePage(
    "prerendered-failing.html",
    "Pre-rendered widget, failing feed",
    newsctl("render", feed, "--feed", "missing.json", "--attr", "data-probe="),
  );
  // The iframe fallback's page, served pre-rendered, under its strict CSP.
  writeFileSync(
    join(generated, "embed-prerendered.html"),
    newsctl("render", feed, "--feed", "feed.json", "--attr", "data-probe=", "--page", join(DIST, "embed.html")),
  );
  // The stylesheet inlined, under a policy that allows that one <style> by its hash and no
  // other inline style; the control names another hash.
  const inline = renderInline(feed, "--feed", "feed.json", "--attr", "data-probe=");
  writePage("prerendered-inline.html", "Pre-rendered widget, inline stylesheet", inline.widget, { headStylesheet: false });
  writePage("prerendered-inline-wrong.html", "Inline stylesheet, wrong hash", inline.widget, { headStylesheet: false });
  const inlineCsp = (hash) =>
    `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' ${hash}; ` +
    "img-src 'self' https:; connect-src 'self'";
  const policies = {
    "/embed-prerendered.html": STRICT_CSP,
    "/prerendered-inline.html": inlineCsp(inline.hash),
    "/prerendered-inline-wrong.html": inlineCsp("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"),
  };
  site = serve([generated, DIST, PAGES], (path) =>
    policies[path] ? { "content-security-policy": policies[path] } : {},
  );
  slowSite = site.then(slowStylesheet);
});

/** A proxy for `upstream` that answers requests for news-widget.css 1 s late. */
async function slowStylesheet(upstream) {
  const proxy = createServer((req, res) => {
    const forward = () =>
      request(upstream.origin + req.url, (response) => {
        res.writeHead(response.statusCode, response.headers);
        response.pipe(res);
      }).end();
    if (req.url.includes("news-widget.css")) setTimeout(forward, 1000);
    else forward();
  });
  await new Promise((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${proxy.address().port}`, close: () => new Promise((r) => proxy.close(r)) };
}

after(async () => {
  await (await slowSite)?.close();
  await (await site)?.close();
  if (generated) rmSync(generated, { recursive: true, force: true });
});

// ---- browsers ----------------------------------------------------------------------------

/**
 * One browser, behind the few verbs the tests need. `open(path)` loads a page in a fresh
 * context (Chromium) or tab (Firefox), collecting console errors and uncaught exceptions.
 */
const BROWSERS = {
  Chromium: async ({ javaScript }) => {
    const browser = await chromium.launch(launchOptions);
    return {
      close: () => browser.close(),
      open: async (path, { slow = false } = {}) => {
        const context = await browser.newContext({ viewport: VIEWPORT, javaScriptEnabled: javaScript });
        const page = await context.newPage();
        const { problems, warnings } = watch(page, (m) => m.location().url);
        await page.goto(`${(await (slow ? slowSite : site)).origin}${path}`);
        return { evaluate: (fn, arg) => page.evaluate(fn, arg), problems, warnings, close: () => context.close() };
      },
    };
  },
  Firefox: async ({ javaScript }) => {
    const browser = await puppeteer.launch({
      browser: "firefox",
      executablePath: FIREFOX,
      headless: true,
      defaultViewport: VIEWPORT,
      extraPrefsFirefox: javaScript ? {} : { "javascript.enabled": false },
    });
    return {
      close: () => browser.close(),
      open: async (path, { slow = false } = {}) => {
        const page = await browser.newPage();
        const { problems, warnings } = watch(page, (m) => m.location()?.url ?? "");
        await page.goto(`${(await (slow ? slowSite : site)).origin}${path}`);
        return { evaluate: (fn, arg) => page.evaluate(fn, arg), problems, warnings, close: () => page.close() };
      },
    };
  },
  WebKit: async ({ javaScript }) => {
    const browser = await launchEngine("webkit", { javaScript });
    return {
      close: () => browser.close(),
      open: async (path, { slow = false } = {}) => {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        await page.setViewport(VIEWPORT);
        const { problems, warnings } = watch(page, (m) => m.location()?.url ?? "");
        await page.goto(`${(await (slow ? slowSite : site)).origin}${path}`);
        return { evaluate: (fn, arg) => page.evaluate(fn, arg), problems, warnings, close: () => context.close() };
      },
    };
  },
};

function watch(page, urlOf) {
  const problems = [];
  // Warnings are kept apart: the widget reports a feed that failed as a warning (it handled
  // it), which a test may look for, while any console error is a problem.
  const warnings = [];
  page.on("console", (message) => {
    if (message.type() === "error" && !urlOf(message).endsWith("/favicon.ico")) problems.push(`console.error: ${message.text()}`);
    if (message.type() === "warn" || message.type() === "warning") warnings.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message ?? error}`));
  return { problems, warnings };
}

/** Polls `read` in the page until `ok(value)`; on timeout, reports the last value. */
async function waitFor(page, expected, read, ok, arg) {
  const end = Date.now() + DEADLINE_MS;
  let last;
  for (;;) {
    last = await page.evaluate(read, arg);
    if (ok(last)) return last;
    if (Date.now() > end) throw new Error(`expected ${expected} within ${DEADLINE_MS} ms; saw ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The probe's record once the widget is ready and five more frames have been painted. */
const takenOver = (page) =>
  waitFor(
    page,
    "the widget ready and five frames after",
    () => ({ state: document.querySelector("news-widget[data-probe]").getAttribute("state"), probe: window.__prerenderProbe }),
    (seen) => seen.state === "ready" && seen.probe?.done === true,
  ).then((seen) => seen.probe);

/** What a reader without JavaScript has: the shadow root's text and what is rendered. */
const staticView = () => {
  const widget = document.querySelector("news-widget[data-probe]");
  const shadow = widget.shadowRoot;
  const shown = (el) => Boolean(el) && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const slides = [...(shadow?.querySelectorAll(".nw-slides") ?? [])];
  return {
    probeRan: "__prerenderProbe" in window,
    shadowRoot: Boolean(shadow),
    headline: shadow?.querySelector('[part="headline"]')?.textContent ?? null,
    headlineShown: shown(shadow?.querySelector('[part="headline"]')),
    headlineHeight: shadow?.querySelector('[part="headline"]')?.getBoundingClientRect().height ?? 0,
    captionShown: [...(shadow?.querySelectorAll("figcaption") ?? [])].some(shown),
    captions: [...(shadow?.querySelectorAll("figcaption") ?? [])].map((c) => c.textContent),
    styled: shadow ? getComputedStyle(shadow.querySelector('[part="headline"]')).fontWeight : null,
    controlsShown: [...(shadow?.querySelectorAll('[part="controls"], button') ?? [])].some(shown),
    // Each section: its first slide in view, the others reachable by scrolling it sideways.
    sections: slides.map((s) => {
      const first = s.querySelector(".nw-slide").getBoundingClientRect();
      const box = s.getBoundingClientRect();
      const reachable = [...s.querySelectorAll(".nw-slide")].every((slide) => slide.getClientRects().length > 0);
      return { firstInView: first.left >= box.left - 1 && first.right <= box.right + 1, scrollable: s.scrollWidth > s.clientWidth, reachable };
    }),
    text: shadow?.textContent ?? "",
    links: [...(shadow?.querySelectorAll("a[href]") ?? [])].map((a) => a.href),
  };
};

const rootText = () => document.querySelector("news-widget[data-probe]").shadowRoot.querySelector('[part="root"]')?.textContent;

// ---- the tests, in each browser ----------------------------------------------------------

for (const [name, launch] of Object.entries(BROWSERS).filter(([name]) => ENGINES.includes(name.toLowerCase()))) {
  describe(`pre-rendered widget in ${name}`, () => {
    test("without JavaScript the article, captions and headlines are readable", { timeout: TEST_TIMEOUT_MS }, async (t) => {
      const browser = await launch({ javaScript: false });
      t.after(() => browser.close());
      const page = await browser.open("/prerendered.html");
      const view = await page.evaluate(staticView);
      assert.equal(view.probeRan, false, "control: page scripts really are off");
      assert.ok(view.shadowRoot, "the declarative shadow root is attached by the HTML parser");
      assert.equal(view.headline, HEADLINE);
      assert.ok(view.headlineShown && view.headlineHeight > 20, `the headline is rendered: ${JSON.stringify(view)}`);
      assert.equal(view.styled, "700", "the widget's stylesheet applies inside the shadow root");
      assert.ok(view.captionShown && view.captions[0].startsWith(CAPTION), "captions are shown");
      assert.ok(view.text.includes(LAST_HEADLINE), "the last 民生 headline is in the markup");
      assert.equal(view.controlsShown, false, "no control that needs the wasm is shown");
      assert.equal(view.sections.length, 2);
      for (const section of view.sections) {
        assert.ok(section.firstInView, "each section shows its first slide");
        assert.ok(section.reachable, "every slide is rendered");
      }
      assert.ok(view.sections[0].scrollable, "生活指南's other slides are a sideways scroll away");
      await page.close();

      const linked = await browser.open("/prerendered-focus.html");
      const links = (await linked.evaluate(staticView)).links;
      assert.ok(links.includes("https://news.example/articles/one"), `headline links work without script: ${links}`);
      await linked.close();
    });

    test("the wasm takes over: ready, the client's text, no shift, no blank frame, scroll kept", { timeout: TEST_TIMEOUT_MS }, async (t) => {
      const browser = await launch({ javaScript: true });
      t.after(() => browser.close());
      const client = await browser.open("/client-only.html");
      const clientProbe = await takenOver(client);
      // Control for the fade check below: a slide shown for the first time starts fading in.
      assert.notEqual(clientProbe.readyOpacity, "1", "control: the client-only widget's first slide is mid-fade at ready");
      const clientText = await client.evaluate(rootText);
      assert.deepEqual(client.problems, [], "client-only page: no console errors");
      await client.close();

      const page = await browser.open("/prerendered.html");
      const probe = await takenOver(page);
      assert.ok(probe.prerendered, "the probe saw the pre-render before the wasm ran");
      assert.ok(clientText.includes(HEADLINE), "control: the client-only widget shows the article");
      assert.equal(probe.readyText, clientText, "after the switch: the same text as a client-only widget");
      assert.equal(probe.prerenderedText, clientText, "the pre-render itself has the client's text");
      assert.equal(probe.staticLeft, 0, "the pre-render is gone");
      assert.equal(probe.roots, 1, "one widget root");
      assert.deepEqual(probe.blankFrames, [], `a frame without the article: ${JSON.stringify(probe)}`);
      assert.equal(probe.readyOpacity, "1", "the slide shown at the switch does not fade in");
      assert.equal(new Set(probe.sizes).size, 1, `the widget never changed height: ${probe.sizes}`);
      assert.equal(probe.belowTop[0], probe.belowTop[1], "the paragraph below did not move");
      assert.equal(probe.scrollAfter, probe.scrollBefore, "the scroll position is kept");
      if (probe.layoutShiftApi) assert.deepEqual(probe.shifts, [], "no layout shift entries");
      else t.diagnostic(`${name}: no layout-shift entries in this engine; checked the geometry only (height, the paragraph below, scroll)`);
      assert.deepEqual(page.problems, [], "no console errors");
      await page.close();
    });

    for (const layout of LAYOUTS) {
      test(`layout="${layout}": the wasm takes over with the client's text and no shift`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
        const browser = await launch({ javaScript: true });
        t.after(() => browser.close());
        const client = await browser.open(`/client-only-${layout}.html`);
        await takenOver(client);
        const clientText = await client.evaluate(rootText);
        assert.deepEqual(client.problems, [], "client-only page: no console errors");
        await client.close();
        assert.ok(clientText && clientText.includes(layout === "article" ? HEADLINE : LAST_HEADLINE), `control: the client-only ${layout} layout shows its content`);

        const page = await browser.open(`/prerendered-${layout}.html`);
        const probe = await takenOver(page);
        assert.ok(probe.prerenderedText, "the probe saw the pre-render before the wasm ran");
        assert.equal(probe.prerenderedText, clientText, "the pre-render has the client's text");
        assert.equal(probe.readyText, clientText, "after the switch: the same text as a client-only widget");
        assert.equal(probe.staticLeft, 0, "the pre-render is gone");
        assert.deepEqual(probe.blankFrames, [], `a frame without the ${layout === "article" ? "article" : "headlines"}`);
        assert.equal(new Set(probe.sizes).size, 1, `the widget never changed height: ${probe.sizes}`);
        assert.equal(probe.belowTop[0], probe.belowTop[1], "the paragraph below did not move");
        if (probe.layoutShiftApi) assert.deepEqual(probe.shifts, [], "no layout shift entries");
        else t.diagnostic(`${name}: no layout-shift entries in this engine; checked the geometry only (height, the paragraph below)`);
        assert.deepEqual(page.problems, [], "no console errors");
        await page.close();
      });
    }

    test("a slow stylesheet: the pre-render is styled from its first frame (the recipe's <head> link)", { timeout: TEST_TIMEOUT_MS }, async (t) => {
      const browser = await launch({ javaScript: true });
      t.after(() => browser.close());
      const page = await browser.open("/prerendered.html", { slow: true });
      const probe = await takenOver(page);
      assert.ok(probe.prerendered, "control: the probe saw the pre-render");
      assert.equal(new Set(probe.sizes).size, 1, `the widget never changed height: ${probe.sizes}`);
      assert.equal(probe.belowTop[0], probe.belowTop[1], "the paragraph below did not move");
      if (probe.layoutShiftApi) assert.deepEqual(probe.shifts, [], "no layout shift entries");
      else t.diagnostic(`${name}: no layout-shift entries in this engine; checked the geometry only (height, the paragraph below, scroll)`);
      assert.deepEqual(page.problems, [], "no console errors");
      await page.close();
    });

    test("an inline stylesheet: styled from the first frame under a CSP that allows only its hash", { timeout: TEST_TIMEOUT_MS }, async (t) => {
      const layout = () => {
        const shadow = document.querySelector("news-widget[data-probe]").shadowRoot;
        return getComputedStyle(shadow.querySelector(".nw-layout")).display;
      };
      const off = await launch({ javaScript: false });
      t.after(() => off.close());
      const page = await off.open("/prerendered-inline.html");
      const view = await page.evaluate(staticView);
      assert.equal(view.probeRan, false, "control: page scripts really are off");
      assert.equal(view.headline, HEADLINE);
      assert.ok(view.headlineShown, "the headline is rendered");
      assert.equal(await page.evaluate(layout), "grid", "the inlined stylesheet applies");
      assert.deepEqual(page.problems, [], "no CSP violation or other console error");
      await page.close();
      const wrong = await off.open("/prerendered-inline-wrong.html");
      assert.equal(await wrong.evaluate(layout), "block", "control: a policy naming another hash refuses the <style>");
      await wrong.close();

      const on = await launch({ javaScript: true });
      t.after(() => on.close());
      const live = await on.open("/prerendered-inline.html");
      const probe = await takenOver(live);
      assert.ok(probe.prerendered, "control: the probe saw the pre-render");
      assert.equal(new Set(probe.sizes).size, 1, `the widget never changed height: ${probe.sizes}`);
      assert.equal(probe.belowTop[0], probe.belowTop[1], "the paragraph below did not move");
      assert.equal(await live.evaluate(layout), "grid", "still styled after the take-over");
      assert.deepEqual(live.problems, [], "no console errors");
      await live.close();
    });

    test("focus on a pre-rendered link moves to the same link when the wasm takes over", { timeout: TEST_TIMEOUT_MS }, async (t) => {
      const browser = await launch({ javaScript: true });
      t.after(() => browser.close());
      const page = await browser.open("/prerendered-focus.html");
      const probe = await takenOver(page);
      assert.equal(probe.focusedBefore, "First linked headline", "control: the probe focused the link");
      assert.deepEqual(probe.focusedAfter, { text: "First linked headline", live: true });
      assert.deepEqual(probe.blankFrames, []);
      assert.deepEqual(page.problems, [], "no console errors");
      await page.close();
    });

    test("the iframe fallback served pre-rendered: readable without script, taken over under its CSP", { timeout: TEST_TIMEOUT_MS }, async (t) => {
      const offline = await launch({ javaScript: false });
      t.after(() => offline.close());
      const still = await offline.open("/embed-prerendered.html");
      const view = await still.evaluate(staticView);
      assert.equal(view.headline, HEADLINE);
      assert.ok(view.headlineShown && view.captionShown, `readable: ${JSON.stringify(view.captions)}`);
      await still.close();

      const browser = await launch({ javaScript: true });
      t.after(() => browser.close());
      const page = await browser.open("/embed-prerendered.html?lang=en");
      const seen = await waitFor(
        page,
        "the framed widget ready and taken over",
        () => {
          const widget = document.querySelector("news-widget");
          const shadow = widget.shadowRoot;
          return {
            widgets: document.querySelectorAll("news-widget").length,
            state: widget.getAttribute("state"),
            static: shadow.querySelectorAll(".nw-static").length,
            roots: shadow.querySelectorAll('[part="root"]').length,
            lang: shadow.querySelector('[part="root"]')?.lang,
            headline: shadow.querySelector('[part="headline"]')?.textContent,
          };
        },
        (seen) => seen.state === "ready" && seen.static === 0,
      );
      assert.deepEqual(seen, { widgets: 1, state: "ready", static: 0, roots: 1, lang: "en", headline: HEADLINE }, "the query still configures it");
      assert.deepEqual(page.problems, [], "no console errors (a CSP violation would be one)");
      await page.close();
    });

    test("when the feed fails, the pre-render stays on screen and the error is reported", { timeout: TEST_TIMEOUT_MS }, async (t) => {
      const browser = await launch({ javaScript: true });
      t.after(() => browser.close());
      const page = await browser.open("/prerendered-failing.html");
      const seen = await waitFor(
        page,
        'state="error"',
        () => {
          const widget = document.querySelector("news-widget[data-probe]");
          const headline = widget.shadowRoot.querySelector('.nw-static [part="headline"]');
          return {
            state: widget.getAttribute("state"),
            headline: headline?.textContent ?? null,
            shown: Boolean(headline && headline.getClientRects().length > 0),
          };
        },
        (seen) => seen.state === "error",
      );
      assert.deepEqual(seen, { state: "error", headline: HEADLINE, shown: true });
      assert.ok(
        page.warnings.some((w) => w.startsWith("news-widget: ") && w.includes("missing.json")),
        `the failure is logged, naming the feed: ${page.warnings}`,
      );
      assert.deepEqual(
        page.problems.filter((p) => !p.includes("404")),
        [],
        "no console error but the browser's own line for the 404",
      );
      await page.close();
    });

    for (const [path, what] of [
      ["/prerendered-stale.html", "a pre-render of another feed"],
      ["/prerendered-mangled.html", "a cut, comment-less pre-render"],
    ]) {
      test(`${what} still ends ready with the feed's content`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
        const browser = await launch({ javaScript: true });
        t.after(() => browser.close());
        const page = await browser.open(path);
        const probe = await takenOver(page);
        assert.ok(probe.prerendered, "control: there was a pre-render");
        assert.ok(probe.readyText?.includes(HEADLINE) && probe.readyText.includes(LAST_HEADLINE), probe.readyText);
        assert.equal(probe.staticLeft, 0, "nothing of the pre-render is left");
        assert.equal(probe.roots, 1);
        assert.deepEqual(probe.blankFrames, []);
        assert.deepEqual(page.problems, [], "no console errors");
        await page.close();
      });
    }
  });
}
