// Runs inside embed.html, the iframe fallback: tells the partner page (news-widget-frame.js)
// how tall the frame's content is, whenever it changes.
//
// A classic script on purpose, not part of the embed-frame.js module: WebKit (seen in
// WebKitGTK 2.50) gives a message that module code posts from a browser callback (a
// ResizeObserver, an event listener, a timer) the *partner* window as its `source`, which the
// partner script rightly refuses, so in Safari the frame stopped following its content after
// the first report. Posted from classic code, the source is this frame in every engine
// (tests/e2e/embedding.mjs, "iframe fallback sizes the frame…", fails in WebKit otherwise).
(() => {
  if (window.parent === window) return;
  const RESIZE = "news-widget:resize";
  const MEASURE = "news-widget:measure";

  // html has auto height, so its box is the content's height whatever the frame's viewport is
  // (scrollHeight would never shrink below the viewport).
  const contentHeight = () => Math.ceil(document.documentElement.getBoundingClientRect().height);

  // The height is not secret and the partner's origin is not known here, hence "*"; the partner
  // script checks that the message comes from this frame and from the widget's origin.
  const report = () => window.parent.postMessage({ type: RESIZE, height: contentHeight() }, "*");

  new ResizeObserver(report).observe(document.documentElement);
  // Chromium skips rendering, and with it ResizeObserver, in a cross-origin frame that is
  // off-screen; the widget's state events (bubbling, composed) still arrive, and measuring
  // forces a layout.
  for (const type of ["news-widget:ready", "news-widget:error"]) document.addEventListener(type, report);
  // A partner script that started after our first reports asks for the current height.
  window.addEventListener("message", (event) => {
    if (event.source === window.parent && event.data?.type === MEASURE) report();
  });
})();
