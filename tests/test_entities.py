"""Entity mentions on single sentences, through the real Stanza models (tests/conftest.py's ``annotate``)."""

from __future__ import annotations

import pytest

from kg.extracting.entities import extract_mentions
from kg.gazetteer import load_gazetteer
from kg.normalizing import match_key
from kg.records import ORGANIZATION, PERSON, PLACE, STATE, WEAPON


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.fixture
def mentions_of(annotate, gazetteer):
    def run(text: str):
        annotated = annotate(text)
        found = list(extract_mentions(annotated, gazetteer))
        for mention in found:
            assert annotated.document.text[mention.start:mention.end] == mention.text
        return found

    return run


def facts(mentions) -> set[tuple[str, str, str]]:
    """(kind, gazetteer id or folded name, via) of each mention."""
    return {(m.kind, m.known_id or match_key(m.name or m.text), m.via) for m in mentions}


POSITIVES = [
    # role phrase + appositive name, weapon after a system noun, a state
    ("قال الرئيس الأوكراني فولوديمير زيلينسكي إن بلاده تسلمت منظومات باتريوت من الولايات المتحدة.",
     {(PERSON, "volodymyr-zelensky", "role"), (PERSON, "volodymyr-zelensky", "name"),
      (WEAPON, "patriot", "name"), (STATE, "united-states", "name")}),
    # a ministry, a generic weapon phrase, a nisba alone, a capital
    ("أعلنت وزارة الدفاع الروسية أن قواتها أسقطت طائرات مسيرة أوكرانية فوق موسكو.",
     {(ORGANIZATION, "russian-ministry-of-defence", "name"), (WEAPON, "drone", "generic"),
      (STATE, "ukraine", "nisba"), (PLACE, "moscow", "capital")}),
    ("وأكد المتحدث باسم الكرملين دميتري بيسكوف أن موسكو لن تسلم صواريخ إس-400 إلى إيران.",
     {(PERSON, "dmitry-peskov", "role"), (PERSON, "dmitry-peskov", "name"), (PLACE, "moscow", "capital"),
      (WEAPON, "s-400", "name"), (STATE, "iran", "name")}),
    ("ذكرت وكالة رويترز أن كوريا الشمالية زودت روسيا بقذائف مدفعية وصواريخ باليستية.",
     {(ORGANIZATION, "reuters", "name"), (STATE, "north-korea", "name"), (STATE, "russia", "name"),
      (WEAPON, "ammunition", "generic"), (WEAPON, "ballistic-missile", "generic")}),
    ("وصل وزير الخارجية الإيراني عباس عراقجي إلى بكين في زيارة رسمية.",
     {(PERSON, "abbas-araghchi", "role"), (PERSON, "abbas-araghchi", "name"), (PLACE, "beijing", "capital")}),
    # a two-word nisba after a role, resolved to the gazetteer's holder
    ("التقى الزعيم الكوري الشمالي بالرئيس الروسي في بيونغ يانغ.",
     {(PERSON, "kim-jong-un", "role"), (PERSON, "vladimir-putin", "role"), (PLACE, "pyongyang", "capital")}),
    ("نشرت بيلاروسيا أسلحة نووية تكتيكية روسية على أراضيها.",
     {(STATE, "belarus", "name"), (WEAPON, "tactical-nuclear-weapon", "generic"),
      (STATE, "russia", "nisba")}),
    # «نظيره الأوكراني»: the holder of the same post in the state named
    ("استقبل الرئيس التركي رجب طيب أردوغان نظيره الأوكراني في أنقرة.",
     {(PERSON, "recep-tayyip-erdogan", "role"), (PERSON, "volodymyr-zelensky", "role"),
      (PLACE, "ankara", "capital")}),
    ("قال رئيس الوزراء الإسرائيلي إن تل أبيب تلقت منظومة ثاد الأمريكية.",
     {(PERSON, "benjamin-netanyahu", "role"), (PLACE, "tel-aviv", "capital"), (WEAPON, "thaad", "name"),
      (STATE, "united-states", "nisba")}),
    # clitics: و، ب، ال
    ("اجتمع ممثلو بيلاروسيا وروسيا بالكرملين، وقال لوكاشينكو إن مينسك وموسكو متفقتان.",
     {(STATE, "belarus", "name"), (STATE, "russia", "name"), (PLACE, "kremlin", "capital"),
      (PERSON, "alexander-lukashenko", "name"), (PLACE, "minsk", "capital"), (PLACE, "moscow", "capital")}),
    ("قالت روسيا البيضاء إنها تسلمت عدة كتائب من أنظمة إسكندر وطائرات سوخوي-35.",
     {(STATE, "belarus", "name"), (WEAPON, "iskander", "name"), (WEAPON, "su-35", "name")}),
    ("وتعتزم بولندا شراء مقاتلات إف-35 وراجمات صواريخ هيمارس من واشنطن.",
     {(STATE, "poland", "name"), (WEAPON, "f-35", "name"), (WEAPON, "himars", "name"),
      (PLACE, "washington", "capital")}),
    # the body a role belongs to is part of the role phrase (its affiliation), not a mention of its own
    ("وقال الأمين العام لحلف الناتو مارك روته إن الحلف سيزيد الإنفاق.",
     {(PERSON, "mark-rutte", "role"), (PERSON, "mark-rutte", "name")}),
]


