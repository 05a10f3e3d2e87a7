//! Browser tests of the rotating sidebar's wiring (the state machine itself is proven on the
//! host in tests/rotation.rs): timer, hover, focus, button, reduced motion, unmount.
#![cfg(target_arch = "wasm32")]

mod web;

use news_widget::config::Config;
use news_widget::hooks::use_rotation::{live_timers, timer_fires};
use wasm_bindgen_test::*;
use web::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Short enough to keep the suite quick; the shipped minimum (2 s) is a configuration rule.
const FAST_MS: u32 = 80;

fn fast_config() -> Config {
    Config {
        feed: feed_url(DEFAULT_FEED),
        interval_ms: FAST_MS,
        ..Config::default()
    }
}

async fn rotating_widget() -> Widget {
    let widget = mount_with(fast_config()).await;
    widget.wait_for_text("h1").await;
    widget
}

#[wasm_bindgen_test]
async fn every_headline_of_the_default_feed_is_in_the_dom_in_order() {
    let widget = rotating_widget().await;
    let titles = widget.all_text(".nw-item-title");
    assert_eq!(
        titles.len(),
        20,
        "16 生活指南 + 4 民生 headlines: {titles:?}"
    );
    assert_eq!(titles[0], "焦点访谈·足迹丨思路更新 市场广阔");
    assert_eq!(titles[19], "2024中国—东盟电影文化周在广西南宁启幕");
    widget.unmount();
}

#[wasm_bindgen_test]
async fn headlines_advance_on_the_timer() {
    let widget = rotating_widget().await;
    let first = widget.visible_slide();
    assert!(first.ends_with(" / 4"), "four slides of 生活指南: {first}");
    widget
        .wait_until("the next slide", |w| w.visible_slide() != first)
        .await;
    assert_eq!(
        widget.live_region(),
        "off",
        "aria-live must be off while rotating"
    );
    widget.unmount();
}

#[wasm_bindgen_test]
async fn hovering_pauses_and_leaving_resumes() {
    let widget = rotating_widget().await;
    widget.pointer("pointerenter").await;
    widget
        .wait_until("no rotation timer", |_| live_timers() == 0)
        .await;
    assert_eq!(
        widget.toggle_label(),
        "暂停轮播",
        "hover is a pause, not a stop"
    );
    widget.pointer("pointerleave").await;
    widget
        .wait_until("the timer again", |_| live_timers() == 1)
        .await;
    widget.unmount();
}

#[wasm_bindgen_test]
async fn keyboard_focus_stops_rotation_for_good() {
    let widget = rotating_widget().await;
    widget.focus_toggle().await;
    widget
        .wait_until("a stop", |w| w.toggle_label() == "开始轮播")
        .await;
    widget.blur_all().await;
    let fires = timer_fires();
    assert_eq!(live_timers(), 0, "no timer after focus left");
    assert_eq!(widget.live_region(), "polite");
    assert_eq!(timer_fires(), fires);
    widget.unmount();
}

#[wasm_bindgen_test]
async fn the_button_stops_and_starts_rotation_and_says_what_it_will_do() {
    let widget = rotating_widget().await;
    assert_eq!(widget.toggle_label(), "暂停轮播");
    widget.press_toggle().await;
    widget
        .wait_until("a stop", |w| w.toggle_label() == "开始轮播")
        .await;
    assert_eq!(live_timers(), 0);
    let stopped_at = widget.visible_slide();
    widget.press_toggle().await;
    widget
        .wait_until("rotation again", |w| w.toggle_label() == "暂停轮播")
        .await;
    widget
        .wait_until("the next slide", |w| w.visible_slide() != stopped_at)
        .await;
    widget.unmount();
}

#[wasm_bindgen_test]
async fn reduced_motion_starts_stopped_and_follows_the_setting() {
    let motion = emulate_reduced_motion(true);
    let widget = rotating_widget().await;
    assert_eq!(
        widget.toggle_label(),
        "开始轮播",
        "reduced motion must start stopped"
    );
    assert_eq!(live_timers(), 0);
    motion.set(false);
    widget
        .wait_until("rotation after the setting is off", |w| {
            w.toggle_label() == "暂停轮播"
        })
        .await;
    motion.set(true);
    widget
        .wait_until("a stop when it is on again", |w| {
            w.toggle_label() == "开始轮播"
        })
        .await;
    widget.unmount();
    motion.restore();
}

#[wasm_bindgen_test]
async fn unmounting_leaves_no_timer_behind() {
    let widget = rotating_widget().await;
    widget
        .wait_until("a running timer", |_| live_timers() == 1)
        .await;
    widget.unmount();
    yew::scheduler::flush().await;
    assert_eq!(live_timers(), 0, "a rotation timer outlived its widget");
    let fires = timer_fires();
    // A negative can only be shown over time: three intervals pass with no callback.
    gloo_timers::future::sleep(std::time::Duration::from_millis(3 * FAST_MS as u64)).await;
    assert_eq!(timer_fires(), fires, "a timer fired after unmount");
}

#[wasm_bindgen_test]
async fn rotation_pauses_while_the_section_is_off_screen() {
    let widget = rotating_widget().await;
    widget
        .wait_until("a running timer", |_| live_timers() == 1)
        .await;
    widget.move_to("position:absolute;top:20000px;left:0;width:1000px");
    widget
        .wait_until("the pause off-screen", |_| live_timers() == 0)
        .await;
    assert_eq!(
        widget.toggle_label(),
        "暂停轮播",
        "off-screen is a pause, not a stop"
    );
    widget.move_to("position:absolute;top:0;left:0;width:1000px");
    widget
        .wait_until("rotation back on screen", |_| live_timers() == 1)
        .await;
    widget.unmount();
}
