// RSS 2.0, Atom and a GB2312 feed through the release bundle, on a page under the strict
// CSP with Trusted Types, in every engine (E2E_BROWSERS). The feeds are the corpus's exact
// bytes, served by the local test server with a Content-Type that does not say "feed" (as
// feed servers get it wrong): the widget must tell the format by content and the charset
// by the XML declaration. What the widget shows is compared with a string scan of the same
// bytes written here, which knows nothing of the widget's reader.
//
//   make dist && xvfb-run -a node --test tests/e2e/xml-feeds.mjs

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./serve.mjs";
import { BROWSERS, launch, openPage, waitInPage } from "./browser.mjs";
import { sharedDir } from "./payloads.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = join(HERE, "..", "..", "dist");
const CORPUS = join(sharedDir(), "corpus");
const TEST_TIMEOUT_MS = 120_000;

/** The strict policy of embedding.mjs, with http: images (the real feeds' photos are http). */
const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' https: http:; connect-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'";

/** The wrong Content-Type each feed is served with (no charset: the document must say). */
const WRONG_TYPE = {
  "/xml/01-chinanews-scroll-news.xml": "text/html",
  "/xml/12-daringfireball-atom.xml": "application/octet-stream",
  "/xml/07-kc0011-gb2312.xml": "text/html",
};

const browsers = new Map();
let site;

before(async () => {
  if (!existsSync(join(DIST, "news-widget.js"))) throw new Error("dist/ is missing: make dist");
  site = await serve([DIST, join(HERE, "pages"), CORPUS], (path) => {
    if (path === "/csp-xml.html") return { "content-security-policy": STRICT_CSP };
    if (path in WRONG_TYPE) return { "content-type": WRONG_TYPE[path] };
    return {};
  });
});

after(async () => {
  for (const browser of browsers.values()) await browser.close();
  await site?.close();
});

function eachBrowser(title, body) {
  for (const name of BROWSERS) {
    test(`${name}: ${title}`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
      if (!browsers.has(name)) browsers.set(name, await launch(name));
      await body(t, browsers.get(name));
    });
  }
}

// ---------------------------------------------------------------------------------------
// The independent reading: items by string search, the five XML entities and CDATA undone,
// tags dropped, and only letters and digits compared (spacing is the widget's to choose).

const XML_ENTITIES = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const xmlDecode = (text) =>
  text.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#[0-9]+);/gi, (_, name) =>
    name[0] === "#"
      ? String.fromCodePoint(name[1].toLowerCase() === "x" ? parseInt(name.slice(2), 16) : Number(name.slice(1)))
      : XML_ENTITIES[name],
  );
const letters = (text) => (text.match(/[\p{L}\p{N}]/gu) ?? []).join("");
const textOfMarkup = (raw) => xmlDecode(raw.replaceAll("<![CDATA[", "").replaceAll("]]>", "")).replace(/<[^>]*>/g, "");

