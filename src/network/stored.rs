//! The last good feed, kept in the page's `localStorage` so a repeat visit shows it at once
//! (stale-while-revalidate) and a failing server does not blank the widget.
//!
//! * **Key:** `news-widget:v1:` followed by the feed's absolute URL ([`storage_key`]). One
//!   entry per feed URL, shared by every widget showing that feed; the version changes when
//!   the format does, and entries of other versions are removed when space is needed.
//! * **Value:** a few header lines (when it was saved, the `ETag` and `Last-Modified` of the
//!   response), a blank line, then the feed exactly as the server sent it. It is read
//!   through the same reader as a fresh feed, so a stored feed is never trusted more than
//!   the network.
//! * **Caps:** an entry over [`MAX_ENTRY_BYTES`] is not stored (the widget still works, it
//!   just has nothing to show instantly next time), because the widget is a guest in the
//!   partner's origin and shares its quota. All entries together stay within
//!   [`MAX_ENTRIES`] and [`MAX_TOTAL_BYTES`]: before each write, entries that are unusable
//!   go, then the least recently saved ones until the new one fits ([`to_evict`]), so a
//!   portal with a feed per topic, or a feed URL with a changing query, cannot fill the
//!   partner's storage one entry at a time. An entry older than [`MAX_AGE_MS`] is ignored
//!   and removed.
//! * **Failures:** storage may be missing, disabled (private modes, sandboxed frames, a
//!   `SecurityError` on access), full, or throw on any call. Reading failures mean "nothing
//!   stored". A full storage gets one clean-up (this key's old entry, entries of other
//!   versions) and one more try, then [`write_step`] gives up for the widget's lifetime.
//! * **Off:** `storage="off"` on the element (see [`crate::config`]) neither reads nor
//!   writes; it also removes this feed's entry, so switching it off forgets what was kept.
//!
//! Nothing else is stored: no cookies, no identifiers, no reading history.

use super::refresh::Validators;

/// Prefix of every key the widget uses.
pub const KEY_PREFIX: &str = "news-widget:";
/// This format's version, part of every key.
pub const FORMAT_VERSION: &str = "v1";
/// Largest entry stored, in UTF-8 bytes of the whole value (the browser counts UTF-16 code
/// units, never more than the UTF-8 bytes): 1 MiB, a fifth of the usual 5 MiB per origin.
pub const MAX_ENTRY_BYTES: usize = 1024 * 1024;
/// Most entries kept, all feed URLs together.
pub const MAX_ENTRIES: usize = 16;
/// All entries together, measured like [`MAX_ENTRY_BYTES`]: 2 MiB, two fifths of the usual
/// 5 MiB per origin, so two feeds of the largest size still fit and the partner keeps the rest.
pub const MAX_TOTAL_BYTES: usize = 2 * MAX_ENTRY_BYTES;
/// Entries older than this are not shown: 7 days.
pub const MAX_AGE_MS: u64 = 7 * 24 * 60 * 60 * 1000;
/// After a 304, the entry's saved time is renewed (a rewrite) only if older than this: 1 h.
pub const RENEW_AFTER_MS: u64 = 60 * 60 * 1000;

/// First line of every value; also checked when reading.
const MAGIC: &str = "news-widget-feed 1";

/// The storage key for the feed at `absolute_url`.
pub fn storage_key(absolute_url: &str) -> String {
    [KEY_PREFIX, FORMAT_VERSION, ":", absolute_url].concat()
}

/// A key written by another version of the widget: safe to remove to make room.
pub fn is_other_version_key(key: &str) -> bool {
    key.strip_prefix(KEY_PREFIX)
        .is_some_and(|rest| !rest.starts_with(&[FORMAT_VERSION, ":"].concat()))
}

/// One stored feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredFeed {
    /// When it was last confirmed by the network (ms since the Unix epoch).
    pub saved_at_ms: u64,
    pub validators: Validators,
    /// The feed's JSON text as served.
    pub body: String,
}

/// Why a stored value is not used. The shell removes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unusable {
    /// Not in this format (another version, truncated, written by someone else).
    Corrupt,
    /// Older than [`MAX_AGE_MS`], or saved in the future (a changed clock).
    Expired,
}

impl StoredFeed {
    /// The value to store, or `None` if it would exceed [`MAX_ENTRY_BYTES`].
    pub fn encode(&self) -> Option<String> {
        let mut value = String::with_capacity(self.body.len() + 128);
        value.push_str(MAGIC);
        value.push_str("\nsaved ");
        value.push_str(&self.saved_at_ms.to_string());
        for (name, field) in [
            ("etag", &self.validators.etag),
            ("last-modified", &self.validators.last_modified),
        ] {
            // Validators never hold line breaks (Validators::from_headers).
            if let Some(v) = field {
                value.push('\n');
                value.push_str(name);
                value.push(' ');
                value.push_str(v);
            }
        }
        value.push_str("\n\n");
        value.push_str(&self.body);
        (value.len() <= MAX_ENTRY_BYTES).then_some(value)
    }

