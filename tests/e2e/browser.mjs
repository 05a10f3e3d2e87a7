// How the end-to-end tests start the machine's Debian browsers (the drivers' own browser
// downloads are not reachable here).
//
// `launch(name)` starts headless Chromium or Firefox ESR through puppeteer-core (CDP for
// Chromium, WebDriver BiDi for Firefox), or WebKitGTK's MiniBrowser through WebKitWebDriver
// (W3C WebDriver classic, behind the same page API: webkit.mjs; it needs a display, so the
// suites run under `xvfb-run -a`). `E2E_BROWSERS=chromium` (or `firefox`, `webkit`, or a
// comma-separated list) narrows the engines the suites run in; the default is all three.
// `launchOptions` is what the playwright-core suites give `chromium.launch`.
import puppeteer from "puppeteer-core";
import { launchWebKit } from "./webkit.mjs";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const launchOptions = {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: CHROMIUM_ARGS,
};

/** The browsers a cross-browser suite runs in, in order. */
export const BROWSERS = (process.env.E2E_BROWSERS ?? "chromium,firefox,webkit")
  .split(",")
  .map((name) => name.trim())
  .filter(Boolean);

const launched = new WeakMap(); // browser → { name, media }

/**
 * Starts headless `name` ("chromium", "firefox" or "webkit"); close it with `browser.close()`.
 * `media` ({ colorScheme: "light" | "dark", reducedMotion: "reduce" }) is what the browser
 * tells pages about the user's settings. Firefox and WebKit take it only at start-up (their
 * preferences; neither WebDriver BiDi nor classic can emulate media features), Chromium per
 * page: `openPage` applies it. `javaScript: false` starts WebKit with scripts off (prerender.mjs
 * starts Chromium and Firefox without scripts itself).
 */
export async function launch(name, { media = {}, javaScript = true } = {}) {
  const browser = await start(name, media, javaScript);
  launched.set(browser, { name, media });
  return browser;
}

/** Which of the three engines `page` is in. */
export const browserName = (page) => launched.get(page.browser())?.name;

function start(name, media, javaScript) {
  if (name === "webkit") return launchWebKit({ media, javaScript });
  if (name === "chromium") {
    return puppeteer.launch({
      browser: "chrome",
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      headless: true,
      args: ["--headless", ...CHROMIUM_ARGS],
    });
  }
  if (name === "firefox") {
    return puppeteer.launch({
      browser: "firefox",
      executablePath: process.env.FIREFOX ?? "/usr/bin/firefox-esr",
      headless: true,
      extraPrefsFirefox: {
        ...(media.colorScheme && { "layout.css.prefers-color-scheme.content-override": media.colorScheme === "dark" ? 0 : 1 }),
        ...(media.reducedMotion && { "ui.prefersReducedMotion": media.reducedMotion === "reduce" ? 1 : 0 }),
      },
    });
  }
  throw new Error(`e2e: unknown browser "${name}" (expected chromium, firefox or webkit)`);
}

/**
 * Runs the garbage collector and returns how. Chromium: a full collection over CDP
 * (`HeapProfiler.collectGarbage`, twice, so objects freed by finalizers go too). Firefox
 * and WebKit: WebDriver has no such command and content has no `gc()`, so the page allocates
 * short-lived objects until a tenured object it dropped has been finalized, which takes a
 * major collection. Finalizers run after it, so callers that need objects gone still poll.
 */
export async function collectGarbage(page) {
  if (isChromium(page)) {
    const cdp = await page.createCDPSession();
    try {
      await cdp.send("HeapProfiler.collectGarbage");
      await cdp.send("HeapProfiler.collectGarbage");
    } finally {
      await cdp.detach();
    }
    return "CDP HeapProfiler.collectGarbage";
  }
  // Twice: DOM objects are freed by the cycle collector, which runs after a collection.
  const first = await majorCollectionByPressure(page);
  const second = await majorCollectionByPressure(page);
  if (first < 0 || second < 0) throw new Error("allocation pressure did not trigger a garbage collection");
  return `allocation pressure (${first} + ${second} rounds)`;
}

/** Allocates in the page until a major collection has happened; returns the rounds (-1: none). */
function majorCollectionByPressure(page) {
  return page.evaluate(async () => {
    const churn = async () => {
      let junk = [];
      for (let i = 0; i < 200_000; i++) junk.push({ i });
      junk = null;
      await new Promise((resolve) => setTimeout(resolve, 0));
    };
    const SENTINELS = 100;
    let finalizedCount = 0;
    const registry = new FinalizationRegistry(() => finalizedCount++);
    // Made in their own frame and never held: JavaScriptCore scans the stack conservatively,
    // so one sentinel made in this async function's frame can stay reachable for good (seen in
    // WebKit). Most of many going is the sign; an odd one pinned by a stale word is not.
    (() => {
      globalThis.__e2eSentinels = [];
      for (let k = 0; k < SENTINELS; k++) {
        const sentinel = { payload: new Array(1000).fill(k) };
        registry.register(sentinel, null);
        globalThis.__e2eSentinels.push(sentinel);
      }
    })();
    const finalized = () => finalizedCount >= SENTINELS / 2;
    // Held through a few minor collections first, so that they are tenured and only a major
    // collection, the kind that reclaims old objects, can finalize them.
    for (let i = 0; i < 5; i++) await churn();
    (() => delete globalThis.__e2eSentinels)();
    let round = 0;
    for (; !finalized() && round < 2000; round++) await churn();
    // Other registries' cleanup tasks were queued by the same collection: let them run.
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    return finalized() ? round : -1;
  });
}

