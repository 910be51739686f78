//! Parallax: compare how several outlets covered one story.
//!
//! Data flows one way: folder → [`corpus`] (articles) → [`text`] (sentences)
//! → [`align`], [`quotes`], [`timeline`] → one [`model::Analysis`] → the desktop
//! app and the exports ([`export`], [`report`]). Only `app` uses egui. [`dates`] is a leaf that the
//! others use for date expressions and values.
pub mod align;
pub mod analysis;
#[cfg(feature = "app")]
pub mod app;
pub mod corpus;
pub mod dates;
pub mod decode;
pub mod diff;
pub mod duplicates;
pub mod export;
pub mod html;
pub mod import;
pub mod model;
pub mod palette;
pub mod quotes;
pub mod records;
pub mod report;
pub mod text;
pub mod timeline;
