// Records, for the benchmark, when the widget on the page became ready, when its article was
// first in a frame, when content was first painted and when the largest content was painted,
// layout shifts and long tasks. Loaded before the widget's own script.
window.__bench = {
  ready: null,
  article: null,
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

// LCP alone is no measure of the article: it also waits for the figures' images, and Firefox
// reports the pre-render's take-over as a new largest paint. So: the end of the first frame in
// which the article's headline is laid out and visible. The check runs in the frame's
// animation callbacks; a message posted there is handled after the frame's style, layout and
// paint, which is when the time is taken: a page whose first frame is expensive (a long
// article laid out at once) is charged for it, whichever page it is.
const headline = () => {
  for (const host of document.querySelectorAll("news-widget, news-baseline")) {
    const h1 = host.shadowRoot?.querySelector("[part=headline]");
    if (h1?.getClientRects().length && h1.checkVisibility?.({ opacityProperty: true, visibilityProperty: true }) !== false) return h1;
  }
  return null;
};
const afterFrame = new MessageChannel();
afterFrame.port1.onmessage = () => (window.__bench.article = performance.now());
const watch = () => (headline() ? afterFrame.port2.postMessage(null) : requestAnimationFrame(watch));
requestAnimationFrame(watch);
