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
    let time = article.published.map(|t| props.lang.format_time(&t));
    let meta = strings.meta_line(time.as_deref(), article.source.as_deref());
    let body = BodyContext {
        lang: props.lang,
        target: props.target,
        onnavigate: props.onnavigate.clone(),
    };
    // The article's own direction, from its language: an Arabic story in an English
    // widget reads right to left, a French one in an Arabic widget left to right. The meta
    // line is the widget's words, so it keeps the widget's language and direction.
    // A story of unknown language takes its direction from its first strong letter.
    let dir = article
        .language
        .as_deref()
        .and_then(crate::i18n::dir_of)
        .unwrap_or("auto");
    let ui = props.lang.tag();
    let (meta_lang, meta_dir) = match article.language.as_deref() {
        Some(tag) if tag != ui => (Some(ui), Some(props.lang.dir())),
        _ => (None, None),
    };
    html! {
        <article class="nw-article" part="article" lang={article.language.clone()} {dir}>
            <h1 class="nw-headline" part="headline" tabindex="-1">
                if let Some(url) = &article.url {
                    <a href={url.clone()} onclick={navigate_on_click(&props.onnavigate, url, &article.title)}>{ &article.title }</a>
                } else {
                    { &article.title }
                }
            </h1>
            if !meta.is_empty() {
                <p class="nw-meta" part="meta" lang={meta_lang} dir={meta_dir}>
                    if let Some(time) = meta.time {
                        <span>{ time.label }<time datetime={article.published.map(|t| datetime(&t))}>{ time.value }</time></span>
                    }
                    if let Some(source) = meta.source {
                        <span>{ source.label }
                            // Isolated where the source's direction may differ from the line's.
                            if meta_dir.is_some() { <bdi>{ source.value }</bdi> } else { { source.value } }
                        </span>
                    }
                </p>
            }
            <ArticleBody blocks={article.blocks.clone()} ctx={body} progressive={props.progressive} />
            if !article.tags.is_empty() {
                <ul class="nw-tags" part="tags" aria-label={strings.tags_name()}>
                    { for article.tags.iter().map(|tag| html! { <li dir="auto">{ tag }</li> }) }
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
