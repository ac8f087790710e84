"""Querying: presets on the seeds' real graph, checked against an independent engine (Oxigraph); parameters
bound safely; prefixes, errors, result formats and the Arabic table; the `kg query`, `kg transfers`,
`kg claims` and `kg export` commands."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD
from rich.cells import cell_len
from rich.console import Console

from kg.errors import GraphFileError, QueryError
from kg.normalizing import match_key
from kg.querying import (
    LIST_SEPARATOR,
    PREFIXES,
    QueryResult,
    find_entities,
    get_preset,
    list_presets,
    load_graph,
    parse_term,
    prepare_query,
    print_result,
    result_table,
    run_preset,
    run_query,
    serialize_result,
    with_prefixes,
)
from kg.registers import ClaimEntry, TransferEntry, claim_register, print_register, transfer_register
from kg.vocabulary import KG, KGR, bind_prefixes

KG_COMMAND = [sys.executable, "-m", "kg"]
PRESET_NAMES = ("who-said-what", "transfers", "said-by", "weapons-to-state", "sources-of-fact",
                "entity-spellings", "contested", "timeline")

# The seeds' people and states, by their canonical Arabic labels.
LUKASHENKO, PUTIN, RUSSIA, BELARUS = "ألكسندر لوكاشينكو", "فلاديمير بوتين", "روسيا", "بيلاروس"


# ---------------------------------------------------------------------------------------------------------
# A small graph in the vocabulary, written by hand, for what does not need the seeds


def small_graph() -> Graph:
    graph = Graph()
    bind_prefixes(graph)
    people = {
        "lukashenko": (KG.Person, LUKASHENKO, "Alexander Lukashenko", ["لوكاشينكو", "لوكاشنكو"]),
        "putin": (KG.Person, PUTIN, "Vladimir Putin", ["بوتين"]),
        "russia": (KG.State, RUSSIA, "Russia", ["موسكو"]),
        "belarus": (KG.State, BELARUS, "Belarus", ["بيلا روسيا", "بيلاروسيا"]),
        "minsk": (KG.Place, "مينسك", "Minsk", []),
        "iskander": (KG.Weapon, "إسكندر", "Iskander", []),
    }
    for slug, (kind, label_ar, label_en, forms) in people.items():
        graph.add((KGR[slug], RDF.type, kind))
        graph.add((KGR[slug], RDFS.label, Literal(label_ar, lang="ar")))
        graph.add((KGR[slug], RDFS.label, Literal(label_en, lang="en")))
        for form in forms:
            graph.add((KGR[slug], SKOS.altLabel, Literal(form, lang="ar")))
    graph.add((KGR.minsk, KG.standsFor, KGR.belarus))
    doc, sentence = KGR["doc-1"], KGR["doc-1-s0"]
    text = "قال لوكاشينكو إن موسكو وافقت على مساعدة بيلاروسيا في إنتاج صواريخ إسكندر."
    graph.add((doc, RDF.type, KG.Document))
    graph.add((doc, DCTERMS.source, Literal("seeds/a.txt")))
    graph.add((doc, DCTERMS.date, Literal("2024-05-24", datatype=XSD.date)))
    graph.add((sentence, RDF.type, KG.Sentence))
    graph.add((sentence, KG.text, Literal(text, lang="ar")))
    graph.add((sentence, DCTERMS.isPartOf, doc))
    graph.add((sentence, KG.charStart, Literal(0)))
    graph.add((sentence, KG.charEnd, Literal(len(text))))
    claim = KGR["claim-1"]
    graph.add((KGR.lukashenko, KG.said, claim))
    graph.add((claim, RDF.type, KG.Claim))
    graph.add((claim, KG.speaker, KGR.lukashenko))
    graph.add((claim, KG.text, Literal("موسكو وافقت على مساعدة بيلاروسيا في إنتاج صواريخ إسكندر", lang="ar")))
    graph.add((claim, KG.quoteKind, KG.ReportedSpeech))
    graph.add((claim, PROV.wasDerivedFrom, sentence))
    transfer = KGR["transfer-1"]
    graph.add((transfer, RDF.type, KG.Transfer))
    graph.add((transfer, KG.supplier, KGR.russia))
    graph.add((transfer, KG.recipient, KGR.belarus))
    graph.add((transfer, KG.weapon, KGR.iskander))
    graph.add((transfer, KG.status, KG.Agreed))
    graph.add((transfer, PROV.wasDerivedFrom, sentence))
    return graph


@pytest.fixture(scope="module")
def small() -> Graph:
    return small_graph()


# ---------------------------------------------------------------------------------------------------------
# Prefixes


def test_the_vocabulary_prefixes_are_declared_for_a_query_that_omits_them(small: Graph) -> None:
    result = run_query(small, "SELECT ?claim WHERE { ?claim a kg:Claim ; prov:wasDerivedFrom ?s }")
    assert result.rows == [(KGR["claim-1"],)]


def test_a_prefix_the_query_declares_is_kept_and_not_declared_twice() -> None:
    text, added = with_prefixes("PREFIX kg: <http://example.org/other#>\nSELECT * WHERE { ?s a kg:Claim }")
    assert text.count("PREFIX kg:") == 1 and "http://example.org/other#" in text
    assert added == len(PREFIXES) - 1


def test_a_query_with_its_own_kg_prefix_means_its_own_namespace(small: Graph) -> None:
    query = "PREFIX kg: <http://example.org/other#>\nSELECT ?claim WHERE { ?claim a kg:Claim }"
    assert run_query(small, query).rows == []


# ---------------------------------------------------------------------------------------------------------
# Errors: one line, the position of a syntax error in the user's own text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SELECT ?x WHERE {\n  ?x a kg:Claim .\n  ?x ?y\n}", r"^malformed SPARQL at line [34], column \d+: "),
        ("SELEC ?x WHERE { ?x ?p ?o }", r"^malformed SPARQL at line 1, column 1: "),
        ("SELECT ?x WHERE { ?x nope:thing ?o }", r"^malformed SPARQL: .*nope"),
    ],
)
def test_a_malformed_query_is_one_line_with_its_position(small: Graph, query: str, expected: str) -> None:
    with pytest.raises(QueryError) as caught:
        run_query(small, query)
    message = str(caught.value)
    assert re.search(expected, message) and "\n" not in message


def test_an_unknown_preset_lists_the_presets() -> None:
    with pytest.raises(QueryError) as caught:
        get_preset("who-said")
    assert all(name in str(caught.value) for name in PRESET_NAMES)


def test_an_unknown_parameter_names_the_ones_the_preset_takes(small: Graph) -> None:
    with pytest.raises(QueryError, match="'speaker'.*takes: actor"):
        run_preset(small, "said-by", {"speaker": "بوتين"})


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "graph file not found"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "is not RDF"),
        ("هذا نص عربي وليس RDF".encode(), "is not RDF"),
        (b"<a> <b> .", "is not RDF"),
    ],
    ids=["missing", "png", "arabic-text", "broken-turtle"],
)
def test_a_missing_or_non_rdf_graph_file_is_one_line(tmp_path: Path, content: bytes | None,
                                                     expected: str) -> None:
    path = tmp_path / "graph.ttl"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(GraphFileError) as caught:
        load_graph(path)
    assert expected in str(caught.value) and "\n" not in str(caught.value)


# ---------------------------------------------------------------------------------------------------------
# Parameters: matched after folding, never pasted into the query


@pytest.mark.parametrize(
    "name",
    ["لوكاشينكو", "لُوكَاشِينْكُو", "لوكاشـــينكو", "ألكسندر لوكاشينكو", "الكسندر لوكاشينكو", "إلكسندر لوكاشينكو",
     "لوكاشنكو", "alexander LUKASHENKO", "kgr:lukashenko", "<https://w3id.org/kg-ar/resource/lukashenko>"],
)
def test_said_by_finds_the_actor_by_any_spelling(small: Graph, name: str) -> None:
    result = run_preset(small, "said-by", {"actor": name})
    assert [str(row["claim"]) for row in result.records()] == [str(KGR["claim-1"])]
    assert not result.notes


@pytest.mark.parametrize("name", ["بوتين", "بيلاروسيا", "لوكاش", "Lukashenko"])
def test_said_by_finds_nothing_for_another_or_a_partial_name(small: Graph, name: str) -> None:
    assert run_preset(small, "said-by", {"actor": name}).rows == []


@pytest.mark.parametrize("name", ["مينسك", "بيلا روسيا", "بيلاروسيا", "بيلاروس", "Belarus", "kgr:belarus"])
def test_a_capital_or_another_spelling_of_a_state_finds_its_transfers(small: Graph, name: str) -> None:
    result = run_preset(small, "weapons-to-state", {"state": name})
    assert [(str(r["supplier"]), str(r["weapon"])) for r in result.records()] == [(RUSSIA, "إسكندر")]


HOSTILE_VALUES = [
    '" } ?s ?p ?o . { "',
    "> } UNION { ?s ?p ?o } #",
    '"""\n} UNION { ?s ?p ?o }\n#',
    "\\u0022) } UNION { ?s ?p ?o }",
    "kgr:x> } UNION { ?s ?p ?o } <x",
    "بوتين\" } UNION { ?claim ?p ?o } #",
]


