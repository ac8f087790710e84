"""Annotating: Documents → AnnotatedDocuments through Stanza's Arabic pipeline, with a cache.

The pipeline is loaded once, lazily, only when some document is not already in the annotation cache;
documents are fed in batches, and a long document in chunks of whole paragraphs so that no single Stanza
call grows with the size of the input. Cache entries are keyed by (document hash, model fingerprint).
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import importlib.metadata
import json
import logging
import os
import re
import shutil
import socket
import stat
import tempfile
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict
from pathlib import Path

from kg.cleaning import PARAGRAPH_SEPARATOR
from kg.errors import ModelsNotFoundError
from kg.records import AnnotatedDocument, AnnotatedSentence, Document, NamedSpan, Word, read_records

log = logging.getLogger(__name__)

LANGUAGE = "ar"
# No dependency parse: it was half of Stanza's time, and the development set's figures are the same
# without it (BENCHMARKS.md, "Is the dependency parse worth its time?").
WANTED_PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "ner")
CACHE_FORMAT = 2  # 2: words carry no dependency parse
# About one article per Stanza call: on CPU, bigger cross-document batches brought no speed (the seeds'
# 11 K characters took 17-22 CPU seconds in one call, 10.5 one article per call), while every cache write
# and progress tick waits for the whole batch, and an interrupted build loses it.
MAX_CHUNK_CHARS = 5_000  # a chunk of whole paragraphs (or sentences of a huge one) handed to Stanza at once
MAX_BATCH_CHARS = 5_000  # chunks batched into one Stanza call

ProgressCallback = Callable[[Document], None]


def resolve_models_dir(models_dir: str | Path | None = None) -> Path:
    """--models DIR, else $STANZA_RESOURCES_DIR, else Stanza's default; checked to hold Arabic models."""
    if models_dir:
        chosen, origin = Path(models_dir), "--models"
    elif os.environ.get("STANZA_RESOURCES_DIR"):
        chosen, origin = Path(os.environ["STANZA_RESOURCES_DIR"]), "STANZA_RESOURCES_DIR"
    else:
        from stanza.resources.common import DEFAULT_MODEL_DIR

        chosen, origin = Path(DEFAULT_MODEL_DIR), "Stanza's default folder"
    if not (chosen / "resources.json").is_file() or not (chosen / LANGUAGE).is_dir():
        raise ModelsNotFoundError(
            f"no Stanza Arabic models in {chosen} ({origin}); run `kg models download` when online, "
            "or pass --models DIR (or set STANZA_RESOURCES_DIR)"
        )
    return chosen


def _default_packages(models_dir: Path) -> dict[str, str]:
    resources = json.loads((models_dir / "resources.json").read_text(encoding="utf-8"))
    language = resources.get(LANGUAGE, {})
    if "alias" in language:
        language = resources.get(language["alias"], {})
    packages = language.get("default_processors", {})
    return {name: packages[name] for name in WANTED_PROCESSORS if name in packages}


def available_processors(models_dir: Path) -> dict[str, str]:
    """The processors (with their packages) that the model folder actually offers, in pipeline order."""
    found = {}
    for name, package in _default_packages(models_dir).items():
        if (models_dir / LANGUAGE / name / f"{package}.pt").is_file():
            found[name] = package
    if "tokenize" not in found:
        raise ModelsNotFoundError(f"{models_dir} has no Arabic tokenizer; run `kg models download`")
    return found


