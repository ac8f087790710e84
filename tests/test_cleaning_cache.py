"""The cleaning cache: a source read before gives the same stories without being cleaned again."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from kg.cleaning import clean
from kg.cleaning_cache import CleaningCache
from kg.reading import read_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def seed_source():
    return read_article(sorted(SEEDS.glob("*.txt"))[0])


def _entries(cache: CleaningCache) -> list[Path]:
    return sorted(cache.folder.rglob("*.json"))


def test_a_cached_source_gives_the_stories_cleaning_gives(tmp_path: Path, seed_source):
    cache = CleaningCache(tmp_path)
    first = cache.clean(seed_source)
    assert first == list(clean(seed_source))
    assert len(_entries(cache)) == 1
    assert CleaningCache(tmp_path).clean(seed_source) == first


def test_the_cache_is_read_not_cleaned_again(tmp_path: Path, seed_source):
    cache = CleaningCache(tmp_path)
    cache.clean(seed_source)
    (entry,) = _entries(cache)
    stories = json.loads(entry.read_text(encoding="utf-8"))
    stories[0]["title"] = "عنوان من الذاكرة"  # a field the checks leave alone: only a read returns it
    entry.write_text(json.dumps(stories, ensure_ascii=False), encoding="utf-8")
    assert cache.clean(seed_source)[0].title == "عنوان من الذاكرة"


def test_the_same_text_under_another_name_takes_its_own_path(tmp_path: Path, seed_source):
    cache = CleaningCache(tmp_path)
    cache.clean(seed_source)
    copy = tmp_path / "copy.txt"
    copy.write_text(Path(seed_source.path).read_text(encoding="utf-8"), encoding="utf-8")
    stories = cache.clean(read_article(copy))
    assert [story.sources for story in stories] == [(str(copy),)] * len(stories)
    assert len(_entries(cache)) == 1


@pytest.mark.parametrize("damage", [b"{not json", b'{"a": 1}', b"[{\"doc_id\": \"0\"}]"])
def test_a_damaged_entry_is_cleaned_again(tmp_path: Path, seed_source, damage: bytes,
                                          caplog: pytest.LogCaptureFixture):
    cache = CleaningCache(tmp_path)
    first = cache.clean(seed_source)
    (entry,) = _entries(cache)
    entry.write_bytes(damage)
    with caplog.at_level(logging.WARNING):
        assert cache.clean(seed_source) == first
    assert "cleaning again" in caplog.text


def test_a_story_whose_text_was_changed_is_cleaned_again(tmp_path: Path, seed_source,
                                                          caplog: pytest.LogCaptureFixture):
    cache = CleaningCache(tmp_path)
    first = cache.clean(seed_source)
    (entry,) = _entries(cache)
    stories = json.loads(entry.read_text(encoding="utf-8"))
    stories[0]["text"] += " زيادة"
    entry.write_text(json.dumps(stories, ensure_ascii=False), encoding="utf-8")
    assert cache.clean(seed_source) == first
    assert "does not fit its text" in caplog.text
