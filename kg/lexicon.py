"""Lexicons: the language knowledge the extractors use, read from Turtle (ontologies/lexicon-*.ttl).

The speech lexicon (ontologies/lexicon-speech.ttl) lists speech verbs, speech nouns, attribution phrases,
complementizers, quotation marks, the nouns a speaker is named by and the outlets that relay. Every form is
folded (kg.normalizing.fold) on loading, so lookups take folded token text; a form of several words becomes
a tuple of folded words. The transfer lexicon (ontologies/lexicon-transfers.ttl) and the entity lexicon
(ontologies/lexicon-entities.ttl) are read here too. A user's own Turtle files (``kg build --lexicon FILE``)
are read with the default ones, in the same terms; triples a loader does not know are ignored, so one file
may extend every lexicon.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from kg.datafiles import read_turtle
from kg.errors import LexiconError
from kg.normalizing import fold, strip_article
from kg.records import ORGANIZATION, PERSON
from kg.vocabulary import LEX, ONTOLOGY_IRI, RESOURCE_IRI

ONTOLOGIES = Path(__file__).resolve().parent.parent / "ontologies"
SPEECH_LEXICON_FILE = ONTOLOGIES / "lexicon-speech.ttl"
TRANSFER_LEXICON_FILE = ONTOLOGIES / "lexicon-transfers.ttl"
ENTITY_LEXICON_FILE = ONTOLOGIES / "lexicon-entities.ttl"

Phrase = tuple[str, ...]  # folded words of a form


def phrase(text: str) -> Phrase:
    """A written form as the tuple of its folded words."""
    return tuple(fold(text).split())


def _strings(graph: Graph, subject: URIRef, predicate: URIRef) -> list[str]:
    return sorted(str(o) for o in graph.objects(subject, predicate) if isinstance(o, Literal))


def _flag(graph: Graph, subject: URIRef, predicate: URIRef) -> bool:
    return any(bool(o.toPython()) for o in graph.objects(subject, predicate) if isinstance(o, Literal))


def conjugate(
    past_stems: Iterable[str],
    present_stems: Iterable[str],
    past_suffixes: Sequence[str],
    present_prefixes: Sequence[str],
    present_suffixes: Sequence[str],
) -> set[str]:
    """Folded verb forms from stems: past stem + suffix, prefix + present stem + suffix."""
    forms = {fold(stem + suffix) for stem in past_stems for suffix in past_suffixes}
    forms |= {
        fold(prefix + stem + suffix)
        for stem in present_stems
        for prefix in present_prefixes
        for suffix in present_suffixes
    }
    return forms


# ── The speech lexicon ─────────────────────────────────────────────────────────────────────


CuePart = typing.Literal["verb", "noun", "attribution"]  # what kind of words a speech cue is


@dataclass(frozen=True)
class SpeechCue:
    """A speech verb, speech noun or attribution phrase, with the grammar of its arguments."""

    lemma: str  # folded prefLabel: the claim's kg:cue
    part: CuePart
    complement_prepositions: frozenset[str] = frozenset()  # folded («الى», «عن», «من», «ب», «على»)
    takes_object: bool = False  # a bare noun object is what was said
    addresses: bool = False  # «دعا X إلى…»: the one called on is part of what was said
    requires_complement: bool = False  # «تحدث عن»: a cue only where its preposition opens the content
    source_preposition: str | None = None  # the speaker follows it; the subject only relays
    requires_source: bool = False  # a cue only when its source preposition follows
    after_comma_only: bool = False  # an attribution phrase only after a comma («…، كما قال الوزير»)


@dataclass(frozen=True)
class SpeechLexicon:
    """Everything the quotation extractor looks words up in; keys are folded."""

    verb_forms: Mapping[str, SpeechCue]  # surface form without و/ف → cue
    verb_lemmas: Mapping[str, SpeechCue]  # Stanza lemma (folded) → cue, for words tagged VERB
    participles: Mapping[str, SpeechCue]  # «قائلا» → cue of قال
    ambiguous_forms: Mapping[Phrase, SpeechCue]  # forms that need a named speaker («يقال», «يذكر»)
    opening_verb_forms: Mapping[str, SpeechCue]  # a verb only where it opens a sentence with a clause after
    continuing_forms: frozenset[Phrase]  # ambiguous forms that continue the speaker just quoted («وذكر أن»)
    nouns: Mapping[str, SpeechCue]
    attributions: Mapping[Phrase, SpeechCue]
    complementizers: frozenset[str]
    pronoun_suffixes: tuple[str, ...]  # longest first
    opening_marks: frozenset[str]
    closing_marks: frozenset[str]
    either_marks: frozenset[str]
    speaker_nouns: Mapping[str, str]  # folded noun without the article → PERSON | ORGANIZATION
    speaker_concepts: Mapping[str, str]  # folded speaker noun → its entry («زعيم» and «رئيس» share one)
    source_nouns: frozenset[str]  # folded nouns of unnamed sources («مصدر», «مسؤولون»)
    institutions: Mapping[str, str]  # folded post noun → folded noun of the body it heads (وزير → وزاره)
    prepositions: frozenset[str]
    adjunct_prepositions: frozenset[str]
    outlet_nouns: frozenset[Phrase]
    outlets: Mapping[Phrase, str | None]  # outlet name → gazetteer id (when linked)
    claim_boundaries: frozenset[Phrase]
    occasions: frozenset[Phrase]  # «في بيان», «خلال لقائه»: where it was said, before a comma
    not_complements: frozenset[Phrase]  # «عن طريق»: a complement preposition inside another phrase
    verb_particles: frozenset[Phrase]  # «قد», «لقد» before a perfect verb
    connectives: frozenset[Phrase]  # «، كما أكد»: after a comma, before a speech verb, a new statement
    turn_markers: frozenset[Phrase]
    unsaid: frozenset[Phrase]  # «لم»، «من المتوقع أن»: before a speech verb, nothing was said
    refusals: frozenset[Phrase]  # «رفضت»، «امتنع»: before a speech noun and its subject, nothing was said
    prayed_to: frozenset[str]  # «الله», «المولى»: right after a speech verb, a prayer, not a statement
    honorifics: frozenset[Phrase]
    addressees: frozenset[str]  # folded nouns (without article) spoken to: «للصحفيين», «لرويترز»
    pronominal_titles: frozenset[str]  # «سموه», «فخامته»: titles that stand for the person just named
    title_words: Mapping[str, frozenset[str]]  # «سموه» → «الأمير», «سمو»…: the title it stands for
    adverbials: frozenset[str]
    not_names: frozenset[str]  # pronouns and demonstratives: alone, never a speaker
    vocatives: frozenset[str]  # «يا»: a phrase holding one is someone spoken to
    group_references: frozenset[str]  # «الجانبان», «الوزراء»: the parties last named together, as a subject
    document_nouns: frozenset[str]  # «تقرير», «التقرير»: speaks for its issuer
    issued_by: frozenset[Phrase]  # «صادر عن», «أعدته»: the issuer of a document or statement follows
    post_modifiers: frozenset[str]  # «بالإنابة»: after a post, before its holder's name
    relative_pronouns: frozenset[str]  # «الذي»: after a comma, a clause on the noun before
    past_auxiliaries: frozenset[str]  # «كان»: with «قد» before the verb, the subject stands between them
    time_nouns: frozenset[str]  # «يونيو», «منتصف»: «في» with them says when something was said
    quantifiers: frozenset[str]  # «عدد», «بعض»: right after a speech verb they open its subject
    interview_nouns: frozenset[str]  # «حواره»: the claim it introduces names the one interviewed
    naming_words: frozenset[str]  # «يدعى»: the name of the person just described follows
    agency_nouns: frozenset[Phrase]  # «وكالة الأنباء»: a news agency, no speaker on its own authority
    longest_phrase: int  # words in the longest phrase of any table above
    quote_marks: frozenset[str]  # every quotation mark, whichever way it faces


def load_speech_lexicon(extra: Sequence[Path] = ()) -> SpeechLexicon:
    """The speech lexicon of ontologies/lexicon-speech.ttl plus a user's extra Turtle files.

    Loaded once per set of files; raises LexiconError when a file is missing or is not valid Turtle.
    """
    return _load_speech(tuple(str(Path(p)) for p in extra))


@functools.lru_cache(maxsize=8)
def _load_speech(extra: tuple[str, ...]) -> SpeechLexicon:
    graph = read_turtle([SPEECH_LEXICON_FILE, *(Path(p) for p in extra)], LexiconError, "lexicon")
    return build_speech_lexicon(graph)


def _denoted_kind(node: object) -> str | None:
    if node == URIRef(ONTOLOGY_IRI + "Person"):
        return PERSON
    if node == URIRef(ONTOLOGY_IRI + "Organization"):
        return ORGANIZATION
    return None


def _label(graph: Graph, node: URIRef) -> str:
    labels = _strings(graph, node, SKOS.prefLabel)
    return fold(labels[0]) if labels else str(node).rsplit("#", 1)[-1]


def participle_forms(masculine: str, endings: Sequence[str]) -> list[str]:
    """The feminine, dual and plural of a folded masculine accusative participle («مؤكدا» → «مؤكده»,
    «مؤكدين», «مؤكدتين»); a defective stem drops its ي before ين («داعيا» → «داعين»)."""
    if not masculine.endswith("ا") or len(masculine) < 4:
        return []
    stem = masculine[:-1]
    forms = [stem + ending for ending in endings]
    if stem.endswith("ي"):
        forms += [stem[:-1] + ending for ending in endings if ending.startswith("ي")]
    return forms


def _complement_prepositions(graph: Graph, node: URIRef) -> frozenset[str]:
    return frozenset(fold(p) for p in _strings(graph, node, LEX.complementPreposition))


@dataclass
class _SpeechVerbs:
    """The speech verbs' tables: surface forms, Stanza lemmas, participles and ambiguous forms."""

    forms: dict[str, SpeechCue] = field(default_factory=dict)
    lemmas: dict[str, SpeechCue] = field(default_factory=dict)
    participles: dict[str, SpeechCue] = field(default_factory=dict)
    ambiguous: dict[Phrase, SpeechCue] = field(default_factory=dict)
    opening: dict[str, SpeechCue] = field(default_factory=dict)

    @classmethod
    def of(cls, graph: Graph) -> _SpeechVerbs:
        conjugation = LEX.SpeechConjugation
        affixes = (_strings(graph, conjugation, LEX.pastSuffix) or [""],
                   _strings(graph, conjugation, LEX.presentPrefix) or ["ي"],
                   _strings(graph, conjugation, LEX.presentSuffix) or [""])
        verbs = cls()
        for node in sorted(set(graph.subjects(RDF.type, LEX.SpeechVerb)), key=str):
            verbs.add(graph, node, affixes)
        endings = [fold(s) for s in _strings(graph, conjugation, LEX.participleSuffix)]
        for form, cue in list(verbs.participles.items()):
            for inflected in participle_forms(form, endings):
                verbs.participles.setdefault(inflected, cue)
        return verbs

    def add(self, graph: Graph, node: URIRef, affixes: tuple[list[str], list[str], list[str]]) -> None:
        source = _strings(graph, node, LEX.sourcePreposition)
        cue = SpeechCue(
            lemma=_label(graph, node),
            part="verb",
            complement_prepositions=_complement_prepositions(graph, node),
            takes_object=_flag(graph, node, LEX.takesObject),
            addresses=_flag(graph, node, LEX.addressesObject),
            requires_complement=_flag(graph, node, LEX.requiresComplement),
            source_preposition=fold(source[0]) if source else None,
            requires_source=_flag(graph, node, LEX.requiresSource),
        )
        stems = _strings(graph, node, LEX.pastStem), _strings(graph, node, LEX.presentStem)
        forms = conjugate(*stems, *affixes)
        forms |= {fold(f) for f in _strings(graph, node, LEX.form)}
        ambiguous_here = {phrase(f) for f in _strings(graph, node, LEX.ambiguousForm)}
        for form in forms:
            if (form,) not in ambiguous_here:
                self.forms.setdefault(form, cue)
        for lemma in _strings(graph, node, LEX.lemma):
            self.lemmas.setdefault(fold(lemma), cue)
        for form in _strings(graph, node, LEX.participle):
            self.participles.setdefault(fold(form), cue)
        for form in ambiguous_here:
            self.ambiguous.setdefault(form, cue)
        for form in _strings(graph, node, LEX.openingForm):
            self.opening.setdefault(fold(form), cue)


