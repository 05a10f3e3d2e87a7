//! The Content-Security-Policy lines a partner's page needs for one configuration
//! (README, "Content Security Policy"): the loader, glue and wasm come from the bundle's
//! origin, the stylesheet too (the loader fetches it and adopts it), the feed from its own
//! origin, and the images from wherever the feed points.

use crate::view_model::{Block, Image, Inline, Page};

/// `scheme://host[:port]` of an absolute `http(s)` URL, lowercased as browsers compare
/// origins; `None` for anything else (a relative URL is the page's own origin).
pub fn origin(url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    // Credentials are not part of an origin.
    let host = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    if host.is_empty() {
        return None;
    }
    let host = host.to_ascii_lowercase();
    let default_port = if scheme == "https" { ":443" } else { ":80" };
    let host = host.strip_suffix(default_port).unwrap_or(&host);
    Some(format!("{scheme}://{host}"))
}

/// Every image URL the widget may load for `page` (figures, images in running text, and
/// their `srcset` candidates), in reading order.
pub fn image_urls(page: &Page) -> Vec<String> {
    let mut urls = Vec::new();
    if let Some(article) = &page.article {
        blocks(&article.blocks, &mut urls);
    }
    urls
}

fn blocks(blocks: &[Block], urls: &mut Vec<String>) {
    for block in blocks {
        match block {
            Block::Paragraph(content)
            | Block::Heading { content, .. }
            | Block::Preformatted(content) => inlines(content, urls),
            Block::List(list) => {
                for item in &list.items {
                    self::blocks(&item.blocks, urls);
                }
            }
            Block::Quote(inner) => self::blocks(inner, urls),
            Block::Figure(figure) => {
                image(&figure.image, urls);
                inlines(&figure.caption, urls);
            }
            Block::Table(table) => {
                inlines(&table.caption, urls);
                for cell in table.head.iter().chain(&table.body).flatten() {
                    inlines(&cell.content, urls);
                }
            }
            Block::Rule => {}
        }
    }
}

fn inlines(content: &[Inline], urls: &mut Vec<String>) {
    for inline in content {
        match inline {
            Inline::Styled(_, inner) | Inline::Link { content: inner, .. } => inlines(inner, urls),
            Inline::Image(img) => image(img, urls),
            Inline::Text(_) | Inline::LineBreak => {}
        }
    }
}

fn image(image: &Image, urls: &mut Vec<String>) {
    urls.extend(image.src.iter().cloned());
    if let Some(srcset) = &image.srcset {
        // Candidates are "url descriptor" joined by ", " (see `Image::srcset`).
        for candidate in srcset.split(", ") {
            if let Some(url) = candidate.split_whitespace().next() {
                urls.push(url.to_owned());
            }
        }
    }
}

/// The policy lines, one directive each: `bundle` and `feed` are absolute URLs; `images`
/// are the feed's image URLs (already resolved against the feed). An origin that cannot be
/// told (a relative URL) is the page's own, `'self'`. With no images, `img-src` is left to
/// the page.
pub fn csp_lines(bundle: &str, feed: &str, images: &[String]) -> Vec<String> {
    let of = |url: &str| origin(url).unwrap_or_else(|| "'self'".to_owned());
    let bundle = of(bundle);
    let mut connect = vec![bundle.clone()];
    push_new(&mut connect, of(feed));
    let mut image_origins = Vec::new();
    for url in images {
        push_new(&mut image_origins, of(url));
    }
    let mut lines = vec![
        format!("script-src {bundle} 'wasm-unsafe-eval';"),
        format!("style-src {bundle};"),
        format!("connect-src {};", connect.join(" ")),
    ];
    if !image_origins.is_empty() {
        lines.push(format!("img-src {};", image_origins.join(" ")));
    }
    lines
}

fn push_new(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}
