// The benchmark's baseline: a minimal hand-written JS widget that renders the same feed into
// the same markup as <news-widget> (article, figures, sidebar sections, first slide), in a
// shadow root with the same stylesheet, and announces `news-widget:ready`. No rotation, no
// states beyond ready, no extension rules beyond what the default feed uses: the least a
// partner could ship, so the widget's cost is measured against a floor, not a strawman.
const base = new URL(".", import.meta.url);

const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) node.setAttribute(k, v);
  node.append(...children.filter((c) => c != null));
  return node;
};

function blocksOf(item) {
  const blocks = item._news_widget?.blocks;
  if (Array.isArray(blocks)) return blocks;
  const text = item.content_text ?? "";
  return text.split(/\n\s*\n/).filter(Boolean).map((t) => ({ type: "paragraph", text: t }));
}

function article(item, feedUrl) {
  const body = el("div", { class: "nw-body", part: "body" });
  // The widget's markup (client-rendered): blocks in chunks of 24 (`div.nw-chunk nw-lazy`).
  let chunk;
  for (const [i, b] of blocksOf(item).entries()) {
    if (i % 24 === 0) body.append((chunk = el("div", { class: "nw-chunk nw-lazy" })));
    if (b.type === "paragraph") chunk.append(el("p", {}, b.text));
    else if (b.type === "heading") chunk.append(el("h2", { class: "nw-subhead" }, b.text));
    else if (b.type === "figure") {
      const img = el("img", {
        src: new URL(b.src, feedUrl).href, alt: b.alt ?? "", width: b.width, height: b.height,
        loading: "lazy", decoding: "async", referrerpolicy: "no-referrer",
      });
      const caption = el("figcaption", {}, b.caption ?? "", b.credit ? el("small", { class: "nw-credit" }, b.credit) : null);
      chunk.append(el("figure", { class: "nw-figure", part: "figure" }, img, caption));
    }
  }
  const meta = el("p", { class: "nw-meta", part: "meta" },
    el("span", {}, "发布时间：", el("time", { datetime: item.date_published }, item.date_published?.replace("T", " ").slice(0, 19))),
    el("span", {}, "来源：", item._news_widget?.source ?? ""));
  return el("article", { class: "nw-article", part: "article" },
    el("h1", { class: "nw-headline", part: "headline" }, el("a", { href: item.url }, item.title)), meta, body);
}

function sidebar(feed, byId) {
  const aside = el("aside", { class: "nw-sidebar", part: "sidebar" });
  for (const section of feed._news_widget?.sections ?? []) {
    const items = section.items.map((id) => byId.get(String(id))).filter(Boolean);
    const list = el("ul", {}, ...items.slice(0, 4).map((item) => el("li", {},
      el("a", { class: "nw-item-title", href: item.url }, item.title),
      section.summaries && item.summary ? el("p", { class: "nw-summary" }, item.summary) : null)));
    aside.append(el("section", { class: "nw-section", part: "section" },
      el("div", { class: "nw-section-head" }, el("h2", { class: "nw-section-title" }, section.title)),
      el("div", { class: "nw-slides" }, el("div", { class: "nw-slide" }, list))));
  }
  return aside;
}

class NewsBaseline extends HTMLElement {
  async connectedCallback() {
    const root = this.attachShadow({ mode: "open" });
    root.append(el("link", { rel: "stylesheet", href: new URL("news-widget.css", base).href }));
    const feedUrl = new URL(this.getAttribute("feed") ?? "feed.json", document.baseURI);
    const feed = await (await fetch(feedUrl)).json();
    const byId = new Map(feed.items.map((item) => [String(item.id), item]));
    const main = byId.get(String(feed._news_widget?.article)) ?? feed.items[0];
    root.append(el("div", { class: "nw-root nw-theme-auto", lang: feed.language ?? "zh-CN", part: "root" },
      el("div", { class: "nw-layout" }, article(main, feedUrl), sidebar(feed, byId))));
    this.setAttribute("state", "ready");
    this.dispatchEvent(new CustomEvent("news-widget:ready", { bubbles: true, composed: true, detail: {} }));
  }
}
customElements.define("news-baseline", NewsBaseline);
