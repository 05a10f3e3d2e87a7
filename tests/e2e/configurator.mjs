// The partner configurator (dist/configurator.html) in headless Chromium and Firefox,
// against the release bundle served on 127.0.0.1; no test leaves the machine.
//   make dist && node --test tests/e2e/configurator.mjs
//
// Two local origins: `site` serves the bundle, the configurator and the test feeds (with
// CORS open, as a CDN would); `partner` is a partner's page elsewhere, which also holds a
// feed without CORS headers.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, openPage, waitInPage, waitUntil, BROWSERS } from "./browser.mjs";
import { serve } from "./serve.mjs";
import { sharedDir } from "./payloads.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DIST = join(ROOT, "dist");
const PAGES = join(ROOT, "tests/e2e/pages");
const AXE = createRequire(join(ROOT, "package.json")).resolve("axe-core/axe.min.js");
const TEST_TIMEOUT_MS = 150_000;

// The partner's side: a page written by a test, and a feed its server serves without CORS.
const PARTNER_DIR = mkdtempSync(join(tmpdir(), "nw-configurator-"));
copyFileSync(join(ROOT, "static/feed.json"), join(PARTNER_DIR, "no-cors-feed.json"));

let site;
let partner;
let partnerCsp = ""; // the policy the partner page is served with, set by the CSP test
const browsers = new Map();

// The demo's strict policy, with connect-src open to the partner's origin (a partner checks
// a feed from anywhere) and http: images (the test feeds' images are local).
const configuratorCsp = () =>
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: http:; " +
  `connect-src 'self' ${partner.origin}; require-trusted-types-for 'script'; trusted-types 'none'`;

before(async () => {
  for (const file of ["configurator.html", "configurator.js", "configurator.css", "configurator-app.js", "configurator-app_bg.wasm", "news-widget.js"]) {
    if (!existsSync(join(DIST, file))) throw new Error(`dist/ lacks ${file}: build the bundle first (make dist)`);
  }
  // The corpus's RSS as its publisher's server might send it: with a type that says HTML.
  site = await serve([DIST, PAGES, join(sharedDir(), "corpus")], (path, url) => ({
    "access-control-allow-origin": "*",
    ...(path.startsWith("/xml/") && { "content-type": "text/html" }),
    // The accessibility audit injects axe-core, which the strict policy refuses.
    ...(path === "/configurator.html" && !url.searchParams.has("e2e-audit") && { "content-security-policy": configuratorCsp() }),
  }));
  partner = await serve([PARTNER_DIR], (path) => (path === "/partner.html" ? { "content-security-policy": partnerCsp } : {}));
});

after(async () => {
  for (const browser of browsers.values()) await browser.close();
  await site?.close();
  await partner?.close();
});

async function browserFor(name) {
  // Reduced motion: the audit must not catch a headline slide halfway through its fade, whose
  // text axe would measure at part opacity (seen in WebKit). Firefox and WebKit take it at launch.
  if (!browsers.has(name)) browsers.set(name, await launch(name, { media: REDUCED_MOTION }));
  return browsers.get(name);
}

/** One test per browser. */
function eachBrowser(title, fn) {
  for (const name of BROWSERS) {
    test(`${name}: ${title}`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
      const opened = [];
      try {
        await fn(t, name, async (path, options) => {
          const handle = await openPage(await browserFor(name), `${site.origin}${path}`, options);
          opened.push(handle);
          return handle;
        });
      } finally {
        for (const handle of opened) await handle.close();
      }
    });
  }
}

// Small verbs, named for what a partner does and sees.

const previewState = (page) => page.$eval("#preview", (w) => w.getAttribute("state"));

async function waitForPreview(page, state) {
  await waitInPage(page, `the preview in state "${state}"`, (s) => document.querySelector("#preview")?.getAttribute("state") === s, state, () => document.querySelector("#preview")?.getAttribute("state"));
}

async function waitForCheck(page) {
  await waitInPage(page, "the feed check to finish", () => document.querySelector("#findings")?.getAttribute("aria-busy") === "false", null, () => document.querySelector("#findings")?.textContent);
}

const REDUCED_MOTION = { reducedMotion: "reduce" };

async function openConfigurator(open, query = "", options) {
  const handle = await open(`/configurator.html${query}`, options);
  await waitInPage(handle.page, "the configurator to render", () => !!document.querySelector("#feed-url"));
  await waitForCheck(handle.page);
  return handle;
}

async function enterFeed(page, url) {
  await page.$eval("#feed-url", (input) => input.select());
  await page.type("#feed-url", url);
  await page.click("#check-feed");
  await waitForCheckOf(page, url);
}

