"""Evaluating: a graph scored against gold annotations in the format of the annotation guidelines
(one JSON file per article: ``said``, ``transfers``, ``entities``), per kind of fact, per article and per
extraction rule, with what was missed and what was invented.

Said facts and transfers are scored exactly as the reference scorer of the guidelines does, so the figures
agree with it:

- **Names.** Strings are compared after :func:`score_key` (NFKC, diacritics and tatweel out, alef/ya/
  ta-marbuta folded, punctuation to spaces, lower case), token by token after a leading clitic
  (و، ف، ب، ل، ال and their compounds) is stripped from words that keep three letters. A graph node names a
  gold entity when its Wikidata id (``owl:sameAs``) is the gold one, or when one of its labels
  (``rdfs:label``, ``skos:altLabel``, ``skos:prefLabel``) has the same tokens as a gold name; for nodes that
  are not states a label whose tokens all lie in the gold name, or the reverse, names it too.
- **Said.** Per article, one to one, in the gold's order: a gold statement takes the first unused claim of
  the article whose speaker names the gold speaker (``speaker_ar``, ``speaker`` or an accepted alternative)
  and whose text holds at least 60 % of the tokens of ``claim_contains``.
- **Transfers.** Per article, one to one: supplier and weapon name the gold ones, and the recipient too when
  the gold gives one. Pairs with the gold status are made first; status accuracy is counted on the pairs.
  Gold entries with the same (supplier, recipient, weapon, status) are one event.
- **Entities** (this project's addition): a gold entity (merged over articles by type and canonical name)
  matches one graph node of its class carrying its Wikidata id or a label equal to its name or a form;
  every node of an entity class counts as extracted. A **split** is a gold entity that several nodes name.
- A fact belongs to an article when one of its ``prov:wasDerivedFrom`` sentences is ``dcterms:isPartOf`` a
  document whose ``dcterms:source`` file has the article's name. Facts of other articles are left out.

Optional fields that the reference scorer ignores: ``speaker_alternatives`` (more names that may speak a
statement) and ``status_alternatives`` (more statuses a transfer may have), both lists of strings.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from rdflib import Graph
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS
from rdflib.term import Node
from rdflib.util import guess_format

from kg.errors import GraphFileError, InputError
from kg.records import ENTITY_KINDS, STATE
from kg.vocabulary import KG

CLAIM_TOKEN_SHARE = 0.6  # share of the gold span's tokens an extracted claim text must hold
FACT_KINDS = ("entities", "said", "transfers")
SAID_KINDS = ("direct", "reported")
TRANSFER_STATUSES = ("Delivered", "Deployed", "Agreed", "Planned", "Requested", "Denied")
NO_RULE = "(no rule named)"

MATCHING_RULES = (
    "Names are compared token by token after score_key() (diacritics, tatweel, alef/ya/ta-marbuta folded, "
    "punctuation dropped) and a leading clitic stripped; a node names a gold entity by its Wikidata id, by a "
    "label with the same tokens, or (not for states) by a label whose tokens lie in the gold name or the "
    "reverse. Said: per article, one to one in the gold's order, the same speaker and a claim text holding "
    "60% of the gold span's tokens. Transfers: per article, one to one, the same supplier and weapon (and "
    "recipient when the gold names one), exact-status pairs first; status accuracy on the pairs. "
    "Entities: one node of the gold class carrying the gold Wikidata id, name or a form."
)


# ---------------------------------------------------------------------------------------------------------
# Keys: the reference scorer's normalization, so that both count the same matches

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_CLITICS = ("وال", "بال", "لل", "فال", "كال", "ال", "و", "ف", "ب", "ل")


def score_key(text: str | None) -> str:
    """Folded for comparison: NFKC, no diacritics or tatweel, one alef, ya for alef maqsura, ha for ta
    marbuta, punctuation as spaces, lower case, single spaces."""
    text = unicodedata.normalize("NFKC", text or "")
    text = _DIACRITICS.sub("", text)
    text = re.sub("[أإآٱ]", "ا", text).replace("ى", "ي").replace("ة", "ه")
    text = re.sub(r"[^\w\s]", " ", text.lower())
    return " ".join(text.split())


def strip_clitic(token: str) -> str:
    """A folded token without its leading conjunction, preposition or article, when three letters remain."""
    for clitic in _CLITICS:
        if token.startswith(clitic) and len(token) - len(clitic) >= 3:
            return token[len(clitic):]
    return token


def token_set(text: str | None) -> frozenset[str]:
    return frozenset(strip_clitic(token) for token in score_key(text).split())


def token_share(gold_span: str, text: str) -> float:
    """The share of the gold span's tokens that ``text`` holds (clitics stripped on both sides)."""
    gold_tokens = [strip_clitic(token) for token in score_key(gold_span).split()]
    held = token_set(text)
    return sum(token in held for token in gold_tokens) / max(1, len(gold_tokens))


