//! The indicator vocabulary as named rules: which words name which indicator.
//!
//! Counts ("366 children in care", "1064 referrals") are named by a noun phrase, a *mention*.
//! Percentages ("13.8% of CLA had experienced three or more moves") are named by a
//! *predicate*: what the percentage is of. Each rule has a name that travels into the figure,
//! so the app can say why a number was read as an indicator and a failing test points at one
//! rule. Order matters: where two rules could match at the same place, the earlier wins
//! ("started to be looked after" is entering care, not children in care).

use regex::{Regex, RegexBuilder, RegexSet};
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// How an indicator is measured, which decides how an undated figure is dated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// A count at a point in time: undated, it is the document's date.
    Stock,
    /// A count over a period: undated, it has no date of its own.
    Flow,
    /// A percentage describing the current position of a group (as a stock).
    Status,
    /// A percentage of a flow (as a flow).
    Rate,
}

/// A named rule: the words that name one indicator.
#[derive(Debug)]
pub struct Rule {
    /// The rule's name, shown as the figure's `rule`.
    pub name: &'static str,
    /// The indicator id from the vocabulary.
    pub indicator: &'static str,
    /// A regex fragment (case-insensitive unless it says otherwise).
    pub pattern: &'static str,
}

const fn rule(name: &'static str, indicator: &'static str, pattern: &'static str) -> Rule {
    Rule {
        name,
        indicator,
        pattern,
    }
}