@pytest.mark.parametrize("value", HOSTILE_VALUES)
@pytest.mark.parametrize(("preset", "param"), [("said-by", "actor"), ("sources-of-fact", "fact")])
def test_a_hostile_entity_or_fact_parameter_matches_nothing(small: Graph, preset: str, param: str,
                                                            value: str) -> None:
    try:
        result = run_preset(small, preset, {param: value})
    except QueryError as error:  # an IRI-looking value rdflib refuses: refused, not run
        assert "not a valid IRI" in str(error)
        return
    assert result.rows == []


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_a_hostile_literal_parameter_is_bound_as_a_string(small: Graph, value: str) -> None:
    query = "SELECT ?name ?s WHERE { OPTIONAL { ?s rdfs:label ?label FILTER(STR(?label) = ?name) } }"
    result = run_query(small, query, {"name": value})
    assert [tuple(row) for row in result.rows] in ([(Literal(value), None)], [(URIRef(value[1:-1]), None)])


def test_a_hostile_literal_in_a_values_placeholder_stays_one_string(small: Graph) -> None:
    query = 'SELECT ?name WHERE { VALUES ?name { UNDEF } }'
    for value in HOSTILE_VALUES:
        if value.startswith(("kgr:", "<")):
            continue
        assert run_query(small, query, {"name": value}).rows == [(Literal(value),)]


def test_a_name_that_matches_nothing_gives_no_rows_and_a_note(small: Graph) -> None:
    result = run_preset(small, "said-by", {"actor": "ميدفيديف"})
    assert result.rows == [] and result.notes == ("no entity in the graph is named «ميدفيديف»",)


def test_facts_are_found_by_words_of_the_claim(small: Graph) -> None:
    result = run_preset(small, "sources-of-fact", {"fact": "وَافَقت على مساعدة"})
    assert {str(row["fact"]) for row in result.records()} == {str(KGR["claim-1"])}


