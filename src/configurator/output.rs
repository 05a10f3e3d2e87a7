//! What the configurator prints for a partner to copy.

use crate::config::ATTRIBUTES;

/// A double-quoted attribute value: `&` and `"` escaped, and `<`, `>` for readers of the
/// snippet that are less careful than a browser.
fn escape_attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// `bundle` with exactly one `/` before `file`.
fn asset(bundle: &str, file: &str) -> String {
    format!("{}/{file}", bundle.trim_end_matches('/'))
}

/// The `<news-widget>` element with `attributes` (already left out when at their defaults).
pub fn element(attributes: &[(&str, String)]) -> String {
    let mut out = String::from("<news-widget");
    for (name, value) in attributes {
        out.push_str(&format!(" {name}=\"{}\"", escape_attribute(value)));
    }
    out.push_str("></news-widget>");
    out
}

/// The snippet for a partner's page: the preload hints (they let the browser fetch the glue
/// and the wasm while the loader is still arriving), the loader, and the element.
pub fn snippet(bundle: &str, attributes: &[(&str, String)]) -> String {
    let href = |file| escape_attribute(&asset(bundle, file));
    [
        format!(
            "<link rel=\"modulepreload\" href=\"{}\">",
            href("news-widget-app.js")
        ),
        format!(
            "<link rel=\"preload\" href=\"{}\" as=\"fetch\" type=\"application/wasm\" crossorigin>",
            href("news-widget-app_bg.wasm")
        ),
        format!(
            "<script type=\"module\" src=\"{}\"></script>",
            href("news-widget.js")
        ),
        String::new(),
        element(attributes),
    ]
    .join("\n")
}

/// The iframe variant, for hosts whose CSP cannot allow `'wasm-unsafe-eval'`.
pub fn iframe(bundle: &str, attributes: &[(&str, String)]) -> String {
    let query: Vec<String> = attributes
        .iter()
        // embed.html reads every attribute of the element (static/embed-frame.js).
        .filter(|(name, _)| ATTRIBUTES.contains(name))
        .map(|(name, value)| format!("{name}={}", query_component(value)))
        .collect();
    let src = format!("{}?{}", asset(bundle, "embed.html"), query.join("&"));
    format!(
        "<iframe data-news-widget src=\"{}\"\n        title=\"News\" width=\"100%\" height=\"600\"></iframe>\n\
         <script src=\"{}\" defer></script>",
        escape_attribute(&src),
        escape_attribute(&asset(bundle, "news-widget-frame.js"))
    )
}

/// Percent-encodes what would end or confuse a query parameter's value; URLs keep `:` and
/// `/` readable.
fn query_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~:/@!$'()*,;".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The pre-render recipe: the `newsctl render` command for these attributes, and the lines
/// the page's `<head>` needs beside its output.
pub fn prerender_command(bundle: &str, attributes: &[(&str, String)]) -> String {
    let mut words = vec!["newsctl".to_owned(), "render".to_owned()];
    for (name, value) in attributes {
        match *name {
            // The feed is both what newsctl reads and the element's `feed` attribute.
            "feed" => words.push(shell_word(value)),
            // What only the running widget does: the markup newsctl prints is the same.
            "refresh" | "storage" | "open" | "history" => {
                words.push("--attr".to_owned());
                words.push(shell_word(&format!("{name}={value}")));
            }
            _ => {
                words.push(format!("--{name}"));
                words.push(shell_word(value));
            }
        }
    }
    let options = words.join(" ");
    let css = asset(bundle, "news-widget.css");
    // The inlined variant saves the stylesheet's round trip before the first paint (README,
    // "Pre-rendering"); newsctl reads the stylesheet from a file, and prints the hash a
    // strict `style-src` must allow.
    format!(
        "{options} --css {css_word} -o widget.html\n\n\
         <!-- in <head>: -->\n<link rel=\"stylesheet\" href=\"{css_attr}\">\n\
         <script type=\"module\" src=\"{js_attr}\"></script>\n\
         <!-- in <body>, where the widget goes: the contents of widget.html -->\n\n\
         # Or, for the earliest first paint, the stylesheet inside widget.html (no <link>):\n\
         # download {css} first, and allow the 'sha256-…' newsctl prints in style-src.\n\
         {options} --inline-css news-widget.css -o widget.html",
        css_word = shell_word(&css),
        css_attr = escape_attribute(&css),
        js_attr = escape_attribute(&asset(bundle, "news-widget.js")),
    )
}

/// `value` as one word of a POSIX shell command: bare when it has nothing the shell reads,
/// else in single quotes.
pub fn shell_word(value: &str) -> String {
    let plain = !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./:=@%+,".contains(&b));
    if plain {
        value.to_owned()
    } else {
        format!("'{}'", value.replace('\'', r"'\''"))
    }
}
