// Loaded before the loader: wraps the timer functions so the test can count the widget's
// live timeouts and the callbacks that fire. A timer counts as the widget's when it is
// scheduled from the wasm-bindgen glue (news-widget-app*.js) or from wasm.
(() => {
  const native = {
    setTimeout: window.setTimeout.bind(window),
    clearTimeout: window.clearTimeout.bind(window),
    setInterval: window.setInterval.bind(window),
    clearInterval: window.clearInterval.bind(window),
  };
  const live = new Map(); // id → { delay in ms, at: when scheduled }, the widget's pending timers
  const stats = { scheduled: 0, fired: 0, cleared: 0, lastFire: null };
  const fromWidget = () => /news-widget-app|wasm/.test(new Error().stack ?? "");

  const schedule = (kind, repeat) =>
    function (callback, delay, ...args) {
      if (typeof callback !== "function" || !fromWidget()) return native[kind](callback, delay, ...args);
      let id;
      const wrapped = function (...callArgs) {
        if (!repeat) live.delete(id);
        stats.fired += 1;
        stats.lastFire = { at: performance.now(), delay };
        return callback.apply(this, callArgs);
      };
      id = native[kind](wrapped, delay, ...args);
      live.set(id, { delay, at: performance.now() });
      stats.scheduled += 1;
      return id;
    };
  const cancel = (kind) => (id) => {
    if (live.delete(id)) stats.cleared += 1;
    return native[kind](id);
  };

  window.setTimeout = schedule("setTimeout", false);
  window.setInterval = schedule("setInterval", true);
  window.clearTimeout = cancel("clearTimeout");
  window.clearInterval = cancel("clearInterval");
  // `oldest`: when the longest-pending timer was scheduled (Infinity if none), so a test can
  // wait until every timer that existed at some moment has fired or been cleared.
  window.__widgetTimers = () => ({
    live: live.size,
    delays: [...live.values()].map((timer) => timer.delay),
    oldest: Math.min(...[...live.values()].map((timer) => timer.at)),
    ...stats,
  });
})();
