// Loaded before the loader on network.html: records what the host page sees of the widgets
// (state changes and events) and offers the tests small verbs to add widgets and to watch
// one widget's DOM for mutations.
window.__events = [];
window.__states = {};
for (const type of ["news-widget:ready", "news-widget:error", "news-widget:update"]) {
  document.addEventListener(type, (event) => {
    window.__events.push({ type, widget: event.target.id, detail: { ...event.detail }, at: performance.now() });
  });
}

/** Adds a <news-widget id=id> with these attributes; records every `state` it reflects. */
window.addWidget = (id, attributes) => {
  const widget = document.createElement("news-widget");
  widget.id = id;
  for (const [name, value] of Object.entries(attributes)) widget.setAttribute(name, value);
  window.__states[id] = [];
  new MutationObserver(() => {
    const states = window.__states[id];
    const state = widget.getAttribute("state");
    if (states[states.length - 1] !== state) states.push(state);
  }).observe(widget, { attributes: true, attributeFilter: ["state"] });
  document.getElementById("widgets").append(widget);
};

/** Starts counting DOM mutations inside widget `id`'s shadow root. */
window.watchMutations = (id) => {
  const record = { count: 0, kinds: [] };
  new MutationObserver((mutations) => {
    record.count += mutations.length;
    for (const m of mutations) if (record.kinds.length < 20) record.kinds.push(`${m.type}:${m.attributeName ?? ""}:${m.target.nodeName}`);
  }).observe(document.getElementById(id).shadowRoot, { subtree: true, childList: true, attributes: true, characterData: true });
  window.__mutations = window.__mutations ?? {};
  window.__mutations[id] = record;
};

/** Plays a hidden (or visible again) page: what headless browsers cannot do for real. */
window.setPageHidden = (hidden) => {
  Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (hidden ? "hidden" : "visible") });
  document.dispatchEvent(new Event("visibilitychange"));
};

// Every wasm instance's memory, to check that no widget's memory grows with a huge body.
window.__wasmMemories = [];
// The loader's instance pool instantiates with the glue's `initSync` (`new
// WebAssembly.Instance`), so the constructor is watched as well as the async calls.
WebAssembly.Instance = new Proxy(WebAssembly.Instance, {
  construct(target, args, newTarget) {
    const instance = Reflect.construct(target, args, newTarget);
    if (instance.exports?.memory) window.__wasmMemories.push(instance.exports.memory);
    return instance;
  },
});
for (const name of ["instantiate", "instantiateStreaming"]) {
  const original = WebAssembly[name];
  WebAssembly[name] = async function (...args) {
    const result = await original.apply(this, args);
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    const memory = instance?.exports?.memory;
    if (memory) window.__wasmMemories.push(memory);
    return result;
  };
}
