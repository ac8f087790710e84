"""The gazetteer: Turtle data → lookups. No model needed."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from babel import Locale

from kg.errors import GazetteerError, KgError
from kg.gazetteer import ONTOLOGIES, load_gazetteer
from kg.records import ENTITY_KINDS, PERSON, PLACE, STATE, WEAPON

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def _make_states_module():
    spec = importlib.util.spec_from_file_location("make_states", PROJECT_ROOT / "scripts" / "make_states.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _without_comments(turtle: str) -> list[str]:
    return [line for line in turtle.splitlines() if not line.startswith("#")]


def test_states_ttl_is_what_the_generator_writes_from_cldr():
    """The data, not the header: the header names the CLDR release, which a babel patch release may bump
    without changing one name."""
    module = _make_states_module()
    written = (ONTOLOGIES / "states.ttl").read_text(encoding="utf-8")
    assert _without_comments(written) == _without_comments(module.render(module.state_records()))


def test_every_state_has_its_cldr_arabic_name(gazetteer):
    arabic = Locale("ar").territories
    states = gazetteer.of_kind(STATE)
    assert len(states) >= 195
    for code in ("BY", "RU", "UA", "US", "IR", "KP", "KZ", "SA", "EG", "VE"):
        assert gazetteer.lookup(arabic[code]), code


def test_wikidata_ids_are_well_formed_and_unique(gazetteer):
    ids = [e.wikidata for e in gazetteer.entries.values() if e.wikidata]
    assert len(ids) >= 120
    assert all(re.fullmatch(r"Q[1-9][0-9]*", q) for q in ids)
    assert len(ids) == len(set(ids))
    assert gazetteer.entry("belarus").wikidata == "Q184"
    assert gazetteer.entry("russia").wikidata == "Q159"


@pytest.mark.parametrize(
    ("name", "entity_id"),
    [
        ("بيلاروسيا", "belarus"),
        ("بيلاروس", "belarus"),
        ("روسيا البيضاء", "belarus"),
        ("بيلا روسيا", "belarus"),
        ("روسيا", "russia"),
        ("الاتحاد الروسي", "russia"),
        ("أمريكا", "united-states"),
        ("الولايات المتحدة الأميركية", "united-states"),
        ("بريطانيا", "united-kingdom"),
        ("إس -400", "s-400"),
        ("اس400", "s-400"),
        ("S-400", "s-400"),
        ("إس - ٤٠٠", "s-400"),
        ("إسكندر", "iskander"),
        ("F-16", "f-16"),
        ("إف-16", "f-16"),
        ("بيرقدار", "bayraktar-tb2"),
        ("الصواريخ الباليستية", "ballistic-missile"),
        ("صواريخ باليستية", "ballistic-missile"),
        ("الأسلحة النووية التكتيكية", "tactical-nuclear-weapon"),
        ("طائرات مسيّرة", "drone"),
        ("الطائرات المسيرة", "drone"),
        ("أنظمة الدفاع الجوي", "air-defence-system"),
        ("حلف شمال الأطلسي", "nato"),
        ("الناتو", "nato"),
        ("وكالة أنباء بيلتا", "belta"),
        ("روسكوزموس", "roscosmos"),
        ("وزارة الدفاع الروسية", "russian-ministry-of-defence"),
        ("فلاديمير بوتين", "vladimir-putin"),
        ("لوكاشنكو", "alexander-lukashenko"),
        ("الكرملين", "kremlin"),
        ("البيت الأبيض", "white-house"),
    ],
)
def test_names_and_spellings(gazetteer, name, entity_id):
    assert gazetteer.lookup(name) == (entity_id,)


@pytest.mark.parametrize("word", ["الرئيس", "قال", "مينسكي", "الصاروخي", "دولة"])
def test_common_words_are_not_names(gazetteer, word):
    assert gazetteer.lookup(word) == ()


@pytest.mark.parametrize(
    ("words", "state"),
    [
        (("البيلاروسي",), "belarus"),
        (("البيلاروسية",), "belarus"),
        (("بيلاروسيين",), "belarus"),
        (("الروسي",), "russia"),
        (("الروسية",), "russia"),
        (("الروسيين",), "russia"),
        (("الروس",), "russia"),
        (("والروس",), "russia"),
        (("الأمريكيون",), "united-states"),
        (("الأميركية",), "united-states"),
        (("ألماني",), "germany"),
        (("الألمانية",), "germany"),
        (("الإسرائيلي",), "israel"),
        (("الإيرانية",), "iran"),
        (("الأتراك",), "turkey"),
        (("الكوري", "الشمالي"), "north-korea"),
        (("الكورية", "الجنوبية"), "south-korea"),
    ],
)
def test_demonyms_of_any_gender_and_number(gazetteer, words, state):
    assert gazetteer.demonym_state(*words) == state


@pytest.mark.parametrize("word", ["الحكومية", "ترك", "المالي", "رئيسي", "العسكري", "روسيا", "الشمالي"])
def test_adjectives_that_are_no_demonym(gazetteer, word):
    assert gazetteer.demonym_state(word) is None


@pytest.mark.parametrize(
    ("place", "state"),
    [("moscow", "russia"), ("kremlin", "russia"), ("minsk", "belarus"), ("kyiv", "ukraine"),
     ("white-house", "united-states"), ("beijing", "china"), ("tehran", "iran"),
     ("washington", "united-states")],
)
def test_capitals_stand_for_their_state(gazetteer, place, state):
    assert gazetteer.entry(place).kind == PLACE
    assert gazetteer.stands_for(place) == state


@pytest.mark.parametrize(
    ("role", "jurisdiction", "day", "holder"),
    [
        ("role-president", "russia", None, "vladimir-putin"),
        ("role-president", "belarus", "2023-05-26", "alexander-lukashenko"),
        ("role-leader", "belarus", None, "alexander-lukashenko"),
        ("role-defence-minister", "russia", "2023-05-26", "sergei-shoigu"),
        ("role-defence-minister", "russia", "2024-05-24", "andrei-belousov"),
        ("role-president", "united-states", "2022-12-19", "joe-biden"),
        ("role-president", "united-states", "2025-03-01", "donald-trump"),
        ("role-spokesperson", "kremlin", None, "dmitry-peskov"),
        ("role-secretary-general", "nato", "2025-01-23", "mark-rutte"),
        ("role-president", "united-states", "1990-01-01", None),
        ("role-president", "belarus-x", None, None),
    ],
)
def test_post_holders_by_date(gazetteer, role, jurisdiction, day, holder):
    assert gazetteer.holder(role, jurisdiction, day) == holder


@pytest.mark.parametrize(
    ("phrase", "role"),
    [("الرئيس", "role-president"), ("رئيس", "role-president"), ("وزير الدفاع", "role-defence-minister"),
     ("وزير الخارجية", "role-foreign-minister"), ("الناطق باسم", "role-spokesperson"),
     ("رئيس الدولة", "role-head-of-state"), ("الزعيم", "role-leader"), ("السفير", "role-ambassador"),
     ("الأمين العام", "role-secretary-general"), ("قال", None), ("الدفاع", None)],
)
def test_role_nouns(gazetteer, phrase, role):
    assert gazetteer.role_of(phrase) == role


def test_every_weapon_has_a_category_of_the_scheme(gazetteer):
    weapons = gazetteer.of_kind(WEAPON)
    assert len(weapons) >= 60
    for weapon in weapons:
        assert weapon.category in gazetteer.categories, weapon.entity_id
    expected = {"category-air-defence-system", "category-missile", "category-aircraft", "category-drone",
                "category-armoured-vehicle", "category-artillery", "category-ship", "category-nuclear-weapon",
                "category-small-arms"}
    assert expected <= set(gazetteer.categories)
    assert gazetteer.categories["category-drone"].broader == "category-aircraft"
    assert gazetteer.category_of("s-400") == "category-air-defence-system"
    assert gazetteer.category_of("iskander") == "category-missile"
    assert gazetteer.entry("drone").generic and not gazetteer.entry("s-400").generic


def test_every_entry_has_an_arabic_label_and_a_kind(gazetteer):
    for entry in gazetteer.entries.values():
        assert entry.kind in ENTITY_KINDS
        assert re.search("[\u0600-\u06ff]", entry.label_ar), entry.entity_id


def test_people_have_posts(gazetteer):
    assert gazetteer.entry("alexander-lukashenko").kind == PERSON
    assert gazetteer.holds("vladimir-putin", "role-president")
    assert not gazetteer.holds("vladimir-putin", "role-defence-minister")


def test_a_users_file_extends_the_gazetteer(tmp_path):
    extra = tmp_path / "mine.ttl"
    extra.write_text(
        """@prefix kg: <https://w3id.org/kg-ar/ontology#> .
