"""Matrix questions in the browser: a table of tick boxes, stages or options, saved as the terminal does."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml
from starlette.datastructures import FormData

from readiness.questionnaire.registry import Registry
from readiness.web.pace import minutes_left, seconds
from readiness.web.questions import field_for, read_answer
from tests.conftest import EXAMPLES, Run
from tests.web.conftest import Browser, answer_as

MANUFACTURING = yaml.safe_load((EXAMPLES / "manufacturing.answers.yaml").read_text(encoding="utf-8"))
ROWS = ["simulation", "vr_ar", "cad_cam", "mes", "iot", "blockchain", "additive"]


def saved(browser: Browser, ref: str) -> dict[str, Any]:
    return yaml.safe_load((browser.workspace / ref).read_text(encoding="utf-8"))


def start(browser: Browser, questionnaire: str = "manufacturing") -> str:
    return browser.start(MANUFACTURING["company"]["name"], questionnaire)


def summary(page: str) -> list[tuple[str, str]]:
    """The error summary's links: (target id, message)."""
    box = re.search(r'<div class="error-summary".*?</div>', page, re.S)
    assert box, "no error summary"
    return re.findall(r'<li><a href="#([^"]+)">(.*?)</a></li>', box.group(0))


def row_error(page: str, row_id: str) -> str:
    """The message shown in the row itself."""
    found = re.search(rf'id="{row_id}-error">(?:<span[^>]*>[^<]*</span>)?\s*(.*?)</span>', page, re.S)
    return found.group(1).strip() if found else ""


def test_a_whole_manufacturing_interview_in_the_browser_reaches_the_result(
    browser: Browser, run: Run
) -> None:
    ref = start(browser)
    asked = answer_as(browser, ref, MANUFACTURING)
    assert {"ds_investments", "dr_advanced", "aa_technologies", "gr_environment"} <= set(asked)
    data = saved(browser, ref)
    assert data["meta"]["complete"] is True
    assert data["answers"] == MANUFACTURING["answers"]
    assert data["company"] == MANUFACTURING["company"]
    assert browser.get(f"/a/{ref}/finish").headers["location"] == f"/a/{ref}/result"
    result = browser.get(f"/a/{ref}/result")
    assert result.status_code == 200 and "Brinkhorst" in result.text

    report = run(["report", browser.workspace / ref, "--format", "md", "--lang", "en", "-o", "out.md"])
    assert report.exit_code == 0, report.output
    text = Path("out.md").read_text(encoding="utf-8")
    assert "Simulation and digital twins (live digital copies of objects or processes): 3 (Testing" in text
    assert "Operations: production, packaging, maintenance or service delivery: We plan to invest" in text
    assert "Old equipment is recycled or reused: Yes" in text


def test_a_general_interview_asks_the_same_matrices(browser: Browser) -> None:
    general = yaml.safe_load((EXAMPLES / "general.answers.yaml").read_text(encoding="utf-8"))
    ref = browser.start(general["company"]["name"], "general")
    answer_as(browser, ref, general)
    data = saved(browser, ref)
    assert data["meta"]["complete"] is True
    assert data["answers"] == general["answers"]


def test_the_page_is_a_table_with_row_and_column_headers_and_one_labelled_control_a_cell(
    browser: Browser,
) -> None:
    ref = start(browser)
    page = browser.get(f"/a/{ref}/q/dr_advanced").text
    assert '<table class="matrix-table matrix-radio">' in page
    assert page.count('<th scope="row">') == len(ROWS)
    assert page.count('<th scope="col">') == 6
    assert (
        '<th scope="col">3 <span class="column-help">Testing: we are trying it out in practice</span></th>'
        in page
    )
    # Each row is one group of radio buttons; each button's label names its row and its column.
    assert page.count('name="value.iot"') == 6
    assert re.search(
        r'<label for="q-value-iot-4" class="cell-label"><span class="cell-row">Internet of things, including '
        r"industrial IoT: </span>3 – Testing: we are trying it out in practice</label>",
        page,
    )
    assert "Choose one answer in each row." in page
    ticks = browser.get(f"/a/{ref}/q/ds_investments").text
    assert '<table class="matrix-table matrix-checkbox">' in ticks
    assert 'type="checkbox" id="q-value-operations-2" name="value.operations" value="invested"' in ticks
    assert "leave a row empty when none does" in ticks


