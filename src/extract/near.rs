//! Searching a regular expression only near its key words.
//!
//! A regex that starts with a word boundary and a choice among common words or digits
//! ("currently", "the same period last year", "13th January") has no literal the regex engine
//! can look for first, so its automaton reads every byte of a report: about 2 ms a megabyte,
//! for each such regex. When every match must contain one of a few key words ("year", "now";
//! a month's first three letters) and is short, text far from any key word cannot hold a
//! match. [`Near`] finds the key words with a fast literal search and runs the regex only in
//! the regions around them, giving exactly the matches a search of the whole text gives.
//!
//! Why exactly: every match lies inside the region of a key word it contains (a region reaches
//! further than any match is long), regions are disjoint, and the regex is run on each region
//! with the text before it in view (for `\b`) and cut after it at a byte that is no word
//! character (so `\b` at its end reads as it does in the whole text).

use regex::{Captures, Match, Regex};
use std::ops::Range;

/// Key words and how far a match reaches around them.
pub struct Near {
    /// A plain alternation of the key words: found by a literal search (SIMD where the target
    /// has it), not by running an automaton over every byte.
    keys: Regex,
    /// More than the most bytes a match holds that are ASCII but not whitespace. Whitespace
    /// and non-ASCII bytes are not counted: a match's `\s+` may be any length.
    reach: usize,
}

impl Near {
    /// `keys` is a regex of literals; `reach` bounds a match's length as [`Near::reach`] says.
    pub fn new(keys: &str, reach: usize) -> Near {
        Near {
            keys: Regex::new(keys).expect("valid key words"),
            reach,
        }
    }

    /// The regions of `text` that may hold a match: in order, disjoint, each starting after an
    /// ASCII byte (or at the start) and ending before a byte that `(?-u:\b)` takes for no word
    /// character, which starts a character (or at the end).
    pub fn regions(&self, text: &str) -> Vec<Range<usize>> {
        let bytes = text.as_bytes();
        let mut regions: Vec<Range<usize>> = Vec::new();
        for key in self.keys.find_iter(text) {
            // Walking back need not pass the end of the last region: there they join.
            let floor = regions.last().map_or(0, |r| r.end);
            let start = self.back(bytes, key.start(), floor);
            let end = self.forward(bytes, key.end());
            match regions.last_mut() {
                Some(last) if start <= last.end => last.end = last.end.max(end),
                _ => regions.push(start..end),
            }
        }
        regions
    }

    /// Walks back from `at` over `reach` counted bytes and any uncounted ones around them, or
    /// to `floor`.
    fn back(&self, bytes: &[u8], at: usize, floor: usize) -> usize {
        let mut i = at;
        let mut counted = 0;
        while i > floor {
            let counts = counts(bytes[i - 1]);
            if counts && counted == self.reach {
                break; // stops after an ASCII byte: a character boundary
            }
            counted += usize::from(counts);
            i -= 1;
        }
        i
    }

    /// Walks forward from `at` over `reach` counted bytes and any uncounted ones, then to the
    /// end of the word it stopped in.
    fn forward(&self, bytes: &[u8], at: usize) -> usize {
        let mut i = at;
        let mut counted = 0;
        while i < bytes.len() {
            let counts = counts(bytes[i]);
            if counts && counted == self.reach {
                break;
            }
            counted += usize::from(counts);
            i += 1;
        }
        // Now at an ASCII byte (a character boundary) or the end.
        while i < bytes.len() && is_word_byte(bytes[i]) {
            i += 1;
        }
        i
    }
}

/// True for the bytes a match's length is counted in: ASCII, not whitespace (`\s` is
/// `\t \n \v \f \r` and space in ASCII).
fn counts(b: u8) -> bool {
    b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b' ')
}

/// True for the bytes `(?-u:\b)` counts as word characters.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The captures of `regex` in `text` that lie in `regions` (from [`Near::regions`]), in order:
/// the same as `regex.captures_iter(text)` when every match lies in a region. `regex` must not
/// match empty text.
pub fn captures_in<'t>(
    regex: &'t Regex,
    text: &'t str,
    regions: Vec<Range<usize>>,
) -> impl Iterator<Item = Captures<'t>> + 't {
    each_in(text, regions, move |haystack, at| {
        // Most regions hold no match: looking for one first spares making captures for them
        // (searching on from where the match starts finds the same match).
        let start = regex.find_at(haystack, at)?.start();
        let found = regex.captures_at(haystack, start)?;
        let end = found.get(0)?.end();
        Some((found, end))
    })
}

