"""The persistent Oxigraph store: what goes in comes out, as a graph; queries answer there as in memory."""

from __future__ import annotations

import gc
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import GraphFileError, OutputError
from kg.querying import run_query
from kg.storing import count_triples, dump_store, is_store, open_store, write_store
from kg.vocabulary import KG, KGR
from tests.conftest import models_dir

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _as_memory_graph(graph: Graph) -> Graph:
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    return copy


def small_graph() -> Graph:
    graph = Graph()
    putin, russia, claim = KGR["فلاديمير-بوتين"], KGR["روسيا"], KGR["claim-1"]
    graph.add((putin, RDF.type, KG.Person))
    graph.add((putin, RDFS.label, Literal("فلاديمير بوتين", lang="ar")))
    graph.add((putin, RDFS.label, Literal("Vladimir Putin", lang="en")))
    graph.add((putin, SKOS.altLabel, Literal("بوتين", lang="ar")))
    graph.add((russia, RDF.type, KG.State))
    graph.add((putin, KG.said, claim))
    graph.add((claim, RDF.type, KG.Claim))
    graph.add((claim, KG.speaker, putin))
    graph.add((claim, KG.text, Literal("سنساعد بيلاروسيا في إنتاج الصواريخ", lang="ar")))
    graph.add((claim, KG.mentions, russia))
    graph.add((KGR["transfer-1"], KG.quantity, Literal(3)))
    graph.add((KGR["doc-1"], KG.charStart, Literal(120, datatype=XSD.integer)))
    graph.add((KGR["doc-1"], DCTERMS.source, Literal("seeds/000_b4c568853b079921.txt")))
    return graph


def test_a_graph_written_to_a_store_reads_back_isomorphic(tmp_path: Path) -> None:
    graph = small_graph()
    store_dir = write_store(graph, tmp_path / "store")
    assert is_store(store_dir)
    stored = open_store(store_dir)
    assert len(stored) == len(graph) == count_triples(store_dir)
    assert isomorphic(_as_memory_graph(stored), graph)


def test_a_turtle_file_is_bulk_loaded_as_it_is(tmp_path: Path) -> None:
    graph = small_graph()
    turtle = tmp_path / "graph.ttl"
    graph.serialize(turtle, format="turtle", encoding="utf-8")
    stored = open_store(write_store(turtle, tmp_path / "store"))
    assert isomorphic(_as_memory_graph(stored), graph)


def test_writing_again_replaces_the_store_whole(tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    write_store(small_graph(), store_dir)
    smaller = Graph()
    smaller.add((KGR["a"], RDF.type, KG.State))
    write_store(smaller, store_dir)
    assert isomorphic(_as_memory_graph(open_store(store_dir)), smaller)
    assert [p.name for p in tmp_path.iterdir()] == ["store"]  # no staging or retired folder left behind


def test_a_reader_keeps_its_store_while_a_new_one_is_swapped_in(tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    write_store(small_graph(), store_dir)
    reader = open_store(store_dir)
    write_store(Graph(), store_dir)
    assert len(_as_memory_graph(reader)) == len(small_graph())
    assert len(open_store(store_dir)) == 0


def test_dump_store_writes_the_same_graph_as_turtle(tmp_path: Path) -> None:
    store_dir = write_store(small_graph(), tmp_path / "store")
    turtle = dump_store(store_dir, tmp_path / "out" / "graph.ttl")
    text = turtle.read_text(encoding="utf-8")
    assert "@prefix kg: <https://w3id.org/kg-ar/ontology#>" in text
    assert isomorphic(Graph().parse(turtle, format="turtle"), small_graph())


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (lambda root: (root / "store").write_text("x"), OutputError, "is a file"),
        (lambda root: (root / "store").mkdir() or (root / "store" / "notes.txt").write_text("x"),
         OutputError, "not an Oxigraph store"),
    ],
)
def test_write_store_refuses_what_is_not_a_store(tmp_path: Path, make, error, message) -> None:
    make(tmp_path)
    with pytest.raises(error, match=message):
        write_store(small_graph(), tmp_path / "store")


