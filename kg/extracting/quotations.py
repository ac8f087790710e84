"""actor –said→ claim: reported speech and direct quotations in an annotated Arabic document.

Two forms carry a statement in news Arabic, and this module finds both:

- **Reported speech**: a speech verb (قال، أكد، أعلن… by surface form with و/ف taken off, or by Stanza's
  lemma), a speech noun (تصريحات، بيان، قوله…) or an attribution phrase (وفقا لـ، بحسب، نقلا عن…), with its
  speaker and its content: the clause after a complementizer (إن، أن، بأن), the noun after the verb's
  preposition (دعا إلى…، أعرب عن…) or a noun object (ذكر خططا…).
- **Direct quotations** between quotation marks, including unbalanced and mixed marks: an opening mark
  never closed (the quote runs to the next speech clause or to the end of its paragraph), a closing mark
  alone (the quote runs back over the sentences in the first person), «“» and «”» used either way.

The speaker is the subject of the speech verb: VSO first (Arabic's usual order: the first noun phrase after
the verb), then SVO (the noun phrase just before an unprefixed verb), then, for a dropped subject («وأضاف»)
or a pronoun («ووفقا له»), the previous speaker of the document. A speaker is a Mention of the entity
extractor; where it gives none, the noun phrase itself becomes one when its head is a speaker noun of the
lexicon (مسؤول، وزارة…), with ``via="role"``.

Anaphoric speakers. A pronoun or a dropped subject gives a Mention with ``via="pronoun"`` that carries the
antecedent's text, **offsets**, sentence, kind, known_id and affiliation (``name`` = the antecedent's
name), so that any resolver that knows the antecedent knows the anaphor. A role with no name and no
known_id («قال الرئيس»، «رئيس الدولة»، «الوزير») is resolved the same way, with ``via="role"``, to the
person the document introduced under a compatible role («الرئيس البيلاروسي ألكسندر لوكاشينكو»), or, for a
bare post, to the body it heads just mentioned («وزارة الدفاع» for «الوزير»).

An outlet that relays («أفادت وكالة بيلتا أن X قال…»، «نقلت الوكالة عن X قوله»، «…، وفقا لرويترز») is kept
apart from the speaker, as the claim's ``reported_by``.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from kg.extracting.tokens import Token, feature, sentence_tokens
from kg.lexicon import Phrase, SpeechCue, SpeechLexicon
from kg.normalizing import fold, match_key, strip_article
from kg.records import (
    ORGANIZATION,
    PERSON,
    PLACE,
    STATE,
    AnnotatedDocument,
    Claim,
    Mention,
    Via,
    identity_key,
    mention_identity,
)

DIRECT, REPORTED = "DirectQuote", "ReportedSpeech"
PARAGRAPH_BREAK = "\n\n"

SPEAKER_KINDS = (PERSON, ORGANIZATION, STATE)
NAMED = (Via.NAME, Via.NER)
# Words of a post as a person's form («المتحدث الرسمي باسم وزارة الخارجية»): a longer phrase runs on.
MAX_POST_WORDS = 6
# Characters of the longest body name looked for after «باسم» in a post.
MAX_NAME_CHARS = 60
# Tags the tagger gives words of a name it does not know: nouns mostly, but also verbs, adjectives and
# prepositions («رأفت», «عادل», «أمين»); closed-class words are kept out by the lexicon, not by tags.
NAME_WORD_TAGS = ("NOUN", "PROPN", "X", "ADJ", "VERB", "ADP")
# An interview: at least this many questions, each a paragraph of at most so many words, with its answer.
MIN_INTERVIEW_QUESTIONS = 2
MAX_QUESTION_WORDS = 40
# Rules that read a verb's own subject in its clause (not one taken up from before).
EXPLICIT_SUBJECT_RULES = frozenset({"speaker-after-verb", "speaker-before-verb",
                                    "speaker-before-verb-clause-start", "speaker-topic",
                                    "speaker-relative-antecedent"})
# Words of a title in marks («الجغرافية السياسية للقمح»): a quotation of more is a statement.
MAX_TITLE_WORDS = 6
PARTY_VIAS = (Via.NAME, Via.NER, Via.NISBA)  # how a party of a group speaking as one is named
MAX_MENTION_CHARS = 200  # no mention is longer: bounds the look-back of mentions_in
# Parts of speech no proper name is tagged with: a one-word "name" so tagged is the model's mistake.
NOT_NAME_TAGS = frozenset({"PRON", "ADV", "VERB", "AUX", "ADJ", "DET", "ADP", "SCONJ", "CCONJ", "PART", "NUM",
                           "INTJ"})
MIN_CLAIM_WORDS = 3  # a claim says something: fewer words are a name or a title
MIN_QUOTE_WORDS = 3  # fewer words between marks, with no speech cue governing them: a title or scare quote
MIN_STANDALONE_QUOTE_WORDS = 5  # a quotation standing alone shorter than this is a title, not a statement
MAX_SPEAKER_PHRASE = 12  # tokens in a speaker's noun phrase
# A preposition letter written apart with a tatweel («لـ"الوطن"», «بـ»): folded, the letter alone.
DETACHED_PREPOSITIONS = frozenset({"ل", "ب", "ك"})
MAX_ADDRESSEE = 8  # tokens of the one a cue calls on («دعا الوزير الشعب اليمني بمختلف مكوناته إلى…»)
MAX_MARKED_NAME = 4  # words of a name in quotation marks inside a speaker's phrase («حزب «القوات اللبنانية»»)
# A dropped subject takes the last speaker only if that one spoke at most this many sentences before: on the
# development set, 9 of 27 claims so given after a longer gap were right, 73 of 104 after a shorter one.
MAX_ANTECEDENT_GAP = 2
SOURCE_BODY_WORDS = 6  # «مصدر بارز في المعارضة السورية»: words after a source that may name its body
MAX_OUTLET_WORDS = 5  # words of an outlet's name in quotation marks («لـ«الشرق الأوسط»»)
MAX_OCCASION = 14  # «، في بيان رسمي حصلت «الشرق الأوسط» على نسخة منه،»: tokens of an occasion phrase
MAX_PARENTHESIS = 5  # «، عبر قناته على تلغرام ،»: tokens of a phrase between commas after a speaker
MAX_APPOSED_POST = 10  # «، رئيس شركة الإلكترونيات اليابانية توشيبا كورب أمس،»: tokens of a post after a name
MAX_LEADING_SEGMENT = 3  # «كذلك،»، «في غضون ذلك ،»: a short opener before a comma is not part of a claim
SENTENCE_PUNCTUATION = ".!?؟…"
CLAUSE_PUNCTUATION = "،,;؛"
DASHES = "-–—"
GENERIC_ROLE_WORDS = frozenset({"دوله", "بلاد", "باسم", "عام", "رسمي"})  # «رئيس الدولة» is any president
JOINT_ADJECTIVES = frozenset({"المشترك", "المشتركه", "مشترك", "مشتركه"})  # folded «المشترك», «مشتركة»
ON_BEHALF_OF = frozenset({"باسم"})  # «المتحدث باسم الجيش»: the body after it is the one who speaks


# ── The document as tokens ──────────────────────────────────────────────────────────────────


class _Text:
    """Tokens, sentences and paragraphs of one annotated document, with lookups the rules share."""

    def __init__(self, annotated: AnnotatedDocument, lexicon: SpeechLexicon) -> None:
        self.annotated = annotated
        self.text = annotated.document.text
        self.lexicon = lexicon
        self.tokens: list[Token] = []
        self.sentence_range: list[tuple[int, int]] = []
        for s_pos, sentence in enumerate(annotated.sentences):
            first = len(self.tokens)
            self.tokens.extend(sentence_tokens(sentence, self.text, s_pos, first))
            self.sentence_range.append((first, len(self.tokens)))
        self.paragraphs: list[tuple[int, int]] = []
        start = 0
        for block in self.text.split(PARAGRAPH_BREAK):
            self.paragraphs.append((start, start + len(block)))
            start += len(block) + len(PARAGRAPH_BREAK)
        self.ner_names: list[tuple[int, int]] = [
            (span.start, span.end) for sentence in annotated.sentences for span in sentence.spans
        ]
        self.token_starts = [t.start for t in self.tokens]
        self.token_ends = [t.end for t in self.tokens]

    def sentence_index(self, s_pos: int) -> int:
        return self.annotated.sentences[s_pos].index

    def sentence_tokens(self, s_pos: int) -> range:
        first, last = self.sentence_range[s_pos]
        return range(first, last)

    def sentence_end(self, position: int) -> int:
        """Position after the last token of the token's sentence."""
        return self.sentence_range[self.tokens[position].sentence][1]

    def sentence_start(self, position: int) -> int:
        return self.sentence_range[self.tokens[position].sentence][0]

    def paragraph_of(self, offset: int) -> tuple[int, int]:
        for start, end in self.paragraphs:
            if start <= offset <= end:
                return start, end
        return self.paragraphs[-1]

    def token_at(self, offset: int) -> int | None:
        """Position of the token that covers (or first follows) a character offset."""
        position = bisect.bisect_right(self.token_ends, offset)
        return position if position < len(self.tokens) else None

    def tokens_within(self, start: int, end: int) -> list[Token]:
        """The tokens wholly inside [start, end)."""
        first = bisect.bisect_left(self.token_starts, start)
        last = bisect.bisect_right(self.token_ends, end)
        return [t for t in self.tokens[first:last] if t.start >= start and t.end <= end]

    def phrase_at(self, position: int, phrases: object, longest: int, prepositions: bool = False) -> int:
        """Length in tokens of the longest phrase of ``phrases`` starting at ``position`` (0 when none).
        The first token may carry a conjunction (و/ف), as «ووفقا», and with ``prepositions`` ل or ب too,
        as «لرويترز»."""
        for length in range(min(longest, len(self.tokens) - position), 0, -1):
            tokens = self.tokens[position : position + length]
            if tokens[-1].sentence != tokens[0].sentence:
                continue
            rest = tuple(t.key for t in tokens[1:])
            firsts = list(tokens[0].keys)
            if prepositions:
                firsts += _without_preposition(tokens[0].bare)
            for first in firsts:
                if (first, *rest) in phrases:  # type: ignore[operator]
                    return length
        return 0

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]


# ── Quotations ──────────────────────────────────────────────────────────────────────────────


@dataclass
class _Quote:
    """A quoted span: ``start``/``end`` are the words between the marks, trimmed."""

    start: int
    end: int
    opened: bool  # an opening mark was seen
    closed: bool  # a closing mark was seen
    cut_at: int | None = None  # where an unclosed quote was cut: the start of the speech clause after it
    consumed: bool = False

    def words(self, text: str) -> int:
        return len(text[self.start : self.end].split())


def _without_preposition(key: str) -> list[str]:
    """«لرويترز» → «رويترز»; «للجزيرة» → «الجزيرة»; «بالجيش» → «الجيش»; «لبي» (بي بي سي) → «بي»."""
    if len(key) < 3 or key[0] not in "لب":
        return []
    if key.startswith("لل"):
        return ["ال" + key[2:], key[2:]]
    return [key[1:]]


def _attribute(token: Token) -> bool:
    """An adjective after an indefinite noun: tagged so, or an indefinite nisba («صحافي», «رسمي»), which the
    tagger often takes for a name."""
    return token.main.upos == "ADJ" or (
        not token.bare.startswith("ال") and len(token.bare) >= 4 and token.bare.endswith("ي"))


def _plural_verb(token: Token) -> bool:
    """A verb conjugated for two or more («قالا», «أضافوا»): by the tagger's features, or by the plural
    ending of the past tense («ـوا»), which the tagger often misses."""
    if "Number=Plur" in token.verb_feats or "Number=Dual" in token.verb_feats:
        return True
    verbs = [fold(w.text) for w in token.words if w.upos in ("VERB", "AUX")]
    return any(len(verb) >= 4 and verb.endswith("وا") for verb in verbs)


def _named_actor(mention: Mention) -> bool:
    """A person named by name, or a state or body the gazetteer knows."""
    return mention.via in NAMED and (mention.kind == PERSON or mention.known_id is not None)


def _verb_gender(token: Token) -> str | None:
    """«Masc» or «Fem»: the gender of a singular third-person verb as the tagger reads it, None otherwise."""
    feats = token.verb_feats
    if "Person=3" not in feats or "Number=Sing" not in feats:
        return None
    return "Fem" if "Gender=Fem" in feats else "Masc" if "Gender=Masc" in feats else None


def _plural_participle(token: Token) -> bool:
    """A participle of two or more («مؤكدين», «موضحون», «مشيرتين»)."""
    word = fold(token.bare)
    return len(word) >= 5 and word.endswith(("ين", "ون"))


def _one_person(mention: Mention) -> bool:
    """A mention of one named person (not a body, a state, or a group)."""
    return mention.kind == PERSON and bool(mention.name or mention.known_id or mention.via in NAMED)


def _resumptive_complement(token: Token, prepositions: frozenset[str], pronouns: tuple[str, ...]) -> bool:
    """The cue's own preposition with a pronoun on it («بها», «عنه», «إليها»): what was said is the noun the
    pronoun takes up, before the verb, in whose relative clause the verb stands; nothing said follows."""
    words = token.words
    return (len(words) == 2 and words[0].upos == "ADP" and fold(words[1].text) in pronouns
            and fold(words[0].text) in prepositions)  # not «بما»: «أشاد بما قدمه الصندوق»


def _abbreviation_dot(doc: _Text, position: int) -> bool:
    """«م. جمال الملحم», «د. عادل الطريفي»: a dot right after a one-letter word abbreviates a title; it ends
    no sentence."""
    if position == 0 or doc.tokens[position].surface.strip() != ".":
        return False
    before = doc.tokens[position - 1]
    return len(before.bare) == 1 and before.end == doc.tokens[position].start


def _is_word_char(ch: str | None) -> bool:
    return ch is not None and ch.isalnum()


def _mark_role(text: str, at: int, lo: int, hi: int, lexicon: SpeechLexicon, is_open: bool) -> str:
    """Whether an ambiguous mark at ``at`` opens or closes, from the characters beside it (as Markdown's
    flanking rules do): glued to a word on its right and not on its left, it opens; the reverse closes."""
    mark = text[at]
    if mark in lexicon.opening_marks:
        return "open"
    if mark in lexicon.closing_marks:
        return "close"
    before = text[at - 1] if at > lo else None
    after = text[at + 1] if at + 1 < hi else None
    right_word = _is_word_char(after) or (after is not None and after in "(«[")
    left_word = _is_word_char(before) or (before is not None and before in SENTENCE_PUNCTUATION + ")»]")
    if right_word and left_word:
        # «و"تبادل»: a one-letter proclitic before the mark still opens.
        proclitic = before in "وفبلك" and (at - 1 == lo or not _is_word_char(text[at - 2]))
        if proclitic:
            return "open"
        return "close" if is_open else "open"
    if right_word or left_word:
        return "open" if right_word else "close"
    return _spaced_mark_role(text, at, lo, hi, is_open)


def _spaced_mark_role(text: str, at: int, lo: int, hi: int, is_open: bool) -> str:
    """A mark with spaces (or punctuation) on both sides: it closes before punctuation or the end, opens
    after a colon, a comma or the start; else it toggles."""
    j = at + 1
    while j < hi and text[j] == " ":
        j += 1
    next_char = text[j] if j < hi else None
    if next_char is None or next_char in SENTENCE_PUNCTUATION + CLAUSE_PUNCTUATION:
        return "close"
    i = at - 1
    while i >= lo and text[i] == " ":
        i -= 1
    prev_char = text[i] if i >= lo else None
    if prev_char is None or prev_char in ":،,":
        return "open"
    return "close" if is_open else "open"


def _trim(text: str, start: int, end: int, marks: frozenset[str]) -> tuple[int, int]:
    """Shrink a span past spaces, quotation marks, a colon before it («قوله إن: …») and trailing clause
    punctuation."""
    strip_left = set(" \n\t:") | set(marks)
    strip_right = set(" \n\t.،,:;؛") | set(marks)
    while start < end and text[start] in strip_left:
        start += 1
    while end > start and text[end - 1] in strip_right:
        end -= 1
    return start, end


def _find_quotes(doc: _Text, cue_offsets: Sequence[int]) -> list[_Quote]:
    """Quoted spans, paragraph by paragraph, pairing marks by their flanks; unbalanced marks handled."""
    text, lexicon = doc.text, doc.lexicon
    marks = lexicon.quote_marks
    quotes: list[_Quote] = []
    for lo, hi in doc.paragraphs:
        open_at: int | None = None
        last_end = lo
        positions = [i for i in range(lo, hi) if text[i] in marks]
        for at in positions:
            role = _mark_role(text, at, lo, hi, lexicon, open_at is not None)
            if role == "open":
                if open_at is not None:
                    quotes.append(_unclosed(doc, open_at, at, cue_offsets))
                open_at = at
            elif open_at is not None:
                quotes.append(_Quote(*_trim(text, open_at + 1, at, marks), opened=True, closed=True))
                open_at = None
                last_end = at + 1
            else:
                quotes.append(_closing_only(doc, last_end, at))
                last_end = at + 1
        if open_at is not None:
            quotes.append(_unclosed(doc, open_at, hi, cue_offsets))
    return [q for q in quotes if q.end > q.start]


def _unclosed(doc: _Text, open_at: int, limit: int, cue_offsets: Sequence[int]) -> _Quote:
    """An opening mark never closed: the quote runs to the next speech clause («… وقال رئيس الدولة»)
    before ``limit``, else to ``limit`` (the next opening mark or the end of the paragraph)."""
    cut = next((c for c in cue_offsets if open_at + 1 < c < limit), None)
    end = cut if cut is not None else limit
    if cut is not None:
        # The speech clause may open with its subject (SVO) or a conjunction: cut before the clause's token.
        position = doc.token_at(cut)
        if position is not None:
            end = doc.tokens[position].start
    start, end = _trim(doc.text, open_at + 1, end, doc.lexicon.quote_marks)
    return _Quote(start, end, opened=True, closed=False, cut_at=cut)


def _closing_only(doc: _Text, floor: int, close_at: int) -> _Quote:
    """A closing mark with no opening one: the quote is the sentence that holds the mark, extended back over
    the sentences before it in the first person (the speaker's own words), never before ``floor``."""
    position = doc.token_at(close_at)
    start = floor
    if position is not None:
        s_pos = doc.tokens[position].sentence
        start = max(floor, doc.tokens[doc.sentence_range[s_pos][0]].start)
        while s_pos > 0:
            previous = doc.sentence_tokens(s_pos - 1)
            if not previous or doc.tokens[previous[0]].start < floor:
                break
            if not any(doc.tokens[p].first_person for p in previous):
                break
            s_pos -= 1
            start = doc.tokens[previous[0]].start
    start, end = _trim(doc.text, start, close_at, doc.lexicon.quote_marks)
    return _Quote(start, end, opened=False, closed=True)


# ── Cues ────────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class _Cue:
    position: int  # first token
    length: int  # tokens
    cue: SpeechCue
    part: str  # verb | participle | ambiguous | noun | attribution

    @property
    def after(self) -> int:
        return self.position + self.length


def _tokens_inside_names(doc: _Text, mentions: Sequence[Mention]) -> set[int]:
    """Positions of tokens that are part of a longer name («عبد القادر»): never cues."""
    names = list(doc.ner_names) + [(m.start, m.end) for m in mentions if m.via in NAMED]
    inside: set[int] = set()
    for start, end in names:
        tokens = doc.tokens_within(start, end)
        if len(tokens) > 1:
            inside.update(t.position for t in tokens)
    return inside


def _find_cues(doc: _Text, mentions: Sequence[Mention]) -> list[_Cue]:
    inside_names = _tokens_inside_names(doc, mentions)
    cues: list[_Cue] = []
    position = 0
    while position < len(doc.tokens):
        token = doc.tokens[position]
        if token.is_punctuation or token.position in inside_names:
            position += 1
            continue
        cue, advance = _attribution_cue(doc, position) or _word_cue(doc, position)
        if cue is not None:
            cues.append(cue)
        position += advance
    return cues


def _attribution_cue(doc: _Text, position: int) -> tuple[_Cue | None, int] | None:
    """An attribution phrase at ``position`` («وفقا لـ», «حسبما ذكرت»): its cue and how many tokens it takes,
    no cue for a parenthesis inside another verb's clause; None where no such phrase opens."""
    lexicon = doc.lexicon
    length = doc.phrase_at(position, lexicon.attributions, lexicon.longest_phrase)
    if not length:
        return None
    attribution = lexicon.attributions[_phrase_of(doc, position, length)]
    if attribution.after_comma_only and not _after_comma(doc, position):
        return None  # «كما ذكر لوكاشينكو خططا…» opens a sentence: «ذكر» is the verb
    if _parenthesis_before_complementizer(doc, position, length):
        return None, length  # «أكد صالحي، وفقا لوكالة تسنيم، أن…»: the verb's clause goes on after it
    if position + length < len(doc.tokens) and _verb_cue(doc, doc.tokens[position + length]) is not None:
        length += 1  # «حسبما ذكرت وزارة الدفاع»: the verb's subject is the source
    return _Cue(position, length, attribution, "attribution"), length


def _word_cue(doc: _Text, position: int) -> tuple[_Cue | None, int]:
    """The speech word at ``position`` (an ambiguous form, a verb, a participle, a noun) as a cue, or none:
    also none for a verb whose statement is negated, still to come or a prayer."""
    lexicon, token = doc.lexicon, doc.tokens[position]
    length = doc.phrase_at(position, lexicon.ambiguous_forms, lexicon.longest_phrase)
    if length:
        return _Cue(position, 1, lexicon.ambiguous_forms[_phrase_of(doc, position, length)], "ambiguous"), 1
    found = _verb_cue(doc, token) or _opening_verb_cue(doc, position)
    if found is None and token.bare.startswith("س") and len(token.bare) > 3 and _lookup_key(
            token.bare[1:], lexicon.verb_forms) is not None:
        return None, 1  # «سيعلن»، «ستقول»: a statement to come, not one made
    if (found is not None and _unsaid(doc, position)) or _prayer(doc, position):
        return None, 1  # «لم يقل»، «من المتوقع أن يعلن»; «داعيا الله أن يتغمد…» states nothing
    if found is not None and token.key == token.bare and _refused(doc, position):
        return None, 1  # «رفضت الوزارة نفي…»: «نفي» read as a verb, refused all the same
    if found is not None and _naming(doc, position):
        return None, 1  # «مهندس متطوع يدعى علي مطر»: «is called», not «claims»
    if found is not None and not _after_preposition(doc, position):
        return _Cue(position, 1, found, "verb"), 1
    if (cue := _lookup(token, lexicon.participles)) is not None:
        return _Cue(position, 1, cue, "participle"), 1
    if (cue := _lookup(token, lexicon.nouns)) is not None:
        return (None, 1) if _refused(doc, position) else (_Cue(position, 1, cue, "noun"), 1)
    return None, 1


def _parenthesis_before_complementizer(doc: _Text, position: int, length: int, reach: int = 6) -> bool:
    """An attribution phrase between two commas, the second right before a complementizer, after a speech
    verb's subject: a parenthesis inside that verb's clause, not a statement of its own."""
    if not _after_comma(doc, position):
        return False
    sentence_end = doc.sentence_end(position)
    for comma in range(position + length, min(sentence_end - 1, position + length + reach)):
        if doc.tokens[comma].surface.strip() in CLAUSE_PUNCTUATION:
            return _complementizer(doc.lexicon, doc.tokens[comma + 1])
    return False


def _naming(doc: _Text, position: int) -> bool:
    """A naming word («يدعى») right after an indefinite noun: the name of the one described follows
    («شاب يدعى أحمد»); after a definite subject the same letters are «claims» («يدعي الوزير أن…»)."""
    if position == 0 or doc.tokens[position].key not in doc.lexicon.naming_words:
        return False
    before = doc.tokens[position - 1]
    return before.main.upos in ("NOUN", "ADJ") and not before.is_punctuation and not _has_article(before)


