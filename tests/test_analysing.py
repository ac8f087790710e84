"""Analysis of the graph: the projection onto entities, its measures, and stats.json's figures."""

from __future__ import annotations

import json
import subprocess
import sys

import networkx as nx
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS, SKOS

from kg.analysing import (
    CO_MENTION_WEIGHT,
    FACT_WEIGHT,
    MEANINGS,
    STATUSES,
    betweenness,
    compute_stats,
    format_stats,
    project,
)
from kg.cleaning import content_hash
from kg.graphing import near_duplicate_pairs
from kg.normalizing import fold
from kg.records import Document

PREFIXES = """
@prefix kg: <https://w3id.org/kg-ar/ontology#> .
@prefix kgr: <https://w3id.org/kg-ar/resource/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
"""

# Two sentences of one document: Putin says something about Belarus; Russia delivers Iskander to Belarus.
SMALL_GRAPH = PREFIXES + """
kgr:putin a kg:Person ; rdfs:label "فلاديمير بوتين"@ar , "Vladimir Putin"@en ; skos:altLabel "بوتين"@ar .
kgr:russia a kg:State ; rdfs:label "روسيا"@ar , "Russia"@en .
kgr:belarus a kg:State ; rdfs:label "بيلاروسيا"@ar , "Belarus"@en ; skos:altLabel "بيلاروس"@ar .
kgr:iskander a kg:Weapon ; rdfs:label "إسكندر"@ar .
kgr:doc a kg:Document ; dcterms:source "a.txt" .
kgr:s1 a kg:Sentence ; dcterms:isPartOf kgr:doc ; kg:charStart 0 ; kg:charEnd 40 ;
    kg:text "قال بوتين إن بيلاروسيا حليف"@ar ; kg:mentions kgr:putin , kgr:belarus .
kgr:s2 a kg:Sentence ; dcterms:isPartOf kgr:doc ; kg:charStart 41 ; kg:charEnd 90 ;
    kg:text "سلمت روسيا بيلاروسيا صواريخ إسكندر"@ar ; kg:mentions kgr:russia , kgr:belarus , kgr:iskander .
kgr:claim a kg:Claim ; kg:speaker kgr:putin ; kg:text "بيلاروسيا حليف"@ar ; kg:quoteKind kg:ReportedSpeech ;
    kg:mentions kgr:belarus ; prov:wasDerivedFrom kgr:s1 .
kgr:putin kg:said kgr:claim .
kgr:transfer a kg:Transfer ; kg:supplier kgr:russia ; kg:recipient kgr:belarus ; kg:weapon kgr:iskander ;
    kg:status kg:Delivered ; prov:wasDerivedFrom kgr:s2 .
kgr:russia kg:transfers kgr:iskander .
"""
KGR = "https://w3id.org/kg-ar/resource/"


@pytest.fixture(scope="module")
def small_graph() -> Graph:
    return Graph().parse(data=SMALL_GRAPH, format="turtle")


@pytest.mark.parametrize(
    ("source", "target", "key", "weight"),
    [
        ("putin", "belarus", "said_about", FACT_WEIGHT),  # the claim names Belarus
        ("russia", "belarus", "transfer:Delivered", FACT_WEIGHT),  # supplier → recipient
        ("russia", "iskander", "supplies:Delivered", FACT_WEIGHT),  # supplier → weapon
        ("putin", "belarus", "co_mention", CO_MENTION_WEIGHT),  # one sentence names both
        ("belarus", "putin", "co_mention", CO_MENTION_WEIGHT),  # a co-mention goes both ways
        ("iskander", "russia", "co_mention", CO_MENTION_WEIGHT),
    ],
)
def test_projection_ties(small_graph, source, target, key, weight):
    projection = project(small_graph)
    assert projection.edges[KGR + source, KGR + target, key]["weight"] == weight


