"""Extracting transfers: state –transfers→ weapon, with supplier, recipient, status and quantity.

A transfer is found where a cue of the transfer lexicon (ontologies/lexicon-transfers.ttl: a verb, a verbal
noun, a participle or a phrase) has a weapon among its arguments and a state on at least one side. The cue's
frame says which argument is which: the subject of «سلم» gives, the subject of «اشترى» receives and «من X»
names the seller, the host of a deployment («في X») receives it. Stanza's small Arabic models parse news
loosely (a future verb tagged as a noun, a country name split into a preposition and a stem), so arguments are
read from the tokens' order and their prepositions first, with the parse only as a second opinion.

The status comes from the words around the cue, nearest first: the cue's own future prefix or a negation just
before it, then the nearest status word that governs it (a plan, a request, an agreement, a denial), else the
cue's own status in the lexicon (past deliveries are Delivered, deployments Deployed, sales Agreed).
First person inside a claim («سنشتري … منهم») stands for the speaker's state; «منهم» for the partner the text
named last. A state's body (its army, ministry, forces) stands for the state; a company or a group never does.

A request addressed to someone («طلبت بولندا من الولايات المتحدة شراء …») makes the addressee the supplier.
A number counts the generic head noun that a named weapon specifies («30 طائرة مقاتلة من طراز رافال»); a
number inside a name, a year or a sum of money never counts. A definite generic noun with no weapon of its
own («من المنظومة», «الطائرات») or a demonstrative one («هذه الصواريخ») refers to a named weapon of a fitting
category earlier in the document (the one already tied to the recipient, else the most recent), and keeps the
supplier the text named for it; what a deal includes («وتشمل الصفقة شراء …») passes between the deal's sides.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from kg.extracting.tokens import (
    Token,
    adjectives_noun,
    feature,
    is_adjective,
    joined_adjective,
    sentence_tokens,
)
from kg.gazetteer import Gazetteer, GazetteerEntry, load_gazetteer
from kg.lexicon import PARTY_ROLES, Frame, StatusCue, TransferCue, TransferLexicon
from kg.normalizing import clitic_variants, fold, match_key, nisba_stem, strip_article
from kg.records import (
    ORGANIZATION,
    PERSON,
    PLACE,
    STATE,
    WEAPON,
    AnnotatedDocument,
    AnnotatedSentence,
    Claim,
    Mention,
    Transfer,
    Via,
)
from kg.states import acting_state, is_state, state_group

SUPPLIER, RECIPIENT, LOCATION, ORIGIN, PARTY = PARTY_ROLES
# Sentence-internal boundaries a cue's arguments never cross.
_STRONG_BOUNDARIES = frozenset(".!?؟؛;:…")
QUOTE_MARKS = frozenset('"«»“”„\'‘’')
COMMAS = frozenset("،,")
SHARED_SUBJECT_REACH = 12  # tokens from a verb's subject to a later verb that shares it
ARMED_OBJECT_REACH = 3  # words from a cue to the armed people it gives to, bare («زودت روسيا الانفصاليين»)
PARTNER_REACH = 8  # words from an agreement word to a side it names («اتفاقية للتعاون العسكري بين المملكة»)
NOTICE_REACH = 10  # tokens between a verb of informing and the verbal noun it governs
_TO = fold("إلى")
# Particles and auxiliaries that may stand between a negation and the cue («لم يتم تسليم»).


# ── Tokens ──────────────────────────────────────────────────────────────────────────────────


def _is_boundary(token: Token) -> bool:
    return bool(token.surface) and all(ch in _STRONG_BOUNDARIES for ch in token.surface)


def _opens_clause(token: Token, lexicon: TransferLexicon) -> bool:
    """A word that opens another clause, alone («بينما») or with the new clause's subject as a pronoun
    («لكنها», «ولكنهم»)."""
    return token.key in lexicon.clause_ends or any(
        a.enclitic and a.stem in lexicon.clause_ends for a in _readings(token, lexicon))


# ── Matching lexicon entries on tokens ──────────────────────────────────────────────────────────


@dataclass(frozen=True)
class _Analysis:
    """One way to read a token as a lexicon form: its stem and the clitics taken off."""

    stem: str
    future: bool = False
    proclitic: str = ""
    enclitic: str = ""


_READINGS: dict[tuple[int, str, bool], list[_Analysis]] = {}


def _readings(token: Token, lexicon: TransferLexicon) -> list[_Analysis]:
    """The token's readings (see _analyses), computed once per form."""
    cache_key = (id(lexicon), token.key, token.ta_marbuta)
    if cache_key not in _READINGS:
        if len(_READINGS) > 50_000:
            _READINGS.clear()
        _READINGS[cache_key] = _analyses(token.key, lexicon, token.ta_marbuta)
    return _READINGS[cache_key]


def _analyses(key: str, lexicon: TransferLexicon, ta_marbuta: bool = False) -> list[_Analysis]:
    """Every reading of a folded token with its proclitics (و ف, then س or ل, or the noun's ب ل ال) and an
    object pronoun taken off; the whole token first. A word written with «ة» has no pronoun «ه» to take
    off."""
    found: list[_Analysis] = []
    bases = [("", key)]
    for conjunction in lexicon.conjunctions:
        if key.startswith(conjunction) and len(key) - len(conjunction) >= 2:
            bases.append((conjunction, key[len(conjunction):]))
    for conjunction, base in bases:
        readings = [_Analysis(base, proclitic=conjunction)]
        for prefix in lexicon.future_prefixes:
            # The future prefix sits on an imperfect verb: س + ي/ت/ن/أ.
            rest = base[len(prefix):]
            if base.startswith(prefix) and len(rest) >= 3 and rest[0] in "يتنا":
                readings.append(_Analysis(rest, future=True, proclitic=conjunction + prefix))
        for clitic in lexicon.verb_proclitics:
            rest = base[len(clitic):]
            if base.startswith(clitic) and len(rest) >= 3 and rest[0] in "يتنا":
                readings.append(_Analysis(rest, proclitic=conjunction + clitic))
        for clitic in lexicon.noun_proclitics:
            rest = base[len(clitic):]
            if base.startswith(clitic) and len(rest) >= 2:
                readings.append(_Analysis(rest, proclitic=conjunction + clitic))
                if clitic.endswith("لل"):
                    readings.append(_Analysis("ال" + rest, proclitic=conjunction + clitic))
        for reading in readings:
            found.append(reading)
            for suffix in lexicon.object_suffixes:
                if ta_marbuta and suffix == "ه":
                    continue
                stem = reading.stem[: -len(suffix)]
                if reading.stem.endswith(suffix) and len(stem) >= 2:
                    found.append(_Analysis(stem, reading.future, reading.proclitic, suffix))
                    if stem.endswith("و"):  # «سلموها»: the alef of «سلموا» drops before a pronoun
                        found.append(_Analysis(stem + "ا", reading.future, reading.proclitic, suffix))
    return found


@dataclass(frozen=True)
class _Hit:
    """A lexicon entry found on tokens first..last."""

    first: int
    last: int
    entry: object
    analysis: _Analysis
    first_person: bool = False
    aspect: str | None = None
    others: tuple[_Hit, ...] = ()  # other readings of the same words («تسلم»: delivers / received)
    noun: bool = False  # read as a verbal noun or participle of the lexicon («تزويد»)


def _match_phrases(tokens: list[Token], table: dict, lexicon: TransferLexicon,
                   lemma_table: dict | None = None) -> list[_Hit]:
    """Entries of a phrase table (first word → [(words, entry, person)]) found in the tokens, longest first,
    without overlaps."""
    hits: list[_Hit] = []
    taken: set[int] = set()
    candidates: list[_Hit] = []
    for token in tokens:
        if token.is_punctuation:
            continue
        matched = False
        for analysis in _readings(token, lexicon):
            for form, entry in table.get(analysis.stem, ()):
                particle = getattr(entry, "adjacent_only", False)
                if particle and analysis.proclitic not in ("", *lexicon.conjunctions):
                    continue  # a particle is a word of its own: «كما» is not «ك» + «ما»
                rest = form.words[1:]
                last = token.position + len(rest)
                if last >= len(tokens):
                    continue
                following = tokens[token.position + 1: token.position + 1 + len(rest)]
                if all(_same_word(t.key, w, lexicon) for t, w in zip(following, rest, strict=True)):
                    candidates.append(_Hit(token.position, last, entry, analysis, form.first_person,
                                           form.aspect, noun=form.noun))
                    matched = True
        if not matched and lemma_table:
            for word in token.words:
                if word.upos not in ("VERB", "NOUN"):
                    continue
                for entry in lemma_table.get(fold(word.lemma), ()):
                    candidates.append(_Hit(token.position, token.position, entry, _Analysis(token.key)))
    # Longest first; among equals, the one whose aspect and lemma Stanza confirms («تسلم»: he received, or
    # she delivers), then the lexicon's order.
    candidates.sort(key=lambda h: (-(h.last - h.first), h.first, not _aspect_agrees(tokens[h.first], h),
                                   not _lemma_agrees(tokens[h.first], h.entry)))
    for hit in candidates:
        span = set(range(hit.first, hit.last + 1))
        if span & taken:
            continue
        taken |= span
        others = tuple(c for c in candidates
                       if (c.first, c.last) == (hit.first, hit.last) and c.entry is not hit.entry)
        hits.append(replace(hit, others=others) if others else hit)
    hits.sort(key=lambda h: h.first)
    return hits


def _same_word(token_key: str, word: str, lexicon: TransferLexicon) -> bool:
    return token_key == word or (token_key.startswith("ال") and token_key[2:] == word) or (
        word.startswith("ال") and word[2:] == token_key) or (
        word in lexicon.pronoun_prepositions and _preposition_with_pronoun(token_key, lexicon)
        and token_key.startswith(word))


def _preposition_with_pronoun(key: str, lexicon: TransferLexicon) -> bool:
    """A phrase's preposition with its object pronoun on it: «حصلت عليها», «تعاقدت عليه»."""
    pronouns = lexicon.third_person | lexicon.personal_plural
    return any(key == word + suffix for word in lexicon.pronoun_prepositions for suffix in pronouns)


def _aspect_agrees(token: Token, hit: _Hit) -> bool:
    return hit.aspect is not None and f"Aspect={hit.aspect}" in token.verb_feats


def _lemma_agrees(token: Token, entry: object) -> bool:
    lemmas = getattr(entry, "lemmas", frozenset())
    return any(fold(w.lemma) in lemmas for w in token.words)


# ── Mentions and the parties they stand for ─────────────────────────────────────────────────────


@dataclass
class _Party:
    """A mention that can stand for a state, where it sits, and the preposition that governs it."""

    mention: Mention
    state: str  # gazetteer id (or match key) of the state it stands for
    first: int  # token positions in the sentence
    last: int
    marker: tuple[str, ...] = ()  # folded preposition words before it («إلى», «على الأراضي»), or ()
    origin_of: int | None = None  # token position of the weapon it qualifies («الأسلحة الروسية»)
    conjuncts: list[_Party] = field(default_factory=list)  # «من بريطانيا وألمانيا»: the states after «و»
    conjunct_of: _Party | None = None
    rule: str = ""  # the rule that gave it its role (ontologies/rules.ttl), once it has one
    hosts: bool = False  # named as the host of a base the cue points to («إلى قاعدة إنجرليك في تركيا»)


@dataclass
class _Weapon:
    mention: Mention
    first: int
    last: int


class _Context:
    """The document-wide facts the extractor consults: parties, weapons, claims, the speaker's state."""

    def __init__(self, annotated: AnnotatedDocument, mentions: Sequence[Mention], claims: Sequence[Claim],
                 lexicon: TransferLexicon, gazetteer: Gazetteer) -> None:
        self.annotated = annotated
        self.text = annotated.document.text
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self.claims = list(claims)
        self.by_sentence: dict[int, list[Mention]] = {}
        for mention in self.mentions:
            self.by_sentence.setdefault(mention.sentence, []).append(mention)
        self.date = annotated.document.date
        self.weapon_origins: dict[str, _Party] = {}  # weapon identity → the state a nisba says made it
        # (weapon identity, recipient state) → the supplier an earlier sentence named for that transfer
        self.suppliers: dict[tuple[str, str], Mention] = {}
        # (weapon identity, supplier state) → every recipient state earlier sentences named, with a mention
        self.recipients: dict[tuple[str, str], dict[str, Mention]] = {}
        self.last_deal: tuple[Mention, Mention] | None = None  # the sides of the last agreement stated
        self.last_sides: tuple[Mention, Mention] | None = None  # the sides of the last transfer stated
        self.smuggled_from: Mention | None = None  # the origin of the last smuggled weapons stated

    # -- which state a mention stands for ----------------------------------------------------------------
    def state_of(self, mention: Mention) -> str | None:
        """The state a mention stands for: a state, a capital or seat of power, a nisba, a role or person tied
        to one. None for anything else (companies, armies without a state, places). kg.states answers; this
        document tells it the date and what stands beside a person."""
        return acting_state(mention, self.gazetteer, date=self.date, beside=self._state_beside,
                            is_company=self._is_company)

    def armed_group_at(self, token: Token) -> bool:
        """Whether a known armed group that is no state (kg:ArmedGroup) is named from this token on."""
        return any(token.start <= m.start < token.end and m.known_id
                   and (entry := self.gazetteer.entry(m.known_id)) is not None and entry.armed_group
                   for m in self.by_sentence.get(token.sentence, ()))

    def _is_state_id(self, entity_id: str) -> bool:
        return is_state(self.gazetteer, entity_id)

    def _is_company(self, organization: Mention) -> bool:
        """«وزارة الخارجية الأمريكية» acts for its state; a company («شركة بايكار التركية») does not."""
        head = fold(organization.text).split()[0] if organization.text.strip() else ""
        return any(a.stem in self.lexicon.non_state_heads for a in _analyses(head, self.lexicon))

    def _state_beside(self, person: Mention) -> str | None:
        """The state a nisba or a role next to one of the person's mentions in this document names («الرئيس
        الجزائري عبد المجيد تبون», «تبون، الرئيس الجزائري»)."""
        same = [m for m in self.mentions if m.kind == PERSON and (
            (person.known_id and m.known_id == person.known_id) or fold(m.text) == fold(person.text))]
        for other in same:
            for mention in self.by_sentence.get(other.sentence, ()):
                beside = 0 <= other.start - mention.end <= 2 or 0 <= mention.start - other.end <= 2
                if mention is other or not beside:
                    continue
                if mention.kind == STATE and mention.via == Via.NISBA:
                    return self.state_of(mention)
                is_role = mention.kind == PERSON and mention.via == Via.ROLE
                if is_role and self._is_state_id(mention.affiliation):
                    return mention.affiliation
        return None

    def standing_for(self, state: str, text: str, start: int, end: int, sentence: int) -> Mention | None:
        """The mention a transfer points at when the text named a state through a person, a role or a
        pronoun: a mention of the state in the same sentence, else one made on the words that stood for it
        (the resolver knows the state by its gazetteer id), else the nearest mention of it in the document."""
        same = [m for m in self.by_sentence.get(sentence, ())
                if m.kind == STATE and self.state_of(m) == state]
        if same:
            return min(same, key=lambda m: abs(m.start - start))
        if self._is_state_id(state):
            return Mention(text, start, end, sentence, STATE, known_id=state, via=Via.PRONOUN)
        return self.state_mention(state, start)

    def state_mention(self, state: str, near: int) -> Mention | None:
        """A mention of ``state`` in the document, the nearest to character offset ``near``: the node the
        transfer points at when the text stood for the state by a person or a pronoun."""
        best: tuple[int, Mention] | None = None
        for mention in self.mentions:
            if mention.kind not in (STATE, PLACE) or self.state_of(mention) != state:
                continue
            distance = abs(mention.start - near) + (0 if mention.kind == STATE else 1)
            if best is None or distance < best[0]:
                best = (distance, mention)
        return best[1] if best else None

    # -- claims and speakers ------------------------------------------------------------------------------
    def claim_at(self, offset: int, sentence: int) -> Claim | None:
        """The claim whose span holds this offset; else one in the same sentence; else the nearest quote
        around it (a quote may run over several sentences that the claim extractor split)."""
        inside = [c for c in self.claims if c.start <= offset < c.end]
        if inside:
            return min(inside, key=lambda c: c.end - c.start)
        same = [c for c in self.claims if c.sentence == sentence]
        if same:
            return same[0]
        near = [c for c in self.claims if abs(c.sentence - sentence) <= 2 and c.kind == "DirectQuote"]
        return min(near, key=lambda c: abs(c.sentence - sentence)) if near else None

    def speaker_state(self, claim: Claim | None) -> str | None:
        if claim is None:
            return None
        return self.state_of(claim.speaker)

    def states_before(self, offset: int, sentence: int, window: int = 3) -> list[tuple[Mention, str]]:
        """States named before ``offset``, the nearest first, in this sentence and the ``window`` before."""
        found: list[tuple[Mention, str]] = []
        for mention in reversed(self.mentions):
            if mention.start >= offset or mention.sentence < sentence - window:
                continue
            state = self.state_of(mention) if mention.kind in (STATE, PLACE) else None
            if state:
                found.append((mention, state))
        return found


