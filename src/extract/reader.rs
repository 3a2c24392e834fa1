//! Walking a document in reading order, sentence by sentence and table by table, carrying the
//! context one passes to the next: reference dates ([`Timeline`]) and the last topic named
//! ([`Topic`], for "It was 51.16 per cent the year before").

use super::area;
use super::dates::{self, Expr, Point, When};
use super::foi;
use super::link::{self, Link, Topic};
use super::numbers::{self, Quantity, Role};
use super::tables::{self, Found};
use super::text::{self, Kind, Sentence};
use super::timing::{self, SentenceTimes, Timeline, ToDate};
use super::vocab::{self, Aliases};
use crate::model::{Area, Figure, Table, Unit};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Indicators whose words every service uses ("contacts", "referrals", "assessments", "open
/// cases", "caseloads"): under another service's heading, they are that service's.
const SERVICE_GENERIC: [&str; 8] = [
    "contacts",
    "referrals",
    "re_referrals_pct",
    "assessments",
    "assessments_on_time_pct",
    "referral_to_assessment_pct",
    "open_cases",
    "social_worker_caseload",
];

/// For a heading (or a short numbered line that stands as one), whether it opens another
/// service's section: "Adult Social Care", "4. Housing Performance", "Youth Justice"; not
/// "Adult and Children's Services", nor a sentence. A line that labels a date or a number
/// ("Approved by the Management Board: 30 July 2024") is no heading: it neither opens a
/// section nor ends one.
fn other_service_heading(kind: Kind, body: &str) -> Option<bool> {
    static OTHER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)^(?:{}|education|schools|send|lado|(?:local\s+authority\s+)?designated\s+officer)(?-u:\b)",
            vocab::OTHER_SERVICES
        ))
        .expect("valid regex")
    });
    static CHILDREN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)child|young\s+people|famil|care\s+leav|looked\s+after|corporate\s+parent")
            .expect("valid regex")
    });
    // "Annual Report of the Local Authority Designated Officer (LADO) 2023/24": the service.
    static REPORT_OF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:the\s+)?(?:annual\s+)?report\s+of\s+the\s+").expect("valid regex")
    });
    let words = body
        .trim()
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
        .trim()
        .trim_end_matches(':');
    let words = REPORT_OF.find(words).map_or(words, |m| &words[m.end()..]);
    if words
        .split_once(':')
        .is_some_and(|(_, value)| value.bytes().any(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let heading = match kind {
        Kind::Heading => true,
        Kind::Bullet => {
            !words.ends_with(['.', ';', ',']) && !words.bytes().any(|b| b.is_ascii_digit())
        }
        Kind::Prose => false,
    };
    (heading && words.split_whitespace().count() <= 8)
        .then(|| OTHER.is_match(words) && !CHILDREN.is_match(words))
}

/// How often, in sentences, [`read`] reports its progress.
const PROGRESS_EVERY: usize = 256;

/// Reads the figures and tables of a document, telling `progress` the share done (0 to 1) now
/// and then.
pub fn read(
    text: &str,
    doc_date: Option<Point>,
    has_authority: bool,
    progress: &mut dyn FnMut(f64),
) -> (Vec<Figure>, Vec<Table>) {
    let lines = text::lines(text);
    let found = tables::find(text, &lines);
    let mut in_table = vec![false; lines.len()];
    for t in &found {
        in_table[t.lines.clone()].iter_mut().for_each(|b| *b = true);
    }
    let sentences = text::sentences(text, &lines, &in_table);
    // Each dimension is scanned once over the whole text, then sliced per sentence: one long
    // regex pass is far cheaper than thousands of short ones.
    let aliases = Aliases::from_document(text);
    let times = dates::find(text, 0..text.len());
    let time_spans: Vec<Range<usize>> = times.iter().map(|t| t.span.clone()).collect();
    let scanned = Scanned {
        quantities: numbers::find(text, 0..text.len(), &time_spans),
        mentions: vocab::mentions(text, 0..text.len(), &aliases),
        predicates: vocab::predicates(text, 0..text.len()),
        times,
        time_spans,
    };
    let mut reader = Reader {
        text,
        scanned,
        aliases,
        timeline: Timeline::new(doc_date),
        topic: Topic::default(),
        pending_topic: None,
        after_unnamed_group: false,
        recent: Vec::new(),
        default_area: area::document_default(text, has_authority),
        figures: Vec::new(),
        read: 0,
        cursors: Cursors::default(),
        questions: Vec::new(),
        foi_when: None,
        pending_item: None,
        other_service: false,
    };
    // The whole-text scans take about half the time; the sentences the other half.
    progress(0.5);
    let mut next_table = found.iter().peekable();
    for (i, s) in sentences.iter().enumerate() {
        if i % PROGRESS_EVERY == PROGRESS_EVERY - 1 {
            progress(0.5 + 0.5 * i as f64 / sentences.len() as f64);
        }
        while let Some(t) = next_table.next_if(|t| lines[t.lines.start].start < s.span.start) {
            reader.table(t);
        }
        reader.sentence(s);
    }
    next_table.for_each(|t| reader.table(t));
    let mut figures = reader.figures;
    figures.sort_by_key(|f| f.span[0]);
    for (i, f) in figures.iter_mut().enumerate() {
        f.id = format!("f{}", i + 1);
    }
    let tables = found
        .iter()
        .enumerate()
        .map(|(i, t)| table_model(text, &lines, t, i))
        .collect();
    (figures, tables)
}

/// What the whole-text scans found, in text order.
struct Scanned {
    times: Vec<dates::TimeExpr>,
    time_spans: Vec<Range<usize>>,
    quantities: Vec<Quantity>,
    mentions: Vec<vocab::Mention>,
    predicates: Vec<vocab::Mention>,
}

/// The items of a list sorted by start offset that lie wholly inside `range`. `from` is where
/// the last search of this list began, and becomes where this one begins: sentences come in
/// text order, so the items sought are a few steps on from there, not worth a binary search
/// of the whole list (which cost 5% of the time on a long report).
fn within<T>(
    items: &[T],
    range: &Range<usize>,
    span: impl Fn(&T) -> Range<usize>,
    from: &mut usize,
) -> std::ops::Range<usize> {
    let before = |t: &T| span(t).start < range.start;
    let mut first = (*from).min(items.len());
    if first > 0 && !before(&items[first - 1]) {
        first = items[..first].partition_point(before); // a range behind the last
    }
    let mut steps = 0;
    while first < items.len() && before(&items[first]) {
        first += 1;
        steps += 1;
        if steps == 16 {
            first += items[first..].partition_point(before);
            break;
        }
    }
    *from = first;
    let mut end = first;
    while end < items.len() && span(&items[end]).start < range.end {
        end += 1;
    }
    while end > first && span(&items[end - 1]).end > range.end {
        end -= 1;
    }
    first..end
}

/// Where the last search of each of the scanned lists began (see [`within`]).
#[derive(Default)]
struct Cursors {
    times: usize,
    quantities: usize,
    mentions: usize,
    predicates: usize,
}

struct Reader<'t> {
    text: &'t str,
    scanned: Scanned,
    aliases: Aliases,
    timeline: Timeline,
    topic: Topic,
    pending_topic: Option<Range<usize>>,
    /// Whether the last sentence ended on a count no indicator names ("Number of young people
    /// supervised by the YJS: 118"), a group that "Of these, ..." can go on to divide.
    after_unnamed_group: bool,
    recent: Vec<Range<usize>>,
    default_area: Area,
    figures: Vec<Figure>,
    read: usize,
    cursors: Cursors,
    /// Numbered questions ("1. How many children were in care on 31 March 2024?"): their
    /// number and sentence, for the numbered answers of an FOI response.
    questions: Vec<(u32, Range<usize>)>,
    /// The time the last answered question asked about.
    foi_when: Option<When>,
    /// The number of an item whose words start on the next sentence ("1." alone on a line).
    pending_item: Option<u32>,
    /// Under a heading of another service's section ("Adult Social Care", "Housing"), where
    /// contacts, referrals and assessments are that service's.
    other_service: bool,
}