/// The noun phrases that name counted indicators, most specific first.
pub static MENTIONS: &[Rule] = &[
    // Flows that contain the words of stocks come first.
    rule(
        "entered-care",
        "entered_care",
        r"(?:started|starting|begun|began|beginning)\s+to\s+be\s+looked\s+after|(?:admitted|admissions?)\s+(?:in)?to\s+(?:the\s+)?care|(?:entering|entered|enter|entry\s+(?:in)?to|came\s+into|coming\s+into|come\s+into|brought\s+into|taken\s+into)\s+(?:our\s+|the\s+council(?:'|’)?s\s+)?care|(?:new\s+)?entrants?\s+(?:in)?to\s+care|care\s+entrants|(?:became|become|becoming)\s+looked\s+after|new(?:ly)?\s+looked\s+after\s+children|new\s+(?:in)?to\s+care|(?-i:CLA|LAC|CiC|CIC)\s+(?:starters|starts|admissions|entrants)(?-u:\b)",
    ),
    rule(
        "care-leavers",
        "care_leavers",
        r"care\s+leavers?|young\s+people\s+leaving\s+care|(?:(?:entitled\s+to|in\s+receipt\s+of|receiving|accessing|eligible\s+for)\s+(?:the\s+|our\s+)?)?leaving\s+care\s+(?:support|services?)|former\s+relevant\s+(?:children|young\s+people)|pathway\s+plan\s+cohort|care[\s-]experienced\s+(?:young\s+(?:people|adults)|adults)|(?:receiving|in\s+receipt\s+of|eligible\s+for|entitled\s+to)\s+(?:throughcare\s+and\s+)?aftercare(?:\s+(?:support|services?))?|throughcare\s+(?:and|&)\s+aftercare",
    ),
    rule(
        "left-care",
        "left_care",
        r"(?:ceased|ceasing|stopped|stopping)\s+(?:to\s+be|being)\s+(?:looked\s+after|in\s+care)|(?:who\s+)?(?:left|leaving|exited|exiting|leave)\s+care|care\s+leavers\s+in\s+the\s+year|(?:ceased|ceasing)\s+care(?-u:\b)|discharged\s+from\s+care|(?-i:CLA|LAC|CiC|CIC)\s+(?:leavers|ceased|exits|discharges)(?-u:\b)",
    ),
    rule(
        "placed-for-adoption",
        "placed_for_adoption",
        r"placed\s+for\s+adoption(?:,?\s+(?:but\s+)?not\s+yet\s+adopted)?|(?:placed\s+)?in\s+adoptive\s+placements?|adoptive\s+placements?|placed\s+with\s+(?:their\s+)?(?:prospective\s+)?(?:adopters|adoptive\s+(?:families|family|parents))|living\s+with\s+(?:their\s+)?prospective\s+adopters",
    ),
    rule(
        "special-guardianship",
        "special_guardianship_orders",
        r"special\s+guardianship\s+orders?|(?-i:SGOs?)(?-u:\b)",
    ),
    rule(
        "adoptions",
        "adoptions",
        r"(?:have\s+been|has\s+been|were|was|had\s+been|being|been)\s+adopted|adoption\s+orders?(?:\s+(?:granted|made))?|adoptions(?-u:\b)|adopted\s+(?:children|in\s+the\s+year)|child(?:ren)?\s+adopted(?-u:\b)",
    ),
    rule(
        "care-proceedings",
        "care_proceedings",
        r"care\s+proceedings|care\s+applications?|applications?\s+for\s+care\s+(?:and\s+supervision\s+)?orders?|public\s+law\s+(?:proceedings|applications)",
    ),
    rule(
        "section-47",
        "section_47_enquiries",
        r"(?:section|s\.?)\s?47\s*(?:enquiries|enquiry|investigations?|inquiries)|(?-i:S47s?)(?-u:\b)|section\s+47s(?-u:\b)|child\s+protection\s+(?:enquiries|investigations)",
    ),
    rule(
        "initial-conferences",
        "initial_cp_conferences",
        // Scotland holds (initial) child protection planning meetings, CPPMs.
        r"(?:(?:the\s+)?subject\s+(?:of|to)\s+(?:an\s+)?)?initial\s+(?:child\s+protection|CP)\s+(?:case\s+)?conferences?|(?-i:ICPCs?)(?-u:\b)|initial\s+conferences|(?:initial\s+)?child\s+protection\s+planning\s+meetings?|(?:initial\s+)?(?-i:I?CPPMs?)(?-u:\b)",
    ),
    rule(
        "cp-plans-started",
        "cp_plans_started",
        r"(?:become|became|becoming|becomes|started|starting|(?:were|was)\s+made)\s+(?:the\s+)?subject\s+(?:of|to)\s+(?:a\s+)?(?:child\s+protection\s+|CP\s+)?plans?|new\s+(?:child\s+protection|CP)\s+plans|(?:child\s+protection\s+|CP\s+)plans?\s+(?:started|starting|commenced)|(?:added\s+to|placed\s+on)\s+(?:the\s+)?(?:(?:child\s+protection\s+)?registers?|(?-i:CPR)(?-u:\b))|(?:new\s+)?registrations\s+(?:on|to|onto)\s+(?:the\s+)?(?:child\s+protection\s+register|(?-i:CPR)|register)",
    ),
    rule(
        "cp-plans-ended",
        "cp_plans_ended",
        r"(?:ceased|ceasing|stopped)\s+to\s+be\s+(?:the\s+)?subject\s+(?:to|of)\s+(?:a\s+)?(?:child\s+protection\s+|CP\s+)?plans?|(?:child\s+protection\s+|CP\s+)plans?\s+(?:ended|ending|ceased|ceasing|discontinued|closed)|(?:ceased|ceasing|ended|ending|came\s+off|coming\s+off|taken\s+off|removed\s+from)\s+(?:a\s+|their\s+|the\s+)?(?:child\s+protection\s+|CP\s+)(?:plans?|registers?)|(?:those\s+)?discontinu(?:ing|ed)|removed\s+from\s+(?:the\s+)?registers?|(?:children|child|young\s+people)\s+(?:who\s+were\s+|were\s+)?de-?registered|de-?registered\s+from\s+(?:the\s+)?(?:child\s+protection\s+|CP\s+)?register",
    ),
    rule(
        "register-additions",
        "cp_plans_started",
        r"(?:new\s+)?registrations(?-u:\b)|(?:were|was|been)\s+(?:newly\s+)?registered(?-u:\b)",
    ),
    rule(
        "plans-ended",
        "cp_plans_ended",
        r"plans\s+(?:ended|ceased|were\s+ended|were\s+ceased|closed|were\s+closed|discontinued|were\s+discontinued)(?-u:\b)",
    ),
    rule(
        "register-removals",
        "cp_plans_ended",
        r"(?:were|was|been)\s+(?:removed|de-?registered)(?-u:\b)|de-?registrations",
    ),
    rule("missing-short", "missing_episodes", r"episodes(?-u:\b)"),
    rule(
        "re-referrals",
        "re_referrals_pct",
        r"re-?referrals?|referrals?\s+with\s+a\s+previous\s+referral",
    ),
    rule(
        "contacts",
        "contacts",
        r"(?:MASH[ \t]+|front[ \t]+door[ \t]+)?contacts(?-u:\b)",
    ),
    rule(
        "referrals",
        "referrals",
        r"referrals(?-u:\b)|referral\s+numbers|(?:progressed|proceeded|went\s+on|led|converted)\s+(?:on\s+)?(?:in)?to\s+(?:an?\s+)?referral(?-u:\b)|referred\s+to\s+(?:children'?s\s+social\s+care|CSC|the\s+service)",
    ),
    rule(
        "health-assessments",
        "cla_health_checks_pct",
        r"(?:annual\s+|initial\s+and\s+review\s+|initial\s+|review\s+)?health\s+(?:assessments?|checks?)",
    ),
    rule(
        "early-help",
        "early_help",
        r"early\s+help\s+(?:assessments?|episodes?|cases|plans|families)|early\s+help\s*:|(?-i:CAFs?)(?-u:\b)|common\s+assessment\s+frameworks?|(?:families\s+(?:are\s+|were\s+)?(?:being\s+)?)?(?:supported|helped)\s+(?:by|through|via)\s+(?:the\s+|our\s+)?early\s+help(?:\s+(?:services?|offer|teams?|hubs?))?|(?:open\s+to|receiving|in\s+receipt\s+of)\s+(?:an?\s+|the\s+|our\s+)?early\s+help(?:\s+(?:services?|support|offer|teams?|hubs?))?|(?:receiving|getting|accessing)\s+(?:support|help)\s+(?:from|through|via)\s+(?:the\s+|our\s+)?early\s+help(?:\s+(?:services?|offer|teams?|hubs?))?|(?:families|children)\s+(?:through|via)\s+(?:the\s+|our\s+)?early\s+help(?:\s+(?:services?|offer|teams?|hubs?))?",
    ),
    rule(
        "assessments",
        "assessments",
        r"(?:single|initial|core|social\s+work|child(?:ren)?\s+(?:and|&)\s+famil(?:y|ies)|C&F)\s+assessments?|assessments(?-u:\b)",
    ),
    rule(
        "missing-episodes",
        "missing_episodes",
        r"missing\s+(?:from\s+(?:home|care)\s+)?(?:episodes|incidents|events|occurrences)|episodes\s+of\s+(?:children\s+)?(?:going\s+)?missing",
    ),
    rule(
        "uasc",
        "uasc",
        r"unaccompanied\s+(?:asylum[\s-]+seeking\s+)?(?:children|young\s+people|minors)|unaccompanied\s+child(?:ren)?\s+asylum\s+seekers|unaccompanied\s+asylum[\s-]+seekers?|(?-i:UASCs?)(?-u:\b)|separated\s+(?:migrant\s+)?children",
    ),
    rule(
        "home-educated",
        "home_educated",
        r"elective(?:ly)?\s+home[\s-]+educat\w*|home[\s-]+educated|(?-i:EHE)(?-u:\b)|home\s+education|educated\s+at\s+home|home[\s-]?schooled",
    ),
    rule(
        "foster-carers",
        "foster_carers",
        r"(?:approved\s+)?(?:in-house\s+|mainstream\s+|local\s+authority\s+|IFA\s+)?foster(?:ing)?\s+carers|fostering\s+households|foster(?:\s+carer)?\s+(?:families|households)|in-house\s+carers|(?:connected\s+persons?|kinship|.?family\s+and\s+friends.?|link|short\s+break|mainstream)\s+carers",
    ),
    rule(
        "caseload",
        "social_worker_caseload",
        r"(?:average\s+)?(?:social\s+work(?:er)?s?'?\s+)?caseloads?|cases\s+per\s+(?:social\s+)?(?:worker|practitioner)|cases\s+each|per\s+(?:social\s+)?(?:worker|practitioner)|average\s+number\s+of\s+cases",
    ),
    rule(
        "children-in-need",
        "children_in_need",
        // "care and support plan" is the Welsh (Social Services and Well-being Act) term.
        r"child(?:ren)?\s+in\s+need(?:\s+plans?)?|(?-i:CIN)(?-u:\b)(?:\s+plans?)?|care\s+and\s+support\s+plans?|(?:receiving|in\s+receipt\s+of)\s+care\s+and\s+support",
    ),
    rule(
        "cp-plans",
        "child_protection_plans",
        r"(?:subject\s+(?:to|of)\s+(?:a\s+)?)?(?:child\s+protection|CP)\s+plans?|(?-i:CPPs?)(?-u:\b)|(?:on|subject\s+to|subject\s+of)\s+(?:a\s+)?(?:protection\s+)?plans?(?-u:\b)|(?:the\s+)?subject\s+of\s+a\s+plan|(?:on|in)\s+(?:the\s+|local\s+authority\s+)?(?:child\s+protection\s+)?registers?(?-u:\b)|(?:on|in)\s+(?:the\s+)?(?-i:[A-Z][A-Za-z'’]+)\s+(?:child\s+protection|CP)\s+registers?|(?:child\s+protection|CP)\s+registers?|(?-i:CPR)(?-u:\b)|registered\s+as\s+(?:at\s+risk|in\s+need\s+of\s+protection)|(?:children|child|young\s+people)\s+with\s+a\s+plan(?-u:\b)|(?:child\s+protection|(?-i:CP))\s+(?:numbers|figures|cohort|population)(?-u:\b)|(?-i:CP)(?-u:\b)",
    ),
    rule(
        "open-cases",
        "open_cases",
        r"open\s+(?:children(?:'|’)?s\s+social\s+care\s+|social\s+care\s+|social\s+work\s+|CSC\s+)?cases|open\s+to\s+(?:the\s+)?(?:department|children(?:'|’)?s\s+social\s+care|social\s+care|CSC|the\s+service)|caseload\s+of\s+the\s+service|cases\s+open\s+to",
    ),
    rule(
        "children-in-care",
        "children_in_care",
        r"(?:children|child|young\s+people|CYP)\s+(?:and\s+young\s+people\s+)?in\s+(?:our\s+)?care(?-u:\b)|children\s*(?:&|and)\s*young\s+people\s+in\s+(?:our\s+)?care|looked[\s-]after\s+(?:and\s+accommodated\s+)?(?:children|child|young\s+people)|care[\s-]experienced\s+(?:children|child)(?:\s*(?:and|&)\s*young\s+people)?|(?:children|young\s+people)\s+(?:who\s+are\s+|being\s+)?looked\s+after|(?:were|are|being|was|is)\s+looked\s+after|(?-i:LAC|CLA|CiC|CIC|CIOC|CLAs|LACs)(?-u:\b)|cared\s+for\s+children|(?:children|young\s+people)\s+(?:and\s+young\s+people\s+)?(?:that\s+|who\s+|whom\s+)?(?:we|the\s+council|the\s+(?:local\s+)?authority)\s+(?:care\s+for|cares\s+for|look\s+after|looks\s+after)|(?:the\s+)?(?:looked[\s-]after\s+|care\s+)population|in\s+the\s+care\s+of\s+(?:the\s+|(?:(?-i:[A-Z][\w'’-]*)\s+){1,4})(?:local\s+)?(?:authority|council)|(?:are|were|is|was|remain|remained|remains)\s+(?:currently\s+|now\s+|still\s+)?in\s+(?:our\s+|the\s+council(?:'|’)?s\s+|local\s+authority\s+)?care(?-u:\b)|(?:cared\s+for|looked\s+after)\s+by\s+(?:the\s+|this\s+|our\s+)?(?:council|(?:local\s+)?authority)",
    ),
];

