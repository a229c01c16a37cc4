//! `<Guard>`: the overlay a host mounts once; it shows the warning (and the quiz reached from
//! it) for whichever check is waiting for the user.

mod overlay;

pub use overlay::{Guard, GuardEvents, PendingCheck};
