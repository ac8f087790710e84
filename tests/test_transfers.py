"""state –transfers→ weapon on short Arabic sentences, through the real Stanza models, the real gazetteer, the
real entity and quotation extractors and the shipped transfer lexicon.

Each row is one construction in one wording; the facts expected are (supplier, recipient, weapon, status) by
gazetteer id (a weapon the gazetteer does not know by its folded name). A row expects exactly those facts:
an extra one fails as surely as a missing one.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import Graph

from kg.errors import LexiconError
from kg.extracting.entities import extract_mentions
from kg.extracting.quotations import extract_claims
from kg.extracting.transfers import extract_transfers
from kg.gazetteer import Gazetteer, load_gazetteer
from kg.lexicon import load_speech_lexicon, load_transfer_lexicon
from kg.normalizing import match_key
from kg.pipeline import build
from kg.records import PLACE, STATE, AnnotatedDocument, Mention, Transfer
from tests.conftest import make_document, models_dir

Fact = tuple[str | None, str | None, str, str]

# ── Deliveries ──────────────────────────────────────────────────────────────────────────────
DELIVERIES = [
    ("سلمت الولايات المتحدة أوكرانيا دفعة جديدة من راجمات هيمارس.",
     {("united-states", "ukraine", "himars", "Delivered")}),
    # a phrase set off by a comma before the main verb sets the scene: its status word governs nothing after
    ("وفي إطار رفع تجميد مساعدتها العسكرية، أعلنت واشنطن عن تسليم القاهرة ثماني طائرات من طراز إف-16.",
     {("united-states", "egypt", "f-16", "Delivered")}),
    ("وبعد تعليق الصفقة العام الماضي، سلمت فرنسا مصر أربع طائرات رافال الأسبوع الماضي.",
     {("france", "egypt", "rafale", "Delivered")}),
    # a batch out of a larger order: the order is a transfer of its own, with the status its words give
    ("وتسلم العراق أربع طائرات من طراز إف-16 من الولايات المتحدة كأول دفعة من أصل 36 طائرة تم التعاقد عليها.",
     {("united-states", "iraq", "f-16", "Delivered"), ("united-states", "iraq", "f-16", "Agreed")}),
    ("وسلمت واشنطن القاهرة ثماني طائرات من طراز إف-16 من أصل 12 مقاتلة وعد بها الرئيس الأمريكي.",
     {("united-states", "egypt", "f-16", "Delivered"), ("united-states", "egypt", "f-16", "Planned")}),
    ("وتسلمت مصر ثلاث طائرات رافال من فرنسا من أصل 24 طائرة.",  # no word says what the order is
     {("france", "egypt", "rafale", "Delivered")}),
    # …but a sentence that opens with its verb: the agreement governs the clause after the comma
    ("ووقعت مصر اتفاقية مع فرنسا، تقوم بموجبها باريس بتوريد 24 طائرة مقاتلة من طراز «رافال».",
     {("france", "egypt", "rafale", "Agreed")}),
    ("أرسلت واشنطن إلى كييف صواريخ أتاكمز بعيدة المدى الشهر الماضي.",
     {("united-states", "ukraine", "atacms", "Delivered")}),
    ("زودت ألمانيا أوكرانيا بمنظومات الدفاع الجوي إيريس-تي.",
     {("germany", "ukraine", "iris-t", "Delivered")}),
    ("قدمت تركيا لأوكرانيا طائرات مسيرة من طراز بيرقدار.",
     {("turkey", "ukraine", "bayraktar-tb2", "Delivered")}),
    ("الولايات المتحدة سلمت تايوان صواريخ هاربون المضادة للسفن.",
     {("united-states", "taiwan", "harpoon", "Delivered")}),
    ("إيران زودت روسيا بمئات الطائرات المسيرة.",
     {("iran", "russia", "drone", "Delivered")}),
    ("شحنت كوريا الشمالية قذائف مدفعية إلى روسيا عبر السكك الحديدية.",
     {("north-korea", "russia", "ammunition", "Delivered")}),
    ("بعد تسليم واشنطن كييف منظومة باتريوت، تراجعت فعالية الهجمات الروسية.",
     {("united-states", "ukraine", "patriot", "Delivered")}),
    ("منحت بريطانيا أوكرانيا دبابات تشالنجر 2 في إطار حزمة جديدة.",
     {("united-kingdom", "ukraine", "challenger-2", "Delivered")}),
    # A capital stands for its state, a nisba on the army for the army's state.
    ("وسلمت موسكو بالفعل طهران مقاتلات سوخوي 35.",
     {("russia", "iran", "su-35", "Delivered")}),
    # Receiving: the subject is the recipient, «من» names the supplier.
    ("تسلمت مصر الدفعة الأولى من مقاتلات رافال الفرنسية.",
     {("france", "egypt", "rafale", "Delivered")}),
    ("تسلم الجيش الباكستاني مقاتلات جيه-10 سي من الصين.",
     {("china", "pakistan", "j-10c", "Delivered")}),
    ("تلقت بولندا أول دبابات أبرامز من الولايات المتحدة.",
     {("united-states", "poland", "abrams", "Delivered")}),
    ("استلمت أوكرانيا منظومة ناسامس من النرويج.",
     {("norway", "ukraine", "nasams", "Delivered")}),
    # Arrival: the weapon is the subject.
    ("وصلت صواريخ إس-400 الروسية إلى تركيا في يوليو.",
     {("russia", "turkey", "s-400", "Delivered")}),
    ("وصلت إلى بولندا أولى دبابات أبرامز القادمة من الولايات المتحدة.",
     {("united-states", "poland", "abrams", "Delivered")}),
    ("أعلنت كييف وصول مقاتلات إف-16 الهولندية إلى أوكرانيا.",
     {("netherlands", "ukraine", "f-16", "Delivered")}),
    ("أرسلت واشنطن 4 طائرات نقل عسكرية إلى تركيا.",
     {("united-states", "turkey", "military-transport-aircraft", "Delivered")}),
    # a person's arrival between the parties and the weapons is a visit, not a second transfer cue
    ("أعلنت واشنطن تسليم مصر قبل وصول كيري 8 طائرات من طراز إف-16.",
     {("united-states", "egypt", "f-16", "Delivered")}),
    # read by word order alone, the maker of the weapons supplies them, and the weapons named with them
    ("وأوضح أن الولايات المتحدة قررت تسليم مصر 8 طائرات من طراز إف-16 وبعض دبابات «إم ون».",
     {("united-states", "egypt", "f-16", "Planned"), ("united-states", "egypt", "ام ون", "Planned")}),
]

# ── Sales, purchases and deals ──────────────────────────────────────────────────────────────────
SALES = [
    ("باعت روسيا الهند منظومات إس-400 بقيمة خمسة مليارات دولار.",
     {("russia", "india", "s-400", "Agreed")}),
    ("باعت فرنسا لقطر طائرات رافال.",
     {("france", "qatar", "rafale", "Agreed")}),
    ("صدرت تركيا طائرات بيرقدار إلى أذربيجان.",
     {("turkey", "azerbaijan", "bayraktar-tb2", "Delivered")}),
    ("اشترت الجزائر مقاتلات سوخوي 57 من روسيا.",
     {("russia", "algeria", "su-57", "Agreed")}),
    ("استوردت السعودية أنظمة ثاد من الولايات المتحدة.",
     {("united-states", "saudi-arabia", "thaad", "Delivered")}),
    ("حصلت الإمارات على طائرات رافال من فرنسا.",
     {("france", "united-arab-emirates", "rafale", "Delivered")}),
    ("وقعت الإمارات صفقة لشراء طائرات رافال من فرنسا.",
     {("france", "united-arab-emirates", "rafale", "Agreed")}),
    ("تعاقدت مصر مع ألمانيا على شراء غواصات.",
     {("germany", "egypt", "warship", "Agreed")}),
    # an approved sale is authorised, not concluded (ANNOTATION.md: Planned)
    ("وافقت الولايات المتحدة على بيع تايوان صواريخ ستينغر.",
     {("united-states", "taiwan", "stinger", "Planned")}),
    ("اتفقت روسيا وإيران على تزويد طهران بمقاتلات سوخوي 35.",
     {("russia", "iran", "su-35", "Agreed")}),
    ("أبرمت المغرب صفقة مع الولايات المتحدة لاقتناء صواريخ جافلين.",
     {("united-states", "morocco", "javelin", "Agreed")}),
]

# A sale told in the past with its recipient and no word of plan or request is a concluded sale: Agreed (the
# lexicon's rule; only a delivery cue says the weapons arrived).
PAST_SALES = [
    ("باعت أنقرة طائرات بيرقدار إلى بولندا.",
     {("turkey", "poland", "bayraktar-tb2", "Agreed")}),
    ("باعت الولايات المتحدة لليونان مقاتلات إف-35.",
     {("united-states", "greece", "f-35", "Agreed")}),
    ("وباعت موسكو طهران مقاتلات سوخوي 35 العام الماضي.",
     {("russia", "iran", "su-35", "Agreed")}),
]

# ── Deployment, stationing and retention ─────────────────────────────────────────────────────────
DEPLOYMENTS = [
    ("نشرت الولايات المتحدة منظومة ثاد في كوريا الجنوبية.",
     {("united-states", "south-korea", "thaad", "Deployed")}),
    # a base and its host state, the link word written with «بـ»
    ("ونشرت بريطانيا مقاتلات تايفون في قاعدة أكروتيري بجنوب قبرص.",
     {("united-kingdom", "cyprus", "eurofighter-typhoon", "Deployed")}),
    ("تنشر روسيا صواريخ إسكندر في بيلاروسيا.",
     {("russia", "belarus", "iskander", "Deployed")}),
    ("نشرت روسيا أسلحة نووية تكتيكية على الأراضي البيلاروسية.",
     {("russia", "belarus", "tactical-nuclear-weapon", "Deployed")}),
    ("تتمركز منظومات باتريوت الأمريكية في بولندا منذ العام الماضي.",
     {("united-states", "poland", "patriot", "Deployed")}),
    ("وتشمل الأسلحة منظومات هيمارس الأمريكية المنتشرة في رومانيا.",
     {("united-states", "romania", "himars", "Deployed")}),
    ("تحتفظ الولايات المتحدة بأسلحة نووية في تركيا.",
     {("united-states", "turkey", "nuclear-weapon", "Deployed")}),
    ("قررت بيلاروسيا الإبقاء على صواريخ إسكندر الروسية.",
     {("russia", "belarus", "iskander", "Planned")}),
    # Sent to a base on another state's land: the host receives, and the weapons are stationed there.
    ("أرسلت الولايات المتحدة ست طائرات إف-16 إلى قاعدة إنجرليك في تركيا.",
     {("united-states", "turkey", "f-16", "Deployed")}),
    ("نقلت روسيا مقاتلات سوخوي-35 إلى قاعدة حميميم الجوية في سوريا.",
     {("russia", "syria", "su-35", "Deployed")}),
    ("أرسلت فرنسا طائرات رافال إلى قاعدة جوية جنوب الأردن.",
     {("france", "jordan", "rafale", "Deployed")}),
    # «قاعدة» as a basis, not a base
    ("سلمت فرنسا مصر طائرات رافال على قاعدة اتفاق وقع في باريس.",
     {("france", "egypt", "rafale", "Delivered")}),
    # an adverb of frequency before «ما» makes it no negation: usually stationed there
    ("تحلق مروحيات أوسبري التي عادة ما تنشر في القاعدة العسكرية الأمريكية في جيبوتي.",
     {("united-states", "djibouti", "osprey", "Deployed")}),
    ("وغالبا ما ترسل روسيا مقاتلات سوخوي-35 إلى قاعدة حميميم الجوية في سوريا.",
     {("russia", "syria", "su-35", "Deployed")}),
    # a relative clause on the weapon before it: that weapon is stationed, not one named later in the clause
    ("وحلقت مروحيات أوسبري الأمريكية التي عادة ما تنشر في جيبوتي فوق نيروبي إلى جانب مروحية بلاك هوك.",
     {("united-states", "djibouti", "osprey", "Deployed")}),
    ("ووصلت صواريخ باتريوت الأمريكية التي تنشر في بولندا منذ العام الماضي إلى جانب مقاتلات إف-16.",
     {("united-states", "poland", "patriot", "Deployed")}),
    # systems written with the article, coordinated before one relative clause, counts between; of the two
    # suppliers named together each system comes from its maker (rule supplier-by-maker)
    ("وتشارك في العرض طائرات الرافال الثلاث وطائرات الاف-16 الثماني التي تسلمتها مصر "
     "من فرنسا والولايات المتحدة.",
     {("france", "egypt", "rafale", "Delivered"), ("united-states", "egypt", "f-16", "Delivered")}),
]

# ── Status: plans, requests, denials ───────────────────────────────────────────────────────────
PLANS = [
    # speeding up sales or a handover (lex:acceleration): still to come, whatever agreement is named
    ("وأعلن كيري الاتفاق على تسريع عمليات بيع السلاح لدول مجلس التعاون.",
     {("united-states", "gcc", "arms", "Planned")}),
    ("وقررت واشنطن تعجيل تسليم طائرات إف-16 إلى العراق.", {("united-states", "iraq", "f-16", "Planned")}),
    ("وتسلمت مصر الطائرات الحربية بسرعة كبيرة من فرنسا.",  # «بسرعة»: fast, and delivered
     {("france", "egypt", "combat-aircraft", "Delivered")}),
    ("ستسلم ألمانيا أوكرانيا دبابات ليوبارد 2 الشهر المقبل.",
     {("germany", "ukraine", "leopard-2", "Planned")}),
    ("سوف ترسل بريطانيا صواريخ ستورم شادو إلى أوكرانيا.",
     {("united-kingdom", "ukraine", "storm-shadow", "Planned")}),
    ("تعتزم بولندا شراء مروحيات أباتشي من الولايات المتحدة.",
     {("united-states", "poland", "apache", "Planned")}),
    ("تخطط روسيا لنشر صواريخ أوريشنيك في بيلاروسيا.",
     {("russia", "belarus", "oreshnik", "Planned")}),
    # an intention noun with its pronoun («نيتها», «عزمه»): ة written ت
    ("وأعلنت روسيا نيتها بيع صواريخ إس-300 لإيران.", {("russia", "iran", "s-300", "Planned")}),
    ("وأعلنت فرنسا عزمها تسليم مصر طائرات رافال.", {("france", "egypt", "rafale", "Planned")}),
    ("من المقرر أن تتسلم اليونان مقاتلات إف-35 من الولايات المتحدة.",
     {("united-states", "greece", "f-35", "Planned")}),
    ("وتنوي الهند شراء طائرات رافال إضافية من فرنسا.",
     {("france", "india", "rafale", "Planned")}),
    # the adjective agrees with the plural («منظومات دفاع جوية»), the supplier is the nisba after it
    ("قررت تركيا شراء منظومات دفاع جوية صينية.",
     {("china", "turkey", "air-defence-system", "Planned")}),
]
REQUESTS = [
    ("طلبت أوكرانيا من ألمانيا صواريخ توروس.",
     {("germany", "ukraine", "taurus", "Requested")}),
    ("تسعى السعودية للحصول على مقاتلات إف-35 من الولايات المتحدة.",
     {("united-states", "saudi-arabia", "f-35", "Requested")}),
    ("تود مصر الحصول على مقاتلات سوخوي 35 من روسيا.",
     {("russia", "egypt", "su-35", "Requested")}),
    ("طالبت كييف برلين بتزويدها بصواريخ توروس.",
     {("germany", "ukraine", "taurus", "Requested")}),
    ("ترغب تايوان في شراء دبابات أبرامز من الولايات المتحدة.",
     {("united-states", "taiwan", "abrams", "Requested")}),
]
# A request addressed to the supplier before the purchase it asks for («طلبت X من Y شراء …»).
REQUEST_PURCHASES = [
    ("طلبت بولندا من الولايات المتحدة شراء 96 مروحية أباتشي.",
     {("united-states", "poland", "apache", "Requested")}),
    ("وطلبت مصر من فرنسا شراء مقاتلات رافال إضافية.",
     {("france", "egypt", "rafale", "Requested")}),
    ("تقدمت الهند بطلب لشراء منظومات إس-400 من روسيا.",
     {("russia", "india", "s-400", "Requested")}),
    ("تسعى المغرب لشراء طائرات بيرقدار من تركيا.",
     {("turkey", "morocco", "bayraktar-tb2", "Requested")}),
]
# A state's army, ministry or forces stand for the state.
BODIES = [
    ("تسلم الجيش البولندي الدفعة الأولى من دبابات أبرامز من الولايات المتحدة.",
     {("united-states", "poland", "abrams", "Delivered")}),
    ("أعلنت وزارة الدفاع الهندية أنها تسلمت منظومات إس-400 من روسيا.",
     {("russia", "india", "s-400", "Delivered")}),
    ("وتسلمت القوات الأوكرانية مدافع سيزار من فرنسا.",
     {("france", "ukraine", "caesar-howitzer", "Delivered")}),
]
# A group of states as one party, never one of its members picked from the sentence.
GROUPS = [
    ("وتسلم الجيش اليمني دبابات من نوع «لوكلير» مقدمة من دول التحالف العربي.",
     {("saudi-led-coalition", "yemen", "لوكلير", "Delivered")}),
    ("اتهمت روسيا حلف الناتو بتزويد أوكرانيا بصواريخ.",  # an alliance supplies, as Russia states it
     {("nato", "ukraine", "missile", "Delivered")}),
    ("وقال مسؤول إن الولايات المتحدة ستبيع أسلحة متطورة لدول مجلس التعاون الخليجي.",
     {("united-states", "gcc", "arms", "Planned")}),
    # «لل» on a group's first word is its preposition
    ("ووافقت الولايات المتحدة على تسريع مبيعات الأسلحة للدول الخليجية.",
     {("united-states", "gcc", "arms", "Planned")}),
    ("وسلم حلف الناتو أوكرانيا أنظمة دفاع جوي حديثة الشهر الماضي.",
     {("nato", "ukraine", "air-defence-system", "Delivered")}),
    # «دول التحالف» alone is the Saudi-led coalition in news of Yemen (kg:homographContext)
    ("وتسلم الجيش اليمني دبابات مقدمة من دول التحالف.",
     {("saudi-led-coalition", "yemen", "tank", "Delivered")}),
]
# A relative clause on the weapon, its pronoun after the cue («بها»): the state before the weapon receives.
RELATIVE_CLAUSES = [
    ("وعرضت القوات اليمنية الدبابات التي زودتها بها السعودية.",
     {("saudi-arabia", "yemen", "tank", "Delivered")}),
    ("وتسلم الجيش اليمني أسلحة حديثة زودته بها السعودية.",
     {("saudi-arabia", "yemen", "arms", "Delivered")}),
    ('وهناك فرقاطة "فريم" التي اشترتها مصر من فرنسا.',  # a closing mark between the name and «التي»
     {("france", "egypt", "fremm", "Agreed")}),
    ("وقالت روسيا التي زودت سوريا بالأسلحة إنها لن تتراجع.",  # the relative on the supplier: no pronoun
     {("russia", "syria", "arms", "Delivered")}),
    # an indefinite weapon's relative clause has no pronoun; the phrase's own preposition takes it up
    ("واستخدم المقاتلون مدرعات حصلت عليها القوات اليمنية من السعودية.",
     {("saudi-arabia", "yemen", "armoured-vehicle", "Delivered")}),
    ("وتحدث الوزير عن الجائزة التي حصلت عليها مصر من فرنسا.", set()),  # no weapon
    # «والتي»: a second qualifier joined by «و» opens the relative clause all the same
    ("وشهد الوزير وصول الفرقاطة من طراز «فريم» والتي حصلت عليها مصر من فرنسا.",
     {("france", "egypt", "fremm", "Delivered")}),
    ("وعرض الجيش المصري الدبابات الحديثة والتي زودته بها الإمارات.",
     {("united-arab-emirates", "egypt", "tank", "Delivered")}),
    ("وتحدث الوزير عن الجائزة الكبرى والتي حصلت عليها مصر من فرنسا.", set()),  # no weapon
    # a state after «مع» that the relative pronoun takes up is the relative clause's subject, and the partners
    # before it belong to the main clause
    ("ووقعت الشركة عقدين مع القاهرة في فبراير ثم مع قطر التي اشترت 24 طائرة رافال في يونيو.",
     {("france", "qatar", "rafale", "Agreed")}),
    ("وتحدث الوزير مع الهند التي اشترت 36 طائرة رافال العام الماضي.",
     {("france", "india", "rafale", "Agreed")}),
    ("وتحدث الرئيس عن مصر التي تسلمت من فرنسا فرقاطة «فريم».",
     {("france", "egypt", "fremm", "Delivered")}),
    ("وزار الوزير أوكرانيا التي زودتها الولايات المتحدة بصواريخ جافلين.",  # the verb's pronoun takes her up
     {("united-states", "ukraine", "javelin", "Delivered")}),
    # a generic noun described by the relative clause takes up the weapon of its category named before
    ('وحلقت طائرات "رافال" الثلاث، وهي ضمن الـ24 طائرة التي اشترتها مصر.',
     {("france", "egypt", "rafale", "Agreed")}),
    ("وحلقت طائرات رافال الثلاث وهي ضمن 24 طائرة اشترتها مصر من فرنسا.",
     {("france", "egypt", "rafale", "Agreed")}),
    ("وقال إن الطائرة التي اشترتها الشركة وصلت إلى المطار.", set()),  # no weapon named before
    # the weapon's adjectives between it and the relative pronoun
    ("وقال مصدر إن مئات الدبابات الحديثة التي استلمتها القوات اليمنية من الإمارات وصلت إلى مأرب.",
     {("united-arab-emirates", "yemen", "tank", "Delivered")}),
    ("وأصابت الصواريخ الفرنسية المتطورة التي اشترتها مصر أهدافها بدقة.",
     {("france", "egypt", "missile", "Agreed")}),
    # a place between the weapon and the relative pronoun: the clause is on the place
    ("وتمركزت الدبابات في المدينة التي سلمتها روسيا للحكومة.", set()),
    ("وعرض الجيش الطائرات الحديثة التي صنعتها الشركة محليا.", set()),
]
# A coalition fighting in a state hands weapons over to that state's side when the text names no recipient
# (kg:fightsIn); a relative clause on the weapons has its subject inside it, and «هم» is people, no state.
THEATRE = [
    ("وأرسلت قوات التحالف العربي مدرعات حديثة إلى محافظة مأرب.",
     {("saudi-led-coalition", "yemen", "armoured-vehicle", "Delivered")}),
    ("وشارك في المعركة مقاتلون تساندهم عربات عسكرية ومصفحات، التي وفرها التحالف العربي.",
     {("saudi-led-coalition", "yemen", "military-vehicle", "Delivered"),
      ("saudi-led-coalition", "yemen", "armoured-vehicle", "Delivered")}),
    ("وزودت دول التحالف الجيش اليمني بمدرعات.",  # the recipient named: read, not inferred
     {("saudi-led-coalition", "yemen", "armoured-vehicle", "Delivered")}),
    ("ونقلت الطائرات الحربية، التي اشترتها قطر من فرنسا، إلى القاعدة.",  # a comma before «التي»
     {("france", "qatar", "combat-aircraft", "Agreed")}),
    ("وسلمت السعودية دبابات حديثة.", set()),  # no coalition: no recipient, no transfer
    # «هم»: the fighters, no state: Russia gives to no recipient (lex:armedGroup)
    ("وقال إن روسيا تدعم المقاتلين وتمدهم بالأسلحة.", {("russia", None, "arms", "Delivered")}),
    # a verb with no subject of its own shares that of the verb before it, when the two agree
    ("ويدعم التحالف المقاتلين في اليمن بضربات جوية وبالتدريب كما يمدهم بالدبابات.",
     {("saudi-led-coalition", "yemen", "tank", "Delivered")}),
    ("وتدعم روسيا الحكومة السورية وتزودها بالأسلحة.", {("russia", "syria", "arms", "Delivered")}),
    ("وزارت روسيا مصر وباعتها طائرات ميغ-29.", {("russia", "egypt", "mig-29", "Agreed")}),
    ("وعرضت سوريا صور الصواريخ التي أرسلتها إيران.", set()),  # Syria shows them: she receives nothing here
    ("وقصفت طائرات التحالف مواقع الحوثيين بالصواريخ في اليمن.", set()),  # fighting, not handing over
]
# A state giving weapons to armed people who are no state (lex:armedGroup): a transfer with no recipient;
# «تسليح» names its weapon by itself (lex:impliedWeapon) where its clause names none.
ARMED_GROUPS = [
    # «سورية» is Syria and the nisba Syrian: after an indefinite noun it is the adjective, here of an
    # opposition, which is no state; after a verb or with a clitic it stays the state
    ("وتراجع وزارة الدفاع الأمريكية برنامج تدريب وتسليح قوات معارضة سورية.", set()),
    ("وسلمت روسيا سورية أسلحة حديثة.", {("russia", "syria", "arms", "Delivered")}),
    ("وقال إن الانفصاليين استخدموا صواريخ بوك التي تزودهم بها روسيا.",
     {("russia", None, "buk", "Delivered")}),
    ("وزودت روسيا الانفصاليين بالدبابات.", {("russia", None, "tank", "Delivered")}),
    ("وأرسلت إيران صواريخ إلى الميليشيات.", {("iran", None, "missile", "Delivered")}),
    ("وقال إن بريطانيا سلمت أسلحة للمسلحين في ليبيا.", {("united-kingdom", None, "arms", "Delivered")}),
    ("وتتهم كييف الكرملين بتسليح المتمردين في الشرق.", {("russia", None, "arms", "Delivered")}),
    ("وقال إن الولايات المتحدة اتجهت إلى تسليح فصائل مسلحة.", {("united-states", None, "arms", "Delivered")}),
    ("وتواصل الولايات المتحدة تسليح الجيش العراقي.", {("united-states", "iraq", "arms", "Delivered")}),
    # a known armed group that is no state (kg:ArmedGroup in the gazetteer), bare or after «إلى», «لـ»
    ("واتهمت الحكومة اليمنية إيران بتزويد الحوثيين بالصواريخ.", {("iran", None, "missile", "Delivered")}),
    ("وقالت واشنطن إن إيران ترسل أسلحة إلى حزب الله عبر سوريا.", {("iran", None, "arms", "Delivered")}),
    ("واستولى الحوثيون على دبابات يمنية.", set()),  # seized, not given
    ("وقصفت طائرات التحالف مخازن أسلحة الحوثيين.", set()),  # their depots were bombed
    # «لكنها» shares the subject before it; fighters of a nationality are not their state
    ("تعلن الجزائر حيادها، لكنها تزود مقاتلين ليبيين بالصواريخ.",
     {("algeria", None, "missile", "Delivered")}),
    ("وأرسلت روسيا دبابات ضد المتمردين.", set()),  # against them
    ("واستولى المتمردون على دبابات روسية.", set()),  # seized, not given
    ("وتعمل السعودية على تسليح جيشها.", set()),  # her own army
    ("ويشهد العالم سباق التسليح.", set()),  # no party
    ("وسلمت الولايات المتحدة أسلحة للجيش.", set()),  # an army of no state named: no transfer
]
# Smuggling (lex:Smuggle, lex:toNoState): weapons smuggled from a state («من X», a nisba on the weapon) go
# to no state, whatever land they are smuggled into; the sentence's subject is the state that stopped them,
# no party. An attempt or a foiled smuggling is Planned (lex:attempt, lex:foiling).
SMUGGLING = [
    ("وأحبطت البحرين محاولة تهريب أسلحة من إيران.", {("iran", None, "arms", "Planned")}),
    ("وأعلنت الكويت إحباط تهريب متفجرات وذخائر من إيران إلى أراضيها.",
     {("iran", None, "explosives", "Planned"), ("iran", None, "ammunition", "Planned")}),
    ("وضبطت الشرطة الأردنية أسلحة آلية مهربة من سوريا.", {("syria", None, "automatic-weapon", "Delivered")}),
    ("وقال المصدر إن عمليات تهريب الصواريخ الإيرانية إلى اليمن مستمرة.",
     {("iran", None, "missile", "Delivered")}),
    ("وحاولت الخلية تهريب بنادق كلاشنكوف من العراق.", {("iraq", None, "ak-47", "Planned")}),
    ("وهرب الرجل من إيران إلى تركيا ومعه مسدس.", set()),  # «هرب»: he fled; the verb is no smuggling cue
    ("وناقش الوزيران تهريب النفط من إيران.", set()),  # no weapon
    ("وأحبطت السلطات تهريب أسلحة عبر الحدود.", set()),  # no state they come from
    ("وأحبطت السعودية تهريب متفجرات إلى البحرين.", set()),  # the one who stopped them supplies nothing
    ("وأحبطت الشرطة تهريب أسلحة على متن سفينة قادمة من تركيا.", set()),  # where the ship came from
    # a smuggling stopped was foiled: Planned, not Denied
    ("البحرين توقف 5 أشخاص في عملية تهريب أسلحة ومتفجرات من إيران.",
     {("iran", None, "arms", "Planned"), ("iran", None, "explosives", "Planned")}),
    ("وأشار إلى أنه تم تهريب 7983 قطعة سلاح إلى الأراضي المصرية.", set()),  # the land is Egyptian
]
# Seizures (lex:Seize, lex:seizedShipment): what was seized («المضبوطات», «ضبط») is the foiled shipment of
# the smuggling the document told before, from the origin it named, to no state, Planned; a list after
# «التالية:» is the cue's. With no smuggling story, or none with an origin, a seizure is no transfer.
SEIZURES = [
    ("وأعلنت الكويت إحباط تهريب أسلحة من إيران عبر البحر. وعند تفتيش القارب تبين احتواؤه على المضبوطات "
     "التالية: بنادق كلاشنكوف، وكمية من الطلقات.",
     {("iran", None, "arms", "Planned"), ("iran", None, "ak-47", "Planned"),
      ("iran", None, "ammunition", "Planned")}),
    ("أحبطت السلطات اليمنية تهريب شحنة متفجرات من إيران. وتم ضبط 40 كيلوغراما من مادة C4 في القارب.",
     {("iran", None, "explosives", "Planned"), ("iran", None, "c-4", "Planned")}),
    ("وضبطت الشرطة في الرياض بنادق كلاشنكوف وذخائر في منزل المتهم.", set()),  # no smuggling story
    ("وتبين احتواء السيارة على المضبوطات التالية: بنادق كلاشنكوف، وكمية من الطلقات.", set()),
    ("وأحبطت السلطات تهريب أسلحة عبر الحدود. وشملت المضبوطات بنادق كلاشنكوف.", set()),  # no origin named
    ("وأعلنت وزارة التجارة ضبط الأسعار في الأسواق خلال شهر رمضان.", set()),  # «ضبط»: setting prices
]
# A noun of command or government between a preposition and a state («من قيادة التحالف»): the preposition
# governs the state (lex:commandOf).
COMMAND_OF = [
    ("وشاركت في الهجوم مئات الدبابات الحديثة التي استلمتها المقاومة الشعبية من قيادة التحالف العربي.",
     {("saudi-led-coalition", "yemen", "tank", "Delivered")}),
    ("وتسلم الجيش الأفغاني مروحيات جديدة من حكومة الولايات المتحدة.",
     {("united-states", "afghanistan", "helicopter", "Delivered")}),
    ("وانتقد قائد قيادة التحالف الدولي تسليم الأسلحة للميليشيات.", set()),  # no state receives
]
# An agreement with the buyer («اتفاق مع الرياض على شراء…») names no seller: a known system comes from the
# state that makes it (kg:producedBy), as when the buyer is the subject.
AGREED_WITH_THE_BUYER = [
    ("وتوصلت الحكومة الأمريكية إلى اتفاق مع الرياض على شراء نظام ثاد.",
     {("united-states", "saudi-arabia", "thaad", "Agreed")}),
    ("وتوصلت الحكومة إلى اتفاق مع الرياض على شراء طائرات نقل.", set()),  # no maker known: no seller
    ("وطلب النواب من وزير الدفاع العراقي كشف مصادر حصول العراق على عتاد الطائرات.", set()),
]
# A negation with an exception («لن … سوى», «لم … إلا») restricts what is handed over and denies nothing.
RESTRICTED_NEGATIONS = [
    ("وأكدت المصادر أن واشنطن لن تسلم العراق سوى 35 طائرة إف-16 من أصل 36 طائرة.",
     {("united-states", "iraq", "f-16", "Planned")}),
    ("ولم تسلم روسيا إيران إلا أربع منظومات إس-300 من أصل خمس.", {("russia", "iran", "s-300", "Delivered")}),
    ("وأكدت المصادر أن واشنطن لن تسلم العراق طائرات إف-16.", {("united-states", "iraq", "f-16", "Denied")}),
]
# A handover noun that names only the one it goes to leaves its giver implicit: the maker of a known system
# (supplier-from-producer); the state a person visits is no party of it.
HANDED_TO = [
    ("وكان من الملفت تسليم مصر طائرات أف 16 الأسبوع الماضي.",
     {("united-states", "egypt", "f-16", "Delivered")}),
    ("وكان من الملفت تسليم مصر طائرات أف ١٦ قبل وصول كيري إلى القاهرة.",
     {("united-states", "egypt", "f-16", "Delivered")}),
    ("وتسلمت مصر طائرات رافال قبل وصول الرئيس الفرنسي فرانسوا هولاند إلى القاهرة.",
     {("france", "egypt", "rafale", "Delivered")}),
    ("وتحدث عن تسليم روسيا صواريخ إس 300 الأسبوع الماضي.", set()),  # the maker itself: its own handover
    ("وتحدث عن تسليم مصر دبابات الأسبوع الماضي.", set()),  # no known system: no maker to infer
]
# A clause that names no recipient but where the weapons came from, «من» right after a weapon (a state, or a
# noun and its nisba), gives a transfer from there to an unnamed recipient (rule recipient-unnamed).
ORIGINS = [
    ("واعترف المتهمون بنقل الأسلحة والذخائر من قوارب إيرانية إلى الشاطئ.",
     {("iran", None, "arms", "Delivered"), ("iran", None, "ammunition", "Delivered")}),
    ("وتم نقل الصواريخ من إيران عبر البحر.", {("iran", None, "missile", "Delivered")}),
    ("وشحنت السفينة الأسلحة من موانئ روسية.", {("russia", None, "arms", "Delivered")}),
    ("ونقلت روسيا الأسلحة من موانئ روسية إلى سوريا.", {("russia", "syria", "arms", "Delivered")}),
    # «من» after the cue says where they arrived from, and the side they went to is often told elsewhere
    ("وقال المسؤولون إن الهجوم دعمته شحنات الأسلحة التي وصلت من السعودية.", set()),
    ("ونقل الجيش الأسلحة من القواعد إلى الجبهة.", set()),  # no state
    ("ونقلت الطائرة الجرحى من مستشفيات يمنية.", set()),  # no weapon
    # another state in the sentence may be the recipient: no transfer to an unnamed one
    ("وتسلمت سوريا الشحنة التي شملت صواريخ وذخائر من روسيا.", set()),
    # a time clause («وعند …», «وعلى إثر ذلك») ends the cue's: the shipment thrown into the sea takes no
    # weapon found later, nor a state the boat headed for
    ("وبعد ذلك تحرك القارب باتجاه مملكة البحرين، وعند مشاهدتهما الطائرة قاما بإلقاء الشحنة في البحر، "
     "وعلى إثر ذلك، تمكنت الدوريات من العثور على الحقائب وتبين احتواؤها على بنادق كلاشنكوف.", set()),
]
# A company's nisba names no party, unless the company is its state's («شركة حكومية صينية»).
STATE_COMPANIES = [
    ("وأجرت تركيا محادثات مع شركة حكومية صينية لشراء نظام دفاع جوي.",
     {("china", "turkey", "air-defence-system", "Planned")}),
    ("وأجرت تركيا محادثات مع شركة صينية لشراء نظام دفاع جوي.", set()),
]
# «بعد أن», «قبل أن», «منذ أن» open a clause of its own: the cue's arguments stop before them.
SUBORDINATE_CLAUSES = [
    ("وتقدمت المقاومة اليمنية بالعربات القتالية والدبابات التي زودها بها التحالف العربي بعد أن كان خصوم "
     "المملكة قد راهنوا على هزيمتها.",
     {("saudi-led-coalition", "yemen", "military-vehicle", "Delivered"),
      ("saudi-led-coalition", "yemen", "tank", "Delivered")}),
    ("وتسلمت مصر طائرات رافال من فرنسا بعد أن رفضت الولايات المتحدة بيعها مقاتلات جديدة.",
     {("france", "egypt", "rafale", "Delivered"), ("united-states", "egypt", "combat-aircraft", "Denied")}),
    ("وسلمت روسيا المنظومة قبل أن تعلن تركيا تفعيلها.", set()),  # «تركيا» is the other clause's
]
# A verbal noun hanging on a verb joined by «و» («وقامت بتزويدها», «وتعمل على تزويدها») takes the subject
# that verb shares with the verb before it: the state right before that verb (SVO) or right after it (VSO),
# the verbs agreeing. A state inside a prepositional phrase is nobody's subject.
SUPPORT_VERBS = [
    # «دعم … بـ»: supporting someone with weapons supplies them (lex:weaponWith); with anything else, nothing
    ("ودعمت السعودية الجيش اليمني بالدبابات والمدرعات.",
     {("saudi-arabia", "yemen", "tank", "Delivered"),
      ("saudi-arabia", "yemen", "armoured-vehicle", "Delivered")}),
    ("وتدعم دول قوات التحالف بالضربات الجوية وشحنات الأسلحة تقدم قوات المقاومة من جنوب اليمن.",
     {("saudi-led-coalition", "yemen", "arms", "Delivered")}),
    ("وتدعم الولايات المتحدة الحكومة العراقية سياسيا وتزودها بالمعلومات.", set()),
    ("وقال إن دعم الحوثيين مستمر رغم الضربات على مخازن الأسلحة.", set()),
    # a support that governs no weapon neither transfers nor ends the clause of the cue before it
    ("وسلمت الولايات المتحدة خمس دبابات أبرامز في إطار الدعم الأمني الأمريكي المستمر لمصر.",
     {("united-states", "egypt", "abrams", "Delivered")}),
    ("قوات التحالف ساندت المقاومة الشعبية، من أجل التأكيد على الشرعية اليمنية، وقامت بتزويدها بالسلاح.",
     {("saudi-led-coalition", "yemen", "arms", "Delivered")}),
    ("ودعمت روسيا الحكومة السورية وقامت بتزويدها بالدبابات.", {("russia", "syria", "tank", "Delivered")}),
    ("والولايات المتحدة تدعم أوكرانيا وتعمل على تزويدها بالصواريخ.",
     {("united-states", "ukraine", "missile", "Delivered")}),
    ("وقالت إن الحكومة الأميركية لم تسلم إيران كل الأسلحة.", {("united-states", "iran", "arms", "Denied")}),
    ("الولايات المتحدة تقرر وقف شحن الأسلحة إلى جنوب أفريقيا.",  # «وقف» is no «و» + verb
     {("united-states", "south-africa", "arms", "Denied")}),
    ("وتحدث الوزير عن الدعم الذي تقدمه السعودية لليمن وقام بتسليم الأسلحة.", set()),  # a person, no state
    # «في» between a subject and the verbal noun it goes on to («بدأ X في», «شرع X في»): the subject's own
    ("وبدأت قوات التحالف في إمداد المقاومة اليمنية بالسلاح عبر الإنزال الجوي.",
     {("saudi-led-coalition", "yemen", "arms", "Delivered")}),
    ("وشرعت دول التحالف في تزويد الجيش اليمني بالمدرعات.",
     {("saudi-led-coalition", "yemen", "armoured-vehicle", "Delivered")}),
    ("واستمرت روسيا في تزويد سوريا بالأسلحة رغم العقوبات.", {("russia", "syria", "arms", "Delivered")}),
    ("وشارك وفد من دول التحالف في مؤتمر عن نقل الأسلحة إلى اليمن.", set()),  # «في» before no cue
    # a verbal noun joined by «و» to the noun before a state shares that noun's object (its pronoun) and agent
    ("وتعهدت الولايات المتحدة بتدريب القوات العراقية وتزويدها بالأسلحة.",
     {("united-states", "iraq", "arms", "Planned")}),
    ("وقامت روسيا بتدريب الجيش السوري وتزويده بالأسلحة الحديثة.", {("russia", "syria", "arms", "Delivered")}),
    ("وأعلنت بريطانيا دعم أوكرانيا وتسليحها بالصواريخ المضادة للدبابات.",
     {("united-kingdom", "ukraine", "anti-tank-missile", "Delivered")}),
    ("وتقوم الشركة بتطوير الطائرات المسيرة وبيعها إلى الجيوش.", set()),  # the pronoun is the weapon's
    # «تصل إلى» a sum of money amounts to it: no arrival, and the sale's weapons go on past it
    ("وافقت الخارجية الأمريكية على بيع صواريخ باتريوت للسعودية بتكلفة تصل إلى 4.5 مليار دولار، إلى جانب "
     "ذخيرة بقيمة 500 مليون دولار.",
     {("united-states", "saudi-arabia", "patriot", "Planned"),
      ("united-states", "saudi-arabia", "ammunition", "Planned")}),
    ("ووصلت إلى مصر 3 طائرات رافال من فرنسا.", {("france", "egypt", "rafale", "Delivered")}),
    ("وتصل قيمة الصفقة إلى نحو 4 مليارات دولار.", set()),
    # a generic weapon after a named one is an item of its own; one before it, past adjectives, names it
    ("وسلمت روسيا سوريا صواريخ إس-300 ودبابات حديثة.",
     {("russia", "syria", "s-300", "Delivered"), ("russia", "syria", "tank", "Delivered")}),
    ("وتسلمت مصر من فرنسا صواريخ قصيرة ومتوسطة المدى من طراز «ميكا».",
     {("france", "egypt", match_key("ميكا"), "Delivered")}),
]
# What one sentence says of a generic noun («السلاح الأميركي») is no origin of the document's other arms;
# «إن» and a noun after it open a clause with its own subject (found on an unseen Libyan arms-trade story).
UNSEEN_PRECISION = [
    # an audit of 50 unseen articles (seed 91): a verbal noun's genitive is its agent, not a state of an
    # earlier phrase; an attribution ends the clause; the genitive of another agreement is no side of this
    # one; a new coordinated clause has its own subject; a bare armed noun far on is no taker; a maker
    # supplies what the sides of an agreement exchange
    ("يتفاقم التوتر بعد تكثيف انقرة الحملة الجوية في تركيا وشمال العراق، ومع نشر الولايات المتحدة طائرات "
     "اف-16 في تركيا لمحاربة التنظيم.", {("united-states", "turkey", "f-16", "Deployed")}),
    ("نشرت الولايات المتحدة ست مقاتلات من طراز اف-16 في قاعدة انجرليك بجنوب تركيا، وفق ما أعلنت البعثة "
     "الأمريكية لدى الحلف الأطلسي.", {("united-states", "turkey", "f-16", "Deployed")}),
    # «اتفاق إيران» is no side; the buyer's agreement gives the maker as the seller (AGREED_WITH_THE_BUYER)
    ("وذكر مصدر أن الجهود الأمريكية لطمأنة السعودية بعد اتفاق إيران قد تؤدي إلى تسريع اتفاق مع الرياض على "
     "شراء نظام ثاد.", {("united-states", "saudi-arabia", "thaad", "Agreed")}),
    # the Gulf peoples buy as their states' group (b30's n296 gold), never Israel named before
    ("فهو يشغل العرب أعداء إسرائيل، ويضطر الخليجيون لشراء المزيد من الأسلحة الأمريكية.",
     {("united-states", "gcc", "arms", "Agreed")}),
    ("تؤكد الأنباء أن القوات الوطنية رفعت من قدرة أدائها بعد تزويدها بأسلحة متقدمة وآليات تساعدها على "
     "إحكام سيطرتها على مواقع المتمردين.", set()),
    ("وذلك في إطار الاتفاقية التي أبرمتها القاهرة مع باريس في فبراير الماضي، التي تقضي بتسليم 24 طائرة "
     "رافال.", {("france", "egypt", "rafale", "Agreed")}),
    # b20: a stop in the clause before a comma and a coordinated verb is no status of the cue after them;
    # «وهي من» names the system the generic weapons are; «ه» takes up the faction just named
    ("وقد تم إيقاف إنتاج الطائرة بسبب الضغوطات الأميركية، وقامت بعدها إسرائيل ببيع طائرات مقاتلة إلى الصين.",
     {("israel", "china", "combat-aircraft", "Agreed")}),
    ("وتنوي إيران أيضا شراء 250 طائرة مقاتلة من روسيا وهي من طراز سو-30.",
     {("russia", "iran", "su-30", "Planned")}),
    ("بعد إقصاء جبهة النصرة لفصيلين معتدلين أحدهما كان مدعوما أميركيا، وزودته واشنطن بصواريخ «تاو» المضادة "
     "للدروع.", {("united-states", None, "tow", "Delivered")}),
    ("وزار الوزير الجيش اللبناني، وزودته واشنطن بصواريخ «تاو» المضادة للدروع.",
     {("united-states", "lebanon", "tow", "Delivered")}),
    # «4 منها» after a number is some of them, no supplier «from» a pronoun (n220)
    ("وشهد الرئيس الاحتفال بوصول الفرقاطة «تحيا مصر» من طراز «فريم» والتي حصلت عليها مصر من فرنسا في إطار "
     "صفقة تضم أيضا 24 مقاتلة من طراز «رافال» كانت قد حلقت 4 منها في سماء القاهرة قبل عشرة أيام.",
     {("france", "egypt", "fremm", "Delivered"), ("france", "egypt", "rafale", "Agreed")}),
    ("وينتشر السلاح الأميركي في ليبيا.\nوباع التاجر الأسلحة إلى الجزائر.", set()),
    ("وبحسب رئيس المرصد التونسي، فإن مئات المهربين ينقلون الأسلحة إلى ليبيا.", set()),
    # «ها» on «تسليح» takes up the weapon nearer than any state: arming the drones, no transfer
    ("وكانت القوات الأميركية تستعمل القاعدة لإطلاق طائراتها من دون طيار، وطلبت السماح بتزويد هذه الطائرات "
     "بأسلحة بعدما كانت أنقرة تصر على عدم تسليحها.", set()),
    # fighters sent to a border: her own side of it (lex:nonStateHead «حدود»)
    ("وقال مسؤول تركي إن أنقرة أرسلت طائرات مقاتلة إلى الحدود السورية عقب الاشتباكات.", set()),
    # a bare state is a side only of an agreement named just before it, not of one a clause away
    ("وزار الأمير موسكو ووقع اتفاقية للتعاون العسكري، وأعلنت المملكة تفهمها للموقف الروسي في الحرب على "
     "جورجيا، وتواترت الأنباء عن صفقات سلاح كبيرة بين البلدين.", set()),
]
# A verb of informing (lex:noticeVerb) over the handover's verbal noun: the one who tells gives, the one told
# receives, unless the clause names the recipient.
NOTICES = [
    ("وأبلغت واشنطن أنقرة قرار بيع صواريخ باتريوت.", {("united-states", "turkey", "patriot", "Planned")}),
    ("وأبلغ الرئيس الأمريكي نظيره المصري استئناف تسليم طائرات إف-16.",
     {("united-states", "egypt", "f-16", "Delivered")}),
    ("وأبلغت روسيا الولايات المتحدة بيع صواريخ إس-300 إلى إيران.", {("russia", "iran", "s-300", "Agreed")}),
    ("وأبلغ الوزير الصحفيين أن مصر تسلمت طائرات رافال من فرنسا.",
     {("france", "egypt", "rafale", "Delivered")}),
    ("وأبلغت فرنسا ألمانيا قلقها من الوضع في المنطقة.", set()),  # no handover
]
# «إرسال X W»: a cue whose object is the thing (lex:thingAsObject) has its agent in the genitive; «الصفقة التي
# تضمنت» holds more of the deal named before (lex:requiresBefore); a definite generic noun takes up the one
# system of its category named before.
DEALS_AND_AGENTS = [
    ("ورحب الوزير بإرسال ألمانيا دبابات ليوبارد إلى أوكرانيا.",
     {("germany", "ukraine", "leopard-2", "Delivered")}),
    ("وطالبت كييف بتزويد أوكرانيا بالصواريخ.", set()),  # the one supplied, and no supplier
    ("وأرسلت الولايات المتحدة ثماني مقاتلات إف-16 إلى مصر.\n"
     "وطالبت مصر مرارا إتمام الصفقة التي تضمنت أيضا مروحيات أباتشي ودبابات إبرامز.",
     {("united-states", "egypt", "f-16", "Delivered"), ("united-states", "egypt", "apache", "Requested"),
      ("united-states", "egypt", "abrams", "Requested")}),  # the status of the deal: asked for
    ("باعت فرنسا مصر طائرات رافال.\nوعرض الجيش الخطة التي تضمنت نشر الطائرات في سيناء.",
     {("france", "egypt", "rafale", "Agreed")}),  # a plan, no deal
    ("وتضمن التقرير صورا لصواريخ باليستية.", set()),
    ("وأرسلت الولايات المتحدة ثماني مقاتلات إف-16 إلى مصر.\n"
     "ويرى مراقبون أن إرسال المقاتلات الأميركية إلى القاهرة رسالة.",
     {("united-states", "egypt", "f-16", "Delivered")}),
    # two systems of the category named before: the generic noun stays generic
    ("اشترت مصر طائرات رافال ومقاتلات إف-16.\nوتسلمت مصر المقاتلات من فرنسا.",
     {("france", "egypt", "rafale", "Agreed"), ("united-states", "egypt", "f-16", "Agreed"),
      ("france", "egypt", "combat-aircraft", "Delivered")}),
]
# A deal whose recipient a preposition names: the state approving or making it is the other side, the
# seller (lex:addressedSubjectRole); a cue beside «بموجبها» states what the deal holds, with its status.
APPROVED_DEALS = [
    ("وافقت الخارجية الأمريكية على صفقة ذخيرة محتملة للسعودية قيمتها 500 مليون دولار.",
     {("united-states", "saudi-arabia", "ammunition", "Planned")}),
    ("ووافقت واشنطن أمس على صفقة صواريخ لمصر.", {("united-states", "egypt", "missile", "Planned")}),
    ("أبرمت فرنسا صفقة دبابات مع الهند.", set()),  # «مع»: a side, no direction
    ("وألغت الهند صفقة دبابات مع فرنسا.", set()),
    # the maker gives the direction between the sides of a deal made or cancelled «مع» a state
    ("ووقعت مصر صفقة طائرات رافال مع فرنسا.", {("france", "egypt", "rafale", "Agreed")}),
    ("ووقعت روسيا صفقة صواريخ إس 300 مع إيران.", {("russia", "iran", "s-300", "Agreed")}),
    ("وألغت روسيا صفقة صواريخ إس 300 مع إيران.", {("russia", "iran", "s-300", "Denied")}),
    ("وقعت روسيا صفقة صواريخ إلى الجزائر.", {("russia", "algeria", "missile", "Agreed")}),
    ("وافقت الخارجية الأمريكية على صفقة محتملة للسعودية تحصل بموجبها المملكة على صواريخ باك-3.",
     {("united-states", "saudi-arabia", "pac-3", "Planned")}),
    ("وقعت مصر عقدا مع فرنسا تتسلم بموجبه طائرات رافال.", {("france", "egypt", "rafale", "Agreed")}),
    # negatives: the deal's sides stay unknown, or the subject is the recipient itself
    ("وافقت السعودية على صفقة صواريخ للسعودية.", set()),
    ("وتحدث الوزير عن صفقة صواريخ للسعودية.", set()),  # no state approves or makes it
]
# A weapon named earlier in the document, taken up by a definite generic noun of its category.
REFERENCES = [
    ("تسلمت الهند منظومة إس-400 من روسيا.\n"
     "وكانت الهند وقعت مع روسيا عام 2018 صفقة بقيمة 5.4 مليار دولار لشراء خمس وحدات من المنظومة.",
     {("russia", "india", "s-400", "Delivered"), ("russia", "india", "s-400", "Agreed")}),
    ("تسلمت روسيا من إيران مسيرات شاهد.\nوقال مسؤول إن روسيا تسعى لشراء المزيد من الطائرات من إيران.",
     {("iran", "russia", "shahed-136", "Delivered"), ("iran", "russia", "shahed-136", "Requested")}),
    ("عرضت باريس مقاتلات رافال في معرض دبي.\nوتخطط الهند لشراء الطائرات من فرنسا.",
     {("france", "india", "rafale", "Planned")}),
    # The supplier of the earlier sale carries over to the weapon taken up by reference.
    ("وقعت الولايات المتحدة عقدا لبيع 40 طائرة مقاتلة من طراز إف-16 إلى تركيا.\n"
     "وقال وزير الخارجية التركي هاكان فيدان إن أنقرة ستتسلم الطائرات الأولى خلال عامين.",
     {("united-states", "turkey", "f-16", "Agreed"), ("united-states", "turkey", "f-16", "Planned")}),
    ("باعت فرنسا مصر مقاتلات رافال.\nوتسلمت مصر الطائرات العام الماضي.",
     {("france", "egypt", "rafale", "Agreed"), ("france", "egypt", "rafale", "Delivered")}),
    # Of two aircraft named before, the one already sold to this recipient.
    ("باعت الولايات المتحدة تركيا مقاتلات إف-16.\nوباعت الولايات المتحدة اليونان مقاتلات إف-35.\n"
     "وستتسلم تركيا الطائرات العام المقبل.",
     {("united-states", "turkey", "f-16", "Agreed"), ("united-states", "greece", "f-35", "Agreed"),
      ("united-states", "turkey", "f-16", "Planned")}),
        # A supplier handing over the same weapon again, no recipient in its clause: the one recipient earlier
    # sentences named for that weapon and supplier (rule earlier-recipient); a governing verb's future too.
    ("سلمت الولايات المتحدة مصر خمس دبابات أبرامز.\n"
     "وستقوم الولايات المتحدة أيضا بتسليم 14 دبابة أبرامز إضافية في أغسطس.",
     {("united-states", "egypt", "abrams", "Delivered"), ("united-states", "egypt", "abrams", "Planned")}),
    # two recipients before: no guess
    ("باعت فرنسا مصر مقاتلات رافال.\nوباعت فرنسا قطر مقاتلات رافال.\n"
     "وستسلم فرنسا طائرات رافال جديدة الشهر المقبل.",
     {("france", "egypt", "rafale", "Agreed"), ("france", "qatar", "rafale", "Agreed")}),
    # a recipient the clause names that is no state: no guess either
    ("سلمت الولايات المتحدة مصر طائرات إف-16.\n"
     "وتمنع الولايات المتحدة إرسال طائرات إف-16 إلى دول لا تحترم حقوق الإنسان.",
     {("united-states", "egypt", "f-16", "Delivered")}),
    # after a passive auxiliary the noun's pronoun is what was handed over, no recipient
    ("سلمت واشنطن القاهرة دبابات أبرامز الشهر الماضي، كما تم تسليمها إلى مصنع الإنتاج المشترك.",
     {("united-states", "egypt", "abrams", "Delivered")}),
    # a nisba qualifies the weapon noun only if it agrees with it: the factory's manager is Iranian
    ("ووصلت الدبابات الإيرانية إلى سوريا.", {("iran", "syria", "tank", "Delivered")}),
    ("ووصل مدير مصنع الدبابات الإيراني إلى سوريا.", set()),
# A demonstrative before a generic weapon takes up the named one; with nothing named, the generic stays.
    ("تسلمت الفلبين الدفعة الأولى من صواريخ براهموس من الهند.\n"
     "وتعد الفلبين أول دولة تشتري هذه الصواريخ.",
     {("india", "philippines", "brahmos", "Delivered"), ("india", "philippines", "brahmos", "Agreed")}),
    ("زودت إيران روسيا بمسيرات شاهد.\nوتسلمت روسيا هذه الطائرات عبر بحر قزوين.",
     {("iran", "russia", "shahed-136", "Delivered")}),
    ("اشترت مصر هذه الصواريخ من فرنسا.",
     {("france", "egypt", "missile", "Agreed")}),
    # … but only for the same recipient.
    ("اشترت بولندا دبابات أبرامز من الولايات المتحدة.\nوتسلمت رومانيا الدبابات.",
     {("united-states", "poland", "abrams", "Agreed")}),
]
# What a weapon is fitted with is part of it; more of the same takes up the weapon named before.
FITTINGS_AND_MORE = [
    ("سلمت الولايات المتحدة مصر زورقي دورية مزودين بقاذفات الصواريخ.",
     {("united-states", "egypt", "patrol-boat", "Delivered")}),
    ("تسلمت البحرية المصرية فرقاطة مجهزة بصواريخ مضادة للسفن ومدافع من فرنسا.",
     {("france", "egypt", "warship", "Delivered")}),
    ("باعت تركيا قطر مدرعات مسلحة برشاشات ثقيلة.",
     {("turkey", "qatar", "armoured-vehicle", "Agreed")}),
    # «مزودة» before a state is equipping that state, not a fitting: the weapons stay items
    ("زودت روسيا سوريا بدبابات وصواريخ مضادة للدروع.",
     {("russia", "syria", "tank", "Delivered"), ("russia", "syria", "anti-tank-missile", "Delivered")}),
    ("سلمت الولايات المتحدة مصر ثماني طائرات إف-16.\n"
     "وأوضحت السفارة أن أربع طائرات إضافية ستسلم إلى مصر في الخريف.",
     {("united-states", "egypt", "f-16", "Delivered"), ("united-states", "egypt", "f-16", "Planned")}),
    ("تسلمت الهند مقاتلات رافال من فرنسا.\nوقال الوزير إن ثلاث مقاتلات أخرى ستصل إلى الهند الشهر المقبل.",
     {("france", "india", "rafale", "Delivered"), ("france", "india", "rafale", "Planned")}),
    # with no named weapon of that kind before, more of the same stays the generic noun
    ("وأعلنت روسيا أنها ستسلم الهند ثلاث فرقاطات إضافية العام المقبل.",
     {("russia", "india", "warship", "Planned")}),
    # after «أن» a named weapon before the verb is what it hands over
    ("وأعلنت فرنسا أن طائرات رافال ستسلم إلى قطر في الربيع.",
     {("france", "qatar", "rafale", "Planned")}),
]
# What a deal stated before includes passes between the same sides.
DEAL_CONTENTS = [
    ("وقعت الإمارات اتفاقية مع فرنسا لشراء 80 طائرة مقاتلة من طراز رافال.\n"
     "وتشمل الصفقة أيضا شراء 12 مروحية عسكرية من طراز كاراكال.",
     {("france", "united-arab-emirates", "rafale", "Agreed"),
      ("france", "united-arab-emirates", "caracal", "Agreed")}),
    ("اشترت مصر من فرنسا مقاتلات رافال.\nويتضمن الاتفاق توريد صواريخ ميتيور.",
     {("france", "egypt", "rafale", "Agreed"), ("france", "egypt", "missile", "Agreed")}),
    ("وقعت الهند مع روسيا صفقة لشراء منظومات إس-400.\nوتضمنت الصفقة كذلك توريد صواريخ.",
     {("russia", "india", "s-400", "Agreed"), ("russia", "india", "missile", "Agreed")}),
    # a deal, its value, then what it holds («تشمل», «تضم»); a buyer the sentence names is this deal's
    ("وتسلمت مصر من فرنسا ثلاث طائرات رافال.\nوالطائرات جزء من صفقة بقيمة 5.2 مليار يورو تشمل أيضا فرقاطة "
     "متعددة المهام وصواريخ.",
     {("france", "egypt", "rafale", "Delivered"), ("france", "egypt", "fremm", "Agreed"),
      ("france", "egypt", "missile", "Agreed")}),
    ("وباعت فرنسا قطر 24 طائرة رافال.\nوتشكل الطائرات التي اشترتها مصر جزءا من صفقة بقيمة "
     "5.2 مليار يورو تضم أيضا فرقاطة فريم.",
     {("france", "qatar", "rafale", "Agreed"), ("france", "egypt", "rafale", "Agreed"),
      ("france", "egypt", "fremm", "Agreed")}),
    ("وضمت روسيا شبه جزيرة القرم عام 2014 بعد استفتاء.", set()),  # «ضم»: annexing, no deal before it
    # a deal after «من» or «ضمن» says which deal the items belong to: no cue of its own
    ("وتسلمت مصر أول ثلاث طائرات من صفقة رافال الفرنسية.", {("france", "egypt", "rafale", "Delivered")}),
    ("واحتفلت القاهرة بوصول أول ثلاث طائرات من صفقة «رافال» الفرنسية للقوات الجوية المصرية.",
     {("france", "egypt", "rafale", "Delivered")}),
    ("ووقعت مصر عقدا لشراء طائرات رافال من فرنسا.", {("france", "egypt", "rafale", "Agreed")}),
    # an indefinite weapon taken up by the next verb's own pronoun is that verb's, not the cue's before it
    ("وسلمت الولايات المتحدة مصر ثماني طائرات من طراز إف-16، بالإضافة إلى 4 مقاتلات أخرى تتسلمها القاهرة "
     "الخريف المقبل.", {("united-states", "egypt", "f-16", "Delivered")}),
    ("وسلمت روسيا سوريا دبابات حديثة تستخدمها في المعارك.", {("russia", "syria", "tank", "Delivered")}),
    # «ل» with the article, its alef unwritten, on a state's body
    ("ووصلت طائرات رافال الفرنسية للقوات الجوية المصرية.", {("france", "egypt", "rafale", "Delivered")}),
]
DENIALS = [
    # the supplier denies right after the clause that states the transfer: both rows are kept
    ("وتتهم كييف الكرملين بتسليح المتمردين في الشرق، لكن موسكو تنفي ذلك.",
     {("russia", None, "arms", "Delivered"), ("russia", None, "arms", "Denied")}),
    ("وقالت واشنطن إن روسيا سلمت سوريا صواريخ إس-300، لكن موسكو نفت ذلك.",
     {("russia", "syria", "s-300", "Delivered"), ("russia", "syria", "s-300", "Denied")}),
    ("واتهمت الحكومة اليمنية إيران بتزويد الحوثيين بالصواريخ، وهو ما تنفيه طهران.",
     {("iran", None, "missile", "Delivered"), ("iran", None, "missile", "Denied")}),
    # a denial by another state, or of something else, denies nothing of this transfer
    ("وقالت واشنطن إن روسيا سلمت سوريا صواريخ إس-300، لكن دمشق نفت ذلك.",
     {("russia", "syria", "s-300", "Delivered")}),
    ("وسلمت روسيا سوريا صواريخ إس-300، ونفت موسكو أي نية للتصعيد.",
     {("russia", "syria", "s-300", "Delivered")}),
    ("نفت إيران تزويد روسيا بصواريخ باليستية.",
     {("iran", "russia", "ballistic-missile", "Denied")}),
    ("نفت الصين أن تكون قد أرسلت أسلحة إلى روسيا.",
     {("china", "russia", "arms", "Denied")}),
    ("لم تسلم ألمانيا أوكرانيا صواريخ توروس.",
     {("germany", "ukraine", "taurus", "Denied")}),
    ("لن ترسل الولايات المتحدة مقاتلات إف-16 إلى أوكرانيا.",
     {("united-states", "ukraine", "f-16", "Denied")}),
    ("رفضت ألمانيا تسليم أوكرانيا صواريخ توروس.",
     {("germany", "ukraine", "taurus", "Denied")}),
    ("لا صحة لتسليم باكستان صواريخ باليستية إلى السعودية.",
     {("pakistan", "saudi-arabia", "ballistic-missile", "Denied")}),
    # «ما» alone before the verb still denies
    ("وقال إن الولايات المتحدة ما سلمت مصر أي طائرات إف-16 هذا العام.",
     {("united-states", "egypt", "f-16", "Denied")}),
    # a verbal noun the tagger takes for a verb is still governed by the refusal before it
    ("حذر الرئيس من أن رفض الولايات المتحدة تزويد نيجيريا بالأسلحة يساعد المتمردين.",
     {("united-states", "nigeria", "arms", "Denied")}),
]

# ── Help to produce, joint production, exchanges ─────────────────────────────────────────────────
PRODUCTION = [
    ("ساعدت روسيا إيران في إنتاج طائرات مسيرة.",
     {("russia", "iran", "drone", "Delivered")}),
    ("وافقت الصين على مساعدة باكستان في تصنيع مقاتلات.",
     {("china", "pakistan", "combat-aircraft", "Planned")}),
    # a known system received with no «من» phrase comes from its maker (rule supplier-from-producer)
    ("تسلمت أوكرانيا مقاتلات إف-16 جديدة.",
     {("united-states", "ukraine", "f-16", "Delivered")}),
    ("تبادلت روسيا وكوريا الشمالية شحنات أسلحة.",
     {("russia", "north-korea", "arms", "Agreed"), ("north-korea", "russia", "arms", "Agreed")}),
    ("وقعت فرنسا والهند اتفاقية لنقل تكنولوجيا إنتاج مقاتلات رافال.",
     {("france", "india", "rafale", "Agreed")}),
]

# ── Coordinated states, talks, cancellations, co-production, the reading a word's arguments fit ──────────
COORDINATION = [
    ("تسعى مصر للحصول على غواصات من ألمانيا وإيطاليا.",
     {("germany", "egypt", "warship", "Requested"), ("italy", "egypt", "warship", "Requested")}),
    ("تدرس بلجيكا والنرويج تزويد أوكرانيا بمقاتلات إف-16.",
     {("belgium", "ukraine", "f-16", "Planned"), ("norway", "ukraine", "f-16", "Planned")}),
    ("أرسلت فرنسا وإيطاليا صواريخ كروز إلى أوكرانيا.",
     {("france", "ukraine", "cruise-missile", "Delivered"),
      ("italy", "ukraine", "cruise-missile", "Delivered")}),
    # a clause after «بينما» or «لكنها» has a subject of its own
    ("استقبلت مصر الوفد الروسي، بينما سلمت روسيا الهند صواريخ إس-400.",
     {("russia", "india", "s-400", "Delivered")}),
    ("رفضت ألمانيا إرسال الدبابات، لكن فرنسا سلمت أوكرانيا مدافع قيصر.",
     {("france", "ukraine", "caesar-howitzer", "Delivered")}),
]
TALKS_AND_CANCELLATIONS = [
    ("تبحث الهند شراء طائرات رافال إضافية من فرنسا.",
     {("france", "india", "rafale", "Planned")}),
    # «تجهيز X بـ W» equips a state; night-vision devices are equipment of their own
    ("وبحث وزير الدفاع العراقي مع نظيره الروسي تجهيز العراق بالمدفعية ومناظير الرؤية الليلية.",
     {("russia", "iraq", "artillery", "Planned"), ("russia", "iraq", "night-vision-device", "Planned")}),
    ("وجهزت فرنسا الجيش اللبناني بصواريخ ميلان المضادة للدروع.",
     {("france", "lebanon", "missile", "Delivered")}),
    # a lifted ban makes the handover it names Planned, not one coordinated after a comma
    ("ورفعت الولايات المتحدة الحظر عن تسليم مصر طائرات إف-16.",
     {("united-states", "egypt", "f-16", "Planned")}),
    # a delayed handover is still to come; a delay after a done one, or «أخرى» (other), changes nothing
    ("وأرجأت الولايات المتحدة تسليم مصر طائرات إف-16.",
     {("united-states", "egypt", "f-16", "Planned")}),
    ("وسلمت الولايات المتحدة مصر طائرات إف-16 الأسبوع الماضي بعد تأخير دام عامين.",
     {("united-states", "egypt", "f-16", "Delivered")}),
    ("وسلمت روسيا سوريا دفعة أخرى من صواريخ إس-300.",
     {("russia", "syria", "s-300", "Delivered")}),
    ("وأعلنت الولايات المتحدة رفع الحظر عن الأسلحة، وتسليم مصر ثماني طائرات إف-16.",
     {("united-states", "egypt", "f-16", "Delivered")}),
    ("جمدت الولايات المتحدة بيع مقاتلات إف-35 للإمارات.",
     {("united-states", "united-arab-emirates", "f-35", "Denied")}),
    ("علقت ألمانيا تصدير الأسلحة إلى السعودية.",
     {("germany", "saudi-arabia", "arms", "Denied")}),
    ("نفى متحدث عسكري ما تردد عن اعتزام الجزائر شراء مقاتلات سوخوي-57 من روسيا.",
     {("russia", "algeria", "su-57", "Denied")}),
    ("ألغت سويسرا صفقة لبيع دبابات ليوبارد 2 إلى ألمانيا.",
     {("switzerland", "germany", "leopard-2", "Denied")}),
    # Approved, proposed or possible sales are Planned; lifting a freeze or a ban, or a release, too.
    ("وافقت وزارة الخارجية الأمريكية على بيع صواريخ باتريوت للسعودية.",
     {("united-states", "saudi-arabia", "patriot", "Planned")}),
    ("أعلن البنتاغون عن صفقة محتملة لبيع دبابات أبرامز إلى العراق.",
     {("united-states", "iraq", "abrams", "Planned")}),
    ("رفعت الولايات المتحدة التجميد عن تسليم طائرات إف-16 إلى مصر.",
     {("united-states", "egypt", "f-16", "Planned")}),
    ("قررت ألمانيا رفع الحظر عن تصدير دبابات ليوبارد 2 إلى قطر.",
     {("germany", "qatar", "leopard-2", "Planned")}),
    # «رفع» with no freeze after it changes nothing
    ("رفعت روسيا مستوى تعاونها العسكري وسلمت سوريا مقاتلات سوخوي 35.",
     {("russia", "syria", "su-35", "Delivered")}),
    ("جمدت ألمانيا تصدير دبابات ليوبارد 2 إلى قطر بعد رفع مستوى التوتر في المنطقة.",
     {("germany", "qatar", "leopard-2", "Denied")}),
]
CO_PRODUCTION = [
    ("تصنع الهند بالتعاون مع روسيا دبابات تي-90.",
     {("russia", "india", "t-90", "Delivered")}),
    ("تنتج السعودية بمساعدة الصين طائرات مسيرة.",
     {("china", "saudi-arabia", "drone", "Delivered")}),
    ("وتجمع مصر بالتعاون مع كوريا الجنوبية مدافع هاوتزر.",
     {("south-korea", "egypt", "artillery", "Delivered")}),
]
READINGS = [
    # «تسلم»: she delivers (a second state before the weapon) or he received (a supplier after «من»).
    ("فرنسا تسلم أوكرانيا مدافع سيزار.",
     {("france", "ukraine", "caesar-howitzer", "Delivered")}),
    ("كانت بريطانيا أول دولة تسلم أوكرانيا دبابات غربية.",
     {("united-kingdom", "ukraine", "tank", "Delivered")}),
    # A weapon's origin said once holds for the document.
    ("وصلت طائرات بيرقدار التركية إلى الكويت.\nوتخطط قطر لشراء طائرات بيرقدار أيضا.",
     {("turkey", "kuwait", "bayraktar-tb2", "Delivered"), ("turkey", "qatar", "bayraktar-tb2", "Planned")}),
]

# ── First person inside a quote, pronouns ────────────────────────────────────────────────────────
FIRST_PERSON = [
    ('وقال الرئيس الجزائري عبد المجيد تبون: "سنشتري مقاتلات سوخوي 57 من روسيا".',
     {("russia", "algeria", "su-57", "Planned")}),
    ('وقال الرئيس التركي رجب طيب أردوغان: "زودنا أوكرانيا بطائرات بيرقدار".',
     {("turkey", "ukraine", "bayraktar-tb2", "Delivered")}),
    ('وقال وزير الخارجية الإيراني عباس عراقجي: "لم نرسل أي صواريخ باليستية إلى روسيا".',
     {("iran", "russia", "ballistic-missile", "Denied")}),
    ('وقال الرئيس البيلاروسي: "توصلنا إلى اتفاق مع الصينيين بأننا سنشتري منهم طائرات مسيرة".',
     {("china", "belarus", "drone", "Agreed")}),
    ("قال الرئيس الفرنسي إيمانويل ماكرون إن بلاده ستسلم الهند طائرات رافال إضافية.",
     {("france", "india", "rafale", "Planned")}),
]

# ── Negatives: nothing is transferred ───────────────────────────────────────────────────────────
NEGATIVES = [
    "تمتلك روسيا أكبر مخزون من الأسلحة النووية في العالم.",  # a weapon, no transfer
    "وتم تجهيز الملعب بأحدث الأجهزة قبل المباراة النهائية.",  # equipping a stadium
    "وجهزت السعودية قواتها بأحدث الأسلحة.",  # a state's own forces: nothing changes hands
    "وتحدث الوزير مع قطر التي استضافت بطولة كأس العالم للأندية.",  # a relative clause with no transfer
    "تملك إسرائيل منظومة القبة الحديدية.",
    "نقل الجرحى إلى المستشفى بعد القصف.",  # a transfer verb, no weapon, no state
    "نقلت السلطة إلى الحكومة الجديدة.",
    "زود الاتحاد الأوروبي أوكرانيا بالمساعدات الإنسانية.",  # a transfer verb, no weapon
    "أرسلت مصر قوافل مساعدات غذائية إلى غزة.",
    "أجرت روسيا وبيلاروسيا مناورات بالأسلحة النووية التكتيكية.",  # exercises
    # a group meets one of its members at the table: neither side of the deal by position alone
    "وبحث وزراء خارجية دول مجلس التعاون مع وزير الخارجية القطري الاتفاق على تسريع بيع السلاح.",
    "ستواصل روسيا تدريب جنود بيلاروس على قيادة طائرات قادرة على حمل قنابل نووية.",
    "سلمت شركة راينميتال الألمانية الجيش دبابات جديدة.",  # a company to an army unit
    # more of the same with no transfer, and a weapon after «أن» that nobody hands over
    "وقال الخبير إن طائرات إضافية ستشارك في العرض الجوي.",
    "وأكد أن صواريخ أخرى سقطت على المدينة ليلا.",
    "وأوضح المصدر أن الدبابات المزودة بمدافع حديثة تتمركز قرب الحدود.",
    # «سلاح» as a figure of speech or a military branch
    "ونشرت بنود الاتفاق مع التأكيد على أن يبقى سلاح العقوبات قائما.",
    "ونقلت روسيا إلى سوريا خبراء من سلاح الجو لتدريب الطيارين.",
    "واستخدمت الدول المصدرة سلاح النفط في حرب 1973.",
    "وقعت شركة لوكهيد مارتن عقدا مع سلاح الجو لتوريد طائرات.",
    "أطلقت روسيا صواريخ كينجال على كييف.",  # use, not transfer
    "اعترضت الدفاعات الجوية الأوكرانية طائرات مسيرة من طراز شاهد.",
    "دمر الجيش الأوكراني دبابات روسية من طراز تي-90.",
    "وصل الرئيس الروسي إلى مينسك على متن طائرة خاصة.",
    "نشرت صحيفة نيويورك تايمز تقريرا عن صواريخ باتريوت.",
    "نشرت روسيا صواريخ إسكندر في منطقة كالينينغراد.",  # on its own soil
    "بحثت مصر مع ألمانيا صفقة غواصات جديدة.",  # a deal with no direction
    "اتفقت تركيا وأوكرانيا على إنتاج مشترك لطائرات بيرقدار.",  # joint production hands nothing over
    "سلمت شركة بايكار طائرات بيرقدار إلى أوكرانيا.",  # a company is no state
    "تسلمت قوات الدعم السريع طائرات مسيرة من جهة مجهولة.",  # a non-state group
    "طلبت بولندا من الولايات المتحدة تفسيرا لتأخر المفاوضات.",  # a request with no weapon
    # A reference with nothing named before it, or a category that does not fit the weapon named.
    "وتخطط الهند لشراء الطائرات من فرنسا.",
    "تشمل الصفقة شراء 12 مروحية.",  # a deal with no sides stated before
    "عرضت فرنسا مقاتلات رافال في المعرض.\nوتخطط الهند لشراء المنظومة من روسيا.",
    # A state before «لكنها» belongs to another clause; people of a nationality are not their state.
    "وتبعث تركيا رسالة شكر إلى رئيس العراق وأعضاء الحكومة العراقية، لكنها تجند عراقيين"
    " وتزودهم بالأسلحة الخفيفة.",
    "هنأت إيران ملك البحرين والحكومة البحرينية بالعيد، لكنها تدرب بحرينيين وتزودهم بالقنابل.",
    "أرسلت الشركة طائرات نقل محملة بالمساعدات الغذائية إلى اليمن.",  # cargo planes are no weapon
    "وتسلم الجيش العراقي دبابات مقدمة من دول التحالف.",  # no Yemen: which coalition, the text does not say
]

QUANTITIES = [
    ("زودت الولايات المتحدة أوكرانيا بثلاث بطاريات باتريوت.", "patriot", 3),
    ("سلمت فرنسا الهند 36 طائرة رافال.", "rafale", 36),
    ("تسلمت أوكرانيا ست مقاتلات إف-16 من الدنمارك.", "f-16", 6),
    ("زودت الولايات المتحدة إسرائيل بعشر طائرات إف-35.", "f-35", 10),
    ("اشترت قطر ٢٤ طائرة رافال من فرنسا.", "rafale", 24),
    ("طلبت بولندا عدة كتائب من منظومة باتريوت من الولايات المتحدة.", "patriot", None),
    ("أرسلت ألمانيا دبابات ليوبارد 2 إلى أوكرانيا.", "leopard-2", None),
    ("سلمت ألمانيا أوكرانيا أربع عشرة دبابة ليوبارد 2.", "leopard-2", 14),
    # The number counts the head noun the named weapon specifies.
    ("وقعت مصر وفرنسا اتفاقا لشراء 30 طائرة مقاتلة من طراز رافال.", "rafale", 30),
    ("تسلمت أوكرانيا 12 طائرة مسيرة من طراز بيرقدار من تركيا.", "bayraktar-tb2", 12),
    ("طلبت بولندا من الولايات المتحدة شراء 96 مروحية أباتشي.", "apache", 96),
    # A number inside a name, a sum of money or a year is no count.
    ("اشترت الهند مقاتلات ميراج 2000 من فرنسا.", "mirage-2000", None),
    ("اشترت أوكرانيا طائرات تي بي 2 من تركيا.", "bayraktar-tb2", None),
    ("باعت روسيا الهند بقيمة 5 مليارات دولار منظومات إس-400.", "s-400", None),
    ("سلمت فرنسا اليونان عام 2021 طائرات رافال.", "rafale", None),
]

_CONSTRUCTIONS = (DELIVERIES, SALES, PAST_SALES, DEPLOYMENTS, PLANS, REQUESTS, REQUEST_PURCHASES, BODIES,
                  GROUPS, RELATIVE_CLAUSES, THEATRE, ARMED_GROUPS, SMUGGLING, SEIZURES, COMMAND_OF,
                  SUBORDINATE_CLAUSES, AGREED_WITH_THE_BUYER, RESTRICTED_NEGATIONS, HANDED_TO, ORIGINS,
                  STATE_COMPANIES,
                  SUPPORT_VERBS,
                  UNSEEN_PRECISION,
                  NOTICES, DEALS_AND_AGENTS, APPROVED_DEALS, REFERENCES, FITTINGS_AND_MORE, DEAL_CONTENTS,
                  DENIALS,
                  PRODUCTION, COORDINATION, TALKS_AND_CANCELLATIONS, CO_PRODUCTION, READINGS, FIRST_PERSON)
TABLE = [row for rows in _CONSTRUCTIONS for row in rows]
_GROUPS = {id(TABLE): _CONSTRUCTIONS,
           id(NEGATIVES): (NEGATIVES,), id(QUANTITIES): (QUANTITIES,)}
ALL_TEXTS = [text for text, _ in TABLE] + NEGATIVES + [text for text, _, _ in QUANTITIES]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def annotated(annotator) -> dict[str, AnnotatedDocument]:
    """Every sentence of the tables through Stanza in one batch (one document each)."""
    documents = [make_document(text) for text in dict.fromkeys(ALL_TEXTS)]
    return {doc.document.text: doc for doc in annotator.annotate(documents)}


def transfers_of(text: str, annotated: dict[str, AnnotatedDocument], gazetteer: Gazetteer) -> list[Transfer]:
    document = annotated[make_document(text).text]
    mentions = tuple(extract_mentions(document, gazetteer))
    claims = tuple(extract_claims(document, mentions, load_speech_lexicon()))
    return list(extract_transfers(document, mentions, claims, load_transfer_lexicon(), gazetteer))


def state_id(mention: Mention | None, gazetteer: Gazetteer) -> str | None:
    if mention is None:
        return None
    if mention.kind == STATE:
        return mention.known_id or mention.affiliation or match_key(mention.text)
    if mention.kind == PLACE:
        return gazetteer.stands_for(mention.known_id) or mention.affiliation
    return mention.affiliation or mention.known_id


def weapon_id(mention: Mention) -> str:
    return mention.known_id or match_key(mention.text)


def facts_of(transfers: list[Transfer], gazetteer: Gazetteer) -> set[Fact]:
    return {(state_id(t.supplier, gazetteer), state_id(t.recipient, gazetteer), weapon_id(t.weapon), t.status)
            for t in transfers}


def _ids(table: list) -> list[str]:
    """Readable ids: the construction and the row's number («deliveries-3»)."""
    names = {id(rows): name for name, rows in (
        ("deliveries", DELIVERIES), ("sales", SALES), ("deployments", DEPLOYMENTS), ("plans", PLANS),
        ("past-sales", PAST_SALES), ("requests", REQUESTS), ("request-purchases", REQUEST_PURCHASES),
        ("bodies", BODIES), ("groups", GROUPS), ("relative-clauses", RELATIVE_CLAUSES), ("theatre", THEATRE),
        ("armed-groups", ARMED_GROUPS), ("smuggling", SMUGGLING), ("seizures", SEIZURES),
        ("command-of", COMMAND_OF), ("subordinate-clauses", SUBORDINATE_CLAUSES),
        ("agreed-with-the-buyer", AGREED_WITH_THE_BUYER), ("restricted-negations", RESTRICTED_NEGATIONS),
        ("handed-to", HANDED_TO), ("origins", ORIGINS), ("state-companies", STATE_COMPANIES),
        ("support-verbs", SUPPORT_VERBS),
        ("unseen-precision", UNSEEN_PRECISION),
        ("notices", NOTICES),
        ("deals-and-agents", DEALS_AND_AGENTS), ("approved-deals", APPROVED_DEALS),
        ("references", REFERENCES), ("fittings-and-more", FITTINGS_AND_MORE),
        ("deal-contents", DEAL_CONTENTS), ("denials", DENIALS),
        ("production", PRODUCTION),
        ("coordination", COORDINATION), ("talks-cancellations", TALKS_AND_CANCELLATIONS),
        ("co-production", CO_PRODUCTION), ("readings", READINGS),
        ("first-person", FIRST_PERSON), ("negatives", NEGATIVES), ("quantities", QUANTITIES))}
    ids = []
    for rows in _GROUPS[id(table)]:
        ids += [f"{names[id(rows)]}-{number}" for number in range(1, len(rows) + 1)]
    return ids


