"""Evaluating: a graph scored against gold annotations — precision, recall and F1 for entities, said facts
and transfers, with what was missed, what was invented, and every real-world entity split into two nodes.

Gold annotations are JSON files (tests/gold/README.md describes them): one per source article, each with
its documents' entities, said facts and transfers, written by reading the articles.

Matching rules
--------------
- **Labels.** A graph node names a gold entity when one of its ``rdfs:label``/``skos:altLabel`` equals the
  entity's Arabic or English name or one of its forms after :func:`kg.normalizing.match_key` (``fold()``:
  diacritics, tatweel, alef/ya/ta-marbuta variants, digits; plus «إس -400» = «إس-400» and no punctuation).
- **Entities** are scored over the whole graph: a gold entity matches a node of its class (kg:Person,
  kg:State, kg:Organization, kg:Place, kg:Weapon) that names it. Every such node is counted.
- **Said** facts are scored per source file: a graph claim belongs to a file when one of its
  ``prov:wasDerivedFrom`` sentences is part of a document whose ``dcterms:source`` is that file. It matches a
  gold claim of the file when its ``kg:speaker`` names the gold speaker (or an accepted alternative) and
  the token-level **Jaccard** similarity of the two claim texts (tokens of ``match_key``) is **≥ 0.5**.
- **Transfers** are scored per source file: supplier, recipient and weapon each name the gold entity and
  ``kg:status`` is the gold status (or an accepted alternative).
- Matching is one-to-one: an extracted fact matches at most one gold fact and the reverse (a maximum
  matching, closest texts first). A fact derived from two gold files counts once in each; a fact with no
  source at all counts as invented; facts of files the gold does not cover are left out.
- **Splits.** For each gold entity, the entity nodes (of any class) that carry one of its names or forms,
  leaving out nodes matched to another gold entity («مينسك» the city is not a split of Belarus): more than
  one is a real-world entity split into two nodes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS
from rdflib.term import Node
from rdflib.util import guess_format

from kg.errors import GraphFileError, InputError
from kg.normalizing import match_key
from kg.records import ENTITY_KINDS
from kg.vocabulary import KG

CLAIM_TEXT_THRESHOLD = 0.5  # token Jaccard of an extracted claim text and the gold one
FACT_KINDS = ("entities", "said", "transfers")
QUOTE_KINDS = ("DirectQuote", "ReportedSpeech")
TRANSFER_STATUSES = ("Delivered", "Deployed", "Agreed", "Planned", "Requested", "Denied")
NO_SOURCE = "(no source)"

MATCHING_RULES = (
    "Labels are compared after kg.normalizing.match_key() (fold(): diacritics, tatweel, alef/ya/ta-marbuta, "
    "digits; «إس -400» = «إس-400»; no punctuation). "
    "Entities: a gold entity matches a graph node of its class carrying its name or one of its forms as "
    "rdfs:label or skos:altLabel; scored over the whole graph. "
    "Said: per source file, same speaker (any label) and token Jaccard of the claim texts ≥ 0.5. "
    "Transfers: per source file, same supplier, recipient and weapon (by label) and the same status. "
    "Each extracted fact matches at most one gold fact. "
    "A split is a gold entity named by more than one graph node."
)


# ---------------------------------------------------------------------------------------------------------
# Gold annotations


@dataclass(frozen=True)
class GoldEntity:
    """A real-world entity of the gold: canonical names, class, and every form the articles use for it."""

    name_ar: str
    name_en: str | None
    kind: str
    forms: tuple[str, ...]

    @property
    def keys(self) -> frozenset[str]:
        names = (self.name_ar, self.name_en or "", *self.forms)
        return frozenset(key for key in map(match_key, names) if key)

    def describe(self) -> str:
        english = f" ({self.name_en})" if self.name_en else ""
        return f"{self.kind} · {self.name_ar}{english}"


@dataclass(frozen=True)
class GoldClaim:
    """actor –said→ claim as the annotator read it."""

    source: str  # file name of the article
    speaker: str  # name_ar of a gold entity
    text: str
    kind: str
    speaker_alternatives: tuple[str, ...] = ()
    reported_by: str | None = None
    evidence: tuple[str, ...] = ()
    note: str | None = None

    @property
    def speakers(self) -> tuple[str, ...]:
        return (self.speaker, *self.speaker_alternatives)

    def describe(self) -> str:
        return f"{self.source} · {self.speaker}: «{_shorten(self.text)}»"


@dataclass(frozen=True)
class GoldTransfer:
    """state –transfers→ weapon as the annotator read it."""

    source: str
    supplier: str
    recipient: str
    weapon: str
    status: str
    status_alternatives: tuple[str, ...] = ()
    quantity: int | None = None
    stated_by: str | None = None
    evidence: tuple[str, ...] = ()
    note: str | None = None

    @property
    def statuses(self) -> tuple[str, ...]:
        return (self.status, *self.status_alternatives)

    def describe(self) -> str:
        return f"{self.source} · {self.supplier} → {self.recipient} · {self.weapon} · {self.status}"


@dataclass
class GoldStandard:
    """Every gold file of a folder: entities merged by canonical Arabic name, facts by source file."""

    entities: dict[str, GoldEntity]
    claims: list[GoldClaim]
    transfers: list[GoldTransfer]
    sources: list[str]

    def keys_of(self, names: Iterable[str]) -> frozenset[str]:
        """The label keys of one or several gold entities (a speaker and its accepted alternatives)."""
        keys: set[str] = set()
        for name in names:
            keys |= self.entities[name].keys
        return frozenset(keys)


def load_gold(gold: str | Path) -> GoldStandard:
    """Read gold annotations: a folder of JSON files (one per article) or one such file.

    Raises InputError naming the file and the fault when the gold is missing or malformed.
    """
    gold = Path(gold)
    if not gold.exists():
        raise InputError(f"gold annotations not found: {gold}")
    files = sorted(gold.glob("*.json")) if gold.is_dir() else [gold]
    if not files:
        raise InputError(f"no gold annotations (*.json) in {gold}")
    forms: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    english: dict[str, str | None] = {}
    claims: list[GoldClaim] = []
    transfers: list[GoldTransfer] = []
    sources: list[str] = []
    for path in files:
        data = _read_json(path)
        source = PurePath(_require(data, "source", str, path)).name
        if source in sources:
            raise InputError(f"{path}: a second gold file for {source}")
        sources.append(source)
        for document in _require(data, "documents", list, path):
            for item in _require(document, "entities", list, path):
                name = _require(item, "name_ar", str, path)
                kind = _require(item, "kind", str, path)
                if kind not in ENTITY_KINDS:
                    raise InputError(
                        f"{path}: entity {name}: kind {kind!r} is not one of {', '.join(ENTITY_KINDS)}"
                    )
                if kinds.setdefault(name, kind) != kind:
                    raise InputError(f"{path}: entity {name} is a {kind} here and a {kinds[name]} elsewhere")
                english[name] = english.get(name) or item.get("name_en")
                known = forms.setdefault(name, [])
                known += [form for form in _require(item, "forms", list, path) if form not in known]
            for item in _require(document, "said", list, path):
                claims.append(_gold_claim(item, source, path))
            for item in _require(document, "transfers", list, path):
                transfers.append(_gold_transfer(item, source, path))
    entities = {name: GoldEntity(name, english[name], kinds[name], tuple(forms[name])) for name in kinds}
    for name, entity in entities.items():
        if not entity.forms:
            raise InputError(f"gold entity {name} has no form in any article")
    standard = GoldStandard(entities, claims, transfers, sources)
    _check_references(standard)
    return standard


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read {path}: {error}") from None
    except json.JSONDecodeError as error:
        raise InputError(f"{path} is not JSON: {error.msg} (line {error.lineno})") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected a JSON object at the top")
    return data


def _require(item: object, key: str, expected: type, path: Path):
    if not isinstance(item, dict) or not isinstance(item.get(key), expected):
        raise InputError(f"{path}: {key!r} missing or not a {expected.__name__} in {_shorten(str(item), 80)}")
    return item[key]


def _strings(item: dict, key: str, path: Path) -> tuple[str, ...]:
    value = item.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{path}: {key!r} must be a list of strings")
    return tuple(value)


def _gold_claim(item: dict, source: str, path: Path) -> GoldClaim:
    kind = _require(item, "kind", str, path)
    if kind not in QUOTE_KINDS:
        raise InputError(f"{path}: said kind {kind!r} is not one of {', '.join(QUOTE_KINDS)}")
    return GoldClaim(
        source=source,
        speaker=_require(item, "speaker", str, path),
        text=_require(item, "text", str, path),
        kind=kind,
        speaker_alternatives=_strings(item, "speaker_alternatives", path),
        reported_by=item.get("reported_by"),
        evidence=_strings(item, "evidence", path),
        note=item.get("note"),
    )


def _gold_transfer(item: dict, source: str, path: Path) -> GoldTransfer:
    statuses = (_require(item, "status", str, path), *_strings(item, "status_alternatives", path))
    for status in statuses:
        if status not in TRANSFER_STATUSES:
            raise InputError(f"{path}: status {status!r} is not one of {', '.join(TRANSFER_STATUSES)}")
    quantity = item.get("quantity")
    if quantity is not None and not isinstance(quantity, int):
        raise InputError(f"{path}: quantity must be a whole number or null")
    return GoldTransfer(
        source=source,
        supplier=_require(item, "supplier", str, path),
        recipient=_require(item, "recipient", str, path),
        weapon=_require(item, "weapon", str, path),
        status=statuses[0],
        status_alternatives=statuses[1:],
        quantity=quantity,
        stated_by=item.get("stated_by"),
        evidence=_strings(item, "evidence", path),
        note=item.get("note"),
    )


def _check_references(gold: GoldStandard) -> None:
    """Every speaker, supplier, recipient, weapon and agency must be a gold entity: a typo is an error."""
    def check(name: str | None, role: str, where: str) -> None:
        if name is not None and name not in gold.entities:
            raise InputError(f"gold {where}: {role} {name!r} is not among the gold entities")

    for claim in gold.claims:
        for speaker in claim.speakers:
            check(speaker, "speaker", claim.source)
        check(claim.reported_by, "reported_by", claim.source)
    for transfer in gold.transfers:
        for role in ("supplier", "recipient", "weapon", "stated_by"):
            check(getattr(transfer, role), role, transfer.source)


# ---------------------------------------------------------------------------------------------------------
# What the graph says


def load_graph(path: str | Path) -> Graph:
    """Parse a graph file: Turtle, or another RDF format guessed from the suffix (.nt, .jsonld, .trig).

    Raises GraphFileError, on one line, when the file is missing or is not RDF.
    """
    path = Path(path)
    if not path.is_file():
        raise GraphFileError(f"graph file not found: {path}" if not path.exists() else f"not a file: {path}")
    rdf_format = guess_format(str(path)) or "turtle"
    graph = Graph()
    try:
        graph.parse(str(path), format=rdf_format)
    except Exception as error:  # each parser raises its own kind; the user needs the file and the cause
        raise GraphFileError(f"{path} is not RDF ({rdf_format}): {_shorten(str(error), 200)}") from None
    return graph


@dataclass(frozen=True)
class GraphEntity:
    node: Node
    kinds: frozenset[str]
    keys: frozenset[str]
    display: str


@dataclass(frozen=True)
class GraphClaim:
    node: Node
    speaker_keys: frozenset[str]
    speaker: str
    text: str
    kind: str | None
    sources: frozenset[str]


@dataclass(frozen=True)
class GraphTransfer:
    node: Node
    supplier_keys: frozenset[str]
    recipient_keys: frozenset[str]
    weapon_keys: frozenset[str]
    display: str
    status: str | None
    sources: frozenset[str]


def _labels(graph: Graph, node: Node | None) -> list[str]:
    if node is None:
        return []
    return [
        str(label)
        for predicate in (RDFS.label, SKOS.altLabel)
        for label in graph.objects(node, predicate)
        if isinstance(label, Literal)
    ]


def _keys(graph: Graph, node: Node | None) -> frozenset[str]:
    return frozenset(key for key in map(match_key, _labels(graph, node)) if key)


def _display(graph: Graph, node: Node | None) -> str:
    """The node's Arabic label, else any label, else its IRI: what a reader of the report recognises."""
    if node is None:
        return "?"
    labels = list(graph.objects(node, RDFS.label))
    for label in labels:
        if isinstance(label, Literal) and label.language == "ar":
            return str(label)
    if labels:
        return str(labels[0])
    alternatives = _labels(graph, node)
    return alternatives[0] if alternatives else str(node)


