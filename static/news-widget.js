// news-widget loader: defines the <news-widget> element. Safe to load any number of times.
//
// Every file it loads resolves against this script's own URL, so the bundle works from any
// origin or path. The wasm is compiled once; each element gets its own instance (its own
// glue module, memory and panic hook), so a crash in one widget never reaches another.
// No inline scripts, no inline styles, no eval: it runs under
// `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'` and Trusted Types.

const TAG = "news-widget";
const ATTRIBUTES = ["feed", "article", "interval", "lang", "theme", "max-headlines", "target"];

if (!customElements.get(TAG)) {
  const base = new URL(".", import.meta.url);
  const asset = (name) => new URL(name, base).href;
  // Filled in by `make dist` with the content-hashed names of the build.
  const files = { glue: "news-widget-app.js", wasm: "news-widget-app_bg.wasm", css: "news-widget.css" };

  let compiled; // Promise<WebAssembly.Module>, shared by all instances.
  let sheet; // Promise<CSSStyleSheet | null>, shared by all instances.
  let instances = 0;

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

  // A fragment makes a distinct module record (its own wasm-bindgen state) while the
  // network fetch, which ignores fragments, still hits the HTTP cache.
  const instantiate = async () => {
    const glue = await import(`${asset(files.glue)}#${++instances}`);
    await glue.default({ module_or_path: await compile() });
    return glue;
  };

  class NewsWidget extends HTMLElement {
    static observedAttributes = ATTRIBUTES;
    #handle = null;
    #mounting = null;
    #dead = false;

    connectedCallback() {
      if (this.#handle || this.#mounting || this.#dead) return;
      const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
      this.setAttribute("state", "loading");
      // Start the wasm download and compile and the stylesheet now, before the glue arrives.
      compile();
      styles();
      this.#mounting = Promise.all([instantiate(), styles()])
        .then(([glue, shared]) => {
          this.#mounting = null;
          if (!this.isConnected) return;
          if (shared) root.adoptedStyleSheets = [shared];
          else if (!root.querySelector("link")) {
            const link = document.createElement("link");
            link.rel = "stylesheet";
            link.href = asset(files.css);
            root.append(link);
          }
          this.#handle = glue.mount(this, root, (message) => this.#crashed(message));
        })
        .catch((error) => {
          this.#mounting = null;
          this.#crashed(String(error?.message ?? error));
        });
    }

    disconnectedCallback() {
      const handle = this.#handle;
      this.#handle = null;
      if (handle && !this.#dead) {
        try {
          handle.destroy();
        } catch (error) {
          this.#crashed(String(error?.message ?? error));
        }
      }
    }

    attributeChangedCallback(name, _old, value) {
      if (!this.#handle || this.#dead) return;
      try {
        this.#handle.set_attribute(name, value);
      } catch (error) {
        this.#crashed(String(error?.message ?? error));
      }
    }

    // The instance is unusable after a panic or a failed start: show a plain message in its
    // own shadow root and tell the host page once. Other instances are untouched.
    #crashed(message) {
      if (this.#dead) return;
      this.#dead = true;
      this.#handle = null;
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
      console.error(`news-widget: ${message}`);
      this.dispatchEvent(
        new CustomEvent("news-widget:error", { bubbles: true, composed: true, detail: { message } }),
      );
    }
  }

  customElements.define(TAG, NewsWidget);
}
