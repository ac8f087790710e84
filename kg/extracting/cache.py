"""The extraction cache: one entry per document, so that a rebuild of an unchanged corpus skips extraction.

An entry holds the document's whole Extraction (its annotation included) and is keyed by the document's
text, title and date, the annotation models' fingerprint, and a fingerprint of everything extraction
depends on: the code of the extractors and of the modules they use, and the language data
(``ontologies/*.ttl`` and any extra gazetteer or lexicon file). Change a rule, a lexicon entry or a
model, and every entry is out of date at once; entries of other fingerprints sit in folders of their own.

Entries are JSON, each record the array of its fields (kg.records.record_fields): reading data runs no
code, where loading a pickle would run whatever anyone able to write the cache folder put there. Each
entry is read back checked, field by field against the records' types and its offsets against the
document's text; one that does not fit is a miss: dropped with a warning, the document extracted again.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable
from pathlib import Path

from kg.annotating import remove_stale_temps, store_cache_entry
from kg.records import (
    AnnotatedDocument,
    AnnotatedSentence,
    Claim,
    Document,
    Extraction,
    Mention,
    Transfer,
    read_records,
    record_fields,
)

log = logging.getLogger(__name__)

CACHE_FORMAT = 3  # 3: sentences kept without their words
PACKAGE = Path(__file__).resolve().parent.parent
ONTOLOGIES = PACKAGE.parent / "ontologies"
# What extraction runs: the extractors and every module they read records, names and language data with.
EXTRACTION_CODE = ("extracting/*.py", "gazetteer.py", "lexicon.py", "normalizing.py", "records.py",
                   "datafiles.py", "vocabulary.py", "states.py")
# An entry's parts, and the records each holds.
PARTS = {"sentences": tuple[AnnotatedSentence, ...], "mentions": tuple[Mention, ...],
         "claims": tuple[Claim, ...], "transfers": tuple[Transfer, ...]}


def extraction_fingerprint(model_fingerprint: str, language_files: Iterable[Path] = ()) -> str:
    """A hash of what an extraction depends on besides its document: the annotation models, the code of
    extraction and the language data (ontologies/*.ttl and ``language_files``, extra gazetteers and
    lexicons)."""
    digest = hashlib.sha256(f"format {CACHE_FORMAT}; models {model_fingerprint}".encode())
    code = sorted({path for pattern in EXTRACTION_CODE for path in PACKAGE.glob(pattern)})
    data = sorted(ONTOLOGIES.glob("*.ttl")) + [Path(path) for path in language_files]
    for path in code + data:
        digest.update(f"\n{path.name}\n".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class ExtractionCache:
    """One JSON file per (fingerprint, document); written atomically, checked on read."""

    def __init__(self, root: Path, fingerprint: str) -> None:
        self.folder = Path(root) / "extractions" / fingerprint

    @staticmethod
    def _entry_name(document: Document) -> str:
        # The date and title are read from the text but by the cleaner's rules: they are part of the key.
        key = f"{document.doc_id}\n{document.date}\n{document.title}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest()

    def _path(self, document: Document) -> Path:
        name = self._entry_name(document)
        return self.folder / name[:2] / f"{name}.json"

    def has(self, document: Document) -> bool:
        """Whether an entry for ``document`` exists (not read, so not checked)."""
        return self._path(document).exists()

    def get(self, document: Document) -> Extraction | None:
        """The document's cached extraction, with the document as given now (its sources may have grown)."""
        path = self._path(document)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            return _extraction_from_json(data, document)
        except (ValueError, TypeError, RecursionError) as error:  # JSON's and the records' complaints
            log.warning("extraction cache entry %s is unreadable (%s); extracting again", path, error)
            path.unlink(missing_ok=True)
            return None

    def put(self, extraction: Extraction) -> None:
        """Store an extraction; a cache that cannot take it costs a warning, not the build."""
        path = self._path(extraction.annotated.document)
        store_cache_entry(path, _extraction_to_json(extraction), "extraction cache")

    def remove_stale_temps(self) -> int:
        """Delete temp files left by builds killed while writing an entry; returns how many."""
        return remove_stale_temps(self.folder.glob("*/.*.tmp"))


def _extraction_to_json(extraction: Extraction) -> bytes:
    payload = {"format": CACHE_FORMAT, "doc_id": extraction.annotated.document.doc_id,
               "sentences": extraction.annotated.sentences, "mentions": extraction.mentions,
               "claims": extraction.claims, "transfers": extraction.transfers, "words": extraction.word_count}
    return json.dumps(payload, ensure_ascii=False, default=record_fields).encode("utf-8")


def _extraction_from_json(data: bytes, document: Document) -> Extraction:
    """The extraction an entry holds; ValueError or TypeError when the entry does not fit ``document``."""
    payload = json.loads(data)
    if not isinstance(payload, dict):
        raise ValueError(f"a JSON {type(payload).__name__}, not an object")
    if payload.get("format") != CACHE_FORMAT or payload.get("doc_id") != document.doc_id:
        raise ValueError("entry does not match its document")
    parts = {name: read_records(kind, payload.get(name)) for name, kind in PARTS.items()}
    text = document.text
    spans = [*parts["sentences"], *parts["mentions"], *parts["claims"]]
    if any(text[span.start : span.end] != span.text for span in spans):
        raise ValueError("its offsets do not fit the document")
    annotated = AnnotatedDocument(document, parts["sentences"])
    words = payload.get("words")
    if type(words) is not int:
        raise ValueError("its count of words is missing")
    return Extraction(annotated, parts["mentions"], parts["claims"], parts["transfers"], words)