def _local_name(node: Node | None) -> str | None:
    if node is None:
        return None
    text = str(node)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _sources(graph: Graph, fact: Node) -> frozenset[str]:
    """File names of the articles a fact was derived from: sentence → document → dcterms:source."""
    names: set[str] = set()
    for evidence in graph.objects(fact, PROV.wasDerivedFrom):
        documents = [evidence, *graph.objects(evidence, DCTERMS.isPartOf)]
        for document in documents:
            names |= {PurePath(str(source)).name for source in graph.objects(document, DCTERMS.source)}
    return frozenset(names)


def graph_entities(graph: Graph) -> list[GraphEntity]:
    """Every node typed with one of the entity classes, with its label keys."""
    kinds_of: dict[Node, set[str]] = {}
    for kind in ENTITY_KINDS:
        for node in graph.subjects(RDF.type, KG[kind]):
            kinds_of.setdefault(node, set()).add(kind)
    return [
        GraphEntity(node, frozenset(kinds), _keys(graph, node), _display(graph, node))
        for node, kinds in sorted(kinds_of.items(), key=lambda item: str(item[0]))
    ]


def graph_claims(graph: Graph) -> list[GraphClaim]:
    claims = []
    for node in sorted(set(graph.subjects(RDF.type, KG.Claim)), key=str):
        speaker = graph.value(node, KG.speaker)
        if speaker is None:  # kg:said alone still names the speaker
            speaker = next(iter(graph.subjects(KG.said, node)), None)
        claims.append(
            GraphClaim(
                node=node,
                speaker_keys=_keys(graph, speaker),
                speaker=_display(graph, speaker),
                text=str(graph.value(node, KG.text) or ""),
                kind=_local_name(graph.value(node, KG.quoteKind)),
                sources=_sources(graph, node),
            )
        )
    return claims