def _speech_nouns(graph: Graph) -> dict[str, SpeechCue]:
    nouns: dict[str, SpeechCue] = {}
    for node in sorted(set(graph.subjects(RDF.type, LEX.SpeechNoun)), key=str):
        cue = SpeechCue(_label(graph, node), "noun", _complement_prepositions(graph, node),
                        _flag(graph, node, LEX.takesObject))
        for form in _strings(graph, node, LEX.form):
            nouns.setdefault(fold(form), cue)
    return nouns


def _attributions(graph: Graph) -> dict[Phrase, SpeechCue]:
    attributions: dict[Phrase, SpeechCue] = {}
    for node in sorted(set(graph.subjects(RDF.type, LEX.AttributionPhrase)), key=str):
        cue = SpeechCue(_label(graph, node), "attribution",
                        after_comma_only=_flag(graph, node, LEX.afterCommaOnly))
        for form in _strings(graph, node, LEX.form):
            attributions.setdefault(phrase(form), cue)
    return attributions


def _complementizers(graph: Graph) -> tuple[frozenset[str], tuple[str, ...]]:
    """The complementizers, and the pronoun suffixes they take, longest first."""
    complementizers: set[str] = set()
    suffixes: set[str] = set()
    for node in graph.subjects(RDF.type, LEX.Complementizer):
        complementizers |= {fold(f) for f in _strings(graph, node, LEX.form)}
        suffixes |= {fold(s) for s in _strings(graph, node, LEX.pronounSuffix)}
    return frozenset(complementizers), tuple(sorted(suffixes, key=len, reverse=True))


