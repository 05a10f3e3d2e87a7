//! Atom 1.0 (and the older 0.3, which differs in names only) into a [`Feed`].
//!
//! Text constructs follow their `type` exactly: `text` is plain text (a `<` in it is a
//! `<`), `html` is escaped or CDATA HTML, `xhtml` is the markup inside its `<div>`. The
//! entry's link is its `alternate` link; `related` (Daring Fireball's permalink beside an
//! off-site `alternate`) becomes the external URL.

use super::super::document::{Author, Feed, Item, Version};
use super::super::error::FeedError;
use super::super::notes::Notes;
use super::items::{
    attachment, base_in, content_id, date, drop_repeated_ids, is_image, link, media_image, present,
    ItemPath,
};
use super::rss::media_description;
use super::text::text_as_html;
use super::tree::{Element, Ns};

/// What a text construct holds.
enum Text {
    Html(String),
    Plain(String),
}

impl Text {
    /// As HTML, for fields the rest of the reader reads as HTML (titles, summaries).
    fn into_html(self) -> String {
        match self {
            Text::Html(html) => html,
            Text::Plain(text) => text_as_html(&text),
        }
    }
}

pub(super) fn read(root: &Element, notes: &mut Notes) -> Result<Feed, FeedError> {
    // The namespace the root is in: Atom's, or none when the publisher left it out.
    let ns = root.ns;
    let base = base_in(root, None);
    let language = root.attr_in(Ns::Xml, "lang").map(|l| l.trim().to_owned());
    let chinese = language
        .as_deref()
        .is_some_and(|l| l.to_ascii_lowercase().starts_with("zh"));
    let mut items: Vec<(usize, Item)> = root
        .children_named(ns, "entry")
        .enumerate()
        .map(|(index, entry)| {
            let path = entry_path(index);
            (
                index,
                read_entry(entry, ns, base.as_deref(), chinese, path, notes),
            )
        })
        .collect();
    drop_repeated_ids(&mut items, entry_path, notes);
    let links = Links::of(root, ns, base.as_deref());
    Ok(Feed {
        version: Version::Atom,
        title: text_construct(root.child(ns, "title"))
            .map(Text::into_html)
            .and_then(present)
            .unwrap_or_default(),
        home_page_url: links.alternate,
        feed_url: links.own,
        description: text_construct(
            root.child(ns, "subtitle")
                .or_else(|| root.child(ns, "tagline")),
        )
        .map(Text::into_html)
        .and_then(present),
        language,
        icon: root
            .child(ns, "icon")
            .or_else(|| root.child(ns, "logo"))
            .and_then(|icon| link(&icon.text(), base.as_deref())),
        authors: authors(root, ns),
        items: items.into_iter().map(|(_, item)| item).collect(),
        extension: None,
        notes: Vec::new(),
    })
}

fn entry_path(index: usize) -> ItemPath {
    ItemPath {
        parent: "/feed",
        element: "entry",
        index,
    }
}

