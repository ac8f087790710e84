"""Entity mentions on single sentences, through the real Stanza models (tests/conftest.py's ``annotate``)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kg.extracting.entities import extract_mentions
from kg.gazetteer import load_gazetteer
from kg.normalizing import match_key
from kg.records import ORGANIZATION, PERSON, PLACE, STATE, WEAPON


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


# The sentences are today's news: a role resolves to whoever holds it on this date (undated, it stays a role).
NEWS_DATE = "2025-06-01"


def dated(annotated, date: str = NEWS_DATE):
    return replace(annotated, document=replace(annotated.document, date=date))


@pytest.fixture
def mentions_of(annotate, gazetteer):
    def run(text: str):
        annotated = dated(annotate(text))
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


# ---- bodies of states ------------------------------------------------------------------------------------

def bodies(mentions) -> set[tuple[str, str | None]]:
    """(gazetteer or body id, else the folded name; affiliation) of each organisation mention."""
    return {(m.known_id or match_key(m.name or m.text), m.affiliation) for m in mentions
            if m.kind == ORGANIZATION}


BODY_SENTENCES = [
    # a nisba that agrees with the body
    ("أعلنت وزارة الدفاع الهندية الخميس أنها تسلمت الدفعة الأولى من مقاتلات رافال.",  # AFP
     {("ministry-of-defence-india", "india")}),
    ("وقالت الحكومة اليابانية في بيان إنها ستضاعف إنفاقها العسكري.",  # Reuters
     {("government-japan", "japan")}),
    ("تسلم الجيش البولندي دفعة جديدة من الدبابات الكورية الجنوبية.",  # Anadolu
     {("armed-forces-poland", "poland")}),
    ("أجرت البحرية الصينية مناورات بالذخيرة الحية قرب تايوان.",  # Sky News Arabia
     {("navy-china", "china")}),
    ("وأعلنت رئاسة الأركان التركية تحييد عشرة مسلحين شمالي العراق.",  # Anadolu
     {("general-staff-turkey", "turkey")}),
    ("وقال مكتب الرئيس الأوكراني إن كييف تنتظر منظومات دفاع جوي إضافية.",  # Ukrinform
     {("office-of-the-president-ukraine", "ukraine")}),
    # an elliptical ministry where no noun could take the nisba
    ("وأكدت الخارجية الإيرانية أن طهران لم ترسل أسلحة إلى أي طرف.",  # Al Jazeera
     {("ministry-of-foreign-affairs-iran", "iran")}),
    ("وجاء في بيان الدفاع البيلاروسية أن التدريبات انتهت.",  # BelTA
     {("belarusian-ministry-of-defence", "belarus")}),
    # a state's name in construct or after «في»: the same body as with its nisba
    ("وقالت وزارة الدفاع في الهند إن الصفقة تشمل 26 مقاتلة.",  # The Hindu in Arabic
     {("ministry-of-defence-india", "india")}),
    ("ووافقت حكومة اليابان على تصدير صواريخ باتريوت إلى الولايات المتحدة.",  # NHK Arabic
     {("government-japan", "japan")}),
    ("وذكرت وزارة دفاع روسيا أن قواتها أسقطت مسيرات.",  # RT Arabic
     {("russian-ministry-of-defence", "russia")}),
    # a body the gazetteer knows by name is that entity, with its state
    ("وكانت وكالة التعاون الأمني الدفاعي الأمريكية قد وافقت على الصفقة.",  # Asharq Al-Awsat
     {("dsca", "united-states")}),
    ("ووافقت وزارة الخارجية الأميركية على بيع مروحيات إلى المغرب.",  # Hespress
     {("us-state-department", "united-states")}),
    # adjectives between the body and its nisba make another body, still of that state
    ("تسلمت القوات المسلحة الملكية المغربية مروحيات أباتشي.",  # Le360 in Arabic
     {(match_key("القوات المسلحة الملكية المغربية"), "morocco")}),
]


@pytest.mark.parametrize(("sentence", "expected"), BODY_SENTENCES)
def test_bodies_of_states(mentions_of, sentence, expected):
    assert expected <= bodies(mentions_of(sentence))


def test_one_body_whatever_the_wording(mentions_of):
    ids = {m.known_id for sentence in ("قالت وزارة الدفاع الهندية إن الطائرات وصلت.",
                                       "وقالت وزارة الدفاع في الهند إن الطائرات وصلت.",
                                       "وأكدت وزارة دفاع الهند أن الطائرات وصلت.",
                                       "قالت الدفاع الهندية إن الطائرات وصلت.")
           for m in mentions_of(sentence) if m.kind == ORGANIZATION}
    assert ids == {"ministry-of-defence-india"}


@pytest.mark.parametrize(
    ("sentence", "embassy"),
    [
        ("قالت السفارة الأمريكية في طوكيو إن الصفقة لم تكتمل.", "embassy-united-states-in-tokyo"),
        ("وأصدرت سفارة روسيا في واشنطن بيانا نفت فيه التقارير.", "embassy-russia-in-washington"),
        ("ونقلت الوكالة عن السفارة الصينية لدى موسكو أن الزيارة تأجلت.", "embassy-china-in-moscow"),
    ],
)
def test_an_embassys_city_is_its_seat_never_a_state_acting(mentions_of, sentence, embassy):
    found = mentions_of(sentence)
    assert embassy in {m.known_id for m in found if m.kind == ORGANIZATION}
    assert not [m for m in found if m.kind == PLACE and m.via == "capital"]


def test_a_body_made_from_its_id_has_labels_and_a_state(gazetteer):
    entry = gazetteer.entry("embassy-united-states-in-tokyo")
    assert (entry.kind, entry.label_ar, entry.body_of) == (ORGANIZATION, "السفارة الأمريكية في طوكيو",
                                                            "united-states")
    assert gazetteer.entry("armed-forces-north-korea").label_ar == "الجيش الكوري الشمالي"
    assert gazetteer.entry("ministry-of-defence-india").label_en == "Ministry of Defence of India"
    assert gazetteer.body_id("ministry-of-defence", "united-states") == "pentagon"
    assert gazetteer.entry("ministry-of-defence-atlantis") is None
    assert gazetteer.entry("armed-forces-moscow") is None  # a city is not a state


BODY_NEGATIVES = [
    "أجرت الوحدات المناورات البحرية الروسية قرب السواحل.",  # «البحرية» qualifies the manoeuvres
    "ارتفعت أسهم شركات الدفاع الأمريكية بعد إعلان الصفقة.",  # «الأمريكية» agrees with the companies
    "قالت وزارة الدفاع إن التدريبات انتهت دون حوادث.",  # no state named
    "قدمت الحكومة دعما ماليا للمزارعين في الريف.",
    "وقال وزير الدفاع الروسي إن القوات مستعدة.",  # a role, not a body
    "وأغلقت السفارة في طوكيو أبوابها أمام المراجعين.",  # whose embassy?
    "وتدرب الولايات المتحدة قوات معارضة سورية في الأردن.",  # forces against their state
    "وانضمت وحدات منشقة ليبية إلى المعارك.",
]


@pytest.mark.parametrize("sentence", BODY_NEGATIVES)
def test_no_body_without_a_state_or_where_the_noun_is_an_adjective(mentions_of, sentence):
    found = [m for m in mentions_of(sentence) if m.kind == ORGANIZATION]
    assert found == []


def test_a_role_over_a_body_is_tied_to_the_bodys_state(mentions_of):
    found = mentions_of("وقال المتحدث باسم الخارجية الإيرانية ناصر كنعاني إن طهران لم ترسل أسلحة.\n"
                        "ونفى متحدث باسم الحكومة البريطانية نشر أي قوات قتالية في أوكرانيا.")
    roles = [m for m in found if m.via == "role"]
    assert [r.affiliation for r in roles] == ["iran", "united-kingdom"]
    assert match_key(roles[0].name) == match_key("ناصر كنعاني")
    assert {"ministry-of-foreign-affairs-iran", "government-united-kingdom"} <= {m.known_id for m in found}


def test_a_state_named_in_a_role_phrase_is_a_mention_too(mentions_of):
    found = mentions_of("ردا على تصريحات أدلى بها رئيس كازاخستان قاسم جومارت توكاييف.")
    assert (PERSON, "kassym-jomart-tokayev", "role") in facts(found)
    assert (STATE, "kazakhstan", "name") in facts(found)


# ---- weapons ---------------------------------------------------------------------------------------------
# A generic phrase before «من طراز» stays beside the system it introduces: the transfer extractor reads the
# two together (its lex:typeOf words).

def weapons(mentions) -> list[tuple[str, str | None]]:
    """(gazetteer id, else the folded name; category the text gave) of each weapon mention, in order."""
    return [(m.known_id or match_key(m.text), m.category) for m in mentions if m.kind == WEAPON]


WEAPON_SENTENCES = [
    # helicopters, generic and named
    ("أرسلت الولايات المتحدة مروحيات أباتشي إلى المغرب.", ["apache"]),  # Hespress
    ("وتسلم الجيش الأردني طائرة هليكوبتر من طراز بلاك هوك.", ["helicopter", "black-hawk"]),  # Petra
    ("وأسقطت الدفاعات الجوية الأوكرانية مروحية روسية قرب خاركيف.",  # Ukrinform
     ["air-defence-system", "helicopter"]),
    ("وتشمل الصفقة 12 مروحية عسكرية من طراز كاراكال.", ["helicopter", "caracal"]),  # WAM
    # singular and plural generic phrases
    ("وأعلن الجيش إسقاط 3 مقاتلات و40 مسيرة خلال الليل.", ["combat-aircraft", "drone"]),  # RT Arabic
    ("وأسقطت الدفاعات مقاتلة من طراز سو-34.", ["combat-aircraft", "su-34"]),  # Al Mayadeen
    ("ودمرت القوات دبابة وناقلات جند مدرعة.", ["tank", "armoured-personnel-carrier"]),  # Sky News Arabia
    ("وتقدمت المصفحات والآليات العسكرية نحو المدينة.", ["armoured-vehicle", "military-vehicle"]),
    ("ووصلت عربات عسكرية وناقلات الجند إلى الميناء.", ["military-vehicle", "armoured-personnel-carrier"]),
    ("وتسلمت البحرية غواصات وفرقاطات من ألمانيا.", ["warship", "warship"]),  # Al-Ahram
    # ammunition is munitions, not artillery
    ("زودت كوريا الشمالية روسيا بمليون قذيفة مدفعية.", ["ammunition"]),  # Yonhap Arabic
    ("وأرسلت واشنطن ذخائر وقذائف إلى كييف.", ["ammunition", "ammunition"]),  # Al-Hurra
    ("وسقطت قذيفة على المبنى.", ["ammunition"]),  # Al-Quds
    # missiles: cruise, anti-tank, named
    ("وأطلقت السفن صواريخ كروز من طراز كاليبر.", ["cruise-missile", "kalibr"]),  # RIA Arabic
    ("وتسلمت أوكرانيا صواريخ مضادة للدبابات من طراز جافلين ومنظومات إن لاو.",  # DW Arabic
     ["anti-tank-missile", "javelin", "nlaw"]),
    ("وطلبت كييف صواريخ توماهوك وستينغر.", ["tomahawk", "stinger"]),  # Al Jazeera
    ("تسلمت الفلبين صواريخ براهموس الهندية.", ["brahmos"]),  # Asharq
    # aircraft and drones by name
    ("تعتزم الهند شراء طائرات ميراج 2000 مستعملة من فرنسا.", ["mirage-2000"]),
    ("وتسلمت باكستان مقاتلات جيه-10 سي وتعتزم شراء مقاتلات جيه-35.", ["j-10c", "j-35"]),
    ("وتمتلك روسيا مقاتلات سو-57 وميغ-29 وقاذفات تو-22 إم 3.", ["su-57", "mig-29", "tu-22m3"]),
    ("واستخدمت روسيا مسيرات شاهد-136 وطائرات لانسيت.", ["shahed-136", "lancet"]),
    ("ووقعت بولندا عقدا لشراء دبابات كيه 2 ومدافع كيه 9 ومسيرات بيرقدار أقنجي وتي بي 2.",
     ["k2-black-panther", "k9-thunder", "bayraktar-akinci", "bayraktar-tb2"]),
    # air defence and artillery by name
    ("وتسلمت ألمانيا منظومة آرو 3 الإسرائيلية.", ["arrow-3"]),  # Times of Israel Arabic
    ("وتعرف المنظومة في إسرائيل باسم حيتس 3.", ["arrow-3"]),
    ("وأرسلت ألمانيا دبابات غيبارد ومدافع قيصر وهاوتزر إم 777.", ["gepard", "caesar-howitzer", "m777"]),
    # guns with a nisba and no name after it stay guns
    ("ونقلت فرنسا المدافع الفرنسية إلى أوكرانيا الشهر الماضي.", ["artillery"]),
    ("وصلت المدافع الأمريكية إلى الجبهة بعد أسبوع.", ["artillery"]),
    # an unknown system takes the category of the noun before it
    ("وتسلمت مصر مروحيات من طراز زولو.", [("helicopter", None), (match_key("زولو"), "category-helicopter")]),
    ("واختبرت البحرية طائرات إكس-47 المسيرة.", [(match_key("إكس-47"), "category-aircraft")]),
    ("واشترت الهند منظومة الدفاع الجوي باراك-8.", [(match_key("باراك-8"), "category-air-defence-system")]),
    # past adjectives joined by «و» and an adjective's own noun («قصيرة ومتوسطة المدى»)
    ("وتسلمت مصر صواريخ قصيرة ومتوسطة المدى من طراز «ميكا» من فرنسا.",
     [("missile", None), (match_key("ميكا"), "category-missile")]),
    ("وتسلمت الهند فرقاطات متعددة المهام من طراز «تالوار».",
     [("warship", None), (match_key("تالوار"), "category-ship")]),
    # FREMM by its name and by its Arabic name; «ال24» is a number, no designation
    ("وتسلمت مصر فرقاطة من نوع فريم متعددة الاستخدامات.", ["warship", "fremm"]),
    ("وتشمل الصفقة فرقاطة متعددة المهام.", ["fremm"]),
    ("وحلقت الطائرات ال24 فوق القناة.", []),
    # «آليات» joined by «و» to another weapon, before it or after it, is military vehicles
    ("وتسلمت القوات آليات ومدرعات لنقل الجنود.", ["military-vehicle", "armoured-vehicle"]),
    ("وزودها التحالف بالآليات والمدرعات وكاسحات الألغام.",
     ["military-vehicle", "armoured-vehicle", "mine-clearing-vehicle"]),
    ("ووصلت إلى الميناء دبابات وآليات من الإمارات.", ["tank", "military-vehicle"]),
]


@pytest.mark.parametrize(("sentence", "expected"), WEAPON_SENTENCES)
def test_weapons(mentions_of, sentence, expected):
    found = weapons(mentions_of(sentence))
    if expected and isinstance(expected[0], tuple):
        assert found == expected
    else:
        assert [weapon for weapon, _ in found] == expected


WEAPON_NEGATIVES = [
    "وقعت الصفقة بقيمة 4 مليارات دولار.",  # a sum is no designation
    "وناقش الاجتماع آليات التعاون بين البلدين.",  # «آليات»: mechanisms
    "وتعمل الآليات الثقيلة في مشروع الطريق ليلا.",  # a builder's machinery
    "وناقش الطرفان آليات التنفيذ والجداول الزمنية.",  # mechanisms joined to no weapon
    "وبحث الجانبان آليات وأدوات الرقابة على الأسواق.",
    "وافقت الوزارة على بيع المروحيات بقيمة 4.25 مليار دولار.",  # only the helicopters
    "شاركت قوات مقاتلة في المعركة قرب الحدود.",  # «مقاتلة» fighting
    "صدر قانون قيصر للعقوبات على سوريا.",  # Caesar, not the howitzer
    "نظم السكان مسيرة احتجاجية في المدينة.",  # a march
    "اشترى رجل الأعمال سيارة من طراز تويوتا.",  # a car's model
    "وتسلمت الشركة سيارات متعددة الاستخدامات من طراز «تويوتا».",
    "وتسلمت مصر أربع غواصات من الطراز نفسه.",  # «الطراز نفسه» names nothing
    "وأعلنت الشركة أرباحا بلغت 300 مليون دولار.",
    # a player's position before his nationality and name is his title
    "وتعاقد النادي مع المدافع البرازيلي ماركينيوس في صفقة انتقال حر.",
    "وضم الفريق الحارس الأرجنتيني إميليانو مارتينيز والمدافع الإسباني سيرجيو راموس.",
]


@pytest.mark.parametrize("sentence", WEAPON_NEGATIVES)
def test_no_weapon_from_numbers_or_common_words(mentions_of, sentence):
    found = weapons(mentions_of(sentence))
    assert found in ([], [("helicopter", None)], [("warship", None)])


# ---- person names: particles and what the model swallows ------------------------------------------------

NAME_SENTENCES = [
    # a particle opens or joins a name where NER or the tagger left it out
    ("أعلن وزير الدفاع البريطاني بن والاس أن لندن سترسل دبابات.", "بن والاس"),  # BBC Arabic
    ("وقال وزير الخارجية الإماراتي الشيخ عبد الله بن زايد آل نهيان إن بلاده تدعم الحوار.",  # WAM
     "عبد الله بن زايد آل نهيان"),
    ("والتقى الرئيس السوري بشار الأسد بالأمير تركي بن محمد بن فهد في الرياض.",  # SANA
     "تركي بن محمد بن فهد"),
    ("وصرح أبو محمد الجولاني بأن قواته تسلمت أسلحة.", "أبو محمد الجولاني"),  # Enab Baladi
    # the tagger's particle inside a name NER found
    ("وقال المتحدث باسم الخارجية الإيرانية ناصر كنعاني إن طهران لم ترسل أسلحة.", "ناصر كنعاني"),  # IRNA
    # a verbal noun after the name is the next phrase
    ("وأكد الرئيس الجزائري عبد المجيد تبون تعزيز التعاون مع روسيا.", "عبد المجيد تبون"),  # APS
    # NER opened the name on «بن», the tagger read «فيصل» as ف + a verb: the name before «بن», «ف» kept
    ("رعى صاحب السمو الملكي الأمير فيصل بن خالد بن عبدالعزيز أمير منطقة عسير الحفل.",
     "فيصل بن خالد بن عبدالعزيز"),
    ("واستقبل الأمير فهد بن سلطان أمير منطقة تبوك الوفد في مكتبه.", "فهد بن سلطان"),
    # «علي» read as the preposition, where the text writes the preposition «على»
    ("وقال علي الأحمدي الناطق باسم المجلس إن القوات سيطرت على المدينة.", "علي الأحمدي"),  # Asharq Al-Awsat
    ("وأكد المتحدث باسم الشرطة علي العمري أن الحادث وقع على الطريق الدولي.", "علي العمري"),  # Okaz
    ("قال علي صالح في خطاب على التلفزيون إن حزبه لن يشارك.", "علي صالح"),  # Al Arabiya
]


# a known surname after another first name in one NER name is another person of that family, unless the
# document names the known person in full
@pytest.mark.parametrize(("sentence", "person", "known"), [
    ("وقال المرشح الجمهوري جيب بوش إن الاتفاق النووي خطير ومعيب بشدة.", "جيب بوش", None),
    ("وقال الرئيس الأمريكي السابق جورج بوش إن الحرب كانت ضرورية. وأضاف بوش أن العراق أصبح أفضل.", "بوش",
     "george-w-bush"),
    ("وصل الرئيس التركي رجب طيب إردوغان إلى بكين. واستقبل شي إردوغان خارج قاعة الشعب الكبرى.", "إردوغان",
     "recep-tayyip-erdogan"),
])
def test_a_known_surname_after_another_first_name(mentions_of, sentence, person, known):
    people = {(m.text, m.known_id) for m in mentions_of(sentence) if m.kind == PERSON}
    assert (person, known) in people, people
    if known is None:
        assert not any(known_id == "george-w-bush" for _, known_id in people), people


# a known name the NER runs on into a family name none of its forms has is another person; particles and the
# person's own family name keep it
@pytest.mark.parametrize(("sentence", "known"), [
    ("ورفع المشرف العام على المركز الدكتور عبدالله بن عبدالعزيز الربيعة الشكر لخادم الحرمين الشريفين.", None),
    ("ورفع الربيعة الشكر لخادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود على دعمه.",
     "salman-bin-abdulaziz"),
])
def test_a_known_name_run_on_into_another_family_name(mentions_of, sentence, known):
    known_people = {m.known_id for m in mentions_of(sentence) if m.kind == PERSON and m.known_id}
    assert "abdullah-bin-abdulaziz" not in known_people
    assert known is None or known in known_people


# «علي» stays the preposition in a text that writes the preposition so («أكد علي», «ردا علي»)
@pytest.mark.parametrize(("sentence", "name"), [
    ("وأكد علي ضرورة التعاون بين البلدين، وقال ردا علي الأحمدي إن الأمر محسوم.", "الأحمدي"),
    ("وحصل علي العمري وفريقه جائزة في المسابقة.", "العمري"),
])
def test_ali_is_a_preposition_where_the_text_writes_the_preposition_so(mentions_of, sentence, name):
    people = [match_key(m.text) for m in mentions_of(sentence) if m.kind == PERSON]
    assert match_key(name) in people
    assert not any(match_key("علي " + name) in person for person in people), people


# a particle alone, or before a kinship noun, names no one
KINSHIP_SENTENCES = [
    "قتل الجاني شقيقه وابن عمه وصديقه في القرية.",
    "وأوضح «ابن عم» الجاني تفاصيل القصة للصحيفة.",
    "وقال ابن خال الضحية إن العائلة تطالب بالقصاص.",
]


def test_a_known_one_word_name_before_a_particle_is_another_person(mentions_of):
    # «صدام» alone is Saddam Hussein in the gazetteer; «صدام أبو عاصم» is a journalist
    mentions = mentions_of("أما الصحفي صدام أبو عاصم، فقد علق على خطاب الحوثي.")
    assert not any(m.known_id == "saddam-hussein" for m in mentions)
    assert "صدام أبو عاصم" in [m.text for m in mentions if m.kind == PERSON]
    assert any(m.known_id == "saddam-hussein" for m in mentions_of("وقال صدام إن الحرب ستطول."))


def test_a_surname_that_is_also_a_word_names_its_person_only_in_its_context(mentions_of):
    # «لصور» is «لـ» + «صور» (pictures, Tyre) but for Aden's health official in news of Yemen
    yemen = mentions_of("وقال الخضر لصور إن مدنيين قتلوا في عدن في اليمن. وذكر لصور أن الألغام كثيرة.")
    assert [m.text for m in yemen if m.known_id == "al-khader-lasour"] == ["الخضر لصور", "لصور"]
    assert not any(m.kind == PERSON for m in mentions_of("ونشرت الصحيفة لصور من الحفل في بيروت."))


# «المملكة» alone is Saudi Arabia where the article names Saudi Arabia otherwise and no other kingdom.
KINGDOM_SENTENCES = [
    ("وقعت السعودية اتفاقا مع فرنسا. وتحصل المملكة على طائرات.", ["المملكة"]),
    ("وقال الوزير السعودي إن المملكة ترحب بالقرار.", ["المملكة"]),
    ("وقال السفير في الرياض إن المملكة العربية السعودية ترحب بالقرار.", []),  # the full name, one mention
    ("وقال الوزير إن المملكة ترحب بالقرار.", []),  # no Saudi Arabia named: which kingdom?
    ("زار الملك عبد الله الثاني المملكة الأردنية الهاشمية. وقال الوزير السعودي إن المملكة ترحب.", []),
    ("وقالت لندن إن المملكة المتحدة والسعودية اتفقتا. وأضافت أن المملكة سترسل سفنا.", []),
    ("وصل الوفد السعودي إلى مملكة البحرين. وقالت المملكة إنها ترحب به.", []),
]


# «المقاومة» alone is Yemen's Popular Resistance in news of Yemen where no other resistance is named.
RESISTANCE_SENTENCES = [
    ("وقال مصدر في المقاومة بأبين إن المعارك مستمرة في اليمن.", ["المقاومة"]),
    ("وقال مصدر في المقاومة إن المعارك مستمرة في غزة.", []),  # no Yemen named
    ("وقالت حركة المقاومة الإسلامية إن المقاومة مستمرة، فيما تتواصل المعارك في اليمن.", []),  # Hamas named
]


@pytest.mark.parametrize(("sentence", "bare"), RESISTANCE_SENTENCES)
def test_the_resistance_alone_is_yemens_in_news_of_yemen(mentions_of, sentence, bare):
    mentions = mentions_of(sentence)
    found = [m.text for m in mentions if m.known_id == "popular-resistance-yemen" and m.text == "المقاومة"]
    assert found == bare


@pytest.mark.parametrize(("sentence", "bare"), KINGDOM_SENTENCES)
def test_the_kingdom_alone_is_saudi_arabia_where_no_other_kingdom_is_named(mentions_of, sentence, bare):
    mentions = mentions_of(sentence)
    assert [m.text for m in mentions if m.known_id == "saudi-arabia" and m.text == "المملكة"] == bare


@pytest.mark.parametrize(("sentence", "group"), [
    ("وتبنى تنظيم أجناد مصر الهجوم على قوات الأمن في القاهرة.", "ajnad-misr"),
    ("وقالت جماعة أنصار بيت المقدس إنها نفذت الهجوم في سيناء.", "ansar-bait-al-maqdis"),
    ("وسيطرت حركة أحرار الشام على المعبر الحدودي مع تركيا.", "ahrar-al-sham"),
])
def test_an_armed_group_whose_name_holds_a_place_is_the_group(mentions_of, sentence, group):
    mentions = mentions_of(sentence)
    assert group in [m.known_id for m in mentions]
    # «مصر», «الشام» inside the group's name are no state of their own there
    inside = [m for m in mentions if m.known_id == group][0]
    assert not any(m.kind == STATE and inside.start <= m.start < inside.end for m in mentions)


def test_the_preposition_fi_after_a_name_is_no_letter_of_its_designation(mentions_of):
    # «في» spells the Latin V, but before a noun it is the preposition
    mentions = mentions_of("ونشرت الولايات المتحدة مروحيات اوسبري في قاعدة ليمونييه في جيبوتي.")
    assert not any(m.kind == WEAPON and m.text.endswith("في") for m in mentions)


@pytest.mark.parametrize("sentence", KINSHIP_SENTENCES)
def test_a_particle_before_a_kinship_noun_names_no_one(mentions_of, sentence):
    assert [m.text for m in mentions_of(sentence) if m.kind == PERSON] == []


@pytest.mark.parametrize(("sentence", "name"), NAME_SENTENCES)
def test_person_names_are_whole(mentions_of, sentence, name):
    # found by the NER model, or by the gazetteer where it knows the person
    people = [match_key(m.text) for m in mentions_of(sentence)
              if m.kind == PERSON and m.via in ("ner", "name")]
    assert match_key(name) in people


@pytest.mark.parametrize(
    "sentence",
    [
        "نفت وزارة الخارجية الإيرانية تقديم أي أسلحة للسودان.",
        "وأكد الرئيس الجزائري عبد المجيد تبون تعزيز التعاون مع روسيا.",
        "والتقى الرئيس السوري بشار الأسد بالأمير تركي بن محمد في الرياض.",
    ],
)
def test_no_name_swallows_a_verbal_noun_or_the_next_phrase(mentions_of, sentence):
    for mention in mentions_of(sentence):
        words = match_key(mention.text).split()
        assert not {"تقديم", "تعزيز", "بالامير"} & set(words), mention


def test_a_definite_role_takes_no_bare_nisba(mentions_of):
    found = mentions_of("والتقى الرئيس السوري بشار الأسد بالأمير تركي بن محمد بن فهد في الرياض.")
    assert "turkey" not in {m.affiliation for m in found} | {m.known_id for m in found}


@pytest.mark.parametrize(("sentence", "holder"), [
    ("وانتقد الرئيس الأمريكي السابق القرار الجديد.", None),  # a former president: not the current one
    ("وقال وزير الدفاع الروسي الأسبق إن الجيش مستعد.", None),
    ("وقال وزير الدفاع الروسي السابق سيرغي شويغو إن الجيش مستعد.", "sergei-shoigu"),  # named after it
])
def test_a_former_holder_is_not_the_current_one(mentions_of, sentence, holder):
    roles = [m for m in mentions_of(sentence) if m.via == "role"]
    assert [r.known_id for r in roles] == [holder]


def test_an_indefinite_role_names_no_holder(mentions_of):
    roles = [m for m in mentions_of("وقال وزير خارجية إيراني سابق إن المفاوضات فشلت.") if m.via == "role"]
    assert [(r.known_id, r.affiliation) for r in roles] == [(None, "iran")]


# ---- unnamed sources -------------------------------------------------------------------------------------

ANONYMOUS_SENTENCES = [
    ("ونفى مصدر عسكري مصري ما تردد عن صفقة جديدة.", PERSON, "egypt"),  # Al-Masry Al-Youm
    ("وقال مسؤولون أمريكيون لرويترز إن الشحنة وصلت.", PERSON, "united-states"),  # Reuters
    ("ويرى محللون أن الصفقة ستغير ميزان القوى.", PERSON, None),  # Al Jazeera
    ("وتقول تقارير غربية إن روسيا تعتزم تسليم إيران مقاتلات.", ORGANIZATION, None),  # Al-Arabiya
    ("وأفادت مصادر دبلوماسية غربية بأن المحادثات توقفت.", PERSON, None),  # Asharq Al-Awsat
    ("وقال مسؤول إسرائيلي رفيع إن الصفقة أنجزت.", PERSON, "israel"),  # Times of Israel Arabic
    # «مطلع» is the source's adjective, whatever the tagger reads; the department is the company's
    ("وأوضح مصدر مطلع في إدارة علاقات العملاء بالخطوط السعودية أن الرحلات منتظمة.", PERSON, "saudia"),
    # a body the gazetteer knows as the source noun's genitive: the ministry's officials speak for it
    ("وقال مسؤولو وزارة الدفاع الأمريكية إن الشحنة تأخرت.", PERSON, "pentagon"),
    ("وقال خبراء اقتصاديون إن أسعار النفط ستتعافى قريبا.", PERSON, None),  # a source noun as adjective
    # activists hold no office: from Syria, speaking for no state (kg:unofficialSource)
    ("وأعلن ناشطون سوريون أن القصف استهدف المستشفى.", PERSON, None),
    ("وأظهرت دراسة حديثة أن نصف الشباب يعملون في القطاع الخاص.", ORGANIZATION, None),
    # demonyms of Africa and Asia as well as of the Arab states and the powers
    ("وقال مسؤول كيني إن الطائرة الرئاسية ستهبط في نيروبي مساء اليوم.", PERSON, "kenya"),
    ("وقال مصدر أمني كاميروني إن الهجوم نفذته فتاتان.", PERSON, "cameroon"),
    ("وأكد دبلوماسي فلبيني أن العمال سيعودون الأسبوع المقبل.", PERSON, "philippines"),
]


@pytest.mark.parametrize(("sentence", "kind", "state"), ANONYMOUS_SENTENCES)
def test_unnamed_sources_name_no_one(mentions_of, sentence, kind, state):
    found = mentions_of(sentence)
    unnamed = [m for m in found if m.via == "anonymous"]
    assert [(m.kind, m.affiliation, m.known_id, m.name) for m in unnamed] == [(kind, state, None, None)]
    # the nisba of an unnamed source is its affiliation, not a state named on its own
    assert not [m for m in found if m.via == "nisba" and unnamed[0].start <= m.start < unnamed[0].end]


@pytest.mark.parametrize(
    "sentence",
    [
        "وقال الوزير المسؤول عن الملف إن الحكومة ستقرر.",  # «المسؤول» qualifies the minister
        "وقال المسؤول الأمريكي جون كيربي إن واشنطن قلقة.",  # a named official
        "ولا يزال مصدر الأسلحة غير معروف.",  # the origin of the weapons
    ],
)
def test_no_unnamed_source_where_the_noun_is_something_else(mentions_of, sentence):
    assert [m for m in mentions_of(sentence) if m.via == "anonymous"] == []


@pytest.mark.parametrize(("sentence", "states"), [
    # an indefinite plural nisba standing alone is people of that nationality
    ("اعتقلت الشرطة أمريكيين في المطار.", []),
    ("تجند الميليشيا سوريين وتدربهم.", []),
    # a definite one may be the state, and a nisba after an indefinite noun qualifies it
    ("توصلت الحكومة إلى اتفاق مع الأمريكيين.", ["united-states"]),
    ("زار وفد مصري العاصمة.", ["egypt"]),
])
def test_people_of_a_nationality_are_not_their_state(mentions_of, sentence, states):
    assert [m.known_id for m in mentions_of(sentence) if m.kind == STATE] == states


# ---- a person's name in an institution's name -------------------------------------------------------------
NAMESAKES = [
    "وصلت طائرة تابعة لمركز الملك سلمان للإغاثة إلى عدن أمس.",
    "تخرج الطالب في جامعة الملك سعود بالرياض قبل عامين.",
    "فاز الباحث بجائزة الملك فيصل العالمية للعلوم هذا العام.",
    "هبطت الطائرة في مطار الملك خالد الدولي مساء الخميس.",
    "أقيمت المباراة على استاد الأمير فيصل بن فهد في الرياض.",
]
NOT_NAMESAKES = [  # the person acts, or the noun is definite and the name its apposition
    ("قال الملك سلمان إن المملكة ماضية في دعم اليمن.", "سلمان"),
    ("وصل إلى المطار الأمير محمد بن سلمان قادما من باريس.", "محمد بن سلمان"),
    ("زار الملك سلمان مستشفى الأطفال في جدة.", "سلمان"),
]


@pytest.mark.parametrize("sentence", NAMESAKES)
def test_a_name_in_an_institutions_name_is_no_person(mentions_of, sentence):
    assert [m.text for m in mentions_of(sentence) if m.kind == PERSON] == []


def test_a_name_the_ner_cut_short_in_an_institutions_name_is_no_person(mentions_of):
    # the NER tags «فهد التخصصي» and the extractor keeps «التخصصي»: still inside the hospital's name
    assert [m.text for m in mentions_of("نقل المصاب إلى مستشفى الملك فهد التخصصي في الدمام.")
            if m.kind == PERSON] == []


@pytest.mark.parametrize(("sentence", "person"), NOT_NAMESAKES)
def test_a_person_beside_an_institution_noun_is_still_a_person(mentions_of, sentence, person):
    assert person in {m.text for m in mentions_of(sentence) if m.kind == PERSON}


@pytest.mark.parametrize(("sentence", "weapon"), [
    ("ونشرت القوات الموالية للحكومة مدرعاتها على أطراف المدينة.", "armoured-vehicle"),
    ("وأعلن الجيش أنه سيطور صواريخه بعيدة المدى.", "missile"),
])
def test_a_weapon_noun_with_a_possessive_pronoun_is_a_weapon(mentions_of, sentence, weapon):
    assert weapon in {m.known_id for m in mentions_of(sentence) if m.kind == WEAPON}


def test_a_possessive_pronoun_makes_no_weapon_of_another_noun(mentions_of):
    assert [m for m in mentions_of("وقال رئيسها إن سياراتها الجديدة ستصل قريبا.") if m.kind == WEAPON] == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("وشاركت طائرات الرافال في العرض الجوي فوق القناة.", {("rafale", "الرافال")}),
    ("وحلقت طائرات الاف-16 فوق العاصمة.", {("f-16", "الاف-16")}),
    # a name of another kind keeps its article: «المالي» is financial, not Mali
    ("وقال إن الوضع المالي للشركة جيد هذا العام.", set()),
])
def test_a_named_system_written_with_the_article(mentions_of, sentence, expected):
    found = {(m.known_id, m.text) for m in mentions_of(sentence) if m.known_id}
    assert found == expected