# ── The extractor ───────────────────────────────────────────────────────────────────────────────────


def extract_transfers(
    annotated: AnnotatedDocument,
    mentions: Sequence[Mention],
    claims: Sequence[Claim],
    lexicon: TransferLexicon,
    gazetteer: Gazetteer | None = None,
) -> Iterator[Transfer]:
    """Transfers of weapons between states stated in the document, one per (supplier, recipient, weapon,
    status) per sentence, each with the cue that stated it, who stated it (a transfer inside a claim) and the
    quantity when a number is given.

    ``gazetteer`` maps capitals and persons to their states; the default gazetteer when not given.
    """
    context = _Context(annotated, mentions, claims, lexicon, gazetteer or load_gazetteer())
    # A first pass over the sentences: where the document says a weapon comes from («بيرقدار التركية»),
    # later sentences that name it without a supplier still know it.
    for sentence in annotated.sentences:
        tokens = sentence_tokens(sentence, context.text)
        parties, weapons = _place_mentions(context.by_sentence.get(sentence.index, []), tokens, context)
        for party in parties:
            owner = next((w for w in weapons if w.first == party.origin_of), None)
            # A named system made in one state; «السلاح الأميركي» says nothing of the document's other arms.
            if owner is not None and owner.mention.via != Via.GENERIC:
                context.weapon_origins.setdefault(_weapon_identity(owner.mention), party)
    for sentence in annotated.sentences:
        seen: set[tuple] = set()
        for transfer in _sentence_transfers(sentence, context):
            key = (_identity(transfer.supplier, context), _identity(transfer.recipient, context),
                   _weapon_identity(transfer.weapon), transfer.status)
            if key in seen:
                continue
            seen.add(key)
            if key[0] is not None and key[1] is not None and transfer.supplier is not None:
                context.suppliers.setdefault((key[2], key[1]), transfer.supplier)
                context.recipients.setdefault((key[2], key[0]), {}).setdefault(key[1], transfer.recipient)
                if transfer.recipient is not None:
                    context.last_sides = (transfer.supplier, transfer.recipient)
                if transfer.status == "Agreed" and transfer.recipient is not None:
                    context.last_deal = (transfer.supplier, transfer.recipient)
            if "recipient-smuggled" in transfer.rules and transfer.supplier is not None:
                context.smuggled_from = transfer.supplier
            yield transfer


def _identity(mention: Mention | None, context: _Context) -> str | None:
    return context.state_of(mention) if mention is not None else None


def _weapon_identity(mention: Mention) -> str:
    return mention.known_id or match_key(mention.text)


@dataclass
class _Event:
    """A cue with what was read around it."""

    hit: _Hit
    cue: TransferCue
    status: str
    last: int  # the last token of the cue (after absorbing a following cue noun)
    sentence: int
    describes_weapon: bool = False  # a participle right after the weapon it qualifies


def _sentence_transfers(sentence: AnnotatedSentence, context: _Context) -> Iterator[Transfer]:
    lexicon = context.lexicon
    tokens = sentence_tokens(sentence, context.text)
    if not tokens:
        return
    cue_hits = [h for h in _match_phrases(tokens, lexicon.cue_phrases, lexicon, lexicon.cue_lemmas)
                if _requirements_met(h, tokens, lexicon)]
    if not cue_hits:
        return
    status_hits = _match_phrases(tokens, lexicon.status_phrases, lexicon)
    mentions = context.by_sentence.get(sentence.index, [])
    parties, weapons = _place_mentions(mentions, tokens, context)
    parties = _without_visited(parties, cue_hits, tokens, mentions)
    cue_hits = _without_partitive_deals(_stating_cues(cue_hits, tokens, mentions, weapons, lexicon), tokens,
                                        lexicon)
    if not cue_hits:
        return
    cue_hits = [_best_reading(h, tokens, parties, weapons) for h in cue_hits]
    events = _events(cue_hits, status_hits, tokens, weapons, sentence.index)
    for event in events:
        event.describes_weapon = event.cue.frame.weapon_before and any(
            w.last == event.hit.first - 1 for w in weapons) and not _is_finite_verb(event, tokens)
    starts = [e.hit.first for e in events]
    for number, event in enumerate(events):
        next_start = starts[number + 1] if number + 1 < len(starts) else len(tokens)
        order = _whole_order_status(event, tokens, status_hits)
        for transfer in _event_transfers(event, next_start, tokens, status_hits, parties, weapons, sentence,
                                         context):
            yield transfer
            if order is not None and transfer.status == "Delivered":
                yield replace(transfer, status=order, rules=(*transfer.rules, "status-of-whole-order"))


def _without_visited(parties: list[_Party], cue_hits: list[_Hit], tokens: list[Token], mentions: list[Mention]
                     ) -> list[_Party]:
    """«قبل وصول كيري إلى القاهرة»: where a person arrives is no party of the sentence's transfers."""
    visits = [h for h in cue_hits if _person_arrives(h, tokens, mentions)]
    return [p for p in parties if not (p.marker and any(v.last < p.first <= v.last + 4 for v in visits))]


def _stating_cues(cue_hits: list[_Hit], tokens: list[Token], mentions: list[Mention], weapons: list[_Weapon],
                  lexicon: TransferLexicon) -> list[_Hit]:
    """The cues that may state a transfer: a word inside a weapon's name is none («أسلحة» is not «أسلح» +
    «ه», «شحنات أسلحة» aside), nor a person's arrival, a sum reached, a support that governs no weapon."""
    return [h for h in cue_hits if not any(w.first <= h.first <= w.last for w in weapons)
            and not _person_arrives(h, tokens, mentions) and not _reaches_a_sum(h, tokens, lexicon)
            and _governs_a_weapon(h, cue_hits, tokens, weapons)]


def _whole_order_status(event: _Event, tokens: list[Token], status_hits: list[_Hit], reach: int = 6
                        ) -> str | None:
    """«… أربع طائرات كأول دفعة من أصل 36 طائرة تم التعاقد عليها»: the status of the order a delivered
    batch belongs to, from a status word a few words after «من أصل» in the cue's clause; None without one."""
    for position in range(event.last + 1, len(tokens) - 1):
        if _is_boundary(tokens[position]):
            return None
        if (tokens[position].key, tokens[position + 1].key) != ("من", "اصل"):
            continue
        found = next((h for h in status_hits if position + 1 < h.first <= position + 1 + reach
                      and h.entry.status in ("Agreed", "Planned")), None)
        return found.entry.status if found is not None else None
    return None


def _person_arrives(hit: _Hit, tokens: list[Token], mentions: list[Mention]) -> bool:
    """«قبل وصول كيري»: the arrival of a person is a visit; it states no transfer and ends no other cue's
    clause."""
    if hit.entry.frame.name != "Arrive" or hit.last + 1 >= len(tokens):
        return False
    after = tokens[hit.last + 1]
    return any(m.kind == PERSON and after.start <= m.start < after.end for m in mentions)


def _without_partitive_deals(cue_hits: list[_Hit], tokens: list[Token], lexicon: TransferLexicon
                             ) -> list[_Hit]:
    """«وتسلمت مصر أول ثلاث طائرات من صفقة رافال الفرنسية»: a deal noun after «من» or «ضمن» says which
    deal the items a cue before it moves belong to; it is no cue of its own, and the weapons it names are
    that cue's."""
    kept = []
    for hit in cue_hits:
        partitive = hit.first > 0 and tokens[hit.first - 1].key in lexicon.partitives
        governed = any(other.last < hit.first and not _is_deal(other) and not any(
            _is_boundary(t) for t in tokens[other.last + 1: hit.first]) for other in cue_hits)
        if not (_is_deal(hit) and partitive and governed):
            kept.append(hit)
    return kept


def _is_deal(hit: _Hit) -> bool:
    return isinstance(hit.entry, TransferCue) and hit.entry.frame.name == "Deal"


def _reaches_a_sum(hit: _Hit, tokens: list[Token], lexicon: TransferLexicon) -> bool:
    """«بتكلفة متوقعة تصل إلى (نحو) 4.5 مليار دولار»: arriving at a sum of money is amounting to it; no
    transfer, and no end of another cue's clause. «وصلت إلى مصر 3 طائرات» arrives."""
    if hit.entry.frame.name != "Arrive" or hit.last + 2 >= len(tokens) or tokens[hit.last + 1].bare not in (
            "الي", "حتي"):
        return False
    numbers = [p for p in range(hit.last + 2, min(len(tokens) - 1, hit.last + 4))
               if "NUM" in tokens[p].upos or any(ch.isdigit() for ch in tokens[p].surface)]
    return any(_not_a_count(tokens, p, lexicon) for p in numbers)


def _best_reading(hit: _Hit, tokens: list[Token], parties: list[_Party], weapons: list[_Weapon]) -> _Hit:
    """Between a giving and a receiving reading of the same word («فرنسا تسلم أوكرانيا مدافع»: delivers;
    «تسلم الجيش الباكستاني مقاتلات من الصين»: received), the one its arguments fit: a recipient after
    «إلى/ل» or a bare second state before the weapon make it giving, a supplier after «من» receiving."""
    readings = [hit, *hit.others]
    frames = {r.entry.frame.name: r for r in readings if isinstance(r.entry, TransferCue)}
    if "Give" not in frames or "Receive" not in frames:
        return hit
    weapon = min((w.first for w in weapons if w.first > hit.last), default=len(tokens))
    right = [p for p in parties if hit.last < p.first]
    to_marked = any(p.marker and frames["Give"].entry.frame.marker_roles.get(p.marker) == RECIPIENT
                    for p in right)
    from_marked = any(p.marker == ("من",) for p in right)
    clause_start = max((t.position for t in tokens[:hit.first] if _is_boundary(t)), default=-1)
    bare = [p for p in parties if not p.marker and p.origin_of is None and clause_start < p.first < weapon]
    object_after = any(p.first > hit.last for p in bare)
    if to_marked or (len(bare) >= 2 and object_after):
        return replace(frames["Give"], others=hit.others)
    if from_marked:
        return replace(frames["Receive"], others=hit.others)
    return hit


def _requirements_met(hit: _Hit, tokens: list[Token], lexicon: TransferLexicon) -> bool:
    before = hit.entry.requires_before
    first = _before_value(hit.first, tokens, lexicon)  # «صفقة بقيمة 5.2 مليار يورو تشمل…»: past its value
    if before and not any(a.stem in before for t in tokens[max(0, first - 2): first]
                          for a in _readings(t, lexicon)):
        return False  # «تضمنت» holds a deal's contents only after «الصفقة (التي)»
    needed = hit.entry.requires_near
    if not needed:
        return True
    for token in tokens[hit.last + 1: hit.last + 5]:
        if any(a.stem in needed for a in _readings(token, lexicon)):
            return True
    return False


def _before_value(position: int, tokens: list[Token], lexicon: TransferLexicon, reach: int = 6) -> int:
    """Where a value phrase right before ``position`` starts («بقيمة 5.2 مليار يورو»), else ``position``."""
    start = position
    while start > 0 and position - start < reach:
        token = tokens[start - 1]
        stems = {a.stem for a in _readings(token, lexicon)}
        if not (stems & (lexicon.not_count_after | lexicon.not_count_before) or "NUM" in token.upos
                or any(ch.isdigit() for ch in token.surface)):
            break
        start -= 1
    return start if start < position and {a.stem for a in _readings(tokens[start], lexicon)} & (
        lexicon.not_count_after) else position


def _events(cue_hits: list[_Hit], status_hits: list[_Hit], tokens: list[Token], weapons: list[_Weapon],
            sentence: int) -> list[_Event]:
    """Cues as events. Two cues close together with no weapon between are one event: a cue that is also a
    status word («صفقة لشراء», «طلب تزويد») gives way to the next; otherwise the next is its object («تبادل
    شحنات»)."""
    status_at = {h.first for h in status_hits}
    events: list[_Event] = []
    skip: set[int] = set()
    for i, hit in enumerate(cue_hits):
        if i in skip:
            continue
        last = hit.last
        following = cue_hits[i + 1] if i + 1 < len(cue_hits) else None
        if following is not None and following.first - hit.last <= 3 and not any(
                hit.last < w.first < following.first for w in weapons):
            if hit.first in status_at:
                continue  # the status word governs the next cue; the status pass will read it
            skip.add(i + 1)
            last = following.last
        events.append(_Event(hit, hit.entry, hit.entry.status, last, sentence))
    return events


def _place_mentions(mentions: list[Mention], tokens: list[Token], context: _Context
                    ) -> tuple[list[_Party], list[_Weapon]]:
    """Parties (mentions that stand for a state) and weapons of a sentence, on token positions."""
    weapons = [_Weapon(m, *span) for m in mentions if m.kind == WEAPON and (span := _span(m, tokens))]
    parties: list[_Party] = []
    for mention in mentions:
        if mention.kind != WEAPON:
            party = _party_of(mention, mentions, tokens, weapons, parties, context)
            if party is not None:
                parties.append(party)
    parties.sort(key=lambda p: p.first)
    _join_conjuncts(parties, tokens)
    return parties, weapons


def _span(mention: Mention, tokens: list[Token]) -> tuple[int, int] | None:
    """The positions of the first and last tokens a mention covers, or None when it is off the tokens."""

    def position(offset: int) -> int | None:
        return next((t.position for t in tokens if t.start <= offset < t.end), None)

    first, last = position(mention.start), position(max(mention.start, mention.end - 1))
    return None if first is None or last is None else (first, last)


def _party_of(mention: Mention, mentions: list[Mention], tokens: list[Token], weapons: list[_Weapon],
              parties: list[_Party], context: _Context) -> _Party | None:
    """The party a mention is when it stands for a state, with the preposition that governs it."""
    state = context.state_of(mention)
    span = _span(mention, tokens) if state is not None else None
    if state is None or span is None:
        return None
    first, last = span
    if any(p.first <= first <= p.last for p in parties):
        return None  # a nisba inside a role already taken («الرئيس البيلاروسي»)
    party = _Party(mention, state, first, last)
    if mention.kind == PERSON:
        stand_in = context.standing_for(state, mention.text, mention.start, mention.end, mention.sentence)
        if stand_in is None:
            return None
        party.mention = stand_in
    if mention.via == Via.NISBA or _name_as_nisba(mention, first, last, tokens, context):
        return _nisba_party(party, mention, mentions, tokens, weapons, context)
    party.marker = _marker_before(tokens, first, mention, context)
    base = _base_before(tokens, first, context.lexicon)
    if base is not None:
        party.marker, party.hosts = _marker_before(tokens, base, None, context), True
    return party


def _name_as_nisba(mention: Mention, first: int, last: int, tokens: list[Token], context: _Context) -> bool:
    """«قوات معارضة سورية»: a state's name written as its nisba («سورية»: Syria, and Syrian) right after an
    indefinite noun, without a clitic, is the adjective."""
    if mention.kind != STATE or first != last or first == 0 or mention.known_id is None:
        return False
    token, before = tokens[first], tokens[first - 1]
    stem = context.gazetteer.nisba_stem_of(mention.known_id)
    if stem is None or len(token.words) > 1 or token.key != token.bare or nisba_stem(token.key) != stem:
        return False
    return (before.main.upos in ("NOUN", "ADJ") and not before.is_punctuation
            and strip_article(before.bare) == before.bare and not before.clitic_preposition)


def _base_before(tokens: list[Token], first: int, lexicon: TransferLexicon, reach: int = 4) -> int | None:
    """«إلى قاعدة إنجرليك الجوية في تركيا»: the position of the base noun whose host the state at ``first``
    is, the state right after a link word («في», «جنوب») and the base's name; None otherwise."""
    if first < 2 or _strip_conjunction(tokens[first - 1].key, lexicon) not in lexicon.base_links:
        return None
    for position in range(first - 2, max(-1, first - 2 - reach), -1):
        token = tokens[position]
        if _is_boundary(token) or token.is_punctuation:
            return None
        if any(key in lexicon.base_nouns for key in (token.key, token.bare, strip_article(token.bare))):
            return position
    return None


def _nisba_party(party: _Party, mention: Mention, mentions: list[Mention], tokens: list[Token],
                 weapons: list[_Weapon], context: _Context) -> _Party | None:
    """A nisba qualifies the noun before it: a weapon (its origin), a territory (the host), a body; a
    company's or an outlet's country is no party («شركة راينميتال الألمانية», «وكالة الأنباء البيلاروسية»)."""
    first, lexicon = party.first, context.lexicon
    owner = _nisba_owner(party, mentions, tokens, weapons, lexicon)
    if owner is not None:
        party.origin_of = owner.first
        return party
    if first == 0:
        party.marker = _marker_before(tokens, first, mention, context)
        return party
    before = tokens[max(0, first - 3):first]
    state_owned = any(t.key in lexicon.state_owned for t in before)  # «شركة حكومية صينية»
    if (not state_owned and any(a.stem in lexicon.non_state_heads or a.stem in lexicon.armed_groups
                                for t in before for a in _readings(t, lexicon))) or any(
            m.kind == ORGANIZATION and 0 <= mention.start - m.end <= 1 for m in mentions):
        return None
    # «الأراضي البيلاروسية», «القوات الروسية», «مع شركة حكومية صينية»: the preposition stands before their
    # noun (past «حكومية»); the noun's own clitic only («قوارب» ends in «ب», and takes none)
    head = first - 2 if state_owned and tokens[first - 1].key in lexicon.state_owned else first - 1
    party.marker = _marker_before(tokens, first, mention, context) or _marker_before(
        tokens, head, None, context)
    return party


