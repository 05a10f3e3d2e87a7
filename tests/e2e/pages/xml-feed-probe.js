// Adds one <news-widget> whose feed is the page's `?feed=` (built with the DOM, not markup,
// so the strict page needs no inline script and no Trusted Types policy).
const widget = document.createElement("news-widget");
widget.id = "xml";
widget.setAttribute("feed", new URLSearchParams(location.search).get("feed"));
document.body.append(widget);
