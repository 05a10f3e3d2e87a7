#![cfg(not(target_arch = "wasm32"))]
//! Real feeds with HTML bodies (Hypercritical, Daring Fireball, Rosemary Orchard): their
//! links (resolved, absolute), lists, emphasis and images survive the allow-list.
//!
//! Counts are checked against the publisher's markup, read here with a deliberately naive
//! scan (these feeds are well-formed), so a construct the model builder loses shows up as a
//! difference.

mod common;

use common::model_markup::{blocks_markup, model_strings};
use news_widget::feed::{parse_feed, read_page, ReadOptions};
use news_widget::view_model::{Article, Block, Inline, Style};

const HYPERCRITICAL: &str = "jsonfeednet-hypercritical-v1-big.json";
const DARING_FIREBALL: &str = "jsonfeednet-daringfireball-v1.1-authors.json";
const ROSE: &str = "rsparser-rose-v1-big-html-and-text.json";

fn corpus_bytes(name: &str) -> Vec<u8> {
    common::corpus_files("valid")
        .into_iter()
        .find(|(file, _)| file == name)
        .unwrap_or_else(|| panic!("corpus file {name} is missing"))
        .1
}

/// Every item of a feed shown as the article, with the content_html it came from.
fn articles(name: &str) -> Vec<(Article, String)> {
    let bytes = corpus_bytes(name);
    let feed = parse_feed(&bytes).expect("parses");
    feed.items
        .iter()
        .filter_map(|item| {
            let html = item.content_html.clone()?;
            let options = ReadOptions {
                article_id: Some(&item.id),
                ..ReadOptions::default()
            };
            let page = read_page(&bytes, &options).expect("reads");
            Some((page.article.expect("article"), html))
        })
        .collect()
}

/// What the model holds, counted.
#[derive(Debug, Default, PartialEq)]
struct Counts {
    links: usize,
    list_items: usize,
    emphasis: usize,
    strong: usize,
    images: usize,
}

fn count_model(blocks: &[Block]) -> Counts {
    let mut counts = Counts::default();
    count_blocks(blocks, &mut counts);
    counts
}

fn count_blocks(blocks: &[Block], c: &mut Counts) {
    for block in blocks {
        match block {
            Block::Paragraph(content)
            | Block::Heading { content, .. }
            | Block::Preformatted(content) => count_inlines(content, c),
            Block::List(list) => {
                c.list_items += list.items.len();
                for item in &list.items {
                    count_blocks(&item.blocks, c);
                }
            }
            Block::Quote(blocks) => count_blocks(blocks, c),
            Block::Figure(figure) => {
                c.images += 1;
                c.links += usize::from(figure.link.is_some());
                count_inlines(&figure.caption, c);
            }
            Block::Table(table) => {
                count_inlines(&table.caption, c);
                for cell in table.head.iter().chain(&table.body).flatten() {
                    count_inlines(&cell.content, c);
                }
            }
            Block::Rule => {}
        }
    }
}

fn count_inlines(content: &[Inline], c: &mut Counts) {
    for inline in content {
        match inline {
            Inline::Text(_) | Inline::LineBreak => {}
            Inline::Styled(style, content) => {
                match style {
                    Style::Emphasis => c.emphasis += 1,
                    Style::Strong => c.strong += 1,
                    _ => {}
                }
                count_inlines(content, c);
            }
            Inline::Link { content, .. } => {
                c.links += 1;
                count_inlines(content, c);
            }
            Inline::Image(_) => c.images += 1,
        }
    }
}

/// How many elements named `name` the markup has, not counting empty ones (an icon font's
/// `<i class="fas fa-ban"></i>` shows nothing) and, for `a`, only those with an `href` the
/// policy accepts (Hypercritical has one typo, `href="ttp://…"`, which is rightly refused).
/// Naive: these feeds are well-formed and put no `<` or `>` in attribute values.
fn tags(html: &str, name: &str) -> usize {
    let lower = html.to_ascii_lowercase();
    let open = format!("<{name}");
    let close = format!("</{name}>");
    lower
        .match_indices(&open)
        .filter(|(at, _)| {
            let rest = &lower[at + open.len()..];
            let starts_tag = rest
                .bytes()
                .next()
                .is_some_and(|b| b == b'>' || b == b'/' || b.is_ascii_whitespace());
            let tag_end = rest.find('>').map_or(rest.len(), |end| end + 1);
            let empty = rest[tag_end..].starts_with(&close);
            let linkless = name == "a" && !has_usable_href(&rest[..tag_end]);
            starts_tag && !empty && !linkless
        })
        .count()
}

fn has_usable_href(attributes: &str) -> bool {
    let Some((_, value)) = attributes.split_once("href=") else {
        return false;
    };
    let value = value.trim_start_matches(['"', '\'']);
    let scheme = value
        .split_once(':')
        .map(|(s, _)| s)
        .filter(|s| s.bytes().all(|b| b.is_ascii_alphabetic()));
    matches!(scheme, None | Some("http" | "https" | "mailto"))
}

fn assert_urls_absolute(name: &str, article: &Article) {
    let strings = model_strings(&article.blocks);
    for link in &strings.links {
        assert!(
            link.starts_with("https://")
                || link.starts_with("http://")
                || link.starts_with("mailto:"),
            "{name} {}: link {link:?} not absolute",
            article.id
        );
    }
    for image in &strings.images {
        assert!(
            image.starts_with("https://") || image.starts_with("http://"),
            "{name} {}: image {image:?} not absolute",
            article.id
        );
    }
}

