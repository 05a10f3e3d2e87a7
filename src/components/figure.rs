//! A photo with its caption and credit. The box is reserved by width/height before the image
//! arrives, and a missing or broken image keeps its box and its caption.

use yew::prelude::*;

use crate::components::rich_text::{image_view, inlines, link, BodyContext};
use crate::view_model::{inline_text, Figure};

#[derive(Properties, PartialEq)]
pub struct FigureViewProps {
    pub figure: Figure,
    pub ctx: BodyContext,
}

#[function_component]
pub fn FigureView(props: &FigureViewProps) -> Html {
    let figure = &props.figure;
    let image = &figure.image;
    let broken = use_state_eq(|| false);
    let onerror = {
        let broken = broken.clone();
        Callback::from(move |_: Event| broken.set(true))
    };
    let has_source = image.src.is_some() || image.srcset.is_some();
    let shown = if has_source && !*broken {
        image_view(image, Some(onerror))
    } else {
        // A canvas of the image's size keeps the publisher's proportions without a style
        // attribute (which a strict CSP would refuse); without a size the box is 16:9.
        let sized = image.width.zip(image.height);
        html! {
            <div class={classes!("nw-img-missing", sized.is_some().then_some("nw-sized"))}
                role="img" aria-label={image.alt.clone()}>
                if let Some((width, height)) = sized {
                    <canvas width={width.to_string()} height={height.to_string()} aria-hidden="true" />
                }
                <span>{ props.ctx.lang.strings().image_unavailable }</span>
            </div>
        }
    };
    let shown = match &figure.link {
        Some(href) => {
            let title = Some(image.alt.clone())
                .filter(|alt| !alt.is_empty())
                .unwrap_or_else(|| inline_text(&figure.caption));
            link(href, &title, shown, &props.ctx)
        }
        None => shown,
    };
    html! {
        <figure class="nw-figure" part="figure">
            { shown }
            if !figure.caption.is_empty() || figure.credit.is_some() {
                <figcaption>
                    { inlines(&figure.caption, &props.ctx) }
                    if let Some(credit) = &figure.credit {
                        <small class="nw-credit">{ credit }</small>
                    }
                </figcaption>
            }
        </figure>
    }
}
