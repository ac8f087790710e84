"""Analysing: the RDF graph projected onto a networkx graph of entities, and what that graph says.

The projection keeps entities only; facts become weighted edges between them:
  said-about   speaker → each entity its claim names (kg:mentions), one unit per claim;
  transfer     supplier → recipient and supplier → weapon, one unit per sentence stating it;
  co-mention   entity ↔ entity named in the same sentence, one unit per sentence.
A stated relation weighs more than two names sharing a sentence, which is weak evidence of a tie.

``compute_stats`` returns plain JSON data (written to stats.json); ``format_stats`` renders it as tables.
Every section carries a one-line ``meaning`` so that a reader of either knows what a figure says.
"""

from __future__ import annotations

import io
import random
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx
import numpy as np
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from kg.graphing import jaccard, overlap, shingles
from kg.vocabulary import KG

# Entity classes, most specific first: a node typed both kg:Person and kg:Actor is a person.
KIND_OF_CLASS: dict[URIRef, str] = {
    KG.Person: "person",
    KG.State: "state",
    KG.Organization: "organization",
    KG.Place: "place",
    KG.Weapon: "weapon",
    KG.Actor: "actor",
    KG.Entity: "entity",
}
ACTOR_KINDS = ("person", "state", "organization", "actor")
STATUSES = ("Delivered", "Deployed", "Agreed", "Planned", "Requested", "Denied")

FACT_WEIGHT = 2.0  # said-about and transfer edges: the text states the tie
CO_MENTION_WEIGHT = 1.0  # names sharing a sentence: a tie, but a loose one
COMMUNITY_SEED = 42  # Louvain is randomised; a fixed seed gives the same communities on every run
BETWEENNESS_SAMPLE = 300  # above this many nodes, betweenness is estimated from this many sources
BETWEENNESS_CELLS = 4_000_000  # nodes × sources per batch of the computation: about 100 MB of arrays
TOP = 10

MEANINGS = {
    "graph": "What the graph holds: documents, sentences, entities by kind, claims and transfers.",
    "central_actors": "PageRank: how much attention flows to an actor through statements about it, weapons "
    "it receives and sentences it shares; betweenness: how often it lies between two others (a broker).",
    "communities": "Groups of entities tied more to each other than to the rest (Louvain, fixed seed): "
    "the camps and topics of the stories.",
    "weapon_flows": "Who supplies which weapon to whom, at what stage (delivered, planned, …), "
    "and in how many sentences and documents the text says so.",
    "top_speakers": "Who is quoted most, in how many documents, and whom their claims name most.",
    "support": "Entities named in a single document rest on one report (weakly supported); "
    "those named in many are corroborated.",
    "near_duplicates": "Documents telling the same story in largely the same words: counted twice, "
    "they would overstate how well a fact is supported.",
}


# ---------------------------------------------------------------------------------------------------
# Reading the graph back into small records (the drawing reads the same ones)


@dataclass(frozen=True)
class EntityInfo:
    """An entity as the graph describes it."""

    iri: URIRef
    kind: str  # person | state | organization | place | weapon | actor | entity
    label_ar: str | None
    label_en: str | None
    alt_labels: tuple[str, ...] = ()
    wikidata: str | None = None

    @property
    def label(self) -> str:
        """The Arabic name, with the English one in brackets when known."""
        main = self.label_ar or self.label_en or _local_name(self.iri)
        if self.label_ar and self.label_en:
            return f"{main} ({self.label_en})"
        return main

    def as_json(self) -> dict:
        """The entity's identity and names as plain JSON data."""
        return {"id": str(self.iri), "label": self.label, "label_ar": self.label_ar,
                "label_en": self.label_en, "kind": self.kind}


@dataclass(frozen=True)
class Evidence:
    """A sentence that states a fact, and the document it comes from."""

    sentence: URIRef
    text: str
    document: URIRef | None
    sources: tuple[str, ...]
    title: str | None


