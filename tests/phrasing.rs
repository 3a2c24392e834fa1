//! How councils write, one line per case: for each indicator several wordings that must give
//! the figure, lines that must give no indicator figure, and date phrasings.
//!
//! Every line is read as the body of a report dated 15 March 2023.

use report_explorer::{extract, Options};

const HEADER: &str = "DATE: 15th March 2023\n\n";

/// The (indicator, value) pairs extracted from one line.
fn linked(line: &str) -> Vec<(String, f64)> {
    let text = format!("{HEADER}{line}");
    let doc = extract("line.txt", &text, &Options::default());
    doc.figures
        .into_iter()
        .filter_map(|f| Some((f.indicator?, f.value)))
        .collect()
}

/// The `when` of the first indicator figure of one line.
fn when(line: &str) -> Option<String> {
    let text = format!("{HEADER}{line}");
    let doc = extract("line.txt", &text, &Options::default());
    doc.figures
        .into_iter()
        .find(|f| f.indicator.is_some())
        .and_then(|f| f.when)
}

fn check(cases: &[(&str, &[(&str, f64)])]) {
    check_with(cases, linked, |(i, v)| (i.to_string(), *v));
}

/// Reads each line with `read` and compares with its expected items, made comparable by
/// `own`; reports every line that differs.
fn check_with<W, G: PartialEq + std::fmt::Debug>(
    cases: &[(&str, &[W])],
    read: impl Fn(&str) -> Vec<G>,
    own: impl Fn(&W) -> G,
) {
    let mut failures = Vec::new();
    for (line, expected) in cases {
        let got = read(line);
        let want: Vec<G> = expected.iter().map(&own).collect();
        if got != want {
            failures.push(format!("{line}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} lines failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn stocks() {
    check(&[
        (
            "There are currently 412 children looked after by the council.",
            &[("children_in_care", 412.0)],
        ),
        (
            "The number of Looked After Children (LAC) has risen to 301.",
            &[("children_in_care", 301.0)],
        ),
        (
            "CLA numbers stood at 289 at the end of February.",
            &[("children_in_care", 289.0)],
        ),
        (
            "We have 356 children in our care.",
            &[("children_in_care", 356.0)],
        ),
        (
            "The care population is now 512.",
            &[("children_in_care", 512.0)],
        ),
        (
            "At the end of Q3 there were 198 CiC.",
            &[("children_in_care", 198.0)],
        ),
        ("Children in care: 430", &[("children_in_care", 430.0)]),
        (
            "The number of children looked after in Caerphilly was 320.",
            &[("children_in_care", 320.0)],
        ),
        (
            "There are 245 children subject to a child protection plan.",
            &[("child_protection_plans", 245.0)],
        ),
        (
            "The number of children on a CP plan has fallen to 180.",
            &[("child_protection_plans", 180.0)],
        ),
        (
            "There were 95 children on the child protection register at 31 March.",
            &[("child_protection_plans", 95.0)],
        ),
        (
            "The number of children with a Child Protection Plan was 212.",
            &[("child_protection_plans", 212.0)],
        ),
        (
            "Neglect accounted for 150 of the 266 children on a plan.",
            &[("child_protection_plans", 266.0)],
        ),
        (
            "There are 1,203 children in need.",
            &[("children_in_need", 1203.0)],
        ),
        (
            "CIN cases have increased to 890.",
            &[("children_in_need", 890.0)],
        ),
        (
            "The number of children with a child in need plan is 640.",
            &[("children_in_need", 640.0)],
        ),
        (
            "There are 2,104 open cases across the service.",
            &[("open_cases", 2104.0)],
        ),
        (
            "The number of children open to children's social care is 1,950.",
            &[("open_cases", 1950.0)],
        ),
        ("There are now over 400 CAFs.", &[("early_help", 400.0)]),
        (
            "610 families are being supported through early help.",
            &[("early_help", 610.0)],
        ),
        (
            "We are supporting 288 care leavers.",
            &[("care_leavers", 288.0)],
        ),
        (
            "The leaving care service supports 212 young people.",
            &[("care_leavers", 212.0)],
        ),
        (
            "There are currently 89 foster carers.",
            &[("foster_carers", 89.0)],
        ),
        (
            "We have 140 approved fostering households.",
            &[("foster_carers", 140.0)],
        ),
        (
            "The number of in-house foster carers is 112.",
            &[("foster_carers", 112.0)],
        ),
        (
            "19 children are placed for adoption.",
            &[("placed_for_adoption", 19.0)],
        ),
        (
            "There are 12 children living with their prospective adopters.",
            &[("placed_for_adoption", 12.0)],
        ),
        (
            "There are 232 children known to be electively home educated.",
            &[("home_educated", 232.0)],
        ),
        (
            "EHE numbers have risen to 410.",
            &[("home_educated", 410.0)],
        ),
        ("We currently look after 60 UASC.", &[("uasc", 60.0)]),
        (
            "There are 35 unaccompanied asylum-seeking children in our care.",
            &[("uasc", 35.0)],
        ),
        (
            "The number of unaccompanied minors is 22.",
            &[("uasc", 22.0)],
        ),
        (
            "The average caseload is 18 children per social worker.",
            &[("social_worker_caseload", 18.0)],
        ),
        (
            "Caseloads average 17.5.",
            &[("social_worker_caseload", 17.5)],
        ),
    ]);
}

#[test]
fn flows() {
    check(&[
        (
            "The MASH received 3,450 contacts in the quarter.",
            &[("contacts", 3450.0)],
        ),
        (
            "Contacts to the front door rose to 12,100 in 2022/23.",
            &[("contacts", 12100.0)],
        ),
        (
            "There were 1,064 referrals to children's social care between April and November.",
            &[("referrals", 1064.0)],
        ),
        (
            "Referrals have increased to 540 this quarter.",
            &[("referrals", 540.0)],
        ),
        (
            "The service received 820 referrals in 2021/22.",
            &[("referrals", 820.0)],
        ),
        (
            "Social workers completed 2,310 assessments in 2022/23.",
            &[("assessments", 2310.0)],
        ),
        (
            "The number of single assessments completed was 1,540.",
            &[("assessments", 1540.0)],
        ),
        (
            "There were 612 Section 47 enquiries during the year.",
            &[("section_47_enquiries", 612.0)],
        ),
        (
            "S47 investigations rose to 300.",
            &[("section_47_enquiries", 300.0)],
        ),
        (
            "The number of child protection enquiries was 410.",
            &[("section_47_enquiries", 410.0)],
        ),
        (
            "132 initial CP conferences were held.",
            &[("initial_cp_conferences", 132.0)],
        ),
        (
            "There were 98 ICPCs in the quarter.",
            &[("initial_cp_conferences", 98.0)],
        ),
        (
            "115 children became the subject of a CP plan.",
            &[("cp_plans_started", 115.0)],
        ),
        (
            "There were 4,175 children added to registers during the year.",
            &[("cp_plans_started", 4175.0)],
        ),
        (
            "The number of new child protection plans was 300.",
            &[("cp_plans_started", 300.0)],
        ),
        (
            "The number of CP plans ended during the year was 280.",
            &[("cp_plans_ended", 280.0)],
        ),
        (
            "210 children ceased to be subject to a child protection plan.",
            &[("cp_plans_ended", 210.0)],
        ),
        (
            "86 children were admitted to care.",
            &[("entered_care", 86.0)],
        ),
        (
            "The number of children entering care was 150.",
            &[("entered_care", 150.0)],
        ),
        (
            "In 2022/23, 131 children came into care.",
            &[("entered_care", 131.0)],
        ),
        (
            "Just under 2,000 children started to be looked after.",
            &[("entered_care", 2000.0)],
        ),
        (
            "84 children ceased to be looked after.",
            &[("left_care", 84.0)],
        ),
        (
            "The number of children leaving care was 143.",
            &[("left_care", 143.0)],
        ),
        (
            "143 children left care during 2022.",
            &[("left_care", 143.0)],
        ),
        (
            "27 children have been adopted since April 2016.",
            &[("adoptions", 27.0)],
        ),
        (
            "There were 35 adoptions in 2021/22.",
            &[("adoptions", 35.0)],
        ),
        (
            "Number of children adopted in 2020/21: 24",
            &[("adoptions", 24.0)],
        ),
        (
            "There were 42 Special Guardianship Orders granted.",
            &[("special_guardianship_orders", 42.0)],
        ),
        ("SGOs: 25", &[("special_guardianship_orders", 25.0)]),
        (
            "The number of care proceedings issued was 35.",
            &[("care_proceedings", 35.0)],
        ),
        (
            "Cafcass received 1,021 new care applications in June.",
            &[("care_proceedings", 1021.0)],
        ),
        (
            "There were 218 missing episodes in the quarter.",
            &[("missing_episodes", 218.0)],
        ),
        (
            "A total of 340 missing from home incidents were recorded.",
            &[("missing_episodes", 340.0)],
        ),
    ]);
}

#[test]
fn percentages() {
    check(&[
        (
            "87% of assessments were completed within 45 working days.",
            &[("assessments_on_time_pct", 87.0)],
        ),
        (
            "Assessment timeliness is 92%.",
            &[("assessments_on_time_pct", 92.0)],
        ),
        (
            "About 75% of referrals go on to be initial assessments.",
            &[("referral_to_assessment_pct", 75.0)],
        ),
        (
            "The re-referral rate was 21%.",
            &[("re_referrals_pct", 21.0)],
        ),
        (
            "Re-referrals within 12 months stood at 18.5%.",
            &[("re_referrals_pct", 18.5)],
        ),
        (
            "14% of children became subject to a plan for a second or subsequent time.",
            &[("repeat_cp_plans_pct", 14.0)],
        ),
        (
            "92% of ICPCs were held within 15 working days.",
            &[("icpc_on_time_pct", 92.0)],
        ),
        (
            "100% of CP reviews have been held in time.",
            &[("cp_reviews_on_time_pct", 100.0)],
        ),
        (
            "3% of plans had lasted two years or more.",
            &[("cp_plans_2_years_pct", 3.0)],
        ),
        (
            "91% of statutory visits were completed on time.",
            &[("statutory_visits_on_time_pct", 91.0)],
        ),
        (
            "Return home interviews were offered in 96% of cases.",
            &[("return_home_interviews_pct", 96.0)],
        ),
        (
            "98% of LAC reviews were held on time.",
            &[("cla_reviews_on_time_pct", 98.0)],
        ),
        (
            "9% of children in care had three or more placements during the year.",
            &[("placement_moves_3plus_pct", 9.0)],
        ),
        (
            "Long-term stability is 71%.",
            &[("long_term_stability_pct", 71.0)],
        ),
        (
            "56% of care leavers are in education, employment or training.",
            &[("care_leavers_eet_pct", 56.0)],
        ),
        (
            "38% of care leavers are NEET.",
            &[("care_leavers_neet_pct", 38.0)],
        ),
        (
            "93% of care leavers live in suitable accommodation.",
            &[("care_leavers_accommodation_pct", 93.0)],
        ),
        (
            "75% were adopted within 12 months of the decision.",
            &[("adopted_within_12_months_pct", 75.0)],
        ),
        (
            "88% of children in care had an up-to-date health assessment.",
            &[("cla_health_checks_pct", 88.0)],
        ),
        (
            "97% of children are allocated to a qualified social worker.",
            &[("allocated_social_worker_pct", 97.0)],
        ),
    ]);
}

#[test]
fn lines_with_no_indicator_figure() {
    check(&[
        ("The meeting started at 6.00 pm in Room 4.", &[]),
        ("Currently 1 in 5 referrals are re-referrals.", &[]),
        ("One in four children in need has a disability.", &[]),
        ("Contact 01733 863600 for details.", &[]),
        ("See Agenda Item 4 on Page 7.", &[]),
        ("Gift tags designed by three children in foster care were on sale; the children, aged 3, 8 and 13, received vouchers.", &[]),
        ("The council spent £5,500 per week on one placement.", &[]),
        ("There was an increase of 113 children in care on the same period last year.", &[]),
        ("Referrals ranged from 91 to 173 a month, averaging 133.", &[]),
        ("56% of the children in care are male.", &[]),
        ("9 packs for fostering have been sent out and 5 foster carers are proceeding to Skills to Foster.", &[]),
        ("The Children in Care Council met 4 times.", &[]),
        ("In 2008 the council opened 2 new homes.", &[]),
        ("Under the Children Act 1989 section 47 applies.", &[]),
        ("A rate of 76 children in care per 100,000 is below the average.", &[]),
        ("Thurrock could receive a maximum of 31 UASC.", &[]),
        ("Only 4 of the 28 children were under 16.", &[]),
        ("The proportion of young people aged 16-17 is rising.", &[]),
        ("The 2 boys and 3 girls placed with agency carers are settled.", &[]),
        ("There are 30 children in care placed out of area.", &[]),
        ("Cllr Jones asked about the 45 looked after children living in residential homes.", &[]),
        ("12 children in care who have an EHCP attend special schools.", &[]),
    ]);
}

#[test]
fn dates() {
    let cases: &[(&str, Option<&str>)] = &[
        (
            "As at 31 March 2022 there were 300 children in care.",
            Some("2022-03-31"),
        ),
        (
            "At the end of January there were 300 children in care.",
            Some("2023-01"),
        ),
        (
            "In 2021/22 there were 150 referrals.",
            Some("2021-04/2022-03"),
        ),
        (
            "Between April and December 2022 there were 450 referrals.",
            Some("2022-04/2022-12"),
        ),
        (
            "In Quarter 3 there were 120 referrals.",
            Some("2022-10/2022-12"),
        ),
        // A law's year is no time.
        (
            "We support 92 care leavers under the Social Services and Well-being (Wales) Act 2014.",
            Some("2023-03-15"),
        ),
        // (The financial year's first quarters, as "Quarter 3" is its third.)
        (
            "Referrals fell to 2,840 in the first three quarters of the year.",
            Some("2022-04/2022-12"),
        ),
        (
            "In the first two quarters of this financial year there were 412 referrals.",
            Some("2022-04/2022-09"),
        ),
        (
            "There are currently 300 children in care.",
            Some("2023-03-15"),
        ),
        (
            "Since April, 300 referrals have been received.",
            Some("2022-04/2023-03"),
        ),
        ("Last year there were 280 children in care.", Some("2022")),
        ("There were 150 referrals.", None),
        ("There are 300 children in care.", Some("2023-03-15")),
        (
            "The number of children in care at 31/12/22 was 305.",
            Some("2022-12-31"),
        ),
        (
            "In the year ending 31 March 2022, 140 children entered care.",
            Some("2021-04/2022-03"),
        ),
        (
            "During Q1 2022-23 there were 400 contacts.",
            Some("2022-04/2022-06"),
        ),
    ];
    let mut failures = Vec::new();
    for (line, expected) in cases {
        let got = when(line);
        if got.as_deref() != *expected {
            failures.push(format!("{line}: want {expected:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn tables() {
    check(&[
        ("Our current figures are:\n\nChild in Need\t355\nChild Protection\t190\nChildren in our Care\t378", &[("children_in_need", 355.0), ("child_protection_plans", 190.0), ("children_in_care", 378.0)]),
        ("\t2019/20\t2020/21\nChildren in care\t300\t320\nChildren in need\t900\t950", &[("children_in_care", 300.0), ("children_in_care", 320.0), ("children_in_need", 900.0), ("children_in_need", 950.0)]),
        ("Budget\tSpend\nChildren in care\t£5,000\nFoster carers\t£2,000", &[]),
        ("\tEntering\tLeaving\tNet\nTotal in 2001\t111\t95\t16\nTotal in 2002\t103\t117\t-14", &[("entered_care", 111.0), ("left_care", 95.0), ("entered_care", 103.0), ("left_care", 117.0)]),
        ("Year Children In Need Child Protection Plans Children In Care\n2016/17 4293 370 625\n2017/18 3449 299 654", &[("children_in_need", 4293.0), ("child_protection_plans", 370.0), ("children_in_care", 625.0), ("children_in_need", 3449.0), ("child_protection_plans", 299.0), ("children_in_care", 654.0)]),
        ("Calendar Year\nCount of contacts\n2017\n31,854\n2018\n29,565\n2019\n31,385", &[("contacts", 31854.0), ("contacts", 29565.0), ("contacts", 31385.0)]),
        // Years are not counts: a timescale cell broken over two lines of a PDF.
        ("Action\tLead Officer\tTimescales\nb. Review Children in our care\tVirtual Head\tMarch\n(CIOC) Pupil\t2018\tVirtual School", &[]),
        ("Children looked after\t2018\nCare leavers\t2019", &[]),
        ("\tChildren in care\nKent\t2018\nEssex\t1100", &[("children_in_care", 2018.0), ("children_in_care", 1100.0)]),
    ]);
}

/// A performance scorecard as councils publish them: an indicator per row; columns for the
/// target, periods, statistical neighbours and England.
const SCORECARD: &str =
    "Indicator\tTarget\t2021/22\tQ1 2022/23\tQ2 2022/23\tStat neighbours\tEngland\tRAG
Number of children looked after\t\t420\t431\t440\t\t\tAmber
Rate of children looked after per 10,000\t\t75.2\t77.1\t78.0\t81.0\t70.0\tGreen
% of assessments completed within 45 working days\t90%\t86.1%\t88.0%\t91.2%\t85.0%\t84.5%\tGreen
% re-referrals within 12 months\t20\t21.0\t19.5\t18.2\t22.0\t21.5\tRed
Number of children subject to a CP plan\t\t300\t310\t305\t\t\tGreen";

#[test]
fn scorecards() {
    let text = format!("{HEADER}{SCORECARD}");
    let doc = extract("scorecard.txt", &text, &Options::default());
    let got: Vec<String> = doc
        .figures
        .iter()
        .filter(|f| f.indicator.is_some())
        .map(|f| {
            format!(
                "{} {} {} {} {}{}",
                f.indicator.as_deref().unwrap_or(""),
                f.value,
                f.unit.as_str(),
                f.when.as_deref().unwrap_or("-"),
                f.area.as_str(),
                if f.target { " target" } else { "" }
            )
        })
        .collect();
    let want = [
        "children_in_care 420 count 2021-04/2022-03 local",
        "children_in_care 431 count 2022-04/2022-06 local",
        "children_in_care 440 count 2022-07/2022-09 local",
        "children_in_care 75.2 per_10k 2021-04/2022-03 local",
        "children_in_care 77.1 per_10k 2022-04/2022-06 local",
        "children_in_care 78 per_10k 2022-07/2022-09 local",
        "children_in_care 81 per_10k - statistical_neighbours",
        "children_in_care 70 per_10k - england",
        "assessments_on_time_pct 90 percent - local target",
        "assessments_on_time_pct 86.1 percent 2021-04/2022-03 local",
        "assessments_on_time_pct 88 percent 2022-04/2022-06 local",
        "assessments_on_time_pct 91.2 percent 2022-07/2022-09 local",
        "assessments_on_time_pct 85 percent - statistical_neighbours",
        "assessments_on_time_pct 84.5 percent - england",
        "re_referrals_pct 20 percent - local target",
        "re_referrals_pct 21 percent 2021-04/2022-03 local",
        "re_referrals_pct 19.5 percent 2022-04/2022-06 local",
        "re_referrals_pct 18.2 percent 2022-07/2022-09 local",
        "re_referrals_pct 22 percent - statistical_neighbours",
        "re_referrals_pct 21.5 percent - england",
        "child_protection_plans 300 count 2021-04/2022-03 local",
        "child_protection_plans 310 count 2022-04/2022-06 local",
        "child_protection_plans 305 count 2022-07/2022-09 local",
    ];
    assert_eq!(got, want);
}

#[test]
fn more_council_wordings() {
    check(&[
        ("CiC numbers: 412 (March 2023)", &[("children_in_care", 412.0)]),
        (
            "The number of Children Looked After (CLA) at the end of March 2023 was 412, compared with 398 at the end of March 2022.",
            &[("children_in_care", 412.0), ("children_in_care", 398.0)],
        ),
        ("There are 165 children on the Child Protection Register.", &[("child_protection_plans", 165.0)]),
        ("There are 420 children with a care and support plan.", &[("children_in_need", 420.0)]),
        ("There are 520 looked after children, 120 of whom are looked after at home.", &[("children_in_care", 520.0)]),
        ("The number of children subject to Child Protection Plans (CPP) has increased from 190 to 210.", &[("child_protection_plans", 190.0), ("child_protection_plans", 210.0)]),
        ("The rate of children in need per 10,000 is 345.2, higher than the England rate of 321.2.", &[("children_in_need", 345.2), ("children_in_need", 321.2)]),
        ("Performance for timeliness of ICPCs was 85% against a target of 90%.", &[("icpc_on_time_pct", 85.0), ("icpc_on_time_pct", 90.0)]),
        ("The percentage of care leavers in suitable accommodation is 91%.", &[("care_leavers_accommodation_pct", 91.0)]),
        ("Average caseloads for social workers are 19.", &[("social_worker_caseload", 19.0)]),
        ("We received 2,871 contacts and 1,204 referrals in the quarter.", &[("contacts", 2871.0), ("referrals", 1204.0)]),
        ("Of the 412 children in care, 48 are placed out of borough.", &[("children_in_care", 412.0)]),
    ]);
}

#[test]
fn space_aligned_tables() {
    check(&[(
        "Measure                    2021/22    2022/23\nChildren in care              366        372\nChild protection plans        290        301",
        &[("children_in_care", 366.0), ("children_in_care", 372.0), ("child_protection_plans", 290.0), ("child_protection_plans", 301.0)],
    )]);
    let text = format!("{HEADER}Measure      2021/22    2022/23\nChildren in care     366     372");
    let doc = extract("t.txt", &text, &Options::default());
    let whens: Vec<_> = doc.figures.iter().filter_map(|f| f.when.clone()).collect();
    assert_eq!(whens, ["2021-04/2022-03", "2022-04/2023-03"]);
}

#[test]
fn a_later_clause_about_the_number() {
    check(&[
        ("We have more CiC than our neighbours, but we have reduced the number from its all time high of 386 during 2008.", &[("children_in_care", 386.0)]),
        ("Referrals rose in the spring; however, the number has since fallen to 420.", &[("referrals", 420.0)]),
        ("Foster carers are in short supply, but the council spent £5,000 on adverts.", &[]),
    ]);
}

/// (indicator, value, unit, area) of every indicator figure of one line, unit and area as
/// the model names them.
fn typed(line: &str) -> Vec<(String, f64, String, String)> {
    let text = format!("{HEADER}{line}");
    extract("line.txt", &text, &Options::default())
        .figures
        .into_iter()
        .filter_map(|f| {
            Some((
                f.indicator?,
                f.value,
                format!("{:?}", f.unit),
                format!("{:?}", f.area),
            ))
        })
        .collect()
}

/// (indicator, value, unit, area) as `typed` gives them.
type Typed<'a> = (&'a str, f64, &'a str, &'a str);

/// Reads each line with `typed` and compares with its expected figures.
fn check_typed(cases: &[(&str, &[Typed<'_>])]) {
    check_with(cases, typed, |(i, v, u, a)| {
        (i.to_string(), *v, u.to_string(), a.to_string())
    });
}

#[test]
fn comparators_and_welsh_wordings_keep_their_unit_indicator_and_area() {
    let cases: &[(&str, &[Typed<'_>])] = &[
        // A rate with no base given is no count.
        (
            "The number of children in care at 31 December was 348 (rate 55.6).",
            &[("children_in_care", 348.0, "Count", "Local")],
        ),
        // A rate per 10,000 on one line of a list is not the unit of the next line's number.
        (
            "- Children subject to CP plans: 231 (rate 39.8 per 10,000)\n- CIN: 1,045\n- Contacts: 3,912",
            &[
                ("child_protection_plans", 231.0, "Count", "Local"),
                ("child_protection_plans", 39.8, "Per10k", "Local"),
                ("children_in_need", 1045.0, "Count", "Local"),
                ("contacts", 3912.0, "Count", "Local"),
            ],
        ),
        (
            "In 2021 there were 80,850 children looked after in England.",
            &[("children_in_care", 80850.0, "Count", "England")],
        ),
        (
            "Our rate of children in care is 67 per 10,000 children, compared to 71 nationally and 74 for our statistical neighbours.",
            &[
                ("children_in_care", 67.0, "Per10k", "Local"),
                ("children_in_care", 71.0, "Per10k", "England"),
                ("children_in_care", 74.0, "Per10k", "StatisticalNeighbours"),
            ],
        ),
        (
            "The rate of looked after children is 70 per 10,000, compared with 62 in 2015/16.",
            &[
                ("children_in_care", 70.0, "Per10k", "Local"),
                ("children_in_care", 62.0, "Per10k", "Local"),
            ],
        ),
        (
            "The rate of children in need rose from 310 to 342 per 10,000 children over the year.",
            &[
                ("children_in_need", 310.0, "Per10k", "Local"),
                ("children_in_need", 342.0, "Per10k", "Local"),
            ],
        ),
        (
            "Our rate of children subject to a child protection plan is 45.2 per 10,000 (England 43.7, statistical neighbours 51.0).",
            &[
                ("child_protection_plans", 45.2, "Per10k", "Local"),
                ("child_protection_plans", 43.7, "Per10k", "England"),
                ("child_protection_plans", 51.0, "Per10k", "StatisticalNeighbours"),
            ],
        ),
        (
            "The percentage of re-referrals fell from 24 to 19% this year.",
            &[
                ("re_referrals_pct", 24.0, "Percent", "Local"),
                ("re_referrals_pct", 19.0, "Percent", "Local"),
            ],
        ),
        (
            "The rate of children looked after per 10,000 is 98, against a national average of 65.",
            &[
                ("children_in_care", 98.0, "Per10k", "Local"),
                ("children_in_care", 65.0, "Per10k", "England"),
            ],
        ),
        (
            "Looked after children: 71 per 10,000 (Wales: 109).",
            &[
                ("children_in_care", 71.0, "Per10k", "Local"),
                ("children_in_care", 109.0, "Per10k", "Wales"),
            ],
        ),
        (
            "The number of children on the Child Protection Register was 98 at 30 September 2022 (31 March 2022: 112).",
            &[
                ("child_protection_plans", 98.0, "Count", "Local"),
                ("child_protection_plans", 112.0, "Count", "Local"),
            ],
        ),
        (
            "Care experienced young people aged 19-21 in education, employment or training: 58% (Wales 55%).",
            &[
                ("care_leavers_eet_pct", 58.0, "Percent", "Local"),
                ("care_leavers_eet_pct", 55.0, "Percent", "Wales"),
            ],
        ),
        (
            "87.5% of Single Assessments were completed within 42 working days.",
            &[("assessments_on_time_pct", 87.5, "Percent", "Local")],
        ),
        (
            "There are 67 children with a care and support plan and 31 children on the CPR.",
            &[
                ("children_in_need", 67.0, "Count", "Local"),
                ("child_protection_plans", 31.0, "Count", "Local"),
            ],
        ),
        (
            "There were 143 missing episodes in the period, relating to 61 children.",
            &[("missing_episodes", 143.0, "Count", "Local")],
        ),
        (
            "We support 214 care leavers aged 18 to 25.",
            &[("care_leavers", 214.0, "Count", "Local")],
        ),
        (
            "As at 31 July 2022 there were 452 looked after children, of whom 98 were looked after at home with parents and 141 were in kinship care.",
            &[("children_in_care", 452.0, "Count", "Local")],
        ),
        (
            "There were 366 children in care, including 30 unaccompanied asylum seeking children.",
            &[
                ("children_in_care", 366.0, "Count", "Local"),
                ("uasc", 30.0, "Count", "Local"),
            ],
        ),
        (
            "There were 27 Initial Child Protection Planning Meetings (CPPMs) during the quarter.",
            &[("initial_cp_conferences", 27.0, "Count", "Local")],
        ),
        (
            "At 31 March 2023 there were 214 children looked after (CLA) by the Authority, a rate of 102 per 10,000 population aged under 18.",
            &[
                ("children_in_care", 214.0, "Count", "Local"),
                ("children_in_care", 102.0, "Per10k", "Local"),
            ],
        ),
        // "(per 10,000 ...)" in brackets before the value says its unit too.
        (
            "The rate of looked after children (per 10,000 under-18s) at 31 March 2024 was 98.",
            &[("children_in_care", 98.0, "Per10k", "Local")],
        ),
        (
            "There were 95 children on the Child Protection Register (CPR) at year end, compared with 118 the previous year.",
            &[
                ("child_protection_plans", 95.0, "Count", "Local"),
                ("child_protection_plans", 118.0, "Count", "Local"),
            ],
        ),
        // A number a noun follows counts that noun, whatever the rate before it.
        (
            "The rate of children in care is 70 per 10,000, compared with 412 children in care last year.",
            &[
                ("children_in_care", 70.0, "Per10k", "Local"),
                ("children_in_care", 412.0, "Count", "Local"),
            ],
        ),
    ];
    check_typed(cases);
}

#[test]
fn a_report_that_names_a_nation_only_as_a_comparator_is_the_councils_own() {
    // No council named, and "Wales" twice, but only as a comparator's label: the report's
    // own figures are local, not Wales's.
    let text = "Report of the Head of Service, 14 November 2022\n\n\
        There are 245 looked after children (Wales 5,000).\n\n\
        Care leavers in education, employment or training: 58% (Wales 55%).\n";
    let doc = extract("report.txt", text, &Options::default());
    let areas: Vec<_> = doc
        .figures
        .iter()
        .filter(|f| f.indicator.is_some())
        .map(|f| (f.value, format!("{:?}", f.area)))
        .collect();
    assert_eq!(
        areas,
        [
            (245.0, "Local".to_string()),
            (5000.0, "Wales".to_string()),
            (58.0, "Local".to_string()),
            (55.0, "Wales".to_string())
        ]
    );
}

#[test]
fn what_a_sentence_leaves_out_or_counts_a_part_of() {
    check(&[
        ("Children in need (excluding CP and CLA): 1,432 at 31 January 2023.", &[("children_in_need", 1432.0)]),
        (
            "Number of children in need (excluding those on child protection plans and looked after children) 1,210.",
            &[("children_in_need", 1210.0)],
        ),
        ("Children on CP plans (other than those who are also looked after): 187.", &[("child_protection_plans", 187.0)]),
        ("Referrals to Children's Social Care totalled 1,204 in Quarter 3.", &[("referrals", 1204.0)]),
        ("Referrals received by Children’s Services rose to 2,310.", &[("referrals", 2310.0)]),
        ("Care proceedings were issued for 19 children in the quarter.", &[("care_proceedings", 19.0)]),
        ("Special guardianship orders were granted in respect of 12 children.", &[("special_guardianship_orders", 12.0)]),
        ("There were 143 missing episodes, relating to 61 children.", &[("missing_episodes", 143.0)]),
        ("402 children were looked after in formal kinship care.", &[]),
        ("Of our 412 looked after children, 98 are in in-house foster care.", &[("children_in_care", 412.0)]),
        (
            "The Board was informed that of the 214 children looked after, 57 (27%) were placed outside the county.",
            &[("children_in_care", 214.0)],
        ),
        (
            "There were 430 looked after children at 31 July 2023: 120 looked after at home and 310 looked after away from home.",
            &[("children_in_care", 430.0)],
        ),
    ]);
}

/// The `when` of every indicator figure of some lines.
fn whens(lines: &str) -> Vec<(String, Option<String>)> {
    let text = format!("{HEADER}{lines}");
    extract("lines.txt", &text, &Options::default())
        .figures
        .into_iter()
        .filter_map(|f| Some((f.indicator?, f.when)))
        .collect()
}

/// Checks the (indicator, when) of every indicator figure of some lines.
fn assert_whens(lines: &str, want: &[(&str, &str)]) {
    let want: Vec<_> = want
        .iter()
        .map(|(i, w)| (i.to_string(), Some(w.to_string())))
        .collect();
    assert_eq!(whens(lines), want, "{lines}");
}

#[test]
fn the_period_compared_with_is_not_what_the_next_sentence_is_about() {
    // Nor is the period of the sentence before, for a count told in the present tense: that
    // is of now, the document's date.
    assert_whens(
        "Eleven children were adopted in 2022/23, compared with 17 in 2021/22. We have 146 approved foster carers.",
        &[
            ("adoptions", "2022-04/2023-03"),
            ("adoptions", "2021-04/2022-03"),
            ("foster_carers", "2023-03-15"),
        ],
    );
    assert_whens(
        "Eleven children were adopted in 2022/23. There were 146 approved foster carers.",
        &[
            ("adoptions", "2022-04/2023-03"),
            ("foster_carers", "2022-04/2023-03"),
        ],
    );
    assert_whens(
        "CP numbers are 256, up 25 since September. There are 1,204 children in need.",
        &[
            ("child_protection_plans", "2023-03-15"),
            ("children_in_need", "2023-03-15"),
        ],
    );
}

#[test]
fn a_change_since_a_date_does_not_date_the_count_before_it() {
    assert_whens(
        "There are 402 children registered as electively home educated, an increase of 37 since April.",
        &[("home_educated", "2023-03-15")],
    );
    check(&[
        (
            "402 children are registered as electively home educated, up 37 since April.",
            &[("home_educated", 402.0)],
        ),
        (
            "There are 30 children identified as children in need.",
            &[("children_in_need", 30.0)],
        ),
    ]);
}

#[test]
fn a_number_followed_by_another_indicator_is_not_more_of_the_first() {
    check(&[
        ("Of the children who ceased to be looked after, 14 were adopted and 9 were made subject to SGOs.", &[("adoptions", 14.0)]),
        ("The looked after population has reduced to 356.", &[("children_in_care", 356.0)]),
        ("Strategy discussions: 412; Section 47s: 198; ICPCs: 77.", &[("section_47_enquiries", 198.0), ("initial_cp_conferences", 77.0)]),
        (
            "The number of children who have become the subject of a CP plan is 115 and those discontinuing is 99.",
            &[("cp_plans_started", 115.0), ("cp_plans_ended", 99.0)],
        ),
    ]);
}

#[test]
fn a_list_under_a_dated_line_keeps_its_date_after_a_comparison() {
    assert_whens(
        "At the end of January 2023 there were:\n• 512 children looked after (up from 498 in December)\n• 389 children on child protection plans\n",
        &[
            ("children_in_care", "2023-01"),
            ("children_in_care", "2022-12"),
            ("child_protection_plans", "2023-01"),
        ],
    );
}

#[test]
fn periods_and_comparators_next_to_a_number() {
    check(&[
        ("The conversion rate from contact to referral was 31%.", &[]),
        (
            "The conversion rate from referral to assessment was 88%.",
            &[("referral_to_assessment_pct", 88.0)],
        ),
        (
            "Referral conversion rate: 91%",
            &[("referral_to_assessment_pct", 91.0)],
        ),
        (
            "So far this year 21 children have been adopted.",
            &[("adoptions", 21.0)],
        ),
        // What some of them did is no count of them all.
        ("Year 11 pupils: 45 children in care sat exams.", &[]),
    ]);
    let cases: &[(&str, &[Typed<'_>])] = &[
        (
            "Re-referrals stood at 18.4%, below the England average of 21.5%.",
            &[
                ("re_referrals_pct", 18.4, "Percent", "Local"),
                ("re_referrals_pct", 21.5, "Percent", "England"),
            ],
        ),
        (
            "The rate of children in care was 70 per 10,000, against 62 per 10,000 in England.",
            &[
                ("children_in_care", 70.0, "Per10k", "Local"),
                ("children_in_care", 62.0, "Per10k", "England"),
            ],
        ),
    ];
    check_typed(cases);
}

#[test]
fn changes_rates_and_outcomes_beside_a_figure() {
    check(&[
        (
            "The number of Section 47 investigations rose by 11% to 622.",
            &[("section_47_enquiries", 622.0)],
        ),
        (
            "Of these, 2,415 (24.6%) became referrals.",
            &[("referrals", 2415.0)],
        ),
        (
            "There are 205 care leavers; 58% are in EET and 94% in suitable accommodation.",
            &[
                ("care_leavers", 205.0),
                ("care_leavers_eet_pct", 58.0),
                ("care_leavers_accommodation_pct", 94.0),
            ],
        ),
    ]);
    let cases: &[(&str, &[Typed<'_>])] = &[(
        "At 31 December, 301 children were subject to CP plans (rate 48.1 per 10,000), compared to the statistical neighbour average of 45.3.",
        &[
            ("child_protection_plans", 301.0, "Count", "Local"),
            ("child_protection_plans", 48.1, "Per10k", "Local"),
            ("child_protection_plans", 45.3, "Per10k", "StatisticalNeighbours"),
        ],
    )];
    check_typed(cases);
    assert_whens(
        "At 31 December 2022, 301 children were subject to CP plans (rate 48.1 per 10,000).",
        &[
            ("child_protection_plans", "2022-12-31"),
            ("child_protection_plans", "2022-12-31"),
        ],
    );
}

#[test]
fn carers_joining_or_leaving_and_children_placed_with_carers_are_not_the_carers() {
    check(&[
        (
            "During the year 14 new fostering households were approved and 19 were de-registered.",
            &[],
        ),
        (
            "Nine foster carers resigned and 4 retired in the year.",
            &[],
        ),
        (
            "The number of children placed with in-house foster carers was 187.",
            &[],
        ),
        ("Children living with connected persons carers: 64.", &[]),
        (
            "We have 138 approved fostering households.",
            &[("foster_carers", 138.0)],
        ),
    ]);
}

#[test]
fn a_sentence_that_begins_with_of_these_counts_parts_of_the_total_before_it() {
    check(&[(
        "At 31 July there were 436 looked after children. Of these, 97 children were looked after at home with parents, 148 in kinship care and 121 with foster carers.",
        &[("children_in_care", 436.0)],
    )]);
    check(&[(
        "We received 3,120 contacts in the quarter. Of these, 412 became referrals.",
        &[("contacts", 3120.0), ("referrals", 412.0)],
    )]);
    check(&[(
        "57 children were looked after at home with their parents.",
        &[],
    )]);
}

#[test]
fn caseloads_of_other_roles_are_not_social_worker_caseloads() {
    check(&[
        ("Each IRO had an average caseload of 68 children.", &[]),
        (
            "Personal advisers have an average caseload of 22 young people.",
            &[],
        ),
        (
            "The average caseload for Independent Reviewing Officers is 71.",
            &[],
        ),
        (
            "The average social worker caseload is 17.",
            &[("social_worker_caseload", 17.0)],
        ),
    ]);
}

#[test]
fn reviews_conferences_in_time_and_scottish_and_welsh_terms() {
    check(&[
        (
            "The IRO service chaired 1,146 reviews for children looked after, of which 96% were held within statutory timescales.",
            &[("cla_reviews_on_time_pct", 96.0)],
        ),
        ("Ninety-one percent of CLA had their statutory review held on time.", &[("cla_reviews_on_time_pct", 91.0)]),
        (
            "214 initial child protection conferences were held, 87% within 15 working days.",
            &[("initial_cp_conferences", 214.0), ("icpc_on_time_pct", 87.0)],
        ),
        (
            "We completed 2,004 single assessments, 91% of them within 45 working days.",
            &[("assessments", 2004.0), ("assessments_on_time_pct", 91.0)],
        ),
        ("There were 1,002 review child protection conferences, 98.2% on time.", &[("cp_reviews_on_time_pct", 98.2)]),
        ("The percentage of re-registrations on the CPR within 12 months was 4.5%.", &[("repeat_cp_plans_pct", 4.5)]),
        ("The number of young people receiving aftercare support was 203.", &[("care_leavers", 203.0)]),
        ("A further 12 children were placed with their adoptive families.", &[("placed_for_adoption", 12.0)]),
    ]);
}

#[test]
fn so_many_months_to_a_date_and_the_first_months_of_a_year_are_periods() {
    assert_whens(
        "In the six months to 30 September 2022, 17 children were adopted. In the 12 months ending 31 December 2022 there were 3,412 contacts. During the three months to December 2022, 44 children entered care. Over the twelve months to the end of January 2023 there were 612 assessments. In the first nine months of 2022/23, 29 children were adopted. In the year to 31 March 2022, 1,204 referrals were received.",
        &[
            ("adoptions", "2022-04/2022-09"),
            ("contacts", "2022-01/2022-12"),
            ("entered_care", "2022-10/2022-12"),
            ("assessments", "2022-02/2023-01"),
            ("adoptions", "2022-04/2022-12"),
            ("referrals", "2021-04/2022-03"),
        ],
    );
}

#[test]
fn children_we_care_for_ratios_and_a_number_of_its_own() {
    check(&[
        (
            "We currently support 1,145 children in need, 289 children on child protection plans and 412 children we care for.",
            &[("children_in_need", 1145.0), ("child_protection_plans", 289.0), ("children_in_care", 412.0)],
        ),
        ("The council looks after 377 children and young people that we care for.", &[("children_in_care", 377.0)]),
        ("There are 203 care experienced young people aged 18 to 25.", &[("care_leavers", 203.0)]),
        ("Nine in ten assessments were completed on time.", &[]),
        ("1 in 4 referrals were re-referrals.", &[]),
    ]);
    // "The number of ..." names its own noun: it is not the one of the sentence before.
    check(&[(
        "Two-thirds of care leavers are in education. The number of children supported by the hub has fallen to 398.",
        &[],
    )]);
    check(&[(
        "There are 62 care leavers. The number of these in employment is 30.",
        &[("care_leavers", 62.0)],
    )]);
}

#[test]
fn the_total_row_of_a_table_is_what_its_caption_names_and_comparators_follow_their_figure() {
    check(&[
        (
            "Table 3: Children in care by placement type\nPlacement\tNumber\nFoster care\t287\nResidential\t41\nTotal\t412\n",
            &[("children_in_care", 412.0)],
        ),
        (
            "Children in care by placement type\nPlacement\t2022\t2023\nFoster care\t280\t287\nTotal\t398\t412\n",
            &[("children_in_care", 398.0), ("children_in_care", 412.0)],
        ),
        // A total of boys and of girls is not the caption's total.
        ("Children in care by gender\nAge\tBoys\tGirls\nUnder 10\t100\t90\nTotal\t220\t192\n", &[]),
        (
            "Our rate of children in care is 67 per 10,000 children, compared to 71 nationally and 74 for our statistical neighbours.",
            &[("children_in_care", 67.0), ("children_in_care", 71.0), ("children_in_care", 74.0)],
        ),
    ]);
}

#[test]
fn minutes_date_page_ranges_and_assessments_not_done() {
    let text = "MINUTES of the Corporate Parenting Panel held on Tuesday 10 October 2023 at 2.00 pm\n\nThe Head of Service presented the report (pages 23 to 41). There were 398 children in care.\n\nFOSTERING RECRUITMENT\nOfficers reported 47 enquiries, 9 initial visits and 3 assessments under way.\n";
    let doc = extract("minutes.txt", text, &Options::default());
    assert_eq!(doc.meta.date.as_deref(), Some("2023-10-10"));
    let figures: Vec<_> = doc
        .figures
        .iter()
        .map(|f| (f.indicator.as_deref(), f.value))
        .collect();
    assert!(!figures.iter().any(|(_, v)| *v == 41.0), "{figures:?}");
    assert!(
        figures.contains(&(Some("children_in_care"), 398.0)),
        "{figures:?}"
    );
    assert!(figures.contains(&(None, 3.0)), "{figures:?}");
    check(&[
        (
            "There were 1,204 assessments completed, and 12 were overdue.",
            &[("assessments", 1204.0)],
        ),
        (
            "The rate of children looked after per 10,000 population under 18 was 112, against a Welsh average of 115.",
            &[("children_in_care", 112.0), ("children_in_care", 115.0)],
        ),
    ]);
}

/// The (indicator, value, when) of every indicator figure of a whole text.
/// (indicator, value, when) rows as `dated` gives them.
fn owned(rows: &[(&str, f64, Option<&str>)]) -> Vec<(String, f64, Option<String>)> {
    rows.iter()
        .map(|(i, v, w)| (i.to_string(), *v, w.map(str::to_string)))
        .collect()
}

fn dated(text: &str) -> Vec<(String, f64, Option<String>)> {
    extract("report.txt", text, &Options::default())
        .figures
        .into_iter()
        .filter_map(|f| Some((f.indicator?, f.value, f.when)))
        .collect()
}

/// The indicator figures of one line read as the body of the report [`HEADER`] dates.
fn dated_line(line: &str) -> Vec<(String, f64, Option<String>)> {
    dated(&format!("{HEADER}{line}\n"))
}

/// The `when` of the last indicator figure of one line, as [`dated_line`] gives it.
fn last_when(line: &str) -> Option<String> {
    dated_line(line).pop().and_then(|(_, _, w)| w)
}

/// One dated figure, as [`dated_line`] gives it.
fn one(indicator: &str, value: f64, when: &str) -> Vec<(String, f64, Option<String>)> {
    owned(&[(indicator, value, Some(when))])
}

#[test]
fn plans_markdown_tables_month_columns_and_monthly_averages() {
    // A title or heading naming a span of years is the plan's, not the figures' time.
    for title in [
        "Sufficiency Strategy 2023-2026",
        "Children's Services Plan 2020 to 2025",
    ] {
        assert_eq!(
            dated(&format!(
                "{title}\n\nThere were 37 adoption orders granted.\n"
            )),
            owned(&[("adoptions", 37.0, None)]),
            "{title}"
        );
    }
    // Nor is a period that starts after the document's date.
    assert_eq!(
        dated("Corporate Plan 2024/25\nReport to Cabinet, 12 September 2023\n\nThere were 37 adoption orders granted.\n"),
        owned(&[("adoptions", 37.0, None)])
    );
    // A Markdown table, its columns financial years.
    assert_eq!(
        dated("| Indicator | 2021/22 | 2022/23 |\n|---|---|---|\n| Children in care | 412 | 436 |\n| Care leavers | 205 | 221 |\n"),
        owned(&[
            ("children_in_care", 412.0, Some("2021-04/2022-03")),
            ("children_in_care", 436.0, Some("2022-04/2023-03")),
            ("care_leavers", 205.0, Some("2021-04/2022-03")),
            ("care_leavers", 221.0, Some("2022-04/2023-03")),
        ])
    );
    // "May" alone heading a column is the month.
    assert_eq!(
        dated("Report to Cabinet, 12 September 2023\n\nPerformance\tApr\tMay\tJun\nReferrals\t120\t131\t117\n"),
        owned(&[
            ("referrals", 120.0, Some("2023-04")),
            ("referrals", 131.0, Some("2023-05")),
            ("referrals", 117.0, Some("2023-06")),
        ])
    );
    check(&[
        // The month is the average's, not the year's total.
        (
            "Children's Social Care received 14,203 contacts in 2022/23, an average of 1,184 per month.",
            &[("contacts", 14203.0)],
        ),
        ("Referrals ranged from 91 to 173 a month.", &[]),
    ]);
    // A distance is no figure at all (and the children placed far away are a part of those in
    // care, not their number).
    let far = "There are 58 children in care placed more than 20 miles from home.";
    let values: Vec<f64> = extract("far.txt", far, &Options::default())
        .figures
        .iter()
        .map(|f| f.value)
        .collect();
    assert_eq!(values, [58.0]);
}

#[test]
fn missing_occasions_visits_early_help_year_end_and_the_quarter() {
    check(&[
        // The occasions are the episodes; the children who went missing are no indicator's.
        (
            "A total of 112 children went missing on 345 occasions.",
            &[("missing_episodes", 345.0)],
        ),
        (
            "Young people were reported missing from care 1,204 times.",
            &[("missing_episodes", 1204.0)],
        ),
        ("The panel met on 3 occasions.", &[]),
        (
            "Visits to Children Looked After within timescale: 94.1%.",
            &[("statutory_visits_on_time_pct", 94.1)],
        ),
        (
            "91% of visits to children on a plan were completed within timescales.",
            &[("statutory_visits_on_time_pct", 91.0)],
        ),
        (
            "A total of 1,126 children were supported through Early Help at year end.",
            &[("early_help", 1126.0)],
        ),
        (
            "There are 640 families open to the Early Help service.",
            &[("early_help", 640.0)],
        ),
    ]);
    // With no date of its own, an annual report's "year end" is the end of its year.
    assert_eq!(
        dated("Fostering Service Annual Report 2022-23\n\nThis report covers 1 April 2022 to 31 March 2023.\n\nAt the year end there were 143 fostering households.\n"),
        owned(&[("foster_carers", 143.0, Some("2023-03"))])
    );
    // "In the quarter" is the quarter a heading names, or no date at all: not the period of
    // the sentence before.
    assert_eq!(
        dated("Quarter 3 (October to December 2023)\n\nThere were 41 adoptions in the quarter.\n"),
        owned(&[("adoptions", 41.0, Some("2023-10/2023-12"))])
    );
    // A title naming a quarter and, apart from it, its financial year.
    for title in [
        "Quarter 3 Performance Report 2023-24",
        "Performance Scorecard: Q3 2023/24",
    ] {
        assert_eq!(
            dated(&format!(
                "{title}\n\nThere were 41 adoptions in the quarter.\n"
            )),
            owned(&[("adoptions", 41.0, Some("2023-10/2023-12"))]),
            "{title}"
        );
    }
    assert_eq!(
        dated(&format!("{HEADER}There were 1,064 referrals between April and November. Referrals have increased to 540 this quarter.\n")),
        owned(&[
            ("referrals", 1064.0, Some("2022-04/2022-11")),
            ("referrals", 540.0, None),
        ])
    );
}

#[test]
fn wrapped_lines_of_a_pack_and_the_same_point_last_year() {
    // Text copied from a PDF keeps its line breaks: a short line that ends on "since" or starts
    // in lower case is not a heading, and the sentence runs on.
    assert_eq!(
        dated("Meeting date: 12 October 2023\n\nAt the end of August 2023 there were 402 children\nlooked after by the Council, compared with 388 at the\nsame point last year. The number of children subject to\na child protection plan was 256, a decrease of 31 since\nMarch.\n"),
        owned(&[
            ("children_in_care", 402.0, Some("2023-08")),
            ("children_in_care", 388.0, Some("2022-08")),
            ("child_protection_plans", 256.0, Some("2023-08")),
        ])
    );
    // A value in brackets with its own date is the comparison's; the line after does not
    // take that date.
    assert_eq!(
        dated("Date: 4 December 2023\n\nChildren Looked After (CLA): 163 at 30 September 2023 (158 at 31 March 2023).\nChildren on the Child Protection Register: 47 (was 62 in June).\n"),
        owned(&[
            ("children_in_care", 163.0, Some("2023-09-30")),
            ("children_in_care", 158.0, Some("2023-03-31")),
            ("child_protection_plans", 47.0, Some("2023-09-30")),
            ("child_protection_plans", 62.0, Some("2023-06")),
        ])
    );
    check(&[
        // A cohort picked out by how long it has been in care is not the number in care.
        ("Children looked after for 12 months or more: 121.", &[]),
        (
            "There were 121 children looked after for at least 12 months.",
            &[],
        ),
        // The count behind a percentage, in brackets, is a count; a part of a total is no more
        // of that total's indicator.
        (
            "19.2% (212) of referrals were re-referrals.",
            &[("re_referrals_pct", 19.2)],
        ),
        (
            "91% (n=212) of assessments were completed within 45 working days.",
            &[("assessments_on_time_pct", 91.0)],
        ),
        (
            "Of 96 ICPCs held, 88 were within 15 working days.",
            &[("initial_cp_conferences", 96.0)],
        ),
        // Carers are counted as carers, and what joining and leaving leave is their number.
        ("Our foster carers looked after 198 children.", &[]),
        (
            "The service approved 18 new fostering households and 12 deregistered, leaving 156 fostering households at the year end.",
            &[("foster_carers", 156.0)],
        ),
        // "CP" alone labels a number of plans; before another word it is child protection.
        (
            "Current numbers: CLA 412; CP 256; CIN 1,204.",
            &[
                ("children_in_care", 412.0),
                ("child_protection_plans", 256.0),
                ("children_in_need", 1204.0),
            ],
        ),
        (
            "CP numbers are 256, up 25 since September.",
            &[("child_protection_plans", 256.0)],
        ),
        ("There were 45 CP investigations.", &[]),
        ("Children with a plan for permanence: 45.", &[]),
        ("There are 12 children with a plan of adoption.", &[]),
        (
            "The number of children with a plan has increased from 231 to 256.",
            &[
                ("child_protection_plans", 231.0),
                ("child_protection_plans", 256.0),
            ],
        ),
        // An age band after the people it is of is no count of them.
        (
            "Care leavers (19-21) in EET: 56%.",
            &[("care_leavers_eet_pct", 56.0)],
        ),
        (
            "Care leavers 16-17 in suitable accommodation: 94%.",
            &[("care_leavers_accommodation_pct", 94.0)],
        ),
        (
            "Children becoming subject to a CP plan for a second time: 19%.",
            &[("repeat_cp_plans_pct", 19.0)],
        ),
        (
            "Placement stability (long term): 71%.",
            &[("long_term_stability_pct", 71.0)],
        ),
        // Scottish registers and aftercare.
        (
            "New registrations on the CPR during the year: 143.",
            &[("cp_plans_started", 143.0)],
        ),
        (
            "Number of children de-registered during the year: 151.",
            &[("cp_plans_ended", 151.0)],
        ),
        (
            "The service approved 18 new fostering households and 12 deregistered.",
            &[],
        ),
        (
            "There were 203 young people receiving throughcare and aftercare services.",
            &[("care_leavers", 203.0)],
        ),
        // Scotland's "positive destinations" are education, employment or training, for care
        // leavers only.
        (
            "Care experienced young people in positive destinations: 81%.",
            &[("care_leavers_eet_pct", 81.0)],
        ),
        ("School leavers in positive destinations: 95%.", &[]),
        // The Welsh term for children in need.
        (
            "Number of children receiving care and support: 412.",
            &[("children_in_need", 412.0)],
        ),
    ]);
    assert_eq!(
        dated("Report date: 30 January 2024\n\nOpen cases 2,311 (Dec 2022: 2,198).\nLAC numbers have reduced slightly to 405.\n"),
        owned(&[
            ("open_cases", 2311.0, Some("2024-01-30")),
            ("open_cases", 2198.0, Some("2022-12")),
            ("children_in_care", 405.0, Some("2024-01-30")),
        ])
    );
    assert_eq!(
        dated("Date: 14 November 2023\n\nIn the six months to 30 September 2023, 17 children were adopted, compared with 22 in the same period last year.\n"),
        owned(&[
            ("adoptions", 17.0, Some("2023-04/2023-09")),
            ("adoptions", 22.0, Some("2022-04/2022-09")),
        ])
    );
    assert_eq!(
        dated(&format!("{HEADER}At 31 January there were 412 children in care, against 398 this time last year.\n")),
        owned(&[
            ("children_in_care", 412.0, Some("2023-01-31")),
            ("children_in_care", 398.0, Some("2022-01-31")),
        ])
    );
}

#[test]
fn rates_per_children_done_early_help_sets_of_proceedings_and_cases_each() {
    check(&[
        // Whom a rate is per is no other noun the rate counts.
        (
            "Our rate of CLA per 10,000 children is 71 compared with the Wales average of 65.",
            &[("children_in_care", 71.0), ("children_in_care", 65.0)],
        ),
        (
            "The rate of children on a CP plan per 10,000 of the child population is 45.1.",
            &[("child_protection_plans", 45.1)],
        ),
        // Early help is counted by the assessments done.
        (
            "1,200 Early Help Assessments were completed in 2022/23.",
            &[("early_help", 1200.0)],
        ),
        (
            "430 early help assessments were undertaken.",
            &[("early_help", 430.0)],
        ),
        (
            "40 early help assessments were closed with no further action.",
            &[],
        ),
        (
            "The authority issued 12 sets of care proceedings in the quarter.",
            &[("care_proceedings", 12.0)],
        ),
        // Made subject to a plan in a period is a plan started; having been so is on a plan.
        (
            "33 children were made subject to child protection plans during the quarter.",
            &[("cp_plans_started", 33.0)],
        ),
        (
            "There are 210 children who have been made subject to a child protection plan.",
            &[("child_protection_plans", 210.0)],
        ),
        (
            "Social workers are carrying an average of 22 cases each.",
            &[("social_worker_caseload", 22.0)],
        ),
        ("Personal advisers carry 22 cases each.", &[]),
        // "CP" counted by the number before it in a list; the ages that define care leavers.
        (
            "As at 31st December 2022 there were 344 LAC, 261 CP and 1,020 CIN.",
            &[
                ("children_in_care", 344.0),
                ("child_protection_plans", 261.0),
                ("children_in_need", 1020.0),
            ],
        ),
        ("Care leavers (aged 18-21): 198", &[("care_leavers", 198.0)]),
        ("There were 12 CP activities in the week.", &[]),
        // A share's whole is no count; the parts a total is said to include are not its label.
        ("7 out of 10 care leavers said they felt supported.", &[]),
        ("1 in 5 children in care had a placement move.", &[]),
        (
            "Children in need (including CP and CLA): 1,800",
            &[("children_in_need", 1800.0)],
        ),
        (
            "Care and support plans: 1,004 (including 211 CP and 382 CLA).",
            &[
                ("children_in_need", 1004.0),
                ("child_protection_plans", 211.0),
                ("children_in_care", 382.0),
            ],
        ),
        ("IROs have an average of 60 cases each.", &[]),
    ]);
}

#[test]
fn the_value_a_figure_changed_from_has_no_date_unless_it_is_given() {
    assert_eq!(
        dated_line("There are currently 199 children subject to a CP plan, down from 214."),
        owned(&[
            ("child_protection_plans", 199.0, Some("2023-03-15")),
            ("child_protection_plans", 214.0, None),
        ])
    );
    assert_eq!(
        dated_line("• 199 children subject to a CP plan (down from 214)"),
        owned(&[
            ("child_protection_plans", 199.0, Some("2023-03-15")),
            ("child_protection_plans", 214.0, None),
        ])
    );
    assert_eq!(
        dated_line("The number of looked after children has risen to 420 from 398."),
        owned(&[
            ("children_in_care", 420.0, Some("2023-03-15")),
            ("children_in_care", 398.0, None),
        ])
    );
    assert_eq!(
        dated_line("There are 199 children subject to a CP plan, down from 214 in December."),
        owned(&[
            ("child_protection_plans", 199.0, Some("2023-03-15")),
            ("child_protection_plans", 214.0, Some("2022-12")),
        ])
    );
    // Bars with no outer bars, as spreadsheets write them.
    assert_eq!(
        dated_line("Measure | 2021/22 | 2022/23\nNumber of CLA | 295 | 301"),
        owned(&[
            ("children_in_care", 295.0, Some("2021-04/2022-03")),
            ("children_in_care", 301.0, Some("2022-04/2023-03")),
        ])
    );
    assert_eq!(
        dated_line("Page 4 | Agenda item 6\nPage 5 | Agenda item 7"),
        owned(&[])
    );
}

#[test]
fn a_month_and_two_digits_a_dotted_date_and_a_day_without_its_suffix() {
    assert_eq!(
        dated_line("The number of children on a CP plan in Jan 23 was 250."),
        one("child_protection_plans", 250.0, "2023-01")
    );
    assert_eq!(
        dated_line("There were 250 children on CP plans in June 22."),
        one("child_protection_plans", 250.0, "2022-06")
    );
    assert_eq!(
        dated_line("CP plans at 31.12.22: 250"),
        one("child_protection_plans", 250.0, "2022-12-31")
    );
    assert_eq!(
        dated_line("As at March 1 there were 402 children in care."),
        one("children_in_care", 402.0, "2023-03-01")
    );
    assert_eq!(
        dated_line("At Feb 28, 402 children were looked after."),
        one("children_in_care", 402.0, "2023-02-28")
    );
    // A number the month is followed by that counts a noun, or is the start of a percentage.
    assert_eq!(
        dated_line("In March 15 children came into care."),
        one("entered_care", 15.0, "2023-03")
    );
    assert_eq!(
        dated_line("Reviews held between April and November 96.7% of which were in time."),
        one("cla_reviews_on_time_pct", 96.7, "2022-04/2022-11")
    );
    assert_eq!(dated_line("See paragraph 3.1.12 for details."), owned(&[]));
}

#[test]
fn halves_of_a_year_and_a_relative_time_explained_in_brackets() {
    assert_eq!(
        dated_line("In the first half of 2022/23 there were 410 referrals."),
        one("referrals", 410.0, "2022-04/2022-09")
    );
    assert_eq!(
        dated_line("In the second half of 2022/23 there were 410 referrals."),
        one("referrals", 410.0, "2022-10/2023-03")
    );
    assert_eq!(
        dated_line("In the second half of 2022, 410 referrals were received."),
        one("referrals", 410.0, "2022-07/2022-12")
    );
    // With no year named, the half that has ended by the report's date: in March (2023), the
    // financial year's; in August, the calendar year's; in May, neither.
    assert_eq!(
        dated_line("During the first half of the year there were 410 referrals."),
        one("referrals", 410.0, "2022-04/2022-09")
    );
    assert_eq!(
        dated_line("In the first six months of this financial year there were 410 referrals."),
        one("referrals", 410.0, "2022-04/2022-09")
    );
    let in_month = |month: &str| {
        dated(&format!(
            "DATE: 15th {month} 2023\n\nIn the first half of the year there were 410 referrals.\n"
        ))
    };
    assert_eq!(
        in_month("August"),
        one("referrals", 410.0, "2023-01/2023-06")
    );
    assert_eq!(in_month("May"), [("referrals".to_string(), 410.0, None)]);
    assert_eq!(
        dated_line("At year end (31 March 2022) there were 380 looked after children."),
        one("children_in_care", 380.0, "2022-03-31")
    );
    assert_eq!(
        dated_line("Currently (as at 28/02/23) there are 380 looked after children."),
        one("children_in_care", 380.0, "2023-02-28")
    );
}

#[test]
fn in_the_region_of_a_number_is_about_it_and_no_regions_figure() {
    check_typed(&[
        (
            "We have in the region of 150 foster carers.",
            &[("foster_carers", 150.0, "Count", "Local")],
        ),
        (
            "The regional average is 150 foster carers.",
            &[("foster_carers", 150.0, "Count", "Region")],
        ),
    ]);
    let text = format!("{HEADER}We have in the region of 150 foster carers.\n");
    let doc = extract("line.txt", &text, &Options::default());
    assert!(doc.figures.iter().all(|f| f.approx), "{:?}", doc.figures);
}

#[test]
fn children_the_authority_looks_after_or_who_are_in_its_care() {
    check(&[
        ("64 children are in care.", &[("children_in_care", 64.0)]),
        (
            "Sixty-four children are currently in our care.",
            &[("children_in_care", 64.0)],
        ),
        ("12 children remain in care.", &[("children_in_care", 12.0)]),
        (
            "150 children are cared for by the council.",
            &[("children_in_care", 150.0)],
        ),
        (
            "We currently look after 285 children.",
            &[("children_in_care", 285.0)],
        ),
        (
            "The council looks after 285 children and young people.",
            &[("children_in_care", 285.0)],
        ),
        (
            "The authority cares for 96 children.",
            &[("children_in_care", 96.0)],
        ),
        (
            "The council is corporate parent to 402 children.",
            &[("children_in_care", 402.0)],
        ),
        ("Currently 18 UASC are in our care.", &[("uasc", 18.0)]),
        (
            "40 children remain on a child protection plan.",
            &[("child_protection_plans", 40.0)],
        ),
        (
            "512 children are educated at home.",
            &[("home_educated", 512.0)],
        ),
        (
            "The number of children known to be educated at home is 512.",
            &[("home_educated", 512.0)],
        ),
        // Wales now says "care experienced children", Scotland "looked after and accommodated".
        (
            "Care experienced children: 620",
            &[("children_in_care", 620.0)],
        ),
        (
            "The number of care experienced children and young people stood at 214.",
            &[("children_in_care", 214.0)],
        ),
        (
            "There are 210 looked after and accommodated children.",
            &[("children_in_care", 210.0)],
        ),
        (
            "41 children's names were placed on the register.",
            &[("cp_plans_started", 41.0)],
        ),
        // Parts of the whole, someone else's children, and proceedings are no count of them.
        ("We look after 20 children in residential homes.", &[]),
        ("We look after 20 children placed out of area.", &[]),
        (
            "Foster carers who look after 120 children attended training.",
            &[],
        ),
        ("Social workers each look after 18 children.", &[]),
        ("35 children were in care for more than two years.", &[]),
        ("12 children are in care placements out of county.", &[]),
        ("12 children are in care proceedings.", &[]),
        // Children in proceedings now are not proceedings issued.
        (
            "56 children are currently subject to care proceedings.",
            &[],
        ),
        (
            "11 sets of care proceedings were issued in Q1, and 56 children are currently subject to care proceedings.",
            &[("care_proceedings", 11.0)],
        ),
        (
            "Around 40 foster carers attended the annual celebration event.",
            &[],
        ),
        ("17 care leavers went to university this year.", &[]),
        ("The average age of children entering care was 9.", &[]),
        (
            "There were 23 children in care at risk of exploitation.",
            &[],
        ),
        (
            "We look after around 400 children.",
            &[("children_in_care", 400.0)],
        ),
    ]);
}

#[test]
fn a_result_given_after_its_target() {
    check(&[
        (
            "Our target is for 90% of assessments to be completed within 45 days; we achieved 84%.",
            &[("assessments_on_time_pct", 90.0), ("assessments_on_time_pct", 84.0)],
        ),
        (
            "The target of 95% of CLA reviews held on time was missed, with 91% achieved.",
            &[("cla_reviews_on_time_pct", 95.0), ("cla_reviews_on_time_pct", 91.0)],
        ),
        // A later percentage that is not said to be reached is someone else's.
        (
            "Our target is for 90% of assessments to be completed within 45 days; 12% of staff are agency workers.",
            &[("assessments_on_time_pct", 90.0)],
        ),
    ]);
    let text = format!(
        "{HEADER}Our target is for 90% of assessments to be completed within 45 days; we achieved 84%.\n"
    );
    let targets: Vec<bool> = extract("line.txt", &text, &Options::default())
        .figures
        .iter()
        .map(|f| f.target)
        .collect();
    assert_eq!(targets, [true, false]);
}

#[test]
fn a_service_counts_whom_it_works_with_and_a_number_counts_what_it_became() {
    check(&[
        (
            "The Leaving Care Team supports 198 young people.",
            &[("care_leavers", 198.0)],
        ),
        (
            "The early help service is working with 900 families.",
            &[("early_help", 900.0)],
        ),
        (
            "Of the 12,400 contacts received, 3,300 progressed to referral.",
            &[("contacts", 12400.0), ("referrals", 3300.0)],
        ),
        (
            "3,300 contacts progressed to referral.",
            &[("referrals", 3300.0)],
        ),
        ("3,300 contacts became referrals.", &[("referrals", 3300.0)]),
        (
            "412 referrals progressed to single assessments.",
            &[("assessments", 412.0)],
        ),
        // A part of a total that did not become anything else stays no figure.
        (
            "Of the 149 young people in this category 147 have pathway plans.",
            &[],
        ),
        ("The early help team supports 30 schools.", &[]),
        (
            "1,450 children are open to children's social care as Children in Need.",
            &[("children_in_need", 1450.0)],
        ),
        (
            "There are 1,450 children supported on Child in Need plans.",
            &[("children_in_need", 1450.0)],
        ),
        (
            "780 families are receiving support through Early Help.",
            &[("early_help", 780.0)],
        ),
    ]);
}

#[test]
fn the_time_a_change_is_measured_from_dates_no_figure() {
    assert_eq!(
        dated_line("There are 402 children in care, up 13 on last year."),
        one("children_in_care", 402.0, "2023-03-15")
    );
    assert_eq!(
        dated_line("There are 402 children in care, an increase of 13 on last year."),
        one("children_in_care", 402.0, "2023-03-15")
    );
    assert_eq!(
        dated_line("There are 402 children in care, 12 more than last year."),
        one("children_in_care", 402.0, "2023-03-15")
    );
    // A flow with no time of its own has no date, rather than the one it is compared with.
    assert_eq!(
        dated_line("There were 1,200 referrals, 10% up on 2021/22."),
        [("referrals".to_string(), 1200.0, None)]
    );
    // The value compared with is dated by that time.
    assert_eq!(
        dated_line("There were 1,200 referrals in 2022/23, an increase on 1,100 in 2021/22."),
        [
            (
                "referrals".to_string(),
                1200.0,
                Some("2022-04/2023-03".to_string())
            ),
            (
                "referrals".to_string(),
                1100.0,
                Some("2021-04/2022-03".to_string())
            ),
        ]
    );
    assert_eq!(
        dated_line(
            "Care leavers in EET: 45.78%. This is down 15 per cent on the previous year, when the figure was 60.78 per cent."
        )
        .last()
        .map(|(_, v, w)| (*v, w.clone())),
        Some((60.78, Some("2022-03-15".to_string())))
    );
}

#[test]
fn hundreds_in_words_circa_and_a_plus_sign() {
    check(&[
        (
            "There are two hundred and twelve children in care.",
            &[("children_in_care", 212.0)],
        ),
        (
            "There are one hundred children in care.",
            &[("children_in_care", 100.0)],
        ),
        (
            "Over a hundred children are in care.",
            &[("children_in_care", 100.0)],
        ),
        (
            "There are c.300 children in care.",
            &[("children_in_care", 300.0)],
        ),
        (
            "There are 300+ children in care.",
            &[("children_in_care", 300.0)],
        ),
        // A plus sign after a small number is a threshold or an age.
        (
            "10% of children had 3+ placements.",
            &[("placement_moves_3plus_pct", 10.0)],
        ),
        ("Young people aged 16+ in care: 40.", &[]),
    ]);
    for line in [
        "There are c.300 children in care.",
        "There are 300+ children in care.",
    ] {
        let text = format!("{HEADER}{line}\n");
        let doc = extract("line.txt", &text, &Options::default());
        assert!(
            doc.figures.iter().all(|f| f.approx),
            "{line}: {:?}",
            doc.figures
        );
    }
}

#[test]
fn timeliness_of_family_assessments_and_children_visited_in_time() {
    check(&[
        (
            "Timeliness of C&F assessments remains good at 86.4%.",
            &[("assessments_on_time_pct", 86.4)],
        ),
        (
            "93% of children in care were visited within statutory timescales.",
            &[("statutory_visits_on_time_pct", 93.0)],
        ),
        (
            "93% of children in care were visited on time.",
            &[("statutory_visits_on_time_pct", 93.0)],
        ),
    ]);
}

#[test]
fn register_removals_becoming_a_care_leaver_and_events_held() {
    check(&[
        // "removed" alone is off the register only where the register was just named.
        (
            "During the quarter 48 children were placed on the Child Protection Register and 61 were removed.",
            &[("cp_plans_started", 48.0), ("cp_plans_ended", 61.0)],
        ),
        (
            "The number of children whose names were added to the CPR in Q3 was 33 and 41 were removed.",
            &[("cp_plans_started", 33.0), ("cp_plans_ended", 41.0)],
        ),
        ("In 12 cases children were removed from their parents.", &[]),
        (
            "There are 120 children on the register; 14 were removed from their families' care.",
            &[("child_protection_plans", 120.0)],
        ),
        // Those who became care leavers are not the care leavers supported.
        ("In 2022-23, 19 young people became care leavers on their 18th birthday.", &[]),
        (
            "There are currently 178 young people in receipt of leaving care services.",
            &[("care_leavers", 178.0)],
        ),
        (
            "At the end of February the Council was looking after 412 children.",
            &[("children_in_care", 412.0)],
        ),
        (
            "Initial Child Protection Conferences: 71 held in Q2.",
            &[("initial_cp_conferences", 71.0)],
        ),
        // A count in force is not continued by what ended.
        ("Child protection plans: 41 ended in Q2.", &[]),
        (
            "Children placed for adoption but not yet adopted: 8.",
            &[("placed_for_adoption", 8.0)],
        ),
        (
            "Of the 188 children on plans, 102 were under the category of neglect.",
            &[("child_protection_plans", 188.0)],
        ),
        (
            "Reviews of CLA completed in timescale: 95%.",
            &[("cla_reviews_on_time_pct", 95.0)],
        ),
        // Dot leaders join a label to its value.
        (
            "Number of children looked after ........ 412\nNumber of child protection plans ....... 228",
            &[("children_in_care", 412.0), ("child_protection_plans", 228.0)],
        ),
    ]);
}

#[test]
fn a_nation_named_after_its_figure_and_the_time_a_sentence_opens_with() {
    check_typed(&[
        (
            "The rate of children in care per 10,000 is 78, compared with 71 for England.",
            &[
                ("children_in_care", 78.0, "Per10k", "Local"),
                ("children_in_care", 71.0, "Per10k", "England"),
            ],
        ),
        (
            "There were 212 children looked after, a rate of 101 per 10,000 (the Wales rate is 115).",
            &[
                ("children_in_care", 212.0, "Count", "Local"),
                ("children_in_care", 101.0, "Per10k", "Local"),
            ],
        ),
    ]);
    // A time set off by a comma at the start frames every figure after it.
    assert_eq!(
        dated_line("In the year to 31 December 2022, 46 children became looked after and 38 ceased to be looked after."),
        owned(&[
            ("entered_care", 46.0, Some("2022-01/2022-12")),
            ("left_care", 38.0, Some("2022-01/2022-12")),
        ])
    );
    // A part is of its whole's time.
    assert_eq!(
        dated_line("The front door received 9,874 contacts during April to January, of which 2,402 became referrals."),
        owned(&[
            ("contacts", 9874.0, Some("2022-04/2023-01")),
            ("referrals", 2402.0, Some("2022-04/2023-01")),
        ])
    );
    // A count that has changed since a date is a count now.
    for line in [
        "Since April, the number of children in care has risen to 301.",
        "We approved 7 new foster carers since April, bringing the total to 81 foster households.",
    ] {
        assert_eq!(last_when(line).as_deref(), Some("2023-03-15"), "{line}");
    }
}

#[test]
fn last_month_last_quarter_the_end_of_a_year_and_a_time_no_date_gives() {
    for (line, want) in [
        ("Last month 41 children came into care.", "2023-02"),
        ("Last quarter there were 612 contacts.", "2022-10/2022-12"),
        ("This month there are 362 children in care.", "2023-03"),
        (
            "At the end of 2021/22 there were 355 children in care.",
            "2022-03",
        ),
        (
            "At the end of the last financial year there were 355 children in care.",
            "2022-03",
        ),
        (
            "At the end of last year there were 355 children in care.",
            "2022-12",
        ),
        (
            "In the last three years, 88 children were adopted.",
            "2020-04/2023-03",
        ),
        (
            "Over the last three years the number of children in care has risen from 301 to 359.",
            "2023-03-15",
        ),
    ] {
        assert_eq!(last_when(line).as_deref(), Some(want), "{line}");
    }
    // The value a stock grew from is of the start of the years, not now.
    assert_eq!(
        whens(
            "Over the last three years the number of children in care has grown from 301 to 359."
        ),
        [
            ("children_in_care".to_string(), None),
            (
                "children_in_care".to_string(),
                Some("2023-03-15".to_string())
            ),
        ]
    );
    // The report's own date under an "as at" heading leaves the heading's day to what follows.
    assert_eq!(
        dated("Performance Summary\nAs at 30 June 2025\nReport date: 15 July 2025\n\nChildren in care: 367\n"),
        owned(&[("children_in_care", 367.0, Some("2025-06-30"))])
    );
    // A figure in a ", when" clause is of the time just before it.
    assert_eq!(
        dated_line(
            "This is the lowest number of children in care since 2017, when there were 281."
        ),
        owned(&[("children_in_care", 281.0, Some("2017"))])
    );
    // "last month" after a figure of a month is the month before that one.
    assert_eq!(
        dated_line("There were 612 contacts in February, up from 580 last month."),
        owned(&[
            ("contacts", 612.0, Some("2023-02")),
            ("contacts", 580.0, Some("2023-01")),
        ])
    );
    // A time no date can be given for: not the sentence before's.
    assert_eq!(
        dated("DATE: 15th March 2023\n\nBy the end of June 2022 there were 362 children in care.\nOver the summer holidays 41 children came into care.\n"),
        owned(&[
            ("children_in_care", 362.0, Some("2022-06")),
            ("entered_care", 41.0, None),
        ])
    );
}

#[test]
fn labels_in_a_line_brackets_of_years_wrapped_lines_and_cases_held() {
    check(&[
        (
            "CLA: 287 | CP: 164 | CIN: 702",
            &[
                ("children_in_care", 287.0),
                ("child_protection_plans", 164.0),
                ("children_in_need", 702.0),
            ],
        ),
        // A name followed by a colon labels the number after it, not the one before.
        (
            "CLA: 287 CIN: 702",
            &[("children_in_care", 287.0), ("children_in_need", 702.0)],
        ),
        (
            "The number of children looked after was 287 (2022: 301; 2021: 296).",
            &[
                ("children_in_care", 287.0),
                ("children_in_care", 301.0),
                ("children_in_care", 296.0),
            ],
        ),
        // A line that ends on a word no heading or sentence ends on carries on.
        (
            "The re-referral rate was\n18% in the year.",
            &[("re_referrals_pct", 18.0)],
        ),
        (
            "Social workers hold an average of 18 cases.",
            &[("social_worker_caseload", 18.0)],
        ),
        ("The team holds an average of 200 cases.", &[]),
        (
            "There are 1.2k children in need.",
            &[("children_in_need", 1200.0)],
        ),
        (
            "The service is working with 320 families through Early Help.",
            &[("early_help", 320.0)],
        ),
    ]);
    assert_eq!(
        dated_line("The council received 5,912 contacts in 2021/22 which resulted in\n1,744 referrals to social care."),
        owned(&[
            ("contacts", 5912.0, Some("2021-04/2022-03")),
            ("referrals", 1744.0, Some("2021-04/2022-03")),
        ])
    );
}

#[test]
fn a_quarter_not_yet_begun_is_last_years_and_counts_joined_by_and_share_a_closing_time() {
    // "Q3" in a report of May 2024: October to December 2023, not a quarter to come.
    assert_eq!(
        dated("DATE: 22nd May 2024\n\nThere were 612 contacts in Q3.\n"),
        owned(&[("contacts", 612.0, Some("2023-10/2023-12"))])
    );
    assert_eq!(
        dated("DATE: 22nd May 2024\n\nThere were 612 contacts in Q1.\n"),
        owned(&[("contacts", 612.0, Some("2024-04/2024-06"))])
    );
    assert_eq!(
        dated_line("In total, 59 children entered care and 47 left care in Quarter 3."),
        owned(&[
            ("entered_care", 59.0, Some("2022-10/2022-12")),
            ("left_care", 47.0, Some("2022-10/2022-12")),
        ])
    );
    // Each its own time; and a count in force is not of a period.
    assert_eq!(
        dated_line("59 children entered care in 2020/21 and 47 left care in 2021/22."),
        owned(&[
            ("entered_care", 59.0, Some("2020-04/2021-03")),
            ("left_care", 47.0, Some("2021-04/2022-03")),
        ])
    );
    assert_eq!(
        dated_line("There are 59 children in care and 47 left care in Q3."),
        owned(&[
            ("children_in_care", 59.0, Some("2023-03-15")),
            ("left_care", 47.0, Some("2022-10/2022-12")),
        ])
    );
}

#[test]
fn a_count_in_force_after_a_period_that_runs_to_now_is_of_now() {
    assert_eq!(
        dated_line("12 new foster carers had been approved since September 2022, against a target of 20.\nIt was confirmed that the number of children on a child protection plan stood at 118."),
        owned(&[("child_protection_plans", 118.0, Some("2023-03-15"))])
    );
    // A count of a period after it is still of that period.
    assert_eq!(
        dated_line("12 new foster carers had been approved since September 2022.\nThere had been 40 referrals to the MASH."),
        owned(&[("referrals", 40.0, Some("2022-09/2023-03"))])
    );
}

#[test]
fn a_header_with_no_heading_over_the_labels_and_rows_of_values_no_header_explains() {
    // The quarters head the columns though the header has one cell fewer than the rows.
    assert_eq!(
        dated("DATE: 16th January 2025\n\n                         Q1      Q2      Q3\nContacts                3,402   3,118   3,390\n"),
        owned(&[
            ("contacts", 3402.0, Some("2024-04/2024-06")),
            ("contacts", 3118.0, Some("2024-07/2024-09")),
            ("contacts", 3390.0, Some("2024-10/2024-12")),
        ])
    );
    // A table of children looked after by placement type, with a percentage column: its
    // Total row is the caption's indicator, at the caption's date.
    assert_eq!(
        dated("DATE: 16th January 2025\n\nTable 3: Children looked after by placement type at 31 December 2024\nPlacement\tNumber\t%\nFoster care\t243\t68%\nResidential\t38\t11%\nTotal\t356\t100%\n"),
        owned(&[("children_in_care", 356.0, Some("2024-12-31"))])
    );
    // With no header, values of one row differ in what the table does not say: none takes
    // the time of the text around it.
    assert_eq!(
        dated("DATE: 16th January 2025\n\nFigures for Q1 and Q2\nContacts                3,402   3,118\nReferrals                 998     942\n"),
        owned(&[
            ("contacts", 3402.0, None),
            ("contacts", 3118.0, None),
            ("referrals", 998.0, None),
            ("referrals", 942.0, None),
        ])
    );
}

#[test]
fn scottish_registrations_aftercare_and_referrals_made_to_another_service() {
    check(&[
        (
            "There were 143 children on the Child Protection Register. There were 212 new registrations and 229 de-registrations.",
            &[
                ("child_protection_plans", 143.0),
                ("cp_plans_started", 212.0),
                ("cp_plans_ended", 229.0),
            ],
        ),
        (
            "The number of children on the Child Protection Register was 58. There were 94 registrations and 98 de-registrations during the year.",
            &[
                ("child_protection_plans", 58.0),
                ("cp_plans_started", 94.0),
                ("cp_plans_ended", 98.0),
            ],
        ),
        // Registrations of anything else are not the register's, nor are re-registrations.
        ("There were 212 new registrations for the holiday scheme.", &[]),
        ("There were 12 re-registrations on the CPR within 12 months.", &[]),
        // De-registrations are the register's only where it is named (not foster carers').
        (
            "The panel considered 14 new applications, 19 annual reviews and 8 de-registrations.",
            &[],
        ),
        (
            "There were 98 de-registrations from the child protection register in the year.",
            &[("cp_plans_ended", 98.0)],
        ),
        (
            "185 young people were in receipt of aftercare services; 64% were in positive destinations.",
            &[("care_leavers", 185.0), ("care_leavers_eet_pct", 64.0)],
        ),
        ("Referrals to the Children's Reporter: 498.", &[]),
        // Those of school age are a part of the children in care.
        ("The virtual school supports 388 children in care of school age.", &[]),
        ("The service made 40 referrals to CAMHS.", &[]),
    ]);
    assert_eq!(
        dated_line("There were 143 children on the register, 212 new registrations during 2021-22 and 229 de-registrations."),
        owned(&[
            ("child_protection_plans", 143.0, Some("2023-03-15")),
            ("cp_plans_started", 212.0, Some("2021-04/2022-03")),
            ("cp_plans_ended", 229.0, Some("2021-04/2022-03")),
        ])
    );
}

#[test]
fn ytd_h1_and_a_range_of_months_of_two_digit_years() {
    for (line, want) in [
        ("YTD there have been 1,402 referrals.", "2022-04/2023-03"),
        ("Apr 22 – Sep 22: 1,902 contacts.", "2022-04/2022-09"),
        ("In H1 2022/23 there were 36 ICPCs.", "2022-04/2022-09"),
        ("In H2 2021/22 there were 36 ICPCs.", "2021-10/2022-03"),
    ] {
        assert_eq!(last_when(line).as_deref(), Some(want), "{line}");
    }
    // An acronym's count at a line's start is no heading's number.
    assert_eq!(
        linked("• 301 CLA (down 5 on last month)"),
        [("children_in_care".to_string(), 301.0)]
    );
    assert_eq!(
        linked("6 IMPLICATIONS\nThere are 301 CLA."),
        [("children_in_care".to_string(), 301.0)]
    );
    // A day after a month is still a day.
    assert_eq!(
        last_when("As at March 1 there were 301 children in care.").as_deref(),
        Some("2023-03-01")
    );
}

/// Every figure of one line, indicator or not, with its `when`.
fn every_when(line: &str) -> Vec<(Option<String>, f64, Option<String>)> {
    let text = format!("{HEADER}{line}\n");
    extract("line.txt", &text, &Options::default())
        .figures
        .into_iter()
        .map(|f| (f.indicator, f.value, f.when))
        .collect()
}

#[test]
fn compared_values_keep_their_own_time_and_the_sentence_goes_on_about_its_own() {
    // A sentence naming only the time of what it compares with goes on about the one
    // before's, and so does the next one.
    assert_eq!(
        dated_line("As at 31 December 2022, 523 children were looked after. The number of children with a Child Protection Plan was 402, up from 371 at the end of March 2022. There were 2,811 Children in Need."),
        owned(&[
            ("children_in_care", 523.0, Some("2022-12-31")),
            ("child_protection_plans", 402.0, Some("2022-12-31")),
            ("child_protection_plans", 371.0, Some("2022-03")),
            ("children_in_need", 2811.0, Some("2022-12-31")),
        ])
    );
    // A time in brackets just after a value is that value's.
    assert_eq!(
        dated_line("Initial child protection conferences held within 15 working days: 91% (Q3), 88% (Q2 2022/23)."),
        owned(&[
            ("icpc_on_time_pct", 91.0, Some("2022-10/2022-12")),
            ("icpc_on_time_pct", 88.0, Some("2022-07/2022-09")),
        ])
    );
    assert_eq!(
        dated_line("Children in care: 412 (December 2022), 398 (March 2022)."),
        owned(&[
            ("children_in_care", 412.0, Some("2022-12")),
            ("children_in_care", 398.0, Some("2022-03")),
        ])
    );
    // Values listed with their times, parted by semicolons, are of one indicator.
    assert_eq!(
        dated_line("Referrals: 1,204 (2021/22); 1,310 (2020/21)."),
        owned(&[
            ("referrals", 1204.0, Some("2021-04/2022-03")),
            ("referrals", 1310.0, Some("2020-04/2021-03")),
        ])
    );
    // The time after an earlier value is that value's, even of a figure of no indicator.
    assert_eq!(
        every_when("The agency worker rate is 18% (down from 26% in March 2022)."),
        [
            (None, 18.0, None),
            (None, 26.0, Some("2022-03".to_string()))
        ]
    );
    // "since April 2022", in March 2023, runs to now: the count in force after it is of now,
    // and so is the percentage after that.
    assert_eq!(
        dated_line("12 new foster carers had been approved since April 2022. The number of children on a child protection plan stood at 118. 95.5% of looked after children had their reviews on time."),
        owned(&[
            ("child_protection_plans", 118.0, Some("2023-03-15")),
            ("cla_reviews_on_time_pct", 95.5, Some("2023-03-15")),
        ])
    );
    // After "compared to 19 for the whole of 2021/22", what follows is not of 2021/22.
    assert_eq!(
        last_when("There have been 12 adoptions so far in 2022/23 compared to 19 for the whole of 2021/22. Children placed for adoption: 8.").as_deref(),
        Some("2022-04/2023-03")
    );
    // A count over a period is of no one day: after a count at a day, a count of events with
    // no time of its own is of the report's period.
    assert_eq!(
        dated("Annual Statistics 2021/22\nReport date: 10 September 2022\n\nThe number of children on the Child Protection Register at 31 July 2022 was 61. There were 113 Inter-agency Referral Discussions in the year, and 79 child protection planning meetings were held.\n"),
        owned(&[
            ("child_protection_plans", 61.0, Some("2022-07-31")),
            ("initial_cp_conferences", 79.0, Some("2021-04/2022-03")),
        ])
    );
    // A time that could not be dated ("in the quarter", of no known quarter) passes on no
    // date either.
    assert_eq!(
        dated_line("There are currently 178 care leavers. 88% of child protection reviews were held within timescales in the quarter. 93.5% of CLA reviews were completed on time."),
        owned(&[
            ("care_leavers", 178.0, Some("2023-03-15")),
            ("cp_reviews_on_time_pct", 88.0, None),
            ("cla_reviews_on_time_pct", 93.5, None),
        ])
    );
    // A rate in brackets is an aside: the value after it is the count's earlier one.
    check_typed(&[(
        "The number of children with a Child Protection Plan was 402 (rate 60 per 10,000), up from 371.",
        &[
            ("child_protection_plans", 402.0, "Count", "Local"),
            ("child_protection_plans", 60.0, "Per10k", "Local"),
            ("child_protection_plans", 371.0, "Count", "Local"),
        ],
    )]);
}

#[test]
fn services_joining_and_leaving_care_and_events_done() {
    check(&[
        (
            "The Panel was advised that 96 young people were open to the Leaving Care Team.",
            &[("care_leavers", 96.0)],
        ),
        (
            "There are 61 young people aged 16-25 receiving support from the 16+ team.",
            &[("care_leavers", 61.0)],
        ),
        (
            "140 young people are supported by the 16+ team.",
            &[("care_leavers", 140.0)],
        ),
        (
            "Members noted that 38 children had become looked after during Quarter 3 and 41 had ceased to be looked after.",
            &[("entered_care", 38.0), ("left_care", 41.0)],
        ),
        ("New into care: 17", &[("entered_care", 17.0)]),
        ("Ceased care: 22", &[("left_care", 22.0)]),
        ("CLA starters: 14", &[("entered_care", 14.0)]),
        ("CLA leavers: 19", &[("left_care", 19.0)]),
        (
            "Section 47 enquiries: 812 commenced between April and December.",
            &[("section_47_enquiries", 812.0)],
        ),
        (
            "12 new registrations and 19 de-registrations took place during the quarter.",
            &[("cp_plans_started", 12.0), ("cp_plans_ended", 19.0)],
        ),
        (
            "CP plans lasting 2 years +: 3.1%",
            &[("cp_plans_2_years_pct", 3.1)],
        ),
        (
            "ICPCs held: 41 (within 15 days: 83%)",
            &[("initial_cp_conferences", 41.0), ("icpc_on_time_pct", 83.0)],
        ),
        // ... or on a line of its own after the count.
        (
            "Single assessments completed: 498\nCompleted within 45 working days: 86.7%",
            &[("assessments", 498.0), ("assessments_on_time_pct", 86.7)],
        ),
        (
            "There were 455 children in care. 86.7% were completed within 45 working days.",
            &[("children_in_care", 455.0)],
        ),
        // Contacts that became referrals are not referrals that went on to assessment.
        ("Contact to referral conversion: 21%", &[]),
        // Referrals another service received are not children's social care's.
        (
            "The Children's Reporter received 402 referrals concerning 318 children.",
            &[],
        ),
        // A team that is not one of the services named counts no one.
        ("96 young people were open to the Youth Justice Team.", &[]),
        ("The 12 children had become settled in their placements.", &[]),
    ]);
    // A target stated as a bound is still the target, of the indicator beside it.
    let targets = |line: &str| {
        let text = format!("{HEADER}{line}\n");
        extract("line.txt", &text, &Options::default())
            .figures
            .into_iter()
            .map(|f| (f.indicator, f.value, f.target))
            .collect::<Vec<_>>()
    };
    for line in [
        "Re-referrals within 12 months: 19.8% (target below 20%)",
        "Re-referrals within 12 months: 19.8% (target: below 20%)",
        "Re-referrals within 12 months were 19.8%, against a target of less than 20%.",
    ] {
        let re = Some("re_referrals_pct".to_string());
        assert_eq!(
            targets(line),
            [(re.clone(), 19.8, false), (re, 20.0, true)],
            "{line}"
        );
    }
}

#[test]
fn a_dashboard_of_one_month() {
    let text = "Children's Social Care Dashboard\nPeriod: February 2023 (reported 13 March 2023)\n\nFront Door\nContacts this month: 1,406 (Jan: 1,322)\nReferrals: 298 (21% of contacts)\nCIC: 451 (rate 66 per 10k)\nNew into care: 17\n";
    let doc = extract("dashboard.txt", text, &Options::default());
    // The date it was reported on is the document's.
    assert_eq!(doc.meta.date.as_deref(), Some("2023-03-13"));
    // The period line is the time of what has none of its own; "this month" is that month.
    assert_eq!(
        dated(text),
        owned(&[
            ("contacts", 1406.0, Some("2023-02")),
            ("contacts", 1322.0, Some("2023-01")),
            ("referrals", 298.0, Some("2023-02")),
            ("children_in_care", 451.0, Some("2023-02")),
            ("children_in_care", 66.0, Some("2023-02")),
            ("entered_care", 17.0, Some("2023-02")),
        ])
    );
    assert_eq!(
        typed("CIC: 451 (rate 66 per 10k)")[1],
        (
            "children_in_care".to_string(),
            66.0,
            "Per10k".to_string(),
            "Local".to_string()
        )
    );
}

#[test]
fn scorecard_abbreviations_lines_apart_and_forecasts() {
    // Each line its own label and value: a "%" that opens the next line is not the value's
    // unit, and a word on the next line is not the noun a value counts.
    assert_eq!(
        typed("No. CP plans: 198\n% of CP plans that were repeat: 21%\nLAC rate per 10k: 72\nNumber of children subject to CIN plans – 611"),
        [
            ("child_protection_plans", 198.0, "Count"),
            ("repeat_cp_plans_pct", 21.0, "Percent"),
            ("children_in_care", 72.0, "Per10k"),
            ("children_in_need", 611.0, "Count"),
        ]
        .map(|(i, v, u)| (i.to_string(), v, u.to_string(), "Local".to_string()))
    );
    check(&[
        (
            "% care leavers in suitable accom: 92%",
            &[("care_leavers_accommodation_pct", 92.0)],
        ),
        // Foreseen, not a result.
        (
            "We expect the number of children looked after to reach 500 by March 2024.",
            &[],
        ),
        (
            "The number of children looked after is forecast to be 480 at year end.",
            &[],
        ),
        ("Referrals are projected at 5,200 for the year.", &[]),
        (
            "There are 412 children looked after, more than expected.",
            &[("children_in_care", 412.0)],
        ),
    ]);
}

#[test]
fn parts_named_in_their_own_right_and_what_each_percentage_is_of() {
    check(&[
        // A part the vocabulary names in its own right is that indicator; another part is
        // not more of it.
        (
            "Of the 389, 42 are unaccompanied asylum-seeking children.",
            &[("uasc", 42.0)],
        ),
        (
            "There are 412 children in care, of whom 14 were placed for adoption and 98 were in foster care.",
            &[("children_in_care", 412.0), ("placed_for_adoption", 14.0)],
        ),
        // Each percentage of the words after it, not of the words the one before has.
        (
            "Of our care leavers aged 19-21, 61% are in education, employment or training and 89% are in suitable accommodation.",
            &[
                ("care_leavers_eet_pct", 61.0),
                ("care_leavers_accommodation_pct", 89.0),
            ],
        ),
        // ... but a comparator in brackets after a percentage is of the words before it.
        (
            "Of care leavers aged 19 to 21, 58% are in education, employment or training (national 56%) and 91% are in suitable accommodation (national 88%).",
            &[
                ("care_leavers_eet_pct", 58.0),
                ("care_leavers_eet_pct", 56.0),
                ("care_leavers_accommodation_pct", 91.0),
                ("care_leavers_accommodation_pct", 88.0),
            ],
        ),
        (
            "58% of care leavers are in education, employment or training (2023: 52%) and 91% are in suitable accommodation (2023: 89%).",
            &[
                ("care_leavers_eet_pct", 58.0),
                ("care_leavers_eet_pct", 52.0),
                ("care_leavers_accommodation_pct", 91.0),
                ("care_leavers_accommodation_pct", 89.0),
            ],
        ),
        (
            "Care leavers in EET: 55%, in suitable accommodation: 91%",
            &[
                ("care_leavers_eet_pct", 55.0),
                ("care_leavers_accommodation_pct", 91.0),
            ],
        ),
        // Bare "plans" are child protection plans where such plans were just named.
        (
            "During Q3, 92 children became subject to a plan and 81 plans ended.",
            &[("cp_plans_started", 92.0), ("cp_plans_ended", 81.0)],
        ),
        ("In the year 255 plans ended.", &[]),
    ]);
    check_typed(&[(
        "The rate of 67.4 per 10,000 children is below the national rate of 70 and the regional rate of 88.",
        &[],
    )]);
    let areas = every_area("This equates to 67.4 children in care per 10,000, below the national rate of 70 and the regional rate of 88.");
    assert_eq!(areas, ["Local", "England", "Region"]);
    // "in the quarter" is the quarter just named.
    assert_eq!(
        dated_line("The MASH received 4,512 contacts in Q3, of which 27% progressed to referral. Referrals in the quarter: 1,218."),
        owned(&[
            ("contacts", 4512.0, Some("2022-10/2022-12")),
            ("referrals", 1218.0, Some("2022-10/2022-12")),
        ])
    );
}

/// The area of every figure of one line.
fn every_area(line: &str) -> Vec<String> {
    let text = format!("{HEADER}{line}\n");
    extract("line.txt", &text, &Options::default())
        .figures
        .into_iter()
        .map(|f| format!("{:?}", f.area))
        .collect()
}

#[test]
fn a_row_label_day_falls_in_each_column_year() {
    let text = "Annual Performance Report 2023/24\nChildren's Scrutiny Panel, 11 June 2024\n\n                                        2021/22    2022/23    2023/24\nReferrals                                 3,987      4,120      4,388\nChildren in care (31 March)                 402        415        431\n";
    assert_eq!(
        dated(text),
        owned(&[
            ("referrals", 3987.0, Some("2021-04/2022-03")),
            ("referrals", 4120.0, Some("2022-04/2023-03")),
            ("referrals", 4388.0, Some("2023-04/2024-03")),
            ("children_in_care", 402.0, Some("2022-03-31")),
            ("children_in_care", 415.0, Some("2023-03-31")),
            ("children_in_care", 431.0, Some("2024-03-31")),
        ])
    );
}

#[test]
fn since_the_start_of_the_year_one_months_figure_and_a_count_said_to_be_now() {
    for (line, want) in [
        (
            "Twenty-three children had come into care since the start of the year.",
            "2023-01/2023-03",
        ),
        (
            "23 children came into care since the beginning of the current financial year.",
            "2022-04/2023-03",
        ),
    ] {
        assert_eq!(last_when(line).as_deref(), Some(want), "{line}");
    }
    // A month's figure called the highest monthly one is no monthly average.
    assert_eq!(
        dated_line("Officers reported 37 new child protection plans in February, the highest monthly figure this year."),
        one("cp_plans_started", 37.0, "2023-02")
    );
    // A count said to have changed to its value is of now, after a sentence about the year;
    // after a day, of that day.
    assert_eq!(
        last_when("37 new plans began in February, the most this year. The number of foster carers has fallen from 148 in April 2022 to 139.").as_deref(),
        Some("2023-03-15")
    );
    assert_eq!(
        last_when("As at 13th March there are 366 children in care. The number of open cases has risen to 1840, up from 1778 in October.").as_deref(),
        Some("2022-10")
    );
    assert_eq!(
        dated_line("As at 13th March there are 366 children in care. The number of open cases has risen to 1840, up from 1778 in October.")[1],
        ("open_cases".to_string(), 1840.0, Some("2023-03-13".to_string()))
    );
}

#[test]
fn people_an_activity_reached_and_referrals_other_services_receive() {
    check(&[
        (
            "Training was delivered to 120 foster carers during the year.",
            &[],
        ),
        (
            "A survey of 85 care leavers found that 72% felt well supported.",
            &[],
        ),
        (
            "The 16 children in care who sat GCSEs achieved an average of 4 passes.",
            &[],
        ),
        ("CAMHS referrals: 212", &[]),
        ("Referrals to Early Help: 300", &[]),
        // Offered to all of them: the whole.
        (
            "Training was offered to all 120 foster carers.",
            &[("foster_carers", 120.0)],
        ),
        ("Referrals from the police: 400", &[("referrals", 400.0)]),
    ]);
}

#[test]
fn what_a_sentence_compares_with_dates_neither_it_nor_the_next() {
    // "This compares with 349 at the end of March": the next sentence is not of March.
    assert_eq!(
        dated_line("As at 28 February 2023 there were 356 children looked after by the Council. This compares with 349 at the end of March 2022. Of these, 38 were unaccompanied asylum seeking children."),
        owned(&[
            ("children_in_care", 356.0, Some("2023-02-28")),
            ("children_in_care", 349.0, Some("2022-03")),
            ("uasc", 38.0, Some("2023-02-28")),
        ])
    );
    // The end of the quarter before the figure's.
    assert_eq!(
        dated_line("The number of children subject to a child protection plan was 201 in Q3, a decrease from 224 at the end of the previous quarter."),
        owned(&[
            ("child_protection_plans", 201.0, Some("2022-10/2022-12")),
            ("child_protection_plans", 224.0, Some("2022-09")),
        ])
    );
}

#[test]
fn the_number_after_one_indicator_and_counts_in_force_sharing_a_time() {
    // "the number" is the one indicator the sentence before counted; after two, neither.
    assert_eq!(
        dated_line("There were 350 children in care at 30 September 2022. By February the number had increased to 362."),
        owned(&[
            ("children_in_care", 350.0, Some("2022-09-30")),
            ("children_in_care", 362.0, Some("2023-02")),
        ])
    );
    // Counts in force joined by "and" share the time that closes them.
    assert_eq!(
        dated_line("There were 350 children in care and 240 children on plans at 30 September. By February the number had increased to 362."),
        owned(&[
            ("children_in_care", 350.0, Some("2022-09-30")),
            ("child_protection_plans", 240.0, Some("2022-09-30")),
        ])
    );
    // A part picked out by school year is no count of all.
    check(&[(
        "Key Stage 4: 11 of the 24 children in care in Year 11 achieved grade 4 or above in English and maths.",
        &[],
    )]);
    // The time of a value in brackets after a figure is not the figure's.
    assert_eq!(
        every_when("The figure was 287 (2021: 301; 2020: 296)."),
        [
            (None, 287.0, None),
            (None, 301.0, Some("2021".to_string())),
            (None, 296.0, Some("2020".to_string())),
        ]
    );
}

#[test]
fn numbered_answers_to_numbered_questions() {
    let text = "Freedom of Information Request\nDate of response: 3 September 2024\n\nYour request:\n1. How many children were in the care of the council on 31 March 2024?\n2. How many of these were placed outside the county?\n3. How many children were subject to a child protection plan on 31 March 2024?\n\nOur response:\n1. 274\n2. 61\n3. 158\n";
    // The question's indicator and date; a question about a part gives its answer none.
    assert_eq!(
        dated(text),
        owned(&[
            ("children_in_care", 274.0, Some("2024-03-31")),
            ("child_protection_plans", 158.0, Some("2024-03-31")),
        ])
    );
    let part =
        "Date: 3 September 2024\n\n1. How many children in care were aged 16 or over?\n\n1. 61\n";
    assert_eq!(dated(part), owned(&[]));
    // Without a question to answer, a numbered value is no indicator figure.
    assert_eq!(dated("Date: 3 September 2024\n\n1. 61\n"), owned(&[]));
}

#[test]
fn a_number_after_quarter_a_region_in_brackets_and_times_of_an_event() {
    // "the quarter 1,104": a number, not the first quarter.
    assert_eq!(
        dated("DATE: 15th March 2023\nQuarter 3 2022-23\n\nDuring the quarter 1,104 contacts were received.\n"),
        one("contacts", 1104.0, "2022-10/2022-12")
    );
    // A comparator named before its figure in brackets.
    assert_eq!(
        every_area("Our rate of children in care is 103 per 10,000, above the North West (97) and England (70)."),
        ["Local", "Region", "England"]
    );
    assert_eq!(
        linked(
            "The rate of children on CP plans was 48.2, higher than the national average (42.1)."
        ),
        [
            ("child_protection_plans".to_string(), 48.2),
            ("child_protection_plans".to_string(), 42.1)
        ]
    );
    // "since the inspection in June 2022": the time changed from, not the figure's.
    assert_eq!(
        dated_line("Average social worker caseloads have reduced from 24 to 19 since the inspection in June 2022."),
        owned(&[
            ("social_worker_caseload", 24.0, None),
            ("social_worker_caseload", 19.0, Some("2023-03-15")),
        ])
    );
    for line in [
        "Adoption orders were granted for a further 4 children in early January.",
        "In mid-January 4 children were adopted.",
    ] {
        assert_eq!(last_when(line).as_deref(), Some("2023-01"), "{line}");
    }
    // GOV.UK writes a financial year "2021 to 2022"; "from 2021 to 2022" is two years.
    assert_eq!(
        dated("Annual Report 2021 to 2022\nPublished September 2022\n\n- 4,706 referrals to children's social care\n"),
        one("referrals", 4706.0, "2021-04/2022-03")
    );
    assert_eq!(when("Referrals rose by 4% from 2021 to 2022."), None);
}

#[test]
fn registered_children_and_visits_within_days() {
    check(&[
        (
            "There were 402 children on the Child Protection Register. In the year, 281 children were registered.",
            &[("child_protection_plans", 402.0), ("cp_plans_started", 281.0)],
        ),
        (
            "Only 64% of child protection visits were completed within 10 working days.",
            &[("statutory_visits_on_time_pct", 64.0)],
        ),
        (
            "CIN visits undertaken within 4 weeks: 81%",
            &[("statutory_visits_on_time_pct", 81.0)],
        ),
        // Elsewhere, registering is no child protection.
        ("There were 12 deaths in the year; 281 births were registered.", &[]),
        ("92% of new birth visits were completed within 14 days.", &[]),
    ]);
}

#[test]
fn differences_abbreviations_in_labels_and_shares_in_time() {
    check(&[
        // A difference from last year is no value of it.
        (
            "The number of looked after children was 461. This is 9 fewer than at the same point last year.",
            &[("children_in_care", 461.0)],
        ),
        (
            "There were 461 looked after children, 9 fewer than last year.",
            &[("children_in_care", 461.0)],
        ),
        // "excl." ends no sentence.
        ("CIN (excl. CP and CIC): 1,102", &[("children_in_need", 1102.0)]),
        // A council's own name for its register.
        (
            "There were 71 children on the Highland Child Protection Register.",
            &[("child_protection_plans", 71.0)],
        ),
        // A share in time of the events counted before it, however the time is said.
        (
            "Child protection: 98 ICPCs (78% in 15 days).",
            &[("initial_cp_conferences", 98.0), ("icpc_on_time_pct", 78.0)],
        ),
        (
            "Assessments: 2,011 completed; 83% in 45 working days.",
            &[("assessments", 2011.0), ("assessments_on_time_pct", 83.0)],
        ),
        (
            "76% of assessments were completed within the statutory 42 days.",
            &[("assessments_on_time_pct", 76.0)],
        ),
        (
            "IROs chaired 1,486 reviews for children looked after, and 96.2% of these were held within timescales.",
            &[("cla_reviews_on_time_pct", 96.2)],
        ),
        // "1 in 5" is a ratio; "in 15 days" a timescale.
        ("1 in 5 referrals were repeat referrals.", &[]),
    ]);
    // A figure's time said after the long name it counts.
    assert_eq!(
        dated("DATE: 21 October 2022\n\nThere were 287 children on CP plans at 30 Sept.\n1,246 Children and Family Assessments were completed in Q1, 86% within 45 working days.\n"),
        owned(&[
            ("child_protection_plans", 287.0, Some("2022-09-30")),
            ("assessments", 1246.0, Some("2022-04/2022-06")),
            ("assessments_on_time_pct", 86.0, Some("2022-04/2022-06")),
        ])
    );
}

/// Every figure of one line: (indicator, value, unit) as the output names them.
fn every_value(line: &str) -> Vec<(Option<String>, f64, String)> {
    let text = format!("{HEADER}{line}\n");
    extract("line.txt", &text, &Options::default())
        .figures
        .into_iter()
        .map(|f| (f.indicator, f.value, format!("{:?}", f.unit)))
        .collect()
}

#[test]
fn three_quarters_of_a_year_is_a_time_not_a_fraction() {
    assert_eq!(
        every_value("Referrals fell to 2,840 in the first three quarters of the year."),
        [(Some("referrals".to_string()), 2840.0, "Count".to_string())]
    );
}

#[test]
fn fractions_in_words_units_counted_in_and_core_cities() {
    let third = 1.0 / 3.0;
    // A fraction in words is kept as stated, and is no percentage.
    assert_eq!(
        every_value("A third of care leavers are not in education, employment or training."),
        [(None, third, "Count".to_string())]
    );
    assert_eq!(
        every_value("Around three quarters of our children in care live in family settings."),
        [(None, 0.75, "Count".to_string())]
    );
    assert_eq!(
        every_value("Two-thirds of referrals come from the police."),
        [(None, 2.0 / 3.0, "Count".to_string())]
    );
    // "three" alone is still three; "two of them" no figure.
    assert_eq!(
        every_value("Three children were adopted; two of them were siblings."),
        [(Some("adoptions".to_string()), 3.0, "Count".to_string())]
    );
    check(&[
        (
            "Early help: 2,944 families supported",
            &[("early_help", 2944.0)],
        ),
        ("Foster carers: 488 households", &[("foster_carers", 488.0)]),
        ("Referrals to Early Help: 300", &[]),
        // A committee's number and an age are no figures.
        ("Subject Overview and Scrutiny Committee 2", &[]),
    ]);
    assert_eq!(
        every_value("Officers confirmed that no child under 16 was in such a placement."),
        []
    );
    // The core cities' rate beside the council's, in the same unit.
    assert_eq!(
        every_value("Children looked after: 1,302 (rate 80.4 per 10k; core cities 93.1)"),
        [
            (
                Some("children_in_care".to_string()),
                1302.0,
                "Count".to_string()
            ),
            (
                Some("children_in_care".to_string()),
                80.4,
                "Per10k".to_string()
            ),
            (
                Some("children_in_care".to_string()),
                93.1,
                "Per10k".to_string()
            ),
        ]
    );
    assert_eq!(
        every_area("Children looked after: 1,302 (rate 80.4 per 10k; core cities 93.1)"),
        ["Local", "Local", "Other"]
    );
}

#[test]
fn footnote_marks_register_reviews_approvals_and_results_of_two_periods() {
    check(&[
        // A footnote's mark after a value.
        ("Care leavers: 231¹", &[("care_leavers", 231.0)]),
        ("Children looked after: 412*", &[("children_in_care", 412.0)]),
        // Reviews of the register's plans, not of children in care.
        (
            "The Panel noted that 87% of CPR reviews were held within timescales.",
            &[("cp_reviews_on_time_pct", 87.0)],
        ),
        // Carers recommended for approval join; they are not the carers there are.
        (
            "The panel recommended approval of 14 new mainstream fostering households and 9 connected persons carers.",
            &[],
        ),
    ]);
    // A table's cells with footnote marks.
    assert_eq!(
        dated("Date: 12 March 2023\n\nMeasure                                   Feb 2023   Jan 2023\nChildren looked after                        412*       409\nCare leavers                                 231¹       228\n"),
        owned(&[
            ("children_in_care", 412.0, Some("2023-02")),
            ("children_in_care", 409.0, Some("2023-01")),
            ("care_leavers", 231.0, Some("2023-02")),
            ("care_leavers", 228.0, Some("2023-01")),
        ])
    );
    // A year's outturn and the next year's so far, parted by a semicolon.
    assert_eq!(
        dated_line(
            "Referrals: 2021/22 outturn 4,412; 2022/23 year to date (April-December) 3,501."
        ),
        owned(&[
            ("referrals", 4412.0, Some("2021-04/2022-03")),
            ("referrals", 3501.0, Some("2022-04/2022-12")),
        ])
    );
}

#[test]
fn dashboards_without_row_labels_numerators_samples_and_the_present_after_a_year() {
    // Headings over one row of values: every heading names its column; the title's month is
    // the figures', not the day the dashboard was produced.
    assert_eq!(
        dated("Children's Services Dashboard - February 2023\nDate produced: 6 March 2023\n\nCONTACTS\tREFERRALS\tS47\n1,644\t402\t97\n"),
        owned(&[
            ("contacts", 1644.0, Some("2023-02")),
            ("referrals", 402.0, Some("2023-02")),
            ("section_47_enquiries", 97.0, Some("2023-02")),
        ])
    );
    // (A year is still a row's label.)
    assert_eq!(
        dated("DATE: 15th March 2023\n\nYear\tContacts\n2021\t31,854\n2022\t29,565\n"),
        owned(&[
            ("contacts", 31854.0, Some("2021")),
            ("contacts", 29565.0, Some("2022")),
        ])
    );
    check(&[
        // The count a share in brackets is of: not all care leavers.
        (
            "72 care leavers aged 19-21 (34%) were not in education, employment or training.",
            &[("care_leavers_neet_pct", 34.0)],
        ),
        // The children whose cases inspectors looked at are some of them.
        (
            "Inspectors looked at the experiences of 38 children in need.",
            &[],
        ),
        ("Question 2: How many care leavers are NEET?", &[]),
        ("We have 32 mainstream carers.", &[("foster_carers", 32.0)]),
    ]);
    // After a sentence about this year, counts in force said in the present are of now.
    assert_eq!(
        dated_line("The total this year is 14 adoptions. We have 32 mainstream carers and 14 kinship carers."),
        owned(&[
            ("adoptions", 14.0, Some("2023")),
            ("foster_carers", 32.0, Some("2023-03-15")),
            ("foster_carers", 14.0, Some("2023-03-15")),
        ])
    );
}

#[test]
fn other_services_contacts_and_a_workers_caseload() {
    check(&[
        // Adult social care's front door is not children's.
        (
            "The number of contacts to Adult Social Care was 9,102 in Q3, and 1,840 referrals were made to the reablement service.",
            &[],
        ),
        ("Contacts to ASC: 2,301", &[]),
        // (Children's social care's own are still counted.)
        (
            "The number of contacts to the front door was 9,102.",
            &[("contacts", 9102.0)],
        ),
        // One worker's caseload is not the whole cohort.
        (
            "Personal Advisers have an average caseload of 22 care leavers.",
            &[],
        ),
        ("We support 284 care leavers.", &[("care_leavers", 284.0)]),
    ]);
}

#[test]
fn the_end_of_the_quarter_named_before_and_a_reports_number() {
    // "at the end of the quarter" after a quarter and a census day: the quarter's end.
    assert_eq!(
        dated("Date: 6 March 2023\n\nIn the third quarter, 1,311 contacts were received.\nThe census on 31 March 2022 recorded 845 children receiving care and support.\nThere were 58 children on the CPR at the end of the quarter.\n"),
        owned(&[
            ("contacts", 1311.0, Some("2022-10/2022-12")),
            ("children_in_need", 845.0, Some("2022-03-31")),
            ("child_protection_plans", 58.0, Some("2022-12")),
        ])
    );
    check(&[("Report No 45-2022", &[])]);
    assert_eq!(every_value("Report No 45-2022"), []);
}

#[test]
fn every_name_of_the_leaving_care_service_in_either_voice() {
    check(&[
        (
            "The 16+ team supports 61 young people.",
            &[("care_leavers", 61.0)],
        ),
        (
            "The Throughcare service currently supports 120 young people.",
            &[("care_leavers", 120.0)],
        ),
        (
            "61 young people were supported by the 16+ team.",
            &[("care_leavers", 61.0)],
        ),
    ]);
}

#[test]
fn years_ending_31_march_as_columns() {
    // Each column's year ends in its March: a day for a count in force, the year for events.
    assert_eq!(
        dated("Date: 4 December 2022\n\nYear ending 31 March\t2021\t2022\nChildren in care\t361\t372\nReferrals\t3,512\t4,021\n"),
        owned(&[
            ("children_in_care", 361.0, Some("2021-03-31")),
            ("children_in_care", 372.0, Some("2022-03-31")),
            ("referrals", 3512.0, Some("2020-04/2021-03")),
            ("referrals", 4021.0, Some("2021-04/2022-03")),
        ])
    );
    // (Plain years stay years.)
    assert_eq!(
        dated("Date: 4 December 2022\n\nYear\t2021\t2022\nReferrals\t3,512\t4,021\n"),
        owned(&[
            ("referrals", 3512.0, Some("2021")),
            ("referrals", 4021.0, Some("2022")),
        ])
    );
}

#[test]
fn episodes_of_children_going_missing_named_just_before() {
    check(&[
        (
            "The number of children missing from care had fallen, with 47 episodes in September.",
            &[("missing_episodes", 47.0)],
        ),
        // Episodes of care are another thing; episodes with nothing missing named, nothing.
        (
            "Children missing education were tracked; there were 512 episodes of care in the year.",
            &[],
        ),
        ("There were 512 episodes in the year.", &[]),
    ]);
}

#[test]
fn records_of_a_label_and_its_value_each_on_a_line() {
    // A long line ending on its value is a record of its own: the next line's words are not
    // its indicator (they made every value below "placements" moves).
    check(&[(
        "PI 24: Percentage of assessments completed for children within statutory timescales: 87.3%\nPI 25: Percentage of children supported to remain living within their family: 64.9%\nPI 33: Percentage of children looked after on 31 March who have had three or more placements during the year: 10.4%",
        &[
            ("assessments_on_time_pct", 87.3),
            ("placement_moves_3plus_pct", 10.4),
        ],
    )]);
    // Numbers that label a measure, a month of the budget or a period are no figures.
    for line in [
        "Measure 24: Percentage of children supported to remain living within their family: 64.9%",
        "Budget Monitoring Report: Month 6 2024/25",
        "Period 9 forecast outturn",
        "KPI 12 is on track",
    ] {
        assert!(
            every_value(line)
                .iter()
                .all(|(_, v, u)| u == "Percent" && *v == 64.9),
            "{line}: {:?}",
            every_value(line)
        );
    }
}

#[test]
fn a_number_after_and_starts_a_clause_of_its_own() {
    check(&[
        (
            "Of these, 61 live in residential homes, 298 with foster carers and 43 are placed with parents.",
            &[],
        ),
        (
            "We have 210 children placed with foster carers and 40 in residential care.",
            &[],
        ),
        // (A noun before its value still names it.)
        (
            "The number of foster carers was 183.",
            &[("foster_carers", 183.0)],
        ),
    ]);
}

#[test]
fn months_and_days_named_against_the_report_date() {
    // HEADER dates every line 15 March 2023.
    check_with(
        &[
            (
                "The number fell from 444 children in care last May.",
                &["2022-05"],
            ),
            (
                "There were 320 children in care last February.",
                &["2023-02"],
            ),
            (
                "In March last year there were 301 children in care.",
                &["2022-03"],
            ),
            (
                "In January this year there were 305 children in care.",
                &["2023-01"],
            ),
            (
                "As at 30-Nov-2022 there were 417 children in care.",
                &["2022-11-30"],
            ),
            (
                "As at 30-Nov-22 there were 417 children in care.",
                &["2022-11-30"],
            ),
            (
                "As at 30th Nov. 2022 there were 417 children in care.",
                &["2022-11-30"],
            ),
            // (Two digits that count are no year: "on 30 November 24 children".)
            ("On 28 February 24 children entered care.", &["2023-02-28"]),
        ],
        |line| dated_line(line).into_iter().map(|(_, _, w)| w).collect(),
        |w: &&str| Some(w.to_string()),
    );
    assert_eq!(
        every_value("On 28 February 24 children entered care."),
        [(Some("entered_care".to_string()), 24.0, "Count".to_string())]
    );
    // "last month" after a day's figure is the month before that day's.
    assert_eq!(
        dated_line("As of 31.01.23, the number of Looked After Children is 287, a slight decrease from last month (291)."),
        owned(&[
            ("children_in_care", 287.0, Some("2023-01-31")),
            ("children_in_care", 291.0, Some("2022-12")),
        ])
    );
    assert_eq!(
        dated_line("There were 287 children in care, compared with 291 last month."),
        owned(&[
            ("children_in_care", 287.0, Some("2023-03-15")),
            ("children_in_care", 291.0, Some("2023-02")),
        ])
    );
    // A bilingual paper dated in Welsh first.
    assert_eq!(
        dated("Dyddiad / Date: 21 Tachwedd 2023 / 21 November 2023\n\nThere were 87 children on the Child Protection Register.\n"),
        one("child_protection_plans", 87.0, "2023-11-21")
    );
    assert_eq!(
        dated("Dyddiad: 3 Mawrth 2023\n\nThere are 198 looked after children.\n"),
        one("children_in_care", 198.0, "2023-03-03")
    );
}

#[test]
fn a_relative_period_that_opens_a_sentence_frames_it() {
    for line in [
        "In the last financial year, 96 children entered care and 102 left care.",
        "During the last financial year, 96 children came into our care and 102 left care.",
    ] {
        assert_eq!(
            dated_line(line),
            owned(&[
                ("entered_care", 96.0, Some("2021-04/2022-03")),
                ("left_care", 102.0, Some("2021-04/2022-03")),
            ]),
            "{line}"
        );
    }
    // "During the quarter" after the end of a quarter was named is that quarter.
    assert_eq!(
        dated("Date: 21 November 2022\n\nThere were 87 children on the Child Protection Register at the end of Quarter 2.\nDuring the quarter, 1,266 contacts were received.\n"),
        owned(&[
            ("child_protection_plans", 87.0, Some("2022-09")),
            ("contacts", 1266.0, Some("2022-07/2022-09")),
        ])
    );
}

#[test]
fn targets_after_signs_and_semicolons() {
    check(&[
        (
            "Re-referral rate: 18.2% (Q2 20.1%; target <=20%)",
            &[
                ("re_referrals_pct", 18.2),
                ("re_referrals_pct", 20.1),
                ("re_referrals_pct", 20.0),
            ],
        ),
        (
            "Assessments within 45 days: 81% (target: >= 85%)",
            &[
                ("assessments_on_time_pct", 81.0),
                ("assessments_on_time_pct", 85.0),
            ],
        ),
    ]);
    let text = format!("{HEADER}Re-referral rate: 18.2% (Q2 20.1%; target <=20%)\n");
    let figures = extract("line.txt", &text, &Options::default()).figures;
    let targets: Vec<bool> = figures.iter().map(|f| f.target).collect();
    assert_eq!(targets, [false, false, true]);
}

#[test]
fn another_services_section_keeps_its_contacts_and_assessments() {
    assert_eq!(
        dated("Date: 12 March 2023\n\nAdult Social Care\nThere were 3,450 contacts and 1,211 assessments completed in the quarter.\n\n4. Housing\nThe housing options team received 987 referrals.\n\nChildren's Social Care\nThere were 2,102 contacts and 512 referrals in February.\n"),
        owned(&[
            ("contacts", 2102.0, Some("2023-02")),
            ("referrals", 512.0, Some("2023-02")),
        ])
    );
    // Care leavers housed are still care leavers under a housing heading.
    check(&[(
        "Housing\n91% of care leavers are in suitable accommodation.",
        &[("care_leavers_accommodation_pct", 91.0)],
    )]);
    check(&[("There were 3,450 contacts to the adult front door.", &[])]);
    // One list of other services serves both: what a referral goes to, and a section's heading.
    check(&[
        (
            "There were 640 referrals to public health nursing in the year.",
            &[],
        ),
        ("Referrals to the homelessness service: 212", &[]),
        (
            "Mental Health\nThere were 301 referrals and 188 assessments.",
            &[],
        ),
        ("Youth Offending\nOpen cases: 64", &[]),
        // A dated line under the title ends no section: it is no heading.
        (
            "Youth Justice Plan\nApproved by the Management Board: 30 July 2024\n\nOf the 96 children open to the service at 31 March 2024, 21 were also looked after.",
            &[],
        ),
    ]);
}

#[test]
fn a_part_of_a_group_that_names_no_indicator() {
    check(&[
        (
            "There were 112 children open to the Youth Justice Service, of whom 19 were looked after.",
            &[],
        ),
        (
            "45 pupils were excluded, of whom 12 were children in care.",
            &[],
        ),
        // (A part of a named group is still read.)
        (
            "There are 412 children in care, of whom 40 are unaccompanied asylum seeking children.",
            &[("children_in_care", 412.0), ("uasc", 40.0)],
        ),
        // A change is no group the count after it is a part of.
        (
            "There are now 31 fewer children in care than a year ago, with 389 children looked after.",
            &[("children_in_care", 389.0)],
        ),
    ]);
}

#[test]
fn more_names_and_the_present_after_a_report_for_a_month() {
    check(&[
        (
            "In 2022/23, 141 children came into our care.",
            &[("entered_care", 141.0)],
        ),
        (
            "There are 171 foster carer households in the county.",
            &[("foster_carers", 171.0)],
        ),
        (
            "Child protection numbers remain stable at 250.",
            &[("child_protection_plans", 250.0)],
        ),
    ]);
    // "The performance report for December" dates the points listed under it.
    assert_eq!(
        dated("Date: 6 February 2023\n\nThe Panel received the performance report for December 2022. The following points were highlighted:\n• the number of children in care had risen slightly to 346;\n• 97 young people were being supported by the leaving care team.\n"),
        owned(&[
            ("children_in_care", 346.0, Some("2022-12")),
            ("care_leavers", 97.0, Some("2022-12")),
        ])
    );
    // A count in the present tense under a period still running is of now; reported speech
    // in minutes ("had risen to") is of the meeting.
    assert_eq!(
        dated("Budget Monitoring Report: Month 6 2022/23\nReport of the Director of Finance, 18 October 2022\n\nThe number of children looked after is 674, an increase of 12 since April.\n"),
        one("children_in_care", 674.0, "2022-10-18")
    );
    assert_eq!(
        dated("Minutes of the meeting held on 12 September 2022\n\nMembers noted that 38 children had become looked after during Quarter 1.\nIt was reported that the number of UASC had risen to 27.\n"),
        owned(&[
            ("entered_care", 38.0, Some("2022-04/2022-06")),
            ("uasc", 27.0, Some("2022-09-12")),
        ])
    );
}

#[test]
fn quarters_of_shortened_years_and_the_previous_quarter() {
    assert_eq!(
        dated("Measure\tQ1 21/22\tQ4 21/22\tQ1 22-23\nChildren in care\t302\t322\t325\n"),
        owned(&[
            ("children_in_care", 302.0, Some("2021-04/2021-06")),
            ("children_in_care", 322.0, Some("2022-01/2022-03")),
            ("children_in_care", 325.0, Some("2022-04/2022-06")),
        ])
    );
    check(&[
        (
            "Contacts – 1,234 (previous quarter 1,100)",
            &[("contacts", 1234.0), ("contacts", 1100.0)],
        ),
        (
            "Referrals: 456 (previous month 470)",
            &[("referrals", 456.0), ("referrals", 470.0)],
        ),
    ]);
    assert_eq!(
        last_when("Ten years ago the council cared for 1,502 children."),
        Some("2013".to_string())
    );
}

#[test]
fn digits_grouped_by_no_break_spaces_and_other_names() {
    check(&[
        (
            "There are 1\u{a0}234 children in need.",
            &[("children_in_need", 1234.0)],
        ),
        (
            "There were 2\u{202f}104 contacts in the year.",
            &[("contacts", 2104.0)],
        ),
        (
            "The number of children in the care of Northshire County Council has hit a record high of 2,104.",
            &[("children_in_care", 2104.0)],
        ),
        (
            "This is largely due to more unaccompanied asylum seeking children, who now number 58.",
            &[("uasc", 58.0)],
        ),
    ]);
}

#[test]
fn ranges_of_days_are_dates_and_an_inspections_dates_date_it() {
    for line in [
        "The inspection took place on 10 and 11 May 2022.",
        "Inspectors visited from 14 to 25 October 2022.",
        "The visit ran 3-5 July.",
    ] {
        assert_eq!(every_value(line), [], "{line}");
    }
    assert_eq!(
        dated("Inspection of children's social care services\nInspection dates: 14 to 25 October 2022\n\nAt the time of the inspection, there were 1,845 children in need and 512 children in care.\n"),
        owned(&[
            ("children_in_need", 1845.0, Some("2022-10-25")),
            ("children_in_care", 512.0, Some("2022-10-25")),
        ])
    );
}

#[test]
fn tables_whose_first_column_numbers_the_rows() {
    assert_eq!(
        dated("KPI\tDescription\tJan-23\tDec-22\tDirection\n1\tNumber of contacts\t1,423\t1,187\tUp\n2\t% of assessments within 45 days\t82.4%\t84.0%\tDown\n3\tNumber of CLA\t301\t297\tUp\n"),
        owned(&[
            ("contacts", 1423.0, Some("2023-01")),
            ("contacts", 1187.0, Some("2022-12")),
            ("assessments_on_time_pct", 82.4, Some("2023-01")),
            ("assessments_on_time_pct", 84.0, Some("2022-12")),
            ("children_in_care", 301.0, Some("2023-01")),
            ("children_in_care", 297.0, Some("2022-12")),
        ])
    );
    // Reference codes number the rows too ("CS01", "PI 12", "NI-62", "2.1"); "Q1" is a time.
    assert_eq!(
        dated("Ref\tIndicator\t2021/22\t2022/23\tStatus\nCS01\tChildren Looked After\t398\t407\tn/a\nPI 12\t% of single assessments completed within 45 days\t89%\t92%\tOn track\n2.1\tNumber of Children on a Child Protection Plan\t211\t236\tn/a\n"),
        owned(&[
            ("children_in_care", 398.0, Some("2021-04/2022-03")),
            ("children_in_care", 407.0, Some("2022-04/2023-03")),
            ("assessments_on_time_pct", 89.0, Some("2021-04/2022-03")),
            ("assessments_on_time_pct", 92.0, Some("2022-04/2023-03")),
            ("child_protection_plans", 211.0, Some("2021-04/2022-03")),
            ("child_protection_plans", 236.0, Some("2022-04/2023-03")),
        ])
    );
}

#[test]
fn the_part_of_a_flow_that_went_on_to_something() {
    check(&[
        ("Contacts progressing to referral: 1,102 (25.2%)", &[]),
        ("Contacts resulting in NFA: 1,871", &[]),
        ("1,871 contacts resulted in no further action.", &[]),
        ("Total contacts received: 4,381", &[("contacts", 4381.0)]),
        // (What went on to something counted of its own leaves the whole its name.)
        (
            "There were 119 Section 47 enquiries, leading to 58 Initial Child Protection Conferences.",
            &[("section_47_enquiries", 119.0), ("initial_cp_conferences", 58.0)],
        ),
        (
            "Referrals within 12 months of a previous referral: 19.8%",
            &[("re_referrals_pct", 19.8)],
        ),
        // A count in brackets after a noun that describes an earlier count is of neither.
        (
            "In 2022/23 there were 612 missing episodes related to children in care (146 children).",
            &[("missing_episodes", 612.0)],
        ),
    ]);
}

#[test]
fn change_columns_team_names_and_throughcare() {
    // A "Change" column holds differences, of no indicator.
    assert_eq!(
        dated("Measure                      2021/22   2022/23   Change\nNumber of CP Plans             288       261      -27\nNumber of Children in Need   1,604     1,722     +118\n"),
        owned(&[
            ("child_protection_plans", 288.0, Some("2021-04/2022-03")),
            ("child_protection_plans", 261.0, Some("2022-04/2023-03")),
            ("children_in_need", 1604.0, Some("2021-04/2022-03")),
            ("children_in_need", 1722.0, Some("2022-04/2023-03")),
        ])
    );
    check(&[
        // A team's name is not what a number after it counts.
        (
            "The average caseload for social workers in the Children in Need teams was 19.",
            &[("social_worker_caseload", 19.0)],
        ),
        (
            "The average caseload in the Leaving Care Team is 21.",
            &[("social_worker_caseload", 21.0)],
        ),
        // Scotland's service for care leavers names them.
        (
            "Throughcare and Aftercare: 203 young people are currently receiving a service.",
            &[("care_leavers", 203.0)],
        ),
    ]);
    assert_eq!(
        dated("Fostering Service Statement of Purpose\nReviewed: April 2023\n\nThe Fostering Service currently has 98 approved fostering households.\n"),
        one("foster_carers", 98.0, "2023-04")
    );
}

#[test]
fn other_services_referrals_action_numbers_and_stopping_care() {
    check(&[
        (
            "Referrals to the Educational Psychology service rose to 412.",
            &[],
        ),
        ("There were 230 referrals to the school nursing team.", &[]),
        ("Action 14: Officers to report the number of children placed with parents.", &[]),
        (
            "97 children started to be looked after during the year and 110 stopped being looked after.",
            &[("entered_care", 97.0), ("left_care", 110.0)],
        ),
        // (Referrals to children's social care are still counted.)
        (
            "Referrals to children's social care rose to 412.",
            &[("referrals", 412.0)],
        ),
    ]);
    assert_eq!(every_value("Action 14: Officers to report back."), []);
}

#[test]
fn the_workforces_own_measures_are_not_children_allocated_a_social_worker() {
    check(&[
        (
            "The vacancy rate for qualified social workers is 14.6%.",
            &[],
        ),
        ("21% of qualified social workers are agency staff.", &[]),
        ("Turnover of qualified social workers: 18%", &[]),
        (
            "98% of children in care have an allocated qualified social worker.",
            &[("allocated_social_worker_pct", 98.0)],
        ),
    ]);
}

#[test]
fn of_these_divides_the_group_counted_just_before() {
    // A group no indicator names: its parts are not the authority's totals.
    check(&[(
        "Number of young people supervised by the YJS: 118\nOf these, 23 were looked after children and 14 were on a child protection plan.",
        &[],
    )]);
    // A group an indicator names: a part of it named by another is still that one's.
    check(&[(
        "There were 533 children looked after at the end of June, an increase of 12. Of these, 41 were unaccompanied asylum seeking children.",
        &[("children_in_care", 533.0), ("uasc", 41.0)],
    )]);
}

#[test]
fn and_a_further_starts_a_count_of_its_own() {
    check(&[
        (
            "At year end 164 children were living with our own foster carers and a further 58 with independent fostering agencies.",
            &[],
        ),
        (
            "Members heard that the number of children on protection plans had fallen by a fifth over the year, to 198, and that the service was now working with 2,140 children in need.",
            &[
                ("child_protection_plans", 198.0),
                ("children_in_need", 2140.0),
            ],
        ),
        (
            "156 initial CPPMs were held in 2023/24.",
            &[("initial_cp_conferences", 156.0)],
        ),
    ]);
}

#[test]
fn an_increase_from_a_value_names_the_time_it_is_compared_with() {
    assert_eq!(
        dated("Date: 16 January 2025\n\nPerformance report - Quarter 3 2024/25\n\nAt the end of December there were 412 children looked after. This is a slight increase from 398 at the end of September.\nThe number of children subject to a child protection plan decreased to 256 (from 281 in Q2).\n"),
        owned(&[
            ("children_in_care", 412.0, Some("2024-12")),
            ("children_in_care", 398.0, Some("2024-09")),
            ("child_protection_plans", 256.0, Some("2024-12")),
            ("child_protection_plans", 281.0, Some("2024-07/2024-09")),
        ])
    );
}

#[test]
fn ages_rates_put_as_numbers_and_cp_rates_in_a_scorecard() {
    // "Age under 1" is an age; "(which ... would be 31)" is a count, not 31%.
    check_with(
        &[
            ("Age under 1: 31", &[(None, 31.0, "Count")]),
            (
                "There are 23 unaccompanied children in care, against the threshold of 0.1% (which for us would be 31).",
                &[
                    (Some("uasc"), 23.0, "Count"),
                    (None, 0.1, "Percent"),
                    (None, 31.0, "Count"),
                ],
            ),
        ],
        every_value,
        |(i, v, u): &(Option<&str>, f64, &str)| (i.map(str::to_string), *v, u.to_string()),
    );
    check(&[(
        "Indicator | Q1 | Q2\nCP per 10,000 | 41.2 | 39.8\n",
        &[
            ("child_protection_plans", 41.2),
            ("child_protection_plans", 39.8),
        ],
    )]);
}

#[test]
fn a_month_on_a_line_of_its_own_near_the_top_dates_the_document() {
    use report_explorer::extract::meta;
    assert_eq!(
        meta::date("Cabinet Member Briefing - Children's Safeguarding\nNovember 2024\n\nText.")
            .map(|p| p.to_string())
            .as_deref(),
        Some("2024-11")
    );
    assert_eq!(
        meta::date("Children's Services Improvement Board\nHighlight report, March 2025\n\nText.")
            .map(|p| p.to_string())
            .as_deref(),
        Some("2025-03")
    );
    // A month the figures are of is not the document's.
    for text in [
        "Appendix A: Key Performance Indicators\nMonth: January 2025\n\nText.",
        "Performance Dashboard - October 2024\n\nText.",
        "Figures for March 2025\n\nText.",
    ] {
        assert_eq!(meta::date(text), None, "{text}");
    }
}

#[test]
fn a_questions_time_may_be_the_one_before_s() {
    let text = "Freedom of Information Request\nDate of response: 18 November 2024\n\nRequest:\n1. How many children were looked after by the council on 31 March 2024?\n2. How many of these were placed outside the council's boundary?\n3. How many children were subject to a child protection plan on the same date?\n\nResponse:\n1. 618\n2. 241\n3. 402\n";
    assert_eq!(
        dated(text),
        owned(&[
            ("children_in_care", 618.0, Some("2024-03-31")),
            ("child_protection_plans", 402.0, Some("2024-03-31")),
        ])
    );
}

#[test]
fn the_eighth_probes_rates_words_and_times() {
    // A rate's unit reaches past a bracket after "per 10,000".
    check_with(
        &[(
            "Referrals per 10,000 (rolling 12 months): 368.1",
            &[(Some("referrals"), 368.1, "Per10k")],
        )],
        every_value,
        |(i, v, u): &(Option<&str>, f64, &str)| (i.map(str::to_string), *v, u.to_string()),
    );
    // A number in words said to be the value of the noun before it.
    check(&[
        (
            "The number of children subject to CP plans stood at three hundred and twelve.",
            &[("child_protection_plans", 312.0)],
        ),
        (
            "The number of children in care was one of the highest in the region.",
            &[],
        ),
    ]);
    // The value in brackets, or labelled, after "the same period last year" is of that time.
    assert_eq!(
        dated_line("In the first six months of 2022/23 the service received 2,411 referrals, which is 9% more than the same period last year (2,212)."),
        owned(&[
            ("referrals", 2411.0, Some("2022-04/2022-09")),
            ("referrals", 2212.0, Some("2021-04/2021-09")),
        ])
    );
    // ", with" starts a clause: the time in it is its figure's, not the one before it.
    assert_eq!(
        dated_line("The number of looked after children has increased this year, with 88 children starting to be looked after since April."),
        one("entered_care", 88.0, "2022-04/2023-03")
    );
    // Values of a dashboard line, set apart by bars.
    assert_eq!(
        dated_line("Contacts in February 2023: 1,102 | Last month: 1,046"),
        owned(&[
            ("contacts", 1102.0, Some("2023-02")),
            ("contacts", 1046.0, Some("2023-01")),
        ])
    );
}

#[test]
fn quarter_rows_under_financial_year_columns() {
    let text = "Quarterly Performance Report Q4 2023/24\nReport date: 20 May 2024\n\nChildren subject to Child Protection Plans\n2022/23\t2023/24\nQ1\t301\t288\nQ2\t296\t279\nQ3\t310\t265\nQ4\t288\t259\n";
    assert_eq!(
        dated(text),
        owned(&[
            ("child_protection_plans", 301.0, Some("2022-04/2022-06")),
            ("child_protection_plans", 288.0, Some("2023-04/2023-06")),
            ("child_protection_plans", 296.0, Some("2022-07/2022-09")),
            ("child_protection_plans", 279.0, Some("2023-07/2023-09")),
            ("child_protection_plans", 310.0, Some("2022-10/2022-12")),
            ("child_protection_plans", 265.0, Some("2023-10/2023-12")),
            ("child_protection_plans", 288.0, Some("2023-01/2023-03")),
            ("child_protection_plans", 259.0, Some("2024-01/2024-03")),
        ])
    );
}

#[test]
fn a_survey_s_respondents_and_open_early_help_episodes() {
    check(&[
        (
            "The survey was completed by 164 children and young people in care (a response rate of 41%).",
            &[],
        ),
        (
            "At 31 December 2022 there were 1,411 open Early Help episodes.",
            &[("early_help", 1411.0)],
        ),
    ]);
    use report_explorer::extract::meta;
    assert_eq!(
        meta::date("Ofsted focused visit\nDate of visit: 3 and 4 September 2024\nDate of letter: 2 October 2024\n\nText.")
            .map(|p| p.to_string())
            .as_deref(),
        Some("2024-10-02")
    );
}

#[test]
fn respectively_pairs_values_with_the_indicators_named_in_order() {
    check(&[
        (
            "Children in care and care leavers numbered 412 and 236 respectively.",
            &[("children_in_care", 412.0), ("care_leavers", 236.0)],
        ),
        (
            "The percentages of care leavers in EET and in suitable accommodation were 58% and 91% respectively.",
            &[
                ("care_leavers_eet_pct", 58.0),
                ("care_leavers_accommodation_pct", 91.0),
            ],
        ),
        (
            "Referrals and assessments were 1,234 and 1,100 respectively, compared with 1,190 and 1,050 last year.",
            &[
                ("referrals", 1234.0),
                ("assessments", 1100.0),
                ("referrals", 1190.0),
                ("assessments", 1050.0),
            ],
        ),
        // Names and values that do not pair off give no indicator ("in need" names none).
        (
            "The numbers of children in care, on CP plans and in need were 412, 256 and 1,032 respectively.",
            &[],
        ),
        // One indicator named for them all: kinds of it.
        (
            "Initial and review health assessments completed within timescales stood at 69% and 85% respectively.",
            &[("cla_health_checks_pct", 69.0), ("cla_health_checks_pct", 85.0)],
        ),
    ]);
}

#[test]
fn a_share_s_count_in_brackets_and_a_value_said_to_be_today_s() {
    check(&[
        (
            "35% of children in care (144) are placed out of county.",
            &[],
        ),
        (
            "Around a quarter of children in care (104) are placed out of county.",
            &[],
        ),
        (
            "The number of children in care has risen from 206 in 2015 to 412 today.",
            &[("children_in_care", 206.0), ("children_in_care", 412.0)],
        ),
    ]);
    assert_eq!(
        last_when("The number of children in care has risen from 206 in 2015 to 412 today.")
            .as_deref(),
        Some("2023-03-15")
    );
}

#[test]
fn a_label_that_says_per_cent_makes_a_bare_value_a_percentage() {
    check(&[
        (
            "% of CLA reviews on time: 96.1",
            &[("cla_reviews_on_time_pct", 96.1)],
        ),
        (
            "Percentage of assessments completed within 45 days - 83",
            &[("assessments_on_time_pct", 83.0)],
        ),
        // (Not a value a noun follows: that counts the noun.)
        (
            "Percentage of children with a CP plan: 45 children",
            &[("child_protection_plans", 45.0)],
        ),
    ]);
}

#[test]
fn a_value_parallel_to_a_part_is_a_part_too() {
    check(&[
        (
            "412 children were looked after away from home and 96 at home with parents.",
            &[],
        ),
        (
            "11 fostering households were de-registered, leaving 187 households at 31 March 2024.",
            &[("foster_carers", 187.0)],
        ),
    ]);
}

#[test]
fn the_rate_a_later_clause_gives_of_the_measure_before() {
    check(&[
        (
            "Members asked about repeat referrals; officers confirmed the rate was 19%.",
            &[("re_referrals_pct", 19.0)],
        ),
        (
            "Re-referrals within 12 months remain a concern, with the rate at 24%.",
            &[("re_referrals_pct", 24.0)],
        ),
        // Not across a count: "the rate" of referrals counted is no named measure.
        (
            "There were 1,204 referrals; the rate was 24%.",
            &[("referrals", 1204.0)],
        ),
        (
            "Members discussed re-referrals, and there were 1,204 contacts; the rate was 24%.",
            &[("contacts", 1204.0)],
        ),
    ]);
}

#[test]
fn years_each_with_its_own_clause_and_the_year_end_of_the_year_named() {
    // A time after "and" that opens its own clause ("there were ...") is the next figure's.
    assert_eq!(
        dated_line(
            "In 2019 there were 412 referrals, in 2020 there were 450 and in 2021 there were 468."
        ),
        owned(&[
            ("referrals", 412.0, Some("2019")),
            ("referrals", 450.0, Some("2020")),
            ("referrals", 468.0, Some("2021")),
        ])
    );
    // "at year end" in a sentence that opens on a year is that year's end.
    assert_eq!(
        dated_line("In 2019/20 there were 412 children looked after at year end, in 2020/21 there were 450 and in 2021/22 there were 468."),
        owned(&[
            ("children_in_care", 412.0, Some("2020-03")),
            ("children_in_care", 450.0, Some("2020-04/2021-03")),
            ("children_in_care", 468.0, Some("2021-04/2022-03")),
        ])
    );
    // A time opening the sentence frames its figures, comma or not; "Quarter three" is Q3.
    for line in [
        "In Q3 11 children became looked after and 6 children ceased to be looked after.",
        "Quarter three saw eleven children enter care and six children leave care.",
    ] {
        assert_eq!(
            dated_line(line),
            owned(&[
                ("entered_care", 11.0, Some("2022-10/2022-12")),
                ("left_care", 6.0, Some("2022-10/2022-12")),
            ]),
            "{line}"
        );
    }
}

#[test]
fn earlier_values_a_year_ago_and_the_same_period_of_a_year_named() {
    // The times after "up from" are the earlier values'; "two years ago" is a time, not what
    // 402 counts.
    assert_eq!(
        dated_line("There are 612 children registered as electively home educated, up from 540 at the same point last year and 402 two years ago."),
        owned(&[
            ("home_educated", 612.0, Some("2023-03-15")),
            ("home_educated", 540.0, Some("2022-03-15")),
            ("home_educated", 402.0, Some("2021")),
        ])
    );
    assert_eq!(
        dated_line("There are currently 1,845 families open to Early Help. This compares with 1,612 families a year ago."),
        owned(&[
            ("early_help", 1845.0, Some("2023-03-15")),
            ("early_help", 1612.0, Some("2022-03-15")),
        ])
    );
    assert_eq!(
        dated_line("Between April and September 2022 there were 3,122 referrals, compared to 2,874 for the same period in 2020/21."),
        owned(&[
            ("referrals", 3122.0, Some("2022-04/2022-09")),
            ("referrals", 2874.0, Some("2020-04/2020-09")),
        ])
    );
}

#[test]
fn parts_of_a_whole_named_first_ranges_and_what_some_did() {
    check(&[
        (
            "Of the contacts received, 1,790 (26%) resulted in a referral to children's social care.",
            &[],
        ),
        (
            "Of the children looked after, 12 are placed at home with parents.",
            &[],
        ),
        ("There are 34 care leavers at university.", &[]),
        ("There are 12 children in care in custody.", &[]),
        (
            "14 children looked after received a fixed-term suspension.",
            &[],
        ),
        // Either end of a range over time is no figure.
        (
            "Our care population has been broadly stable, ranging between 279 and 291 children.",
            &[],
        ),
        (
            "The number of children in care has fluctuated between 279 and 291 over the year.",
            &[],
        ),
        // Children the subject of a conference count conferences.
        (
            "Forty-one children were the subject of an initial child protection conference.",
            &[("initial_cp_conferences", 41.0)],
        ),
    ]);
}

#[test]
fn a_target_in_words_and_an_age_after_post() {
    let text = format!("{HEADER}Sixty per cent of visits to children on plans were completed within timescale, well below our target of ninety per cent.\n");
    let targets: Vec<(f64, bool)> = extract("line.txt", &text, &Options::default())
        .figures
        .iter()
        .map(|f| (f.value, f.target))
        .collect();
    assert_eq!(targets, [(60.0, false), (90.0, true)]);
    let values: Vec<f64> =
        every_when("The Virtual School supports 96 young people in post-16 education.")
            .into_iter()
            .map(|(_, v, _)| v)
            .collect();
    assert_eq!(values, [96.0]);
}

#[test]
fn a_rate_after_an_aside_and_the_same_month_last_year() {
    // What a total includes, in brackets, makes the rate after it no part of the total.
    check(&[(
        "There are currently 1,611 children in need (including children on CP plans and children looked after), which equates to a rate of 372 per 10,000.",
        &[("children_in_need", 1611.0), ("children_in_need", 372.0)],
    )]);
    // "Same month last year" is a month: a year before the latest month the line names, or
    // before the report's month in a table's header.
    assert_eq!(
        dated_line("Contacts in February: 1,102 | Last month: 1,046 | Same month last year: 987"),
        owned(&[
            ("contacts", 1102.0, Some("2023-02")),
            ("contacts", 1046.0, Some("2023-01")),
            ("contacts", 987.0, Some("2022-02")),
        ])
    );
    let table = format!("{HEADER}Measure\tThis month\tLast month\tSame month last year\nLooked after children (number)\t455\t452\t447\n");
    assert_eq!(
        dated(&table),
        owned(&[
            ("children_in_care", 455.0, Some("2023-03")),
            ("children_in_care", 452.0, Some("2023-02")),
            ("children_in_care", 447.0, Some("2022-03")),
        ])
    );
}

#[test]
fn placements_with_carers_initial_health_assessments_in_time_and_a_bullet_after_a_date() {
    check(&[
        // Carers that children were placed with count placements, not carers.
        (
            "We have made 96 new placements, of which 41 were with in-house foster carers, 27 with independent fostering agencies and 28 in residential homes.",
            &[],
        ),
        // How soon children entering care are first assessed is no share of them checked.
        (
            "76% of initial health assessments were completed within 20 working days of entering care.",
            &[],
        ),
        (
            "91% of children looked after had an up to date health assessment.",
            &[("cla_health_checks_pct", 91.0)],
        ),
    ]);
    // A date line, a blank line and a bulleted "Year-to-date" make no range of dates.
    assert_eq!(
        dated("DATE: 15th March 2023\n\n- Year-to-date, 74 children have entered care and 81 have left care.\n"),
        owned(&[
            ("entered_care", 74.0, Some("2022-04/2023-03")),
            ("left_care", 81.0, Some("2022-04/2023-03")),
        ])
    );
    // An average score after a percentage is no percentage.
    let units: Vec<String> = extract(
        "line.txt",
        &format!("{HEADER}Questionnaires were completed for 88% of eligible children; the average score was 14.6.\n"),
        &Options::default(),
    )
    .figures
    .iter()
    .map(|f| format!("{} {:?}", f.value, f.unit))
    .collect();
    assert_eq!(units, ["88 Percent", "14.6 Count"]);
}

#[test]
fn spans_of_years_times_between_one_childs_episodes_and_a_rank_in_the_nation() {
    check(&[
        // "2021-24" is a span of years, and the time between entering care and adoption is
        // no count of children entering care.
        (
            "A1: Average time between a child entering care and moving in with their adoptive family (days) – 3 year average 2021-24: 398 (England 480)",
            &[],
        ),
        ("The most frequently missing child went missing 43 times.", &[]),
        (
            "Children went missing 1,286 times during the year.",
            &[("missing_episodes", 1286.0)],
        ),
    ]);
    // Where a council ranks in the nation is the council's own figure; the comparator after
    // a rate stays a rate.
    let areas: Vec<String> = extract(
        "line.txt",
        &format!("{HEADER}Blackpool has the highest rate of children looked after in England at 184 per 10,000, compared with 70 nationally.\n"),
        &Options::default(),
    )
    .figures
    .iter()
    .map(|f| format!("{} {:?}", f.value, f.area))
    .collect();
    assert_eq!(areas, ["184 Local", "70 England"]);
    let units: Vec<String> = extract(
        "line.txt",
        &format!("{HEADER}There were 212 children looked after, a rate of 101 per 10,000 population aged under 18 (the Wales rate is 115).\n"),
        &Options::default(),
    )
    .figures
    .iter()
    .map(|f| format!("{} {:?}", f.value, f.unit))
    .collect();
    assert_eq!(units, ["212 Count", "101 Per10k", "115 Per10k"]);
}

#[test]
fn of_which_in_time_after_a_count_on_its_own_line() {
    // The count "of which" follows, with the part's own number, is the whole; the share in
    // time after the part is the count's in-time percentage.
    for text in [
        "Assessments authorised: 378\nof which within 45 working days: 311 (82%)",
        "Assessments authorised: 378, of which within 45 working days: 311 (82%)",
    ] {
        assert_eq!(
            linked(text),
            [
                ("assessments".to_string(), 378.0),
                ("assessments_on_time_pct".to_string(), 82.0)
            ],
            "{text}"
        );
    }
    check(&[
        (
            "There were 366 children in care, 30 of whom are placed with parents.",
            &[("children_in_care", 366.0)],
        ),
        (
            "On 31 July 2022 there were 231 looked after children, 52 of whom were looked after at home with parents and 179 looked after away from home.",
            &[("children_in_care", 231.0)],
        ),
    ]);
}

#[test]
fn rates_beside_comparators_in_brackets_re_referrals_named_in_full_and_the_lados_contacts() {
    let units = |line: &str| -> Vec<String> {
        extract(
            "line.txt",
            &format!("{HEADER}{line}\n"),
            &Options::default(),
        )
        .figures
        .iter()
        .map(|f| format!("{} {:?} {:?}", f.value, f.unit, f.area))
        .collect()
    };
    // A comparator in brackets after "the national rate" is a rate too, and so is a value in
    // brackets after "per 10,000".
    assert_eq!(
        units("There were 712 children in care, a rate of 49 per 10,000 which remains well below the national rate (70) and statistical neighbours (56)."),
        ["712 Count Local", "49 Per10k Local", "70 Per10k England", "56 Per10k StatisticalNeighbours"]
    );
    assert_eq!(
        units("The rate per 10,000 (33.6) is below England (41.6)."),
        ["33.6 Per10k Local", "41.6 Per10k England"]
    );
    check(&[
        (
            "Referrals with a previous referral in the past 12 months: 296 (21.1%)",
            &[("re_referrals_pct", 21.1)],
        ),
        // The LADO's contacts are allegations about adults, not the front door's.
        (
            "The LADO received 612 contacts during the year, of which 238 met the threshold for a referral.",
            &[],
        ),
    ]);
    // "from over 25 two years ago": the time is the earlier value's.
    assert_eq!(
        dated_line("Staff told the team that caseloads had fallen to an average of 18 from over 25 two years ago."),
        one("social_worker_caseload", 18.0, "2023-03-15")
    );
}

#[test]
fn an_undated_summary_gives_its_headings_year_to_days_and_quarters() {
    assert_eq!(
        dated("Quarterly Data Summary\nQ2 2024-25 (July to September)\n\nChildren in Need at 30 September: 2,108 (Q1: 2,044)\nReferrals in quarter: 1,402\n"),
        owned(&[
            ("children_in_need", 2108.0, Some("2024-09-30")),
            ("children_in_need", 2044.0, Some("2024-04/2024-06")),
            ("referrals", 1402.0, Some("2024-07/2024-09")),
        ])
    );
}
