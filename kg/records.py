"""The small typed records the pipeline's stages hand each other, in the order they appear.

Character offsets always point into ``Document.text``: the cleaned text that the graph stores.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from kg.normalizing import match_key


@dataclass(frozen=True)
class SourceText:
    """A file (or a record of a news dump) as read: where it came from, its decoded text, the encoding that
    decoded it, what went wrong on the way (one line each: undecodable bytes, control characters removed…),
    and what a dump's record says of it."""

    path: str
    text: str
    encoding: str = "utf-8"
    date: str | None = None  # ISO 8601 publication date the record gives
    url: str | None = None
    publisher: str | None = None  # the outlet («aawsat», «Reuters»)
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """One story, cleaned: paragraphs joined by blank lines, boilerplate and repeats removed."""

    doc_id: str  # sha256 hex of ``text``
    text: str
    sources: tuple[str, ...]
    title: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD) publication date
    url: str | None = None
    publisher: str | None = None
    date_from: str | None = None  # where the date came from: "record", "text" or "option"


@dataclass(frozen=True)
class Word:
    """A syntactic word as Stanza gives it; clitics split off by MWT share their token's offsets."""

    index: int  # 1-based within the sentence, as in CoNLL-U
    text: str
    lemma: str
    upos: str
    feats: str
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


class Via(enum.StrEnum):
    """How a mention names its entity. A str, so the cache's JSON holds it as its value."""

    NAME = "name"  # a name the gazetteer knows
    NER = "ner"  # a name the NER model found
    NISBA = "nisba"  # an adjective of origin («الروسي») standing for its state
    ROLE = "role"  # a role («وزير الخارجية») standing for its holder
    CAPITAL = "capital"  # a capital or seat of power standing for its state
    PRONOUN = "pronoun"  # a pronoun or a dropped subject standing for someone named before
    GENERIC = "generic"  # a generic weapon noun («صواريخ»)
    ANONYMOUS = "anonymous"  # an unnamed source («مصدر عسكري»)
    INFERRED = "inferred"  # no words of its own: a party the text implies (the producer of a weapon)
    GROUP = "group"  # parties named together and speaking as one («بيان سعودي أردني», «دول الخليج وأمريكا»)


@dataclass(frozen=True)
class Mention:
    """A stretch of text naming an entity (or standing for one: a role, a capital, a nisba adjective)."""

    text: str  # surface form, as in the source
    start: int
    end: int
    sentence: int
    kind: str  # one of ENTITY_KINDS
    known_id: str | None = None  # gazetteer entity id (slug) when the gazetteer knows it
    via: Via = Via.NAME
    affiliation: str | None = None  # gazetteer id of the state or body a role or nisba ties the mention to
    name: str | None = None  # the name a role or pronoun stands for, when only the text gives it
    category: str | None = None  # weapon category id the text gives a weapon the gazetteer does not know
    members: tuple[str, ...] = ()  # a group's parties in text order, each as its identity_key
    post: str | None = None  # the post the text calls this person by here («وزير الإسكان»), as written
    source_body: str | None = None  # an unnamed source's organisation the gazetteer does not know, as written


# How a mention's entity is told apart before resolution: ("known", gazetteer id) or (kind, name's match key).
Identity = tuple[str, str]
# Mentions whose text is a name of the entity (so an altLabel); roles, nisba adjectives and pronouns are not.
NAMING_VIAS = {Via.NAME, Via.NER, Via.CAPITAL, Via.GENERIC}


def mention_identity(mention: Mention, document: str | None = None) -> Identity | None:
    """What decides which entity a mention is: its gazetteer id, else the name it carries or is; a group,
    its parties whatever their order; a post whose holder is neither named nor known («قال رئيس مجلس النواب
    الأمريكي»), that post in ``document`` (the document's id): the same words in another article may be
    another holder."""
    if mention.via == Via.ANONYMOUS:
        return None  # an unnamed source, even one referred back to, is no entity
    if mention.members:
        return ("group", "|".join(sorted(mention.members)))
    if mention.known_id:
        return ("known", mention.known_id)
    if mention.name:
        return (mention.kind, match_key(mention.name))
    if mention.via in NAMING_VIAS:
        return (mention.kind, match_key(mention.text))
    if mention.via == Via.ROLE and mention.kind in (PERSON, ORGANIZATION) and document:
        return (mention.kind, f"{POST_KEY} {match_key(mention.text)} {document[:DOCUMENT_SCOPE_CHARS]}")
    return None


# The key of an unnamed post's holder begins with this word, which no name holds (a name's key has no
# Latin letters), and ends with the first characters of the document's id.
POST_KEY = "post"
DOCUMENT_SCOPE_CHARS = 12


def is_post_identity(identity: Identity) -> bool:
    return identity[1].startswith(POST_KEY + " ")


def identity_key(identity: Identity) -> str:
    """An identity as one string, as a group's members are kept: «known:gcc», «Person:ناثان براون»."""
    return ":".join(identity)


def key_identity(key: str) -> Identity:
    kind, _, value = key.partition(":")
    return (kind, value)


# Named as the ontology's kg:QuoteKind and kg:TransferStatus concepts.
ClaimKind = Literal["DirectQuote", "ReportedSpeech"]
TransferStatus = Literal["Delivered", "Deployed", "Agreed", "Planned", "Requested", "Denied"]


