//! A photo with its caption and credit. The box is reserved by width/height before the image
//! arrives, and a missing or broken image keeps its box and its caption.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::view_model::Figure;

#[derive(Properties, PartialEq)]
pub struct FigureViewProps {
    pub figure: Figure,
    pub lang: Lang,
}

#[function_component]
pub fn FigureView(props: &FigureViewProps) -> Html {
    let figure = &props.figure;
    let broken = use_state_eq(|| false);
    let onerror = {
        let broken = broken.clone();
        Callback::from(move |_: Event| broken.set(true))
    };
    let image = match (&figure.src, *broken) {
        (Some(src), false) => html! {
            <img src={src.clone()} alt={figure.alt.clone()}
                width={figure.width.to_string()} height={figure.height.to_string()}
                loading="lazy" decoding="async" referrerpolicy="no-referrer" {onerror} />
        },
        _ => html! {
            <div class="nw-img-missing" role="img" aria-label={figure.alt.clone()}>
                { props.lang.strings().image_unavailable }
            </div>
        },
    };
    html! {
        <figure class="nw-figure" part="figure">
            { image }
            if !figure.caption.is_empty() || figure.credit.is_some() {
                <figcaption>
                    { &figure.caption }
                    if let Some(credit) = &figure.credit {
                        <small class="nw-credit">{ credit }</small>
                    }
                </figcaption>
            }
        </figure>
    }
}
