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
- bodies of a state («وزارة الدفاع الهندية», «الجيش البولندي», «حكومة اليابان», «وزارة الدفاع في الهند»,
  «السفارة الأمريكية في طوكيو») → an Organization with the state as its affiliation and one id per real
  body (kg.gazetteer.Gazetteer.body_id); the embassy's city is part of its name, never a capital acting;
- unnamed sources («مصدر عسكري مصري», «مسؤولون أمريكيون», «تقارير غربية») → a mention with
  ``via="anonymous"`` that names no entity (its affiliation is the state a nisba gives);
- generic weapon phrases («صواريخ باليستية», «طائرات مسيرة») and unknown systems after a system noun
  («منظومة باراك-8») or after «من طراز» («مروحيات من طراز كاراكال»), with the category the noun before them
  gives (Mention.category);
- a number is never a weapon («بقيمة 4 مليارات»), and a weapon label that is also a common word («مقاتلة»,
  «قيصر») names the weapon only after a number, a system noun or «طراز», or before «من طراز».

NER spans the gazetteer does not cover become mentions typed from the NER label, trimmed of verbs, function
words, role nouns and a verbal noun after the name («الإيرانية تقديم») the model often swallows, and joined
across the particles of Arabic names («محمد بن سلمان», «بن والاس»).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from kg.extracting.tokens import Token, adjectives_noun, joined_adjective, sentence_tokens
from kg.gazetteer import Gazetteer, GazetteerEntry
from kg.lexicon import EntityLexicon, load_entity_lexicon
from kg.normalizing import clitic_variants, fold, match_key, nisba_stem, strip_article
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
    Via,
)

NER_KINDS = {"PER": PERSON, "ORG": ORGANIZATION, "LOC": PLACE}
# Parts of speech that never start or end a name: verbs the NER model tags at the start of a sentence,
# prepositions, conjunctions, pronouns, particles.
FUNCTION_POS = {"VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON", "PART", "DET", "PUNCT", "SYM", "INTJ"}
# A counterpart («نظيره البيلاروسي») holds the same post as the person just named; the post is the most
# specific of that person's roles.
ROLE_PRIORITY = (
    "role-president", "role-prime-minister", "role-chancellor", "role-defence-minister",
    "role-foreign-minister", "role-secretary-general", "role-supreme-leader", "role-king", "role-emir",
    "role-crown-prince", "role-chief-of-general-staff", "role-spokesperson", "role-ambassador",
    "role-minister", "role-head-of-state", "role-leader",
)
COUNTERPART = "role-counterpart"
_DESIGNATION = re.compile(r"[0-9A-Za-z٠-٩]")
_OPENING_MARKS = frozenset({"«", "\"", "“", "„", "‹"})  # quotation marks that may open a name
_CLOSING_MARKS = frozenset({"»", "\"", "”", "›"})
_DIGITS_ONLY = re.compile(r"^[0-9٠-٩.,]+$")
_DEFINITE_NUMBER = re.compile(r"^الـ?[0-9٠-٩]+$")  # «الطائرات ال24»: the twenty-four, no designation
# The verbal nouns (masdar) of the derived verb forms, on the folded word without article: a masdar after a
# name («وزارة الخارجية الإيرانية تقديم», «تبون تعزيز») is the next phrase, not part of the name.
_MASDAR = re.compile(
    r"^(?:ت\w\wي\w"          # تفعيل: تقديم، تسليم، تعزيز
    r"|ت\wا\w\w"             # تفاعل: تعاون، تبادل
    r"|ا\w\wا\w"             # إفعال: إرسال، إعلان
    r"|ا\wت\wا\w"            # افتعال: انتشار، امتلاك
    r"|ان\w\wا\w"            # انفعال: انسحاب
    r"|است\w\wا\w"           # استفعال: استخدام، استلام
    r"|م\wا\w\wه)$"          # مفاعلة: مساعدة، مشاركة
)
HYPHENS = "-‐‑–—"
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")


_Appositive = tuple  # (gazetteer id or None, unknown name or None, first token, last token)


def _without_proclitics(key: str) -> set[str]:
    """A folded word and its stems without a conjunction, then a preposition, written on it («وبمستشفى» →
    «مستشفى»); the article stays, so «المطار» is not «مطار» and «للمستشفى» not «مستشفى»."""
    stems = {key}
    if key[:1] in "وف" and len(key) > 3:
        stems.add(key[1:])
    stems |= {stem[1:] for stem in stems if stem[:1] in "بلك" and len(stem) > 3}
    return stems


def _is_number(token: Token, conjunctions: frozenset[str]) -> bool:
    """Digits, with or without a clitic conjunction («و40»)."""
    surface = fold(token.surface)
    return bool(_DIGITS_ONLY.match(surface[1:] if surface[:1] in conjunctions else surface))


@dataclass(frozen=True)
class _Body:
    """A body of a state over tokens [first, last]: its entity id, or its name when it has no id."""

    first: int
    last: int
    state: str
    entity_id: str | None  # a gazetteer id or an id Gazetteer.body_id() made
    name: str | None = None  # the body's own name, when modifiers make it another body («القوات الخاصة»)
    stripped: int = 0


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
    text_key: str | None = None  # the whole text's match key, made when first needed
    # the state and the body the last unnamed source was tied to: «المصادر» alone takes them up
    last_source_tie: tuple[str | None, str | None] = (None, None)

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


def extract_mentions(annotated: AnnotatedDocument, gazetteer: Gazetteer, lexicon: EntityLexicon | None = None
                     ) -> Iterator[Mention]:
    """Every entity mention of the document, in text order; offsets point into document.text. ``lexicon``
    is the entity lexicon (ontologies/lexicon-entities.ttl when not given)."""
    text = annotated.document.text
    context = _DocumentContext(annotated.document.date)
    document_words = {fold(w) for w in re.findall(r"\w+", text)}
    words = lexicon or load_entity_lexicon()
    for sentence in annotated.sentences:
        yield from _SentenceExtractor(sentence, text, gazetteer, context, document_words, words).run()