@dataclass(frozen=True)
class ClaimInfo:
    """A claim as the graph describes it: who said what, how, relayed by whom, naming whom, where."""

    iri: URIRef
    speaker: URIRef | None
    text: str
    kind: str | None  # DirectQuote | ReportedSpeech
    cues: tuple[str, ...]
    reported_by: tuple[URIRef, ...]
    mentions: tuple[URIRef, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class TransferInfo:
    """A transfer as the graph describes it: supplier, recipient, weapon, status, and where it is stated."""

    iri: URIRef
    supplier: URIRef | None
    recipient: URIRef | None
    weapon: URIRef | None
    status: str | None  # Delivered | Deployed | Agreed | Planned | Requested | Denied
    quantity: int | None
    stated_by: tuple[URIRef, ...]
    evidence: tuple[Evidence, ...]
    contested_by: tuple[str, ...] = ()  # statuses of the reports that contradict it (kg:contestedBy)


def _local_name(node: URIRef) -> str:
    text = str(node)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _literal(graph: Graph, subject: URIRef, predicate: URIRef, lang: str | None = None) -> str | None:
    """One literal of ``predicate``, in ``lang`` when asked (smallest first, so the choice is stable)."""
    values = sorted(
        str(o) for o in graph.objects(subject, predicate)
        if isinstance(o, Literal) and (lang is None or o.language == lang)
    )
    return values[0] if values else None


def _term(graph: Graph, subject: URIRef, predicate: URIRef) -> URIRef | None:
    values = sorted(o for o in graph.objects(subject, predicate) if isinstance(o, URIRef))
    return values[0] if values else None


def read_entities(graph: Graph) -> dict[URIRef, EntityInfo]:
    """Every node typed with an entity class, with its names, in IRI order."""
    kinds: dict[URIRef, str] = {}
    rank = {kind: i for i, kind in enumerate(KIND_OF_CLASS.values())}
    for rdf_class, kind in KIND_OF_CLASS.items():
        for node in graph.subjects(RDF.type, rdf_class):
            if isinstance(node, URIRef) and (node not in kinds or rank[kind] < rank[kinds[node]]):
                kinds[node] = kind
    entities = {}
    for node in sorted(kinds):
        label_ar = _literal(graph, node, RDFS.label, "ar")
        alt = sorted({str(o) for o in graph.objects(node, SKOS.altLabel) if isinstance(o, Literal)}
                     - {label_ar})
        wikidata = next((_local_name(o) for o in graph.objects(node, OWL.sameAs)
                         if "wikidata.org" in str(o)), None)
        entities[node] = EntityInfo(node, kinds[node], label_ar, _literal(graph, node, RDFS.label, "en"),
                                    tuple(alt), wikidata)
    return entities


def read_evidence(graph: Graph, fact: URIRef) -> tuple[Evidence, ...]:
    """The sentences a fact was derived from, in document and text order."""
    found = []
    for sentence in graph.objects(fact, PROV.wasDerivedFrom):
        if not isinstance(sentence, URIRef):
            continue
        document = _term(graph, sentence, DCTERMS.isPartOf)
        sources: tuple[str, ...] = ()
        title = None
        if document is not None:
            sources = tuple(sorted(str(o) for o in graph.objects(document, DCTERMS.source)))
            title = _literal(graph, document, DCTERMS.title)
        start = graph.value(sentence, KG.charStart)
        found.append((sources, int(start) if start is not None else 0,
                      Evidence(sentence, _literal(graph, sentence, KG.text) or "", document, sources, title)))
    return tuple(evidence for *_, evidence in sorted(found, key=lambda item: (item[0], item[1])))


def _status_name(node: URIRef | None) -> str | None:
    return _local_name(node) if node is not None else None


def read_claims(graph: Graph) -> list[ClaimInfo]:
    """Every kg:Claim with its speaker, words, kind, cues, relaying agencies, named entities and evidence."""
    claims = []
    for node in sorted(n for n in graph.subjects(RDF.type, KG.Claim) if isinstance(n, URIRef)):
        speaker = _term(graph, node, KG.speaker) or next(
            (s for s in sorted(graph.subjects(KG.said, node)) if isinstance(s, URIRef)), None)
        claims.append(ClaimInfo(
            iri=node,
            speaker=speaker,
            text=_literal(graph, node, KG.text, "ar") or _literal(graph, node, KG.text) or "",
            kind=_status_name(_term(graph, node, KG.quoteKind)),
            cues=tuple(sorted({str(o) for o in graph.objects(node, KG.cue)})),
            reported_by=tuple(sorted(o for o in graph.objects(node, KG.reportedBy) if isinstance(o, URIRef))),
            mentions=tuple(sorted(o for o in graph.objects(node, KG.mentions) if isinstance(o, URIRef))),
            evidence=read_evidence(graph, node),
        ))
    return claims


def read_transfers(graph: Graph) -> list[TransferInfo]:
    """Every kg:Transfer with its parties, weapon, status, quantity and evidence."""
    transfers = []
    for node in sorted(n for n in graph.subjects(RDF.type, KG.Transfer) if isinstance(n, URIRef)):
        quantity = graph.value(node, KG.quantity)
        try:
            quantity = int(quantity) if quantity is not None else None
        except (TypeError, ValueError):
            quantity = None
        transfers.append(TransferInfo(
            iri=node,
            supplier=_term(graph, node, KG.supplier),
            recipient=_term(graph, node, KG.recipient),
            weapon=_term(graph, node, KG.weapon),
            status=_status_name(_term(graph, node, KG.status)),
            quantity=quantity,
            stated_by=tuple(sorted(o for o in graph.objects(node, KG.statedBy) if isinstance(o, URIRef))),
            evidence=read_evidence(graph, node),
            contested_by=tuple(sorted({_status_name(graph.value(other, KG.status)) or "?"
                                       for other in graph.objects(node, KG.contestedBy)})),
        ))
    return transfers


def sentence_mentions(graph: Graph) -> dict[URIRef, set[URIRef]]:
    """sentence → the entities it names (``?sentence kg:mentions ?entity``)."""
    named: dict[URIRef, set[URIRef]] = defaultdict(set)
    for sentence in graph.subjects(RDF.type, KG.Sentence):
        for entity in graph.objects(sentence, KG.mentions):
            if isinstance(entity, URIRef):
                named[sentence].add(entity)
    return named


@dataclass
class GraphReading:
    """What the analysis and the drawing both read from a graph, read once for both."""

    entities: dict[URIRef, EntityInfo]
    claims: list[ClaimInfo]
    transfers: list[TransferInfo]
    sentence_mentions: dict[URIRef, set[URIRef]]
    projection: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)
    ranks: dict[str, float] = field(default_factory=dict)


