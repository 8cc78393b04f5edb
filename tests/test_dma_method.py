"""The DMA score against answer sets computed by hand from the JRC method (docs/results.md, "The DMA method").

Each question scores 0-10: a tick list 10 x ticked / items; a 0-5 matrix 10 x the mean of (stage / 5) over its
rows; a No/Partially/Yes matrix 10 x the mean of 0 / 0.5 / 1. A dimension is the mean of its questions x 10
(0-100, one decimal); the DMA score is the mean of the six dimension scores as shown (one decimal).

The planned/invested matrices (SME question 1, PSO questions 2 and 9) follow the named setting:
  per_column: each column scores like a question of its own: 10 x rows ticked / rows
              (SME D1 = (planned + invested + preparedness) / 3 x 10);
  per_row:    each row scores 1 when invested (implemented), 0.5 when only planned, 0 otherwise:
              10 x mean over rows (SME D1 = (Q1 + Q2) x 5);
  per_cell:   10 x ticked cells / all cells (SME D1 = (Q1 + Q2) x 5).
The numbers below were worked out on paper (fractions), then written here; nothing is computed by the code
under test.
"""

from __future__ import annotations

from typing import Any

import pytest

from readiness.answers import Answers
from readiness.questionnaire import Registry

REGISTRY = Registry.default()
SME = REGISTRY.load("manufacturing@2.0.0")
PSO = REGISTRY.load("public-sector@2.0.0")
METHODS = ("per_column", "per_row", "per_cell")

# --- SME set A: a small bakery --------------------------------------------------------------------------
SME_A: dict[str, Any] = {
    # Q1: planned on marketing_sales, delivery, administration (3 of 10 rows);
    #     invested on marketing_sales, administration, security_compliance, purchasing (4 of 10).
    "ds_investments": {
        "marketing_sales": ["planned", "invested"],
        "delivery": ["planned"],
        "administration": ["planned", "invested"],
        "purchasing": ["invested"],
        "security_compliance": ["invested"],
    },
    # Q2: 4 of 10 -> 4.0
    "ds_preparedness": ["goals_linked", "funding", "infrastructure", "management"],
    # Q3: 6 of 10 -> 6.0
    "dr_basic_tech": ["cloud", "website", "online_forms", "social_chat", "e_government", "business_software"],
    # Q4: stages 0+0+2+0+3+0+1 = 6 over 7 rows x 5 -> 10 x 6/35 = 1.714
    "dr_advanced": {
        "simulation": 0,
        "vr_ar": 0,
        "cad_cam": 2,
        "mes": 0,
        "iot": 3,
        "blockchain": 0,
        "additive": 1,
    },
    # Q5: 3 of 7 -> 4.286; Q6: 2 of 8 -> 2.5
    "hc_skills": ["training_plan", "peer_learning", "subsidised"],
    "hc_engagement": ["awareness", "flexible_work"],
    # Q7: 4 of the 7 positive items -> 5.714; Q8: 3 of 6 -> 5.0
    "dm_data_practices": ["policy", "central_storage", "analysis", "dashboards"],
    "dm_security": ["protection", "backups", "training"],
    # Q9: stages 2+0+1+0+3 = 6 over 5 rows x 5 -> 10 x 6/25 = 2.4
    "aa_technologies": {"language": 2, "vision": 0, "speech": 1, "robotics": 0, "analytics": 3},
    # Q10: 3 of 10 -> 3.0; Q11: 0 + 0 + 0.5 + 1 + 1 = 2.5 over 5 -> 5.0
    "gr_green_tech": ["paperless", "raw_materials", "transport_packaging"],
    "gr_environment": {
        "strategy": "no",
        "management_system": "no",
        "procurement": "partially",
        "it_energy": "yes",
        "recycling": "yes",
    },
}
SME_A_DIMENSIONS = {
    # D2 = (6.0 + 1.714) x 5 = 38.571; D3 = (4.286 + 2.5) x 5 = 33.929; D4 = (5.714 + 5.0) x 5 = 53.571;
    # D5 = 2.4 x 10 = 24.0; D6 = (3.0 + 5.0) x 5 = 40.0
    "digital_readiness": 38.6,
    "human_centric": 33.9,
    "data_management": 53.6,
    "automation_ai": 24.0,
    "green": 40.0,
}
SME_A_D1 = {
    # per_column: (3.0 + 4.0 + 4.0) / 3 x 10 = 36.667
    "per_column": 36.7,
    # per_row: rows 1 + 0.5 + 1 + 1 + 1 = 4.5 of 10 -> 4.5; (4.5 + 4.0) x 5 = 42.5
    "per_row": 42.5,
    # per_cell: 7 of 20 cells -> 3.5; (3.5 + 4.0) x 5 = 37.5
    "per_cell": 37.5,
}
SME_A_DMA = {
    "per_column": 37.8,  # (36.7 + 38.6 + 33.9 + 53.6 + 24.0 + 40.0) / 6 = 226.8 / 6 = 37.8
    "per_row": 38.8,  # (42.5 + ...) / 6 = 232.6 / 6 = 38.77
    "per_cell": 37.9,  # (37.5 + ...) / 6 = 227.6 / 6 = 37.93
}

