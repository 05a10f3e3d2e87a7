//! Feed reader benchmark: parse + normalise time for large synthetic feeds.
//!
//! `cargo bench --bench feed`. Prints one row per case with medians of several runs, and the
//! cost ratio between the 5,000- and 1,000-item feeds so linearity is visible (5.00 is
//! perfectly linear). The budget this serves: a 5,000-item feed and a 200 kB article parse
//! and render in ≤ 100 ms at 1× CPU.
//!
//! The "json" column is `serde_json::from_slice::<Value>` alone, the floor the reader is
//! built on. When it, too, grows faster than the item count, the extra cost is the memory
//! hierarchy and allocator (the heap outgrowing the caches), not the reader's algorithm.

use std::hint::black_box;
use std::time::{Duration, Instant};

use news_widget::feed::{normalise, parse_feed, read_page, ReadOptions};

const RUNS: usize = 9;

fn main() {
    let options = ReadOptions {
        base_url: Some("https://news.example/feeds/feed.json"),
        ..ReadOptions::default()
    };
    println!("feed reader (bench profile), median of {RUNS} runs, wall-clock ms\n");
    println!(
        "{:<20} {:>6} {:>9} {:>8} {:>8} {:>9} {:>8} {:>8} {:>6}",
        "case", "items", "bytes", "json", "parse", "normalise", "total", "µs/item", "MB/s"
    );
    let mut rows = Vec::new();
    for items in [1_000, 2_000, 5_000] {
        let bytes = many_items_feed(items);
        rows.push((
            items,
            row(&format!("{items} items"), items, &bytes, &options),
        ));
    }
    // What the widget does: the sidebar shows a handful of headlines, not 5,000.
    let capped = ReadOptions {
        max_headlines: Some(20),
        ..options
    };
    row(
        "5000 items, cap 20",
        5_000,
        &many_items_feed(5_000),
        &capped,
    );
    let article = single_article_feed(200 * 1024);
    row("200 kB content_html", 1, &article, &options);
    // The same items as RSS 2.0, as CMSs write it (scripts/bench.mjs serves the same shape to
    // the browser); the "json" column is then serde_json reading the JSON Feed of as many
    // items, for scale.
    for items in [1_000, 2_500, 5_000] {
        let json = many_items_feed(items);
        let rss = many_items_rss(items);
        row_with_floor(&format!("RSS {items} items"), items, &rss, &json, &options);
    }

    let ratio = |pick: fn(&Row) -> Duration| {
        let cost = |n: usize| {
            rows.iter()
                .find(|(items, _)| *items == n)
                .map_or(f64::NAN, |(_, row)| pick(row).as_secs_f64())
        };
        cost(5_000) / cost(1_000)
    };
    println!(
        "\ncost(5000) / cost(1000) = {:.2} for parse + normalise, {:.2} for serde_json alone (5.00 is linear)",
        ratio(|row| row.total),
        ratio(|row| row.json),
    );
}

struct Row {
    json: Duration,
    total: Duration,
}

/// Times one feed and prints its row.
fn row(label: &str, items: usize, bytes: &[u8], options: &ReadOptions) -> Row {
    row_with_floor(label, items, bytes, bytes, options)
}

/// [`row`], with the "json" column timed on `json` (the same items as JSON Feed).
fn row_with_floor(
    label: &str,
    items: usize,
    bytes: &[u8],
    json: &[u8],
    options: &ReadOptions,
) -> Row {
    let json = median(|| {
        black_box(serde_json::from_slice::<serde_json::Value>(black_box(json)).expect("JSON"));
    });
    let parse = median(|| {
        black_box(parse_feed(black_box(bytes)).expect("synthetic feed parses"));
    });
    let feed = parse_feed(bytes).expect("synthetic feed parses");
    assert!(normalise(&feed, options).article.is_some());
    let normalise_only = median(|| {
        black_box(normalise(black_box(&feed), options));
    });
    drop(feed);
    let total = median(|| {
        black_box(read_page(black_box(bytes), options).expect("synthetic feed reads"));
    });
    let ms = |d: Duration| format!("{:.2}", d.as_secs_f64() * 1e3);
    println!(
        "{label:<20} {items:>6} {:>9} {:>8} {:>8} {:>9} {:>8} {:>8.2} {:>6.0}",
        bytes.len(),
        ms(json),
        ms(parse),
        ms(normalise_only),
        ms(total),
        total.as_secs_f64() * 1e6 / items as f64,
        bytes.len() as f64 / total.as_secs_f64() / 1e6,
    );
    Row { json, total }
}

