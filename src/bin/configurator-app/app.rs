//! The configurator page: the feed check, the options, the live preview and the outputs.
//! Every string it shows comes from `news_widget::configurator` (or, for findings, from
//! `newsctl validate`'s own rules); feed content is only ever text.

use std::rc::Rc;

use news_widget::configurator::{
    advice, csp_lines, directory_of, iframe, image_urls, prerender_command, snippet, Options, Text,
};
use news_widget::feed::lint::Report;
use news_widget::fetch::InFlight;
use news_widget::i18n::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::check::{check, Outcome};

/// The four outputs a partner can copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Output {
    Snippet,
    Iframe,
    Prerender,
    Csp,
}

impl Output {
    const ALL: [Output; 4] = [
        Output::Snippet,
        Output::Iframe,
        Output::Prerender,
        Output::Csp,
    ];

    fn id(self) -> &'static str {
        match self {
            Output::Snippet => "out-snippet",
            Output::Iframe => "out-iframe",
            Output::Prerender => "out-prerender",
            Output::Csp => "out-csp",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Check {
    Loading,
    Done(Outcome),
}

#[derive(Clone, PartialEq)]
struct State {
    lang: Lang,
    /// The feed field as typed; `options.feed` is the URL last checked, made absolute.
    feed_input: String,
    options: Options,
    check: Check,
    /// Bumped by every check, so a slow answer to an older one is dropped.
    generation: u32,
    narrow: bool,
    dark_backdrop: bool,
    copied: Option<(Output, bool)>,
}

enum Action {
    Language(Lang),
    FeedInput(String),
    Checking(String),
    Checked(u32, Outcome),
    Set(&'static str, String),
    Narrow(bool),
    DarkBackdrop(bool),
    Copied(Output, bool),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Language(lang) => next.lang = lang,
            Action::FeedInput(text) => next.feed_input = text,
            Action::Checking(url) => {
                next.options.feed = url;
                next.check = Check::Loading;
                next.generation += 1;
            }
            Action::Checked(generation, outcome) if generation == self.generation => {
                next.check = Check::Done(outcome);
            }
            Action::Checked(..) => return self,
            Action::Set(name, value) => {
                if name == "bundle" {
                    next.options.bundle = value;
                } else {
                    next.options.set(name, value);
                }
            }
            Action::Narrow(narrow) => next.narrow = narrow,
            Action::DarkBackdrop(dark) => next.dark_backdrop = dark,
            Action::Copied(output, ok) => next.copied = Some((output, ok)),
        }
        // A copy status belongs to the text it copied.
        if next.options != self.options {
            next.copied = None;
        }
        Rc::new(next)
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// `input` resolved against this page, as the browser would fetch it.
fn absolute(input: &str) -> Option<String> {
    let base = document()?.base_uri().ok().flatten()?;
    web_sys::Url::new_with_base(input.trim(), &base)
        .ok()
        .map(|url| url.href())
}

fn page_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// The page's starting state: the default feed beside this page, the bundle this page comes
/// with, every option at its default; `?lang=en` picks the page's language.
fn initial_state() -> State {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let lang = web_sys::Url::new(&href)
        .ok()
        .and_then(|url| url.search_params().get("lang"))
        .and_then(|tag| Lang::parse(&tag))
        .unwrap_or_default();
    let feed = absolute("feed.json").unwrap_or_else(|| "feed.json".to_owned());
    State {
        lang,
        feed_input: "feed.json".to_owned(),
        options: Options::new(&feed, &directory_of(&href)),
        check: Check::Loading,
        generation: 0,
        narrow: false,
        dark_backdrop: false,
        copied: None,
    }
}

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    let in_flight = use_mut_ref(InFlight::default);
    let text = Text::of(state.lang);

    // The document's language and title follow the page's, for screen readers and tabs.
    {
        let lang = state.lang;
        use_effect_with(lang, move |lang| {
            if let Some(document) = document() {
                if let Some(root) = document.document_element() {
                    let _ = root.set_attribute("lang", lang.tag());
                }
                document.set_title(Text::of(*lang).title);
            }
        });
    }

    // Each check runs against `options.feed`; a newer one aborts the request of the older.
    {
        let dispatch = state.dispatcher();
        let in_flight = in_flight.clone();
        use_effect_with(
            (state.generation, state.options.feed.clone()),
            move |(generation, url)| {
                let current = InFlight::default();
                in_flight.replace(current.clone());
                let (generation, url) = (*generation, url.clone());
                spawn_local(async move {
                    if let Some(outcome) = check(&url, &current).await {
                        dispatch.dispatch(Action::Checked(generation, outcome));
                    }
                });
                let owned = in_flight.clone();
                // Leaving the page (or a newer check) aborts the request on the wire.
                move || owned.borrow().abort()
            },
        );
    }

    let on_submit = {
        let state = state.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let url = absolute(&state.feed_input).unwrap_or_else(|| state.feed_input.clone());
            state.dispatch(Action::Checking(url));
        })
    };
    let on_feed_input = {
        let dispatch = state.dispatcher();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            dispatch.dispatch(Action::FeedInput(input.value()));
        })
    };
    let set = |name: &'static str| {
        let dispatch = state.dispatcher();
        Callback::from(move |value: String| dispatch.dispatch(Action::Set(name, value)))
    };
    let switch_language = {
        let dispatch = state.dispatcher();
        let other = match state.lang {
            Lang::ZhCn => Lang::En,
            _ => Lang::ZhCn,
        };
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Language(other)))
    };

    let (attributes, warnings) = state.options.attributes();
    let attribute = |name: &str| -> Option<AttrValue> {
        attributes
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| AttrValue::from(v.clone()))
    };
    let warning = |name: &str| -> Option<String> {
        warnings
            .iter()
            .find(|w| w.attribute == name)
            .map(|w| format!("{}: {w}", text.ignored))
    };
    let report = match &state.check {
        Check::Done(Outcome::Read(report)) => Some(report.as_ref()),
        _ => None,
    };
    let images = report
        .and_then(|r| r.page.as_ref())
        .map(image_urls)
        .unwrap_or_default();
    let bundle = state.options.bundle.trim();
    let outputs = [
        snippet(bundle, &attributes),
        iframe(bundle, &attributes),
        prerender_command(bundle, &attributes),
        csp_lines(bundle, &state.options.feed, &images).join("\n"),
    ];

    html! {
        <>
        <header class="cf-header">
            <h1>{ text.title }</h1>
            <button type="button" id="switch-language" class="cf-language"
                lang={if state.lang == Lang::ZhCn { "en" } else { "zh-CN" }}
                onclick={switch_language}>{ text.language_switch }</button>
        </header>
        <main class="cf-main">
            <p class="cf-intro">{ text.intro }</p>

            <div class="cf-columns">
            <div class="cf-column">
            <section class="cf-panel" aria-labelledby="h-feed">
                <h2 id="h-feed">{ text.feed_heading }</h2>
                <form class="cf-feed" onsubmit={on_submit}>
                    <div class="cf-field">
                        <label for="feed-url">{ text.feed_url }</label>
                        <input id="feed-url" type="text" inputmode="url" autocomplete="url"
                            spellcheck="false" aria-describedby="feed-url-hint"
                            value={state.feed_input.clone()} oninput={on_feed_input} />
                        <p id="feed-url-hint" class="cf-hint">{ text.feed_url_hint }</p>
                    </div>
                    <button type="submit" id="check-feed">{ text.load }</button>
                </form>
                { findings(&state, text) }
            </section>

            <section class="cf-panel" aria-labelledby="h-options">
                <h2 id="h-options">{ text.options_heading }</h2>
                <div class="cf-options">
                    { select_field("opt-lang", text.lang, &state.options.lang, &[("", text.lang_feed), ("zh-CN", "简体中文 (zh-CN)"), ("zh-Hant", "繁體中文 (zh-Hant)"), ("en", "English (en)"), ("ja", "日本語 (ja)"), ("ko", "한국어 (ko)"), ("ar", "العربية (ar)")], set("lang")) }
                    { select_field("opt-layout", text.layout, &state.options.layout, &[("page", text.layout_page), ("article", text.layout_article), ("headlines", text.layout_headlines), ("list", text.layout_list)], set("layout")) }
                    { text_field("opt-sections", text.sections, text.sections_hint, &state.options.sections, set("sections")) }
                    { select_field("opt-open", text.open, &state.options.open, &[("in-place", text.open_in_place), ("page", text.open_page)], set("open")) }
                    { select_field("opt-history", text.history, &state.options.history, &[("on", text.history_on), ("off", text.history_off)], set("history")) }
                    { select_field("opt-theme", text.theme, &state.options.theme, &[("auto", text.theme_auto), ("light", text.theme_light), ("dark", text.theme_dark)], set("theme")) }
                    { number_field("opt-interval", text.interval, text.interval_hint, &state.options.interval, ("2", "600", "0.5"), warning("interval"), set("interval")) }
                    { number_field("opt-max-headlines", text.max_headlines, text.max_headlines_hint, &state.options.max_headlines, ("1", "100", "1"), warning("max-headlines"), set("max-headlines")) }
                    { select_field("opt-target", text.target, &state.options.target, &[("_self", text.target_self), ("_blank", text.target_blank)], set("target")) }
                    { number_field("opt-refresh", text.refresh, text.refresh_hint, &state.options.refresh, ("0", "86400", "1"), warning("refresh"), set("refresh")) }
                    { select_field("opt-storage", text.storage, &state.options.storage, &[("on", text.storage_on), ("off", text.storage_off)], set("storage")) }
                    { text_field("opt-article", text.article, text.article_hint, &state.options.article, set("article")) }
                    { text_field("opt-bundle", text.bundle_url, text.bundle_url_hint, &state.options.bundle, set("bundle")) }
                </div>
            </section>

            </div>
            <div class="cf-column">
            <section class="cf-panel" aria-labelledby="h-output">
                <h2 id="h-output">{ text.output_heading }</h2>
                <p class="cf-hint">{ text.output_note }</p>
                { for Output::ALL.iter().zip(outputs).map(|(output, code)| output_block(*output, code, &state, text)) }
            </section>
            </div>
            </div>
            <section class="cf-panel" aria-labelledby="h-preview">
                <h2 id="h-preview">{ text.preview_heading }</h2>
                <div class="cf-toggles">
                    { radio_pair("width", text.width, (text.narrow, text.wide), state.narrow, {
                        let dispatch = state.dispatcher();
                        Callback::from(move |first| dispatch.dispatch(Action::Narrow(first)))
                    }) }
                    { radio_pair("backdrop", text.backdrop, (text.dark, text.light), state.dark_backdrop, {
                        let dispatch = state.dispatcher();
                        Callback::from(move |first| dispatch.dispatch(Action::DarkBackdrop(first)))
                    }) }
                </div>
                <div id="preview-frame" class={classes!("cf-preview", state.narrow.then_some("cf-narrow"), state.dark_backdrop.then_some("cf-dark"))}>
                    <news-widget id="preview" feed={attribute("feed")} article={attribute("article")}
                        interval={attribute("interval")} lang={attribute("lang")} theme={attribute("theme")}
                        max-headlines={attribute("max-headlines")} target={attribute("target")}
                        refresh={attribute("refresh")} storage={attribute("storage")}
                        layout={attribute("layout")} sections={attribute("sections")}
                        // `open` is a boolean attribute to yew's html! (as on <details>); HTML names are
                        // case-insensitive, so this spelling keeps it a plain value.
                        Open={attribute("open")} history={attribute("history")}></news-widget>
                </div>
            </section>

        </main>
        </>
    }
}

