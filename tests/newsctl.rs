//! The feed validator command: clear verdicts and the exit status scripts rely on.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::process::Command;

fn validate(files: &[&std::path::Path]) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_validate-feed"))
        .args(files)
        .output()
        .expect("run validate-feed");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn the_default_feed_validates_with_what_the_widget_will_show() {
    let feed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("static/feed.json");
    let (ok, out) = validate(&[&feed]);
    assert!(ok, "{out}");
    assert!(out.contains("ok: article \"向新而行 浙江丽水探路山区发展“新赛道”\" (24 blocks), 2 section(s), 20 headline(s)"), "{out}");
}

#[test]
fn a_broken_feed_fails_with_the_reason_and_position() {
    let edge = common::shared_dir().join("corpus/edge");
    let truncated = edge.join("rsparser-allthis-partial-truncated.json");
    let skipped = edge.join("gofeed-issue355-items-trailing-null.json");
    let (ok, out) = validate(&[&skipped, &truncated]);
    assert!(!ok, "a file that cannot be shown must fail the run: {out}");
    assert!(
        out.contains("error: not JSON:") && out.contains("at line 1 column 12388"),
        "{out}"
    );
    assert!(
        out.contains("note: $.items[1] is null"),
        "skipped items are named: {out}"
    );
}