impl Reader<'_> {
    fn sentence(&mut self, s: &Sentence) {
        let text = self.text;
        self.timeline.enter(s.kind, s.new_block);
        let range = text::clean_span(text, s.span.clone());
        // "1." on a line of its own numbers the sentence after it.
        let pending = self.pending_item.take();
        let numbered = foi::item_number(&text[range.clone()]);
        if let Some((n, true)) = numbered {
            self.pending_item = Some(n);
        }
        let item = numbered.map(|(n, _)| n).or(pending);
        if let Some(n) = item.filter(|_| text[range.clone()].trim_end().ends_with('?')) {
            self.questions.push((n, range.clone()));
        }
        let scanned = &self.scanned;
        let cursors = &mut self.cursors;
        let in_times = within(
            &scanned.times,
            &range,
            |t| t.span.clone(),
            &mut cursors.times,
        );
        let times = &scanned.times[in_times.clone()];
        let time_spans = &scanned.time_spans[in_times];
        let in_quantities = within(
            &scanned.quantities,
            &range,
            |q| q.span.start..q.end,
            &mut cursors.quantities,
        );
        let mut quantities = scanned.quantities[in_quantities].to_vec();
        // (A line with a figure is not a section's heading: "Open cases: 64".)
        if let (true, Some(other)) = (
            quantities.is_empty(),
            other_service_heading(s.kind, &text[range.clone()]),
        ) {
            self.other_service = other;
        }
        self.read += 1;
        if self.read <= 6 && s.kind == Kind::Heading && quantities.is_empty() {
            self.timeline.title(text, range.clone());
        }
        let st = SentenceTimes {
            text,
            range: range.clone(),
            times,
            first_quantity: quantities.first().map(|q| q.span.start),
        };
        if quantities.is_empty() {
            self.after_unnamed_group = false;
            self.timeline.leave(&st, s.kind, None);
            self.pending_topic = Some(range.clone());
            self.remember(range);
            return;
        }
        rates_per_10k(text, &range, &mut quantities);
        percent_label(text, &range, &mut quantities);
        carry_units(text, range.end, &mut quantities);
        let mentions = &scanned.mentions[within(
            &scanned.mentions,
            &range,
            |m| m.span.clone(),
            &mut cursors.mentions,
        )];
        let predicates = &scanned.predicates[within(
            &scanned.predicates,
            &range,
            |m| m.span.clone(),
            &mut cursors.predicates,
        )];
        if let Some(previous) = self.pending_topic.take() {
            if mentions.is_empty() && predicates.is_empty() {
                self.topic = topic_of(&self.scanned, previous);
            } else {
                self.topic = Topic::default();
            }
        }
        let breaks = link::clause_breaks(text, range.clone());
        let sentence = link::Sentence {
            breaks: &breaks,
            text,
            range: range.clone(),
            quantities: &quantities,
            mentions,
            predicates,
            times: time_spans,
            // Asked only of the predicates that need care leavers named: looked for only then.
            care_leaver_context: predicates
                .iter()
                .any(|p| link::needs_care_leavers(p.rule.indicator))
                && self.care_leavers_near(&range),
        };
        let mut links = link::link_sentence(&sentence, &self.topic);
        if self.after_unnamed_group {
            link::drop_parts_of_unnamed_group(&sentence, &mut links);
        }
        let counts = || {
            quantities
                .iter()
                .zip(&links)
                .filter(|(q, _)| q.unit == Unit::Count)
        };
        self.after_unnamed_group = counts().next().is_some() && counts().all(|(_, l)| l.is_none());
        if self.other_service {
            for l in &mut links {
                l.take_if(|l| SERVICE_GENERIC.contains(&l.indicator));
            }
        }
        // "1. 274" under "Our response", answering "1. How many children were in the care of
        // the council on 31 March 2024?": the question's indicator and date.
        let answered = item
            .filter(|_| quantities.len() == 1 && links[0].is_none())
            .filter(|_| foi::only_a_value(&text[range.clone()]))
            .and_then(|n| self.questions.iter().rfind(|(m, _)| *m == n))
            .and_then(|(_, question)| {
                let scanned = &self.scanned;
                foi::asked(
                    text,
                    question.clone(),
                    &scanned.mentions
                        [within(&scanned.mentions, question, |m| m.span.clone(), &mut 0)],
                    &scanned.times[within(&scanned.times, question, |t| t.span.clone(), &mut 0)],
                    self.timeline.anchors(),
                    self.foi_when,
                )
            });
        if let Some((link, _)) = &answered {
            links[0] = Some(link.clone());
        }
        let areas: Vec<(Area, bool)> = quantities
            .iter()
            .map(|q| self.area_of(&sentence, q))
            .collect();
        let to_date: Vec<ToDate<'_>> = quantities
            .iter()
            .zip(&links)
            .zip(&areas)
            .map(|((q, l), (_, comparator))| ToDate {
                span: q.span.clone(),
                end: q.end,
                link: l.as_ref(),
                comparator: *comparator,
            })
            .collect();
        let mut whens = timing::date_sentence(&st, &sentence, &to_date, &self.timeline);
        if let Some((_, when)) = answered {
            self.foi_when = when;
            whens[0] = when.or_else(|| {
                let link = links[0].as_ref()?;
                timing::is_stock_like(link.indicator)
                    .then(|| self.timeline.anchors().now.map(When::At))
                    .flatten()
            });
        }
        // Written once for all the sentence's figures.
        let written = one_line(&text[range.clone()]);
        for (i, q) in quantities.iter().enumerate() {
            // A number in words with no indicator is dropped ("two of them"), but a fraction of
            // something ("a third of care leavers") is a figure as stated.
            if q.word && links[i].is_none() && !fraction_of(text, q) {
                continue;
            }
            let at = Said {
                range: &range,
                written: &written,
            };
            let figure = self.figure(q, links[i].as_ref(), whens[i], areas[i].0, at);
            self.figures.push(figure);
        }
        self.topic = next_topic(&links, mentions, predicates);
        if let Some(last) = links
            .iter()
            .zip(&whens)
            .filter(|(l, _)| l.is_some())
            .filter_map(|(_, w)| *w)
            .next_back()
        {
            self.timeline.last_figure = Some(last);
        }
        let first_figure = links.iter().position(Option::is_some).map(|i| whens[i]);
        self.timeline.leave(&st, s.kind, first_figure);
        self.remember(range);
    }

    fn remember(&mut self, range: Range<usize>) {
        if self.recent.len() == 2 {
            self.recent.remove(0);
        }
        self.recent.push(range);
    }

    /// True when care leavers are named in this sentence or the two before it ("care
    /// experienced young people" in Wales and Scotland).
    fn care_leavers_near(&self, range: &Range<usize>) -> bool {
        static CARE_LEAVERS: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)(?-u:\b)care[\s-]+leavers?(?-u:\b)|(?-u:\b)leaving\s+care(?-u:\b)|(?-u:\b)left\s+care(?-u:\b)|(?-u:\b)care[\s-]+experienced(?-u:\b)|(?-u:\b)(?:aftercare|throughcare)(?-u:\b)").expect("valid regex")
        });
        std::iter::once(range)
            .chain(&self.recent)
            .any(|r| CARE_LEAVERS.is_match(&self.text[r.clone()]))
    }

    fn area_of(&self, s: &link::Sentence<'_>, q: &Quantity) -> (Area, bool) {
        let clause = link::clause_around(s, q.span.start);
        match area::cue(
            &self.text[clause.start..q.span.start],
            &self.text[q.end..clause.end.max(q.end)],
        ) {
            Some(area) => (area, true),
            None => (self.default_area, false),
        }
    }

    fn figure(
        &self,
        q: &Quantity,
        link: Option<&Link>,
        when: Option<When>,
        area: Area,
        sentence: Said<'_>,
    ) -> Figure {
        let label = match link.and_then(|l| l.label.clone()) {
            Some(r) => one_line(&self.text[r]),
            None => link.map_or_else(
                || words_after(self.text, q.end, sentence.range.end),
                |l| l.indicator.replace('_', " "),
            ),
        };
        let rule = link.map_or_else(
            || "quantity".to_string(),
            |l| format!("{}:{}", l.how, l.rule),
        );
        Figure {
            id: String::new(),
            indicator: link.map(|l| l.indicator.to_string()),
            label,
            value: q.value,
            unit: q.unit,
            approx: q.approx,
            when: when.map(|w| w.to_string()),
            area,
            target: q.target,
            span: [q.span.start, q.span.end],
            sentence: sentence.written.to_string(),
            rule,
            edited: false,
            page: None,
        }
    }

    fn table(&mut self, t: &Found) {
        // "CONTACTS  REFERRALS ..." over "1,644  402 ...": a dashboard whose rows begin with a
        // value have no label column; every heading names a column of values.
        // (Not "2017  31,854": a year is a row's label.)
        let unlabelled = !t.rows.is_empty()
            && t.header.first().is_some_and(|h| {
                Names::of(self.text, h.clone(), &self.aliases)
                    .for_unit(Unit::Count)
                    .is_some()
            })
            && t.rows.iter().all(|r| {
                r.cells.first().is_some_and(|c| {
                    let cell = &self.text[c.clone()];
                    tables::is_number_cell(cell) && !is_a_year(cell.trim())
                })
            });
        // "KPI | Description | Jan-25 | Dec-24" over "1 | Number of contacts | 1,423 | 1,187", or
        // "Ref | Indicator | ..." over "CS01 | Children Looked After | ...": a first column that
        // numbers the rows; the row's label is the second.
        let numbered = !unlabelled
            && !t.rows.is_empty()
            && t.rows.iter().all(|r| {
                r.cells.len() >= 3
                    && numbers_a_row(&self.text[r.cells[0].clone()])
                    && !tables::is_number_cell(&self.text[r.cells[1].clone()])
            });
        let label_columns = if unlabelled {
            0
        } else {
            1 + usize::from(numbered)
        };
        // A header with no cell over the labels ("2022/23<TAB>2023/24" over "Q1<TAB>301<TAB>288")
        // heads the value columns only.
        let widest = t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        let over_labels = label_columns.saturating_sub(widest.saturating_sub(t.header.len()));
        // What each column heading says is read once for the table, not once per cell.
        let columns: Vec<Column> = t
            .header
            .iter()
            .skip(over_labels)
            .map(|h| Column {
                role: tables::column_role(&self.text[h.clone()]),
                names: Names::of(self.text, h.clone(), &self.aliases),
                when: self.when_of_cell(h.clone()),
            })
            .collect();
        // "Table 3: Children in care by placement type": its Total row is the caption's
        // indicator when the columns are dates or just "Number" (a total of boys is not).
        let plain_columns = t
            .header
            .iter()
            .skip(over_labels)
            .zip(&columns)
            .all(|(h, c)| {
                let heading = self.text[h.clone()].trim().to_ascii_lowercase();
                matches!(
                    heading.as_str(),
                    "" | "number"
                        | "no."
                        | "no"
                        | "count"
                        | "total"
                        | "figure"
                        | "%"
                        | "percent"
                        | "percentage"
                        | "per cent"
                ) || c.when.is_some()
            });
        // Each row's label and values, and the times its label names, read once.
        let rows: Vec<_> = t
            .rows
            .iter()
            .filter_map(|row| {
                let (first, rest) = row.cells.split_first()?;
                let (label, values) = if unlabelled {
                    (first.start..first.start, &row.cells[..])
                } else if numbered {
                    (rest[0].clone(), &rest[1..])
                } else {
                    (first.clone(), rest)
                };
                let times = self.label_times(label.clone());
                Some((row, label, values, times))
            })
            .collect();
        // "Children subject to CP plans" over rows "Q1" to "Q4" and columns of years: rows and
        // columns are times, so every cell is of the caption's indicator.
        let rows_are_times = !rows.is_empty()
            && !columns.is_empty()
            && columns.iter().all(|c| c.when.is_some())
            && !unlabelled
            && !numbered
            && rows.iter().all(|(.., times)| times.when.is_some());
        let caption = t
            .caption
            .clone()
            .filter(|_| {
                plain_columns && (rows_are_times || t.rows.iter().any(|r| self.is_total_row(r)))
            })
            .map(|c| Names::of(self.text, c, &self.aliases));
        // "Year ending 31 March | 2020 | 2021": each column's year is the year to its March.
        static TO_MARCH: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)(?-u:\b)(?:years?\s+end(?:ing|ed)?|as\s+at)\s+(?:the\s+)?31(?:st)?\s+march(?-u:\b)")
                .expect("valid regex")
        });
        let years_to_march = t
            .header
            .first()
            .is_some_and(|h| TO_MARCH.is_match(&self.text[h.clone()]));
        for (row, label, values, times) in rows {
            let heads = RowHeads {
                years_to_march,
                names: Names::of(self.text, label, &self.aliases),
                when: times.when,
                yearless: times.yearless,
                quarter: times.quarter,
                total: caption
                    .as_ref()
                    .filter(|_| rows_are_times || self.is_total_row(row)),
                written: one_line(&self.text[row.span.clone()]),
                values: values
                    .iter()
                    .map(|c| &self.text[c.clone()])
                    .filter(|c| tables::is_number_cell(c))
                    .fold([0, 0], |mut n, c| {
                        n[usize::from(c.contains('%'))] += 1;
                        n
                    }),
            };
            for (k, cell) in values.iter().enumerate() {
                if let Some(mut figure) =
                    self.table_cell(t, row, cell.clone(), columns.get(k), &heads)
                {
                    if self.other_service
                        && figure
                            .indicator
                            .take_if(|id| SERVICE_GENERIC.contains(&id.as_str()))
                            .is_some()
                    {
                        figure.rule = "quantity".to_string();
                    }
                    self.figures.push(figure);
                }
            }
        }
    }

    /// The figure of one table cell: its indicator from the column heading or the row label,
    /// its date from either, its area and target flag from the column heading.
    fn table_cell(
        &self,
        t: &Found,
        row: &tables::Row,
        cell: Range<usize>,
        column: Option<&Column>,
        heads: &RowHeads<'_>,
    ) -> Option<Figure> {
        let text = self.text;
        if !tables::is_number_cell(&text[cell.clone()]) {
            return None;
        }
        let mut q = numbers::find(text, cell.clone(), &[]).into_iter().next()?;
        if let (Some(unit), Unit::Count) = (heads.names.unit, q.unit) {
            q.unit = unit;
        }
        let role = column.map(|c| c.role).unwrap_or_default();
        let fits = |id: &str| match q.unit {
            Unit::Percent => vocab::is_percent(id),
            Unit::Count | Unit::Per10k => !vocab::is_percent(id),
            _ => false, // money and durations are never indicator figures
        };
        let by_column = column.and_then(|c| c.names.for_unit(q.unit));
        // Years are not counts: a bare year in a column that does not say what it counts is
        // a date ("Timescales: March / 2018", a cell broken over two lines).
        let a_year = is_a_year(text[cell.clone()].trim());
        if a_year && by_column.is_none() {
            return None;
        }
        // (A "Change" column's cells are differences, of no indicator.)
        let named = by_column
            .or_else(|| heads.names.for_unit(q.unit))
            .or_else(|| heads.total.and_then(|c| c.for_unit(q.unit)))
            .filter(|(id, _, _)| fits(id) && !role.change);
        let indicator = named.as_ref().map(|n| n.0);
        let column_when = column.and_then(|c| c.when);
        // "Children in care (31 March)" under "2021/22  2022/23  2023/24": the row's day in
        // each column's year.
        let in_column = heads
            .yearless
            .zip(column_when)
            .and_then(|((m, d), period)| day_within(period, m, d))
            // "Q2" under "2022/23": that year's second quarter.
            .or_else(|| heads.quarter.zip(column_when).and_then(quarter_of_year));
        let column_when = column_when.map(|w| match w {
            When::At(p) if heads.years_to_march && p.m.is_none() => year_to_march(p.y, indicator),
            _ => w,
        });
        let when = in_column
            .or(heads.when)
            .or(column_when)
            .map(|w| snapshot(w, t.year_end_snapshot, indicator));
        // "Contacts   3,402   3,118" with no header: the values differ in what the table does
        // not say (their periods, most often), so the table's context dates neither.
        let unexplained = t.header.is_empty()
            && when.is_none()
            && heads.values[usize::from(text[cell.clone()].contains('%'))] > 1;
        // A comparator's or a target's cells keep only the dates the table gives them.
        let when = if role.area.is_some() || role.target || unexplained {
            when
        } else {
            when.or_else(|| self.table_context(indicator))
        };
        let link = named.as_ref().map(|(indicator, rule, _)| Link {
            indicator,
            how: t.layout,
            rule,
            label: None,
            after: None,
        });
        q.target |= role.target;
        let at = Said {
            range: &row.span,
            written: &heads.written,
        };
        let mut figure = self.figure(
            &q,
            link.as_ref(),
            when,
            role.area.unwrap_or(self.default_area),
            at,
        );
        if let (Some(link), Some((_, _, label))) = (&link, named) {
            figure.label = one_line(&text[label]);
            figure.rule = format!("table-{}:{}", link.how, link.rule);
        }
        Some(figure)
    }

    /// "Total", "All", "Grand total": a row that sums the others.
    fn is_total_row(&self, row: &tables::Row) -> bool {
        row.cells.first().is_some_and(|label| {
            let label = self.text[label.clone()].trim();
            ["total", "all", "grand total", "overall total"]
                .iter()
                .any(|w| label.eq_ignore_ascii_case(w))
        })
    }

    /// The date a row label or column header names ("Total in 2001", "2016/17").
    fn when_of_cell(&self, cell: Range<usize>) -> Option<When> {
        let found = dates::find(self.text, cell.clone());
        let anchors = self.timeline.anchors();
        found.iter().find_map(|t| match t.expr {
            // "Same month last year", "Same point last year": a year before the report's month
            // or day.
            Expr::PreviousYear => {
                let month = self.text[cell.clone()]
                    .to_ascii_lowercase()
                    .contains("month");
                let now = if month { Expr::ThisMonth } else { Expr::Now };
                dates::resolve(&now, anchors).map(When::year_earlier)
            }
            _ => dates::resolve(&t.expr, anchors),
        })
    }

    /// The times a row label names, from one search of it.
    fn label_times(&self, cell: Range<usize>) -> LabelTimes {
        let found = dates::find(self.text, cell);
        LabelTimes {
            when: found
                .iter()
                .find_map(|t| dates::resolve(&t.expr, self.timeline.anchors())),
            yearless: found.iter().find_map(|t| match t.expr {
                Expr::Day { y: None, m, d } => Some((m, Some(d))),
                Expr::Month { y: None, m } => Some((m, None)),
                _ => None,
            }),
            quarter: found.iter().find_map(|t| match t.expr {
                Expr::Quarter { q, fy: None } => Some(q),
                _ => None,
            }),
        }
    }

    /// A table cell with no date of its own takes the date of what introduces the table.
    fn table_context(&self, indicator: Option<&str>) -> Option<When> {
        let indicator = indicator?;
        let tl = &self.timeline;
        tl.previous.or(tl.heading).or(tl.frame).or_else(|| {
            timing::is_stock_like(indicator)
                .then_some(tl.section_date.or(tl.doc_date).map(When::At))
                .flatten()
        })
    }
}