# ---------------------------------------------------------------------------------------------------------
# Gold annotations


@dataclass(frozen=True)
class GoldSaid:
    speaker: str
    speaker_qid: str | None
    speaker_ar: str
    claim_contains: str
    kind: str
    speaker_alternatives: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.speaker_ar, self.speaker, *self.speaker_alternatives)

    def describe(self, article: str) -> str:
        return f"{article} · {self.speaker}: «{_shorten(self.claim_contains)}»"


@dataclass(frozen=True)
class GoldTransfer:
    supplier: str
    supplier_qid: str | None
    recipient: str | None
    recipient_qid: str | None
    weapon: str
    weapon_ar: str
    status: str
    evidence_contains: str
    weapon_qid: str | None = None
    status_alternatives: tuple[str, ...] = ()

    @property
    def event(self) -> tuple:
        return (self.supplier, self.recipient, self.weapon, self.status)

    @property
    def statuses(self) -> tuple[str, ...]:
        return (self.status, *self.status_alternatives)

    def describe(self, article: str) -> str:
        return f"{article} · {self.supplier} → {self.weapon} → {self.recipient} [{self.status}]"


@dataclass(frozen=True)
class GoldEntity:
    canonical: str
    qid: str | None
    type: str
    forms_ar: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.canonical, *self.forms_ar)

    def describe(self) -> str:
        forms = " / ".join(self.forms_ar[:3])
        return f"{self.type} · {self.canonical}" + (f" ({forms})" if forms else "")


@dataclass(frozen=True)
class GoldArticle:
    article: str  # file name
    said: tuple[GoldSaid, ...]
    transfers: tuple[GoldTransfer, ...]
    entities: tuple[GoldEntity, ...]


def load_gold(*golds: str | Path) -> list[GoldArticle]:
    """Read gold annotations: folders of JSON files (one per article) or such files.

    Raises InputError naming the file and the fault when the gold is missing or malformed.
    """
    files: list[Path] = []
    for gold in map(Path, golds):
        if not gold.exists():
            raise InputError(f"gold annotations not found: {gold}")
        found = sorted(gold.glob("*.json")) if gold.is_dir() else [gold]
        if not found:
            raise InputError(f"no gold annotations (*.json) in {gold}")
        files += found
    articles: dict[str, GoldArticle] = {}
    for path in files:
        article = _gold_article(_read_json(path), path)
        if article.article in articles:
            raise InputError(f"{path}: a second gold file for {article.article}")
        articles[article.article] = article
    return list(articles.values())


def _gold_article(data: dict, path: Path) -> GoldArticle:
    name = PurePath(_require(data, "article", str, path)).name
    return GoldArticle(
        article=name,
        said=tuple(_gold_said(item, path) for item in _require(data, "said", list, path)),
        transfers=tuple(_gold_transfer(item, path) for item in _require(data, "transfers", list, path)),
        entities=tuple(_gold_entity(item, path) for item in _require(data, "entities", list, path)),
    )


def _gold_said(item: dict, path: Path) -> GoldSaid:
    kind = _require(item, "kind", str, path)
    if kind not in SAID_KINDS:
        raise InputError(f"{path}: said kind {kind!r} is not one of {', '.join(SAID_KINDS)}")
    return GoldSaid(
        speaker=_require(item, "speaker", str, path),
        speaker_qid=_optional(item, "speaker_qid", path),
        speaker_ar=_optional(item, "speaker_ar", path) or "",
        claim_contains=_require(item, "claim_contains", str, path),
        kind=kind,
        speaker_alternatives=_strings(item, "speaker_alternatives", path),
    )


