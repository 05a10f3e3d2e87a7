//! RSS 2.0 / 0.9x (`<rss><channel><item>`) and RSS 1.0 / 0.90 (`<rdf:RDF>`, items beside
//! the channel) into a [`Feed`].
//!
//! Decisions on what real feeds do: `title` and `description` are HTML, as every RSS reader
//! takes them (so entities escaped twice still read right); `content:encoded` is the body
//! when present, with `description` as the summary; a missing or empty `guid` falls back to
//! the link, then `rdf:about`, then a hash of the item's text.

use super::super::document::{Author, Feed, Item, ItemExtension, Version};
use super::super::error::FeedError;
use super::super::notes::Notes;
use super::items::{
    attachment, base_in, content_id, date, drop_repeated_ids, is_image, link, media_image, person,
    present, ItemPath,
};
use super::tree::{Element, Ns};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Rss,
    Rdf,
}

pub(super) fn read(root: &Element, kind: Kind, notes: &mut Notes) -> Result<Feed, FeedError> {
    let (channel_path, root_path) = match kind {
        Kind::Rss => ("/rss/channel", "/rss"),
        Kind::Rdf => ("/rdf:RDF/channel", "/rdf:RDF"),
    };
    let channel = root
        .child(Ns::Plain, "channel")
        .ok_or_else(|| FeedError::NotXmlFeed {
            message: format!("{root_path} has no <channel>"),
        })?;
    let root_base = base_in(root, None);
    let base = base_in(channel, root_base.as_deref());
    let text = |name: &str| channel.child(Ns::Plain, name).and_then(Element::trimmed);
    let language = text("language")
        .or_else(|| channel.child(Ns::Dc, "language").and_then(Element::trimmed))
        .or_else(|| root.attr_in(Ns::Xml, "lang").map(str::to_owned));
    let chinese = language
        .as_deref()
        .is_some_and(|l| l.trim().to_ascii_lowercase().starts_with("zh"));

    // RSS 1.0 puts items beside the channel; sloppy 2.0 feeds sometimes do too.
    let (item_parent, item_path) = match kind {
        Kind::Rss => (channel, channel_path),
        Kind::Rdf => (root, root_path),
    };
    let mut items: Vec<(usize, Item)> = item_parent
        .children_named(Ns::Plain, "item")
        .enumerate()
        .map(|(index, element)| {
            let path = ItemPath {
                parent: item_path,
                element: "item",
                index,
            };
            (
                index,
                read_item(element, base.as_deref(), chinese, path, notes),
            )
        })
        .collect();
    drop_repeated_ids(
        &mut items,
        |index| ItemPath {
            parent: item_path,
            element: "item",
            index,
        },
        notes,
    );

    let title = channel
        .child(Ns::Plain, "title")
        .map(Element::html)
        .and_then(present)
        .unwrap_or_default();
    let home_page_url = channel
        .child(Ns::Plain, "link")
        .and_then(|l| link(&l.text(), base.as_deref()));
    let feed_url = channel
        .children_named(Ns::Atom, "link")
        .find(|l| l.attr("rel").is_some_and(|r| r.trim() == "self"))
        .and_then(|l| link(l.attr("href")?, base.as_deref()));
    let icon = channel
        .child(Ns::Plain, "image")
        .or_else(|| root.child(Ns::Plain, "image"))
        .and_then(|image| image.child(Ns::Plain, "url"))
        .and_then(|url| link(&url.text(), base.as_deref()));
    let authors: Vec<Author> = channel
        .children_named(Ns::Dc, "creator")
        .chain(channel.children_named(Ns::Plain, "managingEditor"))
        .filter_map(|p| person(&p.text()))
        .take(1)
        .collect();
    Ok(Feed {
        version: match kind {
            Kind::Rss => Version::Rss(root.attr("version").unwrap_or_default().trim().to_owned()),
            Kind::Rdf => Version::Rdf,
        },
        title,
        home_page_url,
        feed_url,
        description: channel
            .child(Ns::Plain, "description")
            .map(Element::html)
            .and_then(present),
        language,
        icon,
        authors,
        items: items.into_iter().map(|(_, item)| item).collect(),
        extension: None,
        notes: Vec::new(),
    })
}

