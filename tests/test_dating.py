"""When a fact happened, read from its sentence against the publication date (kg.dating)."""

from __future__ import annotations

import pytest

from kg.dating import event_date

PUBLISHED = "2015-07-23"  # a Thursday


@pytest.mark.parametrize(("sentence", "published", "expected"), [
    ("وتسلمت مصر أمس ثلاث طائرات رافال من فرنسا.", PUBLISHED, ("2015-07-22", "day")),
    ("وتسلمت مصر في نوفمبر الماضي طائرات رافال من فرنسا.", PUBLISHED, ("2014-11", "month")),
    ("سلمت فرنسا مصر فرقاطة في يونيو الماضي.", PUBLISHED, ("2015-06", "month")),
    ("ستصل الطائرات إلى الهند في نوفمبر المقبل.", PUBLISHED, ("2015-11", "month")),
    ("وتسلمت البحرية الغواصة في 9 مايو الماضي.", PUBLISHED, ("2015-05-09", "day")),
    ("ستتسلم الهند الطائرات بحلول عام 2026.", PUBLISHED, ("2026", "year")),
    ("خلال عام 2019 اشترت تركيا منظومة إس-400 من روسيا.", PUBLISHED, ("2019", "year")),
    ("وقعت مصر وفرنسا في 16 فبراير 2015 عقدا لشراء طائرات رافال.", None, ("2015-02-16", "day")),
    ("ستتسلم الهند الطائرات بحلول عام 2026.", None, ("2026", "year")),  # a year needs no anchor
    ("ستسلم واشنطن مصر أبراجا لدبابات إم 1 إيه 1 في أغسطس الجاري.", "2015-08-06", ("2015-08", "month")),
])
def test_the_date_a_sentence_gives(sentence, published, expected):
    found = event_date(sentence, published)
    assert found is not None and (found.value, found.precision) == expected


@pytest.mark.parametrize(("sentence", "published"), [
    ("وتسلمت مصر أمس الطائرات.", None),  # «أمس» of an undated document is no date
    ("اشترت مصر 24 طائرة رافال من فرنسا.", PUBLISHED),  # a count is no day
    ("سلمت روسيا الهند 2000 صاروخ من طراز إيغلا.", PUBLISHED),  # a four-digit count is no year
    ("زودت الولايات المتحدة إسرائيل بصواريخ باتريوت.", PUBLISHED),
    ("وتملك مصر الآن، بعد الصفقة، طائرات رافال من فرنسا.", PUBLISHED),  # «now» is the report's time
    ("باعت روسيا الهند منظومات إس-400 بقيمة 5 مليارات دولار.", PUBLISHED),
])
def test_no_date_where_the_sentence_gives_none(sentence, published):
    assert event_date(sentence, published) is None
