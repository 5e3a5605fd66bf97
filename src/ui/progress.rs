//! Progress for steps that can take more than a second: a spinner with the
//! step's name on stderr, only on a terminal and never with `--quiet`.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::ProgressBar;

/// A progress display, or nothing when it would not be seen.
pub struct Progress(Option<ProgressBar>);

impl Progress {
    fn visible() -> bool {
        !super::quiet() && std::io::stderr().is_terminal()
    }

    /// A spinner with a message, for a step of unknown length.
    pub fn spinner(message: String) -> Progress {
        if !Self::visible() {
            return Progress(None);
        }
        let bar = ProgressBar::new_spinner().with_message(message);
        bar.enable_steady_tick(Duration::from_millis(120));
        Progress(Some(bar))
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
