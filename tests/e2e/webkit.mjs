// WebKit for the end-to-end suites: WebKitGTK's MiniBrowser driven by WebKitWebDriver over
// W3C WebDriver classic (selenium-webdriver as the client), behind the subset of
// puppeteer-core's Browser / BrowserContext / Page / ElementHandle API the suites use, so a
// test body is written once and runs in all three engines.
//
// What WebDriver classic cannot do, and what stands in for it:
// - requests: no interception or request events; each context's own proxy
//   (webkit-proxy.mjs) offers every request to the page's `request` handlers;
// - scripts before the page's own (`evaluateOnNewDocument`), console messages and uncaught
//   errors: the proxy's probe, first in every HTML document; messages are read after every
//   command, so a message logged by a page that navigated away before the next command is
//   lost (the suites read a page's messages before leaving it);
// - media emulation: MiniBrowser's `--dark-mode` and GTK's `gtk-enable-animations` (which
//   WebKitGTK reports as `prefers-reduced-motion`) are start-up settings, as in Firefox;
// - browser contexts: each context is its own driver and MiniBrowser process (ephemeral
//   storage), about a second to start;
// - no CDP: no CPU or network throttling, no forced garbage collection, no heap or DOM
//   counters, no layout-shift entries; callers check `browserName(page)` and say so.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Builder, By, Key } from "selenium-webdriver";
import { WebElement } from "selenium-webdriver/lib/webdriver.js";
import { startProxy } from "./webkit-proxy.mjs";

const DRIVER = process.env.WEBKIT_DRIVER ?? "/usr/bin/WebKitWebDriver";
const MINIBROWSER = process.env.WEBKIT_BROWSER ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/** Starts WebKit; `media` as in browser.mjs, `javaScript: false` turns scripts off. */
export async function launchWebKit({ media = {}, javaScript = true } = {}) {
  if (!process.env.DISPLAY) {
    throw new Error("WebKit needs a display: run the suite under `xvfb-run -a` (make e2e does)");
  }
  return new WebKitBrowser({ media, javaScript });
}