def _phrase_of(doc: _Text, position: int, length: int) -> Phrase:
    tokens = doc.tokens[position : position + length]
    phrases = {**doc.lexicon.attributions, **doc.lexicon.ambiguous_forms}
    rest = tuple(t.key for t in tokens[1:])
    for first in tokens[0].keys:
        if (first, *rest) in phrases:
            return (first, *rest)
    return tuple(t.key for t in tokens)


def _lookup(token: Token, table: dict | object) -> SpeechCue | None:
    for key in token.keys:
        found = table.get(key)  # type: ignore[union-attr]
        if found is not None:
            return found
    return None


def _verb_cue(doc: _Text, token: Token) -> SpeechCue | None:
    found = _lookup(token, doc.lexicon.verb_forms)
    if found is not None:
        return found
    # The lemmatizer knows forms the lexicon does not list; trust it only on words it tags VERB.
    for word in token.words:
        if word.upos == "VERB":
            found = doc.lexicon.verb_lemmas.get(fold(word.lemma))
            if found is not None and token.bare not in doc.lexicon.nouns:
                return found
    return None


def _opening_verb_cue(doc: _Text, position: int) -> SpeechCue | None:
    """«وبين المدير العام أن…», «وعبر الوزراء عن قلقهم»: a form that is a verb only where it opens its
    sentence and its complement follows it there, a complementizer or its own preposition
    (lex:openingForm)."""
    opening, lexicon = doc.sentence_start(position), doc.lexicon
    before = doc.tokens[opening:position]
    allowed = lexicon.verb_particles | lexicon.connectives
    turn_length = doc.phrase_at(opening, lexicon.turn_markers, lexicon.longest_phrase)
    turn = bool(before) and turn_length == len(before)
    loose = any((fold(t.bare),) not in allowed and (t.key,) not in allowed for t in before)
    if not turn and (len(before) > 1 or loose):
        return None  # «وقد عبر», «ولكنه عبر», «من جهته رفع»: a particle, a connective or a turn before it
    found = _lookup(doc.tokens[position], lexicon.opening_verb_forms)
    if found is None:
        return None
    for p in range(position + 1, doc.sentence_end(position)):
        token = doc.tokens[p]
        if found.requires_complement and token.is_verb and (
                token.key != token.bare or _verb_cue(doc, token) is not None):
            return None  # «ورفعت … التجميد … وقال الوزير إن الشكر…»: the noun is another clause's
        # «رفع … الشكر»: a verb that speaks through its noun needs the noun; a complementizer is not enough
        opens = _complementizer(lexicon, token) and not found.requires_complement
        if opens or (token.key in found.complement_prepositions and not (
                doc.phrase_at(p, lexicon.not_complements, lexicon.longest_phrase))):
            return found  # «وعبر الوزراء عن قلقهم», not «عبر الوفد الحدود عن طريق المعبر»
    return None


def _complementizer(lexicon: SpeechLexicon, token: Token) -> bool:
    """«أن», «بأن», «أنه», «إنها»: a complementizer, bare or with its pronoun."""
    return token.key in lexicon.complementizers or any(
        token.key.endswith(suffix) and token.key[: -len(suffix)] in lexicon.complementizers
        for suffix in lexicon.pronoun_suffixes)


def _lookup_key(key: str, table: dict | object) -> SpeechCue | None:
    return table.get(key)  # type: ignore[union-attr]


def _unsaid(doc: _Text, position: int) -> bool:
    """Whether words right before a speech verb negate it or put it in the future («لم يقل»، «سوف يعلن»،
    «من المتوقع أن يعلن»)."""
    if _future_prefix(doc.tokens[position]):
        return True  # «ستعلن», «سيقول»: the future particle written on the verb
    sentence_first = doc.sentence_start(position)
    lexicon = doc.lexicon
    for length in range(1, lexicon.longest_phrase + 1):
        first = position - length
        if first < sentence_first:
            break
        if doc.phrase_at(first, lexicon.unsaid, lexicon.longest_phrase) == length:
            return True
    return False


def _refused(doc: _Text, position: int, reach: int = 6) -> bool:
    """«رفضت وزارة الدفاع العراقية نفي أو تأكيد الأنباء», «امتنع المتحدث عن التعليق»: a speech noun after a
    verb of refusing (lex:Refusal) and its subject, «عن» at most between, was not said."""
    first = doc.sentence_start(position)
    before = position - 1
    if before >= first and doc.tokens[before].key == "عن":
        before -= 1
    while before >= first and position - before <= reach:
        if doc.phrase_at(before, doc.lexicon.refusals, doc.lexicon.longest_phrase) == 1:
            return True
        token = doc.tokens[before]
        if token.is_punctuation or token.main.upos not in ("NOUN", "PROPN", "ADJ", "X"):
            return False
        before -= 1
    return False


def _prayer(doc: _Text, position: int) -> bool:
    """«داعيا الله أن…», «سائلا المولى عز وجل أن…»: a speech verb whose next word is the one prayed to."""
    following = position + 1
    return (following < len(doc.tokens) and doc.tokens[following].sentence == doc.tokens[position].sentence
            and doc.tokens[following].key in doc.lexicon.prayed_to)


def _future_prefix(token: Token) -> bool:
    """A present-tense verb with the future particle «سـ» written on it («ستعلن», «وسيؤكد»)."""
    words = [w for w in token.words if w.upos not in ("CCONJ",) and w.text not in ("و", "ف")]
    return (len(words) > 1 and words[0].text == "س" and words[0].upos in ("PART", "AUX", "ADV")) or any(
        "Tense=Fut" in w.feats for w in token.words)


def _after_comma(doc: _Text, position: int) -> bool:
    if position == 0 or doc.tokens[position - 1].sentence != doc.tokens[position].sentence:
        return False
    return doc.tokens[position - 1].surface.strip() in CLAUSE_PUNCTUATION + DASHES


def _after_preposition(doc: _Text, position: int) -> bool:
    """«في رأي…»: a verb never follows a preposition, so the word is a noun."""
    if position == 0 or doc.tokens[position - 1].sentence != doc.tokens[position].sentence:
        return False
    return doc.tokens[position - 1].key in doc.lexicon.prepositions


# ── Speakers ────────────────────────────────────────────────────────────────────────────────


def _rank(mention: Mention) -> int:
    """Which mention of a speaker's noun phrase is the speaker (lower is better); 99: never a speaker
    (a nisba adjective, a generic phrase, a weapon, a place that stands for nothing)."""
    if mention.via in (Via.NISBA, Via.GENERIC):
        return 99
    if mention.kind == PERSON:
        if mention.via in NAMED:
            return 0
        if mention.known_id or mention.name:
            return 1  # a post the gazetteer or the text resolves
        return 2  # a post, a pronoun, an unnamed source («مسؤول أمريكي»)
    if mention.kind == ORGANIZATION:
        return 3 if mention.via in (*NAMED, "capital") or mention.known_id else 4
    if mention.kind == STATE:
        return 5
    if mention.kind == PLACE and mention.via == "capital":
        return 6
    return 99


_Content = tuple[str, int, int, "_Quote | None"]  # what a cue's speaker said: kind, start, end, quotation


@dataclass(frozen=True)
class _ContentSearch:
    """A search for what a cue's speaker said: from token ``start`` to the sentence's end."""

    cue: _Cue
    start: int
    limit: int


@dataclass(frozen=True)
class _Decision:
    """What a content rule decided at a token: the search ends (with what was said, or nothing) or resumes."""

    content: _Content | None = None
    resume: int | None = None  # the token the search goes on from


_Introduced = tuple[int, tuple[str, ...], Mention]  # a person introduced by a role: where, role words


class _RoleKey(NamedTuple):
    """A role phrase's head noun and the modifiers that narrow it («وزير» + {«الدفاع», «الصيني»})."""

    head: str
    modifiers: frozenset[str]


@dataclass
class _PhraseWalk:
    """How far a speaker's noun phrase has been read (by _Extractor.noun_phrase), and what it has seen."""

    first: Token
    limit: int
    end: int  # the next token to decide on
    covered: int  # character offset where the last mention the phrase took ends
    name_run: bool = False  # a name the tagger and gazetteer missed is being read
    closed: bool = False  # the phrase ended on an adjective: no bare genitive follows


@dataclass(frozen=True)
class _Following:
    """The token after a noun phrase so far, with what the mentions and the NER say of it."""

    token: Token
    has_person: bool  # the phrase so far holds a named person
    opens_mention: bool
    in_name: bool

    @property
    def named(self) -> bool:
        return self.opens_mention or self.in_name


@dataclass
class _State:
    """What the extractor remembers while it reads a document in order."""

    last_speaker: Mention | None = None
    last_speaker_at: int = -1  # character offset of the last claim's cue
    last_said_end: int = -1  # character offset where the last claim's words end
    last_speaker_gender: str | None = None  # «Masc»/«Fem»: of the singular verb the last speaker spoke with
    last_group: Mention | None = None  # the parties last named together as one speaker
    last_document_issuer: Mention | None = None  # who issued the report last named with its issuer
    relay: tuple[Mention, int, int] | None = None  # outlet relaying, over this span of characters
    relay_used: bool = False  # a claim inside the relayed span took the outlet
    relay_claim: tuple | None = None  # the outlet's own claim, made if none did
    roles: list[tuple[int, tuple[str, ...], Mention]] = field(default_factory=list)  # introduced by role


