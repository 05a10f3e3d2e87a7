// End-to-end tests of embedding <news-widget> in partner pages, in headless Chromium and
// Firefox (tests/e2e/browser.mjs; E2E_BROWSERS=chromium or =firefox for one).
//
//   node tests/e2e/run.mjs                 (needs a built dist/: `make dist`)
//   node --test tests/e2e/embedding.mjs    (the same tests, node's default reporter)
//
// The server serves dist/ and tests/e2e/pages/ at the same root, so test pages load the
// bundle exactly as a partner would (`<script type="module" src="news-widget.js">`). A second
// server on another port plays the widget's own origin for the cross-origin iframe test.
// Every test opens its own browser context; every wait is on a condition with a deadline.
// Each test runs once per browser, named "<browser>: <test>".

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { serve } from "./serve.mjs";
import { BROWSERS, DEADLINE_MS, launch, openPage as open, waitInPage, waitUntil } from "./browser.mjs";
import { corpusFeed, payloadFeed, payloads } from "./payloads.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..", "..");
const DIST = join(ROOT, "dist");
const PAGES = join(HERE, "pages");
const AXE = createRequire(join(ROOT, "package.json")).resolve("axe-core/axe.min.js");

const TEST_TIMEOUT_MS = 90_000;

/** The strictest policy the brief promises partners the widget works under. */
const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' https:; connect-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'";

/** The strict policy with http: images too: the real feed's photos are served over http. */
const RICH_CSP = STRICT_CSP.replace("img-src 'self' https:", "img-src 'self' https: http:");

const HEADLINE = "向新而行 浙江丽水探路山区发展“新赛道”";
const ROTATION_LABELS = {
  zh: ["暂停轮播", "开始轮播"],
  en: ["Stop rotating headlines", "Start rotating headlines"],
};
const ANY_ROTATION_LABEL = new RegExp(`^(${[...ROTATION_LABELS.zh, ...ROTATION_LABELS.en].join("|")})$`);

const browsers = new Map(); // "<name> <media>" → a launched browser, started on first use
let site; // the partner's origin (and, for most tests, the widget's too)
let widgetSite; // a second origin serving the same files, for the cross-origin iframe

// A partner page that cannot allow 'wasm-unsafe-eval' and may frame only itself and the
// widget's origin: the host the iframe fallback exists for.
const partnerCsp = () =>
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https:; " +
  `frame-src 'self' ${widgetSite.origin}; require-trusted-types-for 'script'; trusted-types 'none'`;

function headersFor(path, url) {
  // The accessibility audit injects axe-core, which a strict CSP would refuse (as Playwright's
  // bypassCSP did before, minus the browser support: WebDriver BiDi has no such switch).
  if (url.searchParams.has("e2e-audit")) return {};
  if (path === "/csp.html" || path === "/embed.html") return { "content-security-policy": STRICT_CSP };
  if (path === "/csp-rich.html") return { "content-security-policy": RICH_CSP };
  if (path === "/partner-frame.html") return { "content-security-policy": partnerCsp() };
  return {};
}

before(async () => {
  const missing = ["news-widget.js", "news-widget-app.js", "news-widget-app_bg.wasm", "embed.html", "news-widget-frame.js"]
    .filter((file) => !existsSync(join(DIST, file)));
  if (missing.length) {
    throw new Error(`dist/ lacks ${missing.join(", ")}: build the bundle first (make dist)`);
  }
  site = await serve([DIST, PAGES], headersFor);
  widgetSite = await serve([DIST, PAGES], headersFor);
});

after(async () => {
  for (const browser of browsers.values()) await browser.close();
  await site?.close();
  await widgetSite?.close();
});

/**
 * The browser `name` telling pages `media` (the user's colour scheme, reduced motion).
 * Chromium emulates media per page, so one browser serves all; Firefox takes them at
 * start-up, so each setting gets its own browser.
 */
async function browserFor(name, media = {}) {
  const key = name === "chromium" ? name : `${name} ${JSON.stringify(media)}`;
  if (!browsers.has(key)) browsers.set(key, await launch(name, { media }));
  return browsers.get(key);
}

/** Declares `body(t, name)` as one test per browser. */
function eachBrowser(title, options, body) {
  for (const name of BROWSERS) test(`${name}: ${title}`, options, (t) => body(t, name));
}

// ---------------------------------------------------------------------------------------
// Helpers, named for what a test does with them.

/**
 * Opens `path` in a fresh browser context of browser `name`, closed when the test ends.
 * Console errors and uncaught exceptions are collected in `problems`. Nothing leaves the
 * machine: a request to any other host is answered with a stub page and listed in
 * `outside` (a navigation to a headline's site shows up there). `route(request)` may answer
 * a request first (returning true).
 */
async function openPage(t, name, path, { origin = site.origin, media, viewport, route } = {}) {
  const browser = await browserFor(name, media);
  const opened = await open(browser, `${origin}${path}`, { viewport, media, route, stubOutside: true });
  t.after(opened.close);
  assert.equal(opened.response?.status(), 200, `GET ${path}`);
  return opened;
}

