//! Time expressions: finding them in a sentence and resolving them to ISO dates and periods.
//!
//! Reports say "As at 13th January", "between April and November 2010", "2019/20",
//! "Quarter 2 2022-23", "since April 2016", "last year", "currently". Each is read into an
//! [`Expr`] first; [`resolve`] then turns it into a [`When`] against the reference dates the
//! document gives (its own date, a section's date, the period the report covers). Nothing is
//! ever resolved against today's clock.

use super::near::{self, Near};
use regex::Regex;
use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

/// A calendar point with year, month or day precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Point {
    /// The year.
    pub y: i32,
    /// The month, 1 to 12, when known.
    pub m: Option<u8>,
    /// The day of the month, when known.
    pub d: Option<u8>,
}

impl Point {
    /// A day.
    pub fn day(y: i32, m: u8, d: u8) -> Point {
        Point {
            y,
            m: Some(m),
            d: Some(d),
        }
    }
    /// A month.
    pub fn month(y: i32, m: u8) -> Point {
        Point {
            y,
            m: Some(m),
            d: None,
        }
    }
    /// A year.
    pub fn year(y: i32) -> Point {
        Point {
            y,
            m: None,
            d: None,
        }
    }
    /// The same point shifted by whole years.
    pub fn add_years(self, n: i32) -> Point {
        let d = match (self.m, self.d) {
            (Some(2), Some(29)) => Some(28),
            _ => self.d,
        };
        Point {
            y: self.y + n,
            d,
            ..self
        }
    }
    /// The month of this point as a month count since year 0, for comparisons.
    pub fn month_index(self) -> i32 {
        self.y * 12 + i32::from(self.m.unwrap_or(12)) - 1
    }
    /// The point `n` months later (month precision).
    fn add_months(self, n: i32) -> Point {
        let index = self.month_index() + n;
        Point::month(index.div_euclid(12), (index.rem_euclid(12) + 1) as u8)
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.y)?;
        if let Some(m) = self.m {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.d {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// The date or period a figure refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum When {
    /// A day, month or year.
    At(Point),
    /// A period from one point to another, both included.
    Between(Point, Point),
}

impl When {
    /// True for a period of three whole months ("Q3 2023-24", "October to December 2023").
    pub fn is_quarter(self) -> bool {
        match self {
            When::Between(a, b) => {
                a.m.is_some() && b.m.is_some() && b.month_index() - a.month_index() == 2
            }
            When::At(_) => false,
        }
    }

    /// True for a period of twelve whole months ("2022/23", "the year to 31 March 2024").
    pub fn is_year(self) -> bool {
        match self {
            When::Between(a, b) => {
                a.m.is_some() && b.m.is_some() && b.month_index() - a.month_index() == 11
            }
            When::At(_) => false,
        }
    }

    /// The first point of the date or period.
    pub fn start(self) -> Point {
        match self {
            When::At(p) | When::Between(p, _) => p,
        }
    }
    /// The last point of the date or period.
    pub fn end(self) -> Point {
        match self {
            When::At(p) | When::Between(_, p) => p,
        }
    }
    /// The month, or the quarter, before this one ("up from 580 last month", of a figure of
    /// August, is July's); `None` for a date or period of another length.
    pub fn period_earlier(self) -> Option<When> {
        match self {
            When::At(p) if p.d.is_none() => Some(When::At(Point::month(p.y, p.m?).add_months(-1))),
            When::Between(a, b) if self.is_quarter() => {
                Some(When::Between(a.add_months(-3), b.add_months(-3)))
            }
            _ => None,
        }
    }
    /// The same date or period a year earlier.
    pub fn year_earlier(self) -> When {
        match self {
            When::At(p) => When::At(p.add_years(-1)),
            When::Between(a, b) => When::Between(a.add_years(-1), b.add_years(-1)),
        }
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::At(p) => write!(f, "{p}"),
            When::Between(a, b) => write!(f, "{a}/{b}"),
        }
    }
}

/// A time expression as written, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// "13th January 2017", "30/01/20"; the year may be missing ("As at 13th January").
    Day { y: Option<i32>, m: u8, d: u8 },
    /// "November 2020", "in July"; the year may be missing.
    Month { y: Option<i32>, m: u8 },
    /// "in 2008".
    Year(i32),
    /// "2019/20", "2022-23": 1 April of the first year to 31 March of the next.
    FinancialYear(i32),
    /// "Quarter 2 2022-23", "Q3": quarters of the financial year.
    Quarter { q: u8, fy: Option<i32> },
    /// "between April and November 2010", "from April 2018 to March 2019".
    Range(Box<Expr>, Box<Expr>),
    /// "since April 2016": up to the reference date.
    Since(Box<Expr>),
    /// "the year ending 31 March 2013", "the year to March 2008" (12), "the six months to 30
    /// September" (6): so many months ending there.
    MonthsTo(u8, Box<Expr>),
    /// "the first nine months of 2022/23": so many months from the start of a year.
    FirstMonths(u8, Box<Expr>),
    /// "currently", "now", "in the last 12 months": the reference date.
    Now,
    /// "this year" (the calendar year of the reference date).
    ThisYear,
    /// "last year" (the calendar year before the reference date's).
    LastYear,
    /// "the previous year", "the year before": a year before a neighbouring figure.
    PreviousYear,
    /// "this financial year".
    ThisFinancialYear,
    /// "last financial year".
    LastFinancialYear,
    /// "so far this year", "year to date": the financial year up to the reference month.
    YearToDate,
    /// "the first 6 months of this year", "the first half of the year": the first half, of the
    /// calendar year or else the financial year, that has ended by the document's date.
    FirstHalfOfYear,
    /// "the first half of the financial year": April to September.
    FirstHalfOfFinancialYear,
    /// "year end": the end of the last financial year that has ended by the document's date,
    /// or, with no such date, the end of the financial year being talked about.
    YearEnd,
    /// "during the same period": the period of the sentence before.
    SamePeriod,
    /// "in the quarter", "this quarter": the quarter the report is about, if it says which.
    ThisQuarter,
    /// "this month": the reference date's month.
    ThisMonth,
    /// "last month", "the previous month": the month before the reference date's.
    LastMonth,
    /// "last quarter", "the previous quarter": the quarter before the reference date's.
    LastQuarter,
    /// "over the last three years": so many years up to the reference month.
    PastYears(u8),
    /// "the end of 2023/24", "the end of the last financial year", "the end of Q2": the last
    /// month of a period.
    EndOf(Box<Expr>),
    /// "March last year" (1 year back), "March this year" (0): a month of the reference date's
    /// calendar year or of the year before.
    MonthOfYear { m: u8, years_back: u8 },
    /// "last May": the last May before the reference date's month (in May 2024, May 2023).
    LastNamedMonth(u8),
    /// "ten years ago": the calendar year so many years before the reference date's.
    YearsAgo(u8),
}