/// The matches of `regex` in `text` that lie in `regions`: as [`captures_in`], for
/// `regex.find_iter(text)`.
pub fn find_in<'t>(
    regex: &'t Regex,
    text: &'t str,
    regions: Vec<Range<usize>>,
) -> impl Iterator<Item = Match<'t>> + 't {
    each_in(text, regions, move |haystack, at| {
        let found = regex.find_at(haystack, at)?;
        Some((found, found.end()))
    })
}

/// What `search` finds in each region in turn, searching on from the end of each find; the
/// haystack it is given ends with the region, so that what it finds lies in the region.
fn each_in<'t, T>(
    text: &'t str,
    regions: Vec<Range<usize>>,
    search: impl Fn(&'t str, usize) -> Option<(T, usize)> + Copy + 't,
) -> impl Iterator<Item = T> + 't {
    regions.into_iter().flat_map(move |region| {
        let haystack = &text[..region.end];
        let mut at = region.start;
        std::iter::from_fn(move || {
            if at > haystack.len() {
                return None;
            }
            let (found, end) = search(haystack, at)?;
            // An empty match (which the regexes searched so never give) must not stop the
            // search: the next starts a character on.
            at = if end > at {
                end
            } else {
                haystack[at..]
                    .chars()
                    .next()
                    .map_or(haystack.len() + 1, |c| at + c.len_utf8())
            };
            Some(found)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// "the same period last year", "currently" and the like: matches contain "year", "now" or
    /// "current" and are short.
    fn relative() -> (Regex, Near) {
        (
            Regex::new(r"(?-u:\b)(?:(?:the\s+)?same\s+period\s+last\s+year|last\s+year|current(?:ly)?|now)(?-u:\b)")
                .unwrap(),
            Near::new("year|current|now", 24),
        )
    }

    fn spans_everywhere(regex: &Regex, text: &str) -> Vec<Range<usize>> {
        regex.find_iter(text).map(|m| m.range()).collect()
    }

    fn spans_near(regex: &Regex, near: &Near, text: &str) -> Vec<Range<usize>> {
        captures_in(regex, text, near.regions(text))
            .map(|c| c.get(0).unwrap().range())
            .collect()
    }

    #[test]
    fn finds_what_a_search_of_the_whole_text_finds() {
        let (regex, near) = relative();
        let padding = "words without the keys. ".repeat(20);
        let text = format!(
            "now {padding}As at the same period  \t last   year, and currently {padding}nowhere known; last year.\u{a0}now {padding}yearly now"
        );
        let found = spans_near(&regex, &near, &text);
        assert_eq!(found, spans_everywhere(&regex, &text));
        assert_eq!(found.len(), 6);
        // The text between the key words is not searched.
        let searched: usize = near.regions(&text).iter().map(|r| r.len()).sum();
        assert!(searched < text.len() / 2, "{searched} of {}", text.len());
    }

    #[test]
    fn regions_end_where_a_word_boundary_reads_as_in_the_whole_text() {
        // Two counted bytes either side of "year", then to the end of the word "abcdefgh".
        let near = Near::new("year", 2);
        let text = "ab x year abcdefgh, y";
        let regions = near.regions(text);
        assert_eq!(regions.len(), 1);
        assert_eq!(&text[regions[0].clone()], "b x year abcdefgh");
    }

    proptest! {
        #[test]
        fn agrees_with_the_whole_text_search(words in proptest::collection::vec(
            prop_oneof![
                Just("the"), Just("same"), Just("period"), Just("last"), Just("year"),
                Just("years"), Just("now"), Just("known"), Just("currently"), Just("current"),
                Just("x"), Just("é"), Just("\u{a0}"), Just("7"),
            ],
            0..60,
        ), gaps in proptest::collection::vec(
            prop_oneof![Just(" "), Just("  "), Just("\n"), Just(""), Just(", "), Just("\u{2003}")],
            60,
        )) {
            let (regex, near) = relative();
            let text: String = words.iter().zip(&gaps).map(|(w, g)| format!("{w}{g}")).collect();
            prop_assert_eq!(spans_near(&regex, &near, &text), spans_everywhere(&regex, &text));
        }
    }
}
