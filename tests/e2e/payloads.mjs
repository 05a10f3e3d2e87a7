// The hostile-HTML payload suite (tests/fixtures/payloads.txt) as a JSON Feed, one item per
// payload, and the shared corpus folder the real feeds come from.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** `\n \t \r \0 \\ \u{HEX}` as in the file. */
function unescape(line) {
  return line.replace(/\\(u\{([0-9A-Fa-f]+)\}|.)/g, (_, esc, hex) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    const map = { n: "\n", t: "\t", r: "\r", 0: "\0", "\\": "\\" };
    if (!(esc in map)) throw new Error(`unknown escape \\${esc} in payloads.txt`);
    return map[esc];
  });
}

/** Every case: { family, name, html }. */
export function payloads() {
  const lines = readFileSync(join(ROOT, "tests/fixtures/payloads.txt"), "utf8").split("\n");
  const cases = [];
  let family = "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === "" || line.startsWith("//")) continue;
    if (line.startsWith("## ")) {
      family = line.slice(3);
      continue;
    }
    if (!line.startsWith("> ")) throw new Error(`payloads.txt:${i + 1}: expected "> name"`);
    cases.push({ family, name: line.slice(2), html: unescape(lines[i + 1]) });
    i += 2;
  }
  return cases;
}

/** The suite as a JSON Feed: item `p<i>` holds payload i. */
export function payloadFeed() {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: "Payloads",
    language: "en",
    items: payloads().map((p, i) => ({
      id: `p${i}`,
      // Titles may carry markup (the widget reads them as HTML): the name is escaped so the
      // headline shows it as written.
      title: `${i} ${p.name}`.replaceAll("&", "&amp;").replaceAll("<", "&lt;"),
      url: "https://news.example/2024/story.html",
      content_html: p.html,
    })),
  });
}

/** The shared folder (corpus of real feeds): $NEWS_WIDGET_SHARED, ../shared or /work/shared. */
export function sharedDir() {
  const candidates = [process.env.NEWS_WIDGET_SHARED, join(ROOT, "..", "shared"), "/work/shared"].filter(Boolean);
  const found = candidates.find((dir) => existsSync(join(dir, "corpus", "valid")));
  if (!found) throw new Error(`shared corpus not found in ${candidates.join(", ")}: set NEWS_WIDGET_SHARED`);
  return found;
}

export const corpusFeed = (name) => readFileSync(join(sharedDir(), "corpus", "valid", name));