/** The page's JS heap in use in bytes (Chromium, CDP `Runtime.getHeapUsage`); null in Firefox. */
export async function heapBytes(page) {
  if (!isChromium(page)) return null;
  const cdp = await page.createCDPSession();
  try {
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

/** Chromium's live DOM nodes and JS event listeners of the page (CDP), or null elsewhere. */
export async function domCounters(page) {
  if (!isChromium(page)) return null;
  const cdp = await page.createCDPSession();
  try {
    const { nodes, jsEventListeners } = await cdp.send("Memory.getDOMCounters");
    return { nodes, listeners: jsEventListeners };
  } finally {
    await cdp.detach();
  }
}

const isChromium = (page) => browserName(page) === "chromium";

/** How long any one condition may take to come true: generous, the CI machine is busy. */
export const DEADLINE_MS = Number(process.env.E2E_DEADLINE_MS ?? 20_000);

/**
 * Opens `url` in a fresh browser context of `browser`; `close()` ends it. Console errors
 * and uncaught exceptions are collected in `problems`, requests that would leave the machine
 * in `outside` (the test servers are all on 127.0.0.1). With `stubOutside`, such requests
 * are answered with a stub page instead of reaching the network, and `route(request)` may
 * answer any request first (return true when it did). `media`: see `launch`.
 */
export async function openPage(browser, url, { viewport = { width: 1280, height: 900 }, media, stubOutside = false, route } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(viewport);
  await applyMedia(page, media);
  const problems = [];
  const outside = [];
  if (stubOutside || route) {
    await page.setRequestInterception(true);
    page.on("request", async (request) => {
      if (await route?.(request)) return;
      const { protocol, hostname } = new URL(request.url());
      if (stubOutside && protocol.startsWith("http") && hostname !== "127.0.0.1") {
        return request.respond({ status: 200, contentType: "text/html", body: "<!doctype html><title>outside</title>" });
      }
      return request.continue();
    });
  }
  page.on("console", (message) => {
    // The browser's own favicon request is not the page's doing.
    if (message.type() === "error" && !message.location()?.url?.endsWith("/favicon.ico")) {
      problems.push(`console.error: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error?.message ?? error}`));
  page.on("request", (request) => {
    const { protocol, hostname } = new URL(request.url());
    if (protocol.startsWith("http") && hostname !== "127.0.0.1") outside.push(request.url());
  });
  const response = await page.goto(url);
  return { page, problems, outside, response, close: () => context.close() };
}

async function applyMedia(page, media) {
  if (!media) return;
  const { name, media: launchedWith } = launched.get(page.browser());
  if (name === "chromium") {
    const features = [];
    if (media.colorScheme) features.push({ name: "prefers-color-scheme", value: media.colorScheme });
    if (media.reducedMotion) features.push({ name: "prefers-reduced-motion", value: media.reducedMotion });
    return page.emulateMediaFeatures(features);
  }
  for (const [key, value] of Object.entries(media)) {
    if (launchedWith[key] !== value) throw new Error(`${name}: media ${key}=${value} needs a browser launched with it`);
  }
}

/** Waits until `predicate(arg)` is true in the page; on timeout, says what `seen(arg)` shows. */
export async function waitInPage(page, expected, predicate, arg, seen, timeout = DEADLINE_MS) {
  try {
    await page.waitForFunction(predicate, { timeout, polling: 50 }, arg);
  } catch (error) {
    if (!/timeout|timed out|exceeded/i.test(error.message)) throw error;
    const actual = seen ? await page.evaluate(seen, arg).catch((e) => `(unreadable: ${e.message})`) : "(not recorded)";
    throw new Error(`expected ${expected} within ${timeout} ms; saw ${JSON.stringify(actual)}`);
  }
}

/** Polls `read()` from Node until `ok(value)`; on timeout, reports the last value read. */
export async function waitUntil(expected, read, ok, timeout = DEADLINE_MS) {
  const end = Date.now() + timeout;
  for (;;) {
    const last = await read();
    if (ok(last)) return last;
    if (Date.now() > end) throw new Error(`expected ${expected} within ${timeout} ms; saw ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