fn read_entry(
    entry: &Element,
    ns: Ns,
    feed_base: Option<&str>,
    chinese: bool,
    path: ItemPath,
    notes: &mut Notes,
) -> Item {
    let base = base_in(entry, feed_base);
    let base = base.as_deref();
    let links = Links::of(entry, ns, base);
    let content_element = entry.child(ns, "content");
    let summary = text_construct(entry.child(ns, "summary"));
    let (mut content_html, mut content_text) = match text_construct(content_element) {
        Some(Text::Html(html)) => (present(html), None),
        Some(Text::Plain(text)) => (None, present(text)),
        None => (None, None),
    };
    let mut summary = summary.map(Text::into_html).and_then(present);
    // Without a body, the summary is the body (and not shown twice).
    if content_html.is_none() && content_text.is_none() {
        content_html = summary.take();
    }
    if content_html.is_none() && content_text.is_none() {
        content_text = media_description(entry);
    }
    let content_base = content_element
        .or_else(|| entry.child(ns, "summary"))
        .and_then(|body| base_in(body, base));
    let published = entry
        .child(ns, "published")
        .or_else(|| entry.child(ns, "issued"));
    let updated = entry
        .child(ns, "updated")
        .or_else(|| entry.child(ns, "modified"));
    let named =
        |element: Option<&Element>| element.map_or("published".to_owned(), |e| e.name.clone());
    let date_published = date(
        published,
        chinese,
        || format!("{path}/{}", named(published)),
        notes,
    );
    let date_modified = date(
        updated,
        chinese,
        || format!("{path}/{}", named(updated)),
        notes,
    );
    let mut authors = authors(entry, ns);
    if authors.is_empty() {
        if let Some(source) = entry.child(ns, "source") {
            authors = self::authors(source, ns);
        }
    }
    let tags = entry
        .children_named(ns, "category")
        .filter_map(|c| {
            let term = c.attr("label").or_else(|| c.attr("term"))?.trim();
            (!term.is_empty()).then(|| term.to_owned())
        })
        .collect();
    let image = media_image(entry, base).or(links.image);
    let mut item = Item {
        id: String::new(),
        url: links.alternate.clone(),
        external_url: links.related,
        title: text_construct(entry.child(ns, "title"))
            .map(Text::into_html)
            .and_then(present),
        content_html,
        content_text,
        summary,
        image,
        date_published,
        date_modified,
        authors,
        tags,
        attachments: links.attachments,
        content_base,
        ..Item::default()
    };
    item.id = entry
        .child(ns, "id")
        .and_then(Element::trimmed)
        .or_else(|| item.url.clone())
        .unwrap_or_else(|| {
            notes.note(|| format!("{path} has no id and no link; its id is made from its text"));
            content_id(&item)
        });
    item
}

/// The links of a feed or an entry, by relation.
#[derive(Default)]
struct Links {
    alternate: Option<String>,
    related: Option<String>,
    own: Option<String>,
    image: Option<String>,
    attachments: Vec<super::super::document::Attachment>,
    alternate_is_html: bool,
}

impl Links {
    fn of(element: &Element, ns: Ns, base: Option<&str>) -> Links {
        let mut links = Links::default();
        for link_element in element.children_named(ns, "link") {
            let Some(href) = link_element.attr("href").and_then(|h| link(h, base)) else {
                continue;
            };
            let media_type = link_element.attr("type");
            match link_element.attr("rel").map_or("alternate", str::trim) {
                "alternate" => {
                    // The HTML page, when there are alternates of several types.
                    let html = media_type.is_none_or(|t| t.contains("html"));
                    if links.alternate.is_none() || html && !links.alternate_is_html {
                        links.alternate = Some(href);
                        links.alternate_is_html = html;
                    }
                }
                "related" => links.related = links.related.take().or(Some(href)),
                "self" => links.own = links.own.take().or(Some(href)),
                "enclosure" if is_image(media_type, &href) => {
                    links.image = links.image.take().or(Some(href));
                }
                "enclosure" => links.attachments.push(attachment(href, media_type)),
                _ => {}
            }
        }
        links
    }
}

fn authors(element: &Element, ns: Ns) -> Vec<Author> {
    element
        .children_named(ns, "author")
        .filter_map(|author| {
            let name = author.child(ns, "name").and_then(Element::trimmed);
            let url = author.child(ns, "uri").and_then(Element::trimmed);
            (name.is_some() || url.is_some()).then_some(Author {
                name,
                url,
                avatar: None,
            })
        })
        .collect()
}

/// A text construct by its `type`: `text` (the default), `html`, or `xhtml`. Other types
/// (media types, out-of-line `src` content) have no text the widget can show.
fn text_construct(element: Option<&Element>) -> Option<Text> {
    let element = element?;
    let kind = element
        .attr("type")
        .map_or("text".to_owned(), |t| t.trim().to_ascii_lowercase());
    match kind.as_str() {
        "text" | "text/plain" => Some(Text::Plain(element.text())),
        "html" | "text/html" => Some(Text::Html(element.html())),
        "xhtml" | "application/xhtml+xml" => {
            let mut html = String::new();
            // The markup is inside one xhtml:div, which is not part of the content.
            match element.elements().find(|e| e.name == "div") {
                Some(div) => div.push_children_markup(&mut html),
                None => element.push_children_markup(&mut html),
            }
            Some(Text::Html(html))
        }
        _ => None,
    }
}
