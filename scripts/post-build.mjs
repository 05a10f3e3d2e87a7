#!/usr/bin/env node
// Trunk's post_build hook. Trunk runs the hooks of one stage concurrently, so steps that
// must happen in order are one script: first the glue patch (every build), then the
// release-only minification.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

for (const step of ["glue-patch.mjs", "minify.mjs"]) {
  const script = fileURLToPath(new URL(step, import.meta.url));
  execFileSync(process.execPath, [script, ...process.argv.slice(2)], { stdio: "inherit" });
}