# ---------------------------------------------------------------------------------------------------------
# Query forms and result formats


def test_ask_construct_and_describe(small: Graph) -> None:
    assert run_query(small, "ASK { ?t kg:status kg:Agreed }").boolean is True
    assert run_query(small, "ASK { ?t kg:status kg:Denied }").boolean is False
    built = run_query(small, "CONSTRUCT { ?s kg:transfers ?w } WHERE { ?t kg:supplier ?s ; kg:weapon ?w }")
    assert built.form == "CONSTRUCT" and set(built.graph) == {(KGR.russia, KG.transfers, KGR.iskander)}
    turtle = serialize_result(built, "table")
    assert isomorphic(Graph().parse(data=turtle, format="turtle"), built.graph)
    described = run_query(small, "DESCRIBE kgr:putin")
    assert (KGR.putin, RDFS.label, Literal(PUTIN, lang="ar")) in described.graph


def _oxigraph_rows(data: str, format_name: str) -> list[tuple[str, ...]]:
    """Parse SPARQL results with Oxigraph's own parser (CSV, which it refuses as lossy, with Python's):
    the rows as strings."""
    if format_name == "csv":
        assert data.endswith("\r\n")  # SPARQL's CSV ends its lines with CRLF
        return [tuple(row) for row in csv.reader(io.StringIO(data, newline=""))][1:]
    formats = {"tsv": ox.QueryResultsFormat.TSV, "json": ox.QueryResultsFormat.JSON}
    solutions = ox.parse_query_results(data.encode("utf-8"), format=formats[format_name])
    return [tuple("" if term is None else term.value for term in solution) for solution in solutions]


@pytest.mark.parametrize("format_name", ["csv", "tsv", "json"])
def test_result_formats_parse_back_to_the_same_rows(small: Graph, format_name: str) -> None:
    result = run_preset(small, "said-by", {"actor": LUKASHENKO})
    # A sentence with a tab, a line break and quotes, to test the escaping of each format.
    tricky = QueryResult("SELECT", ("text", "n"), [(Literal('a\t"b"\nc', lang="ar"), Literal(3))])
    for each in (result, tricky):
        data = serialize_result(each, format_name)
        assert _oxigraph_rows(data, format_name) == each.text_rows()


any_text = st.text(alphabet=st.one_of(
    st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةىًٌٍَُِّْـ«»،؛؟ \t\n\r\"'\\{}<>?#$@,;|u0123456789"),
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
), max_size=30)


@settings(max_examples=60, deadline=None)
@given(values=st.lists(any_text, min_size=1, max_size=4))
def test_any_text_survives_every_result_format(values: list[str]) -> None:
    result = QueryResult("SELECT", ("value", "language"),
                         [(Literal(value, lang="ar"), Literal(value)) for value in values])
    for format_name in ("csv", "tsv", "json"):
        assert _oxigraph_rows(serialize_result(result, format_name), format_name) == result.text_rows()


@settings(max_examples=60, deadline=None)
@given(value=any_text)
def test_any_text_is_bound_intact_as_a_parameter(value: str) -> None:
    graph = small_graph()
    query = "SELECT ?name (STRLEN(?name) AS ?length) WHERE { VALUES ?name { UNDEF } }"
    try:
        if parse_term(value) is not None:
            return  # written as an IRI: bound as one, tested above
    except QueryError:
        return  # written as an IRI no query can hold: refused, tested above
    row = run_query(graph, query, {"name": value}).rows[0]
    assert str(row[0]) == value and int(row[1]) == len(value)


def test_json_results_keep_language_and_datatype(small: Graph) -> None:
    data = json.loads(serialize_result(run_preset(small, "said-by", {"actor": LUKASHENKO}), "json"))
    binding = data["results"]["bindings"][0]
    assert data["head"]["vars"][0] == "speaker"
    assert binding["speaker"] == {"type": "literal", "value": LUKASHENKO, "xml:lang": "ar"}
    assert binding["date"]["datatype"] == str(XSD.date)
    assert binding["claim"] == {"type": "uri", "value": str(KGR["claim-1"])}
    assert "reported_by" not in binding  # unbound: absent, as the format says


def test_ask_in_every_format(small: Graph) -> None:
    result = run_query(small, "ASK { ?c a kg:Claim }")
    assert json.loads(serialize_result(result, "json")) == {"head": {}, "boolean": True}
    assert serialize_result(result, "csv") == "true\n"


def _render(table_or_result, width: int) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, legacy_windows=False)
    if isinstance(table_or_result, QueryResult):
        print_result(table_or_result, "table", console)
    else:
        console.print(table_or_result)
    return console.file.getvalue()


def test_arabic_cells_are_printed_as_they_are(small: Graph) -> None:
    result = run_preset(small, "entity-spellings")
    rendered = _render(result, width=250)
    for row in result.text_rows():
        for cell in row[2:4]:
            assert cell in rendered  # logical order, no reshaping, no reversal
    # No presentation forms, and no bidi control but the isolates around cells.
    assert not re.search("[\ufb50-\ufdff\ufe70-\ufeff\u200e\u200f\u202a-\u202e\u2066\u2067]", rendered)


def cells_of(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("│").split("│")]


def test_every_line_of_every_cell_is_a_bidi_isolate(small: Graph) -> None:
    """Two Arabic cells side by side swap places in a bidi-aware terminal unless each is isolated."""
    result = run_preset(small, "said-by", {"actor": LUKASHENKO})
    rendered = _render(result_table(result), width=120)
    body = [line for line in rendered.splitlines() if line.startswith("│")][1:]  # after the header
    texts = [cell for line in body for cell in cells_of(line) if cell]
    assert len(texts) > len(result.rows)  # wrapped lines are among them
    for text in texts:
        assert text.startswith("\u2068") and text.endswith("\u2069"), text
        assert text.count("\u2068") == text.count("\u2069") == 1, text


