"""The seeds' graph, built by the real pipeline and models, scored against the gold annotations: said F1 and
transfers F1 of at least 0.85, and no real-world entity split into two nodes."""

from __future__ import annotations

import pytest

from kg.evaluating import EvaluationReport, evaluate

from .conftest import PROJECT_ROOT

GOLD_DIR = PROJECT_ROOT / "tests" / "gold"
MIN_SAID_F1 = 0.85
MIN_TRANSFERS_F1 = 0.85

@pytest.fixture(scope="module")
def seeds_report(seeds_build) -> EvaluationReport:
    return evaluate(GOLD_DIR, seeds_build.graph)


def _explain(report: EvaluationReport, kind: str) -> str:
    score = report.scores[kind]
    lines = [f"{kind}: P {score.precision:.3f} R {score.recall:.3f} F1 {score.f1:.3f}"]
    lines += ["missed: " + line for line in report.missed[kind]]
    lines += ["invented: " + line for line in report.invented[kind]]
    return "\n".join(lines)


def test_said_f1_on_the_seeds(seeds_report: EvaluationReport):
    assert seeds_report.scores["said"].f1 >= MIN_SAID_F1, _explain(seeds_report, "said")


def test_transfers_f1_on_the_seeds(seeds_report: EvaluationReport):
    assert seeds_report.scores["transfers"].f1 >= MIN_TRANSFERS_F1, _explain(seeds_report, "transfers")


def test_no_real_world_entity_is_split_into_two_nodes(seeds_report: EvaluationReport):
    assert seeds_report.splits == [], "\n".join(split.describe() for split in seeds_report.splits)
