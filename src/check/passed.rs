//! Which pairs of English and translation passed the error checks in an
//! earlier build, so that a build runs the checks only on what changed
//! since: at a million words they were a quarter of a build's time.
//!
//! The record is `tm/.build-stamp-checks`, local to the clone: named as
//! the build stamps are, so that every clone's `.gitignore`, the
//! fingerprints and `serve`'s watcher already pass over it. It holds a
//! header naming the program that wrote it and the random keys of its
//! hashes, then one 16-byte SipHash-1-3 of each pair that passed. It can
//! only save time, never decide: a file another build of tercuman wrote,
//! or one that does not read whole, counts as empty, and a pair that
//! failed is never recorded, so it is checked again at every build. The
//! keys are drawn when the file is first made and never leave the
//! machine, so a translation cannot be crafted to collide with a pair that
//! passed.

use std::collections::HashSet;
use std::hash::{BuildHasher, Hasher};
use std::path::Path;
use std::sync::Mutex;

use siphasher::sip128::{Hasher128, SipHasher13};

use crate::error::{write_if_changed, Result};

/// The record's name, beside the memory.
pub const FILE: &str = ".build-stamp-checks";

const MAGIC: &str = "tercuman build checks 1";

/// The pairs known to pass, and those a build found passing.
pub struct Passed {
    /// This program, as the record must name it to be trusted; `None`
    /// when it cannot be told (nothing is then read or written).
    program: Option<String>,
    keys: (u64, u64),
    known: HashSet<u128, KeyHash>,
    /// Every pair found passing by this build, known before or not.
    seen: Mutex<Vec<u128>>,
}

impl Passed {
    /// A record that knows nothing: every pair is checked.
    #[cfg(test)]
    fn empty() -> Passed {
        Passed::new(program(), random_keys(), HashSet::default())
    }

    fn new(program: Option<String>, keys: (u64, u64), known: HashSet<u128, KeyHash>) -> Passed {
        Passed {
            program,
            keys,
            known,
            seen: Mutex::new(Vec::new()),
        }
    }

    /// The record at `path`, or an empty one when it is missing, was
    /// written by another program, or does not read whole.
    pub fn load(path: &Path) -> Passed {
        let program = program();
        let read = program
            .as_deref()
            .and_then(|p| std::fs::read(path).ok().and_then(|bytes| parse(&bytes, p)));
        match read {
            Some((keys, known)) => Passed::new(program, keys, known),
            None => Passed::new(program, random_keys(), HashSet::default()),
        }
    }

    /// A round of checks, on one thread; what it finds passing is added to
    /// this record when the round is dropped.
    pub fn round(&self) -> Round<'_> {
        Round {
            passed: self,
            seen: Vec::new(),
        }
    }

    /// Writes the pairs this build found passing, and with `keep_unseen`
    /// (a build that checked only some chapters) those known before too.
    /// Unchanged contents leave the file as it was.
    pub fn save(&self, path: &Path, keep_unseen: bool) -> Result<()> {
        let Some(program) = &self.program else {
            return Ok(());
        };
        let mut keys = self.seen.lock().expect("not poisoned").clone();
        if keep_unseen {
            keys.extend(self.known.iter().copied());
        }
        keys.sort_unstable();
        keys.dedup();
        let header = format!(
            "{MAGIC}\n{program}\n{:016x} {:016x}\n",
            self.keys.0, self.keys.1
        );
        let mut bytes = Vec::with_capacity(header.len() + keys.len() * 16);
        bytes.extend_from_slice(header.as_bytes());
        for key in keys {
            bytes.extend_from_slice(&key.to_le_bytes());
        }
        write_if_changed(path, &bytes).map(|_| ())
    }

    fn key(&self, source: &str, translation: &str) -> u128 {
        let mut h = SipHasher13::new_with_keys(self.keys.0, self.keys.1);
        h.write(&(source.len() as u64).to_le_bytes());
        h.write(source.as_bytes());
        h.write(translation.as_bytes());
        h.finish128().as_u128()
    }
}

/// Checks on one thread, against a [`Passed`] record.
pub struct Round<'a> {
    passed: &'a Passed,
    seen: Vec<u128>,
}

impl Round<'_> {
    /// Whether `translation` of `source` has an error-level issue
    /// ([`super::errors`]), checked only when the pair is not known to pass.
    pub fn has_errors(&mut self, source: &str, translation: &str) -> bool {
        let key = self.passed.key(source, translation);
        let passes =
            self.passed.known.contains(&key) || super::errors(source, translation).is_empty();
        if passes {
            self.seen.push(key);
        }
        !passes
    }
}

impl Drop for Round<'_> {
    fn drop(&mut self) {
        if let Ok(mut seen) = self.passed.seen.lock() {
            seen.append(&mut self.seen);
        }
    }
}

/// The program a record must come from: any other build of tercuman may
/// check differently. `None` when the running program cannot be found.
fn program() -> Option<String> {
    let (size, mtime) = crate::tm::journal::stat(&std::env::current_exe().ok()?)?;
    Some(format!("{} {size} {mtime}", env!("CARGO_PKG_VERSION")))
}