/** Waits for the check of `url` (as typed) to finish: the preview takes the URL with it. */
async function waitForCheckOf(page, url) {
  await waitInPage(
    page,
    `the check of ${url} to start`,
    (u) => document.querySelector("#preview")?.getAttribute("feed") === new URL(u, document.baseURI).href,
    url,
    () => document.querySelector("#preview")?.getAttribute("feed"),
  );
  await waitForCheck(page);
}

const text = (page, selector) => page.$eval(selector, (e) => e.textContent);
const output = (page, id) => page.$eval(`#out-${id}`, (e) => e.value);
const hasElement = (page, selector) => page.$(selector).then((e) => e !== null);

/** Sets a form control the way a user does: choose an option, or type a number. */
async function setOption(page, name, value) {
  const selector = `#opt-${name}`;
  const tag = await page.$eval(selector, (e) => e.tagName);
  if (tag === "SELECT") {
    await page.select(selector, value);
  } else {
    // Cleared as a select-all and delete would, then typed key by key.
    await page.$eval(selector, (input) => {
      input.value = "";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    if (value !== "") await page.type(selector, value);
  }
}

async function waitForAttribute(page, name, value) {
  await waitInPage(
    page,
    `the preview's ${name} to be ${value}`,
    ([n, v]) => document.querySelector("#preview")?.getAttribute(n) === v,
    [name, value],
    ([n]) => document.querySelector("#preview")?.getAttribute(n),
  );
}

eachBrowser("the default feed: the preview is ready and the validator has no findings", async (t, name, open) => {
  const { page, problems, outside } = await openConfigurator(open);
  await waitForPreview(page, "ready");
  assert.equal(await page.$eval("#preview", (w) => w.getAttribute("feed")), `${site.origin}/feed.json`);
  assert.ok(await hasElement(page, "#no-findings"), `no findings; saw ${await text(page, "#findings")}`);
  assert.ok(!(await hasElement(page, "#errors")) && !(await hasElement(page, "#warnings")) && !(await hasElement(page, "#fetch-message")));
  assert.match(await text(page, "#summary"), /article "向新而行 浙江丽水探路山区发展“新赛道”" \(24 blocks\), 2 section\(s\), 20 headline\(s\)/);
  assert.match(await text(page, "#format"), /: JSON Feed 1\.1 · 21 (items|条)$/);
  // The outputs start from the defaults: only the feed attribute.
  assert.match(await output(page, "snippet"), new RegExp(`<news-widget feed="${site.origin}/feed.json"></news-widget>$`));
  assert.deepEqual(problems, [], "console errors or uncaught exceptions under the strict CSP");
  assert.deepEqual(outside, []);
});

eachBrowser("chinanews' RSS served as text/html: the report names the format it found", async (t, name, open) => {
  const { page, problems } = await openConfigurator(open);
  await enterFeed(page, "xml/01-chinanews-scroll-news.xml");
  await waitInPage(
    page,
    "the format found",
    () => /RSS 2\.0 · 30 (items|条)$/.test(document.querySelector("#format")?.textContent ?? ""),
    undefined,
    () => document.querySelector("#findings")?.textContent,
  );
  assert.match(await text(page, "#summary"), /article "英媒称霍尔木兹海峡航运再次停滞" \(1 blocks\), 1 section\(s\), 29 headline\(s\)/);
  await waitForPreview(page, "ready");
  assert.deepEqual(problems, [], "console errors or uncaught exceptions under the strict CSP");
});

eachBrowser("a corpus edge feed shows newsctl's findings with their JSON paths", async (t, name, open) => {
  const { page } = await openConfigurator(open);
  await enterFeed(page, "edge-trailing-null.json");
  const warnings = await page.$$eval("#warnings li", (items) => items.map((li) => li.textContent));
  assert.deepEqual(warnings, ["$.items[1] is null; expected an item object; item skipped"]);
  assert.equal(await page.$eval("#warnings li code", (c) => c.textContent), "$.items[1]");
  assert.match(await text(page, "#skipped"), /^1 /);
  assert.ok(!(await hasElement(page, "#no-findings")));
  // The widget still shows the feed.
  await waitForAttribute(page, "feed", `${site.origin}/edge-trailing-null.json`);
  await waitForPreview(page, "ready");
});

eachBrowser("a feed that cannot be fetched says which failure and what the server must send", async (t, name, open) => {
  const { page } = await openConfigurator(open, "?lang=en");
  await enterFeed(page, "missing-feed.json");
  const missing = await text(page, "#fetch-message");
  assert.match(missing, /HTTP 404/, missing);
  assert.match(missing, /no feed at this address/, missing);
  await waitForPreview(page, "error");
  // A feed on another origin whose server sends no CORS header.
  await enterFeed(page, `${partner.origin}/no-cors-feed.json`);
  const cors = await text(page, "#fetch-message");
  assert.match(cors, /CORS/, cors);
  assert.match(cors, new RegExp(`Access-Control-Allow-Origin: \\* \\(or ${site.origin.replace(/\./g, "\\.")}\\)`), cors);
  // Not a feed: an HTML page, and JSON that is not a JSON Feed.
  await enterFeed(page, "configurator.html");
  assert.match(await text(page, "#fetch-message"), /web page \(HTML\)/);
  await enterFeed(page, "csp-probe.js");
  assert.match(await text(page, "#fetch-message"), /not valid JSON/);
});

eachBrowser("each option changes the preview's attribute and the snippet, and back to its default removes it", async (t, name, open) => {
  const { page } = await openConfigurator(open);
  await waitForPreview(page, "ready");
  const cases = [
    ["lang", "en", ""],
    ["theme", "dark", "auto"],
    ["interval", "8", "6"],
    ["max-headlines", "3", ""],
    ["target", "_blank", "_self"],
    ["refresh", "60", "300"],
    ["storage", "off", "on"],
    ["article", "shenghuo-01", ""],
    ["layout", "headlines", "page"],
    ["sections", "2", ""],
    ["open", "page", "in-place"],
    ["history", "off", "on"],
  ];
  for (const [name, value, defaultValue] of cases) {
    await setOption(page, name, value);
    await waitForAttribute(page, name, value);
    assert.ok((await output(page, "snippet")).includes(` ${name}="${value}"`), `snippet has ${name}="${value}"`);
    assert.ok((await output(page, "prerender")).includes(["refresh", "storage", "open", "history"].includes(name) ? `--attr ${name}=${value}` : `--${name} ${value}`), `pre-render command has ${name}`);
    await setOption(page, name, defaultValue);
    await waitForAttribute(page, name, null);
    assert.ok(!(await output(page, "snippet")).includes(` ${name}=`), `snippet without ${name} at its default`);
  }
  // The live preview takes the layout: the list layout's list, no article.
  await setOption(page, "layout", "list");
  await waitInPage(page, "the preview in the list layout", () => {
    const root = document.querySelector("#preview")?.shadowRoot;
    return !!root?.querySelector(".nw-layout-list .nw-lists") && !root.querySelector(".nw-article");
  });
  await setOption(page, "layout", "page");
  // A value out of bounds is not written, and the field says why.
  await setOption(page, "interval", "1");
  await waitInPage(page, "the interval warning", () => !!document.querySelector("#opt-interval-warning"));
  assert.match(await text(page, "#opt-interval-warning"), /ignoring interval="1": expected seconds between 2 and 600/);
  assert.equal(await page.$eval("#preview", (w) => w.getAttribute("interval")), null);
  // The width and backdrop toggles.
  await page.click("#width-first");
  await waitUntil("the preview to be narrow", () => page.$eval("#preview", (w) => w.getBoundingClientRect().width), (w) => w <= 360);
  await page.click("#width-second");
  // Wide enough for the widget's two-column layout (its container query starts at 760 px).
  await waitUntil("the preview to be wide", () => page.$eval("#preview", (w) => w.getBoundingClientRect().width), (w) => w >= 760);
  await page.click("#backdrop-first");
  await waitInPage(page, "a dark backdrop", () => document.querySelector("#preview-frame").classList.contains("cf-dark"));
  await waitForPreview(page, "ready");
});

eachBrowser("the snippet pasted into a partner page under the printed CSP renders ready with no violation", async (t, name, open) => {
  const { page } = await openConfigurator(open);
  await setOption(page, "lang", "en");
  await setOption(page, "theme", "dark");
  await waitForAttribute(page, "theme", "dark");
  const snippet = await output(page, "snippet");
  const csp = await output(page, "csp");
  assert.equal(
    csp,
    [`script-src ${site.origin} 'wasm-unsafe-eval';`, `style-src ${site.origin};`, `connect-src ${site.origin};`, `img-src ${site.origin};`].join("\n"),
  );
  partnerCsp = csp.split("\n").join(" ");
  // The probe comes from the bundle's origin, the only one the printed script-src allows.
  writeFileSync(
    join(PARTNER_DIR, "partner.html"),
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Partner</title>\n<script src="${site.origin}/csp-probe.js"></script>\n</head><body>\n${snippet}\n</body></html>\n`,
  );
  const pasted = await openPage(await browserFor(name), `${partner.origin}/partner.html`);
  try {
    assert.equal(pasted.response.headers()["content-security-policy"], partnerCsp);
    await waitInPage(pasted.page, "the pasted widget to be ready", () => document.querySelector("news-widget")?.getAttribute("state") === "ready", null, () => document.querySelector("news-widget")?.getAttribute("state"));
    // Firefox checks the partner page's own favicon request against img-src; that request is
    // the page's, not the widget's, and the printed lines are what the widget needs.
    const violations = await pasted.page.evaluate(() => window.__cspViolations);
    const ownFavicon = (v) => v.blocked === `${partner.origin}/favicon.ico`;
    assert.deepEqual(violations.filter((v) => !ownFavicon(v)), [], "securitypolicyviolation events");
    assert.deepEqual(pasted.problems.filter((p) => !p.includes(`${partner.origin}/favicon.ico`)), [], "console errors on the partner page");
    assert.deepEqual(pasted.outside, []);
    // Control: the probe does see a violation of this policy.
    await pasted.page.evaluate(() => {
      const s = document.createElement("script");
      s.src = "http://127.0.0.1:9/not-allowed.js";
      document.head.append(s);
    });
    await waitInPage(pasted.page, "the deliberate violation to be reported", () => window.__cspViolations.some((v) => v.blocked.endsWith("/not-allowed.js")));
  } finally {
    await pasted.close();
  }
});

eachBrowser("keyboard only: language, feed, an option and a copy button", async (t, name, open) => {
  const { page } = await openConfigurator(open);
  await waitForPreview(page, "ready");
  const focused = () => page.evaluate(() => document.activeElement?.id ?? "");
  async function tabTo(id) {
    await waitUntil(`focus on #${id} by Tab`, async () => {
      if ((await focused()) === id) return id;
      await page.keyboard.press("Tab");
      return focused();
    }, (seen) => seen === id);
  }
  await tabTo("switch-language");
  await page.keyboard.press("Enter");
  await waitInPage(page, "the page in English", () => document.documentElement.lang === "en");
  await tabTo("feed-url");
  await page.keyboard.down("Control");
  await page.keyboard.press("a");
  await page.keyboard.up("Control");
  await page.keyboard.type("edge-trailing-null.json");
  await page.keyboard.press("Enter");
  await waitForCheckOf(page, "edge-trailing-null.json");
  assert.ok(await hasElement(page, "#warnings li"), "the edge feed's findings");
  await tabTo("opt-interval");
  await page.keyboard.press("ArrowUp");
  await waitForAttribute(page, "interval", "6.5");
  await tabTo("out-snippet-copy");
  await page.keyboard.press("Enter");
  await waitInPage(page, "the copy status", () => document.querySelector("#out-snippet-status")?.textContent !== "");
  const status = await text(page, "#out-snippet-status");
  if (/refused/.test(status)) {
    // The fallback: the text is selected for Ctrl+C.
    const selected = await page.$eval("#out-snippet", (a) => document.activeElement === a && a.selectionStart === 0 && a.selectionEnd === a.value.length);
    assert.ok(selected, "the snippet is selected when the clipboard is refused");
  } else {
    assert.equal(status, "Copied.");
  }
  t.diagnostic(`copy: ${status}`);
});

eachBrowser("axe: no serious or critical violation, in Chinese and in English", async (t, name, open) => {
  const { page } = await openConfigurator(open, "?e2e-audit", { media: REDUCED_MOTION });
  await waitForPreview(page, "ready");
  await page.addScriptTag({ path: AXE });
  const found = [];
  for (const lang of ["zh-CN", "en"]) {
    if (lang === "en") {
      await page.click("#switch-language");
      await waitInPage(page, "the page in English", () => document.documentElement.lang === "en");
    }
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    const violations = await page.evaluate(() =>
      window.axe.run(document, { resultTypes: ["violations"] }).then((r) =>
        r.violations.map((v) => ({ rule: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.flat().join(" >> ")).slice(0, 5) })),
      ),
    );
    const serious = violations.filter((v) => ["serious", "critical"].includes(v.impact));
    found.push(...serious.map((v) => ({ lang, ...v })));
    const minor = violations.filter((v) => !["serious", "critical"].includes(v.impact));
    if (minor.length) t.diagnostic(`${lang}: minor: ${JSON.stringify(minor)}`);
  }
  assert.deepEqual(found, [], "serious or critical axe violations");
});