class _Extractor:
    def __init__(self, annotated: AnnotatedDocument, mentions: Sequence[Mention], lexicon: SpeechLexicon):
        self.doc = _Text(annotated, lexicon)
        self.lexicon = lexicon
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self.mention_starts = [m.start for m in self.mentions]
        self.state = _State()
        self.claims: list[Claim] = []
        self.claimed_spans: list[tuple[int, int]] = []
        self.used_tokens: set[int] = set()
        self.cues = _find_cues(self.doc, self.mentions)
        verb_offsets = [
            self.doc.tokens[c.position].start for c in self.cues if c.part in ("verb", "ambiguous")
        ]
        self.quotes = [q for q in _find_quotes(self.doc, verb_offsets) if not self._name_in_marks(q)]
        self.state.roles = self._introduced_roles()
        # words that are never part of a name beside a post: prepositions, adverbs, pronouns, complementizers
        self.not_name_words = (lexicon.prepositions | lexicon.adverbials | lexicon.not_names
                               | lexicon.complementizers)

    # ── noun phrases and mentions ──

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        # mentions are sorted by start and short: look back a bounded stretch for ones that began earlier
        first = bisect.bisect_left(self.mention_starts, start - MAX_MENTION_CHARS)
        last = bisect.bisect_left(self.mention_starts, end)
        return [m for m in self.mentions[first:last] if m.start < end and m.end > start]

    def starting_in(self, start: int, end: int) -> list[Mention]:
        """The mentions that start in [start, end)."""
        return self.mentions[
            bisect.bisect_left(self.mention_starts, start) : bisect.bisect_left(self.mention_starts, end)
        ]

    def _starts_mention(self, token: Token) -> bool:
        first = bisect.bisect_left(self.mention_starts, token.start)
        last = bisect.bisect_left(self.mention_starts, token.end)
        return any(m.kind in (*SPEAKER_KINDS, PLACE) for m in self.mentions[first:last])

    def _noun_key(self, token: Token) -> str:
        """The token as a noun: without conjunction, preposition clitic and article. A leading و is kept
        when the whole word is a noun the lexicon knows («وزارة», «وكالة»)."""
        whole = strip_article(token.key)
        if whole in self.lexicon.speaker_nouns or (whole,) in self.lexicon.outlet_nouns:
            return whole
        key = token.bare
        if token.clitic_preposition and len(key) > 3:
            key = key[1:]
            if key.startswith("ل") and len(key) > 3:  # «للرئيس» = ل + الرئيس
                key = "ال" + key[1:]
        return strip_article(key)

    def _noun_keys(self, token: Token) -> tuple[str, str]:
        """The token as a noun, clitics taken off, and as written less its article: keys of noun tables."""
        return self._noun_key(token), strip_article(token.key)

    def _is_speaker_noun(self, token: Token) -> bool:
        return any(key in self.lexicon.speaker_nouns for key in self._noun_keys(token))

    def _is_nominal(self, token: Token) -> bool:
        if token.is_punctuation or token.key in self.lexicon.complementizers:
            return False
        if token.key in self.lexicon.prepositions or token.key in self.lexicon.adverbials:
            # «علي أكبر صالحي»: folded, «علي» is the preposition «على»; a person's longer name opens there
            return any(m.kind == PERSON and m.via in NAMED and m.end > token.end
                       for m in self.starting_in(token.start, token.end))
        if self._starts_mention(token) or self._is_speaker_noun(token):
            return True
        if any(w.ner != "O" for w in token.words):
            return True  # part of a name the NER model found («فيصل بن فرحان», whatever the tagger says)
        if _lookup(token, self.lexicon.verb_forms) is not None and token.main.upos != "NOUN":
            return False
        return token.main.upos in ("NOUN", "PROPN", "ADJ", "X", "NUM")

    def _unresolved_subject(self, cue: _Cue) -> bool:
        """Whether the verb has a subject of its own that names no speaker kg knows: a definite noun or a
        proper noun right after it («وأكدت المعلمة أن…»). An indefinite noun there is an object
        («وأكد أهمية…»), a preposition or a complementizer begins the rest of the clause."""
        limit = self.doc.sentence_end(cue.position)
        position = self._skip_adverbials(cue.after, limit)
        if position >= limit:
            return False
        token = self.doc.tokens[position]
        if token.key in DETACHED_PREPOSITIONS:
            return False  # «وقال لـ"الوطن": إن…»: the outlet spoken to; the subject is dropped
        if token.key in self.lexicon.document_nouns:
            return True  # «وأفادت دراسة أن…»: a document whose issuer kg cannot name
        if token.bare in self.lexicon.quantifiers:
            return True  # «وانتقد عدد من المغردين القرار»: a subject of its own, unnamed
        if not self._is_nominal(token) or token.clitic_preposition or self._joined_preposition(token):
            return False
        if cue.cue.addresses and strip_article(token.bare) in self.lexicon.addressees:
            return False  # «ودعا الشعب اليمني إلى…»: the one called on; the subject is dropped
        definite = strip_article(token.bare) != token.bare
        if not (cue.cue.takes_object or cue.cue.addresses) and self._indefinite_nominative(token):
            return True  # «وقالت جماعة أخرى إنها…»: a verb that takes no noun object has it as its subject
        return definite or token.main.upos == "PROPN" or self._construct_subject(cue, position, limit)

    @staticmethod
    def _indefinite_nominative(token: Token) -> bool:
        """An indefinite common noun in the nominative as the tagger reads it («جماعة», «شاهد»), no part of a
        name the NER model found."""
        word = token.main
        return word.upos == "NOUN" and "Definite=Ind" in word.feats and "Case=Nom" in word.feats and all(
            w.ner == "O" for w in token.words)

    def _construct_subject(self, cue: _Cue, position: int, limit: int, reach: int = 4) -> bool:
        """«حيث رحب حرس الشرف العسكري بالزعيمين»: after a verb that takes no noun object and calls on no one,
        an indefinite noun in construct with a definite one, right before the preposition the verb governs,
        is the verb's own subject, not an object."""
        doc, prepositions = self.doc, cue.cue.complement_prepositions
        if cue.cue.takes_object or cue.cue.addresses or not prepositions or position + 1 >= limit:
            return False
        following = doc.tokens[position + 1]
        if strip_article(following.bare) == following.bare or following.clitic_preposition:
            return False
        end = position + 2
        while end < min(limit, position + 2 + reach) and not doc.tokens[end].clitic_preposition and (
                doc.tokens[end].key not in prepositions) and doc.tokens[end].main.upos == "ADJ":
            end += 1
        governed = doc.tokens[end] if end < limit else None
        return governed is not None and (governed.key in prepositions or (
            governed.clitic_preposition and governed.key[0] in prepositions))

    def _addressed(self, token: Token) -> bool:
        """«لرويترز»، «للصحفيين»، «لوكالة»: ل before the people or outlet a statement is made to."""
        key = token.bare
        if not key.startswith("ل") or len(key) < 4:
            return False
        rest = "ال" + key[2:] if key.startswith("لل") else key[1:]
        return strip_article(rest) in self.lexicon.addressees

    def _clitic_is_preposition(self, token: Token, cue: _Cue | None) -> bool:
        """Whether the ل/ب Stanza split off a token is a preposition («لنظيره», «ببيلاروس») or the first
        letter of a name («لوكاشينكو», «لافروف»): names the NER model tags as persons keep it."""
        if self._joined_preposition(token):
            return True
        if not token.clitic_preposition:
            return False
        key = token.bare
        if key.startswith(("لل", "بال", "بب", "كال")):
            return True
        if cue is not None and key[0] in {p for p in cue.cue.complement_prepositions if len(p) == 1}:
            return True  # «وأشاد ببيلاروس», «ووعد بأسلحة»
        return not any(w.ner.endswith("PER") for w in token.words)

    def _joined_preposition(self, token: Token) -> bool:
        """«وقال لفرانس برس إن…»: ل or ب the tokenizer left on a name, which the name's mention starts after;
        the name is governed by the preposition (the people or outlet spoken to), never the verb's subject."""
        opening = len(token.key) - len(token.bare)  # a conjunction before the preposition
        if token.bare[:1] not in ("ل", "ب"):
            return False
        return any(m.start == token.start + opening + 1 and m.via in NAMED
                   for m in self.starting_in(token.start, token.end))

    def noun_phrase(
        self, position: int, limit: int, allow_preposition: bool = False, cue: _Cue | None = None
    ) -> tuple[int, int] | None:
        """The noun phrase that starts at ``position`` (before ``limit``): tokens of its mentions, adjectives,
        genitives, «باسم X», and, until it holds a named person, «لـ X», «لدى X», «في X»."""
        if position >= limit:
            return None
        first = self.doc.tokens[position]
        if not allow_preposition and self._clitic_is_preposition(first, cue):
            return None
        if first.key in DETACHED_PREPOSITIONS:
            return None  # «وقال لـ"الوطن": إن…»: «لـ» written apart opens the outlet, not a speaker
        if not self._is_nominal(first) and not (allow_preposition and first.clitic_preposition):
            return None
        covered = max((m.end for m in self.starting_in(first.start, first.end)), default=first.end)
        walk = _PhraseWalk(first, limit, position + 1, covered, closed=first.main.upos == "ADJ")
        while walk.end < limit:
            step = self._phrase_step(walk, position)
            if not step:
                break
            walk.end += step
        return position, walk.end

    def _phrase_step(self, walk: _PhraseWalk, position: int) -> int:
        """How many tokens the phrase takes at ``walk.end``: 0 where it ends."""
        token = self.doc.tokens[walk.end]
        if token.start < walk.covered:  # inside a mention that started earlier
            return 1
        if walk.end - position >= MAX_SPEAKER_PHRASE:
            return 0
        after = self.doc.tokens[walk.end - 1]
        following = _Following(
            token,
            has_person=any(
                m.kind == PERSON and m.via in NAMED for m in self.mentions_in(walk.first.start, after.end)
            ),
            opens_mention=self._starts_mention(token),
            in_name=any(start < token.end and stop > token.start for start, stop in self.doc.ner_names),
        )
        marked = self._marked_name(walk)
        if marked:
            return marked
        for rule in (self._phrase_words, self._phrase_prepositions, self._phrase_after_name):
            step = rule(walk, following)
            if step is not None:
                return step
        return self._phrase_grammar(walk, following)

    def _marked_name(self, walk: _PhraseWalk) -> int:
        """«رئيس حزب «القوات اللبنانية» الدكتور سمير جعجع», «رئيس حركة "النهضة" راشد الغنوشي»: a short name in
        quotation marks right after a body's noun names it, and the phrase goes on after the closing mark.
        The tokens up to that mark, or 0."""
        doc, marks = self.doc, self.lexicon.quote_marks
        start = walk.end
        # «المستشار القانوني لـ«الجيش السوري الحر» أسامة أبو زيد»: «لـ» written apart governs the name
        governed = doc.tokens[start].key in DETACHED_PREPOSITIONS and start + 1 < walk.limit
        start += governed
        if doc.tokens[start].surface.strip() not in marks:
            return 0
        # the closing mark of a name the phrase already took in (a mention that began at its opening mark)
        taken = [t for t in doc.tokens[max(walk.first.position, walk.end - MAX_MARKED_NAME - 1): walk.end]
                 if t.surface.strip() in marks]
        if len(taken) % 2 == 1 and not governed:
            return 1
        if not governed and self._speaker_noun_kind(doc.tokens[walk.end - 1]) != ORGANIZATION:
            return 0  # «قال الوزير "الوضع صعب"»: after a person, marks open what was said
        for last in range(start + 2, min(start + MAX_MARKED_NAME + 2, walk.limit)):
            token = doc.tokens[last]
            if token.surface.strip() in marks:
                # taken only where the phrase goes on («… راشد الغنوشي»); a name in marks that ends the
                # phrase is the body's own name (_named_after)
                after = doc.tokens[last + 1] if last + 1 < walk.limit else None
                goes_on = after is not None and self._is_nominal(after) and not after.is_punctuation and (
                    after.key not in self.lexicon.complementizers)
                return last + 1 - walk.end if goes_on else 0
            if (token.is_punctuation or token.is_verb or token.key in self.lexicon.complementizers
                    or self._cue_at(last) is not None):
                return 0
        return 0

    def _phrase_words(self, walk: _PhraseWalk, following: _Following) -> int | None:
        """Words of the lexicons: role words go in, a speech noun or cue ends the phrase, an honorific goes in
        whole; a name ends it."""
        token = following.token
        if _complementizer(self.lexicon, token):
            return 0  # «واضاف المجلس انه…»: what was said begins (unhamzated, «انه» may be tagged a noun)
        if token.key in ON_BEHALF_OF or self._noun_key(token) in GENERIC_ROLE_WORDS:
            return 1
        if _lookup(token, self.lexicon.nouns) is not None or self._cue_at(walk.end) is not None:
            return 0  # «عن مسؤول أمريكي قوله»: the speech noun is not part of the speaker
        honorific = self.doc.phrase_at(walk.end, self.lexicon.honorifics, self.lexicon.longest_phrase)
        if honorific and not following.has_person:
            return honorific  # «وزير الخارجية السعودي الأمير فيصل بن فرحان»
        if following.has_person and not following.named:
            return 0  # «ذكر لوكاشينكو خططا…»: a name ends its phrase
        return None

    def _phrase_prepositions(self, walk: _PhraseWalk, following: _Following) -> int | None:
        """«لدى X», «في X» go in until a person is named, unless they open the occasion; the people spoken to
        and a clitic preposition other than «لـ» end the phrase."""
        token = following.token
        if token.key in ("لدي", "في"):
            if self.doc.phrase_at(walk.end, self.lexicon.claim_boundaries, self.lexicon.longest_phrase):
                return 0  # «رئيس الدولة في مؤتمر حكومي»: the occasion, not the post
            if self._after_time_phrase(walk.end, walk.limit) > walk.end:
                return 0  # «وأكد الوزير في الأسبوع الماضي أهمية…»: when he spoke, not who he is
            if not following.has_person:
                nominal_next = walk.end + 1 < walk.limit and self._is_nominal(self.doc.tokens[walk.end + 1])
                return 1 if nominal_next else 0
        if self._addressed(token) or self._outlet_spoken_to(walk.end):
            return 0  # «قال مسؤول أمريكي لرويترز»: the outlet or the people spoken to
        return None

    def _phrase_after_name(self, walk: _PhraseWalk, following: _Following) -> int | None:
        """After a person's name only more of a name goes in; «لـ X» goes in until a person is named."""
        token, doc = following.token, self.doc
        ends_person = any(
            _rank(m) < 99 and m.end == doc.tokens[walk.end - 1].end
            for m in self.mentions_in(walk.first.start, token.start)
        )
        if (ends_person or walk.name_run) and not following.opens_mention:
            if (token.main.upos == "PROPN" or following.in_name) and not token.clitic_preposition:
                walk.name_run = True  # «الرئيس التونسي قيس سعيد»: a name the tagger and gazetteer missed
                return 1
            return 0  # «تأكيد الزعيم البيلاروسي نقل الأسلحة»: the post ends the speaker's phrase
        if token.clitic_preposition and token.key.startswith("ل") and not following.has_person:
            walk.covered = max((m.end for m in self.starting_in(token.start, token.end)), default=token.end)
            return 1
        if token.clitic_preposition and not token.key.startswith("ل") and not following.named:
            return 0  # «هدد الحوثيون باستهداف…»: a prepositional phrase is the content, not the speaker
        return None

    def _phrase_grammar(self, walk: _PhraseWalk, following: _Following) -> int:
        """The rest by grammar: a second conjoined speaker, punctuation, a verb or a noun that cannot be the
        phrase's genitive end it; anything else nominal goes in."""
        token, doc = following.token, self.doc
        conjoined = token.split_conjunction or bool(self.starting_in(token.start + 1, token.start + 2))
        if conjoined and following.opens_mention and any(
            _rank(m) < 99 for m in self.mentions_in(walk.first.start, doc.tokens[walk.end - 1].end)
        ):
            return 0  # «الصين والبرازيل»: two speakers, not one
        if token.split_conjunction and not (following.named or self._is_speaker_noun(token)):
            return 0
        if token.is_punctuation or not self._is_nominal(token):
            return 0
        if token.main.upos == "VERB" and not following.named:
            return 0
        name_like = following.named or token.main.upos == "PROPN"
        if not name_like and (self._takes_no_genitive(walk, token) or self._agrees_with_none(walk, token)):
            return 0
        if following.opens_mention:
            walk.covered = max(m.end for m in self.starting_in(token.start, token.end))
        walk.closed = (token.main.upos == "ADJ" and not name_like) or (
            following.opens_mention
            and all(m.via == Via.NISBA for m in self.starting_in(token.start, token.end))
        )
        return 1

    def _agrees_with_none(self, walk: _PhraseWalk, token: Token) -> bool:
        """«طالبت الحكومة المجتمع الدولي بـ…»: a singular adjective agrees in gender with a singular noun of
        its phrase; one that agrees with none (the tagger's «المجتمع») opens the verb's object."""
        gender = feature(token.main, "Gender")
        if token.main.upos != "ADJ" or feature(token.main, "Number") != "Sing" or not gender:
            return False
        phrase = self.doc.tokens[walk.first.position:walk.end]
        nouns = [t.main for t in phrase if t.main.upos in ("NOUN", "PROPN")]
        singular = [w for w in nouns if feature(w, "Number") == "Sing" and feature(w, "Gender")]
        return bool(singular) and len(singular) == len(nouns) and all(
            feature(w, "Gender") != gender for w in singular)

    def _takes_no_genitive(self, walk: _PhraseWalk, token: Token) -> bool:
        """«الشرطة الفرنسية توقيف…»: after its adjective a noun phrase takes no bare genitive; «حث الجيش
        المواطنين على…»: a noun with the article takes no genitive with the article (that is the object)."""
        if walk.closed and not token.bare.startswith("ال"):
            return True
        previous = self.doc.tokens[walk.end - 1]
        if (token.main.upos == "NOUN" and not token.bare.startswith("ال") and previous.bare.startswith("ال")
                and (previous.key,) not in self.lexicon.honorifics and not token.clitic_preposition
                and all(w.ner == "O" for w in token.words) and not self._starts_mention(token)):
            return True  # «وأكد الوزير حاجة الدول…»: a noun with the article takes no genitive without it
        return (token.main.upos == "NOUN" and token.bare.startswith("ال")
                and previous.main.upos == "NOUN" and previous.bare.startswith("ال")
                and not self.starting_in(previous.start, previous.end))

    def _np_span(self, np: tuple[int, int]) -> tuple[int, int]:
        return self.doc.tokens[np[0]].start, self.doc.tokens[np[1] - 1].end

    def speaker_in(self, np: tuple[int, int]) -> Mention | None:
        """The speaker a noun phrase names: its best mention, else the phrase itself when its head is a
        speaker noun of the lexicon."""
        start, end = self._np_span(np)
        head = self.doc.tokens[np[0]]
        named = self._name_before_role(np) or self._people_of_a_state(np)
        if named is not None:
            return named
        candidates = self._speaker_candidates(head, start, end)
        if candidates:
            return self._speaker_among(candidates, np, start, end)
        return self._speaker_by_noun(np, head, start, end)

    def _people_of_a_state(self, np: tuple[int, int]) -> Mention | None:
        """«يقول الإسرائيليون إن…»: a definite plural nisba standing alone as the subject is its state
        speaking (an adjective, «المسؤولون الإسرائيليون», qualifies the noun before it)."""
        if np[1] - np[0] != 1:
            return None
        token = self.doc.tokens[np[0]]
        plural = fold(token.bare).endswith(("يون", "يين"))
        nisba = [m for m in self.mentions_in(token.start, token.end)
                 if m.via == Via.NISBA and m.kind == STATE]
        return nisba[0] if plural and _has_article(token) and len(nisba) == 1 else None

    def _name_before_role(self, np: tuple[int, int]) -> Mention | None:
        """«وأشار رأفت الصباغ المتحدث الرسمي للمركز»: words no mention covers before a person's speaker noun
        are that person's name, in apposition with the role."""
        doc, closed = self.doc, self.lexicon.adverbials | self.lexicon.not_names
        for p in range(np[0], min(np[1], np[0] + 4)):
            token = doc.tokens[p]
            if self.lexicon.speaker_nouns.get(self._noun_key(token)) == PERSON:
                names = doc.tokens[np[0]:p]
                break
            if token.is_punctuation or token.key in closed or self.mentions_in(token.start, token.end):
                return None
        else:
            return None
        if not names or names[0].key.startswith("ال"):
            return None
        if not all(t.main.upos in ("PROPN", "NOUN", "X") for t in names):
            return None
        if any((t.key,) in self.lexicon.honorifics for t in names):
            return None  # «جلالة الملك»، «معالي الوزير»: a title, no name
        return _untagged_name(doc, names)

    def _speaker_candidates(self, head: Token, start: int, end: int) -> list[Mention]:
        """The mentions of a phrase that may speak; under a speaker noun, only the body named after it."""
        candidates = [m for m in self.mentions_in(start, end) if _rank(m) < 99]
        head_kind = self.lexicon.speaker_nouns.get(self._noun_key(head))
        if (
            candidates
            and head_kind is not None
            and not any(m.kind == PERSON for m in candidates)
            and not any(m.start <= head.start < m.end for m in candidates)
        ):
            # «أمين عام الناتو»، «السفارة الأمريكية في بيروت»: the post or body speaks; but a body's own name
            # right after its noun is that body («شركة أرامكو»، «نادي الهلال»)
            named = next((m for m in candidates if head_kind == ORGANIZATION and m.kind == ORGANIZATION
                          and m.via in NAMED and (head.end < m.start <= head.end + 1
                                                  or m.known_id and self._unit_of(head, m))), None)
            return [named] if named is not None else []
        return candidates

    def _unit_of(self, head: Token, body: Mention) -> bool:
        """«المكتب الإعلامي لحركة حماس», «المركز الإعلامي للمقاومة الشعبية»: a body noun and its adjectives
        before a known body its «لـ» governs name a unit of that body, which speaks for it."""
        doc = self.doc
        at = doc.token_at(body.start)
        first = doc.token_at(head.start)
        if at is None or first is None or at <= first or not doc.tokens[at].clitic_preposition:
            return False
        return doc.tokens[at].key.startswith("ل") and all(
            t.main.upos == "ADJ" for t in doc.tokens[first + 1:at])

    def _speaker_among(self, candidates: list[Mention], np: tuple[int, int], start: int, end: int) -> Mention:
        """The best of a phrase's mentions as the speaker, a role resolved to its holder where it can be."""
        candidates = self._before_addressee(candidates, np)
        best = self._whole_name(self._best_candidate(candidates, self.doc.tokens[np[0]]), start, end)
        if best.via == Via.ROLE and best.kind == PERSON:
            name = self._name_after(best, np)
            if name is not None:
                return replace(name, post=best.text)
        if best.via in NAMED and self._names_a_post(best):
            best = replace(best, via=Via.ROLE)  # the NER model took «للرئيس» for a name
        resolved = self._resolve_role(best, np)
        unnamed = not (resolved.name or resolved.known_id)
        if resolved.via == Via.ROLE and resolved.kind == PERSON and unnamed:
            return self._named_after(np) or self._represented_body(resolved, candidates) or resolved
        return self._with_post(resolved, np)

    def _before_addressee(self, candidates: list[Mention], np: tuple[int, int]) -> list[Mention]:
        """«قالت دول الخليج العربية لوزير الخارجية الأميركي جون كيري إن…»: «لـ» on a word after a named
        subject opens the one spoken to, who is not the speaker; a post's own «لـ» («المتحدث الرسمي
        لوزارة الخارجية») follows no name."""
        doc = self.doc
        for position in range(np[0] + 1, np[1]):
            token = doc.tokens[position]
            if token.clitic_preposition and fold(token.words[0].text) == "ل":
                before = [m for m in candidates if m.end <= token.start]
                return before if any(m.via in NAMED for m in before) else candidates
        return candidates

    def _with_post(self, speaker: Mention, np: tuple[int, int]) -> Mention:
        """«وزير التعليم الدكتور عزام الدخيل»: a name after a post in the speaker's phrase keeps the post as
        written («وزير التعليم»), a form the person is known by. Honorifics before the name are not part of
        it."""
        if speaker.kind != PERSON or speaker.post or speaker.via not in NAMED:
            return speaker
        head = self.doc.tokens[np[0]]
        if head.end > speaker.start or self.lexicon.speaker_nouns.get(self._noun_key(head)) != PERSON:
            return speaker
        words = self._post_words([t for t in self.doc.tokens[np[0]:np[1]] if t.end <= speaker.start])
        if not words or any(t.is_punctuation for t in words):
            return speaker  # «رئيس الوزراء، ونائبه فلان»: not one phrase
        start = words[0].start + (1 if head.clitic_preposition else 0)
        return replace(speaker, post=self.doc.text[start:words[-1].end])

    @staticmethod
    def _best_candidate(candidates: list[Mention], head: Token) -> Mention:
        """The highest-ranked mention, first in the text; but a proper name takes no genitive: one that opens
        the phrase ends the speaker there, and a name after it is the verb's object («دعت باكستان مجلس الأمن
        إلى…»)."""
        opening = next((m for m in candidates if m.via in NAMED and m.kind != PERSON
                        and m.start <= head.start + 2 and m.start < m.end <= head.end), None)
        if opening is not None and any(m.start >= opening.end for m in candidates):
            return opening
        return min(candidates, key=lambda m: (_rank(m), m.start))

    def _speaker_by_noun(self, np: tuple[int, int], head: Token, start: int, end: int) -> Mention | None:
        """A phrase without a mention that may speak: the phrase itself when its head is a speaker noun
        («المتحدث باسم الجيش»), else a surname or a name the NER missed."""
        kind = self._speaker_noun_kind(head)
        if kind is None:
            return self._surname(np) or self._unknown_name(np)
        named = self._name_after_nisba(np) or self._name_closing_post(np) if kind == PERSON else None
        if named is not None:
            return named
        text_start, text_end = _trim(self.doc.text, start, end, self.lexicon.quote_marks)
        name = None
        if head.clitic_preposition and head.bare.startswith("لل"):
            # «للجيش الإسرائيلي» = ل + الجيش: the article's alef is not written, so no substring names it
            name = "ال" + self.doc.text[text_start + 2 : text_end]
        elif head.clitic_preposition:
            text_start += 1
        role = Mention(text=self.doc.text[text_start:text_end], start=text_start, end=text_end,
                       sentence=self.doc.sentence_index(head.sentence), kind=kind, via=Via.ROLE, name=name)
        resolved = self._resolve_role(role, np)
        if resolved.via == Via.ROLE and not (resolved.name or resolved.known_id):
            named = (self._named_after(np, resolved.kind) or self._body_spoken_for(np)
                     or self._institution_named(np, resolved))
            if named is None and (self._is_source_noun(head) or self._is_outlet_noun(head)):
                # «مصدر مطلع», «خبراء»: a source the text does not name speaks for the state it is tied to
                # (its affiliation), else for no one; it is no post with a holder. An outlet the text does
                # not name («وقالت الصحيفة») reports on its own authority: no one's statement (ANNOTATION.md)
                return replace(resolved, via=Via.ANONYMOUS)
            return named or resolved
        return resolved

    def _name_after_nisba(self, np: tuple[int, int]) -> Mention | None:
        """«وزير الداخلية التونسي ناجم الغرسلي»: after a post closed by its state's nisba, two to four words
        no mention covers, to the phrase's end, are its holder's name, whatever the tagger reads."""
        doc = self.doc
        nisba_ends = [p for p in range(np[0] + 1, np[1]) if any(
            m.via == Via.NISBA for m in self.mentions_in(doc.tokens[p].start, doc.tokens[p].end))]
        if not nisba_ends:
            return None
        names = list(doc.tokens[nisba_ends[-1] + 1: np[1]])
        while names and names[-1].is_punctuation:
            names.pop()  # «…، قد أقر»: the comma closing the apposition
        while names and (names[0].key,) in self.lexicon.honorifics:
            names = names[1:]
        if not 2 <= len(names) <= 4 or not self._could_be_untagged_name(names, ("NOUN", "PROPN", "X", "ADJ")):
            return None
        return _untagged_name(doc, names)

    def _could_be_untagged_name(self, names: Sequence[Token], tags: tuple[str, ...]) -> bool:
        """Words that may be a name the NER missed: no article on the first, each a word of those tags that
        no mention covers and no speaker noun."""
        return not names[0].bare.startswith("ال") and not any(
            t.is_punctuation or self._is_speaker_noun(t) or self.mentions_in(t.start, t.end)
            or t.main.upos not in tags for t in names)

    def _is_source_noun(self, head: Token) -> bool:
        return any(key in self.lexicon.source_nouns for key in self._noun_keys(head))

    def _institution_named(self, np: tuple[int, int], role: Mention) -> Mention | None:
        """«معهد واشنطن للشرق الأدنى», «مركز كارنيجي للسلام»: a body's noun in construct with a proper name
        is that institution, by the whole phrase, whether or not the gazetteer or the NER knows it."""
        doc = self.doc
        head = doc.tokens[np[0]]
        if role.kind != ORGANIZATION or np[1] - np[0] < 2:
            return None
        named_last = self._name_closing_body(np)
        if named_last is not None or head.key.startswith("ال"):
            return named_last
        name = doc.tokens[np[0] + 1]
        tagged = name.main.upos == "PROPN" or any(w.ner != "O" for w in name.words)
        if not (tagged or self._starts_mention(name)):
            return None
        return replace(role, via=Via.NER, name=None)

    def _name_closing_body(self, np: tuple[int, int]) -> Mention | None:
        """«شركة الطيران منخفض التكلفة فلاي دبي»: proper nouns without the article that close a body's phrase,
        after the words that describe it, are the body's name."""
        doc = self.doc
        words = doc.tokens[np[0] + 1:np[1]]
        run = list(itertools.takewhile(lambda t: t.main.upos == "PROPN" and not t.bare.startswith("ال"),
                                       reversed(words)))[::-1]
        if not run or len(run) == len(words) or len(run) > 3:
            return None
        return Mention(text=doc.text[run[0].start:run[-1].end], start=run[0].start, end=run[-1].end,
                       sentence=doc.sentence_index(run[0].sentence), kind=ORGANIZATION, via=Via.NER)

    def _body_spoken_for(self, np: tuple[int, int]) -> Mention | None:
        """«الناطق باسم شبكة الجزيرة الإعلامية»: a body named after «باسم» by its noun and a name is the one
        who speaks, known to the gazetteer or not."""
        doc = self.doc
        at = next((p for p in range(np[0], np[1]) if doc.tokens[p].key in ON_BEHALF_OF), None)
        if at is None or np[1] - at < 3:
            return None  # «باسم الوزارة»: a body's noun alone names no body the graph can hold
        head = doc.tokens[at + 1]
        if self.lexicon.speaker_nouns.get(self._noun_key(head)) != ORGANIZATION:
            return None
        first, last = head, doc.tokens[np[1] - 1]
        return Mention(text=doc.text[first.start:last.end], start=first.start, end=last.end,
                       sentence=doc.sentence_index(first.sentence), kind=ORGANIZATION, via=Via.NER)

    def _is_outlet_noun(self, head: Token) -> bool:
        return self._noun_key(head) in {p[0] for p in self.lexicon.outlet_nouns}

    def _speaker_noun_kind(self, head: Token) -> str | None:
        """The kind of speaker a phrase's head noun names («المتحدث» a person, «الوزارة» a body), if any."""
        kind = self.lexicon.speaker_nouns.get(self._noun_key(head)) or self.lexicon.speaker_nouns.get(
            strip_article(head.key)
        )
        if kind is None and self._is_outlet_noun(head):
            kind = ORGANIZATION  # «أفاد التلفزيون الرسمي السوري بأن…»
        return kind

    def _named_after(self, np: tuple[int, int], kind: str = PERSON) -> Mention | None:
        """The name right after an unnamed post or body, in apposition: «المتحدث باسمه دميتري بيسكوف»
        (the pronoun ends the post's phrase before the name), «شركة "روس أوبورون إكسبورت"» (a body's name
        in quotation marks)."""
        doc = self.doc
        position, limit = np[1], doc.sentence_end(np[0])
        marked = position < limit and doc.tokens[position].surface.strip() in self.lexicon.quote_marks
        if marked:
            position += 1  # the opening mark, a token of its own
        if position >= limit or (kind != PERSON and not marked):
            return None
        token = doc.tokens[position]
        named = [m for m in self.starting_in(token.start - 1, token.end) if m.kind == kind and m.via in NAMED]
        return named[0] if named else None

    def _represented_body(self, role: Mention, candidates: Sequence[Mention]) -> Mention | None:
        """The body an unnamed spokesperson speaks for («المتحدث باسم البنتاغون»، «ناطق باسم الجيش»): with
        no person named, what the spokesperson says, the body says."""
        tokens = self.doc.tokens_within(role.start, role.end)
        for i, token in enumerate(tokens[:-1]):
            if token.key not in ON_BEHALF_OF:
                continue
            after = tokens[i + 1].start
            bodies = [
                m for m in candidates
                if m.kind in (ORGANIZATION, STATE) and m.via != "anonymous" and after <= m.start < role.end
            ]
            if bodies:
                return min(bodies, key=lambda m: m.start)
        return None

    def _name_after(self, role: Mention, np: tuple[int, int]) -> Mention | None:
        """The name after a post that no mention covers («الرئيس التونسي قيس سعيد»)."""
        doc = self.doc
        names: list[Token] = []
        uncovered = False
        for p in range(np[0], np[1]):
            token = doc.tokens[p]
            if token.start < role.end:
                continue
            covering = self.mentions_in(token.start, token.end)
            person = any(m.kind == PERSON for m in covering)
            # «السفير اليمني لدى لبنان»: a state or a body where the post serves is no name
            other = not person and any(m.kind in (STATE, ORGANIZATION, PLACE) for m in covering)
            if other or not (person or token.main.upos == "PROPN" or any(w.ner != "O" for w in token.words)):
                if names:
                    break
                continue
            names.append(token)
            uncovered = uncovered or not person
        if not names or not uncovered or len(names) > 4:
            return None
        return _untagged_name(doc, names)

    def _name_closing_post(self, np: tuple[int, int]) -> Mention | None:
        """«المتحدث الرسمي للمركز رأفت الصباغ»: the NER missed the name that closes a post. After a definite
        word (its article written), a noun without one is not of the same phrase (a definite noun takes no
        genitive): two or three such words to the phrase's end, none a post, rank or adjective, are the
        holder's name; the post stays on it."""
        doc = self.doc
        tokens = doc.tokens[np[0]:np[1]]
        for i in range(1, len(tokens) - 1):
            names = tokens[i:]
            if not _has_article(tokens[i - 1]) or _has_article(names[0]) or len(names) > 3:
                continue
            if all(self._may_be_name_word(t) for t in names) and not names[0].ta_marbuta:
                opening = tokens[0].start + (1 if tokens[0].clitic_preposition else 0)
                return replace(_untagged_name(doc, names), post=doc.text[opening:tokens[i - 1].end])
            return None
        return None

    def _may_be_name_word(self, token: Token) -> bool:
        return (token.main.upos in ("NOUN", "PROPN", "X") and not token.clitic_preposition
                and not any(ch.isdigit() for ch in token.surface)
                and (token.key,) not in self.lexicon.honorifics
                and self._noun_key(token) not in self.lexicon.speaker_nouns)

    def _whole_name(self, mention: Mention, start: int, end: int) -> Mention:
        """A NER mention cut shorter than the NER span it came from («فرحان» of «فيصل بن فرحان») gets the
        span back, within the speaker's phrase."""
        if mention.via != "ner":
            return mention
        for span_start, span_end in self.doc.ner_names:
            if start <= span_start <= mention.start and mention.end <= span_end <= end:
                if (span_start, span_end) != (mention.start, mention.end):
                    return replace(
                        mention, text=self.doc.text[span_start:span_end], start=span_start, end=span_end
                    )
        return mention

    def _names_a_post(self, mention: Mention) -> bool:
        words = [self._noun_key(t) for t in self.doc.tokens_within(mention.start, mention.end)]
        return len(words) == 1 and words[0] in self.lexicon.speaker_nouns

    def _surname(self, np: tuple[int, int]) -> Mention | None:
        """«وأكد السيسي» after «عبد الفتاح السيسي»: the last word of a person named before, by the entity
        extractor or as a speaker whose name the NER missed («وأفاد الصباغ» after «رأفت الصباغ»)."""
        doc = self.doc
        head = doc.tokens[np[0]]
        people = [m for m in self.mentions if m.kind == PERSON and m.end <= head.start]
        people += [c.speaker for c in self.claims if c.speaker.kind == PERSON and c.speaker.end <= head.start]
        for mention in sorted(people, key=lambda m: m.end, reverse=True):
            words = fold(mention.name or mention.text).split()
            if len(words) > 1 and head.bare == words[-1]:
                return Mention(
                    text=head.surface if head.key == head.bare else head.surface[1:],
                    start=head.start if head.key == head.bare else head.start + 1,
                    end=head.end,
                    sentence=doc.sentence_index(head.sentence),
                    kind=PERSON,
                    known_id=mention.known_id,
                    via="ner",
                    name=mention.name or mention.text,
                )
        return None

    def _surname_named_below(self, np: tuple[int, int]) -> Mention | None:
        """«الباشا: معسكر فلنسيه ناجح» over «اكد رئيس الخليج فوزي الباشا…»: a headline calls by their family
        name the person the paragraph below it names in full."""
        doc = self.doc
        head = doc.tokens[np[0]]
        if np[1] - np[0] != 1:
            return None
        below = doc.paragraph_of(head.start)[1]
        lead_end = doc.paragraph_of(below + 2)[1] if below + 2 < len(doc.text) else below
        for mention in self.mentions_in(below, lead_end):
            words = fold(mention.name or mention.text).split()
            if mention.kind == PERSON and mention.via in NAMED and len(words) > 1 and head.bare == words[-1]:
                return replace(mention, text=head.surface, start=head.start, end=head.end,
                               sentence=doc.sentence_index(head.sentence), via=Via.NER,
                               name=mention.name or mention.text)
        return None

    def _unknown_name(self, np: tuple[int, int]) -> Mention | None:
        """A proper noun the gazetteer and the NER model missed («كما حذر أروته»), as the subject of a speech
        verb: most such subjects are people."""
        doc = self.doc
        names = []
        for p in range(np[0], np[1]):
            if doc.tokens[p].main.upos != "PROPN":
                break
            names.append(doc.tokens[p])
        if not names or len(names) > 3:
            return None
        return _untagged_name(doc, names)

    def _role_key(self, start: int, end: int) -> tuple[str, ...]:
        tokens = self.doc.tokens_within(start, end)
        first = self.doc.token_at(start)
        if first is not None and self.doc.tokens[first].start < start < self.doc.tokens[first].end:
            tokens = [self.doc.tokens[first], *tokens]  # «لوزير التعليم»: the mention starts after the clitic
        return tuple(self._noun_key(t) for t in tokens if not t.is_punctuation)

    def _introduced_roles(self) -> list[_Introduced]:
        """People the document introduces by a role: «الرئيس البيلاروسي ألكسندر لوكاشينكو»."""
        introduced = []
        for mention in self.mentions:
            if mention.kind != PERSON or mention.via not in (*NAMED, Via.ROLE):
                continue
            position = self.doc.token_at(mention.start)
            if position is None:
                continue
            if mention.via == Via.ROLE:
                introduced.extend(self._role_with_name_after(mention, position))
            else:
                introduced.extend(self._roles_beside_name(mention, position))
        return introduced

    def _role_with_name_after(self, mention: Mention, position: int) -> list[_Introduced]:
        """«وزير الدفاع الإسرائيلي يوآف غالانت» where no mention covers the name."""
        np = self.noun_phrase(position, self.doc.sentence_end(position))
        name = self._name_after(mention, np) if np is not None else None
        return [] if name is None else [(name.start, self._role_key(mention.start, mention.end), name)]

    def _roles_beside_name(self, mention: Mention, position: int) -> list[_Introduced]:
        """The role phrases after a name («لوكاشينكو رئيس بيلاروسيا») and before it («الرئيس البيلاروسي
        لوكاشينكو»)."""
        doc = self.doc
        mention = self._whole_name(mention, doc.tokens[doc.sentence_start(position)].start,
                                   doc.tokens[doc.sentence_end(position) - 1].end)
        position = doc.token_at(mention.start)
        introduced = []
        after = doc.token_at(mention.end)
        end = doc.sentence_end(position)
        if after is not None and after + 1 < end and doc.tokens[after].surface.strip() in ("،", ","):
            after += 1  # «كريس فيليرز، المتحدث باسم «بوينغ»،»: the role in apposition between commas
        if after is not None and after < end and self._is_speaker_noun(doc.tokens[after]):
            np = self.noun_phrase(after, doc.sentence_end(position))
            if np is not None:
                stop = next((p for p in range(np[0] + 1, np[1]) if doc.tokens[p].key in ("في", "لدي")), np[1])
                key = self._role_key(doc.tokens[np[0]].start, doc.tokens[stop - 1].end)
                # the post as a form: where it serves too («الباحث في مؤسسة العلاقات الدولية»), when short
                posted = self._posted(mention, np[0], np[1])
                posted = posted if posted.post else self._posted(mention, np[0], stop)
                introduced.append((mention.start, key, posted))
        if position is not None:
            first = self._role_phrase_start(position)
            if first < position:
                key = self._role_key(doc.tokens[first].start, doc.tokens[position - 1].end)
                introduced.append((mention.start, key, self._posted(mention, first, position)))
        return introduced

    def _posted(self, person: Mention, first: int, stop: int) -> Mention:
        """The person with the post the tokens from ``first`` to ``stop`` give them, as written: a role that
        takes them up later («ولفت المتحدث») names the whole post («المتحدث باسم بوينغ»)."""
        doc = self.doc
        words = self._post_words([t for t in doc.tokens[first:stop]
                                  if not t.is_punctuation or t.surface.strip() in self.lexicon.quote_marks])
        if not words or len(words) > MAX_POST_WORDS or self.lexicon.speaker_nouns.get(
                self._noun_key(words[0])) != PERSON:
            return person  # a post opens with a person's noun and is a few words long
        end = words[-1].end
        if words[-1].key in ON_BEHALF_OF:
            end = self._body_end(end, stop)
            if end is None:
                return person
        return replace(person, post=" ".join(doc.text[words[0].start:end].split()))

    def _body_end(self, end: int, stop: int) -> int | None:
        """Where the body after «باسم» (at character ``end``) ends: its name in marks («المتحدث باسم
        «بوينغ»»), else the nouns from token ``stop`` that no mention covers («المتحدث باسم وزارة الصحة»);
        None when there are none."""
        doc, marks = self.doc, self.lexicon.quote_marks
        body = next((m for m in self.mentions_in(end, end + 3 + MAX_NAME_CHARS) if m.start <= end + 3), None)
        if body is not None:
            closing = doc.token_at(body.end)
            marked = closing is not None and doc.tokens[closing].surface.strip() in marks
            return doc.tokens[closing].end if marked else body.end
        nouns = list(itertools.takewhile(self._is_nominal, doc.tokens[stop:stop + 3]))
        return nouns[-1].end if nouns else None

    def _post_words(self, words: list[Token]) -> list[Token]:
        """A post's words, less the ranks and honorifics that end it before the name («قائد المنطقة العسكرية
        الرابعة اللواء»); none when it ends on a preposition, cut short («المدير العام للعلاقات الخارجية
        في»)."""
        words = list(words)
        while words and (words[-1].is_punctuation or (words[-1].key,) in self.lexicon.honorifics or (
                len(words) > 1 and (words[-2].key, words[-1].key) in self.lexicon.honorifics)):
            words.pop()
        if words and words[-1].key in self.lexicon.prepositions:
            return []
        return words

    def _role_phrase_start(self, position: int) -> int:
        """Where a role phrase before the name at ``position`` starts: at its first speaker noun, after the
        verb, complementizer, preposition or punctuation before it (``position`` when there is none)."""
        doc = self.doc
        first = position
        while first > doc.sentence_start(position) and position - first < MAX_SPEAKER_PHRASE:
            before = doc.tokens[first - 1]
            if before.is_punctuation or before.key in doc.lexicon.complementizers:
                break
            if _lookup(before, doc.lexicon.verb_forms) is not None or before.main.upos == "VERB":
                break
            if before.key in doc.lexicon.prepositions and before.key not in ("لدي", "في"):
                break
            first -= 1
        while first < position and not self._is_speaker_noun(doc.tokens[first]):
            first += 1
        return first

    def _resolve_role(self, mention: Mention, np: tuple[int, int]) -> Mention:
        """A role with no name and no gazetteer id → the person (or body) the document gave that role. An
        unnamed source is one only when definite («وأضاف المصدر»: the source just quoted)."""
        key = self._role_key_to_resolve(mention)
        if not key:
            return mention
        role = _RoleKey(key[0], frozenset(w for w in key[1:] if w not in GENERIC_ROLE_WORDS))
        holder = self._role_holder(mention, role)
        if holder is not None:
            # the post as the text introduced it («المتحدث باسم بوينغ»), else as written here
            return replace(holder, post=holder.post or mention.text) if holder.kind == PERSON else holder
        return self._earlier_source(mention, role) or self._role_body(mention, role) or mention

    def _earlier_source(self, mention: Mention, role: _RoleKey) -> Mention | None:
        """«وأضاف المصدر» after «مصدر بحريني» spoke, other speakers between: a definite unnamed source is
        the last unnamed source of that noun that spoke before it, tied to the same state or body."""
        if mention.via != Via.ANONYMOUS:
            return None
        for claim in reversed(self.claims):
            source = claim.speaker
            tied = source.affiliation or source.source_body
            if source.via == Via.ANONYMOUS and source.start < mention.start and tied and (
                    self._compatible_role(role, self._role_key(source.start, source.end))
                    or self._same_source_by_body(role, source)):
                return _anaphor(source, "role")
        return None

    def _same_source_by_body(self, role: _RoleKey, source: Mention) -> bool:
        """«وأردف المصدر المعارض» after «مصدر بارز في المعارضة السورية»: the adjective names the body the
        source was in (the words of the few tokens after it begin with the adjective's)."""
        other = self._role_key(source.start, source.end)
        if not other or other[0] != role.head or not role.modifiers:
            return False
        doc = self.doc
        first = doc.token_at(source.end)
        after = doc.tokens[first + 1: first + 1 + SOURCE_BODY_WORDS] if first is not None else []
        words = {strip_article(t.bare) for t in after if t.sentence == doc.tokens[first].sentence}
        return all(any(w.startswith(strip_article(m)) for w in words) or m in other for m in role.modifiers)

    def _role_key_to_resolve(self, mention: Mention) -> tuple[str, ...]:
        """The role words of a mention that needs its holder found: nothing for a name or a known entity."""
        if mention.known_id or mention.name:
            return ()
        definite_source = mention.via == Via.ANONYMOUS and fold(mention.text).startswith(("ال", "وال", "فال"))
        if mention.via != Via.ROLE and not definite_source:
            return ()
        return self._role_key(mention.start, mention.end)

    def _compatible_role(self, role: _RoleKey, other: tuple[str, ...]) -> bool:
        """Another role phrase names the same post: same head concept, and at least this role's modifiers."""
        concepts = self.lexicon.speaker_concepts
        if not other or concepts.get(other[0], other[0]) != concepts.get(role.head, role.head):
            return False
        return role.modifiers <= {w for w in other[1:] if w not in GENERIC_ROLE_WORDS}

    def _role_holder(self, mention: Mention, role: _RoleKey) -> Mention | None:
        """The person the document gave this role: the last speaker when the role is theirs, else the nearest
        introduced before the mention, else the first after it."""
        roles = self.state.roles
        # a body («الحكومة الانتقالية برئاسة عبد الله الثني») is held by no person: its head is no holder
        matches = [(at, person) for at, other, person in roles
                   if self._compatible_role(role, other) and person.kind == mention.kind]
        last = self.state.last_speaker
        if (
            last is not None
            and (last.via == Via.ROLE or (last.via == Via.ANONYMOUS and mention.via == Via.ANONYMOUS))
            and not last.name
            and self._compatible_role(role, self._role_key(last.start, last.end))
        ):
            return _anaphor(last, "role")  # «قال وزير الدفاع الصيني … ونقلت الوكالة عن الوزير قوله»
        same = [person for _, person in matches if last is not None and _same_entity(person, last)]
        if last is not None and same:
            return _anaphor(replace(last, post=same[-1].post or last.post), "role")
        before = [(at, p) for at, p in matches if at < mention.start]
        if before:
            return _anaphor(max(before, key=lambda item: item[0])[1], "role")
        after = [(at, p) for at, p in matches if at > mention.start]
        if after:
            return _anaphor(min(after, key=lambda item: item[0])[1], "role")
        return None

    def _role_body(self, mention: Mention, role: _RoleKey) -> Mention | None:
        """A bare body noun is the body of that kind named just before («وذكرت الوكالة» after «وكالة الأنباء
        الكويتية»); an institution's noun is the institution named before."""
        if role.modifiers:
            return None
        if self.lexicon.speaker_nouns.get(role.head) == ORGANIZATION:
            found = self._body_before(role.head, mention.start)
            if found is not None and found.start != mention.start:
                return _anaphor(found, "role")
        body = self.lexicon.institutions.get(role.head)
        found = self._body_before(body, mention.start) if body else None
        return _anaphor(found, "role") if found is not None else None

    def _body_before(self, body: str, before: int) -> Mention | None:
        """The body a bare post heads, named in this sentence or the one before («وزارة الخارجية الإيرانية»
        for «الوزير»)."""
        doc = self.doc
        position = doc.token_at(before)
        if position is None:
            return None
        s_pos = doc.tokens[position].sentence
        floor = doc.sentence_range[max(0, s_pos - 1)][0]
        for p in range(position - 1, floor - 1, -1):
            if self._noun_key(doc.tokens[p]) != body:
                continue
            token = doc.tokens[p]
            named = [m for m in self.mentions_in(token.start, token.end) if m.kind == ORGANIZATION]
            if named:
                sentence = doc.sentence_range[token.sentence]
                return self._whole_name(
                    named[0], doc.tokens[sentence[0]].start, doc.tokens[sentence[1] - 1].end
                )
            np = self.noun_phrase(p, doc.sentence_end(p))
            if np is None or np[1] - np[0] < 2:
                continue  # the same bare noun before («الشركة» … «الشركة») names no body either
            start, end = self._np_span(np)
            return Mention(
                text=doc.text[start:end],
                start=start,
                end=end,
                sentence=doc.sentence_index(doc.tokens[p].sentence),
                kind=ORGANIZATION,
                via="role",
            )
        return None

    # ── subjects ──

    def _skip_adverbials(self, position: int, limit: int) -> int:
        doc = self.doc
        while position < limit:
            token = doc.tokens[position]
            if token.bare in self.lexicon.adverbials or token.key in self.lexicon.adverbials:
                position += 1
            elif token.surface.strip() in DASHES:
                # «وقال بيلاوسوف - خلال لقائه … - إن»: a parenthesis between dashes
                close = next(
                    (p for p in range(position + 1, limit) if doc.tokens[p].surface.strip() in DASHES), None
                )
                if close is None:
                    return position
                position = close + 1
            else:
                return position
        return position

    def subject_after(self, cue: _Cue) -> tuple[Mention, int] | None:
        """VSO: the noun phrase right after the verb (past time words), when it names a speaker."""
        doc = self.doc
        limit = doc.sentence_end(cue.position)
        verb_end = self._skip_adverbials(cue.after, limit)
        position = self._after_addressee(verb_end, limit)
        if position > verb_end and cue.cue.takes_object and self._lone_unknown_word(position):
            return None  # «نفى لـ«الحياة» وصول…»: after the outlet, a lone word is the object
        position = self._subject_in_marks(self._skip_adverbials(position, limit), limit)
        if position + 2 < limit and _abbreviation_dot(doc, position + 1):
            position += 2  # «وأشار د. الخضراء إلى أن…»: a title's abbreviation before the name
        document = position < limit and doc.tokens[position].key in self.lexicon.document_nouns
        statement = document or (
            position < limit and _lookup(doc.tokens[position], self.lexicon.nouns) is not None)
        if statement:
            joint = position + 1 < limit and doc.tokens[position + 1].key in JOINT_ADJECTIVES
            if joint and self.state.last_group is not None:
                return self.state.last_group, position + 2  # «وأكد البيان المشترك»: the parties' statement
        # «وذكر بيان صادر عن الرئاسة…»، «وأكد بيان للخارجية…»: the statement's author speaks
        start = (self._issuer_at(position + 1, limit) or position + 1) if statement else position
        found = self._subject_phrase(start, limit, cue, allow_preposition=statement)
        if found is None and not statement:
            found = self._name_before_apposed_post(position, limit, doc.tokens[cue.position])
        if found is not None and document:
            self.state.last_document_issuer = found[0]
        elif found is None and statement and doc.tokens[position].key.startswith("ال"):
            # «وقال التقرير إن…» after «قدرت منظمة الأغذية العالمية … في تقرير»: the issuer named with the
            # document, else the body that spoke just before
            return self._document_taken_up(position) or self._statement_of_last_body(position)
        return found

    def _after_addressee(self, position: int, limit: int) -> int:
        """«وقال لـ«الشرق الأوسط» وزير…», «أكدت لعكاظ مصادر…», «وقال للصحفيين الوزير…», «وقال لي يوسف»: the
        outlet or the people spoken to may come between the verb and its subject (and a comma after them);
        the subject starts after them."""
        end = self._addressee_end(position, limit)
        if position < end < limit and self.doc.tokens[end].surface.strip() in CLAUSE_PUNCTUATION:
            return end + 1  # «وأوضح لـ"الاقتصادية"، بيوتر فدفنسكي…»
        return end

    def _addressee_end(self, position: int, limit: int) -> int:
        doc, lexicon = self.doc, self.lexicon
        if position >= limit:
            return position
        token = doc.tokens[position]
        if token.key[:1] == "ل" and token.key[1:] in lexicon.pronoun_suffixes:
            return position + 1  # «قال لي», «قال لهم»
        if token.key == "ل":  # «لـ«عكاظ»», «لـ"الوطن"», «لـ (عكاظ)», «لـ رويترز»
            end = self._outlet_name_end(position + 1, limit, lexicon.quote_marks | {"(", ")"})
            return end if end is not None else position
        length = self._outlet_spoken_to(position)
        if length:
            return position + length  # «لعكاظ», «لرويترز»
        if not self._addressed(token):
            return position
        if self._noun_key(token).startswith(tuple(p[0] for p in lexicon.outlet_nouns)):
            end = self._outlet_name_end(position + 1, limit, lexicon.quote_marks)  # «لصحيفة «الحياة»»
            return end if end is not None else position
        return position + 1  # «للصحفيين»

    def _lone_unknown_word(self, position: int) -> bool:
        """One word that opens no known name, post, title, source or body («وصول»): after the outlet spoken
        to, it is the object, whatever the model reads in it."""
        doc, token = self.doc, self.doc.tokens[position]
        starting = self.starting_in(token.start, token.end)
        if not starting:
            return not (self._is_speaker_noun(token) or doc.phrase_at(
                position, self.lexicon.honorifics, self.lexicon.longest_phrase))
        return all(m.end <= token.end and not m.known_id and m.via in NAMED and m.kind == PERSON
                   for m in starting)

    def _outlet_spoken_to(self, position: int) -> int:
        """«لرويترز», «لعكاظ»: the tokens of an outlet the lexicon knows, after «لـ» on its first token; 0 if
        none starts there."""
        doc = self.doc
        if not doc.tokens[position].bare.startswith("ل"):
            return 0
        return doc.phrase_at(position, self.lexicon.outlets, self.lexicon.longest_phrase, prepositions=True)

    def _outlet_name_end(self, position: int, limit: int, marks: frozenset[str]) -> int | None:
        """Past an outlet's name at ``position``: in marks, or one the lexicon knows; None if none is
        there."""
        doc, lexicon = self.doc, self.lexicon
        if position >= limit:
            return None
        if doc.tokens[position].surface.strip() in marks:
            closing = next((p for p in range(position + 1, min(limit, position + 1 + MAX_OUTLET_WORDS))
                            if doc.tokens[p].surface.strip() in marks), None)
            return closing + 1 if closing is not None else None
        length = doc.phrase_at(position, lexicon.outlets, lexicon.longest_phrase)
        return position + length if length else None

    def _subject_in_marks(self, position: int, limit: int) -> int:
        """«وقالت «بوينغ» إن…»: a name in quotation marks right after the verb is its subject; the phrase
        starts inside the marks. Anything else in marks after the verb is a quotation, left as it is."""
        doc = self.doc
        if position + 2 >= limit or doc.tokens[position].surface.strip() not in self.lexicon.quote_marks:
            return position
        inside = doc.tokens[position + 1]
        mention = max(self.starting_in(inside.start, inside.end), key=lambda m: m.end, default=None)
        closing = doc.token_at(mention.end) if mention is not None else None
        marks = self.lexicon.quote_marks
        if closing is None or closing >= limit or doc.tokens[closing].surface.strip() not in marks:
            return position
        return position + 1

    def _subject_phrase(self, position: int, limit: int, cue: _Cue, allow_preposition: bool
                        ) -> tuple[Mention, int] | None:
        np = self.noun_phrase(position, limit, allow_preposition=allow_preposition, cue=cue)
        if np is None:
            return None
        grouped = self.group_in(np, limit) or self._named_as(np[1], limit)
        if grouped is not None:
            return grouped
        speaker = self.speaker_in(np)
        taken_up = speaker is not None and self._post_taken_up(speaker, np)
        if speaker is not None and (taken_up or self._holder_unnamed(speaker, np)):
            speaker = (self._apposed_name(np[1], limit) or self._name_before_clause(np[1], limit)
                       or self._name_before_complementizer(np[1], limit)
                       or self._known_name_after_post(np[1], limit)
                       or self._later_holder(np, limit, cue)
                       or (self._name_after_its_body(np, limit) if taken_up else None) or speaker)
        elif speaker is not None and speaker.via == Via.ANONYMOUS and _has_article(self.doc.tokens[np[0]]):
            # «وقال المسؤول الكبير …، الجنرال تشارلز هوبر، أن…»: the source named right after, in apposition;
            # «المسؤول عن تلك الورشة سيف الدين سليم، أن…»: named before the clause
            named = self._known_name_after_post(np[1], limit) or self._person_before_clause(np[1], limit)
            speaker = named or speaker
        if speaker is not None and self._runs_over_complement(speaker, cue):
            return None
        return (speaker, np[1]) if speaker is not None else None

    def _named_as(self, position: int, limit: int) -> tuple[Mention, int] | None:
        """«ويوضح مهندس متطوع يدعى علي مطر أن…»: a naming word after the one described (lex:NamingWord) and
        at most two of its adjectives, then two to four words up to what was said: they are the speaker's
        name."""
        doc, reach = self.doc, min(limit, position + 2)
        while position < reach and doc.tokens[position].key not in self.lexicon.naming_words:
            token = doc.tokens[position]
            if token.main.upos not in ("NOUN", "ADJ") or token.is_punctuation:
                return None
            position += 1
        if position >= limit or doc.tokens[position].key not in self.lexicon.naming_words:
            return None
        # after the naming word any word is the name's, «علي» too (folded like the preposition «على»)
        end = next((p for p in range(position + 1, min(limit, position + 6))
                    if self._opens_what_was_said(doc.tokens[p]) or doc.tokens[p].is_punctuation), None)
        if end is None or not 1 <= end - position - 1 <= 4 or not self._opens_what_was_said(doc.tokens[end]):
            return None
        return _untagged_name(doc, list(doc.tokens[position + 1:end])), end

    def _runs_over_complement(self, speaker: Mention, cue: _Cue) -> bool:
        """«ورفع السفير آل الشيخ التعازي…»: a name the NER ran on into the noun a cue speaks through
        («التعازي») is no one's name."""
        first, last = self.doc.token_at(speaker.start), self.doc.token_at(speaker.end - 1)
        if not cue.cue.requires_complement or first is None or last is None:
            return False
        return any(t.key in cue.cue.complement_prepositions for t in self.doc.tokens[first:last + 1])

    def _person_before_clause(self, position: int, limit: int, reach: int = 8) -> Mention | None:
        """«المسؤول عن تلك الورشة سيف الدين سليم، أن…»: after a definite source and what it is in charge of,
        a person the NER or the gazetteer names right before the comma that opens what was said."""
        doc = self.doc
        comma = next((p for p in range(position, min(limit - 1, position + reach))
                      if doc.tokens[p].surface.strip() in CLAUSE_PUNCTUATION), None)
        if comma is None or comma == position or not _complementizer(self.lexicon, doc.tokens[comma + 1]):
            return None
        if any(t.is_verb for t in doc.tokens[position:comma]):
            return None
        end = doc.tokens[comma - 1].end
        people = [m for m in self.mentions_in(doc.tokens[position].start, end)
                  if m.kind == PERSON and m.via in NAMED and m.end == end]
        return people[-1] if people else None

    def _name_before_apposed_post(self, position: int, limit: int, verb: Token) -> tuple[Mention, int] | None:
        """«وأوضح رأفت الصباغ، المتحدث الرسمي لمركز الملك سلمان، أن…», «وأكد عيضه الهذلي، في اتصال هاتفي،
        أن…»: two to four words no mention covers right after the verb, set off by a comma before a post or
        where it was said, and then what was said, are the name of the one who speaks (the subject, a post or
        an occasion in apposition). The name and where what was said opens."""
        doc, lexicon = self.doc, self.lexicon
        found = self._unknown_name_before_comma(position, limit, verb)
        if found is None:
            return None
        names, comma = found
        post = lexicon.speaker_nouns.get(self._noun_key(doc.tokens[comma + 1])) == PERSON
        occasion = doc.phrase_at(comma + 1, lexicon.occasions, lexicon.longest_phrase)
        if not (post or occasion):
            return None
        stop = self._apposition_end(comma + 1, limit, verbs_allowed=bool(occasion))
        if stop is None:
            return None
        name = _untagged_name(doc, names)
        return (self._posted(name, comma + 1, stop) if post else name), stop

    def _unknown_name_before_comma(self, position: int, limit: int, verb: Token
                                   ) -> tuple[list[Token], int] | None:
        """Two to four words from ``position`` (past titles) up to a comma that may be a name the NER missed,
        the first agreeing with the verb in gender («وأكد أهمية الخطة، …» does not); with the comma."""
        doc, lexicon = self.doc, self.lexicon
        while position < limit and (
                size := doc.phrase_at(position, lexicon.honorifics, lexicon.longest_phrase)):
            position += size
        comma = next((p for p in range(position, min(limit - 1, position + 5))
                      if doc.tokens[p].is_punctuation), None)
        if (comma is None or doc.tokens[comma].surface.strip() not in CLAUSE_PUNCTUATION
                or comma - position < 2):
            return None
        names = list(doc.tokens[position:comma])
        if (any(t.clitic_preposition or t.key in self.not_name_words or _lookup(t, lexicon.nouns)
                for t in names)
                or not self._could_be_untagged_name(names, NAME_WORD_TAGS)
                or names[-1].main.upos not in ("NOUN", "PROPN", "X")
                or feature(names[0].main, "Gender") not in (None, _verb_gender(verb))):
            return None
        return names, comma

    def _apposition_end(self, start: int, limit: int, verbs_allowed: bool, reach: int = 16) -> int | None:
        """Where what was said opens after an apposition from ``start``; a verb of its own on the way (not in
        a relative clause, unless ``verbs_allowed``) ends the search with None."""
        relative = verbs_allowed
        for stop in range(start + 1, min(limit, start + 1 + reach)):
            token = self.doc.tokens[stop]
            relative = relative or token.key in self.lexicon.relative_pronouns
            if token.is_verb and not relative:
                return None
            if self._opens_what_was_said(token):
                return stop
        return None

    def _name_before_complementizer(self, position: int, limit: int) -> Mention | None:
        """«وقال وزير الداخلية التونسي ناجم الغرسلي إن…»: two to four words no mention covers, between a post
        whose holder is unnamed and the complementizer that opens what was said, are the holder's name."""
        doc = self.doc
        end = position
        while end < min(limit, position + 4) and not _complementizer(self.lexicon, doc.tokens[end]):
            end += 1
        if end >= limit or not _complementizer(self.lexicon, doc.tokens[end]) or not 2 <= end - position <= 4:
            return None
        names = doc.tokens[position:end]
        # the tagger reads many first names as other words («رأفت» as a preposition): outside the closed
        # classes any tag goes, and the family name is a noun
        closed = any(t.clitic_preposition or t.key in self.not_name_words for t in names)
        if closed or not self._could_be_untagged_name(names, NAME_WORD_TAGS) or names[-1].main.upos not in (
                "NOUN", "PROPN", "X"):
            return None
        return _untagged_name(doc, list(names))

    def _holder_named_later(self, cue: _Cue) -> tuple[Mention, int] | None:
        """«وأوضح المشرف العام على البرنامج وعضو هيئة الخبراء في جامعة هارفارد الدكتور مساعد الأحمد أن…»: a
        post right after the verb, where it serves, and then a name the NER or the gazetteer knows right
        before what was said: the one named holds the post and speaks. The name and where what was said
        opens."""
        limit = self.doc.sentence_end(cue.position)
        start = self._skip_adverbials(cue.after, limit)
        if start >= limit:
            return None
        head = self.doc.tokens[start]
        # a definite post («المشرف العام»), not one in construct with a name («مستشار الرئيس أوباما»), and no
        # unnamed source («مصدر مقرب من الرئيس أوباما»)
        if (self.lexicon.speaker_nouns.get(self._noun_key(head)) != PERSON
                or strip_article(head.bare) == head.bare
                or any(m.via == Via.ANONYMOUS for m in self.starting_in(head.start, head.end))):
            return None
        return self._name_right_before_clause(start + 1, limit, cue)

    def _name_right_before_clause(self, start: int, limit: int, cue: _Cue | None = None, reach: int = 16
                                  ) -> tuple[Mention, int] | None:
        """The first person the NER or the gazetteer names from ``start`` on, when what was said opens at most
        three words after the name and no verb stands before it; with the token where what was said opens. A
        person inside a body's name («مركز الملك سلمان للإغاثة») is the body's, not a name of the holder."""
        for position in range(start, min(limit, start + reach)):
            token = self.doc.tokens[position]
            if token.is_verb or self._opens_what_was_said(token, cue):
                return None
            person = self._named_person_at(token)
            if person is not None and not self._inside_a_body(person):
                opening = self._what_was_said_opens(person, limit, reach=3, cue=cue)
                return (person, opening) if opening is not None else None
        return None

    def _inside_a_body(self, person: Mention) -> bool:
        return any(m.kind == ORGANIZATION and m.start < person.start and person.end <= m.end
                   for m in self.mentions_in(person.start, person.end))

    def _later_holder(self, np: tuple[int, int], limit: int, cue: _Cue) -> Mention | None:
        """«وأوضح المشرف العام على البرنامج وعضو هيئة الخبراء … الدكتور مساعد الأحمد أن…»: after a definite
        post, where it serves and more posts, the name right before what was said (see
        _name_right_before_clause)."""
        head = self.doc.tokens[np[0]]
        if strip_article(head.bare) == head.bare:
            return None  # «مستشار الرئيس أوباما»: a post in construct; the name is the genitive's
        found = self._name_right_before_clause(np[1], limit, cue)
        return found[0] if found is not None else None

    def _known_name_after_post(self, position: int, limit: int) -> Mention | None:
        """«قال المتحدث باسم العشائر …، محمد الشعباني لـ"الوطن": إن…», «… للمهندسين، المهندس عبدالناصر
        العبداللطيف أن…»: a name the NER or the gazetteer knows right after a post whose holder is unnamed
        (past a comma and a title), with what was said opening a few words after it, is the holder."""
        doc, lexicon = self.doc, self.lexicon
        # the post's last words the phrase left out («للمهندسين»), up to the comma that sets the name off
        comma = next((p for p in range(position, min(limit, position + 4))
                      if doc.tokens[p].surface.strip() in CLAUSE_PUNCTUATION), None)
        if comma is not None and not any(t.is_verb or _complementizer(lexicon, t) or t.is_punctuation
                                         for t in doc.tokens[position:comma]):
            position = comma + 1
        while position < limit and (size := doc.phrase_at(position, lexicon.honorifics,
                                                          lexicon.longest_phrase)):
            position += size
        person = self._named_person_at(doc.tokens[position]) if position < limit else None
        if person is None or self._what_was_said_opens(person, limit, reach=6) is None:
            return None
        return person

    def _named_person_at(self, token: Token) -> Mention | None:
        """The longest person the NER or the gazetteer names from this token on."""
        people = [m for m in self.starting_in(token.start, token.end) if m.kind == PERSON and m.via in NAMED]
        return max(people, key=lambda m: m.end, default=None)

    def _opens_what_was_said(self, token: Token, cue: _Cue | None = None) -> bool:
        """A complementizer, a colon, or the word the cue's content follows («أعرب … عن», «رفع … الشكر»)."""
        return (_complementizer(self.lexicon, token) or token.surface.strip() == ":"
                or (cue is not None and token.key in cue.cue.complement_prepositions))

    def _what_was_said_opens(self, mention: Mention, limit: int, reach: int, cue: _Cue | None = None
                             ) -> int | None:
        """Where a complementizer or a colon opens what was said within ``reach`` words after a mention."""
        last = self.doc.token_at(mention.end - 1)
        if last is None:
            return None
        return next((p for p in range(last + 1, min(limit, last + 1 + reach))
                     if self._opens_what_was_said(self.doc.tokens[p], cue)), None)

    def _name_before_clause(self, position: int, limit: int, reach: int = 10) -> Mention | None:
        """«أوضح نائب عشيرة آل غانم في قرى مركز «وسانب» حسن محمد فائع، أن…»: after a post and where it
        serves, the words right before the comma that opens what was said are the holder's name."""
        doc = self.doc
        closed = self.not_name_words
        comma = next((p for p in range(position, min(limit - 1, position + reach))
                      if doc.tokens[p].surface in CLAUSE_PUNCTUATION), None)
        if comma is None or not _complementizer(self.lexicon, doc.tokens[comma + 1]):
            return None
        first = comma
        while first > position and comma - first < 4:
            token = doc.tokens[first - 1]
            nominal = token.main.upos in ("PROPN", "NOUN", "X")
            if token.is_punctuation or token.key in closed or token.clitic_preposition or not nominal:
                break
            first -= 1
        names = doc.tokens[first:comma]
        if not names or first == position or names[0].key.startswith("ال"):
            return None
        if doc.tokens[first - 1].key in closed or any(_lookup(t, self.lexicon.nouns) for t in names):
            return None  # «في بيان، أن»: the object of a preposition, a statement, is no name
        return _untagged_name(doc, names)

    def _name_after_its_body(self, np: tuple[int, int], limit: int) -> Mention | None:
        """«وقال رئيس مركز الأرصاد والزلازل عبدالله المندوس: …» after «رئيس الأبحاث في مركز الأرصاد والزلازل
        عمر اليزيدي»: a post in construct with a body, then a name right before what was said; the name is
        the post's holder unless a post stands right before it («مستشار الرئيس أوباما»: the genitive's)."""
        found = self._name_right_before_clause(np[1], limit)
        if found is None:
            return None
        before = self.doc.token_at(found[0].start)
        if before is None or before == 0 or self._is_speaker_noun(self.doc.tokens[before - 1]):
            return None
        return found[0]

    def _post_taken_up(self, speaker: Mention, np: tuple[int, int]) -> bool:
        """Whether a post was read as the one who held it earlier in the text («أستاذ العلوم السياسية» after
        «أستاذ العلوم السياسية الدكتور عبدالله القباع»): a name written after it here is another holder."""
        head = self.doc.tokens[np[0]]
        return (speaker.via == Via.ROLE and bool(speaker.name) and speaker.start < head.start
                and self.lexicon.speaker_nouns.get(self._noun_key(head)) == PERSON)

    def _holder_unnamed(self, speaker: Mention, np: tuple[int, int]) -> bool:
        """Whether a phrase names a person's post but not the person: an unresolved post («المتحدث الرسمي
        للمركز»), or a post of a body taken for the body («نائب عشيرة آل غانم»)."""
        if speaker.via == Via.ROLE and speaker.kind == PERSON:
            return not (speaker.name or speaker.known_id)
        head = self.doc.tokens[np[0]]
        if self.lexicon.speaker_nouns.get(self._noun_key(head)) != PERSON:
            return False
        # a post in construct with the one found («نائب عشيرة آل غانم», «مستشار الرئيس») is someone else's
        return speaker.kind != PERSON or (not head.key.startswith("ال") and speaker.start >= head.end)

    def _issuer_at(self, position: int, limit: int) -> int | None:
        """Where the issuer's name starts after issuing words at ``position`` («صادر عن»), or None."""
        length = self.doc.phrase_at(position, self.lexicon.issued_by, self.lexicon.longest_phrase)
        return position + length if length and position + length < limit else None

    def _document_taken_up(self, position: int) -> tuple[Mention, int] | None:
        """«وذكر التقرير أن…»: a document with the article and no issuer named is the last one whose issuer
        was; a document never so introduced speaks for no one."""
        issuer = self.state.last_document_issuer
        return (issuer, position + 1) if issuer is not None else None

    def _statement_of_last_body(self, position: int) -> tuple[Mention, int] | None:
        """«قالت السفارة الأمريكية بالقاهرة إن… وأوضح البيان أن…»: a statement or a document with the article
        and no issuer named is the last speaker's, when that speaker is a body or a state (a statement is
        issued by one) that spoke in this sentence or the one before."""
        last = self.state.last_speaker
        if last is None or last.kind not in (ORGANIZATION, STATE):
            return None
        here = self.doc.tokens[position].sentence
        spoke = self.doc.token_at(self.state.last_speaker_at) if self.state.last_speaker_at >= 0 else None
        if spoke is None or here - self.doc.tokens[spoke].sentence > 1:
            return None
        return _anaphor(last, "pronoun"), position + 1

    def _apposed_name(self, position: int, limit: int) -> Mention | None:
        """«وأوضح المتحدث الرسمي للمركز رأفت الصباغ، أن…», «وأوضح أمين المنطقة م. جمال الملحم بأن…»: a few
        words between a post and the comma before its complementizer (or after a title's abbreviation, up to
        the complementizer) are the name of the one who holds it, whatever the tagger made of them; so are
        they between two commas («أكد رئيس المنظمة، علي أكبر صالحي، أن…»)."""
        doc = self.doc
        between_commas = position + 1 < limit and doc.tokens[position].surface in CLAUSE_PUNCTUATION
        names = self._apposed_words(position + 1 if between_commas else position, limit)
        if not names:
            return None
        named = next((m for m in self.starting_in(names[0].start, names[0].end)
                      if m.kind == PERSON and m.via in NAMED and m.end == names[-1].end), None)
        if named is not None:
            return named  # «، علي أكبر صالحي،»: a name the gazetteer or the NER knows, whatever its words
        closed, adverbials = self.not_name_words, self.lexicon.adverbials
        if names[0].key.startswith("ال") or any(t.key in closed or t.clitic_preposition for t in names):
            return None
        if between_commas and any(t.key in adverbials or t.bare in adverbials or t.is_verb for t in names):
            return None  # «قال الوزير، أمس، إن…», «، اليوم الثلاثاء،»: a parenthesis, not a name
        return _untagged_name(doc, names)

    def _apposed_words(self, position: int, limit: int) -> list[Token]:
        """The up to four words after a post that end at a comma before its complementizer (or a relay set
        off by commas), or after a title's abbreviation at the complementizer; [] where there are none."""
        doc = self.doc
        if position < limit and doc.tokens[position].key in self.lexicon.post_modifiers:
            position += 1  # «أمين المنطقة بالإنابة م. جمال…»
        titled = position + 1 < limit and _abbreviation_dot(doc, position + 1)
        if titled:
            position += 2  # «م. جمال بن ناصر الملحم»: the title's abbreviation before the name
        end = position
        while end < min(limit, position + 4) and not doc.tokens[end].is_punctuation and not _complementizer(
                self.lexicon, doc.tokens[end]):
            end += 1
        # a comma, or a colon («، نصر الدين بن حديد : إن…»), closes the words before what was said
        comma = end < limit - 1 and doc.tokens[end].surface.strip() in (*CLAUSE_PUNCTUATION, ":")
        after = doc.tokens[end + 1] if comma else doc.tokens[end] if end < limit else None
        # without the comma only after a title's abbreviation, where a name must follow
        if end == position or not (comma or titled) or after is None:
            return []
        if not (_complementizer(self.lexicon, after) or (comma and self._relay_parenthesis(end + 1))):
            return []
        return doc.tokens[position:end]

    def _relay_parenthesis(self, position: int) -> bool:
        """«، ووفقا لوكالة تسنيم، أن…»: an attribution between commas opens here, before «أن»."""
        doc = self.doc
        length = doc.phrase_at(position, self.lexicon.attributions, self.lexicon.longest_phrase)
        return bool(length) and _parenthesis_before_complementizer(doc, position, length)

    def subject_before(self, cue: _Cue) -> tuple[Mention, bool] | None:
        """SVO: the noun phrase that ends just before an unprefixed verb («أردوغان قال»), and whether it opens
        its clause (after a complementizer or at the start of the sentence)."""
        doc = self.doc
        token = doc.tokens[cue.position]
        if token.key != token.bare or token.split_conjunction:
            return None  # «وقال»: the conjunction opens a new clause; what precedes is not its subject
        end = cue.position
        while end > doc.sentence_start(cue.position) and doc.tokens[end - 1].key in ("قد", "لقد"):
            end -= 1
        pluperfect = self._pluperfect_subject(end) if end < cue.position else None
        if pluperfect is not None:
            return pluperfect, False
        first = end
        while first > doc.sentence_start(cue.position) and end - first < MAX_SPEAKER_PHRASE:
            before = doc.tokens[first - 1]
            if not self._is_nominal(before) and not (
                before.clitic_preposition and before.key.startswith("ل")
            ):
                break
            first -= 1
        while first < end and not self._is_nominal(doc.tokens[first]):
            first += 1
        if first >= end:
            return None
        grouped = self.group_in((first, end), end)
        speaker = grouped[0] if grouped is not None else self.speaker_in((first, end))
        if speaker is None:
            return None
        previous = doc.tokens[first - 1] if first > doc.sentence_start(cue.position) else None
        prepositions = self.lexicon.prepositions
        opening = speaker.start < doc.tokens[first].end and self._can_speak(speaker)
        governed = previous is not None and opening and prepositions & {previous.key, previous.bare}
        if governed:
            return None  # «وعن اليمن قال إن…»: the topic a preposition governs, not the one who speaks
        opens = (
            previous is None
            or previous.key in self.lexicon.complementizers
            or self._complementizer_with_pronoun(previous)
            or previous.bare in self.lexicon.past_auxiliaries  # «وكان بوتين أعلن»: the subject after «كان»
        )
        return speaker, opens

    def topic_subject(self, cue: _Cue) -> Mention | None:
        """«أما الصحفي صدام أبو عاصم، فقد علق … قائلا…», «أما المحامي موسى النمراني، فكتب…»: the topic «أما»
        sets off with a comma, taken up by the «ف» of the verb or of «فقد», is the verb's subject."""
        doc, position = self.doc, cue.position
        if cue.part != "verb":
            return None
        token, before = doc.tokens[position], position - 1
        if not (token.key.startswith("ف") and token.key != token.bare):
            if before < 0 or doc.tokens[before].key != "فقد":
                return None
            before -= 1
        if before < 1 or doc.tokens[before].surface.strip() not in CLAUSE_PUNCTUATION:
            return None
        s_first = doc.sentence_start(position)
        for opening in range(before - 1, max(s_first, before - MAX_SPEAKER_PHRASE) - 1, -1):
            if doc.tokens[opening].bare == "اما":
                return self.speaker_in((opening + 1, before)) if opening + 1 < before else None
        return None

    def _subject_is_relatives_noun(self, cue: _Cue) -> bool:
        """«… كييف التي تتهم الكرملين بتسليح المتمردين», «الرئيس الفرنسي الذي أكد أن…»: a speech verb right
        after a relative pronoun has for subject the noun the clause describes, and what follows the verb is
        its object. Not when the clause is on the verb's object («القرار الذي أعلنه الوزير»: an object pronoun
        on the verb) or on a place or time («المؤتمر الذي قال فيه»: a pronoun after it), or describes a
        statement or a document, which speaks for its issuer."""
        doc, position = self.doc, cue.position
        if cue.part != "verb" or position - 1 <= doc.sentence_start(position):
            return False
        relative = doc.tokens[position - 1].key
        if relative.startswith("و"):
            relative = relative[1:]  # «السفير عبدالله آل الشيخ والذي شدد على أن…»
        if relative not in self.lexicon.relative_pronouns:
            return False
        following = doc.tokens[position + 1] if position + 1 < len(doc.tokens) else None
        if any(word.upos == "PRON" for word in doc.tokens[position].words[1:]) or (
                following is not None and any(word.upos == "PRON" for word in following.words)):
            return False
        noun = doc.tokens[position - 2]
        return noun.key not in self.lexicon.document_nouns and _lookup(noun, self.lexicon.nouns) is None

    def relative_subject(self, cue: _Cue) -> Mention | None:
        """The speaker the noun before the relative pronoun names, or None when it names none."""
        doc, position = self.doc, cue.position
        noun = doc.tokens[position - 2]
        ending = [m for m in self.mentions_in(doc.tokens[doc.sentence_start(position)].start, noun.end)
                  if m.end == noun.end and (m.kind in SPEAKER_KINDS or m.via == Via.CAPITAL)]
        first = doc.token_at(min(m.start for m in ending)) if ending else None
        return self.speaker_in((first, position - 1)) if first is not None else None

    def _pluperfect_subject(self, end: int) -> Mention | None:
        """«وكان الحبيب الصيد، رئيس الحكومة التونسية، قد أكد»: the speaker between «كان» and «قد», commas of
        an apposition included; None when «كان» does not open the phrase or no speaker stands there."""
        doc, first = self.doc, end
        start = doc.sentence_start(end)
        while first > start and end - first < MAX_SPEAKER_PHRASE:
            before = doc.tokens[first - 1]
            if before.bare in self.lexicon.past_auxiliaries:
                break
            if not (self._is_nominal(before) or before.surface in (",", "،")):
                return self._opening_pluperfect_subject(start, end)
            first -= 1
        if first == end or first == start or doc.tokens[first - 1].bare not in self.lexicon.past_auxiliaries:
            return None
        if not any(t.surface in (",", "،") for t in doc.tokens[first:end]):
            return None  # without commas the phrase scan before the verb finds it
        grouped = self.group_in((first, end), end)
        return grouped[0] if grouped is not None else self.speaker_in((first, end))

    def _opening_pluperfect_subject(self, start: int, end: int) -> Mention | None:
        """«وكان محمد خاتمي، رجل الدين … الذي كان في ذلك الحين رئيسا لإيران، قد أشار»: a sentence opening
        with «كان» whose «قد» comes after a comma: the speaker is the phrase right after «كان», up to the
        comma that opens the apposition (which may hold a clause of its own)."""
        doc = self.doc
        after_comma = doc.tokens[end - 1].surface in (",", "،")
        if doc.tokens[start].bare not in self.lexicon.past_auxiliaries or not after_comma:
            return None
        comma = next((p for p in range(start + 1, end) if doc.tokens[p].surface in (",", "،")), None)
        if comma is None or comma == start + 1:
            return None
        return self.speaker_in((start + 1, comma))

    def antecedent(self, cue: _Cue) -> Mention | None:
        """The speaker of a dropped subject or a pronoun: the other party after «من جهته», else the previous
        speaker, else the person the sentences just before are about."""
        doc = self.doc
        at = doc.tokens[cue.position].start
        s_first = doc.sentence_start(cue.position)
        turn = any(
            doc.phrase_at(p, self.lexicon.turn_markers, self.lexicon.longest_phrase)
            for p in range(s_first, cue.position)
        )
        # «من جهته» points back to the other party of an exchange the last few sentences told
        back = 3 if turn else 1
        previous_sentence = max(0, doc.tokens[s_first].sentence - back)
        window_start = doc.tokens[doc.sentence_range[previous_sentence][0]].start
        people = [
            m for m in self.mentions if m.kind == PERSON and m.via in NAMED and window_start <= m.start < at
        ]
        last = self.state.last_speaker
        said_until = max(self.state.last_speaker_at, self.state.last_said_end - 1)
        if last is not None and self._sentences_since(said_until, cue) > MAX_ANTECEDENT_GAP:
            # after sentences of narration (counted from the end of what was said: a quotation may run over
            # several) a dropped subject no longer points to that speaker
            last = None
        gender, spoke_as = _verb_gender(doc.tokens[cue.position]), self.state.last_speaker_gender
        if last is not None and _one_person(last) and gender and spoke_as not in (None, gender):
            # «وكشفت أوساط الهيئة … التي بحثها وزير الدفاع … وأوضحت أن…»: a feminine verb after a man spoke
            # (or the reverse) has another subject than him
            return None
        if _plural_verb(doc.tokens[cue.position]):
            if self.state.last_group is not None:
                return self.state.last_group  # «واتفقوا على…»: the parties last named together
            # «وأضافوا», «وقالا»: many speak; one person named before is not their antecedent
            people = []
            last = None if last is not None and _one_person(last) else last
        if turn:
            others = [m for m in people if last is None or not _same_entity(m, last)]
            if others:
                return _anaphor(others[-1], "pronoun")
        opening = self._opening_person(cue)
        if opening is not None:
            return opening
        if last is not None:
            return _anaphor(last, "pronoun")
        if people:
            return _anaphor(people[-1], "pronoun")
        return None

    def _opening_person(self, cue: _Cue) -> Mention | None:
        """«الروائي اليمني مروان الغفوري، سخر من … وعلق عليه بالقول…»: the one person (else the one body or
        state) named by the words that open the sentence, before its first verb, is the subject the sentence's
        verbs share."""
        doc = self.doc
        s_first = doc.sentence_start(cue.position)
        first_verb = next((p for p in range(s_first, cue.position) if doc.tokens[p].is_verb), None)
        if first_verb is None or first_verb == s_first:
            return None
        opening = doc.tokens[s_first:first_verb]
        while opening and opening[0].main.upos in ("CCONJ", "SCONJ", "PART"):
            opening = opening[1:]  # «لكن وزارة الدفاع شككت…»: a conjunction, not the subject
        if not opening or not all(self._is_nominal(t) or t.is_punctuation for t in opening):
            return None
        named = [m for m in self.mentions_in(opening[0].start, opening[-1].end) if _named_actor(m)]
        people = [m for m in named if m.kind == PERSON]
        # a body or a state alone is the subject too («لكن وزارة الدفاع الأمريكية (البنتاجون) شككت…، نافية»)
        actors = people or list({m.known_id: m for m in reversed(named)}.values())
        return _anaphor(actors[0], "pronoun") if len(actors) == 1 else None

    def _titled_antecedent(self, cue: _Cue, title: Token) -> Mention | None:
        """The person last named before the cue with the title a pronominal title stands for («سموه» ← «الأمير
        فيصل بن خالد»): a person mention with a title word among the three words before it."""
        words = self.lexicon.title_words.get(title.bare)
        if not words:
            return None
        doc, at = self.doc, self.doc.tokens[cue.position].start
        for mention in sorted(self.mentions, key=lambda m: -m.start):
            if mention.start >= at or mention.kind != PERSON or mention.via not in NAMED:
                continue
            first = doc.token_at(mention.start)
            before = doc.tokens[max(0, first - 3): first] if first is not None else []
            if any(strip_article(t.bare) in {strip_article(w) for w in words} for t in before):
                return _anaphor(mention, "pronoun")
        return None

    def _sentences_since(self, offset: int, cue: _Cue) -> int:
        """Sentences between the one holding ``offset`` and the cue's."""
        doc = self.doc
        then = doc.token_at(offset)
        if then is None:
            return 0
        return doc.tokens[cue.position].sentence - doc.tokens[then].sentence

    def speaker_of(self, cue: _Cue) -> tuple[Mention, int, str] | None:
        """The speaker of a speech verb, the token where its content may start, and the rule that chose it."""
        limit = self.doc.sentence_end(cue.position)
        position = self._skip_adverbials(cue.after, limit)
        if position < limit and self.doc.tokens[position].bare in self.lexicon.pronominal_titles:
            # «وشدد سموه على…»: the person named with that title, else the antecedent
            antecedent = self._titled_antecedent(cue, self.doc.tokens[position]) or self.antecedent(cue)
            return (antecedent, position + 1, "speaker-pronominal-title") if antecedent is not None else None
        before = self.subject_before(cue) if cue.part == "verb" else None
        if before is not None and before[1]:
            # «… أن واشنطن حذرت بكين»: after «أن» the subject comes first
            rule = self._subject_rule(before[0], cue, "speaker-before-verb-clause-start")
            return before[0], cue.after, rule
        topic = self.topic_subject(cue)
        if topic is not None:
            return topic, cue.after, "speaker-topic"
        if self._subject_is_relatives_noun(cue):
            # «الكتاب الذي يؤكد أن…»: a noun that is no speaker said it, not the last speaker
            described = self.relative_subject(cue)
            return (described, cue.after, "speaker-relative-antecedent") if described is not None else None
        found = self.subject_after(cue)
        if found is not None and self._disagrees_with_verb(found[0], cue):
            found = None  # «الأنبار تطالب التحالف بـ…»: a masculine noun after a feminine verb is its object
        if found is not None:
            return found[0], found[1], self._subject_rule(found[0], cue, "speaker-after-verb")
        if before is not None:
            return before[0], cue.after, self._subject_rule(before[0], cue, "speaker-before-verb")
        if cue.part == "ambiguous":
            return self._continued_speaker(cue)  # «قيل إن…»، «يقال»، «ويذكر أن»: no one named, no claim
        named_later = self._holder_named_later(cue) if cue.part == "verb" else None
        if named_later is not None:
            return named_later[0], named_later[1], "speaker-after-verb"
        if cue.part == "verb" and self._unresolved_subject(cue):
            return None  # «وقال البائع إن…»: someone kg cannot name spoke; never hand it to another speaker
        antecedent = self.antecedent(cue)
        return (antecedent, cue.after, "speaker-antecedent") if antecedent is not None else None

    def _disagrees_with_verb(self, speaker: Mention, cue: _Cue) -> bool:
        """Whether a body or a post after a feminine singular verb is a masculine singular noun, which a verb
        right before its subject would agree with («أعلن التحالف», never «أعلنت التحالف»). States and people
        are left alone (the tagger's gender for their names is unreliable), and so are unnamed sources: a
        broken plural the tagger reads as singular takes a feminine verb («أفادت تقارير»); so is a body's
        proper name without the article, which takes the gender of the noun it stands for («نفت حماس»)."""
        if (speaker.kind != ORGANIZATION and speaker.via != Via.ROLE) or speaker.via == Via.ANONYMOUS:
            return False
        first = self.doc.token_at(speaker.start)
        verb = self.doc.tokens[cue.position]
        if first is None or first != self._skip_adverbials(cue.after, self.doc.sentence_end(cue.position)):
            return False  # only a noun right after the verb: a verb agrees less with a subject further off
        token = self.doc.tokens[first]
        noun, common = token.main, strip_article(token.bare) != token.bare
        return (common and _verb_gender(verb) == "Fem" and feature(noun, "Gender") == "Masc"
                and feature(noun, "Number") == "Sing")

    def _continued_speaker(self, cue: _Cue) -> tuple[Mention, int, str] | None:
        """«… ". وذكر أن…»: a continuing form that opens the sentence right after a speaker's words is that
        speaker going on; its content starts at the form's own complementizer."""
        doc, state, lexicon = self.doc, self.state, self.lexicon
        length = doc.phrase_at(cue.position, lexicon.ambiguous_forms, lexicon.longest_phrase)
        if _phrase_of(doc, cue.position, length) not in lexicon.continuing_forms:
            return None
        opening = doc.sentence_start(cue.position)
        if not (cue.position == opening or (cue.position == opening + 1 and (doc.tokens[opening].key,) in
                                             lexicon.connectives)):
            return None  # «كما ذكر أن» opens a sentence too; a form inside one is the passive
        said_until = max(state.last_speaker_at, state.last_said_end - 1)
        if state.last_speaker is None or state.last_said_end < 0:
            return None
        if self._sentences_since(said_until, cue) > 1:
            return None
        antecedent = self.antecedent(cue)
        return (antecedent, cue.after, "speaker-continuing") if antecedent is not None else None

    def _subject_rule(self, speaker: Mention, cue: _Cue, rule: str) -> str:
        """A subject's rule; parties named together have their own, named there or taken up («الجانبان»)."""
        if speaker.via != Via.GROUP:
            return rule
        here = speaker.start >= self.doc.tokens[self.doc.sentence_start(cue.position)].start
        return "speaker-joint" if here else "speaker-joint-reference"

    # ── parties speaking as one ──

    def _party(self, mention: Mention) -> bool:
        return (mention.kind in SPEAKER_KINDS and mention.via in PARTY_VIAS
                and mention_identity(mention) is not None)

    def _party_at(self, position: int) -> Mention | None:
        """The longest party a token begins, after its conjunction: «والبرازيل»."""
        token = self.doc.tokens[position]
        found = [m for m in self.starting_in(token.start, token.end) if self._party(m)]
        return max(found, key=lambda m: m.end - m.start) if found else None

    def _joined_parties(self, first: Mention, limit: int) -> tuple[list[Mention], int]:
        """``first`` and the parties joined to it by «و» («الصين والبرازيل»), or nisba adjectives side by side
        («سعودي أردني»); with the position after the last."""
        doc, parties = self.doc, [first]
        position = (doc.token_at(first.end - 1) or 0) + 1
        while position < limit:
            token, party = doc.tokens[position], self._party_at(position)
            if party is None:
                break
            joined = token.surface[:1] == "و" and party.start > token.start
            side_by_side = parties[-1].via == party.via == Via.NISBA and party.start == token.start
            if not (joined or side_by_side):
                break
            parties.append(party)
            position = (doc.token_at(party.end - 1) or position) + 1
        return parties, position

    def group_of(self, parties: Sequence[Mention]) -> Mention | None:
        """Two or more parties as one speaker, or None when they are one."""
        identities = [mention_identity(p) for p in parties]
        if None in identities:
            return None  # a party that is no entity («مصدر عسكري», a post no one holds) makes no group
        keys = tuple(dict.fromkeys(identity_key(i) for i in identities if i is not None))
        if len(keys) < 2:
            return None
        first, last = parties[0], parties[-1]
        return Mention(text=self.doc.text[first.start:last.end], start=first.start, end=last.end,
                       sentence=first.sentence, kind=ORGANIZATION, via=Via.GROUP, members=keys)

    def _dual_construct(self, token: Token) -> bool:
        """«وزيرا خارجية…», «رئيسي وزراء…»: a speaker noun's dual before its genitive, which the tagger
        reads as one (or as a name)."""
        keys = {strip_article(token.bare), strip_article(token.key)}  # «وزيرا», once split as «و» + «زيرا»
        return any(key[-1:] in ("ا", "ي") and key[:-1] in self.lexicon.speaker_nouns for key in keys)

    def group_in(self, np: tuple[int, int], limit: int) -> tuple[Mention, int] | None:
        """Parties named together as a subject, and the position after them: a phrase that opens with them
        («دعت الصين والبرازيل»), or a plural, dual or statement noun whose phrase holds them («وزراء خارجية
        دول الخليج وأمريكا»، «بيان سعودي أردني»، «الباحثان ناثان براون وميشيل دين»). A noun that takes up
        parties named before («الجانبان»، «الوزراء») gives those."""
        head = self.doc.tokens[np[0]]
        start, end = self._np_span(np)
        if np[1] < limit:
            end = self.doc.tokens[np[1]].end  # the names in apposition after «الباحثان»
        first = next((m for m in self.mentions_in(start, end) if self._party(m) and m.start >= start), None)
        many = (any(f"Number={n}" in head.main.feats for n in ("Plur", "Dual"))
                or head.key in self.lexicon.group_references  # the tagger takes many a dual for one
                or self._dual_construct(head) or _lookup(head, self.lexicon.nouns) is not None)
        if first is not None and (first.start < head.end or many):
            # not «مدير مكتب السعودية والخليج»: one person's post, whatever it names
            parties, after = self._joined_parties(first, limit)
            group = self.group_of(parties)
            if group is not None:
                return group, max(after, np[1])
        joint = np[0] + 1 < np[1] and self.doc.tokens[np[0] + 1].key in JOINT_ADJECTIVES and (
            _lookup(head, self.lexicon.nouns) is not None)  # «البيان المشترك»: the statement of the parties
        if (head.key in self.lexicon.group_references or joint) and self.state.last_group is not None:
            after = np[0] + 1
            while after < np[1] and _attribute(self.doc.tokens[after]):
                after += 1  # «الجانبان السعودي والأردني»
            return self.state.last_group, after
        return None

    # ── outlets ──

    def outlet_in(self, np: tuple[int, int], speaker: Mention | None) -> Mention | None:
        """The outlet a noun phrase names («وكالة أنباء بيلتا الحكومية», «رويترز»), or None."""
        doc = self.doc
        window = np[1]
        limit = doc.sentence_end(np[0])
        while window < min(limit, np[1] + 4):  # «موقع (روسيا اليوم) الإخباري»
            token = doc.tokens[window]
            if (
                token.key in self.lexicon.complementizers
                or token.surface.strip() in CLAUSE_PUNCTUATION + DASHES
            ):
                break
            window += 1
        for position in range(np[0], window):
            length = doc.phrase_at(
                position, self.lexicon.outlets, self.lexicon.longest_phrase, prepositions=True
            )
            if length:
                return self._outlet_named(doc.tokens[position : position + length])
        if speaker is not None and speaker.known_id and speaker.known_id in self.lexicon.outlets.values():
            return speaker  # a speaker the lexicon knows as an outlet
        head = doc.tokens[np[0]]
        two = doc.phrase_at(np[0], self.lexicon.outlet_nouns, self.lexicon.longest_phrase)
        if two or self._noun_key(head) in {p[0] for p in self.lexicon.outlet_nouns if len(p) == 1}:
            start, end = self._np_span(np)
            if head.clitic_preposition:
                start += 1
            return Mention(
                text=doc.text[start:end],
                start=start,
                end=end,
                sentence=doc.sentence_index(head.sentence),
                kind=ORGANIZATION,
                via="role",
            )
        return None

    def _outlet_named(self, tokens: Sequence[Token]) -> Mention:
        """The outlet the lexicon knows on these tokens: the mention that covers them, else a new one."""
        doc = self.doc
        key = _phrase_of_table(tokens, self.lexicon.outlets)
        named = [
            m
            for m in self.mentions_in(tokens[0].start, tokens[-1].end)
            if m.kind == ORGANIZATION and m.start <= tokens[0].start + 1 and m.end >= tokens[-1].end
        ]
        if named:
            return named[0]
        start, text = tokens[0].start, doc.text[tokens[0].start : tokens[-1].end]
        if key is not None and key[0] not in tokens[0].keys:
            # «لرويترز», «للشرق الأوسط»: the name starts after the preposition, which took the article's alif
            start += 2 if tokens[0].bare.startswith("لل") else 1
            text = ("ال" if tokens[0].bare.startswith("لل") else "") + doc.text[start : tokens[-1].end]
        return Mention(
            text=text,
            start=start,
            end=tokens[-1].end,
            sentence=doc.sentence_index(tokens[0].sentence),
            kind=ORGANIZATION,
            known_id=self.lexicon.outlets.get(key) if key else None,
            via="name",
        )

    # ── content ──

    def _cut_points(self, position: int, limit: int) -> int:
        """Where reported content that starts at ``position`` ends: a participle cue, an attribution or a
        claim boundary after a comma, a coordinated speech verb, or ``limit``."""
        doc = self.doc
        for p in range(position, limit):
            token = doc.tokens[p]
            after_comma = p > position and doc.tokens[p - 1].surface.strip() in CLAUSE_PUNCTUATION + DASHES
            if (after_comma or self._introduces(p + 1, limit)) and _lookup(token, self.lexicon.participles):
                # «…، قائلا إن», «… قائلًا: "…"»: a second claim; «مهددا» with no comma and no «أن» or colon
                # after it is an adjective
                return p - 1 if after_comma else p
            if after_comma and self._ends_claim(p, limit, attributions=True):
                return p - 1
            if after_comma and self._next_statement(p, limit):
                return p - 1  # «…، كما أكد أن…»، «…، لكنه أوضح أن…»: the speaker's next statement
            if (
                p > position + 1
                and token.key != token.bare
                and token.is_verb  # «ونشر الفساد»: a verbal noun coordinated inside the claim is no new verb
                and _verb_cue(doc, token) is not None
                and not self._inside_quote(token.start)
            ):
                return p  # «… وأشاد ببيلاروس»: a second speech verb, a second claim
        return limit

    def _introduces(self, position: int, limit: int) -> bool:
        """Whether the token at ``position`` opens what a participle says: a colon or a complementizer."""
        if position >= limit:
            return False
        token = self.doc.tokens[position]
        return token.surface.strip() == ":" or _complementizer(self.lexicon, token)

    def _ends_claim(self, position: int, limit: int, attributions: bool = False) -> bool:
        """A claim boundary at ``position`` (and an attribution phrase, when asked). «وفق», «بحسب», «طبقا»
        end a claim only before a source («وفقا لوزارة الدفاع», «بحسب المصدر», «وفق ما ذكرت»); before
        anything else they are part of it («التعامل وفق مبادئ حسن الجوار», «حسب الخطة»)."""
        doc, longest = self.doc, self.lexicon.longest_phrase
        attribution = doc.phrase_at(position, self.lexicon.attributions, longest)
        if not attribution:
            return bool(doc.phrase_at(position, self.lexicon.claim_boundaries, longest))
        if not (attributions or doc.phrase_at(position, self.lexicon.claim_boundaries, longest)):
            return False
        after = position + attribution
        if after >= limit:
            return True
        token = doc.tokens[after]
        return (
            _verb_cue(doc, token) is not None
            or self._is_speaker_noun(token)
            or any(m.kind in SPEAKER_KINDS for m in self.starting_in(token.start, token.end))
        )

    def _next_statement(self, position: int, limit: int) -> bool:
        """A connective at ``position`` followed by a speech verb («كما أكد», «لكنه أوضح»)."""
        doc = self.doc
        size = doc.phrase_at(position, self.lexicon.connectives, self.lexicon.longest_phrase)
        after = position + size
        return bool(size) and after < limit and _verb_cue(doc, doc.tokens[after]) is not None

    def _inside_quote(self, offset: int) -> bool:
        return any(q.start <= offset < q.end for q in self.quotes)

    def clause(self, position: int) -> tuple[int, int] | None:
        """Reported content from ``position`` to its end, as character offsets; a quotation that opens
        inside it and closes in a later sentence extends it."""
        doc = self.doc
        limit = doc.sentence_end(position)
        end_position = self._cut_points(position, limit)
        if end_position <= position:
            return None
        start, end = doc.tokens[position].start, doc.tokens[end_position - 1].end
        for quote in self.quotes:
            if start <= quote.start < end and quote.end > end and quote.closed:
                end = quote.end + 1  # keep the closing mark inside the claim's text
        return _trim(doc.text, start, end, frozenset())

    def noun_complement(self, position: int) -> tuple[int, int] | None:
        """A noun complement («دعا إلى تعزيز العلاقات … مع بيلاروس إثر …»): to the second comma that no «و»
        follows (the words after the first still qualify the object: «أعلن بوتين تعزيز قوة الردع، ردا على
        مشروع أميركي…»), a comma before another speech clause, an adjunct preposition, a cut point or the
        end of the sentence."""
        doc = self.doc
        limit = self._cut_points(position, doc.sentence_end(position))
        end = position
        verbless = True
        bare_commas = 0
        while end < limit:
            token = doc.tokens[end]
            if token.key in self.lexicon.adjunct_prepositions and end > position and verbless:
                break  # «دعا إلى تعزيز العلاقات إثر محادثات…»; but «اتفاق توصل إليه الزعيمان منذ…»
            if end > position and self._ends_claim(end, limit):
                break  # «دعا إلى وقف إطلاق النار خلال اتصال هاتفي…»
            if token.main.upos == "VERB":
                verbless = False
            if token.surface.strip() in CLAUSE_PUNCTUATION + DASHES and end > position:
                following = doc.tokens[end + 1] if end + 1 < limit else None
                relative = following is not None and following.key in self.lexicon.relative_pronouns
                if following is None or self._cue_at(end + 1) is not None:
                    break  # another speech clause after the comma («، مشيرا إلى أن…»)
                if following.key == following.bare and not relative:
                    bare_commas += 1
                    if bare_commas > 1 or feature(following.main, "Aspect") == "Perf":
                        break  # «…، قتل أكثر من 750 شخصا»: a past verb opens a clause of its own
            if token.surface.strip() in SENTENCE_PUNCTUATION and not _abbreviation_dot(doc, end):
                break
            end += 1
        if end <= position:
            return None
        start, stop = doc.tokens[position].start, doc.tokens[end - 1].end
        for quote in self.quotes:
            if start <= quote.start < stop and quote.end >= stop:
                stop = quote.end + 1
        return _trim(doc.text, start, stop, frozenset())

    def quote_opening_at(self, position: int) -> _Quote | None:
        """The quotation whose opening mark is the token at ``position`` (or glued to its start)."""
        token = self.doc.tokens[position]
        for quote in self.quotes:
            if quote.opened and token.start <= quote.start - 1 < token.end + 1 and not quote.consumed:
                return quote
        return None

    def content_after(self, cue: _Cue, start: int) -> _Content | None:
        """What a cue's speaker said, looked for from token ``start`` on: (kind, start, end, quote)."""
        search = _ContentSearch(cue, start, self.doc.sentence_end(cue.position))
        position = start
        if cue.cue.takes_object:
            position = self._after_parenthesis(self._after_apposed_post(start, search.limit), search.limit)
            position = self._after_addressee(position, search.limit)  # «ونفى لـ«الحياة» وصول…»
            # «أعلنت الولايات المتحدة الخميس تسليم…»: when it was said, then what
            position = self._after_time_phrase(self._skip_adverbials(position, search.limit), search.limit)
            position = self._after_occasion(position, search.limit)
        if cue.part != "noun" and position < search.limit and self._saying_noun(self.doc.tokens[position]):
            position += 1  # «صرح بقوله "…"»: the noun of saying after the verb; what was said follows it
        first = True
        rules = (self._content_quoted, self._content_after_colon, self._content_after_complementizer,
                 self._content_after_preposition, self._content_as_object, self._content_elsewhere)
        if cue.cue.requires_complement:
            # «تحدث عن», «خلص إلى (أن)»: only what its preposition opens
            rules = (self._content_after_preposition, self._content_elsewhere)
        while position < search.limit:
            decision = next(filter(None, (rule(search, position, first) for rule in rules)), None)
            if decision is None:
                first = False
                position += 1
            elif decision.resume is None:
                return decision.content
            else:
                position = decision.resume
                if cue.cue.requires_complement:  # «خلص إلى أن…»: the clause its preposition opens
                    rules = (self._content_after_complementizer, self._content_elsewhere)
        return None

    def _only_a_name(self, quote: _Quote) -> bool:
        """«تعتبر إيران و"الحرس الثوري الإيراني" تحت الحظر»: marks around one name hold no statement."""
        inside = self.mentions_in(quote.start, quote.end)
        return any(m.start <= quote.start and quote.end <= m.end for m in inside)

    def _saying_noun(self, token: Token) -> bool:
        """«قوله», «بقوله», «بالقول»: the noun of saying, with or without «ب»."""
        return any((saying := self.lexicon.nouns.get(key)) is not None and saying.lemma == "قول"
                   for key in (token.key, *_without_preposition(token.key)))

    def _content_quoted(self, search: _ContentSearch, position: int, first: bool) -> _Decision | None:
        """A quotation opening here is what was said; a name in marks is passed over («لـ«الشرق الأوسط»
        إن…»، «عملية "عاصفة الحزم"»): what was said comes after."""
        quote = self.quote_opening_at(position)
        if quote is None:
            return None
        statement = quote.words(self.doc.text) >= MIN_QUOTE_WORDS and not self._governed_name(position) and (
            not self._only_a_name(quote))
        if statement and not self._complementizer_after(quote, search.limit):
            return _Decision((DIRECT, quote.start, quote.end, quote))
        while position < search.limit and self.doc.tokens[position].start < quote.end:
            position += 1
        return _Decision(resume=position)

    def _agency_speaks(self, outlet: Mention, speaker: Mention) -> bool:
        """Whether the speaker is the news agency the phrase names, or one it takes up («وذكرت الوكالة»)."""
        agencies = self.lexicon.agency_nouns
        # «الوكالة»: the agency named before, taken up by the first word of an agency noun
        taken_up = strip_article(fold(outlet.text)) in {phrase[0] for phrase in agencies}
        named = any(_opens_with(text, agencies) for text in (outlet.text, speaker.text, speaker.name or ""))
        return (outlet.start <= speaker.start < outlet.end or taken_up) and named

    def _governed_name(self, position: int) -> bool:
        """«المستشار القانوني لـ«الجيش السوري الحر» أسامة أبو زيد»: marks right after a preposition written
        apart hold a name the preposition governs (a body, an outlet), never what was said."""
        return position > 0 and self.doc.tokens[position - 1].key in DETACHED_PREPOSITIONS

    def _complementizer_after(self, quote: _Quote, limit: int) -> bool:
        """«يعتبر فلان، كاتب "الجغرافية السياسية للقمح" أن…»: marks right before «أن» hold a title in the
        speaker's phrase or the object, not what was said; that is the clause after «أن». A longer quotation
        is a statement of its own, whatever follows it."""
        doc = self.doc
        if quote.words(doc.text) > MAX_TITLE_WORDS:
            return False
        position = doc.token_at(quote.end)
        closing = position is not None and doc.tokens[position].end <= quote.end + 1
        if closing and doc.tokens[position].is_punctuation:
            position += 1
        if position is None or position >= limit:
            return False
        token = doc.tokens[position]
        return token.key in self.lexicon.complementizers or self._complementizer_with_pronoun(token)

    def _content_after_colon(self, search: _ContentSearch, position: int, first: bool) -> _Decision | None:
        """After a colon: the quotation that opens there, else the clause."""
        surface = self.doc.tokens[position].surface.strip()
        if not surface.startswith(":"):
            return None
        following = position + 1
        if following < len(self.doc.tokens):
            quote = self.quote_opening_at(following) or self.quote_opening_at(position)
            if quote is not None and quote.words(self.doc.text) >= MIN_QUOTE_WORDS:
                return _Decision((DIRECT, quote.start, quote.end, quote))
        return _Decision(self._reported(self.clause(following)) if following < search.limit else None)

    def _content_after_complementizer(self, search: _ContentSearch, position: int,
                                      first: bool) -> _Decision | None:
        """After «أن»/«إن»: a quotation right after it, else the clause; «أنه»، «إنها»: the pronoun is the
        clause's subject and stays in it."""
        token, doc = self.doc.tokens[position], self.doc
        bare = token.key in self.lexicon.complementizers
        if not (bare or self._complementizer_with_pronoun(token)):
            return None
        following = position + 1
        quote = self.quote_opening_at(following) if following < len(doc.tokens) else None
        if (quote is not None and quote.start - doc.tokens[following].start <= 2
                and quote.words(doc.text) >= MIN_QUOTE_WORDS):
            return _Decision((DIRECT, quote.start, quote.end, quote))
        if bare and following >= search.limit:
            return _Decision()
        return _Decision(self._reported(self.clause(following if bare else position)))

    def _content_after_preposition(self, search: _ContentSearch, position: int,
                                   first: bool) -> _Decision | None:
        """A preposition the cue governs («أعرب عن…», «طالب بـ…») opens what was said; another word's
        preposition before «أن» («مخاوف من أن…») means the clause is not this cue's."""
        token, doc = self.doc.tokens[position], self.doc
        prepositions = search.cue.cue.complement_prepositions
        pronouns = self.lexicon.pronoun_suffixes
        if position == search.start and _resumptive_complement(token, prepositions, pronouns):
            return _Decision()  # «12 مقاتلة وعد بها الرئيس أوباما»: the verb of a relative clause on the noun
        if token.key in prepositions and position + 1 < search.limit:
            following = doc.tokens[position + 1]
            if following.key in self.lexicon.complementizers or self._complementizer_with_pronoun(following):
                return _Decision(resume=position + 1)
            return _Decision(self._reported(self._with_addressee(search, position,
                                                                 self.noun_complement(position + 1))))
        if (
            position > search.start  # right after the speaker, a name's last word («وانغ ون بين أن…»)
            and not token.is_punctuation  # the tagger calls a comma before «إن» an ADP
            and (token.key in self.lexicon.prepositions or self._lone_preposition(token))
            and position + 1 < search.limit
            and doc.tokens[position + 1].key in self.lexicon.complementizers
            and not self.mentions_in(token.start, token.end)
        ):
            return _Decision()  # «مخاوف من أن…»، «بعد أن…»: a clause of another word, not of this cue
        if ("ب" in prepositions and token.clitic_preposition and token.words[0].text.startswith("ب")
                and token.key not in ON_BEHALF_OF):
            span = self._with_addressee(search, position, self.noun_complement(position))
            return _Decision(self._reported(span))
        return None

    def _with_addressee(self, search: _ContentSearch, position: int, span: tuple[int, int] | None
                        ) -> tuple[int, int] | None:
        """«ودعا الوزير الشعب اليمني بمختلف مكوناته إلى الوقوف…»: for a cue that calls on someone, what was
        said begins with the one called on, a noun phrase between the speaker and the preposition."""
        if span is None or not search.cue.cue.addresses:
            return span
        # «ودعا الجبير أمس إلى…», «وطالب الرئيس في كلمته بـ…»: when and where, not whom
        start = self._after_time_phrase(self._skip_adverbials(search.start, position), position)
        between = self.doc.tokens[start: position]
        if not between or len(between) > MAX_ADDRESSEE or any(
                t.is_punctuation or t.is_verb or _complementizer(self.lexicon, t) for t in between):
            return span
        before = self.doc.tokens[start - 1] if start > 0 else None
        if between[0].key in self.lexicon.prepositions or between[0].clitic_preposition or (
                before is not None and before.key in self.lexicon.prepositions):
            return span
        return between[0].start, span[1]

    def _content_as_object(self, search: _ContentSearch, position: int, first: bool) -> _Decision | None:
        """A noun object right after the speaker is what was said («أكد أهمية…»)."""
        if first and search.cue.cue.takes_object and self._can_be_object(self.doc.tokens[position]):
            return _Decision(self._reported(self.noun_complement(position)))
        return None

    def _content_elsewhere(self, search: _ContentSearch, position: int, first: bool) -> _Decision | None:
        """Another speech clause or the sentence's end: this cue said nothing here."""
        token = self.doc.tokens[position]
        if position > search.start and self._cue_at(position) is not None and token.key != token.bare:
            return _Decision()  # another speech clause begins: this cue's content is elsewhere
        surface = token.surface.strip()
        if surface in SENTENCE_PUNCTUATION and surface != "…" and not _abbreviation_dot(self.doc, position):
            return _Decision()
        return None

    @staticmethod
    def _reported(span: tuple[int, int] | None) -> _Content | None:
        return (REPORTED, *span, None) if span else None

    def _can_be_object(self, token: Token) -> bool:
        """A noun object right after the speaker («ذكر لوكاشينكو خططا…», «تأكيد الرئيس رفض بلاده…»); the
        tagger often takes a verbal noun for a verb, so only function words are refused, and a pronoun
        («تنفي حماس ذلك») says nothing of its own."""
        if token.is_punctuation or token.clitic_preposition or token.split_conjunction:
            return False
        if token.main.upos in ("PRON", "DET"):
            return False
        if token.key in self.lexicon.prepositions or token.key in self.lexicon.complementizers:
            return False
        return token.key not in self.lexicon.adverbials and token.main.upos not in ("ADP", "SCONJ", "PART")

    def _name_in_marks(self, quote: _Quote) -> bool:
        """A quoted span that is one whole name right after the noun it names («منظومة "ثاد"»، «شركة "روس
        أوبورون إكسبورت"»): a name in marks, not what anyone said."""
        doc = self.doc
        if not quote.opened or not quote.closed:
            return False
        position = doc.token_at(quote.start)
        if position is None:
            return False
        if doc.tokens[position].start == quote.start:
            position -= 1  # the opening mark is a token of its own
        if position <= 0 or not self._is_nominal(doc.tokens[position - 1]):
            return False
        if doc.tokens[position - 1].sentence != doc.tokens[position].sentence:
            return False
        inside = self.mentions_in(quote.start, quote.end)
        return any(m.start <= quote.start and quote.end <= m.end for m in inside)

    def _after_parenthesis(self, position: int, limit: int) -> int:
        """After «، في بيان ،» or «، الجمعة الماضي،» between the speaker and a noun object («أعلنت الوزارة، في
        بيان، تقديم…»): a short prepositional phrase, or time words alone, between commas say where or when
        it was said, not what."""
        doc = self.doc
        if position >= limit or doc.tokens[position].surface.strip() not in CLAUSE_PUNCTUATION[:2]:
            return position
        first = position + 1
        timed = first < limit and self._adverbial_or_time(doc.tokens[first])
        opening = doc.tokens[first] if first < limit else None
        if opening is None or not (
                opening.key in self.lexicon.prepositions or opening.clitic_preposition or timed):
            return position
        for p in range(first + 1, min(first + MAX_PARENTHESIS + 1, limit)):
            token = doc.tokens[p]
            if token.surface.strip() in CLAUSE_PUNCTUATION[:2]:
                return p + 1
            if token.is_punctuation or token.key in self.lexicon.complementizers or self.quote_opening_at(p):
                return position
            if timed and not self._adverbial_or_time(token):
                return position
        return position

    def _after_occasion(self, position: int, limit: int) -> int:
        """«وأكدت القوات المسلحة، في بيان رسمي حصلت «الشرق الأوسط» على نسخة منه، تسلمها…»: an occasion
        phrase («في بيان», «خلال لقائه») up to a comma says where it was said, and the object follows the
        comma; with no comma, or a complementizer before it, nothing is passed over."""
        doc, lexicon = self.doc, self.lexicon
        first = position + 1 if position < limit and doc.tokens[position].surface.strip() in (
            CLAUSE_PUNCTUATION) else position
        if first >= limit or not doc.phrase_at(first, lexicon.occasions, lexicon.longest_phrase):
            return position
        for p in range(first + 1, min(first + MAX_OCCASION + 1, limit)):
            token = doc.tokens[p]
            if token.surface.strip() in CLAUSE_PUNCTUATION:
                return p + 1
            if token.key in lexicon.complementizers or token.surface.strip() in SENTENCE_PUNCTUATION:
                return position
        return position

    def _adverbial_or_time(self, token: Token) -> bool:
        adverbials = self.lexicon.adverbials
        return token.key in adverbials or token.bare in adverbials or self._time_word(token)

    def _after_apposed_post(self, position: int, limit: int) -> int:
        """After a post in apposition to the person just named, to the comma that closes it: «وأكد أحمد
        الجروان، رئيس البرلمان العربي، دعم…», «أعلن هيساو تاناكا رئيس شركة توشيبا أمس، استقالته»: the post is
        the speaker's, not what was said."""
        doc = self.doc
        if position == 0 or position >= limit:
            return position
        named = doc.tokens[position - 1]
        if not any(m.kind == PERSON and m.via in NAMED and m.end == named.end
                   for m in self.mentions_in(named.start, named.end)):
            return position
        at = position + 1 if doc.tokens[position].surface.strip() in CLAUSE_PUNCTUATION[:2] else position
        if at >= limit or self.lexicon.speaker_nouns.get(self._noun_key(doc.tokens[at])) != PERSON:
            return position
        for p in range(at + 1, min(at + MAX_APPOSED_POST + 1, limit)):
            token = doc.tokens[p]
            if token.surface.strip() in CLAUSE_PUNCTUATION[:2]:
                return p + 1
            if (token.is_punctuation or token.key in self.lexicon.complementizers or token.is_verb
                    or self.quote_opening_at(p)):
                return position
        return position

    def _after_time_phrase(self, position: int, limit: int) -> int:
        """After «في منتصف يونيو (حزيران) الفائت» between the speaker and a noun object: «في» or «خلال» with
        time nouns, numbers and their parenthesis say when it was said, not what."""
        doc = self.doc
        if position >= limit or doc.tokens[position].key not in ("في", "خلال"):
            return position
        end = position + 1
        while end < limit and self._time_word(doc.tokens[end]):
            end += 1
        return end if end > position + 1 and any(
            doc.tokens[p].bare in self.lexicon.time_nouns for p in range(position + 1, end)) else position

    def _time_word(self, token: Token) -> bool:
        return (token.bare in self.lexicon.time_nouns or token.key in self.lexicon.time_nouns
                or token.main.upos == "NUM" or token.surface.strip() in ("(", ")"))

    def _lone_preposition(self, token: Token) -> bool:
        """A preposition of its own («بعد»، «قبل»), not a clitic one on a noun."""
        return len(token.words) == 1 and token.main.upos == "ADP"

    def _complementizer_with_pronoun(self, token: Token) -> bool:
        return token.key not in self.lexicon.complementizers and _complementizer(self.lexicon, token)

    def _cue_at(self, position: int) -> _Cue | None:
        return next((c for c in self.cues if c.position == position), None)

    def pending_quote(self, cue: _Cue) -> _Quote | None:
        """A quotation the speech clause after it attributes: «"…"، قال X», «…“، ونقلت الوكالة عن X قوله»,
        or an unclosed quotation cut where this clause begins."""
        doc = self.doc
        at = doc.tokens[cue.position].start
        s_first = doc.tokens[doc.sentence_start(cue.position)].start
        candidates = []
        for quote in self.quotes:
            if quote.consumed or quote.end > at:
                continue
            if quote.cut_at is not None and abs(quote.cut_at - at) <= 2:
                return quote
            if quote.end >= s_first and not any(s <= quote.start < e for s, e in self.claimed_spans):
                between = doc.text[quote.end : at]
                if not any(at > c_start > quote.end for c_start, _ in self.claimed_spans):
                    candidates.append((quote, between))
        if candidates:
            return candidates[-1][0]
        return None

    # ── claims ──

    def emit(
        self,
        speaker: Mention,
        kind: str,
        start: int,
        end: int,
        cue: SpeechCue | None,
        at: int,
        reported_by: Mention | None = None,
        rules: tuple[str, ...] = (),
    ) -> None:
        doc = self.doc
        end = self._without_stray_closing(start, end)
        if end <= start or len(doc.text[start:end].split()) < MIN_CLAIM_WORDS:
            return  # one or two words are a name, a title or a scare quote, not a statement
        if not self._can_speak(speaker):
            return
        for other in self.claims:
            overlap = min(end, other.end) - max(start, other.start)
            if overlap > 0 and overlap * 2 > min(end - start, other.end - other.start):
                if _same_entity(other.speaker, speaker):
                    return  # «ورد المتحدث قائلا: "…"»: two cues, one statement
        position = doc.token_at(start)
        sentence = doc.sentence_index(doc.tokens[position].sentence) if position is not None else 0
        relay = self.state.relay
        if reported_by is None and relay is not None and relay[1] <= at < relay[2]:
            reported_by = relay[0]
            self.state.relay_used = True
        inside = tuple(m for m in self.mentions_in(start, end) if start <= m.start and m.end <= end)
        claim = Claim(
            speaker=speaker,
            text=doc.text[start:end],
            start=start,
            end=end,
            sentence=sentence,
            kind=kind,
            cue=cue.lemma if cue is not None else None,
            reported_by=reported_by,
            mentions=inside,
            rules=rules,
        )
        self.claims.append(claim)
        self.claimed_spans.append((start, end))
        for quote in self.quotes:
            if start <= quote.start and quote.end <= end:
                quote.consumed = True
        self._remember_speaker(speaker, at, end)
        if speaker.via == Via.GROUP:
            self.state.last_group = speaker

    def _can_speak(self, speaker: Mention) -> bool:
        """Whether a mention can be a speaker: a single word the model took for a name but the tagger reads
        as a pronoun, an adverb, a verb, an adjective or a function word («هؤلاء», «حرفيا», «ترافقيني»,
        «عربي»), or a day's name («والخميس»), cannot; nor a phrase that opens with a complementizer or holds a
        vocative («انه لشرف», «طالبتم يا معالي»), nor a plural common noun taken for a person («مقيمون»,
        «محامون»: many people, no one named). Known entities, roles and bodies always can."""
        if speaker.known_id or speaker.name or speaker.via in ("role", "anonymous", "group"):
            return True  # known, or the surname of someone named before, or parties named together
        tokens = self.doc.tokens_within(speaker.start, speaker.end)
        if not tokens:
            return True
        vocative = any(t.key in self.lexicon.vocatives for t in tokens)
        if _lookup(tokens[0], self.lexicon.nouns) is not None or self._opens_clause_not_name(tokens[0]) or (
                vocative):
            return False  # «كلمة ألقاها»: a speech noun the model took for a name; its author speaks
        if len(speaker.text.split()) != 1:
            return True
        return self._one_word_can_speak(speaker, tokens[0])

    def _one_word_can_speak(self, speaker: Mention, token: Token) -> bool:
        """A one-word name the model found and no lexicon knows (see _can_speak)."""
        if speaker.kind == PERSON and token.main.upos == "NOUN" and "Number=Plur" in token.main.feats:
            return False
        word = fold(speaker.text)
        closed = self.lexicon.adverbials | self.lexicon.not_names
        if word in closed or word[1:] in closed:
            return False  # «والخميس»، «حرفيا»، «هؤلاء»، «صحيفة»: a time word, an adverb, a pronoun, a noun
        if token.clitic_preposition and token.bare.startswith(("بال", "لل", "كال")):
            return False  # «بالتخصصي»: a preposition and the article open no name
        if token.split_conjunction and speaker.start == token.start:
            return False  # «وصول»: the tagger read a conjunction and a word, the model a name; not one
        if self._after_honorific(token):
            return True  # «وقال الدكتور الأحمد»: after a title a family name, whatever the tagger reads
        return token.main.upos not in NOT_NAME_TAGS

    def _after_honorific(self, token: Token) -> bool:
        """The word right after a title («الدكتور», «المهندس», «الشيخ») in its sentence."""
        position = self.doc.token_at(token.start)
        if position is None or position == self.doc.sentence_start(position):
            return False
        return (self.doc.tokens[position - 1].key,) in self.lexicon.honorifics

    def _opens_clause_not_name(self, token: Token) -> bool:
        """«انه», «أن»: a complementizer, bare or with its pronoun, opens a clause, never a name."""
        return token.key in self.lexicon.complementizers or self._complementizer_with_pronoun(token)

    def covered(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.claimed_spans)

    def in_direct_quote(self, offset: int) -> bool:
        """Whether an offset is inside what someone is quoted as saying. A closing mark with no opening one
        gives no start to be inside of («وقال X إن … 2015".»: the quotation is guessed back to its sentence's
        start, over the verb that introduces it)."""
        return any(c.kind == DIRECT and c.start <= offset < c.end for c in self.claims) or any(
            q.opened and q.start <= offset < q.end and q.words(self.doc.text) >= MIN_QUOTE_WORDS
            for q in self.quotes
        )

    def run_verb(self, cue: _Cue) -> None:
        doc = self.doc
        token = doc.tokens[cue.position]
        if self.in_direct_quote(token.start):
            return  # a speech verb inside a quotation belongs to the quoted speaker
        if any(c.kind == REPORTED and c.start <= token.start < c.end for c in self.claims):
            return  # «قال مسؤولون إن واشنطن حذرت بكين…»: part of what the officials said
        reported_by = None
        if cue.cue.source_preposition:
            found = self._relayed_source(cue)
            if found is None:
                if cue.cue.requires_source:
                    return
            else:
                speaker, content_from, reported_by = found
                self._finish_cue(cue, speaker, content_from, reported_by, "speaker-relayed-source")
                return
        found = self.speaker_of(cue)
        if found is None:
            return
        speaker, content_from, rule = found
        if cue.part == "participle":
            governing = self._governing_speaker(cue)
            if governing is not None:
                speaker, rule = governing, "speaker-governing-clause"
            if _plural_participle(token) and _one_person(speaker):
                return  # «… موضحين أنهم…»: many spoke; the one person named before is not who
        claims = len(self.claims)
        self._finish_cue(cue, speaker, content_from, reported_by, rule)
        if len(self.claims) == claims and rule in EXPLICIT_SUBJECT_RULES and _named_actor(speaker):
            # «وأعلن تنظيم داعش مسؤوليته…، وقال إنه…»: a subject named at a verb whose words were too few
            # to keep is still the one the next verb without a subject continues
            self._remember_speaker(speaker, token.start, token.end)

    def _without_stray_closing(self, start: int, end: int) -> int:
        """Where a claim ends without the closing mark it ends on when no mark opens inside it: a stray
        mark is no part of what was said."""
        text, marks = self.doc.text, self.lexicon.quote_marks
        if end > start and text[end - 1] in marks and not any(ch in marks for ch in text[start:end - 1]):
            return _trim(text, start, end - 1, marks)[1]
        return end

    def _remember_speaker(self, speaker: Mention, at: int, said_end: int) -> None:
        """The speaker a later verb without a subject may continue: who, the cue's offset, where the words
        said end, and the gender of the cue's verb. A cue inside the words the last speaker said («كما ذكر
        أن المملكة أوضحت أن…») is reported by him: a later verb without a subject still continues him."""
        state, doc = self.state, self.doc
        if state.last_speaker is not None and state.last_speaker_at < at < state.last_said_end:
            state.last_said_end = max(state.last_said_end, said_end)
            return
        state.last_speaker, state.last_speaker_at, state.last_said_end = speaker, at, said_end
        cue_token = doc.token_at(at)
        state.last_speaker_gender = None if cue_token is None else _verb_gender(doc.tokens[cue_token])

    def _governing_speaker(self, cue: _Cue) -> Mention | None:
        """«…، قائلا إن…»: the participle's subject is the subject of the clause it hangs on."""
        s_first = self.doc.tokens[self.doc.sentence_start(cue.position)].start
        at = self.doc.tokens[cue.position].start
        same_sentence = [
            c for c in self.claims if s_first <= c.start < at or s_first <= self.state.last_speaker_at < at
        ]
        return self.state.last_speaker if same_sentence else None

    def _relayed_source(self, cue: _Cue) -> tuple[Mention, int, Mention | None] | None:
        """«نقلت وكالة X عن Y قوله …»: Y speaks, X relays."""
        doc = self.doc
        limit = doc.sentence_end(cue.position)
        relay_np = None
        position = self._skip_adverbials(cue.after, limit)
        np = self.noun_phrase(position, limit)
        if np is not None:
            relay_np = np
            position = np[1]
        source = cue.cue.source_preposition
        while position < limit and doc.tokens[position].key != source:
            if doc.tokens[position].key in self.lexicon.complementizers:
                return None
            if self._source_pronoun(doc.tokens[position], source):
                break
            position += 1
            if relay_np is None and position - cue.after > MAX_SPEAKER_PHRASE:
                return None
        if position >= limit:
            return None
        if self._source_pronoun(doc.tokens[position], source):
            # «ونقل التلفزيون الرسمي عنه قوله إن…»: the one the pronoun stands for speaks
            speaker, content_from = self.antecedent(cue), position + 1
        else:
            np = self.noun_phrase(position + 1, limit)
            if np is None:
                return None
            speaker, content_from = self.speaker_in(np), np[1]
        if speaker is None:
            return None
        if content_from < limit and _lookup(doc.tokens[content_from], self.lexicon.nouns) is not None:
            content_from += 1  # «قوله»
        relay = None
        if relay_np is not None:
            relay = self.outlet_in(relay_np, self.speaker_in(relay_np)) or self.speaker_in(relay_np)
        # An outlet named just before the verb («… “، بيلتا التي تديرها الدولة ونقلت الوكالة …»)
        s_first = doc.sentence_start(cue.position)
        for p in range(cue.position - 1, s_first - 1, -1):
            if doc.phrase_at(p, self.lexicon.outlets, self.lexicon.longest_phrase):
                named = self.outlet_in((p, p + 1), None)
                if named is not None and (relay is None or relay.via == "role"):
                    relay = named
                break
        return speaker, content_from, relay

    def _source_pronoun(self, token: Token, source: str | None) -> bool:
        """«عنه», «عنها»: the source preposition with the pronoun of the one quoted."""
        key = token.bare
        return bool(source) and key.startswith(source) and key[len(source):] in self.lexicon.pronoun_suffixes

    def _finish_cue(
        self, cue: _Cue, speaker: Mention, content_from: int, reported_by: Mention | None, rule: str
    ) -> None:
        doc = self.doc
        at = doc.tokens[cue.position].start
        content = self.content_after(cue, content_from)
        if content is None and cue.part in ("verb", "participle", "ambiguous"):
            quote = self.pending_quote(cue)
            if quote is not None:
                self.emit(speaker, DIRECT, quote.start, quote.end, cue.cue, at, reported_by,
                          rules=(rule, "content-quote-before-cue"))
                quote.consumed = True
            return
        if content is None:
            return
        kind, start, end, quote = content
        if reported_by is None:
            reported_by = self._interviewer(content_from, start) or self._addressed_outlet(cue)
        for earlier in self.quotes:
            if earlier.cut_at is not None and not earlier.consumed and abs(earlier.cut_at - at) <= 2:
                self.emit(speaker, DIRECT, earlier.start, earlier.end, cue.cue, at, reported_by,
                          rules=(rule, "content-quote-cut-by-cue"))
        if kind == REPORTED:
            np = self.noun_phrase(
                self._skip_adverbials(cue.after, doc.sentence_end(cue.position)),
                doc.sentence_end(cue.position),
            )
            outlet = self.outlet_in(np, speaker) if np is not None and cue.part == "verb" else None
            inner = self._has_inner_cue(start, end)
            if outlet is not None and self._agency_speaks(outlet, speaker) and not inner:
                return  # «وقالت وكالة الأنباء الإماراتية إن…»: an agency's own report is no one's statement
            if outlet is not None and inner:
                # The outlet relays what the clause's speaker says; should no claim come of the clause, the
                # outlet's own report is the claim (see run()).
                self.state.relay = (outlet, start, end)
                self.state.relay_used = False
                self.state.relay_claim = (speaker, kind, start, end, cue.cue, at, reported_by,
                                          ("speaker-outlet-own-report", _content_rule(kind)))
                return
        partners = self._coordinated(speaker, content_from, start)
        group = self.group_of([speaker, *partners]) if partners else None
        if group is not None:
            # «وقال الرئيس الفرنسي ونظيره الألماني…»: a joint statement, by the two together
            speaker, rule = group, "speaker-joint"
        self.emit(speaker, kind, start, end, cue.cue, at, reported_by, rules=(rule, _content_rule(kind)))
        if quote is not None and self._can_speak(speaker):
            quote.consumed = True  # one who cannot speak leaves the quotation to its speaker («كلمة ألقاها»)

    def _coordinated(self, speaker: Mention, position: int, content_start: int) -> list[Mention]:
        """Speakers joined to the first by «و» («دعت الصين والبرازيل إلى…»): each said it."""
        doc = self.doc
        partners: list[Mention] = []
        if speaker.via in ("pronoun", "group"):
            return partners
        limit = doc.sentence_end(position) if position < len(doc.tokens) else position
        while position < limit and doc.tokens[position].start < content_start:
            token = doc.tokens[position]
            joined = token.split_conjunction or bool(self.starting_in(token.start + 1, token.start + 2))
            found = [
                m
                for m in self.mentions
                if token.start <= m.start < token.end and m.kind == speaker.kind and _rank(m) < 99
            ]
            if not (joined and found and token.surface[:1] in "وف"):
                break
            partners.append(found[0])
            after = doc.token_at(found[0].end)
            position = after if after is not None and found[0].end < doc.tokens[limit - 1].end else limit
        return partners

    def _interviewer(self, position: int, content_start: int) -> Mention | None:
        """«وقال الوزير لرويترز إن…»، «في حديث لقناة الجزيرة»: the outlet the words were given to relays
        them."""
        doc = self.doc
        limit = doc.sentence_end(position) if position < len(doc.tokens) else position
        while position < limit and doc.tokens[position].start < content_start:
            token = doc.tokens[position]
            if self._addressed(token):
                np = self.noun_phrase(position, limit, allow_preposition=True)
                if np is not None:
                    outlet = self.outlet_in(np, None)
                    if outlet is not None and self._is_outlet_name(outlet, np):
                        return outlet
            position += 1
        return None

    def _addressed_outlet(self, cue: _Cue) -> Mention | None:
        """«وقال لـ«الشرق الأوسط» مصدر…»: an outlet spoken to between the verb and its subject relays the
        words."""
        if cue.part != "verb":
            return None
        doc = self.doc
        limit = doc.sentence_end(cue.position)
        first = self._skip_adverbials(cue.after, limit)
        end = self._after_addressee(first, limit)
        outlet = self.outlet_in((first, end), None) if end > first else None
        return outlet if outlet is not None and outlet.end <= doc.tokens[end - 1].end else None

    def _is_outlet_name(self, outlet: Mention, np: tuple[int, int]) -> bool:
        """An outlet by name, not a bare «للصحفيين»-like noun: the lexicon or the gazetteer knows it."""
        if np[1] - np[0] > 1 and self._noun_key(self.doc.tokens[np[0]]).startswith(
            tuple(p[0] for p in self.lexicon.outlet_nouns)
        ):
            return True  # «لصحيفة لوموند»، «لوكالة الأنباء الفرنسية»: an outlet noun with its name
        return (
            outlet.via == "name"
            or outlet.known_id is not None
            or any(
                self.doc.phrase_at(p, self.lexicon.outlets, self.lexicon.longest_phrase, prepositions=True)
                for p in range(*np)
            )
        )

    def _has_inner_cue(self, start: int, end: int) -> bool:
        return any(
            c.part in ("verb", "ambiguous") and start <= self.doc.tokens[c.position].start < end
            for c in self.cues
        )

    def run_noun(self, cue: _Cue) -> None:
        """«وجاء في بيان للخارجية الصينية أن…»، «تأكيد الزعيم البيلاروسي نقل…»: speaker in the genitive
        (or an attached pronoun), content after it."""
        doc = self.doc
        token = doc.tokens[cue.position]
        self._yield_to_noun(token)
        if self.covered(token.start) or self.in_direct_quote(token.start):
            return
        s_first, s_end = doc.sentence_start(cue.position), doc.sentence_end(cue.position)
        rule = "speaker-noun-genitive"
        if any(w.upos == "PRON" for w in token.words[1:]):
            speaker = self.antecedent(cue)
            content_from = cue.after
            rule = "speaker-noun-pronoun"
        else:
            position = cue.after
            if position < s_end and doc.tokens[position].key in ("صادر", "الصادر"):
                position += 2 if position + 1 < s_end and doc.tokens[position + 1].key == "عن" else 1
            if position < s_end and _attribute(doc.tokens[position]):
                return  # «في تصريح صحافي»: an adjective describes the statement; it names no speaker
            np = self.noun_phrase(position, s_end, allow_preposition=True)
            if np is None:
                return
            speaker = self.speaker_in(np)
            content_from = np[1]
        if speaker is None:
            return
        content = self.content_after(cue, content_from)
        if content is None:
            return
        kind, start, end, quote = content
        if any(doc.tokens[s_first].start <= c.start < end for c in self.claims):
            # «قال في تصريحات للصحفيين إن…»: the noun belongs to a speech verb's clause, which has its claim;
            # a participle clause after the noun's content («…؛ مشيرا إلى أن…») is a statement of its own
            return
        self.emit(speaker, kind, start, end, cue.cue, token.start, rules=(rule, _content_rule(kind)))

    def _yield_to_noun(self, token: Token) -> None:
        """«ولفتت الصحف الانتباه إلى إعلان الولايات المتحدة نشر…»: what sources tied to no one relay, opening
        on a speech noun, is the noun's speaker's; their claim gives way to the noun's."""
        relayed = [c for c in self.claims if c.start == token.start and c.speaker.via == Via.ANONYMOUS
                   and not (c.speaker.affiliation or c.speaker.source_body)]
        for claim in relayed:
            self.claims.remove(claim)
            self.claimed_spans.remove((claim.start, claim.end))

    def run_attribution(self, cue: _Cue) -> None:
        """«وبحسب لوكاشينكو، فقد…»، «…، وفقا لوكالة الأنباء البيلاروسية»، «…، حسبما ذكرت وزارة الدفاع»."""
        source = self._attributed_source(cue)
        if source is None:
            return
        np, speaker, outlet = source
        if self._relayed_sentence(cue, outlet) or speaker is None:
            return
        if outlet is not None and _same_entity(outlet, speaker):
            return  # «…، بحسب وكالة أنباء الشرق الأوسط»: an outlet's own report relays no one's words
        span = self._attributed_content(cue, np)
        if span is None:
            return
        self.emit(
            speaker,
            REPORTED,
            *span,
            cue.cue,
            self.doc.tokens[cue.position].start,
            reported_by=outlet if outlet is not speaker else None,
            rules=("speaker-attribution", "content-attributed-clause"),
        )

    def _attributed_source(self, cue: _Cue) -> tuple[tuple[int, int], Mention | None, Mention | None] | None:
        """The phrase after «بحسب»/«وفقا لـ», the speaker it names and the outlet relaying, if any."""
        doc = self.doc
        s_end = doc.sentence_end(cue.position)
        position = cue.after
        if self.in_direct_quote(doc.tokens[cue.position].start) or position >= s_end:
            return None
        np = self.noun_phrase(position, s_end, allow_preposition=True)
        if np is None:
            return None
        source_token = doc.tokens[position]
        if source_token.clitic_preposition and all(w.upos in ("ADP", "PRON") for w in source_token.words):
            return (position, position + 1), self.antecedent(cue), None  # «وفقا له»
        if self._same_source(np):
            speaker = self.state.last_speaker and _anaphor(self.state.last_speaker, "pronoun")
        else:
            speaker = self.speaker_in(np)
        return np, speaker, self.outlet_in(np, speaker)

    def _relayed_sentence(self, cue: _Cue, outlet: Mention | None) -> bool:
        """«…، وفقا لوكالة الأناضول» relays the claims its sentence made: whether there were any."""
        doc = self.doc
        s_first, s_end = doc.sentence_start(cue.position), doc.sentence_end(cue.position)
        sentence_claims = [
            i for i, c in enumerate(self.claims)
            if doc.tokens[s_first].start <= c.start < doc.tokens[s_end - 1].end
        ]
        for i in sentence_claims if outlet is not None else ():
            if self.claims[i].reported_by is None:
                self.claims[i] = replace(self.claims[i], reported_by=outlet)
        return bool(sentence_claims)

    def _attributed_content(self, cue: _Cue, np: tuple[int, int]) -> tuple[int, int] | None:
        """What the source said: the clause after it when the attribution leads the sentence, else the
        sentence before the attribution."""
        doc = self.doc
        s_first, s_end = doc.sentence_start(cue.position), doc.sentence_end(cue.position)
        leading = cue.position == s_first or all(
            doc.tokens[p].is_punctuation or doc.tokens[p].key in ("و", "ف")
            for p in range(s_first, cue.position)
        )
        if leading:
            content_from = np[1]
            while content_from < s_end and doc.tokens[content_from].is_punctuation:
                content_from += 1
            return self.clause(content_from) if content_from < s_end else None
        start_position = self._after_leading_segment(s_first, cue.position)
        end_position = cue.position
        while end_position > start_position and doc.tokens[end_position - 1].is_punctuation:
            end_position -= 1
        if end_position <= start_position:
            return None
        first = doc.tokens[start_position]
        # «وشهدت طرابلس اشتباكات…، وفق شهود»: the conjunction joins the sentence, not the claim
        offset = first.start + 1 if first.split_conjunction and len(first.key) > 3 else first.start
        return _trim(doc.text, offset, doc.tokens[end_position - 1].end, frozenset())

    def _same_source(self, np: tuple[int, int]) -> bool:
        """«وفق المصدر نفسه»: the source named before."""
        last = min(np[1] + 1, len(self.doc.tokens))
        keys = {strip_article(self.doc.tokens[p].key) for p in range(np[0], last)}
        return bool(keys & {"مصدر", "مصادر"}) and bool(keys & {"نفسه", "ذاته", "نفسها", "ذاتها"})

    def _after_leading_segment(self, s_first: int, limit: int) -> int:
        """Skip «كذلك،» or «في غضون ذلك ،» at the start of a sentence."""
        for p in range(s_first, min(limit, s_first + MAX_LEADING_SEGMENT + 1)):
            if self.doc.tokens[p].surface.strip() in CLAUSE_PUNCTUATION:
                return p + 1
        return s_first

    def run_standalone_quote(self, quote: _Quote) -> None:
        """A quotation no cue took: a whole sentence (or more) of the previous speaker's words."""
        doc = self.doc
        if quote.consumed or self.covered(quote.start):
            return
        position = doc.token_at(quote.start)
        if position is None:
            return
        s_first = doc.tokens[doc.sentence_start(position)].start
        before = doc.text[s_first : quote.start]
        starts_sentence = not any(ch.isalnum() for ch in before)
        long_enough = quote.words(doc.text) >= MIN_QUOTE_WORDS or any(
            ch in quote_text(doc, quote) for ch in "؟?!."
        )
        if not long_enough:
            return
        if not (starts_sentence and quote.opened):
            # a quoted phrase inside a sentence with no speech cue is a title or a scare quote; a closing mark
            # with no opening one is a stray mark, not the last speaker's words
            return
        speaker = self.state.last_speaker
        if speaker is None or not self._continues_last_speaker(quote, position):
            return
        self.emit(_anaphor(speaker, "pronoun"), DIRECT, quote.start, quote.end, None, quote.start,
                  rules=("speaker-previous", "content-standalone-quote"))
        quote.consumed = True

    def _continues_last_speaker(self, quote: _Quote, position: int) -> bool:
        """A quotation standing alone continues the last speaker only right after what they said (this
        sentence or the one before), opening with a word, and as long as a statement: a stray or mispaired
        mark («، أن…», «لـ»الجزيرة»») or a title in marks is not their words."""
        doc = self.doc
        then = doc.token_at(self.state.last_speaker_at)
        if then is None or doc.tokens[position].sentence - doc.tokens[then].sentence > 1:
            return False
        text = quote_text(doc, quote).strip()
        return bool(text) and text[0].isalpha() and quote.words(doc.text) >= MIN_STANDALONE_QUOTE_WORDS

    def run_headline(self, s_pos: int) -> None:
        """«وزير الدفاع الروسي: بيلاروس حليف مخلص…»: a paragraph that opens with a speaker and a colon."""
        doc = self.doc
        tokens = doc.sentence_tokens(s_pos)
        if not tokens:
            return
        first = doc.tokens[tokens[0]]
        if doc.paragraph_of(first.start)[0] != first.start:
            return
        colon = next((p for p in tokens if doc.tokens[p].surface.strip() == ":"), None)
        if colon is None or colon == tokens[0] or colon - tokens[0] > 6 or tokens[-1] - colon < 3:
            return
        if any(
            c.position < colon and c.part in ("verb", "ambiguous", "participle")
            for c in self.cues
            if c.position in tokens
        ):
            return
        np = self.noun_phrase(tokens[0], colon)
        if np is None or np[1] != colon:
            return
        speaker = self.speaker_in(np) or self._surname_named_below(np)
        if speaker is None:
            return
        # a headline is one paragraph, whatever the sentence splitter made of «..» in it
        end = max(doc.tokens[tokens[-1]].end, doc.paragraph_of(first.start)[1])
        span = _trim(doc.text, doc.tokens[colon + 1].start, end, self.lexicon.quote_marks)
        self.emit(speaker, DIRECT, *span, None, first.start, rules=("speaker-headline", "content-headline"))

    def run(self) -> list[Claim]:
        doc = self.doc
        cues_of: dict[int, list[_Cue]] = {}
        for cue in self.cues:
            cues_of.setdefault(doc.tokens[cue.position].sentence, []).append(cue)
        for s_pos in range(len(doc.annotated.sentences)):
            tokens = doc.sentence_tokens(s_pos)
            if tokens:
                self.run_headline(s_pos)
                first, last = doc.tokens[tokens[0]], doc.tokens[tokens[-1]]
                self.run_sentence(cues_of.get(s_pos, []), first.start, last.end)
        for quote in self.quotes:
            if not quote.consumed and quote.cut_at is not None:
                self.run_standalone_quote(quote)
        self.run_interview()
        self.claims = [c for c in self.claims if not self._repeated_headline(c)]
        return sorted(self.claims, key=lambda c: (c.start, c.end))

    def _repeated_headline(self, claim: Claim) -> bool:
        """A headline claim whose every word a claim of the body says again, whoever the body gives it to
        («مصر: جماعة الإخوان مصدر الفكر المتطرف» and «وأضاف شكري أن جماعة الإخوان مصدر الفكر المتطرف»;
        ANNOTATION.md: a headline counts when the body does not repeat it word for word)."""
        if "content-headline" not in claim.rules:
            return False
        words = _claim_words(claim.text)
        return any(other is not claim and "content-headline" not in other.rules
                   and words <= _claim_words(other.text) for other in self.claims)

    def run_interview(self) -> None:
        """«… في حواره مع "الوطن" أن…» and then questions, each a paragraph ending in «؟», and answers: the
        answers no claim covers yet are said by the one interviewed, the speaker of the claim an interview
        noun (lex:InterviewNoun) introduces. Two such pairs at least make an interview."""
        interviewee = self._interviewee()
        if interviewee is None:
            return
        doc = self.doc
        following = zip(doc.paragraphs, doc.paragraphs[1:], strict=False)
        pairs = [(question, answer) for question, answer in following
                 if self._is_question(question) and not self._is_question(answer)]
        if len(pairs) < MIN_INTERVIEW_QUESTIONS:
            return
        for _, (start, end) in pairs:
            start, end = _trim(doc.text, start, end, frozenset())
            if start > interviewee.end and not any(c.start < end and start < c.end for c in self.claims):
                self.emit(_anaphor(interviewee, "pronoun"), REPORTED, start, end, None, start,
                          rules=("speaker-interviewee", "content-answer"))

    def _interviewee(self) -> Mention | None:
        """The speaker of the first claim whose sentence holds an interview noun («في حواره مع "الوطن"»)."""
        doc = self.doc
        for claim in self.claims:
            s_pos = doc.tokens[doc.token_at(claim.start) or 0].sentence
            words = [doc.tokens[p] for p in doc.sentence_tokens(s_pos)]
            if claim.speaker.kind == PERSON and any(t.bare in self.lexicon.interview_nouns for t in words):
                return claim.speaker
        return None

    def _is_question(self, paragraph: tuple[int, int]) -> bool:
        text = self.doc.text[paragraph[0]:paragraph[1]].strip()
        return text.endswith(("؟", "?")) and len(text.split()) <= MAX_QUESTION_WORDS

    def run_sentence(self, sentence_cues: list[_Cue], s_start: int, s_end: int) -> None:
        """One sentence's claims: verbs and quotations in text order, then speech nouns (only where no verb of
        the sentence spoke: «ردا على تصريحات روته، أكد المبعوث…»), attributions, the quotations left over,
        and the relaying outlet's own claim when no other took it."""
        events: list[tuple[int, int, object]] = [
            (self.doc.tokens[cue.position].start, 1, cue) for cue in sentence_cues
            if cue.part not in ("attribution", "noun")
        ]
        events += [(quote.start, 0, quote) for quote in self.quotes if s_start <= quote.start <= s_end]
        for _, _, item in sorted(events, key=lambda e: (e[0], e[1])):
            if not isinstance(item, _Quote):
                self.run_verb(item)
            elif not self._quote_has_cue_after(item):
                self.run_standalone_quote(item)
        for part, run_cue in (("noun", self.run_noun), ("attribution", self.run_attribution)):
            for cue in sentence_cues:
                if cue.part == part:
                    run_cue(cue)
        # quotations a later cue of this sentence did not take (a quotation cut by a speech clause waits for
        # that clause)
        for quote in self.quotes:
            if s_start <= quote.start <= s_end and not quote.consumed and quote.cut_at is None:
                self.run_standalone_quote(quote)
        state = self.state
        if state.relay is not None and state.relay[2] <= s_end + 1:
            if not state.relay_used and state.relay_claim is not None:
                self.emit(*state.relay_claim)  # «أفاد التلفزيون بأن الدفاعات تصدت…»: the outlet speaks
            state.relay, state.relay_claim = None, None

    def _quote_has_cue_after(self, quote: _Quote) -> bool:
        """Whether a speech clause after the quotation, in the sentence where it ends, will claim it."""
        doc = self.doc
        if quote.cut_at is not None:
            return True
        position = doc.token_at(quote.end)
        if position is None:
            return False
        limit = doc.sentence_end(position)
        for cue in self.cues:
            if position <= cue.position < limit and doc.tokens[cue.position].start >= quote.end:
                return cue.part in ("verb", "ambiguous", "participle")
        return False


