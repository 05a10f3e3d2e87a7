//! Feed parsing benchmark (filled in by the feed work).
fn main() {}
