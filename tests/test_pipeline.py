"""`kg build` end to end on the seeds through the real models."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from kg.normalizing import fold
from kg.pipeline import build
from kg.vocabulary import KG

from .conftest import SEEDS
from .test_annotating import processor_calls  # noqa: F401  (a fixture)


def nodes_named(graph: Graph, form: str) -> set:
    """Entity nodes carrying this form (folded) as a label or an altLabel."""
    key = fold(form)
    return {
        subject
        for predicate in (RDFS.label, SKOS.altLabel)
        for subject, label in graph.subject_objects(predicate)
        if isinstance(label, Literal) and fold(str(label)) == key
    }


def test_six_documents_one_per_story(seeds_build):
    graph = seeds_build.graph
    documents = set(graph.subjects(RDF.type, KG.Document))
    assert len(documents) == 6 == seeds_build.documents
    sources = [str(s) for d in documents for s in graph.objects(d, DCTERMS.source)]
    assert sum(source.endswith("002_53280a7876b59a8c.txt") for source in sources) == 2


def test_duplicated_body_of_001_appears_once(seeds_build):
    graph = seeds_build.graph
    sentences = [str(t) for s in graph.subjects(RDF.type, KG.Sentence) for t in graph.objects(s, KG.text)]
    assert sum("لا مصلحة لروسيا في ابتلاع أي من كان" in text for text in sentences) == 1


def test_sentence_offsets_point_into_the_stored_document_text(seeds_build):
    graph = seeds_build.graph
    for sentence in graph.subjects(RDF.type, KG.Sentence):
        document = graph.value(sentence, DCTERMS.isPartOf)
        text = str(graph.value(document, KG.text))
        start, end = int(graph.value(sentence, KG.charStart)), int(graph.value(sentence, KG.charEnd))
        assert text[start:end] == str(graph.value(sentence, KG.text))


@pytest.mark.parametrize(
    ("kind", "forms"),
    [
        (KG.Person, ["بوتين", "فلاديمير بوتين"]),
        (KG.Person, ["لوكاشينكو", "لوكاشنكو", "لوكاشنيكو", "ألكسندر لوكاشينكو"]),
        (KG.State, ["روسيا"]),
        (KG.State, ["بيلاروسيا", "بيلاروس", "روسيا البيضاء", "بيلا روسيا"]),
    ],
)
def test_each_real_entity_is_one_node_with_every_spelling(seeds_build, kind, forms):
    graph = seeds_build.graph
    nodes = set().union(*(nodes_named(graph, form) for form in forms))
    assert len(nodes) == 1, f"{forms} spread over {nodes}"
    (node,) = nodes
    assert (node, RDF.type, kind) in graph
    assert any(label.language == "ar" for label in graph.objects(node, RDFS.label))
    for form in forms:
        assert nodes_named(graph, form) == {node}, f"{form} is not among the labels of {node}"


def test_outputs_exist_and_turtle_parses_with_an_independent_parser(seeds_build):
    ttl = seeds_build.outputs["ttl"]
    store = pyoxigraph.Store()
    store.load(path=str(ttl), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(seeds_build.graph)
    count = next(iter(store.query(
        "SELECT (COUNT(?d) AS ?n) WHERE { ?d a <https://w3id.org/kg-ar/ontology#Document> }")))
    assert int(count["n"].value) == 6
    stats = json.loads(seeds_build.outputs["stats"].read_text(encoding="utf-8"))
    assert stats["build"]["documents"] == 6
    assert seeds_build.outputs["html"].stat().st_size > 10_000


def test_every_kg_term_in_the_graph_is_defined_in_the_ontology(seeds_build):
    ontology = Graph().parse(Path(__file__).resolve().parent.parent / "ontologies" / "kg.ttl")
    used = {term for triple in seeds_build.graph for term in triple if str(term).startswith(str(KG))}
    undefined = {term for term in used if (term, None, None) not in ontology}
    assert not undefined


def test_rebuild_of_unchanged_seeds_calls_no_stanza_processor(
    tmp_path: Path, processor_calls: dict[str, int]  # noqa: F811
):
    cache = tmp_path / "cache"
    first = build([SEEDS], tmp_path / "first", cache_dir=cache, html=False)
    assert first.annotated_documents == 6 and processor_calls
    processor_calls.clear()
    second = build([SEEDS], tmp_path / "second", cache_dir=cache, html=False)
    assert processor_calls == {}
    assert second.annotated_documents == 0 and second.stanza_calls == 0
    from rdflib.compare import isomorphic

    assert isomorphic(first.graph, second.graph)