/// The result of the last check: the fetch's message, the validator's findings.
fn findings(state: &State, text: &Text) -> Html {
    let body = match &state.check {
        Check::Loading => html! { <p>{ text.loading }</p> },
        Check::Done(Outcome::Read(report)) => report_view(report, text),
        Check::Done(Outcome::Failed {
            failure,
            cors,
            report,
        }) => html! {
            <>
            <div id="fetch-message" class="cf-problem">
                <p><strong>{ text.fetch_failed }</strong>{ ": " }{ failure.message(state.lang, &state.options.feed) }</p>
                <p>{ advice(failure, *cors, state.lang, &page_origin()) }</p>
            </div>
            { report.as_deref().map(|r| report_view(r, text)).unwrap_or_default() }
            </>
        },
    };
    html! {
        <div id="findings" class="cf-findings" role="status" aria-live="polite"
            aria-busy={(state.check == Check::Loading).to_string()}>
            <h3>{ text.findings_heading }</h3>
            { body }
        </div>
    }
}

fn report_view(report: &Report, text: &Text) -> Html {
    let skipped = report
        .errors
        .iter()
        .chain(&report.warnings)
        .filter(|f| f.ends_with("item skipped"))
        .count();
    let list = |id: &'static str, heading: &'static str, items: &[String]| -> Html {
        if items.is_empty() {
            return Html::default();
        }
        html! {
            <>
            <h4 id={format!("{id}-heading")}>{ heading }</h4>
            <ul id={id} aria-labelledby={format!("{id}-heading")}>
                { for items.iter().map(|finding| finding_item(finding)) }
            </ul>
            </>
        }
    };
    let mut errors = Vec::new();
    if let Some(error) = &report.error {
        errors.push(error.to_string());
    }
    errors.extend(report.errors.iter().cloned());
    html! {
        <>
        if let Some(format) = &report.format {
            <p id="format">{ text.format }{ ": " }{ text.format_found(format) }</p>
        }
        if let Some(summary) = &report.summary {
            <p id="summary">{ text.summary }{ ": " }{ summary }</p>
        }
        if errors.is_empty() && report.warnings.is_empty() {
            <p id="no-findings">{ text.no_findings }</p>
        }
        if skipped > 0 {
            <p id="skipped">{ format!("{skipped} {}", text.skipped) }</p>
        }
        { list("errors", text.errors, &errors) }
        { list("warnings", text.warnings, &report.warnings) }
        </>
    }
}

