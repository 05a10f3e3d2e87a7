#!/usr/bin/env node
// Where the shipped wasm's code goes, by crate and by module (no dependencies but the
// wasm-bindgen and wasm-opt the build already uses).
//
//   node scripts/wasm-breakdown.mjs [dist-dir] [rows]
//
// The shipped wasm has no name section (Trunk's wasm-opt drops it), so this rebuilds the same
// bytes with names: wasm-bindgen on cargo's wasm (target/wasm32-unknown-unknown/wasm-release,
// or $CARGO_TARGET_DIR), then wasm-opt with index.html's level and params plus `-g`. It checks
// that this copy, its name section removed, is byte for byte the wasm in dist-dir, so the
// figures are the shipped code, not an approximation (exit 1 when it is not: stale dist/ or a
// changed pipeline). Then it sums the code-section body sizes of all functions by the crate and
// by the crate::module of each function's Rust path (the self type's path for `<T as Trait>`,
// the trait's when T is a primitive or generic), and prints both tables, largest first, names
// breaking ties, so the output is deterministic for given bytes. "brotli alone" compresses a
// crate's bodies on their own: a rough guide, the shares of one file do not add up.
// The second column is the same sum before wasm-opt (wasm-bindgen's output), which shows where
// wasm-opt's inlining moved code (e.g. the feed reader into one big function).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants } from "node:zlib";

// --- reading a module: imports (function index space), code bodies, the name section --------

export function readModule(bytes) {
  let at = 8;
  if (bytes.length < 8 || bytes.readUInt32LE(0) !== 0x6d736100) throw new Error("not a wasm module");
  const leb = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[at++];
      if (byte === undefined) throw new Error("truncated LEB128");
      value += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return value;
      shift += 7;
    }
  };
  const skipLimits = () => {
    const flags = bytes[at++];
    leb();
    if (flags & 1) leb();
  };
  let importedFunctions = 0;
  const bodies = []; // { size, start, end }
  const names = new Map();
  const sections = []; // { id, name, size, start, end } (start: the section id byte)
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at++];
    const size = leb();
    const body = at;
    const end = body + size;
    let name = "";
    if (id === 0) {
      const length = leb();
      name = bytes.subarray(at, at + length).toString("utf8");
      at += length;
    }
    sections.push({ id, name, size, start, end });
    if (id === 2) {
      for (let n = leb(); n > 0; n--) {
        const moduleName = leb(); // module name, then field name
        at += moduleName;
        const fieldName = leb();
        at += fieldName;
        const kind = bytes[at++];
        if (kind === 0) {
          leb();
          importedFunctions++;
        } else if (kind === 1) {
          at++; // reftype
          skipLimits();
        } else if (kind === 2) skipLimits();
        else if (kind === 3) at += 2; // valtype, mutability
        else if (kind === 4) {
          at++;
          leb();
        } else throw new Error(`unknown import kind ${kind}`);
      }
    } else if (id === 10) {
      for (let n = leb(); n > 0; n--) {
        const length = leb();
        bodies.push({ size: length, start: at, end: at + length });
        at += length;
      }
    } else if (id === 0 && name === "name") {
      while (at < end) {
        const sub = bytes[at++];
        const subSize = leb();
        const subEnd = at + subSize;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) {
            const index = leb();
            const length = leb();
            names.set(index, bytes.subarray(at, at + length).toString("utf8"));
            at += length;
          }
        }
        at = subEnd;
      }
    }
    at = end;
  }
  const functions = bodies.map((b, i) => ({
    name: names.get(importedFunctions + i) ?? null,
    size: b.size,
    start: b.start,
    end: b.end,
  }));
  return { functions, sections, importedFunctions };
}

// The module's bytes without its custom "name" section.
export function withoutNames(bytes) {
  const { sections } = readModule(bytes);
  const parts = [bytes.subarray(0, 8)];
  for (const s of sections) if (!(s.id === 0 && s.name === "name")) parts.push(bytes.subarray(s.start, s.end));
  return Buffer.concat(parts);
}

// --- attributing a demangled name to crate and module ----------------------------------------

const PRIMITIVES = new Set([
  "bool", "char", "str", "u8", "u16", "u32", "u64", "u128", "usize",
  "i8", "i16", "i32", "i64", "i128", "isize", "f32", "f64", "!", "()",
]);
export const NO_PATH = "(no Rust path: exports, shims, builtins)";
export const UNNAMED = "(unnamed)";

