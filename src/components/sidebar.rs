//! The sidebar: one rotating headline section per feed section.

use yew::prelude::*;

use crate::components::headline_section::HeadlineSection;
use crate::components::navigate::{NavigateRequest, ReadRequest};
use crate::config::LinkTarget;
use crate::i18n::Lang;
use crate::rotation::section_keys;
use crate::view_model::Section;

#[derive(Properties, PartialEq)]
pub struct SidebarProps {
    pub sections: Vec<Section>,
    pub lang: Lang,
    pub interval_ms: u32,
    pub target: LinkTarget,
    /// Unique per widget instance, so ARIA ids never collide between instances.
    pub id_prefix: AttrValue,
    pub onnavigate: Callback<NavigateRequest, bool>,
    #[prop_or_default]
    pub onread: Option<Callback<ReadRequest>>,
}

#[function_component]
pub fn Sidebar(props: &SidebarProps) -> Html {
    // Keyed by title, so a section keeps its rotation state across feed updates.
    let keys = section_keys(props.sections.iter().map(|s| s.title.as_str()));
    html! {
        <aside class="nw-sidebar" part="sidebar" aria-label={props.lang.strings().sidebar}>
            { for props.sections.iter().zip(keys).enumerate().map(|(i, (section, key))| html! {
                <HeadlineSection
                    {key}
                    section={section.clone()}
                    lang={props.lang}
                    interval_ms={props.interval_ms}
                    target={props.target}
                    id={format!("{}-s{i}", props.id_prefix)}
                    onnavigate={props.onnavigate.clone()}
                    onread={props.onread.clone()} />
            }) }
        </aside>
    }
}
