"""The gazetteer: known entities read from Turtle (ontologies/states.ttl, gazetteer*.ttl, weapons.ttl and any
file a user adds) into lookup tables keyed by kg.normalizing's match keys.

Everything here is data-driven: names, spelling variants, demonyms, capitals, roles, posts, kinds of state
body, unnamed-source nouns, name particles and weapon categories all come from the Turtle files, so that a
user extends the gazetteer without touching Python.

A body of a state the gazetteer does not list («وزارة الدفاع الهندية», «الجيش البولندي») is still an entry:
its id joins the kind of body and the state («ministry-of-defence-india», «embassy-united-states-in-tokyo»),
and Gazetteer.entry() makes its entry from the id, so that every stage, in any process, knows it the same way.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.datafiles import read_turtle
from kg.errors import GazetteerError
from kg.normalizing import fold, match_key, nisba_stem, strip_article
from kg.records import ENTITY_KINDS, ORGANIZATION, PERSON, STATE, WEAPON
from kg.vocabulary import KG, KGR, RESOURCE_IRI

ONTOLOGIES = Path(__file__).resolve().parent.parent / "ontologies"
DEFAULT_FILES = ("states.ttl", "gazetteer*.ttl", "weapons.ttl")


T = KG  # the gazetteer's own terms are part of the vocabulary
WD_PREFIX = "http://www.wikidata.org/entity/"
Derived = TypeVar("Derived")


@dataclass(frozen=True)
class GazetteerEntry:
    """One known entity."""

    entity_id: str  # the IRI's local name under kgr:
    kind: str  # one of ENTITY_KINDS
    label_ar: str
    label_en: str | None = None
    wikidata: str | None = None  # "Q184"
    category: str | None = None  # weapon category id, e.g. "category-missile"
    alt_labels: tuple[str, ...] = ()
    stands_for: str | None = None  # for capitals and seats of power: the state (or body) they stand for
    generic: bool = False  # a kind of weapon named by a common noun phrase («صواريخ باليستية»)
    homographs: frozenset[str] = frozenset()  # match keys of labels that are also common words
    body_kind: str | None = None  # for a body of a state: its kind, a Body id («ministry-of-defence»)
    body_of: str | None = None  # for a body of a state: that state
    produced_by: str | None = None  # for a weapon system: the state that makes it
    group_of_states: bool = False  # an alliance or coalition acting as one party of a transfer
    homograph_context: str | None = None  # the state in whose news a homograph names the entity
    fights_in: str | None = None  # for a coalition: the state on whose government's side it fights
    facility_of: str | None = None  # for an airport, port or base: the state it belongs to
    armed_group: bool = False  # an armed organisation that is no state (kg:ArmedGroup)

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label_ar, *self.alt_labels)


@dataclass(frozen=True)
class Body:
    """A kind of state body (a concept of kg:Bodies): ministry of defence, government, army, embassy…"""

    body_id: str  # the concept's local name without «body-»: «ministry-of-defence»
    label_ar: str  # «وزارة الدفاع»
    label_en: str | None
    feminine: bool  # its head noun takes a feminine nisba («وزارة الدفاع الهندية», «القوات الروسية»)
    seat_abroad: bool = False  # «في طوكيو» after it is its seat (an embassy), part of which body it is
    acts_as_state: bool = False  # a government: acting, it is its state


@dataclass(frozen=True)
class BodyLabel:
    """One way of writing a kind of body: the body, whether the form is elliptical («الدفاع» for «وزارة
    الدفاع»: trusted only where no noun governs it) and the gender of the nisba it takes."""

    body_id: str
    elliptical: bool
    feminine: bool


BODY_PREFIX = "body-"
SEAT_SEPARATOR = "-in-"


@dataclass(frozen=True)
class Post:
    """A post and one holder's term: roles (kg:Roles concept ids), jurisdiction, holder, dates (ISO)."""

    post_id: str
    roles: frozenset[str]
    jurisdiction: str
    holder: str
    since: str | None = None
    until: str | None = None

    def held_on(self, day: str) -> bool:
        return (self.since is None or self.since <= day) and (self.until is None or day < self.until)


