"""Building the graph: documents, sentences, entities, claims and transfers → an rdflib Graph.

The code speaks only rdflib's Graph API (``graph.add``), so another store can stand behind it.
The same fact found in several documents becomes one node with one prov:wasDerivedFrom per sentence.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, combinations
from pathlib import Path
from typing import Protocol

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.dating import event_date
from kg.gazetteer import Gazetteer
from kg.normalizing import fold, match_key, without_bidi_controls
from kg.records import Claim, Document, Entity, Extraction, Mention, Transfer, Via
from kg.vocabulary import KG, KGR, KGRULE, WD, bind_prefixes

RULES_FILE = Path(__file__).resolve().parent.parent / "ontologies" / "rules.ttl"

NEAR_DUPLICATE_THRESHOLD = 0.5  # share of the shorter document's word 3-grams found in the other
COMMON_PHRASE_DOCUMENTS = 50  # a 3-gram in this many documents is a formula, not a sign of copying
SAME_CLAIM_THRESHOLD = 0.75  # token Jaccard of two claims by one speaker that are one statement
_DATE_TYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}
# Statuses that report a transfer as happening or settled; a Denied report of the same transfer contests them.
HAPPENING = ("Delivered", "Deployed", "Agreed", "Planned")


@dataclass(frozen=True)
class BuildInfo:
    """What a build ran with, for its prov:Activity: the tool's version and the annotation models'."""

    tool_version: str
    models_fingerprint: str


class EntityResolution(Protocol):
    """What graph building needs from the resolving stage."""

    entities: dict[str, Entity]

    def entity_id_of(self, mention: Mention, document: str | None = None) -> str | None: ...

    def actor_id_of(self, mention: Mention, document: str | None = None) -> str | None: ...

    def state_id_of(self, mention: Mention) -> str | None: ...


def document_iri(document: Document) -> URIRef:
    return KGR[f"doc-{document.doc_id[:16]}"]


def sentence_iri(document: Document, index: int) -> URIRef:
    return KGR[f"doc-{document.doc_id[:16]}-s{index}"]


def _short_hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _shown_text(text: str, language: str | None = "ar") -> Literal:
    """A name or a claim as a literal people read: without bidi controls, which a gazetteer or an article can
    carry and which would reorder whatever a table or a page shows beside it."""
    return Literal(without_bidi_controls(text), lang=language)


def _tokens(text: str) -> list[str]:
    return match_key(text).split()


def jaccard(left: set, right: set) -> float:
    return len(left & right) / len(left | right) if left or right else 0.0


def shingles(text: str, size: int = 3) -> set[tuple[str, ...]]:
    tokens = _tokens(text)
    if len(tokens) < size:
        return {tuple(tokens)}
    # every run of ``size`` tokens, at C speed: the shorter tails end the runs
    return set(zip(*(tokens[i:] for i in range(size)), strict=False))


def overlap(left: set, right: set) -> float:
    """Share of the smaller set found in the other: a rewrite adding or cutting paragraphs scores high."""
    smaller = min(len(left), len(right))
    return len(left & right) / smaller if smaller else 0.0


def near_duplicate_pairs(documents: Sequence[Document]) -> list[tuple[Document, Document, float]]:
    """Pairs of documents telling the same story in (nearly) the same words: at least half of the shorter
    one's word 3-grams occur in the other. Only pairs sharing a 3-gram are compared (an inverted index)."""
    grams = [shingles(document.text) for document in documents]
    # Most 3-grams occur in one document only: counted at C speed, they are left out of the index.
    counts = Counter(chain.from_iterable(grams))
    shared = {gram for gram, count in counts.items() if 1 < count < COMMON_PHRASE_DOCUMENTS}
    holders: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for position, document_grams in enumerate(grams):
        for gram in document_grams & shared:
            holders[gram].append(position)
    candidates: set[tuple[int, int]] = set()
    for owners in holders.values():
        candidates.update(combinations(owners, 2))
    pairs = []
    for left, right in sorted(candidates):
        similarity = overlap(grams[left], grams[right])
        if similarity >= NEAR_DUPLICATE_THRESHOLD:
            pairs.append((documents[left], documents[right], similarity))
    return pairs