/** Waits until every element matching `selector` reflects `state` (default: ready). */
async function waitForWidgets(page, selector = "news-widget", state = "ready") {
  await waitInPage(
    page,
    `every ${selector} to have state="${state}"`,
    ({ selector, state }) => {
      const widgets = [...document.querySelectorAll(selector)];
      return widgets.length > 0 && widgets.every((w) => w.getAttribute("state") === state);
    },
    { selector, state },
    ({ selector }) => [...document.querySelectorAll(selector)].map((w) => `${w.id || w.localName}: ${w.getAttribute("state")}`),
  );
}

/**
 * A button or link inside the widget `host`'s shadow root, found by its accessible name (its
 * aria-label, else its text), as a handle a test can click like a user.
 */
async function control(page, host, role, name) {
  const handle = await page.evaluateHandle(
    (host, role, source, flags) => {
      const pattern = new RegExp(source, flags);
      const tag = role === "link" ? "a" : "button";
      const candidates = [...(document.querySelector(host)?.shadowRoot?.querySelectorAll(tag) ?? [])];
      return candidates.find((el) => pattern.test((el.getAttribute("aria-label") ?? el.textContent).trim())) ?? null;
    },
    host,
    role,
    name instanceof RegExp ? name.source : `^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`,
    name instanceof RegExp ? name.flags : "",
  );
  const element = handle.asElement();
  if (!element) throw new Error(`no ${role} named ${name} in ${host}`);
  return element;
}

/** The rotation button of the widget `host`, found by its label in either language. */
const rotationButton = (page, host) => control(page, host, "button", ANY_ROTATION_LABEL);

const textOf = (handle) => handle.evaluate((el) => el.textContent);

const rotationLabel = async (page, host) => textOf(await rotationButton(page, host));

// null while the widget shows no article (e.g. the skeleton while a new feed loads).
const headlineOf = (page, host) =>
  page.evaluate((host) => document.querySelector(host).shadowRoot.querySelector('[part="headline"]')?.textContent ?? null, host);

/** What the widget's root element says about language and theme. */
const rootOf = (page, host) =>
  page.evaluate((host) => {
    const root = document.querySelector(host).shadowRoot?.querySelector('[part="root"]');
    return root && { lang: root.getAttribute("lang"), className: root.className, background: getComputedStyle(root).backgroundColor };
  }, host);

/** Element children of each widget's shadow root, and how many widget roots it holds. */
const mountCounts = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("news-widget")].map((w) => ({
      widget: w.id,
      containers: w.shadowRoot ? [...w.shadowRoot.children].filter((c) => c.localName !== "link" && c.localName !== "style").length : 0,
      roots: w.shadowRoot ? w.shadowRoot.querySelectorAll('[part="root"]').length : 0,
    })),
  );

const noProblems = (problems, where) =>
  assert.deepEqual(problems, [], `expected no console errors or uncaught exceptions ${where}`);

// ---------------------------------------------------------------------------------------

eachBrowser("two instances on the demo page render independently", { timeout: TEST_TIMEOUT_MS }, async (t, name) => {
  const { page, problems } = await openPage(t, name, "/index.html", { viewport: { width: 1280, height: 2400 } });
  await waitForWidgets(page, "#widget-zh, #widget-en");

  const roots = await page.evaluate(() => {
    const [zh, en] = ["widget-zh", "widget-en"].map((id) => document.getElementById(id));
    const ids = (w) => [...w.shadowRoot.querySelectorAll("[id]")].map((e) => e.id);
    return {
      bothOpen: Boolean(zh.shadowRoot && en.shadowRoot),
      distinct: zh.shadowRoot !== en.shadowRoot,
      sharedIds: ids(zh).filter((id) => ids(en).includes(id)),
    };
  });
  assert.ok(roots.bothOpen, "each widget has an open shadow root");
  assert.ok(roots.distinct, "each widget has its own shadow root");
  assert.deepEqual(roots.sharedIds, [], "ARIA ids must not repeat across instances");
  assert.equal((await headlineOf(page, "#widget-zh")).trim(), HEADLINE, "zh widget headline");
  assert.equal((await headlineOf(page, "#widget-en")).trim(), HEADLINE, "en widget headline");
  assert.deepEqual(await mountCounts(page), [
    { widget: "widget-zh", containers: 1, roots: 1 },
    { widget: "widget-en", containers: 1, roots: 1 },
  ], "one mount container and one widget root per shadow root");

  // Different configurations show different UI strings.
  assert.equal((await rootOf(page, "#widget-zh")).lang, "zh-CN", "default language");
  assert.equal((await rootOf(page, "#widget-en")).lang, "en", 'lang="en"');
  const zhLabel = await rotationLabel(page, "#widget-zh");
  const enLabel = await rotationLabel(page, "#widget-en");
  assert.ok(ROTATION_LABELS.zh.includes(zhLabel), `zh rotation button label is Chinese; saw ${zhLabel}`);
  assert.ok(ROTATION_LABELS.en.includes(enLabel), `en rotation button label is English; saw ${enLabel}`);

  // State is per instance: pressing one widget's rotation button leaves the other alone.
  await (await rotationButton(page, "#widget-zh")).click();
  await waitUntil(
    `the zh rotation button to change from "${zhLabel}"`,
    () => rotationLabel(page, "#widget-zh"),
    (label) => label !== zhLabel,
  );
  assert.equal(await rotationLabel(page, "#widget-en"), enLabel, "the other widget's rotation button");
  noProblems(problems, "on the demo page");
});