@pytest.mark.parametrize(
    ("source", "target", "kinds"),
    [
        ("belarus", "putin", {"co_mention"}),  # said-about goes from the speaker only
        ("belarus", "russia", {"co_mention"}),  # a transfer goes from the supplier only
        ("putin", "russia", set()),  # never in one sentence, no fact between them
    ],
)
def test_projection_has_no_tie_the_graph_does_not_state(small_graph, source, target, kinds):
    ties = project(small_graph).get_edge_data(KGR + source, KGR + target, default={})
    assert {data["kind"] for data in ties.values()} == kinds


def test_projection_keeps_every_entity_and_only_entities(small_graph):
    projection = project(small_graph)
    assert set(projection) == {KGR + name for name in ("putin", "russia", "belarus", "iskander")}


STORY = ("أكد الرئيس الروسي فلاديمير بوتين أن بلاده لن تبتلع بيلاروس داعيا إلى تعزيز العلاقات "
         "العسكرية مع هذا البلد الحليف إثر محادثات مع نظيره ألكسندر لوكاشينكو في مينسك")
MORE = ("وقالت وزارة الدفاع البيلاروسية إن المناورات المشتركة ستبدأ الشهر المقبل قرب الحدود مع بولندا "
        "وليتوانيا بمشاركة آلاف الجنود من البلدين")
OTHER_STORY = "أعلنت الحكومة الفرنسية خطة جديدة لدعم المزارعين بعد موجة الجفاف التي ضربت جنوب البلاد"
SAME_NAMES = "التقى لوكاشينكو وبوتين في مينسك وبحثا ملف الطاقة والغاز وأسعار النفط والتبادل التجاري"


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        (STORY, STORY, True),
        # a rewrite that adds a paragraph: most of the shorter text is still in the longer one
        (STORY, STORY + " " + MORE, True),
        (STORY, OTHER_STORY, False),
        (STORY, SAME_NAMES, False),  # the same names in other words are not the same story
    ],
)
def test_near_duplicates_are_found_from_the_text(left, right, expected):
    documents = [Document(content_hash(text), text, (f"{n}.txt",)) for n, text in enumerate((left, right))]
    found = near_duplicate_pairs(documents)
    assert bool(found) is expected
    if found:
        assert found[0][2] >= 0.5


def test_names_with_brackets_are_not_read_as_table_styles(small_graph):
    graph = Graph().parse(data=SMALL_GRAPH.replace('"روسيا"@ar', '"[bold]روسيا[/bold]"@ar'), format="turtle")
    assert "[bold]روسيا[/bold]" in format_stats(compute_stats(graph))


# ---------------------------------------------------------------------------------------------------
# The seeds' graph, built by the real pipeline


@pytest.fixture(scope="module")
def seeds_stats(seeds_build) -> dict:
    return compute_stats(seeds_build.graph)


def test_stats_are_plain_json_and_every_section_says_what_it_means(seeds_stats):
    assert json.loads(json.dumps(seeds_stats, ensure_ascii=False)) == seeds_stats
    for section, meaning in MEANINGS.items():
        assert seeds_stats[section]["meaning"] == meaning


def test_pagerank_puts_the_stories_protagonists_first(seeds_stats, seeds_build):
    central = seeds_stats["central_actors"]["items"]
    ranks = [row["pagerank"] for row in central]
    assert ranks == sorted(ranks, reverse=True) and ranks[0] > 0
    # Every seed is about Russia and Belarus and their presidents: one of them leads.
    protagonists = {fold(name) for name in ("روسيا", "بيلاروسيا", "بوتين", "لوكاشينكو")}
    leader = URIRef(central[0]["id"])
    names = {fold(str(name)) for predicate in (RDFS.label, SKOS.altLabel)
             for name in seeds_build.graph.objects(leader, predicate)}
    assert names & protagonists, names
    # Attention goes to what is named most: the leader is named in more documents than any weak entity.
    documents = {row["id"]: row["documents"] for row in seeds_stats["support"]["items"]}
    assert documents[central[0]["id"]] >= 2
    assert all(row["kind"] in ("person", "state", "organization", "actor") for row in central)