def quote_text(doc: _Text, quote: _Quote) -> str:
    return doc.text[quote.start : quote.end]


def _phrase_of_table(tokens: Sequence[Token], table: object) -> Phrase | None:
    rest = tuple(t.key for t in tokens[1:])
    for first in [*tokens[0].keys, *_without_preposition(tokens[0].bare)]:
        if (first, *rest) in table:  # type: ignore[operator]
            return (first, *rest)
    return None


def _content_rule(kind: str) -> str:
    return "content-quote" if kind == DIRECT else "content-clause"


def _claim_words(text: str) -> frozenset[str]:
    """A claim's words, folded, without the article, to compare two wordings of one statement."""
    return frozenset(strip_article(word) for word in match_key(text).split())


def _same_entity(left: Mention, right: Mention) -> bool:
    if left.known_id and right.known_id:
        return left.known_id == right.known_id
    return fold(left.name or left.text) == fold(right.name or right.text)


def _anaphor(antecedent: Mention, via: str) -> Mention:
    """A pronoun or role that stands for ``antecedent``: the antecedent's text, offsets, kind and ids. An
    unnamed source stays unnamed («وأضاف المصدر»), so that no entity is made of it."""
    if antecedent.via == Via.GROUP:
        return antecedent  # «وأكد الجانبان»: the same parties, named as before
    if antecedent.via == "anonymous":
        via = "anonymous"
    if antecedent.via in ("pronoun", "role") and antecedent.name:
        return replace(antecedent, via=via)
    if antecedent.via == "role" and antecedent.kind == ORGANIZATION and not antecedent.known_id:
        return replace(antecedent, via=via)  # «الشركة» taken up by «الشركة»: still no body anyone named
    return replace(antecedent, via=via, name=antecedent.name or antecedent.text)