/// A finding with its JSON path set apart, so the eye finds where to look.
fn finding_item(finding: &str) -> Html {
    match finding.split_once(' ') {
        Some((path, rest)) if path.starts_with('$') => html! {
            <li><code>{ path }</code>{ " " }{ rest }</li>
        },
        _ => html! { <li>{ finding }</li> },
    }
}

fn select_field(
    id: &'static str,
    label: &'static str,
    value: &str,
    choices: &[(&'static str, &'static str)],
    onchange: Callback<String>,
) -> Html {
    let onchange = Callback::from(move |event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        onchange.emit(select.value());
    });
    html! {
        <div class="cf-field">
            <label for={id}>{ label }</label>
            <select id={id} onchange={onchange}>
                { for choices.iter().map(|(v, l)| html! {
                    <option value={*v} selected={*v == value}>{ *l }</option>
                }) }
            </select>
        </div>
    }
}

#[allow(clippy::too_many_arguments)]
fn number_field(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    value: &str,
    (min, max, step): (&'static str, &'static str, &'static str),
    warning: Option<String>,
    oninput: Callback<String>,
) -> Html {
    let oninput = Callback::from(move |event: InputEvent| {
        let input: HtmlInputElement = event.target_unchecked_into();
        oninput.emit(input.value());
    });
    let hint_id = format!("{id}-hint");
    let warning_id = format!("{id}-warning");
    let described = if warning.is_some() {
        format!("{hint_id} {warning_id}")
    } else {
        hint_id.clone()
    };
    html! {
        <div class="cf-field">
            <label for={id}>{ label }</label>
            <input id={id} type="number" min={min} max={max} step={step} inputmode="decimal"
                value={value.to_owned()} aria-describedby={described}
                aria-invalid={warning.is_some().to_string()} oninput={oninput} />
            <p id={hint_id} class="cf-hint">{ hint }</p>
            if let Some(warning) = warning {
                <p id={warning_id} class="cf-warning">{ warning }</p>
            }
        </div>
    }
}

fn text_field(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    value: &str,
    oninput: Callback<String>,
) -> Html {
    let oninput = Callback::from(move |event: InputEvent| {
        let input: HtmlInputElement = event.target_unchecked_into();
        oninput.emit(input.value());
    });
    let hint_id = format!("{id}-hint");
    html! {
        <div class="cf-field">
            <label for={id}>{ label }</label>
            <input id={id} type="text" spellcheck="false" value={value.to_owned()}
                aria-describedby={hint_id.clone()} oninput={oninput} />
            <p id={hint_id} class="cf-hint">{ hint }</p>
        </div>
    }
}

/// Two radio buttons in a fieldset; the callback gets whether the first is chosen.
fn radio_pair(
    name: &'static str,
    legend: &'static str,
    (first, second): (&'static str, &'static str),
    first_chosen: bool,
    onchange: Callback<bool>,
) -> Html {
    let choice = |label: &'static str, is_first: bool| {
        let onchange = onchange.clone();
        let id = format!("{name}-{}", if is_first { "first" } else { "second" });
        html! {
            <label for={id.clone()}>
                <input type="radio" id={id} name={name} checked={first_chosen == is_first}
                    onchange={Callback::from(move |_: Event| onchange.emit(is_first))} />
                { " " }{ label }
            </label>
        }
    };
    html! {
        <fieldset class="cf-toggle">
            <legend>{ legend }</legend>
            { choice(first, true) }
            { choice(second, false) }
        </fieldset>
    }
}