def _title_words(graph: Graph) -> dict[str, frozenset[str]]:
    """Pronominal titles → the words of the title they stand for («سموه» → «الأمير»…)."""
    return {fold(form): frozenset(map(fold, words))
            for node in graph.subjects(RDF.type, LEX.PronominalTitle)
            if (words := _strings(graph, node, LEX.titleWord)) for form in _strings(graph, node, LEX.form)}


def _source_nouns(graph: Graph) -> frozenset[str]:
    """Speaker nouns of sources the text does not name («مصدر», «مسؤولون», «خبراء»)."""
    return frozenset(fold(form) for node in graph.subjects(LEX.unnamedSource, Literal(True))
                     for form in _strings(graph, node, LEX.form))


def _speaker_nouns(graph: Graph) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Speaker nouns → the kind they denote, → their entry, and post nouns → the body the post heads."""
    speaker_nouns: dict[str, str] = {}
    speaker_concepts: dict[str, str] = {}
    institutions: dict[str, str] = {}
    for node in graph.subjects(RDF.type, LEX.SpeakerNoun):
        kind = next((k for k in map(_denoted_kind, graph.objects(node, LEX.denotes)) if k), PERSON)
        bodies = _strings(graph, node, LEX.institution)
        for form in _strings(graph, node, LEX.form):
            speaker_nouns.setdefault(fold(form), kind)
            speaker_concepts.setdefault(fold(form), str(node))
            if bodies:
                institutions.setdefault(fold(form), fold(bodies[0]))
    return speaker_nouns, speaker_concepts, institutions


def _outlets(graph: Graph) -> dict[Phrase, str | None]:
    """Outlet names → their gazetteer id (when linked)."""
    outlets: dict[Phrase, str | None] = {}
    for node in graph.subjects(RDF.type, LEX.NewsOutlet):
        linked = [str(o) for o in graph.objects(node, SKOS.exactMatch) if str(o).startswith(RESOURCE_IRI)]
        known_id = linked[0][len(RESOURCE_IRI):] if linked else None
        for form in _strings(graph, node, SKOS.prefLabel) + _strings(graph, node, SKOS.altLabel):
            outlets.setdefault(phrase(form), known_id)
    return outlets


def _phrases_of(graph: Graph, cls: URIRef) -> frozenset[Phrase]:
    nodes = graph.subjects(RDF.type, cls)
    return frozenset(phrase(form) for node in nodes for form in _strings(graph, node, LEX.form))


def build_speech_lexicon(graph: Graph) -> SpeechLexicon:
    """Read the speech lexicon's terms out of an rdflib graph."""
    verbs = _SpeechVerbs.of(graph)
    attributions = _attributions(graph)
    complementizers, pronoun_suffixes = _complementizers(graph)
    marks = LEX.QuotationMarks
    opening = frozenset(_strings(graph, marks, LEX.opening))
    closing = frozenset(_strings(graph, marks, LEX.closing))
    either = frozenset(_strings(graph, marks, LEX.eitherWay))
    speaker_nouns, speaker_concepts, institutions = _speaker_nouns(graph)
    outlets = _outlets(graph)
    phrases = {cls: _phrases_of(graph, cls) for cls in (
        LEX.TurnMarker, LEX.Unsaid, LEX.Honorific, LEX.ClaimBoundary, LEX.Occasion, LEX.NotComplement,
        LEX.VerbParticle, LEX.SpeechConnective,
        LEX.OutletNoun,
        LEX.PronominalTitle, LEX.AddresseeNoun, LEX.Adverbial, LEX.NotAName, LEX.Vocative,
        LEX.GroupReference, LEX.DocumentNoun, LEX.IssuedBy, LEX.PostModifier,
        LEX.RelativePronoun, LEX.PrayedTo, LEX.PastAuxiliary, LEX.TimeNoun, LEX.Quantifier,
        LEX.InterviewNoun, LEX.Refusal, LEX.NamingWord, LEX.AgencyNoun)}
    outlet_nouns = phrases[LEX.OutletNoun]
    every_phrase = [
        *attributions, *outlet_nouns, *outlets, *phrases[LEX.ClaimBoundary], *phrases[LEX.Occasion],
        *phrases[LEX.TurnMarker],
        *verbs.ambiguous, *phrases[LEX.Honorific], *phrases[LEX.Unsaid],
    ]
    prepositions = LEX.Prepositions
    return SpeechLexicon(
        verb_forms=verbs.forms,
        verb_lemmas=verbs.lemmas,
        participles=verbs.participles,
        ambiguous_forms=verbs.ambiguous,
        opening_verb_forms=verbs.opening,
        continuing_forms=frozenset(phrase(str(f)) for f in graph.objects(None, LEX.continuingForm)),
        nouns=_speech_nouns(graph),
        attributions=attributions,
        complementizers=complementizers,
        pronoun_suffixes=pronoun_suffixes,
        opening_marks=opening,
        closing_marks=closing,
        either_marks=either,
        speaker_nouns=speaker_nouns,
        speaker_concepts=speaker_concepts,
        source_nouns=_source_nouns(graph),
        institutions=institutions,
        prepositions=frozenset(map(fold, _strings(graph, prepositions, LEX.preposition))),
        adjunct_prepositions=frozenset(map(fold, _strings(graph, prepositions, LEX.adjunctPreposition))),
        outlet_nouns=outlet_nouns,
        outlets=outlets,
        claim_boundaries=phrases[LEX.ClaimBoundary],
        occasions=phrases[LEX.Occasion],
        not_complements=phrases[LEX.NotComplement],
        verb_particles=phrases[LEX.VerbParticle],
        connectives=phrases[LEX.SpeechConnective],
        turn_markers=phrases[LEX.TurnMarker],
        unsaid=phrases[LEX.Unsaid],
        refusals=phrases[LEX.Refusal],
        prayed_to=frozenset(p[0] for p in phrases[LEX.PrayedTo]),
        honorifics=phrases[LEX.Honorific],
        pronominal_titles=frozenset(w for p in phrases[LEX.PronominalTitle] for w in p),
        title_words=_title_words(graph),
        addressees=frozenset(
            {strip_article(p[0]) for p in phrases[LEX.AddresseeNoun] | outlet_nouns}
            | {strip_article(p[0]) for p in outlets}
        ),
        adverbials=frozenset(w for p in phrases[LEX.Adverbial] for w in p),
        not_names=frozenset(w for p in phrases[LEX.NotAName] for w in p),
        vocatives=frozenset(w for p in phrases[LEX.Vocative] for w in p),
        group_references=frozenset(w for p in phrases[LEX.GroupReference] for w in p),
        document_nouns=frozenset(w for p in phrases[LEX.DocumentNoun] for w in p),
        issued_by=phrases[LEX.IssuedBy],
        post_modifiers=frozenset(w for p in phrases[LEX.PostModifier] for w in p),
        relative_pronouns=frozenset(w for p in phrases[LEX.RelativePronoun] for w in p),
        past_auxiliaries=frozenset(w for p in phrases[LEX.PastAuxiliary] for w in p),
        time_nouns=frozenset(w for p in phrases[LEX.TimeNoun] for w in p),
        quantifiers=frozenset(w for p in phrases[LEX.Quantifier] for w in p),
        interview_nouns=frozenset(w for p in phrases[LEX.InterviewNoun] for w in p),
        naming_words=frozenset(w for p in phrases[LEX.NamingWord] for w in p),
        agency_nouns=phrases[LEX.AgencyNoun],
        longest_phrase=max((len(p) for p in every_phrase), default=1),
        quote_marks=opening | closing | either,
    )


