"""Entity resolution: every mention of every document → one node per real-world entity.

A mention the gazetteer knows (by name, role, nisba or capital) is that gazetteer entity. Any other name is
matched, within its kind, against the gazetteer's names and against the other unknown names of the corpus by
a similarity on folded names: the optimal-string-alignment edit distance (a transposition counts once) and
the Jaro-Winkler similarity of the surnames, bounded by the names' length, plus the rule that a one-word name
which is the last word of a longer name is the same person. So «لوكاشينكو», «لوكاشنكو» and «لوكاشنيكو» are
one node whether or not the gazetteer knows them.

A capital or seat of power stays a Place where it is a location («في مينسك»); where it acts (a supplier, a
recipient, a speaker) the caller asks Resolution.actor_id_of(), which gives the state it stands for. A body of
a state («وزارة الدفاع الهندية», «الجيش البولندي») is a node of its own, the speaker of what it says; where it
supplies or receives weapons the caller asks Resolution.state_id_of(), which gives its state.

A mention of an unnamed source («مصدر عسكري مصري», via="anonymous") names no entity. A weapon the gazetteer
does not know takes the category its mentions were given in the text (Mention.category).
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from kg.gazetteer import Gazetteer
from kg.normalizing import fold, match_key, slugify
from kg.records import (
    NAMING_VIAS,
    ORGANIZATION,
    PERSON,
    PLACE,
    STATE,
    WEAPON,
    Entity,
    Extraction,
    Identity,
    Mention,
    Via,
    is_post_identity,
    key_identity,
    mention_identity,
)
from kg.states import state_of_mention

# Letters Arabic transliterations of foreign names interchange: «سيرغي» / «سيرجي», «بيسكوف» / «بيسكوڤ».
_PHONETIC = str.maketrans({"غ": "ج", "ق": "ك", "ط": "ت", "ص": "س", "ث": "س", "ض": "د", "ظ": "ز", "ذ": "ز",
                           "ڤ": "ف", "پ": "ب", "چ": "ج"})
JARO_WINKLER_MIN = 0.85
SHORT_NAME_LETTERS = 5  # up to this length a name alone matches a surname only with the same consonants
SHORT_WORD_LETTERS = 4  # a name word this short differs from another spelling of it in a final vowel at most
LONG_WORD_LETTERS = 7  # from this length a name word may differ from another spelling of it in a consonant


# ---- similarity -----------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1 << 16)
def phonetic_key(name: str) -> str:
    """A folded name with the letters transliterations confuse merged."""
    return match_key(name).translate(_PHONETIC)


def osa_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions, adjacent transpositions."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def jaro_winkler(a: str, b: str, prefix_scale: float = 0.1) -> float:
    """Jaro-Winkler similarity in [0, 1]."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    window = max(max(len(a), len(b)) // 2 - 1, 0)
    matched_a, matched_b = [False] * len(a), [False] * len(b)
    matches = 0
    for i, char in enumerate(a):
        for j in range(max(0, i - window), min(len(b), i + window + 1)):
            if not matched_b[j] and b[j] == char:
                matched_a[i] = matched_b[j] = True
                matches += 1
                break
    if not matches:
        return 0.0
    a_chars = [c for c, m in zip(a, matched_a, strict=True) if m]
    b_chars = [c for c, m in zip(b, matched_b, strict=True) if m]
    transpositions = sum(x != y for x, y in zip(a_chars, b_chars, strict=True)) / 2
    jaro = (matches / len(a) + matches / len(b) + (matches - transpositions) / matches) / 3
    prefix = 0
    for x, y in zip(a[:4], b[:4], strict=False):
        if x != y:
            break
        prefix += 1
    return jaro + prefix * prefix_scale * (1 - jaro)


