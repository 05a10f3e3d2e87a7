//! Embedding glue: what the loader's `<news-widget>` element calls. One wasm instance may host
//! several widgets (static/news-widget.js), so everything here is per widget handle; what
//! belongs to the whole instance (panic reporting, retirement) is in `instance.rs`.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, Element, HtmlElement, Node, ShadowRoot};
use yew::{AppHandle, Callback};

use crate::components::app::{App, AppProps, WidgetStatus};
use crate::components::navigate::{NavigateRequest, ReadRequest};
use crate::config::Config;
use crate::fetch::{EarlyResponse, EarlySlot};

/// A mounted widget, owned by its element; dropped (or `destroy`ed) when the element goes.
#[wasm_bindgen]
pub struct WidgetHandle {
    app: Option<AppHandle<App>>,
    config: Config,
    host: HtmlElement,
    container: Element,
    id_prefix: String,
    takeover: Rc<Takeover>,
    early: EarlySlot,
    /// Back and Forward between stories read in place (`popstate`), dropped with the handle.
    _history: Option<gloo_events::EventListener>,
}

/// Mounts a widget into `root` (the element's open shadow root), configured from `host`'s
/// attributes. `on_crash` is called with the message if this instance ever panics; the
/// loader passes one callback per instance, since a panic stops every widget it hosts.
/// `early` is the loader's `{ url, response, controller }` for the feed it already requested
/// (or `undefined`): the widget's first fetch of that URL uses it.
#[wasm_bindgen]
pub fn mount(
    host: HtmlElement,
    root: ShadowRoot,
    on_crash: js_sys::Function,
    early: JsValue,
) -> Result<WidgetHandle, JsValue> {
    crate::instance::report_panics_to(on_crash);
    let names = host.get_attribute_names();
    let attributes: Vec<(String, String)> = names
        .iter()
        .filter_map(|name| name.as_string())
        .filter_map(|name| host.get_attribute(&name).map(|value| (name, value)))
        .collect();
    let (mut config, warnings) =
        Config::from_attributes(attributes.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    for warning in warnings {
        web_sys::console::warn_1(&warning.to_string().into());
    }
    let document = host
        .owner_document()
        .ok_or("news-widget: element has no document")?;
    config.page_lang = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|tag| crate::i18n::Lang::parse(&tag));
    let container = document.create_element("div")?;
    let takeover = Rc::new(Takeover::new(&root, &container)?);
    root.append_child(&container)?;
    // Each shadow root is its own id scope; the random part keeps ids unique even for code
    // that looks across roots.
    let id_prefix = format!("nw{}", (js_sys::Math::random() * 1e9) as u32);
    let history = reading_in_place(&config).then(|| {
        let initial = config.article.clone();
        if let Some(linked) = deep_link() {
            let _ = host.set_attribute("article", &linked);
            config.article = Some(linked);
        }
        config
            .history
            .then(|| follow_history(&host, initial))
            .flatten()
    });
    let mut handle = WidgetHandle {
        app: None,
        config,
        host,
        container,
        id_prefix,
        takeover,
        early: EarlySlot::new(EarlyResponse::from_js(&early)),
        _history: history.flatten(),
    };
    let app = yew::Renderer::<App>::with_root_and_props(handle.container.clone(), handle.props())
        .render();
    handle.app = Some(app);
    Ok(handle)
}

#[wasm_bindgen]
impl WidgetHandle {
    /// An observed attribute changed (`None`: removed). Invalid values are reported in the
    /// console and ignored.
    pub fn set_attribute(&mut self, name: &str, value: Option<String>) {
        #[cfg(feature = "crash-test")]
        if name == "feed" && value.as_deref() == Some("crash-test:panic") {
            panic!("crash test requested");
        }
        // The same, but in a task the browser runs later, outside any call from the loader.
        #[cfg(feature = "crash-test")]
        if name == "feed" && value.as_deref() == Some("crash-test:panic-in-task") {
            wasm_bindgen_futures::spawn_local(async { panic!("crash test requested in a task") });
            return;
        }
        if let Some(warning) = self.config.apply(name, value.as_deref()) {
            web_sys::console::warn_1(&warning.to_string().into());
        }
        let props = self.props();
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
    }

    /// Unmounts the widget: its timers, listeners, observers and requests stop. The loader
    /// then calls `free()`, which releases the handle itself (its host reference, config).
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.container.remove();
    }
}