@dataclass(frozen=True)
class WeaponCategory:
    category_id: str
    label_ar: str | None
    label_en: str | None
    broader: str | None = None


@dataclass
class Gazetteer:
    """Lookup tables over the known entities. Build it with load_gazetteer()."""

    entries: dict[str, GazetteerEntry] = field(default_factory=dict)
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # match key → entity ids
    max_name_words: int = 1
    nisba_stems: dict[tuple[str, ...], str] = field(default_factory=dict)  # demonym stem words → state
    people_forms: dict[str, str] = field(default_factory=dict)  # «روس», «أتراك» → state
    roles: dict[str, str] = field(default_factory=dict)  # match key of a role noun phrase → role id
    role_labels: dict[str, str] = field(default_factory=dict)  # role id → Arabic label
    max_role_words: int = 1
    posts: tuple[Post, ...] = ()
    categories: dict[str, WeaponCategory] = field(default_factory=dict)
    system_nouns: frozenset[str] = frozenset()  # match keys
    noun_categories: dict[str, str] = field(default_factory=dict)  # system noun key → weapon category id
    designation_letters: frozenset[str] = frozenset()  # match keys of Latin letters spelt in Arabic
    demonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # state → its nisba, word by word
    bodies: dict[str, Body] = field(default_factory=dict)
    body_labels: dict[str, BodyLabel] = field(default_factory=dict)  # match key → the body it names
    max_body_words: int = 1
    known_bodies: dict[tuple[str, str], str] = field(default_factory=dict)  # (body id, state) → entity id
    body_adjectives: dict[str, str] = field(default_factory=dict)  # nisba stem («رئاس») → body id
    unnamed_sources: dict[str, str] = field(default_factory=dict)  # key of an unnamed-source noun → kind
    unofficial_sources: frozenset[str] = frozenset()  # keys of those who hold no office («مراقبون»)
    max_unnamed_words: int = 1
    name_particles: frozenset[str] = frozenset()  # folded
    distinct_names: frozenset[str] = frozenset()  # folded: Arabic names never a spelling of another
    _made_bodies: dict[str, GazetteerEntry | None] = field(default_factory=dict, repr=False)
    _derived: dict[object, object] = field(default_factory=dict, repr=False)

    # ---- matching -------------------------------------------------------------------------------------
    def derived(self, key: object, make: Callable[[], Derived]) -> Derived:
        """A table derived from the gazetteer by a later stage (an index of its names…), made once."""
        if key not in self._derived:
            self._derived[key] = make()
        return self._derived[key]  # type: ignore[return-value]

    def key_prefixes(self, table: Mapping[str, object]) -> frozenset[str]:
        """Every leading part of the keys of one of the gazetteer's tables («ا», «ال», «الك»…), for a walk
        over a sentence's tokens that stops as soon as no key can follow. Made once per table."""
        # The table is kept beside its prefixes so that its id stays its own.
        return self.derived(("key prefixes", id(table)), lambda: (table, frozenset(
            key[:end] for key in table for end in range(1, len(key) + 1))))[1]

    @functools.cached_property
    def body_ids(self) -> dict[str, str]:
        """Match key of a body's label → the body's id."""
        return {key: label.body_id for key, label in self.body_labels.items()}

    # ---- entities -------------------------------------------------------------------------------------
    def entry(self, entity_id: str | None) -> GazetteerEntry | None:
        """The entry of a known entity (a body of a state made from its id included), or None."""
        if not entity_id:
            return None
        found = self.entries.get(entity_id)
        if found is None and self.bodies:
            if entity_id not in self._made_bodies:
                self._made_bodies[entity_id] = self._body_entry(entity_id)
            found = self._made_bodies[entity_id]
        return found

    def lookup(self, name: str) -> tuple[str, ...]:
        """Ids of the entities one of whose labels has the same match key as ``name`` (usually one)."""
        return self.names.get(match_key(name), ())

    def lookup_key(self, key: str) -> tuple[str, ...]:
        """Like lookup(), for a key already computed with match_key()."""
        return self.names.get(key, ())

    def is_homograph(self, entity_id: str, key: str) -> bool:
        """Whether this label of the entity is also a common word, to be trusted only with NER's support."""
        entry = self.entries.get(entity_id)
        return bool(entry and key in entry.homographs)

    def nisba_stem_of(self, state: str | None) -> str | None:
        """The stem of a state's nisba («يمن» of «اليمني», «اليمنية»), against which any form of it is
        matched with nisba_stem(); None for a state with no nisba."""
        nisba = self.demonyms.get(state, ()) if state else ()
        return nisba_stem(fold(nisba[0])) if nisba else None

    def rival_names(self, entity_id: str, key: str) -> tuple[tuple[str, ...], ...]:
        """Longer names of other entities of its kind that hold a homograph's words, article aside («المملكة
        المتحدة», «مملكة البحرين» for «المملكة»), each as its words: where one is named, the homograph may be
        that one."""
        kind = self.entries[entity_id].kind

        def make() -> tuple[tuple[str, ...], ...]:
            stems = {strip_article(word) for word in key.split()}
            return tuple(tuple(name.split()) for name, ids in self.names.items()
                         if entity_id not in ids and self.entries[ids[0]].kind == kind
                         and len(name.split()) > len(key.split())
                         and stems <= {strip_article(word) for word in name.split()})
        return self.derived(("rival names", entity_id, key), make)

    def stands_for(self, entity_id: str | None) -> str | None:
        """The state (or body) a capital or seat of power stands for; None for anything else."""
        entry = self.entry(entity_id)
        return entry.stands_for if entry else None

    def category_of(self, entity_id: str | None) -> str | None:
        entry = self.entry(entity_id)
        return entry.category if entry else None

    def of_kind(self, kind: str) -> list[GazetteerEntry]:
        return [e for e in self.entries.values() if e.kind == kind]

    # ---- bodies of states -----------------------------------------------------------------------------
    def body_id(self, body: str, state: str, seat: str | None = None) -> str:
        """The entity id of the body of kind ``body`` of ``state`` (sitting in ``seat``, a gazetteer place,
        for bodies that sit abroad): the gazetteer's own organisation when it lists one («وزارة الدفاع
        الأمريكية» is the Pentagon), else «ministry-of-defence-india», «embassy-united-states-in-tokyo»."""
        if seat is None and (body, state) in self.known_bodies:
            return self.known_bodies[(body, state)]
        entity_id = f"{body}-{state}"
        return f"{entity_id}{SEAT_SEPARATOR}{seat}" if seat else entity_id

    def body_state(self, entity_id: str | None) -> str | None:
        """The state an organisation is a body of (its army, ministry, embassy…); None for anything else."""
        entry = self.entry(entity_id)
        return entry.body_of if entry else None

    def _body_entry(self, entity_id: str) -> GazetteerEntry | None:
        """The entry of a body id made by body_id(), read back from the id alone."""
        for body in sorted(self.bodies.values(), key=lambda b: -len(b.body_id)):
            if not entity_id.startswith(body.body_id + "-"):
                continue
            state, _, seat = entity_id[len(body.body_id) + 1:].partition(SEAT_SEPARATOR)
            state_entry = self.entries.get(state)
            seat_entry = self.entries.get(seat) if seat else None
            if state_entry is None or state_entry.kind != STATE or (seat and seat_entry is None):
                continue
            nisba = self._nisba_phrase(state, body.feminine) or "في " + state_entry.label_ar
            label_ar = f"{body.label_ar} {nisba}"
            label_en = f"{body.label_en or body.body_id} of {state_entry.label_en or state}"
            if seat_entry is not None:
                label_ar += f" في {seat_entry.label_ar}"
                label_en += f" in {seat_entry.label_en or seat}"
            return GazetteerEntry(entity_id, ORGANIZATION, label_ar, label_en, body_kind=body.body_id,
                                  body_of=state, stands_for=state if body.acts_as_state else None)
        return None

    def _nisba_phrase(self, state: str, feminine: bool) -> str | None:
        """«الهندية» / «الهندي», «الكورية الشمالية»: the state's nisba with the article, in the gender
        of the body's head noun."""
        words = self.demonyms.get(state)
        if not words:
            return None
        ending = "ة" if feminine else ""
        return " ".join("ال" + word + ending for word in words)

    # ---- demonyms -------------------------------------------------------------------------------------
    def demonym_state(self, *words: str) -> str | None:
        """The state a nisba adjective (any gender, number, with or without article and clitics) or a
        people's plural names: «البيلاروسي», «الروسية», «الروس», «الكوري الشمالي» (two words)."""
        stems = tuple(nisba_stem(w) for w in words)
        if all(stems) and stems in self.nisba_stems:
            return self.nisba_stems[stems]  # type: ignore[index]
        if len(words) == 1:
            return self.people_forms.get(strip_article(words[0]))
        return None

    # ---- roles and posts ------------------------------------------------------------------------------
    def role_of(self, phrase: str) -> str | None:
        """The role id of a role noun phrase («الرئيس», «وزير الدفاع», «الناطق باسم»), or None."""
        return self.roles.get(match_key(phrase))

    def holder(self, role: str, jurisdiction: str, on: str | None = None) -> str | None:
        """Who held ``role`` for ``jurisdiction`` on the ISO date ``on``. With no date, only a post one person
        has held alone all along answers: anything else would be a guess at the article's time."""
        candidates = [p for p in self.posts if role in p.roles and p.jurisdiction == jurisdiction]
        if on:
            candidates = [p for p in candidates if p.held_on(on)]
        holders = {p.holder for p in candidates}
        if on or (len(holders) == 1 and all(p.until is None for p in candidates)):
            return candidates[0].holder if len(holders) == 1 else None
        return None

    def posts_of(self, person: str, on: str | None = None) -> list[Post]:
        """The posts a known person holds (on the date given, else any term)."""
        return [p for p in self.posts if p.holder == person and (on is None or p.held_on(on))]

    def holds(self, person: str, role: str, on: str | None = None) -> bool:
        return any(role in p.roles for p in self.posts_of(person, on))