/// The day (or month) `m`/`d` that falls within `period`, if one does.
fn day_within(period: When, m: u8, d: Option<u8>) -> Option<When> {
    let (start, end) = (period.start(), period.end());
    (start.y..=end.y).rev().find_map(|y| {
        let point = match d {
            Some(d) => Point::day(y, m, d),
            None => Point::month(y, m),
        };
        let index = point.month_index();
        let inside = start.m.is_none_or(|_| start.month_index() <= index)
            && end.m.is_none_or(|_| index <= end.month_index());
        inside.then_some(When::At(point))
    })
}

/// Quarter `q` of `period` when that is a financial year (April to March).
fn quarter_of_year((q, period): (u8, When)) -> Option<When> {
    let When::Between(start, end) = period else {
        return None;
    };
    let financial_year = start.m == Some(4) && end.m == Some(3) && end.y == start.y + 1;
    let quarter = Expr::Quarter {
        q,
        fy: Some(start.y),
    };
    dates::resolve(&quarter, dates::Anchors::default()).filter(|_| financial_year)
}

/// What a row label says of when its cells are: a time (resolved), a month and day with no
/// year ("Children in care (31 March)"), a quarter with no year ("Q2").
struct LabelTimes {
    when: Option<When>,
    yearless: Option<(u8, Option<u8>)>,
    quarter: Option<u8>,
}

