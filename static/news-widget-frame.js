// news-widget iframe fallback, partner side: sizes every <iframe data-news-widget> to the
// height its widget reports, for pages whose CSP cannot allow 'wasm-unsafe-eval':
//
//   <iframe data-news-widget title="News" src="https://WIDGET-ORIGIN/embed.html?feed=…&lang=en"></iframe>
//   <script src="https://WIDGET-ORIGIN/news-widget-frame.js" defer></script>
//
// Optional data-min-height / data-max-height (pixels) narrow the accepted range. Safe to load
// any number of times; iframes added later are handled too. A message is obeyed only if it
// comes from the iframe's own window and from the origin of its src, so no other frame or
// script can resize it.

(() => {
  const GUARD = Symbol.for("news-widget-frame");
  if (window[GUARD]) return;
  window[GUARD] = true;

  const RESIZE = "news-widget:resize";
  const MEASURE = "news-widget:measure";
  // Below this a widget cannot show even its error state; above it a bogus value would
  // make the partner page absurdly long.
  const MIN_HEIGHT = 100;
  const MAX_HEIGHT = 20000;
  const SELECTOR = "iframe[data-news-widget]";

  // "null" (sandboxed, data: or about:blank frames) must never match: any opaque origin
  // would send that same string.
  const originOf = (iframe) => {
    try {
      const origin = new URL(iframe.src, document.baseURI).origin;
      return origin === "null" ? null : origin;
    } catch {
      return null;
    }
  };

  const limit = (iframe, name, fallback) => {
    const value = Number.parseFloat(iframe.dataset[name]);
    return Number.isFinite(value) ? value : fallback;
  };

  const resize = (iframe, height) => {
    const min = Math.max(MIN_HEIGHT, limit(iframe, "minHeight", MIN_HEIGHT));
    const max = Math.max(min, Math.min(MAX_HEIGHT, limit(iframe, "maxHeight", MAX_HEIGHT)));
    const content = Math.ceil(Math.min(max, Math.max(min, height)));
    // A page-wide `box-sizing: border-box` would otherwise eat the frame's border and padding
    // out of the content's height.
    const style = getComputedStyle(iframe);
    const extra =
      style.boxSizing === "border-box"
        ? ["borderTopWidth", "borderBottomWidth", "paddingTop", "paddingBottom"]
            .map((side) => Number.parseFloat(style[side]) || 0)
            .reduce((a, b) => a + b, 0)
        : 0;
    // CSSOM writes are allowed under `style-src 'self'`; a style attribute would not be.
    iframe.style.height = `${content + extra}px`;
  };

  window.addEventListener("message", (event) => {
    const data = event.data;
    if (!data || data.type !== RESIZE || typeof data.height !== "number" || !Number.isFinite(data.height)) return;
    for (const iframe of document.querySelectorAll(SELECTOR)) {
      if (event.source !== iframe.contentWindow) continue;
      if (event.origin === originOf(iframe)) resize(iframe, data.height);
      return;
    }
  });

  // Frames that reported before this script ran are asked again.
  const ask = (iframe) => {
    const origin = originOf(iframe);
    if (origin && iframe.contentWindow) iframe.contentWindow.postMessage({ type: MEASURE }, origin);
  };
  document.querySelectorAll(SELECTOR).forEach(ask);
  document.addEventListener(
    "load",
    (event) => {
      if (event.target instanceof HTMLIFrameElement && event.target.matches(SELECTOR)) ask(event.target);
    },
    true,
  );
})();