def extract_claims(
    annotated: AnnotatedDocument, mentions: Sequence[Mention], lexicon: SpeechLexicon
) -> Iterator[Claim]:
    """Every statement the document attributes to an actor, in the document's order.

    ``mentions`` are the entity extractor's; a speaker is one of them, or (a role named by a speaker noun, an
    outlet of the lexicon) a Mention made here with ``via="role"``/``"name"``; pronouns and dropped subjects
    give ``via="pronoun"`` Mentions that copy their antecedent (text, offsets, ids). Nothing given is changed.
    """
    if not annotated.sentences:
        return iter(())
    return iter(_Extractor(annotated, mentions, lexicon).run())


def _has_article(token: Token) -> bool:
    """The definite article written on the word, after a clitic preposition or a conjunction or not
    («الصباغ», «للمركز», «والمركز»)."""
    return token.bare.startswith("ال") or (token.clitic_preposition and token.bare.startswith("لل"))


def _opens_with(text: str, phrases: frozenset[Phrase]) -> bool:
    """Whether a text's first words are one of the phrases («وكالة الأنباء الإماراتية» → «وكالة الأنباء»)."""
    words = tuple(fold(text).split())
    return any(words[:len(phrase)] == phrase for phrase in phrases)


def _untagged_name(doc: _Text, names: list[Token]) -> Mention:
    """A person's name the NER model missed, from its first token to its last."""
    return Mention(
        text=doc.text[names[0].start : names[-1].end],
        start=names[0].start,
        end=names[-1].end,
        sentence=doc.sentence_index(names[0].sentence),
        kind=PERSON,
        via="ner",
    )
