//! `newsctl`: the widget's command line, for partners and contributors (host only).
//!
//! ```text
//! newsctl validate FEED…          check feeds with the widget's own reader
//! newsctl render FEED [OPTIONS]   print the pre-rendered <news-widget> element
//! newsctl convert FEED [-o FILE]  print the JSON Feed the widget reads from FEED
//! ```
//!
//! FEED is a file, `-` for standard input, or an `http(s)` URL (fetched only when given):
//! JSON Feed, RSS 2.0 / 0.9x, RSS 1.0 or Atom 1.0, in any encoding it declares.

#[cfg(not(target_arch = "wasm32"))]
const USAGE: &str = "\
usage:
  newsctl validate FEED…
      Reads each feed as the widget does. Prints what the widget will show, every warning
      (skipped items, ignored values, missing image sizes, unknown extension keys) and, for a
      feed that cannot be shown, why. Exits 1 if any feed cannot be shown.
  newsctl render FEED [OPTIONS]
      Prints <news-widget …> with the widget's markup for FEED in a declarative shadow root,
      rendered by the widget's own components: the article before (or without) any script.
      --feed URL          the element's feed attribute: where the browser fetches the feed,
                          and what relative URLs in it resolve against (default: FEED)
      --lang TAG          --theme light|dark|auto   --article ID   --max-headlines N
      --interval SECONDS  --target _self|_blank
      --layout page|article|headlines|list   --sections NAMES   (the element's attributes)
      --attr NAME=VALUE   any other attribute for the element (id, class, …)
      --css HREF          the stylesheet link in the shadow root (default: news-widget.css)
      --inline-css FILE   the stylesheet FILE (dist/news-widget.css) inlined in the shadow
                          root instead: nothing to fetch before the first paint; prints the
                          style-src hash a Content-Security-Policy must allow
      --page PAGE.html    print PAGE.html with the element first in its <body>
                          (e.g. the iframe fallback's embed.html, served pre-rendered)
      -o, --out FILE      write to FILE instead of standard output
  newsctl convert FEED [-o FILE]
      Prints FEED as the JSON Feed 1.1 document the widget reads from it (an RSS or Atom
      feed's items, dates, authors, tags, images and bodies), to inspect or to host.
  FEED is a file, - for standard input, or an http(s) URL: JSON Feed, RSS 2.0 or 0.9x,
  RSS 1.0 (RDF) or Atom 1.0, in the encoding it declares.";

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    host::main()
}

/// A host tool: `cargo clippy --target wasm32-unknown-unknown --all-targets` builds an empty one.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod host {
    use std::io::Read;
    use std::process::ExitCode;
    use std::time::Duration;

    use news_widget::feed::charset::decode;
    use news_widget::feed::convert::to_json_feed;
    use news_widget::feed::lint::report;
    use news_widget::feed::{parse_feed, ReadOptions};
    use news_widget::prerender::{prerender_with, style_hash, InlineCss, Stylesheet};

    use super::USAGE;

    /// Longest feed `newsctl` reads: far above any feed the widget should be given.
    const MAX_FEED_BYTES: u64 = 64 * 1024 * 1024;

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let result = match args.first().map(String::as_str) {
            Some("validate") => validate(&args[1..]),
            Some("render") => render(&args[1..]),
            Some("convert") => convert(&args[1..]),
            Some("help" | "-h" | "--help") => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => Err(Failure::Usage(match args.first() {
                Some(command) => format!("unknown command {command:?}"),
                None => "no command".to_owned(),
            })),
        };
        match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(Failure::Feed) => ExitCode::FAILURE,
            Err(Failure::Usage(message)) => {
                eprintln!("newsctl: {message}\n{USAGE}");
                ExitCode::from(2)
            }
        }
    }

    enum Failure {
        /// A feed could not be read or shown (exit 1); already reported.
        Feed,
        /// The command line is wrong (exit 2).
        Usage(String),
    }

    fn validate(inputs: &[String]) -> Result<(), Failure> {
        if inputs.is_empty() {
            return Err(Failure::Usage(
                "validate needs at least one FEED".to_owned(),
            ));
        }
        let mut failed = false;
        for input in inputs {
            let name = if input == "-" { "<stdin>" } else { input };
            let bytes = match read_input(input) {
                Ok(bytes) => bytes,
                Err(message) => {
                    println!("{name}: error: {message}");
                    failed = true;
                    continue;
                }
            };
            let found = report(&bytes, &ReadOptions::default());
            match (&found.error, &found.summary) {
                (Some(error), _) => {
                    println!("{name}: error: {error}");
                    for note in &found.errors {
                        println!("{name}: error: {note}");
                    }
                    failed = true;
                }
                (None, summary) => {
                    println!("{name}: ok: {}", summary.as_deref().unwrap_or_default());
                    if let Some(format) = &found.format {
                        println!("{name}: format: {format}");
                    }
                    for warning in &found.warnings {
                        println!("{name}: warning: {warning}");
                    }
                }
            }
        }
        if failed {
            Err(Failure::Feed)
        } else {
            Ok(())
        }
    }

    fn convert(args: &[String]) -> Result<(), Failure> {
        let (mut input, mut out) = (None, None);
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "-o" | "--out" => {
                    out = Some(
                        args.next()
                            .ok_or_else(|| Failure::Usage(format!("{arg} needs a value")))?,
                    );
                }
                option if option.starts_with('-') && option != "-" => {
                    return Err(Failure::Usage(format!("unknown option {option:?}")));
                }
                feed if input.is_none() => input = Some(feed),
                extra => {
                    return Err(Failure::Usage(format!(
                        "convert takes one FEED; also got {extra:?}"
                    )))
                }
            }
        }
        let input = input.ok_or_else(|| Failure::Usage("convert needs a FEED".to_owned()))?;
        let name = if input == "-" { "<stdin>" } else { input };
        let bytes = read_input(input).map_err(|message| {
            eprintln!("newsctl: {name}: {message}");
            Failure::Feed
        })?;
        let feed = parse_feed(&bytes).map_err(|error| {
            eprintln!("newsctl: {name}: error: {error}");
            Failure::Feed
        })?;
        for note in &feed.notes {
            eprintln!("newsctl: {name}: warning: {note}");
        }
        let json = serde_json::to_string_pretty(&to_json_feed(&feed)).unwrap_or_default() + "\n";
        match out {
            None => print!("{json}"),
            Some(path) => std::fs::write(path, json).map_err(|e| {
                eprintln!("newsctl: cannot write {path}: {e}");
                Failure::Feed
            })?,
        }
        Ok(())
    }

    /// `render`'s command line.
    #[derive(Default)]
    struct RenderArgs {
        input: Option<String>,
        /// The element's attributes, in the order given (`feed` first).
        attributes: Vec<(String, String)>,
        feed_attribute: Option<String>,
        css: Option<String>,
        inline_css: Option<String>,
        out: Option<String>,
        page: Option<String>,
    }

    fn parse_render_args(args: &[String]) -> Result<RenderArgs, Failure> {
        let mut parsed = RenderArgs::default();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let mut value = |option: &str| {
                args.next()
                    .cloned()
                    .ok_or_else(|| Failure::Usage(format!("{option} needs a value")))
            };
            match arg.as_str() {
                "--feed" => parsed.feed_attribute = Some(value(arg)?),
                "--css" => parsed.css = Some(value(arg)?),
                "--inline-css" => parsed.inline_css = Some(value(arg)?),
                "-o" | "--out" => parsed.out = Some(value(arg)?),
                "--page" => parsed.page = Some(value(arg)?),
                "--lang" | "--theme" | "--article" | "--max-headlines" | "--interval"
                | "--target" | "--layout" | "--sections" => {
                    let name = arg.trim_start_matches("--").to_owned();
                    parsed.attributes.push((name, value(arg)?));
                }
                "--attr" => {
                    let pair = value(arg)?;
                    let (name, value) = pair
                        .split_once('=')
                        .filter(|(name, _)| !name.is_empty())
                        .ok_or_else(|| {
                        Failure::Usage(format!("--attr {pair:?}: expected NAME=VALUE"))
                    })?;
                    parsed.attributes.push((name.to_owned(), value.to_owned()));
                }
                option if option.starts_with('-') && option != "-" => {
                    return Err(Failure::Usage(format!("unknown option {option:?}")));
                }
                input if parsed.input.is_none() => parsed.input = Some(input.to_owned()),
                extra => {
                    return Err(Failure::Usage(format!(
                        "render takes one FEED; also got {extra:?}"
                    )))
                }
            }
        }
        if parsed.css.is_some() && parsed.inline_css.is_some() {
            return Err(Failure::Usage(
                "--css links the stylesheet, --inline-css inlines it: give one".to_owned(),
            ));
        }
        Ok(parsed)
    }

    fn render(args: &[String]) -> Result<(), Failure> {
        let args = parse_render_args(args)?;
        let input = args
            .input
            .ok_or_else(|| Failure::Usage("render needs a FEED".to_owned()))?;
        let name = if input == "-" { "<stdin>" } else { &input };
        let feed_attribute = match args.feed_attribute {
            Some(url) => url,
            None if input == "-" => {
                return Err(Failure::Usage(
                    "render -: give --feed URL, where the browser will fetch the feed".to_owned(),
                ))
            }
            None => input.clone(),
        };
        let bytes = read_input(&input).map_err(|message| {
            eprintln!("newsctl: {name}: {message}");
            Failure::Feed
        })?;
        let mut attributes = vec![("feed", feed_attribute.as_str())];
        attributes.extend(
            args.attributes
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_str())),
        );
        let inline_text = match &args.inline_css {
            None => None,
            Some(path) => Some(std::fs::read_to_string(path).map_err(|e| {
                eprintln!("newsctl: cannot read {path}: {e}");
                Failure::Feed
            })?),
        };
        let stylesheet = match &inline_text {
            Some(text) => Stylesheet::Inline(InlineCss::new(text).map_err(|e| {
                eprintln!(
                    "newsctl: {}: {e}",
                    args.inline_css.as_deref().unwrap_or_default()
                );
                Failure::Feed
            })?),
            None => Stylesheet::Link(args.css.as_deref().unwrap_or("news-widget.css")),
        };
        let rendered = prerender_with(&bytes, &attributes, stylesheet).map_err(|error| {
            eprintln!("newsctl: {name}: error: {error}");
            Failure::Feed
        })?;
        for warning in &rendered.warnings {
            eprintln!("newsctl: {warning}");
        }
        if let Some(text) = &inline_text {
            eprintln!(
                "newsctl: the inline stylesheet needs style-src {} in a Content-Security-Policy",
                style_hash(text)
            );
        }
        let html = match &args.page {
            None => rendered.html + "\n",
            Some(page) => {
                let template = std::fs::read_to_string(page).map_err(|e| {
                    eprintln!("newsctl: cannot read {page}: {e}");
                    Failure::Feed
                })?;
                into_body(&template, &rendered.html).ok_or_else(|| {
                    eprintln!("newsctl: {page} has no <body> tag to put the widget in");
                    Failure::Feed
                })?
            }
        };
        match args.out {
            None => print!("{html}"),
            Some(path) => {
                let path = std::path::Path::new(&path);
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(|e| {
                        eprintln!("newsctl: cannot create {}: {e}", dir.display());
                        Failure::Feed
                    })?;
                }
                std::fs::write(path, html).map_err(|e| {
                    eprintln!("newsctl: cannot write {}: {e}", path.display());
                    Failure::Feed
                })?;
            }
        }
        Ok(())
    }

    /// `page` with `element` as the first thing in its `<body>`.
    fn into_body(page: &str, element: &str) -> Option<String> {
        let lower = page.to_ascii_lowercase();
        let body = lower.match_indices("<body").map(|(at, _)| at).find(|&at| {
            matches!(
                lower.as_bytes().get(at + 5),
                Some(b'>' | b' ' | b'\t' | b'\n' | b'\r')
            )
        })?;
        let open_end = body + lower[body..].find('>')? + 1;
        Some([&page[..open_end], "\n", element, "\n", &page[open_end..]].concat())
    }

    /// The text of a file, of standard input (`-`), or of an `http(s)` URL, as UTF-8:
    /// decoded from the encoding its bytes, its `Content-Type` or its XML declaration name.
    fn read_input(input: &str) -> Result<Vec<u8>, String> {
        let (bytes, content_type) = read_bytes(input)?;
        Ok(decode(&bytes, content_type.as_deref()).into_owned())
    }

    fn read_bytes(input: &str) -> Result<(Vec<u8>, Option<String>), String> {
        if input == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .take(MAX_FEED_BYTES)
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            return Ok((bytes, None));
        }
        let lower = input.to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            return fetch(input);
        }
        let bytes = std::fs::read(input).map_err(|e| format!("cannot read: {e}"))?;
        Ok((bytes, None))
    }

    /// GET `url`: redirects followed, gzip accepted, 30 s at most, HTTP errors reported.
    fn fetch(url: &str) -> Result<(Vec<u8>, Option<String>), String> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(30)))
            .user_agent(concat!("newsctl/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        let mut response = agent
            .get(url)
            .header(
                "Accept",
                "application/feed+json, application/json;q=0.9, application/rss+xml;q=0.9, \
                 application/atom+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1",
            )
            .call()
            .map_err(|e| format!("cannot fetch: {e}"))?;
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned);
        let bytes = response
            .body_mut()
            .with_config()
            .limit(MAX_FEED_BYTES)
            .read_to_vec()
            .map_err(|e| format!("cannot download: {e}"))?;
        Ok((bytes, content_type))
    }
}