impl Expr {
    /// True for expressions that resolve against a neighbour or the sentence before.
    pub fn is_relative_to_neighbour(&self) -> bool {
        matches!(self, Expr::PreviousYear | Expr::SamePeriod)
    }
    /// True for expressions that name their own date or period, perhaps needing the reference
    /// year ("13th January", "in November", "currently"); false for those that only compare.
    pub fn is_explicit(&self) -> bool {
        !matches!(
            self,
            Expr::PreviousYear
                | Expr::SamePeriod
                | Expr::LastYear
                | Expr::LastFinancialYear
                | Expr::LastMonth
                | Expr::LastQuarter
                | Expr::YearEnd
        )
    }
    /// True for expressions that name a date or period by themselves.
    pub fn is_absolute(&self) -> bool {
        match self {
            Expr::Day { y, .. } | Expr::Month { y, .. } => y.is_some(),
            Expr::Year(_) | Expr::FinancialYear(_) => true,
            Expr::Quarter { fy, .. } => fy.is_some(),
            Expr::Range(a, b) => a.is_absolute() || b.is_absolute(),
            Expr::MonthsTo(_, e) | Expr::FirstMonths(_, e) | Expr::Since(e) | Expr::EndOf(e) => {
                e.is_absolute()
            }
            _ => false,
        }
    }
}

/// A time expression found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    /// Byte range in the document text.
    pub span: Range<usize>,
    /// What it says.
    pub expr: Expr,
}

/// The reference dates an expression is resolved against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Anchors {
    /// The date "now" means: the document's (or the minuted meeting's) date.
    pub now: Option<Point>,
    /// A point that gives the year to "in November", "this year", "Q3" when `now` is unknown:
    /// the end of the period the text is talking about.
    pub year_of: Option<Point>,
}

impl Anchors {
    fn reference(&self) -> Option<Point> {
        self.now.or(self.year_of)
    }
}

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

/// Builds a regex from a template where `MONTH` stands for a month name.
fn month_regex(template: &str) -> Regex {
    Regex::new(&template.replace("MONTH", MONTH)).expect("valid time regex")
}

/// "13th January 2017", "Wednesday, 4th July, 2018", "13th January", "30-Nov-2024", "30 Nov
/// 24", and ranges of days in a month, "14 to 25 October 2024", "3-5 July"; not "13 children".
/// A two-digit year is checked by [`two_digit_year`].
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    month_regex(
        r"(?-u:\b)(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*)?(\d{1,2})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|-)(MONTH)(?-u:\b)\.?(?:(?:,?\s+|-)(\d{4}|\d{2})(?-u:\b))?",
    )
});
/// Where [`DAY_MONTH`] can match: around a month's first three letters. A match holds at most
/// 31 bytes besides whitespace ("wednesday," "31st" "of" "september" "." "," "2017").
static DAY_MONTH_NEAR: LazyLock<Near> =
    LazyLock::new(|| Near::new("jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", 40));
/// "June 28th 2018", "July 10, 2019"; not "June 2018".
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    month_regex(r"(?-u:\b)(MONTH)\s+(\d{1,2})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(\d{4})(?-u:\b))?")
});
/// "30/01/20", "30/01/2020", "2017-01-26", "05.03.2024", "31.12.22"; not "10/15%" nor "1.2.3"
/// nor a paragraph number "3.1.12" (a two-digit year needs a two-digit day and month). Digits
/// are ASCII (`[0-9]`, not `\d`): a tenth of the time on a long report.
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:([0-9]{1,2})/([0-9]{1,2})/([0-9]{4}|[0-9]{2})|([0-9]{4})-([0-9]{2})-([0-9]{2})|([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})|([0-9]{2})\.([0-9]{2})\.([0-9]{2}))(?-u:\b)")
        .expect("valid regex")
});
/// The words before a month that is a period: "in", "during", "since", "end of".
static MONTH_PREPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:in|during|for|since|from|until|to|by|of|between|and)\s+$")
        .expect("valid regex")
});
/// What may follow a date in a sentence ("At March 31 there were", "in Jan 23, 250"), not a
/// noun the number counts ("In March 15 children came into care") nor the rest of a number
/// ("between April and November 96.7% of which").
static ENDS_A_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:$|[,;:)–-]|\.(?:[^0-9]|$)|(?:was|were|is|are|there|to|and|the|we|compared|against|versus|this|it|when)(?-u:\b))")
        .expect("valid regex")
});
/// "November 2020", "Dec 2020"; not "November" alone.
static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| month_regex(r"(?-u:\b)(MONTH)\.?,?\s+(\d{4})(?-u:\b)"));
/// "Apr-23", "May '23", and "Jun 23" alone (a column heading): a month and a two-digit year, as
/// spreadsheets write them.
static MONTH_YY: LazyLock<Regex> =
    LazyLock::new(|| month_regex(r"(?-u:\b)(MONTH)(-|\s?['’]|\s)(\d{2})(?-u:\b)"));
/// "in October", "end of September", "July – September"; month names must be capitalised.
static MONTH_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(Jan(?:uary)?|Feb(?:ruary)?|March|Mar|April|Apr|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)(?-u:\b)")
        .expect("valid regex")
});
/// Where [`MONTH_RELATIVE`] can match: around "last" or "this" ("September of last year" holds
/// 19 bytes besides whitespace).
static MONTH_RELATIVE_NEAR: LazyLock<Near> = LazyLock::new(|| Near::new("last|this", 24));
/// The months in Welsh, January to December.
const WELSH_MONTHS: [&str; 12] = [
    "ionawr",
    "chwefror",
    "mawrth",
    "ebrill",
    "mai",
    "mehefin",
    "gorffennaf",
    "awst",
    "medi",
    "hydref",
    "tachwedd",
    "rhagfyr",
];
/// Whether a text (lowered) names a Welsh month; searched before [`WELSH_DAY`].
static WELSH_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?-u:\b)(?:{})(?-u:\b)", WELSH_MONTHS.join("|"))).expect("valid regex")
});
/// "21 Tachwedd 2024" (lowered): a day, a Welsh month and a year.
static WELSH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)([0-9]{{1,2}})\s+({})\s+([0-9]{{4}})(?-u:\b)",
        WELSH_MONTHS.join("|")
    ))
    .expect("valid regex")
});
/// "last May", "March last year", "June of this year": a month named against the reference date.
/// Matched against the text lowered; the month must be capitalised in the original.
static MONTH_RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    month_regex(r"(?-u:\b)(?:last\s+(MONTH)|(MONTH)\s+(?:of\s+)?(?:(last)|this)\s+year)(?-u:\b)")
});
/// "2019/20", "2022-23", "2019 /20", "2007-8", "2018-2019", "2023 to 2024" (as GOV.UK writes
/// them); checked to be consecutive years.
static FINANCIAL_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)((?:19|20)\d\d)(?:\s?[/\-–]\s?(\d{4}|\d{1,2})|\s+to\s+((?:19|20)\d\d))(?-u:\b)",
    )
    .expect("valid regex")
});
/// "Quarter 2 2022-23", "Q3", "quarter 2", "the first quarter of 2018/19".
static QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:quarter\s+([1-4])|q([1-4])|(first|second|third|fourth)\s+quarter|quarter\s+(one|two|three|four))(?-u:\b)(?:\s+(?:of\s+)?((?:19|20)\d\d\s?[/\-–]\s?\d{2,4}|\d\d\s?[/\-–]\s?\d\d))?")
        .expect("valid regex")
});
/// Whether `rest` starts with a thousands group (",104"), so the digit before it is a number's.
fn thousands_follow(rest: &str) -> bool {
    let b = rest.as_bytes();
    b.len() >= 4
        && b[0] == b','
        && b[1..4].iter().all(u8::is_ascii_digit)
        && !b.get(4).is_some_and(u8::is_ascii_digit)
}