/// What a row label says of its cells.
struct RowHeads<'a> {
    /// The header says its years end on 31 March ("Year ending 31 March").
    years_to_march: bool,
    names: Names,
    when: Option<When>,
    /// The month and day it names without a year, to be found in each column's period.
    yearless: Option<(u8, Option<u8>)>,
    /// The quarter it names without a year, of each column's financial year.
    quarter: Option<u8>,
    /// The names of the table's caption, on a Total row under plain columns, or on every row
    /// when the rows are times.
    total: Option<&'a Names>,
    /// The row on one line, the sentence of each of its figures.
    written: String,
    /// How many of the row's cells are numbers: without and with a per cent sign.
    values: [usize; 2],
}

/// What a column heading says of its cells.
struct Column {
    role: tables::ColumnRole,
    names: Names,
    when: Option<When>,
}

/// What a row label or column heading names: a counted indicator, a percentage indicator, and
/// the unit its cells are in.
struct Names {
    count: Option<(&'static str, &'static str, Range<usize>)>,
    percent: Option<(&'static str, &'static str, Range<usize>)>,
    unit: Option<Unit>,
}

impl Names {
    fn of(text: &str, cell: Range<usize>, aliases: &Aliases) -> Names {
        let with_cell =
            |found: Option<(&'static str, &'static str)>| found.map(|(i, r)| (i, r, cell.clone()));
        Names {
            count: with_cell(tables::indicator_of(text, cell.clone(), aliases)),
            percent: with_cell(tables::percent_indicator_of(text, cell.clone())),
            unit: tables::row_unit(&text[cell.clone()]),
        }
    }