@pytest.mark.parametrize("nodes, density, sample", [
    (2, 1.0, None), (3, 1.0, None), (30, 0.1, None), (120, 0.04, None), (200, 0.015, None),  # split too
    (150, 0.05, 40), (250, 0.02, 100),
])
def test_betweenness_is_networkx_s_exact_and_sampled_estimate(monkeypatch, nodes, density, sample):
    graph = nx.relabel_nodes(nx.gnp_random_graph(nodes, density, seed=nodes), lambda n: f"entity-{n}")
    graph.add_node("alone")
    if sample:
        monkeypatch.setattr("kg.analysing.BETWEENNESS_SAMPLE", sample)
        monkeypatch.setattr("kg.analysing.BETWEENNESS_CELLS", nodes * 7)  # several batches of sources
    from kg.analysing import COMMUNITY_SEED

    expected = nx.betweenness_centrality(graph, k=sample, seed=COMMUNITY_SEED if sample else None)
    found = betweenness(graph)
    assert found.keys() == expected.keys()
    assert max(abs(found[node] - expected[node]) for node in graph) < 1e-12
    assert any(value > 0 for value in found.values()) or nodes <= 3  # a triangle has no broker


def test_communities_cover_every_entity_once(seeds_stats, seeds_build):
    members = [node for group in seeds_stats["communities"]["items"] for node in group["ids"]]
    assert len(members) == len(set(members))
    assert set(members) == set(project(seeds_build.graph))
    assert seeds_stats["communities"]["items"][0]["size"] > 1


def test_the_two_tellings_of_the_minsk_press_conference_are_near_duplicates(seeds_stats):
    pairs = [{source.rsplit("/", 1)[-1][:3] for doc in row["documents"] for source in doc["sources"]}
             for row in seeds_stats["near_duplicates"]["items"]]
    assert {"001", "004"} in pairs


def test_weapon_flows_and_support_add_up(seeds_stats):
    flows = seeds_stats["weapon_flows"]["items"]
    assert len(flows) == seeds_stats["graph"]["transfers"] > 0
    assert all(row["status"] in STATUSES and row["weapon"] and row["sentences"] >= 1 for row in flows)
    support = seeds_stats["support"]
    assert support["single_document"] + support["several_documents"] == seeds_stats["graph"]["entities"]


def test_top_speakers_are_ranked_by_claims(seeds_stats):
    speakers = seeds_stats["top_speakers"]["items"]
    assert speakers and [row["claims"] for row in speakers] == sorted((row["claims"] for row in speakers),
                                                                       reverse=True)
    assert sum(row["claims"] for row in speakers) <= seeds_stats["graph"]["claims"]


def test_the_table_shows_each_figure_with_its_meaning(seeds_stats):
    text = format_stats(seeds_stats, width=200)
    for title in ("Most central actors", "Communities", "Weapon flows", "Top speakers", "Support",
                  "Near-duplicate documents"):
        assert title in text
    for meaning in MEANINGS.values():
        assert " ".join(meaning.split()[:4]) in " ".join(text.split())
    assert seeds_stats["central_actors"]["items"][0]["label_ar"] in text


def run_kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=600)


def test_kg_stats_prints_the_tables_or_the_json(seeds_build):
    graph_file = str(seeds_build.outputs["ttl"])
    tables = run_kg("stats", graph_file)
    assert tables.returncode == 0, tables.stderr
    assert "Most central actors" in tables.stdout and "Weapon flows" in tables.stdout
    as_json = run_kg("stats", "--json", graph_file)
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout)["graph"]["claims"] == seeds_build.claims


def test_kg_stats_on_a_missing_file_is_a_one_line_error(tmp_path):
    result = run_kg("stats", str(tmp_path / "missing.ttl"))
    assert result.returncode == 2
    assert result.stderr.startswith("Error: ") and len(result.stderr.strip().splitlines()) == 1