def test_a_long_claim_wraps_within_its_column_and_reads_back_whole(small: Graph) -> None:
    result = run_preset(small, "said-by", {"actor": LUKASHENKO})
    claim = str(result.records()[0]["text"])
    rendered = _render(result_table(result), width=120)
    lines = [line for line in rendered.splitlines() if line.startswith("│")][1:]  # after the header
    column = result.variables.index("text") + 1
    pieces = [line.split("│")[column].strip("\u2068\u2069 ") for line in lines]
    assert len([piece for piece in pieces if piece]) > 1  # it did wrap
    assert " ".join(piece for piece in pieces if piece) == claim


# ---------------------------------------------------------------------------------------------------------
# The presets, each on the seeds' graph built by the real pipeline, and the same text on Oxigraph


@pytest.fixture(scope="module")
def seeds_graph(seeds_build) -> Graph:
    return seeds_build.graph


@pytest.fixture(scope="module")
def seeds_turtle(seeds_build) -> Path:
    return Path(seeds_build.outputs["ttl"])


def _seed(path: str, number: str = "") -> bool:
    """Whether ``path`` is one of the seed articles (the one numbered ``number`` when given)."""
    return Path(path).parent.name == "seeds" and Path(path).name.startswith(number)


def _records(result: QueryResult) -> list[dict[str, str]]:
    return [{name: "" if term is None else str(term) for name, term in row.items()}
            for row in result.records()]


def _label(graph: Graph, label: str) -> URIRef:
    found = [node for node in find_entities(graph, label)
             if (node, RDFS.label, Literal(label, lang="ar")) in graph]
    assert len(found) == 1, f"one node labelled {label}: {found}"
    return found[0]


def test_every_preset_says_what_it_answers() -> None:
    presets = {preset.name: preset for preset in list_presets()}
    assert set(presets) == set(PRESET_NAMES)
    for preset in presets.values():
        assert preset.text.startswith("# ") and len(preset.summary) > 20
    assert [(p.name, p.kind) for p in presets["said-by"].parameters] == [("actor", "entity")]
    assert [(p.name, p.kind) for p in presets["weapons-to-state"].parameters] == [("state", "entity")]
    assert [(p.name, p.kind) for p in presets["sources-of-fact"].parameters] == [("fact", "fact")]


def test_who_said_what_on_the_seeds(seeds_graph: Graph) -> None:
    rows = _records(run_preset(seeds_graph, "who-said-what"))
    speakers = {row["speaker"] for row in rows}
    assert {LUKASHENKO, PUTIN} <= speakers
    claims = {row["claim"] for row in rows}
    assert len(claims) == sum(1 for _ in seeds_graph.subjects(RDF.type, KG.Claim))
    for row in rows:
        assert row["text"] and row["sentence"] and _seed(row["document"])
        assert row["kind"] in (str(KG.DirectQuote), str(KG.ReportedSpeech))
        # The claim is found in its sentence, folded (quotes and spacing may differ).
        assert match_key(row["text"])[:20] in match_key(row["sentence"]) or row["kind"] == str(KG.DirectQuote)
    lukashenko_in_000 = [row for row in rows if row["speaker"] == LUKASHENKO
                         and _seed(row["document"], "000")]
    assert len(lukashenko_in_000) >= 5


def test_transfers_on_the_seeds(seeds_graph: Graph) -> None:
    rows = _records(run_preset(seeds_graph, "transfers"))
    triples = {(row["supplier"], row["weapon"], row["recipient"]) for row in rows}
    assert any(s == RUSSIA and r == BELARUS and "إسكندر" in w for s, w, r in triples)
    delivered = [row for row in rows if row["status"] == str(KG.Delivered) and row["supplier"] == RUSSIA]
    assert any("شويغو" in row["evidence"] and _seed(row["document"], "003") for row in delivered)
    for row in rows:
        assert row["status"].startswith(str(KG)) and row["evidence"] and _seed(row["document"])


@pytest.mark.parametrize("name", ["لوكاشينكو", "لُوكاشِينكو", "الكسندر لوكاشينكو"])
def test_said_by_on_the_seeds(seeds_graph: Graph, name: str) -> None:
    rows = _records(run_preset(seeds_graph, "said-by", {"actor": name}))
    assert rows and {row["speaker"] for row in rows} == {LUKASHENKO}
    by_iri = _records(run_preset(seeds_graph, "said-by", {"actor": f"<{_label(seeds_graph, LUKASHENKO)}>"}))
    assert sorted(map(sorted, (r.items() for r in rows))) == sorted(map(sorted, (r.items() for r in by_iri)))
    everyone = _records(run_preset(seeds_graph, "who-said-what"))
    his = {row["claim"] for row in everyone if row["speaker"] == LUKASHENKO}
    assert {row["claim"] for row in rows} == his


def test_weapons_to_state_on_the_seeds(seeds_graph: Graph) -> None:
    rows = _records(run_preset(seeds_graph, "weapons-to-state", {"state": BELARUS}))
    assert rows and {row["recipient"] for row in rows} == {BELARUS}
    assert any(row["supplier"] == RUSSIA and "إسكندر" in row["weapon"] for row in rows)
    assert all(int(row["sources"]) >= 1 for row in rows)
    # Other spellings of the state find the same rows.
    for spelling in ("بيلاروسيا", "روسيا البيضاء"):
        same = _records(run_preset(seeds_graph, "weapons-to-state", {"state": spelling}))
        assert sorted(sorted(r.items()) for r in same) == sorted(sorted(r.items()) for r in rows)