    fn for_unit(&self, unit: Unit) -> Option<(&'static str, &'static str, Range<usize>)> {
        if unit == Unit::Percent {
            self.percent.clone()
        } else {
            self.count.clone()
        }
    }
}

/// A stock in a table of financial years "as at 31 March of each year" is dated 31 March.
/// The year to 31 March `y`: that day for a count in force, the financial year for a count of
/// events.
fn year_to_march(y: i32, indicator: Option<&str>) -> When {
    if indicator.is_some_and(timing::is_stock_like) {
        When::At(Point::day(y, 3, 31))
    } else {
        When::Between(Point::month(y - 1, 4), Point::month(y, 3))
    }
}

fn snapshot(when: When, year_end: bool, indicator: Option<&str>) -> When {
    match (when, indicator) {
        (When::Between(_, end), Some(id))
            if year_end && timing::is_stock_like(id) && end.m == Some(3) =>
        {
            When::At(Point::day(end.y, 3, 31))
        }
        _ => when,
    }
}

/// "The percentage of applications per 10,000 child population fell from 19.7 per cent": a
/// rate per 10,000 stated as a percentage.
fn rates_per_10k(text: &str, range: &Range<usize>, quantities: &mut [Quantity]) {
    static PER_10K: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)per\s+10,?000(?-u:\b)").expect("valid regex"));
    if let Some(m) = PER_10K.find(&text[range.clone()]) {
        let at = range.start + m.end();
        for q in quantities
            .iter_mut()
            .filter(|q| q.span.start > at && q.unit == Unit::Percent)
        {
            q.unit = Unit::Per10k;
        }
    }
}