/// "Quarters 1 and 2", "Q1 and Q2", "Q1-Q2".
static QUARTERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:quarters\s+([1-4])\s*(?:and|&|to|-|–)\s*([1-4])|q([1-4])\s*(?:and|&|to|-|–)\s*q([1-4]))(?-u:\b)")
        .expect("valid regex")
});
/// "in 2008", "Total in 2001"; not "2,008" nor "2008/09".
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(19[5-9]\d|20\d\d)(?-u:\b)").expect("valid regex"));
/// Words that need no number: "currently", "last year", "so far this year", "year end".
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?x)(?-u:\b)(?:
        (?P<ytd>so\ far\ this\ (?:financial\ )?year|(?:the\ )?year[\ -]to[\ -]date|so\ far\ in\ the\ year|this\ year[\ -]to[\ -]date|ytd|since\ (?:the\ )?(?:start|beginning)\ of\ (?:the|this)\ (?:current\ )?financial\ year)
      | (?P<sinceyear>since\ (?:the\ )?(?:start|beginning)\ of\ (?:the|this)\ (?:current\ )?year)
      | (?P<halffy>(?:the\ )?first\ (?:(?:6|six)\ months|half)\ of\ (?:this|the)\ (?:current\ )?financial\ year)
      | (?P<half>(?:the\ )?first\ (?:(?:6|six)\ months|half)\ of\ (?:this|the)\ (?:current\ )?year)
      | (?P<quarters>(?:the\ )?first\ (?P<nq>two|three|2|3)\ quarters\ of\ (?:this|the)\ (?:current\ )?(?:financial\ )?year)
      | (?P<thisfy>this\ financial\ year|the\ current\ financial\ year|this\ fiscal\ year)
      | (?P<lastfy>(?:the\ )?(?:last|previous|preceding)\ financial\ year)
      | (?P<prev>(?:the\ )?(?:previous|preceding|prior)\ year|the\ year\ before|(?:twelve|12)\ months\ (?:ago|earlier|before)|a\ year\ (?:ago|earlier|before)|(?:the\ )?same\ (?:point|time|date|stage|period|month|quarter)\ (?:last|the\ previous|in\ the\ previous)\ year|(?:the\ )?same\ period\ a\ year\ (?:ago|earlier|before)|this\ (?:time|point)\ last\ year)
      | (?P<last>last\ year)
      | (?P<this>this\ year)
      | (?P<yearend>year[\ -]end)
      | (?P<endq>end\ of\ the\ quarter)
      | (?P<thisq>(?:in|during|over|for|throughout|within)\ the\ quarter|this\ quarter|the\ current\ quarter)
      | (?P<lastq>last\ quarter|(?:the\ )?(?:previous|preceding)\ quarter|the\ last\ quarter)
      | (?P<thism>this\ month|the\ current\ month)
      | (?P<lastm>last\ month|(?:the\ )?(?:previous|preceding)\ month|the\ last\ month)
      | (?P<yearsago>(?P<ago>two|three|four|five|six|seven|eight|nine|ten|[2-9]|1[0-9])\ years\ ago)
      | (?P<pastyears>(?:in|over|during)\ the\ (?:last|past)\ (?P<years>two|three|four|five|[2-5])\ years)
      | (?P<same>(?:the\ )?same\ period|during\ the\ year)
      | (?P<now>currently|now|today|at\ present|presently|at\ this\ time|(?:in|over)\ the\ (?:last|past)\ (?:12|twelve)\ months|current)
    )(?-u:\b)").expect("valid regex")
});

/// Where [`RELATIVE`] can match: every one of its phrases holds one of these words, and at
/// most 48 bytes before it ("since the beginning of the current financial year").
static RELATIVE_NEAR: LazyLock<Near> = LazyLock::new(|| {
    Near::new(
        "year|quarter|month|period|current|now|today|present|time|ytd",
        48,
    )
});

/// One cheap pass that tells whether a sentence may hold a time expression at all: a digit,
/// a month name or a relative time word. Most sentences have none and skip the rest.
static ANY_TIME: LazyLock<Regex> = LazyLock::new(|| {
    month_regex(
        r"(?i)[0-9]|(?-u:\b)(?:MONTH|now|today|current(?:ly)?|present(?:ly)?|this|last|previous|preceding|prior|before|ago|earlier|same\s+period|year|quarter|months)(?-u:\b)",
    )
});

