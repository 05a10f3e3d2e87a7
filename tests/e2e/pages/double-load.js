// A copy of the loader under another URL is a separate module record, so its top level runs
// again: it must notice the element is already defined and do nothing.
window.__secondImport = import("./news-widget.js?copy=2").then(
  () => "loaded",
  (error) => `failed: ${error}`,
);
