//! The article: headline, time and source line, body blocks, tags.

use yew::prelude::*;

use crate::components::article_body::ArticleBody;
use crate::components::navigate::{navigate_on_click, NavigateRequest};
use crate::components::rich_text::BodyContext;
use crate::config::LinkTarget;
use crate::i18n::Lang;
use crate::timestamp::Timestamp;
use crate::view_model::Article;

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub article: Article,
    pub lang: Lang,
    /// Where body links open (the partner's `target` attribute).
    #[prop_or_default]
    pub target: LinkTarget,
    pub onnavigate: Callback<NavigateRequest, bool>,
    /// A long body is rendered a screenful first, the rest in later tasks
    /// (`article_body`); off for server renders and take-overs.
    #[prop_or_default]
    pub progressive: bool,
}

#[function_component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let article = &props.article;
    let strings = props.lang.strings();
    let time = article.published.map(|t| t.wall_clock());
    let meta = strings.meta_line(time.as_deref(), article.source.as_deref());
    let body = BodyContext {
        lang: props.lang,
        target: props.target,
        onnavigate: props.onnavigate.clone(),
    };
    html! {
        <article class="nw-article" part="article" lang={article.language.clone()}>
            <h1 class="nw-headline" part="headline" tabindex="-1">
                if let Some(url) = &article.url {
                    <a href={url.clone()} onclick={navigate_on_click(&props.onnavigate, url, &article.title)}>{ &article.title }</a>
                } else {
                    { &article.title }
                }
            </h1>
            if !meta.is_empty() {
                <p class="nw-meta" part="meta">
                    if let Some(time) = meta.time {
                        <span>{ time.label }<time datetime={article.published.map(|t| datetime(&t))}>{ time.value }</time></span>
                    }
                    if let Some(source) = meta.source {
                        <span>{ source.label }{ source.value }</span>
                    }
                </p>
            }
            <ArticleBody blocks={article.blocks.clone()} ctx={body} progressive={props.progressive} />
            if !article.tags.is_empty() {
                <ul class="nw-tags" part="tags" aria-label={strings.tags.trim_end_matches([':', ' '])}>
                    { for article.tags.iter().map(|tag| html! { <li>{ tag }</li> }) }
                </ul>
            }
        </article>
    }
}

/// The `datetime` attribute: ISO 8601 with the publisher's offset when known.
pub(crate) fn datetime(t: &Timestamp) -> String {
    let date = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        t.year, t.month, t.day, t.hour, t.minute, t.second
    );
    match t.offset_minutes {
        Some(0) => date + "Z",
        Some(m) => format!(
            "{date}{}{:02}:{:02}",
            if m < 0 { '-' } else { '+' },
            m.unsigned_abs() / 60,
            m.unsigned_abs() % 60
        ),
        None => date,
    }
}