@pytest.mark.parametrize(("sentence", "expected"), POSITIVES)
def test_mentions(mentions_of, sentence, expected):
    found = facts(mentions_of(sentence))
    assert expected <= found, expected - found


def test_mention_spans_drop_conjunction_and_preposition_clitics(mentions_of):
    texts = {m.known_id: m.text for m in mentions_of("اجتمع ممثلو بيلاروسيا وروسيا بالكرملين وفي مينسك.")}
    assert texts["russia"] == "روسيا"
    assert texts["kremlin"] == "الكرملين"
    assert texts["minsk"] == "مينسك"


def test_designations_match_however_spaced(mentions_of):
    found = mentions_of("نشرت روسيا منظومات إس -400 ثم منظومات اس400 وأخيرا S-400 في بيلاروسيا.")
    assert [m.known_id for m in found if m.kind == WEAPON] == ["s-400", "s-400", "s-400"]


def test_unknown_designation_after_a_system_noun_is_a_weapon(mentions_of):
    found = mentions_of("تسلم الجيش الهندي منظومة باراك-8 من إسرائيل.")
    weapons = [m for m in found if m.kind == WEAPON]
    assert [match_key(m.text) for m in weapons] == [match_key("باراك-8")]
    assert weapons[0].known_id is None


def test_role_resolves_to_the_person_the_document_named_in_it(mentions_of):
    found = mentions_of(
        "قال وزير الدفاع المجري كريستوف سالاي بوبروفنيتسكي إن بلاده لن ترسل أسلحة.\n"
        "وأضاف وزير الدفاع المجري أن بودابست تريد السلام."
    )
    roles = [m for m in found if m.via == "role"]
    assert len(roles) == 2
    assert roles[0].name and roles[0].name == roles[1].name
    assert roles[1].affiliation == "hungary"


def test_head_of_state_without_a_state_is_the_most_named_holder(mentions_of):
    found = mentions_of(
        "قال الرئيس البيلاروسي ألكسندر لوكاشينكو إن بلاده ستشتري أسلحة. وأكد لوكاشينكو أن بوتين وافق.\n"
        "وقال رئيس الدولة إن الجيش مستعد."
    )
    head = [m for m in found if m.text == "رئيس الدولة"]
    assert head and head[0].known_id == "alexander-lukashenko"


def test_dated_document_picks_the_holder_of_the_day(annotator, gazetteer):
    from kg.cleaning import content_hash
    from kg.records import Document

    text = "قال وزير الدفاع الروسي إن القوات مستعدة."
    for day, holder in (("2023-05-26", "sergei-shoigu"), ("2024-06-01", "andrei-belousov")):
        document = Document(content_hash(text), text, ("t.txt",), date=day)
        annotated = next(iter(annotator.annotate([document])))
        roles = [m for m in extract_mentions(annotated, gazetteer) if m.via == "role"]
        assert [m.known_id for m in roles] == [holder]


def test_ner_names_outside_the_gazetteer_are_typed_from_ner(mentions_of):
    found = mentions_of("وقال وزير الخارجية المجري بيتر سيارتو في مؤتمر صحفي إن بودابست ترفض ذلك.")
    people = [m for m in found if m.kind == PERSON and m.via == "ner"]
    assert [match_key(m.text) for m in people] == [match_key("بيتر سيارتو")]
    assert (PLACE, "budapest", "capital") in facts(found)


def test_a_weapon_name_is_a_weapon_whatever_ner_says(mentions_of):
    found = mentions_of("قال إسكندر إن صواريخ إسكندر وصلت.")
    assert [m.known_id for m in found if m.kind == WEAPON].count("iskander") >= 1
    assert not [m for m in found if m.kind == PERSON and "اسكندر" in match_key(m.text)]


NEGATIVES = [
    ("كيف يمكن أن نفهم هذا القرار؟", {PLACE, STATE, PERSON, WEAPON}),
    ("قدمت الحكومة دعما ماليا للمزارعين في الريف.", {STATE}),
    ("شاهد الملايين المباراة على التلفزيون مساء أمس.", {WEAPON}),
    ("قال رئيس الشركة إن الأرباح ارتفعت هذا العام.", {PERSON}),
    ("ترك الموظف عمله بسبب السيول التي ضربت المدينة.", {STATE, PLACE}),
    ("أعلن المدير التنفيذي عن منتج جديد في السوق.", {PERSON, STATE}),
    ("وقال الوزير إن الاجتماع كان مثمرا.", {PERSON}),
]


@pytest.mark.parametrize(("sentence", "kinds"), NEGATIVES)
def test_no_mentions(mentions_of, sentence, kinds):
    found = [m for m in mentions_of(sentence) if m.kind in kinds]
    assert found == []