def read_graph(graph: Graph) -> GraphReading:
    """Entities, claims, transfers, the entities' projection and its PageRank, read from ``graph``."""
    reading = GraphReading(read_entities(graph), read_claims(graph), read_transfers(graph),
                           sentence_mentions(graph))
    reading.projection = project(graph, reading)
    reading.ranks = pagerank(reading.projection)
    return reading


# ---------------------------------------------------------------------------------------------------
# The projection and its measures


def project(graph: Graph, reading: GraphReading | None = None) -> nx.MultiDiGraph:
    """The entities of ``graph`` as a MultiDiGraph; parallel edges are keyed by kind (and status).

    Nodes are IRI strings with ``kind`` and ``label``; every edge has a ``kind`` (said_about, transfer,
    supplies, co_mention), a ``weight`` and a ``count`` of the claims or sentences behind it. ``reading``:
    the graph's entities, claims and transfers when already read.
    """
    entities = reading.entities if reading else read_entities(graph)
    claims = reading.claims if reading else read_claims(graph)
    transfers = reading.transfers if reading else read_transfers(graph)
    projection = nx.MultiDiGraph()
    for iri, info in entities.items():
        projection.add_node(str(iri), kind=info.kind, label=info.label)

    def tie(source: URIRef | None, target: URIRef | None, kind: str, weight: float, units: int = 1,
            **attributes: str) -> None:
        if source is None or target is None or source == target:
            return
        for node in (source, target):
            if str(node) not in projection:  # a party the graph forgot to type: keep it, as an entity
                projection.add_node(str(node), kind="entity", label=_local_name(node))
        key = ":".join([kind, *attributes.values()])
        if projection.has_edge(str(source), str(target), key):
            data = projection.edges[str(source), str(target), key]
            data["weight"] += weight * units
            data["count"] += units
        else:
            projection.add_edge(str(source), str(target), key=key, kind=kind, weight=weight * units,
                                count=units, **attributes)

    for claim in claims:
        for named in claim.mentions:
            tie(claim.speaker, named, "said_about", FACT_WEIGHT)
    for transfer in transfers:
        units = max(1, len(transfer.evidence))
        status = transfer.status or "Unknown"
        tie(transfer.supplier, transfer.recipient, "transfer", FACT_WEIGHT, units, status=status)
        tie(transfer.supplier, transfer.weapon, "supplies", FACT_WEIGHT, units, status=status)
    for named in (reading.sentence_mentions if reading else sentence_mentions(graph)).values():
        for left, right in combinations(sorted(named), 2):
            tie(left, right, "co_mention", CO_MENTION_WEIGHT)
            tie(right, left, "co_mention", CO_MENTION_WEIGHT)
    return projection


