//! Placeholder so the manifest resolves in this branch; the shell issue owns the real entry point.

fn main() {}