eachBrowser("host CSS does not change the widget's computed styles", { timeout: TEST_TIMEOUT_MS }, async (t, name) => {
  // Reduced motion: no fade animation can be caught halfway on one page and not the other.
  const options = { viewport: { width: 1280, height: 1600 }, media: { reducedMotion: "reduce" } };
  const plain = await openPage(t, name, "/plain.html", options);
  const hostile = await openPage(t, name, "/hostile.html", options);
  await waitForWidgets(plain.page);
  await waitForWidgets(hostile.page);

  // Guard against a vacuous pass: the portal CSS must really be hostile on that page.
  const hostFont = await hostile.page.evaluate(() => getComputedStyle(document.body).fontFamily);
  assert.match(hostFont, /Comic Sans/, "the hostile page's own font");

  // Every computed property of every element the widget draws (the part="root" subtree), in
  // document order. Both pages lay the widgets out at the same widths (layout.css), so
  // geometry must match too. The loader's mount container around part="root" has no class
  // and inherits the host's styles; that is harmless only while it holds no text of its own,
  // which is checked instead.
  const styles = (host) => {
    const widget = document.querySelector(host);
    const root = widget.shadowRoot.querySelector('[part="root"]');
    const wrapperText = [...root.parentNode.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()).length;
    const named = {
      headline: widget.shadowRoot.querySelector('[part="headline"]'),
      rotationButton: widget.shadowRoot.querySelector('[part="controls"] button'),
      sectionTitle: widget.shadowRoot.querySelector("h2"),
      paragraph: widget.shadowRoot.querySelector("article p"),
      sidebarHeadline: widget.shadowRoot.querySelector("li > .nw-item-title"),
    };
    const picked = {};
    for (const [name, element] of Object.entries(named)) {
      const s = element && getComputedStyle(element);
      picked[name] = s && {
        fontFamily: s.fontFamily, color: s.color, letterSpacing: s.letterSpacing, lineHeight: s.lineHeight,
        fontSize: s.fontSize, textTransform: s.textTransform, backgroundColor: s.backgroundColor,
      };
    }
    const all = [];
    const walk = (node, path) => {
      [...node.children].forEach((child, i) => {
        const here = `${path} > ${child.localName}${child.classList.length ? "." + [...child.classList].join(".") : ""}:nth(${i})`;
        const s = getComputedStyle(child);
        const values = {};
        for (let k = 0; k < s.length; k++) values[s[k]] = s.getPropertyValue(s[k]);
        all.push({ path: here, values });
        walk(child, here);
      });
    };
    walk(root.parentNode, host);
    return { picked, all, wrapperText };
  };

  for (const host of ["#widget-zh", "#widget-en"]) {
    const expected = await plain.page.evaluate(styles, host);
    const actual = await hostile.page.evaluate(styles, host);
    for (const [name, values] of Object.entries(expected.picked)) {
      assert.ok(values, `${host}: the plain page has a ${name} to compare`);
    }
    assert.deepEqual(actual.picked, expected.picked, `${host}: key text styles under hostile CSS (actual) vs plain page (expected)`);
    assert.equal(actual.wrapperText, 0, `${host}: text directly in the mount container (would inherit the host's styles)`);
    assert.equal(actual.all.length, expected.all.length, `${host}: number of elements in the widget`);
    const differences = [];
    expected.all.forEach((element, i) => {
      const other = actual.all[i];
      if (other.path !== element.path) differences.push(`${element.path}: hostile page has ${other.path} here`);
      for (const [property, value] of Object.entries(element.values)) {
        if (other.values[property] !== value) {
          differences.push(`${element.path} { ${property}: plain ${JSON.stringify(value)}, hostile ${JSON.stringify(other.values[property])} }`);
        }
      }
    });
    assert.deepEqual(differences.slice(0, 40), [], `${host}: computed styles that differ (first 40 of ${differences.length})`);
  }
});

eachBrowser("strict CSP with Trusted Types: no violations, widgets ready", { timeout: TEST_TIMEOUT_MS }, async (t, name) => {
  const { page, problems, response } = await openPage(t, name, "/csp.html");
  assert.equal(response.headers()["content-security-policy"], STRICT_CSP, "the page is served with the strict policy");
  await waitForWidgets(page);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], "securitypolicyviolation events");
  noProblems(problems, "under the strict CSP");

  // The probe must be able to see a violation, and Trusted Types must really be enforced;
  // otherwise the zero above proves nothing.
  const enforced = await page.evaluate(() => {
    document.body.setAttribute("style", "outline: 1px solid red");
    try {
      document.body.insertAdjacentHTML("beforeend", "<b>x</b>");
      return "innerHTML-like sink allowed";
    } catch (error) {
      return error.name;
    }
  });
  assert.equal(enforced, "TypeError", "Trusted Types refuse a string HTML sink");
  await waitInPage(
    page,
    "the probe to record the deliberate inline-style violation",
    () => window.__cspViolations.some((v) => v.directive.startsWith("style-src")),
    undefined,
    () => window.__cspViolations,
  );
});