/// "% of CLA reviews on time: 96.1", "Percentage of assessments in timescale - 83": a label that
/// says its value is a percentage, before a value with no per cent sign.
fn percent_label(text: &str, range: &Range<usize>, quantities: &mut [Quantity]) {
    static PERCENT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^\W*(?:%|per\s*cent(?:age)?\s+of|proportion\s+of)[^:%]{3,120}(?::|\s[-–])\s*$",
        )
        .expect("valid regex")
    });
    let labelled = quantities.iter_mut().find(|q| {
        let after = text[q.end..range.end].trim_start();
        q.unit == Unit::Count
            && q.role == Role::Value
            && q.value <= 100.0
            && (after.is_empty() || after.starts_with(['(', ';', ',', '.']))
            && PERCENT_LABEL.is_match(&text[range.start..q.span.start])
    });
    if let Some(q) = labelled {
        q.unit = Unit::Percent;
    }
}

/// A rate or a percentage stated once for numbers compared with each other: "rose from 310 to
/// 342 per 10,000", "fell from 24 to 19%", "70 per 10,000, compared with 62 in 2015/16",
/// "45.2 per 10,000 (England 43.7, statistical neighbours 51.0)", "the rate per 10,000 is 98,
/// against a national average of 65". The bare numbers take the unit of the figure they are
/// compared with; a number a noun follows counts that noun ("62 children", "14,599
/// applications").
fn carry_units(text: &str, sentence_end: usize, quantities: &mut [Quantity]) {
    static FROM: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(?:from|between)\s*$").expect("valid regex"));
    static TO: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)^\s*(?:to|and|-|–)\s*$").expect("valid regex"));
    static PER_10K: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)(?:\(\s*per\s+(?:10,?000|10k)(?-u:\b)[^;.\n()]{0,30}\)|(?-u:\b)per\s+(?:10,?000|10k)(?-u:\b))(?:[^;.\n()]|\([^;.\n()]{0,30}\)){0,60}\(?\s*$",
        )
        .expect("valid regex")
    });
    static COMPARED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?ix)(?-u:\b)(?:compared|comparison|against|versus|vs|than|England|Wales|Scotland|national|nationally|average|statistical|neighbours?|regional|region|benchmark|last\s+year|previous|from)(?-u:\b)|\(",
        )
        .expect("valid regex")
    });
    // What follows a number with no noun of its own: punctuation, or a word that starts a
    // phrase about when or where ("62 in 2015/16", "65 nationally", "24 to 19%").
    static BARE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:$|[(),;:.\]]|[-–]\s|(?:in|at|for|last|this|the|and|or|to|nationally|respectively|compared|against|across|during|by|on|as|while|whereas|with|from|which|when|where|but|previously|before|earlier)(?-u:\b))")
            .expect("valid regex")
    });
    let rated = |u: Unit| matches!(u, Unit::Percent | Unit::Per10k);
    let bare = |q: &Quantity| {
        q.unit == Unit::Count
            && q.role == Role::Value
            && !q.target
            && BARE.is_match(text::head(&text[q.end..sentence_end.max(q.end)], 40))
    };
    // "from 310 to 342 per 10,000": the first of a range takes the second's unit.
    for i in 1..quantities.len() {
        let (before, after) = quantities.split_at_mut(i);
        let (q, next) = (&mut before[i - 1], &after[0]);
        let lead = text::tail(&text[..q.span.start], 12);
        if rated(next.unit)
            && bare(q)
            && FROM.is_match(lead)
            && next.span.start >= q.end
            && TO.is_match(&text[q.end..next.span.start])
        {
            q.unit = next.unit;
        }
    }
    // "The rate per 10,000 is 98", "Children looked after per 10,000 population aged under
    // 18: 112", "The rate of looked after children (per 10,000 under-18s) was 98": the first
    // bare number after "per 10,000" that is not an age.
    static AGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:aged?|ages|under|over)\s*$").expect("valid regex")
    });
    let after_rate = quantities.iter().position(|q| {
        let lead = text::tail(&text[..q.span.start], 60);
        q.role == Role::Value && bare(q) && PER_10K.is_match(lead) && !AGE.is_match(lead)
    });
    if let Some(q) = after_rate.map(|i| &mut quantities[i]) {
        q.unit = Unit::Per10k;
    }
    // "19.2% (212)", "91% (n=212)", "35% of children in care (144)": the count behind a
    // percentage, in brackets of its own.
    static COUNT_BEHIND: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:of\s+[^\d()%;,.]{1,60}?)?\s*\(\s*(?:n\s*=\s*)?$")
            .expect("valid regex")
    });
    // "70 per 10,000, compared with 62": a bare number compared with the rate just before it.
    for i in 1..quantities.len() {
        let (before, after) = quantities.split_at_mut(i);
        let (previous, q) = (&before[i - 1], &mut after[0]);
        let gap = &text[previous.end.min(q.span.start)..q.span.start];
        let behind = COUNT_BEHIND.is_match(gap) && text[q.end..].trim_start().starts_with(')');
        // "402 (rate 60 per 10,000), up from 371": a rate in brackets is an aside; the number
        // after it is the figure's earlier value (but "(rate 48.1 per 10,000), compared to the
        // statistical neighbour average of 45.3" is a rate's comparator).
        let after_an_aside = closes_a_bracket(gap) && area::cue(gap, "").is_none();
        // "a threshold of 0.1% (which for Westshire would be 31)": the rate put as a number.
        static CONVERTED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)(?-u:\b)(?:which\s+(?:for|would|is\s+equivalent|equates|means)|equivalent|equates?|equating|i\.e|would\s+be|means|meaning)(?-u:\b)")
                .expect("valid regex")
        });
        // "88% of eligible children; the average score was 14.6": another measure.
        static ANOTHER_MEASURE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)(?-u:\b)(?:scores?|average\s+age|length\s+of|duration|costs?)(?-u:\b)")
                .expect("valid regex")
        });
        if rated(previous.unit)
            && previous.role == Role::Value
            && bare(q)
            && !behind
            && !after_an_aside
            && gap.len() <= 80
            && !CONVERTED.is_match(gap)
            && !ANOTHER_MEASURE.is_match(gap)
            && (COMPARED.is_match(gap) || area::cue(gap, "").is_some())
        {
            q.unit = previous.unit;
        }
    }
}