/// Links, list items, emphasis and images of every article, against the publisher's tags.
/// Returns the totals.
fn check_feed(name: &str) -> Counts {
    let mut total = Counts::default();
    for (article, html) in articles(name) {
        assert_urls_absolute(name, &article);
        let model = count_model(&article.blocks);
        let source = Counts {
            links: tags(&html, "a"),
            list_items: tags(&html, "li"),
            emphasis: tags(&html, "em") + tags(&html, "i") + tags(&html, "cite"),
            strong: tags(&html, "strong") + tags(&html, "b"),
            images: tags(&html, "img"),
        };
        assert_eq!(
            model,
            source,
            "{name} {}: model {}",
            article.id,
            blocks_markup(&article.blocks)
        );
        total.links += model.links;
        total.list_items += model.list_items;
        total.emphasis += model.emphasis;
        total.strong += model.strong;
        total.images += model.images;
    }
    total
}

#[test]
fn hypercritical_keeps_links_lists_emphasis_and_images() {
    let total = check_feed(HYPERCRITICAL);
    assert!(total.links > 300, "{total:?}");
    assert!(
        total.list_items > 50 && total.emphasis > 20 && total.images > 10,
        "{total:?}"
    );
}

#[test]
fn daring_fireball_keeps_links_lists_emphasis_and_images() {
    let total = check_feed(DARING_FIREBALL);
    assert!(total.links > 100, "{total:?}");
    assert!(
        total.list_items > 10 && total.emphasis > 20 && total.strong > 0,
        "{total:?}"
    );
}

#[test]
fn rose_keeps_links_lists_emphasis_images_and_tables() {
    let total = check_feed(ROSE);
    assert!(total.links > 100, "{total:?}");
    assert!(
        total.list_items > 50 && total.emphasis > 10 && total.strong > 10,
        "{total:?}"
    );
    assert!(total.images > 20, "{total:?}");
    let tables = articles(ROSE)
        .iter()
        .flat_map(|(article, _)| article.blocks.clone())
        .filter(|block| matches!(block, Block::Table(_)))
        .count();
    assert!(tables >= 1);
}

#[test]
fn hypercritical_last_guardian_opens_with_its_photo_and_linked_names() {
    let (article, _) = articles(HYPERCRITICAL)
        .into_iter()
        .find(|(a, _)| a.id.ends_with("the-last-guardian"))
        .expect("The Last Guardian");
    let markup = blocks_markup(&article.blocks);
    assert!(
        markup.starts_with(
            "<figure><img src=\"http://hypercritical.co/2016/12/18/images/trico1.jpg\" \
             alt=\"The Last Guardian\" width=640 height=360></figure>\
             <p><a href=\"https://en.wikipedia.org/wiki/Fumito_Ueda\">Fumito Ueda’s</a> first game, \
             <a href=\"https://en.wikipedia.org/wiki/Ico\">Ico</a>, was a beautiful, moody \
             <a href=\"http://arstechnica.com/gaming/2010/11/masterpiece-ico/\">masterpiece</a>."
        ),
        "{markup}"
    );
    assert!(markup.contains("<h2>"), "its sub-heading: {markup}");
}

#[test]
fn hypercritical_mistyped_scheme_keeps_its_text_unlinked() {
    let (article, html) = articles(HYPERCRITICAL)
        .into_iter()
        .find(|(a, _)| a.id.ends_with("mountain-lion"))
        .expect("Mountain Lion");
    assert!(html.contains(
        r#"<a href="ttp://arstechnica.com/subscriptions/">Ars Premier subscription</a>"#
    ));
    let markup = blocks_markup(&article.blocks);
    assert!(
        markup.contains("an Ars Premier subscription eliminates"),
        "{markup}"
    );
    // Its list is written with unclosed items and a nested list: the nesting is kept.
    assert!(
        markup.contains("<em>all</em> of these options:</p><ul><li><p>Read it on a single"),
        "{markup}"
    );
}

#[test]
fn daring_fireball_footnotes_and_quotes_survive() {
    let (article, _) = articles(DARING_FIREBALL)
        .into_iter()
        .find(|(a, _)| a.id.ends_with("apple_silicon_dtk_saga"))
        .expect("the DTK article");
    let markup = blocks_markup(&article.blocks);
    assert!(markup.contains("<blockquote><p>"), "{markup}");
    assert!(
        markup.contains(
            "<sup><a href=\"https://daringfireball.net/2021/02/apple_silicon_dtk_saga#fn"
        ),
        "footnote marks link into the original: {markup}"
    );
    assert!(markup.contains("<ol><li>"), "{markup}");
}

#[test]
fn rose_code_listing_keeps_its_lines() {
    let (article, _) = articles(ROSE)
        .into_iter()
        .find(|(a, _)| a.id == "automators-episode-1")
        .expect("automators-episode-1");
    let pre = article
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Preformatted(content) => {
                Some(blocks_markup(&[Block::Preformatted(content.clone())]))
            }
            _ => None,
        })
        .expect("a code listing");
    assert!(pre.contains('\n'), "{pre}");
}
