// Sets, on <body>, every inherited property this browser knows to a value that changes it,
// for the inheritance test (tests/e2e/inheritance.mjs). The list is not written down: each
// longhand the browser computes is tried with values from a pool, and it counts as
// inherited when a child of an element given that value computes the same value instead of
// its own. So a property a browser adds next year is covered without editing this file.
// `window.__inherited` lists what was set, as [property, value]. The pool has no vertical
// writing mode: that would lay the host element itself out sideways (the page's layout of
// the box the widget is given, not a text style reaching into it).

const POOL = [
  "rtl", "small-caps", "all-small-caps", "\"smcp\"", "\"wght\" 900", "\"TRK\"", "none", "manual",
  "ultra-condensed", "50%", "italic", "oblique 20deg", "900", "bold", "cursive", "monospace",
  "uppercase", "full-width", "3px", "1px", "7", "3", "0.5", "circle", "square", "lower-roman",
  "inside", "\"«\" \"»\"", "\"x\"", "red", "rgb(1, 2, 3)", "pre", "pre-wrap", "nowrap", "break-all",
  "keep-all", "anywhere", "break-word", "loose", "anywhere", "right", "end", "justify",
  "inter-character", "underline", "wavy", "dotted", "over", "under right", "sideways", "upright",
  "hidden", "collapse", "crosshair", "dark", "pixelated", "crisp-edges", "optimizeSpeed",
  "geometricPrecision", "optimizeLegibility", "evenodd", "round", "bevel", "always", "balance",
  "pretty", "stable", "disc", "each-line", "2em", "-1px", "1px 1px red", "auto", "always",
  "visiblePainted", "stroke", "subpixel-antialiased", "antialiased", "economy", "exact",
  "no-autospace", "ideograph-alpha", "trim-start", "horizontal-tb", "mixed", "ruby",
  "spell-out", "no-punctuation", "strict", "normal",
];

const probe = document.createElement("div");
// Not rendered: getComputedStyle then gives computed values, never used geometry, so a
// non-inherited width cannot pass for an inherited one.
probe.style.display = "none";
const child = probe.appendChild(document.createElement("div"));
document.body.append(probe);

const own = getComputedStyle(child);
const theirs = getComputedStyle(probe);
const names = [...own].filter((name) => !name.startsWith("--") && name !== "display");
const inherited = [];
for (const name of names) {
  const before = own.getPropertyValue(name);
  for (const value of POOL) {
    if (!CSS.supports(name, value)) continue;
    probe.style.setProperty(name, value);
    const now = own.getPropertyValue(name);
    const passed = now !== before && now === theirs.getPropertyValue(name);
    probe.style.removeProperty(name);
    if (passed) {
      inherited.push([name, value]);
      break;
    }
  }
}
probe.remove();
for (const [name, value] of inherited) document.body.style.setProperty(name, value);
window.__inherited = inherited;