impl WidgetHandle {
    fn props(&self) -> AppProps {
        let host = self.host.clone();
        let takeover = Rc::clone(&self.takeover);
        let onstatus = Callback::from(move |status: WidgetStatus| {
            if matches!(status, WidgetStatus::Ready | WidgetStatus::Empty) {
                takeover.finish();
            }
            report_status(&host, &status)
        });
        let host = self.host.clone();
        let onnavigate = Callback::from(move |request: NavigateRequest| {
            let detail = detail(&[("url", &request.url), ("title", &request.title)]);
            dispatch(&host, "news-widget:navigate", &detail, true)
        });
        let (host, history) = (self.host.clone(), self.config.history);
        let onread = Callback::from(move |request: ReadRequest| {
            let url = request.url.as_deref().unwrap_or_default();
            let detail = detail(&[("id", &request.id), ("title", &request.title), ("url", url)]);
            if dispatch(&host, "news-widget:read", &detail, true) {
                if history {
                    push_story(&host, &request.id);
                }
                let _ = host.set_attribute("article", &request.id);
            }
        });
        AppProps {
            config: self.config.clone(),
            id_prefix: self.id_prefix.clone().into(),
            onstatus,
            onnavigate,
            onread,
            prerendered: None,
            early: self.early.clone(),
        }
    }
}

/// Taking over a pre-rendered widget (`newsctl render`): whatever the shadow root already
/// holds besides stylesheets stays on screen while the client renders out of sight, and is
/// replaced in one step when the client has content, so the reader sees no blank frame and,
/// since the same components render the same page, nothing moves. The pre-render is never
/// reused (no hydration), so markup from an older build, or with its comments stripped by a
/// CMS, cannot break the widget. If the feed fails, the pre-render stays: it is the last good
/// content. Nothing to take over (a client-only widget): every step is a no-op.
struct Takeover {
    prerendered: RefCell<Vec<Node>>,
    container: Element,
}

impl Takeover {
    fn new(root: &ShadowRoot, container: &Element) -> Result<Self, JsValue> {
        let children = root.child_nodes();
        let prerendered: Vec<Node> = (0..children.length())
            .filter_map(|i| children.item(i))
            .filter(|node| !matches!(node.node_name().as_str(), "LINK" | "STYLE"))
            .collect();
        if !prerendered.is_empty() {
            container.set_attribute("hidden", "")?;
        }
        Ok(Takeover {
            prerendered: RefCell::new(prerendered),
            container: container.clone(),
        })
    }

    /// Swaps the client render in for the pre-render (once); a reader's focus inside the
    /// pre-render moves to the same place in the client render.
    fn finish(&self) {
        let prerendered = self.prerendered.take();
        if prerendered.is_empty() {
            return;
        }
        let focused = focus_path(&prerendered);
        for node in &prerendered {
            if let Some(parent) = node.parent_node() {
                let _ = parent.remove_child(node);
            }
        }
        let _ = self.container.remove_attribute("hidden");
        // Shown for the first time, the current slides would start their fade-in: end it now,
        // before the frame is painted, so the swap itself is invisible.
        let subtree = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&subtree, &"subtree".into(), &JsValue::TRUE);
        let container: &Animated = self.container.unchecked_ref();
        for animation in container.get_animations(&subtree).iter() {
            let _ = animation.unchecked_into::<CssAnimation>().finish();
        }
        if let Some((path, tag)) = focused {
            let target = path
                .iter()
                .try_fold(self.container.clone(), |element, &index| {
                    element.children().item(index)
                });
            if let Some(target) = target.filter(|t| t.tag_name() == tag) {
                let _ = target.unchecked_into::<HtmlElement>().focus();
            }
        }
    }
}

#[wasm_bindgen]
extern "C" {
    /// An element, for `getAnimations()`, which web-sys only has behind its unstable flag.
    type Animated;

    #[wasm_bindgen(method, js_name = getAnimations)]
    fn get_animations(this: &Animated, options: &js_sys::Object) -> js_sys::Array;

    type CssAnimation;

    #[wasm_bindgen(method, catch)]
    fn finish(this: &CssAnimation) -> Result<(), JsValue>;
}

/// Where the focused element is among the pre-rendered nodes: child indices from the shadow
/// root's elements down, and its tag name.
fn focus_path(prerendered: &[Node]) -> Option<(Vec<u32>, String)> {
    let root = prerendered
        .first()?
        .parent_node()?
        .dyn_into::<ShadowRoot>()
        .ok()?;
    let focused = root.active_element()?;
    let top: Vec<&Node> = prerendered
        .iter()
        .filter(|n| n.node_type() == Node::ELEMENT_NODE)
        .collect();
    let mut path = Vec::new();
    let mut element = focused.clone();
    loop {
        let node: &Node = element.as_ref();
        if let Some(index) = top.iter().position(|t| *t == node) {
            path.push(index as u32);
            path.reverse();
            return Some((path, focused.tag_name()));
        }
        let parent = element.parent_element()?;
        let siblings = parent.children();
        let index =
            (0..siblings.length()).find(|&i| siblings.item(i).as_ref() == Some(&element))?;
        path.push(index);
        element = parent;
    }
}

