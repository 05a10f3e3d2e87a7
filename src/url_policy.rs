//! Which URLs from a feed may reach an `href` or `src`, and how relative ones are resolved.
//!
//! Feed content is hostile: a `javascript:` link or a `data:` image must never reach the DOM.
//! The policy is an allow-list (only `http` and `https`, plus scheme-less relative URLs),
//! and a URL is rejected rather than repaired when it carries anything a browser would
//! silently strip or reinterpret (control characters, inner whitespace, backslashes).
//!
//! Resolution follows RFC 3986 §5.2 for the cases feeds use. It is hand-written to keep the
//! `url` crate (and its IDNA tables) out of the wasm bundle.

use std::borrow::Cow;

/// Returns a URL that is safe to put in an `href` or `src`, or `None`.
///
/// - Absolute `http:`/`https:` URLs (any letter case) are accepted; the scheme is lowercased.
/// - Protocol-relative (`//host/x`), root-relative (`/x`) and relative (`x/y`, `./x`, `../x`,
///   `?q`, `#f`) references are resolved against `base` when `base` is an absolute
///   `http(s)` URL.
/// - When `base` is itself a relative path (`/news/feed.json`, `feeds/feed.json`), relative
///   paths are joined to its directory and stay relative, for the browser to finish against
///   the page.
/// - With no usable base, a relative reference is returned unchanged, so the browser resolves
///   it against the page; it is still only accepted when it has no scheme.
/// - Every other scheme (`javascript:`, `data:`, `vbscript:`, `file:`, `mailto:`, …) is
///   rejected, after stripping the leading and trailing C0 controls and spaces that browsers
///   strip themselves.
/// - A URL with control characters, whitespace, invisible format characters or backslashes
///   inside it is rejected.
pub fn safe_url(raw: &str, base: Option<&str>) -> Option<String> {
    let candidate = trim_c0_and_space(raw);
    if candidate.is_empty() || candidate.chars().any(is_forbidden) {
        return None;
    }
    if let Some(scheme) = scheme_of(candidate) {
        if !is_http_scheme(scheme) {
            return None;
        }
        return HttpUrl::parse(candidate).map(|url| url.to_string());
    }
    if let Some(base) = base.and_then(HttpUrl::parse_base) {
        return base.resolve(candidate).map(|url| url.to_string());
    }
    let joined = base
        .and_then(relative_base)
        .map(|base| join_to_relative_base(base, candidate))
        // Joining never adds a scheme, but the allow-list does not rely on that.
        .filter(|joined| scheme_of(joined).is_none());
    Some(joined.unwrap_or_else(|| candidate.to_string()))
}

/// A link from an article body (`<a href>`): `http:`, `https:` or `mailto:`, or `None`.
///
/// The scheme is judged as a browser would read the attribute: character references are
/// already decoded (the tokenizer did that), ASCII tabs and newlines anywhere are removed and
/// C0 controls and spaces at either end trimmed, the scheme's case folded. So
/// `java&#x09;script:` is `javascript:` and is dropped. Relative references are resolved
/// against `base` (the item's URL, else the feed's) and dropped when there is none: they
/// must never resolve against the partner's page.
pub fn safe_link(raw: &str, base: Option<&str>) -> Option<String> {
    let url = browser_normalise(raw);
    if let Some(scheme) = scheme_of(&url) {
        if scheme.eq_ignore_ascii_case("mailto") {
            let address = url.get(scheme.len() + 1..)?;
            let usable = !address.is_empty() && !address.chars().any(is_forbidden);
            return usable.then(|| format!("mailto:{address}"));
        }
    }
    safe_body_url(&url, base)
}

/// An image from an article body (`<img src>`, a `srcset` candidate): `http:` or `https:`
/// only, judged and resolved as [`safe_link`] does.
pub fn safe_image(raw: &str, base: Option<&str>) -> Option<String> {
    safe_body_url(&browser_normalise(raw), base)
}