// Splits at `::` outside <>, (), [] and {}.
function splitPath(path) {
  const parts = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === "<" || c === "(" || c === "[" || c === "{") depth++;
    else if (c === ">" || c === ")" || c === "]" || c === "}") depth--;
    else if (depth === 0 && c === ":" && path[i + 1] === ":") {
      parts.push(path.slice(from, i));
      from = i + 2;
      i++;
    }
  }
  parts.push(path.slice(from));
  return parts;
}

// The module path segments of a type or function path: up to the first segment that is not a
// plain identifier (generic arguments are cut off, `<impl …>` and `{{closure}}` end it).
function pathSegments(path) {
  const out = [];
  for (const part of splitPath(path)) {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(part);
    if (!m) break;
    out.push(m[0]);
    if (m[0].length !== part.length) break;
  }
  return out;
}

// `<T as Trait>::f` or `<T>::f`: [T, Trait or null].
function qualifiedSelf(name) {
  let depth = 0;
  let asAt = -1;
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === "<" || c === "(" || c === "[") depth++;
    else if (c === ">" || c === ")" || c === "]") {
      depth--;
      if (depth === 0) {
        if (asAt < 0) return [name.slice(1, i), null];
        return [name.slice(1, asAt), name.slice(asAt + 4, i)];
      }
    } else if (depth === 1 && asAt < 0 && name.startsWith(" as ", i)) asAt = i;
  }
  return [name.slice(1), null];
}

function typePath(type) {
  let t = type.trim();
  for (;;) {
    const m = /^(?:&'?[a-z_]*\s*|mut\s+|\*const\s+|\*mut\s+|dyn\s+|impl\s+)/.exec(t);
    if (!m || m[0].length === 0) break;
    t = t.slice(m[0].length);
  }
  return t;
}

export function normalise(name) {
  return name.replace(/\[[0-9a-f]{16}\]/g, "").replace(/::h[0-9a-f]{16}$/, "");
}

// { crate, module } of one function name (null: unnamed).
export function attribute(rawName) {
  if (rawName === null) return { crate: UNNAMED, module: UNNAMED };
  const name = normalise(rawName);
  let path = name;
  if (name.startsWith("<")) {
    const [self, trait] = qualifiedSelf(name);
    const selfPath = typePath(self);
    const segs = pathSegments(selfPath);
    const isPath = segs.length > 1 && !PRIMITIVES.has(segs[0]);
    path = isPath ? selfPath : trait ? typePath(trait) : "core";
  }
  const segs = pathSegments(path);
  if (segs.length < 2) {
    if (name.startsWith("<")) return { crate: "core", module: "core" };
    return { crate: NO_PATH, module: NO_PATH };
  }
  const crate = segs[0];
  const moduleLike = segs.length >= 3 && /^[a-z_]/.test(segs[1]);
  return { crate, module: moduleLike ? `${crate}::${segs[1]}` : crate };
}

// --- tables ----------------------------------------------------------------------------------

function sums(functions, key) {
  const map = new Map();
  for (const f of functions) {
    const k = attribute(f.name)[key];
    const e = map.get(k) ?? { key: k, size: 0, count: 0, bodies: [] };
    e.size += f.size;
    e.count++;
    e.bodies.push(f);
    map.set(k, e);
  }
  return map;
}

const order = (a, b) => b.size - a.size || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const brotli = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const num = (n) => n.toLocaleString("en-US");

// Lines of one table: key, functions, shipped bytes, % of the code section, brotli alone, and
// the same key's bytes before wasm-opt when `before` is given.
export function table(title, shipped, key, rows, { bytes = null, before = null } = {}) {
  const now = sums(shipped, key);
  const then = before ? sums(before, key) : null;
  const total = shipped.reduce((s, f) => s + f.size, 0);
  const sorted = [...now.values()].sort(order);
  const shown = sorted.slice(0, rows);
  const rest = sorted.slice(rows);
  const width = Math.max(title.length, ...shown.map((e) => e.key.length), 12);
  const head = [title.padEnd(width), "fns".padStart(5), "bytes".padStart(8), "%".padStart(6)];
  if (bytes) head.push("brotli alone".padStart(12));
  if (then) head.push("before opt".padStart(10));
  const lines = [head.join("  ")];
  const row = (label, e, beforeSize, br) => {
    const cells = [label.padEnd(width), String(e.count).padStart(5), num(e.size).padStart(8),
      ((100 * e.size) / total).toFixed(1).padStart(6)];
    if (bytes) cells.push((br === null ? "" : num(br)).padStart(12));
    if (then) cells.push((beforeSize === null ? "" : num(beforeSize)).padStart(10));
    lines.push(cells.join("  "));
  };
  const alone = (e) => (bytes ? brotli(Buffer.concat(e.bodies.map((f) => bytes.subarray(f.start, f.end)))) : null);
  for (const e of shown) row(e.key, e, then ? (then.get(e.key)?.size ?? 0) : null, alone(e));
  if (rest.length) {
    const other = { count: rest.reduce((s, e) => s + e.count, 0), size: rest.reduce((s, e) => s + e.size, 0) };
    const otherBefore = then ? [...then.values()].filter((e) => !shown.some((s) => s.key === e.key))
      .reduce((s, e) => s + e.size, 0) : null;
    row(`(${rest.length} more)`, other, otherBefore, null);
  }
  const all = { count: shipped.length, size: total };
  row("all functions", all, then ? before.reduce((s, f) => s + f.size, 0) : null, bytes ? brotli(Buffer.concat(shipped.map((f) => bytes.subarray(f.start, f.end)))) : null);
  return lines;
}

// --- the command -----------------------------------------------------------------------------

function wasmOptArgs(indexHtml) {
  const tag = /<link\b[^>]*\bdata-bin="news-widget-app"[^>]*>/.exec(indexHtml)?.[0];
  if (!tag) throw new Error("index.html: no data-trunk rust link for news-widget-app");
  const level = /\bdata-wasm-opt="([^"]*)"/.exec(tag)?.[1] ?? "z";
  const params = /\bdata-wasm-opt-params="([^"]*)"/.exec(tag)?.[1] ?? "";
  return [`-O${level}`, ...params.split(/\s+/).filter(Boolean)];
}

