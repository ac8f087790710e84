"""Which state a mention stands for: the one place both the transfer extractor and the resolver ask.

A state acts through many words: its name, its capital or seat of power («موسكو», «الكرملين»), a body of it
(«الجيش البولندي», «وزارة الخارجية الأمريكية»), a person through the state of their post or role («الرئيس
البيلاروسي»). Each of these is a small rule below, and two readings are made of them:

- ``state_of_mention``: what the graph says (kg:supplier, kg:recipient), from the mention and the gazetteer
  alone. An unnamed source speaks for no state here; a body the gazetteer knows stands for its state.
- ``acting_state``: what the extractor reads in a document while it picks a transfer's parties. It also
  takes a state named by no known id at its match key, a person's post on the document's date first, a
  nisba or a role next to the person in the same document, and refuses a company's or outlet's country
  («شركة بايكار التركية»); it does not read a body's state from the gazetteer (the resolver does, later).

The two differ in those points only; keeping them apart keeps each stage's output as it is.
Earlier stages import this module, and it imports no stage.
"""

from __future__ import annotations

from collections.abc import Callable

from kg.gazetteer import Gazetteer
from kg.normalizing import match_key
from kg.records import ORGANIZATION, PERSON, PLACE, STATE, Mention, Via


def is_state(gazetteer: Gazetteer | None, entity_id: str | None) -> bool:
    """Whether a gazetteer id is a state's."""
    entry = gazetteer.entry(entity_id) if gazetteer is not None else None
    return entry is not None and entry.kind == STATE


def state_group(mention: Mention, gazetteer: Gazetteer | None) -> str | None:
    """The gazetteer id of the alliance or coalition of states a mention names («التحالف العربي»), if any:
    a party of a transfer of its own."""
    entry = gazetteer.entry(mention.known_id) if gazetteer is not None and mention.known_id else None
    return entry.entity_id if entry is not None and entry.group_of_states else None


def named_state(mention: Mention) -> str | None:
    """A state mention's own state: its gazetteer id, else the state it is tied to."""
    return mention.known_id or mention.affiliation if mention.kind == STATE else None


def affiliated_state(mention: Mention, gazetteer: Gazetteer | None) -> str | None:
    """The state a role, a nisba or a body's name ties the mention to, when that is a state."""
    return mention.affiliation if is_state(gazetteer, mention.affiliation) else None


def post_state(person_id: str | None, gazetteer: Gazetteer | None, on: str | None = None) -> str | None:
    """The state of a known person's post: on the date given first (when one is), else of any term."""
    if not person_id or gazetteer is None:
        return None
    posts = (gazetteer.posts_of(person_id, on) if on is not None else []) or gazetteer.posts_of(person_id)
    return next((post.jurisdiction for post in posts if is_state(gazetteer, post.jurisdiction)), None)


def _out_of_office(person_id: str | None, gazetteer: Gazetteer | None, day: str | None) -> bool:
    """Whether every post the gazetteer gives a known person ended before ``day``: a former holder."""
    if not (person_id and day and gazetteer is not None):
        return False
    posts = gazetteer.posts_of(person_id)
    return bool(posts) and all(post.until is not None and post.until <= day for post in posts)


def represented_state(mention: Mention, gazetteer: Gazetteer | None) -> str | None | bool:
    """The state a capital, seat of power or body stands for by the gazetteer; False when the gazetteer
    says it stands for something that is no state, None when it says nothing."""
    known = gazetteer.entry(mention.known_id) if gazetteer is not None else None
    if known is None or not (known.stands_for or known.body_of):
        return None
    state = known.stands_for or known.body_of
    return state if is_state(gazetteer, state) else False


def state_of_mention(mention: Mention, gazetteer: Gazetteer | None) -> str | None:
    """The gazetteer id of the state a mention stands for when it acts for one (see the module's first
    reading), whether or not that state has a node yet."""
    if mention.via == Via.ANONYMOUS:
        return None
    if mention.kind == STATE:
        return named_state(mention)
    if mention.kind == ORGANIZATION and state_group(mention, gazetteer):
        return mention.known_id
    represented = represented_state(mention, gazetteer)
    if represented is not None:
        return represented or None
    if mention.kind in (ORGANIZATION, PERSON):
        state = affiliated_state(mention, gazetteer)
        if state is not None:
            return state
    return post_state(mention.known_id, gazetteer) if mention.kind == PERSON else None


def acting_state(mention: Mention, gazetteer: Gazetteer, *, date: str | None,
                 beside: Callable[[Mention], str | None], is_company: Callable[[Mention], bool]
                 ) -> str | None:
    """The state a mention stands for as the extractor reads it in a document (the module's second
    reading). ``beside`` gives the state a nisba or role next to a person says; ``is_company`` whether an
    organisation's head noun makes it no body of a state («شركة»)."""
    if mention.kind == STATE:
        return named_state(mention) or match_key(mention.text)
    if mention.kind == PLACE:
        stands_for = gazetteer.stands_for(mention.known_id)
        if stands_for and is_state(gazetteer, stands_for):
            return stands_for
        return affiliated_state(mention, gazetteer) if mention.via == Via.CAPITAL else None
    if mention.kind == PERSON:
        if _out_of_office(mention.known_id, gazetteer, date):
            return None  # «أتباع الرئيس المخلوع علي عبد الله صالح» in 2015: he acts for Yemen no more
        return (affiliated_state(mention, gazetteer) or post_state(mention.known_id, gazetteer, date)
                or beside(mention))
    if mention.kind == ORGANIZATION and state_group(mention, gazetteer):
        return mention.known_id
    if mention.kind == ORGANIZATION and affiliated_state(mention, gazetteer) and not is_company(mention):
        return mention.affiliation
    return None
