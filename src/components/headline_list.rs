//! The `list` layout: every section's headlines as a plain list, each with its time and,
//! where the feed gives one, a thumbnail. Nothing rotates: a list is for scanning.

use yew::prelude::*;

use crate::components::article::datetime;
use crate::components::navigate::{headline_title, NavigateRequest};
use crate::config::LinkTarget;
use crate::i18n::Lang;
use crate::view_model::{Headline, Section};

#[derive(Properties, PartialEq)]
pub struct HeadlineListProps {
    pub sections: Vec<Section>,
    pub lang: Lang,
    pub target: LinkTarget,
    pub id_prefix: AttrValue,
    pub onnavigate: Callback<NavigateRequest, bool>,
}

#[function_component]
pub fn HeadlineList(props: &HeadlineListProps) -> Html {
    html! {
        <div class="nw-lists" part="sidebar">
            { for props.sections.iter().enumerate().map(|(i, section)| {
                let title_id = format!("{}-l{i}", props.id_prefix);
                html! {
                    <section class="nw-section nw-list" part="section" aria-labelledby={title_id.clone()}>
                        <h2 class="nw-section-title" id={title_id} dir="auto">{ &section.title }</h2>
                        <ul>
                            { for section.items.iter().map(|item| entry(item, props)) }
                        </ul>
                    </section>
                }
            }) }
        </div>
    }
}

fn entry(item: &Headline, props: &HeadlineListProps) -> Html {
    html! {
        <li key={item.id.clone()} class="nw-entry">
            if let Some(src) = &item.thumbnail {
                // Decorative: the headline beside it says what the story is.
                <img class="nw-thumb" src={src.clone()} alt="" loading="lazy"
                    decoding="async" width="96" height="64" />
            }
            <div class="nw-entry-text">
                { headline_title(item, props.target, &props.onnavigate, None) }
                if let Some(t) = &item.published {
                    <time class="nw-entry-time" datetime={datetime(t)}>{ props.lang.format_time(t) }</time>
                }
            </div>
        </li>
    }
}