def graph_transfers(graph: Graph) -> list[GraphTransfer]:
    transfers = []
    for node in sorted(set(graph.subjects(RDF.type, KG.Transfer)), key=str):
        supplier, recipient, weapon = (graph.value(node, p) for p in (KG.supplier, KG.recipient, KG.weapon))
        status = _local_name(graph.value(node, KG.status))
        transfers.append(
            GraphTransfer(
                node=node,
                supplier_keys=_keys(graph, supplier),
                recipient_keys=_keys(graph, recipient),
                weapon_keys=_keys(graph, weapon),
                display=f"{_display(graph, supplier)} → {_display(graph, recipient)} · "
                f"{_display(graph, weapon)} · {status}",
                status=status,
                sources=_sources(graph, node),
            )
        )
    return transfers


# ---------------------------------------------------------------------------------------------------------
# Scores and the report


@dataclass(frozen=True)
class Score:
    """Counts for one kind of fact, and the precision, recall and F1 they give."""

    gold: int
    extracted: int
    matched: int

    @property
    def precision(self) -> float:
        if self.extracted:
            return self.matched / self.extracted
        return 1.0 if self.gold == 0 else 0.0

    @property
    def recall(self) -> float:
        if self.gold:
            return self.matched / self.gold
        return 1.0 if self.extracted == 0 else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True)
