"""Cleaning: a decoded article → one Document per story, paragraphs joined by blank lines.

Web pages carry more than the story: subscription banners, share buttons, copyright lines, embedded
tweets, and often a second, unrelated story after «إقرأ أيضاً». Stanza reads a single newline as a space,
so each kept paragraph is one source line and paragraphs are joined by a blank line. Bidi formatting
characters (an override such as U+202E, embeddings, isolates, marks) are taken out: in a name or a claim they
would reorder whatever is printed next to it, in every output.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterator

from kg.normalizing import fold, without_bidi_controls
from kg.records import Document, SourceText

PARAGRAPH_SEPARATOR = "\n\n"

_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_ARABIC_WORD = re.compile("[\u0621-\u064a]{2,}")
# «طائراتF16»: web text that runs an Arabic word into a Latin one; the tokenizer would read one word
_SCRIPT_JOIN = re.compile("(?<=[\u0621-\u064a])(?=[A-Za-z])|(?<=[A-Za-z])(?=[\u0621-\u064a])")
# «مع سورية.وأضاف المسؤول»: web text that glues a sentence to the next one; the tokenizer would read one
# word. Words of three letters or more on both sides: «أ.ف.ب», «إن.بي.سي», «محمد.أ» are abbreviations.
_GLUED_SENTENCE = re.compile(r"(?<=[\u0621-\u064a]{3})\.(?=[\u0621-\u064a]{3,}(?![.\u0621-\u064a]))")
# Lines that belong to the web page, not to the story (matched on the folded line).
_BOILERPLATE = [
    re.compile(pattern)
    for pattern in (
        r"^(ا|إ)?شترك",  # subscription banners: «إشترك في النسخة الرقمية…»
        r"^تابع (احدث|اخر|اهم) الاخبار",  # «تابع أحدث الأخبار عبر تطبيق»
        r"^(تابعونا|تابعوا|تابعنا) (على|عبر)",
        r"^(شارك|شاركوا) (هذا|الخبر|المقال)",
        r"^(المصدر|مصدر الخبر)\s*:",  # source credit line
        r"^(وكالات|المصدر وكالات|رويترز|فرانس برس|ا ف ب)\s*$",  # credit line standing alone
        r"^(اخبار|مواضيع|مقالات) (ذات صله|متعلقه)\s*:?\s*$",
        r"^(الكلمات المفتاحيه|كلمات مفتاحيه|الوسوم)\s*:",
        r"(copyright|جميع الحقوق محفوظه|©)",
        r"pic\.twitter\.com",
        r"^#",  # hashtag lines and embedded tweets
        r"^(تاريخ النشر|نشر في|اخر تحديث|تاريخ التحديث)\s*:",
    )
]
# «إقرأ أيضاً» and its kin introduce another story; what follows is a document of its own.
_SECOND_STORY = re.compile(r"^(ا|إ)?قرا (ايضا|كذلك)\s*:?\s*$|^(ا|إ)?قرا ايضا\s*:")
# Past this marker the page holds only navigation.
_END_OF_STORY = re.compile(r"^(related posts|(اخبار|مواضيع|مقالات) (ذات صله|متعلقه)|اقرا المزيد)\s*:?\s*$")
# A page often ends on a list of links to other stories: short lines with no sentence end, in a row.
_HEADLINE_LIST_MIN_LINES = 2
_HEADLINE_MAX_WORDS = 15
_PROSE_MIN_WORDS = 4
# An embedded tweet's signature line («— AFP News Agency (@AFP) January 23, 2025») glued to the next text.
_TWEET_SIGNATURE = re.compile(r"^[—–-]\s*[^()\n]*\(@\w+\)\s*\w+\s+\d{1,2},\s*\d{4}\s*")

# Where a full date may be written: a day, a month in one or two words, a year («21 يوليو 2015», «5 تشرين
# الأول 2023», «24th, May 2024»), a month before its day («January 23, 2025»), or numbers alone. Reading
# the month is dateparser's: its Levantine Arabic locale knows the Egyptian names (يوليو) and the Levantine
# ones (تموز) alike.
_DATE_SPAN = re.compile(r"\d{1,2}(?:st|nd|rd|th)?[\s,/.-]+(?:[^\W\d_]+\s+){0,1}[^\W\d_]+[\s,/.-]+\d{4}"
                        r"|[^\W\d_]+\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}")
_DATE_LOCALES = ("ar-SY", "en")
_FULL_DATE = {"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY"}
_DATE_LABEL_CHARS = 40
_DATE_LINE = re.compile(r"^(تاريخ النشر|نشر في|نشر بتاريخ|بتاريخ|التاريخ)\s*:?")
_SENTENCE_END = re.compile(r"[.!?؟…:«»\"”]\s*$")


def normalize_line(line: str) -> str:
    """A source line as kept: runs of spaces as one, an Arabic word run into a Latin one split, a sentence
    glued to the next one parted, no ends."""
    line = _GLUED_SENTENCE.sub(". ", _SCRIPT_JOIN.sub(" ", re.sub(r"[ \t\u00a0]+", " ", line)))
    return line.strip()


def content_hash(text: str) -> str:
    """The document id: sha256 of the cleaned text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _is_boilerplate(folded: str) -> bool:
    if not _ARABIC_LETTER.search(folded):
        return True  # no Arabic at all: navigation, credits, embedded English tweets
    return any(pattern.search(folded) for pattern in _BOILERPLATE)


