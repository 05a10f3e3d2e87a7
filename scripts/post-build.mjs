#!/usr/bin/env node
// Trunk's post_build hook. Trunk runs the hooks of one stage concurrently, so steps that
// must happen in order are one script: first the glue patch (every build), then the
// release-only minification, and last, for release builds only, the precompressed .br/.gz
// copies (they must be made from the final bytes; `trunk serve` needs none of them).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const release = !process.env.TRUNK_PROFILE || process.env.TRUNK_PROFILE === "release";
const steps = ["glue-patch.mjs", "minify.mjs", ...(release ? ["precompress.mjs"] : [])];
for (const step of steps) {
  const script = fileURLToPath(new URL(step, import.meta.url));
  execFileSync(process.execPath, [script, ...process.argv.slice(2)], { stdio: "inherit" });
}
