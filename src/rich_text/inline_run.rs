//! Inline content being collected for one block: text with whitespace collapsed as a
//! browser collapses it, under the styles and link open at each point.

use crate::view_model::{Inline, Style};

/// An open inline element: a style, or a link (`None` when its `href` was refused: its
/// content is kept, unlinked).
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    Style(Style),
    Link(Option<String>),
}

impl Mark {
    fn wraps(&self) -> bool {
        !matches!(self, Mark::Link(None))
    }

    fn wrap(self, content: Vec<Inline>) -> Inline {
        match self {
            Mark::Style(style) => Inline::Styled(style, content),
            Mark::Link(href) => Inline::Link {
                href: href.unwrap_or_default(),
                content,
            },
        }
    }
}

/// Inline content under construction. Marks are applied lazily: a node is only opened when
/// content arrives under it, so `<b></b>` leaves nothing and misnested `<b><i>x</b>y</i>`
/// gives `b(i(x)) i(y)`, as a browser's tree does.
#[derive(Default)]
pub struct InlineRun {
    root: Vec<Inline>,
    open: Vec<(Mark, Vec<Inline>)>,
    has_content: bool,
    /// The last thing collected was a collapsible space (or a line break).
    after_space: bool,
    /// Inside `pre`: whitespace is kept.
    pub preserve: bool,
    /// A newline right after `<pre>` is not content.
    pub skip_newline: bool,
}

impl InlineRun {
    pub fn preserving(preserve: bool) -> Self {
        InlineRun {
            preserve,
            skip_newline: preserve,
            ..InlineRun::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        !self.has_content
    }

    /// Adds text, returning how many characters it kept.
    pub fn push_text(&mut self, marks: &[Mark], text: &str) -> usize {
        let mut kept = String::new();
        let mut count = 0;
        for c in text.chars() {
            if self.skip_newline {
                self.skip_newline = false;
                if c == '\n' {
                    continue;
                }
            }
            if self.preserve {
                if !c.is_control() || c == '\n' || c == '\t' {
                    kept.push(c);
                    count += 1;
                }
                continue;
            }
            // Controls become spaces rather than vanishing, so they cannot glue words.
            if c.is_ascii_whitespace() || c.is_control() {
                if (self.has_content || !kept.is_empty()) && !self.after_space {
                    kept.push(' ');
                    count += 1;
                    self.after_space = true;
                }
                continue;
            }
            // Leading no-break and ideographic spaces are indentation, which CSS does.
            if !self.has_content && kept.is_empty() && c.is_whitespace() {
                continue;
            }
            kept.push(c);
            count += 1;
            self.after_space = false;
        }
        if kept.is_empty() {
            return 0;
        }
        self.has_content = true;
        let target = self.target(marks);
        match target.last_mut() {
            Some(Inline::Text(last)) => last.push_str(&kept),
            _ => target.push(Inline::Text(kept)),
        }
        count
    }

    pub fn push_line_break(&mut self, marks: &[Mark]) {
        self.trim_end();
        self.target(marks).push(Inline::LineBreak);
        self.has_content = true;
        self.after_space = true;
    }

    pub fn push(&mut self, marks: &[Mark], inline: Inline) {
        self.target(marks).push(inline);
        self.has_content = true;
        self.after_space = false;
    }

    /// The collected content, trailing spaces and line breaks removed.
    pub fn finish(mut self) -> Vec<Inline> {
        self.close_to(0);
        trim_end(&mut self.root);
        self.root
    }

    /// The list new content goes into, after opening and closing nodes to match `marks`.
    fn target(&mut self, marks: &[Mark]) -> &mut Vec<Inline> {
        let wanted: Vec<&Mark> = marks.iter().filter(|m| m.wraps()).collect();
        let common = self
            .open
            .iter()
            .zip(&wanted)
            .take_while(|((open, _), want)| open == **want)
            .count();
        self.close_to(common);
        for mark in wanted.get(common..).unwrap_or(&[]) {
            self.open.push(((*mark).clone(), Vec::new()));
        }
        match self.open.last_mut() {
            Some((_, content)) => content,
            None => &mut self.root,
        }
    }

    fn close_to(&mut self, depth: usize) {
        while self.open.len() > depth {
            let Some((mark, content)) = self.open.pop() else {
                break;
            };
            let node = mark.wrap(content);
            match self.open.last_mut() {
                Some((_, parent)) => parent.push(node),
                None => self.root.push(node),
            }
        }
    }

    fn trim_end(&mut self) {
        if self.preserve {
            return;
        }
        match self.open.last_mut() {
            Some((_, content)) => trim_end_spaces(content),
            None => trim_end_spaces(&mut self.root),
        }
    }
}

/// Removes trailing spaces of the last text, descending into the last styled node.
fn trim_end_spaces(content: &mut Vec<Inline>) {
    match content.last_mut() {
        Some(Inline::Text(text)) => {
            let trimmed = text.trim_end_matches(' ').len();
            text.truncate(trimmed);
            if text.is_empty() {
                content.pop();
            }
        }
        Some(Inline::Styled(_, inner) | Inline::Link { content: inner, .. }) => {
            trim_end_spaces(inner)
        }
        _ => {}
    }
}

/// Trailing spaces, line breaks and nodes left empty go: a browser shows none of them.
fn trim_end(content: &mut Vec<Inline>) {
    loop {
        match content.last_mut() {
            Some(Inline::LineBreak) => {
                content.pop();
            }
            Some(Inline::Text(text)) => {
                let trimmed = text.trim_end_matches(' ').len();
                text.truncate(trimmed);
                if !text.is_empty() {
                    return;
                }
                content.pop();
            }
            Some(Inline::Styled(_, inner) | Inline::Link { content: inner, .. }) => {
                trim_end(inner);
                if !inner.is_empty() {
                    return;
                }
                content.pop();
            }
            Some(Inline::Image(_)) | None => return,
        }
    }
}