def find_date(lines: list[str]) -> str | None:
    """The publication date, from a dated header line («تاريخ النشر: …») or a full date near the top."""
    # The label opens its line: folding the line's start is enough (diacritics and tatweel at most double it).
    labelled = [line for line in lines if _DATE_LINE.search(fold(line[:_DATE_LABEL_CHARS]))]
    for line in labelled + lines[:3]:
        date = parse_date(line)
        if date:
            return date
    return None


def parse_date(text: str) -> str | None:
    """An ISO date from the first full date written in ``text``: «24th, May 2024», «24 مايو 2024», «5 حزيران
    2023», «January 23, 2025», «2024-05-24» or «24/05/2024» (Arabic-Indic digits too)."""
    for span in _DATE_SPAN.finditer(fold(text)):
        if day := _read_date(span.group()):
            return day
    return None


@functools.lru_cache(maxsize=4096)
def _read_date(span: str) -> str | None:
    import dateparser  # loaded on the first date: its language data takes a moment

    for locale in _DATE_LOCALES:
        found = dateparser.parse(span, locales=[locale], settings=_FULL_DATE)
        if found and 1900 <= found.year <= 2100:  # a Hijri year read as Gregorian is no date
            return found.date().isoformat()
    return None


def _looks_like_title(paragraph: str) -> bool:
    return len(paragraph.split()) <= 20 and not _SENTENCE_END.search(paragraph)


def _is_headline_line(line: str) -> bool:
    return len(line.split()) <= _HEADLINE_MAX_WORDS and not _SENTENCE_END.search(line)


def without_headline_list(lines: list[str], after_marker: bool) -> list[str]:
    """A story less the list of other stories' headlines it ends on: two short lines or more without a
    sentence end, in a row at the end, when prose is left before them. After «إقرأ أيضاً» a "story" with no
    sentence end at all is such a list and goes whole."""
    # Prose is a sentence of a few Arabic words with its end: a stray «ء؟» or a line of mojibake between two
    # paragraphs is none, and paragraphs after it that lack their full stops are not a list of headlines.
    prose = [line for line in lines
             if _SENTENCE_END.search(line) and len(_ARABIC_WORD.findall(line)) >= _PROSE_MIN_WORDS]
    if not prose:
        return [] if after_marker else lines
    end = len(lines)
    while _is_headline_line(lines[end - 1]):
        end -= 1
    return lines[:end] if len(lines) - end >= _HEADLINE_LIST_MIN_LINES else lines


def split_stories(lines: list[str]) -> list[list[str]]:
    """Lines → stories: a new story starts after «إقرأ أيضاً»; navigation after «Related posts» is dropped."""
    stories: list[list[str]] = [[]]
    for line in lines:
        folded = fold(line)
        if _END_OF_STORY.search(folded):
            break
        if _SECOND_STORY.search(folded):
            stories.append([])
            continue
        stories[-1].append(line)
    return [story for story in stories if story]


def _paragraphs(lines: list[str]) -> list[str]:
    kept: list[str] = []
    seen: set[str] = set()
    for line in lines:
        line = _TWEET_SIGNATURE.sub("", line).strip()
        folded = fold(line)
        if not folded or _is_boilerplate(folded):
            continue
        if folded in seen:
            continue  # a paragraph repeated inside one file (pages often print the body twice)
        seen.add(folded)
        kept.append(line)
    return kept


def clean(source: SourceText) -> Iterator[Document]:
    """Clean one article into one Document per story it holds."""
    text = without_bidi_controls(unicodedata.normalize("NFC", source.text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [normalize_line(line) for line in text.split("\n")]
    lines = [line for line in lines if line]
    date = find_date(lines)
    for position, story_lines in enumerate(split_stories(lines)):
        # The page's date belongs to its main story; a story appended after «إقرأ أيضاً» may be older.
        # A dump's record says when its article was published: that wins over a date read in the text.
        story_date = find_date(story_lines) if position else (find_date(story_lines) or date)
        date_from = "text" if story_date else None
        if position == 0 and source.date:
            story_date, date_from = source.date, "record"
        paragraphs = without_headline_list(_paragraphs(story_lines), after_marker=position > 0)
        if not paragraphs:
            continue
        body = PARAGRAPH_SEPARATOR.join(paragraphs)
        title = paragraphs[0] if len(paragraphs) > 1 and _looks_like_title(paragraphs[0]) else None
        yield Document(
            doc_id=content_hash(body),
            text=body,
            sources=(source.path,),
            title=title,
            date=story_date,
            url=source.url if position == 0 else None,
            publisher=source.publisher,
            date_from=date_from,
        )
