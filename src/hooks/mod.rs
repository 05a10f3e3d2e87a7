//! Hooks: effects that connect components to the browser. Every listener, observer and
//! timer here is owned by its effect and released when the component unmounts.

pub mod use_feed;
pub mod use_media_query;
pub mod use_on_screen;
pub mod use_page_visibility;
pub mod use_rotation;
