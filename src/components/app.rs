//! The widget root: loads the feed, reports its state, picks what to show.

use yew::prelude::*;

use crate::components::article::ArticleView;
use crate::components::sidebar::{NavigateRequest, Sidebar};
use crate::components::states::{empty, error_state, loading, ErrorStateProps, StateProps};
use crate::config::Config;
use crate::hooks::use_feed::{use_feed, FeedState};

/// What the widget tells its host (the custom element turns these into attributes and
/// CustomEvents).
#[derive(Clone, Debug, PartialEq)]
pub enum WidgetStatus {
    Loading,
    Ready,
    Empty,
    Error(String),
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
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let config = &props.config;
    let feed = use_feed(
        config.feed.clone(),
        config.article.clone(),
        config.max_headlines,
    );
    let lang = config.language(feed.page().and_then(|p| p.language.as_deref()));

    let status = match &feed.state {
        FeedState::Loading => WidgetStatus::Loading,
        FeedState::Failed { message, .. } => WidgetStatus::Error(message.to_string()),
        FeedState::Ready(page) if page.article.is_none() && page.sections.is_empty() => {
            WidgetStatus::Empty
        }
        FeedState::Ready(_) => WidgetStatus::Ready,
    };
    {
        let onstatus = props.onstatus.clone();
        use_effect_with(status, move |status| onstatus.emit(status.clone()));
    }

    let content = match (feed.page(), &feed.state) {
        (Some(page), _) if page.article.is_some() || !page.sections.is_empty() => html! {
            <div class="nw-layout">
                if let Some(article) = &page.article {
                    <ArticleView article={article.clone()} {lang} target={config.target}
                        onnavigate={props.onnavigate.clone()} />
                }
                if !page.sections.is_empty() {
                    <Sidebar sections={page.sections.clone()} {lang}
                        interval_ms={config.interval_ms} target={config.target}
                        id_prefix={props.id_prefix.clone()}
                        onnavigate={props.onnavigate.clone()} />
                }
            </div>
        },
        (_, FeedState::Failed { message, .. }) => error_state(&ErrorStateProps {
            lang,
            message: message.clone(),
            onretry: feed.retry.clone(),
        }),
        (Some(_), _) => empty(&StateProps { lang }),
        (None, _) => loading(&StateProps { lang }),
    };
    let theme = format!("nw-root nw-theme-{}", config.theme.as_str());
    html! { <div class={theme} lang={lang.tag()} part="root">{ content }</div> }
}
