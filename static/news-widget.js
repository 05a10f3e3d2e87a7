// news-widget loader: defines the <news-widget> element. Safe to load any number of times.
//
// Every file it loads resolves against this script's own URL, so the bundle works from any
// origin or path. No inline scripts, no inline styles, no eval: it runs under
// `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'` and Trusted Types.
//
// Instances. The wasm is compiled once and runs in at most `max-instances` instances (4 by
// default; `news-widget.js?max-instances=N`, 1 to 16, changes it), however many widgets a
// page mounts over its life. The bound matters: a glue module, once imported, is never
// released by the browser, and Chromium refuses new wasm memories past about 125. A widget
// takes an instance that hosts no widget (one whose widgets were all removed is back in
// that pool), else a new one while under the cap, else shares the one hosting the fewest.
// Widgets alone in their instance cannot reach each other; widgets sharing one stop
// together if it traps, and the trapped instance is replaced by a fresh instance of the
// same module before it hosts anything again (README, "Many widgets: instances and
// crashes"). An instance is also replaced when, idle, it has hosted RENEW_AFTER widgets:
// Yew keeps a little of every app it mounts (its event delegation's listeners and
// container, by design), and a fresh instance drops all of that at once.

const TAG = "news-widget";
const ATTRIBUTES = ["feed", "article", "interval", "lang", "theme", "max-headlines", "target", "refresh", "storage", "layout", "sections", "open", "history"];
const DEFAULT_MAX_INSTANCES = 4;
const RENEW_AFTER = 100; // widgets an instance hosts before it is replaced, when next idle