def _gold_transfer(item: dict, path: Path) -> GoldTransfer:
    statuses = (_require(item, "status", str, path), *_strings(item, "status_alternatives", path))
    for status in statuses:
        if status not in TRANSFER_STATUSES:
            raise InputError(f"{path}: status {status!r} is not one of {', '.join(TRANSFER_STATUSES)}")
    return GoldTransfer(
        supplier=_require(item, "supplier", str, path),
        supplier_qid=_optional(item, "supplier_qid", path),
        recipient=_optional(item, "recipient", path),
        recipient_qid=_optional(item, "recipient_qid", path),
        weapon=_require(item, "weapon", str, path),
        weapon_ar=_optional(item, "weapon_ar", path) or "",
        status=statuses[0],
        evidence_contains=_optional(item, "evidence_contains", path) or "",
        weapon_qid=_optional(item, "weapon_qid", path),
        status_alternatives=statuses[1:],
    )


def _gold_entity(item: dict, path: Path) -> GoldEntity:
    kind = _require(item, "type", str, path)
    if kind not in ENTITY_KINDS:
        raise InputError(f"{path}: entity type {kind!r} is not one of {', '.join(ENTITY_KINDS)}")
    return GoldEntity(_require(item, "canonical", str, path), _optional(item, "qid", path), kind,
                      _strings(item, "forms_ar", path))


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


def _optional(item: dict, key: str, path: Path) -> str | None:
    value = item.get(key)
    if value is not None and not isinstance(value, str):
        raise InputError(f"{path}: {key!r} must be a string or null in {_shorten(str(item), 80)}")
    return value


def _strings(item: dict, key: str, path: Path) -> tuple[str, ...]:
    value = item.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{path}: {key!r} must be a list of strings")
    return tuple(value)


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
class GraphFact:
    """A claim or a transfer of the graph: its node, its roles (speaker, or supplier/recipient/weapon),
    its text or status, and the rules that made it."""

    node: Node
    roles: Mapping[str, Node | None]
    text: str = ""
    status: str | None = None
    rules: tuple[str, ...] = ()