def _nisba_owner(party: _Party, mentions: list[Mention], tokens: list[Token], weapons: list[_Weapon],
                 lexicon: TransferLexicon) -> _Weapon | None:
    """The weapon a nisba says the origin of: right before it or around it; with the rest of a designation
    between («مقاتلات جيه-10 سي الصينية»); or inside a system's phrase, before its name («أنظمة الدفاع الجوي
    الروسية إس-400»)."""
    first, last = party.first, party.last
    owner = next((w for w in weapons if w.last == first - 1 or w.first <= first <= w.last), None)
    if owner is not None and _disagrees(tokens[owner.last], tokens[first]):
        return None  # «مصنع الدبابات المصري»: the nisba is the factory's, not the tanks'
    if owner is None:
        owner = next((w for w in weapons if 0 < first - w.last <= 3 and all(
            t.is_punctuation or (not t.is_verb and not any(x.upos == "ADP" for x in t.words)
                                 and not any(m.start < t.end and t.start < m.end for m in mentions))
            for t in tokens[w.last + 1:first])), None)
    if owner is None:
        owner = next((w for w in weapons if w.first == last + 1 and any(
            a.stem in lexicon.unit_nouns for t in tokens[max(0, first - 3):first]
            for a in _readings(t, lexicon))), None)
    return owner


def _disagrees(noun: Token, adjective: Token) -> bool:
    """An adjective that cannot qualify a common noun by agreement: a masculine singular after a plural
    (a thing's plural takes a feminine singular: «الدبابات المصرية»), or another gender in the singular."""
    if noun.main.upos != "NOUN" or adjective.main.upos not in ("ADJ", "NOUN", "PROPN"):
        return False
    number, gender = feature(noun.main, "Number"), feature(noun.main, "Gender")
    adjective_number, adjective_gender = feature(adjective.main, "Number"), feature(adjective.main, "Gender")
    if adjective_number != "Sing" or not adjective_gender:
        return False
    if number == "Plur":
        return adjective_gender == "Masc"
    return number == "Sing" and bool(gender) and gender != adjective_gender


def _join_conjuncts(parties: list[_Party], tokens: list[Token]) -> None:
    """«هولندا والدنمارك», «من بريطانيا وألمانيا»: a state joined by «و» right after another shares its
    part."""
    for left, right in zip(parties, parties[1:], strict=False):
        joined = right.first == left.last + 1 and tokens[right.first].key.startswith("و")
        if joined and left.origin_of is None and right.origin_of is None and not right.marker:
            left.conjuncts.append(right)
            right.marker = left.marker
            right.conjunct_of = left


def _marker_before(tokens: list[Token], first: int, mention: Mention | None, context: _Context
                   ) -> tuple[str, ...]:
    """The preposition governing the mention: a proclitic on its own token («لأوكرانيا», «بروسيا»), or the
    standalone word(s) before it («إلى», «على أراضي»)."""
    lexicon = context.lexicon
    clitic = _proclitic_marker(tokens[first], mention, context)
    if clitic:
        return clitic
    for size in range(lexicon.max_marker_words, 0, -1):
        start = first - size
        if start < 0:
            continue
        words = tuple(_strip_conjunction(t.key, lexicon) for t in tokens[start:first])
        if words in lexicon.markers:
            return words
    if first > 0 and strip_article(tokens[first - 1].bare) in lexicon.command_of:
        return _marker_before(tokens, first - 1, None, context)  # «من قيادة التحالف»
    return ()


def _proclitic_marker(token: Token, mention: Mention | None, context: _Context) -> tuple[str, ...]:
    """A preposition written on the mention's first token («لأوكرانيا», «بروسيا», «للقوات»), or ()."""
    lexicon = context.lexicon
    if mention is None:  # a noun standing for the state («بقاعدة…», «إلى قاعدة…»)
        prefix = token.key[: len(token.key) - len(token.bare)] if token.key.endswith(token.bare) else ""
        if prefix in lexicon.preposition_clitics:
            return (prefix,)
    elif mention.start > token.start:
        prefix = fold(context.text[token.start:mention.start])
        for clitic in lexicon.preposition_clitics:
            # «لل», «بال»: the prefix ends in the article's «ل», read as «ل» whatever stands before it.
            if prefix.endswith(clitic):
                return (clitic,)
    elif " " not in mention.text.strip() and token.key != fold(mention.text) and not token.key.startswith(
            fold(mention.text)):
        mention_key = fold(mention.text)
        if token.key.endswith(mention_key):
            prefix = token.key[: -len(mention_key)]
            for clitic in lexicon.preposition_clitics:
                if prefix.endswith(clitic):
                    return (clitic,)
    elif mention.known_id:
        # «للسودان», «للدول الخليجية» given whole as the mention: the name is what is left once the clitics
        # are off its first word.
        rest = mention.text[len(token.surface):] if mention.text.startswith(token.surface) else ""
        for variant in clitic_variants(token.surface)[1:]:
            if mention.known_id in context.gazetteer.lookup(variant + rest):
                clitic = token.key[0] if token.key[0] in lexicon.preposition_clitics else token.key[1:2]
                if clitic in lexicon.preposition_clitics:
                    return (clitic,)
                break
    if mention is not None and mention.start == token.start and token.bare.startswith("لل"):
        return ("ل",)  # «للقوات الجوية المصرية» given whole: «ل» and the article, whose alef is not written
    return ()


def _strip_conjunction(key: str, lexicon: TransferLexicon) -> str:
    for conjunction in lexicon.conjunctions:
        if key.startswith(conjunction) and key[len(conjunction):] in lexicon.marker_words:
            return key[len(conjunction):]
    return key


# ── Status ───────────────────────────────────────────────────────────────────────────────────────────


def _status(event: _Event, tokens: list[Token], status_hits: list[_Hit], lexicon: TransferLexicon) -> str:
    """The status of the transfer a cue states, from the nearest marker of tense, modality or negation.

    A negation on the cue denies it. A participle that describes the weapon states what is. Otherwise the
    nearest status word that governs the cue decides; a finite verb is governed only through «أن». The cue's
    own future («سنشتري») makes it Planned unless an agreement, a request or a denial governs it («اتفقنا
    على أننا سنشتري» is an agreement about the future)."""
    hit = event.hit
    default = event.cue.status
    if event.cue.requires_before:
        # «طالبت مصر إتمام الصفقة التي تضمنت…»: what a deal holds has the deal's status
        event = _at_deal_noun(event, tokens, lexicon)
        hit = event.hit
    elif (deal := _deal_under(event, tokens, lexicon)) is not None:
        event, hit = deal, deal.hit
    if _negated(hit.first, tokens, status_hits, lexicon):
        if not _restricted(event, tokens, lexicon):
            return "Denied"
        if tokens[hit.first - 1].key in lexicon.future_negations:
            return "Planned"  # «لن تسلم العراق سوى 35 طائرة»: it will hand over only these
    future = hit.analysis.future or "Tense=Fut" in tokens[hit.first].verb_feats or _future_particle(
        tokens, hit.first, lexicon, reach=6 if hit.noun else 3)
    if event.describes_weapon:
        return default
    governing = _governing_status(event, tokens, status_hits, lexicon)
    if governing == "Denied" and event.cue.frame.to_no_state:
        governing = "Planned"  # smuggling stopped («توقف … في عملية تهريب») was foiled: it never arrived
    if future:
        return governing if governing in ("Agreed", "Requested", "Denied") else "Planned"
    return governing or default


def _at_deal_noun(event: _Event, tokens: list[Token], lexicon: TransferLexicon) -> _Event:
    """The event moved onto the deal noun a cue of its contents needs before it (lex:requiresBefore)."""
    needed = event.cue.requires_before
    for position in range(event.hit.first - 1, max(-1, event.hit.first - 3), -1):
        if any(a.stem in needed for a in _readings(tokens[position], lexicon)):
            return replace(event, hit=replace(event.hit, first=position, last=position, noun=True))
    return event


def _deal_under(event: _Event, tokens: list[Token], lexicon: TransferLexicon) -> _Event | None:
    """«صفقة محتملة للسعودية … تحصل بموجبها المملكة على صواريخ»: a cue beside «بموجبها» states what the
    deal named before it in the sentence holds; the event moved onto that deal noun, or None."""
    hit = event.hit
    beside = [p for p in (hit.first - 1, hit.last + 1) if 0 <= p < len(tokens)]
    if not any(tokens[p].key in lexicon.under_deal for p in beside):
        return None
    for position in range(hit.first - 1, -1, -1):
        if _is_boundary(tokens[position]):
            return None
        if tokens[position].key in lexicon.deal_nouns:
            return replace(event, hit=replace(hit, first=position, last=position, noun=True))
    return None


def _governing_status(event: _Event, tokens: list[Token], status_hits: list[_Hit], lexicon: TransferLexicon
                      ) -> str | None:
    """The status set by the nearest status word before the cue that governs it, or None."""
    hit = event.hit
    is_finite = _is_finite_verb(event, tokens)
    crossed_complementizer = False
    coordinated = _coordinated_item(hit, tokens)
    position = hit.first - 1
    while position >= 0:
        token = tokens[position]
        # «وقد تم إيقاف إنتاج الطائرة …، وقامت بعدها إسرائيل ببيع…»: the stop is another clause's
        joined_clause = _new_coordinated_clause(tokens[max(0, position - 1): position + 1])
        if _is_boundary(token) or _clause_opens_after(tokens, position, hit.first) or joined_clause:
            return None
        status_hit = next((h for h in status_hits if h.first <= position <= h.last), None)
        if status_hit is not None:
            cue: StatusCue = status_hit.entry
            if cue.adjacent_only or cue.only_before_perfect:
                position = status_hit.first - 1
                continue
            lifting = _lifting(status_hit, tokens, status_hits)
            if coordinated and lifting:
                return None
            if is_finite and not crossed_complementizer and status_hit.last < hit.first - 2 and not (
                    lifting and cue.status == "Denied"):
                return None  # a finite verb's status is its own unless a verb governs it through «أن»
            return _status_word(status_hit, tokens, status_hits, lexicon)
        if any(a.stem in lexicon.complementizers for a in _readings(token, lexicon)):
            crossed_complementizer = True
        elif token.key in lexicon.auxiliaries:
            pass  # «أن تكون قد أرسلت»: the auxiliary belongs to the cue's verb group
        elif is_finite and not crossed_complementizer and token.is_verb and position < hit.first - 1:
            return None
        position -= 1
    return None


def _coordinated_item(hit: _Hit, tokens: list[Token]) -> bool:
    """«برفع الحظر عن الأسلحة، وتسليم مصر 8 طائرات»: a verbal noun coordinated after a comma is an item of its
    own, which a lifted ban before the comma does not make Planned."""
    return (hit.first > 0 and tokens[hit.first].split_conjunction
            and tokens[hit.first - 1].surface.strip() in COMMAS)


def _lifting(status_hit: _Hit, tokens: list[Token], status_hits: list[_Hit]) -> bool:
    """A lifting word, or a freeze or ban a lifting word takes away («رفع الحظر»)."""
    cue: StatusCue = status_hit.entry
    return cue.lifts or (cue.status == "Denied" and _lifted(status_hit, tokens, status_hits))


def _clause_opens_after(tokens: list[Token], position: int, cue: int) -> bool:
    """«وفي إطار رفع تجميد مساعدتها العسكرية، أعلنت واشنطن عن تسليم…»: a prepositional phrase opening the
    sentence, closed by a comma before the main verb, sets the scene; a status word there is not the cue's.
    («ووقعت مصر اتفاقية، تقوم بموجبها باريس بتوريد…» opens with its verb: the agreement governs.)"""
    following = position + 1
    return (tokens[position].surface.strip() in ("،", ",") and following < cue
            and tokens[following].main.upos == "VERB" and _opens_with_preposition(tokens))


def _opens_with_preposition(tokens: list[Token]) -> bool:
    words = [w for token in tokens[:2] for w in token.words
             if w.upos not in ("CCONJ", "PUNCT") and w.text not in ("و", "ف")]
    return bool(words) and words[0].upos == "ADP"


def _status_word(status_hit: _Hit, tokens: list[Token], status_hits: list[_Hit], lexicon: TransferLexicon
                 ) -> str | None:
    """The status a governing status word gives, after what stands before it: a lifting word, a negation,
    a denial further back, a plan already under way."""
    cue: StatusCue = status_hit.entry
    if cue.status == "Denied" and _lifted(status_hit, tokens, status_hits):
        return "Planned"  # «رفعت واشنطن التجميد عن تسليم…»
    if cue.status is None:  # «بالفعل», «بدأ»: it happened
        return None
    if cue.status == "Planned" and _plan_under_way(status_hit, tokens, status_hits):
        return None
    if _negated(status_hit.first, tokens, status_hits, lexicon) and cue.status != "Denied":
        return "Denied"
    if cue.status != "Denied" and _denied_further(status_hit.first, tokens, status_hits, lexicon):
        return "Denied"
    return cue.status


def _lifted(freeze: _Hit, tokens: list[Token], status_hits: list[_Hit], reach: int = 4) -> bool:
    """«رفعت الولايات المتحدة التجميد»: a lifting word a few words before the freeze or ban, in its clause."""
    for token in reversed(tokens[max(0, freeze.first - reach):freeze.first]):
        if _is_boundary(token) or token.surface in ("،", ","):
            return False
        if any(h.entry.lifts for h in status_hits if h.first <= token.position <= h.last):
            return True
    return False


def _denied_further(position: int, tokens: list[Token], status_hits: list[_Hit], lexicon: TransferLexicon
                    ) -> bool:
    """«نفى … ما تردد عن اعتزام القاهرة شراء…», «علقت … محادثات لشراء…»: a denial or a cancellation further
    back in the same clause governs the plan, the talks or the request in between."""
    for token in reversed(tokens[:position]):
        if _is_boundary(token) or token.surface in ("،", ",") or token.key in lexicon.clause_ends:
            return False
        hit = next((h for h in status_hits if h.first <= token.position <= h.last), None)
        if hit is not None and hit.entry.status == "Denied" and not hit.entry.adjacent_only:
            return True
    return False


def _is_finite_verb(event: _Event, tokens: list[Token]) -> bool:
    if event.hit.noun and not event.hit.others:
        return False  # «رفض الولايات المتحدة تزويد…»: the tagger often takes a verbal noun for a verb
    token = tokens[event.hit.first]
    if event.hit.last != event.hit.first:
        return any(w.upos == "VERB" for w in token.words)
    return any(w.upos == "VERB" for w in token.words) and not any(
        w.upos == "NOUN" for w in token.words)


def _negated(position: int, tokens: list[Token], status_hits: list[_Hit], lexicon: TransferLexicon) -> bool:
    """A negation particle just before ``position``, over auxiliaries («لم يتم», «لن تكون قد»)."""
    before = position - 1
    while before >= 0 and tokens[before].key in lexicon.auxiliaries:
        before -= 1
    if before < 0:
        return False
    hit = next((h for h in status_hits if h.last == before), None)
    return hit is not None and hit.entry.adjacent_only and hit.entry.status == "Denied"


def _restricted(event: _Event, tokens: list[Token], lexicon: TransferLexicon, reach: int = 4) -> bool:
    """«لن تسلم العراق سوى 35 طائرة», «لم تسلم إلا أربع منظومات»: a negation with an exception after the cue
    restricts what is handed over, it denies nothing."""
    return any(t.key in lexicon.exceptives for t in tokens[event.last + 1: event.last + 1 + reach])


def _future_particle(tokens: list[Token], position: int, lexicon: TransferLexicon, reach: int = 3) -> bool:
    """«سوف تسلم», «ستتم عملية تسليم»: a future marker just before the cue, or on the auxiliary before it; a
    verbal noun also takes the future of the verb that governs it, its subject between them («وستقوم
    الولايات المتحدة أيضا بتسليم…»)."""
    for token in reversed(tokens[max(0, position - reach):position]):
        if _is_boundary(token) or token.surface in ("،", ","):
            return False
        near = position - token.position <= 3
        if token.key in lexicon.future_words and near:
            return True
        readings = [a for a in _readings(token, lexicon) if a.future]
        if not readings or not any(w.upos in ("VERB", "AUX") for w in token.words):
            continue
        split_off = any(w.text == "س" or fold(w.lemma) == "س" for w in token.words)
        if (split_off and near) or any(a.stem in lexicon.auxiliaries for a in readings):
            return True  # «ستتم عملية تسليم», «ستقوم الولايات المتحدة بتسليم»
    return False


