// Nothing the host page inherits reaches the widget but the documented --nw-* custom
// properties: the widgets of plain.html, and the same widgets on inherit.html, a page with
// <html dir="rtl"> whose body sets every inherited property the browser knows
// (pages/inherit-probe.js finds them in the browser's own computed style), must compute the
// same style for every element they draw, in every engine.
//
//   make dist && node --test tests/e2e/inheritance.mjs   (E2E_BROWSERS=chromium,… for fewer)

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./serve.mjs";
import { BROWSERS, launch, openPage, waitInPage } from "./browser.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = join(HERE, "..", "..", "dist");
const PAGES = join(HERE, "pages");
// Reduced motion: no fade can be caught halfway on one page and not the other.
const MEDIA = { reducedMotion: "reduce" };
const OPTIONS = { viewport: { width: 1280, height: 1600 }, media: MEDIA, stubOutside: true };
// The text properties the issue saw reach in (issue 22): a vacuous run would miss them.
const MUST_BE_SET = ["font-variant-caps", "font-feature-settings", "font-kerning", "hyphens", "tab-size",
  "list-style-type", "quotes", "letter-spacing", "font-style", "text-transform"];

let site;
before(async () => {
  if (!existsSync(join(DIST, "news-widget.js"))) throw new Error("dist/ has no bundle: run make dist first");
  site = await serve([DIST, PAGES]);
});
after(() => site?.close());

async function ready(page) {
  await waitInPage(page, "both widgets ready", () => {
    const widgets = [...document.querySelectorAll("news-widget")];
    return widgets.length === 2 && widgets.every((w) => w.getAttribute("state") === "ready");
  });
}

/** Every computed property of every element under each widget's part="root", in order. */
function styles(host) {
  const root = document.querySelector(host).shadowRoot.querySelector('[part="root"]');
  const all = [];
  const walk = (element, path) => {
    const here = `${path} > ${element.localName}${element.classList.length ? "." + [...element.classList].join(".") : ""}`;
    const s = getComputedStyle(element);
    const values = {};
    for (let k = 0; k < s.length; k++) values[s[k]] = s.getPropertyValue(s[k]);
    all.push({ path: here, values });
    [...element.children].forEach((child, i) => walk(child, `${here}:nth(${i})`));
  };
  walk(root, host);
  return all;
}

for (const name of BROWSERS) {
  test(`${name}: no inherited property of the host page reaches the widget`, { timeout: 120_000 }, async (t) => {
    const browser = await launch(name, { media: MEDIA });
    t.after(() => browser.close());
    const plain = await openPage(browser, `${site.origin}/plain.html`, OPTIONS);
    const hostile = await openPage(browser, `${site.origin}/inherit.html`, OPTIONS);
    await ready(plain.page);
    await ready(hostile.page);

    const set = await hostile.page.evaluate(() => window.__inherited);
    const names = set.map(([property]) => property);
    for (const property of MUST_BE_SET) assert.ok(names.includes(property), `the body sets ${property}: ${names.join(", ")}`);
    assert.ok(names.length >= 40, `${names.length} inherited properties found: ${names.join(", ")}`);
    t.diagnostic(`${name}: ${names.length} inherited properties set on the body`);
    // The page really is right to left and really is styled.
    const page = await hostile.page.evaluate(() => [getComputedStyle(document.body).direction, getComputedStyle(document.body).fontVariantCaps]);
    assert.deepEqual(page, ["rtl", "small-caps"]);

    for (const host of ["#widget-zh", "#widget-en"]) {
      const expected = await plain.page.evaluate(styles, host);
      const actual = await hostile.page.evaluate(styles, host);
      assert.ok(expected.length > 50, `${host}: ${expected.length} elements to compare`);
      assert.deepEqual(actual.map((e) => e.path), expected.map((e) => e.path), `${host}: the same elements`);
      const differences = [];
      expected.forEach((element, i) => {
        for (const [property, value] of Object.entries(element.values)) {
          const other = actual[i].values[property];
          if (other !== value) differences.push(`${element.path} { ${property}: plain ${JSON.stringify(value)}, inherit.html ${JSON.stringify(other)} }`);
        }
      });
      assert.deepEqual(differences.slice(0, 40), [], `${host}: computed styles that differ (first 40 of ${differences.length})`);
    }
  });
}