def test_a_matrix_answer_is_saved_as_the_terminal_saves_it_and_shown_again(browser: Browser) -> None:
    ref = start(browser)
    posted = {
        "action": "save",
        "value.operations": ["invested", "planned", "invested"],  # any order, twice: one list in column order
        "value.delivery": "planned",
    }
    assert browser.post(f"/a/{ref}/q/ds_investments", posted).status_code == 303
    assert saved(browser, ref)["answers"]["ds_investments"] == {
        "operations": ["planned", "invested"],
        "delivery": ["planned"],
    }
    page = browser.get(f"/a/{ref}/q/ds_investments").text
    assert 'value="planned" checked' in page.split('id="q-value-operations"')[1].split("</tr>")[0]
    assert 'id="q-value-delivery-2" name="value.delivery" value="invested">' in page

    stages = {"action": "save", **{f"value.{row}": str(n % 6) for n, row in enumerate(ROWS)}}
    assert browser.post(f"/a/{ref}/q/dr_advanced", stages).status_code == 303
    assert saved(browser, ref)["answers"]["dr_advanced"] == {row: n % 6 for n, row in enumerate(ROWS)}
    page = browser.get(f"/a/{ref}/q/dr_advanced").text
    assert 'id="q-value-cad_cam-3" name="value.cad_cam" value="2" checked' in page

    options = {"action": "save", "value.strategy": "partially", "value.management_system": "no"}
    options |= {f"value.{row}": "yes" for row in ("procurement", "it_energy", "recycling")}
    assert browser.post(f"/a/{ref}/q/gr_environment", options).status_code == 303
    assert saved(browser, ref)["answers"]["gr_environment"]["strategy"] == "partially"


def test_nothing_ticked_is_an_answer_and_rows_left_empty_are_left_out(browser: Browser) -> None:
    ref = start(browser)
    response = browser.post(f"/a/{ref}/q/ds_investments", {"action": "save"})
    assert response.status_code == 303
    assert saved(browser, ref)["answers"]["ds_investments"] == {}
    assert "ds_investments" not in saved(browser, ref)["meta"]["skipped"]


def test_rows_left_open_are_named_beside_them_and_in_the_summary_and_the_choices_stay(
    browser: Browser,
) -> None:
    ref = start(browser)
    response = browser.post(f"/a/{ref}/q/dr_advanced", {"action": "save", "value.simulation": "3"})
    assert response.status_code == 400
    links = summary(response.text)
    assert len(links) == len(ROWS) - 1
    assert ("q-value-blockchain-1", "Choose an answer for “Blockchain”.") in links
    assert row_error(response.text, "q-value-blockchain") == "Choose an answer for “Blockchain”."
    assert 'aria-describedby="q-value-blockchain-error" aria-invalid="true"' in response.text
    assert 'name="value.simulation" value="3" checked' in response.text  # what was chosen is kept
    assert "dr_advanced" not in saved(browser, ref)["answers"]


def test_a_post_no_page_makes_is_refused_with_the_row_named(browser: Browser) -> None:
    ref = start(browser)
    complete = {f"value.{row}": "1" for row in ROWS}
    response = browser.post(f"/a/{ref}/q/dr_advanced", {"action": "save", **complete, "value.iot": "9"})
    assert response.status_code == 400
    assert summary(response.text) == [
        (
            "q-value-iot-1",
            "That answer does not fit: row &#39;Internet of things, including industrial IoT&#39;: "
            "expected a whole number from 0 to 5, found 9",
        )
    ]
    assert "found 9" in row_error(response.text, "q-value-iot")
    huge = browser.post(f"/a/{ref}/q/dr_advanced", {"action": "save", **complete, "value.iot": "9" * 5000})
    assert huge.status_code == 400 and "Internet of things" in summary(huge.text)[0][1]

    unknown_column = {"action": "save", "value.operations": ["planned", "sold"]}
    response = browser.post(f"/a/{ref}/q/ds_investments", unknown_column)
    assert response.status_code == 400
    ((target, message),) = summary(response.text)
    assert target == "q-value-operations-1"
    assert "Operations: production" in message and "We plan to invest (further)" in message

    bad_option = {f"value.{row}": "no" for row in ("strategy", "management_system", "procurement")}
    bad_option |= {"value.it_energy": "maybe", "value.recycling": ["yes", "no"]}
    response = browser.post(f"/a/{ref}/q/gr_environment", {"action": "save", **bad_option})
    assert response.status_code == 400
    targets = [target for target, _message in summary(response.text)]
    assert targets == ["q-value-it_energy-1", "q-value-recycling-1"]
    assert "&#39;maybe&#39; is not an option" in row_error(response.text, "q-value-it_energy")

    response = browser.post(f"/a/{ref}/q/dr_advanced", {"action": "save", **complete, "value.quantum": "2"})
    assert response.status_code == 400
    assert "&#39;quantum&#39; is not a row" in summary(response.text)[0][1]
    assert not {"dr_advanced", "ds_investments", "gr_environment"} & set(saved(browser, ref)["answers"])


def test_errors_name_the_row_in_the_readers_language(browser: Browser) -> None:
    ref = start(browser)
    browser.client.cookies.set("readiness_lang", "nl")
    page = browser.get(f"/a/{ref}/q/dr_advanced").text
    assert "Kies in elke rij één antwoord." in page
    assert (
        '<th scope="col">3 <span class="column-help">Testen: we proberen het uit in de praktijk</span></th>'
        in page
    )
    complete = {f"value.{row}": "1" for row in ROWS[:-1]}
    response = browser.post(f"/a/{ref}/q/dr_advanced", {"action": "save", **complete, "value.iot": "7"})
    links = dict(summary(response.text))
    assert links["q-value-additive-1"] == "Kies een antwoord voor “Additieve productie (3D-printen)”."
    assert "rij &#39;Internet der dingen, ook industrieel IoT&#39;" in links["q-value-iot-1"]
    assert links["q-value-iot-1"].startswith("Dat antwoord past niet:")