/// Finds the time expressions of `text[range]`, in order, with offsets into `text`.
pub fn find(text: &str, range: Range<usize>) -> Vec<TimeExpr> {
    let s = &text[range.clone()];
    if !ANY_TIME.is_match(s) {
        return Vec::new();
    }
    let has_digit = s.bytes().any(|b| b.is_ascii_digit());
    let mut found: Vec<TimeExpr> = Vec::new();
    let mut claimed = super::text::Spans::default();
    let mut claim = |span: Range<usize>, expr: Expr, found: &mut Vec<TimeExpr>| {
        if !claimed.overlaps(&span) {
            claimed.insert(span.clone());
            found.push(TimeExpr { span, expr });
        }
    };
    // The case-insensitive expressions are matched, without a case flag, against the text
    // lowered: the same bytes at the same offsets, and several times faster to search (the
    // regex engine can look for the words' letters directly). Where case matters ("in March",
    // not "in march"), the original is checked at the same span.
    let lower = s.to_ascii_lowercase();
    // Only the month names and relative words can match without a digit.
    let (digits, lower_digits) = if has_digit {
        (s, lower.as_str())
    } else {
        ("", "")
    };
    for c in QUARTERS.captures_iter(lower_digits) {
        let a = parse_digit(c.get(1).or(c.get(3)));
        let b = parse_digit(c.get(2).or(c.get(4)));
        let q = |q| Box::new(Expr::Quarter { q, fy: None });
        claim(
            c.get(0).expect("match").range(),
            Expr::Range(q(a), q(b)),
            &mut found,
        );
    }
    for c in QUARTER.captures_iter(&lower) {
        let q = match (c.get(1).or(c.get(2)), c.get(3).or(c.get(4))) {
            // "During the quarter 1,104 contacts": the digit begins a number, not a quarter.
            (Some(d), _) if thousands_follow(&lower[d.end()..]) => continue,
            (Some(d), _) => d.as_str().parse().unwrap_or(1),
            (None, Some(w)) => ordinal(w.as_str()),
            _ => continue,
        };
        let fy = c.get(5).and_then(|m| quarters_year(m.as_str()));
        claim(
            c.get(0).expect("match").range(),
            Expr::Quarter { q, fy },
            &mut found,
        );
    }
    for c in MONTH_YY.captures_iter(lower_digits) {
        let whole = c.get(0).expect("match");
        // "30-Nov-24": a day's month and year, read with the day.
        let before = &lower_digits.as_bytes()[..whole.start()];
        if before.ends_with(b"-") && before.len() >= 2 && before[before.len() - 2].is_ascii_digit()
        {
            continue;
        }
        // "Jun 23" alone heads a month's column; in a sentence it is a month after "in" and
        // the like ("in Jan 23 there were"), not before a noun ("In March 15 children ...").
        if c[2].trim().is_empty()
            && whole.as_str().len() != s.trim().len()
            && !(MONTH_PREPOSITION.is_match(&lower_digits[..whole.start()])
                && ENDS_A_DATE.is_match(&lower_digits[whole.end()..]))
            && !month_yy_range(lower_digits, whole.range())
        {
            continue;
        }
        let (Some(m), Ok(yy)) = (month_number(&c[1]), c[3].parse::<i32>()) else {
            continue;
        };
        let y = if yy < 70 { 2000 + yy } else { 1900 + yy };
        claim(whole.range(), Expr::Month { y: Some(y), m }, &mut found);
    }
    scan_days(digits, lower_digits, &mut found, &mut claim);
    for c in MONTH_YEAR.captures_iter(lower_digits) {
        let (Some(m), Some(y)) = (month_number(&c[1]), c[2].parse().ok()) else {
            continue;
        };
        claim(
            c.get(0).expect("match").range(),
            Expr::Month { y: Some(y), m },
            &mut found,
        );
    }
    static FROM: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(?:from|between)\s+$").expect("valid regex"));
    for m in FINANCIAL_YEAR.find_iter(digits) {
        if let Some(y) = financial_year(m.as_str()) {
            // "from 2023 to 2024" is two years.
            let years_apart =
                m.as_str().contains("to") && FROM.is_match(super::text::tail(&s[..m.start()], 12));
            if !followed_by_age(s, m.end()) && !years_apart {
                claim(m.range(), Expr::FinancialYear(y), &mut found);
            }
        } else if let Some((a, b)) = years_apart_short(m.as_str()) {
            // "3 year average 2021-24": a span of years; its "24" is no number.
            if !followed_by_age(s, m.end()) {
                let span = Expr::Range(Box::new(Expr::Year(a)), Box::new(Expr::Year(b)));
                claim(m.range(), span, &mut found);
            }
        }
    }
    for m in YEAR.find_iter(digits) {
        if is_plain_year(s, m.range()) {
            claim(
                m.range(),
                Expr::Year(m.as_str().parse().unwrap_or(0)),
                &mut found,
            );
        }
    }
    for c in near::captures_in(&MONTH_RELATIVE, &lower, MONTH_RELATIVE_NEAR.regions(&lower)) {
        let whole = c.get(0).expect("match").range();
        let month = c.get(1).or(c.get(2)).expect("a month");
        if !s.as_bytes()[month.start()].is_ascii_uppercase() {
            continue;
        }
        let expr = match (c.get(1), c.get(2)) {
            (Some(month), _) => Expr::LastNamedMonth(month_number(month.as_str()).unwrap_or(1)),
            (None, Some(month)) => Expr::MonthOfYear {
                m: month_number(month.as_str()).unwrap_or(1),
                years_back: u8::from(c.get(3).is_some()),
            },
            _ => continue,
        };
        claim(whole, expr, &mut found);
    }
    for m in MONTH_ONLY.find_iter(s) {
        if month_only_allowed(s, m.range()) {
            let month = month_number(m.as_str()).unwrap_or(1);
            claim(m.range(), Expr::Month { y: None, m: month }, &mut found);
        }
    }
    scan_relative(s, &lower, &mut found, &mut claim);
    found.sort_by_key(|t| t.span.start);
    drop_explained(s, &mut found);
    let found = combine(s, found);
    found
        .into_iter()
        .map(|t| TimeExpr {
            span: t.span.start + range.start..t.span.end + range.start,
            expr: t.expr,
        })
        .collect()
}

type Claim<'a> = dyn FnMut(Range<usize>, Expr, &mut Vec<TimeExpr>) + 'a;

/// "Apr 24 – Sep 24": months of two-digit years on both sides of a dash (not 24 April to 24
/// September); `lower` is the text lowered.
fn month_yy_range(lower: &str, at: Range<usize>) -> bool {
    static AFTER: LazyLock<Regex> =
        LazyLock::new(|| month_regex(r"^\s*[–—-]\s*MONTH[\s'’-]?\d{2}(?-u:\b)"));
    static BEFORE: LazyLock<Regex> =
        LazyLock::new(|| month_regex(r"(?-u:\b)MONTH[\s'’-]?\d{2}\s*[–—-]\s*$"));
    AFTER.is_match(&lower[at.end..]) || BEFORE.is_match(super::text::tail(&lower[..at.start], 24))
}

/// Full and partial day dates: "13th January 2017", "June 28th 2018", "30/01/20"; `lower` is
/// `s` lowered.
fn scan_days(s: &str, lower: &str, found: &mut Vec<TimeExpr>, claim: &mut Claim<'_>) {
    for c in NUMERIC_DATE.captures_iter(s) {
        let (d, m, y) = match (c.get(1), c.get(4), c.get(7)) {
            (Some(d), _, _) => (d.as_str(), &c[2], &c[3]),
            (None, Some(y), _) => (&c[6], &c[5], y.as_str()),
            (None, None, Some(d)) => (d.as_str(), &c[8], &c[9]),
            _ => match c.get(10) {
                Some(d) => (d.as_str(), &c[11], &c[12]),
                None => continue,
            },
        };
        let (Ok(d), Ok(m), Ok(mut y)) = (d.parse::<u8>(), m.parse::<u8>(), y.parse::<i32>()) else {
            continue;
        };
        if y < 100 {
            y += 2000;
        }
        if (1..=31).contains(&d) && (1..=12).contains(&m) && (1950..2100).contains(&y) {
            claim(
                c.get(0).expect("match").range(),
                Expr::Day { y: Some(y), m, d },
                found,
            );
        }
    }
    let capitalised = |m: Option<regex::Match<'_>>| {
        m.is_some_and(|m| s.as_bytes()[m.start()].is_ascii_uppercase())
    };
    // "14 to 25 October 2024", "3-5 July": days of one month.
    for c in near::captures_in(&DAY_MONTH, lower, DAY_MONTH_NEAR.regions(lower)) {
        let (Ok(d), Some(m)) = (c[2].parse::<u8>(), month_number(&c[3])) else {
            continue;
        };
        let mut whole = c.get(0).expect("match").range();
        let mut y = c.get(4).and_then(|y| y.as_str().parse::<i32>().ok());
        if let Some(year) = c.get(4).filter(|y| y.len() == 2) {
            if two_digit_year(lower, year.range()) {
                y = y.map(|y| 2000 + y);
            } else {
                // "On 30 November 24 children ...": the number counts, the date ends before it.
                y = None;
                whole.end = c.get(3).expect("month").end();
            }
        }
        if !(1..=31).contains(&d) || y.is_none() && !capitalised(c.get(3)) {
            continue;
        }
        let day = |d| Expr::Day { y, m, d };
        // "14 to 25 October 2024": a range of days; "10 and 5 May", the day alone.
        match c.get(1).map(|a| (a, a.as_str().parse::<u8>())) {
            Some((_, Ok(a))) if (1..d).contains(&a) => {
                claim(
                    whole,
                    Expr::Range(Box::new(day(a)), Box::new(day(d))),
                    found,
                );
            }
            Some(_) => {
                let from = c.get(2).expect("day").start();
                claim(from..whole.end, day(d), found);
            }
            None => claim(whole, day(d), found),
        }
    }
    // "21 Tachwedd 2024": a Welsh date, as bilingual papers head themselves.
    if WELSH_MONTH.is_match(lower) {
        for c in WELSH_DAY.captures_iter(lower) {
            let (Ok(d), Ok(y)) = (c[1].parse::<u8>(), c[3].parse::<i32>()) else {
                continue;
            };
            let m = WELSH_MONTHS.iter().position(|w| *w == &c[2]).unwrap_or(0) as u8 + 1;
            if (1..=31).contains(&d) {
                let whole = c.get(0).expect("match").range();
                claim(whole, Expr::Day { y: Some(y), m, d }, found);
            }
        }
    }
    for c in MONTH_DAY.captures_iter(lower) {
        let (Ok(d), Some(m)) = (c[2].parse::<u8>(), month_number(&c[1])) else {
            continue;
        };
        let y = c.get(3).and_then(|y| y.as_str().parse().ok());
        // "June 28th": a day told by its suffix ("Jan 23" alone is January 2023, as a column
        // heading writes it).
        let day_end = c.get(2).expect("day").end();
        let ordinal = lower[day_end..].starts_with(['s', 'n', 'r', 't']);
        let ends_a_date = || ENDS_A_DATE.is_match(&lower[c.get(0).expect("match").end()..]);
        if (1..=31).contains(&d)
            && (y.is_some() || ordinal || ends_a_date())
            && capitalised(c.get(1))
        {
            claim(
                c.get(0).expect("match").range(),
                Expr::Day { y, m, d },
                found,
            );
        }
    }
}

