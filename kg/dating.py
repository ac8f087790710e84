"""Dating: when a fact happened, from the words of its sentence, against the date its document was published.

A transfer's sentence often says when it took place: «أمس», «في 9 مايو الماضي», «في نوفمبر الماضي», «بحلول
عام 2026». dateparser reads the Arabic (month names, weekdays, «أمس», «اليوم») relative to the publication
date, and tells how precise the words are: a day, a month, a year. A relative date in a document with no date
gives nothing, and a bare number is no year unless a word of time («عام», «بحلول», «منذ»…) stands before it.
"""

from __future__ import annotations

import datetime
import functools
import re
from typing import NamedTuple

# A month or weekday after which these words points forward («في نوفمبر المقبل»).
_FORWARD = re.compile(r"^\s*(المقبل|القادم|المقبلة|القادمة)")
# Words after which a four-digit number is a year («عام 2019», «بحلول 2026», «منذ 2014»).
_YEAR_AFTER = re.compile(r"(?:^|\s)(?:[وب]?(?:ال)?عام|سنة|بحلول|حتى|منذ|خلال)\s+(?:عام\s+)?(\d{4})(?!\d)")
_DIGIT_ONLY = re.compile(r"^[\s\d]+$")
_NOW = re.compile(r"^\s*(الآن|الان|حاليا|حالياً)\W*$")
_NUMBER_BEFORE_IN = re.compile(r"^\d+\s+(?=في\s)")


class EventDate(NamedTuple):
    """A date and how precise the text is about it: "day" (YYYY-MM-DD), "month" (YYYY-MM) or "year" (YYYY)."""

    value: str
    precision: str
    words: str  # the words of the sentence it was read from


@functools.lru_cache(maxsize=4096)  # a sentence with several transfers is read once
def event_date(sentence: str, published: str | None) -> EventDate | None:
    """The first date the sentence gives, resolved against ``published`` (YYYY-MM-DD, or None)."""
    from dateparser.search import search_dates  # loaded on first use: its language data take a moment

    base = _day(published)
    settings = {"RELATIVE_BASE": base or datetime.datetime(2000, 1, 1), "PREFER_DATES_FROM": "past"}
    for words, _ in search_dates(sentence, languages=["ar"], settings=settings) or ():
        if _DIGIT_ONLY.match(words) or _NOW.match(words):
            # numbers alone are counts and sums (unless a word of time says otherwise, below);
            # «الآن» is the report's own time, not the event's
            continue
        after = sentence[sentence.find(words) + len(words):]
        # «إم 1 إيه 1 في أغسطس»: a number before «في» belongs to the words before, not to the date
        words = _NUMBER_BEFORE_IN.sub("", words.strip())
        found = _read(words, published, bool(_FORWARD.match(after)))
        if found and (base or found.absolute):
            return EventDate(found.value, found.precision, words)
    if match := _YEAR_AFTER.search(sentence):
        return EventDate(match.group(1), "year", match.group(0).strip())
    return None


class _Reading(NamedTuple):
    value: str
    precision: str
    absolute: bool  # the words give the year themselves: no publication date is needed


@functools.lru_cache(maxsize=4096)
def _read(words: str, published: str | None, forward: bool) -> _Reading | None:
    from dateparser.date import DateDataParser

    base = _day(published) or datetime.datetime(2000, 1, 1)
    parser = DateDataParser(languages=["ar"], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "future" if forward else "past"})
    data = parser.get_date_data(words)
    if data.date_obj is None or not 1900 <= data.date_obj.year <= 2100:
        return None
    day = data.date_obj.date()
    absolute = bool(re.search(r"\d{4}", words))
    if data.period == "year":
        return _Reading(f"{day.year:04d}", "year", absolute)
    if data.period == "month":
        return _Reading(f"{day.year:04d}-{day.month:02d}", "month", absolute)
    return _Reading(day.isoformat(), "day", absolute)


def _day(published: str | None) -> datetime.datetime | None:
    try:
        return datetime.datetime.fromisoformat(published) if published else None
    except ValueError:
        return None