# --- SME set C: plans everywhere, nothing done yet in strategy; strong technology -------------------------
SME_C: dict[str, Any] = {
    # Q1: all 10 rows planned, none invested. Q2: nothing ticked -> 0.
    "ds_investments": {row: ["planned"] for row in SME.question("ds_investments").row_ids},  # type: ignore[union-attr]
    "ds_preparedness": [],
    # Q3: 10 of 10; Q4: every row operational (5) -> 10 each
    "dr_basic_tech": list(SME.question("dr_basic_tech").option_ids),  # type: ignore[union-attr]
    "dr_advanced": dict.fromkeys(SME.question("dr_advanced").row_ids, 5),  # type: ignore[union-attr]
    # Q5: 7 of 7 -> 10; Q6: nothing -> 0
    "hc_skills": list(SME.question("hc_skills").option_ids),  # type: ignore[union-attr]
    "hc_engagement": [],
    # Q7: only the negative item "not collected digitally" -> 0; Q8: 6 of 6 -> 10
    "dm_data_practices": ["paper"],
    "dm_security": list(SME.question("dm_security").option_ids),  # type: ignore[union-attr]
    # Q9: every row considering (1) -> 10 x 5/25 = 2.0
    "aa_technologies": dict.fromkeys(SME.question("aa_technologies").row_ids, 1),  # type: ignore[union-attr]
    # Q10: nothing -> 0; Q11: every row partially -> 5.0
    "gr_green_tech": [],
    "gr_environment": dict.fromkeys(SME.question("gr_environment").row_ids, "partially"),  # type: ignore[union-attr]
}
SME_C_DIMENSIONS = {
    "digital_readiness": 100.0,  # (10 + 10) x 5
    "human_centric": 50.0,  # (10 + 0) x 5
    "data_management": 50.0,  # (0 + 10) x 5
    "automation_ai": 20.0,  # 2.0 x 10
    "green": 25.0,  # (0 + 5) x 5
}
SME_C_D1 = {
    "per_column": 33.3,  # (10 + 0 + 0) / 3 x 10
    "per_row": 25.0,  # every row 0.5 -> 5.0; (5.0 + 0) x 5
    "per_cell": 25.0,  # 10 of 20 cells -> 5.0; (5.0 + 0) x 5
}
SME_C_DMA = {
    "per_column": 46.4,  # (33.3 + 100 + 50 + 50 + 20 + 25) / 6 = 278.3 / 6 = 46.38
    "per_row": 45.0,  # 270 / 6
    "per_cell": 45.0,
}

