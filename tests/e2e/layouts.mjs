// Placements (issue 21), in every engine: each `layout` in the column widths partners give
// it (what shows, what does not, no horizontal overflow, axe in both themes), reading a
// story in place (the event, the `article` attribute, focus, Back, the deep link), the
// carousel's swipe (synthetic pointer events) and a tap that must not stop the rotation.
//
//   make dist && node --test tests/e2e/layouts.mjs     (E2E_BROWSERS=webkit for one)
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BROWSERS, launch, openPage, waitInPage } from "./browser.mjs";
import { serve } from "./serve.mjs";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const ROOT = join(HERE, "..", "..");
const DIST = process.env.E2E_DIST ?? join(ROOT, "dist");
const PAGES = join(HERE, "pages");
const AXE = createRequire(join(ROOT, "package.json")).resolve("axe-core/axe.min.js");
const WIDTHS = [240, 320, 480, 760, 1200];
const FEED = "layouts-feed.json";

/** What the widget shows, read inside its shadow root. */
function view() {
  const widget = document.getElementById("w");
  const root = widget?.shadowRoot;
  const all = (selector) => [...(root?.querySelectorAll(selector) ?? [])];
  const visible = (element) => element.getClientRects().length > 0;
  const inner = root?.querySelector("[part=root]");
  return {
    state: widget?.getAttribute("state"),
    article: widget?.getAttribute("article"),
    layout: root?.querySelector(".nw-layout")?.className ?? null,
    headline: root?.querySelector(".nw-headline")?.textContent ?? null,
    articles: all(".nw-article").length,
    carousels: all(".nw-slides").length,
    lists: all(".nw-lists").length,
    sections: all(".nw-section-title").map((t) => t.textContent),
    items: all(".nw-item-title").length,
    thumbs: all(".nw-thumb").length,
    times: all(".nw-entry-time").length,
    focused: root?.activeElement?.className ?? null,
    slide: all(".nw-slide").findIndex((s) => !s.hidden),
    toggle: root?.querySelector(".nw-toggle")?.textContent ?? null,
    hash: location.hash,
    // Overflow: the widget's own box and every visible element inside it stay within the
    // column (a 1 px rounding allowance).
    overflow: inner
      ? [inner, ...inner.querySelectorAll("*")]
          .filter(visible)
          .filter((e) => e.getBoundingClientRect().right > widget.getBoundingClientRect().right + 1 || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === "visible" && e.clientWidth > 0)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}: right ${Math.round(e.getBoundingClientRect().right)}, scroll ${e.scrollWidth}/${e.clientWidth}`)
          .slice(0, 5)
      : ["no widget"],
    pageOverflow: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    events: window.__events,
  };
}

async function show(page, attributes, width) {
  await page.evaluate((width) => (document.getElementById("column").style.width = `${width}px`), width);
  await page.evaluate((a) => window.addWidget(a), { feed: FEED, interval: "600", ...attributes });
  await waitInPage(page, "the widget ready", () => document.getElementById("w")?.getAttribute("state") === "ready", undefined, view);
  return page.evaluate(view);
}

async function axe(page) {
  // A slide fading in is mid-colour for axe (a 1.4:1 link): audit what the reader sees
  // once the widget's own finite animations have ended.
  await page.evaluate(() =>
    Promise.all(
      document
        .getElementById("w")
        .shadowRoot.getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished),
    ),
  );
  await page.addScriptTag({ path: AXE });
  return page.evaluate(() =>
    window.axe.run(document, { resultTypes: ["violations"] }).then((r) =>
      r.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.html.slice(0, 120)) })),
    ),
  );
}

for (const name of BROWSERS) {
  describe(`layouts in ${name}`, () => {
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

    const open = async (t, path = "/layouts.html") => {
      const opened = await openPage(browser, `${server.origin}${path}`, { viewport: { width: 1280, height: 900 } });
      t.after(opened.close);
      return opened;
    };

    test("each layout shows its parts and fits every column width", { timeout: 240_000 }, async (t) => {
      const { page, problems, outside } = await open(t);
      const expect = {
        page: (v) => v.articles === 1 && v.carousels === 1 && v.lists === 0,
        article: (v) => v.articles === 1 && v.carousels === 0 && v.lists === 0 && v.items === 0,
        headlines: (v) => v.articles === 0 && v.carousels === 1 && v.items === 12,
        list: (v) => v.articles === 0 && v.carousels === 0 && v.lists === 1 && v.items === 12 && v.times === 12 && v.thumbs === 4,
      };
      for (const [layout, ok] of Object.entries(expect)) {
        for (const width of WIDTHS) {
          const v = await show(page, { layout }, width);
          assert.ok(v.layout.includes(`nw-layout-${layout}`), `${layout}: ${v.layout}`);
          assert.ok(ok(v), `${layout} at ${width} px shows its parts: ${JSON.stringify(v)}`);
          assert.deepEqual(v.overflow, [], `${layout} at ${width} px: nothing wider than the column`);
          assert.equal(v.pageOverflow, false, `${layout} at ${width} px: the page does not scroll sideways`);
        }
      }
      assert.deepEqual(problems, []);
      assert.deepEqual(outside, []);
    });

    test("sections picks and orders the seed's sections", { timeout: 60_000 }, async (t) => {
      const { page } = await open(t);
      for (const layout of ["headlines", "list"]) {
        const v = await show(page, { layout, feed: "feed.json", sections: "民生, 1" }, 320);
        assert.deepEqual(v.sections, ["民生", "生活指南"], layout);
      }
      const v = await show(page, { layout: "headlines", feed: "feed.json", sections: "typo" }, 320);
      assert.deepEqual(v.sections, ["生活指南", "民生"], "a name that matches nothing shows every section");
    });

    test("axe finds nothing serious in any layout, light or dark", { timeout: 180_000 }, async (t) => {
      const { page } = await open(t);
      const found = [];
      for (const layout of ["page", "article", "headlines", "list"]) {
        for (const theme of ["light", "dark"]) {
          await show(page, { layout, theme }, layout === "page" ? 1200 : 320);
          const violations = await axe(page);
          if (violations.length) found.push({ layout, theme, violations });
        }
      }
      assert.deepEqual(found, []);
    });

    test("a headline with its story opens in place: event, attribute, focus, Back", { timeout: 90_000 }, async (t) => {
      const { page, problems } = await open(t);
      const first = await show(page, {}, 1200);
      assert.match(first.headline, /^Story 1:/);
      // Story 2 is the sidebar's first headline; a real click, as a reader makes it.
      const link = await page.evaluateHandle(() => document.getElementById("w").shadowRoot.querySelector("a.nw-item-title"));
      await link.asElement().click();
      await waitInPage(page, "story 2 in the pane", () => /^Story 2:/.test(document.getElementById("w").shadowRoot.querySelector(".nw-headline")?.textContent), undefined, view);
      const read = await page.evaluate(view);
      assert.equal(read.article, "story-2", "the article attribute reflects the story");
      assert.equal(read.state, "ready");
      assert.equal(read.focused, "nw-headline", "focus moved to the story's headline");
      assert.equal(read.hash, "#news-widget=story-2", "the address is the story's deep link");
      assert.deepEqual(read.events.map((e) => [e.name, e.detail.id]), [["news-widget:read", "story-2"]], "no navigation");
      // Back returns to the first story; Forward to the second again.
      await page.evaluate(() => history.back());
      await waitInPage(page, "story 1 after Back", () => /^Story 1:/.test(document.getElementById("w").shadowRoot.querySelector(".nw-headline")?.textContent), undefined, view);
      assert.equal(await page.evaluate(() => document.getElementById("w").getAttribute("article")), null);
      await page.evaluate(() => history.forward());
      await waitInPage(page, "story 2 after Forward", () => document.getElementById("w").getAttribute("article") === "story-2", undefined, view);
      assert.deepEqual(problems, []);
    });

    test("open=page and headlines without a story navigate, asking the host", { timeout: 60_000 }, async (t) => {
      const { page } = await open(t);
      await show(page, { open: "page" }, 1200);
      await page.evaluate(() => document.getElementById("w").shadowRoot.querySelector(".nw-item-title").click());
      let v = await page.evaluate(view);
      assert.deepEqual(v.events.map((e) => [e.name, e.detail.url]), [["news-widget:navigate", "https://news.example/story-2"]]);
      assert.equal(v.article, null);
      // Story 4 carries only a summary: it navigates even in place-reading mode.
      await page.evaluate(() => (window.__events.length = 0));
      await show(page, {}, 1200);
      await page.evaluate(() =>
        [...document.getElementById("w").shadowRoot.querySelectorAll(".nw-item-title")].find((a) => a.textContent.startsWith("Story 4:")).click(),
      );
      v = await page.evaluate(view);
      assert.deepEqual(v.events.map((e) => e.name), ["news-widget:navigate"]);
      assert.equal(v.article, null);
    });

    test("history=off reads in place without history entries", { timeout: 60_000 }, async (t) => {
      const { page } = await open(t);
      await show(page, { history: "off" }, 1200);
      const before = await page.evaluate(() => history.length);
      await page.evaluate(() => document.getElementById("w").shadowRoot.querySelector(".nw-item-title").click());
      await waitInPage(page, "story 2 in the pane", () => document.getElementById("w").getAttribute("article") === "story-2", undefined, view);
      assert.equal(await page.evaluate(() => history.length), before);
      assert.equal(await page.evaluate(() => location.hash), "");
    });

    test("a deep link opens its story", { timeout: 60_000 }, async (t) => {
      const { page } = await open(t, "/layouts.html#news-widget=story-7");
      const v = await show(page, {}, 1200);
      assert.match(v.headline, /^Story 7:/);
      assert.equal(v.article, "story-7");
    });

    test("a horizontal swipe turns a slide, a vertical one does not", { timeout: 60_000 }, async (t) => {
      const { page } = await open(t);
      await show(page, { layout: "headlines", feed: "feed.json", sections: "生活指南" }, 320);
      const swipe = (dx, dy, pointerType = "touch") =>
        page.evaluate(
          (dx, dy, pointerType) => {
            const slides = document.getElementById("w").shadowRoot.querySelector(".nw-slides");
            const box = slides.getBoundingClientRect();
            const at = (x, y) => ({ pointerId: 7, pointerType, isPrimary: true, bubbles: true, composed: true, clientX: x, clientY: y });
            const [x, y] = [box.left + box.width / 2, box.top + 40];
            slides.dispatchEvent(new PointerEvent("pointerdown", at(x, y)));
            slides.dispatchEvent(new PointerEvent("pointermove", at(x + dx / 2, y + dy / 2)));
            slides.dispatchEvent(new PointerEvent("pointerup", at(x + dx, y + dy)));
          },
          dx,
          dy,
          pointerType,
        );
      const slide = () => page.evaluate(() => [...document.getElementById("w").shadowRoot.querySelectorAll(".nw-slide")].findIndex((s) => !s.hidden));
      assert.equal(await slide(), 0);
      assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById("w").shadowRoot.querySelector(".nw-slides")).touchAction), "pan-y");
      await swipe(-120, 10);
      await waitInPage(page, "the next slide", () => [...document.getElementById("w").shadowRoot.querySelectorAll(".nw-slide")].findIndex((s) => !s.hidden) === 1, undefined, view);
      await swipe(120, -5);
      await waitInPage(page, "the previous slide", () => [...document.getElementById("w").shadowRoot.querySelectorAll(".nw-slide")].findIndex((s) => !s.hidden) === 0, undefined, view);
      // A scroll gesture, a short flick and a mouse drag leave the slide alone.
      await swipe(-60, 200);
      await swipe(-20, 0);
      await swipe(-120, 0, "mouse");
      assert.equal(await slide(), 0);
    });

    test("a tap on a headline does not stop the rotation; keyboard focus does", { timeout: 60_000 }, async (t) => {
      const { page } = await open(t);
      await show(page, { layout: "headlines" }, 320);
      const playing = await page.evaluate(() => document.getElementById("w").shadowRoot.querySelector(".nw-toggle").textContent);
      // A real pointer click (focuses the link in Chromium and Firefox); the host cancels the
      // navigation. Then the pointer leaves the section.
      const link = await page.evaluateHandle(() => document.getElementById("w").shadowRoot.querySelector("a.nw-item-title"));
      await link.asElement().click();
      await page.evaluate(() => {
        const section = document.getElementById("w").shadowRoot.querySelector(".nw-section");
        section.dispatchEvent(new PointerEvent("pointerleave"));
      });
      const v = await page.evaluate(view);
      assert.deepEqual(v.events.map((e) => e.name), ["news-widget:navigate"]);
      assert.equal(v.toggle, playing, "still rotating after the tap");
    });
  });
}
