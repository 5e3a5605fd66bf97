//! Exchange formats: gettext PO segment files, TMX translation memories,
//! XLIFF 1.2 and 2.1 for CAT tools (with inline Markdown as inline codes).

pub mod inline_codes;
pub mod po;
pub mod tmx;
pub mod xliff;
pub mod xml;