class Split:
    """A gold entity that the graph gives more than one node."""

    entity: str
    kind: str
    nodes: tuple[str, ...]  # how each node reads

    def describe(self) -> str:
        return f"{self.kind} · {self.entity}: {len(self.nodes)} nodes — " + " | ".join(self.nodes)


@dataclass
class EvaluationReport:
    """Scores per kind of fact, the facts missed and invented (readable lines), and the splits."""

    scores: dict[str, Score]
    missed: dict[str, list[str]]
    invented: dict[str, list[str]]
    splits: list[Split]
    quote_kinds_agreeing: int = 0  # matched claims whose kg:quoteKind is the gold one

    def failures(
        self, min_f1: Mapping[str, float | None] | None = None, max_splits: int | None = None
    ) -> list[str]:
        """One line per threshold not met: ``min_f1`` maps "entities"/"said"/"transfers" to a minimum F1."""
        lines = []
        for kind, minimum in (min_f1 or {}).items():
            if kind not in self.scores:
                raise InputError(f"no score called {kind!r}; choose from {', '.join(FACT_KINDS)}")
            if minimum is not None and self.scores[kind].f1 < minimum:
                lines.append(f"{kind} F1 {self.scores[kind].f1:.3f} < {minimum:.3f}")
        if max_splits is not None and len(self.splits) > max_splits:
            lines.append(f"{len(self.splits)} entities split into several nodes > {max_splits}")
        return lines

    def passes(self, min_f1: Mapping[str, float | None] | None = None, max_splits: int | None = None) -> bool:
        return not self.failures(min_f1, max_splits)

    def as_dict(self) -> dict:
        """The report as plain JSON data."""
        return {
            "scores": {
                kind: {
                    "gold": s.gold, "extracted": s.extracted, "matched": s.matched,
                    "precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
                }
                for kind, s in self.scores.items()
            },
            "missed": self.missed,
            "invented": self.invented,
            "splits": [{"entity": s.entity, "kind": s.kind, "nodes": list(s.nodes)} for s in self.splits],
            "quote_kinds_agreeing": self.quote_kinds_agreeing,
        }