# ── The transfer lexicon ───────────────────────────────────────────────────────────────────
# ontologies/lexicon-transfers.ttl: the cues that state a transfer, their frames (which argument plays which
# part), the words that set a transfer's status, and the small closed classes the transfer extractor reads
# (numbers, quantities, pronouns, clause boundaries).

PARTY_ROLES = ("supplier", "recipient", "location", "origin", "party")
_ROLE_NAMES = {"Supplier": "supplier", "Recipient": "recipient", "Location": "location", "Origin": "origin",
               "Party": "party", "Weapon": "weapon"}
STATUSES = ("Delivered", "Deployed", "Agreed", "Planned", "Requested", "Denied")


@dataclass(frozen=True)
class Frame:
    """Which argument of a cue plays which part."""

    name: str
    subject_role: str | None
    object_role: str | None
    marker_roles: dict[tuple[str, ...], str]  # folded preposition words → role
    both_directions: bool = False
    weapon_before: bool = False
    located_subject_role: str | None = None  # the subject's role when a host («في X») is named
    to_no_state: bool = False  # «تهريب»: what it moves goes to no state, whatever land it is moved into
    addressed_subject_role: str | None = None  # the subject's role when a recipient («لـX») is named
    seized: bool = False  # «المضبوطات»: the shipment of the document's smuggling story


