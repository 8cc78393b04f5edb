"""The report model: what the report says, chosen from the assessment, before any formatting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from readiness.report.model import Report


def test_summary_picks_three_strengths_best_first_and_the_first_three_gaps(
    make_report: Callable[..., Report],
) -> None:
    report = make_report()
    assert [d.id for d in report.strengths] == ["data", "adoption", "people"]
    assert [g.question for g in report.gaps] == ["ai_plan", "ai_literacy", "ai_stage"]
    assert report.level is not None and report.level.id == "average"


def test_recommendations_sit_under_their_dimension(make_report: Callable[..., Report]) -> None:
    by_dimension = {d.id: [r.id for r in d.recommendations] for d in make_report().dimensions}
    assert by_dimension == {
        "strategy": ["write_plan"],
        "data": [],
        "people": ["literacy"],
        "adoption": ["first_pilot"],
    }


def test_ai_act_headline_counts_classes_and_lists_the_next_dates(make_report: Callable[..., Report]) -> None:
    act = make_report().ai_act
    assert act.risk_counts == (("high", 1), ("limited", 1), ("minimal", 1))
    assert [m.date for m in act.next_dates] == [dt.date(2026, 12, 2), dt.date(2027, 12, 2)]
    assert len(act.next_dates[1].titles) == 4
    assert [m.upcoming for m in act.milestones] == [False, False, True, True]


def test_action_plan_places_recommendations_by_horizon_and_obligations_by_date(
    make_report: Callable[..., Report],
) -> None:
    plan = dict(make_report().actions)
    assert [a.title for a in plan["30d"] if not a.is_obligation] == [
        "Write down two or three AI use cases",
        "Organise AI literacy for staff who use AI",
    ]
    obligations_now = [a.duty_groups[0][1] for a in plan["30d"] if a.is_obligation]
    assert obligations_now == [("Art. 4",), ("Art. 5(1)",), ("Art. 50(1)",), ("Art. 5(1)(ba), (bb)",)]
    chat = next(a for a in plan["30d"] if a.duty_groups and a.duty_groups[0][1] == ("Art. 50(1)",))
    assert chat.systems == ("Website chat assistant",) and chat.roles == ("provider",)
    assert chat.due == dt.date(2026, 12, 27)  # applies already: due within the first horizon
    assert [a.title for a in plan["90d"]] == ["Run one small pilot with a clear goal"]
    # The high-risk duties of 2 December 2027 are more than a year away: due on that day, under "later".
    assert plan["12m"] == ()
    assert plan["later"] and all(a.due == dt.date(2027, 12, 2) for a in plan["later"])


def _with_recommendation(make_report: Callable[..., Report], **changes: object) -> Report:
    from tests.report.conftest import load_assessment

    readiness = load_assessment("quickscan-en")["readiness"]
    for rec in readiness["recommendations"]:
        rec.update(changes.get(rec["id"], {}))  # type: ignore[call-overload]
    if "done" in changes:
        readiness["done"] = changes["done"]
    return make_report(readiness=readiness)


def test_a_recommendation_and_the_obligation_it_covers_are_one_action(
    make_report: Callable[..., Report],
) -> None:
    report = _with_recommendation(make_report, literacy={"covers": ["ai_literacy"], "who": "HR"})
    actions = [a for _, found in report.actions for a in found]
    literacy = [a for a in actions if any(d.obligation.id == "ai_literacy" for d in a.duties)]
    assert len(literacy) == 1
    assert literacy[0].title == "Organise AI literacy for staff who use AI" and literacy[0].who == "HR"
    assert literacy[0].duty_groups == ((dt.date(2025, 2, 2), ("Art. 4",)),)


def test_two_recommendations_for_the_same_act_are_one_action(make_report: Callable[..., Report]) -> None:
    report = _with_recommendation(
        make_report, literacy={"covers": ["ai_literacy"]}, write_plan={"covers": ["ai_literacy"]}
    )
    actions = [a for _, found in report.actions for a in found]
    covering = [a for a in actions if any(d.obligation.id == "ai_literacy" for d in a.duties)]
    assert len(covering) == 1
    assert [r.id for r in covering[0].also] == ["literacy"]


def test_a_duty_whose_advice_the_answers_show_followed_is_in_place_not_an_action(
    make_report: Callable[..., Report],
) -> None:
    done = [{"id": "literacy_done", "title": "Organise AI literacy", "covers": ["ai_literacy"]}]
    report = _with_recommendation(make_report, done=done)
    actions = [a for _, found in report.actions for a in found]
    assert not any(d.obligation.id == "ai_literacy" for a in actions for d in a.duties)
    assert [a.title for a in report.plan.in_place] == ["Organise AI literacy"]


def test_information_is_shown_as_information_never_as_an_action(make_report: Callable[..., Report]) -> None:
    from tests.report.conftest import load_assessment

    ai_act = load_assessment("quickscan-en")["ai_act"]
    relief = {
        "id": "sme_lower_fines",
        "article": "Art. 99(6)",
        "title": "SME relief: each fine is capped",
        "applies_from": "2025-08-02",
        "status": "applies",
        "text": "The lower of the two.",
        "source": "https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
        "kind": "information",
    }
    ai_act["company_obligations"].append(relief)
    report = make_report(ai_act=ai_act)
    actions = [a for _, found in report.actions for a in found]
    assert not any(d.obligation.id == "sme_lower_fines" for a in actions for d in a.duties)
    assert [o.id for o in report.ai_act.information] == ["sme_lower_fines"]
    assert all("SME relief" not in title for m in report.ai_act.milestones for title in m.titles)
    assert [o.id for o in report.ai_act.company_duties] == [
        "ai_literacy",
        "prohibited_practices",
        "prohibited_intimate_imagery",
    ]


def test_every_date_on_the_summary_is_in_the_plan(make_report: Callable[..., Report]) -> None:
    report = make_report()
    planned = {
        (d.obligation.applies_from, d.obligation.title)
        for _, found in report.actions
        for a in found
        for d in a.duties
    }
    for milestone in report.ai_act.milestones:
        for title in milestone.titles:
            assert (milestone.date, title) in planned, (milestone.date, title)


def test_answers_appendix_uses_the_questionnaires_labels_in_the_report_language(
    make_report: Callable[..., Report],
) -> None:
    rows = {row.question: row for section in make_report("quickscan-nl").answers for row in section.rows}
    assert rows["company_country"].labels == ("Nederland",)
    assert rows["ai_budget"].kind == "special" and rows["ai_budget"].value == "dont_know"
    assert rows["data_practices"].labels[0] == "Kerngegevens van het bedrijf worden digitaal vastgelegd"
    assert rows["ai_stage"].number == 2 and rows["ai_stage"].labels == ("Prototype",)
    assert rows["ai_staff"].unit == "personen"
    assert rows["personal_data"].flag is True


def test_the_register_is_listed_when_no_question_asked_for_it(make_report: Callable[..., Report]) -> None:
    register = make_report().register
    assert [e.name for e in register] == [
        "Visual inspection of milled parts",
        "Website chat assistant",
        "Applicant screening add-on",
    ]
    assert register[1].fields == (("role", "provider"),)


def test_sources_are_listed_once_with_what_they_support(make_report: Callable[..., Report]) -> None:
    sources = make_report().sources
    urls = [s.url for s in sources]
    assert len(urls) == len(set(urls))
    omnibus = next(s for s in sources if s.url.endswith("2026/1744/oj"))
    assert omnibus.label.startswith("Art. 4; Art. 5(1)(ba), (bb); Art. 26(1)")


def test_the_answers_file_is_carried_with_a_name_from_the_company(make_report: Callable[..., Report]) -> None:
    report = make_report()
    assert report.attachment.filename == "noordhoek-precisietechniek-b-v.answers.yaml"
    assert len(report.attachment.sha256) == 64


def test_a_report_without_ai_systems_or_scores_still_builds(make_report: Callable[..., Report]) -> None:
    report = make_report(ai_act={}, support=[], context=[])
    assert report.ai_act.systems == () and report.ai_act.next_dates == ()
    assert report.support == ()


def test_doubts_may_be_sentences_or_notes_with_an_article(make_report: Callable[..., Report]) -> None:
    act = {
        "systems": [
            {
                "name": "S",
                "risk": "high",
                "reasons": [],
                "obligations": [],
                "unsure": [
                    "Ask the supplier.",
                    {"field": "role", "article": "Art. 25", "note": "Check the role."},
                ],
            }
        ]
    }
    unsure = make_report(ai_act=act).ai_act.systems[0].unsure
    assert [(u.article, u.because) for u in unsure] == [
        ("", "Ask the supplier."),
        ("Art. 25", "Check the role."),
    ]


def test_sources_that_are_not_web_addresses_keep_their_description(
    make_report: Callable[..., Report],
) -> None:
    context = [
        {
            "value": 20.0,
            "unit": "%",
            "year": 2025,
            "geo": "EU27",
            "breakdown": "all",
            "source": "Eurostat table (extracted 2025); https://ec.europa.eu/eurostat/x (news).",
        }
    ]
    support = [
        {
            "kind": "edih",
            "name": "Hub",
            "country": "NL",
            "url": None,
            "why": "",
            "sources": ["GitHub file id 1 (a seed file)", "https://hub.example/about"],
        }
    ]
    report = make_report(context=context, support=support, ai_act={})
    assert [(s.label, s.url) for s in report.sources] == [
        ("Hub: GitHub file id 1 (a seed file)", ""),
        ("Hub", "https://hub.example/about"),
        ("EU27 2025", "https://ec.europa.eu/eurostat/x"),
    ]
    assert report.support[0].url == "https://hub.example/about"