/// True when the two digits at `at`, after a day and a month, are its year: joined by a hyphen
/// ("30-Nov-24") or ending the phrase ("as at 30 Nov 24:", "(30 Nov 24)"), not counting what
/// follows ("on 30 November 24 children").
fn two_digit_year(lower: &str, at: Range<usize>) -> bool {
    lower[..at.start].ends_with('-')
        || lower[at.end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric() && c != ' ' && c != '%' && c != ',' && c != '.')
}

/// Relative expressions ("currently", "last year", "so far this year"); `lower` is `s` lowered.
fn scan_relative(s: &str, lower: &str, found: &mut Vec<TimeExpr>, claim: &mut Claim<'_>) {
    let so_far = s.contains("so far") || s.contains("to date");
    for c in near::captures_in(&RELATIVE, lower, RELATIVE_NEAR.regions(lower)) {
        let name = [
            "ytd",
            "sinceyear",
            "halffy",
            "half",
            "quarters",
            "thisfy",
            "lastfy",
            "prev",
            "last",
            "this",
            "yearend",
            "endq",
            "thisq",
            "lastq",
            "thism",
            "lastm",
            "yearsago",
            "pastyears",
            "same",
            "now",
        ]
        .into_iter()
        .find(|n| c.name(n).is_some())
        .unwrap_or("now");
        let expr = match name {
            "ytd" => Expr::YearToDate,
            // "since the start of the year": since January.
            "sinceyear" => Expr::Since(Box::new(Expr::Month { y: None, m: 1 })),
            "halffy" => Expr::FirstHalfOfFinancialYear,
            "half" => Expr::FirstHalfOfYear,
            // "the first three quarters of the year": its first quarters, as "Q1" is.
            "quarters" => {
                let q = |q| Box::new(Expr::Quarter { q, fy: None });
                let n = c.name("nq").map_or("", |m| m.as_str());
                Expr::Range(q(1), q(if matches!(n, "two" | "2") { 2 } else { 3 }))
            }
            "thisfy" => Expr::ThisFinancialYear,
            "lastfy" => Expr::LastFinancialYear,
            "prev" => Expr::PreviousYear,
            "last" => Expr::LastYear,
            "this" if so_far => Expr::YearToDate,
            "this" => Expr::ThisYear,
            "yearend" => Expr::YearEnd,
            "endq" => Expr::EndOf(Box::new(Expr::ThisQuarter)),
            "thisq" => Expr::ThisQuarter,
            "lastq" => Expr::LastQuarter,
            "thism" => Expr::ThisMonth,
            "lastm" => Expr::LastMonth,
            "yearsago" => {
                let n = c.name("ago").map_or("", |m| m.as_str());
                let n = [
                    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                ]
                .iter()
                .position(|w| *w == n)
                .map_or_else(|| n.parse().unwrap_or(2), |i| i as u8 + 2);
                Expr::YearsAgo(n)
            }
            "pastyears" => Expr::PastYears(match c.name("years").map_or("", |m| m.as_str()) {
                "two" | "2" => 2,
                "three" | "3" => 3,
                "four" | "4" => 4,
                _ => 5,
            }),
            "same" if year_to_follows(&s[c.get(0).expect("match").end()..]) => continue,
            "same" => Expr::SamePeriod,
            _ => Expr::Now,
        };
        claim(c.get(0).expect("match").range(), expr, found);
    }
}

/// "during the year ending 31 March": the year is named after all.
fn year_to_follows(after: &str) -> bool {
    let after = after.trim_start();
    after.starts_with("ending") || after.starts_with("ended") || after.starts_with("to ")
}

/// Joins "between A and B", "from A to B", "A – B" into ranges; "since A", "from A" (alone),
/// "the year to A", "start/end of YEAR" into their periods.
/// "At year end (31 March 2022)", "currently (as at 28/02/23)": a relative time explained by
/// the date in the brackets after it is that date.
fn drop_explained(s: &str, found: &mut Vec<TimeExpr>) {
    static OPENS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*\(\s*(?:as\s+(?:at|of)\s+|at\s+|on\s+)?$").expect("valid regex")
    });
    let explained: Vec<bool> = found
        .iter()
        .zip(found.iter().skip(1))
        .map(|(t, next)| {
            matches!(t.expr, Expr::YearEnd | Expr::Now)
                && matches!(next.expr, Expr::Day { .. } | Expr::Month { .. })
                && OPENS.is_match(&s[t.span.end..next.span.start])
        })
        .collect();
    let mut i = 0;
    found.retain(|_| {
        i += 1;
        !explained.get(i - 1).copied().unwrap_or(false)
    });
}