# ---- loading --------------------------------------------------------------------------------------------

_KIND_OF_CLASS = {KG[kind]: kind for kind in ENTITY_KINDS}


def default_gazetteer_files() -> list[Path]:
    """The gazetteer files shipped in ontologies/: states.ttl, gazetteer*.ttl, weapons.ttl."""
    files: list[Path] = []
    for pattern in DEFAULT_FILES:
        files.extend(sorted(ONTOLOGIES.glob(pattern)))
    return files


def load_gazetteer(extra_files: Sequence[Path] = ()) -> Gazetteer:
    """The gazetteer of ontologies/ plus the user's extra Turtle files (``kg build --gazetteer FILE``).

    The default load is cached; raises GazetteerError when a file is missing or is not valid Turtle.
    """
    return _load(tuple(str(Path(f)) for f in extra_files))


@functools.lru_cache(maxsize=8)
def _load(extra_files: tuple[str, ...]) -> Gazetteer:
    files = [*default_gazetteer_files(), *(Path(f) for f in extra_files)]
    return build_gazetteer(read_turtle(files, GazetteerError, "gazetteer"))


def local_name(iri: URIRef | str) -> str:
    """kgr:belarus → «belarus»; an IRI outside kgr: keeps its last path segment."""
    text = str(iri)
    if text.startswith(RESOURCE_IRI):
        return text[len(RESOURCE_IRI):]
    return text.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _literals(graph: Graph, subject: URIRef, predicate: URIRef, language: str | None = "ar") -> list[str]:
    values = [
        str(o) for o in graph.objects(subject, predicate)
        if isinstance(o, Literal) and (language is None or o.language == language)
    ]
    return sorted(set(values))


