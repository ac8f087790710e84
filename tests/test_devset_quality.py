"""The development set — real 2015 news from ../shared/devset and tests/devset, annotated by the guidelines
before kg ran on it — built by the real pipeline and models, and scored: floors a little under what kg
reaches (QUALITY.md has the figures), the same figures as the reference scorer, and gold that holds."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.evaluating import EvaluationReport, evaluate_gold, load_gold, load_graph

from .conftest import PROJECT_ROOT

SHARED = PROJECT_ROOT.parent / "shared"
SHARED_GOLD = SHARED / "devset" / "gold"
PROJECT_GOLD = PROJECT_ROOT / "tests" / "devset" / "gold"
# Floors: a regression fails CI. Raise them as kg climbs; never lower them to pass.
FLOORS = {"said": 0.75, "transfers": 0.70}


def _devset_module():
    spec = importlib.util.spec_from_file_location("devset", PROJECT_ROOT / "scripts" / "devset.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def project_texts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("devset-articles")
    _devset_module().write_texts(folder, None)
    return folder


@pytest.fixture(scope="module")
def devset_build(tmp_path_factory: pytest.TempPathFactory, annotator):
    """The development set built as `make eval` builds it: one news dump, each article with its date."""
    from kg.pipeline import build

    dump = tmp_path_factory.mktemp("devset-dump") / "articles.jsonl"
    _devset_module().write_dump(dump)
    out_dir = tmp_path_factory.mktemp("devset-out")
    return build([dump], out_dir, annotator=annotator, html=False)


@pytest.fixture(scope="module")
def devset_report(devset_build) -> EvaluationReport:
    return evaluate_gold(load_gold(SHARED_GOLD, PROJECT_GOLD), load_graph(devset_build.outputs["ttl"]))


def _explain(report: EvaluationReport, kind: str) -> str:
    score = report.scores[kind]
    return f"{kind}: P {score.precision:.3f} R {score.recall:.3f} F1 {score.f1:.3f}"


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_f1_on_the_development_set_holds_its_floor(devset_report: EvaluationReport, kind: str):
    assert devset_report.scores[kind].f1 >= FLOORS[kind], _explain(devset_report, kind)


def test_every_fact_names_the_rules_that_made_it(devset_report: EvaluationReport):
    for kind in ("said", "transfers"):
        assert "(no rule named)" not in devset_report.rules[kind], kind


def test_kg_eval_and_the_reference_scorer_print_the_same_figures(devset_build, tmp_path: Path):
    graph = str(devset_build.outputs["ttl"])
    gold = tmp_path / "gold"
    gold.mkdir()
    for folder in (SHARED_GOLD, PROJECT_GOLD):
        for path in folder.glob("*.json"):
            (gold / path.name).write_bytes(path.read_bytes())
    scorer = str(SHARED / "tools" / "score.py")
    reference = subprocess.run([sys.executable, scorer, graph, str(gold), "--json"],
                               capture_output=True, text=True, timeout=600)
    ours = subprocess.run([sys.executable, "-m", "kg", "eval", str(gold), "--graph", graph, "--json"],
                          capture_output=True, text=True, timeout=600)
    theirs, mine = json.loads(reference.stdout), json.loads(ours.stdout)
    for kind in ("said", "transfers"):
        assert mine["scores"][kind]["gold"] == theirs[kind]["gold"]
        assert mine["scores"][kind]["extracted"] == theirs[kind]["predicted"]
        for short, name in (("p", "precision"), ("r", "recall"), ("f1", "f1")):
            assert mine["scores"][kind][name] == pytest.approx(theirs[kind][short], abs=1e-4), (kind, name)
    assert mine["status_accuracy_on_matched"] == pytest.approx(
        theirs["transfers"]["status_accuracy_on_matched"], abs=1e-4)


# ---------------------------------------------------------------------------------------------------------
# The project's gold: one file per article of the manifest, every string verbatim in its article


def test_every_manifest_article_has_its_gold_and_no_other(project_texts: Path):
    manifest = _devset_module().read_manifest()
    assert len(manifest) >= 40 and len({e["corpus_line"] for e in manifest}) == len(manifest)
    assert sorted(p.stem for p in PROJECT_GOLD.glob("*.json")) == sorted(e["file"][:-4] for e in manifest)
    assert sorted(p.name for p in project_texts.glob("*.txt")) == sorted(e["file"] for e in manifest)


def test_project_gold_strings_are_verbatim_in_their_articles(project_texts: Path):
    for article in load_gold(PROJECT_GOLD):
        text = (project_texts / article.article).read_text(encoding="utf-8")
        for statement in article.said:
            assert statement.claim_contains in text and statement.speaker_ar in text, statement
            assert 5 <= len(statement.claim_contains.split()) <= 12, statement
        for transfer in article.transfers:
            assert transfer.evidence_contains in text and transfer.weapon_ar in text, transfer
        for entity in article.entities:
            assert all(form in text for form in entity.forms_ar), entity


# Every speaker the development set names by a role alone, and who held the role on the article's date
# (2015): the holder at that date, never today's.
ROLES_AT_THE_ARTICLES_DATE = [
    ("d26_politics_alyaum_4589.txt", "وقال الرئيس الأمريكي في هذه المناسبة", "barack-obama"),
    ("d26_politics_alyaum_4589.txt", "ومن جهته وعد الرئيس الإيراني", "hassan-rouhani"),
    ("n23_politics_aljazirah_8902.txt", "وأشار رئيس الحكومة الروسية", "dmitry-medvedev"),
    ("d09_arms_almadina_28207.txt", "كما أشاد نائب الرئيس اليمني رئيس مجلس الوزراء", "khaled-bahah"),
    ("n01_transfer_almadina_3554.txt", "وشدد وزير الخارجية الإيراني", "mohammad-javad-zarif"),
    ("n38_transfer_alriyadh_18241.txt", "اعلن وزير الخارجية القطري", "khalid-al-attiyah"),
    ("n36_transfer_alyaum_14506.txt", "وأشار الرئيس المصري", "abdel-fattah-el-sisi"),
]


@pytest.mark.parametrize(("article", "words", "holder"), ROLES_AT_THE_ARTICLES_DATE)
def test_a_role_is_its_holder_on_the_articles_date(devset_build, article: str, words: str, holder: str):
    from kg.vocabulary import KGR

    assert _speakers_of(devset_build.graph, article, words) == {KGR[holder]}


@pytest.mark.xfail(strict=True, reason="a role followed by its holder's name resolves to the post's "
                   "holder in the gazetteer (the UAE foreign minister) instead of the name beside it")
def test_a_role_with_its_holders_name_beside_it_is_that_person(devset_build):
    from rdflib.namespace import RDFS

    graph = devset_build.graph
    (speaker,) = _speakers_of(graph, "n30_politics_alriyadh_28540.txt", "نعى وزير الدولة للشؤون الخارجية")
    assert any("قرقاش" in str(label) for label in graph.objects(speaker, RDFS.label))


def _speakers_of(graph, article: str, words: str) -> set:
    from rdflib.namespace import DCTERMS, PROV, RDF

    from kg.vocabulary import KG

    return {graph.value(claim, KG.speaker) for claim in graph.subjects(RDF.type, KG.Claim)
            for sentence in graph.objects(claim, PROV.wasDerivedFrom)
            if words in str(graph.value(sentence, KG.text))
            and any(str(source).endswith(article)
                    for source in graph.objects(graph.value(sentence, DCTERMS.isPartOf), DCTERMS.source))}