class GraphReader:
    """The graph as the scorer sees it: names and ids of nodes, and facts per article."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._names: dict[Node, list[frozenset[str]]] = {}

    def label_token_sets(self, node: Node) -> list[frozenset[str]]:
        if node not in self._names:
            labels = {score_key(str(o)) for p in (RDFS.label, SKOS.altLabel, SKOS.prefLabel)
                      for o in self.graph.objects(node, p)}
            self._names[node] = [token_set(label) for label in labels]
        return self._names[node]

    def qids(self, node: Node) -> set[str]:
        same = self.graph.objects(node, OWL.sameAs)
        return {str(o).rsplit("/", 1)[-1] for o in same if "wikidata" in str(o)}

    def names(self, node: Node | None, qid: str | None, names: Iterable[str], strict: bool = False) -> bool:
        """Whether ``node`` is the gold entity of Wikidata id ``qid`` and these names (module docstring);
        ``strict`` asks for a label with the same tokens even where the node is not a state."""
        if node is None:
            return False
        if qid and qid in self.qids(node):
            return True
        loose = not strict and (node, RDF.type, KG.State) not in self.graph
        labels = self.label_token_sets(node)
        for name in names:
            name_tokens = token_set(name)
            if name_tokens and any(
                name_tokens == label or (loose and label and (label <= name_tokens or name_tokens <= label))
                for label in labels
            ):
                return True
        return False

    def display(self, node: Node | None) -> str:
        if node is None:
            return "-"
        labels = sorted(score_key(str(o)) for p in (RDFS.label, SKOS.altLabel, SKOS.prefLabel)
                        for o in self.graph.objects(node, p))
        return labels[0] if labels else str(node)

    def articles_of(self, fact: Node) -> set[str]:
        names = set()
        for sentence in self.graph.objects(fact, PROV.wasDerivedFrom):
            for document in self.graph.objects(sentence, DCTERMS.isPartOf):
                names |= {PurePath(str(s)).name for s in self.graph.objects(document, DCTERMS.source)}
        return names

    def rules(self, fact: Node) -> tuple[str, ...]:
        found = sorted(str(r).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
                       for r in self.graph.objects(fact, KG.extractedBy))
        return tuple(found) or (NO_RULE,)

    def facts_by_article(self, kind: Node, wanted: set[str]) -> dict[str, list[GraphFact]]:
        """Claims (``kind`` kg:Claim) or transfers (kg:Transfer) of the wanted articles, in the graph's
        order (the reference scorer's order, which its first-come matching depends on)."""
        found: dict[str, list[GraphFact]] = defaultdict(list)
        for node in self.graph.subjects(RDF.type, kind):
            fact = self._fact(node, kind)
            for article in self.articles_of(node) & wanted:
                found[article].append(fact)
        return found

    def _fact(self, node: Node, kind: Node) -> GraphFact:
        value = lambda p: next(self.graph.objects(node, p), None)  # noqa: E731
        if kind == KG.Claim:
            text = " ".join(str(t) for t in self.graph.objects(node, KG.text))
            return GraphFact(node, {"speaker": value(KG.speaker)}, text=text, rules=self.rules(node))
        status = value(KG.status)
        return GraphFact(node, {role: value(KG[role]) for role in ("supplier", "recipient", "weapon")},
                         status=str(status).rsplit("#", 1)[-1] if status is not None else None,
                         rules=self.rules(node))

    def entity_nodes(self) -> list[tuple[Node, str]]:
        return [(node, kind) for kind in ENTITY_KINDS for node in self.graph.subjects(RDF.type, KG[kind])]


# ---------------------------------------------------------------------------------------------------------
# Scores and the report


@dataclass
class Score:
    """Counts for one kind of fact, and the precision, recall and F1 they give (the reference's
    conventions: an empty side scores 1)."""

    gold: int = 0
    extracted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        if self.extracted:
            return self.matched / self.extracted
        return 1.0 if not self.gold else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def add(self, gold: int, extracted: int, matched: int) -> None:
        self.gold += gold
        self.extracted += extracted
        self.matched += matched

    def as_dict(self) -> dict:
        return {"gold": self.gold, "extracted": self.extracted, "matched": self.matched,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class RuleCount:
    """How many facts a rule took part in, and how many of those matched gold."""

    produced: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.produced if self.produced else 0.0


@dataclass(frozen=True)
class Split:
    """A gold entity that the graph gives more than one node."""

    entity: str
    kind: str
    nodes: tuple[str, ...]

    def describe(self) -> str:
        return f"{self.kind} · {self.entity}: {len(self.nodes)} nodes — " + " | ".join(self.nodes)


@dataclass
class EvaluationReport:
    """Scores per kind of fact, per article and per rule; the facts missed and invented; the splits."""

    scores: dict[str, Score] = field(default_factory=lambda: {kind: Score() for kind in FACT_KINDS})
    per_article: dict[str, dict[str, Score]] = field(default_factory=dict)
    rules: dict[str, dict[str, RuleCount]] = field(default_factory=lambda: {"said": {}, "transfers": {}})
    missed: dict[str, list[str]] = field(default_factory=lambda: {kind: [] for kind in FACT_KINDS})
    invented: dict[str, list[str]] = field(default_factory=lambda: {kind: [] for kind in FACT_KINDS})
    splits: list[Split] = field(default_factory=list)
    status_right: int = 0  # matched transfers whose status is the gold one

    @property
    def status_accuracy(self) -> float:
        matched = self.scores["transfers"].matched
        return self.status_right / matched if matched else 0.0

    def failures(self, min_f1: Mapping[str, float | None] | None = None, max_splits: int | None = None,
                 min_status_accuracy: float | None = None) -> list[str]:
        """One line per threshold not met: ``min_f1`` maps "entities"/"said"/"transfers" to a minimum F1."""
        lines = []
        for kind, minimum in (min_f1 or {}).items():
            if kind not in self.scores:
                raise InputError(f"no score called {kind!r}; choose from {', '.join(FACT_KINDS)}")
            if minimum is not None and self.scores[kind].f1 < minimum:
                lines.append(f"{kind} F1 {self.scores[kind].f1:.3f} < {minimum:.3f}")
        if min_status_accuracy is not None and self.status_accuracy < min_status_accuracy:
            lines.append(f"status accuracy {self.status_accuracy:.3f} < {min_status_accuracy:.3f}")
        if max_splits is not None and len(self.splits) > max_splits:
            lines.append(f"{len(self.splits)} entities split into several nodes > {max_splits}")
        return lines

    def passes(self, min_f1: Mapping[str, float | None] | None = None, max_splits: int | None = None) -> bool:
        return not self.failures(min_f1, max_splits)

    def as_dict(self) -> dict:
        """The report as plain JSON data."""
        return {
            "scores": {kind: score.as_dict() for kind, score in self.scores.items()},
            "status_accuracy_on_matched": round(self.status_accuracy, 4),
            "per_article": {article: {kind: s.as_dict() for kind, s in scores.items()}
                            for article, scores in self.per_article.items()},
            "rules": {kind: {rule: {"produced": count.produced, "matched": count.matched}
                             for rule, count in counts.items()}
                      for kind, counts in self.rules.items()},
            "missed": self.missed,
            "invented": self.invented,
            "splits": [{"entity": s.entity, "kind": s.kind, "nodes": list(s.nodes)} for s in self.splits],
        }


def evaluate(gold_dir: str | Path, graph: Graph) -> EvaluationReport:
    """Score ``graph`` against the gold annotations in ``gold_dir`` (rules in this module's docstring)."""
    return evaluate_gold(load_gold(gold_dir), graph)


def evaluate_gold(gold: Sequence[GoldArticle], graph: Graph) -> EvaluationReport:
    """Score ``graph`` against gold annotations already loaded."""
    reader = GraphReader(graph)
    report = EvaluationReport()
    wanted = {article.article for article in gold}
    claims = reader.facts_by_article(KG.Claim, wanted)
    transfers = reader.facts_by_article(KG.Transfer, wanted)
    for article in gold:
        said = _score_said(reader, article, claims.get(article.article, []), report)
        moved = _score_transfers(reader, article, transfers.get(article.article, []), report)
        report.per_article[article.article] = {"said": said, "transfers": moved}
        report.scores["said"].add(said.gold, said.extracted, said.matched)
        report.scores["transfers"].add(moved.gold, moved.extracted, moved.matched)
    _score_entities(reader, gold, report)
    return report


def _count_rules(report: EvaluationReport, kind: str, facts: Sequence[GraphFact], used: set[int]) -> None:
    for index, fact in enumerate(facts):
        for rule in fact.rules:
            count = report.rules[kind].setdefault(rule, RuleCount())
            count.produced += 1
            count.matched += index in used


def _score_said(reader: GraphReader, article: GoldArticle, claims: list[GraphFact],
                report: EvaluationReport) -> Score:
    used: set[int] = set()
    for gold in article.said:
        hit = next((i for i, claim in enumerate(claims)
                    if i not in used and token_share(gold.claim_contains, claim.text) >= CLAIM_TOKEN_SHARE
                    and reader.names(claim.roles["speaker"], gold.speaker_qid, gold.names)), None)
        if hit is None:
            report.missed["said"].append(gold.describe(article.article))
        else:
            used.add(hit)
    for i, claim in enumerate(claims):
        if i not in used:
            report.invented["said"].append(
                f"{article.article} · {reader.display(claim.roles['speaker'])}: «{_shorten(claim.text)}» "
                f"[{', '.join(claim.rules)}]")
    _count_rules(report, "said", claims, used)
    return Score(len(article.said), len(claims), len(used))


def _transfer_matches(reader: GraphReader, gold: GoldTransfer, fact: GraphFact) -> bool:
    roles = fact.roles
    if not (reader.names(roles["supplier"], gold.supplier_qid, (gold.supplier,))
            and reader.names(roles["weapon"], gold.weapon_qid, (gold.weapon_ar, gold.weapon))):
        return False
    if gold.recipient or gold.recipient_qid:
        return reader.names(roles["recipient"], gold.recipient_qid, (gold.recipient or "",))
    return True


def _score_transfers(reader: GraphReader, article: GoldArticle, facts: list[GraphFact],
                     report: EvaluationReport) -> Score:
    events: dict[tuple, GoldTransfer] = {}
    for transfer in article.transfers:
        events.setdefault(transfer.event, transfer)
    golds = list(events.values())
    hit_of: dict[int, int] = {}
    for same_status_first in (True, False):
        for g, gold in enumerate(golds):
            if g in hit_of:
                continue
            for i, fact in enumerate(facts):
                if i in hit_of.values() or not _transfer_matches(reader, gold, fact):
                    continue
                if same_status_first and fact.status not in gold.statuses:
                    continue
                hit_of[g] = i
                break
    for g, gold in enumerate(golds):
        if g not in hit_of:
            report.missed["transfers"].append(gold.describe(article.article))
        elif facts[hit_of[g]].status in gold.statuses:
            report.status_right += 1
    used = set(hit_of.values())
    for i, fact in enumerate(facts):
        if i not in used:
            roles = " → ".join(reader.display(fact.roles[r]) for r in ("supplier", "weapon", "recipient"))
            report.invented["transfers"].append(
                f"{article.article} · {roles} [{fact.status}] [{', '.join(fact.rules)}]")
    _count_rules(report, "transfers", facts, used)
    return Score(len(golds), len(facts), len(used))


def _score_entities(reader: GraphReader, gold: Sequence[GoldArticle], report: EvaluationReport) -> None:
    merged: dict[tuple[str, str], GoldEntity] = {}
    for article in gold:
        for entity in article.entities:
            key = (entity.type, entity.canonical)
            known = merged.get(key)
            forms = tuple(dict.fromkeys((*known.forms_ar, *entity.forms_ar))) if known else entity.forms_ar
            merged[key] = GoldEntity(entity.canonical, entity.qid or (known.qid if known else None),
                                     entity.type, forms)
    entities = list(merged.values())
    nodes = reader.entity_nodes()
    taken: dict[int, int] = {}
    for g, entity in enumerate(entities):
        for i, (node, kind) in enumerate(nodes):
            if kind == entity.type and i not in taken.values() and reader.names(
                    node, entity.qid, entity.names, strict=True):
                taken[g] = i
                break
    report.scores["entities"] = Score(len(entities), len(nodes), len(taken))
    report.missed["entities"] = [e.describe() for g, e in enumerate(entities) if g not in taken]
    matched_nodes = set(taken.values())
    report.invented["entities"] = [f"{kind} · {reader.display(node)}" for i, (node, kind) in enumerate(nodes)
                                   if i not in matched_nodes]
    report.splits = _splits(reader, entities, nodes, taken)


def _splits(reader: GraphReader, entities: Sequence[GoldEntity], nodes: Sequence[tuple[Node, str]],
            taken: Mapping[int, int]) -> list[Split]:
    """Gold entities named by several nodes, leaving out nodes matched to another gold entity («مينسك» the
    city is not a split of Belarus). States and persons only: a weapon category and a named system may
    share a word and still be two things."""
    splits = []
    node_kinds = Counter(node for node, _ in nodes)
    for g, entity in enumerate(entities):
        if entity.type not in (STATE, "Person"):
            continue
        others = {nodes[i][0] for other, i in taken.items() if other != g}
        named = {node for node, _ in nodes if node not in others and node_kinds[node]
                 and reader.names(node, entity.qid, entity.names, strict=True)}
        if len(named) > 1:
            readings = tuple(sorted(reader.display(node) for node in named))
            splits.append(Split(entity.canonical, entity.type, readings))
    return splits


def _shorten(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------------------------------------------------
# Printing


def _score_table(title: str, rows: Iterable[tuple[str, Score]]):
    from rich.table import Table

    table = Table(title=title)
    for column in ("", "gold", "extracted", "matched", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if not column else "right")
    for name, score in rows:
        table.add_row(name, str(score.gold), str(score.extracted), str(score.matched),
                      f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}")
    return table


def _article_table(report: EvaluationReport):
    from rich.table import Table

    table = Table(title="Per article (gold / extracted / matched)")
    for column in ("article", "said", "said F1", "transfers", "transfers F1"):
        table.add_column(column, justify="left" if column == "article" else "right", no_wrap=True)
    for article, scores in report.per_article.items():
        said, moved = scores["said"], scores["transfers"]
        table.add_row(article, f"{said.gold}/{said.extracted}/{said.matched}", f"{said.f1:.2f}",
                      f"{moved.gold}/{moved.extracted}/{moved.matched}", f"{moved.f1:.2f}")
    return table


def _rule_table(report: EvaluationReport):
    from rich.table import Table

    table = Table(title="Per rule: facts it took part in, and how many matched gold")
    for column in ("fact", "rule", "produced", "matched", "precision"):
        table.add_column(column, justify="left" if column in ("fact", "rule") else "right", no_wrap=True)
    for kind, counts in report.rules.items():
        for rule, count in sorted(counts.items(), key=lambda item: -item[1].produced):
            table.add_row(kind, rule, str(count.produced), str(count.matched), f"{count.precision:.2f}")
    return table


def print_report(report: EvaluationReport, console=None, show_lists: bool = True,
                 per_article: bool = True) -> None:
    """The scores, status accuracy, per-article and per-rule tables, then the missed and invented facts and
    the splits (rich, to ``console``)."""
    from rich.console import Console

    console = console or Console()
    if per_article:
        console.print(_article_table(report))
    console.print(_rule_table(report))
    console.print(_score_table("Evaluation against the gold annotations", report.scores.items()))
    if report.scores["transfers"].matched:
        console.print(f"Status right on {report.status_right} of {report.scores['transfers'].matched} "
                      f"matched transfers ({report.status_accuracy:.2f}).")
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