/// A `srcset` with every candidate judged by [`safe_image`] and resolved; candidates that
/// fail, or whose descriptor is not a width (`640w`) or a density (`2x`), are dropped.
/// `None` when none is left.
///
/// Parsed as the HTML standard parses it: a URL runs to the next whitespace (trailing commas
/// end it), a descriptor to the next comma outside parentheses.
pub fn safe_srcset(raw: &str, base: Option<&str>) -> Option<String> {
    /// More candidates than any real image offers; the rest are ignored.
    const MAX_CANDIDATES: usize = 16;
    let mut kept: Vec<String> = Vec::new();
    let mut rest = raw;
    loop {
        rest = rest.trim_start_matches(|c: char| is_html_space(c) || c == ',');
        if rest.is_empty() || kept.len() == MAX_CANDIDATES {
            break;
        }
        let url_end = rest.find(is_html_space).unwrap_or(rest.len());
        // `get` rather than `split_at`: no panic path (and its formatting) in the wasm.
        let (mut url, after) = (
            rest.get(..url_end).unwrap_or(rest),
            rest.get(url_end..).unwrap_or(""),
        );
        let descriptor;
        if url.ends_with(',') {
            url = url.trim_end_matches(',');
            descriptor = "";
            rest = after;
        } else {
            let mut depth = 0usize;
            let end = after
                .char_indices()
                .find(|&(_, c)| {
                    match c {
                        '(' => depth += 1,
                        ')' => depth = depth.saturating_sub(1),
                        ',' if depth == 0 => return true,
                        _ => {}
                    }
                    false
                })
                .map_or(after.len(), |(at, _)| at);
            descriptor = after.get(..end).unwrap_or("").trim_matches(is_html_space);
            rest = after.get(end..).unwrap_or("");
        }
        if !is_srcset_descriptor(descriptor) {
            continue;
        }
        if let Some(url) = safe_image(url, base) {
            kept.push(if descriptor.is_empty() {
                url
            } else {
                format!("{url} {descriptor}")
            });
        }
    }
    (!kept.is_empty()).then(|| kept.join(", "))
}

/// Nothing, a width (`640w`) or a pixel density (`2x`, `1.5x`).
fn is_srcset_descriptor(descriptor: &str) -> bool {
    if descriptor.is_empty() {
        return true;
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if let Some(width) = descriptor.strip_suffix('w') {
        return digits(width) && width.bytes().any(|b| b != b'0');
    }
    let Some(density) = descriptor.strip_suffix('x') else {
        return false;
    };
    match density.split_once('.') {
        Some((whole, fraction)) => (whole.is_empty() || digits(whole)) && digits(fraction),
        None => digits(density),
    }
}

fn is_html_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\u{C}' | '\r' | ' ')
}

/// What a browser does to an attribute URL before reading its scheme: ASCII tab and newline
/// removed anywhere, C0 controls and spaces trimmed at both ends. Inner spaces, which the
/// browser would percent-encode, are encoded here so that the rest of the policy (which
/// rejects whitespace) keeps such links.
fn browser_normalise(raw: &str) -> String {
    trim_c0_and_space(raw)
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .replace(' ', "%20")
}

/// `http(s)` only; a relative reference needs a base.
fn safe_body_url(url: &str, base: Option<&str>) -> Option<String> {
    if base.is_none() && scheme_of(url).is_none() {
        return None;
    }
    safe_url(url, base)
}

/// Whether `raw` is an absolute `http(s)` URL that [`safe_url`] accepts as a base.
pub fn is_absolute_http(raw: &str) -> bool {
    HttpUrl::parse_base(raw).is_some()
}

/// Whether [`safe_url`] can resolve against `raw`: an absolute `http(s)` URL or a relative
/// path.
pub fn is_usable_base(raw: &str) -> bool {
    is_absolute_http(raw) || relative_base(raw).is_some()
}

/// A scheme-less, host-less base path, without its query and fragment.
fn relative_base(raw: &str) -> Option<&str> {
    let base = trim_c0_and_space(raw);
    let usable = !base.is_empty()
        && !base.starts_with("//")
        && scheme_of(base).is_none()
        && !base.chars().any(is_forbidden);
    let path = base.split(['?', '#']).next().unwrap_or("");
    usable.then_some(path)
}

/// RFC 3986 merge without an authority; dot segments are left for the browser.
fn join_to_relative_base(base_path: &str, reference: &str) -> String {
    if reference.starts_with('/') {
        return reference.to_string();
    }
    if reference.starts_with(['?', '#']) {
        return format!("{base_path}{reference}");
    }
    let directory = base_path
        .rfind('/')
        .map_or("", |slash| base_path.get(..=slash).unwrap_or(""));
    format!("{directory}{reference}")
}

/// Browsers strip exactly these (C0 controls and space) from both ends before parsing.
fn trim_c0_and_space(raw: &str) -> &str {
    raw.trim_matches(|c: char| c <= ' ')
}