def test_sources_of_fact_on_the_seeds(seeds_graph: Graph) -> None:
    transfer = next(iter(seeds_graph.subjects(RDF.type, KG.Transfer)))
    rows = _records(run_preset(seeds_graph, "sources-of-fact", {"fact": f"<{transfer}>"}))
    sentences = set(seeds_graph.objects(transfer, PROV.wasDerivedFrom))
    assert len({row["sentence"] for row in rows}) == len(sentences)
    for row in rows:
        # The offsets point back into the document's text at the very sentence.
        document = next(doc for doc in seeds_graph.subjects(DCTERMS.source, Literal(row["document"])))
        text = str(next(seeds_graph.objects(document, KG.text)))
        assert text[int(row["start"]):int(row["end"])] == row["sentence"]
    claim_rows = _records(run_preset(seeds_graph, "sources-of-fact", {"fact": "منفتحتان على الحوار"}))
    assert claim_rows and all("منفتحتان" in row["sentence"] for row in claim_rows)


def test_entity_spellings_on_the_seeds(seeds_graph: Graph) -> None:
    rows = {row["label"]: row for row in _records(run_preset(seeds_graph, "entity-spellings"))}
    assert rows[PUTIN]["type"] == str(KG.Person) and rows[RUSSIA]["type"] == str(KG.State)
    assert {"بوتين", PUTIN} <= set(rows[PUTIN]["spellings"].split(LIST_SEPARATOR))
    assert {"لوكاشينكو", LUKASHENKO} <= set(rows[LUKASHENKO]["spellings"].split(LIST_SEPARATOR))
    for row in rows.values():
        assert int(row["forms"]) == len(row["spellings"].split(LIST_SEPARATOR))


