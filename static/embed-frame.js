// Runs inside embed.html, the iframe fallback. Builds one <news-widget> from the query string;
// embed-resize.js tells the partner page (static/news-widget-frame.js) how tall the content
// is, so the iframe never shows a scrollbar or a gap.
import "./news-widget.js";

// Every attribute of the element (src/config.rs ATTRIBUTES): a partner using the frame gets the
// same switches, refresh and storage included.
const ATTRIBUTES = ["feed", "article", "interval", "lang", "theme", "max-headlines", "target", "refresh", "storage", "layout", "sections", "open", "history"];
const RESIZE = "news-widget:resize";
const MEASURE = "news-widget:measure";

const query = new URLSearchParams(location.search);
// A page served pre-rendered (`newsctl render --page embed.html`) already holds the widget.
const widget = document.querySelector("news-widget") ?? document.createElement("news-widget");
for (const name of ATTRIBUTES) {
  const value = query.get(name);
  if (value !== null) widget.setAttribute(name, value);
}
// Screen readers announce the frame's document language before the widget's own.
const lang = query.get("lang");
if (lang) document.documentElement.lang = lang;
if (!widget.isConnected) document.body.append(widget);

// Inside a frame, a `_self` link would open the article in the small iframe: send the reader's
// top-level page there instead. The click is a user activation, which browsers require before
// a cross-origin frame may navigate the top window.
widget.addEventListener("news-widget:navigate", (event) => {
  if (event.defaultPrevented || widget.getAttribute("target") === "_blank" || window.top === window) return;
  event.preventDefault();
  try {
    window.top.location.href = event.detail.url;
  } catch {
    // A sandbox without allow-top-navigation: a new tab still gets the reader there.
    window.open(event.detail.url, "_blank", "noopener");
  }
});

// The frame's height goes to the partner page from embed-resize.js, a classic script: see there.