fn read_item(
    element: &Element,
    channel_base: Option<&str>,
    chinese: bool,
    path: ItemPath,
    notes: &mut Notes,
) -> Item {
    let base = base_in(element, channel_base);
    let base = base.as_deref();
    let plain = |name: &str| element.child(Ns::Plain, name);
    let title = plain("title").map(Element::html).and_then(present);
    let link_text = plain("link").and_then(|l| link(&l.text(), base));
    let alternate = element
        .children_named(Ns::Atom, "link")
        .find(|l| l.attr("rel").is_none_or(|r| r.trim() == "alternate"))
        .and_then(|l| link(l.attr("href")?, base));
    let guid_element = plain("guid");
    let guid = guid_element.and_then(Element::trimmed);
    let permalink_guid = guid_element
        .filter(|g| g.attr("isPermaLink").is_none_or(|p| p.trim() != "false"))
        .and_then(|g| g.trimmed())
        .filter(|g| g.starts_with("http://") || g.starts_with("https://"));
    let about = element
        .attr_in(Ns::Rdf, "about")
        .and_then(|a| link(a, base));
    let url = link_text
        .or(alternate)
        .or(permalink_guid)
        .or_else(|| about.clone().filter(|a| a.starts_with("http")));

    let description = plain("description");
    let encoded = element.child(Ns::Content, "encoded");
    let description_html = description.map(Element::html).and_then(present);
    let encoded_html = encoded.map(Element::html).and_then(present);
    let body_element = encoded.filter(|_| encoded_html.is_some()).or(description);
    let content_base = body_element.and_then(|body| base_in(body, base));
    let (content_html, summary) = match encoded_html {
        Some(html) => (Some(html), description_html),
        None => (description_html, None),
    };
    // YouTube-style Media RSS carries its text only in media:description.
    let content_text = content_html
        .is_none()
        .then(|| media_description(element))
        .flatten();

    let date_published = date(
        plain("pubDate").or_else(|| element.child(Ns::Dc, "date")),
        chinese,
        || {
            let name = if plain("pubDate").is_some() {
                "pubDate"
            } else {
                "dc:date"
            };
            format!("{path}/{name}")
        },
        notes,
    );
    let date_modified = date(
        element.child(Ns::Atom, "updated"),
        chinese,
        || format!("{path}/atom:updated"),
        notes,
    );

    let mut authors: Vec<Author> = Vec::new();
    let names = plain("author")
        .into_iter()
        .chain(element.children_named(Ns::Dc, "creator"))
        .filter_map(|p| person(&p.text()))
        .chain(
            element
                .children_named(Ns::Atom, "author")
                .filter_map(|a| a.child(Ns::Atom, "name")?.trimmed())
                .map(|name| Author {
                    name: Some(name),
                    ..Author::default()
                }),
        );
    for author in names {
        if !authors.contains(&author) {
            authors.push(author);
        }
    }
    let tags = element
        .children_named(Ns::Plain, "category")
        .chain(element.children_named(Ns::Dc, "subject"))
        .filter_map(Element::trimmed)
        .collect();

    let mut image = None;
    let mut attachments = Vec::new();
    for enclosure in element.children_named(Ns::Plain, "enclosure") {
        let Some(url) = enclosure.attr("url").and_then(|u| link(u, base)) else {
            continue;
        };
        let media_type = enclosure.attr("type");
        if is_image(media_type, &url) {
            image = image.or(Some(url));
        } else {
            attachments.push(attachment(url, media_type));
        }
    }
    let image = media_image(element, base).or(image);
    // RSS 2.0's <source> names the publication an item comes from, which is what the
    // widget's source line says (and what `newsctl convert` writes as `_news_widget.source`).
    let extension = plain("source")
        .and_then(Element::trimmed)
        .map(|source| ItemExtension {
            source: Some(source),
            blocks: None,
        });

    let mut item = Item {
        id: String::new(),
        url,
        title,
        content_html,
        content_text,
        summary,
        image,
        date_published,
        date_modified,
        authors,
        tags,
        attachments,
        content_base,
        extension,
        ..Item::default()
    };
    item.id = guid
        .or_else(|| item.url.clone())
        .or(about)
        .unwrap_or_else(|| {
            notes.note(|| format!("{path} has no guid and no link; its id is made from its text"));
            content_id(&item)
        });
    item
}

pub(super) fn media_description(element: &Element) -> Option<String> {
    std::iter::once(element)
        .chain(element.children_named(Ns::Media, "group"))
        .find_map(|holder| holder.child(Ns::Media, "description")?.trimmed())
}
