// The README's screenshot of the partner configurator, in headless Chromium:
//   make dist && node tests/e2e/configurator-screenshot.mjs [out.png]
// The configurator in English with a few options chosen, after it has checked the default
// feed and the preview is ready.
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";
import { launchOptions } from "./browser.mjs";

const out = process.argv[2] ?? "docs/configurator.png";
const server = await serve(["dist", "tests/e2e/pages"]);
const browser = await chromium.launch(launchOptions);
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1500 }, colorScheme: "light", reducedMotion: "reduce" });
  const page = await context.newPage();
  await page.goto(`${server.origin}/configurator.html?lang=en`);
  await page.selectOption("#opt-lang", "en");
  await page.fill("#opt-max-headlines", "5");
  await page.waitForFunction(() => document.querySelector("#preview")?.getAttribute("state") === "ready" && document.querySelector("#findings")?.getAttribute("aria-busy") === "false", null, { timeout: 30_000 });
  // The first screen: the findings, the options, the code, and the top of the preview.
  await page.screenshot({ path: out });
  console.log(`configurator screenshot: ${out}`);
} finally {
  await browser.close();
  await server.close();
}