def _one(values: list[str]) -> str | None:
    return values[0] if values else None


# «باسم»: a role noun indefinite before it is still a post («متحدث باسم الحكومة»).
_NAMING_PREPOSITIONS = frozenset({"باسم"})
_PHRASE_PREPOSITIONS = frozenset({"من", "دون", "بدون", "عن", "ضد", "على", "الى", "في"})


def _definite_forms(label: str) -> list[str]:
    """A common noun phrase as Arabic news writes it: indefinite, definite (every word takes the article, as
    adjectives agree), and construct state (the head bare, the rest definite: «أنظمة الدفاع الجوي»)."""
    words = fold(label).split()
    if not words or not all(w.isalpha() for w in words):
        return [label]

    # A prepositional phrase inside the label («من دون طيار», «المضادة للدبابات») keeps its own form.
    inner = next((i for i, w in enumerate(words) if w in _PHRASE_PREPOSITIONS or w.startswith("لل")),
                 len(words))

    # Whether a word has the article is read before folding: «آليات» folds to «اليات», with no article.
    written = label.split()
    has_article = [w.startswith("ال") for w in written] if len(written) == len(words) else [
        w.startswith("ال") for w in words]

    def definite(i: int) -> str:
        return words[i] if has_article[i] else "ال" + words[i]

    head, tail = range(inner), words[inner:]
    forms = [label, " ".join([*(definite(i) for i in head), *tail])]
    if len(head) > 1:
        forms.append(" ".join([words[0], *(definite(i) for i in head[1:]), *tail]))
    return forms