eachBrowser("Trusted Types: the seed, a real rich feed and every payload render with no violation", { timeout: 600_000 }, async (t, name) => {
  const cases = payloads();
  assert.ok(cases.length >= 150, `${cases.length} payloads`);
  const feeds = {
    "/rich-feed.json": corpusFeed("jsonfeednet-hypercritical-v1-big.json"),
    "/payload-feed.json": payloadFeed(),
  };
  const route = (request) => {
    const { pathname } = new URL(request.url());
    if (!(pathname in feeds)) return false;
    request.respond({ status: 200, contentType: "application/json", body: feeds[pathname] });
    return true;
  };
  const { page, problems, response } = await openPage(t, name, "/csp-rich.html", { route });
  assert.equal(response.headers()["content-security-policy"], RICH_CSP, "the page is served with the strict policy");
  await waitForWidgets(page);

  // The real article: its links (absolute, new tab, isolated), its list and its photo.
  const rich = await page.$eval("#rich", (widget) => {
    const body = widget.shadowRoot.querySelector('[part="body"]');
    return {
      links: [...body.querySelectorAll("a")].map((a) => ({ href: a.getAttribute("href"), target: a.target, rel: a.rel })),
      items: body.querySelectorAll("ul > li").length,
      figures: body.querySelectorAll("figure").length,
    };
  });
  assert.ok(rich.links.length >= 8, `links in the rich body: ${rich.links.length}`);
  for (const link of rich.links) {
    assert.match(link.href, /^https?:\/\//, "absolute link");
    assert.equal(link.target, "_blank");
    assert.equal(link.rel, "noopener noreferrer nofollow ugc");
  }
  assert.equal(rich.items, 2, "the two shirt links");
  assert.equal(rich.figures, 1, "the header photo");

  // Every payload in turn, through the shipped bundle, checking what reached the DOM.
  const allowed = ["href", "target", "rel", "src", "srcset", "alt", "width", "height", "loading", "decoding",
    "referrerpolicy", "start", "colspan", "rowspan", "class", "part", "role", "aria-label", "aria-hidden", "lang"];
  for (let i = 0; i < cases.length; i++) {
    const title = `${i} ${cases[i].name}`;
    if (i > 0) await page.$eval("#payloads", (w, id) => w.setAttribute("article", id), `p${i}`);
    await waitInPage(
      page,
      `payload ${title} shown`,
      (title) => {
        const widget = document.getElementById("payloads");
        return widget.getAttribute("state") === "ready" && widget.shadowRoot.querySelector('[part="headline"]')?.textContent.trim() === title;
      },
      title,
      () => document.getElementById("payloads").shadowRoot.querySelector('[part="headline"]')?.textContent,
    );
    const bad = await page.$eval("#payloads", (widget, allowed) => {
      const body = widget.shadowRoot.querySelector('[part="body"]');
      const found = [];
      for (const element of body ? body.querySelectorAll("*") : []) {
        for (const name of element.getAttributeNames()) {
          if (!allowed.includes(name)) found.push(`<${element.localName} ${name}>`);
        }
        for (const name of ["href", "src"]) {
          const url = element.getAttribute(name);
          if (url !== null && !/^(https?:|mailto:)/i.test(url)) found.push(`<${element.localName} ${name}="${url}">`);
        }
        if (/^(script|style|iframe|object|embed|svg|math|template|form|input|noscript|textarea|select|button)$/.test(element.localName)) {
          found.push(`<${element.localName}>`);
        }
      }
      return found;
    }, allowed);
    assert.deepEqual(bad, [], `payload ${title}: what reached the DOM`);
  }

  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], "securitypolicyviolation events");
  assert.equal(await page.evaluate(() => window.__nwPwned), 0, "no payload ran script");
  noProblems(problems, "while rendering the payloads");
});

eachBrowser("loading the loader twice defines the element once and mounts each widget once", { timeout: TEST_TIMEOUT_MS }, async (t, name) => {
  const { page, problems } = await openPage(t, name, "/double-load.html");
  await waitForWidgets(page);
  assert.equal(await page.evaluate(() => window.__secondImport), "loaded", "dynamic import of news-widget.js?copy=2");

  // A third copy after everything is running, then a widget added later and one moved
  // (disconnect + connect): each must still hold exactly one mounted widget.
  const third = await page.evaluate((url) => import(url).then(() => "loaded", (e) => `failed: ${e}`), `${site.origin}/news-widget.js?copy=3`);
  assert.equal(third, "loaded", "dynamic import of news-widget.js?copy=3");
  await page.evaluate(() => {
    const late = document.createElement("news-widget");
    late.id = "late";
    late.setAttribute("feed", "feed.json");
    document.body.append(late);
    document.body.append(document.getElementById("first"));
  });
  await waitForWidgets(page);

  assert.deepEqual(await page.evaluate(() => window.__defines), { "news-widget": 1 }, "customElements.define calls");
  assert.deepEqual(await page.evaluate(() => window.__defineErrors), [], "customElements.define errors");
  const counts = await mountCounts(page);
  assert.deepEqual(
    counts,
    counts.map(({ widget }) => ({ widget, containers: 1, roots: 1 })),
    "one container and one widget root per shadow root",
  );
  noProblems(problems, "with the loader loaded three times");
});