@prefix kgr: <https://w3id.org/kg-ar/resource/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
kgr:barak-8 a kg:Weapon ; rdfs:label "باراك-8"@ar, "Barak 8"@en ;
    kg:category kgr:category-air-defence-system .
kgr:belarus skos:altLabel "بلاروس"@ar .
""",
        encoding="utf-8",
    )
    extended = load_gazetteer([extra])
    assert extended.lookup("باراك 8") == ("barak-8",)
    assert extended.lookup("بلاروس") == ("belarus",)
    assert load_gazetteer().lookup("باراك 8") == ()


def test_unreadable_files_raise_a_named_error(tmp_path):
    with pytest.raises(GazetteerError, match="not found"):
        load_gazetteer([tmp_path / "missing.ttl"])
    broken = tmp_path / "broken.ttl"
    broken.write_text("kgr:x a kg:Weapon ;;; .", encoding="utf-8")
    with pytest.raises(GazetteerError, match="not valid Turtle"):
        load_gazetteer([broken])
    assert issubclass(GazetteerError, KgError)


def test_a_weapon_without_category_is_refused(tmp_path):
    extra = tmp_path / "nocat.ttl"
    extra.write_text(
        """@prefix kg: <https://w3id.org/kg-ar/ontology#> .
@prefix kgr: <https://w3id.org/kg-ar/resource/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
kgr:mystery a kg:Weapon ; rdfs:label "سلاح غامض"@ar .
""",
        encoding="utf-8",
    )
    with pytest.raises(GazetteerError, match="category"):
        load_gazetteer([extra])


@pytest.mark.parametrize(
    ("name", "entity_id"),
    [
        ("الصواريخ المضادة للدبابات", "anti-tank-missile"),  # «للدبابات» is already definite
        ("الطائرات من دون طيار", "drone"),  # the prepositional phrase keeps its form
        ("قذيفة مدفعية", "ammunition"),  # munitions, not artillery
        ("المروحيات", "helicopter"),
        ("ميراج 2000", "mirage-2000"),
        ("تي بي2", "bayraktar-tb2"),
        ("تي بي 2", "bayraktar-tb2"),
        ("جيه-10 سي", "j-10c"),
        ("حيتس 3", "arrow-3"),
        ("تو-22 إم 3", "tu-22m3"),
        ("وكالة التعاون الأمني الدفاعي الأمريكية", "dsca"),
    ],
)
def test_more_weapon_and_body_names(gazetteer, name, entity_id):
    assert gazetteer.lookup(name) == (entity_id,)


def test_helicopters_are_aircraft(gazetteer):
    assert gazetteer.category_of("apache") == gazetteer.category_of("helicopter") == "category-helicopter"
    assert gazetteer.categories["category-helicopter"].broader == "category-aircraft"


def test_system_nouns_give_categories_and_letters_are_known(gazetteer):
    assert gazetteer.noun_categories["طايرات"] == "category-aircraft"
    assert gazetteer.noun_categories["مروحيه"] == "category-helicopter"
    assert "منظومه" in gazetteer.system_nouns and "منظومه" not in gazetteer.noun_categories
    assert {"ام", "اكس", "سي"} <= gazetteer.designation_letters


def test_homographs_of_generic_phrases_hold_with_the_article(gazetteer):
    assert gazetteer.is_homograph("drone", "المسيره") and gazetteer.is_homograph("drone", "مسيره")
    assert not gazetteer.is_homograph("drone", "المسيرات")


@pytest.mark.parametrize(
    ("body", "state", "entity_id", "label"),
    [
        ("ministry-of-defence", "india", "ministry-of-defence-india", "وزارة الدفاع الهندية"),
        ("armed-forces", "poland", "armed-forces-poland", "الجيش البولندي"),
        ("navy", "china", "navy-china", "البحرية الصينية"),
        ("government", "japan", "government-japan", "الحكومة اليابانية"),
        ("ministry-of-defence", "united-states", "pentagon", "البنتاغون"),  # listed by name
        ("presidency", "russia", "kremlin", "الكرملين"),
    ],
)
def test_a_body_of_a_state_has_one_id(gazetteer, body, state, entity_id, label):
    assert gazetteer.body_id(body, state) == entity_id
    assert gazetteer.entry(entity_id).label_ar == label


def test_body_labels_carry_their_gender_and_ellipsis(gazetteer):
    assert gazetteer.body_labels["وزاره الدفاع"].feminine
    assert not gazetteer.body_labels["الجيش"].feminine
    assert gazetteer.body_labels["القوات المسلحه"].feminine  # a plural of things takes the feminine
    elliptical = gazetteer.body_labels["الدفاع"]
    assert elliptical.elliptical and elliptical.feminine  # «الدفاع الروسية»: the ministry's gender
    assert gazetteer.bodies["embassy"].seat_abroad and not gazetteer.bodies["government"].seat_abroad


def test_unnamed_sources_and_name_particles(gazetteer):
    assert gazetteer.unnamed_sources["مصدر"] == PERSON
    assert gazetteer.unnamed_sources["تقارير"] == "Organization"
    assert {"بن", "ابو", "عبد"} <= gazetteer.name_particles


def test_a_users_file_adds_a_kind_of_body(tmp_path):
    extra = tmp_path / "bodies.ttl"
    extra.write_text(
        """@prefix kg: <https://w3id.org/kg-ar/ontology#> .