@dataclass(frozen=True)
class TransferCue:
    """A word or phrase that states a transfer, its frame and its status when nothing else says."""

    name: str
    frame: Frame
    status: str
    lemmas: frozenset[str] = frozenset()
    requires_near: frozenset[str] = frozenset()
    implied_weapon: str | None = None  # a gazetteer weapon type the cue names when its clause names none
    thing_as_object: bool = False  # «إرسال X W»: its object is the thing; a noun's bare genitive is the agent
    requires_before: frozenset[str] = frozenset()  # a word one of which must stand just before the cue
    weapon_with: str | None = None  # «دعم … بالسلاح»: a cue only for weapons this preposition governs


@dataclass(frozen=True)
class StatusCue:
    """A word that sets the status of the transfer cue it governs (None: it happened, keep the cue's own)."""

    name: str
    status: str | None
    passes_subject: bool = False
    adjacent_only: bool = False
    only_before_perfect: bool = False
    executes: bool = False  # «نفذ», «تحرك بشأن»: carries out the plan after it
    lifts: bool = False  # «رفع»: lifts the freeze or ban after it («رفعت واشنطن التجميد عن…»)


@dataclass(frozen=True)
class LexiconForm:
    """A folded form of a lexicon entry: its words, and what its affixes say of person and aspect."""

    words: tuple[str, ...]
    first_person: bool = False
    aspect: str | None = None  # "Perf" | "Imp", as Stanza's Aspect feature names them
    noun: bool = False  # a verbal noun or participle (lex:noun), never a finite verb whatever the tagger says


PhraseTable = dict  # first folded word → [(LexiconForm, entry)]


@dataclass(frozen=True)
class TransferLexicon:
    """The transfer lexicon, folded and indexed for matching on tokens."""

    cue_phrases: PhraseTable
    cue_lemmas: dict[str, tuple[TransferCue, ...]]
    status_phrases: PhraseTable
    frames: dict[str, Frame]
    conjunctions: tuple[str, ...]
    future_prefixes: tuple[str, ...]
    verb_proclitics: tuple[str, ...]
    noun_proclitics: tuple[str, ...]
    object_suffixes: tuple[str, ...]
    markers: frozenset[tuple[str, ...]]
    marker_words: frozenset[str]
    max_marker_words: int
    numbers: dict[tuple[str, ...], int]
    unit_nouns: frozenset[str]
    vague_quantities: frozenset[str]
    first_person: frozenset[str]
    personal_plural: frozenset[str]  # «هم»: a pronoun of people, which no state or body takes
    third_person: frozenset[str]  # «ه», «ها»: a state, a body or a group just named
    own_land: frozenset[str]
    complementizers: frozenset[str]
    relative_pronouns: frozenset[str]
    resumptives: frozenset[str]  # «بها»: the pronoun of a weapon a relative clause describes
    clause_ends: frozenset[str]
    weapon_scope_ends: frozenset[str]
    fitted_with: frozenset[str]  # «مزودة»: after a weapon, before بـ: what it is fitted with follows
    additional: frozenset[str]  # «إضافية», «أخرى»: after a generic weapon, more of one named before
    weapon_anaphors: frozenset[str]
    partitives: frozenset[str]  # «من», «ضمن» before a deal noun: which deal the items belong to
    non_state_heads: frozenset[str]
    armed_groups: frozenset[str]  # «المتمردين»: armed people who are no state
    notice_verbs: frozenset[str]  # «أبلغ»: its subject tells its object of a handover it makes
    request_after: tuple[tuple[str, ...], ...]
    denied_references: frozenset[str]  # «ذلك», «الاتهامات»: what a denial right after a transfer takes up
    contents_verbs: frozenset[str]  # «التي شملت»: a relative clause listing what the shipment held
    state_owned: frozenset[str]  # «حكومية»: a company that is its state's
    future_words: frozenset[str]
    type_words: frozenset[str]
    not_count_after: frozenset[str] = frozenset()
    not_count_before: frozenset[str] = frozenset()
    weapon_references: dict[str, frozenset[str]] = field(default_factory=dict)  # noun → categories (∅: any)
    demonstratives: frozenset[str] = frozenset()
    list_follows: frozenset[str] = frozenset()  # «التالية:»: the list of what the cue names follows
    exceptives: frozenset[str] = frozenset()  # «سوى», «إلا»: a negation with one restricts, denies nothing
    future_negations: frozenset[str] = frozenset()  # «لن»
    command_of: frozenset[str] = frozenset()  # «من قيادة التحالف»: the preposition governs the state
    deal_contents: tuple[tuple[str, ...], ...] = ()
    under_deal: frozenset[str] = frozenset()  # «بموجبها»: the cue is the content of a deal named before
    pronoun_prepositions: frozenset[str] = frozenset()  # «على» in «حصل على» takes a pronoun: «عليها»
    they_are: frozenset[str] = frozenset()  # «وهي»: before a named system, what the weapons before it are
    deal_nouns: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    passive_auxiliaries: frozenset[str] = frozenset()  # «تم تسليمها»: the noun's pronoun is the theme
    partner_markers: frozenset[tuple[str, ...]] = frozenset()
    subject_links: frozenset[str] = frozenset()
    base_nouns: frozenset[str] = frozenset()  # «قاعدة»: a base names its host state after it
    base_links: frozenset[str] = frozenset()  # «في», «جنوب»: between a base's name and its host state
    preposition_clitics: tuple[str, ...] = ()


