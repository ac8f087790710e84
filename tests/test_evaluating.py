"""The scorer: matching rules on small graphs built by hand in the real vocabulary, agreement with the
reference scorer of the annotation guidelines, the seeds' gold files, and `kg eval` itself."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from kg.errors import GraphFileError, InputError
from kg.evaluating import (
    CLAIM_TOKEN_SHARE,
    GoldArticle,
    evaluate,
    evaluate_gold,
    load_gold,
    load_graph,
    token_share,
)
from kg.normalizing import slugify
from kg.vocabulary import KG, KGR, WD, bind_prefixes

from .conftest import PROJECT_ROOT

GOLD_DIR = PROJECT_ROOT / "tests" / "gold"
REFERENCE_SCORER = PROJECT_ROOT.parent / "shared" / "tools" / "score.py"


@pytest.fixture(scope="module")
def gold() -> list[GoldArticle]:
    return load_gold(GOLD_DIR)


class GraphFromGold:
    """A graph that says exactly what the gold says, built the way the vocabulary prescribes: one node per
    entity (labelled with its canonical name and forms), per claim and per transfer."""

    def __init__(self, gold: list[GoldArticle]) -> None:
        self.graph = Graph()
        bind_prefixes(self.graph)
        self.entity: dict[str, URIRef] = {}
        for article in gold:
            for entity in article.entities:
                self.add_entity(entity.canonical, entity.type, *entity.forms_ar)
        self.claims = {(a.article, i): self.add_claim(a.article, s.speaker, s.claim_contains, s.speaker_ar)
                       for a in gold for i, s in enumerate(a.said)}
        self.transfers = {(a.article, i): self.add_transfer(a.article, t.supplier, t.recipient, t.weapon,
                                                            t.status)
                          for a in gold for i, t in enumerate(a.transfers)}

    def add_entity(self, name: str, kind: str, *forms: str) -> URIRef:
        node = self.entity.setdefault(name, KGR[slugify(name)])
        self.graph.add((node, RDF.type, KG[kind]))
        self.graph.add((node, RDFS.label, Literal(name, lang="en")))
        for form in forms:
            self.graph.add((node, SKOS.altLabel, Literal(form, lang="ar")))
        return node

    def sentence(self, article: str) -> URIRef:
        document = KGR[f"doc-{slugify(article)}"]
        self.graph.add((document, DCTERMS.source, Literal(f"news/{article}")))
        node = KGR[f"doc-{slugify(article)}-s1"]
        self.graph.add((node, DCTERMS.isPartOf, document))
        return node

    def add_claim(self, article: str | None, speaker: str, text: str, speaker_ar: str = "",
                  rule: str | None = None) -> URIRef:
        node = KGR[f"claim-{len(set(self.graph.subjects(RDF.type, KG.Claim)))}"]
        if speaker not in self.entity:  # a speaker the gold names only by role
            self.add_entity(speaker, "Organization", *([speaker_ar] if speaker_ar else []))
        self.graph.add((node, RDF.type, KG.Claim))
        self.graph.add((node, KG.speaker, self.entity[speaker]))
        self.graph.add((node, KG.text, Literal(text, lang="ar")))
        if rule:
            self.graph.add((node, KG.extractedBy, KGR[f"rule/{rule}"]))
        if article is not None:
            self.graph.add((node, PROV.wasDerivedFrom, self.sentence(article)))
        return node

    def add_transfer(self, article: str, supplier: str, recipient: str | None, weapon: str,
                     status: str) -> URIRef:
        key = "-".join(slugify(part or "none") for part in (article, supplier, recipient, weapon, status))
        node = KGR[f"transfer-{key}"]
        self.graph.add((node, RDF.type, KG.Transfer))
        self.graph.add((node, KG.supplier, self.entity[supplier]))
        if recipient:
            self.graph.add((node, KG.recipient, self.entity[recipient]))
        self.graph.add((node, KG.weapon, self.entity[weapon]))
        self.graph.add((node, KG.status, KG[status]))
        self.graph.add((node, PROV.wasDerivedFrom, self.sentence(article)))
        return node

    def remove(self, node: URIRef) -> None:
        self.graph.remove((node, None, None))
        self.graph.remove((None, None, node))


@pytest.fixture
def built(gold) -> GraphFromGold:
    return GraphFromGold(gold)


def _said_count(gold) -> int:
    return sum(len(a.said) for a in gold)


def _events(gold) -> int:
    return sum(len({t.event for t in a.transfers}) for a in gold)


SEED = "003_37eb41862b0a7568.txt"


def _said_index(gold, article: str, speaker: str) -> int:
    said = next(a for a in gold if a.article == article).said
    return next(i for i, s in enumerate(said) if s.speaker == speaker)


# ---------------------------------------------------------------------------------------------------------
# Scores


def test_a_graph_saying_exactly_the_gold_scores_one_everywhere(gold, built):
    report = evaluate_gold(gold, built.graph)
    for kind in ("said", "transfers"):
        score = report.scores[kind]
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0), kind
    assert report.scores["entities"].recall == 1.0
    assert report.splits == []
    assert not report.missed["said"] and not report.invented["said"]
    assert report.status_accuracy == 1.0


def test_a_missing_claim_lowers_recall_by_exactly_one_gold_statement(gold, built):
    index = _said_index(gold, SEED, "Alexander Lukashenko")
    built.remove(built.claims[(SEED, index)])
    report = evaluate_gold(gold, built.graph)
    said = report.scores["said"]
    assert said.recall == pytest.approx((_said_count(gold) - 1) / _said_count(gold))
    assert said.precision == 1.0
    assert len(report.missed["said"]) == 1 and report.missed["said"][0].startswith(SEED)


def test_an_invented_transfer_lowers_precision_only(gold, built):
    built.add_entity("Ukraine", "State", "أوكرانيا")
    built.add_transfer(SEED, "Russia", "Ukraine", "Iskander", "Delivered")
    transfers = evaluate_gold(gold, built.graph).scores["transfers"]
    assert transfers.recall == 1.0
    assert transfers.precision == pytest.approx(_events(gold) / (_events(gold) + 1))


def test_a_transfer_with_the_wrong_status_matches_and_costs_status_accuracy(gold, built):
    article = next(a for a in gold if any(t.status == "Delivered" for t in a.transfers))
    index, transfer = next((i, t) for i, t in enumerate(article.transfers) if t.status == "Delivered")
    built.remove(built.transfers[(article.article, index)])
    built.add_transfer(article.article, transfer.supplier, transfer.recipient, transfer.weapon, "Requested")
    report = evaluate_gold(gold, built.graph)
    assert report.scores["transfers"].f1 == 1.0
    assert report.status_right == report.scores["transfers"].matched - 1


def test_an_accepted_alternative_status_is_a_right_status(tmp_path: Path):
    (tmp_path / "a.json").write_text(json.dumps({
        "article": "a.txt", "said": [], "entities": [
            {"canonical": "Russia", "qid": "Q159", "type": "State", "forms_ar": ["روسيا"]},
            {"canonical": "Iskander", "qid": None, "type": "Weapon", "forms_ar": ["إسكندر"]}],
        "transfers": [{"supplier": "Russia", "supplier_qid": "Q159", "recipient": None, "recipient_qid": None,
                       "weapon": "Iskander", "weapon_ar": "إسكندر", "status": "Agreed",
                       "status_alternatives": ["Planned"], "evidence_contains": "…"}]}), encoding="utf-8")
    small = GraphFromGold(load_gold(tmp_path))
    small.remove(small.transfers[("a.txt", 0)])
    small.add_transfer("a.txt", "Russia", None, "Iskander", "Planned")
    report = evaluate(tmp_path, small.graph)
    assert (report.scores["transfers"].matched, report.status_right) == (1, 1)


def test_a_split_entity_is_reported_and_costs_entity_precision(gold, built):
    twin = KGR["lukashenko-2"]
    built.graph.add((twin, RDF.type, KG.Person))
    built.graph.add((twin, RDFS.label, Literal("لوكاشينكو", lang="ar")))
    report = evaluate_gold(gold, built.graph)
    assert [split.entity for split in report.splits] == ["Alexander Lukashenko"]
    assert report.failures(max_splits=0) == ["1 entities split into several nodes > 0"]
    assert report.scores["entities"].extracted == report.scores["entities"].matched + 1


def test_a_claim_by_the_wrong_speaker_does_not_match(gold, built):
    index = _said_index(gold, SEED, "Alexander Lukashenko")
    statement = next(a for a in gold if a.article == SEED).said[index]
    built.remove(built.claims[(SEED, index)])
    built.add_claim(SEED, "Vladimir Putin", statement.claim_contains)
    said = evaluate_gold(gold, built.graph).scores["said"]
    assert (said.matched, said.extracted) == (_said_count(gold) - 1, _said_count(gold))


def test_a_speaker_labelled_only_by_a_form_of_the_text_matches(gold, built):
    node = built.entity["Alexander Lukashenko"]
    built.graph.remove((node, RDFS.label, None))
    built.graph.remove((node, SKOS.altLabel, None))
    built.graph.add((node, RDFS.label, Literal("لوكاشينكو", lang="ar")))
    # a surname alone names the person wherever the text wrote it; another spelling does not
    elsewhere = sum(s.speaker == "Alexander Lukashenko" and "لوكاشينكو" not in s.speaker_ar
                    for a in gold for s in a.said)
    assert elsewhere < 10
    assert evaluate_gold(gold, built.graph).scores["said"].matched == _said_count(gold) - elsewhere


def test_a_wikidata_id_names_an_entity_whatever_its_labels(tmp_path: Path):
    (tmp_path / "a.json").write_text(json.dumps({
        "article": "a.txt", "said": [], "entities": [
            {"canonical": "Russia", "qid": "Q159", "type": "State", "forms_ar": []},
            {"canonical": "Iskander", "qid": None, "type": "Weapon", "forms_ar": ["إسكندر"]}],
        "transfers": [
            {"supplier": "Russia", "supplier_qid": "Q159", "recipient": None, "recipient_qid": None,
             "weapon": "Iskander", "weapon_ar": "إسكندر", "status": "Agreed", "evidence_contains": ""}]}),
        encoding="utf-8")
    small = GraphFromGold(load_gold(tmp_path))
    russia = small.entity["Russia"]
    small.graph.remove((russia, RDFS.label, None))
    small.graph.add((russia, RDFS.label, Literal("الاتحاد الروسي", lang="ar")))
    assert evaluate(tmp_path, small.graph).scores["transfers"].matched == 0
    small.graph.add((russia, OWL.sameAs, WD.Q159))
    assert evaluate(tmp_path, small.graph).scores["transfers"].matched == 1


def test_a_fact_of_an_article_the_gold_does_not_cover_is_left_out(gold, built):
    built.add_claim("elsewhere.txt", "Vladimir Putin", "كلام آخر في مقال آخر تماما")
    assert evaluate_gold(gold, built.graph).scores["said"].precision == 1.0


def test_one_extracted_claim_matches_at_most_one_gold_statement(tmp_path: Path):
    said = [{"speaker": "Vladimir Putin", "speaker_qid": None, "speaker_ar": "بوتين", "kind": "direct",
             "claim_contains": text} for text in ("لا مصلحة لروسيا في ابتلاع", "مصلحة لروسيا في ابتلاع أي")]
    putin = {"canonical": "Vladimir Putin", "qid": None, "type": "Person", "forms_ar": ["بوتين"]}
    (tmp_path / "a.json").write_text(json.dumps({"article": "a.txt", "said": said, "transfers": [],
                                                 "entities": [putin]}), encoding="utf-8")
    small = GraphFromGold(load_gold(tmp_path))
    for node in list(small.claims.values()):
        small.remove(node)
    small.add_claim("a.txt", "Vladimir Putin", "لا مصلحة لروسيا في ابتلاع أي كان")
    score = evaluate(tmp_path, small.graph).scores["said"]
    assert (score.gold, score.extracted, score.matched) == (2, 1, 1)


@pytest.mark.parametrize(
    ("gold_span", "claim", "matches"),
    [
        ("لا مصلحة لروسيا في ابتلاع أي كان.", "لا مصلحة لروسيا في ابتلاع اي كان", True),
        ("صاروخًا جديدًا للجيش", "صاروخا جديدا للجيش", True),
        # the speaker and the verb swept in: the claim only has to hold the gold span
        ("بيلاروسيا تعتزم الاحتفاظ بأنظمة الدفاع الجوي",
         "قال لوكاشينكو إن بيلاروسيا تعتزم الاحتفاظ بأنظمة الدفاع الجوي الروسية", True),
        # a clitic on either side
        ("الجيش سيتسلم الدبابات", "وللجيش أن يتسلم والدبابات سيتسلم", True),
        ("روسيا تستطيع الاستغناء عنا ولكننا لا نستطيع", "روسيا تستطيع الاستغناء", False),
        ("أعتقد أن هذا ممكن تماما", "إنه كان يعبر عن رأيه", False),
    ],
    ids=["punctuation-hamza", "tanwin", "speaker-and-verb-included", "clitics", "a-fragment", "other"],
)
def test_a_claim_holds_a_gold_span_by_token_share(gold_span: str, claim: str, matches: bool):
    assert (token_share(gold_span, claim) >= CLAIM_TOKEN_SHARE) is matches


def test_per_rule_counts_name_each_rule_and_its_matches(gold, built):
    index = _said_index(gold, SEED, "Alexander Lukashenko")
    statement = next(a for a in gold if a.article == SEED).said[index]
    built.remove(built.claims[(SEED, index)])
    built.add_claim(SEED, "Alexander Lukashenko", statement.claim_contains, rule="speaker-after-verb")
    built.add_claim(SEED, "Vladimir Putin", "شيء لم يقله أحد على الإطلاق هنا", rule="speaker-after-verb")
    counts = evaluate_gold(gold, built.graph).rules["said"]["speaker-after-verb"]
    assert (counts.produced, counts.matched) == (2, 1)


def test_thresholds_name_each_score_below_its_minimum(gold, built):
    built.add_claim(SEED, "Vladimir Putin", "شيء لم يقله أحد على الإطلاق هنا")
    report = evaluate_gold(gold, built.graph)
    assert report.failures({"said": 0.85, "transfers": 0.85}) == []
    assert report.failures({"said": 1.0}) == [f"said F1 {report.scores['said'].f1:.3f} < 1.000"]
    with pytest.raises(InputError):
        report.failures({"claims": 0.5})


def test_an_empty_graph_scores_zero(gold):
    report = evaluate_gold(gold, Graph())
    assert (report.scores["said"].f1, report.scores["transfers"].f1) == (0.0, 0.0)


# ---------------------------------------------------------------------------------------------------------
# Agreement with the reference scorer, on graphs that differ from the gold in every way it counts


def _reference_figures(path: Path, gold_dir: Path) -> dict:
    result = subprocess.run([sys.executable, str(REFERENCE_SCORER), str(path), str(gold_dir), "--json"],
                            capture_output=True, text=True, timeout=300)
    return json.loads(result.stdout)


def figures_agree(report, reference: dict) -> None:
    for kind in ("said", "transfers"):
        ours, theirs = report.scores[kind], reference[kind]
        assert (ours.gold, ours.extracted) == (theirs["gold"], theirs["predicted"]), kind
        for name in ("p", "r", "f1"):
            assert getattr(ours, {"p": "precision", "r": "recall", "f1": "f1"}[name]) == pytest.approx(
                theirs[name]), (kind, name)
    assert report.status_accuracy == pytest.approx(reference["transfers"]["status_accuracy_on_matched"])


def test_kg_eval_agrees_with_the_reference_scorer(tmp_path: Path):
    # The reference ignores accepted alternatives: score a copy of the seeds' gold without them.
    plain = tmp_path / "gold"
    plain.mkdir()
    for path in GOLD_DIR.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        for item in data["said"] + data["transfers"]:
            item.pop("speaker_alternatives", None)
            item.pop("status_alternatives", None)
        (plain / path.name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    gold = load_gold(plain)
    built = GraphFromGold(gold)
    index = _said_index(gold, SEED, "Alexander Lukashenko")
    built.remove(built.claims[(SEED, index)])
    built.add_claim(SEED, "Vladimir Putin", "شيء لم يقله أحد على الإطلاق هنا")
    built.add_claim(SEED, "Belarus", "بيلاروسيا تعتزم الاحتفاظ بأنظمة الدفاع الجوي الروسية")
    article = next(a for a in gold if a.transfers)
    first = article.transfers[0]
    built.remove(built.transfers[(article.article, 0)])
    built.add_transfer(article.article, first.supplier, first.recipient, first.weapon, "Denied")
    built.add_entity("Ukraine", "State", "أوكرانيا")
    built.add_transfer(SEED, "Russia", "Ukraine", "Iskander", "Delivered")
    # Both read the same file: first-come matching follows the order in which the parser gives the facts.
    path = tmp_path / "graph.ttl"
    built.graph.serialize(path, format="turtle")
    figures_agree(evaluate_gold(gold, load_graph(path)), _reference_figures(path, plain))


# ---------------------------------------------------------------------------------------------------------
# The seeds' gold files


def test_there_is_one_gold_file_per_seed_article(gold):
    assert sorted(a.article for a in gold) == sorted(p.name for p in (PROJECT_ROOT / "seeds").glob("*.txt"))


def test_seed_gold_strings_are_verbatim_in_their_article(gold):
    for article in gold:
        text = (PROJECT_ROOT / "seeds" / article.article).read_text(encoding="utf-8")
        for statement in article.said:
            assert statement.claim_contains in text and statement.speaker_ar in text, statement
        for transfer in article.transfers:
            assert transfer.evidence_contains in text and transfer.weapon_ar in text, transfer
        for entity in article.entities:
            assert all(form in text for form in entity.forms_ar), entity


def test_gold_counts(gold):
    counts = {a.article[:3]: (len(a.said), len(a.transfers)) for a in gold}
    assert counts == {"000": (16, 7), "001": (7, 2), "002": (18, 0), "003": (15, 7), "004": (16, 2)}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not JSON"),
        ('{"article": "a.txt"}', "'said' missing"),
        ('{"article": "a.txt", "said": [], "transfers": [], "entities": [{"canonical": "س", "qid": null,'
         ' "type": "City", "forms_ar": ["س"]}]}', "type 'City'"),
        ('{"article": "a.txt", "said": [{"speaker": "X", "speaker_qid": null, "speaker_ar": "س",'
         ' "claim_contains": "x", "kind": "quoted"}], "transfers": [], "entities": []}', "kind 'quoted'"),
        ('{"article": "a.txt", "said": [], "entities": [], "transfers": [{"supplier": "Russia",'
         ' "supplier_qid": null, "recipient": null, "recipient_qid": null, "weapon": "Iskander",'
         ' "weapon_ar": "إسكندر", "status": "Sold", "evidence_contains": ""}]}', "status 'Sold'"),
    ],
)
def test_malformed_gold_is_a_named_error(tmp_path: Path, content: str, message: str):
    (tmp_path / "a.json").write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(message)):
        load_gold(tmp_path)


def test_missing_gold_and_graph_files_are_named_errors(tmp_path: Path):
    with pytest.raises(InputError):
        load_gold(tmp_path / "nowhere")
    with pytest.raises(InputError):
        load_gold(tmp_path)  # a folder with no JSON
    (tmp_path / "graph.ttl").write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(GraphFileError):
        load_graph(tmp_path / "graph.ttl")


# ---------------------------------------------------------------------------------------------------------
# kg eval


def run_eval(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", "eval", *args], capture_output=True, text=True,
                          timeout=300)


def test_kg_eval_prints_the_tables_and_exits_by_the_thresholds(gold, tmp_path: Path):
    built = GraphFromGold(gold)
    index = _said_index(gold, SEED, "Alexander Lukashenko")
    built.remove(built.claims[(SEED, index)])
    path = tmp_path / "graph.ttl"
    built.graph.serialize(path, format="turtle")

    passing = run_eval(str(GOLD_DIR), "--graph", str(path), "--min-said-f1", "0.85",
                       "--min-transfers-f1", "0.85")
    assert passing.returncode == 0, passing.stderr
    for word in ("entities", "said", "transfers", "precision", "recall", "F1", "Per article", "Per rule",
                 "Missed said", SEED):
        assert word in passing.stdout, word

    failing = run_eval(str(GOLD_DIR), "--graph", str(path), "--min-said-f1", "1.0")
    assert failing.returncode == 1
    assert "said F1" in failing.stderr

    as_json = json.loads(run_eval(str(GOLD_DIR), "--graph", str(path), "--json").stdout)
    assert as_json["scores"]["said"]["matched"] == _said_count(gold) - 1


@pytest.mark.parametrize(
    "args",
    [
        ["{gold}", "--graph", "{missing}"],
        ["{missing}", "--graph", "{graph}"],
        ["{gold}", "--graph", "{graph}", "--min-said-f1", "1.5"],
        ["{gold}", "--graph", "{notrdf}"],
    ],
)
def test_kg_eval_bad_input_is_one_error_line_and_exit_2(tmp_path: Path, args: list[str]):
    graph = tmp_path / "graph.ttl"
    graph.write_text("@prefix kg: <https://w3id.org/kg-ar/ontology#> .\n", encoding="utf-8")
    notrdf = tmp_path / "bad.ttl"
    notrdf.write_text("<<< nonsense", encoding="utf-8")
    values = {"gold": str(GOLD_DIR), "missing": str(tmp_path / "missing"), "graph": str(graph),
              "notrdf": str(notrdf)}
    result = run_eval(*(arg.format(**values) for arg in args))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
