"""Sources that disagree and sources that copy: a delivery one article reports and another denies is
flagged as contested in the graph, its preset, the register and the HTML; the same wire story in two outlets
counts as one source; the build itself is recorded as a prov:Activity.

Articles of our own, built by the real pipeline and models; the HTML is opened in headless Chromium.
"""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, PROV, RDF

from kg.querying import get_preset, run_query
from kg.registers import claim_register, transfer_register
from kg.vocabulary import KG

from .test_drawing import OpenedPage

DELIVERY = ("مصر تتسلم الرافال\n"
            "وتسلمت مصر أمس ثلاث طائرات رافال من فرنسا في قاعدة جوية قرب القاهرة، بحسب مصادر عسكرية. "
            "وقال المتحدث العسكري إن الطائرات ستشارك في تأمين الاحتفالات الرسمية المقبلة.")
# The same wire story in a second outlet, a few words changed: a near-duplicate, not a second source.
DELIVERY_COPY = DELIVERY.replace("قرب القاهرة", "شرق القاهرة").replace("المقبلة", "القادمة")
DENIAL = ("باريس تنفي\n"
          "ونفت فرنسا أن تكون قد سلمت مصر طائرات رافال هذا الأسبوع، مؤكدة أن موعد التسليم لم يحدد بعد.")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, annotator):
    from kg.pipeline import build

    dump = tmp_path_factory.mktemp("contested") / "news.jsonl"
    records = [(DELIVERY, "2015-07-20", "alahram"), (DELIVERY_COPY, "2015-07-21", "almasry"),
               (DENIAL, "2015-08-02", "lemonde")]
    dump.write_text("".join(json.dumps({"title": text.split("\n")[0], "content": text.split("\n", 1)[1],
                                        "date": date, "source": outlet}, ensure_ascii=False) + "\n"
                            for text, date, outlet in records), encoding="utf-8")
    return build([dump], tmp_path_factory.mktemp("out"), annotator=annotator)


def _transfers(graph: Graph, status: str) -> list:
    return [t for t in graph.subjects(KG.status, KG[status])]


def test_a_delivery_and_its_denial_are_linked_as_contested(built):
    graph = built.graph
    (delivered,) = _transfers(graph, "Delivered")
    (denied,) = _transfers(graph, "Denied")
    assert (delivered, KG.contestedBy, denied) in graph and (denied, KG.contestedBy, delivered) in graph
    assert graph.value(delivered, KG.weapon) == graph.value(denied, KG.weapon)


def test_a_wire_story_in_two_outlets_counts_as_one_source(built):
    graph = built.graph
    (delivered,) = _transfers(graph, "Delivered")
    documents = {doc for sentence in graph.objects(delivered, PROV.wasDerivedFrom)
                 for doc in graph.objects(sentence, DCTERMS.isPartOf)}
    assert len(documents) == 2
    assert all((doc, KG.nearDuplicateOf, other) in graph for doc in documents for other in documents - {doc})
    assert graph.value(delivered, KG.sourceCount) == Literal(1)
    for claim in graph.subjects(RDF.type, KG.Claim):
        assert graph.value(claim, KG.sourceCount) is not None


def test_the_build_is_a_prov_activity_every_fact_was_generated_by(built):
    graph = built.graph
    (activity,) = graph.subjects(RDF.type, PROV.Activity)
    assert graph.value(activity, KG.modelsFingerprint) is not None
    agent = graph.value(activity, PROV.wasAssociatedWith)
    assert (agent, RDF.type, PROV.SoftwareAgent) in graph
    assert len(list(graph.objects(activity, PROV.used))) == 3
    facts = [*graph.subjects(RDF.type, KG.Claim), *graph.subjects(RDF.type, KG.Transfer)]
    assert facts and all((fact, PROV.wasGeneratedBy, activity) in graph for fact in facts)