def build_gazetteer(graph: Graph) -> Gazetteer:
    """Lookup tables from an rdflib graph that holds gazetteer triples."""
    gazetteer = Gazetteer()
    names: dict[str, list[str]] = defaultdict(list)

    def index(key: str, entity_id: str) -> None:
        if key and entity_id not in names[key]:
            names[key].append(entity_id)
            gazetteer.max_name_words = max(gazetteer.max_name_words, len(key.split()))

    for subject in sorted(set(graph.subjects(RDF.type, None)), key=str):
        if not isinstance(subject, URIRef):
            continue
        types = set(graph.objects(subject, RDF.type))
        kinds = [_KIND_OF_CLASS[t] for t in types if t in _KIND_OF_CLASS]
        if not kinds:
            continue
        kind = kinds[0]
        entity_id = local_name(subject)
        label_ar = _one(_literals(graph, subject, SKOS.prefLabel)) or _one(
            _literals(graph, subject, RDFS.label))
        if label_ar is None:
            raise GazetteerError(f"gazetteer entity {entity_id} has no Arabic rdfs:label")
        label_en = _one(_literals(graph, subject, SKOS.prefLabel, "en")) or _one(
            _literals(graph, subject, RDFS.label, "en"))
        alt = [a for a in _literals(graph, subject, SKOS.altLabel) if a != label_ar]
        alt += [a for a in _literals(graph, subject, RDFS.label) if a != label_ar and a not in alt]
        wikidata = next((str(o)[len(WD_PREFIX):] for o in graph.objects(subject, OWL.sameAs)
                         if str(o).startswith(WD_PREFIX)), None)
        category = next((local_name(o) for o in graph.objects(subject, KG.category)), None)
        stands_for = next((local_name(o) for o in graph.objects(subject, KG.standsFor)), None)
        generic = T.WeaponType in types
        # A common noun phrase is as ambiguous with the article as without («مسيرة», «المسيرة»).
        homographs = frozenset(match_key(form) for h in _literals(graph, subject, T.homograph)
                               for form in (_definite_forms(h) if generic else [h]))
        body_kind = next((local_name(o)[len(BODY_PREFIX):] for o in graph.objects(subject, T.bodyKind)), None)
        body_of = next((local_name(o) for o in graph.objects(subject, T.bodyOf)), None)
        produced_by = next((local_name(o) for o in graph.objects(subject, T.producedBy)), None)
        context = next((local_name(o) for o in graph.objects(subject, T.homographContext)), None)
        fights_in = next((local_name(o) for o in graph.objects(subject, T.fightsIn)), None)
        facility_of = next((local_name(o) for o in graph.objects(subject, T.facilityOf)), None)
        entry = GazetteerEntry(entity_id, kind, label_ar, label_en, wikidata, category, tuple(alt),
                               stands_for, generic, homographs, body_kind, body_of, produced_by,
                               group_of_states=T.StateGroup in types, homograph_context=context,
                               fights_in=fights_in, armed_group=T.ArmedGroup in types,
                               facility_of=facility_of)
        gazetteer.entries[entity_id] = entry
        for label in entry.labels + tuple(_literals(graph, subject, RDFS.label, "en")):
            forms = _definite_forms(label) if generic else [label]
            for form in forms:
                index(match_key(form), entity_id)
        if kind == WEAPON and not category:
            raise GazetteerError(f"gazetteer weapon {entity_id} has no kg:category")

        demonyms = _literals(graph, subject, T.demonym)
        for demonym in demonyms:
            _index_demonym(gazetteer, demonym, entity_id)
        # The nisba a body's canonical label takes: a nisba («أمريكي»), not a people's plural («أمريكان»).
        nisbas = [d for d in demonyms if all(nisba_stem(w) and w.endswith("ي") for w in d.split())]
        if nisbas:
            gazetteer.demonyms[entity_id] = tuple(nisbas[0].split())
        if body_kind and body_of:
            gazetteer.known_bodies.setdefault((body_kind, body_of), entity_id)

    gazetteer.names = {k: tuple(v) for k, v in names.items()}
    _load_roles(graph, gazetteer)
    _load_posts(graph, gazetteer)
    _load_categories(graph, gazetteer)
    _load_bodies(graph, gazetteer)
    _load_sources_and_particles(graph, gazetteer)
    return gazetteer