def test_write_store_refuses_a_file_it_cannot_load(tmp_path: Path) -> None:
    (tmp_path / "graph.csv").write_text("a,b\n")
    with pytest.raises(OutputError, match="cannot load"):
        write_store(tmp_path / "graph.csv", tmp_path / "store")
    assert not (tmp_path / "store").exists()


@pytest.mark.parametrize("name", ["missing", "plain-folder"])
def test_open_store_says_what_is_wrong(tmp_path: Path, name: str) -> None:
    (tmp_path / "plain-folder").mkdir()
    with pytest.raises(GraphFileError):
        open_store(tmp_path / name)


def test_queries_give_the_same_rows_on_the_store_as_in_memory(tmp_path: Path) -> None:
    graph = small_graph()
    stored = open_store(write_store(graph, tmp_path / "store"))
    query = """
        SELECT ?speaker ?text WHERE {
          ?claim a kg:Claim ; kg:speaker ?actor ; kg:text ?text .
          ?actor rdfs:label ?speaker FILTER(lang(?speaker) = "ar")
        } ORDER BY ?text"""
    in_memory, on_disk = run_query(graph, query), run_query(stored, query)
    assert on_disk.rows == in_memory.rows
    assert [str(cell) for cell in on_disk.rows[0]] == ["فلاديمير بوتين", "سنساعد بيلاروسيا في إنتاج الصواريخ"]


def test_a_simple_literal_reads_back_as_rdflib_parses_it(tmp_path: Path) -> None:
    """Oxigraph types every simple literal xsd:string; the store gives them back plain, as graph.ttl does."""
    stored = open_store(write_store(small_graph(), tmp_path / "store"))
    source = Literal("seeds/000_b4c568853b079921.txt")
    assert list(stored.objects(KGR["doc-1"], DCTERMS.source)) == [source]
    rows = run_query(stored, "SELECT ?source WHERE { ?doc dcterms:source ?source }").rows
    assert rows == [(source,)] and rows[0][0].datatype is None


def test_a_parameter_given_by_name_finds_the_entity_in_the_store(tmp_path: Path) -> None:
    stored = open_store(write_store(small_graph(), tmp_path / "store"))
    query = """
        # param actor (entity): the speaker
        SELECT ?claim WHERE { VALUES ?actor { UNDEF } ?claim kg:speaker ?actor }"""
    assert run_query(stored, query, {"actor": "بُوتين"}).rows == [(KGR["claim-1"],)]
    assert run_query(stored, query, {"actor": "ميدفيديف"}).rows == []


arabic_text = st.text(alphabet=st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةىًٌٍَُِّْ «»،؛؟\n\"\\'"),
                      min_size=0, max_size=40)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(arabic_text, min_size=1, max_size=5), number=st.integers(-10**12, 10**12))
def test_any_arabic_literal_and_number_survives_the_store(tmp_path: Path, texts: list[str],
                                                          number: int) -> None:
    graph = Graph()
    for position, text in enumerate(texts):
        graph.add((URIRef(f"{KGR}s{position}"), KG.text, Literal(text, lang="ar")))
    graph.add((KGR["t"], KG.quantity, Literal(number)))
    stored = open_store(write_store(graph, tmp_path / "store"))
    assert isomorphic(_as_memory_graph(stored), graph)


def test_kg_build_store_and_query_store_on_the_seeds(seeds_build, tmp_path: Path) -> None:
    """The seeds' graph through the store: the same graph, and the CLI's --store query answers from it."""
    store_dir = write_store(seeds_build.outputs["ttl"], tmp_path / "store")
    stored = open_store(store_dir)
    assert isomorphic(_as_memory_graph(stored), seeds_build.graph)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?claim a kg:Claim }"
    assert run_query(stored, count).rows == run_query(seeds_build.graph, count).rows


def test_the_cli_builds_a_store_and_queries_it(seeds_build, annotation_cache_dir: Path,
                                               tmp_path: Path) -> None:
    runner = CliRunner()
    store_dir = tmp_path / "store"
    built = runner.invoke(app, ["build", str(SEEDS), "--out", str(tmp_path / "out"), "--no-html", "--quiet",
                                "--models", str(models_dir()), "--cache-dir", str(annotation_cache_dir),
                                "--store", str(store_dir)])
    assert built.exit_code == 0, built.output
    assert isomorphic(_as_memory_graph(open_store(store_dir)), seeds_build.graph)
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?doc a kg:Document }"
    asked = runner.invoke(app, ["query", query, "--store", str(store_dir), "--format", "csv"])
    assert asked.exit_code == 0, asked.output
    documents = sum(1 for _ in seeds_build.graph.subjects(RDF.type, KG.Document))
    assert asked.output.split() == ["n", str(documents)]