class GraphBuilder:
    """Accumulates documents and their facts into one rdflib graph."""

    def __init__(self, resolution: EntityResolution, graph: Graph | None = None) -> None:
        self.graph = graph if graph is not None else Graph()
        bind_prefixes(self.graph)
        self.resolution = resolution
        self._claims: dict[str, list[tuple[set[str], URIRef]]] = {}  # speaker id → (tokens, claim IRI)
        self._rules_used: set[str] = set()
        self._document: str | None = None  # the id of the document being added: an unnamed post is its own

    def _actor(self, mention: Mention | None) -> URIRef | None:
        if mention is None:
            return None
        entity_id = self.resolution.actor_id_of(mention, self._document)
        return KGR[entity_id] if entity_id else None

    def _state(self, mention: Mention | None) -> URIRef | None:
        """A supplier or recipient: the state behind a capital, a ministry, an army or an official."""
        if mention is None:
            return None
        entity_id = self.resolution.state_id_of(mention)
        return KGR[entity_id] if entity_id else None

    def _entity(self, mention: Mention) -> URIRef | None:
        entity_id = self.resolution.entity_id_of(mention, self._document)
        return KGR[entity_id] if entity_id else None

    def add_entities(self) -> None:
        graph = self.graph
        for entity in self.resolution.entities.values():
            node = KGR[entity.entity_id]
            graph.add((node, RDF.type, KG[entity.kind]))
            graph.add((node, RDFS.label, _shown_text(entity.label_ar)))
            if entity.label_en:
                graph.add((node, RDFS.label, _shown_text(entity.label_en, "en")))
            for form in sorted(entity.alt_labels):
                if form != entity.label_ar:
                    graph.add((node, SKOS.altLabel, _shown_text(form)))
            if entity.wikidata:
                graph.add((node, OWL.sameAs, WD[entity.wikidata]))
            if entity.category:
                graph.add((node, KG.category, KGR[entity.category]))
            for member in entity.members:  # parties that spoke as one (W3C ORG)
                graph.add((node, ORG.hasMember, KGR[member]))

    def add_gazetteer_links(self, gazetteer: Gazetteer) -> None:
        """What the gazetteer knows of the entities in the graph: the weapon categories in use, as SKOS
        concepts (so that queries can ask by category), and the state each capital stands for."""
        graph = self.graph
        for entity in self.resolution.entities.values():
            state = gazetteer.stands_for(entity.entity_id)
            if state and state in self.resolution.entities:
                graph.add((KGR[entity.entity_id], KG.standsFor, KGR[state]))
            entry = gazetteer.entry(entity.entity_id)
            if entry is not None and entry.group_of_states:
                graph.add((KGR[entity.entity_id], RDF.type, KG.StateGroup))
            if entry is not None and entry.armed_group:
                graph.add((KGR[entity.entity_id], RDF.type, KG.ArmedGroup))
        used = {entity.category for entity in self.resolution.entities.values() if entity.category}
        for category in gazetteer.categories.values():
            if category.category_id not in used:
                continue
            node = KGR[category.category_id]
            graph.add((node, RDF.type, SKOS.Concept))
            graph.add((node, SKOS.inScheme, KG.WeaponCategories))
            for label, language in ((category.label_ar, "ar"), (category.label_en, "en")):
                if label:
                    graph.add((node, SKOS.prefLabel, _shown_text(label, language)))
            if category.broader:
                graph.add((node, SKOS.broader, KGR[category.broader]))

    def add_document(self, extraction: Extraction) -> None:
        graph = self.graph
        document = extraction.annotated.document
        self._document = document.doc_id
        doc = document_iri(document)
        graph.add((doc, RDF.type, KG.Document))
        graph.add((doc, KG.contentHash, Literal(f"sha256:{document.doc_id}")))
        graph.add((doc, KG.text, Literal(document.text, lang="ar")))
        for source in document.sources:
            graph.add((doc, DCTERMS.source, Literal(source)))
        if document.title:
            graph.add((doc, DCTERMS.title, Literal(document.title, lang="ar")))
        if document.date:
            graph.add((doc, DCTERMS.date, Literal(document.date, datatype=XSD.date)))
            if document.date_from:
                graph.add((doc, KG.dateFrom, Literal(document.date_from)))
        if document.publisher:
            graph.add((doc, DCTERMS.publisher, Literal(document.publisher)))
        if document.url:
            graph.add((doc, DCTERMS.identifier, Literal(document.url, datatype=XSD.anyURI)))
        for sentence in extraction.annotated.sentences:
            node = sentence_iri(document, sentence.index)
            graph.add((node, RDF.type, KG.Sentence))
            graph.add((node, KG.text, Literal(sentence.text, lang="ar")))
            graph.add((node, DCTERMS.isPartOf, doc))
            graph.add((node, KG.charStart, Literal(sentence.start)))
            graph.add((node, KG.charEnd, Literal(sentence.end)))
        for mention in extraction.mentions:
            entity = self._entity(mention)
            if entity is not None:
                graph.add((sentence_iri(document, mention.sentence), KG.mentions, entity))
        for claim in extraction.claims:
            self.add_claim(document, claim)
        sentences = {sentence.index: sentence.text for sentence in extraction.annotated.sentences}
        for transfer in extraction.transfers:
            self.add_transfer(document, transfer, sentences.get(transfer.sentence, ""))

    def _claim_node(self, speaker: URIRef, claim: Claim) -> URIRef:
        """One node per statement: the same words by the same speaker in another document join it."""
        tokens = set(_tokens(claim.text))
        known = self._claims.setdefault(str(speaker), [])
        for other_tokens, iri in known:
            if jaccard(tokens, other_tokens) >= SAME_CLAIM_THRESHOLD:
                return iri
        iri = KGR[f"claim-{_short_hash(str(speaker), fold(claim.text))}"]
        known.append((tokens, iri))
        return iri

    def add_claim(self, document: Document, claim: Claim) -> URIRef | None:
        speaker = self._actor(claim.speaker)
        if speaker is None or not claim.text.strip():
            return None
        graph = self.graph
        node = self._claim_node(speaker, claim)
        is_new = (node, RDF.type, KG.Claim) not in graph
        graph.add((speaker, KG.said, node))
        graph.add((node, RDF.type, KG.Claim))
        graph.add((node, KG.speaker, speaker))
        if is_new:
            graph.add((node, KG.text, _shown_text(claim.text)))
            graph.add((node, KG.quoteKind, KG[claim.kind]))
        graph.add((node, PROV.wasDerivedFrom, sentence_iri(document, claim.sentence)))
        if claim.cue:
            graph.add((node, KG.cue, _shown_text(claim.cue)))
        if claim.speaker.via == Via.ANONYMOUS:
            graph.add((node, KG.sourceDescription, _shown_text(claim.speaker.text)))
        if (agency := self._actor(claim.reported_by)) is not None:
            graph.add((node, KG.reportedBy, agency))
        for mention in claim.mentions:
            if (entity := self._entity(mention)) is not None and entity != speaker:
                graph.add((node, KG.mentions, entity))
        self._add_rules(node, claim.rules)
        return node

    def _add_rules(self, node: URIRef, rules: Iterable[str]) -> None:
        for name in rules:
            self.graph.add((node, KG.extractedBy, KGRULE[name]))
            self._rules_used.add(name)

    def add_rule_descriptions(self) -> None:
        """Each rule a fact names, with its label and one-line comment from ontologies/rules.ttl."""
        described = _rule_descriptions()
        for name in sorted(self._rules_used):
            rule = KGRULE[name]
            self.graph.add((rule, RDF.type, KG.Rule))
            triples = list(described.triples((rule, None, None)))
            for triple in triples:
                self.graph.add(triple)
            if not any(p == RDFS.label for _, p, _ in triples):
                self.graph.add((rule, RDFS.label, Literal(name, lang="en")))

    def add_transfer(self, document: Document, transfer: Transfer, sentence: str = "") -> URIRef | None:
        graph = self.graph
        weapon = self._entity(transfer.weapon)
        supplier = self._state(transfer.supplier)
        recipient = self._state(transfer.recipient)
        if weapon is None or (supplier is None and recipient is None):
            return None
        key = [str(supplier or "unknown"), str(recipient or "unknown"), str(weapon), transfer.status]
        node = KGR[f"transfer-{_short_hash(*key)}"]
        graph.add((node, RDF.type, KG.Transfer))
        graph.add((node, KG.weapon, weapon))
        graph.add((node, KG.status, KG[transfer.status]))
        if supplier is not None:
            graph.add((node, KG.supplier, supplier))
            graph.add((supplier, KG.transfers, weapon))
        if recipient is not None:
            graph.add((node, KG.recipient, recipient))
        graph.add((node, PROV.wasDerivedFrom, sentence_iri(document, transfer.sentence)))
        if (stated_by := self._actor(transfer.stated_by)) is not None:
            graph.add((node, KG.statedBy, stated_by))
        if transfer.quantity is not None:
            graph.add((node, KG.quantity, Literal(transfer.quantity)))
        if sentence and (when := event_date(sentence, document.date)) is not None:
            graph.add((node, KG.eventDate, Literal(when.value, datatype=_DATE_TYPES[when.precision])))
        self._add_rules(node, transfer.rules)
        return node

    def add_near_duplicates(self, documents: Sequence[Document]) -> None:
        for left, right, _ in near_duplicate_pairs(documents):
            self.graph.add((document_iri(left), KG.nearDuplicateOf, document_iri(right)))
            self.graph.add((document_iri(right), KG.nearDuplicateOf, document_iri(left)))

    def add_source_counts(self) -> None:
        """kg:sourceCount on every claim and transfer: the independent reports behind it, the documents of a
        group of near-duplicates (one wire story in two outlets) counting once."""
        graph = self.graph
        story = _stories(graph)
        for kind in (KG.Claim, KG.Transfer):
            for fact in set(graph.subjects(RDF.type, kind)):
                documents = {document for sentence in graph.objects(fact, PROV.wasDerivedFrom)
                             for document in graph.objects(sentence, DCTERMS.isPartOf)}
                graph.add((fact, KG.sourceCount, Literal(len({story(d) for d in documents}))))

    def add_contested(self) -> None:
        """kg:contestedBy between a transfer reported as happening and a denial of the same transfer (same
        weapon, supplier and recipient), whether the two come from one article or from two."""
        graph = self.graph
        reports: dict[tuple, dict[str, list[URIRef]]] = defaultdict(lambda: defaultdict(list))
        for transfer in set(graph.subjects(RDF.type, KG.Transfer)):
            key = (graph.value(transfer, KG.weapon), graph.value(transfer, KG.supplier),
                   graph.value(transfer, KG.recipient))
            status = graph.value(transfer, KG.status)
            reports[key][str(status).rsplit("#", 1)[-1]].append(transfer)
        for statuses in reports.values():
            for denial in statuses.get("Denied", ()):
                for status in HAPPENING:
                    for report in statuses.get(status, ()):
                        graph.add((denial, KG.contestedBy, report))
                        graph.add((report, KG.contestedBy, denial))

    def add_build_activity(self, info: BuildInfo, documents: Sequence[Document]) -> None:
        """The build as a prov:Activity: the tool and its version, the models' fingerprint, the documents it
        used. No clock time, so that the same input gives the same graph."""
        graph = self.graph
        agent = KGR["kg-" + re.sub(r"[^0-9A-Za-z]+", "-", info.tool_version)]
        digest = _short_hash(info.tool_version, info.models_fingerprint, *sorted(d.doc_id for d in documents))
        activity = KGR[f"build-{digest}"]
        graph.add((agent, RDF.type, PROV.SoftwareAgent))
        graph.add((agent, RDFS.label, Literal(f"kg {info.tool_version}", lang="en")))
        graph.add((activity, RDF.type, PROV.Activity))
        graph.add((activity, PROV.wasAssociatedWith, agent))
        graph.add((activity, KG.modelsFingerprint, Literal(info.models_fingerprint)))
        for document in documents:
            graph.add((activity, PROV.used, document_iri(document)))
        for kind in (KG.Claim, KG.Transfer):
            for fact in set(graph.subjects(RDF.type, kind)):
                graph.add((fact, PROV.wasGeneratedBy, activity))