def _maximum_matching(
    gold_count: int, candidates: Callable[[int], Sequence[int]]
) -> dict[int, int]:
    """A maximum one-to-one matching (augmenting paths): gold index → extracted index.

    ``candidates(g)`` lists the extracted facts gold fact ``g`` may match, best first, so that among
    maximum matchings the closest pairs are tried first.
    """
    owner: dict[int, int] = {}  # extracted → gold

    def augment(g: int, seen: set[int]) -> bool:
        for e in candidates(g):
            if e in seen:
                continue
            seen.add(e)
            if e not in owner or augment(owner[e], seen):
                owner[e] = g
                return True
        return False

    for g in range(gold_count):
        augment(g, set())
    return {g: e for e, g in owner.items()}


def claim_similarity(left: str, right: str) -> float:
    """Token-level Jaccard similarity of two claim texts, tokens of match_key() (folded, no punctuation)."""
    left_tokens, right_tokens = set(match_key(left).split()), set(match_key(right).split())
    union = left_tokens | right_tokens
    return len(left_tokens & right_tokens) / len(union) if union else 0.0


def evaluate(gold_dir: str | Path, graph: Graph) -> EvaluationReport:
    """Score ``graph`` against the gold annotations in ``gold_dir`` (rules in this module's docstring)."""
    gold = load_gold(gold_dir)
    return evaluate_gold(gold, graph)