fn combine(s: &str, atoms: Vec<TimeExpr>) -> Vec<TimeExpr> {
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:(?-u:\b)(?P<between>between|from)|(?-u:\b)(?P<since>since(?:\s+(?:the|our|its|their|last)\s+(?:[a-z'’-]+\s+){1,3}?(?:in|of|on))?)|(?-u:\b)(?P<yearto>(?:year|(?P<months>\d{1,2}|three|six|nine|twelve|eighteen)\s+months?)\s+(?:to|ending|ended|up\s+to)(?:\s+the\s+end\s+of)?)|(?-u:\b)(?P<first>first\s+(?:(?P<first_months>\d{1,2}|three|six|nine)\s+months|(?P<half>half))\s+of|(?P<h1>h1))|(?-u:\b)(?P<second>second\s+half\s+of|h2)|(?-u:\b)(?P<start>(?:start|beginning)\s+of)|(?-u:\b)(?P<end>end\s+of))\s+(?:the\s+)?$")
            .expect("valid regex")
    });
    static JOIN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:and|to|until|till|–|-|—|&)\s*$").expect("valid regex")
    });
    let mut out: Vec<TimeExpr> = Vec::new();
    let mut i = 0;
    while i < atoms.len() {
        let atom = &atoms[i];
        let before = &s[..atom.span.start];
        let window = super::text::tail(before, 40);
        let cue = BEFORE.captures(window);
        let cue_name = cue.as_ref().and_then(|c| {
            [
                "between", "since", "yearto", "first", "second", "start", "end",
            ]
            .into_iter()
            .find(|n| c.name(n).is_some())
        });
        let cue_start = cue.as_ref().map_or(atom.span.start, |c| {
            before.len() - window.len() + c.get(0).expect("match").start()
        });
        let next = atoms.get(i + 1);
        let joined = next.filter(|n| {
            let between = &s[atom.span.end..n.span.start];
            // "April and November" is a period only after "between"; "December 2016 and February
            // 2017" names two months. A blank line ends a range ("... 21 January 2025\n\n-
            // Year-to-date, 74 ...": a bullet).
            JOIN.is_match(between)
                && between.matches('\n').count() < 2
                && (cue_name == Some("between")
                    || !between.contains("and") && !between.contains('&'))
        });
        if let Some(next) =
            joined.filter(|_| cue_name == Some("between") || !matches!(atom.expr, Expr::Year(_)))
        {
            let (a, b) = fill_range_years(atom.expr.clone(), next.expr.clone());
            out.push(TimeExpr {
                span: cue_start..next.span.end,
                expr: Expr::Range(Box::new(a), Box::new(b)),
            });
            i += 2;
            continue;
        }
        let expr = match (cue_name, &atom.expr) {
            (Some("since"), e) => Expr::Since(Box::new(e.clone())),
            (Some("between"), e)
                if cue.as_ref().is_some_and(|c| {
                    c.name("between")
                        .is_some_and(|m| m.as_str().eq_ignore_ascii_case("from"))
                }) && is_month_like(e) =>
            {
                Expr::Since(Box::new(e.clone()))
            }
            (Some("yearto"), e) => {
                let months = cue.as_ref().and_then(|c| c.name("months"));
                match months.map_or(Some(12), |m| months_in(m.as_str())) {
                    Some(n) => Expr::MonthsTo(n, Box::new(e.clone())),
                    None => e.clone(),
                }
            }
            (Some("first"), e @ (Expr::Year(_) | Expr::FinancialYear(_))) => {
                let months = cue.as_ref().and_then(|c| c.name("first_months"));
                let half = cue
                    .as_ref()
                    .is_some_and(|c| c.name("half").is_some() || c.name("h1").is_some());
                match months.and_then(|m| months_in(m.as_str())) {
                    Some(n) => Expr::FirstMonths(n, Box::new(e.clone())),
                    None if half => Expr::FirstMonths(6, Box::new(e.clone())),
                    None => e.clone(),
                }
            }
            (Some("second"), Expr::FinancialYear(y)) => Expr::Range(
                Box::new(Expr::Month { y: Some(*y), m: 10 }),
                Box::new(Expr::Month {
                    y: Some(y + 1),
                    m: 3,
                }),
            ),
            (Some("second"), Expr::Year(y)) => Expr::Range(
                Box::new(Expr::Month { y: Some(*y), m: 7 }),
                Box::new(Expr::Month { y: Some(*y), m: 12 }),
            ),
            (Some("start"), Expr::Year(y)) => Expr::Month { y: Some(*y), m: 1 },
            (Some("end"), Expr::Year(y)) => Expr::Month { y: Some(*y), m: 12 },
            (
                Some("end"),
                e @ (Expr::FinancialYear(_)
                | Expr::Quarter { .. }
                | Expr::ThisFinancialYear
                | Expr::LastFinancialYear
                | Expr::LastYear
                | Expr::LastQuarter),
            ) => Expr::EndOf(Box::new(e.clone())),
            (_, e) => e.clone(),
        };
        let span = if cue_name.is_some() && expr != atom.expr {
            cue_start..atom.span.end
        } else {
            atom.span.clone()
        };
        out.push(TimeExpr { span, expr });
        i += 1;
    }
    out
}

/// "six", "9": a number of months from 1 to 24.
fn months_in(word: &str) -> Option<u8> {
    let n = match word.parse::<u8>() {
        Ok(n) => n,
        Err(_) => super::numbers::word_value(&word.to_ascii_lowercase())? as u8,
    };
    (1..=24).contains(&n).then_some(n)
}

fn is_month_like(e: &Expr) -> bool {
    matches!(e, Expr::Month { .. } | Expr::Day { .. })
}

/// "between April and November 2010": the start takes the end's year (or the year before).
fn fill_range_years(a: Expr, b: Expr) -> (Expr, Expr) {
    let end_year = match b {
        Expr::Month { y: Some(y), .. } | Expr::Day { y: Some(y), .. } => y,
        _ => return (a, b),
    };
    let end_month = match b {
        Expr::Month { m, .. } | Expr::Day { m, .. } => m,
        _ => 12,
    };
    let a = match a {
        Expr::Month { y: None, m } => Expr::Month {
            y: Some(if m <= end_month {
                end_year
            } else {
                end_year - 1
            }),
            m,
        },
        Expr::Day { y: None, m, d } => Expr::Day {
            y: Some(if m <= end_month {
                end_year
            } else {
                end_year - 1
            }),
            m,
            d,
        },
        other => other,
    };
    (a, b)
}