/// Whether `gap` closes a bracket opened before it: "60 per 10,000), up from".
fn closes_a_bracket(gap: &str) -> bool {
    gap.find(')')
        .is_some_and(|close| gap.find('(').is_none_or(|open| open > close))
}

/// What a sentence without numbers was about, for anaphora in the next one.
fn topic_of(scanned: &Scanned, range: Range<usize>) -> Topic {
    let mentions = &scanned.mentions[within(&scanned.mentions, &range, |m| m.span.clone(), &mut 0)];
    let predicates =
        &scanned.predicates[within(&scanned.predicates, &range, |m| m.span.clone(), &mut 0)];
    next_topic(&[], mentions, predicates)
}

fn next_topic(
    links: &[Option<Link>],
    mentions: &[vocab::Mention],
    predicates: &[vocab::Mention],
) -> Topic {
    // The indicator the sentence's figures were of, if they were of one: after "350 children
    // in care and 240 on plans", "the number" could be either.
    // `None` when it had none of the kind, `Some(None)` when they were of several.
    let linked = |percent: bool| {
        let mut of_kind = links
            .iter()
            .flatten()
            .filter(|l| vocab::is_percent(l.indicator) == percent);
        let last = of_kind.next_back()?;
        Some(
            of_kind
                .all(|l| l.indicator == last.indicator)
                .then_some((last.indicator, last.rule)),
        )
    };
    let named = |found: &[vocab::Mention]| found.last().map(|m| (m.rule.indicator, m.rule.name));
    Topic {
        count: linked(false)
            .unwrap_or_else(|| named(mentions).filter(|(id, _)| !vocab::is_percent(id))),
        percent: linked(true).unwrap_or_else(|| named(predicates)),
    }
}