if (!customElements.get(TAG)) {
  const base = new URL(".", import.meta.url);
  const asset = (name) => new URL(name, base).href;
  // Filled in by `make dist` with the content-hashed names of the build.
  const files = { glue: "news-widget-app.js", wasm: "news-widget-app_bg.wasm", css: "news-widget.css" };

  const maxInstances = (() => {
    const value = new URL(import.meta.url).searchParams.get("max-instances");
    if (value === null) return DEFAULT_MAX_INSTANCES;
    const n = Number(value);
    if (Number.isInteger(n) && n >= 1 && n <= 16) return n;
    console.warn(`news-widget: ignoring max-instances="${value}": expected 1 to 16; using ${DEFAULT_MAX_INSTANCES}`);
    return DEFAULT_MAX_INSTANCES;
  })();

  let compiled; // Promise<WebAssembly.Module>, shared by all instances.
  let sheet; // Promise<CSSStyleSheet | null>, shared by all instances.

  const compile = () =>
    (compiled ??= WebAssembly.compileStreaming(fetch(asset(files.wasm), { credentials: "same-origin" })));

  const styles = () =>
    (sheet ??= fetch(asset(files.css))
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then((text) => {
        const shared = new CSSStyleSheet();
        shared.replaceSync(text);
        return shared;
      })
      .catch(() => null));

  // The stylesheet's own `:host` rules (news-widget.css), for the moments before it arrives.
  let box;
  const hostBox = () => {
    if (!box) {
      box = new CSSStyleSheet();
      box.replaceSync(":host { display: block; contain: content; } :host([hidden]) { display: none; }");
    }
    return box;
  };

  const messageOf = (error) => String(error?.message ?? error);

  /**
   * The feed request, started the moment an element connects, so the feed downloads while
   * the wasm does; the widget's first fetch reads this response with its own code (status,
   * headers, size cap) and does everything after it (retries, refreshes) itself. The same
   * plain GET the widget would send; only http(s) feeds. `{ url, response, controller }`.
   */
  const requestEarly = (element) => {
    const value = element.getAttribute("feed")?.trim() || "feed.json";
    let url;
    try {
      url = new URL(value, document.baseURI);
    } catch {
      return undefined; // the widget reports the bad URL itself
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
    const controller = new AbortController();
    const response = fetch(url.href, { signal: controller.signal });
    response.catch(() => {}); // read (and any failure reported) by the widget
    return { url: url.href, response, controller };
  };

  // For tests and diagnostics: instances created over the page's life, and how many of
  // their memories the garbage collector has since reclaimed.
  const counts = { created: 0, collected: 0 };
  const reclaimed = new FinalizationRegistry(() => counts.collected++);

  let nextIndex = 1;
  const instances = []; // at most maxInstances

  /** One glue module record (`news-widget-app.js#N`) and the one live wasm instance in it. */
  class Instance {
    index = nextIndex++;
    glue = null; // the glue module, once loaded
    exports = null; // the live instance's exports: a different object after a restart
    pending = new Set(); // elements waiting for this instance to load
    mounted = new Map(); // element → { handle, stop }, removed on disconnect
    trapped = false; // trapped and not yet replaced by a fresh instance
    mounts = 0; // widgets mounted since this instance started
    calling = 0; // calls of ours into the instance under way (they nest: events re-enter)
    renewing = false; // worn, picked while idle: renewed before its next mount
    unusable = null; // why this module record can host nothing more (no fresh instance)
    // One callback for the whole instance: a panic stops every widget it hosts.
    onPanic = (message) => this.crash(message);
    // A fragment makes a distinct module record (its own wasm-bindgen state) while the
    // network fetch, which ignores fragments, still hits the HTTP cache. `initSync` with the
    // compiled module, not the glue's async `default()`: that one keeps its promise, and so
    // the first instance, for the life of the page.
    ready = Promise.all([import(`${asset(files.glue)}#${this.index}`), compile()]).then(([glue, module]) => {
      glue.initSync({ module });
      // A trap in a callback the browser runs (a timer, a listener, a task) comes here
      // instead of reaching the page as an uncaught error (scripts/glue-patch.mjs).
      // Under a call of ours it answers false: the trap unwinds to `call`, which handles it.
      glue.__nw_set_trap_handler((error) => {
        if (this.calling > 0) return false;
        this.crash(`WebAssembly trap: ${messageOf(error)}`);
        return true;
      });
      this.glue = glue;
      this.#noteInstance();
    });

    get size() {
      return this.pending.size + this.mounted.size;
    }

    /** Due for replacement the next time it hosts nothing. */
    get worn() {
      return this.mounts >= RENEW_AFTER && !this.renewing;
    }

    /** Mounts `element`'s widget here; `stop(message)` shows its error state. */
    mount(element, root, stop, early) {
      this.#renewIfDue();
      if (this.unusable) throw this.unusable;
      this.mounts++;
      const handle = this.call(() => this.glue.mount(element, root, this.onPanic, early));
      this.mounted.set(element, { handle, stop });
      return handle;
    }

    /** Destroys `element`'s widget and frees its handle; nothing of it stays here. */
    unmount(element) {
      const widget = this.mounted.get(element);
      if (!widget) return; // never mounted, or stopped by a crash
      this.mounted.delete(element);
      this.call(() => {
        widget.handle.destroy();
        widget.handle.free();
      });
    }

    /** Runs a call into the instance; anything thrown means it can no longer be trusted. */
    call(body) {
      this.calling++;
      try {
        return body();
      } catch (error) {
        this.crash(messageOf(error));
        throw error;
      } finally {
        this.calling--;
      }
    }

    /** The instance trapped: every widget it hosts stops and says so once. */
    crash(message) {
      if (this.trapped) return; // the same trap, reported by the panic hook and the throw
      this.trapped = true;
      const stopped = [...this.mounted.values()];
      this.mounted.clear();
      const shared = stopped.length > 1 ? ` (${stopped.length} widgets shared its instance)` : "";
      console.error(`news-widget: ${message}${shared}`);
      for (const widget of stopped) widget.stop(message);
      // After the trap has unwound: nothing may run on the trapped state, not even a
      // leftover timer of a stopped widget (those become no-ops, scripts/glue-patch.mjs).
      queueMicrotask(() => this.#renewIfDue());
    }

    /** Picked for a new widget while idle: a worn instance will be renewed first. */
    claimIdle() {
      if (this.worn) this.renewing = true;
    }

    /** Replaces the live instance if it trapped, or if it is due for renewal and idle. */
    #renewIfDue() {
      if (!this.trapped && !(this.renewing && this.mounted.size === 0)) return;
      this.trapped = false;
      this.renewing = false;
      try {
        // The first call schedules wasm-bindgen's restart; the second runs in the fresh
        // instance (src/instance.rs).
        if (this.glue.retire_instance()) this.glue.retire_instance();
        this.mounts = 0;
        this.#noteInstance();
      } catch (error) {
        // No fresh instance (the browser refused one): never use this module record again,
        // and let a new one take its place in the pool.
        this.unusable = new Error(`cannot restart a WebAssembly instance: ${messageOf(error)}`);
        console.error(`news-widget: ${this.unusable.message}`);
        if (instances.includes(this)) instances.splice(instances.indexOf(this), 1);
      }
    }

    #noteInstance() {
      const exports = this.glue.initSync(); // the live instance's exports, without loading
      if (exports === this.exports) return;
      this.exports = exports;
      counts.created++;
      reclaimed.register(exports.memory, null);
    }
  }

  /**
   * The instance a new widget goes to: an idle one, else a new one while under the cap, else
   * the least busy, preferring instances not yet worn so that worn ones drain and renew.
   */
  const pick = () => {
    const idle = instances.find((instance) => instance.size === 0);
    if (idle) {
      idle.claimIdle();
      return idle;
    }
    if (instances.length < maxInstances) {
      const instance = new Instance();
      instances.push(instance);
      // A module that failed to load holds no wasm memory; let a new one take its place.
      instance.ready.catch(() => instances.includes(instance) && instances.splice(instances.indexOf(instance), 1));
      return instance;
    }
    const fresh = instances.filter((instance) => !instance.worn);
    return (fresh.length ? fresh : instances).reduce((best, instance) => (instance.size < best.size ? instance : best));
  };

  class NewsWidget extends HTMLElement {
    static observedAttributes = ATTRIBUTES;
    #instance = null; // hosting (or about to host) this widget
    #attempt = null; // the current connection, so a stale mount never lands
    #handle = null;
    #dead = false;
    #early = undefined; // the early feed request, until the widget takes it

    /**
     * For tests and diagnostics, not a partner API: the instance cap, glue modules loaded and
     * wasm instances created over the page's life, instances the garbage collector has
     * reclaimed since, and each live instance's widgets and memory.
     */
    static stats() {
      return {
        maxInstances,
        modules: nextIndex - 1,
        created: counts.created,
        collected: counts.collected,
        instances: instances.map((instance) => ({
          index: instance.index,
          widgets: instance.size,
          mounts: instance.mounts,
          memoryBytes: instance.exports?.memory.buffer.byteLength ?? 0,
        })),
      };
    }

    /** For tests: the index of the instance hosting `element` (0 if none). */
    static instanceOf(element) {
      return element.#instance?.index ?? 0;
    }

    connectedCallback() {
      if (this.#instance || this.#dead) return;
      const fresh = this.shadowRoot === null; // not pre-rendered, nor connected before
      const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
      this.setAttribute("state", "loading");
      // Start the wasm download and compile, the stylesheet and the feed now, before the
      // glue arrives.
      compile();
      styles();
      this.#early = requestEarly(this);
      // A new root is a contained block from the start: until then the element is an empty
      // inline box, which the next block's top margin collapses through, so the page's body
      // sits 8 px lower; if that changed only when the skeleton appeared, the whole page would
      // move (Chromium: layout shift 0.41 of the client-only page's 0.44, `make bench`). The
      // stylesheet replaces this one rule as soon as it arrives, long before the wasm. A
      // pre-rendered root has its own stylesheet.
      if (fresh) {
        root.adoptedStyleSheets = [hostBox()];
        styles().then((shared) => shared && (root.adoptedStyleSheets = [shared]));
      }
      const instance = pick();
      const attempt = {};
      this.#instance = instance;
      this.#attempt = attempt;
      instance.pending.add(this);
      Promise.all([instance.ready, styles()])
        .then(([, shared]) => {
          instance.pending.delete(this);
          if (this.#attempt !== attempt) return; // removed meanwhile
          // A new root has it already (adopted on arrival, above).
          if (shared) {
            if (root.adoptedStyleSheets[0] !== shared) root.adoptedStyleSheets = [shared];
          } else if (!root.querySelector("link")) {
            const link = document.createElement("link");
            link.rel = "stylesheet";
            link.href = asset(files.css);
            root.append(link);
          }
          const early = this.#early;
          this.#early = undefined; // the widget owns it now
          this.#handle = instance.mount(this, root, (message) => this.#stop(message), early);
        })
        .catch((error) => {
          instance.pending.delete(this);
          if (this.#attempt !== attempt) return;
          console.error(`news-widget: ${messageOf(error)}`);
          this.#stop(messageOf(error));
        });
    }

    disconnectedCallback() {
      const instance = this.#instance;
      this.#instance = null;
      this.#attempt = null;
      this.#handle = null;
      this.#early?.controller.abort(); // removed before its widget mounted
      this.#early = undefined;
      if (!instance) return;
      instance.pending.delete(this);
      try {
        instance.unmount(this);
      } catch {
        // The instance trapped while destroying: it has stopped its widgets and is replaced.
      }
    }

    attributeChangedCallback(name, _old, value) {
      const handle = this.#handle;
      if (!handle) return;
      try {
        this.#instance.call(() => handle.set_attribute(name, value));
      } catch {
        // The instance trapped: it has stopped every widget it hosted, this one included.
      }
    }

    // The widget can no longer run (its instance trapped, or it never started): show a plain
    // message in its own shadow root and tell the host page once.
    #stop(message) {
      if (this.#dead) return;
      this.#dead = true;
      this.#instance = null;
      this.#attempt = null;
      this.#handle = null;
      this.#early?.controller.abort();
      this.#early = undefined;
      const root = this.shadowRoot;
      // A pre-rendered widget (newsctl render) not yet taken over keeps its readable content.
      if (root && !root.querySelector(".nw-static")) {
        const box = document.createElement("div");
        box.setAttribute("role", "alert");
        box.setAttribute("part", "error");
        box.className = "nw-root nw-status";
        box.textContent = `news-widget stopped: ${message}`;
        root.replaceChildren(box);
      }
      this.setAttribute("state", "error");
      this.dispatchEvent(
        new CustomEvent("news-widget:error", { bubbles: true, composed: true, detail: { message } }),
      );
    }
  }

  customElements.define(TAG, NewsWidget);
}
