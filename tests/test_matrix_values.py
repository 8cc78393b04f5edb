"""The matrix check row by row: files hear ids in English, a person hears labels in their language."""

from __future__ import annotations

from readiness.questionnaire import Registry
from readiness.values import matrix_problems, value_problem

SME = Registry.default().load("dma-sme@2.0.0")
STAGES = SME.question("dr_advanced")
OPTIONS = SME.question("gr_environment")
TICKS = SME.question("ds_investments")


def test_each_problem_is_given_with_its_row_and_files_keep_their_first() -> None:
    assert STAGES is not None
    answer = {"simulation": 9, "vr_ar": 1, "cad_cam": "two", "quantum": 1}
    problems = matrix_problems(STAGES, answer)
    assert problems == [
        ("", "'quantum' is not a row; rows: simulation, vr_ar, cad_cam, mes, iot, blockchain, additive"),
        ("mes", "every row needs an answer; missing: mes, iot, blockchain, additive"),
        ("simulation", "row 'simulation': expected a whole number from 0 to 5, found 9"),
        ("cad_cam", "row 'cad_cam': expected a whole number from 0 to 5, found 'two'"),
    ]
    assert value_problem(STAGES, answer) == problems[0][1]
    assert matrix_problems(STAGES, dict.fromkeys(STAGES.row_ids, 5)) == []
    assert matrix_problems(STAGES, [1, 2]) == [
        ("", "expected one answer per row (row: answer), found [1, 2]")
    ]


def test_with_labels_rows_columns_and_options_are_named_as_the_person_saw_them() -> None:
    assert OPTIONS is not None and TICKS is not None
    answer = dict.fromkeys(OPTIONS.row_ids, "yes") | {"recycling": "misschien"}
    ((row, message),) = matrix_problems(OPTIONS, answer, "nl", labels=True)
    assert row == "recycling"
    assert message.startswith("rij 'Oude apparatuur wordt gerecycled of hergebruikt': 'misschien' is geen")
    assert "Nee, Gedeeltelijk, Ja" in message
    ((row, message),) = matrix_problems(TICKS, {"operations": ["sold"]}, "en", labels=True)
    assert row == "operations"
    assert "row 'Operations: production, packaging, maintenance or service delivery'" in message
    assert "(We plan to invest (further), We have already invested)" in message
    assert value_problem(TICKS, {"operations": ["sold"]}) == (
        "row 'operations': expected a list of the columns ticked (planned, invested), found ['sold']"
    )