/// The phrases that name percentage indicators, most specific first.
pub static PREDICATES: &[Rule] = &[
    rule(
        "assessment-timeliness",
        "assessments_on_time_pct",
        // 45 working days in England, 42 in Wales (Social Services and Well-being Act).
        r"(?:assessments?|assessed)\s+(?:were\s+|was\s+|to\s+be\s+|being\s+)?(?:completed\s+|carried\s+out\s+|authorised\s+|undertaken\s+)?(?:with)?in\s+(?:(?:the\s+)?(?:statutory\s+)?(?:timescales?|(?:45|forty[\s-]five|42|forty[\s-]two)\s+(?:working\s+)?days)|time)|timeliness\s+of\s+(?:our\s+)?(?:single\s+|social\s+work\s+|C&F\s+|child\s+and\s+family\s+)?assessments|assessments?\s+(?:on|in)\s+time|assessment\s+timeliness|timely\s+assessments",
    ),
    rule(
        "referral-conversion",
        "referral_to_assessment_pct",
        r"referrals?\s+(?:that\s+|which\s+)?(?:go|went|going|progress(?:ed)?|proceed(?:ed)?|led|lead|leading|result(?:ed)?\s+in|converted)\s+(?:on\s+)?(?:to|in)?\s*(?:an?\s+|be\s+)?(?:initial\s+|single\s+)?assessments?|referrals?\s+to\s+assessments?|(?:referral|assessment)\s+conversion(?:\s+rate)?|conversion\s+(?:rate\s+)?(?:of\s+|from\s+)?referrals?\s+to\s+(?:an?\s+)?(?:single\s+)?assessments?|conversion\s+to\s+(?:an?\s+)?assessment",
    ),
    rule(
        "re-referrals",
        "re_referrals_pct",
        r"re-?referrals?|repeat\s+referrals?|referrals?\s+(?:received\s+)?within\s+(?:12|twelve)\s+months\s+of\s+(?:a|the)\s+previous\s+referral|referrals?\s+with\s+a\s+previous\s+referral",
    ),
    rule(
        "repeat-plans",
        "repeat_cp_plans_pct",
        r"(?:second|subsequent)\s+or\s+subsequent\s+time|for\s+(?:a|the)\s+second\s+(?:or\s+(?:subsequent|later)\s+)?time|(?:second|subsequent)\s+(?:or\s+subsequent\s+)?(?:time\s+)?(?:child\s+protection\s+|CP\s+)?plans?|repeat\s+(?:child\s+protection\s+|CP\s+)?plans?|previously\s+been\s+(?:the\s+)?subject\s+(?:of|to)\s+(?:a\s+)?(?:child\s+protection\s+|CP\s+)?plan|re-?registrations?|(?:child\s+protection\s+|CP\s+)?plans?\s+(?:that\s+|which\s+)?(?:were|was|are|is)\s+(?:a\s+)?repeats?(?-u:\b)",
    ),
    rule(
        "icpc-timeliness",
        "icpc_on_time_pct",
        r"(?:initial\s+(?:child\s+protection|CP)\s+(?:case\s+)?conferences?|(?-i:ICPCs?))\s+(?:were\s+|was\s+)?(?:held\s+)?(?:with)?in\s+(?:15\s+(?:working\s+)?days|timescales?|time)|(?-i:ICPC)\s+timeliness|timeliness\s+of\s+(?:initial\s+(?:child\s+protection|CP)\s+conferences|(?-i:ICPCs))",
    ),
    rule(
        "cp-reviews",
        "cp_reviews_on_time_pct",
        r"(?:child\s+protection|CP|(?-i:CPR))\s+(?:plan\s+|register\s+)?(?:reviews?|review\s+conferences?)|review\s+(?:child\s+protection|CP)\s+(?:case\s+)?conferences?|(?-i:RCPCs?)(?-u:\b)",
    ),
    rule(
        "cla-reviews",
        "cla_reviews_on_time_pct",
        r"(?:(?-i:LAC|CLA|CiC)|looked\s+after|children\s+in\s+care)\s+reviews?|reviews?\s+(?:of|for)\s+(?:children\s+(?:in\s+care|looked\s+after)|looked\s+after|(?-i:LAC|CLA|CiC)(?-u:\b))|up\s+to\s+date\s+reviews|(?:statutory\s+)?reviews?\s+(?:were\s+|was\s+|have\s+been\s+)?(?:held\s+)?(?:(?:in|on)\s+time|within\s+(?:statutory\s+)?timescales?)|(?:which|that)\s+were\s+in\s+time",
    ),
    rule(
        "long-plans",
        "cp_plans_2_years_pct",
        r"(?:lasting|lasted|open\s+for|for)\s+(?:2|two)\s+years?\s+or\s+(?:more|longer)|(?:2|two)\s+years?\s+or\s+(?:more|longer)|(?:2|two)\s*(?:\+\s*years?|years?\s*\+|years?\s+plus)|(?:lasting|lasted|open\s+for|for)\s+(?:over|more\s+than)\s+(?:2|two)\s+years",
    ),
    rule(
        "statutory-visits",
        "statutory_visits_on_time_pct",
        r"statutory\s+visits?|visited\s+(?:(?:with)?in\s+(?:the\s+)?(?:statutory\s+)?timescales?|(?:on|in)\s+time)|visits?\s+(?:to\s+(?:[a-z'’-]+\s+){1,5}?)?(?:were\s+|was\s+)?(?:made\s+|completed\s+|undertaken\s+|carried\s+out\s+)?(?:with)?in\s+(?:statutory\s+)?timescales?|(?:child\s+protection|CP|CIN|CLA|LAC|CiC)\s+visits?\s+(?:(?:were|was)\s+)?(?:made\s+|completed\s+|undertaken\s+|carried\s+out\s+)?(?:with)?in\s+(?:\d{1,2}|four|six|ten|twenty)\s+(?:working\s+)?(?:days|weeks)",
    ),
    rule(
        "return-interviews",
        "return_home_interviews_pct",
        r"return\s+(?:to\s+)?home\s+interviews?|(?-i:RHIs?)(?-u:\b)|return\s+interviews?",
    ),
    rule(
        "placement-moves",
        "placement_moves_3plus_pct",
        r"(?:three|3)\s+or\s+more\s+(?:placements?|placement\s+moves|moves|placement\s+changes)|(?:three|3)\s+(?:placements?|moves)\s+or\s+more|(?:three|3)\s*\+\s*(?:placements?|placement\s+moves|moves)|short[\s-]term\s+(?:placement\s+)?stability|(?:placement\s+)?stability\s*\(\s*short[\s-]term\s*\)",
    ),
    rule(
        "long-term-stability",
        "long_term_stability_pct",
        r"(?:2\.5|two\s+and\s+a\s+half)\s+years|long[\s-]term\s+(?:placement\s+)?stability|(?:placement\s+)?stability\s*\(\s*long[\s-]term\s*\)|same\s+placement\s+for\s+(?:at\s+least\s+)?(?:2|two)\s+years",
    ),
    rule(
        "neet",
        "care_leavers_neet_pct",
        r"(?-i:NEET)(?-u:\b)|not\s+in\s+(?:education|employment|training),?\s+(?:employment|training|education)(?:,?\s+or\s+(?:employment|training|education))?",
    ),
    rule(
        "eet",
        "care_leavers_eet_pct",
        // "positive destinations" is Scotland's term for education, employment or training.
        r"(?-i:EET)(?-u:\b)|in\s+(?:education|employment|training),?\s+(?:employment|training|education)(?:,?\s+(?:or|and)\s+(?:employment|training|education))?|(?:in\s+)?positive\s+destinations?",
    ),
    rule(
        "suitable-accommodation",
        "care_leavers_accommodation_pct",
        r"(?:suitable|appropriate)\s+(?:accommodation|accomm?(?-u:\b)\.?)|accommodation\s+(?:that\s+is|judged)\s+suitable",
    ),
    rule(
        "adopted-in-12-months",
        "adopted_within_12_months_pct",
        r"adopted\s+within\s+(?:12|twelve)\s+months|(?:adoptions?|placed)\s+within\s+(?:12|twelve)\s+months",
    ),
    rule(
        "health-checks",
        "cla_health_checks_pct",
        r"(?:annual\s+|initial\s+and\s+review\s+|initial\s+|review\s+)?health\s+(?:assessments?|checks?)|dental\s+checks?|teeth\s+checked",
    ),
    rule(
        "allocated-worker",
        "allocated_social_worker_pct",
        r"allocated\s+(?:to\s+)?(?:a\s+)?(?:qualified\s+)?(?:social\s+worker|(?-i:QSW))|(?-i:QSW)(?-u:\b)|qualified\s+social\s+workers?",
    ),
];