def _canonical(rows: list[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """Rows as a set; a GROUP_CONCAT cell as its sorted parts, since SPARQL leaves their order open."""
    return {tuple(LIST_SEPARATOR.join(sorted(cell.split(LIST_SEPARATOR))) for cell in row) for row in rows}


def _parameters_for(graph: Graph) -> dict[str, dict[str, str]]:
    transfer = next(iter(graph.subjects(RDF.type, KG.Transfer)))
    return {"said-by": {"actor": "لوكاشينكو"}, "weapons-to-state": {"state": "بيلاروسيا"},
            "sources-of-fact": {"fact": f"<{transfer}>"}}


def _parameter_sets(graph: Graph, name: str) -> list[dict[str, str]]:
    """The parameters a preset is run with: its own where it announces one (it refuses to run without)."""
    return [_parameters_for(graph).get(name, {})]


# The seeds hold no contested transfer: tests/test_contested.py compares the engines on a pair that is.
@pytest.mark.parametrize("name", [name for name in PRESET_NAMES if name != "contested"])
def test_oxigraph_agrees_with_rdflib_on_every_preset(seeds_graph: Graph, seeds_turtle: Path,
                                                     name: str) -> None:
    store = ox.Store()
    store.load(path=str(seeds_turtle), format=ox.RdfFormat.TURTLE)
    for params in _parameter_sets(seeds_graph, name):
        ours = run_preset(seeds_graph, name, params)
        prepared = prepare_query(seeds_graph, get_preset(name).text, params)
        solutions = store.query(prepared.text)
        theirs = [tuple("" if term is None else term.value for term in solution) for solution in solutions]
        assert [variable.value for variable in solutions.variables] == list(ours.variables)
        assert ours.rows, f"{name} {params} gave no rows on the seeds"
        assert _canonical(theirs) == _canonical(ours.text_rows())


@pytest.fixture(scope="module")
def seeds_store(seeds_turtle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kg.storing import write_store

    return write_store(seeds_turtle, tmp_path_factory.mktemp("seeds-store") / "store")


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_every_preset_gives_the_same_rows_from_the_persistent_store(seeds_graph: Graph, seeds_store: Path,
                                                                     name: str) -> None:
    from kg.storing import open_store

    stored = open_store(seeds_store)
    for params in _parameter_sets(seeds_graph, name):
        in_memory, on_disk = run_preset(seeds_graph, name, params), run_preset(stored, name, params)
        assert on_disk.variables == in_memory.variables
        assert _canonical(on_disk.text_rows()) == _canonical(in_memory.text_rows())


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SELECT ?x WHERE {\n  ?x a kg:Claim .\n  ?x ?y\n}", r"^malformed SPARQL at line [34], column \d+: "),
        ("SELECT ?x WHERE { ?x nope:thing ?o }", r"^malformed SPARQL at line 1, column \d+: unknown prefix"),
    ],
)
def test_a_malformed_query_on_the_store_is_one_line_with_its_position(seeds_store: Path, query: str,
                                                                       expected: str) -> None:
    from kg.storing import open_store

    with pytest.raises(QueryError) as caught:
        run_query(open_store(seeds_store), query)
    assert re.search(expected, str(caught.value)) and "\n" not in str(caught.value)


# ---------------------------------------------------------------------------------------------------------
# Pages: chosen inside the query, the same on every call, together the whole listing


@pytest.fixture(scope="module")
def stores(seeds_turtle: Path, seeds_store: Path) -> dict[str, Graph]:
    """The seeds' graph read from graph.ttl, as `kg query graph.ttl` reads it, and the same in Oxigraph."""
    from kg.storing import open_store

    return {"rdflib": load_graph(seeds_turtle), "oxigraph": open_store(seeds_store)}


LISTINGS = [("who-said-what", {}), ("transfers", {}), ("entity-spellings", {}),
            ("weapons-to-state", {"state": "بيلاروسيا"}), ("said-by", {"actor": "لوكاشينكو"})]


def _pages(graph: Graph, name: str, params: dict[str, str], size: int) -> list[QueryResult]:
    pages, offset = [], 0
    while True:
        page = run_preset(graph, name, params, limit=size, offset=offset)
        pages.append(page)
        offset += size
        if not page.more:
            return pages


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
@pytest.mark.parametrize(("name", "params"), LISTINGS,
                         ids=[f"{name}{'-bound' if params else ''}" for name, params in LISTINGS])
def test_pages_are_stable_do_not_overlap_and_make_up_the_listing(stores: dict[str, Graph], engine: str,
                                                                   name: str, params: dict[str, str]) -> None:
    graph = stores[engine]
    whole = run_preset(graph, name, params)
    assert len(whole.rows) >= 6 and not whole.more and whole.page_note() is None
    size = len(whole.rows) // 3  # three pages and a short one, or three full ones
    pages = _pages(graph, name, params, size)
    assert [row for page in pages for row in page.rows] == whole.rows
    assert all(len(page.rows) == size and page.more for page in pages[:-1])
    assert 0 < len(pages[-1].rows) <= size or (len(whole.rows) % size == 0 and not pages[-1].rows)
    again = run_preset(graph, name, params, limit=size, offset=size)
    assert again.rows == pages[1].rows and again.more
    # Only a page's rows met the joins: the text the engine ran took the page inside the query.
    assert f"LIMIT {size} OFFSET {size}" in again.query_text


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_more_is_exact_at_the_end_of_a_listing(stores: dict[str, Graph], engine: str) -> None:
    graph = stores[engine]
    total = len(run_preset(graph, "who-said-what").rows)
    exact = run_preset(graph, "who-said-what", limit=total)
    assert len(exact.rows) == total and not exact.more
    assert exact.page_note() is None
    short = run_preset(graph, "who-said-what", limit=total - 1)
    assert short.more
    assert short.page_note() == f"rows 1–{total - 1:,} of more; --offset {total - 1} for the next page"
    last = run_preset(graph, "who-said-what", limit=5, offset=total - 2)
    assert len(last.rows) == 2 and not last.more
    assert last.page_note() == f"rows {total - 1:,}–{total:,}, the last of the listing"
    beyond = run_preset(graph, "who-said-what", limit=5, offset=total + 10)
    assert beyond.rows == [] and not beyond.more and "no rows from offset" in beyond.page_note()


def test_both_engines_give_the_same_listing_page_by_page(stores: dict[str, Graph]) -> None:
    """Each engine keeps its own order, so their pages differ; every row is on one page of each."""
    for name, params in LISTINGS:
        rdflib_rows = [row for page in _pages(stores["rdflib"], name, params, 7) for row in page.rows]
        oxigraph_rows = [row for page in _pages(stores["oxigraph"], name, params, 7) for row in page.rows]
        as_text = [[tuple("" if t is None else str(t) for t in row) for row in rows]
                   for rows in (rdflib_rows, oxigraph_rows)]
        assert _canonical(as_text[0]) == _canonical(as_text[1]) and len(rdflib_rows) == len(oxigraph_rows)


def test_a_query_without_a_page_line_is_sliced(small: Graph) -> None:
    query = "SELECT ?node ?label WHERE { ?node rdfs:label ?label } ORDER BY ?label"
    whole = run_query(small, query)
    page = run_query(small, query, limit=3, offset=2)
    assert page.rows == whole.rows[2:5] and page.more and "LIMIT" not in page.query_text
    assert run_query(small, query, limit=100).rows == whole.rows
    # ASK and CONSTRUCT have no rows to page.
    assert run_query(small, "ASK { ?c a kg:Claim }", limit=1, offset=5).boolean is True


@pytest.mark.parametrize(("limit", "offset"), [(-1, 0), (0, -3), (1.5, 0), ("10", 0), (True, 0)])
def test_a_bad_page_is_refused_in_one_line(small: Graph, limit, offset) -> None:
    with pytest.raises(QueryError, match=r"^--(limit|offset) must be a whole number ≥ 0, not ") as caught:
        run_preset(small, "who-said-what", limit=limit, offset=offset)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "language"),
    [("فلاديمير بوتين", "ar"), ("Vladimir Putin", "en"), ("seeds/000_b4c568853b079921.txt", None),
     ('"\\u0022 } UNION {', None), ("", None), ("٣ صواريخ", "ar")],
)
def test_a_text_literal_from_a_store_is_the_literal_rdflib_makes(text: str, language: str | None) -> None:
    from kg.querying import text_literal

    made, expected = text_literal(text, language), Literal(text, lang=language)
    assert made == expected and made.eq(expected) and hash(made) == hash(expected)
    assert (made.value, made.language, made.datatype, made.n3()) == \
        (expected.value, expected.language, expected.datatype, expected.n3())
    assert {expected: 1}[made] == 1
    assert Graph().add((KGR.x, RDFS.label, made)).value(KGR.x, RDFS.label) == expected


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_register_pages_hold_every_entry_once(stores: dict[str, Graph], engine: str) -> None:
    graph = stores[engine]
    for register, kind in ((transfer_register, "transfer"), (claim_register, "claim_iri")):
        whole = register(graph)
        assert not whole.more and whole.page_note() is None
        size = max(1, len(whole) // 3)
        pages, offset = [], 0
        while True:
            page = register(graph, limit=size, offset=offset)
            assert [getattr(e, kind) for e in page] == [getattr(e, kind) for e in register(graph, limit=size,
                                                                                          offset=offset)]
            pages.append(page)
            offset += size
            if not page.more:
                break
        entries = [entry for page in pages for entry in page]
        assert sorted(entries, key=str) == sorted(whole, key=str)
        assert len({getattr(entry, kind) for entry in entries}) == len(entries)
        assert all(len(page) == size for page in pages[:-1])
        assert pages[0].page_note() == f"entries 1–{size:,} of more; --offset {size} for the next page"
    speakers = claim_register(graph, "بوتين", limit=2)
    assert len(speakers) == 2 and speakers.more and {entry.speaker for entry in speakers} == {PUTIN}


# ---------------------------------------------------------------------------------------------------------
# Registers


def test_the_transfer_register_has_one_line_per_transfer(seeds_graph: Graph) -> None:
    entries = transfer_register(seeds_graph)
    assert len(entries) == sum(1 for _ in seeds_graph.subjects(RDF.type, KG.Transfer))
    iskander = [entry for entry in entries
                if entry.supplier == RUSSIA and entry.recipient == BELARUS and "إسكندر" in entry.weapon]
    assert iskander
    assert all(e.sources >= 1 and e.evidence and _seed(e.documents.split("; ")[0]) for e in iskander)
    for entry in entries:
        assert entry.status in ("Delivered", "Deployed", "Agreed", "Planned", "Requested", "Denied")
        assert entry.first_reported <= entry.last_reported
        assert entry.sources == len({doc for sentence in seeds_graph.objects(URIRef(entry.transfer),
                                                                             PROV.wasDerivedFrom)
                                     for doc in seeds_graph.objects(sentence, DCTERMS.isPartOf)})


def test_the_claim_register_of_one_speaker(seeds_graph: Graph) -> None:
    entries = claim_register(seeds_graph, "بوتين")
    assert entries and {entry.speaker for entry in entries} == {PUTIN}
    assert {entry.claim_iri for entry in entries} == {
        str(claim) for claim in seeds_graph.subjects(KG.speaker, _label(seeds_graph, PUTIN))}
    assert len(claim_register(seeds_graph)) == sum(1 for _ in seeds_graph.subjects(RDF.type, KG.Claim))


@pytest.mark.parametrize("width", [120, 200])
def test_the_transfer_register_keeps_names_whole_in_a_terminal(seeds_graph: Graph, width: int) -> None:
    entries = transfer_register(seeds_graph)
    console = Console(file=io.StringIO(), width=width, color_system=None)
    print_register(entries, TransferEntry, "table", console)
    rendered = console.file.getvalue()
    assert max(cell_len(line) for line in rendered.splitlines()) <= width
    for entry in entries:
        for name in (entry.supplier, entry.recipient, entry.weapon, entry.category, entry.status):
            assert name in rendered


def test_the_registers_as_csv(seeds_graph: Graph) -> None:
    console = Console(file=io.StringIO(), width=100, color_system=None)
    print_register(transfer_register(seeds_graph), TransferEntry, "csv", console)
    rows = list(csv.DictReader(io.StringIO(console.file.getvalue())))
    assert rows and list(rows[0])[:9] == ["supplier", "recipient", "weapon", "category", "status", "quantity",
                                          "first_reported", "last_reported", "sources"]
    console = Console(file=io.StringIO(), width=100, color_system=None)
    print_register(claim_register(seeds_graph, "لوكاشينكو"), ClaimEntry, "csv", console)
    rows = list(csv.DictReader(io.StringIO(console.file.getvalue())))
    assert rows and {row["speaker"] for row in rows} == {LUKASHENKO}


# ---------------------------------------------------------------------------------------------------------
# The commands, run as a user runs them


def kg(*args: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "COLUMNS": "200"}  # tables laid out the same wherever the tests run
    return subprocess.run([*KG_COMMAND, *args], capture_output=True, text=True, timeout=300, env=environment)


def test_kg_query_preset_as_csv(seeds_turtle: Path) -> None:
    done = kg("query", str(seeds_turtle), "--preset", "said-by", "--param", "actor=بوتين", "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert rows and {row["speaker"] for row in rows} == {PUTIN}


def test_kg_query_text_and_file(seeds_turtle: Path, tmp_path: Path) -> None:
    done = kg("query", str(seeds_turtle), "SELECT (COUNT(*) AS ?n) WHERE { ?c a kg:Claim }", "-f", "json")
    assert done.returncode == 0, done.stderr
    count = int(json.loads(done.stdout)["results"]["bindings"][0]["n"]["value"])
    query_file = tmp_path / "q.rq"
    query_file.write_text("ASK { ?t a kg:Transfer }", encoding="utf-8")
    asked = kg("query", str(seeds_turtle), "--file", str(query_file))
    assert count > 0 and asked.returncode == 0 and asked.stdout == "true\n"


def test_kg_query_list() -> None:
    done = kg("query", "--list")
    assert done.returncode == 0 and all(name in done.stdout for name in PRESET_NAMES)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["{graph}", "SELECT ?x WHERE {\n ?x ?y\n}"], "malformed SPARQL at line 2"),
        (["{graph}", "--preset", "nope"], "unknown preset 'nope'; presets: "),
        (["{missing}", "--preset", "transfers"], "graph file not found"),
        (["{not_rdf}", "--preset", "transfers"], "is not RDF"),
        (["{graph}", "--preset", "said-by", "--param", "actor"], "write NAME=VALUE"),
        (["{graph}", "--preset", "transfers", "--format", "xml"], "unknown result format"),
        (["{graph}"], "give one query"),
    ],
    ids=["syntax", "preset", "missing", "not-rdf", "param", "format", "no-query"],
)
def test_kg_query_errors_are_one_line(seeds_turtle: Path, tmp_path: Path, args: list[str],
                                      expected: str) -> None:
    not_rdf = tmp_path / "notes.ttl"
    not_rdf.write_text("ليس هذا ملف RDF", encoding="utf-8")
    paths = {"graph": seeds_turtle, "missing": tmp_path / "missing.ttl", "not_rdf": not_rdf}
    done = kg("query", *(str(paths.get(arg.strip("{}"), arg)) for arg in args))
    assert done.returncode == 2
    assert done.stderr.startswith("Error: ") and expected in done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_kg_query_and_registers_on_a_store(seeds_store: Path) -> None:
    done = kg("query", "--store", str(seeds_store), "--preset", "weapons-to-state", "--param",
              "state=روسيا البيضاء", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert done.returncode == 0 and rows and {row["recipient"] for row in rows} == {BELARUS}
    claims = kg("claims", "--store", str(seeds_store), "-s", "بوتين", "-f", "csv")
    speakers = {row["speaker"] for row in csv.DictReader(io.StringIO(claims.stdout))}
    assert claims.returncode == 0 and speakers == {PUTIN}


def test_kg_transfers_and_claims(seeds_turtle: Path) -> None:
    table = kg("transfers", str(seeds_turtle))
    assert table.returncode == 0 and RUSSIA in table.stdout and BELARUS in table.stdout
    claims = kg("claims", str(seeds_turtle), "--speaker", "لوكاشنكو", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(claims.stdout)))
    assert claims.returncode == 0 and rows and {row["speaker"] for row in rows} == {LUKASHENKO}
    nobody = kg("claims", str(seeds_turtle), "--speaker", "ميدفيديف")
    assert nobody.returncode == 0 and "no entity in the graph is named" in nobody.stderr