fn output_block(
    output: Output,
    code: String,
    state: &UseReducerHandle<State>,
    text: &Text,
) -> Html {
    let (heading, note) = match output {
        Output::Snippet => (text.snippet, None),
        Output::Iframe => (text.iframe, Some(text.iframe_note)),
        Output::Prerender => (text.prerender, None),
        Output::Csp => (text.csp, Some(text.csp_note)),
    };
    let id = output.id();
    let status = match state.copied {
        Some((copied, true)) if copied == output => text.copied,
        Some((copied, false)) if copied == output => text.copy_refused,
        _ => "",
    };
    let onclick = {
        let dispatch = state.dispatcher();
        let code = code.clone();
        Callback::from(move |_: MouseEvent| {
            let dispatch = dispatch.clone();
            let code = code.clone();
            spawn_local(async move {
                let ok = match web_sys::window() {
                    Some(window) => {
                        let promise = window.navigator().clipboard().write_text(&code);
                        JsFuture::from(promise).await.is_ok()
                    }
                    None => false,
                };
                if !ok {
                    select_text(output.id());
                }
                dispatch.dispatch(Action::Copied(output, ok));
            });
        })
    };
    // Tall enough for the wrapped text (about 70 characters a row), so nothing hides.
    let rows = code
        .lines()
        .map(|line| line.chars().count() / 70 + 1)
        .sum::<usize>()
        .clamp(3, 16)
        .to_string();
    html! {
        <div class="cf-output">
            <label for={id} class="cf-output-label">{ heading }</label>
            if let Some(note) = note {
                <p class="cf-hint">{ note }</p>
            }
            <textarea id={id} readonly=true rows={rows} spellcheck="false" value={code} />
            <div class="cf-copy">
                <button type="button" id={format!("{id}-copy")} onclick={onclick}
                    aria-describedby={format!("{id}-status")}>{ text.copy }</button>
                <span id={format!("{id}-status")} role="status">{ status }</span>
            </div>
        </div>
    }
}

/// Selects the whole text of output `id`, so the partner can copy it by hand.
fn select_text(id: &str) {
    if let Some(area) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
    {
        let _ = area.focus();
        area.select();
    }
}