eachBrowser("removing a widget stops its rotation timer", { timeout: TEST_TIMEOUT_MS }, async (t, name) => {
  const INTERVAL_MS = 2000; // timers.html: interval="2"
  const { page, problems } = await openPage(t, name, "/timers.html");
  await waitForWidgets(page);
  // The probe must see the widget's timer fire and be re-armed, or "0 after removal" would
  // prove nothing.
  await waitInPage(
    page,
    "the widget's rotation timer to fire and be armed again",
    () => window.__widgetTimers().fired >= 1 && window.__widgetTimers().live >= 1,
    undefined,
    () => window.__widgetTimers(),
  );
  assert.ok((await page.evaluate(() => window.__widgetTimers())).delays.includes(INTERVAL_MS), "a live timer has the interval's delay");

  // A detached widget is also off-screen, which pauses rotation a frame later and would hide
  // a widget that was never unmounted. So look before any rendering step can report it:
  // unmounting empties the shadow root at once and cancels the timer within the microtasks
  // that follow (Yew's scheduler runs there).
  const atRemoval = await page.evaluate(async () => {
    const widget = document.querySelector("news-widget");
    widget.remove();
    const left = [...widget.shadowRoot.children].filter((c) => c.localName !== "link").length;
    for (let i = 0; i < 50; i++) await Promise.resolve();
    return { elementsLeftInShadowRoot: left, liveTimers: window.__widgetTimers().live };
  });
  assert.deepEqual(atRemoval, { elementsLeftInShadowRoot: 0, liveTimers: 0 }, "right after remove(), before the next rendering step");
  await waitInPage(page, "no live widget timers after removal", () => window.__widgetTimers().live === 0, undefined, () =>
    window.__widgetTimers(),
  );
  const { fired } = await page.evaluate(() => window.__widgetTimers());

  // The one bounded negative check: nothing may fire during two more interval lengths.
  let firedLater = false;
  try {
    await page.waitForFunction((before) => window.__widgetTimers().fired > before, { timeout: 2 * INTERVAL_MS, polling: 50 }, fired);
    firedLater = true;
  } catch (error) {
    if (!/timeout|timed out|exceeded/i.test(error.message)) throw error;
  }
  const finalTimers = await page.evaluate(() => window.__widgetTimers());
  assert.ok(!firedLater, `expected no timer callback after removal; saw ${JSON.stringify(finalTimers)} (fired ${fired} at removal)`);
  assert.equal(finalTimers.live, 0, "live widget timers at the end");
  noProblems(problems, "while removing the widget");
});

eachBrowser("attribute changes re-render the widget", { timeout: TEST_TIMEOUT_MS }, async (t, name) => {
  const { page, problems } = await openPage(t, name, "/attributes.html");
  await waitForWidgets(page);
  const setAttribute = (name, value) =>
    page.$eval("news-widget", (w, name, value) => (value === null ? w.removeAttribute(name) : w.setAttribute(name, value)), name, value);
  const label = () => rotationLabel(page, "news-widget");

  const before = await label();
  assert.ok(ROTATION_LABELS.zh.includes(before), `rotation button starts in Chinese; saw ${before}`);
  await setAttribute("lang", "en");
  await waitUntil("the rotation button label in English", label, (l) => ROTATION_LABELS.en.includes(l));
  assert.equal((await rootOf(page, "news-widget")).lang, "en", "root lang after lang=en");
  await setAttribute("lang", null);
  await waitUntil("the rotation button label back in Chinese once lang is removed", label, (l) => ROTATION_LABELS.zh.includes(l));

  const light = await rootOf(page, "news-widget");
  assert.match(light.className, /\bnw-theme-light\b/, "root class with theme=light");
  await setAttribute("theme", "dark");
  const dark = await waitUntil(
    "the root class nw-theme-dark",
    () => rootOf(page, "news-widget"),
    (root) => /\bnw-theme-dark\b/.test(root.className),
  );
  assert.notEqual(dark.background, light.background, "the dark theme changes the background colour");

  // A partner's custom property on the element wins over the theme's own value, and the
  // theme's comes back when it goes.
  const setBackground = (value) =>
    page.$eval("news-widget", (w, value) => (value ? w.style.setProperty("--nw-bg", value) : w.style.removeProperty("--nw-bg")), value);
  await setBackground("rgb(1, 2, 3)");
  await waitUntil("the partner's --nw-bg on the root", () => rootOf(page, "news-widget"), (root) => root.background === "rgb(1, 2, 3)");
  await setBackground(null);
  await waitUntil("the dark theme's background again", () => rootOf(page, "news-widget"), (root) => root.background === dark.background);

  await setAttribute("feed", "fixture-feed.json");
  await waitUntil(
    "the fixture feed's headline after feed changes",
    () => headlineOf(page, "news-widget"),
    (text) => text?.trim() === "A fixture article with linked headlines",
  );
  await waitForWidgets(page);
  noProblems(problems, "while changing attributes");
});