@pytest.mark.parametrize("format_name", ["ttl", "nt", "jsonld", "trig"])
def test_kg_export_round_trips(seeds_graph: Graph, seeds_turtle: Path, tmp_path: Path,
                               format_name: str) -> None:
    out = tmp_path / f"graph.{format_name}"
    done = kg("export", str(seeds_turtle), "--format", format_name, "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert isomorphic(load_graph(out), seeds_graph)
    if format_name == "trig":  # the triples are in the default graph, where any reader finds them
        store = ox.Store()
        store.load(path=str(out), format=ox.RdfFormat.TRIG)
        assert len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))) == len(seeds_graph)


@pytest.mark.parametrize("command", ["query", "claims", "transfers"])
@pytest.mark.parametrize(
    ("option", "value"), [("--limit", "x"), ("--limit", "-1"), ("--offset", "1.5"), ("--offset", "-2"),
                          ("--limit", "")],
)
def test_kg_page_options_are_checked_in_one_line(seeds_turtle: Path, command: str, option: str,
                                                 value: str) -> None:
    extra = ["--preset", "transfers"] if command == "query" else []
    done = kg(command, str(seeds_turtle), *extra, option, value)
    assert done.returncode == 2, done.stdout
    assert done.stderr == f"Error: {option} must be a whole number ≥ 0, not {value!r}\n"


