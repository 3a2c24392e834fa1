//! Long lists drawn a part at a time: the first part with the rest of the page, then more in
//! each later task, so that a long report's results are on screen at once and the page never
//! stops for the whole of them (a 1 MB report has some 250 blocks of text and 150 tables).

use leptos::prelude::*;
use std::time::Duration;

/// How much of a list is drawn: its version, which counts its changes (the drawing of a list
/// that has changed since stops), and how many of its items.
#[derive(Clone, Copy)]
pub struct Steps {
    drawn: ReadSignal<(u64, usize)>,
    set_drawn: WriteSignal<(u64, usize)>,
    /// Items drawn at once.
    first: usize,
    /// Items drawn by each later task.
    more: usize,
}

impl Steps {
    /// Draws `first` items of a list at once and `more` in each later task.
    pub fn new(first: usize, more: usize) -> Self {
        let (drawn, set_drawn) = signal((0, 0));
        Steps {
            drawn,
            set_drawn,
            first,
            more,
        }
    }

    /// Starts drawing a new version of the list, of `total` items.
    pub fn start(self, total: usize) {
        let mine = self.drawn.with_untracked(|(version, _)| version + 1);
        self.set_drawn.set((mine, total.min(self.first)));
        self.more_later(mine, total);
    }

    /// The list's version and how many of its items are drawn.
    pub fn get(self) -> (u64, usize) {
        self.drawn.get()
    }

    /// Draws all `total` items of the list at once.
    pub fn all(self, total: usize) {
        self.set_drawn.try_update(|(_, drawn)| *drawn = total);
    }

    /// Draws more items of version `mine` in a later task, and so on to `total`, unless a newer
    /// version has started meanwhile.
    fn more_later(self, mine: u64, total: usize) {
        set_timeout(
            move || {
                let mut next = None;
                self.set_drawn.try_update(|(version, drawn)| {
                    if *version == mine && *drawn < total {
                        *drawn = (*drawn + self.more).min(total);
                        next = Some(*drawn);
                    }
                });
                if next.is_some_and(|drawn| drawn < total) {
                    self.more_later(mine, total);
                }
            },
            Duration::ZERO,
        );
    }
}