@dataclass(frozen=True)
class Claim:
    """actor –said→ claim, before entities are resolved."""

    speaker: Mention
    text: str  # the span of what was said
    start: int
    end: int
    sentence: int
    kind: ClaimKind
    cue: str | None = None  # lemma of the speech verb or noun
    reported_by: Mention | None = None
    mentions: tuple[Mention, ...] = ()
    rules: tuple[str, ...] = ()  # the rules that chose its speaker and content (ontologies/rules.ttl)


@dataclass(frozen=True)
class Transfer:
    """state –transfers→ weapon, before entities are resolved."""

    supplier: Mention | None
    recipient: Mention | None
    weapon: Mention
    status: TransferStatus
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
    words: int | None = None  # the document's count of words, once its sentences no longer hold them

    @property
    def word_count(self) -> int:
        if self.words is not None:
            return self.words
        return sum(len(sentence.words) for sentence in self.annotated.sentences)

    def without_words(self) -> Extraction:
        """The extraction as the later stages read it: its sentences without their words and NER spans,
        which only the extractors read and which are most of an extraction's size."""
        sentences = tuple(dataclasses.replace(sentence, words=(), spans=())
                          for sentence in self.annotated.sentences)
        return dataclasses.replace(self, annotated=AnnotatedDocument(self.annotated.document, sentences),
                                   words=self.word_count)


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
    members: tuple[str, ...] = ()  # a group's member entity ids, in the order the text first gave them


# ---------------------------------------------------------------------------------------------------------
# Records as plain data, for the caches' JSON: written fast, read back checked. Data cannot run code, as a
# pickle can, and a cache entry of the wrong shape must be found out before a later stage trips on it.


class RecordDataError(ValueError):
    """Plain data that does not have the shape of the records it should give."""


def record_fields(record: object) -> list:
    """A record's field values in the order its dataclass declares them: ``json.dumps(…, default=…)``
    writes each record as the array of its fields, nested records likewise, tuples as arrays."""
    return [getattr(record, name) for name in _field_names(type(record))]


def read_records(kind: object, data: object) -> object:
    """Plain data (parsed JSON) as a value of type ``kind``: a record class, ``tuple[Record, ...]``, ``X |
    None`` or a plain type. A record is read from the array of its fields (as ``record_fields`` writes it)
    or from an object of them by name. Every value is checked to have its declared type; RecordDataError
    says what is not."""
    return _reader(kind)(data)


@functools.cache
def _field_names(record_type: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(record_type))


@functools.cache
def _reader(kind: object) -> Callable[[object], object]:
    if dataclasses.is_dataclass(kind):
        return _record_reader(kind)
    arguments = typing.get_args(kind)
    if typing.get_origin(kind) is tuple and len(arguments) == 2 and arguments[1] is Ellipsis:
        read_item = _reader(arguments[0])
        return lambda data: tuple(map(read_item, _checked(data, list)))
    if isinstance(kind, types.UnionType) and len(arguments) == 2 and type(None) in arguments:
        read_value = _reader(next(argument for argument in arguments if argument is not type(None)))
        return lambda data: None if data is None else read_value(data)
    if kind in (str, int):
        return lambda data: _checked(data, kind)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return functools.partial(_member, kind)
    if typing.get_origin(kind) is Literal:
        return functools.partial(_one_of, frozenset(arguments))
    raise TypeError(f"records of type {kind} cannot be read from plain data")


def _record_reader(record_type: type) -> Callable[[object], object]:
    hints = typing.get_type_hints(record_type)
    names = _field_names(record_type)
    plain = [_plain_types(hints[name]) for name in names]
    if all(plain):  # words and spans, by the thousand: their types checked in one pass
        def read_plain(data: object) -> object:
            fields_ = _fields_of(record_type, names, data)
            if not all(map(frozenset.__contains__, plain, map(type, fields_))):
                raise RecordDataError(f"a field of a {record_type.__name__} of the wrong type")
            return record_type(*fields_)

        return read_plain
    readers = [_reader(hints[name]) for name in names]

    def read(data: object) -> object:
        values = _fields_of(record_type, names, data)
        return record_type(*[read_field(value) for read_field, value in zip(readers, values, strict=True)])

    return read


def _plain_types(kind: object) -> frozenset[type] | None:
    """The types a field of plain values may hold (``str``, ``int | None``…), or None for records."""
    if kind in (str, int):
        return frozenset({kind})
    arguments = typing.get_args(kind)
    if isinstance(kind, types.UnionType) and set(arguments) <= {str, int, type(None)}:
        return frozenset(arguments)
    return None


def _fields_of(record_type: type, names: tuple[str, ...], data: object) -> list:
    if isinstance(data, dict):
        data = [data.get(name, _MISSING) for name in names]
    if type(data) is not list or len(data) != len(names) or _MISSING in data:
        raise RecordDataError(f"not the {len(names)} fields of a {record_type.__name__}")
    return data


_MISSING = object()


def _member(kind: type[enum.Enum], data: object) -> enum.Enum:
    try:
        return kind(_checked(data, str))
    except ValueError:
        raise RecordDataError(f"{data!r} is no {kind.__name__}") from None


def _one_of(values: frozenset[str], data: object) -> object:
    if type(data) is not str or data not in values:
        raise RecordDataError(f"{data!r} is none of {sorted(values)}")
    return data


def _checked(data: object, kind: type) -> object:
    if type(data) is not kind:  # exactly: a bool is no int here
        raise RecordDataError(f"{type(data).__name__} where {kind.__name__} belongs")
    return data
