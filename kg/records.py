"""The small typed records the pipeline's stages hand each other, in the order they appear.

Character offsets always point into ``Document.text``: the cleaned text that the graph stores.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceText:
    """A file as read: its path, its decoded text, the encoding that decoded it, and what went wrong on the
    way (one line each: undecodable bytes, control characters removed…)."""

    path: str
    text: str
    encoding: str = "utf-8"
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """One story, cleaned: paragraphs joined by blank lines, boilerplate and repeats removed."""

    doc_id: str  # sha256 hex of ``text``
    text: str
    sources: tuple[str, ...]
    title: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD) when the text gives one


@dataclass(frozen=True)
class Word:
    """A syntactic word as Stanza gives it; clitics split off by MWT share their token's offsets."""

    index: int  # 1-based within the sentence, as in CoNLL-U
    text: str
    lemma: str
    upos: str
    feats: str
    head: int  # 0 for the root
    deprel: str
    start: int
    end: int
    ner: str = "O"  # BIOES tag of the word's token


@dataclass(frozen=True)
class NamedSpan:
    """A named-entity span from the NER model."""

    text: str
    label: str  # PER, LOC, ORG, MISC
    start: int
    end: int


@dataclass(frozen=True)
class AnnotatedSentence:
    index: int
    text: str
    start: int
    end: int
    words: tuple[Word, ...]
    spans: tuple[NamedSpan, ...] = ()


@dataclass(frozen=True)
class AnnotatedDocument:
    document: Document
    sentences: tuple[AnnotatedSentence, ...]


# Entity kinds, named as the ontology's classes.
PERSON, STATE, ORGANIZATION, PLACE, WEAPON = "Person", "State", "Organization", "Place", "Weapon"
ENTITY_KINDS = (PERSON, STATE, ORGANIZATION, PLACE, WEAPON)


@dataclass(frozen=True)
class Mention:
    """A stretch of text naming an entity (or standing for one: a role, a capital, a nisba adjective)."""

    text: str  # surface form, as in the source
    start: int
    end: int
    sentence: int
    kind: str  # one of ENTITY_KINDS
    known_id: str | None = None  # gazetteer entity id (slug) when the gazetteer knows it
    via: str = "name"  # name | ner | nisba | role | capital | pronoun | generic | anonymous
    affiliation: str | None = None  # gazetteer id of the state or body a role or nisba ties the mention to
    name: str | None = None  # the name a role or pronoun stands for, when only the text gives it
    category: str | None = None  # weapon category id the text gives a weapon the gazetteer does not know


@dataclass(frozen=True)
class Claim:
    """actor –said→ claim, before entities are resolved."""

    speaker: Mention
    text: str  # the span of what was said
    start: int
    end: int
    sentence: int
    kind: str  # "DirectQuote" | "ReportedSpeech"
    cue: str | None = None  # lemma of the speech verb or noun
    reported_by: Mention | None = None
    mentions: tuple[Mention, ...] = ()
    rules: tuple[str, ...] = ()  # names of the rules that chose its speaker and content (ontologies/rules.ttl)


@dataclass(frozen=True)
class Transfer:
    """state –transfers→ weapon, before entities are resolved."""

    supplier: Mention | None
    recipient: Mention | None
    weapon: Mention
    status: str  # Delivered | Deployed | Agreed | Planned | Requested | Denied
    sentence: int
    cue: str | None = None
    stated_by: Mention | None = None
    quantity: int | None = None
    rules: tuple[str, ...] = ()  # names of the rules that chose its parties and weapon (ontologies/rules.ttl)


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one annotated document."""

    annotated: AnnotatedDocument
    mentions: tuple[Mention, ...] = ()
    claims: tuple[Claim, ...] = ()
    transfers: tuple[Transfer, ...] = ()


@dataclass
class Entity:
    """One node per real-world entity, with every spelling seen."""

    entity_id: str  # slug; the IRI is kgr: + entity_id
    kind: str
    label_ar: str
    label_en: str | None = None
    wikidata: str | None = None
    category: str | None = None  # weapon category slug, for weapons
    alt_labels: set[str] = field(default_factory=set)
