// A virtual clock for the widget's rotation timer, loaded before the loader: a timeout the
// wasm schedules with exactly `window.__virtualDelay` ms (the page's `interval` attribute)
// is held here instead of by the browser, and `__virtualClock.fire()` runs every held one
// at once. The widget cannot tell the difference: its code path is the one a real interval
// takes, only without the wait. Other timers (fetch deadlines, refresh) run on real time.
(() => {
  const native = { setTimeout: window.setTimeout.bind(window), clearTimeout: window.clearTimeout.bind(window) };
  const held = new Map(); // id → callback
  // Ids far above the browser's own, so a clearTimeout can tell whose timer it is.
  let nextId = 2 ** 30;
  const fromWidget = () => /news-widget-app|wasm/.test(new Error().stack ?? "");
  window.setTimeout = function (callback, delay, ...args) {
    if (typeof callback === "function" && delay === window.__virtualDelay && fromWidget()) {
      const id = nextId++;
      held.set(id, () => callback(...args));
      return id;
    }
    return native.setTimeout(callback, delay, ...args);
  };
  window.clearTimeout = (id) => {
    if (!held.delete(id)) native.clearTimeout(id);
  };
  window.__virtualClock = {
    pending: () => held.size,
    /** Runs every held timeout; returns how many ran. */
    fire() {
      const due = [...held];
      held.clear();
      for (const [, run] of due) run();
      return due.length;
    },
  };
})();