# --- PSO set D: a municipality ------------------------------------------------------------------------
PSO_D: dict[str, Any] = {
    # Q1: 6 of 10 -> 6.0
    "pso_ds_preparedness": [
        "needs_aligned",
        "funding",
        "infrastructure",
        "it_specialists",
        "units_ready",
        "risks",
    ],
    # Q2 (8 rows): planned on policy_making, public_services, human_resources, procurement (4 of 8 -> 5.0);
    #              invested on internal_operations, public_services, financial_administration (3 of 8 -> 3.75)
    "pso_ds_investments": {
        "internal_operations": ["invested"],
        "policy_making": ["planned"],
        "public_services": ["planned", "invested"],
        "financial_administration": ["invested"],
        "human_resources": ["planned"],
        "procurement": ["planned"],
    },
    # Q3: 8 of 9 -> 8.889; Q4: stages 3+1+4+0+4+0+2+3 = 17 over 8 rows x 5 -> 10 x 17/40 = 4.25
    "pso_dr_tech": [
        "connectivity",
        "website",
        "web_forms",
        "chat_social",
        "remote_collaboration",
        "intranet",
        "information_systems",
        "digital_public_services",
    ],
    "pso_dr_advanced": {
        "ai": 3,
        "communication": 1,
        "computing": 4,
        "ledger": 0,
        "identity_security": 4,
        "immersive": 0,
        "iot": 2,
        "software_services": 3,
    },
    # Q5: 2 of 7 -> 2.857; Q6: 5 of 10 -> 5.0
    "pso_hc_skills": ["training_plan", "online_learning"],
    "pso_hc_engagement": ["awareness", "communicated", "involved", "flexible_work", "user_feedback"],
    # Q7: 3 of 9 -> 3.333; Q8: 4 of 6 -> 6.667
    "pso_dm_data": ["policy", "digital_only", "open_data"],
    "pso_dm_security": ["policy", "training", "backups", "continuity"],
    # Q9 (16 rows): planned on 7 rows, implemented on 5; open_data and digital_first are both.
    "pso_io_practices": {
        "open_data": ["planned", "implemented"],
        "data_portability": ["planned"],
        "user_choice": ["planned"],
        "single_contact": ["implemented"],
        "once_only": ["planned"],
        "accessibility": ["implemented"],
        "multilingual": ["planned"],
        "secure_exchange": ["implemented"],
        "digital_first": ["planned", "implemented"],
        "cost_benefit": ["planned"],
    },
    # Q10: 4 of 9 -> 4.444; Q11: 1 + 0 + 0.5 + 0.5 + 1 = 3 over 5 -> 6.0
    "pso_gr_green_tech": ["service_provision", "energy_use", "transport", "paperless"],
    "pso_gr_environment": {
        "strategy": "yes",
        "management_system": "no",
        "procurement": "partially",
        "it_energy": "partially",
        "recycling": "yes",
    },
}
PSO_D_DIMENSIONS = {
    "digital_readiness": 65.7,  # (8.889 + 4.25) x 5 = 65.694
    "human_centric": 39.3,  # (2.857 + 5.0) x 5 = 39.286
    "data_management": 50.0,  # (3.333 + 6.667) x 5
    "green": 52.2,  # (4.444 + 6.0) x 5 = 52.222
}
PSO_D_D1 = {
    "per_column": 49.2,  # (6.0 + 5.0 + 3.75) / 3 x 10 = 49.167
    "per_row": 58.1,  # rows 1 + 0.5 + 1 + 1 + 0.5 + 0.5 = 4.5 of 8 -> 5.625; (6.0 + 5.625) x 5 = 58.125
    "per_cell": 51.9,  # 7 of 16 cells -> 4.375; (6.0 + 4.375) x 5 = 51.875
}
PSO_D_D5 = {
    "per_column": 37.5,  # planned 7/16, implemented 5/16: (4.375 + 3.125) / 2 x 10
    "per_row": 46.9,  # 5 implemented rows x 1 + 5 planned-only rows x 0.5 = 7.5 of 16 -> 46.875
    "per_cell": 37.5,  # 12 of 32 cells
}
PSO_D_DMA = {
    "per_column": 49.0,  # (49.2 + 65.7 + 39.3 + 50.0 + 37.5 + 52.2) / 6 = 293.9 / 6 = 48.98
    "per_row": 52.0,  # (58.1 + 65.7 + 39.3 + 50.0 + 46.9 + 52.2) / 6 = 312.2 / 6 = 52.03
    "per_cell": 49.4,  # (51.9 + 65.7 + 39.3 + 50.0 + 37.5 + 52.2) / 6 = 296.6 / 6 = 49.43
}

