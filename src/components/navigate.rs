//! Following a link the widget shows (a headline, the article's title, a body link): the
//! host page is asked first, through the cancelable `news-widget:navigate` event.

use yew::prelude::*;

use crate::config::LinkTarget;
use crate::view_model::Headline;

/// A reader chose a headline; the shell asks the host page whether to follow it.
#[derive(Clone, Debug, PartialEq)]
pub struct NavigateRequest {
    pub url: String,
    pub title: String,
}

/// A click handler that asks the host first; the host may cancel (the event is cancelable).
pub fn navigate_on_click(
    onnavigate: &Callback<NavigateRequest, bool>,
    url: &str,
    title: &str,
) -> Callback<MouseEvent> {
    let request = NavigateRequest {
        url: url.to_owned(),
        title: title.to_owned(),
    };
    let onnavigate = onnavigate.clone();
    Callback::from(move |event: MouseEvent| {
        if !onnavigate.emit(request.clone()) {
            event.prevent_default();
        }
    })
}

/// A reader chose a headline whose story the feed carries: show it in the article pane.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadRequest {
    pub id: String,
    pub title: String,
    pub url: Option<String>,
}

/// A headline's title: a link (read in place when `onread` is given and the item has its
/// story, else asking the host before leaving), or plain text when it links nowhere.
pub fn headline_title(
    item: &Headline,
    target: LinkTarget,
    onnavigate: &Callback<NavigateRequest, bool>,
    onread: Option<&Callback<ReadRequest>>,
) -> Html {
    let new_tab = target == LinkTarget::NewTab;
    let read = onread.filter(|_| item.readable);
    let href = item
        .url
        .clone()
        .or_else(|| read.map(|_| ["#news-widget=", &item.id].concat()));
    let Some(href) = href else {
        return html! { <span class="nw-item-title" dir="auto">{ &item.title }</span> };
    };
    let onclick = match read {
        Some(onread) => read_on_click(onread, item),
        None => navigate_on_click(onnavigate, &href, &item.title),
    };
    html! {
        <a class="nw-item-title" dir="auto" {href} {onclick}
            target={(new_tab && read.is_none()).then_some("_blank")}
            rel={new_tab.then_some("noopener noreferrer")}>{ &item.title }</a>
    }
}

/// A plain click reads the story in place; a click with a modifier or another button keeps
/// the browser's own meaning (a new tab or window for the original's URL).
fn read_on_click(onread: &Callback<ReadRequest>, item: &Headline) -> Callback<MouseEvent> {
    let request = ReadRequest {
        id: item.id.clone(),
        title: item.title.clone(),
        url: item.url.clone(),
    };
    let onread = onread.clone();
    Callback::from(move |event: MouseEvent| {
        let modified = event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
        if modified || event.button() != 0 {
            return;
        }
        event.prevent_default();
        onread.emit(request.clone());
    })
}
