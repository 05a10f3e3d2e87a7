//! Turning a [`Feed`] into the view model: choosing the article, building sections, reducing
//! every text to plain text and every URL to a safe one.

use std::collections::{HashMap, HashSet};

use super::document::{Author, BlockSpec, Feed, Item, SectionSpec};
use super::ReadOptions;
use crate::plain_text::{
    clean_line, excerpt, html_excerpt, html_to_line, text_excerpt, text_to_paragraphs,
};
use crate::rich_text::html_to_blocks;
use crate::script_language;
use crate::url_policy::{is_absolute_http, is_usable_base, safe_url};
use crate::view_model::{Article, Block, Figure, Headline, Image, Inline, Page, Section};

/// Untitled items get this much of their text as a headline.
const FALLBACK_TITLE_CHARS: usize = 80;
/// The extension's default figure box when the size is not given (16:9).
const DEFAULT_FIGURE: (u32, u32) = (640, 360);

/// Builds the page the components render. Never fails: every problem that leaves something
/// to show has been absorbed by [`parse_feed`](super::parse_feed).
///
/// The article is `options.article_id` if the feed has it, else the extension's `article`
/// if the feed has it, else the first item. Sections are the extension's (unknown ids
/// skipped, empty sections dropped), else one section titled with the feed title holding
/// every item but the article. `options.max_headlines` caps each section.
pub fn normalise(feed: &Feed, options: &ReadOptions) -> Page {
    let feed_title = html_to_line(&feed.title);
    let context = Context {
        feed,
        feed_title: &feed_title,
        link_base: link_base(feed, options),
        figure_base: options.base_url.filter(|base| is_usable_base(base)),
    };
    let by_id: HashMap<&str, &Item> = feed
        .items
        .iter()
        .map(|item| (item.id.as_str(), item))
        .collect();
    let find = |id: Option<&str>| id.and_then(|id| by_id.get(id).copied());
    let extension = feed.extension.as_ref();
    let article_item = find(options.article_id)
        .or_else(|| find(extension.and_then(|e| e.article.as_deref())))
        .or_else(|| feed.items.first());

    let cap = options.max_headlines.unwrap_or(usize::MAX);
    let sections = match extension.and_then(|e| e.sections.as_ref()) {
        Some(specs) => specs
            .iter()
            .filter_map(|spec| context.declared_section(spec, &by_id, cap))
            .collect(),
        None => context
            .default_section(
                article_item.map(|item| item.id.as_str()),
                options.every_item,
                cap,
            )
            .into_iter()
            .collect(),
    };
    Page {
        language: feed.language.as_deref().and_then(language_tag),
        article: article_item.map(|item| context.article(item)),
        feed_title,
        sections,
    }
}

/// What every item needs to know about its feed.
struct Context<'a> {
    feed: &'a Feed,
    feed_title: &'a str,
    /// Base for item links and images: where the feed came from, else its own absolute URLs.
    link_base: Option<&'a str>,
    /// Base for extension figures: only where the feed came from (the extension's rule).
    figure_base: Option<&'a str>,
}

/// The fetch URL (even a relative one: it is still where the feed lives), else the feed's
/// `feed_url`, else its `home_page_url`, when absolute.
fn link_base<'a>(feed: &'a Feed, options: &ReadOptions<'a>) -> Option<&'a str> {
    options
        .base_url
        .filter(|base| is_usable_base(base))
        .or_else(|| {
            [feed.feed_url.as_deref(), feed.home_page_url.as_deref()]
                .into_iter()
                .flatten()
                .find(|base| is_absolute_http(base))
        })
}