/// Resolves an expression against the anchors; `None` when it cannot be resolved.
pub fn resolve(expr: &Expr, anchors: Anchors) -> Option<When> {
    let reference = anchors.reference();
    Some(match expr {
        Expr::Day { y: Some(y), m, d } => When::At(Point::day(*y, *m, *d)),
        Expr::Day { y: None, m, d } => When::At(Point::day(year_for(*m, reference?), *m, *d)),
        Expr::Month { y: Some(y), m } => When::At(Point::month(*y, *m)),
        Expr::Month { y: None, m } => When::At(Point::month(year_for(*m, reference?), *m)),
        Expr::MonthOfYear { m, years_back } => {
            When::At(Point::month(reference?.y - i32::from(*years_back), *m))
        }
        Expr::YearsAgo(n) => When::At(Point::year(reference?.y - i32::from(*n))),
        Expr::LastNamedMonth(m) => {
            let reference = reference?;
            let y = match reference.m {
                Some(rm) if *m >= rm => reference.y - 1,
                _ => reference.y,
            };
            When::At(Point::month(y, *m))
        }
        Expr::Year(y) => When::At(Point::year(*y)),
        Expr::FinancialYear(y) => financial(*y),
        Expr::Quarter { q, fy } => {
            let quarter = |fy: i32| Point::month(fy, 4).add_months(3 * (i32::from(*q) - 1));
            let start = match fy {
                Some(fy) => quarter(*fy),
                // "Q3" in a report of May 2024: the last Q3 begun by then (October to December
                // 2023), not the one to come.
                None => {
                    let reference = reference?;
                    let fy = financial_year_of(reference);
                    let this_year = quarter(fy);
                    if reference.m.is_some() && this_year.month_index() > reference.month_index() {
                        quarter(fy - 1)
                    } else {
                        this_year
                    }
                }
            };
            When::Between(start, start.add_months(2))
        }
        Expr::Range(a, b) => {
            let b = resolve(b, anchors)?;
            let inner = Anchors {
                now: Some(b.end()),
                year_of: Some(b.end()),
            };
            let a = resolve(a, if a.is_absolute() { anchors } else { inner })?;
            When::Between(a.start(), b.end())
        }
        Expr::Since(a) => When::Between(resolve(a, anchors)?.start(), month_of(anchors.now?)),
        Expr::MonthsTo(n, a) => {
            let end = month_of(resolve(a, anchors)?.end());
            When::Between(end.add_months(1 - i32::from(*n)), end)
        }
        Expr::FirstMonths(n, a) => {
            let start = resolve(a, anchors)?.start();
            let start = Point::month(start.y, start.m.unwrap_or(1));
            When::Between(start, start.add_months(i32::from(*n) - 1))
        }
        Expr::Now => When::At(anchors.now?),
        Expr::ThisYear => When::At(Point::year(reference?.y)),
        Expr::LastYear => When::At(Point::year(reference?.y - 1)),
        Expr::ThisFinancialYear => financial(financial_year_of(reference?)),
        Expr::LastFinancialYear => financial(financial_year_of(reference?) - 1),
        Expr::YearToDate => {
            let now = anchors.now?;
            When::Between(Point::month(financial_year_of(now), 4), month_of(now))
        }
        Expr::FirstHalfOfYear => {
            // From July the calendar year's first half has ended ("a steady 400 during the
            // first 6 months of this year", in December); from January to March only the
            // financial year's has (April to September); from April to June neither, and
            // which year is meant cannot be told.
            let r = reference?;
            match r.m? {
                7..=12 => When::Between(Point::month(r.y, 1), Point::month(r.y, 6)),
                4..=6 => return None,
                _ => {
                    let fy = financial_year_of(r);
                    When::Between(Point::month(fy, 4), Point::month(fy, 9))
                }
            }
        }
        Expr::FirstHalfOfFinancialYear => {
            let fy = financial_year_of(reference?);
            When::Between(Point::month(fy, 4), Point::month(fy, 9))
        }
        Expr::YearEnd => When::At(match anchors.now {
            Some(now) => Point::month(financial_year_of(now), 3),
            // "An annual report 2022-23 ... at the year end": March 2023, not March 2022.
            None => Point::month(financial_year_of(anchors.year_of?) + 1, 3),
        }),
        Expr::EndOf(e) => {
            let end = resolve(e, anchors)?.end();
            When::At(Point::month(end.y, end.m.unwrap_or(12)))
        }
        Expr::ThisMonth => When::At(month_of(anchors.now?)),
        Expr::LastMonth => {
            let now = anchors.now?;
            When::At(Point::month(now.y, now.m?).add_months(-1))
        }
        Expr::LastQuarter => {
            let now = anchors.now?;
            let this = Point::month(now.y, (now.m? - 1) / 3 * 3 + 1);
            When::Between(this.add_months(-3), this.add_months(-1))
        }
        Expr::PastYears(n) => {
            let now = anchors.now?;
            let end = Point::month(now.y, now.m?);
            When::Between(end.add_months(1 - 12 * i32::from(*n)), end)
        }
        Expr::PreviousYear | Expr::SamePeriod | Expr::ThisQuarter => return None,
    })
}

fn financial(y: i32) -> When {
    When::Between(Point::month(y, 4), Point::month(y + 1, 3))
}

/// The first year of the financial year (April to March) that holds the point.
fn financial_year_of(p: Point) -> i32 {
    if p.m.unwrap_or(12) >= 4 {
        p.y
    } else {
        p.y - 1
    }
}

fn month_of(p: Point) -> Point {
    match p.m {
        Some(m) => Point::month(p.y, m),
        None => p,
    }
}

/// The year of the latest such month not after the reference.
fn year_for(month: u8, reference: Point) -> i32 {
    match reference.m {
        Some(rm) if month > rm => reference.y - 1,
        _ => reference.y,
    }
}

/// The financial year after a quarter: "Q1 2023/24" and, as scorecards shorten it, "Q1 23/24"
/// are 2023 (two-digit years only when they follow each other).
fn quarters_year(s: &str) -> Option<i32> {
    financial_year(s).or_else(|| {
        let (a, b) = s.split_once(['/', '-', '–'])?;
        let (a, b): (i32, i32) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
        (b == (a + 1) % 100).then_some(2000 + a)
    })
}

/// "2019/20" is 2019; "2018-2019" is 2018; "2017-2019" is not a financial year.
pub fn financial_year(s: &str) -> Option<i32> {
    let c = FINANCIAL_YEAR.captures(s)?;
    let start: i32 = c[1].parse().ok()?;
    let second = c.get(2).or(c.get(3))?.as_str();
    let end: i32 = second.parse().ok()?;
    let modulus = 10i32.pow(second.len() as u32);
    ((start + 1) % modulus == end).then_some(start)
}

/// "2021-24", "2019/23": the first and last of a span of years written with a two-digit end
/// (two to ten years on; consecutive ones are financial years).
fn years_apart_short(s: &str) -> Option<(i32, i32)> {
    let (a, b) = s.split_once(['/', '-', '–'])?;
    let (a, b) = (a.trim(), b.trim());
    if b.len() != 2 {
        return None;
    }
    let a: i32 = a.parse().ok()?;
    let b = a / 100 * 100 + b.parse::<i32>().ok()?;
    (2..=10).contains(&(b - a)).then_some((a, b))
}

/// "16-25 year olds" is an age range, not a financial year.
fn followed_by_age(s: &str, end: usize) -> bool {
    super::text::head(&s[end..], 20)
        .trim_start()
        .to_ascii_lowercase()
        .starts_with("year old")
}

/// A four-digit year standing alone: not "2,008", "2008/09", "£2008" or "2008 children".
fn is_plain_year(s: &str, r: Range<usize>) -> bool {
    let before = s[..r.start].chars().next_back();
    let after = &s[r.end..];
    if before.is_some_and(|c| c == ',' || c == '£' || c == '.' || c == '/') {
        return false;
    }
    // "the Children Act 1989", "the Social Services and Well-being (Wales) Act 2014": a law's
    // name, not a time.
    const LAWS: [&str; 7] = [
        "Act",
        "Acts",
        "Regulations",
        "Order",
        "Measure",
        "Bill",
        "Rules",
    ];
    let words = s[..r.start].trim_end();
    if before.is_some_and(char::is_whitespace)
        && LAWS.iter().any(|law| {
            words
                .strip_suffix(law)
                .is_some_and(|w| !w.ends_with(char::is_alphanumeric))
        })
    {
        return false;
    }
    if after.starts_with(['%', ',']) && after[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    !after.starts_with('%')
}

/// A month name alone is a date only after a preposition ("in early January") or inside a range
/// ("April – June").
fn month_only_allowed(s: &str, r: Range<usize>) -> bool {
    static PREPOSITION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:in|since|during|by|until|till|to|from|of|at|for|between|and|&|as at|up to|through|covers|covering|month of|–|-)\s*(?:(?:early|mid|late)[\s-]*)?$").expect("valid regex")
    });
    static RANGE_AFTER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*(?:–|-|—|to|and)\s*[A-Z][a-z]+").expect("valid regex"));
    // "(Sept: 1,322)", "June: 412": a month that labels the value after it.
    static LABELS_A_VALUE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\.?\s*[:=]\s*[£\d]").expect("valid regex"));
    let word = &s[r.clone()];
    let after = &s[r.end..];
    if word.starts_with(|c: char| c.is_ascii_uppercase()) && LABELS_A_VALUE.is_match(after) {
        return true;
    }
    // "May" is a month before a comma or a space, or alone ("Apr | May | Jun" headings).
    if word == "May"
        && !(after.is_empty() || after.starts_with(|c: char| c == ',' || c.is_whitespace()))
    {
        return false;
    }
    let before = super::text::tail(&s[..r.start], 20);
    PREPOSITION.is_match(before) || RANGE_AFTER.is_match(&s[r.end..]) || r.start == 0
}