def test_skip_and_back_work_on_a_matrix_as_on_any_question(browser: Browser) -> None:
    ref = start(browser)
    response = browser.post(f"/a/{ref}/q/dr_advanced", {"action": "skip"})
    assert response.headers["location"] == f"/a/{ref}/q/hc_skills"
    assert "dr_advanced" in saved(browser, ref)["meta"]["skipped"]
    assert browser.post(f"/a/{ref}/q/dr_advanced", {"action": "dont_know"}).status_code == 400
    assert f'href="/a/{ref}/q/dr_advanced"' in browser.get(f"/a/{ref}/q/hc_skills").text
    # A required matrix left untouched and saved asks for an answer or a skip.
    response = browser.post(f"/a/{ref}/q/dr_advanced", {"action": "save"})
    assert response.status_code == 400 and "needs an answer" in response.text
    assert summary(response.text)[0][0] == "q-value-simulation-1"


def test_a_file_started_in_the_terminal_with_matrix_answers_continues_in_the_browser(
    browser: Browser, run: Run
) -> None:
    path = browser.workspace / "reports" / "staal.answers.yaml"
    path.parent.mkdir(parents=True)
    script = path.parent / "start.yaml"
    company = ["Staal BV", "NL", "", "small", "C25", "en"]
    investments = [["operations", "delivery"], ["operations"]]  # planned, then invested
    script.write_text(yaml.safe_dump([*company, *investments, ["funding"], ["website"], *[2] * len(ROWS)]))
    started = run(["assess", "--questionnaire", "manufacturing", "--answers", path, "--script", script])
    assert started.exit_code == 130, started.output
    ref = "reports/staal.answers.yaml"
    terminal = saved(browser, ref)["answers"]
    assert terminal["ds_investments"] == {"operations": ["planned", "invested"], "delivery": ["planned"]}
    assert terminal["dr_advanced"] == dict.fromkeys(ROWS, 2)
    assert browser.get(f"/a/{ref}/next").headers["location"] == f"/a/{ref}/q/hc_skills"
    page = browser.get(f"/a/{ref}/q/ds_investments").text
    assert 'id="q-value-operations-1" name="value.operations" value="planned" checked' in page
    assert 'id="q-value-operations-2" name="value.operations" value="invested" checked' in page
    assert 'id="q-value-delivery-2" name="value.delivery" value="invested">' in page
    assert page.count(" checked") == 3
    # Changed in the browser, kept as the terminal keeps it.
    change = {"action": "save", "value.operations": "invested", "value.delivery": "planned"}
    assert browser.post(f"/a/{ref}/q/ds_investments", change).status_code == 303
    assert saved(browser, ref)["answers"]["ds_investments"] == {
        "operations": ["invested"],
        "delivery": ["planned"],
    }


def test_the_time_left_counts_a_matrix_by_its_rows(registry: Registry) -> None:
    sme = registry.load("dma-sme@2.0.0")
    stages = sme.question("dr_advanced")
    assert stages is not None
    two, three = replace(stages, rows=stages.rows[:2]), replace(stages, rows=stages.rows[:3])
    each_row = seconds(three) - seconds(two)
    assert each_row > 0
    assert seconds(stages) == seconds(three) + 4 * each_row
    single = next(q for q in sme.questions() if q.type == "multi")
    assert seconds(stages) > 3 * seconds(single)
    assert minutes_left([stages, single]) == -(-(seconds(stages) + seconds(single)) // 60)


def test_a_matrix_among_other_fields_reads_only_its_own_rows(registry: Registry) -> None:
    question = registry.load("dma-sme@2.0.0").question("gr_environment")
    assert question is not None
    name = "f.gr_environment"
    rows = [(f"{name}.{row}", "yes") for row in question.row_ids[1:]]
    form = FormData([("value.strategy", "no"), ("f.other.strategy", "no"), *rows])
    reading = read_answer(question, form, "en", name=name)
    assert reading.refused and list(reading.rows) == ["strategy"]
    field = field_for(question, None, "en", name=name, typed=reading.typed, rows=reading.rows)
    assert field.matrix is not None
    assert field.errors == [("q-f-gr_environment-strategy-1", "Choose an answer for “Environmental concerns "
                             "and standards are part of our digital strategy”.")]  # fmt: skip
    assert [c.checked for c in field.matrix.rows[1].cells] == [False, False, True]
    form = FormData([(f"{name}.strategy", "partially"), *rows])
    complete = read_answer(question, form, "en", name=name)
    assert complete.value == {"strategy": "partially", **dict.fromkeys(question.row_ids[1:], "yes")}


def test_a_special_answer_saved_for_a_matrix_is_shown_with_no_row_chosen(registry: Registry) -> None:
    stages = registry.load("dma-sme@2.0.0").question("dr_advanced")
    assert stages is not None
    field = field_for(replace(stages, dont_know=True), "dont_know", "en")
    assert field.special == "dont_know" and field.matrix is not None
    assert not any(cell.checked for row in field.matrix.rows for cell in row.cells)
