//! Work spread over the machine's cores with scoped threads, results kept in
//! the order of the input (so output stays deterministic).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, OnceLock};

/// The cores work is spread over.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// `items.iter().map(f).collect()`, on every available core.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = cores().min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        out.push((i, f(item)));
                    }
                    out
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// Each item fed on the calling thread, in order, by `feed` (for what
/// cannot be shared between threads, such as a database connection), and
/// mapped by `f` on another core as soon as it is fed; once every item is
/// fed, the calling thread maps too. Returns each item's feed and result,
/// in the order of `items`, or `feed`'s first error (nothing after it is
/// fed, and what was fed is dropped).
pub fn map_fed<T: Sync, P: Send + Sync, R: Send, E>(
    items: &[T],
    mut feed: impl FnMut(&T) -> Result<P, E>,
    f: impl Fn(&T, &P) -> R + Sync,
) -> Result<Vec<(P, R)>, E> {
    let helpers = cores().min(items.len()).saturating_sub(1);
    if helpers == 0 {
        return items
            .iter()
            .map(|item| {
                let p = feed(item)?;
                let r = f(item, &p);
                Ok((p, r))
            })
            .collect();
    }
    let fed: Vec<OnceLock<P>> = items.iter().map(|_| OnceLock::new()).collect();
    // How many items are fed, and whether feeding is over.
    let progress = (Mutex::new((0usize, false)), Condvar::new());
    let next = AtomicUsize::new(0);
    let work = || {
        let mut out = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            let (lock, ready) = &progress;
            let mut state = lock.lock().expect("not poisoned");
            while state.0 <= i && !state.1 {
                state = ready.wait(state).expect("not poisoned");
            }
            drop(state);
            let Some(p) = fed[i].get() else { break };
            out.push((i, f(item, p)));
        }
        out
    };
    let mut failed = None;
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..helpers).map(|_| scope.spawn(work)).collect();
        // Feeding ends, by an error or a panic too: no helper waits on.
        let _stop = Stop(&progress);
        let (lock, ready) = &progress;
        for (i, item) in items.iter().enumerate() {
            let result = feed(item);
            let mut state = lock.lock().expect("not poisoned");
            match result {
                Ok(p) => {
                    let _ = fed[i].set(p);
                    state.0 = i + 1;
                }
                Err(e) => {
                    failed = Some(e);
                    state.1 = true;
                }
            }
            ready.notify_all();
            if state.1 {
                break;
            }
        }
        let mut done = if failed.is_none() { work() } else { Vec::new() };
        for w in workers {
            done.extend(w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        done
    });
    if let Some(e) = failed {
        return Err(e);
    }
    done.sort_by_key(|(i, _)| *i);
    Ok(fed
        .into_iter()
        .map(|p| p.into_inner().expect("every item fed"))
        .zip(done.into_iter().map(|(_, r)| r))
        .collect())
}

/// Marks feeding as over when dropped, and wakes every helper.
struct Stop<'a>(&'a (Mutex<(usize, bool)>, Condvar));

impl Drop for Stop<'_> {
    fn drop(&mut self) {
        let (lock, ready) = self.0;
        if let Ok(mut state) = lock.lock() {
            state.1 = true;
        }
        ready.notify_all();
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_keep_the_input_order() {
        let items: Vec<u64> = (0..1000).collect();
        let squares = super::map(&items, |x| x * x);
        assert_eq!(squares, items.iter().map(|x| x * x).collect::<Vec<_>>());
        assert!(super::map(&[] as &[u8], |x| *x).is_empty());
    }

    #[test]
    fn fed_items_are_mapped_in_order_with_what_fed_them() {
        let items: Vec<u64> = (0..50).collect();
        let mut fed = Vec::new();
        let out = super::map_fed(
            &items,
            |x| {
                fed.push(*x);
                Ok::<_, String>(x * 10)
            },
            |x, p| x + p,
        )
        .unwrap();
        assert_eq!(fed, items, "fed in order, on this thread");
        assert_eq!(
            out,
            items.iter().map(|x| (x * 10, x * 11)).collect::<Vec<_>>()
        );
    }

    #[test]
    fn feeding_stops_at_the_first_error() {
        let items: Vec<u64> = (0..50).collect();
        let mut fed = 0;
        let mapped = std::sync::atomic::AtomicUsize::new(0);
        let out = super::map_fed(
            &items,
            |x| {
                fed += 1;
                if *x == 7 {
                    Err(format!("item {x}"))
                } else {
                    Ok(*x)
                }
            },
            |_, _| mapped.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        );
        assert_eq!(out.unwrap_err(), "item 7");
        assert_eq!(fed, 8, "nothing after the error is fed");
        assert!(mapped.into_inner() <= 7, "only fed items are mapped");
    }

    #[test]
    fn a_panic_while_feeding_leaves_no_helper_waiting() {
        let items: Vec<u64> = (0..4).collect();
        let out = std::panic::catch_unwind(|| {
            super::map_fed(
                &items,
                |x| {
                    if *x == 1 {
                        panic!("fed badly")
                    } else {
                        Ok::<_, ()>(*x)
                    }
                },
                |x, _| *x,
            )
        });
        assert!(
            out.is_err(),
            "the panic comes through, and the call returns"
        );
    }
}