def _plan_under_way(plan: _Hit, tokens: list[Token], status_hits: list[_Hit]) -> bool:
    """«تحركت بشأن خطة نشر», «بدأت تنفيذ خطة»: a plan being carried out is no longer only planned."""
    return any(h.entry.executes for h in status_hits if 0 < plan.first - h.last <= 3)


# ── Arguments ─────────────────────────────────────────────────────────────────────────────────────────


def _window_end(event: _Event, next_start: int, tokens: list[Token], lexicon: TransferLexicon) -> int:
    """The last token of the cue's clause to the right: before the next cue, a strong boundary, a relative
    pronoun or a new coordinated verb."""
    end = next_start - 1
    for token in tokens[event.last + 1: next_start]:
        if token.surface.strip() == ":" and all(t.key in lexicon.list_follows
                                                for t in tokens[event.last + 1: token.position]):
            continue  # «المضبوطات التالية: …»: the list is the cue's
        following = tokens[token.position + 1].key if token.position + 1 < len(tokens) else ""
        if f"{token.key} {following}" in lexicon.clause_ends:
            return token.position - 1  # «… بعد أن كان …»: a clause of its own
        if _is_boundary(token) or _opens_clause(token, lexicon):
            return token.position - 1
        if token.key == "ما" and token.position > 0 and tokens[token.position - 1].surface in ("،", ","):
            return token.position - 1  # «…، ما دفع واشنطن إلى…»: what follows is the consequence
        split_conjunction = len(token.words) > 1 and token.words[0].text in ("و", "ف")
        if token.position > event.last + 1 and split_conjunction and any(
                w.upos == "VERB" for w in token.words[1:]):
            return token.position - 1  # «… وساعدت في تحويل»: a coordinated clause of its own
    return end


def _weapons_of(event: _Event, end: int, tokens: list[Token], weapons: list[_Weapon],
                lexicon: TransferLexicon) -> list[_Weapon]:
    """The weapons a cue transfers: those in its clause to the right up to a scope end («مماثل لـ», «قادرة
    على حمل»), else the weapon just before it when the cue describes it («أنظمة S-400 المنتشرة»)."""
    scope_end = _weapon_scope_end(event, end, tokens, lexicon)
    antecedents = _relative_antecedent_weapons(event, tokens, weapons, lexicon)
    if antecedents:
        return antecedents  # «مروحيات اوسبري التي عادة ما تنشر في…»: what the clause is about
    found = [w for w in weapons if event.last < w.first <= scope_end]
    if found and _taken_up_after(found[-1], end, tokens, lexicon):
        found = found[:-1]  # «…، بالإضافة إلى 4 مقاتلات أخرى تتسلمها القاهرة»: the next cue's
    if found:
        return _without_fittings(_named_over_generic(found, tokens, lexicon), tokens, lexicon)
    described = _weapon_before(event, tokens, weapons, lexicon)
    if described:
        return described
    # «نقلت المخزون … إلى روسيا»: a stockpile noun stands for the weapon named just before.
    for token in tokens[event.last + 1: scope_end + 1]:
        if any(a.stem in lexicon.weapon_anaphors for a in _readings(token, lexicon)):
            previous = [w for w in weapons if w.last < token.position]
            if previous:
                return [previous[-1]]
    return []


def _without_fittings(found: list[_Weapon], tokens: list[Token], lexicon: TransferLexicon) -> list[_Weapon]:
    """«زورقي دورية مزودين بقاذفات الصواريخ»: what a weapon is fitted with («مزودة بـ», «مجهزة بـ») is part of
    it, not an item of its own; so are the weapons coordinated after it."""
    kept: list[_Weapon] = []
    for weapon in found:
        gap = tokens[kept[-1].last + 1: weapon.first] if kept else []
        if kept and (_fitted(gap, lexicon) or _fitted([tokens[weapon.first]], lexicon)):
            continue
        kept.append(weapon)
    return kept


def _fitted(gap: list[Token], lexicon: TransferLexicon) -> bool:
    return any(a.stem in lexicon.fitted_with for token in gap for a in _readings(token, lexicon))


def _weapon_before(event: _Event, tokens: list[Token], weapons: list[_Weapon], lexicon: TransferLexicon
                   ) -> list[_Weapon]:
    """The weapon just before the cue when the cue describes it («أنظمة S-400 المنتشرة») or takes it up with a
    pronoun («بأسلحة حديثة زودتها بها السعودية»); a relative clause on it is _relative_antecedent_weapons'."""
    before = [w for w in weapons if w.last < event.hit.first]
    if not before:
        return []
    nearest = before[-1]
    # «فرقاطة "فريم" التي اشترتها»: the mark closing a name is no word between
    gap = [t for t in tokens[nearest.last + 1: event.hit.first] if t.surface.strip() not in QUOTE_MARKS]
    if event.cue.frame.weapon_before and len(gap) <= 3 and not any(_is_boundary(t) for t in gap):
        return [nearest]
    # «أن أربع طائرات إضافية ستسلم إلى مصر»: after «أن» the subject comes first, and a weapon there is what
    # the verb (passive in sense) hands over.
    if all(t.main.upos == "ADJ" or t.key in lexicon.additional for t in gap) \
            and _opens_clause_after_complementizer(nearest.first, tokens, lexicon):
        return [nearest]
    # «بأسلحة حديثة زودتها بها السعودية»: the weapon's pronoun after the cue takes up the weapon before.
    if len(gap) <= 3 and _resumptive_after(event, tokens, lexicon) and all(
            t.key in lexicon.relative_pronouns or t.main.upos == "ADJ" for t in gap):
        return [nearest]
    if _taken_up_after(nearest, event.hit.first - 1, tokens, lexicon):
        return [nearest]  # «4 مقاتلات أخرى تتسلمها القاهرة»: the verb's own pronoun is the weapon
    return []


def _taken_up_after(weapon: _Weapon, end: int, tokens: list[Token], lexicon: TransferLexicon) -> bool:
    """Whether the verb right after ``end`` takes up this weapon by its object pronoun: an indefinite weapon,
    then nothing but adjectives or «أخرى», then a verb with a pronoun («مقاتلات أخرى تتسلمها القاهرة», a
    relative clause without «التي»)."""
    verb = tokens[end + 1] if end + 1 < len(tokens) else None
    if verb is None or not verb.is_verb or len(verb.words) < 2 or verb.words[-1].upos != "PRON":
        return False
    if tokens[weapon.first].key.startswith("ال"):
        return False  # a definite weapon takes «التي»
    gap = tokens[weapon.last + 1: end + 1]
    return len(gap) <= 3 and all(t.main.upos == "ADJ" or t.key in lexicon.additional for t in gap)


def _relative_antecedent_weapons(event: _Event, tokens: list[Token], weapons: list[_Weapon],
                                 lexicon: TransferLexicon) -> list[_Weapon]:
    """The weapons a relative clause opened right before the cue is about («الصواريخ التي سلمتها روسيا»,
    «مروحيات اوسبري التي عادة ما تنشر»): its adjectives and counts before the pronoun, at most two words
    after it (an auxiliary, an adverb, which the tagger may read as a verb: «عادة ما»), no boundary; with
    the weapons coordinated before it («طائرات الرافال الثلاث وطائرات الاف-16 الثماني التي تسلمتها…»)."""
    before = [w for w in weapons if w.last < event.hit.first]
    if not before:
        return []
    gap = [t for t in tokens[before[-1].last + 1: event.hit.first] if t.surface.strip() not in QUOTE_MARKS]
    relative = next((i for i, t in enumerate(gap) if t.key in lexicon.relative_pronouns), None)
    if relative is None or len(gap) - relative - 1 > 2:
        return []
    # «والعربات العسكرية المتطورة، التي وفرتها…»: a comma may set the clause off
    qualified = all(_qualifies(t, lexicon) or t.surface.strip() in COMMAS for t in gap[:relative])
    if not qualified or any(_is_boundary(t) for t in gap[relative:]):
        return []
    found = [before[-1]]
    for weapon in reversed(before[:-1]):
        between = tokens[weapon.last + 1: found[0].first]
        joined = any(t.key.startswith("و") for t in [*between, tokens[found[0].first]])
        if not joined or not all(_qualifies(t, lexicon) or _reference_categories(t, lexicon, False)
                                 is not None for t in between):
            break
        found.insert(0, weapon)
    return found


def _qualifies(token: Token, lexicon: TransferLexicon) -> bool:
    """An adjective or a count after a weapon («الحديثة», «الثلاث»), which the tagger may call a noun."""
    return token.main.upos in ("ADJ", "NUM") or _number([token], 0, lexicon) is not None


def _opens_clause_after_complementizer(first: int, tokens: list[Token], lexicon: TransferLexicon) -> bool:
    """The words from token ``first`` open a clause after «أن»/«إن», a count or a generic head noun between
    them («أن أربع طائرات…», «إن طائرات رافال…»)."""
    position = first - 1
    while position >= 0 and (_number(tokens, position, lexicon) is not None
                             or _reference_categories(tokens[position], lexicon, definite_only=False)):
        position -= 1
    return position >= 0 and tokens[position].key in lexicon.complementizers


def _resumptive_after(event: _Event, tokens: list[Token], lexicon: TransferLexicon) -> bool:
    """The cue is followed by the pronoun of a weapon named before it («زودها بها»), or its phrase's own
    preposition carries it («مدرعات حصلت عليها المقاومة»)."""
    hit = event.hit
    if hit.last > hit.first and _preposition_with_pronoun(tokens[hit.last].key, lexicon):
        return True
    return event.last + 1 < len(tokens) and tokens[event.last + 1].key in lexicon.resumptives


def _referred_weapons(event: _Event, end: int, tokens: list[Token], weapons: list[_Weapon],
                      context: _Context) -> list[_Weapon]:
    """«… لشراء خمس وحدات من المنظومة»: a definite generic noun in the cue's clause that names no weapon of
    its own refers to a named weapon of a compatible category earlier in the document: the candidates, the
    most recent first."""
    lexicon = context.lexicon
    scope_end = _weapon_scope_end(event, end, tokens, lexicon)
    for token in tokens[event.last + 1: scope_end + 1]:
        if any(w.first <= token.position <= w.last for w in weapons):
            continue
        categories = _reference_categories(token, lexicon, definite_only=True)
        if categories is None:
            continue
        return _earlier_weapons(categories, token.start, token.position, token.position, context)
    return []


def _reference_categories(noun: Token, lexicon: TransferLexicon, definite_only: bool
                          ) -> frozenset[str] | None:
    """The weapon categories a generic noun («الطائرات», «طائرة») may refer to, None for any other word."""
    references = lexicon.weapon_references
    stems = [a.stem[2:] if a.stem.startswith("ال") else a.stem for a in _readings(noun, lexicon)
             if not a.enclitic and (a.stem.startswith("ال") or not definite_only)]
    return next((references[stem] for stem in stems if stem in references), None)


def _earlier_weapons(categories: frozenset[str], before: int, first: int, last: int, context: _Context
                     ) -> list[_Weapon]:
    """The named weapons of a compatible category that end before offset ``before``, the most recent first,
    each as the weapon of the referring words from token ``first`` to ``last``."""
    earlier = [m for m in context.mentions if m.kind == WEAPON and m.via != Via.GENERIC
               and m.end <= before and _category_fits(m, categories, context.gazetteer)]
    return [_Weapon(m, first, last) for m in sorted(earlier, key=lambda m: -m.start)]


def _relative_on_reference(event: _Event, tokens: list[Token], context: _Context) -> list[_Weapon]:
    """«طائرات "رافال" الثلاث، وهي ضمن الـ24 طائرة التي اشترتها مصر»: a generic noun of a weapon's category
    that a relative clause on the cue describes («طائرة التي اشترتها», «طائرة اشترتها») refers to the weapon
    of that category named before it in the document: the candidates, the most recent first."""
    lexicon, first = context.lexicon, event.hit.first
    if first >= 2 and tokens[first - 1].key in lexicon.relative_pronouns:
        noun = tokens[first - 2]
    elif first >= 1 and any(w.upos == "PRON" for w in tokens[first].words[1:]):
        noun = tokens[first - 1]  # «ضمن 24 طائرة اشترتها مصر»: an indefinite noun, the verb's pronoun on it
    else:
        return []
    categories = _reference_categories(noun, lexicon, definite_only=False)
    if categories is None:
        return []
    return _earlier_weapons(categories, noun.start, noun.position, noun.position, context)


def _more_of_the_same(event: _Event, tokens: list[Token], context: _Context) -> list[_Weapon]:
    """«وأوضحت أن أربع طائرات إضافية ستسلم إلى مصر»: after «أن» the subject comes first; a generic noun there
    with a word of more of the same is what the verb hands over, and refers to the weapon of its category
    named earlier in the document (the candidates, the most recent first)."""
    lexicon, first = context.lexicon, event.hit.first
    if first < 2 or tokens[first - 1].key not in lexicon.additional:
        return []
    noun = tokens[first - 2]
    categories = _reference_categories(noun, lexicon, definite_only=False)
    if categories is None or not _opens_clause_after_complementizer(noun.position, tokens, lexicon):
        return []
    return _earlier_weapons(categories, noun.start, noun.position, first - 1, context)


def _demonstrated_weapons(found: list[_Weapon], tokens: list[Token], context: _Context) -> list[_Weapon]:
    """«هذه الصواريخ», «أربع طائرات إضافية»: a generic weapon after a demonstrative or before a word of more
    of the same refers to a named weapon of its category earlier in the document (the candidates, the most
    recent first); none when nothing fits."""
    if len(found) != 1 or found[0].mention.via != Via.GENERIC or found[0].first == 0:
        return []
    generic = found[0]
    before = _strip_conjunction(tokens[generic.first - 1].key, context.lexicon)
    after = tokens[generic.last + 1].key if generic.last + 1 < len(tokens) else ""
    category = context.gazetteer.category_of(generic.mention.known_id)
    categories = frozenset({category}) if category else frozenset()
    earlier = _earlier_weapons(categories, generic.mention.start, generic.first, generic.last, context)
    if before in context.lexicon.demonstratives or after in context.lexicon.additional:
        return earlier
    # «إرسال المقاتلات الأميركية إلى القاهرة» after «8 مقاتلات «إف 16»»: a definite generic noun of a
    # category with the nisba of its maker takes up the one system of that category the text named before
    named = {w.mention.known_id or fold(w.mention.text) for w in earlier}
    definite = _reference_categories(tokens[generic.first], context.lexicon, definite_only=True) is not None
    if not (definite and category and len(named) == 1):
        return []
    maker = _maker_of(earlier[0], context)
    nisba = next((m for m in context.by_sentence.get(generic.mention.sentence, ())
                  if m.via == Via.NISBA and generic.mention.end < m.start <= generic.mention.end + 1), None)
    return earlier[:1] if maker and nisba is not None and context.state_of(nisba) == maker else []


def _known_supplier(roles: _Roles, weapon: _Weapon, context: _Context) -> _Roles:
    """«ستتسلم أنقرة الطائرات»: a weapon taken up by reference, with no supplier in its clause, comes from
    the supplier an earlier sentence named for the same weapon and recipient."""
    if roles.supplier:
        return roles
    for _, recipient in roles.recipient:
        known = context.suppliers.get((_weapon_identity(weapon.mention), recipient.state))
        state = context.state_of(known) if known is not None else None
        if known is not None and state is not None:
            return roles.with_supplier(_Party(known, state, -1, -1), "earlier-supplier")
    return roles


def _known_recipient(roles: _Roles, weapon: _Weapon, frame: Frame, clause: list[Token], context: _Context
                     ) -> _Roles:
    """«وستقوم الولايات المتحدة أيضا بتسليم 14 برجا إضافيا لدبابات ام1 ايه1» after «… بتسليم خمسة أبراج
    لدبابات أبرامز … لمصر»: a supplier handing over a weapon to no one the clause names hands it to the
    recipient earlier sentences named for the same weapon and supplier, when they named only one. Not when
    the clause names a recipient that is no state («يمنع ارسال اسلحة الى دول…»)."""
    if roles.recipient or not roles.supplier or frame.both_directions or frame.subject_role == RECIPIENT:
        return roles
    to_recipient = {words[0] for words, role in frame.marker_roles.items()
                    if role == RECIPIENT and len(words) == 1 and len(words[0]) > 1}
    if any(token.key in to_recipient for token in clause):
        return roles
    supplier = min(roles.supplier, key=lambda r: r[0])[1]
    known = context.recipients.get((_weapon_identity(weapon.mention), supplier.state), {})
    if len(known) != 1:
        return roles
    ((state, mention),) = known.items()
    return roles.with_recipient(_Party(mention, state, -1, -1), "earlier-recipient")


def _theatre_recipient(roles: _Roles, weapon: _Weapon, context: _Context) -> _Roles:
    """«الدبابات … التي وفرتها قوات التحالف»: what a coalition fighting in a state hands over to no one the
    text names goes to that state's side (kg:fightsIn); the rule's name says the recipient was inferred."""
    if roles.recipient or not roles.supplier:
        return roles
    supplier = min(roles.supplier, key=lambda r: r[0])[1]
    entry = context.gazetteer.entry(supplier.state)
    theatre = context.gazetteer.entry(entry.fights_in) if entry and entry.fights_in else None
    if theatre is None:
        return roles
    return roles.with_recipient(_inferred_party(theatre, weapon), "theatre")