/// Keys no one else knows: each std `RandomState` is seeded afresh.
fn random_keys() -> (u64, u64) {
    let state = std::collections::hash_map::RandomState::new();
    (state.hash_one(1u8), state.hash_one(2u8))
}

/// The keys and pairs of a record written by `program`, if it reads whole.
fn parse(bytes: &[u8], program: &str) -> Option<((u64, u64), HashSet<u128, KeyHash>)> {
    let mut rest = bytes;
    let mut line = || {
        let end = rest.iter().position(|&b| b == b'\n')?;
        let text = std::str::from_utf8(&rest[..end]).ok()?;
        rest = &rest[end + 1..];
        Some(text)
    };
    if line()? != MAGIC || line()? != program {
        return None;
    }
    let (k0, k1) = line()?.split_once(' ')?;
    let keys = (
        u64::from_str_radix(k0, 16).ok()?,
        u64::from_str_radix(k1, 16).ok()?,
    );
    if !rest.len().is_multiple_of(16) {
        return None;
    }
    let known = rest
        .chunks_exact(16)
        .map(|c| u128::from_le_bytes(c.try_into().expect("16 bytes")))
        .collect();
    Some((keys, known))
}

/// The set's hash of a key that is itself a keyed hash: its low 64 bits.
#[derive(Default, Clone, Copy)]
struct KeyHash;

impl BuildHasher for KeyHash {
    type Hasher = LowBits;
    fn build_hasher(&self) -> LowBits {
        LowBits(0)
    }
}

struct LowBits(u64);

impl Hasher for LowBits {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u128(&mut self, n: u128) {
        self.0 = n as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "Read **this** first.";
    const GOOD: &str = "Önce **bunu** oku.";
    const BROKEN: &str = "Önce **bunu oku.";

    fn saved_and_loaded(passed: &Passed, dir: &Path) -> Passed {
        let path = dir.join(FILE);
        passed.save(&path, false).unwrap();
        Passed::load(&path)
    }

    #[test]
    fn a_pair_that_passed_is_known_to_the_next_build() {
        let dir = tempfile::tempdir().unwrap();
        let first = Passed::empty();
        assert!(!first.round().has_errors(SOURCE, GOOD));
        let next = saved_and_loaded(&first, dir.path());
        assert!(next.known.contains(&next.key(SOURCE, GOOD)));
        assert!(!next.round().has_errors(SOURCE, GOOD));
    }

    #[test]
    fn a_pair_with_an_error_is_never_recorded() {
        let dir = tempfile::tempdir().unwrap();
        let first = Passed::empty();
        assert!(first.round().has_errors(SOURCE, BROKEN));
        let next = saved_and_loaded(&first, dir.path());
        assert!(next.known.is_empty());
        assert!(next.round().has_errors(SOURCE, BROKEN));
    }

    #[test]
    fn a_new_translation_of_a_known_source_is_checked() {
        let dir = tempfile::tempdir().unwrap();
        let first = Passed::empty();
        first.round().has_errors(SOURCE, GOOD);
        let next = saved_and_loaded(&first, dir.path());
        assert!(next.round().has_errors(SOURCE, BROKEN));
        // Where the English ends counts: the same bytes split otherwise differ.
        assert_ne!(next.key("ab", "c"), next.key("a", "bc"));
    }

    #[test]
    fn a_record_from_another_program_or_cut_short_counts_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE);
        let first = Passed::empty();
        first.round().has_errors(SOURCE, GOOD);
        first.save(&path, false).unwrap();
        let bytes = std::fs::read(&path).unwrap();

        let other = String::from_utf8_lossy(&bytes).replacen(
            first.program.as_deref().unwrap(),
            "0.0.1 1 1",
            1,
        );
        std::fs::write(&path, other.as_bytes()).unwrap();
        assert!(Passed::load(&path).known.is_empty(), "another program");

        std::fs::write(&path, &bytes[..bytes.len() - 3]).unwrap();
        assert!(Passed::load(&path).known.is_empty(), "cut short");

        std::fs::write(&path, b"\xff\xfe garbage").unwrap();
        assert!(Passed::load(&path).known.is_empty(), "not a record");
    }

    #[test]
    fn a_partial_build_keeps_what_it_did_not_see() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE);
        let first = Passed::empty();
        first.round().has_errors(SOURCE, GOOD);
        first.round().has_errors("Two.", "İki.");
        first.save(&path, false).unwrap();

        let partial = Passed::load(&path);
        partial.round().has_errors("Two.", "İki.");
        partial.save(&path, true).unwrap();
        assert_eq!(Passed::load(&path).known.len(), 2);

        let whole = Passed::load(&path);
        whole.round().has_errors("Two.", "İki.");
        whole.save(&path, false).unwrap();
        assert_eq!(Passed::load(&path).known.len(), 1, "what no build saw goes");
    }
}
