//! What each `layout` shows of a page: the pure part of placing the widget, so the host
//! tests decide it and the components only draw it.

use crate::config::{Config, Layout};
use crate::view_model::{Article, Page, Section};

/// The parts of a page one widget shows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Shown<'a> {
    pub article: Option<&'a Article>,
    pub sections: Vec<&'a Section>,
}

impl Shown<'_> {
    /// Nothing to show in this layout: the empty state.
    pub fn is_empty(&self) -> bool {
        self.article.is_none() && self.sections.is_empty()
    }
}

/// What `config`'s layout and `sections` show of `page`.
pub fn shown<'a>(page: &'a Page, config: &Config) -> Shown<'a> {
    let layout = config.layout;
    Shown {
        article: page.article.as_ref().filter(|_| layout.shows_article()),
        sections: if layout.shows_sections() {
            choose_sections(&page.sections, &config.sections)
        } else {
            Vec::new()
        },
    }
}

/// The sections `wanted` names, in its order, each once. A name is a section's title (as
/// written, else ignoring ASCII case) or its 1-based position in the feed. Names that match
/// nothing are skipped; when none matches, every section shows, so a typo or a renamed
/// section in the feed never leaves a partner's column blank.
pub fn choose_sections<'a>(sections: &'a [Section], wanted: &[String]) -> Vec<&'a Section> {
    let mut chosen: Vec<usize> = Vec::new();
    for name in wanted {
        let found = sections
            .iter()
            .position(|s| s.title == *name)
            .or_else(|| {
                sections
                    .iter()
                    .position(|s| s.title.eq_ignore_ascii_case(name))
            })
            .or_else(|| {
                name.parse::<usize>()
                    .ok()
                    .filter(|n| (1..=sections.len()).contains(n))
                    .map(|n| n - 1)
            });
        if let Some(i) = found.filter(|i| !chosen.contains(i)) {
            chosen.push(i);
        }
    }
    if chosen.is_empty() {
        return sections.iter().collect();
    }
    chosen.into_iter().map(|i| &sections[i]).collect()
}

/// Whether choosing a headline opens its story in the article pane instead of leaving the
/// page: only beside an article (`page` layout), only when the feed carries the story, and
/// not when the partner asked for `open="page"`.
pub fn opens_in_place(config: &Config, readable: bool) -> bool {
    readable && config.open_in_place && config.layout == Layout::Page
}
