"""Entity mentions: AnnotatedDocument → Mentions, from the gazetteer first and Stanza's NER second.

Names are matched on the surface text of Stanza's tokens (the small models split clitics wrongly, e.g.
«لوكاشينكو» → «ل» + «وكاشينكو»), longest match first, with the leading clitics of the first token taken off by
kg.normalizing.clitic_variants(). Beside names the extractor finds what stands for an entity:

- role phrases («الرئيس البيلاروسي», «وزير الدفاع الروسي», «الناطق باسم الكرملين», «رئيس الدولة»), resolved
  to the person the document names in that role (an appositive «وزير الدفاع الروسي أندريه بيلاوسوف») or
  else to the gazetteer's holder of the post on the document's date;
- nisba adjectives alone («البيلاروسية», «الروس») → the state;
- capitals and seats of power («موسكو», «الكرملين») → a Place, via="capital", which kg.resolving maps to
  the state when it acts;
- generic weapon phrases («صواريخ باليستية», «طائرات مسيرة») and unknown designations after a system noun
  («منظومة باراك-8»).

NER spans the gazetteer does not cover become mentions typed from the NER label, trimmed of verbs, function
words and role nouns the model often swallows.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from kg.gazetteer import Gazetteer
from kg.normalizing import clitic_variants, fold, match_key
from kg.records import (
    ORGANIZATION,
    PERSON,
    PLACE,
    STATE,
    WEAPON,
    AnnotatedDocument,
    AnnotatedSentence,
    Mention,
    NamedSpan,
    Word,
)

NER_KINDS = {"PER": PERSON, "ORG": ORGANIZATION, "LOC": PLACE}
# Parts of speech that never start or end a name: verbs the NER model tags at the start of a sentence,
# prepositions, conjunctions, pronouns, particles.
FUNCTION_POS = {"VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON", "PART", "DET", "PUNCT", "SYM", "INTJ"}
NAME_POS = {"PROPN", "NOUN", "ADJ", "X", "NUM"}
# A counterpart («نظيره البيلاروسي») holds the same post as the person just named; the post is the most
# specific of that person's roles.
ROLE_PRIORITY = (
    "role-president", "role-prime-minister", "role-chancellor", "role-defence-minister",
    "role-foreign-minister", "role-secretary-general", "role-supreme-leader", "role-king", "role-emir",
    "role-crown-prince", "role-chief-of-general-staff", "role-spokesperson", "role-ambassador",
    "role-minister", "role-head-of-state", "role-leader",
)
COUNTERPART = "role-counterpart"
# Prepositions that may stand between a role and its appositive name:
# «السفير البيلاروسي لدى موسكو دميتري كروتوي».
ROLE_PLACE_PREPOSITIONS = {"لدى", "في", "الى", "إلى"}
_DESIGNATION = re.compile(r"[0-9A-Za-z٠-٩]")
_CONJUNCTIONS = {"و", "ف"}
_PREPOSITIONS = {"ب", "ل", "ك"}
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")


@dataclass(frozen=True)
class Token:
    """A Stanza token: its surface text in the document and its syntactic words."""

    position: int
    start: int
    end: int
    surface: str
    words: tuple[Word, ...]

    @property
    def ner(self) -> str:
        return self.words[0].ner

    @property
    def upos(self) -> set[str]:
        return {w.upos for w in self.words}

    @property
    def is_function_word(self) -> bool:
        """Nothing in the token can be part of a name (a preposition, a conjunction, a verb...)."""
        return not (self.upos & NAME_POS) or (self.words[0].upos in {"VERB", "AUX"} and len(self.words) == 1)

    @property
    def is_punctuation(self) -> bool:
        return all(not ch.isalnum() for ch in self.surface)


def sentence_tokens(sentence: AnnotatedSentence, text: str) -> list[Token]:
    """The sentence's tokens in order: words sharing offsets are one token."""
    groups: dict[tuple[int, int], list[Word]] = {}
    for word in sentence.words:
        groups.setdefault((word.start, word.end), []).append(word)
    return [
        Token(i, start, end, text[start:end], tuple(words))
        for i, ((start, end), words) in enumerate(sorted(groups.items()))
    ]


_Appositive = tuple  # (gazetteer id or None, unknown name or None, first token, last token)


@dataclass(frozen=True)
class _Match:
    """A gazetteer or role match over tokens [first, last]."""

    first: int
    last: int
    target: str  # entity id or role id
    stripped: int  # characters of clitics taken off the first token
    key: str = ""  # the match key that matched