fn median(mut run: impl FnMut()) -> Duration {
    run(); // warm caches and the allocator
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

/// A news-like feed: entity-laden titles, a few paragraphs of HTML, authors, tags, RFC 3339
/// dates, relative URLs; every tenth item untitled so fallback titles are exercised too.
fn many_items_feed(items: usize) -> Vec<u8> {
    let entries: Vec<serde_json::Value> = (0..items)
        .map(|i| {
            let mut item = serde_json::json!({
                "id": format!("https://news.example/{i}"),
                "url": format!("/articles/{i}.html"),
                "content_html": format!(
                    "<p>第{i}条：浙江丽水探路山区发展&ldquo;新赛道&rdquo;，<a href=\"/x/{i}\">详情</a>。</p>\
                     <p>Paragraph two with <b>bold</b> &amp; <i>italic</i> text, and an image \
                     <img src=\"/img/{i}.jpg\" alt=\"\">.</p><script>track({i})</script>"
                ),
                "summary": format!("Summary of item {i} &mdash; short."),
                "date_published": format!("2025-03-{:02}T13:20:05+08:00", i % 28 + 1),
                "authors": [{"name": "中国新闻网"}],
                "tags": ["浙江", "丽水"],
            });
            if i % 10 != 0 {
                item["title"] = format!("Headline {i}: Don&#8217;t panic &amp; carry on").into();
            }
            item
        })
        .collect();
    serde_json::to_vec(&serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Bench &amp; Co",
        "language": "zh-CN",
        "items": entries,
    }))
    .expect("serialises")
}

/// One item whose `content_html` is about `size` bytes of mixed markup.
fn single_article_feed(size: usize) -> Vec<u8> {
    let chunk = "<h2>改革筑基：section heading</h2><p>Body text with &ldquo;quotes&rdquo;, \
                 <a href=\"https://example.org/\">a link</a>, &#8217;entities&#8217; and \
                 <em>emphasis</em>.</p><figure><img src=\"/a.jpg\"><figcaption>Caption</figcaption>\
                 </figure><ul><li>one</li><li>two</li></ul><!-- comment --><style>p{}</style>\n";
    let html = chunk.repeat(size / chunk.len() + 1);
    serde_json::to_vec(&serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Long read",
        "items": [{"id": "1", "title": "A 200 kB article", "content_html": html}],
    }))
    .expect("serialises")
}

/// [`many_items_feed`]'s items as RSS 2.0: the body escaped in `description` and again in
/// CDATA in `content:encoded`, RFC 822 dates, `dc:creator`, categories, relative links.
fn many_items_rss(items: usize) -> Vec<u8> {
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" \
         xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Bench &amp;amp; Co</title>\
         <link>https://news.example/</link><language>zh-CN</language>\n",
    );
    for i in 0..items {
        let day = i % 28 + 1;
        let body = format!(
            "<p>第{i}条：浙江丽水探路山区发展&ldquo;新赛道&rdquo;，<a href=\"/x/{i}\">详情</a>。</p>\
             <p>Paragraph two with <b>bold</b> &amp; <i>italic</i> text.</p><script>track({i})</script>"
        );
        let title = if i % 10 != 0 {
            format!("<title>Headline {i}: Don&amp;#8217;t panic &amp;amp; carry on</title>")
        } else {
            String::new()
        };
        out.push_str(&format!(
            "<item>{title}<link>/articles/{i}.html</link>\
             <guid isPermaLink=\"false\">https://news.example/{i}</guid>\
             <pubDate>{}, {day:02} Mar 2025 13:20:05 +0800</pubDate>\
             <dc:creator>中国新闻网</dc:creator><category>浙江</category><category>丽水</category>\
             <description>{}</description><content:encoded><![CDATA[{body}]]></content:encoded></item>\n",
            days[(day + 5) % 7],
            escape(&body),
        ));
    }
    out.push_str("</channel></rss>\n");
    out.into_bytes()
}