def _inferred_party(state: GazetteerEntry, weapon: _Weapon) -> _Party:
    """A state the text implies, no words of its own: a party placed on the weapon's words."""
    named = weapon.mention
    mention = Mention(state.label_ar, named.start, named.end, named.sentence, STATE, state.entity_id,
                      via=Via.INFERRED)
    return _Party(mention, state.entity_id, -1, -1)


def _category_fits(mention: Mention, categories: frozenset[str], gazetteer: Gazetteer) -> bool:
    """Whether a weapon's category, or one it falls under, is among those a reference noun allows."""
    if not categories:
        return True
    category = gazetteer.category_of(mention.known_id)
    seen: set[str] = set()
    while category is not None and category not in seen:
        if category in categories:
            return True
        seen.add(category)
        entry = gazetteer.categories.get(category)
        category = entry.broader if entry else None
    return False


def _weapon_scope_end(event: _Event, end: int, tokens: list[Token], lexicon: TransferLexicon) -> int:
    """Where the transferred weapons stop: before a relative clause, a comparison («مماثل لـ»), a capability
    («قادرة على حمل») or a target («لاعتراض»)."""
    for token in tokens[event.last + 1: end + 1]:
        following = tokens[token.position + 1] if token.position + 1 < len(tokens) else None
        if token.key in lexicon.relative_pronouns and following is not None and (
                following.key in lexicon.contents_verbs):
            continue  # «الشحنة التي شملت متفجرات وأسلحة»: what the shipment held
        if token.key in lexicon.relative_pronouns or any(
                a.stem in lexicon.weapon_scope_ends for a in _readings(token, lexicon)):
            return token.position - 1
    return end


def _named_over_generic(found: list[_Weapon], tokens: list[Token], lexicon: TransferLexicon
                        ) -> list[_Weapon]:
    """«نظام الصواريخ "إسكندر"», «طائرات مسيرة من طراز بيرقدار»: a generic phrase just before a named system
    is that system's description, not a second weapon."""
    kept = []
    for weapon in found:
        if weapon.mention.via == Via.GENERIC and any(
                other.mention.via != Via.GENERIC and _describes(weapon, other, tokens, lexicon)
                for other in found):
            continue
        kept.append(weapon)
    return kept


def _describes(generic: _Weapon, named: _Weapon, tokens: list[Token], lexicon: TransferLexicon) -> bool:
    """Whether a generic phrase introduces the named system after it: nothing but punctuation and adjectives
    between («نظام الصواريخ "إسكندر"»), or a type word («مقاتلات إضافية من طراز إف-16»)."""
    if generic.last >= named.first:
        return False
    gap = tokens[generic.last + 1: named.first]
    type_words = lexicon.type_words
    if _apposed_type(gap, type_words, lexicon.they_are):
        return True
    if len(gap) == 2 and gap[0].key in lexicon.partitives and gap[1].bare in lexicon.deal_nouns:
        return True  # «طائرات من صفقة رافال»: the aircraft are the deal's Rafales
    # «صواريخ قصيرة ومتوسطة المدى من طراز «ميكا»»: the adjectives count for nothing
    gap = [t for t in gap if not (is_adjective(t) or joined_adjective(tokens, t.position)
                                  or adjectives_noun(tokens, t.position))]
    if len(gap) > 4:
        return False
    if all(t.is_punctuation or t.key in type_words for t in gap):
        return True
    return any(t.key in type_words for t in gap) and not any(t.is_verb for t in gap)


def _apposed_type(gap: list[Token], type_words: frozenset[str], they_are: frozenset[str], reach: int = 8
                  ) -> bool:
    """«طائرة مقاتلة من روسيا وهي من «سوخوي-30»»: «وهي (من طراز)» right before a named system says what the
    weapons named before it are."""
    words = [t for t in gap if not t.is_punctuation]
    if len(gap) > reach or any(t.is_verb for t in gap):
        return False
    while len(words) > 1 and (words[-1].key == fold("من") or words[-1].key in type_words):
        words = words[:-1]  # «وهي من طراز»
    return bool(words) and words[-1].key in they_are


def _counted_head(weapon: _Weapon, weapons: list[_Weapon], tokens: list[Token], lexicon: TransferLexicon
                  ) -> _Weapon:
    """«30 طائرة مقاتلة من طراز رافال»: the number counts the generic head noun that the named weapon
    specifies, so the count is read before that head."""
    if weapon.mention.via == Via.GENERIC:
        return weapon
    heads = [w for w in weapons if w.mention.via == Via.GENERIC and w.last < weapon.first
             and _describes(w, weapon, tokens, lexicon)]
    return heads[-1] if heads else weapon


def _quantity(weapon: _Weapon, event: _Event, tokens: list[Token], lexicon: TransferLexicon) -> int | None:
    """«ثلاث بطاريات باتريوت», «24 طائرة رافال»: a number before the weapon (and its unit noun); none for
    «عدة كتائب»."""
    position = weapon.first - 1
    floor = event.last
    for _ in range(3):
        if position <= floor:
            return None
        token = tokens[position]
        analyses = _readings(token, lexicon)
        stems = {a.stem for a in analyses}
        if stems & lexicon.vague_quantities:
            return None
        value = _number(tokens, position, lexicon)
        if value is not None:
            return None if _not_a_count(tokens, position, lexicon) else value
        if stems & lexicon.unit_nouns or token.key == "من":
            position -= 1
            continue
        return _number(tokens, weapon.first, lexicon, inside=True)
    return None


def _not_a_count(tokens: list[Token], position: int, lexicon: TransferLexicon) -> bool:
    """«عام 2018», «بقيمة 5 مليارات دولار»: a number after a word of date or price, or before a unit of
    money, is no count of weapons."""
    before = tokens[position - 1] if position > 0 else None
    after = tokens[position + 1] if position + 1 < len(tokens) else None
    if before is not None and any(a.stem in lexicon.not_count_after for a in _readings(before, lexicon)):
        return True
    return after is not None and any(a.stem in lexicon.not_count_before for a in _readings(after, lexicon))


def _number(tokens: list[Token], position: int, lexicon: TransferLexicon, inside: bool = False
            ) -> int | None:
    token = tokens[position]
    digits = "".join(ch for ch in token.key if ch.isdigit())
    if digits and digits == token.key.strip(",.") and not inside:
        return int(digits)
    # Two-word numbers («أربع عشرة»): the token before and this one, before this one alone.
    if position > 0:
        for analysis in _readings(tokens[position - 1], lexicon):
            pair = (analysis.stem, token.key)
            if pair in lexicon.numbers:
                return lexicon.numbers[pair]
    for analysis in _readings(token, lexicon):
        if (analysis.stem,) in lexicon.numbers:
            return lexicon.numbers[(analysis.stem,)]
    return None


# ── Role rules ───────────────────────────────────────────────────────────────────────────────────────
# Each rule that gives a party a side of the transfer has a name (a transfer's rules name the ones that
# chose its supplier and recipient: «supplier-from-subject», ontologies/rules.ttl) and a rank: when several
# rules name a side, the pair of distinct states with the lowest ranks together wins.


@dataclass(frozen=True)
class RoleRule:
    """A named way of finding a party of a transfer, and its rank (lower wins)."""

    name: str
    rank: int


ROLE_RULES: dict[str, RoleRule] = {rule.name: rule for rule in (
    RoleRule("subject", 0),  # the cue's subject (VSO or SVO) or a verbal noun's genitive agent
    RoleRule("object", 0),  # a bare second state before the weapon
    RoleRule("preposition", 1),  # a state after a preposition the cue's frame understands («إلى», «من»)
    RoleRule("object-pronoun", 1),  # the cue's object pronoun («بتزويدها», «زودونا»)
    RoleRule("pronoun", 1),  # a pronoun after a preposition («منهم», «إلينا»)
    RoleRule("own-land", 1),  # «إلى بلاده»: the land of the subject or of the speaker
    RoleRule("addressee-of-request", 2),  # «طلبت بولندا من الولايات المتحدة شراء…»
    RoleRule("notice", 1),  # «أبلغ X Y … تسليم»: the one who tells gives, the one told receives
    RoleRule("weapon-nisba", 2),  # «الأسلحة الروسية»: where the weapon comes from
    RoleRule("coordinated-weapon-nisba", 3),  # a nisba on a weapon coordinated with this one
    RoleRule("known-weapon-origin", 3),  # where another sentence said the weapon comes from
    RoleRule("earlier-supplier", 4),  # the supplier an earlier sentence named for this weapon and recipient
    RoleRule("earlier-recipient", 4),  # the only recipient earlier sentences named for weapon and supplier
    RoleRule("deal-sides", 4),  # «وتشمل الصفقة شراء…»: the sides of the deal stated before
    RoleRule("producer", 5),  # the state that makes the weapon (kg:producedBy)
    RoleRule("theatre", 5),  # the state a coalition fights in (kg:fightsIn)
    RoleRule("agreement-partner", 6),  # the partners of an agreement that governs the cue
)}
# A side named for a weaker role ranks below the same rule naming the side itself.
_ROLE_OFFSETS = {SUPPLIER: (SUPPLIER, 0), ORIGIN: (SUPPLIER, 2), RECIPIENT: (RECIPIENT, 0),
                 LOCATION: (RECIPIENT, 1)}


@dataclass
class _Roles:
    supplier: list[tuple[int, _Party]] = field(default_factory=list)  # (rank, party); lower is better
    recipient: list[tuple[int, _Party]] = field(default_factory=list)
    parties: list[_Party] = field(default_factory=list)  # both sides of an exchange

    def assign(self, role: str | None, party: _Party, rule: str) -> None:
        """Give ``party`` a role by the named rule, at the rule's rank (and the role's offset)."""
        if role is None:
            return
        party = replace(party, rule=rule)
        if role == PARTY:
            self.parties.append(party)
        elif role in _ROLE_OFFSETS:
            side, offset = _ROLE_OFFSETS[role]
            getattr(self, side).append((ROLE_RULES[rule].rank + offset, party))

    def both_sides(self, supplier: _Party, recipient: _Party, rule: str) -> _Roles:
        """These roles with the two sides replaced by a rule that names both at once."""
        return replace(self, supplier=[(ROLE_RULES[rule].rank, replace(supplier, rule=rule))],
                       recipient=[(ROLE_RULES[rule].rank, replace(recipient, rule=rule))])

    def with_supplier(self, supplier: _Party, rule: str) -> _Roles:
        return replace(self, supplier=[(ROLE_RULES[rule].rank, replace(supplier, rule=rule))])

    def with_recipient(self, recipient: _Party, rule: str) -> _Roles:
        return replace(self, recipient=[(ROLE_RULES[rule].rank, replace(recipient, rule=rule))])


@dataclass
class _Clause:
    """What the role rules read around one cue: its event, window, the sentence's parties and weapons."""

    event: _Event
    end: int  # last token of the cue's window
    tokens: list[Token]
    parties: list[_Party]
    weapons: list[_Weapon]  # the weapons the cue transfers
    status_hits: list[_Hit]
    claim: Claim | None
    sentence: AnnotatedSentence
    context: _Context

    @property
    def frame(self) -> Frame:
        return self.event.cue.frame

    @functools.cached_property
    def right(self) -> list[_Party]:
        """The parties after the cue, in its window, that are no weapon's origin."""
        return [p for p in self.parties if self.event.last < p.first <= self.end and p.origin_of is None]

    def marker_role(self, party: _Party) -> str | None:
        return self.frame.marker_roles.get(party.marker) if party.marker else None


def _event_transfers(event: _Event, next_start: int, tokens: list[Token], status_hits: list[_Hit],
                     parties: list[_Party], weapons: list[_Weapon], sentence: AnnotatedSentence,
                     context: _Context) -> Iterator[Transfer]:
    lexicon = context.lexicon
    end = _window_end(event, next_start, tokens, lexicon)
    event_weapons, referents = _event_weapons(event, end, tokens, weapons, context)
    if not event_weapons:
        return
    status = _status(event, tokens, status_hits, lexicon)
    claim, stated_by = _claim_of(event, tokens, sentence, context)
    clause = _Clause(event, end, tokens, parties, event_weapons, status_hits, claim, sentence, context)
    roles = _roles(clause)
    referred = referents is not None
    if referred and not roles.supplier:
        # Of the weapons the reference may mean, the one the text already tied to this recipient.
        event_weapons = next(([w] for w in referents if _known_supplier(roles, w, context) is not roles),
                             event_weapons)
    cue_text = fold(" ".join(t.surface for t in tokens[event.hit.first: event.hit.last + 1]))
    # the states that make the clause's known weapons: the same sides for the weapons named with them
    makers = frozenset(m for w in event_weapons if (m := _maker_of(w, context)) is not None)
    extra_requests = _request_after(event, end, tokens, lexicon)
    roles = _deal_sides(roles, event, tokens, parties, context)
    armed_group = _armed_group_taker(event, end, tokens, context)
    status_rule = "status-of-deal" if _deal_under(event, tokens, lexicon) is not None else "status-of-cue"
    if status == "Delivered" and roles.recipient and min(roles.recipient, key=lambda r: r[0])[1].hosts:
        status, status_rule = "Deployed", "status-deployed-at-base"  # sent to a base on another's land
    anchors = [event.last, *(w.last for w in event_weapons)]  # where a smuggled weapon's «من X» may stand
    verbal_noun = not _is_finite_verb(event, tokens)
    for weapon in event_weapons:
        quantity = _quantity(_counted_head(weapon, weapons, tokens, lexicon), event, tokens, lexicon)
        weapon_roles = _known_supplier(roles, weapon, context) if referred else roles
        weapon_roles = _producer_supplier(weapon_roles, weapon, event.cue.frame, context, verbal_noun)
        clause_after = tokens[event.last + 1: end + 1]
        weapon_roles = _known_recipient(weapon_roles, weapon, event.cue.frame, clause_after, context)
        weapon_roles = _theatre_recipient(weapon_roles, weapon, context)
        weapon_rule = "weapon-referred" if referred else (
            "weapon-implied-by-cue" if weapon.mention.via == Via.INFERRED else "weapon-in-clause")
        pairs = _frame_pairs(event, weapon_roles, weapon, anchors, clause, context, makers)
        if not pairs and armed_group:
            pairs = list(_to_armed_group(weapon_roles))
        for supplier, recipient, rules in pairs:
            yield Transfer(supplier, recipient, weapon.mention, status, sentence.index, cue_text, stated_by,
                           quantity, (*rules, weapon_rule, status_rule))
            if status != "Denied" and _denied_after(event.last, tokens, status_hits, parties, supplier,
                                                     context):
                yield Transfer(supplier, recipient, weapon.mention, "Denied", sentence.index, cue_text, None,
                               quantity, (*rules, weapon_rule, "status-denied-after"))
            if extra_requests and status != "Requested":
                yield Transfer(supplier, recipient, weapon.mention, "Requested", sentence.index, cue_text,
                               None, quantity, (*rules, weapon_rule, "status-request-after"))


def _frame_pairs(event: _Event, roles: _Roles, weapon: _Weapon, anchors: list[int], clause: _Clause,
                 context: _Context, makers: frozenset[str]) -> list[_Pair]:
    """The (supplier, recipient, rules) a weapon's roles give under the cue's frame."""
    frame, tokens = event.cue.frame, clause.tokens
    if not frame.to_no_state:
        pairs = list(_pairs(roles, weapon, frame, context, makers))
        return pairs or list(_from_origin(roles, anchors[1:], clause))
    pairs = list(_to_no_state(roles, anchors, tokens))
    if not pairs and frame.seized:
        pairs = list(_from_smuggling_story(context))  # «المضبوطات التالية: …»
    return pairs


def _event_weapons(event: _Event, end: int, tokens: list[Token], weapons: list[_Weapon], context: _Context
                   ) -> tuple[list[_Weapon], list[_Weapon] | None]:
    """The weapons the cue transfers, and the candidates when they are a reference to a weapon named earlier
    (None when the clause names them)."""
    found = _weapons_of(event, end, tokens, weapons, context.lexicon)
    if event.cue.weapon_with is not None:
        # «دعم بشار بالمال والسلاح»: only what the cue's preposition governs is handed over, or nothing
        governed = [w for w in found if _governed_by(w, event.last, tokens, event.cue.weapon_with)]
        return governed, None
    if not found:
        referents = (_referred_weapons(event, end, tokens, weapons, context)
                     or _relative_on_reference(event, tokens, context)
                     or _more_of_the_same(event, tokens, context))
        if not referents and event.cue.implied_weapon:
            return [_implied_weapon(event, tokens)], None
        return referents[:1], referents
    if referents := _demonstrated_weapons(found, tokens, context):
        return referents[:1], referents
    return found, None


