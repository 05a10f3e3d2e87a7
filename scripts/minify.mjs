#!/usr/bin/env node
// Trunk's post_build hook. Removes Trunk's leftover directive from index.html (every build)
// and minifies the first-visit text files of a release build in place: the loader, the
// wasm-bindgen glue and the stylesheet. Run by Trunk as a post_build hook (Trunk.toml), so
// `trunk build --release` and `make dist` both ship minified files; debug builds
// (`trunk serve`) keep them readable.
//
//   node scripts/minify.mjs [dir]   (default: $TRUNK_STAGING_DIR)
//
// The sources in static/ stay commented; only the copies in the build are rewritten.
// esbuild keeps every export, string and property name, so the loader's `glue.mount`,
// `glue.default` and the wasm imports object are untouched; it only drops comments and
// whitespace and renames locals.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

const FILES = [
  ["news-widget.js", "js"],
  ["news-widget-app.js", "js"],
  ["news-widget.css", "css"],
];

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("minify: no directory (pass one, or run as a Trunk hook)");
  process.exit(2);
}

// With `inject_scripts = false` Trunk leaves its `<link data-trunk rel="rust">` directive in
// the page it writes; a partner copying dist/index.html should not ship build directives.
const page = join(dir, "index.html");
if (existsSync(page)) {
  const html = readFileSync(page, "utf8");
  const cleaned = html.replace(/^[ \t]*<link data-trunk [^>]*>\r?\n?/gm, "");
  if (cleaned !== html) writeFileSync(page, cleaned);
}

if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== "release") process.exit(0);

for (const [name, loader] of FILES) {
  const path = join(dir, name);
  const source = readFileSync(path, "utf8");
  // `format` is left unset so ES modules stay ES modules; `legalComments: "none"` because
  // none of these files carries a licence header.
  const { code } = transformSync(source, { loader, minify: true, legalComments: "none", charset: "utf8" });
  writeFileSync(path, code);
  console.log(`minify: ${name} ${source.length} -> ${code.length} bytes`);
}