def test_the_contested_preset_lists_the_pair(built):
    rows = run_query(built.graph, get_preset("contested").text).records()
    assert rows and {row["status"].toPython() for row in rows} == {"Delivered"}
    assert all("نفت فرنسا" in str(row["denial_evidence"]) for row in rows)


def test_oxigraph_agrees_with_rdflib_on_the_contested_preset(built):
    import pyoxigraph as ox

    from kg.querying import prepare_query

    store = ox.Store()
    store.load(input=built.graph.serialize(format="nt").encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    ours = run_query(built.graph, get_preset("contested").text)
    theirs = store.query(prepare_query(built.graph, get_preset("contested").text, {}).text)
    assert ours.rows
    assert sorted(tuple("" if t is None else t.value for t in row) for row in theirs) == sorted(
        ours.text_rows())


def test_the_register_says_which_report_contests_a_transfer(built):
    entries = {entry.status: entry for entry in transfer_register(built.graph)}
    assert entries["Delivered"].contested_by == "Denied"
    assert entries["Denied"].contested_by == "Delivered"


def test_the_html_marks_the_contested_transfer(built, browser):
    page = OpenedPage(browser, built.out_dir / "graph.html")
    try:
        contested = page.evaluate("kg.network.body.data.edges.get({filter: e => e.contested})"
                                  ".map(e => [e.label, e.title.textContent])")
    finally:
        page.close()
    assert contested
    assert all("⚠" in label or label == "إلى" for label, _ in contested)
    assert all("contested" in tip for _, tip in contested)


@pytest.mark.parametrize(("since", "until", "statuses"), [
    (None, None, {"Delivered", "Denied"}),
    ("2015-08-01", None, {"Denied"}),
    (None, "2015-07-31", {"Delivered"}),
    ("2015-07-21", "2015-07-21", {"Delivered"}),  # the copy's day alone
    ("2015-09-01", None, set()),
])
def test_the_registers_keep_the_facts_reported_in_a_window(built, since, until, statuses):
    assert {e.status for e in transfer_register(built.graph, since=since, until=until)} == statuses
    claims = claim_register(built.graph, since=since, until=until)
    assert claims or statuses != {"Delivered", "Denied"}
    assert all((since or "") <= entry.last_reported and entry.first_reported <= (until or "9")
               for entry in claims)


def test_a_window_that_is_no_date_is_one_line_error(built, tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    (tmp_path / "g.ttl").write_text(built.graph.serialize(format="turtle"), encoding="utf-8")
    result = CliRunner().invoke(app, ["transfers", str(tmp_path / "g.ttl"), "--since", "August 2015"])
    assert result.exit_code != 0 and "not a date" in result.output and "Traceback" not in result.output


def test_a_transfer_keeps_when_its_sentence_says_it_happened(built):
    (delivered,) = _transfers(built.graph, "Delivered")
    # «أمس» in an article of 2015-07-20 (and of 2015-07-21 in its copy)
    assert {str(day) for day in built.graph.objects(delivered, KG.eventDate)} == {"2015-07-19", "2015-07-20"}
    happened = {entry.status: entry.happened for entry in transfer_register(built.graph)}
    assert happened["Delivered"] == "2015-07-19, 2015-07-20"


def test_the_html_filters_facts_by_the_dates_they_were_reported(built, browser):
    page = OpenedPage(browser, built.out_dir / "graph.html")
    shown = ("kg.network.body.data.edges.get({filter: e => e.relation === 'transfers' && !e.hidden})"
             ".map(e => e.status)")
    try:
        everything = page.evaluate(shown)
        page.page.fill("#kg-since", "2015-08-01")
        page.page.dispatch_event("#kg-since", "change")
        august = page.evaluate(shown)
        page.page.fill("#kg-since", "")
        page.page.fill("#kg-until", "2015-07-31")
        page.page.dispatch_event("#kg-until", "change")
        july = page.evaluate(shown)
    finally:
        page.close()
    assert set(everything) == {"Delivered", "Denied"}
    assert set(august) == {"Denied"} and set(july) == {"Delivered"}