/** { title, link } of each item (RSS) or entry (Atom), in document order. */
function scanItems(text) {
  const tag = /<entry[\s>]/.test(text) ? "entry" : "item";
  const chunks = text.split(new RegExp(`<${tag}[\\s>]`)).slice(1).map((chunk) => chunk.split(`</${tag}>`)[0]);
  return chunks.map((chunk) => {
    const title = chunk.match(/<title[^>]*>([\s\S]*?)<\/title>/)?.[1] ?? "";
    const link =
      tag === "entry"
        ? chunk.match(/<link(?![^>]*rel="(?!alternate)[^"]*")[^>]*href="([^"]*)"/)?.[1]
        : chunk.match(/<link>([\s\S]*?)<\/link>/)?.[1];
    return { title: letters(textOfMarkup(title)), link: link && xmlDecode(textOfMarkup(link).trim()) };
  });
}

function expectedOf(path, encoding) {
  const bytes = readFileSync(join(CORPUS, path));
  return scanItems(new TextDecoder(encoding).decode(bytes));
}

/** What the widget shows: its state, headline and every sidebar headline (title, link). */
const shown = (page) =>
  page.evaluate(() => {
    const widget = document.getElementById("xml");
    const root = widget?.shadowRoot;
    const link = (el) => ({ title: el.textContent, link: el.getAttribute("href") ?? undefined });
    return {
      state: widget?.getAttribute("state") ?? null,
      headline: root?.querySelector('[part="headline"] a, [part="headline"]') ? link(root.querySelector('[part="headline"] a') ?? root.querySelector('[part="headline"]')) : null,
      body: root?.querySelector('[part="body"]')?.textContent ?? "",
      headlines: [...(root?.querySelectorAll(".nw-section .nw-item-title") ?? [])].map(link),
    };
  });

/** Opens the strict page on `feed`; checks the feed reached the widget as served. */
async function openFeed(t, browser, feed) {
  const opened = await openPage(browser, `${site.origin}/csp-xml.html?feed=${encodeURIComponent(feed)}`, { stubOutside: true });
  t.after(opened.close);
  const { page, response } = opened;
  assert.equal(response.status(), 200);
  assert.equal(response.headers()["content-security-policy"], STRICT_CSP, "the page is served with the strict policy");
  const served = await page.evaluate(async (feed) => (await fetch(feed)).headers.get("content-type"), feed);
  assert.equal(served, WRONG_TYPE[`/${feed}`], "the feed is served with the wrong Content-Type");
  await waitInPage(
    page,
    "the widget ready",
    () => document.getElementById("xml")?.getAttribute("state") === "ready",
    undefined,
    () => document.getElementById("xml")?.getAttribute("state"),
  );
  return opened;
}

/** The article is the first item and every other item is a headline, titles and links as written. */
async function showsFeedAsWritten({ page, problems }, expected) {
  const got = await shown(page);
  const [first, ...rest] = expected;
  assert.ok(rest.length >= 9, `the scan found ${expected.length} items`);
  assert.deepEqual({ title: letters(got.headline.title), link: got.headline.link }, first, "the article's headline");
  assert.ok(letters(got.body).length > 20, `the article shows its body: ${got.body.slice(0, 80)}`);
  assert.deepEqual(
    got.headlines.map((h) => ({ title: letters(h.title), link: h.link })),
    rest,
    "every other item as a headline, in order",
  );
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], "securitypolicyviolation events");
  assert.deepEqual(problems, [], "console errors or uncaught exceptions");
  return got;
}

eachBrowser("chinanews' own RSS 2.0, served as text/html: article and headlines, no CSP or TT violation", async (t, browser) => {
  const opened = await openFeed(t, browser, "xml/01-chinanews-scroll-news.xml");
  const got = await showsFeedAsWritten(opened, expectedOf("xml/01-chinanews-scroll-news.xml", "utf-8"));
  assert.match(got.headline.title, /\p{Script=Han}/u, "a Chinese headline");
});

eachBrowser("an Atom feed, served as application/octet-stream: article and headlines, no CSP or TT violation", async (t, browser) => {
  const opened = await openFeed(t, browser, "xml/12-daringfireball-atom.xml");
  await showsFeedAsWritten(opened, expectedOf("xml/12-daringfireball-atom.xml", "utf-8"));
});

eachBrowser("a GB2312 feed, served as text/html with no charset: decoded by its declaration, no violation", async (t, browser) => {
  const opened = await openFeed(t, browser, "xml/07-kc0011-gb2312.xml");
  // Node's TextDecoder (ICU) reads GB2312 as GBK, as browsers do.
  const got = await showsFeedAsWritten(opened, expectedOf("xml/07-kc0011-gb2312.xml", "gbk"));
  assert.match(got.headline.title, /\p{Script=Han}/u, "Chinese, not mojibake");
  assert.doesNotMatch(JSON.stringify(got), /\uFFFD/, "no replacement characters");
});
