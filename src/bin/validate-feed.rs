//! `cargo run --bin validate-feed -- FILE…`: checks feeds the way the widget reads them and
//! says, for each file, what the widget will show, what it skipped and why, or why it cannot
//! show anything. Exits non-zero if any file cannot be shown.

use std::process::ExitCode;

use news_widget::feed::{normalise, parse_feed, ReadOptions};

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: validate-feed FEED.json…");
        return ExitCode::from(2);
    }
    let mut failed = false;
    for file in &files {
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(e) => {
                println!("{file}: cannot read: {e}");
                failed = true;
                continue;
            }
        };
        match parse_feed(&bytes) {
            Err(e) => {
                println!("{file}: error: {e}");
                failed = true;
            }
            Ok(feed) => {
                let page = normalise(&feed, &ReadOptions::default());
                let headlines: usize = page.sections.iter().map(|s| s.items.len()).sum();
                let article = page.article.as_ref().map_or("none".to_owned(), |a| {
                    format!("\"{}\" ({} blocks)", a.title, a.blocks.len())
                });
                println!(
                    "{file}: ok: article {article}, {} section(s), {headlines} headline(s)",
                    page.sections.len()
                );
                for note in &feed.notes {
                    println!("{file}: note: {note}");
                }
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