def _index_demonym(gazetteer: Gazetteer, demonym: str, state: str) -> None:
    words = fold(demonym).split()
    stems = [nisba_stem(w) for w in words]
    if all(stems):
        gazetteer.nisba_stems[tuple(stems)] = state  # type: ignore[arg-type]
        # A stem that itself begins with «ال» («ألماني») is read differently once the article is added.
        with_article = tuple(nisba_stem("ال" + w) for w in words)
        if all(with_article):
            gazetteer.nisba_stems[with_article] = state  # type: ignore[index]
    elif len(words) == 1:
        gazetteer.people_forms[strip_article(words[0])] = state


def _load_roles(graph: Graph, gazetteer: Gazetteer) -> None:
    for concept in graph.subjects(SKOS.inScheme, T.Roles):
        role_id = local_name(concept)
        labels = _literals(graph, concept, SKOS.prefLabel) + _literals(graph, concept, SKOS.altLabel)
        gazetteer.role_labels[role_id] = _one(_literals(graph, concept, SKOS.prefLabel)) or role_id
        for label in labels:
            words = fold(label).split()
            forms = [label]
            if len(words) == 1 and not words[0].startswith("ال"):
                forms.append("ال" + words[0])  # «رئيس» / «الرئيس»
            elif len(words) > 1 and words[0].startswith("ال") and words[1] in _NAMING_PREPOSITIONS:
                forms.append(" ".join([words[0][2:], *words[1:]]))  # «المتحدث باسم» / «متحدث باسم»
            for form in forms:
                key = match_key(form)
                gazetteer.roles[key] = role_id
                gazetteer.max_role_words = max(gazetteer.max_role_words, len(key.split()))


def _date(graph: Graph, subject: URIRef, predicate: URIRef) -> str | None:
    value = next(iter(graph.objects(subject, predicate)), None)
    return str(value) if value is not None else None


def _load_posts(graph: Graph, gazetteer: Gazetteer) -> None:
    posts = []
    for post in sorted(graph.subjects(RDF.type, T.Post), key=str):
        jurisdiction = next(iter(graph.objects(post, T.jurisdiction)), None)
        holder = next(iter(graph.objects(post, KG.holder)), None)
        roles = frozenset(local_name(r) for r in graph.objects(post, T.role))
        if jurisdiction is None or holder is None or not roles:
            raise GazetteerError(
                f"gazetteer post {local_name(post)} needs kg:role, kg:jurisdiction and kg:holder")
        posts.append(Post(local_name(post), roles, local_name(jurisdiction), local_name(holder),
                          _date(graph, post, T.since), _date(graph, post, T.until)))
    gazetteer.posts = tuple(posts)