def similar_words(a: str, b: str, distinct: frozenset[str] = frozenset()) -> bool:
    """Two spellings of one name word.

    Transliterations of a foreign name differ in long vowels and in letters Arabic confuses (merged by
    phonetic_key), rarely in a consonant, while two Arabic names one consonant apart are two names
    («السيسي» / «السبسي», «الغامدي» / «الغانمي»). So, the article set aside: up to four letters only a
    final vowel may differ («روته» / «روتي»); up to six the consonants must be the same («دميتري» /
    «ديمتري»), and in a name with the article one spelling must be the other with long vowels added
    («الدليمي» / «الديلمي» are two names); from seven, where a name is long enough to be recognised by the
    rest, one or two edits of any letter («بيلاوسوف» / «بيلاروسوف»). Within those, a small edit distance and
    a high Jaro-Winkler similarity.
    """
    a, b = phonetic_key(a), phonetic_key(b)
    if a == b:
        return True
    if a in distinct and b in distinct:  # two Arabic names of their own («سلمان» / «سليمان»)
        return False
    arabic = a.startswith("ال") and b.startswith("ال")  # a nisba or family name: where its vowels are counts
    a, b = _without_article(a), _without_article(b)
    shortest = min(len(a), len(b))
    if shortest <= SHORT_WORD_LETTERS:  # a final vowel, or a leading alef a transliteration adds («اروته»)
        shorter, longer = sorted((a, b), key=len)
        return _without_final_vowel(a) == _without_final_vowel(b) or (
            len(longer) > SHORT_WORD_LETTERS and longer == "ا" + shorter)
    if shortest < LONG_WORD_LETTERS and _consonants(a) != _consonants(b):
        return False
    if shortest < LONG_WORD_LETTERS and arabic and not _within(*sorted((a, b), key=len)):
        return False
    allowed = 1 if shortest < LONG_WORD_LETTERS else 2
    # Lengths further apart than the edits allowed cannot match: the cheap test first, since a corpus
    # compares every unknown name with every label of its kind.
    if abs(len(a) - len(b)) > allowed:
        return False
    return osa_distance(a, b) <= allowed and jaro_winkler(a, b) >= JARO_WINKLER_MIN


def _within(shorter: str, longer: str) -> bool:
    """Whether ``shorter`` is ``longer`` with letters left out (a subsequence): «زيلنسكي» / «زيلينسكي», not
    «الدليمي» / «الديلمي», where a long vowel moved and made another name."""
    letters = iter(longer)
    return all(letter in letters for letter in shorter)


def _without_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _without_final_vowel(word: str) -> str:
    return word[:-1] if len(word) > 2 and word[-1] in "اويه" else word