@pytest.mark.parametrize(("text", "expected"), TABLE, ids=_ids(TABLE))
def test_transfer_facts(text: str, expected: set[Fact], annotated, gazetteer) -> None:
    found = facts_of(transfers_of(text, annotated, gazetteer), gazetteer)
    assert found == expected


@pytest.mark.parametrize("text", NEGATIVES, ids=_ids(NEGATIVES))
def test_no_transfer(text: str, annotated, gazetteer) -> None:
    assert facts_of(transfers_of(text, annotated, gazetteer), gazetteer) == set()


@pytest.mark.parametrize(("text", "weapon", "quantity"), QUANTITIES, ids=_ids(QUANTITIES))
def test_quantity(text: str, weapon: str, quantity: int | None, annotated, gazetteer) -> None:
    transfers = [t for t in transfers_of(text, annotated, gazetteer) if weapon_id(t.weapon) == weapon]
    assert transfers, "no transfer of the weapon"
    assert {t.quantity for t in transfers} == {quantity}


def test_a_former_holder_acts_for_no_state(annotator, gazetteer) -> None:
    """A known person whose every post ended before the article's date stands for no state: Yemen's deposed
    president arms no one in 2015; in 2010, when he held the post, Yemen does."""
    text = "وقال الرئيس علي عبد الله صالح إنه سيزود المقاتلين بالمدرعات."
    found = {}
    for day in ("2015-07-15", "2010-01-01"):
        document = next(iter(annotator.annotate([make_document(text)])))
        document = replace(document, document=replace(document.document, date=day))
        mentions = tuple(extract_mentions(document, gazetteer))
        claims = tuple(extract_claims(document, mentions, load_speech_lexicon()))
        transfers = extract_transfers(document, mentions, claims, load_transfer_lexicon(), gazetteer)
        found[day] = {state_id(t.supplier, gazetteer) for t in transfers}
    assert found == {"2015-07-15": set(), "2010-01-01": {"yemen"}}


