"""Lexicons: the language knowledge the extractors use, read from Turtle (ontologies/lexicon-*.ttl).

The speech lexicon (ontologies/lexicon-speech.ttl) lists speech verbs, speech nouns, attribution phrases,
complementizers, quotation marks, the nouns a speaker is named by and the outlets that relay. Every form is
folded (kg.normalizing.fold) on loading, so lookups take folded token text; a form of several words becomes
a tuple of folded words. A user's own Turtle files (``kg build --lexicon FILE``) are read with the default
one, in the same terms; triples a loader does not know are ignored, so one file may extend both lexicons.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SKOS

from kg.datafiles import read_turtle
from kg.errors import LexiconError
from kg.normalizing import fold, strip_article
from kg.records import ORGANIZATION, PERSON
from kg.vocabulary import ONTOLOGY_IRI, RESOURCE_IRI

ONTOLOGIES = Path(__file__).resolve().parent.parent / "ontologies"
SPEECH_LEXICON_FILE = ONTOLOGIES / "lexicon-speech.ttl"

LEX = Namespace("https://w3id.org/kg-ar/lexicon#")

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


@dataclass(frozen=True)
class SpeechCue:
    """A speech verb, speech noun or attribution phrase, with the grammar of its arguments."""

    lemma: str  # folded prefLabel: the claim's kg:cue
    part: str  # "verb" | "noun" | "attribution"
    complement_prepositions: frozenset[str] = frozenset()  # folded («الى», «عن», «من», «ب», «على»)
    takes_object: bool = False  # a bare noun object is what was said
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
    nouns: Mapping[str, SpeechCue]
    attributions: Mapping[Phrase, SpeechCue]
    complementizers: frozenset[str]
    pronoun_suffixes: tuple[str, ...]  # longest first
    opening_marks: frozenset[str]
    closing_marks: frozenset[str]
    either_marks: frozenset[str]
    speaker_nouns: Mapping[str, str]  # folded noun without the article → PERSON | ORGANIZATION
    speaker_concepts: Mapping[str, str]  # folded speaker noun → its entry («زعيم» and «رئيس» share one)
    institutions: Mapping[str, str]  # folded post noun → folded noun of the body it heads (وزير → وزاره)
    prepositions: frozenset[str]
    adjunct_prepositions: frozenset[str]
    outlet_nouns: frozenset[Phrase]
    outlets: Mapping[Phrase, str | None]  # outlet name → gazetteer id (when linked)
    claim_boundaries: frozenset[Phrase]
    connectives: frozenset[Phrase]  # «، كما أكد»: after a comma, before a speech verb, a new statement
    turn_markers: frozenset[Phrase]
    unsaid: frozenset[Phrase]  # «لم»، «من المتوقع أن»: before a speech verb, nothing was said
    honorifics: frozenset[Phrase]
    addressees: frozenset[str]  # folded nouns (without article) spoken to: «للصحفيين», «لرويترز»
    pronominal_titles: frozenset[str]  # «سموه», «فخامته»: titles that stand for the person just named
    adverbials: frozenset[str]
    not_names: frozenset[str]  # pronouns and demonstratives: alone, never a speaker
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


def build_speech_lexicon(graph: Graph) -> SpeechLexicon:
    """Read the speech lexicon's terms out of an rdflib graph."""
    conjugation = LEX.SpeechConjugation
    past_suffixes = _strings(graph, conjugation, LEX.pastSuffix) or [""]
    present_prefixes = _strings(graph, conjugation, LEX.presentPrefix) or ["ي"]
    present_suffixes = _strings(graph, conjugation, LEX.presentSuffix) or [""]

    def label(node: URIRef) -> str:
        labels = _strings(graph, node, SKOS.prefLabel)
        return fold(labels[0]) if labels else str(node).rsplit("#", 1)[-1]

    def prepositions(node: URIRef) -> frozenset[str]:
        return frozenset(fold(p) for p in _strings(graph, node, LEX.complementPreposition))

    verb_forms: dict[str, SpeechCue] = {}
    verb_lemmas: dict[str, SpeechCue] = {}
    participles: dict[str, SpeechCue] = {}
    ambiguous: dict[Phrase, SpeechCue] = {}
    for node in sorted(set(graph.subjects(RDF.type, LEX.SpeechVerb)), key=str):
        source = _strings(graph, node, LEX.sourcePreposition)
        cue = SpeechCue(
            lemma=label(node),
            part="verb",
            complement_prepositions=prepositions(node),
            takes_object=_flag(graph, node, LEX.takesObject),
            source_preposition=fold(source[0]) if source else None,
            requires_source=_flag(graph, node, LEX.requiresSource),
        )
        forms = conjugate(
            _strings(graph, node, LEX.pastStem),
            _strings(graph, node, LEX.presentStem),
            past_suffixes,
            present_prefixes,
            present_suffixes,
        )
        forms |= {fold(f) for f in _strings(graph, node, LEX.form)}
        ambiguous_here = {phrase(f) for f in _strings(graph, node, LEX.ambiguousForm)}
        for form in forms:
            if (form,) not in ambiguous_here:
                verb_forms.setdefault(form, cue)
        for lemma in _strings(graph, node, LEX.lemma):
            verb_lemmas.setdefault(fold(lemma), cue)
        for form in _strings(graph, node, LEX.participle):
            participles.setdefault(fold(form), cue)
        for form in ambiguous_here:
            ambiguous.setdefault(form, cue)

    nouns: dict[str, SpeechCue] = {}
    for node in sorted(set(graph.subjects(RDF.type, LEX.SpeechNoun)), key=str):
        cue = SpeechCue(label(node), "noun", prepositions(node), _flag(graph, node, LEX.takesObject))
        for form in _strings(graph, node, LEX.form):
            nouns.setdefault(fold(form), cue)

    attributions: dict[Phrase, SpeechCue] = {}
    for node in sorted(set(graph.subjects(RDF.type, LEX.AttributionPhrase)), key=str):
        cue = SpeechCue(label(node), "attribution", after_comma_only=_flag(graph, node, LEX.afterCommaOnly))
        for form in _strings(graph, node, LEX.form):
            attributions.setdefault(phrase(form), cue)

    complementizers: set[str] = set()
    suffixes: set[str] = set()
    for node in graph.subjects(RDF.type, LEX.Complementizer):
        complementizers |= {fold(f) for f in _strings(graph, node, LEX.form)}
        suffixes |= {fold(s) for s in _strings(graph, node, LEX.pronounSuffix)}

    marks = LEX.QuotationMarks
    opening = frozenset(_strings(graph, marks, LEX.opening))
    closing = frozenset(_strings(graph, marks, LEX.closing))
    either = frozenset(_strings(graph, marks, LEX.eitherWay))
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

    outlets: dict[Phrase, str | None] = {}
    for node in graph.subjects(RDF.type, LEX.NewsOutlet):
        linked = [str(o) for o in graph.objects(node, SKOS.exactMatch) if str(o).startswith(RESOURCE_IRI)]
        known_id = linked[0][len(RESOURCE_IRI):] if linked else None
        for form in _strings(graph, node, SKOS.prefLabel) + _strings(graph, node, SKOS.altLabel):
            outlets.setdefault(phrase(form), known_id)

    def phrases_of(cls: URIRef) -> frozenset[Phrase]:
        nodes = graph.subjects(RDF.type, cls)
        return frozenset(phrase(form) for node in nodes for form in _strings(graph, node, LEX.form))

    turn_markers = phrases_of(LEX.TurnMarker)
    unsaid = phrases_of(LEX.Unsaid)
    honorifics = phrases_of(LEX.Honorific)
    claim_boundaries = phrases_of(LEX.ClaimBoundary)
    connectives = phrases_of(LEX.SpeechConnective)
    outlet_nouns = phrases_of(LEX.OutletNoun)
    every_phrase = [
        *attributions, *outlet_nouns, *outlets, *claim_boundaries, *turn_markers, *ambiguous, *honorifics,
        *unsaid,
    ]
    return SpeechLexicon(
        verb_forms=verb_forms,
        verb_lemmas=verb_lemmas,
        participles=participles,
        ambiguous_forms=ambiguous,
        nouns=nouns,
        attributions=attributions,
        complementizers=frozenset(complementizers),
        pronoun_suffixes=tuple(sorted(suffixes, key=len, reverse=True)),
        opening_marks=opening,
        closing_marks=closing,
        either_marks=either,
        speaker_nouns=speaker_nouns,
        speaker_concepts=speaker_concepts,
        institutions=institutions,
        prepositions=frozenset(fold(p) for p in _strings(graph, LEX.Prepositions, LEX.preposition)),
        adjunct_prepositions=frozenset(
            fold(p) for p in _strings(graph, LEX.Prepositions, LEX.adjunctPreposition)
        ),
        outlet_nouns=outlet_nouns,
        outlets=outlets,
        claim_boundaries=claim_boundaries,
        connectives=connectives,
        turn_markers=turn_markers,
        unsaid=unsaid,
        honorifics=honorifics,
        pronominal_titles=frozenset(w for p in phrases_of(LEX.PronominalTitle) for w in p),
        addressees=frozenset(
            {strip_article(p[0]) for p in phrases_of(LEX.AddresseeNoun) | outlet_nouns}
            | {strip_article(p[0]) for p in outlets}
        ),
        adverbials=frozenset(w for p in phrases_of(LEX.Adverbial) for w in p),
        not_names=frozenset(w for p in phrases_of(LEX.NotAName) for w in p),
        longest_phrase=max((len(p) for p in every_phrase), default=1),
        quote_marks=opening | closing | either,
    )


# ── The transfer lexicon ───────────────────────────────────────────────────────────────────
# Built where it is read, in kg.extracting.transfers (ontologies/lexicon-transfers.ttl plus a user's files);
# offered here beside the speech lexicon.
from kg.extracting.transfers import TransferLexicon as TransferLexicon  # noqa: E402
from kg.extracting.transfers import load_transfer_lexicon as load_transfer_lexicon  # noqa: E402
