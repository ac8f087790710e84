"""Cleaning: a decoded article → one Document per story, paragraphs joined by blank lines.

Web pages carry more than the story: subscription banners, share buttons, copyright lines, embedded
tweets, and often a second, unrelated story after «إقرأ أيضاً». Stanza reads a single newline as a space,
so each kept paragraph is one source line and paragraphs are joined by a blank line. Bidi formatting
characters (an override such as U+202E, embeddings, isolates, marks) are taken out: in a name or a claim they
would reorder whatever is printed next to it, in every output.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator

from kg.normalizing import fold, without_bidi_controls
from kg.records import Document, SourceText

PARAGRAPH_SEPARATOR = "\n\n"

_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
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
# An embedded tweet's signature line («— AFP News Agency (@AFP) January 23, 2025») glued to the next text.
_TWEET_SIGNATURE = re.compile(r"^[—–-]\s*[^()\n]*\(@\w+\)\s*\w+\s+\d{1,2},\s*\d{4}\s*")

_MONTHS = {
    # Latin month names, the Levantine and the Egyptian Arabic month names.
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يوليو": 7,
    "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7,
    "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
}
_MONTH_NAMES = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?[\s,/-]+({_MONTH_NAMES})[\s,/-]+(\d{{4}})")
_MONTH_DAY_YEAR = re.compile(rf"({_MONTH_NAMES})\s+(\d{{1,2}}),?\s+(\d{{4}})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_NUMERIC_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_DATE_LINE = re.compile(r"^(تاريخ النشر|نشر في|نشر بتاريخ|بتاريخ|التاريخ)\s*:?")
_SENTENCE_END = re.compile(r"[.!?؟…:«»\"”]\s*$")


def content_hash(text: str) -> str:
    """The document id: sha256 of the cleaned text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _is_boilerplate(folded: str) -> bool:
    if not _ARABIC_LETTER.search(folded):
        return True  # no Arabic at all: navigation, credits, embedded English tweets
    return any(pattern.search(folded) for pattern in _BOILERPLATE)


def find_date(lines: list[str]) -> str | None:
    """The publication date, from a dated header line («تاريخ النشر: …») or a full date near the top."""
    labelled = [line for line in lines if _DATE_LINE.search(fold(line))]
    for line in labelled + lines[:3]:
        date = parse_date(line)
        if date:
            return date
    return None


def parse_date(text: str) -> str | None:
    """An ISO date from «24th, May 2024», «24 مايو 2024», «January 23, 2025», «2024-05-24» or «24/05/2024»."""
    folded = fold(text)
    candidates = []
    if match := _ISO_DATE.search(folded):
        candidates.append((int(match[1]), int(match[2]), int(match[3])))
    if match := _DAY_MONTH_YEAR.search(folded):
        candidates.append((int(match[3]), _MONTHS[match[2]], int(match[1])))
    if match := _MONTH_DAY_YEAR.search(folded):
        candidates.append((int(match[3]), _MONTHS[match[1]], int(match[2])))
    if match := _NUMERIC_DATE.search(folded):
        candidates.append((int(match[3]), int(match[2]), int(match[1])))
    for year, month, day in candidates:
        if 1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _looks_like_title(paragraph: str) -> bool:
    return len(paragraph.split()) <= 20 and not _SENTENCE_END.search(paragraph)


def _is_headline_line(line: str) -> bool:
    return len(line.split()) <= _HEADLINE_MAX_WORDS and not _SENTENCE_END.search(line)


def without_headline_list(lines: list[str], after_marker: bool) -> list[str]:
    """A story less the list of other stories' headlines it ends on: two short lines or more without a
    sentence end, in a row at the end, when prose is left before them. After «إقرأ أيضاً» a "story" with no
    sentence end at all is such a list and goes whole."""
    prose = [line for line in lines if _SENTENCE_END.search(line)]
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
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
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
