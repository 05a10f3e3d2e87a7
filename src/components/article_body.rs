//! The article's body, rendered a screenful first and the rest in later tasks.
//!
//! A 200 kB article is about 3,000 blocks; rendered in one go it is one long task of the
//! host page (≈ 60 ms of Yew and DOM work at 1× CPU in Chromium, `make bench`). A client
//! render shows the first [`FIRST_BLOCKS`] at once (the `ready` state comes with them) and
//! adds [`STEP_BLOCKS`] more in each following task, on a timer the component owns. Blocks
//! go in as chunks (`div.nw-chunk`, [`CHUNK`] blocks each) whose props compare by pointer, so
//! each step renders only the new chunks. A server render and a take-over of a pre-rendered widget render everything at
//! once: the first has no later tasks, the second must not remove what the reader sees.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::components::rich_text::{blocks, BodyContext};
use crate::view_model::Block;

/// Blocks in the first render: more than a tall screen holds.
pub const FIRST_BLOCKS: usize = 24;
/// Blocks added per later task.
pub const STEP_BLOCKS: usize = 240;
/// Blocks per chunk component (a divisor of both numbers above).
pub const CHUNK: usize = 24;

/// How many blocks the next render shows, given how many the last one showed.
pub fn next_shown(shown: usize, total: usize) -> usize {
    shown.saturating_add(STEP_BLOCKS).min(total)
}

#[derive(Properties, PartialEq)]
pub struct ArticleBodyProps {
    pub blocks: Vec<Block>,
    pub ctx: BodyContext,
    /// Render in steps (a client render of its own); `false` renders every block at once.
    pub progressive: bool,
}

#[function_component]
pub fn ArticleBody(props: &ArticleBodyProps) -> Html {
    let total = props.blocks.len();
    // Shared by the chunks, and the same `Rc` while these props are: Yew keeps a component's
    // props (and so their buffer) when the parent passes equal ones, so the buffer's address
    // tells new blocks apart without comparing or cloning 3,000 of them on every step.
    let all = use_memo((props.blocks.as_ptr() as usize, total), |_| {
        props.blocks.clone()
    });
    let shown = use_state(|| {
        if props.progressive {
            FIRST_BLOCKS.min(total)
        } else {
            total
        }
    });
    let visible = (*shown).min(total);
    {
        let shown = shown.clone();
        use_effect_with((visible, total), move |&(visible, total)| {
            // Dropped (cancelled) on unmount or before the next step is scheduled.
            let step = (visible < total)
                .then(|| Timeout::new(0, move || shown.set(next_shown(visible, total))));
            move || drop(step)
        });
    }
    html! {
        <div class="nw-body" part="body">
            { for (0..visible).step_by(CHUNK).map(|start| html! {
                <BodyChunk key={start} blocks={all.clone()} {start}
                    end={(start + CHUNK).min(visible)} ctx={props.ctx.clone()}
                    lazy={props.progressive} />
            }) }
        </div>
    }
}

#[derive(Properties)]
struct BodyChunkProps {
    blocks: Rc<Vec<Block>>,
    start: usize,
    end: usize,
    ctx: BodyContext,
    /// Off-screen, skip style, layout and paint (`nw-lazy`): client renders only. A server
    /// render and a take-over lay out every chunk, so the take-over cannot swap a laid-out
    /// chunk for a placeholder of another height.
    lazy: bool,
}

impl PartialEq for BodyChunkProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.blocks, &other.blocks)
            && (self.start, self.end, self.lazy) == (other.start, other.end, other.lazy)
            && self.ctx == other.ctx
    }
}

/// A chunk is a box of its own, so the stylesheet can skip the style, layout and paint of
/// every lazy chunk away from the viewport (`content-visibility`) as one unit: per block, each
/// step would restyle all the blocks before it.
#[function_component]
fn BodyChunk(props: &BodyChunkProps) -> Html {
    html! {
        <div class={classes!("nw-chunk", props.lazy.then_some("nw-lazy"))}>
            { blocks(&props.blocks[props.start..props.end], &props.ctx) }
        </div>
    }
}