impl Context<'_> {
    fn article(&self, item: &Item) -> Article {
        let title = display_title(item);
        let blocks = self.article_blocks(item);
        let language = self
            .feed
            .language
            .as_deref()
            .and_then(language_tag)
            .or_else(|| {
                // The first blocks are enough to tell the script.
                let start = blocks.get(..blocks.len().min(8)).unwrap_or(&[]);
                let sample = format!("{title} {}", crate::rich_text::blocks_text(start));
                script_language::guess(&sample).map(str::to_string)
            });
        Article {
            id: item.id.clone(),
            title,
            url: self.item_url(item),
            published: item.date_published.or(item.date_modified),
            language,
            source: self.source(item),
            blocks,
            tags: tags(&item.tags),
        }
    }

    fn headline(&self, item: &Item, with_summary: bool) -> Headline {
        Headline {
            id: item.id.clone(),
            title: display_title(item),
            summary: with_summary
                .then(|| item.summary.as_deref().map(html_to_line))
                .flatten()
                .filter(|s| !s.is_empty()),
            url: self.item_url(item),
            published: item.date_published.or(item.date_modified),
            thumbnail: [&item.image, &item.banner_image]
                .into_iter()
                .find_map(|src| safe_url(src.as_deref()?, self.link_base)),
            readable: has_body(item),
        }
    }

    fn declared_section(
        &self,
        spec: &SectionSpec,
        by_id: &HashMap<&str, &Item>,
        cap: usize,
    ) -> Option<Section> {
        let mut seen = HashSet::new();
        let mut items = Vec::new();
        for id in &spec.items {
            if items.len() >= cap {
                break;
            }
            if let Some(item) = by_id.get(id.as_str()) {
                if seen.insert(item.id.as_str()) {
                    items.push(self.headline(item, spec.summaries));
                }
            }
        }
        if items.is_empty() {
            return None;
        }
        let title = clean_line(&spec.title);
        Some(Section {
            title: if title.is_empty() {
                self.feed_title.to_string()
            } else {
                title
            },
            show_summaries: spec.summaries,
            items,
        })
    }

    /// `options_keep_article`: the layout shows no article, so its item is a headline too.
    fn default_section(
        &self,
        article_id: Option<&str>,
        options_keep_article: bool,
        cap: usize,
    ) -> Option<Section> {
        let mut items = Vec::new();
        for item in &self.feed.items {
            if items.len() >= cap {
                break;
            }
            if options_keep_article || Some(item.id.as_str()) != article_id {
                items.push(self.headline(item, false));
            }
        }
        (!items.is_empty()).then(|| Section {
            title: self.feed_title.to_string(),
            show_summaries: false,
            items,
        })
    }

    /// `url`, else `external_url` (the spec's preference), whichever is safe.
    fn item_url(&self, item: &Item) -> Option<String> {
        let safe = |url: &Option<String>| safe_url(url.as_deref()?, self.link_base);
        safe(&item.url).or_else(|| safe(&item.external_url))
    }

    /// The extension's source, else the item's authors (which default to the feed's),
    /// else the feed title.
    fn source(&self, item: &Item) -> Option<String> {
        item.extension
            .as_ref()
            .and_then(|e| e.source.as_deref())
            .map(clean_line)
            .filter(|source| !source.is_empty())
            .or_else(|| author_names(&item.authors))
            .or_else(|| author_names(&self.feed.authors))
            .or_else(|| Some(self.feed_title.to_string()).filter(|t| !t.is_empty()))
    }

    /// The extension's blocks when it has any; else the item image followed by the first of
    /// `content_html`, `content_text` and `summary` that has text.
    ///
    /// Relative URLs in `content_html` resolve against its `xml:base` (RSS/Atom), else the
    /// item's URL, else the feed's.
    fn article_blocks(&self, item: &Item) -> Vec<Block> {
        let mut blocks = Vec::new();
        if let Some(specs) = item.extension.as_ref().and_then(|e| e.blocks.as_ref()) {
            for spec in specs {
                blocks.extend(self.block(spec));
            }
            if !blocks.is_empty() {
                return blocks;
            }
        }
        if let Some(src) = item
            .image
            .as_deref()
            .and_then(|src| safe_url(src, self.link_base))
        {
            blocks.push(Block::Figure(Figure {
                image: Image {
                    src: Some(src),
                    width: Some(DEFAULT_FIGURE.0),
                    height: Some(DEFAULT_FIGURE.1),
                    ..Image::default()
                },
                ..Figure::default()
            }));
        }
        let image_blocks = blocks.len();
        if let Some(html) = item.content_html.as_deref() {
            // An `xml:base` on the content is what its relative URLs mean (XML Base); else
            // the item's page, else the feed's.
            let content_base = item
                .content_base
                .as_deref()
                .and_then(|base| safe_url(base, self.link_base))
                .filter(|base| is_absolute_http(base));
            let item_url = content_base.or_else(|| self.item_url(item));
            let base = item_url.as_deref().or(self.link_base);
            blocks.extend(html_to_blocks(html, base));
        }
        if blocks.len() == image_blocks {
            if let Some(text) = item.content_text.as_deref() {
                blocks.extend(text_to_paragraphs(text).into_iter().map(Block::text));
            }
        }
        if blocks.len() == image_blocks {
            let summary = item
                .summary
                .as_deref()
                .map(html_to_line)
                .unwrap_or_default();
            if !summary.is_empty() {
                blocks.push(Block::text(summary));
            }
        }
        blocks
    }

    fn block(&self, spec: &BlockSpec) -> Option<Block> {
        // Extension text is plain text by contract: collapsed, never decoded or stripped.
        let text = |s: &str| Some(clean_line(s)).filter(|s| !s.is_empty());
        Some(match spec {
            BlockSpec::Paragraph(s) => Block::text(text(s)?),
            BlockSpec::Heading(s) => Block::Heading {
                level: 2,
                content: vec![Inline::Text(text(s)?)],
            },
            BlockSpec::Figure {
                src,
                width,
                height,
                alt,
                caption,
                credit,
            } => {
                let (width, height) = figure_size(*width, *height);
                let caption = clean_line(caption);
                Block::Figure(Figure {
                    image: Image {
                        // An unsafe or missing src keeps the box and caption.
                        src: src.as_deref().and_then(|s| safe_url(s, self.figure_base)),
                        srcset: None,
                        width: Some(width),
                        height: Some(height),
                        alt: clean_line(alt),
                    },
                    link: None,
                    caption: if caption.is_empty() {
                        Vec::new()
                    } else {
                        vec![Inline::Text(caption)]
                    },
                    credit: credit.as_deref().and_then(text),
                })
            }
        })
    }
}