def _load_categories(graph: Graph, gazetteer: Gazetteer) -> None:
    for concept in graph.subjects(SKOS.inScheme, KG.WeaponCategories):
        category_id = local_name(concept)
        broader = next((local_name(b) for b in graph.objects(concept, SKOS.broader)), None)
        gazetteer.categories[category_id] = WeaponCategory(
            category_id,
            _one(_literals(graph, concept, SKOS.prefLabel)),
            _one(_literals(graph, concept, SKOS.prefLabel, "en")),
            broader,
        )
    nouns: list[str] = list(_literals(graph, KG.WeaponCategories, T.systemNoun))
    for category_id in gazetteer.categories:
        for noun in _literals(graph, KGR[category_id], T.systemNoun):
            gazetteer.noun_categories.setdefault(match_key(noun), category_id)
            nouns.append(noun)
    gazetteer.system_nouns = frozenset(match_key(n) for n in nouns)
    letters: Iterable[str] = _literals(graph, KG.WeaponCategories, T.designationLetter)
    gazetteer.designation_letters = frozenset(match_key(letter) for letter in letters)


def _is_feminine(label: str) -> bool:
    """Whether a body's head noun takes a feminine nisba: «وزارة», «الحكومة», «القوات» (plural of things)."""
    head = fold(label).split()[0] if label.strip() else ""
    return head.endswith(("ه", "ات"))


def _flag(graph: Graph, subject, predicate: URIRef) -> bool:
    return any(o.toPython() is True for o in graph.objects(subject, predicate) if isinstance(o, Literal))


def _load_bodies(graph: Graph, gazetteer: Gazetteer) -> None:
    for concept in sorted(graph.subjects(SKOS.inScheme, T.Bodies), key=str):
        body_id = local_name(concept).removeprefix(BODY_PREFIX)
        label_ar = _one(_literals(graph, concept, SKOS.prefLabel))
        if label_ar is None:
            raise GazetteerError(f"gazetteer body {body_id} has no Arabic skos:prefLabel")
        seat_abroad = _flag(graph, concept, T.seatAbroad)
        acts_as_state = _flag(graph, concept, T.actsAsItsState)
        label_en = _one(_literals(graph, concept, SKOS.prefLabel, "en"))
        gazetteer.bodies[body_id] = Body(body_id, label_ar, label_en, _is_feminine(label_ar), seat_abroad,
                                         acts_as_state)
        for adjective in _literals(graph, concept, T.bodyAdjective):
            stem = nisba_stem(fold(adjective))
            if stem:
                gazetteer.body_adjectives[stem] = body_id
        labels = [(label, False) for label in
                  _literals(graph, concept, SKOS.prefLabel) + _literals(graph, concept, SKOS.altLabel)]
        labels += [(label, True) for label in _literals(graph, concept, SKOS.hiddenLabel)]
        for label, elliptical in labels:
            key = match_key(label)
            # An elliptical form agrees with the head it leaves out («الدفاع الروسية»: وزارة).
            feminine = _is_feminine(label_ar if elliptical else label)
            gazetteer.body_labels.setdefault(key, BodyLabel(body_id, elliptical, feminine))
            gazetteer.max_body_words = max(gazetteer.max_body_words, len(key.split()))


def _load_sources_and_particles(graph: Graph, gazetteer: Gazetteer) -> None:
    for kind in (PERSON, ORGANIZATION):
        for noun in _literals(graph, KG[kind], T.unnamedSource):
            key = match_key(noun)
            gazetteer.unnamed_sources.setdefault(key, kind)
            gazetteer.max_unnamed_words = max(gazetteer.max_unnamed_words, len(key.split()))
    unofficial = _literals(graph, KG.Person, T.unofficialSource)
    gazetteer.unofficial_sources = frozenset(match_key(n) for n in unofficial)
    gazetteer.name_particles = frozenset(fold(p) for p in _literals(graph, KG.Person, T.nameParticle))
    gazetteer.distinct_names = frozenset(match_key(n) for n in _literals(graph, KG.Person, T.distinctName))