/// The fragment that opens a story read in place: `#news-widget=ID` (ID percent-encoded).
const DEEP_LINK: &str = "#news-widget=";
/// The key of `history.state` under which stories read in place are kept, per widget.
const HISTORY_KEY: &str = "newsWidget";

fn reading_in_place(config: &Config) -> bool {
    crate::layout::opens_in_place(config, true)
}

/// The story the page's address asks for, if it is a widget deep link.
fn deep_link() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let id = hash.strip_prefix(DEEP_LINK)?;
    js_sys::decode_uri_component(id)
        .ok()
        .and_then(|id| id.as_string())
        .filter(|id| !id.is_empty())
}

/// Widgets tell their entries apart by the element's `id` (all id-less widgets share one).
fn history_name(host: &HtmlElement) -> String {
    let id = host.id();
    if id.is_empty() {
        "news-widget".to_owned()
    } else {
        id
    }
}

/// A history entry for a story read in place: the entry's state remembers every widget's
/// story (so Back restores each), and the address is the story's deep link.
fn push_story(host: &HtmlElement, id: &str) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return;
    };
    let state = js_sys::Object::new();
    let stories = js_sys::Object::new();
    if let Ok(current) = history.state() {
        if let Ok(previous) = js_sys::Reflect::get(&current, &HISTORY_KEY.into()) {
            if previous.is_object() {
                let _ = js_sys::Object::assign(&stories, previous.unchecked_ref());
            }
        }
    }
    let _ = js_sys::Reflect::set(&stories, &history_name(host).into(), &id.into());
    let _ = js_sys::Reflect::set(&state, &HISTORY_KEY.into(), &stories);
    let link = [DEEP_LINK, &String::from(js_sys::encode_uri_component(id))].concat();
    let _ = history.push_state_with_url(&state, "", Some(&link));
}

/// Back and Forward: the entry's story for this widget, else the address's deep link, else
/// the story it showed before any was read in place.
fn follow_history(
    host: &HtmlElement,
    initial: Option<String>,
) -> Option<gloo_events::EventListener> {
    let window = web_sys::window()?;
    let host = host.clone();
    Some(gloo_events::EventListener::new(
        &window,
        "popstate",
        move |event| {
            let state = js_sys::Reflect::get(event, &"state".into()).unwrap_or_default();
            let from_state = js_sys::Reflect::get(&state, &HISTORY_KEY.into())
                .ok()
                .filter(JsValue::is_object)
                .and_then(|stories| {
                    js_sys::Reflect::get(&stories, &history_name(&host).into()).ok()
                })
                .and_then(|id| id.as_string());
            match from_state.or_else(deep_link).or_else(|| initial.clone()) {
                Some(id) => {
                    let _ = host.set_attribute("article", &id);
                }
                None => {
                    let _ = host.remove_attribute("article");
                }
            }
        },
    ))
}

/// Reflects the state on the host (`state` attribute) and announces ready / error / update.
fn report_status(host: &HtmlElement, status: &WidgetStatus) {
    let (state, event) = match status {
        WidgetStatus::Loading => (Some("loading"), None),
        WidgetStatus::Ready => (Some("ready"), Some(("news-widget:ready", detail(&[])))),
        WidgetStatus::Empty => (
            Some("empty"),
            Some(("news-widget:ready", detail(&[("empty", "true")]))),
        ),
        WidgetStatus::Error(message) => (
            Some("error"),
            Some(("news-widget:error", detail(&[("message", message)]))),
        ),
        // Content stayed on screen: the state does not change.
        WidgetStatus::Stale(message) => {
            let detail = detail(&[("message", message)]);
            let _ = js_sys::Reflect::set(&detail, &"stale".into(), &JsValue::TRUE);
            (None, Some(("news-widget:error", detail)))
        }
        WidgetStatus::Updated => (None, Some(("news-widget:update", detail(&[])))),
    };
    if let Some(state) = state {
        let _ = host.set_attribute("state", state);
    }
    if let Some((name, detail)) = event {
        dispatch(host, name, &detail, false);
    }
}

fn detail(fields: &[(&str, &str)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object.into()
}

/// Dispatches a bubbling, composed CustomEvent; returns false if a listener cancelled it.
fn dispatch(host: &HtmlElement, name: &str, detail: &JsValue, cancelable: bool) -> bool {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(cancelable);
    init.set_detail(detail);
    match CustomEvent::new_with_event_init_dict(name, &init) {
        Ok(event) => host.dispatch_event(event.unchecked_ref()).unwrap_or(true),
        Err(_) => true,
    }
}