/// A label for a quantity with no indicator: the words that follow it.
fn words_after(text: &str, from: usize, to: usize) -> String {
    text[from..to.max(from)]
        .split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The sentence or table row a figure is said in: its range, and its text on one line.
#[derive(Clone, Copy)]
struct Said<'a> {
    range: &'a Range<usize>,
    written: &'a str,
}

/// A sentence or table row on one line, runs of white space collapsed to one space.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn table_model(text: &str, lines: &[text::Line], t: &Found, index: usize) -> Table {
    let cell = |r: &Range<usize>| one_line(&text[r.clone()]);
    Table {
        id: format!("t{}", index + 1),
        span: [lines[t.lines.start].start, lines[t.lines.end - 1].end],
        caption: t.caption.as_ref().map(cell),
        header: t.header.iter().map(cell).collect(),
        rows: t
            .rows
            .iter()
            .map(|r| r.cells.iter().map(cell).collect())
            .collect(),
    }
}

/// "a third of care leavers", "two thirds of referrals": a fraction in words of what follows.
fn fraction_of(text: &str, q: &Quantity) -> bool {
    q.value < 1.0
        && text[q.end..]
            .trim_start()
            .get(..3)
            .is_some_and(|w| w.eq_ignore_ascii_case("of "))
}

/// A cell that numbers its row rather than naming it: "3", "12.", or a reference code such as
/// "CS01", "PI 12", "NI-62", "KPI4a" or "2.1" (not "Q1", a quarter, nor a year).
fn numbers_a_row(cell: &str) -> bool {
    static CODE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\d{1,3}\.?|[A-Z]{1,5}[ -]?\d{1,4}[a-z]?|\d{1,2}(?:\.\d{1,2}){1,2}[a-z]?)$")
            .expect("valid regex")
    });
    let cell = cell.trim();
    let a_quarter = matches!(cell.as_bytes(), [b'Q', b'1'..=b'4']);
    CODE.is_match(cell) && !a_quarter
}

/// "2017": a cell that holds a plausible year, a row's label rather than a value.
fn is_a_year(cell: &str) -> bool {
    cell.len() == 4
        && cell
            .parse::<u32>()
            .is_ok_and(|y| (1990..=2040).contains(&y))
}
