"""Products: a build's outputs kept by what they were made from, so that building the same documents again,
with the same code, models, language data and options, copies them instead of making them again.

An entry is a folder named by a hash of everything the outputs depend on: the documents (each by its text's
hash and what was read of it: sources, title, date, URL, outlet), the annotation models' fingerprint, kg's
code and ontologies, extra gazetteers and lexicons, the RDF formats and whether a page was asked for. A
change to any of them is a new key, so an entry is never stale, only unused. Beside the files the entry
holds the graph's analysis (stats.json's ``analysis``) and the counts a build reports; each file's size is
recorded and checked, so a damaged entry is made again rather than copied.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.records import Document

log = logging.getLogger(__name__)

PRODUCTS_FORMAT = 1
# A folder being written is renamed into place within seconds; one older than this was left by a killed build.
STALE_TEMP_SECONDS = 3600
PACKAGE = Path(__file__).resolve().parent
ONTOLOGIES = PACKAGE.parent / "ontologies"
MANIFEST = "product.json"


def products_key(documents: Sequence[Document], models_fingerprint: str, language_files: Iterable[Path],
                 formats: Sequence[str], html: bool) -> str:
    """The hash of everything a build's outputs are made from (see the module's docstring)."""
    options = f"products {PRODUCTS_FORMAT}; models {models_fingerprint}; formats {list(formats)}; html {html}"
    digest = hashlib.sha256(options.encode())
    code = sorted(PACKAGE.rglob("*.py")) + sorted(path for path in ONTOLOGIES.rglob("*") if path.is_file())
    for path in [*code, *map(Path, language_files)]:
        digest.update(f"\n{path.name}\n".encode())
        digest.update(path.read_bytes())
    for document in documents:
        described = [document.doc_id, list(document.sources), document.title, document.date, document.url,
                     document.publisher, document.date_from]
        digest.update(json.dumps(described, ensure_ascii=False).encode() + b"\n")
    return digest.hexdigest()[:24]


@dataclass(frozen=True)
class Products:
    """A cache entry: its folder, the output files it holds, the analysis and the counts."""

    folder: Path
    files: tuple[str, ...]
    analysis: dict
    counts: dict


class ProductCache:
    """Entries under ``root/products/``, one folder per key, written whole and renamed into place."""

    def __init__(self, root: Path) -> None:
        self.folder = Path(root) / "products"

    def get(self, key: str) -> Products | None:
        """The entry of ``key``, or None when there is none or it is damaged (then it is removed)."""
        entry = self.folder / key
        if not entry.is_dir():
            return None
        try:
            products = _read_manifest(entry, json.loads((entry / MANIFEST).read_text(encoding="utf-8")))
        except (KeyError, TypeError, ValueError, OSError) as error:
            log.warning("product cache entry %s is damaged (%s); building again", entry, error)
            shutil.rmtree(entry, ignore_errors=True)
            return None
        return products

    def put(self, key: str, staging: Path, files: Sequence[str], analysis: dict, counts: dict) -> None:
        """Keep copies of ``files`` (in ``staging``) with the analysis and counts; a cache that cannot take
        them costs a warning, not the build."""
        entry = self.folder / key
        if entry.exists():
            return
        temp = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._remove_stale_temps()
            temp = Path(tempfile.mkdtemp(dir=self.folder, prefix=f".{key}.", suffix=".tmp"))
            for name in files:
                shutil.copyfile(staging / name, temp / name)
            sizes = {name: (temp / name).stat().st_size for name in files}
            manifest = {"format": PRODUCTS_FORMAT, "files": sizes, "analysis": analysis, "counts": counts}
            (temp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
            os.chmod(temp, 0o777 & ~_umask())
            os.rename(temp, entry)
            temp = None
        except OSError as error:
            if not entry.exists():
                log.warning("cannot keep this build's outputs in the cache (%s)", error.strerror or error)
        finally:
            if temp is not None:
                shutil.rmtree(temp, ignore_errors=True)

    def _remove_stale_temps(self) -> None:
        """Folders half-written by builds that were killed, an hour old or more."""
        now = time.time()
        for folder in self.folder.glob(".*.tmp"):
            try:
                if now - folder.stat().st_mtime > STALE_TEMP_SECONDS:
                    shutil.rmtree(folder, ignore_errors=True)
            except OSError:
                continue

    def copy_into(self, products: Products, staging: Path) -> None:
        """The entry's files into a build's staging folder."""
        for name in products.files:
            shutil.copyfile(products.folder / name, staging / name)


def _read_manifest(entry: Path, manifest: dict) -> Products:
    if manifest["format"] != PRODUCTS_FORMAT:
        raise ValueError(f"format {manifest['format']}")
    sizes = manifest["files"]
    for name, size in sizes.items():
        if (entry / name).stat().st_size != size:
            raise ValueError(f"{name} is not the size it was written at")
    if not isinstance(manifest["analysis"], dict) or not isinstance(manifest["counts"], dict):
        raise TypeError("analysis or counts of the wrong type")
    return Products(entry, tuple(sizes), manifest["analysis"], manifest["counts"])


def _umask() -> int:
    from kg.annotating import current_umask

    return current_umask()