def undirected_weights(projection: nx.MultiDiGraph) -> nx.Graph:
    """The projection as a simple undirected graph whose edge weight sums every tie both ways."""
    simple = nx.Graph()
    simple.add_nodes_from(projection.nodes(data=True))
    for source, target, weight in projection.edges(data="weight"):
        if simple.has_edge(source, target):
            simple[source][target]["weight"] += weight
        else:
            simple.add_edge(source, target, weight=weight)
    return simple


def pagerank(projection: nx.MultiDiGraph) -> dict[str, float]:
    """PageRank of every node (parallel edges add up); an empty graph has none."""
    if projection.number_of_nodes() == 0:
        return {}
    return nx.pagerank(projection, weight="weight")


def betweenness(simple: nx.Graph) -> dict[str, float]:
    """Normalised betweenness on the undirected ties, as ``nx.betweenness_centrality`` gives it (the same
    sources sampled, seeded, on large graphs), computed for many sources at once by sparse matrix products:
    networkx took 10 s on the 4,700 entities of 1,000 articles, this a fraction of a second."""
    nodes = list(simple)
    count = len(nodes)
    if count == 0:
        return {}
    sample = BETWEENNESS_SAMPLE if count > BETWEENNESS_SAMPLE else None
    sources = random.Random(COMMUNITY_SEED).sample(nodes, sample) if sample else nodes
    index = {node: position for position, node in enumerate(nodes)}
    adjacency = nx.to_scipy_sparse_array(simple, nodelist=nodes, weight=None, format="csr")
    totals = np.zeros(count)
    batch = max(1, BETWEENNESS_CELLS // count)
    for start in range(0, len(sources), batch):
        totals += _dependencies(adjacency, [index[node] for node in sources[start : start + batch]])
    if count <= 2:
        return dict.fromkeys(nodes, 0.0)
    if not sample:
        pairs = (count - 1) * (count - 2)
        return {node: float(value) / pairs for node, value in zip(nodes, totals, strict=True)}
    # networkx's estimator: a sampled source is among the sources of one pair fewer.
    sampled = set(sources)
    return {node: float(value) / ((sample - (node in sampled)) * (count - 2))
            for node, value in zip(nodes, totals, strict=True)}


def _dependencies(adjacency, sources: list[int]) -> np.ndarray:
    """Brandes' dependencies of every node, summed over ``sources``: shortest paths counted level by level
    for all sources at once (one column each), then dependencies accumulated from the deepest level up."""
    count, width = adjacency.shape[0], len(sources)
    columns = np.arange(width)
    paths = np.zeros((count, width))
    depth = np.full((count, width), -1)
    paths[sources, columns] = 1.0
    depth[sources, columns] = 0
    frontier, level = paths.copy(), 0
    while frontier.any():
        reached = adjacency @ frontier
        new = (depth < 0) & (reached > 0)
        level += 1
        paths[new], depth[new] = reached[new], level
        frontier = np.where(new, reached, 0.0)
    dependency = np.zeros((count, width))
    for deeper in range(level, 0, -1):
        share = np.divide(1.0 + dependency, paths, out=np.zeros_like(paths), where=depth == deeper)
        dependency += np.where(depth == deeper - 1, paths * (adjacency @ share), 0.0)
    dependency[sources, columns] = 0.0  # a path's own source is not between its ends
    return dependency.sum(axis=1)


def communities(simple: nx.Graph) -> list[list[str]]:
    """Louvain communities (fixed seed), largest first; together they cover every node."""
    if simple.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(simple, weight="weight", seed=COMMUNITY_SEED)
    return sorted((sorted(group) for group in found), key=lambda group: (-len(group), group))


def documents_of_entities(graph: Graph, claims: list[ClaimInfo], transfers: list[TransferInfo],
                          named_in: dict[URIRef, set[URIRef]] | None = None) -> dict[URIRef, set[URIRef]]:
    """entity → the documents that name it, in a sentence or as a party to a fact. ``named_in``: the
    graph's sentence_mentions() when already read."""
    documents: dict[URIRef, set[URIRef]] = defaultdict(set)
    for sentence, named in (named_in if named_in is not None else sentence_mentions(graph)).items():
        document = _term(graph, sentence, DCTERMS.isPartOf)
        if document is not None:
            for entity in named:
                documents[entity].add(document)
    for claim in claims:
        for evidence in claim.evidence:
            for party in (claim.speaker, *claim.reported_by):
                if party is not None and evidence.document is not None:
                    documents[party].add(evidence.document)
    for transfer in transfers:
        for evidence in transfer.evidence:
            for party in (transfer.supplier, transfer.recipient, transfer.weapon, *transfer.stated_by):
                if party is not None and evidence.document is not None:
                    documents[party].add(evidence.document)
    return documents


def _document_text(graph: Graph, document: URIRef) -> str:
    """The document's text: kg:text when stored, else its sentences in order."""
    text = _literal(graph, document, KG.text)
    if text:
        return text
    sentences = []
    for sentence in graph.subjects(DCTERMS.isPartOf, document):
        start = graph.value(sentence, KG.charStart)
        sentences.append((int(start) if start is not None else 0, _literal(graph, sentence, KG.text) or ""))
    return "\n".join(text for _, text in sorted(sentences))


def near_duplicate_documents(graph: Graph) -> list[dict]:
    """Pairs of documents the graph states to be near-duplicates (kg:nearDuplicateOf), with their overlap."""
    pairs = {tuple(sorted((s, o))) for s, o in graph.subject_objects(KG.nearDuplicateOf)
             if isinstance(s, URIRef) and isinstance(o, URIRef) and s != o}
    grams = {document: shingles(_document_text(graph, document)) for pair in pairs for document in pair}

    def describe(document: URIRef) -> dict:
        return {"id": str(document),
                "sources": sorted(str(o) for o in graph.objects(document, DCTERMS.source)),
                "title": _literal(graph, document, DCTERMS.title)}

    rows = []
    for left, right in sorted(pairs):
        rows.append({
            "documents": [describe(left), describe(right)],
            "overlap": round(overlap(grams[left], grams[right]), 3),
            "jaccard": round(jaccard(grams[left], grams[right]), 3),
        })
    return sorted(rows, key=lambda row: -row["overlap"])


def compute_stats(graph: Graph, reading: GraphReading | None = None) -> dict:
    """The graph's analysis as plain JSON data: centrality, communities, weapon flows, speakers,
    support by number of documents and near-duplicate documents, each section with its ``meaning``.
    ``reading``: read_graph(graph), when already made."""
    reading = reading or read_graph(graph)
    entities, claims, transfers = reading.entities, reading.claims, reading.transfers
    projection, ranks = reading.projection, reading.ranks
    simple = undirected_weights(projection)
    between = betweenness(simple)

    def info(node: URIRef | str | None) -> EntityInfo | None:
        if node is None:
            return None
        node = URIRef(node)
        return entities.get(node) or EntityInfo(node, "entity", None, None)

    def label(node: URIRef | str | None) -> str | None:
        found = info(node)
        return found.label if found else None

    kinds = Counter(entity.kind for entity in entities.values())
    documents = sum(1 for _ in graph.subjects(RDF.type, KG.Document))
    sentences = sum(1 for _ in graph.subjects(RDF.type, KG.Sentence))

    actors = [node for node in projection if projection.nodes[node].get("kind") in ACTOR_KINDS]
    central = sorted(actors, key=lambda node: (-ranks.get(node, 0.0), node))[:TOP]
    central_rows = [
        {**info(node).as_json(), "pagerank": round(ranks.get(node, 0.0), 4),
         "betweenness": round(between.get(node, 0.0), 4), "degree": simple.degree(node)}
        for node in central
    ]

    community_rows = []
    for group in communities(simple):
        ranked = sorted(group, key=lambda node: (-ranks.get(node, 0.0), node))
        community_rows.append({"size": len(group), "members": [label(node) for node in ranked],
                               "ids": ranked})

    flow_rows = []
    for transfer in transfers:
        documents_stating = {e.document for e in transfer.evidence if e.document is not None}
        flow_rows.append({
            "supplier": label(transfer.supplier), "recipient": label(transfer.recipient),
            "weapon": label(transfer.weapon), "status": transfer.status, "quantity": transfer.quantity,
            "sentences": len(transfer.evidence), "documents": len(documents_stating),
            "id": str(transfer.iri),
        })
    status_order = {status: i for i, status in enumerate(STATUSES)}
    flow_rows.sort(key=lambda row: (row["supplier"] or "", row["recipient"] or "", row["weapon"] or "",
                                    status_order.get(row["status"], len(STATUSES))))

    by_speaker: dict[URIRef, list[ClaimInfo]] = defaultdict(list)
    for claim in claims:
        if claim.speaker is not None:
            by_speaker[claim.speaker].append(claim)
    speaker_rows = []
    for speaker, said in sorted(by_speaker.items(), key=lambda item: (-len(item[1]), str(item[0])))[:TOP]:
        named = Counter(entity for claim in said for entity in claim.mentions)
        speaker_documents = {e.document for claim in said for e in claim.evidence if e.document is not None}
        example = max(said, key=lambda claim: (len(claim.evidence), -len(claim.text), str(claim.iri)))
        speaker_rows.append({
            **info(speaker).as_json(), "claims": len(said), "documents": len(speaker_documents),
            "talks_about": [{"label": label(entity), "id": str(entity), "claims": count}
                            for entity, count in sorted(named.items(), key=lambda i: (-i[1], str(i[0])))[:5]],
            "example": _shorten(example.text, 160),
        })

    documents_of = documents_of_entities(graph, claims, transfers, reading.sentence_mentions)
    supported = [{**entities[node].as_json(), "documents": len(documents_of.get(node, ()))}
                 for node in entities]
    supported.sort(key=lambda row: (-row["documents"], row["label"]))
    single = [row for row in supported if row["documents"] <= 1]
    many = [row for row in supported if row["documents"] > 1]

    return {
        "graph": {
            "meaning": MEANINGS["graph"], "documents": documents, "sentences": sentences,
            "entities": len(entities), "entities_by_kind": dict(sorted(kinds.items())),
            "claims": len(claims), "transfers": len(transfers),
            "projection": {"nodes": projection.number_of_nodes(), "edges": projection.number_of_edges(),
                           "edges_by_kind": dict(sorted(Counter(
                               kind for *_, kind in projection.edges(data="kind")).items()))},
        },
        "central_actors": {"meaning": MEANINGS["central_actors"], "items": central_rows},
        "communities": {"meaning": MEANINGS["communities"], "count": len(community_rows),
                        "items": community_rows},
        "weapon_flows": {"meaning": MEANINGS["weapon_flows"], "items": flow_rows},
        "top_speakers": {"meaning": MEANINGS["top_speakers"], "items": speaker_rows},
        "support": {"meaning": MEANINGS["support"], "single_document": len(single),
                    "several_documents": len(many), "items": supported},
        "near_duplicates": {"meaning": MEANINGS["near_duplicates"],
                            "items": near_duplicate_documents(graph)},
    }


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# ---------------------------------------------------------------------------------------------------
# The readable tables


def format_stats(stats: dict, width: int = 120) -> str:
    """``compute_stats``'s result as text tables, each headed by the line that says what it means."""
    from rich.console import Console
    from rich.table import Table

    from kg.querying import IsolatedCell

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=False, color_system=None, emoji=False)

    def table(title: str, meaning: str, columns: Iterable[str], rows: Iterable[Iterable[object]]) -> None:
        grid = Table(title=title, caption=meaning, title_justify="left", caption_justify="left",
                     expand=False, show_lines=False)
        for column in columns:
            grid.add_column(column, overflow="fold")
        empty = True
        for row in rows:
            # Text, not markup (a name from an article may hold brackets that rich would read as styles),
            # each cell a bidi isolate so that two Arabic cells side by side keep their places.
            grid.add_row(*(IsolatedCell("" if cell is None else str(cell)) for cell in row))
            empty = False
        if empty:
            grid.add_row(*(["—"] + [""] * (len(grid.columns) - 1)))
        console.print(grid)
        console.print()

    summary = stats.get("graph", {})
    kinds = ", ".join(f"{count} {kind}" for kind, count in summary.get("entities_by_kind", {}).items())
    table("Graph", summary.get("meaning", MEANINGS["graph"]), ("figure", "value"), [
        ("documents", summary.get("documents")), ("sentences", summary.get("sentences")),
        ("entities", f"{summary.get('entities')} ({kinds or 'none'})"),
        ("claims", summary.get("claims")), ("transfers", summary.get("transfers")),
    ])
    section = stats.get("central_actors", {})
    table("Most central actors", section.get("meaning", ""), ("actor", "kind", "PageRank", "betweenness"),
          [(row["label"], row["kind"], f"{row['pagerank']:.4f}", f"{row['betweenness']:.4f}")
           for row in section.get("items", [])])
    section = stats.get("communities", {})
    table("Communities", section.get("meaning", ""), ("size", "members (most central first)"),
          [(row["size"], "، ".join(row["members"][:8]) + (" …" if row["size"] > 8 else ""))
           for row in section.get("items", []) if row["size"] > 1])
    section = stats.get("weapon_flows", {})
    table("Weapon flows", section.get("meaning", ""),
          ("supplier", "→ recipient", "weapon", "status", "qty", "sentences", "documents"),
          [(row["supplier"] or "?", row["recipient"] or "?", row["weapon"], row["status"], row["quantity"],
            row["sentences"], row["documents"]) for row in section.get("items", [])])
    section = stats.get("top_speakers", {})
    table("Top speakers", section.get("meaning", ""), ("speaker", "claims", "documents", "talks about"),
          [(row["label"], row["claims"], row["documents"],
            "، ".join(f"{item['label']} ({item['claims']})" for item in row["talks_about"]))
           for row in section.get("items", [])])
    section = stats.get("support", {})
    items = section.get("items", [])
    table("Support", section.get("meaning", ""), ("entity", "kind", "documents"),
          [(row["label"], row["kind"], row["documents"]) for row in items[:TOP]]
          + ([("…", "", "")] if len(items) > TOP else [])
          + [(f"{section.get('single_document', 0)} entities in one document, "
              f"{section.get('several_documents', 0)} in several", "", "")])
    section = stats.get("near_duplicates", {})
    table("Near-duplicate documents", section.get("meaning", ""),
          ("document", "document", "overlap", "jaccard"),
          [(", ".join(row["documents"][0]["sources"]) or row["documents"][0]["id"],
            ", ".join(row["documents"][1]["sources"]) or row["documents"][1]["id"],
            f"{row['overlap']:.2f}", f"{row['jaccard']:.2f}")
           for row in section.get("items", [])])
    return buffer.getvalue().rstrip() + "\n"