class _SentenceExtractor:
    def __init__(self, sentence: AnnotatedSentence, text: str, gazetteer: Gazetteer,
                 context: _DocumentContext, document_words: set[str], words: EntityLexicon) -> None:
        self.sentence = sentence
        self.words = words
        self.text = text
        self.gazetteer = gazetteer
        self.context = context
        self.document_words = document_words
        self.tokens = sentence_tokens(sentence, text)
        self.taken: set[int] = set()
        self.mentions: list[Mention] = []
        self.ner_tokens = self._ner_tokens(sentence.spans)
        self._memo: dict[tuple[int, int, int], _Match | None] = {}
        self._token_variants: dict[int, list[tuple[str, int, bool]]] = {}

    # ---- driver ---------------------------------------------------------------------------------------
    def run(self) -> list[Mention]:
        position = 0
        while position < len(self.tokens):
            position = self._at(position)
        # A system's name after «من طراز» or a system noun is a weapon whatever NER made of it.
        self._models()
        self._designations()
        self._ner_mentions()
        self._absorb_generic_weapons()
        self.mentions = [m for m in self.mentions if not (m.kind == PERSON and self._names_a_namesake(m))]
        return sorted(self.mentions, key=lambda m: (m.start, -m.end))

    def _names_a_namesake(self, mention: Mention) -> bool:
        """«مركز الملك سلمان للإغاثة», «جامعة الملك سعود»: a person's name after an institution's noun (titles
        aside) names the institution, not an actor of the sentence."""
        position = next((t.position for t in self.tokens if t.start <= mention.start < t.end), None)
        span = self.ner_tokens.get(position) if position is not None else None
        while position:
            before = self.tokens[position - 1]
            if _without_proclitics(before.key) & self.words.namesake_nouns:
                return True
            if before.key not in self.words.namesake_titles and (
                    span is None or self.ner_tokens.get(position - 1) is not span):
                return False
            position -= 1  # a title, or the rest of the name the NER found («الأمير فيصل بن فهد»)
        return False

    def _at(self, position: int) -> int:
        """Try, at one token, a body of a state, a role phrase, a gazetteer name, an unnamed source, a nisba
        adjective; return the next position."""
        if position in self.taken or self.tokens[position].is_punctuation:
            return position + 1
        name = self._name_match(position)
        body = self._body_at(position)
        if body is not None and (name is None or body.last >= name.last):
            self._emit_body(body)
            return body.last + 1
        role = self._match(position, self.gazetteer.roles, self.gazetteer.max_role_words)
        if role is not None:
            after = self._role_phrase(role)
            if after is not None:
                return after
        if name is not None:
            self._emit_name(name)
            return name.last + 1
        unnamed = self._unnamed_source(position)
        if unnamed is not None:
            return unnamed
        nisba = self._nisba(position)
        if nisba is not None:
            state, last = nisba
            if self._people_of(position, last):
                return last + 1
            self._emit(position, last, STATE, state, Via.NISBA, affiliation=state)
            return last + 1
        return position + 1

    def _people_of(self, first: int, last: int) -> bool:
        """An indefinite plural nisba standing alone is people of that nationality, not their state: «تجند
        بحرينيين وتزودهم بالأسلحة» arms some Bahrainis, while «الروس» («اتفاق مع الروس») may be Russia and
        «خبراء روس» qualifies the indefinite noun before it."""
        surface = fold(self.tokens[last].surface)
        plural = surface.endswith(("يين", "يون")) or bool(self.gazetteer.people_forms.get(surface))
        if first != last or not plural or self._definite(last):
            return False
        if first > 0:
            before = self.tokens[first - 1]
            head = max(before.words, key=lambda w: len(w.text))
            if head.upos in {"NOUN", "ADJ"} and not self._definite(first - 1) and not before.is_punctuation:
                return False  # an adjective agrees in definiteness with its noun
        return True

    # ---- matching -------------------------------------------------------------------------------------
    def _match(self, first: int, table: dict[str, str], max_words: int) -> _Match | None:
        """The longest window starting at ``first`` whose key (first token's clitics off) is in ``table``."""
        memo_key = (first, id(table), len(self.taken))  # ``taken`` only grows: its size dates the answer
        if memo_key not in self._memo:
            variants = [(variant, stripped) for variant, stripped, article in self._variants(first)
                        if not article]  # an article taken off («المالي» → «مالي») changes the word
            found = self._longest_key(first, table, max_words + 2, variants)  # «إس -400»: three tokens
            self._memo[memo_key] = None if found is None else _Match(first, found[0], table[found[2]],
                                                                     found[1], found[2])
        return self._memo[memo_key]

    def _variants(self, position: int) -> list[tuple[str, int, bool]]:
        """The token's clitic variants, each with the letters taken off and whether an article went."""
        found = self._token_variants.get(position)
        if found is None:
            folded = fold(self.tokens[position].surface)
            found = []
            for variant in clitic_variants(self.tokens[position].surface):
                stripped = max(0, len(folded) - len(variant))
                found.append((variant, stripped, folded[:stripped].endswith("ال")))
            self._token_variants[position] = found
        return found

    def _longest_key(self, first: int, table: dict[str, object], max_tokens: int,
                     variants: list[tuple[str, int]], within_punctuation: bool = True
                     ) -> tuple[int, int, str] | None:
        """(last token, letters stripped, key) of the longest window from ``first`` whose key, with the first
        token read as one of ``variants``, is in ``table``; the earlier variant wins a tie.

        A window's key begins with the key of every shorter window from the same token, so the walk stops
        at the first key that begins no key of the table: most tokens cost one lookup. With
        ``within_punctuation`` a window neither ends on punctuation nor spans it (a hyphen aside).
        """
        tokens = self.tokens
        prefixes = self.gazetteer.key_prefixes(table)
        longest = min(len(tokens) - first, max_tokens)
        best: tuple[int, int, str] | None = None
        for variant, stripped in variants:
            for length in range(1, longest + 1):
                last = first + length - 1
                if last in self.taken:
                    break
                key = match_key(variant + self.text[tokens[first].end:tokens[last].end])
                if key and key not in prefixes:
                    break
                if within_punctuation and length > 1:
                    inner = tokens[last - 1]
                    if last - 1 > first and inner.is_punctuation and inner.surface.strip() not in HYPHENS:
                        break  # punctuation inside a name (a hyphen aside) rules out every longer window
                    if tokens[last].is_punctuation:
                        continue
                if key in table and (best is None or last > best[0]):
                    best = (last, stripped, key)
        return best

    def _name_match(self, first: int) -> _Match | None:
        """A gazetteer name at ``first``; a homograph («كيف», «مالي») only where NER sees a name too."""
        found = self._match(first, self.gazetteer.names, self.gazetteer.max_name_words)
        if found is None:
            return self._system_with_article(first) or self._possessed_weapon(first)
        entity_id = self.gazetteer.names[found.key][0]
        entry = self.gazetteer.entries[entity_id]
        homograph = self.gazetteer.is_homograph(entity_id, found.key)
        if homograph and (self.tokens[first].ner == "O" or entry.homograph_context):
            context = entry.homograph_context or entry.body_of
            in_context = self._weapon_context(found.first, found.last) if entry.kind == WEAPON else (
                context is not None and self._document_names(context))
            if not in_context or (entry.kind == PERSON and self._inside_longer_name(found.first, found.last)):
                return None
            if entry.kind != WEAPON and self._rival_named(entity_id, found.key):
                return None
        if entry.kind == WEAPON and entry.generic and (
                self._titles_a_person(found.last + 1) or self._figurative(found.last + 1)):
            return None
        if entry.kind == PERSON and self._another_person(found.first, found.last, entry):
            return None
        return _Match(found.first, found.last, entity_id, found.stripped, found.key)

    def _another_person(self, first: int, last: int, entry: GazetteerEntry) -> bool:
        """A known person's name that the words around it make another person's name."""
        if first == last and last + 1 < len(self.tokens) and self._is_particle(last + 1):
            return True  # «صدام أبو عاصم», a journalist: one known name before «أبو», «بن» is another's
        if first == last and self._other_first_name(first, entry):
            return True
        return self._other_family_name(last, entry)

    def _other_first_name(self, position: int, entry: GazetteerEntry) -> bool:
        """«جيب بوش» where the gazetteer knows «بوش» as George W. Bush: a first name the NER puts in one name
        with a known surname, and none of that person's names has, makes another person of that family,
        unless the document names the known person in full («واستقبل شي إردوغان» after «رجب طيب إردوغان»)."""
        span = self.ner_tokens.get(position)
        before = self.ner_tokens.get(position - 1) if position > 0 else None
        if span is None or span.label != "PER" or before is not span or position - 1 in self.taken:
            return False
        names = _names_in_words(entry)
        if any(len(name) > 1 and all(word in self.document_words for word in name) for name in names):
            return False  # the document names that person in full: the surname is theirs
        return fold(self.tokens[position - 1].bare) not in {word for name in names for word in name}

    def _other_family_name(self, last: int, entry: GazetteerEntry) -> bool:
        """«الدكتور عبدالله بن عبدالعزيز الربيعة» where the gazetteer knows «عبدالله بن عبدالعزيز» as the late
        king: a family name the NER runs the known name on into, which none of that person's names has, makes
        another person."""
        following = last + 1
        span = self.ner_tokens.get(last)
        if following >= len(self.tokens) or span is None or span.label != "PER":
            return False
        if self.ner_tokens.get(following) is not span or self._is_particle(following):
            return False
        word = fold(self.tokens[following].bare)
        return word.startswith("ال") and word not in {w for name in _names_in_words(entry) for w in name}

    def _system_with_article(self, first: int) -> _Match | None:
        """«طائرات الرافال», «الاف-16»: a named weapon system the text writes with the article. Names of other
        kinds do not take it off («المالي» is no Mali)."""
        variants = [(variant, stripped) for variant, stripped, article in self._variants(first) if article]
        found = self._longest_key(first, self.gazetteer.names, self.gazetteer.max_name_words + 2, variants)
        if found is None:
            return None
        entry = self.gazetteer.entries[self.gazetteer.names[found[2]][0]]
        if entry.kind != WEAPON or entry.generic or self.gazetteer.is_homograph(entry.entity_id, found[2]):
            return None
        return _Match(first, found[0], entry.entity_id, found[1], found[2])

    def _figurative(self, position: int) -> bool:
        """«سلاح العقوبات», «سلاح النفط», «سلاح الجو»: the noun after a generic weapon makes it a figure of
        speech or a military branch, not a weapon."""
        figures = self.words.figurative_genitives
        return position < len(self.tokens) and fold(self.tokens[position].surface) in figures

    def _inside_longer_name(self, first: int, last: int) -> bool:
        """«هادي العامري», «عبد الهادي»: a one-word name with more of a name beside it is another person's."""
        tokens = self.tokens
        beside = [tokens[p] for p in (first - 1, last + 1) if 0 <= p < len(tokens)]
        return any(t.ner != "O" or t.upos == {"PROPN"} for t in beside)

    def _rival_named(self, entity_id: str, key: str) -> bool:
        """Whether the document names another entity of the homograph's kind by a longer name holding its
        words («المملكة المتحدة» beside «المملكة»)."""
        rivals = [name for name in self.gazetteer.rival_names(entity_id, key)
                  if all(word in self.document_words for word in name)]
        if not rivals:
            return False
        if self.context.text_key is None:
            self.context.text_key = f" {match_key(self.text)} "
        return any(f" {' '.join(name)} " in self.context.text_key for name in rivals)

    def _document_names(self, entity_id: str) -> bool:
        """Whether the document names this state by one of its labels («اليمن») or its nisba («اليمني»): the
        context in which a body of it named by a common phrase («المقاومة الشعبية») is that body."""
        entry = self.gazetteer.entries.get(entity_id)
        if entry is None:
            return False
        if any(all(word in self.document_words for word in fold(label).split()) for label in entry.labels
               if match_key(label) not in entry.homographs):
            return True
        stem = self.gazetteer.nisba_stem_of(entity_id)  # «اليمني», «اليمنية»
        return stem is not None and any(nisba_stem(word) == stem for word in self.document_words)

    def _possessed_weapon(self, first: int) -> _Match | None:
        """«مدرعاتها», «صواريخهم»: a weapon noun with a possessive pronoun, which Stanza splits off."""
        token = self.tokens[first]
        if len(token.words) < 2 or token.words[-1].upos != "PRON" or first in self.taken:
            return None
        suffix = fold(token.words[-1].text)
        for variant, stripped, article in self._variants(first):
            stem = variant[:-len(suffix)] if variant.endswith(suffix) else ""
            key = match_key(stem) if len(stem) >= 3 and not article else ""
            ids = self.gazetteer.names.get(key, ()) if key else ()
            if ids and self.gazetteer.entries[ids[0]].kind == WEAPON:
                return _Match(first, first, ids[0], stripped, key)
        return None

    def _titles_a_person(self, position: int) -> bool:
        """Whether a nisba adjective and then a person's name follow: the noun before is then the person's
        title in apposition («المدافع الإيطالي ماتيو دارميان» is a footballer, as «الرئيس البيلاروسي ألكسندر
        لوكاشينكو» is a president), not a weapon. A name right after the noun is not enough: a system's
        name the NER model takes for a person's («منظومة باراك») follows its noun the same way."""
        start = position
        while position < len(self.tokens) and position not in self.taken and (nisba := self._nisba(position)):
            position = nisba[1] + 1
        return start < position < len(self.tokens) and position not in self.taken and \
            self._names_person_at(position)

    def _weapon_context(self, first: int, last: int) -> bool:
        """Whether a weapon label that is also a common word («مقاتلة», «قيصر», «مسيرة», «آليات») stands where
        a weapon does: after a number or a system noun («40 مقاتلة», «مدافع قيصر»), after «طراز», before
        «من طراز», or joined by «و» to another weapon («آليات ومدرعات», «الدبابات والآليات»)."""
        tokens = self.tokens
        if self._coordinated_with_weapon(first, last):
            return True
        if first > 0:
            before = tokens[first - 1]
            if "NUM" in before.upos or _DIGITS_ONLY.match(before.surface) or self._is_system_noun(before) \
                    or self._is_model_noun(before):
                return True
        following = [fold(t.surface) for t in tokens[last + 1:last + 3]]
        nouns = self.words.model_nouns
        return bool(following) and (following[0] in nouns or (
            following[0] in self.words.model_prepositions and len(following) > 1 and following[1] in nouns))

    def _coordinated_with_weapon(self, first: int, last: int) -> bool:
        """A weapon word joined by «و» right after the phrase, or right before it when the phrase opens
        with «و»: one of a list of weapons is one itself."""
        tokens = self.tokens
        after = tokens[last + 1] if last + 1 < len(tokens) else None
        if after is not None and after.key[:1] == "و" and self._is_weapon_word(after, conjunction=True):
            return True
        return first > 0 and tokens[first].key[:1] == "و" and self._is_weapon_word(tokens[first - 1])

    def _is_weapon_word(self, token: Token, conjunction: bool = False) -> bool:
        """A weapon's label, not itself a homograph («مدرعات», «بالدبابات»); ``conjunction``: past its «و»."""
        surface = token.surface[1:] if conjunction else token.surface
        for variant in clitic_variants(surface):
            ids = self.gazetteer.names.get(match_key(variant), ())
            if ids and self.gazetteer.entries[ids[0]].kind == WEAPON and not self.gazetteer.is_homograph(
                    ids[0], match_key(variant)):
                return True
        return False

    def _is_system_noun(self, token: Token) -> bool:
        return any(match_key(v) in self.gazetteer.system_nouns for v in clitic_variants(token.surface))

    def _is_model_noun(self, token: Token) -> bool:
        return fold(token.surface) in self.words.model_nouns

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

    def _emit(self, first: int, last: int, kind: str, known_id: str | None, via: Via, stripped: int = 0,
              affiliation: str | None = None, name: str | None = None, start: int | None = None,
              end: int | None = None, category: str | None = None) -> Mention:
        span_start, span_end = self._span(first, last, stripped)
        start = span_start if start is None else start
        end = span_end if end is None else end
        mention = Mention(self.text[start:end], start, end, self.sentence.index, kind, known_id, via,
                          affiliation, name, category)
        self.mentions.append(mention)
        self.taken.update(range(first, last + 1))
        if kind == PERSON:
            self.context.saw_person(person_key(known_id, name or mention.text))
        return mention

    def _emit_name(self, found: _Match) -> Mention:
        entry = self.gazetteer.entries[found.target]
        via = Via.CAPITAL if entry.stands_for else Via.GENERIC if entry.generic else Via.NAME
        # A known body of a state («وزارة الخارجية الأمريكية») is tied to its state as any other body is.
        affiliation = entry.stands_for or entry.body_of
        return self._emit(found.first, found.last, entry.kind, entry.entity_id, via, found.stripped,
                          affiliation)

    # ---- bodies of states -----------------------------------------------------------------------------
    def _body_at(self, position: int) -> _Body | None:
        """A body of a state at ``position``: a body noun phrase of the gazetteer («وزارة الدفاع», «الجيش»,
        «السفارة»), then its state: a nisba that agrees with it («الهندية»), a state's name in construct
        («حكومة اليابان») or after «في» («وزارة الدفاع في الهند»); a body that sits abroad takes its seat
        after «في»/«لدى» («السفارة الأمريكية في طوكيو»)."""
        gazetteer = self.gazetteer
        if not gazetteer.bodies:
            return None
        found = self._match(position, gazetteer.body_ids, gazetteer.max_body_words)
        if found is None:
            return None
        label = gazetteer.body_labels[found.key]
        elliptical = label.elliptical
        if not self._body_may_start(found, elliptical):
            return None
        body = gazetteer.bodies[found.target]
        tokens = self.tokens
        after = found.last + 1
        modifiers: list[int] = []
        state, last = self._body_state(after, label.feminine)
        # «القوات المسلحة الملكية المغربية»: adjectives between the body and its nisba make it another body.
        while state is None and not elliptical and len(modifiers) < 2 and after < len(tokens) and (
                after not in self.taken and self._is_adjective(after) and not self._nisba(after)):
            if fold(tokens[after].surface) in self.words.against_the_state:
                return None  # «قوات معارضة سورية»: against Syria, no body of it
            modifiers.append(after)
            after += 1
            state, last = self._body_state(after, label.feminine)
        if state is None and not modifiers and not body.seat_abroad:
            state, last = self._state_after_preposition(after)
        if state is None:
            return None
        seat: str | None = None
        if body.seat_abroad:
            seat, seat_last = self._seat_after(last + 1)
            if seat_last is not None:
                last = seat_last
                if seat is None:
                    modifiers.append(seat_last)  # a seat the gazetteer does not know: the body's own name
        if modifiers:
            start, end = self._span(found.first, last, found.stripped)
            return _Body(found.first, last, state, None, " ".join(self.text[start:end].split()),
                         found.stripped)
        return _Body(found.first, last, state, gazetteer.body_id(body.body_id, state, seat), None,
                     found.stripped)

    def _body_may_start(self, found: _Match, elliptical: bool) -> bool:
        """Whether the body noun here names a body, not a word of another phrase. An elliptical form
        («الدفاع الروسية» for the ministry) only where the noun before it could not take the nisba itself
        («بيان الدفاع الروسية» yes, «شركات الدفاع الأمريكية» no); a body noun shaped like a nisba
        («البحرية») not right after a definite noun it would qualify («المناورات البحرية الروسية»)."""
        if found.first == 0:
            return True
        before = self.tokens[found.first - 1]
        if before.is_punctuation or before.is_function_word:
            return True
        head = max(before.words, key=lambda w: len(w.text))
        if elliptical:
            feats = head.feats
            return head.upos not in {"NOUN", "PROPN", "ADJ"} or (
                "Gender=Masc" in feats and "Number=Sing" in feats)
        label_words = found.key.split()
        if len(label_words) == 1 and nisba_stem(label_words[0]) is not None:
            return not (head.upos in {"NOUN", "ADJ"} and any(
                v.startswith("ال") for v in clitic_variants(before.surface)))
        return True

    def _body_state(self, position: int, feminine: bool) -> tuple[str | None, int]:
        """The state right after a body noun: a nisba in the body's gender, or a state's name (a capital
        stands for its state: «حكومة كييف»)."""
        tokens = self.tokens
        if position >= len(tokens) or position in self.taken:
            return None, position
        nisba = self._nisba(position)
        if nisba is not None:
            state, last = nisba
            if fold(tokens[last].surface).endswith("ه") == feminine:
                return state, last
            return None, position
        found = self._name_match(position)
        if found is not None:
            entry = self.gazetteer.entries[found.target]
            if found.stripped == 0 or not fold(tokens[position].surface).startswith(("و", "ف")):
                if entry.kind == STATE:
                    return entry.entity_id, found.last
                if entry.kind == PLACE and entry.stands_for and self._is_state(entry.stands_for):
                    return entry.stands_for, found.last
        return None, position

    def _state_after_preposition(self, position: int) -> tuple[str | None, int]:
        """«وزارة الدفاع في الهند», «الحكومة في كييف»: the state a body is of, after «في»."""
        tokens = self.tokens
        if position + 1 >= len(tokens) or fold(tokens[position].surface) != "في":
            return None, position
        state, last = self._body_state(position + 1, feminine=False)
        if state is None or last == position + 1 and self._nisba(position + 1):
            return None, position
        return state, last

    def _seat_after(self, position: int) -> tuple[str | None, int | None]:
        """Where a body abroad sits: «في طوكيو», «لدى موسكو» → (gazetteer id or None, last token), or
        (None, None) when no place follows."""
        tokens = self.tokens
        if position + 1 >= len(tokens) or fold(tokens[position].surface) not in {"في", "لدي"}:
            return None, None
        at = position + 1
        if at in self.taken:
            return None, None
        found = self._name_match(at)
        if found is not None:
            entry = self.gazetteer.entries[found.target]
            if entry.kind in (PLACE, STATE) and found.stripped == 0:
                return entry.entity_id, found.last
            return None, None
        span = self.ner_tokens.get(at)
        if span is not None and span.label == "LOC" and not tokens[at].is_function_word:
            last = at
            while last + 1 < len(tokens) and self.ner_tokens.get(last + 1) is span:
                last += 1
            return None, last
        return None, None

    def _is_state(self, entity_id: str) -> bool:
        entry = self.gazetteer.entry(entity_id)
        return entry is not None and entry.kind == STATE

    def _emit_body(self, body: _Body) -> Mention:
        """A body of a state: the gazetteer's own entry where it has one (the Pentagon, the Kremlin), else an
        Organization tied to its state."""
        entry = self.gazetteer.entry(body.entity_id)
        if entry is not None and entry.entity_id in self.gazetteer.entries:
            via = Via.CAPITAL if entry.stands_for else Via.NAME
            return self._emit(body.first, body.last, entry.kind, entry.entity_id, via, body.stripped,
                              affiliation=entry.stands_for or body.state)
        return self._emit(body.first, body.last, ORGANIZATION, body.entity_id, Via.NAME, body.stripped,
                          affiliation=body.state, name=body.name)

    # ---- unnamed sources ------------------------------------------------------------------------------
    def _unnamed_source(self, position: int) -> int | None:
        """«مصدر عسكري مصري», «مسؤولون أمريكيون», «المحللون», «تقارير غربية»: a source the text does not name.

        The noun and the adjectives after it make one mention with ``via="anonymous"``, whose affiliation is
        the state of a nisba among them; no entity is made of it. Returns the position after it, or None
        where the noun is an adjective («الوزير المسؤول») or introduces a name («المسؤول الأمريكي جون كيربي»).
        """
        found = self._source_noun(position)
        if found is None or self._qualifies_noun_before(position):
            return None
        kind, last, key = found
        end, affiliation = self._source_adjectives(last)
        body = self._body_adjective(last + 1, end)
        if body is not None and affiliation is not None:
            affiliation = self.gazetteer.body_id(body, affiliation)  # «مصدر رئاسي مصري»: Egypt's presidency
        if key in self.gazetteer.unofficial_sources:
            affiliation = None  # «المراقبون المصريون»: from Egypt, speaking for no one
        following = end + 1
        construct = self._construct_body(following, key) if end == last else None
        if construct is None and self._not_a_source_before(following, end == last, self._definite(position)):
            return None
        body_name = None
        if affiliation is None and following < len(self.tokens):
            affiliation, body_name = self._organisation_of_source(following)
        affiliation = affiliation or construct
        if key not in self.gazetteer.unofficial_sources:
            if affiliation is None and body_name is None and end == last and self._definite(position):
                # «وأفادت مصادر يمنية… وقالت المصادر»: the sources named before, tied as they were
                affiliation, body_name = self.context.last_source_tie
            self.context.last_source_tie = (affiliation, body_name)
        source = self._emit(position, end, kind, None, Via.ANONYMOUS, self._clitic_length(position),
                            affiliation=affiliation)
        if body_name is not None:
            self.mentions[self.mentions.index(source)] = replace(source, source_body=body_name)
        return end + 1

    def _construct_body(self, position: int, key: str) -> str | None:
        """«مسؤولو وزارة الدفاع المصرية»: a body the gazetteer knows right after the source noun is its
        genitive, the body the source is in (not for those who hold no office)."""
        if position >= len(self.tokens) or key in self.gazetteer.unofficial_sources:
            return None
        known = self._source_body(position)
        return known[0] if known is not None and not self._name_follows(known[1]) else None

    def _organisation_of_source(self, position: int) -> tuple[str | None, str | None]:
        """The organisation an unnamed source is in, after «في» or a written-on «بـ» at ``position``: the
        gazetteer's id of one it knows («مصدر في وزارة الدفاع», «مصادر بوزارة الدفاع»), else the name of one
        it does not know, made a mention of its own («مسؤولون في مجلس السلامة الهولندي»). (None, None) when
        none follows."""
        folded = fold(self.tokens[position].surface)
        prepositions = self.words.source_body_prepositions
        if folded in prepositions and position + 1 < len(self.tokens):
            at, clitic = position + 1, 0
        elif folded[:1] in prepositions and position not in self.taken:
            at, clitic = position, 1  # «بوزارة الدفاع»
        else:
            return None, None
        known = self._source_body(at, clitic)
        if known is not None:
            body, last = known
            return (None, None) if self._name_follows(last) else (body, None)
        organisation = self._unknown_organisation(at, clitic)
        if organisation is None:
            return self._organisation_of_department(at)
        if self._name_follows(self._token_at(organisation.end - 1)):
            return None, None
        return None, organisation.text

    def _organisation_of_department(self, at: int) -> tuple[str | None, str | None]:
        """«مصدر مطلع في إدارة علاقات العملاء بالخطوط السعودية»: a department the gazetteer does not know,
        an organisation noun with common nouns after it, is part of the organisation that follows it."""
        head = {strip_article(variant) for variant, _, _ in self._variants(at)}
        if not head & self.words.source_body_nouns:
            return None, None
        prepositions = self.words.source_body_prepositions
        for position in range(at + 1, min(at + 5, len(self.tokens))):
            token = self.tokens[position]
            if token.is_punctuation or position in self.taken:
                return None, None
            folded = fold(token.surface)
            if folded in prepositions or folded[:1] in prepositions:
                body, _ = self._organisation_of_source(position)
                return body, None
        return None, None

    def _name_follows(self, last: int) -> bool:
        """«دبلوماسي رفيع بالسفارة الأمريكية اللواء تشارلز هوبر»: a person named within three words after the
        source's organisation is who speaks, no unnamed source."""
        return any(self._names_person_at(at) for at in range(last + 1, min(last + 4, len(self.tokens))))

    def _token_at(self, offset: int) -> int:
        return next(t.position for t in self.tokens if t.start <= offset < t.end)

    def _source_body(self, position: int, clitic: int = 0) -> tuple[str, int] | None:
        """The body of a state («مصدر في وزارة الدفاع»: that ministry) or the known organisation («مصادر في
        المقاومة الشعبية») an unnamed source is in, and its last token; with ``clitic``, the preposition is
        written on the word."""
        body = self._body_at(position)
        if body is not None and body.stripped >= clitic:
            return body.entity_id or body.state, body.last
        found = self._name_match(position)
        if found is None or found.stripped < clitic:
            return None
        entry = self.gazetteer.entries[found.target]
        if entry.kind == ORGANIZATION:
            return entry.entity_id, found.last
        if entry.facility_of:  # «مصادر في مطار عدن الدولي»: the airport's state
            return entry.facility_of, found.last
        return None

    def _unknown_organisation(self, first: int, clitic: int) -> Mention | None:
        """«لجنة إغاثة عدن», «مجلس السلامة الهولندي», «القوات المناهضة للحوثيين»: an organisation noun of the
        lexicon and the nouns and adjectives after it (at most five words in all), emitted as an
        Organization. One of its words must be a name, a nisba or a word of an NER span, so that a common
        phrase («قوات الأمن», «الشركة») names no organisation."""
        head = {strip_article(variant) for variant, _, _ in self._variants(first)}
        if first in self.taken or not head & self.words.source_body_nouns:
            return None
        last, named = first, first in self.ner_tokens
        while last + 1 < len(self.tokens) and last + 1 - first < 5 and self._continues_organisation(last + 1):
            last += 1
            named = named or last in self.ner_tokens or self._name_match(last) is not None or bool(
                self._nisba(last))
        if not named or last == first:
            return None
        return self._emit(first, last, ORGANIZATION, None, Via.NER, clitic)

    def _continues_organisation(self, position: int) -> bool:
        """A noun, a proper noun or an adjective, not yet part of a mention, opening no new phrase."""
        token = self.tokens[position]
        if position in self.taken or token.is_punctuation or token.is_function_word:
            return False
        if token.words[0].upos in {"CCONJ", "ADP"} and not fold(token.surface).startswith("لل"):
            return False  # «وزارة…» joined by «و», «بعدن»: another phrase; «للحوثيين» qualifies the noun
        content = token.upos - {"ADP", "DET"}
        return bool(content) and content <= {"NOUN", "PROPN", "ADJ", "X"}

    def _source_noun(self, position: int) -> tuple[str, int, str] | None:
        """The kind, last token and gazetteer key of an unnamed-source noun at ``position``."""
        gazetteer = self.gazetteer
        variants: list[tuple[str, int]] = []
        for variant, stripped, _ in self._variants(position):
            variants.append((variant, stripped))
            if variant.startswith("ال"):
                variants.append((variant[2:], stripped + 2))  # «المحللون» as the lexicon's «محللون»
        found = self._longest_key(position, gazetteer.unnamed_sources, gazetteer.max_unnamed_words, variants,
                                  within_punctuation=False)
        kind = None if found is None else gazetteer.unnamed_sources[found[2]]
        return None if kind is None else (kind, found[0], found[2])

    def _qualifies_noun_before(self, position: int) -> bool:
        """«الوزير المسؤول عن…»: a definite word after a definite noun is an adjective of that noun."""
        if position == 0:
            return False
        before = self.tokens[position - 1]
        head = max(before.words, key=lambda w: len(w.text))
        noun = head.upos in {"NOUN", "PROPN", "ADJ"}
        return noun and self._definite(position - 1) and not before.is_punctuation

    def _source_adjectives(self, last: int) -> tuple[int, str | None]:
        """The adjectives after a source noun (at most four): where they end, and the state of a nisba
        among them."""
        tokens, end, affiliation = self.tokens, last, None
        while end + 1 < len(tokens) and end + 1 not in self.taken and end - last < 4:
            nisba = self._nisba(end + 1)
            if nisba is not None:
                affiliation = affiliation or nisba[0]
                end = nisba[1]
                continue
            # «خبراء اقتصاديون»: a source noun that is a plural adjective too («اقتصاديون», «عسكريون»)
            # qualifies the one before it.
            next_token = tokens[end + 1]
            sources = self.gazetteer.unnamed_sources
            # «المصدر المعارض»: after a definite noun a definite word agrees with it; no construct takes «ال»
            agreeing = _definite(tokens[last]) and _definite(next_token) and (
                next_token.upos <= {"NOUN", "ADJ"})
            known = strip_article(fold(next_token.bare)) in self.words.source_adjectives  # «مصدر مطلع»
            if self._is_adjective(end + 1) or agreeing or known or not next_token.is_punctuation and any(
                    match_key(v) in sources for v in clitic_variants(next_token.surface)):
                end += 1
                continue
            break
        return end, affiliation

    def _body_adjective(self, first: int, last: int) -> str | None:
        """The kind of body an adjective among a source's says it is in («رئاسي»: the presidency)."""
        for token in self.tokens[first: last + 1]:
            stem = nisba_stem(strip_article(fold(token.surface)))
            if stem in self.gazetteer.body_adjectives:
                return self.gazetteer.body_adjectives[stem]
        return None

    def _not_a_source_before(self, following: int, bare_noun: bool, definite: bool = False) -> bool:
        """Whether what follows a source noun makes it no source: «مسؤول عن…» is responsible for;
        «المسؤول الأمريكي جون كيربي» is named; «مصدر الأسلحة»: a bare noun in construct (with a body the
        gazetteer knows as its genitive it is a source: _construct_body). A noun with the article governs no
        genitive («كما أكدت المصادر سيطرة المقاومة…»: the noun after it is the verb's object)."""
        if following >= len(self.tokens):
            return False
        if self._names_person_at(following):
            return True
        if fold(self.tokens[following].surface) == "عن":
            # «مسؤول عن…» is responsible for; after its adjective the noun is a source and «عن» the verb's
            # («كشفت مصادر مطلعة عن أن…»)
            return bare_noun
        return bare_noun and not definite and self._governs_genitive(following)

    def _is_adjective(self, position: int) -> bool:
        """An adjective by its tag or by its nisba ending («عسكري», «الملكية», tagged as nouns)."""
        token = self.tokens[position]
        if token.is_punctuation or token.is_function_word:
            return False
        if token.upos == {"ADJ"}:
            return True
        nisba_shaped = nisba_stem(token.surface) is not None
        return len(token.words) == 1 and token.upos <= {"NOUN", "ADJ"} and nisba_shaped

    def _governs_genitive(self, position: int) -> bool:
        """Whether the token at ``position`` is the definite genitive of the noun before it."""
        token = self.tokens[position]
        body = self._body_at(position)
        if body is not None:
            # «مسؤولو وزارة الدفاع الأمريكية», whatever the tagger split off «وزارة»; «بوزارة» is no genitive
            return not (body.stripped and fold(token.surface)[:1] in self.words.source_body_prepositions)
        if token.is_punctuation or token.is_function_word or self._is_adjective(position):
            return False
        word = max(token.words, key=lambda w: len(w.text))
        # Definite, or itself in construct («وزارة الدفاع»): only an indefinite noun could stand apart.
        return word.upos in {"NOUN", "PROPN"} and "Definite=Ind" not in word.feats and len(token.words) == 1

    def _names_person_at(self, position: int) -> bool:
        found = self._name_match(position)
        if found is not None:
            return self.gazetteer.entries[found.target].kind == PERSON
        span = self.ner_tokens.get(position)
        return span is not None and span.label == "PER"

    def _clitic_length(self, position: int) -> int:
        """Letters of a conjunction or preposition clitic before the word («ومصادر» → 1), article kept."""
        token = self.tokens[position]
        head = token.words[0]
        if len(token.words) > 1 and head.upos in {"CCONJ", "ADP", "PART"} and len(fold(head.text)) == 1:
            return 1
        return 0

    # ---- roles ----------------------------------------------------------------------------------------
    def _role_phrase(self, role_match: _Match) -> int | None:
        """A role phrase at role_match: its jurisdiction, its appositive name, the person it names.

        Returns the position after the phrase, or None when the role noun names no one here («رئيس شركة»).
        """
        role = role_match.target
        tokens = self.tokens
        article = any(self._definite(p) for p in range(role_match.first, role_match.last + 1))
        jurisdiction, position, inner = self._jurisdiction(role_match.last + 1, article)
        # «وزيرة الخارجية الأمريكية السابقة»: a former holder, whom only a name after it can tell.
        former = position < len(tokens) and strip_article(tokens[position].surface) in self.words.former_words
        position += former
        phrase_last = position - 1
        appositive = self._appositive(position)
        definite = role_match.last > role_match.first or any(
            v.startswith("ال") for v in clitic_variants(tokens[role_match.first].surface))
        if jurisdiction is None and appositive is None and not definite and role != COUNTERPART:
            return None
        # «وزير خارجية إيراني سابق» is a minister, not the minister: no holder of the post is meant.
        indefinite = inner is None and role != COUNTERPART and not any(
            self._definite(p) for p in range(role_match.first, phrase_last + 1))
        if (indefinite or former) and appositive is None:
            known_id, name = None, None
        else:
            known_id, name = self._role_person(role, jurisdiction, appositive)
        if known_id is None and name is None and jurisdiction is None:
            return None
        # The state a body or seat of power stands for is the role's affiliation («باسم الكرملين» → Russia,
        # «باسم الخارجية الإيرانية» → Iran).
        state = self.gazetteer.stands_for(jurisdiction) or self.gazetteer.body_state(jurisdiction)
        self._emit(role_match.first, phrase_last, PERSON, known_id, Via.ROLE, role_match.stripped,
                   affiliation=state or jurisdiction, name=name)
        self._emit_role_insides(inner, appositive, name)
        if appositive is not None and (known_id or name):
            person = person_key(known_id, name)
            self.context.bind(role, jurisdiction, person)
            if state:
                self.context.bind(role, state, person)
        return phrase_last + 1

    def _emit_role_insides(self, inner: _Match | _Body | None, appositive: _Appositive | None,
                           name: str | None) -> None:
        """The mentions inside a role phrase: a state or body named in it («رئيس كازاخستان», «باسم وزارة
        الدفاع الهندية») is named there all the same; an unknown appositive name is the person's mention
        («الأمير تركي بن محمد»), none of whose words is read again as a nisba or a state."""
        if isinstance(inner, _Body):
            self._emit_body(inner)
        elif isinstance(inner, _Match):
            self._emit_name(inner)
        if appositive is not None and appositive[0] is None and name:
            start, end = self._name_span(appositive[2], appositive[3], after_post=True)
            self._emit(appositive[2], appositive[3], PERSON, None, Via.NER, start=start, end=end)
            self.context.names.setdefault(person_key(None, name), name)

    def _definite(self, position: int) -> bool:
        """The word carries the article (after any clitic): «الروسي», «بالرئيس»."""
        return any(v.startswith("ال") for v in clitic_variants(self.tokens[position].surface))

    def _jurisdiction(self, position: int, definite: bool = True
                      ) -> tuple[str | None, int, _Match | _Body | None]:
        """What follows a role noun and says whose role it is: a nisba («الروسي»), a state, body or seat of
        power («رئيس كازاخستان», «لحلف شمال الأطلسي», «باسم الكرملين», «باسم الخارجية الإيرانية»), after at
        most two other adjectives. Returns the jurisdiction, the position after it, and the state or body
        named there (to be a mention of its own). An adjective agrees with its noun in definiteness: after a
        definite role a nisba without the article is a name («الأمير تركي بن محمد»)."""
        tokens = self.tokens
        for skip in range(3):
            at = position + skip
            if at >= len(tokens) or at in self.taken or tokens[at].is_punctuation:
                return None, position, None
            nisba = self._nisba(at)
            if nisba is not None:
                if definite and not self._definite(nisba[1]):
                    return None, position, None
                return nisba[0], nisba[1] + 1, None
            found = self._name_match(at)
            body = self._body_at(at)
            if body is not None and (found is None or body.last >= found.last):
                return body.entity_id or body.state, body.last + 1, body
            if found is not None:
                entry = self.gazetteer.entries[found.target]
                if entry.kind in (STATE, ORGANIZATION, PLACE):
                    if entry.kind == PLACE and not entry.stands_for:
                        return None, position, None
                    inner = found if entry.kind in (STATE, ORGANIZATION) else None
                    return entry.entity_id, found.last + 1, inner
                return None, position, None
            # Only an adjective may stand between the role and its nisba («المبعوث الرئاسي الأمريكي»).
            if not ({"ADJ"} & tokens[at].upos) or skip == 2:
                return None, position, None
        return None, position, None

    def _appositive(self, position: int) -> _Appositive | None:
        """A person named right after a role phrase: (gazetteer id, unknown name, first, last token)."""
        tokens = self.tokens
        if position < len(tokens) and tokens[position].surface in (",", "،"):
            position += 1
        # «لدى موسكو», «في مينسك» between the role and the name
        places = self.words.role_place_prepositions
        if position + 1 < len(tokens) and fold(tokens[position].surface) in places:
            place = self._name_match(position + 1)
            if place is not None and self.gazetteer.entries[place.target].kind in (STATE, PLACE):
                position = place.last + 1
        if position >= len(tokens) or position in self.taken:
            return None
        found = self._name_match(position)
        if found is not None:
            entry = self.gazetteer.entries[found.target]
            return (entry.entity_id, None, found.first, found.last) if entry.kind == PERSON else None
        # «بن والاس»: a name particle opens the name even where NER left it out of the span.
        name_at = position + 1 if self._is_particle(position) and position + 1 < len(tokens) else position
        if name_at in self.ner_tokens and self.ner_tokens[name_at].label == "PER":
            last = name_at
            span = self.ner_tokens[name_at]
            while last + 1 < len(tokens) and self.ner_tokens.get(last + 1) is span and not self._opens_phrase(
                    last + 1):
                last += 1
            last = self._name_end(position, last)
            if last >= position and not self._not_a_name(position, last):
                start, end = self._name_span(position, last, after_post=True)
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
            if runs and runs[-1][0] is span and runs[-1][1][-1] == position - 1 and not self._opens_phrase(
                    position):
                runs[-1][1].append(position)
            else:
                runs.append((span, [position]))
        for span, positions in runs:
            kind = NER_KINDS.get(span.label)
            if kind is None:
                continue
            first, last = positions[0], positions[-1]
            while first <= last and self._not_a_name(first, last):
                first += 1
            while last >= first and self._not_a_name(last, last):
                last -= 1
            if first > last:
                continue
            if kind == PERSON:
                first, last = self._name_start(first), self._name_end(first, last)
                if all(self._is_particle(p) for p in range(first, last + 1)) or self._kinship(first):
                    continue  # «ابن» alone, «ابن عم» («ابن عم الجاني»: a cousin) name no one
            start, end = self._name_span(first, last)
            if end - start < 2:
                continue
            name = self.text[start:end]
            self._emit(first, last, kind, None, Via.NER, start=start, end=end, name=None)
            if kind == PERSON:
                self.context.names.setdefault(person_key(None, name), name)

    def _not_a_name(self, position: int, last: int) -> bool:
        """A token NER swallowed that is no part of a name (ending at ``last``): a verb, a function word, a
        role noun, a system noun, punctuation, a verbal noun after the name; a name particle is part of it
        where a name follows («بن والاس»)."""
        token = self.tokens[position]
        if token.is_punctuation:
            return True
        if self._is_particle(position) and position < last:
            return False
        if position + 1 < last and self._is_particle(position + 1):
            return False  # «فيصل بن خالد»: before «بن» in the span a name, though the tagger read «ف+يصل»
        if token.is_function_word and not self._mistagged_name(position):
            return True
        if position == last and position > 0 and self._is_masdar(position):
            return True
        variants = clitic_variants(token.surface)
        return any(match_key(v) in self.gazetteer.roles or match_key(v) in self.gazetteer.system_nouns
                   for v in variants)

    def _opens_phrase(self, position: int) -> bool:
        """A word with a clitic conjunction or preposition before the article («بالأمير», «والرئيس») opens
        a new phrase: no part of a name carries one, so NER's span ends before it."""
        token = self.tokens[position]
        return len(token.words) > 1 and token.words[0].upos in {"ADP", "CCONJ", "PART"} and fold(
            token.surface).startswith(("بال", "لل", "كال", "وال", "فال"))

    def _mistagged_name(self, position: int) -> bool:
        """A word NER puts in a person's name that the tagger took for a particle («ناصر/ADP كنعاني»): Arabic
        prepositions and particles are short, so a whole word of four letters or more is the name's."""
        token = self.tokens[position]
        span = self.ner_tokens.get(position)
        return span is not None and span.label == "PER" and len(token.words) == 1 and len(
            fold(token.surface)) >= 4

    def _is_particle(self, position: int) -> bool:
        """«بن», «أبو», «عبد», «آل»…: a particle that joins the parts of a person's name."""
        token = self.tokens[position]
        return fold(token.surface) in self.gazetteer.name_particles

    def _is_masdar(self, position: int) -> bool:
        """A common verbal noun without the article («تقديم», «تعزيز»): the phrase after a name, not part
        of it."""
        token = self.tokens[position]
        word = max(token.words, key=lambda w: len(w.text))
        if word.upos != "NOUN" or len(token.words) > 1:
            return False
        return any(_MASDAR.match(form) for form in {fold(token.surface), fold(word.lemma)}
                   if not form.startswith("ال"))

    def _is_name_part(self, position: int) -> bool:
        token = self.tokens[position]
        tagged = position in self.ner_tokens and self.ner_tokens[position].label == "PER"
        function_word = token.is_function_word and not self._mistagged_name(position)
        return position not in self.taken and not token.is_punctuation and not function_word and (
            bool(token.upos & {"PROPN", "X"}) or tagged)

    def _kinship(self, first: int) -> bool:
        """«ابن عم», «أبو الضحية»: a name particle before a kinship noun is a relation of someone."""
        following = first + 1
        particle = any(key in self.gazetteer.name_particles for key in self.tokens[first].keys)  # «وابن»
        return (particle and following < len(self.tokens)
                and fold(self.tokens[following].surface) in self.words.kinship_nouns)

    def _name_start(self, first: int) -> int:
        """A person's name reaches back over a particle and the name before it («محمد بن سلمان» where NER
        found «سلمان»), and a name the NER opened on a particle, over the name before it."""
        if first > 0 and first - 1 not in self.taken and (
                self._is_particle(first - 1) or self._preposition_like_name(first - 1)):
            first -= 1
        # «الأمير فيصل بن خالد بن عبدالعزيز» where NER found «بن خالد بن عبدالعزيز»: no name opens on «بن»
        if self._is_particle(first) and first > 0 and self._is_name_part(first - 1) and not self._is_particle(
                first - 1):
            first -= 1
        return first

    def _preposition_like_name(self, position: int) -> bool:
        """«علي» before a name, in a document that writes the preposition «على» with its alif maqsura: then
        «علي» is the given name, not the preposition («وقال علي الأحمدي»)."""
        surface = self.tokens[position].surface
        return surface in self.words.preposition_like_names and re.search(
            rf"(?<!\w){surface[:-1]}ى(?!\w)", self.text) is not None

    def _name_end(self, first: int, last: int) -> int:
        """A person's name goes on over a particle and the name after it («عبد المجيد بن تبون»)."""
        tokens = self.tokens
        while last + 2 < len(tokens) and self._is_particle(last + 1) and self._is_name_part(last + 2):
            last += 2
        return max(first, last)

    def _name_span(self, first: int, last: int, after_post: bool = False) -> tuple[int, int]:
        """Offsets of an unknown name, without a leading conjunction («وكروتوي» → «كروتوي»), or a leading
        preposition or «ف» where the document also writes the name without it. Right after a post no
        conjunction joins a name to it: «الرئيس الكيني وليام روتو» keeps its «و» unless the document also
        writes the name without it."""
        token = self.tokens[first]
        start, end = token.start, self.tokens[last].end
        head = token.words[0]
        if len(token.words) > 1 and head.upos in {"CCONJ", "ADP", "PART"}:
            clitic = fold(head.text)
            rest = fold(token.surface)[len(clitic):]
            evidence = rest in self.document_words
            # «و» before a name is the conjunction; «ف» opens many names («فيصل», «فهد»): off only where the
            # document also writes the name without it, as a preposition
            conjunction = clitic in self.words.conjunctions and len(rest) >= 3 and (
                (clitic == "و" and not after_post) or evidence)
            if conjunction or clitic in self.words.prepositions and evidence:
                start += self._offset_of_letter(token.surface, len(clitic))
        return start, end

    # ---- weapons --------------------------------------------------------------------------------------
    def _designations(self) -> None:
        """A system noun or a generic weapon phrase followed by an unknown designation («منظومة باراك-8»,
        «صواريخ KN-23», «منظومة الدفاع الجوي باراك إم إكس») is a weapon, of the category the noun gives. A
        number is not a designation («بقيمة 4.25 مليار»)."""
        tokens = self.tokens
        for position, token in enumerate(tokens[:-1]):
            generic = self._weapon_at(position)
            opens = generic is not None and generic.via == Via.GENERIC and generic.end <= token.end
            if not (opens or (position not in self.taken and self._is_system_noun(token))):
                continue
            first = position + 1
            quoted = self._quoted_name(first)
            if quoted is not None:  # «غواصات "سكوربين"», «مدرعات «بوكسر»»: a name in marks after the noun
                first, last = quoted
                phrase = self.text[tokens[first].start:tokens[last].end]
                known = self._known_weapon(phrase)
                if known is not None and not self._weapon_at(first):
                    self._emit(first, last, WEAPON, known, Via.NAME)  # «مقاتلات «الرافال»»: an article on it
                elif match_key(phrase) not in self.gazetteer.names and not self._is_amount(first, last):
                    category = self._category_before(position + 1)[1]
                    self._emit(first, last, WEAPON, None, Via.NAME, category=category)
                continue
            if first in self.taken or not self._opens_designation(first):
                continue
            last = self._designation_end(first)
            phrase = self.text[tokens[first].start:tokens[last].end]
            lettered = last > first and any(self._is_designation_letter(p) for p in range(first, last + 1))
            if not (_DESIGNATION.search(phrase) or lettered) or match_key(phrase) in self.gazetteer.names:
                continue
            if self._is_amount(first, last) or _DEFINITE_NUMBER.match(phrase):
                continue
            self._emit(first, last, WEAPON, None, Via.NAME, category=self._category_before(first)[1])

    def _models(self) -> None:
        """«مروحيات عسكرية من طراز كاراكال», «غواصات من طراز 209»: what «طراز»/«نوع» names after a weapon
        is a weapon, known or not, of the category of the weapon noun before it. «الطراز نفسه» points back
        and names nothing; «سيارة من طراز تويوتا» is no weapon."""
        tokens = self.tokens
        for position, token in enumerate(tokens[:-1]):
            if position in self.taken or fold(token.surface) not in self.words.model_nouns:
                continue
            first = position + 1
            quoted = self._quoted_name(first)  # «فرقاطة من نوع «فريم»»: the name in marks
            if quoted is None and (
                    first in self.taken or tokens[first].is_punctuation or tokens[first].is_function_word):
                continue
            word = max(tokens[first].words, key=lambda w: len(w.text))
            designation = quoted is not None or bool(_DESIGNATION.search(tokens[first].surface))
            if not designation and (word.upos == "ADJ" or self._nisba(first) is not None or (
                    word.upos == "NOUN" and fold(tokens[first].surface).startswith("ال"))):
                continue  # «من طراز قديم», «من نوع السلاح»
            prepositions = self.words.model_prepositions
            after_preposition = position > 0 and fold(tokens[position - 1].surface) in prepositions
            head = position - 1 if after_preposition else position
            found, category = self._category_before(head)
            if not found:
                continue
            first, last = quoted if quoted is not None else (first, self._designation_end(first, names=True))
            phrase = self.text[tokens[first].start:tokens[last].end]
            if match_key(phrase) in self.gazetteer.names or self._is_amount(first, last):
                continue  # known already, or a number alone («من طراز 209»: the noun before is the weapon)
            self._emit(first, last, WEAPON, None, Via.NAME, category=category)

    def _known_weapon(self, phrase: str) -> str | None:
        """The gazetteer weapon a name is, an article written on it taken off («الرافال», «الإس-400»)."""
        key = match_key(phrase)
        for candidate in (key, key[2:] if key.startswith("ال") else None):
            for entity_id in self.gazetteer.names.get(candidate, ()) if candidate else ():
                entry = self.gazetteer.entries.get(entity_id)
                if entry is not None and entry.kind == WEAPON:
                    return entity_id
        return None

    def _quoted_name(self, first: int) -> tuple[int, int] | None:
        """The tokens of a short name in quotation marks opening at ``first`` («"فريم"», «"بوكسر"»): one to
        four tokens, none of them punctuation but a hyphen, none already taken."""
        tokens = self.tokens
        if first >= len(tokens) or tokens[first].surface.strip() not in _OPENING_MARKS:
            return None
        close = next((p for p in range(first + 1, min(len(tokens), first + 6))
                      if tokens[p].surface.strip() in _CLOSING_MARKS), None)
        if close is None or close == first + 1:
            return None
        inside = range(first + 1, close)
        if any(p in self.taken or (tokens[p].is_punctuation and tokens[p].surface.strip() not in "-‐‑–—")
               for p in inside):
            return None
        return first + 1, close - 1

    def _weapon_at(self, position: int) -> Mention | None:
        token = self.tokens[position]
        return next((m for m in self.mentions if m.kind == WEAPON and m.start < token.end
                     and token.start < m.end), None)

    def _is_designation_letter(self, position: int) -> bool:
        return match_key(self.tokens[position].surface) in self.gazetteer.designation_letters

    def _letter_goes_on(self, position: int) -> bool:
        """A Latin letter spelt in Arabic goes on a designation; one that is also a preposition («في» for V)
        only where no word follows it but more of a designation («إف في 2», but «اوسبري في القاعدة»)."""
        if not self._is_designation_letter(position):
            return False
        if not self.tokens[position].is_function_word:
            return True
        following = self.tokens[position + 1] if position + 1 < len(self.tokens) else None
        if following is None or following.is_punctuation:
            return True
        return bool(_DESIGNATION.search(following.surface)) or self._is_designation_letter(position + 1)

    def _opens_designation(self, first: int) -> bool:
        """Whether a token may open a system's designation: one with Latin letters or digits, a Latin letter
        spelt in Arabic («إم»), or a proper noun — never a common word with a preposition («بقيمة»)."""
        token = self.tokens[first]
        if token.is_punctuation or token.is_function_word:
            return False
        if len(token.words) > 1 and token.words[0].upos in {"ADP", "CCONJ"}:
            return False  # «و40 مسيرة», «بقيمة»: a new phrase begins
        if _DESIGNATION.search(token.surface) or self._is_designation_letter(first):
            return True
        return bool(token.upos & {"PROPN", "X"}) or token.ner != "O"

    def _designation_end(self, first: int, names: bool = False) -> int:
        """The last token of a designation opened at ``first``: digits, Latin letters, letters spelt in
        Arabic, hyphens («باراك إم إكس», «جيه-10 سي»); with ``names``, proper nouns too («بلاك هوك»)."""
        tokens = self.tokens
        last = first
        while last + 1 < len(tokens) and last + 1 not in self.taken and last + 1 - first < 4:
            following = tokens[last + 1]
            if (_DESIGNATION.search(following.surface) or following.surface.strip() in "-‐‑–—"
                    or self._letter_goes_on(last + 1)
                    or (names and following.upos & {"PROPN", "X"} and not following.is_function_word
                        and self._nisba(last + 1) is None)):
                last += 1
                continue
            break
        while last > first and tokens[last].is_punctuation:
            last -= 1
        return last

    def _is_amount(self, first: int, last: int) -> bool:
        """A sum or a count, not a designation: numbers alone («4 . 25»), or a number before a number word or
        a currency («4 مليارات», «375 مليون دولار»)."""
        tokens = self.tokens
        if all(_is_number(t, self.words.conjunctions) or t.is_punctuation for t in tokens[first:last + 1]):
            return True
        following = tokens[last + 1] if last + 1 < len(tokens) else None
        return following is not None and _DIGITS_ONLY.match(tokens[last].surface) is not None and (
            "NUM" in following.upos or following.ner.endswith("MISC"))

    def _category_before(self, position: int) -> tuple[bool, str | None]:
        """The weapon noun a system's name follows («مروحيات عسكرية من طراز…», «طائرات ميراج»): whether
        there is one (past adjectives, nisbas and numbers, within four tokens) and the category it gives. An
        adjective's own definite noun is the adjective's («صواريخ قصيرة ومتوسطة المدى من طراز…»)."""
        tokens = self.tokens
        for at in range(position - 1, max(-1, position - 6), -1):
            token = tokens[at]
            weapon = self._weapon_at(at)
            if weapon is not None:
                return True, weapon.category or self.gazetteer.category_of(weapon.known_id)
            if self._is_system_noun(token):
                key = next((match_key(v) for v in clitic_variants(token.surface)
                            if match_key(v) in self.gazetteer.noun_categories), None)
                return True, self.gazetteer.noun_categories.get(key) if key else None
            skippable = token.upos & {"ADJ", "NUM"} or _DIGITS_ONLY.match(token.surface) or (
                fold(token.surface) in self.words.model_prepositions | self.words.model_nouns
            ) or self._nisba(at) is not None or adjectives_noun(tokens, at) or joined_adjective(tokens, at)
            if not skippable or token.is_punctuation:
                break
        return False, None

    def _absorb_generic_weapons(self) -> None:
        """«أنظمة إسكندر», «صواريخ الدفاع الجوي الروسية إس-400»: a generic weapon phrase that only introduces
        a named weapon is not a weapon of its own."""
        weapons = sorted((m for m in self.mentions if m.kind == WEAPON), key=lambda m: m.start)
        drop = set()
        for generic, following in zip(weapons, weapons[1:], strict=False):
            # «أنظمة إسكندر للصواريخ الباليستية»: a generic phrase right after the name describes it; one
            # joined by «و» («إس-400 ودبابات») is another weapon.
            joined = self.text[generic.end:following.start].strip() in ("و", "ف")
            if following.via == Via.GENERIC and generic.via != Via.GENERIC and not joined and not [
                    t for t in self.tokens if generic.end <= t.start and t.end <= following.start]:
                drop.add(following)
            if generic.via != Via.GENERIC or following.via == Via.GENERIC:
                continue
            # «مروحيات عسكرية من طراز كاراكال» keeps both: the transfer extractor reads «من طراز» itself.
            between = [t for t in self.tokens if generic.end <= t.start and t.end <= following.start]
            if len(between) <= 4 and not any(
                    t.is_punctuation or t.upos & {"VERB", "ADP", "CCONJ", "SCONJ"} for t in between):
                drop.add(generic)
        self.mentions = [m for m in self.mentions if m not in drop]


def _names_in_words(entry: GazetteerEntry) -> list[list[str]]:
    """Each of a known entity's Arabic names, folded, as its words."""
    return [fold(label).split() for label in (entry.label_ar, *entry.alt_labels)]


def _definite(token: Token) -> bool:
    """The article on the word itself, after any conjunction («المصدر», «والمصدر»)."""
    return token.bare.startswith("ال") and len(token.bare) > 3