def build_graph(
    extractions: Iterable[Extraction],
    resolution: EntityResolution,
    gazetteer: Gazetteer | None = None,
    build_info: BuildInfo | None = None,
) -> Graph:
    """The knowledge graph of these extractions, entities resolved by ``resolution``; with ``build_info``,
    the build itself as a prov:Activity."""
    extractions = list(extractions)
    builder = GraphBuilder(resolution)
    builder.add_entities()
    if gazetteer is not None:
        builder.add_gazetteer_links(gazetteer)
    for extraction in extractions:
        builder.add_document(extraction)
    documents = [e.annotated.document for e in extractions]
    builder.add_near_duplicates(documents)
    builder.add_source_counts()
    builder.add_contested()
    builder.add_rule_descriptions()
    if build_info is not None:
        builder.add_build_activity(build_info, documents)
    return builder.graph


def _stories(graph: Graph):
    """document → a representative of its group of near-duplicates (kg:nearDuplicateOf, transitively)."""
    parent: dict = {}

    def find(node):
        while parent.get(node, node) != node:
            node = parent[node]
        return node

    for left, _, right in graph.triples((None, KG.nearDuplicateOf, None)):
        a, b = find(left), find(right)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return find


@functools.lru_cache(maxsize=1)
def _rule_descriptions() -> Graph:
    graph = Graph()
    graph.parse(RULES_FILE, format="turtle")
    return graph

