"""The extraction cache: one entry per document, so that a rebuild of an unchanged corpus skips extraction.

An entry holds the document's whole Extraction (its annotation included) and is keyed by the document's
text, title and date, the annotation models' fingerprint, and a fingerprint of everything extraction
depends on: the code of the extractors and of the modules they use, and the language data
(``ontologies/*.ttl`` and any extra gazetteer or lexicon file). Change a rule, a lexicon entry or a
model, and every entry is out of date at once; entries of other fingerprints sit in folders of their own.

Entries are pickles: the records are plain frozen dataclasses, and reading an entry back takes a fraction
of the time parsing its annotation from JSON does. The cache is the user's own folder, trusted as the code
is; an entry that cannot be read is dropped and the document extracted again.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from kg.annotating import remove_stale_temps, store_cache_entry
from kg.records import AnnotatedDocument, Document, Extraction

log = logging.getLogger(__name__)

CACHE_FORMAT = 1
PACKAGE = Path(__file__).resolve().parent.parent
ONTOLOGIES = PACKAGE.parent / "ontologies"
# What extraction runs: the extractors and every module they read records, names and language data with.
EXTRACTION_CODE = ("extracting/*.py", "gazetteer.py", "lexicon.py", "normalizing.py", "records.py",
                   "datafiles.py", "vocabulary.py")


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
    """One pickle per (fingerprint, document); written atomically, checked on read."""

    def __init__(self, root: Path, fingerprint: str) -> None:
        self.folder = Path(root) / "extractions" / fingerprint

    @staticmethod
    def _entry_name(document: Document) -> str:
        # The date and title are read from the text but by the cleaner's rules: they are part of the key.
        key = f"{document.doc_id}\n{document.date}\n{document.title}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest()

    def _path(self, document: Document) -> Path:
        name = self._entry_name(document)
        return self.folder / name[:2] / f"{name}.pickle"

    def get(self, document: Document) -> Extraction | None:
        """The document's cached extraction, with the document as given now (its sources may have grown)."""
        path = self._path(document)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            extraction = pickle.loads(data)
            if not isinstance(extraction, Extraction) or extraction.annotated.document.text != document.text:
                raise ValueError("entry does not match its document")
        except Exception as error:  # noqa: BLE001 (a truncated or foreign pickle raises almost anything)
            log.warning("extraction cache entry %s is unreadable (%s); extracting again", path, error)
            path.unlink(missing_ok=True)
            return None
        annotated = AnnotatedDocument(document, extraction.annotated.sentences)
        return replace(extraction, annotated=annotated)

    def put(self, extraction: Extraction) -> None:
        """Store an extraction; a cache that cannot take it costs a warning, not the build."""
        path = self._path(extraction.annotated.document)
        data = pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL)
        store_cache_entry(path, data, "extraction cache")

    def remove_stale_temps(self) -> int:
        """Delete temp files left by builds killed while writing an entry; returns how many."""
        return remove_stale_temps(self.folder.glob("*/.*.tmp"))