/// Words that, right after a mention, show it only qualifies another noun
/// ("Children in Care Council", "adoption service", "CIN reviews").
static MODIFIED_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s’']*(?:service|services|team|teams|council|panel|board|budgets?|costs?|funding|nurses?|reviews?|reviewing|visits?|strategy|strategies|policy|policies|procedures?|placements?|allowance|grants?|premium|champions?|forum|awards?|events?|managers?|officers?|staff|unit|sufficiency|health|education|attainment|pupils?|enquiries|agency|agencies|support|leave|approvals|panels|workers?|training|recruitment|process|pathway|assessment\s+framework|proceedings)(?-u:\b)")
        .expect("valid regex")
});

/// Which indicators are measured how.
pub fn measure(indicator: &str) -> Measure {
    match indicator {
        "children_in_care"
        | "child_protection_plans"
        | "children_in_need"
        | "open_cases"
        | "early_help"
        | "care_leavers"
        | "foster_carers"
        | "placed_for_adoption"
        | "home_educated"
        | "uasc"
        | "social_worker_caseload" => Measure::Stock,
        "placement_moves_3plus_pct"
        | "long_term_stability_pct"
        | "care_leavers_eet_pct"
        | "care_leavers_neet_pct"
        | "care_leavers_accommodation_pct"
        | "cla_health_checks_pct"
        | "allocated_social_worker_pct" => Measure::Status,
        id if id.ends_with("_pct") => Measure::Rate,
        _ => Measure::Flow,
    }
}

