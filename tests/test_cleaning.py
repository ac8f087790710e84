"""Cleaning on the seeds' real traps and on pages of our own."""

from __future__ import annotations

import pytest

from kg.cleaning import PARAGRAPH_SEPARATOR, clean, content_hash, parse_date
from kg.reading import read_sources
from kg.records import SourceText

from .conftest import SEEDS


def seed_documents(name: str):
    (source,) = read_sources([SEEDS / name])
    return list(clean(source))


def test_read_also_story_becomes_its_own_document():
    main, second = seed_documents("002_53280a7876b59a8c.txt")
    assert "بيلاوسوف" in main.text and "روته" not in main.text
    assert "روته" in second.text and "بيلاوسوف" not in second.text
    assert second.title == "الناتو: انتصار روسيا قد يكلفنا تريليونات الدولارات"
    assert "إقرأ أيضاً" not in main.text + second.text


def test_duplicated_body_is_kept_once():
    (document,) = seed_documents("001_aa3a63d05b18ffe0.txt")
    assert document.text.count("لا مصلحة لروسيا في ابتلاع") == 1
    assert document.text.count("ويسعى الكرملين منذ سنوات") == 1


@pytest.mark.parametrize(
    "boilerplate",
    [
        "إشترك في النسخة الرقمية لجريدة الصباح و LE TEMPS",
        "تابع أحدث الأخبار عبر تطبيق",
        "Conception & Réalisation  Alpha Studios Copyright © 2023  assabahnews",
        "#BREAKING NATO members will have to spend more pic.twitter.com/liOvNvqvgr",
        "Related posts",
        "المصدر: البوابة نيوز",
        "جميع الحقوق محفوظة لموقع الخبر 2024",
        "#عاجل #روسيا",
        "وكالات",
    ],
)
def test_web_boilerplate_lines_are_dropped(boilerplate):
    story = "قال الوزير إن المحادثات كانت مثمرة وإن الجانبين اتفقا على مواصلة الحوار."
    page = f"{story}\n{boilerplate}\nوأضاف أن اللقاء المقبل سيعقد قريبا."
    documents = list(clean(SourceText("page.txt", page)))
    assert len(documents) == 1
    assert boilerplate.split()[0] not in documents[0].text
    assert documents[0].text.startswith(story)


def test_story_lines_are_paragraphs_joined_by_blank_lines():
    page = "عنوان الخبر هنا\n\n\nالفقرة الأولى من الخبر.\nالفقرة الثانية من الخبر.\n"
    (document,) = clean(SourceText("a.txt", page))
    assert document.text.split(PARAGRAPH_SEPARATOR) == ["عنوان الخبر هنا", "الفقرة الأولى من الخبر.",
                                                        "الفقرة الثانية من الخبر."]
    assert document.title == "عنوان الخبر هنا"
    assert document.doc_id == content_hash(document.text)


def test_tweet_signature_glued_to_text_is_cut_off():
    page = "قال الأمين العام إن الحلف موحد.\n— AFP News Agency (@AFP) January 23, 2025كما حذر من خطر كبير."
    (document,) = clean(SourceText("a.txt", page))
    assert document.text.endswith("كما حذر من خطر كبير.")
    assert "AFP" not in document.text


@pytest.mark.parametrize(("glued", "apart"), [
    ("ستسلم ثماني طائراتF16 إلى مصر.", "ستسلم ثماني طائرات F16 إلى مصر."),
    ("وقالت شركةBoeing إن الطلبات ارتفعت.", "وقالت شركة Boeing إن الطلبات ارتفعت."),
    ("وصل عدد الزوار إلى 40ألفا عام2015.", "وصل عدد الزوار إلى 40ألفا عام2015."),  # digits stay as written
])
def test_an_arabic_word_run_into_a_latin_one_is_two_words(glued: str, apart: str):
    (document,) = clean(SourceText("a.txt", glued))
    assert document.text == apart