def model_fingerprint(models_dir: Path, processors: dict[str, str]) -> str:
    """A short hash naming the models: Stanza's version, the processors and each model file's md5 and size."""
    # Stanza's version from its package metadata: importing stanza (and torch) costs seconds that a build
    # served wholly from the cache never needs.
    resources = json.loads((models_dir / "resources.json").read_text(encoding="utf-8"))
    language = resources.get(LANGUAGE, {})
    parts = [importlib.metadata.version("stanza"), LANGUAGE]
    for name, package in processors.items():
        model_file = models_dir / LANGUAGE / name / f"{package}.pt"
        md5 = language.get(name, {}).get(package, {}).get("md5", "")
        parts.append(f"{name}={package}:{md5}:{model_file.stat().st_size}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


class AnnotationCache:
    """One gzip'd JSON file per (model fingerprint, document); written atomically, checked on read."""

    def __init__(self, root: Path, fingerprint: str) -> None:
        self.folder = root / fingerprint

    def _path(self, doc_id: str) -> Path:
        return self.folder / doc_id[:2] / f"{doc_id}.json.gz"

    def has(self, document: Document) -> bool:
        """Whether an entry for ``document`` exists (not read, so not checked)."""
        return self._path(document.doc_id).exists()

    def get(self, document: Document) -> AnnotatedDocument | None:
        path = self._path(document.doc_id)
        if not path.exists():
            return None
        try:
            payload = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
            if not isinstance(payload, dict):
                raise ValueError(f"a JSON {type(payload).__name__}, not an object")
            if payload.get("format") != CACHE_FORMAT or payload.get("doc_id") != document.doc_id:
                raise ValueError("entry does not match its document")
            # Every field checked against the records' types: a later stage must not trip on the entry.
            sentences = read_records(tuple[AnnotatedSentence, ...], payload.get("sentences"))
            if any(document.text[s.start : s.end] != s.text for s in sentences):
                raise ValueError("its sentence offsets do not fit the document")
            return AnnotatedDocument(document, sentences)
        except (OSError, ValueError, TypeError, RecursionError, EOFError, zlib.error) as error:
            source = document.sources[0] if document.sources else document.doc_id[:16]
            log.warning("annotation cache entry %s (of %s) is corrupt (%s); annotating again",
                        path, source, error)
            _remove(path)  # said once; the fresh annotation takes its place
            return None

    def put(self, annotated: AnnotatedDocument) -> None:
        """Store an annotation. A cache that cannot take it (a full disk…) costs a warning, not the build."""
        path = self._path(annotated.document.doc_id)
        payload = {
            "format": CACHE_FORMAT,
            "doc_id": annotated.document.doc_id,
            "sentences": [asdict(sentence) for sentence in annotated.sentences],
        }
        data = gzip.compress(json.dumps(payload, ensure_ascii=False).encode("utf-8"), compresslevel=5)
        store_cache_entry(path, data, "annotation cache")

    def remove_stale_temps(self) -> int:
        """Delete temp files left by builds killed while writing an entry; returns how many."""
        return remove_stale_temps(self.folder.glob("*/.*.tmp"))


def store_cache_entry(path: Path, data: bytes, cache_name: str) -> None:
    """Write one cache entry atomically. A cache that cannot take it (a full disk…) costs a warning, not the
    build."""
    # Temp file + rename: an interrupted build never leaves a half-written entry. A killed one may leave
    # the temp file, named for its host and process so that remove_stale_temps() knows it is dead.
    temp_name = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        prefix = temp_file_prefix(path.name)
        handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
        os.fchmod(handle, mode_for(path))
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
        os.replace(temp_name, path)
    except BaseException as error:
        if temp_name is not None:
            Path(temp_name).unlink(missing_ok=True)
        if not isinstance(error, OSError):
            raise
        log.warning("cannot write %s entry %s (%s); going on without it", cache_name, path,
                    error.strerror or error)


def mode_for(path: Path, new: int = 0o666) -> int:
    """The permissions for a new version of ``path``: the present one's, else what the umask leaves of
    ``new`` (0o666 for a file, 0o777 for a folder). mkstemp and mkdtemp make theirs private whatever the
    umask, and a rename would carry that over to the file people read."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return new & ~current_umask()


def current_umask() -> int:
    """The process's umask (reading it means setting it: it is put back at once)."""
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def _remove(path: Path) -> None:
    """Delete a file, or a folder standing where a cache entry belongs."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


_HOST = socket.gethostname().replace(".", "_")
_TEMP_NAME = re.compile(r"^\.(?P<name>.+)\.(?P<host>[^.]+)\.(?P<pid>\d+)\.[^.]+\.tmp$")
STALE_TEMP_SECONDS = 24 * 3600  # a temp file of another host this old belongs to no live writer


def temp_file_prefix(name: str) -> str:
    """The prefix of a temp file written on the way to ``name``: hidden, naming this host and process."""
    return f".{name}.{_HOST}.{os.getpid()}."


def remove_stale_temps(paths: Iterable[Path]) -> int:
    """Delete the temp files (named by ``temp_file_prefix``) whose writing process is gone.

    A temp file of this host is stale when its process no longer runs; one of another host (a cache shared
    over the network) only after a day, since its process cannot be checked from here.
    """
    removed = 0
    for path in paths:
        match = _TEMP_NAME.match(path.name)
        if not match:
            continue
        if match["host"] == _HOST:
            stale = not _process_alive(int(match["pid"]))
        else:
            try:
                stale = time.time() - path.stat().st_mtime > STALE_TEMP_SECONDS
            except OSError:
                continue
        if stale:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def default_cache_dir() -> Path:
    """$KG_CACHE_DIR, else the user's cache folder."""
    if os.environ.get("KG_CACHE_DIR"):
        return Path(os.environ["KG_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "kg"


def paragraph_chunks(text: str, max_chars: int = MAX_CHUNK_CHARS) -> list[tuple[int, str]]:
    """Split a document into (offset, text) chunks of whole paragraphs, each at most ``max_chars`` long.

    A paragraph longer than that (a page dumped as one line) is cut between sentences, or between words
    when it has no sentence end, so that no Stanza call grows with the size of the input.
    """
    pieces: list[tuple[int, int]] = []
    start = 0
    for paragraph in text.split(PARAGRAPH_SEPARATOR):
        end = start + len(paragraph)
        pieces.extend(_cut_long_paragraph(text, start, end, max_chars))
        start = end + len(PARAGRAPH_SEPARATOR)
    chunks: list[tuple[int, str]] = []
    chunk_start, chunk_end = 0, 0
    for start, end in pieces:
        if chunk_end > chunk_start and end - chunk_start > max_chars:
            chunks.append((chunk_start, text[chunk_start:chunk_end]))
            chunk_start = start
        elif chunk_end == chunk_start:
            chunk_start = start
        chunk_end = end
    if chunk_end > chunk_start:
        chunks.append((chunk_start, text[chunk_start:chunk_end]))
    return chunks


_SENTENCE_BREAK = re.compile(r"[.!?؟؛…]+[\"'»”)\]]*\s+")


def _cut_long_paragraph(text: str, start: int, end: int, max_chars: int) -> Iterator[tuple[int, int]]:
    """(start, end) pieces of one paragraph, each at most ``max_chars`` long; empty paragraphs give none."""
    while end - start > max_chars:
        window = text[start : start + max_chars]
        cut = max((match.end() for match in _SENTENCE_BREAK.finditer(window)), default=0)
        if cut < max_chars // 4:  # no sentence end in sight: cut between words, else anywhere
            space = max(window.rfind(" "), window.rfind("\n"))
            cut = space + 1 if space > 0 else max_chars
        yield start, start + cut
        start += cut
    if end > start:
        yield start, end


def cpu_threads() -> int | None:
    """PyTorch's threads for Stanza: the cores that other processes leave free, one at least; None to leave
    PyTorch's own choice (OMP_NUM_THREADS set, as Dask's workers do).

    OpenMP threads that find their core taken wait for each other at every operation: on a shared 2-core
    machine with a load of 8, Stanza ran a seed article in 28 s on two threads and in 2.5 s on one.
    """
    if os.environ.get("OMP_NUM_THREADS"):
        return None
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    # The load average counts this process too, busy loading the models: it is not another's.
    others = max(0.0, os.getloadavg()[0] - 1.0) if hasattr(os, "getloadavg") else 0.0
    return max(1, min(cores, round(cores - others)))


@contextlib.contextmanager
def _own_checkpoints(torch) -> Iterator[None]:
    """Stanza's checkpoints read by torch's own unpickler rather than its weights-only one, which is written
    in Python and took half of the models' loading time (2 of 4 s, BENCHMARKS.md). The models are the
    user's own folder, read as any program they run would be: see the README's note on --models."""
    weights_only_load = torch.load

    def load(source, *args, weights_only=None, **kwargs):  # noqa: ARG001 (the caller's choice is overridden)
        return weights_only_load(source, *args, weights_only=False, **kwargs)

    torch.load = load
    try:
        yield
    finally:
        torch.load = weights_only_load


class Annotator:
    """Stanza's Arabic pipeline behind a cache. Nothing is loaded until a document needs annotating."""

    def __init__(
        self,
        models_dir: str | Path | None = None,
        cache_dir: str | Path | None = None,
        use_cache: bool = True,
        use_gpu: bool | None = None,
    ) -> None:
        self.models_dir = resolve_models_dir(models_dir)
        self.processors = available_processors(self.models_dir)
        self.fingerprint = model_fingerprint(self.models_dir, self.processors)
        self.cache = AnnotationCache(Path(cache_dir) if cache_dir else default_cache_dir(), self.fingerprint)
        self.cache.remove_stale_temps()
        self.use_cache = use_cache
        self.use_gpu = use_gpu
        self._pipeline = None
        self._loading = threading.Lock()  # one load, whether the build's thread or preload() starts it
        self._preloading = False
        self.stanza_calls = 0  # Stanza pipeline invocations, for the build summary and benchmarks
        self.documents_annotated = 0  # documents that went through Stanza rather than the cache

    @property
    def pipeline(self):
        """The Stanza pipeline, loaded on first use (or waited for, when preload() is loading it)."""
        with self._loading:
            if self._pipeline is None:
                self._pipeline = self._load(list(self.processors))
        return self._pipeline

    def preload(self) -> None:
        """Start loading the models in the background, for a caller that knows it will annotate and has
        other work first (reading its caches): the seconds of loading overlap that work."""
        def load() -> None:
            try:
                self.pipeline  # noqa: B018 (loads it)
            except Exception:  # noqa: BLE001 (the build's own use of the pipeline loads again and says why)
                log.debug("loading the models in the background failed", exc_info=True)

        if self._pipeline is None and not self._preloading:
            self._preloading = True
            threading.Thread(target=load, name="kg-load-models", daemon=True).start()

    @property
    def preloading(self) -> bool:
        """Whether preload() has started loading the models (or they are loaded)."""
        return self._preloading or self._pipeline is not None

    def _load(self, processors: list[str]):
        import stanza
        import torch

        use_gpu = torch.cuda.is_available() if self.use_gpu is None else self.use_gpu
        threads = cpu_threads()
        if threads is not None:
            torch.set_num_threads(threads)
        with _own_checkpoints(torch):
            return stanza.Pipeline(LANGUAGE, dir=str(self.models_dir), processors=",".join(processors),
                                   download_method=None, use_gpu=use_gpu, logging_level="WARN")

    def annotate(
        self, documents: Iterable[Document], on_done: ProgressCallback | None = None
    ) -> Iterator[AnnotatedDocument]:
        """Annotate documents in order, from the cache where possible, in batches otherwise."""
        pending: list[Document] = []
        pending_chars = 0
        for document in documents:
            cached = self.cache.get(document) if self.use_cache else None
            if cached is not None and not pending:
                if on_done:
                    on_done(document)
                yield cached
                continue
            if cached is not None:
                pending.append(document)  # keep the order: it waits for the batch in front of it
                continue
            pending.append(document)
            pending_chars += len(document.text)
            if pending_chars >= MAX_BATCH_CHARS:
                yield from self._annotate_batch(pending, on_done)
                pending, pending_chars = [], 0
        if pending:
            yield from self._annotate_batch(pending, on_done)

    def _annotate_batch(
        self, documents: Sequence[Document], on_done: ProgressCallback | None
    ) -> Iterator[AnnotatedDocument]:
        todo = [d for d in documents if not (self.use_cache and self.cache.get(d) is not None)]
        results = dict(self._run_stanza(todo)) if todo else {}
        for document in documents:
            annotated = results.get(document.doc_id) or self.cache.get(document)
            if annotated is None:  # the cache entry vanished between the two reads
                annotated = dict(self._run_stanza([document]))[document.doc_id]
            if on_done:
                on_done(document)
            yield annotated

    def _run_stanza(self, documents: Sequence[Document]) -> Iterator[tuple[str, AnnotatedDocument]]:
        import stanza

        self.documents_annotated += len(documents)
        jobs: list[tuple[Document, int]] = []
        texts: list[str] = []
        for document in documents:
            for offset, chunk in paragraph_chunks(document.text):
                jobs.append((document, offset))
                texts.append(chunk)
        sentences_of: dict[str, list[AnnotatedSentence]] = {d.doc_id: [] for d in documents}
        batch: list[int] = []
        batch_chars = 0
        for position in range(len(texts) + 1):
            if position < len(texts):
                batch.append(position)
                batch_chars += len(texts[position])
            if batch and (position == len(texts) or batch_chars >= MAX_BATCH_CHARS):
                self.stanza_calls += 1
                processed = self.pipeline([stanza.Document([], text=texts[i]) for i in batch])
                for i, stanza_doc in zip(batch, processed, strict=True):
                    document, offset = jobs[i]
                    found = sentences_of[document.doc_id]
                    found.extend(_convert(stanza_doc, document.text, offset, len(found)))
                batch, batch_chars = [], 0
        for document in documents:
            annotated = AnnotatedDocument(document, tuple(sentences_of[document.doc_id]))
            if self.use_cache:
                self.cache.put(annotated)
            yield document.doc_id, annotated


def _convert(stanza_doc, text: str, offset: int, first_index: int) -> Iterator[AnnotatedSentence]:
    """Stanza's objects → plain records, offsets shifted into the whole document's text."""
    for number, sentence in enumerate(stanza_doc.sentences):
        words = []
        for token in sentence.tokens:
            start, end = token.start_char + offset, token.end_char + offset
            for word in token.words:
                words.append(
                    Word(
                        index=int(word.id),
                        text=word.text,
                        lemma=word.lemma or word.text,
                        upos=word.upos or "X",
                        feats=word.feats or "",
                        start=start,
                        end=end,
                        ner=getattr(token, "ner", None) or "O",
                    )
                )
        if not words:
            continue
        start, end = words[0].start, words[-1].end
        spans = tuple(
            NamedSpan(text=text[e.start_char + offset : e.end_char + offset], label=e.type,
                      start=e.start_char + offset, end=e.end_char + offset)
            for e in sentence.ents
        )
        yield AnnotatedSentence(first_index + number, text[start:end], start, end, tuple(words), spans)


def download_models(models_dir: str | Path | None = None) -> Path:
    """Fetch the official Arabic models with Stanza's downloader (needs a network); ModelsNotFoundError,
    on one line, when they cannot be fetched."""
    import requests
    import stanza

    target = Path(models_dir) if models_dir else None
    kwargs = {"model_dir": str(target)} if target else {}
    try:
        stanza.download(LANGUAGE, **kwargs)
    except requests.RequestException as error:
        raise ModelsNotFoundError(f"cannot download the Stanza models: {_network_problem(error)}; try again "
                                  "when online, or pass --models DIR") from None
    except OSError as error:
        where = target or "Stanza's default folder"
        raise ModelsNotFoundError(f"cannot download the Stanza models into {where}: "
                                  f"{error.strerror or error}") from None
    return target or resolve_models_dir(None)


def _network_problem(error: Exception) -> str:
    """What went wrong with a download, in a few words: which host could not be reached, or the answer."""
    from urllib.parse import urlsplit

    import requests

    request = getattr(error, "request", None)
    host = urlsplit(request.url).hostname if request is not None and request.url else "the model server"
    if isinstance(error, requests.HTTPError) and error.response is not None:
        return f"{host} answered HTTP {error.response.status_code}"
    if isinstance(error, requests.Timeout):
        return f"{host} did not answer in time"
    return f"{host} cannot be reached (no network?)"