def test_kg_query_pages_through_a_listing(seeds_turtle: Path) -> None:
    def page(*args: str) -> subprocess.CompletedProcess:
        return kg("query", str(seeds_turtle), "--preset", "who-said-what", "-f", "csv", *args)

    whole = page("--limit", "0")
    every_row = list(csv.reader(io.StringIO(whole.stdout)))[1:]
    assert whole.returncode == 0 and whole.stderr == "" and len(every_row) > 20
    first, again = page("--limit", "10"), page("--limit", "10")
    assert first.returncode == 0 and first.stdout == again.stdout  # the same call, the same rows
    assert first.stderr == "Note: rows 1–10 of more; --offset 10 for the next page\n"
    rows, offset = [], 0
    while True:
        done = page("--limit", "10", "--offset", str(offset))
        rows += list(csv.reader(io.StringIO(done.stdout)))[1:]
        offset += 10
        if "of more" not in done.stderr:
            assert done.stderr == f"Note: rows {offset - 9}–{len(every_row)}, the last of the listing\n"
            break
    assert rows == every_row


def test_kg_query_shows_a_page_of_a_thousand_rows_unless_told(tmp_path: Path) -> None:
    """A generated graph in kg's vocabulary, larger than a page, in a store as `kg build --store` makes it."""
    from kg.storing import write_store

    graph_file = tmp_path / "graph.ttl"
    generator = Path(__file__).resolve().parent.parent / "bench" / "generate_graph.py"
    subprocess.run([sys.executable, str(generator), "--triples", "60000", "--out", str(graph_file)],
                   check=True, capture_output=True)
    store = write_store(graph_file, tmp_path / "store")
    shown = kg("query", "--store", str(store), "--preset", "who-said-what", "-f", "json")
    assert shown.returncode == 0, shown.stderr
    assert len(json.loads(shown.stdout)["results"]["bindings"]) == 1000
    assert shown.stderr == "Note: rows 1–1,000 of more; --offset 1000 for the next page\n"
    claims = kg("claims", "--store", str(store), "-f", "csv", "--limit", "50", "--offset", "50")
    assert claims.returncode == 0 and len(list(csv.DictReader(io.StringIO(claims.stdout)))) == 50
    assert claims.stderr == "Note: entries 51–100 of more; --offset 100 for the next page\n"