def load_transfer_lexicon(extra_files: Sequence[Path] = ()) -> TransferLexicon:
    """The transfer lexicon of ontologies/lexicon-transfers.ttl plus a user's Turtle files (their cues,
    status words and frames add to the shipped ones). Raises LexiconError on a missing or invalid file."""
    return _load_transfer_lexicon(tuple(str(Path(f)) for f in extra_files))


@functools.lru_cache(maxsize=8)
def _load_transfer_lexicon(extra_files: tuple[str, ...]) -> TransferLexicon:
    files = [TRANSFER_LEXICON_FILE, *(Path(f) for f in extra_files)]
    return build_transfer_lexicon(read_turtle(files, LexiconError, "lexicon"))


def _shortest_first(graph: Graph, subject: URIRef, predicate: URIRef) -> list[str]:
    values = {str(o) for o in graph.objects(subject, predicate) if isinstance(o, Literal)}
    return sorted(values, key=lambda v: (len(v), v))


def _folded(graph: Graph, subject: URIRef, predicate: URIRef) -> list[str]:
    return [fold(v) for v in _shortest_first(graph, subject, predicate)]


def _local(iri: object) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _status_of(graph: Graph, subject: URIRef) -> str | None:
    value = next(iter(graph.objects(subject, LEX.status)), None)
    if value is None:
        return None
    status = _local(value)
    if status not in STATUSES:
        raise LexiconError(f"lexicon entry {_local(subject)} has an unknown status {status!r}")
    return status


def _role_of(graph: Graph, subject: URIRef, predicate: URIRef) -> str | None:
    return next((_ROLE_NAMES[_local(o)] for o in graph.objects(subject, predicate)), None)


@dataclass(frozen=True)
class _Conjugation:
    """lex:Conjugation's affixes, folded: what makes an entry's stems into its forms."""

    past_suffixes: list[str]
    present_prefixes: list[str]
    present_suffixes: list[str]
    first_person_prefixes: set[str]
    first_person_suffixes: set[str]
    noun_suffixes: list[str]

    @classmethod
    def of(cls, graph: Graph) -> _Conjugation:
        def folded(predicate: URIRef) -> list[str]:
            return [fold(s) for s in _shortest_first(graph, LEX.Conjugation, predicate)]

        return cls(folded(LEX.pastSuffix), folded(LEX.presentPrefix), folded(LEX.presentSuffix),
                   set(folded(LEX.firstPersonPrefix)), set(folded(LEX.firstPersonSuffix)),
                   folded(LEX.nounSuffix))

    def forms_of(self, graph: Graph, subject: URIRef) -> list[LexiconForm]:
        """Every folded form of an entry: its words, whether it is first person, past or present."""
        forms = [LexiconForm((stem + suffix,), suffix in self.first_person_suffixes, "Perf")
                 for stem in _folded(graph, subject, LEX.pastStem) for suffix in self.past_suffixes]
        forms += [LexiconForm((prefix + stem + suffix,), prefix in self.first_person_prefixes and not suffix,
                              "Imp")
                  for stem in _folded(graph, subject, LEX.presentStem)
                  for prefix in self.present_prefixes for suffix in self.present_suffixes]
        for noun in _folded(graph, subject, LEX.noun):
            words = tuple(noun.split())
            forms += [LexiconForm((words[0] + suffix, *words[1:]), noun=True)
                      for suffix in self.noun_suffixes]
        literal = _folded(graph, subject, LEX.form)
        known = {f.split()[0] for f in literal}
        for form in literal:
            words = tuple(form.split())
            forms.append(LexiconForm(words, self.literal_first_person(words[0], known)))
        return forms

    def literal_first_person(self, word: str, forms: set[str]) -> bool:
        """Whether a literal verb form is first person: «نشتري» beside «يشتري», «اشترينا» beside «اشتروا»."""
        if word[:1] in self.first_person_prefixes and "ي" + word[1:] in forms:
            return True
        return any(word.endswith(suffix) and {word[: -len(suffix)] + "وا", word[: -len(suffix)] + "ت"} & forms
                   for suffix in self.first_person_suffixes)


def _frames(graph: Graph) -> tuple[dict[str, Frame], set[tuple[str, ...]]]:
    """The frames by name, and every preposition (as folded words) a frame's markers name."""
    frames: dict[str, Frame] = {}
    markers: set[tuple[str, ...]] = set()
    for subject in graph.subjects(RDF.type, LEX.Frame):
        marker_roles: dict[tuple[str, ...], str] = {}
        for marker in graph.objects(subject, LEX.marker):
            role = _ROLE_NAMES[_local(next(iter(graph.objects(marker, LEX.role))))]
            for preposition in _folded(graph, marker, LEX.preposition):
                marker_roles[tuple(preposition.split())] = role
                markers.add(tuple(preposition.split()))
        name = _local(subject)
        frames[name] = Frame(
            name, _role_of(graph, subject, LEX.subjectRole), _role_of(graph, subject, LEX.objectRole),
            marker_roles, _flag(graph, subject, LEX.bothDirections), _flag(graph, subject, LEX.weaponBefore),
            _role_of(graph, subject, LEX.locatedSubjectRole), _flag(graph, subject, LEX.toNoState),
            _role_of(graph, subject, LEX.addressedSubjectRole), _flag(graph, subject, LEX.seizedShipment))
    return frames, markers


