//! The widget root: loads the feed, reports its state, picks what to show.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::article::ArticleView;
use crate::components::headline_list::HeadlineList;
use crate::components::navigate::{NavigateRequest, ReadRequest};
use crate::components::sidebar::Sidebar;
use crate::components::states::{
    empty, error_state, loading, stale_mark, ErrorStateProps, StaleProps, StateProps,
};
use crate::config::{Config, Layout};
use crate::fetch::EarlySlot;
use crate::hooks::use_feed::{use_feed, FeedOptions};
use crate::layout::{opens_in_place, shown};
use crate::network::feed_state::{FeedState, Notice};
use crate::view_model::Page;

/// What the widget tells its host (the custom element turns these into attributes and
/// CustomEvents).
#[derive(Clone, Debug, PartialEq)]
pub enum WidgetStatus {
    Loading,
    Ready,
    Empty,
    Error(String),
    /// A fetch failed but content stayed on screen: `state` stays as it is, and the error
    /// event says `stale: true`.
    Stale(String),
    /// Newer content replaced what was on screen.
    Updated,
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub config: Config,
    /// Unique per instance; prefixes every ARIA id.
    #[prop_or(AttrValue::Static("nw"))]
    pub id_prefix: AttrValue,
    #[prop_or_default]
    pub onstatus: Callback<WidgetStatus>,
    /// Returns whether the navigation may go ahead.
    #[prop_or(Callback::from(|_| true))]
    pub onnavigate: Callback<NavigateRequest, bool>,
    /// A reader chose a headline to read in place (`page` layout, the feed carries its
    /// story): the shell shows it by setting the element's `article` attribute.
    #[prop_or_default]
    pub onread: Callback<ReadRequest>,
    /// A page already read, shown while the feed hook has none: `newsctl render` renders the
    /// widget to HTML on the host with it (no effects run there, so nothing is fetched). The
    /// root is then marked `nw-static`: the stylesheet hides the controls that need the wasm,
    /// and the client render replaces the whole markup when it is ready.
    #[prop_or_default]
    pub prerendered: Option<Rc<Page>>,
    /// The loader's early request for the feed (static/news-widget.js), used by the first
    /// fetch.
    #[prop_or_default]
    pub early: EarlySlot,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let config = &props.config;
    let root = use_node_ref();
    let feed = use_feed(
        FeedOptions {
            url: config.feed.clone(),
            article: config.article.clone(),
            max_headlines: config.max_headlines,
            every_item: !config.layout.shows_article(),
            refresh_s: config.refresh_s,
            storage: config.storage,
            early: props.early.clone(),
        },
        root.clone(),
    );
    let page = feed.page().or(props.prerendered.as_deref());
    let content_language = page.and_then(|p| p.article.as_ref()?.language.as_deref());
    let lang = config.language(page.and_then(|p| p.language.as_deref()), content_language);
    let message = |failure: &crate::network::failure::Failure| failure.message(lang, &feed.url);
    let shown = page.map(|page| shown(page, config));
    let article_id = shown.as_ref().and_then(|s| s.article).map(|a| a.id.clone());

    // A story read in place: once it is on screen, its headline takes the focus (the
    // reader's place moved there) and the pane scrolls into view.
    let read_pending = use_mut_ref(|| None::<String>);
    {
        let (root, read_pending) = (root.clone(), read_pending.clone());
        use_effect_with(article_id.clone(), move |id| {
            let mut pending = read_pending.borrow_mut();
            if id.is_some() && *pending == *id {
                *pending = None;
                if let Some(headline) = root
                    .cast::<web_sys::Element>()
                    .and_then(|r| r.query_selector(".nw-headline").ok().flatten())
                    .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    headline.scroll_into_view_with_bool(true);
                    let _ = headline.focus();
                }
            }
        });
    }
    let onread = opens_in_place(config, true).then(|| {
        let onread = props.onread.clone();
        Callback::from(move |request: ReadRequest| {
            *read_pending.borrow_mut() = Some(request.id.clone());
            onread.emit(request);
        })
    });

    // The `state` attribute and the ready / error events, once per change of state.
    let status = match (&feed.state, feed.page()) {
        (FeedState::Loading, _) => WidgetStatus::Loading,
        (FeedState::Failed(failure), _) => WidgetStatus::Error(message(failure)),
        (_, Some(_)) if shown.as_ref().is_some_and(|s| s.is_empty()) => WidgetStatus::Empty,
        _ => WidgetStatus::Ready,
    };
    {
        let onstatus = props.onstatus.clone();
        use_effect_with(status, move |status| onstatus.emit(status.clone()));
    }
    // Updates and failures behind content on screen, each time one happens.
    let news = feed.notice.as_ref().and_then(|(seq, notice)| match notice {
        Notice::Updated => Some((*seq, WidgetStatus::Updated)),
        Notice::Error {
            failure,
            stale: true,
        } => Some((*seq, WidgetStatus::Stale(message(failure)))),
        _ => None,
    });
    {
        let onstatus = props.onstatus.clone();
        use_effect_with(news, move |news| {
            if let Some((_, status)) = news {
                onstatus.emit(status.clone());
            }
        });
    }

    let content = match (&shown, &feed.state) {
        (Some(shown), _) if !shown.is_empty() => {
            let sections: Vec<_> = shown.sections.iter().map(|s| (*s).clone()).collect();
            let sidebar = match config.layout {
                Layout::List => html! {
                    <HeadlineList {sections} {lang} target={config.target}
                        id_prefix={props.id_prefix.clone()}
                        onnavigate={props.onnavigate.clone()} />
                },
                _ if sections.is_empty() => Html::default(),
                _ => html! {
                    <Sidebar {sections} {lang}
                        interval_ms={config.interval_ms} target={config.target}
                        id_prefix={props.id_prefix.clone()}
                        onnavigate={props.onnavigate.clone()} {onread} />
                },
            };
            html! {
                <div class={classes!("nw-layout", ["nw-layout-", config.layout.as_str()].concat())}>
                    if let Some(article) = shown.article {
                        <ArticleView article={article.clone()} {lang} target={config.target}
                            onnavigate={props.onnavigate.clone()}
                            progressive={props.prerendered.is_none()} />
                    }
                    { sidebar }
                </div>
            }
        }
        (_, FeedState::Failed(failure)) => error_state(&ErrorStateProps {
            lang,
            message: message(failure).into(),
            onretry: feed.retry.clone(),
        }),
        (Some(_), _) => empty(&StateProps { lang }),
        (None, _) => loading(&StateProps { lang }),
    };
    let stale = feed.state.stale().map(|failure| {
        stale_mark(&StaleProps {
            lang,
            message: message(failure).into(),
        })
    });
    let mut theme = format!("nw-root nw-theme-{}", config.theme.as_str());
    if props.prerendered.is_some() {
        theme.push_str(" nw-static");
    }
    html! {
        <div ref={root} class={theme} lang={lang.tag()} dir={lang.dir()} part="root">
            { content }
            { for stale }
        </div>
    }
}