def evaluate_gold(gold: GoldStandard, graph: Graph) -> EvaluationReport:
    """Score ``graph`` against gold annotations already loaded."""
    scores: dict[str, Score] = {}
    missed: dict[str, list[str]] = {kind: [] for kind in FACT_KINDS}
    invented: dict[str, list[str]] = {kind: [] for kind in FACT_KINDS}

    # Entities, over the whole graph.
    gold_entities = list(gold.entities.values())
    nodes = graph_entities(graph)

    def entity_candidates(g: int) -> list[int]:
        entity = gold_entities[g]
        return [i for i, n in enumerate(nodes) if entity.kind in n.kinds and entity.keys & n.keys]

    entity_match = _maximum_matching(len(gold_entities), entity_candidates)
    scores["entities"] = Score(len(gold_entities), len(nodes), len(entity_match))
    missed["entities"] = [e.describe() for g, e in enumerate(gold_entities) if g not in entity_match]
    matched_nodes = set(entity_match.values())
    invented["entities"] = [
        f"{'/'.join(sorted(n.kinds))} · {n.display}" for i, n in enumerate(nodes) if i not in matched_nodes
    ]
    splits = _splits(gold_entities, nodes, entity_match)

    # Said and transfers, per source file.
    claims = graph_claims(graph)
    transfers = graph_transfers(graph)
    said_counts = [0, 0, 0]
    transfer_counts = [0, 0, 0]
    kinds_agreeing = 0
    for source in gold.sources:
        gold_claims = [c for c in gold.claims if c.source == source]
        extracted = [c for c in claims if source in c.sources]
        speaker_keys = [gold.keys_of(c.speakers) for c in gold_claims]

        def claim_candidates(g: int, gold_claims=gold_claims, extracted=extracted, speaker_keys=speaker_keys):
            scored = [
                (claim_similarity(gold_claims[g].text, e.text), i)
                for i, e in enumerate(extracted)
                if speaker_keys[g] & e.speaker_keys
            ]
            return [i for similarity, i in sorted(scored, reverse=True) if similarity >= CLAIM_TEXT_THRESHOLD]

        match = _maximum_matching(len(gold_claims), claim_candidates)
        said_counts = [
            said_counts[0] + len(gold_claims),
            said_counts[1] + len(extracted),
            said_counts[2] + len(match),
        ]
        kinds_agreeing += sum(extracted[e].kind == gold_claims[g].kind for g, e in match.items())
        missed["said"] += [c.describe() for g, c in enumerate(gold_claims) if g not in match]
        used = set(match.values())
        invented["said"] += [
            f"{source} · {c.speaker}: «{_shorten(c.text)}»" for i, c in enumerate(extracted) if i not in used
        ]

        gold_transfers = [t for t in gold.transfers if t.source == source]
        extracted_transfers = [t for t in transfers if source in t.sources]
        roles = [
            (gold.keys_of([t.supplier]), gold.keys_of([t.recipient]), gold.keys_of([t.weapon]), t.statuses)
            for t in gold_transfers
        ]

        def transfer_candidates(g: int, roles=roles, extracted=extracted_transfers) -> list[int]:
            supplier, recipient, weapon, statuses = roles[g]
            return [
                i for i, t in enumerate(extracted)
                if supplier & t.supplier_keys and recipient & t.recipient_keys and weapon & t.weapon_keys
                and t.status in statuses
            ]

        match = _maximum_matching(len(gold_transfers), transfer_candidates)
        transfer_counts = [
            transfer_counts[0] + len(gold_transfers),
            transfer_counts[1] + len(extracted_transfers),
            transfer_counts[2] + len(match),
        ]
        missed["transfers"] += [t.describe() for g, t in enumerate(gold_transfers) if g not in match]
        used = set(match.values())
        invented["transfers"] += [
            f"{source} · {t.display}" for i, t in enumerate(extracted_transfers) if i not in used
        ]

    # A fact that points to no article at all cannot be checked against any gold: it counts as invented.
    orphan_claims = [c for c in claims if not c.sources]
    orphan_transfers = [t for t in transfers if not t.sources]
    said_counts[1] += len(orphan_claims)
    transfer_counts[1] += len(orphan_transfers)
    invented["said"] += [f"{NO_SOURCE} · {c.speaker}: «{_shorten(c.text)}»" for c in orphan_claims]
    invented["transfers"] += [f"{NO_SOURCE} · {t.display}" for t in orphan_transfers]

    scores["said"] = Score(*said_counts)
    scores["transfers"] = Score(*transfer_counts)
    return EvaluationReport(scores, missed, invented, splits, kinds_agreeing)


def _splits(
    gold_entities: Sequence[GoldEntity], nodes: Sequence[GraphEntity], entity_match: Mapping[int, int]
) -> list[Split]:
    splits = []
    for g, entity in enumerate(gold_entities):
        others = {n for other, n in entity_match.items() if other != g}
        named = [n for i, n in enumerate(nodes) if entity.keys & n.keys and i not in others]
        if len(named) > 1:
            readings = tuple(f"{'/'.join(sorted(n.kinds))} {n.display}" for n in named)
            splits.append(Split(entity.name_ar, entity.kind, readings))
    return splits


def _shorten(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------------------------------------------------
# Printing


def print_report(report: EvaluationReport, console=None, show_lists: bool = True) -> None:
    """The scores as a table, then the missed and invented facts and the splits (rich, to ``console``)."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    table = Table(title="Evaluation against the gold annotations")
    for column in ("", "gold", "extracted", "matched", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if not column else "right")
    for kind, score in report.scores.items():
        table.add_row(kind, str(score.gold), str(score.extracted), str(score.matched),
                      f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}")
    console.print(table)
    said = report.scores.get("said")
    if said and said.matched:
        agreeing = report.quote_kinds_agreeing
        console.print(f"Quote kind agrees on {agreeing} of {said.matched} matched said facts.")
    console.print(f"Entities split into several nodes: {len(report.splits)}")
    for split in report.splits:
        console.print(f"  {split.describe()}", markup=False, highlight=False, soft_wrap=True)
    if not show_lists:
        return
    for title, lists in (("Missed", report.missed), ("Invented", report.invented)):
        for kind in FACT_KINDS:
            if lists.get(kind):
                console.print(f"\n{title} {kind} ({len(lists[kind])}):", style="bold")
                for line in lists[kind]:
                    # one fact per line, unwrapped, so that the list can be grepped and diffed
                    console.print(f"  {line}", markup=False, highlight=False, soft_wrap=True)
