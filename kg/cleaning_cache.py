"""The cleaning cache: the stories cleaned out of each source text, kept by a hash of that text (with what a
dump's record says of it) and of the cleaning code. A build over a corpus it has read before cleans only the
articles it has not seen: reading the date of each with dateparser is most of the reading stage's time.

An entry holds the stories without their source path, which is the build's own: the same text under another
name is the same entry.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import replace
from pathlib import Path

from kg.annotating import remove_stale_temps, store_cache_entry
from kg.cleaning import clean, content_hash
from kg.records import Document, SourceText

log = logging.getLogger(__name__)

CLEANING_FORMAT = 1
PACKAGE = Path(__file__).resolve().parent
CLEANING_CODE = ("cleaning.py", "normalizing.py", "records.py")
_STORY_FIELDS = ("doc_id", "text", "title", "date", "url", "publisher", "date_from")


def cleaning_fingerprint() -> str:
    """A hash of what cleaning depends on besides the text: its code and dateparser's version."""
    import dateparser

    digest = hashlib.sha256(f"format {CLEANING_FORMAT}; dateparser {dateparser.__version__}".encode())
    for name in CLEANING_CODE:
        digest.update(f"\n{name}\n".encode())
        digest.update((PACKAGE / name).read_bytes())
    return digest.hexdigest()[:16]


class CleaningCache:
    """One JSON file per source text; written atomically, checked on read."""

    def __init__(self, root: Path) -> None:
        self.folder = Path(root) / "cleaned" / cleaning_fingerprint()

    def clean(self, source: SourceText) -> list[Document]:
        """The stories of ``source``, from the cache when it holds them, else cleaned and kept."""
        key = _source_key(source)
        path = self.folder / key[:2] / f"{key}.json"
        stories = self._read(path)
        if stories is None:
            stories = list(clean(source))
            payload = [{name: getattr(story, name) for name in _STORY_FIELDS} for story in stories]
            store_cache_entry(path, json.dumps(payload, ensure_ascii=False).encode("utf-8"), "cleaning cache")
        return [replace(story, sources=(source.path,)) for story in stories]

    def remove_stale_temps(self) -> int:
        """Delete temp files left by builds killed while writing an entry; returns how many."""
        return remove_stale_temps(self.folder.glob("*/.*.tmp"))

    @staticmethod
    def _read(path: Path) -> list[Document] | None:
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            stories = [Document(**{name: fields[name] for name in _STORY_FIELDS}, sources=())
                       for fields in json.loads(data)]
            if any(story.doc_id != content_hash(story.text) for story in stories):
                raise ValueError("a story's id does not fit its text")
            return stories
        except (ValueError, TypeError, KeyError) as error:  # JSON's complaints, or an entry of another shape
            log.warning("cleaning cache entry %s is unreadable (%s); cleaning again", path, error)
            path.unlink(missing_ok=True)
            return None


def _source_key(source: SourceText) -> str:
    described = [source.text, source.date, source.url, source.publisher]
    return hashlib.sha256(json.dumps(described, ensure_ascii=False).encode("utf-8")).hexdigest()