/// Whether the item carries a story to read in place, not just a headline and a summary.
fn has_body(item: &Item) -> bool {
    let text = |s: &Option<String>| s.as_deref().is_some_and(|s| !s.trim().is_empty());
    item.extension
        .as_ref()
        .and_then(|e| e.blocks.as_ref())
        .is_some_and(|blocks| !blocks.is_empty())
        || text(&item.content_html)
        || text(&item.content_text)
}

/// The given size; one side alone keeps 16:9; neither gives the default box.
fn figure_size(width: Option<u32>, height: Option<u32>) -> (u32, u32) {
    let scale = |n: u32, num: u64, den: u64| {
        u32::try_from((u64::from(n) * num / den).max(1)).unwrap_or(u32::MAX)
    };
    match (width, height) {
        (Some(w), Some(h)) => (w, h),
        (Some(w), None) => (w, scale(w, 9, 16)),
        (None, Some(h)) => (scale(h, 16, 9), h),
        (None, None) => DEFAULT_FIGURE,
    }
}

/// A headline is never empty: the title as plain text, else the start of the item's text,
/// else its id.
pub(super) fn display_title(item: &Item) -> String {
    let title = item.title.as_deref().map(html_to_line).unwrap_or_default();
    if !title.is_empty() {
        return title;
    }
    // In order, stopping at the first with text: each may be long, so none is read early.
    let from_text = item
        .summary
        .as_deref()
        .map(|s| html_excerpt(s, FALLBACK_TITLE_CHARS))
        .filter(|s| !s.is_empty())
        .or_else(|| {
            item.content_text
                .as_deref()
                .map(|s| text_excerpt(s, FALLBACK_TITLE_CHARS))
                .filter(|s| !s.is_empty())
        })
        .or_else(|| {
            item.content_html
                .as_deref()
                .map(|s| html_excerpt(s, FALLBACK_TITLE_CHARS))
                .filter(|s| !s.is_empty())
        });
    from_text.unwrap_or_else(|| {
        let id = clean_line(&item.id);
        if id.is_empty() {
            // Only an id of control characters gets here.
            "—".to_string()
        } else {
            excerpt(&id, FALLBACK_TITLE_CHARS)
        }
    })
}

fn author_names(authors: &[Author]) -> Option<String> {
    let mut names: Vec<String> = Vec::new();
    for name in authors.iter().filter_map(|a| a.name.as_deref()) {
        let name = html_to_line(name);
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    (!names.is_empty()).then(|| names.join(", "))
}

fn tags(written: &[String]) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in written {
        let tag = html_to_line(tag);
        if !tag.is_empty() && !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

/// A BCP 47-shaped tag for a `lang` attribute, or `None` for anything else.
fn language_tag(written: &str) -> Option<String> {
    let tag = written.trim();
    let shaped = !tag.is_empty()
        && tag.len() <= 35
        && tag
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    shaped.then(|| tag.replace('_', "-"))
}