eachBrowser("events: ready, error with a working retry, cancelable navigate", { timeout: TEST_TIMEOUT_MS }, async (t, name) => {
  // missing.json is a 404 the first time and the real feed afterwards, so Retry can recover.
  let missingRequests = 0;
  const route = async (request) => {
    if (new URL(request.url()).pathname !== "/missing.json") return false;
    missingRequests += 1;
    if (missingRequests === 1) return false;
    await request.respond({ status: 200, contentType: "application/json", body: readFileSync(join(DIST, "feed.json")) });
    return true;
  };
  const { page, outside } = await openPage(t, name, "/events.html", { route });
  await waitForWidgets(page, "#good, #links");
  await waitForWidgets(page, "#missing", "error");
  const events = () => page.evaluate(() => window.__events);

  const recorded = await events();
  const ready = recorded.filter((e) => e.type === "news-widget:ready").map((e) => e.widget).sort();
  assert.deepEqual(ready, ["good", "links"], "news-widget:ready, once per widget that loaded");
  const errors = recorded.filter((e) => e.type === "news-widget:error");
  assert.equal(errors.length, 1, `one news-widget:error; saw ${JSON.stringify(errors)}`);
  assert.equal(errors[0].widget, "missing");
  assert.match(errors[0].detail.message, /missing\.json/, "the error message names the feed");
  assert.ok(errors[0].bubbles && errors[0].composed, "error event bubbles out of the shadow root");

  // The error state is shown with a retry button, and retrying loads the feed.
  await waitInPage(page, "the error alert", () => document.querySelector("#missing").shadowRoot.querySelector('[role="alert"]'));
  await (await control(page, "#missing", "button", "重试")).click();
  await waitForWidgets(page, "#missing");
  assert.equal((await headlineOf(page, "#missing")).trim(), HEADLINE, "headline after retry");
  assert.equal(missingRequests, 2, "retry requested the feed again");

  // The host cancels navigation (events-probe.js): the click must not leave the page.
  const start = page.url();
  await (await control(page, "#links", "link", /First linked headline/)).click();
  await waitInPage(page, "a news-widget:navigate event", () => window.__events.some((e) => e.type === "news-widget:navigate"), undefined, () => window.__events);
  const navigate = (await events()).find((e) => e.type === "news-widget:navigate");
  assert.deepEqual(
    navigate,
    {
      type: "news-widget:navigate", widget: "links",
      detail: { url: "https://news.example/articles/one", title: "First linked headline" },
      bubbles: true, composed: true, cancelable: true, defaultPrevented: true,
    },
    "the navigate event as the host saw it",
  );
  const clicks = await page.evaluate(() => window.__clicks);
  assert.deepEqual(clicks, [{ href: "https://news.example/articles/one", defaultPrevented: true }], "the link click's default action was cancelled");
  assert.equal(page.url(), start, "still on the page after a cancelled navigation");
  assert.deepEqual(outside, [], "no request to the link's site");

  // Control: when the host does not cancel, the same kind of click does navigate.
  await page.evaluate(() => (window.__cancelNavigate = false));
  await (await control(page, "#links", "link", /Second linked headline/)).click();
  await waitUntil("the page to navigate to the link", () => page.url(), (url) => url === "https://news.example/articles/two");
});

eachBrowser(
  "the article headline link also dispatches news-widget:navigate",
  { timeout: TEST_TIMEOUT_MS },
  async (t, name) => {
    const { page, outside } = await openPage(t, name, "/events.html");
    await waitForWidgets(page, "#links");
    const start = page.url();
    const link = await page.evaluateHandle(() => document.querySelector("#links").shadowRoot.querySelector('[part="headline"] a'));
    await link.asElement().click();
    // Either the host hears about it (and cancels), or the page navigates away.
    const seen = await waitUntil(
      "a news-widget:navigate event or a navigation",
      async () => ({ url: page.url(), navigate: await page.evaluate(() => window.__events?.filter((e) => e.type === "news-widget:navigate")).catch(() => null) }),
      (s) => s.url !== start || s.navigate?.length > 0,
    );
    assert.equal(seen.navigate?.length, 1, `a news-widget:navigate event; saw ${JSON.stringify(seen)}, requests to the link's site ${JSON.stringify(outside)}`);
    assert.deepEqual(outside, [], "the cancelled click requested nothing from the link's site");
  },
);

// ---------------------------------------------------------------------------------------
// The iframe fallback.

/** Sizes that tell whether an iframe fits its widget: the frame's viewport and content. */
async function frameFit(page, iframeSelector) {
  const iframe = await page.$(iframeSelector);
  const frame = await iframe.contentFrame();
  const inside = await frame.evaluate(() => ({
    state: document.querySelector("news-widget")?.getAttribute("state"),
    viewport: window.innerHeight,
    content: document.documentElement.getBoundingClientRect().height,
    scrollHeight: document.documentElement.scrollHeight,
  }));
  return { ...inside, styleHeight: await iframe.evaluate((el) => el.style.height) };
}

const fits = (fit) => fit.state === "ready" && fit.content > 300 && Math.abs(fit.viewport - fit.content) <= 2;

/** Has the partner page (not the widget's frame) post a resize to itself, then waits for it to be handled. */
async function postFakeResizeFromPartner(page) {
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        window.addEventListener("message", function done(event) {
          if (event.data?.type !== "e2e:fake-sent") return;
          window.removeEventListener("message", done);
          resolve();
        });
        window.postMessage({ type: "news-widget:resize", height: 4321 }, "*");
        // Delivered after the fake, so every listener has seen the fake by then.
        window.postMessage({ type: "e2e:fake-sent" }, "*");
      }),
  );
}

