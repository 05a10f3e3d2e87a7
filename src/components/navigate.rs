//! Following a link the widget shows (a headline, the article's title, a body link): the
//! host page is asked first, through the cancelable `news-widget:navigate` event.

use yew::prelude::*;

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