@prefix kgr: <https://w3id.org/kg-ar/resource/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
kgr:body-coast-guard a skos:Concept ; skos:inScheme kg:Bodies ;
    skos:prefLabel "خفر السواحل"@ar, "Coast Guard"@en .
""",
        encoding="utf-8",
    )
    extended = load_gazetteer([extra])
    assert extended.body_id("coast-guard", "japan") == "coast-guard-japan"
    assert extended.entry("coast-guard-japan").label_ar == "خفر السواحل الياباني"
    assert load_gazetteer().entry("coast-guard-japan") is None


def test_the_example_gazetteer_of_the_docs_adds_what_it_says():
    example = ONTOLOGIES.parent / "docs" / "example-gazetteer.ttl"
    gazetteer = load_gazetteer([example])
    assert gazetteer.lookup("ماكسيم ريجينكوف") == gazetteer.lookup("ريجينكوف") == ("maxim-ryzhenkov",)
    assert gazetteer.holder("role-foreign-minister", "belarus", "2024-09-01") == "maxim-ryzhenkov"
    assert gazetteer.entry("polonez").kind == WEAPON
    assert gazetteer.category_of("polonez") == "category-artillery"
    assert gazetteer.lookup("روسيا البيضا") == ("belarus",)
    assert gazetteer.lookup("الاتحاد الأوراسي") == ("eurasian-economic-union",)
    assert load_gazetteer().lookup("ريجينكوف") == ()  # only when the file is given