def test_transfer_inside_a_quote_is_stated_by_the_speaker(annotated, gazetteer) -> None:
    text = FIRST_PERSON[1][0]
    (transfer,) = transfers_of(text, annotated, gazetteer)
    assert transfer.stated_by is not None and transfer.stated_by.known_id == "recep-tayyip-erdogan"
    assert transfer.cue == "زودنا"


def test_one_transfer_per_fact_and_sentence(annotated, gazetteer) -> None:
    # «سلمت … وزودت …»: two cues, the same fact, one transfer.
    text = "اشترت قطر ٢٤ طائرة رافال من فرنسا."
    transfers = transfers_of(text, annotated, gazetteer)
    assert len(transfers) == len(facts_of(transfers, gazetteer)) == 1


def test_lexicon_is_data(tmp_path: Path) -> None:
    """A user's Turtle file adds a cue without touching Python; a malformed one is a LexiconError."""
    extra = tmp_path / "more.ttl"
    extra.write_text(
        "@prefix lex: <https://w3id.org/kg-ar/lexicon#> .\n"
        "@prefix kg: <https://w3id.org/kg-ar/ontology#> .\n"
        'lex:ahda a lex:TransferCue ; lex:frame lex:Give ; lex:status kg:Delivered ;\n'
        '    lex:form "أهدى" , "أهدت" ; lex:noun "إهداء" .\n',
        encoding="utf-8",
    )
    assert "اهدت" not in load_transfer_lexicon().cue_phrases
    lexicon = load_transfer_lexicon([extra])
    assert "اهدت" in lexicon.cue_phrases and "اهداء" in lexicon.cue_phrases
    broken = tmp_path / "broken.ttl"
    broken.write_text("lex:x a", encoding="utf-8")
    with pytest.raises(LexiconError):
        load_transfer_lexicon([broken])
    with pytest.raises(LexiconError):
        load_transfer_lexicon([tmp_path / "missing.ttl"])