    /// Reads a stored value at `now_ms`.
    pub fn decode(value: &str, now_ms: u64) -> Result<StoredFeed, Unusable> {
        let (saved_at_ms, etag, last_modified, body) = parse(value, now_ms)?;
        Ok(StoredFeed {
            saved_at_ms,
            validators: Validators::from_headers(etag, last_modified),
            body: body.to_owned(),
        })
    }

    /// When a stored value was saved, if it is usable at `now_ms` (the body is not copied).
    pub fn saved_at(value: &str, now_ms: u64) -> Result<u64, Unusable> {
        parse(value, now_ms).map(|(saved_at_ms, ..)| saved_at_ms)
    }
}

type Parts<'a> = (u64, Option<&'a str>, Option<&'a str>, &'a str);

/// A value's saved time, validators and body.
fn parse(value: &str, now_ms: u64) -> Result<Parts<'_>, Unusable> {
    let (head, body) = value.split_once("\n\n").ok_or(Unusable::Corrupt)?;
    let mut lines = head.lines();
    if lines.next() != Some(MAGIC) || body.trim().is_empty() {
        return Err(Unusable::Corrupt);
    }
    let mut saved_at_ms = None;
    let (mut etag, mut last_modified) = (None, None);
    for line in lines {
        let (name, v) = line.split_once(' ').ok_or(Unusable::Corrupt)?;
        match name {
            "saved" if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) => {
                saved_at_ms = Some(v.parse::<u64>().map_err(|_| Unusable::Corrupt)?);
            }
            "etag" => etag = Some(v),
            "last-modified" => last_modified = Some(v),
            _ => return Err(Unusable::Corrupt),
        }
    }
    let saved_at_ms = saved_at_ms.ok_or(Unusable::Corrupt)?;
    // A minute of clock skew between tabs is tolerated; a date further ahead is not.
    if saved_at_ms > now_ms.saturating_add(60_000)
        || now_ms.saturating_sub(saved_at_ms) > MAX_AGE_MS
    {
        return Err(Unusable::Expired);
    }
    Ok((saved_at_ms, etag, last_modified, body))
}

/// One of this version's entries already in storage, other than the one about to be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kept<'a> {
    pub key: &'a str,
    /// Its value's length, measured like [`MAX_ENTRY_BYTES`].
    pub bytes: usize,
    /// [`StoredFeed::saved_at`], or `None` when the value is unusable.
    pub saved_at_ms: Option<u64>,
}

/// The keys to remove before writing a value of `bytes` bytes, so that it and the entries
/// kept stay within [`MAX_ENTRIES`] and [`MAX_TOTAL_BYTES`]: every unusable entry, then the
/// least recently saved ones, keeping the newest that fit (never an older one in place of a
/// newer one, so what is kept is always the most recent feeds).
pub fn to_evict<'a>(others: &[Kept<'a>], bytes: usize) -> Vec<&'a str> {
    let mut left: Vec<&Kept<'a>> = others.iter().collect();
    let (mut count, mut total, mut full) = (1, bytes, false);
    let mut evict = Vec::new();
    // Newest first, unusable last; equal times by key, so the choice does not depend on the
    // storage's order. (A selection, not a sort: a handful of entries, and no sort's code in
    // the wasm.)
    while let Some(i) = left
        .iter()
        .enumerate()
        .max_by(|(_, a), (_, b)| {
            a.saved_at_ms
                .cmp(&b.saved_at_ms)
                .then_with(|| b.key.cmp(a.key))
        })
        .map(|(i, _)| i)
    {
        let k = left.swap_remove(i);
        let fits = !full
            && k.saved_at_ms.is_some()
            && count < MAX_ENTRIES
            && total + k.bytes <= MAX_TOTAL_BYTES;
        if fits {
            count += 1;
            total += k.bytes;
        } else {
            // Everything older goes too, so what is kept is always the most recent.
            full = true;
            evict.push(k.key);
        }
    }
    evict
}

/// After a 304: whether to rewrite the entry just to renew its saved time.
pub fn renew_after_not_modified(saved_at_ms: u64, now_ms: u64) -> bool {
    now_ms.saturating_sub(saved_at_ms) >= RENEW_AFTER_MS
}

/// How a `setItem` call ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteResult {
    Written,
    /// `QuotaExceededError` (or Firefox's `NS_ERROR_DOM_QUOTA_REACHED`).
    Full,
    /// Any other exception (storage disabled, a page script that throws, …).
    Threw,
}

/// What to do after a write, for the `tries`-th try (1-based) of one save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteStep {
    Done,
    /// Remove this key and other versions' keys, then try once more.
    MakeRoomAndRetry,
    /// Stop; and do not write again while this widget lives (it would only fail again).
    GiveUp,
}

/// The next step after a write that ended with `result` on try `tries`.
pub fn write_step(result: WriteResult, tries: u32) -> WriteStep {
    match result {
        WriteResult::Written => WriteStep::Done,
        WriteResult::Full if tries == 1 => WriteStep::MakeRoomAndRetry,
        WriteResult::Full | WriteResult::Threw => WriteStep::GiveUp,
    }
}