def _governed_by(weapon: _Weapon, cue_end: int, tokens: list[Token], preposition: str) -> bool:
    """Whether the preposition is written on the weapon or, through «و», on the first of the things
    coordinated with it («بالمال والسلاح», «بالضربات الجوية وشحنات الأسلحة»), after the cue."""
    def written_on(token: Token) -> bool:
        return token.clitic_preposition and any(fold(w.text) == preposition for w in token.words[:2])

    first = tokens[weapon.first]
    if written_on(first):
        return True
    if not first.key.startswith("و"):
        return False
    for token in reversed(tokens[cue_end + 1: weapon.first]):
        if token.is_punctuation or token.is_verb:
            return False
        if written_on(token):
            return True
    return False


def _governs_a_weapon(hit: _Hit, hits: list[_Hit], tokens: list[Token], weapons: list[_Weapon]) -> bool:
    """A cue that hands over only what its preposition governs («دعم … بالسلاح») is a cue only where it
    does, with no verb or other cue between («تدعم المقاتلين وتمدهم بالأسلحة»: the second verb's);
    elsewhere («في إطار الدعم الأمني») it neither states a transfer nor ends another cue's clause."""
    preposition = hit.entry.weapon_with if isinstance(hit.entry, TransferCue) else None
    if preposition is None:
        return True
    for weapon in (w for w in weapons if w.first > hit.last):
        between = tokens[hit.last + 1: weapon.first]
        if any(_is_boundary(t) or t.is_verb for t in between) or any(
                hit.last < other.first < weapon.first for other in hits):
            return False
        if _governed_by(weapon, hit.last, tokens, preposition):
            return True
    return False


def _implied_weapon(event: _Event, tokens: list[Token]) -> _Weapon:
    """«بتسليح المتمردين»: the weapon the cue names by itself (lex:impliedWeapon), on the cue's words."""
    first, last = tokens[event.hit.first], tokens[event.hit.last]
    text = " ".join(t.surface for t in tokens[event.hit.first: event.hit.last + 1])
    mention = Mention(text, first.start, last.end, event.sentence, WEAPON, event.cue.implied_weapon,
                      via=Via.INFERRED)
    return _Weapon(mention, event.hit.first, event.hit.last)


def _claim_of(event: _Event, tokens: list[Token], sentence: AnnotatedSentence, context: _Context
              ) -> tuple[Claim | None, Mention | None]:
    """The claim the cue stands in (or near), and who stated the transfer: that claim's speaker when the cue
    is inside it or in its sentence."""
    cue_offset = tokens[event.hit.first].start
    claim = context.claim_at(cue_offset, sentence.index)
    stated_by = claim.speaker if claim is not None and claim.start <= cue_offset < claim.end else None
    if stated_by is None and claim is not None and claim.sentence == sentence.index:
        stated_by = claim.speaker
    return claim, stated_by


def _deal_sides(roles: _Roles, event: _Event, tokens: list[Token], parties: list[_Party], context: _Context
                ) -> _Roles:
    """«وتشمل الصفقة أيضا شراء 12 مروحية»: what a deal includes passes between the deal's sides.
    «إتمام الصفقة التي تضمنت أيضا مروحيات أباتشي» after «إرسال الولايات المتحدة 8 مقاتلات … لمصر»: the
    deal named before, by the sides of the last handover stated when no agreement was."""
    if roles.supplier or roles.recipient:
        return roles
    if _in_deal_contents(event, tokens, context.lexicon):
        sides = context.last_deal
    elif event.cue.requires_before:
        sides = context.last_deal or context.last_sides  # «الصفقة التي تضمنت…»: the deal named before
    else:
        return roles
    if sides is None:
        return roles
    supplier, recipient = sides
    supplier_state, recipient_state = context.state_of(supplier), context.state_of(recipient)
    if not (supplier_state and recipient_state):
        return roles
    giver, taker = _Party(supplier, supplier_state, -1, -1), _Party(recipient, recipient_state, -1, -1)
    # «وتشكل الطائرات التي اشترتها مصر جزءا من صفقة … تشمل أيضا…» after a deal with Qatar: the one state
    # the sentence names before the contents, not the seller, is this deal's buyer
    named = {p.state for p in parties if p.last < event.hit.first and not p.marker and p.origin_of is None}
    if len(named) == 1 and supplier_state not in named and recipient_state not in named:
        only = next(p for p in parties if p.state in named)
        taker = replace(only, first=-1, last=-1)
    return roles.both_sides(giver, taker, "deal-sides")


def _producer_supplier(roles: _Roles, weapon: _Weapon, frame: Frame, context: _Context,
                       verbal_noun: bool = False) -> _Roles:
    """«تسلمت مصر ثماني طائرات إف-16»: a known system received with no «من» phrase comes from the state
    that makes it (kg:producedBy); the rule's name says the supplier was inferred, not read. Only a verb
    whose subject receives leaves the giver implicit: «سلمت شركة بايكار…» names its giver, a company; and
    so does a handover noun that names only the one it goes to («تسليم مصر طائرات أف 16»)."""
    # «اتفاق مع الرياض على شراء نظام ثاد»: the partner of the agreement is the buyer, and no seller is named
    sides_only = all(p.rule == "agreement-partner" for _, p in roles.supplier)
    handed_to = verbal_noun and frame.subject_role == SUPPLIER and all(
        p.rule == "object" for _, p in roles.recipient)
    if (roles.supplier and not sides_only) or not roles.recipient or (
            frame.subject_role != RECIPIENT and not handed_to):
        return roles
    entry = context.gazetteer.entry(weapon.mention.known_id) if weapon.mention.known_id else None
    producer = context.gazetteer.entry(entry.produced_by) if entry and entry.produced_by else None
    if producer is None:
        return roles
    return roles.with_supplier(_inferred_party(producer, weapon), "producer")


def _in_deal_contents(event: _Event, tokens: list[Token], lexicon: TransferLexicon) -> bool:
    """Whether the cue is what a deal named before includes («تشمل الصفقة أيضا شراء …»)."""
    if any(_is_boundary(t) for t in tokens[: event.hit.first]):
        return False
    for phrase in lexicon.deal_contents:
        size = len(phrase)
        for i in range(max(0, event.hit.first - size - 2), event.hit.first - size + 1):
            words = tokens[i:i + size]
            if tuple(t.key for t in words[1:]) == phrase[1:] and any(
                    a.stem == phrase[0] for a in _readings(words[0], lexicon)):
                return True
    return False


def _denied_after(cue_end: int, tokens: list[Token], status_hits: list[_Hit], parties: list[_Party],
                  supplier: Mention, context: _Context) -> bool:
    """«تتهم الكرملين بتسليح المتمردين، لكن موسكو تنفي ذلك»: after the cue (a denial that governs it made
    its status Denied already), the supplier's state denies what was just said (a denial with «ذلك»,
    «الاتهامات» after it, «وهو ما» before it, the denier right before or after the denial): an accusation
    and a denial of the same transfer are both kept."""
    state = context.state_of(supplier)
    for hit in status_hits:
        entry = hit.entry
        if hit.first <= cue_end or entry.status != "Denied" or entry.adjacent_only:
            continue
        deniers = [p for p in parties if p.state == state and not p.marker
                   and (p.last == hit.first - 1 or p.first == hit.last + 1)]
        # «تنفي ذلك», «نفت موسكو هذه الاتهامات», «وهو ما تنفيه موسكو»
        around = (hit.first - 1, hit.last + 1, *(d.last + 1 for d in deniers))
        if deniers and any(0 <= p < len(tokens) and _strip_conjunction(tokens[p].key, context.lexicon)
                           in context.lexicon.denied_references for p in around):
            return True
    return False


def _request_after(event: _Event, end: int, tokens: list[Token], lexicon: TransferLexicon) -> bool:
    """«… بناء على طلب لوكاشينكو»: the recipient asked for what the cue states."""
    keys = [t.key for t in tokens[event.last + 1:]]
    for phrase in lexicon.request_after:
        size = len(phrase)
        for i in range(len(keys) - size + 1):
            if tuple(_strip_conjunction(k, lexicon) for k in keys[i:i + size]) == phrase:
                return True
    return False


def _roles(clause: _Clause) -> _Roles:
    """The parties of the cue's transfer, by the role rules in their order (a later rule may read what an
    earlier one found)."""
    roles = _Roles()
    notice = _notice_parties(clause)
    if notice is not None:
        return roles.both_sides(*notice, "notice")
    for rule in _ROLE_SIEVES:
        rule(clause, roles)
    return roles


def _notice_parties(clause: _Clause) -> tuple[_Party, _Party] | None:
    """«أبلغ الرئيس الأميركي نظيره المصري رفع تجميد تسليم 12 طائرة…»: a handover named by a verbal noun
    that a verb of informing governs is made by the one who tells and goes to the one told, the verb's two
    bare states; where the cue's clause names a recipient after a preposition («إلى إيران»), the one told is
    only told."""
    event, tokens, lexicon = clause.event, clause.tokens, clause.context.lexicon
    if clause.frame.subject_role != SUPPLIER or _is_finite_verb(event, tokens):
        return None
    start = max(0, event.hit.first - NOTICE_REACH)
    verb = next((t.position for t in reversed(tokens[start: event.hit.first])
                 if any(a.stem in lexicon.notice_verbs for a in _readings(t, lexicon))), None)
    if verb is None or any(_is_boundary(t) for t in tokens[verb: event.hit.first]):
        return None
    told = _distinct([p for p in clause.parties if verb < p.first and p.last < event.hit.first
                      and not p.marker and p.origin_of is None])
    if len(told) != 2:
        return None
    marked = [p for p in clause.right if p.marker and clause.marker_role(p) == RECIPIENT]
    return told[0], (marked[0] if marked else told[1])


def _by_preposition(clause: _Clause, roles: _Roles) -> None:
    """Parties named by prepositions the frame understands."""
    for party in clause.right:
        if clause.marker_role(party):
            roles.assign(clause.marker_role(party), party, "preposition")


def _addressee_of_request(clause: _Clause, roles: _Roles) -> None:
    """«طلبت بولندا من الولايات المتحدة شراء مروحيات»: the one a request is addressed to, between the
    request and the cue, is the supplier the cue's «من» would have named."""
    hit = clause.event.hit
    requests = [h for h in clause.status_hits if h.last < hit.first and h.entry.status == "Requested"]
    if not requests:
        return
    for party in clause.parties:
        between = clause.tokens[party.last + 1: hit.first]
        if requests[-1].last < party.first and party.last < hit.first and party.marker \
                and clause.marker_role(party) == SUPPLIER and not any(_is_boundary(t) for t in between):
            roles.assign(SUPPLIER, party, "addressee-of-request")


def _bare_right(clause: _Clause) -> list[_Party]:
    """Bare states after the cue that may be its subject or object. A bare object stands before the weapon
    («سلمت فرنسا الهند 36 طائرة»); a bare state after it belongs to another phrase («… إف-16 لتركيا بعد
    مصادقة أنقرة»). In a relative clause after the weapon only a preposition still ties a state to the cue
    («المخزون الذي ورثته … إلى روسيا»); a bare state there is that clause's own subject."""
    event, tokens = clause.event, clause.tokens
    relative = next((t.position for t in tokens[event.last + 1: clause.end + 1]
                     if t.key in clause.context.lexicon.relative_pronouns), clause.end + 1)
    weapon_right = min((w.first for w in clause.weapons if w.first > event.last), default=clause.end + 1)
    return [p for p in clause.right if not p.marker and p.conjunct_of is None
            and p.first < min(relative, weapon_right)]


def _subject_and_object_roles(clause: _Clause, roles: _Roles) -> None:
    """The subject (or a noun's genitive agent), and a bare second object. «تسليم باكستان صواريخ إلى
    السعودية»: with the recipient after a preposition, a noun's genitive is its agent."""
    frame = clause.frame
    marked_object = any(clause.marker_role(p) in (RECIPIENT, LOCATION) for p in clause.right if p.marker)
    parties = clause.parties
    if _resumptive_after(clause.event, clause.tokens, clause.context.lexicon) and clause.weapons and (
            clause.weapons[0].last < clause.event.hit.first):
        # «القوات اليمنية … المدرعات التي زودتها بها السعودية»: a relative clause on the weapon; what stands
        # before the weapon is not the cue's subject.
        parties = [p for p in parties if p.first > clause.weapons[0].last]
    joined = _sides_of_joined_verbal_noun(clause.event, clause.tokens, parties) if frame.object_role else None
    if joined is not None:
        agent, object_ = joined
        if agent is not None:
            roles.assign(frame.subject_role, agent, "subject")
        roles.assign(frame.object_role, object_, "object-pronoun")
        return
    subject, object_ = _subject_and_object(clause.event, clause.tokens, parties, _bare_right(clause),
                                           marked_object, clause.status_hits, clause.claim, clause.context)
    if subject is not None:
        located = any(clause.marker_role(p) == LOCATION for p in clause.right if p.marker)
        # «تحتفظ الولايات المتحدة بأسلحة نووية في تركيا»: with a host named, the holder is the owner.
        role = frame.located_subject_role if located and frame.located_subject_role else frame.subject_role
        if role is None and marked_object and frame.addressed_subject_role:
            role = frame.addressed_subject_role  # «وافقت الخارجية الأمريكية على صفقة للسعودية»: the seller
        roles.assign(role, subject, "subject")
    if object_ is not None and frame.object_role:
        roles.assign(frame.object_role, object_, "object")
    elif frame.object_role and clause.event.hit.analysis.enclitic and not _passive(clause):
        # «طالبت كييف برلين بتزويدها»: the cue's object pronoun is the requester; «زودونا»: the speaker.
        pronoun = _object_pronoun(clause.event, clause.tokens, clause.parties, roles, clause.claim,
                                  clause.context)
        if pronoun is not None:
            roles.assign(frame.object_role, pronoun, "object-pronoun")


def _sides_of_joined_verbal_noun(event: _Event, tokens: list[Token], parties: list[_Party]
                                 ) -> tuple[_Party | None, _Party] | None:
    """«وتعهدت الولايات المتحدة بتدريب القوات العراقية وتزويدها بالأسلحة»: a verbal noun joined by «و» to
    the noun before a state, with an object pronoun, goes on that noun: the state is the object both share
    (the pronoun's), and the state before that noun is the agent of both. None when the cue is not so."""
    cue = tokens[event.hit.first]
    pronoun = event.hit.analysis.enclitic or (len(cue.words) > 1 and cue.words[-1].upos == "PRON")
    joined = cue.split_conjunction or event.hit.analysis.proclitic.startswith("و")
    if not (pronoun and joined and (event.hit.noun or cue.main.upos == "NOUN")):
        return None
    shared = next((p for p in parties if p.last == event.hit.first - 1 and not p.marker), None)
    if shared is None or shared.first == 0:
        return None
    governing = tokens[shared.first - 1]
    if governing.main.upos != "NOUN" or governing.key.startswith("ال"):
        return None
    agent = next((p for p in reversed(parties) if p.last < governing.position and not p.marker
                  and governing.position - p.last <= SHARED_SUBJECT_REACH
                  and not any(_is_boundary(t) for t in tokens[p.last + 1: governing.position])), None)
    return agent, shared


def _passive(clause: _Clause) -> bool:
    """«كما تم تسليمها إلى…»: a verbal noun after a passive auxiliary; its pronoun is what was handed over."""
    first = clause.event.hit.first
    return first > 0 and clause.tokens[first - 1].key in clause.context.lexicon.passive_auxiliaries


def _weapon_nisba(clause: _Clause, roles: _Roles) -> None:
    """A nisba on a transferred weapon names where it comes from."""
    for party in clause.parties:
        if party.origin_of is not None and any(w.first <= party.origin_of <= w.last for w in clause.weapons):
            roles.assign(ORIGIN, party, "weapon-nisba")


def _weapon_origin_elsewhere(clause: _Clause, roles: _Roles) -> None:
    """Coordinated weapons share an origin («الروسية إس-400 وأنظمة إسكندر»); else the document may have
    said where the weapon comes from in another sentence («بيرقدار التركية» in the title)."""
    if roles.supplier or clause.frame.subject_role == PARTY:
        return
    origins = clause.context.weapon_origins
    shared = next((p for p in clause.parties if p.origin_of is not None
                   and clause.event.hit.first - 1 <= p.origin_of <= clause.end), None)
    known = next((origins[_weapon_identity(w.mention)] for w in clause.weapons
                  if _weapon_identity(w.mention) in origins), None)
    if shared is not None:
        roles.assign(ORIGIN, shared, "coordinated-weapon-nisba")
    elif known is not None:
        roles.assign(ORIGIN, known, "known-weapon-origin")


def _pronouns(clause: _Clause, roles: _Roles) -> None:
    """Pronouns: «منهم», «إلينا», «بلاده»."""
    _pronoun_roles(clause.event, clause.end, clause.tokens, roles, clause.frame, clause.claim,
                   clause.sentence, clause.context)