function main() {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const [dist = "dist", rowsArg = "16"] = process.argv.slice(2);
  const rows = Number(rowsArg);
  const target = process.env.CARGO_TARGET_DIR ?? join(root, "target");
  const cargoWasm = join(target, "wasm32-unknown-unknown", "wasm-release", "news-widget-app.wasm");
  const work = join(target, "size-breakdown");
  mkdirSync(work, { recursive: true });
  const fail = (msg) => {
    console.error(`wasm-breakdown: ${msg}`);
    process.exit(1);
  };
  try {
    execFileSync("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", work,
      "--out-name", "news-widget-app", cargoWasm], { stdio: ["ignore", "ignore", "inherit"] });
  } catch (e) {
    fail(`wasm-bindgen on ${cargoWasm} failed (build first: make dist): ${e.message}`);
  }
  const bindgen = join(work, "news-widget-app_bg.wasm");
  const named = join(work, "named.wasm");
  const args = wasmOptArgs(readFileSync(join(root, "index.html"), "utf8"));
  execFileSync("wasm-opt", [...args, "-g", bindgen, "-o", named], { stdio: ["ignore", "ignore", "inherit"] });
  const namedBytes = readFileSync(named);
  const shippedPath = join(dist, "news-widget-app_bg.wasm");
  const shipped = readFileSync(shippedPath);
  const stripped = withoutNames(namedBytes);
  writeFileSync(join(work, "stripped.wasm"), stripped);
  if (!stripped.equals(shipped)) {
    fail(`the named copy (${named}) without its name section is not ${shippedPath}: dist/ is stale or the pipeline changed`);
  }
  const after = readModule(namedBytes);
  const before = readModule(readFileSync(bindgen));
  const data = after.sections.filter((s) => s.id === 11).reduce((s, x) => s + x.size, 0);
  const code = after.sections.filter((s) => s.id === 10).reduce((s, x) => s + x.size, 0);
  console.log("");
  console.log(`wasm breakdown (${shippedPath}, ${num(shipped.length)} B: code section ${num(code)} B, data section ${num(data)} B;`);
  console.log(`names from a wasm-opt -g copy, identical without them; "before opt": wasm-bindgen's output)`);
  console.log("");
  for (const l of table("crate", after.functions, "crate", rows, { bytes: namedBytes, before: before.functions })) console.log(l);
  console.log("");
  for (const l of table("module", after.functions, "module", rows + 8, { before: before.functions })) console.log(l);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
