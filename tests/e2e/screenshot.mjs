// Takes the README's screenshots of the demo page in headless Chromium:
//   node tests/e2e/screenshot.mjs <out-dir>
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";
import { launchOptions } from "./browser.mjs";

const out = process.argv[2] ?? "docs";
const server = await serve(["dist"]);
const browser = await chromium.launch(launchOptions);
try {
  for (const [name, width, scheme] of [["demo-wide-light", 1280, "light"], ["demo-narrow-dark", 420, "dark"]]) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
    await page.goto(`${server.origin}/index.html`);
    await page.waitForFunction(() =>
      [...document.querySelectorAll("news-widget")].every((w) => w.getAttribute("state") === "ready"),
    );
    await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
    console.log(`wrote ${out}/${name}.png`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
