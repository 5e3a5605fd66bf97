//! Exchange formats: gettext PO segment files, TMX translation memories.

pub mod po;
pub mod tmx;
