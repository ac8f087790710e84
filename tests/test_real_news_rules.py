"""Rules learnt from real news (the development set), each held by wordings of our own and by negatives
that must yield nothing: built by the real pipeline and models, read from the graph as an analyst would.

Each case is a short article of its own; one build makes the graph of them all.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS

from kg.vocabulary import KG

# file name → article text (a title line, then the body)
UNNAMED_OFFICIALS = {
    "unnamed-iranian-official.txt": "طهران ترد\n"
        "قال مسؤول إيراني إن طهران لن تقبل أي شروط جديدة في المفاوضات النووية.",
    "unnamed-american-diplomat.txt": "واشنطن تدرس\n"
        "وأوضح دبلوماسي أمريكي أن واشنطن تدرس كل الخيارات المتاحة لديها حاليا.",
    "unnamed-turkish-source.txt": "أنقرة\n"
        "وذكر مصدر تركي أن القوات التركية عززت مواقعها على الحدود مع سوريا.",
}
UNTIED_SOURCES = {  # no state or body named: no speaker, no claim
    "local-sources.txt": "اشتباكات\n"
        "وقالت مصادر محلية إن الاشتباكات استمرت حتى ساعات الصباح في أحياء المدينة.",
    "observers.txt": "أزمة\nويرى مراقبون أن الأزمة السياسية ستطول أكثر مما كان متوقعا في البداية.",
    "reports.txt": "تقارير\nوأفادت تقارير بأن المفاوضات تعثرت بسبب خلافات حول الجدول الزمني.",
}
NAMES_IN_MARKS = {  # «لـ«الشرق الأوسط»», «صحيفة "الغد"»: the outlet's name is not what was said
    "outlet-after-verb.txt": "تقدم\n"
        "وقال المتحدث باسم الجيش اليمني لـ«الشرق الأوسط» إن القوات تقدمت نحو المدينة الساحلية بعد معارك.",
    "newspaper-in-marks.txt": "محادثات\n"
        "وأكد وزير الخارجية الأردني ناصر جودة لصحيفة \"الغد\" أن المحادثات مستمرة مع جميع الأطراف.",
    "operation-in-marks.txt": "سيناء\n"
        "وأعلن الجيش المصري أن عملية \"حق الشهيد\" حققت أهدافها العسكرية كاملة في سيناء.",
}
NOT_TRANSFERS = {  # the words of transfers in other senses
    "exchange-of-fire.txt": "قصف\n"
        "تبادل الجيشان القصف المدفعي والصواريخ على طول خط التماس منذ صباح أمس.",
    "joint-production.txt": "مصنع\n"
        "افتتحت مصر والولايات المتحدة مصنعا للإنتاج المشترك لدبابات أبرامز قرب القاهرة.",
    "exchange-of-prisoners.txt": "أسرى\n"
        "تبادلت روسيا وأوكرانيا الأسرى بعد أسابيع من المفاوضات الشاقة بين الطرفين.",
}
OTHER_SENSES = {  # sport, business, energy, justice, space, aid: the words of arms transfers, no weapon moved
    "sport-player-transfer.txt": "انتقالات\n"
        "وأعلن نادي الهلال إتمام صفقة انتقال المهاجم البرازيلي من نادي سانتوس مقابل عشرة ملايين دولار.",
    "sport-contract.txt": "تعاقد\nوتعاقد نادي النصر مع المدرب البرتغالي لمدة موسمين بعد مفاوضات طويلة.",
    "sport-loan.txt": "إعارة\n"
        "وسلم نادي الاتحاد لاعبه الدولي إلى نادي الأهلي على سبيل الإعارة حتى نهاية الموسم.",
    "sport-cup.txt": "كأس\nوسلم أمير المنطقة كأس البطولة لقائد الفريق الفائز في ختام المباراة.",
    "sport-missile-shot.txt": "هدف\nوسدد المهاجم صاروخا من خارج منطقة الجزاء سكن الشباك في الدقيقة الأخيرة.",
    "business-airliners.txt": "طيران\n"
        "ووقعت الخطوط الجوية السعودية صفقة لشراء خمسين طائرة ركاب من شركة إيرباص الأوروبية.",
    "business-cars.txt": "سيارات\nوصدرت كوريا الجنوبية إلى المملكة أكثر من مئة ألف سيارة خلال العام الماضي.",
    "business-shares.txt": "أسهم\nوباعت الحكومة حصتها في الشركة إلى صندوق استثماري إماراتي بقيمة مليار ريال.",
    "business-deal-signed.txt": "عقد\n"
        "ووقعت المملكة وفرنسا عقدا لتوريد قطارات حديثة لمشروع النقل العام في الرياض.",
    "energy-oil.txt": "نفط\nوزودت المملكة الصين بكميات إضافية من النفط الخام خلال الشهر الماضي.",
    "energy-gas.txt": "غاز\nوتسلمت مصر أول شحنة من الغاز الطبيعي المسال من قطر عبر ميناء العين السخنة.",
    "energy-nuclear-fuel.txt": "وقود\n"
        "وسلمت روسيا إيران شحنة من الوقود النووي لتشغيل محطة بوشهر لتوليد الكهرباء.",
    "energy-power-plant.txt": "كهرباء\nوأبرمت الكويت مع كوريا الجنوبية صفقة لبناء محطة كهرباء جديدة.",
    "justice-extradition.txt": "تسليم\n"
        "وسلمت تركيا المملكة مطلوبا أمنيا بموجب اتفاقية تسليم المطلوبين بين البلدين.",
    "justice-suspect.txt": "شرطة\nوسلمت الشرطة المتهم إلى النيابة العامة للتحقيق معه في قضية الاحتيال.",
    "justice-weapon-seized.txt": "ضبط\nوضبطت الجمارك أسلحة نارية مهربة في شاحنة قادمة من الأردن.",
    "space-satellite.txt": "فضاء\nواشترت مصر قمرا صناعيا للاتصالات من فرنسا سيطلق العام المقبل.",
    "space-launch.txt": "إطلاق\nوأطلقت الإمارات مسبارا إلى المريخ على متن صاروخ ياباني من قاعدة تانيغاشيما.",
    "aid-medical.txt": "مساعدات\nوسلمت المملكة اليمن شحنة من المساعدات الطبية والأدوية عبر مركز الملك سلمان.",
    "aid-vaccines.txt": "لقاحات\nوأرسلت الصين إلى مصر شحنة جديدة من اللقاحات عبر مطار القاهرة الدولي.",
    "farming-livestock.txt": "مواشي\nوصدرت أستراليا إلى المملكة مئات الآلاف من رؤوس المواشي قبل موسم الحج.",
    "tourism-deal.txt": "سياحة\nووقعت المملكة ومصر اتفاقا لتبادل الأفواج السياحية وتسهيل منح التأشيرات.",
}
NAMED_SYSTEMS = {  # a name in marks after a type noun, or after «من طراز/نوع», is a weapon of its own
    "frigate-of-type.txt": "فرقاطة\n"
        "وتسلمت البحرية المصرية فرقاطة من نوع «فريم» من فرنسا في يونيو الماضي.",
    "submarines-named.txt": "غواصات\n"
        "وتسلمت البحرية الهندية غواصات \"سكوربين\" من فرنسا العام الماضي.",
    "armoured-named.txt": "مدرعات\n"
        "وكانت ألمانيا قد سلمت ليتوانيا مدرعات «بوكسر» الحديثة الشهر الماضي.",
    "known-with-article.txt": "رافال\n"
        "وتسلمت مصر ثلاث مقاتلات «الرافال» من فرنسا أمس في قاعدة جوية.",
}
NOT_WEAPONS = {  # names in marks after nouns that are no weapons
    "car-of-make.txt": "سيارة\n"
        "واشترى الرجل سيارة من طراز «تويوتا» الأسبوع الماضي من معرض في المدينة.",
    "newspaper-name.txt": "حوار\n"
        "وقال الوزير في حوار مع صحيفة «الغد» إن الحكومة ستعلن خطتها الاقتصادية قريبا.",
}
IMPLICIT_SUPPLIERS = {  # a known system whose maker the clause leaves implicit
    "received-f16.txt": "مقاتلات\nتسلمت مصر أمس ثماني طائرات إف-16 في قاعدة جوية قرب القاهرة.",
    "flew-f16.txt": "احتفال\nوحلقت طائرات إف-16 المصرية فوق القناة خلال الاحتفال الرسمي أمس.",
    "received-drones.txt": "مسيرات\nتسلمت مصر أمس طائرات مسيرة جديدة في قاعدة جوية قرب القاهرة.",
}
STANCE_VERBS = {  # stances stated in words, with a noun or «ب» object: each is a claim
    "condemned.txt": "تنديد\nوندد الاتحاد الأوروبي بالهجوم الإرهابي الذي استهدف المسجد في الكويت.",
    "welcomed.txt": "ترحيب\nورحبت وزارة الخارجية القطرية بالاتفاق النووي بين إيران والقوى الكبرى.",
    "affirmed-noun.txt": "تعاون\nوأكد وزير الخارجية السعودي عادل الجبير أهمية تعزيز التعاون بين البلدين.",
    "renewed.txt": "دعم\nوجدد الاتحاد الأوروبي دعمه الكامل للحكومة الشرعية في اليمن خلال الاجتماع.",
    "again-adverb.txt": "إصلاحات\n"
        "وقال الوزير خالد العبيدي مجددا إن الحكومة ملتزمة بالإصلاحات الاقتصادية.",
}
UNNAMED_SUBJECTS = {  # a subject kg cannot name never hands its words to the previous speaker
    "seller.txt": "أسواق\nوقال وزير التجارة ماجد القصبي إن الأسواق مستقرة تماما هذا العام. "
        "وقال البائع إن الأسعار ارتفعت بشكل كبير خلال الأسبوع الماضي.",
    "teacher.txt": "مدارس\nوقال وزير التعليم أحمد العيسى إن العام الدراسي سيبدأ في موعده المحدد. "
        "وأكدت المعلمة أن الطلاب بحاجة إلى مزيد من الدعم في المدارس.",
}
BODIES_SPEAK = {
    "company.txt": "أرامكو\n"
        "وكشفت شركة أرامكو السعودية عن خطة لزيادة الإنتاج خلال العام المقبل بنسبة كبيرة.",
    "central-bank.txt": "تضخم\n"
        "وأكد البنك المركزي السعودي أن معدلات التضخم بقيت تحت السيطرة خلال الربع الثاني.",
}
NEXT_STATEMENTS = {  # «، كما أكد»، «، لكنه أوضح»، «، متابعا»: the first statement ends, the next begins
    "as-he-stressed.txt": "اليمن\nوقال وزير الخارجية عادل الجبير إن المملكة تدعم الحل السياسي في اليمن، "
        "كما أكد أن الحوثيين يتحملون مسؤولية تدهور الأوضاع الإنسانية.",
    "but-he-explained.txt": "الحل\nوقال وزير الخارجية عادل الجبير إن المملكة تدعم الحل السياسي في اليمن، "
        "لكنه أوضح أن الحل يجب أن يستند إلى قرار مجلس الأمن.",
    "going-on.txt": "الشعب\nوقال وزير الخارجية عادل الجبير إن المملكة تدعم الحل السياسي في اليمن، "
        "متابعا: إن الشعب اليمني يستحق الأمن والاستقرار.",
}
JOINT_SPEAKERS = {  # parties named together speak as one: a group whose members are the parties
    "ministers-of-two-states.txt": "غزة\n"
        "أكد وزراء خارجية مصر والأردن في اجتماعهم أمس على ضرورة وقف التصعيد في قطاع غزة فورا.",
    "two-states-then-both-sides.txt": "النيل\n"
        "دعت مصر والسودان إلى استئناف المفاوضات حول سد النهضة في أقرب وقت. "
        "وأكد الجانبان أهمية التوصل إلى اتفاق قانوني ملزم بشأن ملء السد وتشغيله.",
    "joint-statement-of-nisbas.txt": "بيان\n"
        "وذكر بيان قطري تركي أن البلدين سيواصلان التشاور بشأن الأزمة في المنطقة.",
    "china-alone-and-with-brazil.txt": "أوكرانيا\n"
        "دعت الصين والبرازيل إلى عقد مؤتمر سلام دولي بشأن أوكرانيا. "
        "وقالت الصين إن الحوار هو السبيل الوحيد لإنهاء الحرب في أوكرانيا.",
    "dual-verb-after-two-ministers.txt": "الحوار\n"
        "أكد وزيرا خارجية الكويت وعمان أن الحوار هو الطريق الوحيد لحل الأزمة في اليمن. "
        "وأضافا أن البلدين سيواصلان جهودهما لتقريب وجهات النظر بين الأطراف.",
}
NOT_JOINT = {  # one speaker, whatever else the phrase names
    "post-naming-two-states.txt": "إغاثة\n"
        "وقال وزير الخارجية الكويتي صباح الخالد إن بلاده ستقدم مساعدات إلى اليمن والأردن قريبا.",
    "both-sides-with-no-parties-before.txt": "تعاون\n"
        "وأكد الجانبان أهمية تعزيز التعاون في مجالات الطاقة والنقل والتجارة خلال المرحلة المقبلة.",
    "body-whose-name-holds-and.txt": "ألوان\n"  # a party that is no entity makes no group (and no error)
        "وأعلنت الهيئة العامة للسياحة والتراث الوطني عن إطلاق مسابقة جديدة للتصوير الفوتوغرافي هذا العام.",
    "minister-meeting-his-counterpart.txt": "لقاء\n"
        "وقال وزير الخارجية المصري سامح شكري خلال لقائه نظيره السوداني إن العلاقات بين البلدين متينة.",
}
A_BODY_IN_ITS_STATES_NEWS = {  # «المقاومة الشعبية» is Yemen's only in an article that names Yemen
    "resistance-in-yemen.txt": "عدن\n"
        "وقالت مصادر في المقاومة الشعبية إن مقاتليها سيطروا على مواقع جديدة في محافظة لحج جنوب اليمن.",
    "resistance-elsewhere.txt": "مقاومة\n"
        "وقالت مصادر في المقاومة الشعبية إن الاحتجاجات ستستمر في شوارع المدينة حتى تحقيق المطالب.",
}
HOMOGRAPHS_IN_CONTEXT = {  # «هادي», «التحالف» name Yemen's president and the coalition only in news of Yemen
    "hadis-forces.txt": "عدن\n"
        "وباتت قوات هادي التي تقاتل بأسلحة حديثة زودتها بها دول التحالف العربي تسيطر على مدينة عدن في اليمن. "
        "ونشرت القوات الموالية لحكومة هادي مدرعاتها التي زودها بها التحالف في شوارع المدينة.",
    "hadi-al-amiri.txt": "الأنبار\n"
        "وقال زعيم منظمة بدر هادي العامري إن قواته ستشارك في معركة الأنبار قريبا. وأوضح التحالف أن طائراته "
        "قصفت مواقع التنظيم قرب الرمادي.",
}
CASES = {
    **HOMOGRAPHS_IN_CONTEXT,
    **A_BODY_IN_ITS_STATES_NEWS,
    **JOINT_SPEAKERS,
    **NOT_JOINT,
    **NEXT_STATEMENTS,
    **UNNAMED_SUBJECTS,
    **BODIES_SPEAK,
    **STANCE_VERBS,
    **IMPLICIT_SUPPLIERS,
    **UNNAMED_OFFICIALS,
    **UNTIED_SOURCES,
    **NAMES_IN_MARKS,
    **NOT_TRANSFERS,
    **OTHER_SENSES,
    **NAMED_SYSTEMS,
    **NOT_WEAPONS,
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory, annotator) -> Graph:
    from kg.pipeline import build

    articles = tmp_path_factory.mktemp("cases")
    for name, text in CASES.items():
        (articles / name).write_text(text, encoding="utf-8")
    return build([articles], tmp_path_factory.mktemp("out"), annotator=annotator, html=False).graph


def _facts_of(graph: Graph, kind, article: str) -> list:
    found = []
    for fact in graph.subjects(RDF.type, kind):
        for sentence in graph.objects(fact, PROV.wasDerivedFrom):
            for document in graph.objects(sentence, DCTERMS.isPartOf):
                if any(Path(str(s)).name == article for s in graph.objects(document, DCTERMS.source)):
                    found.append(fact)
    return found


def _english_label(graph: Graph, node) -> str:
    return next((str(o) for o in graph.objects(node, RDFS.label) if o.language == "en"), "")


@pytest.mark.parametrize(("article", "state"), [
    ("unnamed-iranian-official.txt", "Iran"),
    ("unnamed-american-diplomat.txt", "United States"),
    ("unnamed-turkish-source.txt", "Turkey"),
])
def test_an_unnamed_official_speaks_for_the_state_the_text_ties_them_to(graph: Graph, article: str,
                                                                         state: str):
    claims = _facts_of(graph, KG.Claim, article)
    assert len(claims) == 1, article
    assert _english_label(graph, graph.value(claims[0], KG.speaker)) == state
    assert graph.value(claims[0], KG.sourceDescription) is not None  # an analyst can filter them out


@pytest.mark.parametrize("article", sorted(UNTIED_SOURCES))
def test_a_source_tied_to_no_one_gives_no_claim(graph: Graph, article: str):
    assert _facts_of(graph, KG.Claim, article) == []


@pytest.mark.parametrize(("article", "said"), [
    ("outlet-after-verb.txt", "القوات تقدمت نحو المدينة الساحلية"),
    ("newspaper-in-marks.txt", "المحادثات مستمرة مع جميع الأطراف"),
    ("operation-in-marks.txt", "حققت أهدافها العسكرية كاملة"),
])
def test_a_name_in_quotation_marks_is_not_the_claim_and_the_statement_after_it_is(graph: Graph, article: str,
                                                                                   said: str):
    texts = [str(graph.value(c, KG.text)) for c in _facts_of(graph, KG.Claim, article)]
    assert any(said in text for text in texts), texts


def test_no_claim_is_one_or_two_words(graph: Graph):
    short = [str(t) for c in graph.subjects(RDF.type, KG.Claim) for t in graph.objects(c, KG.text)
             if len(str(t).split()) <= 2]
    assert short == []


@pytest.mark.parametrize("article", sorted(NOT_TRANSFERS))
def test_transfer_words_in_other_senses_give_no_transfer(graph: Graph, article: str):
    assert _facts_of(graph, KG.Transfer, article) == []


@pytest.mark.parametrize("article", sorted(OTHER_SENSES))
def test_arms_words_in_sport_business_energy_justice_and_space_give_no_transfer(graph: Graph, article: str):
    assert _facts_of(graph, KG.Transfer, article) == []


def test_every_fact_names_its_rules_and_every_rule_is_described(graph: Graph):
    facts = [*graph.subjects(RDF.type, KG.Claim), *graph.subjects(RDF.type, KG.Transfer)]
    assert facts
    for fact in facts:
        rules = list(graph.objects(fact, KG.extractedBy))
        assert rules, fact
        for rule in rules:
            assert (rule, RDF.type, KG.Rule) in graph
            assert any(o.language == "en" for o in graph.objects(rule, RDFS.label)), rule
            assert graph.value(rule, RDFS.comment) is not None, rule


@pytest.mark.parametrize(("article", "weapon", "category"), [
    ("frigate-of-type.txt", "فريم", "category-ship"),
    ("submarines-named.txt", "سكوربين", "category-ship"),
    ("armoured-named.txt", "بوكسر", "category-armoured-vehicle"),
    ("known-with-article.txt", "Dassault Rafale", None),
])
def test_a_named_system_is_its_own_weapon_and_the_transfer_names_it(graph: Graph, article: str, weapon: str,
                                                                    category: str | None):
    transfers = _facts_of(graph, KG.Transfer, article)
    weapons = {graph.value(t, KG.weapon) for t in transfers}
    named = [w for w in weapons if weapon in {str(o) for o in graph.objects(w, RDFS.label)}]
    assert named, [[str(o) for o in graph.objects(w, RDFS.label)] for w in weapons]
    if category:
        assert str(graph.value(named[0], KG.category)).endswith(category)


@pytest.mark.parametrize(("article", "name"), [("car-of-make.txt", "تويوتا"), ("newspaper-name.txt", "الغد")])
def test_a_name_in_marks_after_a_noun_that_is_no_weapon_is_no_weapon(graph: Graph, article: str, name: str):
    weapons = {str(o) for w in graph.subjects(RDF.type, KG.Weapon) for o in graph.objects(w, RDFS.label)}
    assert name not in weapons
    assert _facts_of(graph, KG.Transfer, article) == []


def test_a_known_system_with_a_recipient_and_no_supplier_comes_from_its_maker_said_inferred(graph: Graph):
    transfers = _facts_of(graph, KG.Transfer, "received-f16.txt")
    assert len(transfers) == 1
    transfer = transfers[0]
    assert _english_label(graph, graph.value(transfer, KG.supplier)) == "United States"
    assert _english_label(graph, graph.value(transfer, KG.recipient)) == "Egypt"
    rules = {str(rule).rsplit("/", 1)[-1] for rule in graph.objects(transfer, KG.extractedBy)}
    assert "supplier-from-producer" in rules


@pytest.mark.parametrize("article", ["flew-f16.txt", "received-drones.txt"])
def test_no_supplier_is_inferred_without_a_transfer_or_a_known_maker(graph: Graph, article: str):
    assert _facts_of(graph, KG.Transfer, article) == []


@pytest.mark.parametrize(("article", "speaker", "said"), [
    ("condemned.txt", "European Union", "بالهجوم الإرهابي الذي استهدف المسجد"),
    ("welcomed.txt", "وزارة الخارجية القطرية", "بالاتفاق النووي بين إيران"),
    ("affirmed-noun.txt", "عادل الجبير", "أهمية تعزيز التعاون بين البلدين"),
    ("renewed.txt", "European Union", "دعمه الكامل للحكومة الشرعية"),
])
def test_a_stance_verb_with_its_object_is_a_claim(graph: Graph, article: str, speaker: str, said: str):
    claims = _facts_of(graph, KG.Claim, article)
    assert len(claims) == 1, [str(graph.value(c, KG.text)) for c in claims]
    names = {str(o) for o in graph.objects(graph.value(claims[0], KG.speaker), RDFS.label)}
    assert speaker in names, names
    assert said in str(graph.value(claims[0], KG.text))


def test_again_after_a_speech_verb_is_an_adverb_not_a_second_claim(graph: Graph):
    claims = _facts_of(graph, KG.Claim, "again-adverb.txt")
    assert [str(graph.value(c, KG.text)) for c in claims] == ["الحكومة ملتزمة بالإصلاحات الاقتصادية"]


@pytest.mark.parametrize(("article", "other_words"), [
    ("seller.txt", "الأسعار ارتفعت بشكل كبير"), ("teacher.txt", "الطلاب بحاجة إلى مزيد من الدعم")])
def test_words_of_a_subject_kg_cannot_name_go_to_no_one_else(graph: Graph, article: str, other_words: str):
    texts = [str(graph.value(c, KG.text)) for c in _facts_of(graph, KG.Claim, article)]
    assert len(texts) == 1 and other_words not in texts[0], texts


@pytest.mark.parametrize(("article", "body"), [("company.txt", "أرامكو"),
                                              ("central-bank.txt", "البنك المركزي")])
def test_companies_and_banks_speak(graph: Graph, article: str, body: str):
    claims = _facts_of(graph, KG.Claim, article)
    assert len(claims) == 1
    names = " ".join(str(o) for o in graph.objects(graph.value(claims[0], KG.speaker), RDFS.label))
    assert body in names, names


@pytest.mark.parametrize(("article", "second"), [
    ("as-he-stressed.txt", "الحوثيين يتحملون مسؤولية"), ("but-he-explained.txt", "الحل يجب أن يستند"),
    ("going-on.txt", "الشعب اليمني يستحق الأمن")])
def test_a_statement_ends_where_the_speakers_next_one_begins(graph: Graph, article: str, second: str):
    claims = _facts_of(graph, KG.Claim, article)
    texts = sorted(str(graph.value(c, KG.text)) for c in claims)
    assert len(texts) == 2, texts
    first = next(t for t in texts if "تدعم الحل السياسي" in t)
    assert second not in first and any(second in t for t in texts)
    assert len({graph.value(c, KG.speaker) for c in claims}) == 1  # both by the minister


@pytest.mark.parametrize(("article", "group", "members", "said"), [
    ("ministers-of-two-states.txt", "Egypt and Jordan", {"egypt", "jordan"}, ["ضرورة وقف التصعيد"]),
    ("two-states-then-both-sides.txt", "Egypt and Sudan", {"egypt", "sudan"},
     ["استئناف المفاوضات حول سد النهضة", "أهمية التوصل إلى اتفاق قانوني ملزم"]),
    ("joint-statement-of-nisbas.txt", "Qatar and Turkey", {"qatar", "turkey"}, ["البلدين سيواصلان التشاور"]),
    ("dual-verb-after-two-ministers.txt", "Kuwait and Oman", {"kuwait", "oman"},
     ["الحوار هو الطريق الوحيد", "البلدين سيواصلان جهودهما"]),
])
def test_parties_named_together_speak_as_one_group(graph: Graph, article: str, group: str, members: set[str],
                                                   said: list[str]):
    claims = _facts_of(graph, KG.Claim, article)
    assert len(claims) == len(said), [str(graph.value(c, KG.text)) for c in claims]
    for claim, words in zip(sorted(claims, key=lambda c: str(graph.value(c, KG.text)).find(said[0]) < 0),
                            said, strict=True):
        assert words in str(graph.value(claim, KG.text))
        speaker = graph.value(claim, KG.speaker)
        assert _english_label(graph, speaker) == group
        assert (speaker, RDF.type, KG.Organization) in graph
        assert {str(m).rsplit("/", 1)[-1] for m in graph.objects(speaker, ORG.hasMember)} == members


@pytest.mark.parametrize("article", sorted(NOT_JOINT))
def test_one_speaker_naming_other_parties_is_no_group(graph: Graph, article: str):
    speakers = {graph.value(c, KG.speaker) for c in _facts_of(graph, KG.Claim, article)}
    assert not any(set(graph.objects(speaker, ORG.hasMember)) for speaker in speakers)


def test_the_readmes_query_finds_what_a_state_said_alone_and_with_others(graph: Graph):
    import re

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Statements made together", 1)[1]
    query = re.search(r"```sparql\n(.*?)```", section, re.DOTALL).group(1)
    china = [str(row.text) for row in graph.query(query, initNs=dict(graph.namespaces()))]
    assert any("عقد مؤتمر سلام دولي" in text for text in china), china
    assert any("الحوار هو السبيل الوحيد" in text for text in china), china


def test_a_body_named_by_a_common_phrase_is_that_body_only_in_its_states_news(graph: Graph):
    in_yemen = _facts_of(graph, KG.Claim, "resistance-in-yemen.txt")
    speakers = [_english_label(graph, graph.value(c, KG.speaker)) for c in in_yemen]
    assert speakers == ["Popular Resistance (Yemen)"]
    assert _facts_of(graph, KG.Claim, "resistance-elsewhere.txt") == []  # untied sources: no one


def test_a_one_word_name_is_its_entity_only_in_its_states_news(graph: Graph):
    transfers = _facts_of(graph, KG.Transfer, "hadis-forces.txt")
    roles = (KG.supplier, KG.recipient, KG.weapon)
    found = {tuple(_english_label(graph, graph.value(t, role)) for role in roles) for t in transfers}
    coalition = "Saudi-led coalition"
    assert found == {(coalition, "Yemen", "arms"), (coalition, "Yemen", "armoured vehicles")}
    in_iraq = _facts_of(graph, KG.Claim, "hadi-al-amiri.txt")
    speakers = {str(graph.value(c, KG.speaker)).rsplit("/", 1)[-1] for c in in_iraq}
    assert not speakers & {"abdrabbuh-mansur-hadi", "saudi-led-coalition"}, speakers
