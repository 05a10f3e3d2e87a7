// Loaded before the loader on shift.html: the layout shifts the page sees (Chromium reports
// them; Firefox has no layout-shift entries, so there the test compares positions only).
window.__shifts = [];
if (PerformanceObserver.supportedEntryTypes?.includes("layout-shift")) {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const sources = (entry.sources ?? []).map((source) => source.node?.nodeName ?? "?");
      window.__shifts.push({ value: entry.value, sources });
    }
  }).observe({ type: "layout-shift", buffered: true });
}