class WebKitBrowser {
  constructor(options) {
    this.options = options;
    this.contexts = new Set();
    this.versionString = null;
  }
  async createBrowserContext() {
    const context = new WebKitContext(this);
    await context.start();
    this.contexts.add(context);
    return context;
  }
  /** A page in a context of its own (closing the page ends the context). */
  async newPage() {
    const context = await this.createBrowserContext();
    const page = await context.newPage();
    page.closesContext = true;
    return page;
  }
  async version() {
    if (!this.versionString) {
      const page = await this.newPage();
      await page.close();
    }
    return this.versionString;
  }
  async close() {
    await Promise.all([...this.contexts].map((context) => context.close()));
  }
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function waitForDriver(port, child, deadline = Date.now() + 20_000) {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode})`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("WebKitWebDriver did not start within 20 s");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

class WebKitContext {
  constructor(browser) {
    this.browser = browser;
    this.pages = [];
    this.closed = false;
    this.queue = Promise.resolve();
    this.window = null; // the window the driver is switched to
  }

  async start() {
    const { media, javaScript } = this.browser.options;
    // The proxy cannot tell a context's windows apart: every open page hears every request.
    this.proxy = await startProxy({
      onRequest: async (request) => {
        for (const page of this.pages) if (await page.offer(request)) return true;
        return false;
      },
      initScripts: () => this.pages.flatMap((page) => page.initScripts),
      onResponse: (url, status, headers) => this.pages.forEach((page) => page.heard(url, status, headers)),
    });
    // GTK reads gtk-enable-animations from here; WebKitGTK answers prefers-reduced-motion by it.
    this.config = mkdtempSync(join(tmpdir(), "e2e-webkit-"));
    mkdirSync(join(this.config, "gtk-3.0"));
    const animations = media.reducedMotion === "reduce" ? "false" : "true";
    writeFileSync(join(this.config, "gtk-3.0", "settings.ini"), `[Settings]\ngtk-enable-animations=${animations}\n`);
    const port = await freePort();
    this.child = spawn(DRIVER, [`--port=${port}`], {
      stdio: "ignore",
      env: { ...process.env, MESA_SHADER_CACHE_DISABLE: "true", XDG_CONFIG_HOME: this.config, XDG_CACHE_HOME: join(this.config, "cache"), XDG_DATA_HOME: join(this.config, "data") },
    });
    await waitForDriver(port, this.child);
    const args = ["--automation", `--proxy=${this.proxy.url}`];
    if (media.colorScheme === "dark") args.push("--dark-mode");
    if (!javaScript) args.push("--enable-javascript=false");
    this.driver = await new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({
        browserName: "MiniBrowser",
        acceptInsecureCerts: true,
        "webkitgtk:browserOptions": { binary: MINIBROWSER, args },
      })
      .build();
    const capabilities = await this.driver.getCapabilities();
    this.browser.versionString = `WebKitGTK ${capabilities.get("browserVersion")}`;
    await this.driver.manage().setTimeouts({ script: 90_000, pageLoad: 60_000 });
    this.window = await this.driver.getWindowHandle();
    this.spare = this.window; // the first page takes the session's own window
  }

  /** WebDriver commands one at a time, in `page`'s window: switches must not interleave. */
  serial(page, work) {
    const run = this.queue.then(async () => {
      if (page && this.window !== page.handle) {
        await this.driver.switchTo().window(page.handle);
        this.window = page.handle;
      }
      return work();
    });
    this.queue = run.catch(() => {});
    return run;
  }

  async newPage() {
    const page = new WebKitPage(this);
    if (this.spare) {
      page.handle = this.spare;
      this.spare = null;
    } else {
      page.handle = await this.serial(null, async () => {
        // A window, not a tab: a background tab gets no animation frames.
        await this.driver.switchTo().newWindow("window");
        this.window = await this.driver.getWindowHandle();
        return this.window;
      });
    }
    this.pages.push(page);
    return page;
  }

  async closePage(page) {
    this.pages = this.pages.filter((p) => p !== page);
    if (this.pages.length === 0) {
      // The session's last window stays (closing it ends the session): blank it for the next page.
      await this.serial(page, () => this.driver.get("about:blank")).catch(() => {});
      this.spare = page.handle;
      return;
    }
    await this.serial(page, () => this.driver.close()).catch(() => {});
    this.window = null;
  }

  async close() {
    if (this.closed) return;
    this.closed = true;
    this.browser.contexts.delete(this);
    // A session stuck in a script (a test that timed out mid-command) may never answer quit:
    // bounded, then the driver is killed, so a failed suite still exits and leaves nothing.
    const settle = (promise, ms) => Promise.race([promise.catch(() => {}), new Promise((resolve) => setTimeout(resolve, ms).unref())]);
    if (this.driver) await settle(this.driver.quit(), 10_000);
    if (this.child && this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once("exit", resolve));
      this.child.kill();
      if ((await settle(exited.then(() => "exited"), 5_000)) !== "exited") {
        this.child.kill("SIGKILL");
        await exited;
      }
    }
    await this.proxy?.close();
    // MiniBrowser's helper processes may outlive the driver for a moment; a leftover temporary
    // folder is not the test's failure.
    try {
      rmSync(this.config, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch {}
  }
}

const KEYS = {
  Tab: Key.TAB, Enter: Key.ENTER, Escape: Key.ESCAPE, Space: " ", Backspace: Key.BACK_SPACE,
  Control: Key.CONTROL, Shift: Key.SHIFT, Alt: Key.ALT, Meta: Key.META,
  ArrowUp: Key.ARROW_UP, ArrowDown: Key.ARROW_DOWN, ArrowLeft: Key.ARROW_LEFT, ArrowRight: Key.ARROW_RIGHT,
  Home: Key.HOME, End: Key.END, PageUp: Key.PAGE_UP, PageDown: Key.PAGE_DOWN, Delete: Key.DELETE,
};
const keyOf = (name) => KEYS[name] ?? name;

// Runs `source` (a function's text) with `args` in the page; resolves with its value, the
// page's new log entries and its URL. Built as the WebDriver script itself, not eval'd in the
// page, so it runs under a CSP without 'unsafe-eval'.
const script = (source) => `
  const done = arguments[arguments.length - 1];
  // Each argument on its own: WebKitWebDriver turns element references into elements only at the top level.
  const args = Array.prototype.slice.call(arguments, 0, -1);
  const drain = () => (window.__e2eLog ? window.__e2eLog.splice(0) : []);
  Promise.resolve()
    .then(() => (${source})(...args))
    .then(
      (value) => done({ ok: true, value: value === undefined ? null : value, log: drain(), url: location.href }),
      (error) => done({ ok: false, error: String(error && error.message || error), stack: String(error && error.stack || ""), log: drain(), url: location.href }),
    );