/// True for indicators whose value is a percentage.
pub fn is_percent(indicator: &str) -> bool {
    indicator.ends_with("_pct")
}

/// A phrase naming an indicator, found in the text.
#[derive(Debug, Clone)]
pub struct Mention {
    /// Byte range in the document text.
    pub span: Range<usize>,
    /// The rule that matched.
    pub rule: &'static Rule,
}

/// A rule list compiled twice: one regex that finds any rule's words, and a set that says which
/// rule matched them (the first that matches the whole phrase, as the alternation would).
struct Compiled {
    any: Regex,
    each: RegexSet,
    /// Which list this is: 0 for [`MENTIONS`], 1 for [`PREDICATES`].
    list: usize,
}

/// The room the regex engine may take for the states of its lazy DFA when searching for any
/// rule's words. Its default, 2 MB, is too little for the whole vocabulary in one alternation
/// (case folded, Unicode classes): the engine then throws its states away and builds them again
/// over and over, and the search ran at 16 MB/s instead of 200 (the development set,
/// `cargo bench --bench phases`). 4 MB was enough there; real reports meet more states. The
/// room is taken only as states are built, and is kept for the next document.
const VOCABULARY_DFA_BYTES: usize = 16 << 20;

fn compile(rules: &'static [Rule], list: usize) -> Compiled {
    let any = rules
        .iter()
        .map(|r| format!("(?:{})", r.pattern))
        .collect::<Vec<_>>()
        .join("|");
    Compiled {
        any: RegexBuilder::new(&format!(r"(?i)(?-u:\b)(?:{any})"))
            .dfa_size_limit(VOCABULARY_DFA_BYTES)
            .build()
            .expect("valid vocabulary regex"),
        each: RegexSet::new(rules.iter().map(|r| format!(r"(?i)^(?:{})$", r.pattern)))
            .expect("valid rules"),
        list,
    }
}