def _transfer_cues(graph: Graph, frames: dict[str, Frame], conjugation: _Conjugation
                   ) -> tuple[dict[str, list], dict[str, tuple[TransferCue, ...]]]:
    """The transfer cues as a phrase table (first folded word → [(form, cue)]) and by Stanza lemma."""
    cue_phrases: dict[str, list] = {}
    cue_lemmas: dict[str, list[TransferCue]] = {}
    for subject in sorted(graph.subjects(RDF.type, LEX.TransferCue), key=str):
        frame_iri = next(iter(graph.objects(subject, LEX.frame)), None)
        if frame_iri is None or _local(frame_iri) not in frames:
            raise LexiconError(f"transfer cue {_local(subject)} has no known lex:frame")
        status = _status_of(graph, subject)
        if status is None:
            raise LexiconError(f"transfer cue {_local(subject)} has no lex:status")
        lemmas = frozenset(_folded(graph, subject, LEX.lemma))
        implied = next((str(o) for o in graph.objects(subject, LEX.impliedWeapon)), None)
        cue = TransferCue(_local(subject), frames[_local(frame_iri)], status, lemmas,
                          frozenset(_folded(graph, subject, LEX.requiresNear)), implied,
                          _flag(graph, subject, LEX.thingAsObject),
                          frozenset(_folded(graph, subject, LEX.requiresBefore)),
                          next(iter(_folded(graph, subject, LEX.weaponWith)), None))
        excluded = set(_folded(graph, subject, LEX.notForm))
        for form in conjugation.forms_of(graph, subject):
            if " ".join(form.words) not in excluded:
                cue_phrases.setdefault(form.words[0], []).append((form, cue))
        for lemma in lemmas:
            cue_lemmas.setdefault(lemma, []).append(cue)
    return cue_phrases, {k: tuple(v) for k, v in cue_lemmas.items()}


def _status_cues(graph: Graph, conjugation: _Conjugation) -> dict[str, list]:
    """The status words as a phrase table (first folded word → [(form, status cue)])."""
    status_phrases: dict[str, list] = {}
    for subject in sorted(graph.subjects(RDF.type, LEX.StatusCue), key=str):
        cue = StatusCue(_local(subject), _status_of(graph, subject), _flag(graph, subject, LEX.passesSubject),
                        _flag(graph, subject, LEX.adjacentOnly), _flag(graph, subject, LEX.onlyBeforePerfect),
                        _flag(graph, subject, LEX.executes), _flag(graph, subject, LEX.lifts))
        for form in conjugation.forms_of(graph, subject):
            status_phrases.setdefault(form.words[0], []).append((form, cue))
    return status_phrases


def _numbers(graph: Graph) -> dict[tuple[str, ...], int]:
    numbers: dict[tuple[str, ...], int] = {}
    for subject in graph.subjects(RDF.type, LEX.NumberWord):
        value = int(next(iter(graph.objects(subject, LEX.value))).toPython())
        for form in _folded(graph, subject, LEX.form):
            numbers[tuple(form.split())] = value
    return numbers


def _weapon_references(graph: Graph) -> dict[str, frozenset[str]]:
    references: dict[str, frozenset[str]] = {}
    for subject in graph.subjects(RDF.type, LEX.WeaponReference):
        categories = frozenset(_shortest_first(graph, subject, LEX.category))
        for noun in _folded(graph, subject, LEX.noun):
            references[noun] = references.get(noun, frozenset()) | categories
    return references