def _agreement_partners(clause: _Clause, roles: _Roles) -> None:
    """The partners of an agreement that governs the cue stand on either side when the clause leaves one
    unnamed («اتفقنا نحن وروسيا على أننا قد نحتفظ…», «اتفقت روسيا وإيران على تزويد طهران…»), and so does
    a state named with «مع» («توصلت إلى اتفاق مع الروس بأننا سنشتري…»)."""
    if clause.frame.subject_role == PARTY:
        return
    rank = ROLE_RULES["agreement-partner"].rank
    lexicon = clause.context.lexicon
    partners = _partners(clause.event, clause.tokens, clause.parties, clause.status_hits,
                         lexicon.partner_markers, lexicon.relative_pronouns)
    if partners or _is_deal(clause.event.hit):
        # «وقعت روسيا صفقة صواريخ إس 300 مع إيران»: the state after «مع» is the deal's other side
        partners += [p for p in clause.right if p.marker in lexicon.partner_markers]
    for party in partners:
        if state_group(party.mention, clause.context.gazetteer):
            continue  # a group meets its own members at a table: no side of a deal by position alone
        roles.supplier.append((rank, replace(party, rule="agreement-partner")))
        roles.recipient.append((rank, replace(party, rule="agreement-partner")))


# The role rules in the order they run.
_ROLE_SIEVES = (_by_preposition, _addressee_of_request, _subject_and_object_roles, _weapon_nisba,
                _weapon_origin_elsewhere, _pronouns, _agreement_partners)


def _partners(event: _Event, tokens: list[Token], parties: list[_Party], status_hits: list[_Hit],
              partner_markers: frozenset[tuple[str, ...]], relative_pronouns: frozenset[str]) -> list[_Party]:
    # the verb that concludes an agreement, or cancels a deal («ألغت روسيا صفقة … مع إيران»), has its partners
    governing = ("Agreed", "Denied") if _is_deal(event.hit) else ("Agreed",)
    agreements = [h for h in status_hits if h.last < event.hit.first and h.entry.status in governing]
    found = []
    if _relative_antecedent(event, tokens, parties, relative_pronouns) is not None:
        return []  # the cue is in a relative clause: the states before it are the main clause's partners
    for party in reversed([p for p in parties if p.last < event.hit.first and p.origin_of is None]):
        if any(_is_boundary(t) for t in tokens[party.last + 1: event.hit.first]):
            break
        # a bare state is a side of the agreement named in its own phrase («اتفاقية للتعاون العسكري بين
        # المملكة وروسيا»), not any state further on («… الاتفاق النووي الإيراني تدل على أن إيران بصدد…»)
        # and not the genitive of an agreement noun other than the one nearest the cue, which governs it
        # («بعد اتفاق إيران قد تؤدي إلى تسريع اتفاق مع الرياض على شراء نظام ثاد»)
        if not party.marker and _side_of_agreement_noun(party, agreements[:-1]):
            continue
        if party.marker in partner_markers or (not party.marker and any(
                h.last < party.first <= h.last + PARTNER_REACH for h in agreements)):
            found.append(party)
    return found


def _subject_and_object(event: _Event, tokens: list[Token], parties: list[_Party], bare_right: list[_Party],
                        marked_object: bool, status_hits: list[_Hit], claim: Claim | None, context: _Context
                        ) -> tuple[_Party | None, _Party | None]:
    """Arabic puts the subject after the verb (VSO) or before it (SVO); a verbal noun takes its agent as a
    genitive after it; a status verb before a noun passes its subject on («تعتزم بولندا شراء»)."""
    is_verb = _is_finite_verb(event, tokens)
    left, adjacent = _left_or_speaker(event, tokens, parties, status_hits, claim, is_verb, context)
    after = bare_right[0] if bare_right else None
    shared = _shared_with_verb_before(event, tokens, parties, left, adjacent, is_verb)
    if shared is not None:
        return shared, after
    if left is not None and adjacent:
        return left, after
    pronoun = _pronoun_subject(event, tokens, claim, context) if left is None else None
    if pronoun is not None:
        return pronoun, after
    subject, object_ = _subject_after(event, left, bare_right, is_verb, marked_object)
    if subject is None and is_verb:
        subject = _subject_of_verb_before(event, tokens, parties)
    return subject, object_


def _left_or_speaker(event: _Event, tokens: list[Token], parties: list[_Party], status_hits: list[_Hit],
                     claim: Claim | None, is_verb: bool, context: _Context) -> tuple[_Party | None, bool]:
    """The state before the cue (see _left_subject), or the speaker's own for a first person («سنشتري»)."""
    left, adjacent = _left_subject(event, tokens, parties, status_hits, context)
    if left is not None and not adjacent and state_group(left.mention, context.gazetteer):
        left = None  # a group far before a verbal noun is a side of the talks, not the seller
    first_person = event.hit.first_person or (is_verb and "Person=1" in tokens[event.hit.first].verb_feats)
    if first_person:
        own = _speaker_party(claim, tokens[event.hit.first], event.sentence, context)
        if own is not None:
            return own, True
    return left, adjacent


def _shared_with_verb_before(event: _Event, tokens: list[Token], parties: list[_Party], left: _Party | None,
                             adjacent: bool, is_verb: bool) -> _Party | None:
    """The subject the cue shares with the verb before it, when it is joined to it by «و»."""
    support = _joined_support_verb(event, tokens, is_verb)
    shared = _shared_subject(support, tokens, parties) if support is not None else None
    if shared is not None and (left is None or left.last < support):
        # «قوات التحالف ساندت المقاومة، …، وقامت بتزويدها»: the verb the noun hangs on shares its subject
        return shared
    if left is not None and adjacent and is_verb and tokens[event.hit.first].key.startswith("و"):
        # «وتدعم روسيا الحكومة السورية وتزودها بالأسلحة»: the state before «و» is the object of the verb
        # before it, whose subject both verbs share
        shared = _subject_of_verb_before(event, tokens, [p for p in parties if p.last < left.first])
        if shared is not None and shared.last + 1 == left.first:
            return shared
    return None


def _joined_support_verb(event: _Event, tokens: list[Token], is_verb: bool) -> int | None:
    """The position of a verb joined by «و» that a verbal-noun cue hangs on («وقامت بتزويدها», «وعملت على
    تسليح»), or None."""
    first = event.hit.first
    if is_verb or first == 0:
        return None
    verb = first - 2 if first > 1 and tokens[first - 1].main.upos == "ADP" else first - 1
    token = tokens[verb]
    joined = len(token.words) > 1 and token.words[0].upos == "CCONJ"  # «وقامت», not «وقف»
    return verb if joined and token.is_verb and _agreement(token) else None


def _shared_subject(verb: int, tokens: list[Token], parties: list[_Party]) -> _Party | None:
    """The subject a verb joined by «و» shares with the verb before it: the state right before that verb
    (SVO) or, with none there, right after it (VSO); the two verbs agree in person, gender and number."""
    feats = _agreement(tokens[verb])
    for party in _parties_within_reach(verb, tokens, parties):
        after = tokens[party.last + 1]
        before = tokens[party.first - 1] if party.first > 0 else None
        if after.position < verb and after.is_verb and _agreement(after) == feats:
            return party
        if before is not None and before.is_verb and _agreement(before) == feats and not any(
                p.last == party.first - 2 for p in parties):
            return party
    return None


def _subject_of_verb_before(event: _Event, tokens: list[Token], parties: list[_Party]) -> _Party | None:
    """«ويدعم التحالف المقاتلين … كما يمدهم بالدبابات»: a verb with no subject of its own shares the subject
    of the verb before it in its sentence, the state right after that verb, when the two verbs agree in
    person, gender and number."""
    feats = _agreement(tokens[event.hit.first])
    if not feats:
        return None
    for party in _parties_within_reach(event.hit.first, tokens, parties):
        if party.first == 0:
            continue
        verb = tokens[party.first - 1]
        if verb.is_verb and _agreement(verb) == feats:
            return party
    return None


def _parties_within_reach(verb: int, tokens: list[Token], parties: list[_Party]) -> Iterator[_Party]:
    """The bare states before the verb at ``verb``, nearest first, while no boundary and no more than
    SHARED_SUBJECT_REACH tokens part them from it: those that may be the subject it shares."""
    for party in reversed([p for p in parties if p.last < verb and not p.marker]):
        between = tokens[party.last + 1: verb]
        if verb - party.last > SHARED_SUBJECT_REACH or any(_is_boundary(t) for t in between):
            return
        yield party


def _agreement(token: Token) -> tuple[str | None, ...]:
    """A finite verb's person, gender and number, or () when it has none of them."""
    words = [w for w in token.words if w.upos in ("VERB", "AUX")]
    if not words:
        return ()
    found = tuple(feature(words[0], name) for name in ("Person", "Gender", "Number"))
    return found if all(found) else ()


def _subject_after(event: _Event, left: _Party | None, bare_right: list[_Party], is_verb: bool,
                   marked_object: bool) -> tuple[_Party | None, _Party | None]:
    """Subject and object when no state stands right before the cue: the bare states after it, or a state
    further before it."""
    second = bare_right[1] if len(bare_right) > 1 else None
    has_object = bool(event.cue.frame.object_role)
    vso = is_verb and bare_right and bare_right[0].first - event.last <= 2
    if vso and (left is None or len(bare_right) > 1 or not has_object):
        # VSO, Arabic's plain order: the state right after the verb is its subject («تنتجها الهند…»);
        # with a state before it and one after, a verb of giving has its object there («بريطانيا أول
        # دولة تسلم أوكرانيا…»).
        return bare_right[0], second
    genitive = not is_verb and bare_right and bare_right[0].first == event.last + 1
    if left is not None and genitive and (marked_object or not has_object):
        # «…، ومع نشر الولايات المتحدة طائرات اف-16 في تركيا»: the genitive right after a verbal noun is its
        # agent; a state further before, not joined to it, is another phrase's. A marked recipient or none:
        # no bare object («تزويد إيران لإرهابيي البحرين»: Bahrain is the terrorists')
        return bare_right[0], None
    if left is not None:
        return left, (bare_right[0] if bare_right else None)
    if not bare_right:
        return None, None
    if is_verb or len(bare_right) > 1 or not has_object or marked_object or event.cue.thing_as_object:
        # «إرسال الولايات المتحدة 8 مقاتلات»: a cue whose object is the thing has its agent in the genitive
        return bare_right[0], second
    # A verbal noun with one bare genitive state whose frame has an object: «تزويد أوكرانيا بالصواريخ».
    return None, bare_right[0]


def _left_subject(event: _Event, tokens: list[Token], parties: list[_Party], status_hits: list[_Hit],
                  context: _Context) -> tuple[_Party | None, bool]:
    """The nearest bare state before the cue in its clause, and whether it stands right before it (SVO:
    nothing between but particles, auxiliaries, complementizers and status words: «روسيا قد زودت»,
    «وافقت واشنطن على بيع», «بيلاروسيا تعتزم الاحتفاظ»). A non-state actor nearer to the cue is the
    subject instead («يتهم الجيش السوداني قوات الدعم السريع بالحصول على…»): no state then."""
    hit = event.hit
    antecedent = _relative_antecedent(event, tokens, parties, context.lexicon.relative_pronouns)
    if antecedent is not None:
        return antecedent, True
    candidates = [p for p in parties if p.last < hit.first and not p.marker and p.origin_of is None
                  and not _side_of_agreement_noun(p, status_hits)]
    governed = [p for p in candidates if _in_prepositional_phrase(p, tokens, context)]
    # a state joined by «و» to one in a prepositional phrase is in that phrase too
    candidates = [p for p in candidates if p not in governed and p.conjunct_of not in governed]
    if not candidates:
        return None, False
    if candidates[-1].conjunct_of is not None:
        candidates = candidates[:candidates.index(candidates[-1].conjunct_of) + 1]
    party = _first_of_coordinated(candidates, tokens)
    between = tokens[party.last + 1: hit.first]
    if any(_is_boundary(t) or _opens_clause(t, context.lexicon) for t in between) or len(between) > 12:
        return None, False
    if _subject_after_complementizer(between, event.sentence, context) or _new_coordinated_clause(between):
        return None, False
    if _non_state_actor_between(tokens[candidates[-1].last].end, tokens[hit.first].start, event.sentence,
                                tokens, context):
        return None, False
    if _relative_on_weapon_between(party, event, tokens, context):
        return None, False
    return party, _only_particles(between, status_hits, context.lexicon)


def _new_coordinated_clause(between: list[Token]) -> bool:
    """«… أعداء إسرائيل، ويضطر الخليجيون لشراء…»: a comma, then a verb joined by «و», opens a clause of its
    own, whose subject is not the state before the comma."""
    return any(before.surface.strip() in COMMAS and len(token.words) > 1 and token.words[0].text in ("و", "ف")
               and any(w.upos == "VERB" for w in token.words[1:])
               for before, token in zip(between, between[1:], strict=False))


def _side_of_agreement_noun(party: _Party, status_hits: list[_Hit]) -> bool:
    """«بعد اتفاق إيران»: a state in the genitive of an agreement noun is a side of that agreement, no
    subject of a cue after it."""
    return any(h.entry.status == "Agreed" and h.noun and h.last == party.first - 1 for h in status_hits)


def _subject_after_complementizer(between: list[Token], sentence: int, context: _Context) -> bool:
    """«رئيس اللجنة الجزائرية …، فإن نحو ألف تاجر سلاح ينتشرون»: «إن» or «أن» and a noun after it open a
    clause whose subject stands there, so nothing before them is the cue's subject. Not when that noun is
    the weapon handed over («أعلنت فرنسا أن طائرات رافال ستسلم») or the land of the one before («قال
    ماكرون إن بلاده ستسلم»)."""
    lexicon = context.lexicon
    for position, token in enumerate(between):
        after = between[position + 1:]
        if not any(a.stem in lexicon.complementizers for a in _readings(token, lexicon)) or not any(
                t.main.upos in ("NOUN", "PROPN", "NUM", "ADJ") for t in after):
            continue
        head = after[:2]
        weapon_first = any(m.kind == WEAPON and head[0].start <= m.start <= head[-1].end
                           for m in context.by_sentence.get(sentence, ()))
        own_land = any(a.stem in lexicon.own_land for a in _readings(after[0], lexicon))
        return not (weapon_first or own_land)
    return False


def _in_prepositional_phrase(party: _Party, tokens: list[Token], context: _Context) -> bool:
    """«من أجل التأكيد على الشرعية اليمنية، وقامت بتزويدها»: a state in a preposition's phrase (a nisba
    with the noun it qualifies) is no subject, whichever preposition it is. A clitic counts only outside the
    name («بولندا» is no «ب»); «إن» and «لكن», which the tagger may take for prepositions, open a clause."""
    lexicon, token = context.lexicon, tokens[party.first]
    if token.main.upos == "ADJ" and party.first > 0 and tokens[party.first - 1].main.upos == "NOUN":
        head = tokens[party.first - 1]  # a nisba alone: the phrase opens at the noun it qualifies
        clitic = len(head.words) > 1 and head.words[0].upos == "ADP"
    else:
        head = token
        prefix = fold(context.text[token.start:party.mention.start])
        clitic = bool(prefix) and prefix.endswith(tuple(lexicon.preposition_clitics))
    if clitic or head.position == 0:
        return clitic
    before = tokens[head.position - 1]
    if before.key in lexicon.complementizers or _opens_clause(before, lexicon):
        return False
    return before.main.upos == "ADP" and len(before.words) == 1


def _in_relative_on_weapon(event: _Event, tokens: list[Token], context: _Context) -> bool:
    """The cue opens a relative clause on a weapon: a relative pronoun at most two words before it, and a
    weapon ending at most three words (adjectives, a comma) before the pronoun."""
    lexicon = context.lexicon
    before = tokens[max(0, event.hit.first - 3): event.hit.first]
    relative = next((t for t in reversed(before) if t.key in lexicon.relative_pronouns), None)
    if relative is None:
        return False
    return _weapon_ends_between(tokens[max(0, relative.position - 3)].start, relative.start, event.sentence,
                                context)


def _relative_on_weapon_between(party: _Party, event: _Event, tokens: list[Token], context: _Context) -> bool:
    """«… للمقاومة الشعبية إن مشاهدة المتمردين للآليات الثقيلة التي أرسلتها قيادة التحالف»: a cue in a
    relative clause on a weapon has its subject inside the clause, never a state before the weapon."""
    between = tokens[party.last + 1: event.hit.first]
    relatives = [t for t in between if t.key in context.lexicon.relative_pronouns]
    if not relatives:
        return False
    return _weapon_ends_between(tokens[party.last].end, relatives[-1].start, event.sentence, context)


def _weapon_ends_between(start: int, end: int, sentence: int, context: _Context) -> bool:
    """Whether a weapon of the sentence ends between two offsets (a relative pronoun's antecedent)."""
    return any(m.kind == WEAPON and start <= m.end <= end for m in context.by_sentence.get(sentence, ()))


