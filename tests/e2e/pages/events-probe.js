// Loaded before the loader: records the widgets' CustomEvents as the host page sees them
// (on document, so they must bubble and cross the shadow boundary), and plays a host that
// cancels navigation while window.__cancelNavigate is true.
window.__events = [];
window.__cancelNavigate = true;
window.__clicks = [];
const hostOf = (event) => event.target?.id || event.target?.tagName || String(event.target);
for (const type of ["news-widget:ready", "news-widget:error", "news-widget:navigate"]) {
  document.addEventListener(type, (event) => {
    if (type === "news-widget:navigate" && window.__cancelNavigate) event.preventDefault();
    window.__events.push({
      type,
      widget: hostOf(event),
      detail: { ...event.detail },
      bubbles: event.bubbles,
      composed: event.composed,
      cancelable: event.cancelable,
      defaultPrevented: event.defaultPrevented,
    });
  });
}
// A bubbling listener on window runs after the widget's own click handler, so it sees
// whether the link's default action (the navigation) was cancelled.
window.addEventListener("click", (event) => {
  const link = event.composedPath().find((node) => node instanceof HTMLAnchorElement);
  if (link) window.__clicks.push({ href: link.href, defaultPrevented: event.defaultPrevented });
});