static MENTION_REGEX: LazyLock<Compiled> = LazyLock::new(|| compile(MENTIONS, 0));
static PREDICATE_REGEX: LazyLock<Compiled> = LazyLock::new(|| compile(PREDICATES, 1));

/// The most phrases [`scan`] remembers the rule of, per rule list; past this it forgets them
/// and starts again (a report names its indicators with a few dozen phrases, over and over).
const REMEMBERED_PHRASES: usize = 4096;

thread_local! {
    /// The rule of each phrase [`scan`] has met, per rule list ([`Compiled::list`]): asking the
    /// set of rules which one matches a phrase costs about a microsecond, looking the phrase up
    /// here a few dozen nanoseconds.
    static RULE_OF_PHRASE: RefCell<[HashMap<Box<str>, Option<usize>>; 2]> = RefCell::default();
}

fn scan(
    compiled: &Compiled,
    rules: &'static [Rule],
    text: &str,
    range: Range<usize>,
) -> Vec<Mention> {
    RULE_OF_PHRASE.with_borrow_mut(|known| {
        let known = &mut known[compiled.list];
        compiled
            .any
            .find_iter(&text[range.clone()])
            .filter_map(|m| {
                let phrase = m.as_str();
                let index = match known.get(phrase) {
                    Some(index) => *index,
                    None => {
                        let index = compiled.each.matches(phrase).iter().next();
                        if known.len() >= REMEMBERED_PHRASES {
                            known.clear();
                        }
                        known.insert(phrase.into(), index);
                        index
                    }
                };
                Some(Mention {
                    span: m.start() + range.start..m.end() + range.start,
                    rule: &rules[index?],
                })
            })
            .collect()
    })
}

/// The mentions of counted indicators in `text[range]`, skipping those that only qualify
/// another noun ("Children in Care Council").
pub fn mentions(text: &str, range: Range<usize>, extra: &Aliases) -> Vec<Mention> {
    let mut found = scan(&MENTION_REGEX, MENTIONS, text, range.clone());
    found.extend(extra.find(text, range));
    found.sort_by_key(|m| m.span.start);
    found.retain(|m| {
        (!MODIFIED_NOUN.is_match(&text[m.span.end..])
            || m.rule.indicator == "social_worker_caseload")
            && (&text[m.span.clone()] != "CP"
                || LABELS_A_NUMBER.is_match(&text[m.span.end..])
                || counted_in_a_list(text, &m.span))
            && !(m.rule.indicator == "child_protection_plans"
                && text[m.span.clone()].ends_with("plan")
                && ANOTHER_PLAN.is_match(&text[m.span.end..]))
            && !(m.rule.indicator == "care_leavers" && becomes(text, m.span.start))
            && (!m.rule.name.starts_with("register-") || about_the_register(text, &m.span))
            // Not "re-registrations": a repeat plan's share, not plans started.
            && !(m.rule.name == "register-additions" && text[..m.span.start].ends_with('-'))
            && (m.rule.name != "plans-ended" || about_protection_plans(text, m.span.start))
            && !(m.rule.indicator == "referrals"
                && (to_another_service(text, m.span.end) || received_elsewhere(text, m.span.start)))
            && !(m.rule.indicator == "contacts"
                && (to_another_service(text, m.span.end) || received_elsewhere(text, m.span.start)))
            && (m.rule.name != "missing-short" || about_going_missing(text, m.span.start))
            // "Early help: 2,944", a line's label; not "Referrals to Early Help: 300".
            && !(m.rule.indicator == "early_help"
                && text[m.span.clone()].ends_with(':')
                && !starts_its_line(text, m.span.start))
    });
    found
}

/// "The vacancy rate for qualified social workers is 14.6%", "21% of qualified social workers
/// are agency staff": the workforce's own measures, not children allocated a social worker.
fn about_the_workforce(text: &str, span: &Range<usize>) -> bool {
    static WORKFORCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:vacanc(?:y|ies)|turnover|agency|locums?|interims?|sickness|absence|establishment|fte|posts?|headcount|recruit\w*|retention|retain\w*|starters|leavers|permanent|stability\s+of\s+the\s+workforce|workforce)(?-u:\b)")
            .expect("valid regex")
    });
    let before = super::text::tail(line_before(text, span.start), 48);
    let before = before.rsplit(['.', ';']).next().unwrap_or("");
    let after = super::text::head(&text[span.end..], 40);
    let after = after.split(['\n', '.', ';']).next().unwrap_or("");
    WORKFORCE.is_match(before) || WORKFORCE.is_match(after)
}

/// "the number of children missing from care had fallen, with 47 episodes in September": bare
/// "episodes" are missing episodes where children going missing were named just before (not
/// "episodes of care").
fn about_going_missing(text: &str, at: usize) -> bool {
    super::text::tail(line_before(text, at), 120).contains("missing")
        && !text[at..]
            .trim_start_matches(|c: char| c.is_alphabetic())
            .trim_start()
            .starts_with("of care")
}

/// The text of `at`'s line before it.
fn line_before(text: &str, at: usize) -> &str {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    &text[line_start..at]
}

/// True when only a bullet, an item number or spaces come before `at` on its line.
fn starts_its_line(text: &str, at: usize) -> bool {
    line_before(text, at)
        .chars()
        .all(|c| c.is_whitespace() || c.is_ascii_digit() || "•-–*.)(".contains(c))
}

/// "The Children's Reporter received 402 referrals", "CAMHS referrals: 212", "The LADO received
/// 612 contacts": referrals (or contacts) another service received.
fn received_elsewhere(text: &str, at: usize) -> bool {
    let before = super::text::tail(&text[..at], 60).to_ascii_lowercase();
    let word_before = before.split_whitespace().next_back().unwrap_or("");
    before.contains("reporter")
        || before.contains("scra")
        || word_before == "camhs"
        || before.contains("lado")
        || before.contains("designated officer")
}

