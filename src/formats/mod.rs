//! Segment file formats translators exchange: gettext PO (more to come).

pub mod po;
