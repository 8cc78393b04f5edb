"""Any input to the questionnaire and answers loaders ends in a result or a clean, located problem."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness.answers import load_answers
from readiness.errors import ReadinessError
from readiness.questionnaire import Registry, compile_questionnaire
from readiness.questionnaire.checks import check_questionnaire
from tests.conftest import EXAMPLES, ROOT

REGISTRY = Registry.default()
GOOD_ANSWERS = yaml.safe_load((EXAMPLES / "quickscan.answers.yaml").read_text(encoding="utf-8"))
GOOD_QUESTIONNAIRE = yaml.safe_load(
    (ROOT / "questionnaires" / "quickscan" / "1.0.0.yaml").read_text(encoding="utf-8")
)

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 10**6), st.floats(allow_nan=False), st.text(max_size=12)
)
junk = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += paths(value, (*prefix, i))
    return found


def mutate(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[path[0]] = mutate(data[path[0]], path[1:], value)
    return copy


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), junk)
def test_answers_loader_never_crashes(data: st.DataObject, value: Any) -> None:
    path = data.draw(st.sampled_from(paths(GOOD_ANSWERS)))
    text = yaml.safe_dump(mutate(GOOD_ANSWERS, path, value), allow_unicode=True)
    try:
        load_answers(Path("fuzz.answers.yaml"), REGISTRY, raw=text.encode("utf-8"))
    except ReadinessError as exc:
        assert exc.message


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.data(), junk)
def test_questionnaire_loader_never_crashes(tmp_path_factory: Any, data: st.DataObject, value: Any) -> None:
    folder = tmp_path_factory.mktemp("q") / "quickscan"
    folder.mkdir()
    path = data.draw(st.sampled_from(paths(GOOD_QUESTIONNAIRE)))
    file = folder / "1.0.0.yaml"
    file.write_text(
        yaml.safe_dump(mutate(GOOD_QUESTIONNAIRE, path, value), allow_unicode=True), encoding="utf-8"
    )
    questionnaire, problems = compile_questionnaire(file, REGISTRY)
    assert questionnaire is not None or problems
    if questionnaire is not None and not problems:
        problems = check_questionnaire(questionnaire, REGISTRY)
    assert all(p.message for p in problems)
