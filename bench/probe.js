// Records, for the benchmark, when the widget on the page became ready, when content was
// first painted and when its largest content was painted, layout shifts and long tasks.
// Loaded before the widget's own script.
window.__bench = {
  ready: null,
  fcp: null,
  lcp: null,
  cls: 0,
  longTasks: [],
  // Firefox reports neither long tasks nor (in some versions) LCP: the harness must not wait.
  supports: PerformanceObserver.supportedEntryTypes ?? [],
};
document.addEventListener("news-widget:ready", () => {
  window.__bench.ready ??= performance.now();
});
const observe = (type, each) => {
  if (!window.__bench.supports.includes(type)) return;
  new PerformanceObserver((list) => list.getEntries().forEach(each)).observe({ type, buffered: true });
};
// The last LCP entry is the largest content: the article (or its figure) once it is painted.
observe("largest-contentful-paint", (entry) => (window.__bench.lcp = entry.startTime));
observe("paint", (entry) => {
  if (entry.name === "first-contentful-paint") window.__bench.fcp = entry.startTime;
});
observe("layout-shift", (entry) => {
  if (!entry.hadRecentInput) window.__bench.cls += entry.value;
});
observe("longtask", (entry) => window.__bench.longTasks.push(entry.duration));