fn month_number(name: &str) -> Option<u8> {
    let lower = name.to_ascii_lowercase();
    const NAMES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    NAMES
        .iter()
        .position(|n| lower.starts_with(n))
        .map(|i| i as u8 + 1)
}

fn ordinal(word: &str) -> u8 {
    match word.to_ascii_lowercase().as_str() {
        "second" | "two" => 2,
        "third" | "three" => 3,
        "fourth" | "four" => 4,
        _ => 1,
    }
}

fn parse_digit(m: Option<regex::Match<'_>>) -> u8 {
    m.and_then(|m| m.as_str().parse().ok()).unwrap_or(1)
}

/// A day date that is all the string holds, apart from decoration ("18TH DECEMBER 2017**",
/// "Wednesday, 4th July, 2018", "| 10 July 2019"): a meeting's or a document's date line.
pub fn only_a_date(s: &str) -> Option<Point> {
    // "Thursday, 7 March 2024 at 2.00 pm", "10.00 am, Tuesday, 3 December 2024": a meeting's
    // hour is no part of its date.
    static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:,?\s+at|\s*[-–,])?\s+\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)$|(?:,?\s+at|\s*[-–,])?\s+\d{1,2}[.:]\d{2}$")
            .expect("valid regex")
    });
    static CLOCK_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\d{1,2}(?:[.:]\d\d)?\s?(?:am|pm|a\.m\.|p\.m\.)(?:\s+on)?[\s,]+")
            .expect("valid regex")
    });
    // A day of a year is written with digits: most lines (headings) have none.
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let s = s.trim();
    let s = CLOCK.find(s).map_or(s, |m| &s[..m.start()]);
    let s = CLOCK_FIRST.find(s).map_or(s, |m| &s[m.end()..]);
    let core = s.trim_matches(|c: char| c.is_whitespace() || "*|#_.,:-".contains(c));
    let found = find(core, 0..core.len());
    match found.as_slice() {
        [t] if !core.is_empty() && t.span.len() + 2 >= core.len() => match t.expr {
            Expr::Day { y: Some(y), m, d } => Some(Point::day(y, m, d)),
            _ => None,
        },
        _ => None,
    }
}

/// Reads a whole string as one date ("26th January 2017", "16/03/26", "2019-10-23").
pub fn parse_date(s: &str) -> Option<Point> {
    let found = find(s, 0..s.len());
    found.iter().find_map(|t| match t.expr {
        Expr::Day { y: Some(y), m, d } => Some(Point::day(y, m, d)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn when(text: &str, now: &str) -> Vec<String> {
        let now = parse_date(now).or_else(|| {
            find(now, 0..now.len())
                .first()
                .and_then(|t| resolve(&t.expr, Anchors::default()))
                .map(When::end)
        });
        let anchors = Anchors { now, year_of: now };
        find(text, 0..text.len())
            .iter()
            .map(|t| resolve(&t.expr, anchors).map_or("null".into(), |w| w.to_string()))
            .collect()
    }

    #[test]
    fn resolves_against_the_document_date() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "As at 13th January there are",
                "26 January 2017",
                &["2017-01-13"],
            ),
            (
                "up from 1778 in October & 1686 in July",
                "26 January 2017",
                &["2016-10", "2016-07"],
            ),
            (
                "adopted since April 2016, and",
                "26 January 2017",
                &["2016-04/2017-01"],
            ),
            (
                "between April and November 2010",
                "24 January 2011",
                &["2010-04/2010-11"],
            ),
            (
                "between April and November is 115",
                "24 January 2011",
                &["2010-04/2010-11"],
            ),
            (
                "There were 12 referrals between April and November.",
                "2 February 2023",
                &["2022-04/2022-11"],
            ),
            (
                "In 2019 /20 13.1% of",
                "December 2020",
                &["2019-04/2020-03"],
            ),
            ("Quarter 2 2022-23", "December 2020", &["2022-07/2022-09"]),
            (
                "in Quarters 1 and 2 despite",
                "December 2020",
                &["2020-04/2020-09"],
            ),
            (
                "during the first 6 months of this year",
                "December 2020",
                &["2020-01/2020-06"],
            ),
            (
                "in the year to March 2008 was",
                "1 May 2009",
                &["2007-04/2008-03"],
            ),
            (
                "during the year ending 31 March 2013",
                "1 May 2013",
                &["2012-04/2013-03"],
            ),
            ("at the start of 2021 stood at", "1 May 2023", &["2021-01"]),
            (
                "from April 2018 to March 2019",
                "10 July 2019",
                &["2018-04/2019-03"],
            ),
            ("as at 30/01/20", "31 January 2020", &["2020-01-30"]),
            ("June 28th 2018 - Number", "4 July 2018", &["2018-06-28"]),
            (
                "there are now over 400 CAFs",
                "26 January 2017",
                &["2017-01-26"],
            ),
            (
                "last year (year end figure 53%)",
                "24 January 2011",
                &["2010", "2010-03"],
            ),
            (
                "This year has seen ... so far",
                "24 January 2011",
                &["2010-04/2011-01"],
            ),
            // Spreadsheet headings: a month and a two-digit year.
            ("Apr-23", "9 November 2023", &["2023-04"]),
            ("May '23", "9 November 2023", &["2023-05"]),
            ("Jun 23", "9 November 2023", &["2023-06"]),
            ("On June 23 we met", "9 November 2023", &["2023-06-23"]),
        ];
        for (text, now, expected) in cases {
            assert_eq!(&when(text, now), expected, "{text}");
        }
    }

    #[test]
    fn ignores_what_is_not_a_date() {
        for text in [
            "16-25 year olds",
            "aged 3, 8 and 13",
            "10/15%",
            "1,840 cases",
            "we may meet",
        ] {
            assert_eq!(
                when(text, "26 January 2017"),
                Vec::<String>::new(),
                "{text}"
            );
        }
    }

    #[test]
    fn unresolvable_without_a_reference() {
        assert_eq!(when("in December", "nothing"), ["null"]);
        assert_eq!(when("currently", "nothing"), ["null"]);
    }
}
