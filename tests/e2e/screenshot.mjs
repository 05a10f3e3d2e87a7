// Takes the README's screenshots of the demo page in headless Chromium:
//   node tests/e2e/screenshot.mjs <out-dir>
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";
import { launchOptions } from "./browser.mjs";

const out = process.argv[2] ?? "docs";
const server = await serve(["dist"]);
const browser = await chromium.launch(launchOptions);
try {
  for (const [name, width, height, scheme] of [["demo-wide-light", 1280, 1100, "light"], ["demo-narrow-dark", 420, 1400, "dark"]]) {
    const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
    await page.goto(`${server.origin}/index.html`);
    await page.waitForFunction(() =>
      [...document.querySelectorAll("news-widget")].every((w) => w.getAttribute("state") === "ready"),
    );
    // Let the first slide's fade-in finish so headlines are shown at full contrast.
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    // The first screenful: enough to show the layout, small enough to keep in the repository.
    await page.screenshot({ path: `${out}/${name}.png` });
    console.log(`wrote ${out}/${name}.png`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