def test_every_term_the_lexicons_use_is_declared_in_lex() -> None:
    """The loaders read lexicon terms through kg.vocabulary.LEX, which refuses an undeclared name: every
    property and class the shipped lexicons and the example use is declared there, so a typo in either
    is an error, not a word that silently reads nothing."""
    from rdflib import Graph
    from rdflib.namespace import RDF

    from kg.vocabulary import LEX, LEXICON_IRI

    project = Path(__file__).resolve().parent.parent
    used: set[str] = set()
    files = [*(project / "ontologies").glob("lexicon-*.ttl"), project / "docs" / "example-lexicon.ttl"]
    for path in files:
        graph = Graph().parse(path)
        used |= {str(p) for p in graph.predicates() if str(p).startswith(LEXICON_IRI)}
        used |= {str(o) for o in graph.objects(None, RDF.type) if str(o).startswith(LEXICON_IRI)}
    undeclared = set()
    for term in used:
        try:
            getattr(LEX, term[len(LEXICON_IRI):])
        except AttributeError:
            undeclared.add(term)
    assert used and not undeclared, sorted(undeclared)
    with pytest.raises(AttributeError):
        LEX.pastStm  # noqa: B018 - a typo is refused


# One row per role rule (kg.extracting.transfers.ROLE_RULES): a sentence of the tables above, the fact it
# states and the rule that chose its supplier or recipient, by the name the fact carries (kg:extractedBy).
ROLE_RULE_ROWS = [
    ("supplier-from-subject", "باعت فرنسا لقطر طائرات رافال.", ("france", "qatar", "rafale", "Agreed")),
    ("recipient-from-subject", "اشترت قطر ٢٤ طائرة رافال من فرنسا.", ("france", "qatar", "rafale", "Agreed")),
    ("recipient-from-object", "سلمت فرنسا الهند 36 طائرة رافال.", ("france", "india", "rafale", "Delivered")),
    ("recipient-from-preposition", "باعت أنقرة طائرات بيرقدار إلى بولندا.",
     ("turkey", "poland", "bayraktar-tb2", "Agreed")),
    ("supplier-from-preposition", "اشترت قطر ٢٤ طائرة رافال من فرنسا.",
     ("france", "qatar", "rafale", "Agreed")),
    ("recipient-from-object-pronoun", "طالبت كييف برلين بتزويدها بصواريخ توروس.",
     ("germany", "ukraine", "taurus", "Requested")),
    ("supplier-from-addressee-of-request", "طلبت بولندا من الولايات المتحدة شراء 96 مروحية أباتشي.",
     ("united-states", "poland", "apache", "Requested")),
    ("supplier-from-weapon-nisba", "وصلت صواريخ إس-400 الروسية إلى تركيا في يوليو.",
     ("russia", "turkey", "s-400", "Delivered")),
    ("supplier-from-known-weapon-origin", "وصلت طائرات بيرقدار التركية إلى الكويت.\n"
     "وتخطط قطر لشراء طائرات بيرقدار أيضا.", ("turkey", "qatar", "bayraktar-tb2", "Planned")),
    ("supplier-from-pronoun", 'وقال الرئيس البيلاروسي: "توصلنا إلى اتفاق مع الصينيين '
     'بأننا سنشتري منهم طائرات مسيرة".', ("china", "belarus", "drone", "Agreed")),
    ("supplier-from-earlier-supplier", "باعت فرنسا مصر مقاتلات رافال.\nوتسلمت مصر الطائرات العام الماضي.",
     ("france", "egypt", "rafale", "Delivered")),
    ("recipient-from-deal-sides", "اشترت مصر من فرنسا مقاتلات رافال.\nويتضمن الاتفاق توريد صواريخ ميتيور.",
     ("france", "egypt", "missile", "Agreed")),
    ("supplier-from-producer", "تسلمت أوكرانيا مقاتلات إف-16 جديدة.",
     ("united-states", "ukraine", "f-16", "Delivered")),
    ("supplier-from-notice", "وأبلغت واشنطن أنقرة قرار بيع صواريخ باتريوت.",
     ("united-states", "turkey", "patriot", "Planned")),
    ("recipient-from-notice", "وأبلغت واشنطن أنقرة قرار بيع صواريخ باتريوت.",
     ("united-states", "turkey", "patriot", "Planned")),
    ("recipient-from-theatre", "وأرسلت قوات التحالف العربي مدرعات حديثة إلى محافظة مأرب.",
     ("saudi-led-coalition", "yemen", "armoured-vehicle", "Delivered")),
    ("supplier-from-agreement-partner", "تعاقدت مصر مع ألمانيا على شراء غواصات.",
     ("germany", "egypt", "warship", "Agreed")),
]