/// Services other than children's social care, as reports name them: where a referral goes
/// ("referrals to Adult Social Care"), or whose section a heading opens ("4. Housing Performance").
pub(super) const OTHER_SERVICES: &str = r"adults?(?:'|’|'s|’s)?\s+(?:social\s+care|services|safeguarding|social\s+work|front\s+door|team)|adult\s+care|housing|homelessness|public\s+health|youth\s+(?:justice|offending)|(?:child\s+and\s+adolescent\s+)?mental\s+health|reablement";

/// "Referrals to the Children's Reporter: 498", "referrals to CAMHS", "contacts to Adult Social
/// Care": referrals (or contacts) another service receives, not children's social care.
fn to_another_service(text: &str, at: usize) -> bool {
    static ANOTHER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)^\s+(?:(?:were|was)\s+)?(?:made\s+)?to\s+(?:the\s+)?(?:children(?:'|’)?s\s+reporter|reporter|(?-i:SCRA|CAMHS|MARAC|ASC|LADO)|(?:local\s+authority\s+)?designated\s+officer|police|health\s+visitors?|early\s+help|{OTHER_SERVICES}|educational\s+psycholog\w*|school\s+nurs\w*|speech\s+and\s+language|(?-i:SENDIASS|SALT|EP)\s+(?:service|team))(?-u:\b)"))
            .expect("valid regex")
    });
    ANOTHER.is_match(&text[at..])
}

/// "19 young people became care leavers": those who joined, not the care leavers supported.
fn becomes(text: &str, at: usize) -> bool {
    let before = super::text::tail(&text[..at], 12)
        .trim_end()
        .to_ascii_lowercase();
    ["become", "became", "becomes", "becoming"]
        .iter()
        .any(|verb| before.ends_with(verb))
}

/// "48 children were placed on the Child Protection Register and 61 were removed": a bare
/// "were removed" (or "were registered", "de-registrations") is about the register only where it
/// was named just before, and only when it says from nothing else ("removed from their parents'
/// care"). Not "8 de-registrations" of foster carers in a fostering panel's report.
fn about_the_register(text: &str, span: &Range<usize>) -> bool {
    static FROM_ELSEWHERE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)^\w+\s+removed\s+from(?-u:\b)").expect("valid regex"));
    let before = super::text::tail(&text[..span.start], 160).to_ascii_lowercase();
    // "12 new registrations and 19 de-registrations": the pair names the register.
    let after = super::text::head(&text[span.end..], 80).to_ascii_lowercase();
    (before.contains("register")
        || before.contains("cpr")
        || before.contains("registration")
        || after.contains("de-registration")
        || after.contains("deregistration")
        || after.contains("protection register")
        || after.contains("cpr"))
        && !FROM_ELSEWHERE.is_match(&text[span.start..])
}

/// "92 children became subject to a plan and 81 plans ended": bare "plans" are child protection
/// plans only where such plans were just named.
fn about_protection_plans(text: &str, at: usize) -> bool {
    let before = super::text::tail(&text[..at], 160).to_ascii_lowercase();
    before.contains("child protection")
        || before.contains("cp plan")
        || before.contains("subject to a plan")
        || before.contains("subject of a plan")
}

/// "children with a plan for permanence", "on a plan of adoption": a plan of another kind.
static ANOTHER_PLAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s+(?:for|of|to)(?-u:\b)").expect("valid regex"));

/// "CP" alone names child protection plans only as the label of a number ("CLA 412; CP 256;
/// CIN 1,204", "CP | 245", "CP per 10,000 | 41.2"): before another word it is child protection
/// in general ("CP activity").
static LABELS_A_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:[:=|–-]\s*)?\d|(?:rate\s+)?per\s+(?:10,?000|10k)(?-u:\b))")
        .expect("valid regex")
});

/// "344 LAC, 261 CP and 1,020 CIN": "CP" counted by the number just before it, in a list.
fn counted_in_a_list(text: &str, span: &Range<usize>) -> bool {
    static LIST_GOES_ON: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*(?:$|[,;.)]|(?:and|&)(?-u:\b))").expect("valid regex"));
    let before = text[..span.start].trim_end_matches([' ', '\t']);
    before.len() < span.start
        && before.ends_with(|c: char| c.is_ascii_digit())
        && LIST_GOES_ON.is_match(&text[span.end..])
}

/// The predicates of percentage indicators in `text[range]`.
pub fn predicates(text: &str, range: Range<usize>) -> Vec<Mention> {
    let mut found = scan(&PREDICATE_REGEX, PREDICATES, text, range);
    found.retain(|m| {
        let of_contacts =
            m.rule.indicator == "referral_to_assessment_pct" && from_contacts(text, m.span.start);
        let of_the_workforce =
            m.rule.indicator == "allocated_social_worker_pct" && about_the_workforce(text, &m.span);
        let initial_in_time = m.rule.name == "health-checks" && initial_in_time(text, &m.span);
        !of_contacts && !of_the_workforce && !initial_in_time
    });
    found
}

/// "76% of initial health assessments were completed within 20 working days": how soon
/// children entering care are first assessed, not how many in care are checked.
fn initial_in_time(text: &str, span: &Range<usize>) -> bool {
    static WITHIN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^[^.;\n]{0,60}?(?-u:\b)(?:within|in\s+time|on\s+time|timescales?)(?-u:\b)")
            .expect("valid regex")
    });
    let phrase = text[span.clone()].to_ascii_lowercase();
    let before = super::text::tail(&text[..span.start], 10).to_ascii_lowercase();
    (phrase.starts_with("initial ") && !phrase.starts_with("initial and")
        || before.trim_end().ends_with("initial"))
        && WITHIN.is_match(&text[span.end..])
}