`;

class WebKitPage {
  constructor(context) {
    this.context = context;
    this.driver = context.driver;
    this.handlers = { console: [], pageerror: [], request: [] };
    this.intercepting = false;
    this.initScripts = [];
    this.lastUrl = "about:blank";
    this.documents = new Map(); // url → { status, headers } of the last response
    this.keyboard = {
      press: (key) => this.serial(() => this.driver.actions({ async: true }).keyDown(keyOf(key)).keyUp(keyOf(key)).perform()),
      down: (key) => this.serial(() => this.driver.actions({ async: true }).keyDown(keyOf(key)).perform()),
      up: (key) => this.serial(() => this.driver.actions({ async: true }).keyUp(keyOf(key)).perform()),
      type: (text) => this.serial(() => this.driver.actions({ async: true }).sendKeys(text).perform()),
    };
  }

  browser() {
    return this.context.browser;
  }

  serial(work) {
    return this.context.serial(this, work);
  }

  on(event, handler) {
    if (!this.handlers[event]) throw new Error(`e2e webkit: no "${event}" event`);
    this.handlers[event].push(handler);
    return this;
  }

  async setRequestInterception(on) {
    this.intercepting = on;
  }

  /** The proxy's question: does a handler answer `request`? */
  async offer(request) {
    let settled = false;
    const wait = new Promise((resolve) => {
      const respond = request.respond;
      const cont = request.continue;
      request.respond = async (...a) => {
        settled = true;
        await respond(...a);
        resolve(true);
      };
      request.continue = async () => {
        settled = true;
        await cont();
        resolve(false);
      };
    });
    for (const handler of this.handlers.request) handler(request);
    if (!this.intercepting) return settled;
    return wait;
  }

  heard(url, status, headers) {
    this.documents.set(url, { status, headers });
  }

  async evaluateOnNewDocument(fn) {
    this.initScripts.push(String(fn));
  }

  async setViewport({ width, height }) {
    await this.serial(async () => {
      const window = this.driver.manage().window();
      await window.setRect({ width, height });
      const [innerWidth, innerHeight] = await this.driver.executeScript("return [innerWidth, innerHeight]");
      if (innerWidth !== width || innerHeight !== height) {
        await window.setRect({ width: 2 * width - innerWidth, height: 2 * height - innerHeight });
      }
    });
  }

  async goto(url) {
    await this.serial(() => this.driver.get(url));
    await this.evaluate(() => null).catch(() => {});
    const seen = this.documents.get(url) ?? this.documents.get(new URL(url).href);
    return seen && response(url, seen);
  }

  url() {
    // puppeteer's url() is synchronous: give the last URL seen and refresh it for the next call.
    if (!this.refreshing && !this.context.closed && !this.closed) {
      this.refreshing = this.serial(() => this.driver.getCurrentUrl())
        .then((url) => (this.lastUrl = url), () => {})
        .finally(() => (this.refreshing = null));
    }
    return this.lastUrl;
  }

  dispatch(entries) {
    for (const entry of entries ?? []) {
      if (entry.type === "pageerror") {
        const error = new Error(entry.text);
        for (const handler of this.handlers.pageerror) handler(error);
      } else {
        const message = { type: () => entry.type, text: () => entry.text, location: () => ({ url: entry.url }) };
        for (const handler of this.handlers.console) handler(message);
      }
    }
  }

  async run(source, args, frame) {
    const result = await this.serial(async () => {
      if (frame) await this.driver.switchTo().frame(frame.element);
      try {
        return await this.driver.executeAsyncScript(script(source), ...args.map(unwrap));
      } finally {
        if (frame) await this.driver.switchTo().defaultContent();
      }
    });
    if (!frame) {
      this.lastUrl = result.url;
      this.dispatch(result.log);
    }
    if (!result.ok) {
      const error = new Error(`Evaluation failed: ${result.error}`);
      error.stack += `\n    in the page: ${result.stack}`;
      throw error;
    }
    return result.value;
  }

  evaluate(fn, ...args) {
    return this.run(functionSource(fn), args).then((value) => plain(value));
  }

  async evaluateHandle(fn, ...args) {
    const value = await this.run(functionSource(fn), args);
    return value instanceof WebElement ? new WebKitElement(this, value) : valueHandle(value);
  }

  $eval(selector, fn, ...args) {
    return this.evaluate(
      `(selector, ...rest) => { const el = document.querySelector(selector); if (!el) throw new Error("no element matches " + selector); return (${functionSource(fn)})(el, ...rest); }`,
      selector,
      ...args,
    );
  }

  $$eval(selector, fn, ...args) {
    return this.evaluate(`(selector, ...rest) => (${functionSource(fn)})([...document.querySelectorAll(selector)], ...rest)`, selector, ...args);
  }

  async $(selector) {
    const found = await this.serial(() => this.driver.findElements(By.css(selector)));
    return found.length ? new WebKitElement(this, found[0]) : null;
  }

  async waitForFunction(fn, { timeout = 30_000, polling = 100 } = {}, ...args) {
    const end = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate(fn, ...args);
      if (value) return valueHandle(value);
      if (Date.now() > end) throw new Error(`Waiting failed: ${timeout}ms exceeded`);
      await new Promise((resolve) => setTimeout(resolve, polling));
    }
  }

  async click(selector) {
    const element = await this.$(selector);
    if (!element) throw new Error(`No element found for selector: ${selector}`);
    await element.click();
  }

  async type(selector, text) {
    const element = await this.$(selector);
    if (!element) throw new Error(`No element found for selector: ${selector}`);
    await this.serial(() => element.element.sendKeys(text));
  }

  /** As puppeteer's: selects the options and dispatches input and change. */
  select(selector, ...values) {
    return this.$eval(
      selector,
      (select, values) => {
        for (const option of select.options) option.selected = values.includes(option.value);
        select.dispatchEvent(new Event("input", { bubbles: true }));
        select.dispatchEvent(new Event("change", { bubbles: true }));
        return [...select.selectedOptions].map((option) => option.value);
      },
      values,
    );
  }

  /** Runs a script file's text in the page (WebDriver's script is not subject to the page's CSP). */
  async addScriptTag({ path, content }) {
    const code = content ?? readFileSync(path, "utf8");
    await this.serial(() => this.driver.executeScript(`${code}\n;return null;`));
  }

  async screenshot({ path } = {}) {
    const data = Buffer.from(await this.serial(() => this.driver.takeScreenshot()), "base64");
    if (path) writeFileSync(path, data);
    return data;
  }

  async close() {
    if (this.closed) return;
    this.closed = true;
    if (this.closesContext) return this.context.close();
    return this.context.closePage(this);
  }
}

class WebKitElement {
  constructor(page, element) {
    this.page = page;
    this.element = element;
  }
  asElement() {
    return this;
  }
  evaluate(fn, ...args) {
    return this.page.evaluate(fn, this, ...args);
  }
  async click() {
    await this.page.serial(() => this.page.driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", this.element));
    await this.page.serial(() => this.element.click());
  }
  async contentFrame() {
    return {
      element: this.element,
      evaluate: (fn, ...args) => this.page.run(functionSource(fn), args, { element: this.element }).then(plain),
    };
  }
  async dispose() {}
  async close() {}
}

function valueHandle(value) {
  return {
    asElement: () => null,
    jsonValue: async () => plain(value),
    dispose: async () => {},
  };
}

function functionSource(fn) {
  if (typeof fn === "function") return fn.toString();
  if (typeof fn === "string" && /^\s*(async\s*)?(\(|function\b|[\w$]+\s*=>)/.test(fn)) return fn;
  return `() => (${fn})`;
}

const unwrap = (value) => (value instanceof WebKitElement ? value.element : value);

/** Values from the page as puppeteer gives them: elements are not serialisable, so {}. */
function plain(value) {
  if (value instanceof WebElement) return {};
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

function response(url, { status, headers }) {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(", ") : String(v)]));
  return { url: () => url, status: () => status, ok: () => status >= 200 && status < 300, headers: () => lower };
}