eachBrowser("iframe fallback sizes the frame to its content and ignores messages from elsewhere", { timeout: TEST_TIMEOUT_MS }, async (t, name) => {
  const { page, problems, response } = await openPage(t, name, "/partner-frame.html");
  assert.doesNotMatch(response.headers()["content-security-policy"], /wasm-unsafe-eval/, "partner CSP forbids wasm");
  const fit = await waitUntil("the iframe to fit its ready widget (> 300 px, within 2 px)", () => frameFit(page, "#same-origin"), fits);
  assert.equal(fit.scrollHeight, fit.viewport, "no scrolling inside the frame");

  const frame = await (await page.$("#same-origin")).contentFrame();
  const widgetAttributes = await frame.evaluate(() => {
    const widget = document.querySelector("news-widget");
    return Object.fromEntries(widget.getAttributeNames().sort().map((name) => [name, widget.getAttribute(name)]));
  });
  assert.deepEqual(
    widgetAttributes,
    { feed: "feed.json", refresh: "0", state: "ready", storage: "off" },
    "the element's attributes, refresh and storage included, are taken from the query; nothing else is",
  );

  await postFakeResizeFromPartner(page);
  assert.equal((await frameFit(page, "#same-origin")).styleHeight, fit.styleHeight, "height after a resize message from the partner page itself");

  // Clamping: a narrower frame reflows taller, but not past data-max-height.
  await page.$eval("#same-origin", (iframe) => {
    iframe.dataset.maxHeight = "400";
    iframe.style.width = "60%";
  });
  await waitUntil("the iframe height clamped to data-max-height=400", () => frameFit(page, "#same-origin"), (f) => f.styleHeight === "404px");
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], "CSP violations on the partner page");
  noProblems(problems, "on the partner page or in the frame");
});

eachBrowser("iframe fallback across origins obeys only its own frame from its own origin", { timeout: TEST_TIMEOUT_MS }, async (t, name) => {
  const { page, problems } = await openPage(t, name, "/partner-frame.html");
  await waitUntil("the same-origin iframe to fit first", () => frameFit(page, "#same-origin"), fits);
  // Partners often insert the iframe from their own scripts, after news-widget-frame.js ran.
  await page.evaluate((src) => {
    const iframe = document.createElement("iframe");
    iframe.id = "cross-origin";
    iframe.dataset.newsWidget = "";
    iframe.title = "News";
    iframe.src = src;
    document.body.append(iframe);
  }, `${widgetSite.origin}/embed.html?feed=feed.json&lang=en&theme=dark`);
  const fit = await waitUntil("the cross-origin iframe to fit its ready widget", () => frameFit(page, "#cross-origin"), fits);

  // Fake messages, each followed by a sentinel from the same window; wait for the sentinel,
  // then the height must be unchanged.
  const sentinel = () =>
    page.evaluate(() => {
      window.__sentinels = [];
      window.addEventListener("message", (event) => {
        if (event.data?.type === "e2e:fake-sent") window.__sentinels.push(event.data.from);
      });
    });
  await sentinel();
  // 1. Right origin, wrong window: another frame from the widget's origin.
  await page.evaluate((src) => {
    const other = document.createElement("iframe");
    other.title = "not the widget";
    other.src = src;
    document.body.append(other);
  }, `${widgetSite.origin}/fake-resizer.html`);
  await waitInPage(page, "the other frame's messages to arrive", (origin) => window.__sentinels.includes(origin), widgetSite.origin, () => window.__sentinels);
  assert.equal((await frameFit(page, "#cross-origin")).styleHeight, fit.styleHeight, "height after a resize from another frame of the widget's origin");

  // 2. Right window, wrong origin: the widget's frame navigated to a page of the partner's
  // origin (its src attribute still names the widget's origin).
  await page.$eval("#cross-origin", (iframe, url) => (iframe.contentWindow.location = url), `${site.origin}/fake-resizer.html`);
  await waitInPage(page, "the navigated frame's messages to arrive", (origin) => window.__sentinels.includes(origin), site.origin, () => window.__sentinels);
  assert.equal(
    await page.$eval("#cross-origin", (el) => el.style.height),
    fit.styleHeight,
    "height after a resize from the widget's frame showing another origin",
  );

  // 3. The partner page itself.
  await postFakeResizeFromPartner(page);
  assert.equal(await page.$eval("#cross-origin", (el) => el.style.height), fit.styleHeight, "height after a resize from the partner page");
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], "CSP violations on the partner page");
  // Step 2 makes the partner script's messages to the frame, rightly addressed to the
  // widget's origin, meet a frame of another origin: the browser drops them, and Firefox
  // reports each drop as an error (Chromium's console message does not reach the driver).
  const dropped = /postMessage.*target origin provided.*does not match the recipient window/;
  noProblems(problems.filter((problem) => !dropped.test(problem)), "on the partner page or in the frames");
});

// ---------------------------------------------------------------------------------------
// Accessibility.

/** Runs axe on the page (shadow roots included); returns violations split by whose they are. */
async function audit(page) {
  const results = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ["violations"] }).then((r) =>
      r.violations.map((v) => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary?.split("\n").slice(0, 3).join(" "), html: n.html.slice(0, 160) })),
      })),
    ),
  );
  // A node in a shadow root (only the widgets have one here) has a nested target:
  // [["#widget-zh", ".nw-…"]]; the host element itself is named by its tag or id.
  const inWidget = (node) =>
    node.target.some(Array.isArray) || /^(news-widget|#widget-)/.test(String(node.target[0]));
  const split = (keep) => results.map((v) => ({ ...v, nodes: v.nodes.filter((n) => keep(inWidget(n))) })).filter((v) => v.nodes.length);
  return { widget: split((w) => w), page: split((w) => !w) };
}

