// Takes the README's screenshots in headless Chromium:
//   node tests/e2e/screenshot.mjs <out-dir>
// The demo page (the seed, in Chinese and in English), a real English feed with a rich
// body (the shared corpus's Hypercritical feed), the widget in zh-Hant, ja and ar, and the layouts. This machine has no network: the feed's
// photos (on hypercritical.co) are replaced by a local placeholder, marked as such.
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";
import { launchOptions } from "./browser.mjs";
import { corpusFeed } from "./payloads.mjs";

const out = process.argv[2] ?? "docs";
const server = await serve(["dist", "tests/e2e/pages"]);
const browser = await chromium.launch(launchOptions);

/** A stand-in photo, labelled as one, at the size the article gives. */
const placeholder = (width, height) => `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#3d5a80"/><stop offset="1" stop-color="#98c1d9"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/>
<text x="50%" y="50%" fill="#fff" font-family="sans-serif" font-size="22" text-anchor="middle">placeholder photo (offline)</text></svg>`;

const shots = [
  { name: "demo-wide-light", path: "/index.html", width: 1280, height: 1100, scheme: "light" },
  { name: "demo-narrow-dark", path: "/index.html", width: 420, height: 1400, scheme: "dark" },
  { name: "rich-english-wide", path: "/rich-en.html", width: 1200, height: 1300, scheme: "light" },
  // The sidebar alone at a phone's width (about 300 px of section head).
  { name: "rich-english-sidebar-narrow", path: "/rich-en.html", width: 380, height: 900, scheme: "light", part: "sidebar" },
  // The UI languages (README "Languages"): Traditional Chinese labels on the seed, a Japanese
  // feed on a Japanese page, an Arabic feed laid out right to left.
  { name: "lang-zh-hant", path: "/lang-zh-hant.html", width: 1100, height: 800, scheme: "light" },
  { name: "lang-ja", path: "/lang-ja.html", width: 1100, height: 700, scheme: "light" },
  { name: "lang-ar", path: "/lang-ar.html", width: 1100, height: 700, scheme: "light" },
  // The placements (README "Layouts"): headlines, list and article side by side.
  { name: "layouts", path: "/layouts-gallery.html", width: 1240, height: 900, scheme: "light" },
];

try {
  for (const { name, path, width, height, scheme, part } of shots) {
    const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
    await context.route(`${server.origin}/rich-feed.json`, (route) =>
      route.fulfill({ contentType: "application/json", body: corpusFeed("jsonfeednet-hypercritical-v1-big.json") }),
    );
    await context.route(/^http:\/\/hypercritical\.co\/.*\.(jpg|png)$/, (route) =>
      route.fulfill({ contentType: "image/svg+xml", body: placeholder(640, 409) }),
    );
    const page = await context.newPage();
    await page.goto(`${server.origin}${path}`);
    await page.waitForFunction(() =>
      [...document.querySelectorAll("news-widget")].every((w) => w.getAttribute("state") === "ready"),
    );
    // Images in view have loaded (or failed) and the first slide's fade-in has finished, so
    // the picture is what a reader sees once the page settles.
    await page.waitForFunction(() =>
      [...document.querySelectorAll("news-widget")].every((w) =>
        [...w.shadowRoot.querySelectorAll("img")].every((img) => img.complete || img.loading === "lazy"),
      ),
    );
    await page.evaluate(() =>
      Promise.all(
        [document, ...[...document.querySelectorAll("news-widget")].map((w) => w.shadowRoot)]
          .flatMap((root) => root.getAnimations())
          .map((a) => a.finished),
      ),
    );
    if (part) {
      // Playwright's CSS locators reach into open shadow roots.
      await page.locator(`[part="${part}"]`).first().screenshot({ path: `${out}/${name}.png` });
    } else {
      // The first screenful: enough to show the layout, small enough to keep in the repository.
      await page.screenshot({ path: `${out}/${name}.png` });
    }
    console.log(`wrote ${out}/${name}.png`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