@pytest.mark.parametrize(("glued", "apart"), [
    ("ونشر الجيش الطائرات على الحدود مع سورية.وأضاف المسؤول أن العربات موزعة.",
     "ونشر الجيش الطائرات على الحدود مع سورية. وأضاف المسؤول أن العربات موزعة."),
    # abbreviations keep their dots: letters of one or two on a side
    ("وقال لوكالة أ.ف.ب إن الوفد وصل.", "وقال لوكالة أ.ف.ب إن الوفد وصل."),
    ("وقال لشبكة ان.بي.سي الاميركية إن الوفد وصل.", "وقال لشبكة ان.بي.سي الاميركية إن الوفد وصل."),
    ("والثالث هو محمد.أ، ويبلغ من العمر 31 عاما.", "والثالث هو محمد.أ، ويبلغ من العمر 31 عاما."),
    ("وقال لشبكة (إيه.بي.سي) الاسترالية إنه بخير.", "وقال لشبكة (إيه.بي.سي) الاسترالية إنه بخير."),
])
def test_a_sentence_glued_to_the_next_is_parted(glued: str, apart: str):
    (document,) = clean(SourceText("a.txt", glued))
    assert document.text == apart


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("تاريخ النشر: 24th, May 2024 GMT", "2024-05-24"),
        ("نشر في 3 مارس 2023", "2023-03-03"),
        ("January 23, 2025", "2025-01-23"),
        ("بتاريخ 2022-12-19", "2022-12-19"),
        ("الاثنين ٥ حزيران ٢٠٢٣", "2023-06-05"),
        ("في 10 مايو", None),
        ("5 تشرين الأول 2023", "2023-10-05"),  # Levantine month names
        ("الرياض - واس: أعلن الوزير الثلاثاء 21 يوليو 2015 أن", "2015-07-21"),
        ("Published 2 August 2015, 10:30", "2015-08-02"),
        ("1436/10/05 هـ", None),  # a Hijri date is not read as a Gregorian one
        ("قال الوزير إن 3 طائرات ستصل عام 2016", None),  # a number and a year are no date
    ],
)
def test_dates(text, iso):
    assert parse_date(text) == iso


def test_publication_date_from_header_line():
    (main, second) = seed_documents("002_53280a7876b59a8c.txt")
    assert main.date == "2024-05-24"
    assert "تاريخ النشر" not in main.text


def test_seeds_give_six_documents_with_titles_where_they_have_them():
    documents = [d for source in read_sources([SEEDS]) for d in clean(source)]
    assert len(documents) == 6
    titled = {d.title for d in documents if d.title}
    assert "بوتين يدعو إلى تعزيز العلاقات العسكرية مع بيلاروس" in titled


STORY = ("قال الوزير إن المحادثات كانت مثمرة وإن الجانبين اتفقا على مواصلة الحوار.\n"
         "وأضاف أن اللقاء المقبل سيعقد في الرياض الشهر المقبل.")


@pytest.mark.parametrize(
    "tail",
    [
        "أخبار ذات صلة\nأمير الرياض يستقبل السفير الياباني\nارتفاع أسعار النفط في التعاملات الآسيوية",
        "مواضيع متعلقة:\nافتتاح معرض الكتاب في جدة\nالهلال يتعادل مع النصر",
        "أمير الرياض يستقبل السفير الياباني\nارتفاع أسعار النفط في التعاملات الآسيوية\nتعادل الهلال والنصر",
        "إقرأ أيضاً\nأمير الرياض يستقبل السفير الياباني\nارتفاع أسعار النفط في التعاملات الآسيوية",
    ],
)
def test_a_list_of_related_headlines_at_the_end_is_not_the_story(tail):
    documents = list(clean(SourceText("page.txt", f"{STORY}\n{tail}")))
    assert [document.text.split(PARAGRAPH_SEPARATOR) for document in documents] == [STORY.split("\n")]


@pytest.mark.parametrize(
    "ending",
    [
        "وتابع: «نحن مستعدون للحوار»",  # a quotation closes the story
        "المصدر: واس",  # a credit line, dropped as boilerplate, leaves the story whole
        "وختم بالقول إن العلاقات متينة",  # one last sentence without a full stop is still the story
    ],
)
def test_a_story_that_ends_without_a_headline_list_keeps_its_last_paragraph(ending):
    (document,) = clean(SourceText("page.txt", f"{STORY}\n{ending}"))
    expected = STORY.split("\n") + ([] if ending.startswith("المصدر") else [ending])
    assert document.text.split(PARAGRAPH_SEPARATOR) == expected


@pytest.mark.parametrize("stray", ["ء؟", "A ء A ء«"])  # a mark; bytes read as cp1256 (property tests)
def test_paragraphs_without_full_stops_after_a_stray_line_are_not_a_headline_list(stray):
    page = (f"قال الرئيس الروسي إن بلاده ستسلم بيلاروسيا صواريخ إسكندر قبل نهاية العام\n{stray}\n"
            "وأكد وزير الخارجية أن موسكو لا تنوي نشر أسلحة نووية في أوروبا الشرقية\n"
            "أعلنت وزارة الدفاع الأوكرانية أنها تسلمت دفعة جديدة من الدبابات هذا الأسبوع")
    (document,) = clean(SourceText("page.txt", page))
    assert document.text.split(PARAGRAPH_SEPARATOR) == page.split("\n")


def test_an_article_of_short_lines_only_is_kept():
    page = "أمير الرياض يستقبل السفير الياباني\nفي مكتبه بقصر الحكم"
    (document,) = clean(SourceText("page.txt", page))
    assert document.text.split(PARAGRAPH_SEPARATOR) == page.split("\n")