def run_kg(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True,
                          timeout=600)


@pytest.fixture(scope="module")
def seeds_store(seeds_build, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_store(seeds_build.outputs["ttl"], tmp_path_factory.mktemp("seeds-store") / "store")


GOLD = Path(__file__).parent / "gold"


@pytest.mark.parametrize("command", [["stats", "--json"], ["eval", str(GOLD), "--json"]])
def test_stats_and_eval_read_a_store_as_they_read_its_file(
    seeds_store: Path, tmp_path: Path, command: list[str]
):
    # The store's own dump, so that the file lists the facts in the store's order: kg eval pairs facts with
    # the gold one to one in the order it meets them, and two orders may pair a borderline claim differently.
    graph_file = dump_store(seeds_store, tmp_path / "graph.ttl")
    from_file = run_kg(*command, *(["--graph", graph_file] if command[0] == "eval" else [graph_file]))
    from_store = run_kg(*command, "--store", seeds_store)
    assert from_file.returncode == from_store.returncode == 0, from_store.stderr
    assert json.loads(from_store.stdout) == json.loads(from_file.stdout)


def test_viz_draws_a_store_as_it_draws_its_file(seeds_build, seeds_store: Path, tmp_path: Path):
    from_file = run_kg("viz", seeds_build.outputs["ttl"], "-o", tmp_path / "file.html")
    from_store = run_kg("viz", "--store", seeds_store, "-o", tmp_path / "store.html")
    assert from_file.returncode == from_store.returncode == 0, from_store.stderr
    counts = re.compile(r"\d+ entities · \d+ claims · \d+ transfers")
    pages = [(tmp_path / name).read_text(encoding="utf-8") for name in ("file.html", "store.html")]
    assert counts.search(pages[1]).group() == counts.search(pages[0]).group()


def test_eval_takes_a_graph_or_a_store_not_both(seeds_build, seeds_store: Path):
    result = run_kg("eval", GOLD, "--graph", seeds_build.outputs["ttl"], "--store", seeds_store)
    assert result.returncode == 2 and result.stderr.startswith("Error: --graph and --store name two graphs")


# ---------------------------------------------------------------------------------------------------------
# The store's index: names found with one lookup, the graph's size without counting, neither in the graph


@pytest.mark.parametrize("name", ["بوتين", "بُوتين", "فلاديمير بوتين", "Vladimir Putin", "فلاديمير  بوتين"])
def test_the_store_index_finds_an_entity_by_any_spelling(tmp_path: Path, name: str) -> None:
    from kg.normalizing import match_key
    from kg.querying import find_entities, oxigraph_store
    from kg.storing import indexed_entities

    graph = small_graph()
    stored = open_store(write_store(graph, tmp_path / "store"))
    putin = str(KGR["فلاديمير-بوتين"])
    assert indexed_entities(oxigraph_store(stored), match_key(name)) == {putin}
    assert find_entities(stored, name) == find_entities(graph, name) == [URIRef(putin)]


def test_the_index_stays_out_of_the_graph(tmp_path: Path) -> None:
    graph = small_graph()
    store_dir = write_store(graph, tmp_path / "store")
    stored = open_store(store_dir)
    assert len(stored) == len(graph) == count_triples(store_dir)
    everything = run_query(stored, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows
    assert int(everything[0][0]) == len(graph)
    assert isomorphic(_as_memory_graph(stored), graph)
    assert isomorphic(Graph().parse(dump_store(store_dir, tmp_path / "graph.nt"), format="nt"), graph)


def test_an_index_made_by_another_normalizer_is_not_used(tmp_path: Path) -> None:
    """A store written before kg's normalizer changed: its match keys may be stale, so every label is folded
    again, and the name is still found."""
    import pyoxigraph as ox

    from kg.querying import find_entities, oxigraph_store
    from kg.storing import INDEX_GRAPH, STORE_NS, indexed_entities

    store_dir = write_store(small_graph(), tmp_path / "store")
    writable = ox.Store(str(store_dir))
    index, normalizer = ox.NamedNode(INDEX_GRAPH), ox.NamedNode(STORE_NS + "normalizer")
    for quad in list(writable.quads_for_pattern(index, normalizer, None, index)):
        writable.remove(quad)
    writable.add(ox.Quad(index, normalizer, ox.Literal("an older normalizer"), index))
    match_key_predicate = ox.NamedNode(STORE_NS + "matchKey")
    writable.add(ox.Quad(ox.NamedNode(str(KGR["x"])), match_key_predicate, ox.Literal("بوتين"), index))
    writable.flush()
    del writable
    gc.collect()  # the store's RocksDB lock goes with its last reference
    stored = open_store(store_dir)
    assert indexed_entities(oxigraph_store(stored), "بوتين") is None
    assert find_entities(stored, "بوتين") == [KGR["فلاديمير-بوتين"]]  # not the stale index's kgr:x


any_text = st.text(alphabet=st.one_of(
    st.sampled_from('ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةىًٌٍَُِّْ «»،؛؟\t\n\r"\'\\u{}<>@^_:#'),
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
), max_size=30)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(any_text, min_size=1, max_size=4), number=st.integers(-10**15, 10**15),
       flag=st.booleans())
def test_any_term_comes_back_from_a_store_query_as_rdflib_gives_it(tmp_path_factory: pytest.TempPathFactory,
                                                                      texts: list[str], number: int,
                                                                      flag: bool) -> None:
    """Rows read from Oxigraph's TSV: every escape, language, datatype and short form read back right."""
    graph = Graph()
    for position, text in enumerate(texts):
        graph.add((KGR[f"s{position}"], KG.text, Literal(text, lang="ar")))
        graph.add((KGR[f"s{position}"], DCTERMS.source, Literal(text)))
        graph.add((KGR[f"s{position}"], RDFS.label, Literal(text, lang="en")))
    graph.add((KGR["t"], KG.quantity, Literal(number)))
    graph.add((KGR["t"], KG.charStart, Literal(flag)))
    graph.add((KGR["t"], DCTERMS.date, Literal("2024-05-24", datatype=XSD.date)))
    graph.add((KGR["t"], DCTERMS.title, Literal(texts[0], datatype=XSD.token)))
    stored = open_store(write_store(graph, tmp_path_factory.mktemp("store") / "store"))
    query = "SELECT ?s ?p ?o ?nothing WHERE { ?s ?p ?o OPTIONAL { ?s kg:nothing ?nothing } }"
    on_disk, in_memory = run_query(stored, query).rows, run_query(graph, query).rows
    assert sorted(on_disk) == sorted(in_memory)
    for row in on_disk:
        twin = next(other for other in in_memory if other == row)
        assert [(type(a), getattr(a, "language", None), getattr(a, "datatype", None)) for a in row] == \
            [(type(b), getattr(b, "language", None), getattr(b, "datatype", None)) for b in twin]


def test_ask_construct_and_describe_answer_on_the_store_as_in_memory(tmp_path: Path) -> None:
    graph = small_graph()
    stored = open_store(write_store(graph, tmp_path / "store"))
    for query in ("ASK { ?c a kg:Claim ; kg:speaker ?s }", "ASK { ?c a kg:Transfer }"):
        assert run_query(stored, query).boolean is run_query(graph, query).boolean
    construct = "# what DESCRIBE would not say\nCONSTRUCT { ?s kg:said ?c } WHERE { ?c kg:speaker ?s }"
    on_disk, in_memory = run_query(stored, construct), run_query(graph, construct)
    assert on_disk.form == "CONSTRUCT" and isomorphic(on_disk.graph, in_memory.graph)
    described = run_query(stored, "DESCRIBE kgr:claim-1")
    claim_text = Literal("سنساعد بيلاروسيا في إنتاج الصواريخ", lang="ar")
    assert described.form == "DESCRIBE" and (KGR["claim-1"], KG.text, claim_text) in described.graph
