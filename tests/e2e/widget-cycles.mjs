// What the many-widget tests and the memory report do to a page (tests/e2e/pages/many.html):
// mount many widgets at once, or mount → ready → remove again and again as a single-page
// portal does on every client-side navigation, and read what the page then holds.
import { collectGarbage, domCounters, heapBytes, waitInPage } from "./browser.mjs";

/** The feed every widget shows: the default feed, the whole seed article. */
export const FEED = "/feed.json";

/** Appends `count` widgets on `feed` at once and waits until none is still loading. */
export async function mountWidgets(page, count, { feed = FEED, timeout } = {}) {
  await page.evaluate(
    ({ count, feed }) => {
      const host = document.getElementById("widgets");
      for (let i = 0; i < count; i++) {
        const widget = document.createElement("news-widget");
        widget.setAttribute("feed", feed);
        widget.id = `w${i + 1}`;
        host.append(widget);
      }
    },
    { count, feed },
  );
  await waitInPage(
    page,
    `${count} widgets to finish loading`,
    (count) => {
      const widgets = document.querySelectorAll("news-widget");
      return widgets.length === count && [...widgets].every((w) => ["ready", "empty", "error"].includes(w.getAttribute("state")));
    },
    count,
    widgetStates,
    timeout,
  );
  return page.evaluate(widgetStates);
}

/**
 * Runs `count` cycles in the page: append a widget, wait for `news-widget:ready` (or an
 * error, or `deadline` ms), remove it. Removed elements are registered with a
 * FinalizationRegistry so a test can see whether they were garbage collected.
 */
export function runCycles(page, count, { feed = FEED, deadline = 20_000 } = {}) {
  return page.evaluate(
    async ({ count, feed, deadline }) => {
      const removed = (window.__removed ??= { count: 0, collected: 0 });
      removed.registry ??= new FinalizationRegistry(() => removed.collected++);
      const host = document.getElementById("widgets");
      const result = { ready: 0, failed: [], ms: 0 };
      const started = performance.now();
      for (let i = 0; i < count; i++) {
        const widget = document.createElement("news-widget");
        widget.setAttribute("feed", feed);
        const outcome = new Promise((resolve) => {
          const timer = setTimeout(() => resolve(`still "${widget.getAttribute("state")}" after ${deadline} ms`), deadline);
          const settle = (event) => {
            clearTimeout(timer);
            resolve(event.type === "news-widget:ready" ? "ready" : `error: ${event.detail?.message}`);
          };
          widget.addEventListener("news-widget:ready", settle, { once: true });
          widget.addEventListener("news-widget:error", settle, { once: true });
        });
        host.append(widget);
        const seen = await outcome;
        if (seen === "ready" && widget.getAttribute("state") === "ready") result.ready++;
        else if (result.failed.length < 5) result.failed.push(`cycle ${removed.count + 1}: ${seen}`);
        widget.remove();
        removed.registry.register(widget, null);
        removed.count++;
      }
      result.ms = Math.round(performance.now() - started);
      return result;
    },
    { count, feed, deadline },
  );
}

/**
 * What the page holds after a garbage collection: the loader's instance statistics, the
 * wasm memory of its live instances, widget timers still pending (the page has
 * timer-probe.js), removed widgets collected, and in Chromium the JS heap and DOM counters.
 */
export async function measure(page) {
  const gc = await collectGarbage(page);
  const heap = await heapBytes(page);
  const dom = await domCounters(page);
  const inPage = await page.evaluate(() => {
    const stats = customElements.get("news-widget").stats();
    return {
      stats,
      wasmBytes: stats.instances.reduce((sum, instance) => sum + instance.memoryBytes, 0),
      widgetTimers: window.__widgetTimers?.().live ?? null,
      removed: window.__removed ? { count: window.__removed.count, collected: window.__removed.collected } : null,
    };
  });
  return { gc, heap, dom, ...inPage };
}

/** How many widgets are in each state (runs in the page). */
function widgetStates() {
  const counts = {};
  for (const widget of document.querySelectorAll("news-widget")) {
    const state = widget.getAttribute("state");
    counts[state] = (counts[state] ?? 0) + 1;
  }
  return counts;
}