@dataclass
class _DocumentContext:
    """What the document has said so far: who holds which role, and how often each person was named."""

    date: str | None
    bindings: dict[tuple[str, str | None], str] = field(default_factory=dict)  # (role, jurisdiction) → person
    role_holders: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # role → persons
    person_counts: Counter = field(default_factory=Counter)
    last_person: str | None = None
    names: dict[str, str] = field(default_factory=dict)  # person key → surface name of unknown persons

    def saw_person(self, person: str) -> None:
        self.person_counts[person] += 1
        self.last_person = person

    def bind(self, role: str, jurisdiction: str | None, person: str) -> None:
        self.bindings[(role, jurisdiction)] = person
        self.bindings[(role, None)] = person
        if person not in self.role_holders[role]:
            self.role_holders[role].append(person)


def person_key(known_id: str | None, name: str | None) -> str:
    """How the context identifies a person: the gazetteer id, else the folded name."""
    return known_id if known_id else "name:" + match_key(name or "")


def extract_mentions(annotated: AnnotatedDocument, gazetteer: Gazetteer) -> Iterator[Mention]:
    """Every entity mention of the document, in text order; offsets point into document.text."""
    text = annotated.document.text
    context = _DocumentContext(annotated.document.date)
    document_words = {fold(w) for w in re.findall(r"\w+", text)}
    for sentence in annotated.sentences:
        yield from _SentenceExtractor(sentence, text, gazetteer, context, document_words).run()