/// "Contact to referral conversion: 21%": contacts that became referrals, not referrals that
/// went on to assessment.
fn from_contacts(text: &str, at: usize) -> bool {
    let before = super::text::tail(&text[..at], 16)
        .trim_end()
        .to_ascii_lowercase();
    before.ends_with("contact to") || before.ends_with("contacts to")
}

/// Aliases a document defines for itself: "Unaccompanied Child Asylum Seekers (UCAS)" makes
/// "UCAS" a name for `uasc` in that document; "care applications" makes "applications" one.
#[derive(Debug, Default)]
pub struct Aliases {
    words: Vec<(String, &'static Rule)>,
}

/// "(UCAS)": an acronym being defined by the words before it.
static ACRONYM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([A-Z]{2,6}s?)\)").expect("valid regex"));

/// Short names that stand for an indicator once the full name has been used in the document:
/// (indicator, short name, the full names that license it).
const SHORT_NAMES: [(&str, &str, &str); 3] = [
    (
        "care_proceedings",
        "applications",
        r"(?i)care\s+(?:applications|proceedings)",
    ),
    ("missing_episodes", "episodes", r"(?i)missing\s+episodes"),
    (
        "initial_cp_conferences",
        "conferences",
        r"(?i)initial\s+(?:child\s+protection|CP)\s+(?:case\s+)?conferences",
    ),
];

static SHORT_NAME_LICENCES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    SHORT_NAMES
        .iter()
        .map(|(_, _, full)| Regex::new(full).expect("valid regex"))
        .collect()
});

impl Aliases {
    /// Reads the aliases a document defines.
    pub fn from_document(text: &str) -> Aliases {
        let mut words: Vec<(String, &'static Rule)> = Vec::new();
        for c in ACRONYM.captures_iter(text) {
            let open = c.get(0).expect("match").start();
            let mut from = open.saturating_sub(80);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let long = text[from..open].trim_end();
            let short = &c[1];
            let named = scan(&MENTION_REGEX, MENTIONS, long, 0..long.len());
            if let Some(m) = named.last().filter(|m| m.span.end == long.len()) {
                if !MENTION_REGEX.any.is_match(short) && !words.iter().any(|(w, _)| w == short) {
                    words.push((short.to_string(), m.rule));
                }
            }
        }
        for ((indicator, short, _), licence) in SHORT_NAMES.iter().zip(SHORT_NAME_LICENCES.iter()) {
            if licence.is_match(text) {
                let rule = MENTIONS
                    .iter()
                    .find(|r| r.indicator == *indicator)
                    .expect("rule exists");
                words.push((short.to_string(), rule));
            }
        }
        Aliases { words }
    }

    fn find(&self, text: &str, range: Range<usize>) -> Vec<Mention> {
        let s = &text[range.clone()];
        let mut out = Vec::new();
        for (word, rule) in &self.words {
            for (i, _) in s.match_indices(word.as_str()) {
                let end = i + word.len();
                let bounded = !s[..i].ends_with(|c: char| c.is_alphanumeric() || c == '-')
                    && !s[end..].starts_with(|c: char| c.is_alphanumeric());
                let window_start = i - super::text::tail(&s[..i], 40).len();
                let window_end = end + super::text::head(&s[end..], 40).len();
                let inside_full = scan(&MENTION_REGEX, MENTIONS, s, window_start..window_end)
                    .iter()
                    .any(|m| m.span.start <= i && m.span.end >= end);
                if bounded && !inside_full {
                    out.push(Mention {
                        span: range.start + i..range.start + end,
                        rule,
                    });
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> Option<&'static str> {
        mentions(text, 0..text.len(), &Aliases::default())
            .first()
            .map(|m| m.rule.indicator)
    }

    #[test]
    fn every_rule_compiles_and_names_a_known_indicator() {
        assert!(
            MENTION_REGEX.each.len() == MENTIONS.len()
                && PREDICATE_REGEX.each.len() == PREDICATES.len()
        );
        assert!(MENTIONS.iter().chain(PREDICATES).all(|r| !r.name.is_empty()
            && crate::model::INDICATORS
                .iter()
                .any(|(id, _)| *id == r.indicator)));
    }

    #[test]
    fn specific_phrases_win() {
        let cases: &[(&str, &str)] = &[
            ("children started to be looked after", "entered_care"),
            ("children were looked after", "children_in_care"),
            (
                "who have become the subject of a CP plan",
                "cp_plans_started",
            ),
            ("children with a CP plan", "child_protection_plans"),
            ("unaccompanied asylum seeking young people in care", "uasc"),
            ("open children's social care cases", "open_cases"),
            ("re-referrals", "re_referrals_pct"),
            ("initial health assessments", "cla_health_checks_pct"),
        ];
        for (text, indicator) in cases {
            assert_eq!(first(text), Some(*indicator), "{text}");
        }
    }

    #[test]
    fn qualifying_mentions_are_skipped() {
        for text in [
            "the Children in Care Council met",
            "the adoption service",
            "LAC reviews",
        ] {
            assert_eq!(first(text), None, "{text}");
        }
    }

    #[test]
    fn documents_define_their_own_aliases() {
        let text = "Unaccompanied Child Asylum Seekers (UCAS) arrive. Thurrock had 28 UCAS.";
        let aliases = Aliases::from_document(text);
        let found = mentions(text, 50..text.len(), &aliases);
        assert_eq!(
            found
                .first()
                .map(|m| (&text[m.span.clone()], m.rule.indicator)),
            Some(("UCAS", "uasc"))
        );
    }
}