fn is_forbidden(c: char) -> bool {
    c.is_control()
        || c.is_whitespace()
        || c == '\\'
        // Invisible formatting characters: zero-width and bidi overrides hide what a link says.
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// The scheme of `s` if it starts with one (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`).
fn scheme_of(s: &str) -> Option<&str> {
    let colon = s.find(':')?;
    let scheme = s.get(..colon)?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    let valid = first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some(scheme)
}

fn is_http_scheme(scheme: &str) -> bool {
    scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
}

/// An absolute `http(s)` URL split into the RFC 3986 parts resolution needs.
struct HttpUrl<'a> {
    https: bool,
    authority: &'a str,
    path: Cow<'a, str>,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

impl<'a> HttpUrl<'a> {
    /// Parses an already-vetted absolute URL (`scheme://authority…`).
    fn parse(s: &'a str) -> Option<Self> {
        let colon = s.find(':')?;
        let scheme = s.get(..colon)?;
        if !is_http_scheme(scheme) {
            return None;
        }
        // `http:foo` is relative-with-scheme in browsers; too odd to be worth resolving.
        let rest = s.get(colon + 1..)?.strip_prefix("//")?;
        let (authority, path, query, fragment) = split_reference(rest, true);
        if !has_host(authority) {
            return None;
        }
        Some(HttpUrl {
            https: scheme.eq_ignore_ascii_case("https"),
            authority,
            path: Cow::Borrowed(path),
            query,
            fragment,
        })
    }

    /// Like [`HttpUrl::parse`] but for a caller-supplied base, which gets the same vetting
    /// as feed URLs.
    fn parse_base(raw: &'a str) -> Option<Self> {
        let s = trim_c0_and_space(raw);
        if s.chars().any(is_forbidden) {
            return None;
        }
        Self::parse(s)
    }

    /// RFC 3986 §5.2.2 for a reference without a scheme.
    fn resolve(&self, reference: &'a str) -> Option<HttpUrl<'a>> {
        if let Some(rest) = reference.strip_prefix("//") {
            let (authority, path, query, fragment) = split_reference(rest, true);
            if !has_host(authority) {
                return None;
            }
            return Some(HttpUrl {
                https: self.https,
                authority,
                path: remove_dot_segments(path),
                query,
                fragment,
            });
        }
        let (_, path, query, fragment) = split_reference(reference, false);
        let (path, query) = if path.is_empty() {
            (self.path.clone(), query.or(self.query))
        } else if path.starts_with('/') {
            (remove_dot_segments(path), query)
        } else {
            let directory = match self.path.rfind('/') {
                Some(slash) => self.path.get(..=slash).unwrap_or("/"),
                None => "/",
            };
            let merged = format!("{directory}{path}");
            let path = if has_dot_segments(&merged) {
                remove_dot_segments(&merged).into_owned()
            } else {
                merged
            };
            (Cow::Owned(path), query)
        };
        Some(HttpUrl {
            https: self.https,
            authority: self.authority,
            path,
            query,
            fragment,
        })
    }
}

impl std::fmt::Display for HttpUrl<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let scheme = if self.https { "https" } else { "http" };
        write!(f, "{scheme}://{}{}", self.authority, self.path)?;
        if let Some(query) = self.query {
            write!(f, "?{query}")?;
        }
        if let Some(fragment) = self.fragment {
            write!(f, "#{fragment}")?;
        }
        Ok(())
    }
}

/// Splits `[authority]path[?query][#fragment]`; the authority only when `with_authority`.
fn split_reference(s: &str, with_authority: bool) -> (&str, &str, Option<&str>, Option<&str>) {
    let (s, fragment) = match s.split_once('#') {
        Some((before, fragment)) => (before, Some(fragment)),
        None => (s, None),
    };
    let (s, query) = match s.split_once('?') {
        Some((before, query)) => (before, Some(query)),
        None => (s, None),
    };
    if !with_authority {
        return ("", s, query, fragment);
    }
    match s.find('/') {
        Some(slash) => (
            s.get(..slash).unwrap_or(""),
            s.get(slash..).unwrap_or(""),
            query,
            fragment,
        ),
        None => (s, "", query, fragment),
    }
}

/// An authority names a host once user info and port are set aside.
fn has_host(authority: &str) -> bool {
    let host_port = authority.rsplit('@').next().unwrap_or("");
    if host_port.starts_with('[') {
        return host_port.len() > 2 && host_port.contains(']');
    }
    let host = host_port.split(':').next().unwrap_or("");
    !host.is_empty()
}

/// Whether a path may hold `.` or `..` segments (cheap, may say yes for `/.well-known`).
fn has_dot_segments(path: &str) -> bool {
    // A byte scan rather than `contains("/.")`, which costs a substring searcher in wasm.
    path.starts_with('.') || path.as_bytes().windows(2).any(|pair| pair == b"/.")
}

/// RFC 3986 §5.2.4 for an absolute path (every path we build for an `http(s)` URL is one).
fn remove_dot_segments(path: &str) -> Cow<'_, str> {
    if path.starts_with('/') && !has_dot_segments(path) {
        return Cow::Borrowed(path);
    }
    let mut kept: Vec<&str> = Vec::new();
    let mut ends_in_directory = false;
    let body = path.strip_prefix('/').unwrap_or(path);
    let mut segments = body.split('/').peekable();
    while let Some(segment) = segments.next() {
        let last = segments.peek().is_none();
        match segment {
            "." => ends_in_directory = last,
            ".." => {
                kept.pop();
                ends_in_directory = last;
            }
            _ => {
                kept.push(segment);
                ends_in_directory = false;
            }
        }
    }
    let mut out = String::with_capacity(path.len() + 1);
    out.push('/');
    out.push_str(&kept.join("/"));
    if ends_in_directory && !kept.is_empty() {
        out.push('/');
    }
    Cow::Owned(out)
}
