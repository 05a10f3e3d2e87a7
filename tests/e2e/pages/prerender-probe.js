// Records what a reader of a pre-rendered widget would notice while the wasm takes it over:
// layout shifts, size changes, frames without the article, the scroll position, focus, and
// whether the slide shown at the switch is mid-fade. Loaded as a classic script in <head>,
// before the loader, so it sees the pre-render before anything replaces it. Pages name the
// widget to watch with `data-probe`; `data-probe-scroll` scrolls the page first,
// `data-probe-focus` focuses the first headline link of the pre-render.
(() => {
  const probe = {
    shifts: [],
    sizes: [],
    frames: 0,
    blankFrames: [],
    readyAt: null,
    belowTop: [],
  };
  window.__prerenderProbe = probe;

  if (PerformanceObserver.supportedEntryTypes?.includes("layout-shift")) {
    probe.layoutShiftApi = true;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.shifts.push(entry.value);
    }).observe({ type: "layout-shift", buffered: true });
  }

  const top = (element) => Math.round(element.getBoundingClientRect().top + window.scrollY);
  const rootText = (root) => root?.querySelector('[part="root"]:not(.nw-static)')?.textContent ?? null;

  document.addEventListener("DOMContentLoaded", () => {
    const widget = document.querySelector("news-widget[data-probe]");
    const below = document.getElementById("below");
    const shadow = widget.shadowRoot;
    probe.prerendered = Boolean(shadow?.querySelector('.nw-static [part="headline"]'));
    probe.prerenderedText = shadow?.querySelector(".nw-static")?.textContent ?? null;
    new ResizeObserver(() => probe.sizes.push(Math.round(widget.getBoundingClientRect().height))).observe(widget);
    probe.belowTop.push(top(below));
    if (widget.hasAttribute("data-probe-scroll")) {
      window.scrollTo(0, 400);
      probe.scrollBefore = window.scrollY;
    }
    if (widget.hasAttribute("data-probe-focus")) {
      const link = shadow?.querySelector(".nw-static a.nw-item-title");
      link?.focus();
      probe.focusedBefore = shadow?.activeElement?.textContent ?? null;
    }

    // Before every frame is painted: is an article headline rendered (not display: none)?
    const frame = () => {
      probe.frames += 1;
      // What must never vanish: the article's headline, or (layouts without an article,
      // `data-probe-part="sidebar"`) the headlines.
      const part = widget.dataset.probePart || "headline";
      const shown = [...widget.shadowRoot.querySelectorAll(`[part="${part}"]`)].some((h) => h.getClientRects().length > 0);
      if (!shown) probe.blankFrames.push(probe.frames);
      if (probe.readyAt === null || probe.frames < probe.readyAt + 5) requestAnimationFrame(frame);
      else probe.done = true;
    };
    requestAnimationFrame(frame);

    widget.addEventListener("news-widget:ready", () => {
      if (probe.readyAt !== null) return;
      probe.readyAt = probe.frames;
      const slide = widget.shadowRoot.querySelector('.nw-root:not(.nw-static) .nw-slide:not([hidden])');
      probe.readyOpacity = slide ? getComputedStyle(slide).opacity : null;
      probe.scrollAfter = window.scrollY;
      probe.belowTop.push(top(below));
      probe.staticLeft = widget.shadowRoot.querySelectorAll(".nw-static").length;
      probe.roots = widget.shadowRoot.querySelectorAll('[part="root"]').length;
      probe.readyText = rootText(widget.shadowRoot);
      const active = widget.shadowRoot.activeElement;
      probe.focusedAfter = active ? { text: active.textContent, live: !active.closest(".nw-static") } : null;
    });
  });
})();