COMPANY = {"name": "Test BV", "country": "NL", "size": "small"}


def score(questionnaire: Any, answers: dict[str, Any], method: str | None = None) -> Any:
    from readiness.scoring import score_readiness

    return score_readiness(
        questionnaire, Answers(questionnaire.ref, dict(COMPANY), dict(answers)), dual_scoring=method
    )


def dimensions(result: Any) -> dict[str, float | None]:
    return {d.dimension.id: d.score for d in result.dimensions}


@pytest.mark.parametrize(
    ("answers", "expected", "d1", "dma"),
    [
        (SME_A, SME_A_DIMENSIONS, SME_A_D1, SME_A_DMA),
        (SME_C, SME_C_DIMENSIONS, SME_C_D1, SME_C_DMA),
    ],
    ids=["bakery", "plans-everywhere"],
)
@pytest.mark.parametrize("method", METHODS)
def test_sme_dma_scores_as_worked_out_by_hand(
    answers: dict[str, Any],
    expected: dict[str, float],
    d1: dict[str, float],
    dma: dict[str, float],
    method: str,
) -> None:
    result = score(SME, answers, method)
    scores = dimensions(result)
    assert {k: scores[k] for k in expected} == expected
    assert scores["digital_strategy"] == d1[method]
    assert result.dma_score == dma[method]
    assert result.dual_scoring == method


@pytest.mark.parametrize("method", METHODS)
def test_pso_dma_scores_as_worked_out_by_hand(method: str) -> None:
    result = score(PSO, PSO_D, method)
    scores = dimensions(result)
    assert {k: scores[k] for k in PSO_D_DIMENSIONS} == PSO_D_DIMENSIONS
    assert scores["digital_strategy"] == PSO_D_D1[method]
    assert scores["interoperability"] == PSO_D_D5[method]
    assert result.dma_score == PSO_D_DMA[method]


def test_the_shipped_setting_is_per_column() -> None:
    assert score(SME, SME_A).dma_score == SME_A_DMA["per_column"]
    assert score(PSO, PSO_D).dma_score == PSO_D_DMA["per_column"]
    assert score(SME, SME_A).dual_scoring == "per_column"


def test_all_or_nothing_gives_0_and_100() -> None:
    top: dict[str, Any] = {}
    bottom: dict[str, Any] = {}
    for q in SME.questions():
        if q.dimension is None or not SME.dimension(q.dimension).dma:  # type: ignore[union-attr]
            continue
        if q.matrix_kind == "columns":
            top[q.id] = {row: list(q.column_ids) for row in q.row_ids}
            bottom[q.id] = {}
        elif q.matrix_kind == "scale":
            top[q.id] = dict.fromkeys(q.row_ids, 5)
            bottom[q.id] = dict.fromkeys(q.row_ids, 0)
        elif q.matrix_kind == "options":
            top[q.id] = dict.fromkeys(q.row_ids, "yes")
            bottom[q.id] = dict.fromkeys(q.row_ids, "no")
        else:
            top[q.id] = [o.id for o in q.options if not o.exclusive]
            bottom[q.id] = []
    for method in METHODS:
        assert score(SME, top, method).dma_score == 100.0
        assert score(SME, bottom, method).dma_score == 0.0


def test_the_dma_score_reads_only_the_dma_module() -> None:
    """Answers outside the DMA module (AI readiness, sector practice) never move the DMA score."""
    dma_only = score(SME, SME_A)
    everything = score(
        SME,
        {
            **SME_A,
            "air_use_cases": "prioritised",
            "air_budget": "planned",
            "mfg_use_cases": ["predictive_maintenance", "visual_inspection"],
            "mfg_stage": 5,
            "mfg_production_data": "realtime",
        },
    )
    assert everything.dma_score == dma_only.dma_score
    assert everything.score != dma_only.score
