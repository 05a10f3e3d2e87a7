//! Yew components: the thin shell that turns the view model into DOM.

pub mod app;
pub mod article;
pub mod article_body;
pub mod figure;
pub mod headline_list;
pub mod headline_section;
pub mod navigate;
pub mod rich_text;
pub mod sidebar;
pub mod states;