class _SentenceExtractor:
    def __init__(self, sentence: AnnotatedSentence, text: str, gazetteer: Gazetteer,
                 context: _DocumentContext, document_words: set[str]) -> None:
        self.sentence = sentence
        self.text = text
        self.gazetteer = gazetteer
        self.context = context
        self.document_words = document_words
        self.tokens = sentence_tokens(sentence, text)
        self.taken: set[int] = set()
        self.mentions: list[Mention] = []
        self.ner_tokens = self._ner_tokens(sentence.spans)

    # ---- driver ---------------------------------------------------------------------------------------
    def run(self) -> list[Mention]:
        position = 0
        while position < len(self.tokens):
            position = self._at(position)
        self._ner_mentions()
        self._designations()
        self._absorb_generic_weapons()
        return sorted(self.mentions, key=lambda m: (m.start, -m.end))

    def _at(self, position: int) -> int:
        """Try, at one token, a role phrase, a gazetteer name, a nisba adjective; return the next position."""
        if position in self.taken or self.tokens[position].is_punctuation:
            return position + 1
        role = self._match(position, self.gazetteer.roles, self.gazetteer.max_role_words)
        if role is not None:
            after = self._role_phrase(role)
            if after is not None:
                return after
        name = self._name_match(position)
        if name is not None:
            self._emit_name(name)
            return name.last + 1
        nisba = self._nisba(position)
        if nisba is not None:
            state, last = nisba
            self._emit(position, last, STATE, state, "nisba", affiliation=state)
            return last + 1
        return position + 1

    # ---- matching -------------------------------------------------------------------------------------
    def _match(self, first: int, table: dict[str, str], max_words: int) -> _Match | None:
        """The longest window starting at ``first`` whose key (first token's clitics off) is in ``table``."""
        tokens = self.tokens
        longest = min(len(tokens) - first, max_words + 2)  # «إس -400» may be three tokens for one word
        for length in range(longest, 0, -1):
            last = first + length - 1
            if any(i in self.taken for i in range(first, last + 1)):
                continue
            if length > 1 and (tokens[last].is_punctuation or any(
                    t.is_punctuation and t.surface.strip() not in "-‐‑–—" for t in tokens[first + 1:last])):
                continue
            rest = self.text[tokens[first].end:tokens[last].end]
            folded_first = fold(tokens[first].surface)
            for variant in clitic_variants(tokens[first].surface):
                stripped = max(0, len(folded_first) - len(variant))
                # An article taken off («المالي» → «مالي») changes the word: names keep theirs.
                if stripped and folded_first[:stripped].endswith("ال"):
                    continue
                key = match_key(variant + rest)
                if key in table:
                    return _Match(first, last, table[key], stripped, key)
        return None

    def _name_match(self, first: int) -> _Match | None:
        """A gazetteer name at ``first``; a homograph («كيف», «مالي») only where NER sees a name too."""
        found = self._match(first, self.gazetteer.names, self.gazetteer.max_name_words)
        if found is None:
            return None
        entity_id = self.gazetteer.names[found.key][0]
        if self.gazetteer.is_homograph(entity_id, found.key) and self.tokens[first].ner == "O":
            return None
        return _Match(found.first, found.last, entity_id, found.stripped, found.key)

    def _nisba(self, first: int) -> tuple[str, int] | None:
        tokens = self.tokens
        if first + 1 < len(tokens) and first + 1 not in self.taken:
            state = self.gazetteer.demonym_state(tokens[first].surface, tokens[first + 1].surface)
            if state:
                return state, first + 1
        state = self.gazetteer.demonym_state(tokens[first].surface)
        return (state, first) if state else None

    # ---- emitting -------------------------------------------------------------------------------------
    def _span(self, first: int, last: int, stripped: int = 0) -> tuple[int, int]:
        """Character span of tokens [first, last] without the conjunction or preposition clitics taken off
        (the article stays: «بالكرملين» → «الكرملين»)."""
        start, end = self.tokens[first].start, self.tokens[last].end
        if stripped:
            surface = self.tokens[first].surface
            folded = fold(surface)
            prefix = folded[:stripped]
            keep_article = prefix.endswith("ال")
            letters = stripped - (2 if keep_article else 0)
            if prefix == "لل":  # «للكرملين» = ل + الكرملين: the article's alef was dropped; keep the token
                letters = 0
            start += self._offset_of_letter(surface, letters)
        # Stanza leaves some punctuation inside the token («بيلاروس؛»): it is no part of the name.
        while end > start and not self.text[end - 1].isalnum():
            end -= 1
        return start, end

    @staticmethod
    def _offset_of_letter(surface: str, letters: int) -> int:
        """Character offset in ``surface`` after its first ``letters`` letters (marks skipped)."""
        seen = 0
        for offset, char in enumerate(surface):
            if seen == letters:
                return offset
            if not _ARABIC_MARKS.match(char):
                seen += 1
        return len(surface) if seen == letters else 0

    def _emit(self, first: int, last: int, kind: str, known_id: str | None, via: str, stripped: int = 0,
              affiliation: str | None = None, name: str | None = None, start: int | None = None,
              end: int | None = None) -> Mention:
        span_start, span_end = self._span(first, last, stripped)
        start = span_start if start is None else start
        end = span_end if end is None else end
        mention = Mention(self.text[start:end], start, end, self.sentence.index, kind, known_id, via,
                          affiliation, name)
        self.mentions.append(mention)
        self.taken.update(range(first, last + 1))
        if kind == PERSON:
            self.context.saw_person(person_key(known_id, name or mention.text))
        return mention

    def _emit_name(self, found: _Match) -> Mention:
        entry = self.gazetteer.entries[found.target]
        via = "capital" if entry.stands_for else "generic" if entry.generic else "name"
        affiliation = entry.stands_for if entry.stands_for else None
        return self._emit(found.first, found.last, entry.kind, entry.entity_id, via, found.stripped,
                          affiliation)

    # ---- roles ----------------------------------------------------------------------------------------
    def _role_phrase(self, role_match: _Match) -> int | None:
        """A role phrase at role_match: its jurisdiction, its appositive name, the person it names.

        Returns the position after the phrase, or None when the role noun names no one here («رئيس شركة»).
        """
        role = role_match.target
        tokens = self.tokens
        position = role_match.last + 1
        jurisdiction, position = self._jurisdiction(position)
        phrase_last = position - 1
        appositive = self._appositive(position)
        definite = role_match.last > role_match.first or any(
            v.startswith("ال") for v in clitic_variants(tokens[role_match.first].surface))
        if jurisdiction is None and appositive is None and not definite and role != COUNTERPART:
            return None
        known_id, name = self._role_person(role, jurisdiction, appositive)
        if known_id is None and name is None:
            if jurisdiction is None:
                return None
        affiliation = self.gazetteer.stands_for(jurisdiction) or jurisdiction
        self._emit(role_match.first, phrase_last, PERSON, known_id, "role", role_match.stripped,
                   affiliation=affiliation, name=name)
        if appositive is not None and (known_id or name):
            person = person_key(known_id, name)
            self.context.bind(role, jurisdiction, person)
            if jurisdiction and self.gazetteer.stands_for(jurisdiction):
                self.context.bind(role, self.gazetteer.stands_for(jurisdiction), person)
        return phrase_last + 1

    def _jurisdiction(self, position: int) -> tuple[str | None, int]:
        """What follows a role noun and says whose role it is: a nisba («الروسي»), a state, body or seat of
        power («رئيس كازاخستان», «لحلف شمال الأطلسي», «باسم الكرملين»), after at most two other adjectives."""
        tokens = self.tokens
        for skip in range(3):
            at = position + skip
            if at >= len(tokens) or at in self.taken or tokens[at].is_punctuation:
                return None, position
            nisba = self._nisba(at)
            if nisba is not None:
                return nisba[0], nisba[1] + 1
            found = self._name_match(at)
            if found is not None:
                entry = self.gazetteer.entries[found.target]
                if entry.kind in (STATE, ORGANIZATION, PLACE):
                    if entry.kind == PLACE and not entry.stands_for:
                        return None, position
                    return entry.entity_id, found.last + 1
                return None, position
            # Only an adjective may stand between the role and its nisba («المبعوث الرئاسي الأمريكي»).
            if not ({"ADJ"} & tokens[at].upos) or skip == 2:
                return None, position
        return None, position

    def _appositive(self, position: int) -> _Appositive | None:
        """A person named right after a role phrase: (gazetteer id, unknown name, first, last token)."""
        tokens = self.tokens
        if position < len(tokens) and tokens[position].surface in (",", "،"):
            position += 1
        # «لدى موسكو», «في مينسك» between the role and the name
        if position + 1 < len(tokens) and fold(tokens[position].surface) in {fold(p) for p in
                                                                          ROLE_PLACE_PREPOSITIONS}:
            place = self._name_match(position + 1)
            if place is not None and self.gazetteer.entries[place.target].kind in (STATE, PLACE):
                position = place.last + 1
        if position >= len(tokens) or position in self.taken:
            return None
        found = self._name_match(position)
        if found is not None:
            entry = self.gazetteer.entries[found.target]
            return (entry.entity_id, None, found.first, found.last) if entry.kind == PERSON else None
        if position in self.ner_tokens and self.ner_tokens[position].label == "PER":
            last = position
            span = self.ner_tokens[position]
            while last + 1 < len(tokens) and self.ner_tokens.get(last + 1) is span:
                last += 1
            while last >= position and tokens[last].is_function_word:
                last -= 1
            if last >= position and not tokens[position].is_function_word:
                start, end = self._name_span(position, last)
                return None, self.text[start:end], position, last
        return None

    def _role_person(self, role: str, jurisdiction: str | None,
                     appositive: _Appositive | None) -> tuple[str | None, str | None]:
        """The person a role phrase names: (gazetteer id, unknown name)."""
        if appositive is not None:
            return appositive[0], appositive[1]
        context, gazetteer = self.context, self.gazetteer
        if role == COUNTERPART:
            return self._counterpart(jurisdiction)
        for place in (jurisdiction, gazetteer.stands_for(jurisdiction)):
            if place is None:
                continue
            bound = context.bindings.get((role, place))
            if bound:
                return self._identity(bound)
            holder = gazetteer.holder(role, place, context.date)
            if holder:
                return holder, None
        if jurisdiction is None:
            return self._salient_holder(role)
        return None, None

    def _identity(self, person: str) -> tuple[str | None, str | None]:
        if person.startswith("name:"):
            return None, self.context.names.get(person, person[len("name:"):])
        return person, None

    def _salient_holder(self, role: str) -> tuple[str | None, str | None]:
        """A role with no state named («قال الرئيس», «رئيس الدولة»): the person the document has named most
        often so far among those it (or the gazetteer) gives that role."""
        context = self.context
        candidates = set(context.role_holders.get(role, []))
        for person in context.person_counts:
            if not person.startswith("name:") and self.gazetteer.holds(person, role, context.date):
                candidates.add(person)
        if not candidates:
            return None, None
        best = max(sorted(candidates), key=lambda p: context.person_counts[p])
        return self._identity(best)

    def _counterpart(self, jurisdiction: str | None) -> tuple[str | None, str | None]:
        """«نظيره البيلاروسي»: the holder, in that state, of the post of the person last named."""
        context = self.context
        last = context.last_person
        if last is None or jurisdiction is None:
            return None, None
        roles = [r for r, persons in context.role_holders.items() if last in persons]
        if not last.startswith("name:"):
            for post in self.gazetteer.posts_of(last, context.date):
                roles.extend(post.roles)
        for role in sorted(set(roles), key=lambda r: ROLE_PRIORITY.index(r) if r in ROLE_PRIORITY else 99):
            person = self._role_person(role, jurisdiction, None)
            if person != (None, None):
                return person
        return None, None

    # ---- NER ------------------------------------------------------------------------------------------
    def _ner_tokens(self, spans: tuple[NamedSpan, ...]) -> dict[int, NamedSpan]:
        covered: dict[int, NamedSpan] = {}
        for span in spans:
            for token in self.tokens:
                if token.start < span.end and span.start < token.end:
                    covered.setdefault(token.position, span)
        return covered

    def _ner_mentions(self) -> None:
        """NER spans the gazetteer did not cover, split around what it did, trimmed of non-name tokens."""
        runs: list[tuple[NamedSpan, list[int]]] = []
        for position, span in sorted(self.ner_tokens.items()):
            if position in self.taken:
                continue
            if runs and runs[-1][0] is span and runs[-1][1][-1] == position - 1:
                runs[-1][1].append(position)
            else:
                runs.append((span, [position]))
        for span, positions in runs:
            kind = NER_KINDS.get(span.label)
            if kind is None:
                continue
            first, last = positions[0], positions[-1]
            while first <= last and self._not_a_name(first):
                first += 1
            while last >= first and self._not_a_name(last):
                last -= 1
            if first > last:
                continue
            start, end = self._name_span(first, last)
            if end - start < 2:
                continue
            name = self.text[start:end]
            self._emit(first, last, kind, None, "ner", start=start, end=end, name=None)
            if kind == PERSON:
                self.context.names.setdefault(person_key(None, name), name)

    def _not_a_name(self, position: int) -> bool:
        """A token NER swallowed that is no part of a name: a verb, a function word, a role noun, a
        system noun, punctuation."""
        token = self.tokens[position]
        if token.is_punctuation or token.is_function_word:
            return True
        variants = clitic_variants(token.surface)
        return any(match_key(v) in self.gazetteer.roles or match_key(v) in self.gazetteer.system_nouns
                   for v in variants)

    def _name_span(self, first: int, last: int) -> tuple[int, int]:
        """Offsets of an unknown name, without a leading conjunction («وكروتوي» → «كروتوي»), or a leading
        preposition where the document also writes the name without it."""
        token = self.tokens[first]
        start, end = token.start, self.tokens[last].end
        head = token.words[0]
        if len(token.words) > 1 and head.upos in {"CCONJ", "ADP", "PART"}:
            clitic = fold(head.text)
            rest = fold(token.surface)[len(clitic):]
            evidence = rest in self.document_words
            if clitic in _CONJUNCTIONS and len(rest) >= 3 or clitic in _PREPOSITIONS and evidence:
                start += self._offset_of_letter(token.surface, len(clitic))
        return start, end

    # ---- weapons --------------------------------------------------------------------------------------
    def _designations(self) -> None:
        """A system noun followed by an unknown designation («منظومة باراك-8», «صواريخ KN-23») is a weapon."""
        tokens = self.tokens
        for position, token in enumerate(tokens[:-1]):
            if not any(match_key(v) in self.gazetteer.system_nouns for v in clitic_variants(token.surface)):
                continue
            first = position + 1
            if first in self.taken or tokens[first].is_punctuation or tokens[first].is_function_word:
                continue
            last = first
            while last + 1 < len(tokens) and last + 1 not in self.taken and (
                    _DESIGNATION.search(tokens[last + 1].surface) or tokens[last + 1].surface in "-‐‑–—"):
                last += 1
            while last > first and tokens[last].is_punctuation:
                last -= 1
            phrase = self.text[tokens[first].start:tokens[last].end]
            if not _DESIGNATION.search(phrase) or match_key(phrase) in self.gazetteer.names:
                continue
            self._emit(first, last, WEAPON, None, "name")

    def _absorb_generic_weapons(self) -> None:
        """«أنظمة إسكندر», «صواريخ الدفاع الجوي الروسية إس-400»: a generic weapon phrase that only introduces
        a named weapon is not a weapon of its own."""
        weapons = sorted((m for m in self.mentions if m.kind == WEAPON), key=lambda m: m.start)
        drop = set()
        for generic, following in zip(weapons, weapons[1:], strict=False):
            # «أنظمة إسكندر للصواريخ الباليستية»: a generic phrase right after the name describes it.
            if following.via == "generic" and generic.via != "generic" and not [
                    t for t in self.tokens if generic.end <= t.start and t.end <= following.start]:
                drop.add(following)
            if generic.via != "generic" or following.via == "generic":
                continue
            between = [t for t in self.tokens if generic.end <= t.start and t.end <= following.start]
            if len(between) <= 4 and not any(
                    t.is_punctuation or t.upos & {"VERB", "ADP", "CCONJ", "SCONJ"} for t in between):
                drop.add(generic)
        self.mentions = [m for m in self.mentions if m not in drop]