def build_transfer_lexicon(graph: Graph) -> TransferLexicon:
    """The lexicon's lookup tables from an rdflib graph holding lexicon triples."""
    conjugation = _Conjugation.of(graph)
    frames, markers = _frames(graph)
    cue_phrases, cue_lemmas = _transfer_cues(graph, frames, conjugation)

    def words(subject: URIRef, predicate: URIRef) -> frozenset[str]:
        return frozenset(_folded(graph, subject, predicate))

    def phrases(predicate: URIRef) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(p.split()) for p in _folded(graph, LEX.Words, predicate))

    def longest_first(predicate: URIRef) -> tuple[str, ...]:
        return tuple(sorted(_folded(graph, LEX.Conjugation, predicate), key=len, reverse=True))

    return TransferLexicon(
        cue_phrases=cue_phrases,
        cue_lemmas=cue_lemmas,
        status_phrases=_status_cues(graph, conjugation),
        frames=frames,
        conjunctions=tuple(_folded(graph, LEX.Conjugation, LEX.conjunction)),
        future_prefixes=tuple(_folded(graph, LEX.Conjugation, LEX.futurePrefix)),
        verb_proclitics=tuple(_folded(graph, LEX.Conjugation, LEX.verbProclitic)),
        noun_proclitics=longest_first(LEX.nounProclitic),
        object_suffixes=longest_first(LEX.objectSuffix),
        markers=frozenset(markers),
        marker_words=frozenset(word for marker in markers for word in marker),
        max_marker_words=max((len(m) for m in markers), default=1),
        numbers=_numbers(graph),
        unit_nouns=words(LEX.Quantities, LEX.unitNoun),
        vague_quantities=words(LEX.Quantities, LEX.vagueQuantity),
        first_person=words(LEX.Pronouns, LEX.firstPerson),
        personal_plural=words(LEX.Pronouns, LEX.personalPlural),
        third_person=words(LEX.Pronouns, LEX.thirdPerson),
        own_land=words(LEX.Pronouns, LEX.ownLand),
        complementizers=words(LEX.Words, LEX.complementizer),
        relative_pronouns=words(LEX.Words, LEX.relativePronoun),
        resumptives=words(LEX.Words, LEX.resumptive),
        clause_ends=words(LEX.Words, LEX.clauseEnd),
        weapon_scope_ends=words(LEX.Words, LEX.weaponScopeEnd),
        weapon_anaphors=words(LEX.Words, LEX.weaponAnaphor),
        partitives=words(LEX.Words, LEX.partitive),
        fitted_with=words(LEX.Words, LEX.fittedWith),
        additional=words(LEX.Words, LEX.additional),
        non_state_heads=words(LEX.Words, LEX.nonStateHead),
        armed_groups=words(LEX.Words, LEX.armedGroup),
        notice_verbs=words(LEX.Words, LEX.noticeVerb),
        request_after=phrases(LEX.requestAfter),
        denied_references=words(LEX.Words, LEX.deniedReference),
        contents_verbs=words(LEX.Words, LEX.contentsVerb),
        state_owned=words(LEX.Words, LEX.stateOwned),
        future_words=words(LEX.Words, LEX.futureWord),
        type_words=frozenset(w for p in phrases(LEX.typeOf) for w in p),
        not_count_after=words(LEX.Quantities, LEX.notCountAfter),
        not_count_before=words(LEX.Quantities, LEX.notCountBefore),
        weapon_references=_weapon_references(graph),
        demonstratives=words(LEX.Words, LEX.demonstrative),
        list_follows=words(LEX.Words, LEX.listFollows),
        exceptives=words(LEX.Words, LEX.exceptive),
        future_negations=words(LEX.Words, LEX.futureNegation),
        command_of=words(LEX.Words, LEX.commandOf),
        deal_contents=phrases(LEX.dealContents),
        under_deal=words(LEX.Words, LEX.underDeal),
        pronoun_prepositions=words(LEX.Words, LEX.pronounPreposition),
        they_are=words(LEX.Words, LEX.theyAre),
        deal_nouns=words(LEX.Words, LEX.dealNoun),
        auxiliaries=words(LEX.Words, LEX.auxiliary),
        passive_auxiliaries=words(LEX.Words, LEX.passiveAuxiliary),
        partner_markers=frozenset(phrases(LEX.partnerMarker)),
        subject_links=words(LEX.Words, LEX.subjectLink),
        base_nouns=words(LEX.Words, LEX.baseNoun),
        base_links=words(LEX.Words, LEX.baseLink),
        preposition_clitics=tuple(_folded(graph, LEX.Conjugation, LEX.prepositionClitic)),
    )


# ── The entity lexicon ─────────────────────────────────────────────────────────────────────
# ontologies/lexicon-entities.ttl: the closed classes of words the mention extractor reads around names.


@dataclass(frozen=True)
class EntityLexicon:
    """Words the mention extractor looks up, folded."""

    model_nouns: frozenset[str]  # «طراز», «نوع»: a weapon's model follows
    model_prepositions: frozenset[str]  # «من» before a model noun
    former_words: frozenset[str]  # «سابق»: a former holder of a post
    role_place_prepositions: frozenset[str]  # «لدى موسكو» between a role and its holder's name
    conjunctions: frozenset[str]  # «و», «ف» written on a name or a number
    prepositions: frozenset[str]  # «ب», «ل», «ك» written on a name
    namesake_nouns: frozenset[str] = frozenset()  # «مركز الملك سلمان»: a person's name after it names a thing
    namesake_titles: frozenset[str] = frozenset()  # «الملك», «الأمير» between such a noun and the name
    kinship_nouns: frozenset[str] = frozenset()  # «عم»: after «ابن», a relation («ابن عم الجاني»), no name
    figurative_genitives: frozenset[str] = frozenset()  # «العقوبات» after «سلاح»: a figure, no weapon
    source_body_nouns: frozenset[str] = frozenset()  # «لجنة»: heads the organisation an unnamed source is in
    source_body_prepositions: frozenset[str] = frozenset()  # «في», «ب» between a source and its organisation
    against_the_state: frozenset[str] = frozenset()  # «معارضة» in «قوات معارضة سورية»: no body of Syria
    source_adjectives: frozenset[str] = frozenset()  # «مطلع» after «مصدر», whatever the tagger reads
    preposition_like_names: frozenset[str] = frozenset()  # «علي» as written: a name beside «على»


def load_entity_lexicon(extra_files: Sequence[Path] = ()) -> EntityLexicon:
    """The entity lexicon of ontologies/lexicon-entities.ttl plus a user's Turtle files. Raises LexiconError
    on a missing or invalid file."""
    return _load_entity_lexicon(tuple(str(Path(f)) for f in extra_files))


@functools.lru_cache(maxsize=8)
def _load_entity_lexicon(extra_files: tuple[str, ...]) -> EntityLexicon:
    graph = read_turtle([ENTITY_LEXICON_FILE, *(Path(f) for f in extra_files)], LexiconError, "lexicon")

    def words(predicate: URIRef) -> frozenset[str]:
        return frozenset(_folded(graph, LEX.EntityWords, predicate))

    return EntityLexicon(words(LEX.modelNoun), words(LEX.modelPreposition), words(LEX.formerWord),
                         words(LEX.rolePlacePreposition), words(LEX.nameConjunction),
                         words(LEX.namePreposition), words(LEX.namesakeNoun), words(LEX.namesakeTitle),
                         words(LEX.kinshipNoun), words(LEX.figurativeGenitive), words(LEX.sourceBodyNoun),
                         words(LEX.sourceBodyPreposition), words(LEX.againstTheState),
                         words(LEX.sourceAdjective),
                         frozenset(_shortest_first(graph, LEX.EntityWords, LEX.prepositionLikeName)))