@functools.lru_cache(maxsize=1 << 16)
def name_parts(name: str, particles: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The parts of a person's name, a particle joined to the word after it: «عبد الله بن زايد» →
    [«عبد الله», «بن زايد»], so that «بن سلمان» is the last part of «محمد بن سلمان»."""
    parts: list[str] = []
    pending = ""
    for word in match_key(name).split():
        if word in particles:
            pending = f"{pending} {word}".strip()
            continue
        parts.append(f"{pending} {word}".strip())
        pending = ""
    if pending:
        parts.append(pending)
    return tuple(parts)


def similar_parts(a: str, b: str, distinct: frozenset[str] = frozenset()) -> bool:
    """Two name parts of one name: each word similar («بن سلمان» / «بن سلمان»), or the same word once a
    particle written apart is glued to it («لو دريان» / «لودريان», «دي ميستورا» / «دي مستورا»)."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return len(words_a) + len(words_b) > 2 and similar_words("".join(words_a), "".join(words_b), distinct)
    return all(similar_words(x, y, distinct) for x, y in zip(words_a, words_b, strict=True))


def same_person_name(a: str, b: str, particles: frozenset[str] = frozenset(),
                     distinct: frozenset[str] = frozenset()) -> bool:
    """Two person names of one person in a corpus: similar surnames, and similar first names where both
    give one; a one-word name is the surname of the longer one («روته» / «مارك روته»). With the gazetteer's
    name particles, «عبد الله» is one first name and «بن سلمان» one last part."""
    parts_a, parts_b = name_parts(a, particles), name_parts(b, particles)
    if not parts_a or not parts_b or not similar_parts(parts_a[-1], parts_b[-1], distinct):
        return False
    if len(parts_a) > 1 and len(parts_b) > 1:
        return (similar_parts(parts_a[0], parts_b[0], distinct)
                and _in_order(parts_a[1:-1], parts_b[1:-1], distinct))
    # A name alone has no first name to confirm it: a short one must keep its consonants («صالح» is not
    # «ممدوح سالم», while «روتي» is «مارك روته»).
    last_a, last_b = parts_a[-1].replace(" ", ""), parts_b[-1].replace(" ", "")
    return _consonants(last_a) == _consonants(last_b) or min(len(last_a), len(last_b)) > SHORT_NAME_LETTERS


def _consonants(word: str) -> str:
    """The word's consonants in the phonetic key: long vowels and a final «ه» (ta marbuta) dropped."""
    key = phonetic_key(word)
    key = key[:-1] if key.endswith("ه") else key
    return "".join(ch for ch in key if ch not in "اوي")


def _in_order(middle_a: Sequence[str], middle_b: Sequence[str],
              distinct: frozenset[str] = frozenset()) -> bool:
    """Whether the middle parts of the shorter name are among those of the longer, in order, the first with
    the first: a name may drop the far links of its chain of fathers, never change one, and the link after
    the first name is the father («عبد العزيز بن فيصل بن عبد المجيد بن عبد العزيز» is not «عبد العزيز بن
    سعود بن نايف بن عبد العزيز», nor «خالد بن زايد» «خالد بن محمد بن زايد»)."""
    shorter, longer = sorted((middle_a, middle_b), key=len)
    if shorter and not similar_parts(shorter[0], longer[0], distinct):
        return False
    remaining = iter(longer)
    return all(any(similar_parts(part, other, distinct) for other in remaining) for part in shorter)


def same_name(a: str, b: str) -> bool:
    """Two spellings of one place or organisation name: same number of words, each similar."""
    words_a, words_b = match_key(a).split(), match_key(b).split()
    return len(words_a) == len(words_b) and all(
        similar_words(x, y) for x, y in zip(words_a, words_b, strict=True))


def names_match(kind: str, a: str, b: str, particles: frozenset[str] = frozenset(),
                distinct: frozenset[str] = frozenset()) -> bool:
    return same_person_name(a, b, particles, distinct) if kind == PERSON else same_name(a, b)


def _deletions(word: str, edits: int) -> set[str]:
    """The word and every string left when up to ``edits`` of its letters are deleted."""
    found = {word}
    frontier = {word}
    for _ in range(edits):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


@functools.lru_cache(maxsize=1 << 16)  # each unknown name is looked up in two indexes and added to one
def _blocking_keys(name: str) -> frozenset[str]:
    """Keys two names share whenever names_match() may hold for them: the deletion neighbourhood of the
    phonetic key of the last word (and of the last two words glued, and of both without the article), to as
    many deletions as similar_words() allows edits for its length, and one at least for a short word's final
    vowel.

    Two words within k edits (transpositions included) share a string left by at most k deletions from
    each (as in SymSpell), and names_match() always compares the last words («روته» / «مارك روته»)."""
    words = match_key(name).split()
    # the last word, and the last two glued, for a particle written apart («لو دريان» / «لودريان»)
    # — each also without its article, as similar_words() compares them; a short word may lose a final vowel
    lasts = {phonetic_key(words[-1]), phonetic_key("".join(words[-2:]))} if words else set()
    keys: set[str] = set()
    for last in lasts | {_without_article(last) for last in lasts}:
        keys |= _deletions(last, 1 if len(last) <= 6 else 2)
    return frozenset(keys)


class NameIndex:
    """Names of one kind, found again by the names that may match them without comparing every pair."""

    def __init__(self) -> None:
        self._items: dict[str, list[tuple[int, object]]] = defaultdict(list)
        self._count = 0

    def add(self, name: str, item: object) -> None:
        for key in _blocking_keys(name):
            self._items[key].append((self._count, item))
        self._count += 1

    def candidates(self, name: str) -> list[object]:
        """Items whose names may match ``name`` (a superset of the matches), in the order they were added."""
        found: dict[int, object] = {}
        for key in _blocking_keys(name):
            for order, item in self._items.get(key, ()):
                found[order] = item
        return [found[order] for order in sorted(found)]


# ---- resolution -----------------------------------------------------------------------------------------



@dataclass
class Resolution:
    """The entities of a corpus and the map from mentions to them."""

    entities: dict[str, Entity] = field(default_factory=dict)
    gazetteer: Gazetteer | None = None
    _ids: dict[Identity, str] = field(default_factory=dict)

    def entity_id_of(self, mention: Mention, document: str | None = None) -> str | None:
        """The entity a mention of ``document`` (its id) names: a capital as a location stays the place; a
        post nobody could be found for, its holder in that document. None for a pronoun nobody could be
        found for."""
        identity = mention_identity(mention, document)
        return self._ids.get(identity) if identity else None

    def actor_id_of(self, mention: Mention, document: str | None = None) -> str | None:
        """The entity a mention names when it acts (speaker, supplier, recipient): a capital or seat of power
        («موسكو سلمت», «قال الكرملين») and a government («الحكومة اليمنية») are the state they stand for;
        any other body of a state stays the body."""
        if mention.via == Via.ANONYMOUS:
            # «مسؤول إيراني», «مصدر في وزارة الدفاع»: an unnamed official speaks for the state or body the
            # text ties them to; untied («مصادر محلية», «مراقبون») they speak for no one.
            tied = self._standing_for(mention.affiliation) if mention.affiliation else None
            if tied in self.entities:
                return tied
            if mention.source_body:  # «مسؤولون في مجلس السلامة الهولندي»: that organisation
                return self._ids.get((ORGANIZATION, match_key(mention.source_body)))
            return None
        if mention.known_id:
            state = self._standing_for(mention.known_id)
            if state != mention.known_id:
                return state
        entity = self.entity_id_of(mention, document)
        return self._standing_for(entity) if entity else None

    def _standing_for(self, entity_id: str) -> str:
        """The state a capital, a seat of power or a government stands for, when it is a node; else itself."""
        state = self.gazetteer.stands_for(entity_id) if self.gazetteer is not None else None
        return state if state and state in self.entities else entity_id

    def state_id_of(self, mention: Mention) -> str | None:
        """The state a mention stands for as a supplier or recipient of weapons, for kg:supplier and
        kg:recipient: a state; a capital or seat of power («موسكو سلمت»); a body of a state («الجيش البولندي
        تسلم…», «وزارة الخارجية الأمريكية وافقت على بيع…»); a person through the state of their role or post
        («الرئيس البيلاروسي»). None for anything else (a company, an unnamed source, a place) or when that
        state has no node. Speakers are not asked this: what a body says, the body says."""
        state = state_of_mention(mention, self.gazetteer)
        return state if state in self.entities else None


def acting_mentions(extractions: Iterable[Extraction]) -> Iterator[tuple[Mention, bool]]:
    """Mentions that act: speakers and relaying outlets, who stated a transfer, and its supplier and
    recipient (flagged True, since a body there stands for its state)."""
    for extraction in extractions:
        for claim in extraction.claims:
            yield claim.speaker, False
            if claim.reported_by is not None:
                yield claim.reported_by, False
        for transfer in extraction.transfers:
            for party in (transfer.supplier, transfer.recipient):
                if party is not None:
                    yield party, True
            if transfer.stated_by is not None:
                yield transfer.stated_by, False


def scoped_mentions(extractions: Iterable[Extraction]) -> Iterator[tuple[str, Mention]]:
    """Every mention an extraction holds, with the id of its document."""
    for extraction in extractions:
        document = extraction.annotated.document.doc_id
        for mention in _mentions_of(extraction):
            yield document, mention


def _mentions_of(extraction: Extraction) -> Iterator[Mention]:
    """Every mention the extraction holds, including speakers, agencies and transfer parties."""
    yield from extraction.mentions
    for claim in extraction.claims:
        yield claim.speaker
        if claim.reported_by is not None:
            yield claim.reported_by
        yield from claim.mentions
    for transfer in extraction.transfers:
        for mention in (transfer.supplier, transfer.recipient, transfer.weapon, transfer.stated_by):
            if mention is not None:
                yield mention


def display_form(mention: Mention, label: str | None = None) -> str:
    """The surface form as written, for altLabels: «للكرملين» is written «الكرملين» once ل is off."""
    text = " ".join(mention.text.split())
    if mention.known_id and text.startswith("لل") and not (label and fold(label).startswith("لل")):
        return "ا" + text[1:]
    return text


def resolve(extractions: Sequence[Extraction], gazetteer: Gazetteer) -> Resolution:
    """One Entity per real-world entity over all the extractions, and the mention → entity map."""
    resolution = Resolution(gazetteer=gazetteer)
    mentions = list(dict.fromkeys(scoped_mentions(extractions)))
    forms: dict[Identity, Counter] = defaultdict(Counter)  # identity → surface forms seen
    categories: dict[Identity, Counter] = defaultdict(Counter)  # unknown weapon → categories the text gave
    groups: dict[Identity, list[Mention]] = defaultdict(list)  # parties speaking as one: after their own
    # An unnamed post is someone only as a speaker: «قال رئيس مجلس النواب» makes its holder a node of that
    # document; «الرئيس» named in passing makes none.
    speakers = {claim.speaker for extraction in extractions for claim in extraction.claims}
    for document, mention in mentions:
        identity = mention_identity(mention, document if mention in speakers else None)
        if identity is None:
            continue
        if mention.members:
            groups[identity].append(mention)
            continue
        if mention.kind == WEAPON and mention.category and identity[0] != "known":
            categories[identity][mention.category] += 1
        naming = (mention.via in NAMING_VIAS or (mention.name is not None and identity[0] != "known")
                  or is_post_identity(identity))
        text = mention.name if (mention.name and identity[0] != "known") else mention.text
        if naming:
            forms[identity][display_form(mention, _label(gazetteer, mention.known_id)) if
                            identity[0] == "known" else " ".join(text.split())] += 1
            if text is mention.name and mention.via in NAMING_VIAS:
                # «الخضراء» for «أيمن الخضراء»: the surname the text also calls him by is one of his forms
                forms[identity].setdefault(" ".join(mention.text.split()), 0)
        else:
            forms.setdefault(identity, Counter())

    known_forms: dict[str, Counter] = defaultdict(Counter)
    for identity, seen in forms.items():
        if identity[0] == "known":
            known_forms[identity[1]].update(seen)
    _match_unknown_names(forms, known_forms, gazetteer, resolution)
    for entity_id, seen in known_forms.items():
        _add_known(resolution, gazetteer, entity_id, seen)
    _categorize_unknown_weapons(resolution, categories)
    # A capital that acts stands for its state, and a body that supplies or receives weapons for its own:
    # that state is a node even if never named. A capital named only as a place («حتى برلين») adds none.
    # So is the state or body an unnamed official speaks for («مسؤول إيراني»).
    for mention, party in acting_mentions(extractions):
        state = gazetteer.stands_for(mention.known_id) if mention.known_id else None
        if party:
            state = state or state_of_mention(mention, gazetteer)
        if mention.via == Via.ANONYMOUS and not party:
            state = gazetteer.stands_for(mention.affiliation) or mention.affiliation
        if state and gazetteer.entry(state):
            _add_known(resolution, gazetteer, state, Counter())
    for identity, said_together in groups.items():
        _add_group(resolution, identity, said_together)
    _add_posts(resolution, mentions)
    return resolution


def _add_posts(resolution: Resolution, mentions: Iterable[tuple[str, Mention]]) -> None:
    """A person the text calls by a post («وأوضح وزير الإسكان أن…», after naming him) is found by that post
    too: it is one of the forms the sources refer to them by (skos:altLabel). A bare title («الوزير»,
    «سموه») says no post and is left out."""
    for document, mention in mentions:
        post = _post_of(mention)
        if post is None or len(post.split()) < 2:
            continue
        entity_id = resolution.entity_id_of(mention, document)
        if entity_id is not None:
            resolution.entities[entity_id].alt_labels.add(" ".join(post.split()))


def _post_of(mention: Mention) -> str | None:
    """The post a person mention was written as, when it stands for a named or known holder."""
    if mention.kind != PERSON:
        return None
    if mention.post:
        return mention.post
    return mention.text if mention.via == Via.ROLE and (mention.known_id or mention.name) else None


def _add_group(resolution: Resolution, identity: Identity, mentions: Sequence[Mention]) -> None:
    """A node for parties named together as one speaker («بيان سعودي أردني»): an organization whose
    members are the parties' nodes, labelled by their names joined as the text first joined them. A group
    some of whose parties have no node of their own is none."""
    members = tuple(dict.fromkeys(resolution._ids.get(key_identity(key)) for key in mentions[0].members))
    if None in members or len(members) < 2:
        return
    parties = [resolution.entities[member] for member in members]
    entity_id = "-and-".join(sorted(members))
    labels_en = [party.label_en for party in parties]
    entity = Entity(
        entity_id, ORGANIZATION, " و".join(party.label_ar for party in parties),
        " and ".join(labels_en) if all(labels_en) else None,  # type: ignore[arg-type]
        alt_labels={" ".join(mention.text.split()) for mention in mentions}, members=members,
    )
    resolution.entities.setdefault(entity_id, entity)
    resolution._ids[identity] = entity_id


def _categorize_unknown_weapons(resolution: Resolution, categories: dict[Identity, Counter]) -> None:
    """An unknown weapon's category: the one its mentions were given most often («طائرات ميراج»)."""
    for identity, seen in categories.items():
        entity = resolution.entities.get(resolution._ids.get(identity, ""))
        if entity is not None and entity.kind == WEAPON and not entity.category:
            entity.category = max(sorted(seen), key=lambda category: seen[category])


def _label(gazetteer: Gazetteer, entity_id: str | None) -> str | None:
    entry = gazetteer.entry(entity_id)
    return entry.label_ar if entry else None


def _add_known(resolution: Resolution, gazetteer: Gazetteer, entity_id: str, seen: Counter) -> None:
    entry = gazetteer.entry(entity_id)
    if entry is None:  # an id from outside the gazetteer: keep it as given
        return
    entity = resolution.entities.get(entity_id)
    if entity is None:
        entity = Entity(entity_id, entry.kind, entry.label_ar, entry.label_en, entry.wikidata, entry.category)
        resolution.entities[entity_id] = entity
    entity.alt_labels.update(seen)
    resolution._ids[("known", entity_id)] = entity_id


def _gazetteer_index(gazetteer: Gazetteer, kind: str) -> NameIndex:
    """The gazetteer's labels of the entities a name of ``kind`` may be (a place may be a state)."""
    kinds = {kind, STATE} if kind == PLACE else {kind}
    index = NameIndex()
    for entry in gazetteer.entries.values():
        if entry.kind in kinds and not entry.generic:
            for label in entry.labels:
                index.add(label, (entry.entity_id, label))
    return index


def _other_person(kind: str, a: str, b: str, particles: frozenset[str], distinct: frozenset[str]) -> bool:
    """Whether two person names, each with a first name, cannot be one person's."""
    return (kind == PERSON and len(name_parts(a, particles)) > 1 and len(name_parts(b, particles)) > 1
            and not same_person_name(a, b, particles, distinct))


def _no_full_name_fits(kind: str, name: str, labels: Iterable[str], particles: frozenset[str],
                       distinct: frozenset[str]) -> bool:
    """Whether a full name is none of a known person's full names (and the person has some)."""
    full_names = [label for label in labels if len(name_parts(label, particles)) > 1]
    return bool(full_names) and all(_other_person(kind, name, label, particles, distinct)
                                    for label in full_names)


def _family_name_alone(kind: str, name: str, particles: frozenset[str]) -> bool:
    """«آل سعود», «آل ثاني»: a family, not one of its members (folded, «آل» is a word «ال» of its own)."""
    parts = name_parts(name, particles)
    return kind == PERSON and len(parts) == 1 and parts[0].startswith("ال ")


def distinct_names(gazetteer: Gazetteer) -> frozenset[str]:
    """The phonetic keys of the Arabic names the gazetteer says are never a spelling of one another."""
    return gazetteer.derived(("resolving: distinct names",),
                             lambda: frozenset(phonetic_key(name) for name in gazetteer.distinct_names))


def _gazetteer_match(kind: str, name: str, gazetteer: Gazetteer) -> str | None:
    """A gazetteer entity of a compatible kind one of whose labels is a close spelling of ``name``, and
    whose full names, if it has any, do not give the person another first name. A one-part person name that
    ends the names of several known people («آل سعود», «بن عبد العزيز») is none of them, unless one of them
    is known by that very name («بن سلمان»)."""
    index = gazetteer.derived(("resolving: labels of kind", kind), lambda: _gazetteer_index(gazetteer, kind))
    particles, distinct = gazetteer.name_particles, distinct_names(gazetteer)
    scores: dict[str, float] = {}
    for entity_id, label in index.candidates(name):
        entry = gazetteer.entry(entity_id)
        if entry and _no_full_name_fits(kind, name, entry.labels, particles, distinct):
            continue
        if names_match(kind, name, label, particles, distinct):
            score = jaro_winkler(phonetic_key(name), phonetic_key(label))
            scores[entity_id] = max(score, scores.get(entity_id, 0.0))
    if not scores or _family_name_alone(kind, name, particles):
        return None
    best = max(sorted(scores), key=lambda entity_id: scores[entity_id])
    if kind == PERSON and len(scores) > 1 and len(name_parts(name, particles)) == 1 and scores[best] < 1.0:
        return None
    return best


def _match_unknown_names(forms: dict[Identity, Counter], known_forms: dict[str, Counter],
                         gazetteer: Gazetteer, resolution: Resolution) -> None:
    """Unknown names → a gazetteer entity when one is a close spelling, else clusters of close spellings."""
    unknown = [(identity, seen) for identity, seen in forms.items() if identity[0] != "known"]
    # Most frequent (then longest) names first: they found the clusters the variants join.
    unknown.sort(key=lambda item: (-sum(item[1].values()), -len(item[0][1]), item[0]))
    clusters: dict[str, list[tuple[Identity, Counter]]] = defaultdict(list)  # kind → cluster heads
    members: dict[Identity, list[Identity]] = {}
    member_index: dict[str, NameIndex] = defaultdict(NameIndex)  # kind → (cluster number, member)
    for identity, seen in unknown:
        kind, key = identity
        if not seen:
            continue
        if is_post_identity(identity):  # a post held in one document: no name to match another by
            clusters[kind].append((identity, Counter(seen)))
            members[identity] = [identity]
            continue
        known = _gazetteer_match(kind, key, gazetteer)
        if known is not None:
            known_forms[known].update(seen)
            resolution._ids[identity] = known
            continue
        # The earliest cluster one of whose members is a close spelling and none of whose full names gives
        # another first name: «جميل» may join «عبداللطيف جميل», and then «إسلام جميل» may not join them.
        particles, distinct = gazetteer.name_particles, distinct_names(gazetteer)
        matching = [] if _family_name_alone(kind, key, particles) else sorted(
            {number for number, other in member_index[kind].candidates(key)
             if names_match(kind, key, other[1], particles, distinct)})
        joined = next((number for number in matching
                       if not any(_other_person(kind, key, member[1], particles, distinct)
                                  for member in members[clusters[kind][number][0]])), None)
        if joined is None:
            joined = len(clusters[kind])
            clusters[kind].append((identity, Counter(seen)))
            members[identity] = [identity]
        else:
            head, head_seen = clusters[kind][joined]
            members[head].append(identity)
            head_seen.update(seen)
        member_index[kind].add(key, (joined, identity))
    taken = set(gazetteer.entries)
    for kind, heads in sorted(clusters.items()):
        for head, seen in heads:
            label = max(seen, key=lambda form: (seen[form], len(form), form))
            entity_id = slugify(label)
            if is_post_identity(head):  # «رئيس مجلس النواب الأمريكي» of one document
                entity_id = f"{entity_id}-{head[1].rsplit(' ', 1)[1][:8]}"
            if entity_id in taken:
                entity_id = f"{entity_id}-{kind.lower()}"
            suffix = 2
            while entity_id in taken:
                entity_id, suffix = f"{slugify(label)}-{kind.lower()}-{suffix}", suffix + 1
            taken.add(entity_id)
            resolution.entities[entity_id] = Entity(entity_id, kind, label, alt_labels=set(seen))
            for identity in members[head]:
                resolution._ids[identity] = entity_id
