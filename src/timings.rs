//! Phase timings for profiling a slow run: with `TERCUMAN_TIMINGS=1` in the
//! environment, each timed phase prints its wall time to stderr, and when
//! it ended since the first phase began (which shows the cores idle
//! between phases). Off, a phase costs one cached environment check.

use std::sync::OnceLock;
use std::time::Instant;

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("TERCUMAN_TIMINGS").is_some_and(|v| v != "0"))
}

/// When the first phase began.
fn first_start() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

/// Prints `name` and the time since it was made when dropped.
pub struct Phase {
    name: String,
    start: Option<Instant>,
}

/// Starts timing a phase; `name` is only built when timings are on.
pub fn phase(name: impl FnOnce() -> String) -> Phase {
    if enabled() {
        first_start();
        Phase {
            name: name(),
            start: Some(Instant::now()),
        }
    } else {
        Phase {
            name: String::new(),
            start: None,
        }
    }
}

impl Drop for Phase {
    fn drop(&mut self) {
        if let Some(start) = self.start {
            eprintln!(
                "timing: {:>8.1} ms  {}  (ends at {:.0} ms)",
                start.elapsed().as_secs_f64() * 1000.0,
                self.name,
                first_start().elapsed().as_secs_f64() * 1000.0
            );
        }
    }
}
