//! What every front end shows: a [`Report`] of [`Document`]s, each with its [`Meta`], its
//! [`Figure`]s and the [`Table`]s found in its text.
//!
//! The serialized form is the contract of `spec/output.md` (schema `report-explorer/1`):
//! field names and meanings never change, fields may be added.

use serde::{Deserialize, Serialize};

/// The schema name written at the top of every JSON export.
pub const SCHEMA: &str = "report-explorer/1";

/// Everything extracted from one or more documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// One entry per input document, in input order.
    pub documents: Vec<Document>,
}

impl Report {
    /// A report holding the given documents.
    pub fn new(documents: Vec<Document>) -> Report {
        Report {
            schema: SCHEMA.to_string(),
            documents,
        }
    }
}

/// One document and what was read from it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The file name (or a name the user gave).
    pub name: String,
    /// Title, authority, date and kind as detected in the text.
    pub meta: Meta,
    /// Every quantity found, indicator figures and others.
    pub figures: Vec<Figure>,
    /// Tables found in the text.
    pub tables: Vec<Table>,
}

/// What the document says about itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// The first heading-like line.
    pub title: Option<String>,
    /// The council named in the text ("Blackburn with Darwen").
    pub authority: Option<String>,
    /// The document's own date (`YYYY-MM-DD` or `YYYY-MM`), used to resolve relative dates.
    pub date: Option<String>,
    /// The committee, panel or board named in the text.
    pub committee: Option<String>,
    /// `report`, `minutes`, `agenda`, `foi`, `news` or `statistics`.
    pub kind: Option<String>,
}

/// One quantity read from the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Unique within its document: `f1`, `f2`, ...
    pub id: String,
    /// An id from the indicator vocabulary, or `None` for any other quantity.
    pub indicator: Option<String>,
    /// The words the text uses for the quantity.
    pub label: String,
    /// The number as stated (1,840 is 1840; 96.7% is 96.7).
    pub value: f64,
    /// What the value measures.
    pub unit: Unit,
    /// True for "over 400", "about 75%" and the like.
    pub approx: bool,
    /// The date or period the figure refers to (ISO 8601), or `None` when unresolvable.
    pub when: Option<String>,
    /// Whose figure it is.
    pub area: Area,
    /// True for targets, goals and thresholds.
    pub target: bool,
    /// `[start, end)` byte offsets of the number in the document text.
    pub span: [usize; 2],
    /// The sentence or table row the figure was read from.
    pub sentence: String,
    /// The name of the rule that produced the figure.
    pub rule: String,
    /// True when a person corrected the figure in the app (written only when true).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub edited: bool,
    /// The page the figure is on, in a document of pages (a PDF's text, where form feeds
    /// separate the pages); absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// The unit of a figure's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A number of children, cases, events.
    Count,
    /// A percentage, stated as such.
    Percent,
    /// Pounds sterling.
    Gbp,
    /// A duration in weeks.
    Weeks,
    /// A duration in days.
    Days,
    /// A rate per 10,000 children.
    #[serde(rename = "per_10k")]
    Per10k,
}

impl Unit {
    /// The name used in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Percent => "percent",
            Unit::Gbp => "gbp",
            Unit::Weeks => "weeks",
            Unit::Days => "days",
            Unit::Per10k => "per_10k",
        }
    }
}

/// Whose figure: the reporting authority's own, or a comparator's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// The reporting authority.
    Local,
    /// England (the "national average" in an English council's report).
    England,
    /// Wales.
    Wales,
    /// Scotland.
    Scotland,
    /// Northern Ireland.
    NorthernIreland,
    /// The United Kingdom.
    Uk,
    /// A region ("the North East average").
    Region,
    /// Statistical neighbours.
    StatisticalNeighbours,
    /// Another named authority.
    Other,
}

