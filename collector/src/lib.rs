//! collector (being written)