/**
 * One block per rule, each distinct element once (ids made stable), with the runs that
 * found it: readable even when the same markup fails in every colour scheme and theme.
 */
function describeViolations(runs) {
  const rules = new Map();
  for (const { run, violations } of runs) {
    for (const v of violations) {
      const key = `${v.impact} ${v.rule}`;
      if (!rules.has(key)) rules.set(key, { help: v.help, elements: new Map() });
      for (const n of v.nodes) {
        const target = n.target.flat().join(" >> ").replace(/nw\d+-/g, "nw…-");
        const element = rules.get(key).elements.get(target) ?? { runs: [], summary: n.summary, html: n.html };
        element.runs.push(run);
        rules.get(key).elements.set(target, element);
      }
    }
  }
  const lines = [];
  for (const [key, { help, elements }] of rules) {
    lines.push(`  ${key}: ${help} (${elements.size} element(s))`);
    const shown = [...elements].slice(0, 6);
    for (const [target, e] of shown) {
      lines.push(`    at ${target}`, `       ${e.html}`, `       ${e.summary}`, `       found in: ${e.runs.join("; ")}`);
    }
    if (elements.size > shown.length) lines.push(`    … and ${elements.size - shown.length} more like these`);
  }
  return lines.join("\n");
}

eachBrowser("accessibility audit (axe) of the demo page, error state, links and the iframe page, light and dark", { timeout: TEST_TIMEOUT_MS }, async (t, name) => {
  const serious = [];
  const portal = [];
  const minorFindings = [];
  for (const colorScheme of ["light", "dark"]) {
    // Reduced motion: rotation starts paused and nothing fades, so contrast is measured on
    // settled colours.
    const media = { colorScheme, reducedMotion: "reduce" };
    const { page } = await openPage(t, name, "/index.html", { media, viewport: { width: 1280, height: 2400 } });
    await waitForWidgets(page);
    await page.addScriptTag({ path: AXE });
    // Guard against a vacuous pass: axe must really reach the text inside the shadow roots.
    const contrast = await page.evaluate(() =>
      window.axe.run(document, { runOnly: ["color-contrast"] }).then((r) => {
        // A node in a shadow root has a nested target: [[host selector, inner selector]].
        const inside = (result) => result.flatMap((rule) => rule.nodes).filter((n) => n.target.some(Array.isArray)).length;
        return { checked: inside(r.passes) + inside(r.violations), undecided: inside(r.incomplete) };
      }),
    );
    assert.ok(contrast.checked > 20, `axe checked the contrast of text inside the widgets; saw ${JSON.stringify(contrast)}`);
    t.diagnostic(`${colorScheme}: axe checked the contrast of ${contrast.checked} text element(s) inside the widgets`);
    if (contrast.undecided) t.diagnostic(`${colorScheme}: axe could not decide the contrast of ${contrast.undecided} widget element(s)`);
    for (const theme of ["auto", "light", "dark"]) {
      await page.$eval("#widget-zh", (w, theme) => w.setAttribute("theme", theme), theme);
      await waitUntil(`#widget-zh to show theme ${theme}`, () => rootOf(page, "#widget-zh"), (r) => r.className.includes(`nw-theme-${theme}`));
      const run = `index.html ${colorScheme} scheme, first widget theme=${theme}`;
      const found = await audit(page);
      serious.push({ run, violations: found.widget.filter((v) => ["serious", "critical"].includes(v.impact)) });
      portal.push({ run, violations: found.page });
      minorFindings.push({ run, violations: found.widget.filter((v) => !["serious", "critical"].includes(v.impact)) });
    }
    // The error state and linked headlines (the demo feed has no links), and the iframe page
    // as the frame shows it, where the whole page counts; its CSP would refuse axe's inline
    // script, hence e2e-audit (served without the CSP, see headersFor).
    for (const [path, whole] of [["/events.html", false], ["/embed.html?feed=feed.json&e2e-audit", true]]) {
      const other = await openPage(t, name, path, { media });
      await waitForWidgets(other.page, "news-widget:not(#missing)");
      if (await other.page.$("#missing")) await waitForWidgets(other.page, "#missing", "error");
      await other.page.addScriptTag({ path: AXE });
      const found = await audit(other.page);
      const run = `${path} ${colorScheme} scheme`;
      const counted = whole ? [...found.widget, ...found.page] : found.widget;
      serious.push({ run, violations: counted.filter((v) => ["serious", "critical"].includes(v.impact)) });
    }
  }
  const minorText = describeViolations(minorFindings);
  if (minorText) t.diagnostic(`minor or moderate findings in the widget (not failing):\n${minorText}`);
  const portalText = describeViolations(portal);
  if (portalText) t.diagnostic(`the demo portal's own markup (not the widget; not failing):\n${portalText}`);
  const text = describeViolations(serious);
  assert.ok(!text, `expected no serious or critical axe violations in the widget; saw:\n${text}`);
});