def _relative_antecedent(event: _Event, tokens: list[Token], parties: list[_Party],
                         relative_pronouns: frozenset[str]) -> _Party | None:
    """«ثم مع قطر التي اشترت 24 طائرة»: a state the relative pronoun right before the cue takes up is the
    subject of the relative clause, whatever preposition stands before the state; not when the verb carries
    an object pronoun, which takes the state up instead («أوكرانيا التي زودتها الولايات المتحدة»)."""
    hit = event.hit
    before = [p for p in parties if p.last < hit.first and p.origin_of is None]
    if not before or any(word.upos == "PRON" for word in tokens[hit.first].words):
        return None
    party = before[-1]
    between = tokens[party.last + 1: hit.first]
    if len(between) == 1 and between[0].key in relative_pronouns:
        return party
    return None


def _first_of_coordinated(candidates: list[_Party], tokens: list[Token]) -> _Party:
    """«اتفقت روسيا وإيران على…»: of two coordinated states the first is taken as the actor."""
    party = candidates[-1]
    if len(candidates) > 1:
        previous = candidates[-2]
        if previous.last == party.first - 1 and tokens[party.first].key.startswith("و"):
            return previous
    return party


def _non_state_actor_between(start: int, end: int, sentence: int, tokens: list[Token], context: _Context
                             ) -> bool:
    """An organisation or a person acting for no state between two offsets, and not after a preposition."""
    return any(start <= mention.start and mention.end <= end and mention.kind in (ORGANIZATION, PERSON)
               and context.state_of(mention) is None and not _after_preposition(mention, tokens, context)
               for mention in context.by_sentence.get(sentence, ()))


def _only_particles(between: list[Token], status_hits: list[_Hit], lexicon: TransferLexicon) -> bool:
    """Whether nothing stands between a subject and its cue but a status verb that passes its subject on
    («تعتزم بولندا شراء»), a particle, a word of tense or a complementizer."""
    status_positions = {i for h in status_hits for i in range(h.first, h.last + 1)
                        if h.entry.passes_subject or h.entry.status is None or h.entry.adjacent_only
                        or h.entry.only_before_perfect}
    links = lexicon.auxiliaries | lexicon.subject_links
    return all(t.position in status_positions or t.key in links
               or any(a.stem in lexicon.complementizers for a in _readings(t, lexicon)) for t in between)


def _after_preposition(mention: Mention, tokens: list[Token], context: _Context) -> bool:
    """«في حلف الناتو», «بالحلف»: a mention inside a prepositional phrase is nobody's subject."""
    token = next((t for t in tokens if t.start <= mention.start < t.end), None)
    if token is None:
        return False
    if token.words and token.words[0].upos == "ADP" and len(token.words) > 1:
        return True
    before = tokens[token.position - 1] if token.position > 0 else None
    return before is not None and any(w.upos == "ADP" for w in before.words) and len(before.words) == 1


def _speaker_party(claim: Claim | None, token: Token, sentence: int, context: _Context) -> _Party | None:
    """The speaker's state, standing for a first person («سنشتري», «إلينا») or a pronoun («قال إنه…»)."""
    state = context.speaker_state(claim)
    if state is None:
        return None
    mention = context.standing_for(state, token.surface, token.start, token.end, sentence)
    if mention is None:
        return None
    return _Party(mention, state, -1, -1)


def _pronoun_subject(event: _Event, tokens: list[Token], claim: Claim | None, context: _Context
                     ) -> _Party | None:
    """«قال إنه يود الحصول…»: a complementizer with a pronoun before the cue is the speaker."""
    lexicon = context.lexicon
    for token in reversed(tokens[max(0, event.hit.first - 4): event.hit.first]):
        for analysis in _readings(token, lexicon):
            if analysis.stem in lexicon.complementizers and analysis.enclitic:
                return _speaker_party(claim, token, event.sentence, context)
        if token.key in lexicon.own_land and not (
                token.position > 0 and (tokens[token.position - 1].key,) in lexicon.markers):
            # «نفى … أن تكون بلاده قد زودت…»: «his country» is the state of the one who speaks of it.
            return _land_owner(event, tokens, token, _Roles(), claim, context)
    return None


def _object_pronoun(event: _Event, tokens: list[Token], parties: list[_Party], roles: _Roles,
                    claim: Claim | None, context: _Context) -> _Party | None:
    token = tokens[event.hit.first]
    if event.hit.analysis.enclitic in context.lexicon.first_person:
        return _speaker_party(claim, token, event.sentence, context)
    people_only = event.hit.analysis.enclitic in context.lexicon.personal_plural
    resumptive = _resumptive_after(event, tokens, context.lexicon)
    if _in_relative_on_weapon(event, tokens, context) and not resumptive:
        # «الآليات التي أرسلتها قيادة التحالف»: the pronoun is the weapon's; with «بها» after the cue
        # («الدبابات التي زودتها بها السعودية») the weapon's pronoun is that one, and the verb's a party
        return None
    taken = {p.state for _, p in roles.supplier + roles.recipient}
    for party in reversed([p for p in parties if p.last < event.hit.first and p.origin_of is None]):
        if any(_is_boundary(t) for t in tokens[party.last + 1: event.hit.first]):
            break
        if party.state not in taken and not party.marker and (not people_only or _a_people(party)):
            if event.cue.implied_weapon and _weapon_ends_between(
                    tokens[party.last].end, token.start, event.sentence, context):
                return None  # «تزويد هذه الطائرات بأسلحة … عدم تسليحها»: arming the weapon nearer, no state
            return party
    return None


def _a_people(party: _Party) -> bool:
    """«الصينيين»: a people named by its nisba, which «هم» takes up as it does no state or body («كما يمدهم
    بالدبابات» after «التحالف»: the fighters)."""
    return party.mention.via == Via.NISBA


def _pronoun_roles(event: _Event, end: int, tokens: list[Token], roles: _Roles, frame: Frame,
                   claim: Claim | None, sentence: AnnotatedSentence, context: _Context) -> None:
    lexicon = context.lexicon
    for token in tokens[event.last + 1: end + 1]:
        for analysis in _readings(token, lexicon):
            preposition = (analysis.stem,) if analysis.stem else ()
            if not analysis.enclitic or analysis.proclitic:
                continue
            role = frame.marker_roles.get(preposition)
            if role is None or _partitive(token, tokens):
                continue
            if analysis.enclitic in lexicon.first_person:
                party = _speaker_party(claim, token, sentence.index, context)
            else:
                party = _partner(token.start, sentence.index, roles, claim, context)
                people_only = analysis.enclitic in lexicon.personal_plural
                if people_only and party is not None and not _a_people(party):
                    party = None
            if party is not None:
                roles.assign(role, party, "pronoun")
            break
        if token.key in lexicon.own_land:
            # «إلى بلاده»: the land of the clause's subject or of the speaker.
            marker = tokens[token.position - 1].key if token.position > 0 else ""
            role = frame.marker_roles.get((marker,))
            if role is None:
                continue
            owner = _land_owner(event, tokens, token, roles, claim, context)
            if owner is not None:
                roles.assign(role, owner, "own-land")


def _partitive(token: Token, tokens: list[Token]) -> bool:
    """«حلقت 4 منها»: «من» with a pronoun after a number is some of them, not where they came from."""
    before = tokens[token.position - 1] if token.position > 0 else None
    return before is not None and (before.main.upos == "NUM" or before.surface.isdigit())


def _land_owner(event: _Event, tokens: list[Token], token: Token, roles: _Roles, claim: Claim | None,
                context: _Context) -> _Party | None:
    if any(token.key.endswith(p) for p in context.lexicon.first_person):
        return _speaker_party(claim, token, event.sentence, context)
    # The nearest person or state before the cue that is not a party already.
    for mention, state in _people_and_states_before(tokens[event.hit.first].start, context, token.start):
        return _Party(mention, state, -1, -1)
    return None


def _people_and_states_before(offset: int, context: _Context, near: int) -> Iterator[tuple[Mention, str]]:
    for mention in reversed(context.mentions):
        if mention.start >= offset:
            continue
        state = context.state_of(mention)
        if state is None:
            continue
        if mention.kind == PERSON:
            found = context.state_mention(state, near)
            if found is not None:
                yield found, state
            continue
        yield mention, state


def _partner(offset: int, sentence: int, roles: _Roles, claim: Claim | None, context: _Context
             ) -> _Party | None:
    """«منهم»: the state most recently named as a partner (after «مع» first), not the speaker's own."""
    own = context.speaker_state(claim)
    taken = {p.state for _, p in roles.supplier + roles.recipient}
    for mention, state in context.states_before(offset, sentence):
        if state == own or state in taken:
            continue
        return _Party(mention, state, -1, -1)
    return None


_Pair = tuple[Mention | None, Mention | None, tuple[str, ...]]  # supplier, recipient, the rules that chose


def _pairs(roles: _Roles, weapon: _Weapon, frame: Frame, context: _Context,
           makers: frozenset[str] = frozenset()) -> Iterator[_Pair]:
    """(supplier, recipient, rules) triples: the best-ranked of each side, never the same state on both;
    both directions for exchanges. ``makers``: the states that make the clause's known weapons."""
    if frame.both_directions:
        sides = _distinct(roles.parties)
        if len(sides) < 2:
            sides = _distinct(sides + [p for _, p in roles.supplier + roles.recipient])
        if len(sides) < 2:
            # «تبادل شحنات أسلحة» with no parties in the clause: the two states the text has been about.
            for mention, state in context.states_before(weapon.mention.start, weapon.mention.sentence):
                sides = _distinct(sides + [_Party(mention, state, -1, -1)])
                if len(sides) == 2:
                    break
        if len(sides) < 2:
            return
        a, b = sides[0], sides[1]
        yield a.mention, b.mention, ("exchange-both-directions",)
        yield b.mention, a.mention, ("exchange-both-directions",)
        return
    # The pair of distinct states with the best (lowest) ranks together. A transfer names both sides: a
    # sentence that names one only («تسلمت أوكرانيا مقاتلات إف-16») states no transfer between states.
    options = [(s_rank + r_rank, r_rank, s_party, r_party)
               for s_rank, s_party in roles.supplier for r_rank, r_party in roles.recipient
               if s_party.state != r_party.state]
    if not options:
        return
    _, _, supplier, recipient = min(options, key=lambda o: (o[0], o[1]))
    rules: tuple[str, ...] = (f"supplier-from-{supplier.rule}", f"recipient-from-{recipient.rule}")
    sides_only = supplier.rule == recipient.rule == "agreement-partner"
    if sides_only and not makers & {supplier.state, recipient.state}:
        return  # «أبرمت فرنسا صفقة دبابات مع الهند»: two sides, and nothing says which one sells
    if recipient.state in makers and recipient.rule in ("subject", "object", "agreement-partner"):
        # «وتسليم مصر … طائرات إف-16» after «الولايات المتحدة»: read by word order alone, a state does not
        # receive what it makes from another; a preposition («إلى ألمانيا») is believed, resale happens
        supplier, recipient = recipient, supplier
        rules = ("direction-from-maker", f"supplier-from-{supplier.rule}", f"recipient-from-{recipient.rule}")
    givers = [supplier, *supplier.conjuncts]
    maker = _maker_of(weapon, context)
    if len(givers) > 1 and maker in {g.state for g in givers}:
        # «الرافال … والاف-16 … التي تسلمتها مصر من فرنسا والولايات المتحدة»: each from its maker
        givers = [g for g in givers if g.state == maker]
        rules = (*rules, "supplier-by-maker")
    for giver in givers:
        for taker in [recipient, *recipient.conjuncts]:
            if giver.state != taker.state:
                yield giver.mention, taker.mention, rules


def _armed_group_taker(event: _Event, end: int, tokens: list[Token], context: _Context) -> bool:
    """The cue gives to armed people who are no state: its object pronoun «هم» with such a noun before it in
    the sentence («الانفصاليين … صواريخ بوك التي تزودهم بها روسيا»), or such a noun in its clause, bare or
    after «لـ», «إلى» («بتسليح المتمردين», «زودت الإرهابيين بالسلاح»)."""
    lexicon = context.lexicon

    def armed(token: Token) -> bool:  # «المتمردين», «للمسلحين», «والميليشيات»; «الحوثيين», «لحزب الله»
        return any(a.stem.removeprefix("ال") in lexicon.armed_groups for a in _readings(token, lexicon)) or (
            context.armed_group_at(token))

    if event.hit.analysis.enclitic in lexicon.personal_plural:
        return any(armed(t) for t in tokens[: event.hit.first])
    if event.hit.analysis.enclitic in lexicon.third_person:
        # «لفصيلين معتدلين أحدهما (حركة حزم) …، وزودته واشنطن بصواريخ «تاو»»: «ه» takes up the faction
        # just named, when no state could be it (the caller asks only then)
        before = tokens[max(0, event.hit.first - ARMED_OBJECT_REACH * 4): event.hit.first]
        return any(armed(t) for t in before)
    for token in tokens[event.last + 1: end + 1]:
        previous = tokens[token.position - 1]
        # «ضد المتمردين», «من المسلحين»: against them or from them, not to them; a bare noun is the cue's
        # object only right after it («زودت روسيا الانفصاليين»), not one of a later phrase («مواقع المتمردين»)
        if not armed(token):
            continue
        to_them = previous.key == _TO or (token.clitic_preposition and fold(token.words[0].text) == "ل")
        if to_them or (previous.main.upos != "ADP" and token.position - event.last <= ARMED_OBJECT_REACH):
            return True
    return False


def _to_armed_group(roles: _Roles) -> Iterator[_Pair]:
    """A supplier read from the clause giving to armed people who are no state: a transfer with no recipient
    (ANNOTATION.md: recipient null)."""
    if roles.recipient or not roles.supplier:
        return
    rank, supplier = min(roles.supplier, key=lambda r: r[0])
    if rank <= ROLE_RULES["preposition"].rank:
        yield supplier.mention, None, (f"supplier-from-{supplier.rule}", "recipient-armed-group")


def _to_no_state(roles: _Roles, anchors: list[int], tokens: list[Token]) -> Iterator[_Pair]:
    """«تهريب أسلحة من إيران», «أسلحة إيرانية مهربة»: smuggled weapons come from the state the clause names
    for them (a nisba on the weapon, or «من» right after the cue or a weapon, an adjective at most between:
    «في شاحنة قادمة من الأردن» is where the truck came from) and go to no state (recipient null)."""
    if not roles.supplier:
        return
    rank, supplier = min(roles.supplier, key=lambda r: r[0])
    if supplier.rule == "preposition" and not any(_from_right_after(a, supplier, tokens) for a in anchors):
        return
    if supplier.rule == "weapon-nisba" and not any(0 < supplier.first - a <= 2 for a in anchors):
        return  # «تهريب 7983 قطعة سلاح إلى الأراضي المصرية»: the nisba is on the land, not the weapon
    if rank <= ROLE_RULES["weapon-nisba"].rank + _ROLE_OFFSETS[ORIGIN][1]:
        yield supplier.mention, None, (f"supplier-from-{supplier.rule}", "recipient-smuggled")


def _from_origin(roles: _Roles, anchors: list[int], clause: _Clause) -> Iterator[_Pair]:
    """«نقل المواد المتفجرة والأسلحة من قوارب إيرانية»: a clause that names no recipient but the weapons'
    origin, «من» right after a weapon (``anchors``: the weapons' last tokens), states a transfer from it to an
    unnamed recipient (ANNOTATION.md: recipient null). «الأسلحة التي وصلت من السعودية» says where they came
    from, not that no one got them: the side they went to is often told elsewhere."""
    if roles.recipient or not roles.supplier:
        return
    _, supplier = min(roles.supplier, key=lambda r: r[0])
    if any(p.state != supplier.state for p in clause.parties):
        return  # another state in the sentence may be the recipient the roles missed
    if supplier.rule == "preposition" and any(_from_right_after(a, supplier, clause.tokens) for a in anchors):
        yield supplier.mention, None, ("supplier-from-preposition", "recipient-unnamed")


def _from_smuggling_story(context: _Context) -> Iterator[_Pair]:
    """«وتبين احتواؤها على المضبوطات التالية: …»: seized weapons are the foiled shipment of the smuggling the
    document told before, from the state it named as their origin, to no state; with no such story, none."""
    if context.smuggled_from is not None:
        yield context.smuggled_from, None, ("supplier-from-smuggling-story", "recipient-smuggled")


def _from_right_after(anchor: int, party: _Party, tokens: list[Token]) -> bool:
    """Whether «من» and the party follow the token at ``anchor``, an adjective at most between; a nisba
    party with the noun it qualifies («الأسلحة من قوارب إيرانية»: where they came from)."""
    preposition = party.first - (2 if party.mention.via == Via.NISBA else 1)
    between = tokens[anchor + 1: preposition]
    return (preposition > anchor and tokens[preposition].key == "من" and len(between) <= 1
            and all(t.main.upos == "ADJ" for t in between))


def _maker_of(weapon: _Weapon, context: _Context) -> str | None:
    """The state that makes a known system (kg:producedBy), or None."""
    entry = context.gazetteer.entry(weapon.mention.known_id) if weapon.mention.known_id else None
    return entry.produced_by if entry else None


def _distinct(parties: list[_Party]) -> list[_Party]:
    seen: set[str] = set()
    result = []
    for party in parties:
        if party.state not in seen:
            seen.add(party.state)
            result.append(party)
    return result
