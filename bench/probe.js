// Records, for the benchmark, when the widget on the page became ready and when its largest
// content was painted. Loaded before the widget's own script.
window.__bench = { ready: null, lcp: null, cls: 0, longTasks: [] };
document.addEventListener("news-widget:ready", () => {
  window.__bench.ready ??= performance.now();
});
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__bench.lcp = entry.startTime;
}).observe({ type: "largest-contentful-paint", buffered: true });
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__bench.cls += entry.value;
}).observe({ type: "layout-shift", buffered: true });
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__bench.longTasks.push(entry.duration);
  }).observe({ type: "longtask", buffered: true });
} catch {}
