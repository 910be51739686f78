//! Parallax: compare how several outlets covered one story.
//!
//! Data flows one way: folder → [`corpus`] (articles) → [`text`] (sentences)
//! → [`align`], [`quotes`], [`timeline`] → one [`model::Analysis`] → the desktop
//! app and the exports. Only `app` uses egui. [`dates`] is a leaf that the
//! others use for date expressions and values.
pub mod align;
pub mod analysis;
pub mod app;
pub mod corpus;
pub mod dates;
pub mod diff;
pub mod export;
pub mod model;
pub mod quotes;
pub mod text;
pub mod timeline;
