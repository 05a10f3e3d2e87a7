#!/usr/bin/env node
// Precompressed copies of a release bundle: FILE.br (brotli, quality 11) and FILE.gz (gzip -9)
// beside every text and wasm file, so a CDN or static server can send them with
// `Content-Encoding` instead of compressing on every request (or, worse, at a fast level).
// Run by scripts/post-build.mjs for release builds; also used by `make bench` for its pages.
//
//   node scripts/precompress.mjs [dir]   (default: $TRUNK_STAGING_DIR)
//
// Node's zlib with fixed settings, as scripts/size-report.mjs uses: the same bytes give the
// same .br, so the size report's brotli column is exactly the size of the file served.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** Extensions worth compressing; images other than SVG are compressed already. */
export const COMPRESSIBLE = new Set([".js", ".mjs", ".css", ".html", ".json", ".svg", ".wasm"]);

/** Encodings written, in the order a server should prefer them, with their file suffix. */
export const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
];

export const brotli = (bytes) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
export const gzip = (bytes) => gzipSync(bytes, { level: 9 });

/** Every compressible file under `dir` (recursively), as paths. */
export function compressibleFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && COMPRESSIBLE.has(extname(entry.name)))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/** Writes FILE.br and FILE.gz beside every compressible file under `dir`; returns the count. */
export function precompress(dir) {
  const files = compressibleFiles(dir);
  for (const file of files) {
    const bytes = readFileSync(file);
    writeFileSync(file + ".br", brotli(bytes));
    writeFileSync(file + ".gz", gzip(bytes));
  }
  return files.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error("precompress: no directory (pass one, or run as a Trunk hook)");
    process.exit(2);
  }
  const count = precompress(dir);
  console.log(`precompress: ${count} files in ${dir} (.br quality 11, .gz level 9)`);
}
