//! Feed HTML (`content_html`) to the view model's blocks, through an allow-list.

mod entities;
mod entities_table;
pub mod tokenizer;
