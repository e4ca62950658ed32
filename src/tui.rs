//! The reading screen.
