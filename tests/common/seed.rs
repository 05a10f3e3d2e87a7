//! The seed page the default feed was transcribed from, parsed on its own: the texts the
//! widget must show (tests/default_feed.rs compares the feed with it, tests/prerender.rs the
//! pre-rendered markup).

/// The article's section headings. The scrape glued two of them onto the end of the
/// paragraph before them ("…正链接世界。创新赋能:…"); the first stands on its own line.
pub const HEADINGS: [&str; 3] = [
    "改革筑基:制度创新重塑发展生态",
    "创新赋能:科创引擎激活新质生产力",
    "双轮协同:产城融合驱动能级跃升",
];

/// The seed page states no zone; chinanews.com publishes in China Standard Time.
pub const PUBLISHER_OFFSET: &str = "+08:00";

#[derive(Debug, PartialEq)]
pub enum Block {
    Paragraph(String),
    Heading(String),
    Figure { caption: String, credit: String },
}

#[derive(Debug)]
pub struct Seed {
    pub headline: String,
    /// As printed on the page: `2025-03-19 13:20:05`.
    pub time: String,
    pub source: String,
    pub blocks: Vec<Block>,
    pub tags: Vec<String>,
    pub guide_title: String,
    /// 生活指南: (headline, summary).
    pub guide: Vec<(String, String)>,
    pub people_title: String,
    /// 民生: headlines only.
    pub people: Vec<String>,
}

pub fn parse_seed(text: &str) -> Seed {
    let mut lines = text.lines();
    let headline = lines.next().expect("headline line").to_owned();
    let (time, source) = lines
        .next()
        .and_then(|l| l.strip_prefix("时间:"))
        .and_then(|l| l.split_once("来源:"))
        .expect("a 时间:…来源:… line after the headline");

    let mut blocks = Vec::new();
    let tag_line = loop {
        let line = lines.next().expect("a 标签: line after the body");
        if let Some(tags) = line.strip_prefix("标签:") {
            break tags;
        }
        if line.trim().is_empty() {
            continue;
        }
        if line.ends_with("供图") {
            // "俯瞰丽水经开区。丽水经开区 供图": the caption is the sentence, then the credit.
            let cut = line.rfind('。').expect("caption sentence ends with 。") + '。'.len_utf8();
            blocks.push(Block::Figure {
                caption: line[..cut].to_owned(),
                credit: line[cut..].to_owned(),
            });
        } else if let Some(heading) = HEADINGS.iter().find(|h| line.ends_with(**h)) {
            let before = &line[..line.len() - heading.len()];
            if !before.is_empty() {
                blocks.push(Block::Paragraph(before.to_owned()));
            }
            blocks.push(Block::Heading((*heading).to_owned()));
        } else {
            blocks.push(Block::Paragraph(line.to_owned()));
        }
    };
    let tags = tag_line.split_whitespace().map(str::to_owned).collect();

    let guide_title = lines
        .find(|l| !l.trim().is_empty())
        .expect("the 生活指南 list title")
        .to_owned();
    let mut guide: Vec<(String, Option<String>)> = Vec::new();
    let mut people_title = None;
    let mut people = Vec::new();
    for line in lines {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let bullet = line.trim_start_matches(' ').strip_prefix("• ");
        match (indent, bullet, &people_title) {
            (_, _, _) if line.trim().is_empty() => {}
            // The 民生 list is scraped as one more bullet of the 生活指南 list, holding the
            // deeper-indented headlines after it.
            (2, Some("民生"), None) => people_title = Some("民生".to_owned()),
            (2, Some(title), None) => guide.push((title.trim().to_owned(), None)),
            (4, None, None) => {
                let last = guide.last_mut().expect("a summary follows a headline");
                assert!(last.1.is_none(), "two summary lines under {:?}", last.0);
                // The ends only: one summary starts with an EM SPACE after the indent.
                last.1 = Some(line.trim().to_owned());
            }
            (4, Some(title), Some(_)) => people.push(title.trim().to_owned()),
            _ => panic!("unexpected line in the seed's lists: {line:?}"),
        }
    }
    let guide = guide
        .into_iter()
        .map(|(title, summary)| {
            let summary = summary.unwrap_or_else(|| panic!("no summary under {title:?}"));
            (title, summary)
        })
        .collect();

    Seed {
        headline,
        time: time.to_owned(),
        source: source.to_owned(),
        blocks,
        tags,
        guide_title,
        guide,
        people_title: people_title.expect("a 民生 list"),
        people,
    }
}

pub fn seed() -> Seed {
    parse_seed(&super::seed_text())
}