impl Area {
    /// The name used in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Area::Local => "local",
            Area::England => "england",
            Area::Wales => "wales",
            Area::Scotland => "scotland",
            Area::NorthernIreland => "northern_ireland",
            Area::Uk => "uk",
            Area::Region => "region",
            Area::StatisticalNeighbours => "statistical_neighbours",
            Area::Other => "other",
        }
    }
}

/// A table found in the text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// Unique within its document: `t1`, `t2`, ...
    pub id: String,
    /// `[start, end)` byte offsets of the table in the document text.
    pub span: [usize; 2],
    /// The line introducing the table, when there is one.
    pub caption: Option<String>,
    /// Column headings (empty strings where a column has none).
    pub header: Vec<String>,
    /// The cells of each row, as written.
    pub rows: Vec<Vec<String>>,
}

/// Every indicator id of the vocabulary (`spec/indicators.md`) with what it counts, in the
/// spec's order: counts at a date, counts over a period, then percentages.
pub const INDICATORS: [(&str, &str); 42] = [
    ("children_in_care", "children looked after by the authority"),
    (
        "child_protection_plans",
        "children subject to a child protection plan",
    ),
    ("children_in_need", "children in need"),
    ("open_cases", "open children's social care cases"),
    ("early_help", "open early help episodes or assessments"),
    ("care_leavers", "care leavers supported"),
    (
        "foster_carers",
        "approved foster carers or fostering households",
    ),
    (
        "placed_for_adoption",
        "children placed with adopters, not yet adopted",
    ),
    ("home_educated", "children electively home educated"),
    ("uasc", "unaccompanied asylum-seeking children"),
    ("social_worker_caseload", "average cases per social worker"),
    ("contacts", "contacts received by the front door"),
    ("referrals", "referrals to children's social care"),
    ("assessments", "social work assessments completed"),
    (
        "section_47_enquiries",
        "child protection (section 47) enquiries",
    ),
    (
        "initial_cp_conferences",
        "initial child protection conferences",
    ),
    (
        "cp_plans_started",
        "children who became subject of a CP plan",
    ),
    ("cp_plans_ended", "CP plans ceased"),
    ("entered_care", "children who started to be looked after"),
    ("left_care", "children who ceased to be looked after"),
    ("adoptions", "children adopted"),
    (
        "special_guardianship_orders",
        "special guardianship orders granted",
    ),
    ("care_proceedings", "care proceedings issued"),
    ("missing_episodes", "missing from home or care episodes"),
    (
        "assessments_on_time_pct",
        "% assessments completed within timescale",
    ),
    (
        "referral_to_assessment_pct",
        "% referrals that go on to assessment",
    ),
    ("re_referrals_pct", "% re-referrals within 12 months"),
    (
        "repeat_cp_plans_pct",
        "% CP plans that are a second or later plan",
    ),
    (
        "icpc_on_time_pct",
        "% initial CP conferences within 15 working days",
    ),
    ("cp_reviews_on_time_pct", "% CP reviews held in time"),
    (
        "cp_plans_2_years_pct",
        "% CP plans lasting two years or more",
    ),
    (
        "statutory_visits_on_time_pct",
        "% statutory visits made in time",
    ),
    (
        "return_home_interviews_pct",
        "% return home interviews within 72 hours",
    ),
    (
        "cla_reviews_on_time_pct",
        "% reviews of children in care held in time",
    ),
    (
        "placement_moves_3plus_pct",
        "% children in care with 3 or more placements",
    ),
    (
        "long_term_stability_pct",
        "% children in care in long-term stable placements",
    ),
    (
        "care_leavers_eet_pct",
        "% care leavers in education, employment or training",
    ),
    (
        "care_leavers_neet_pct",
        "% care leavers not in education, employment or training",
    ),
    (
        "care_leavers_accommodation_pct",
        "% care leavers in suitable accommodation",
    ),
    (
        "adopted_within_12_months_pct",
        "% adoptions within 12 months",
    ),
    (
        "cla_health_checks_pct",
        "% children in care with health and dental checks",
    ),
    (
        "allocated_social_worker_pct",
        "% children allocated to a qualified social worker",
    ),
];
