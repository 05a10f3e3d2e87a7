// Host check of scripts/wasm-breakdown.mjs (`make host-test`): the section reader on a module
// built here byte by byte, the name attribution on names as rustc and wasm-bindgen write them,
// and a deterministic table. `make size` runs the breakdown on the real build.
import test from "node:test";
import assert from "node:assert/strict";
import { attribute, normalise, readModule, table, withoutNames, NO_PATH, UNNAMED } from "../../scripts/wasm-breakdown.mjs";

const uleb = (n) => {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
};
const str = (s) => [...uleb(Buffer.byteLength(s)), ...Buffer.from(s)];
const section = (id, bytes) => [id, ...uleb(bytes.length), ...bytes];

// One imported function, three defined ones of 4, 6 and 130 body bytes (a two-byte size
// prefix), a memory import, a name section naming the import and two of the three.
function module() {
  const type = section(1, [1, 0x60, 0, 0]);
  const imports = section(2, [2, ...str("env"), ...str("f"), 0, 0, ...str("env"), ...str("mem"), 2, 0, 1]);
  const funcs = section(3, [3, 0, 0, 0]);
  const body = (n) => [...uleb(n), 0, ...Array(n - 2).fill(0x01), 0x0b];
  const code = section(10, [3, ...body(4), ...body(6), ...body(130)]);
  const fnames = [3, ...uleb(0), ...str("env::f"), ...uleb(1), ...str("news_widget::feed::read_page::h0123456789abcdef"),
    ...uleb(3), ...str("<core[c5930c85a12de822]::str::pattern::StrSearcher>::new")];
  const names = section(0, [...str("name"), 1, ...uleb(fnames.length), ...fnames]);
  const other = section(0, [...str("producers"), 0]);
  return Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...type, ...imports, ...funcs, ...code, ...names, ...other]);
}

test("reads bodies, imports and names", () => {
  const m = readModule(module());
  assert.equal(m.importedFunctions, 1);
  assert.deepEqual(m.functions.map((f) => [f.name, f.size]), [
    ["news_widget::feed::read_page::h0123456789abcdef", 4],
    [null, 6],
    ["<core[c5930c85a12de822]::str::pattern::StrSearcher>::new", 130],
  ]);
});

test("withoutNames drops the name section only", () => {
  const bytes = module();
  const stripped = withoutNames(bytes);
  const m = readModule(stripped);
  assert.deepEqual(m.sections.map((s) => [s.id, s.name]), [[1, ""], [2, ""], [3, ""], [10, ""], [0, "producers"]]);
  assert.ok(m.functions.every((f) => f.name === null));
  assert.deepEqual(withoutNames(stripped), stripped);
});

test("attributes names to crate and module", () => {
  const cases = [
    ["news_widget::feed::read_page::hf9f267684dc85c30", "news_widget", "news_widget::feed"],
    ["news_widget::hooks::use_feed::use_feed::inner_fn::{{closure}}::{{closure}}::h103a6684869de658", "news_widget", "news_widget::hooks"],
    ["<yew::html::component::lifecycle::CompStateInner<COMP> as yew::html::component::lifecycle::Stateful>::view::h664084df3e4a8000", "yew", "yew::html"],
    ["yew::dom_bundle::bnode::<impl yew::dom_bundle::traits::Reconcilable for yew::virtual_dom::vnode::VNode>::reconcile::h414f14b211f22a93", "yew", "yew::dom_bundle"],
    ["<news_widget::feed::lenient::Field<T> as serde_core::de::Deserialize>::deserialize::hec5aac79b32f18ce", "news_widget", "news_widget::feed"],
    ["<char as core[c5930c85a12de822]::fmt::Debug>::fmt", "core", "core::fmt"],
    ["<&T as core::fmt::Display>::fmt::h0000000000000000", "core", "core::fmt"],
    ["<alloc::vec::Vec<T,A> as core::ops::drop::Drop>::drop::h0000000000000000", "alloc", "alloc::vec"],
    ["core::ptr::drop_in_place<news_widget::feed::Feed>::h0000000000000000", "core", "core::ptr"],
    ["<core[c5930c85a12de822]::fmt::Formatter>::pad", "core", "core::fmt"],
    ["<[T] as core::fmt::Debug>::fmt::h0000000000000000", "core", "core::fmt"],
    ["<str>::find::h0000000000000000", "core", "core"],
    ["yew::Renderer<COMP>::render::h0000000000000000", "yew", "yew"],
    ["mount externref shim multivalue shim", NO_PATH, NO_PATH],
    ["__wbindgen_malloc", NO_PATH, NO_PATH],
  ];
  for (const [name, crate, module] of cases) assert.deepEqual(attribute(name), { crate, module }, name);
  assert.deepEqual(attribute(null), { crate: UNNAMED, module: UNNAMED });
  assert.equal(normalise("<core[c5930c85a12de822]::str::X>::new"), "<core::str::X>::new");
});

test("tables are sorted by size, then name, and deterministic", () => {
  const fns = [
    { name: "b::m::f::h0000000000000000", size: 10 },
    { name: "a::m::f::h0000000000000000", size: 10 },
    { name: "c::m::f::h0000000000000000", size: 30 },
    { name: "c::n::g::h0000000000000000", size: 5 },
    { name: null, size: 1 },
  ];
  const lines = table("crate", fns, "crate", 3);
  assert.deepEqual(lines.slice(1).map((l) => l.split(/\s{2,}/)[0]), ["c", "a", "b", "(1 more)", "all functions"]);
  assert.deepEqual(table("crate", [...fns].reverse(), "crate", 3), lines);
  const modules = table("module", fns, "module", 10, { before: fns });
  assert.match(modules[1], /^c::m\s+1\s+30\s+53\.6\s+30$/);
});