@pytest.mark.parametrize(("rule", "text", "fact"), ROLE_RULE_ROWS, ids=[row[0] for row in ROLE_RULE_ROWS])
def test_each_role_rule_names_the_facts_it_chose(rule: str, text: str, fact: Fact, annotated, gazetteer
                                                 ) -> None:
    rules_of_fact = {t.rules for t in transfers_of(text, annotated, gazetteer)
                     if facts_of([t], gazetteer) == {fact}}
    assert any(rule in rules for rules in rules_of_fact), rules_of_fact


def test_every_role_rule_is_declared_in_the_rules_file() -> None:
    from rdflib import Graph

    from kg.extracting.transfers import ROLE_RULES
    from kg.vocabulary import KG, KGRULE

    rules = Graph().parse(Path(__file__).resolve().parent.parent / "ontologies" / "rules.ttl")
    declared = {str(rule)[len(str(KGRULE)):] for rule in rules.subjects(None, KG.Rule)}
    named = {f"{side}-from-{name}" for name in ROLE_RULES for side in ("supplier", "recipient")}
    assert named <= declared, sorted(named - declared)
    assert {row[0] for row in ROLE_RULE_ROWS} <= named


def test_a_group_of_states_is_a_party_node_of_its_own(tmp_path: Path, annotation_cache_dir: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "coalition.txt").write_text(GROUPS[0][0], encoding="utf-8")
    build([tmp_path / "in"], tmp_path / "out", models_dir=models_dir(), cache_dir=annotation_cache_dir)
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    rows = list(graph.query("""
        PREFIX kg: <https://w3id.org/kg-ar/ontology#>
        SELECT ?supplier ?recipient WHERE {
            ?t a kg:Transfer ; kg:supplier ?supplier ; kg:recipient ?recipient .
            ?supplier a kg:StateGroup . }"""))
    assert [(str(s).rsplit("/", 1)[-1], str(r).rsplit("/", 1)[-1]) for s, r in rows] == [
        ("saudi-led-coalition", "yemen")]


def test_a_known_armed_group_is_typed_so_in_the_graph(tmp_path: Path, annotation_cache_dir: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "houthis.txt").write_text("واتهمت الحكومة اليمنية إيران بتزويد الحوثيين بالصواريخ.",
                                                 encoding="utf-8")
    build([tmp_path / "in"], tmp_path / "out", models_dir=models_dir(), cache_dir=annotation_cache_dir)
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    rows = list(graph.query("""
        PREFIX kg: <https://w3id.org/kg-ar/ontology#>
        SELECT ?group ?supplier WHERE {
            ?group a kg:ArmedGroup .
            ?t a kg:Transfer ; kg:supplier ?supplier . FILTER NOT EXISTS { ?t kg:recipient ?any } }"""))
    assert [(str(g).rsplit("/", 1)[-1], str(s).rsplit("/", 1)[-1]) for g, s in rows] == [("houthis", "iran")]
