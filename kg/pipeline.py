"""The whole build as one plain function: read → clean → annotate → extract → resolve → graph → export."""

from __future__ import annotations

import gc
import json
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph

from kg import __version__
from kg.annotating import Annotator, remove_stale_temps
from kg.cleaning import clean
from kg.cleaning_cache import CleaningCache
from kg.errors import InputError, OutputError
from kg.exporting import FORMATS, output_set, start_export_all, write_atomically, write_beside
from kg.extracting.cache import ExtractionCache, extraction_fingerprint
from kg.extracting.entities import extract_mentions
from kg.extracting.quotations import extract_claims
from kg.extracting.transfers import extract_transfers
from kg.gazetteer import load_gazetteer
from kg.graphing import BuildInfo, build_graph
from kg.lexicon import load_entity_lexicon, load_speech_lexicon, load_transfer_lexicon
from kg.products import ProductCache, products_key
from kg.reading import Skipped, read_sources
from kg.records import AnnotatedDocument, Document, Extraction, SourceText
from kg.resolving import resolve

if TYPE_CHECKING:  # networkx loads only when a build gets that far
    from kg.analysing import GraphReading

ProgressHook = Callable[[str, int, int], None]  # (stage, done, total)
# A story past this length is not a news article (a book, dumps run together): its annotation, every word
# of it, would be held in memory at once, so it is skipped with a message saying how to split it.
MAX_DOCUMENT_CHARS = 10_000_000


@dataclass
class BuildResult:
    """What a build made and counted; the CLI prints it, tests and the benchmark read it."""

    out_dir: Path
    loaded_graph: Graph | None  # None when the outputs came from the product cache: see ``graph``
    outputs: dict[str, Path]
    documents: int
    sources: int
    sentences: int
    tokens: int
    entities_by_kind: dict[str, int]
    claims: int
    transfers: int
    skipped: list[Skipped]
    annotated_documents: int  # documents that went through Stanza (not from the cache)
    stanza_calls: int
    seconds_by_stage: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # "PATH: what went wrong", for sources used anyway
    graph_file: Path | None = None  # where ``graph`` is read from when it was not built in this process

    @property
    def graph(self) -> Graph:
        """The graph built, or, when the outputs came from the product cache, read from its file (once)."""
        if self.loaded_graph is None:
            from kg.querying import load_graph

            self.loaded_graph = load_graph(self.graph_file)
        return self.loaded_graph

    def summary(self) -> dict:
        """The build's figures as plain JSON data."""
        return {
            "documents": self.documents,
            "sources": self.sources,
            "sentences": self.sentences,
            "tokens": self.tokens,
            "entities": self.entities_by_kind,
            "claims": self.claims,
            "transfers": self.transfers,
            "skipped": [{"path": s.path, "reason": s.reason} for s in self.skipped],
            "warnings": self.warnings,
            "annotated_documents": self.annotated_documents,
            "stanza_calls": self.stanza_calls,
            "seconds_by_stage": {k: round(v, 3) for k, v in self.seconds_by_stage.items()},
            "outputs": {k: str(v) for k, v in self.outputs.items()},
        }


def check_output_dir(out_dir: Path, file_names: Iterable[str] = (), option: str = "--out") -> Path:
    """Fail before any work when ``out_dir`` cannot take the outputs (``file_names`` in it); clear away the
    temp files of builds that were killed while writing there."""
    out_dir = Path(out_dir)
    blocking = next((folder for folder in (out_dir, *out_dir.parents) if folder.exists()), None)
    if blocking is not None and not blocking.is_dir():
        if blocking == out_dir:
            raise OutputError(f"{option} {out_dir} is a file, not a folder")
        raise OutputError(f"{option} {out_dir} cannot be made: {blocking} is a file, not a folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out_dir):
            pass
    except OSError as error:
        raise OutputError(f"{option} {out_dir} is not writable ({error.strerror or error})") from None
    for name in file_names:
        if (out_dir / name).is_dir():
            raise OutputError(f"{option} {out_dir}: {out_dir / name} is a folder where a file goes")
    remove_stale_temps(out_dir.glob(".*.tmp"))
    return out_dir


def load_documents(
    sources: Iterable[str | Path], warnings: list[str] | None = None, date: str | None = None,
    on_document: Callable[[Document], None] | None = None,
    cleaner: Callable[[SourceText], Iterable[Document]] = clean,
) -> tuple[list[Document], list[Skipped], int]:
    """Read and clean every source; the same story under several names is one document with every source.

    Sources used despite a problem (undecodable bytes, control characters) add a line "PATH: problem" per
    problem to ``warnings``. ``on_document`` sees each document as soon as it is read. ``cleaner`` makes the
    stories of a source (kg.cleaning.clean, or a CleaningCache's).
    """
    by_id: dict[str, Document] = {}
    skipped: list[Skipped] = []
    read = 0
    for item in read_sources(sources):
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        read += 1
        if warnings is not None:
            warnings.extend(f"{item.path}: {problem}" for problem in item.problems)
        stories = [story if story.date or not date else replace(story, date=date, date_from="option")
                   for story in cleaner(item)]
        if not stories:
            skipped.append(Skipped(item.path, "nothing left after removing web boilerplate"))
        for document in stories:
            if len(document.text) > MAX_DOCUMENT_CHARS:
                skipped.append(Skipped(item.path, _too_long(document)))
                continue
            known = by_id.get(document.doc_id)
            if known is None:
                by_id[document.doc_id] = document
                if on_document is not None:
                    on_document(document)
            elif item.path not in known.sources:
                by_id[document.doc_id] = replace(known, sources=known.sources + (item.path,))
    return list(by_id.values()), skipped, read


def _too_long(document: Document) -> str:
    return (f"one story of {len(document.text):,} characters, past the limit of {MAX_DOCUMENT_CHARS:,}: "
            "split it into one file per article, or a JSON Lines dump with one article a line")


class Extractor:
    """The extract stage: entity mentions, then claims, then transfers, with the language data loaded once."""

    def __init__(self, gazetteer_files: Sequence[Path] = (), lexicon_files: Sequence[Path] = ()) -> None:
        self.gazetteer = load_gazetteer(gazetteer_files)
        self.speech_lexicon = load_speech_lexicon(lexicon_files)
        self.transfer_lexicon = load_transfer_lexicon(lexicon_files)
        self.entity_lexicon = load_entity_lexicon(lexicon_files)

    def extract(self, annotated: AnnotatedDocument) -> Extraction:
        mentions = tuple(extract_mentions(annotated, self.gazetteer, self.entity_lexicon))
        claims = tuple(extract_claims(annotated, mentions, self.speech_lexicon))
        transfers = tuple(
            extract_transfers(annotated, mentions, claims, self.transfer_lexicon, self.gazetteer))
        return Extraction(annotated, mentions, claims, transfers)


@contextmanager
def _timed(seconds_by_stage: dict[str, float], stage: str):
    started = time.perf_counter()
    try:
        yield
    finally:
        seconds_by_stage[stage] = seconds_by_stage.get(stage, 0.0) + time.perf_counter() - started


def build(
    sources: Iterable[str | Path],
    out_dir: str | Path,
    *,
    models_dir: str | Path | None = None,
    cache_dir: str | Path | None = None,
    use_cache: bool = True,
    gazetteer_files: Sequence[Path] = (),
    lexicon_files: Sequence[Path] = (),
    formats: Sequence[str] = ("ttl",),
    html: bool = True,
    progress: ProgressHook | None = None,
    annotator: Annotator | None = None,
    store_dir: str | Path | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    date: str | None = None,
) -> BuildResult:
    """Build the knowledge graph of ``sources`` into ``out_dir`` (graph.ttl, graph.html, stats.json…).

    ``store_dir``: also write the graph into a persistent Oxigraph store there (see kg.storing).
    ``workers`` / ``scheduler``: annotate on a local Dask cluster of that many processes, or on the running
    cluster at that address (see kg.distributing).
    ``date``: the publication date (YYYY-MM-DD) of documents that neither the text nor a dump record dates.
    """
    unknown = [name for name in formats if name not in FORMATS]
    if unknown:
        raise OutputError(f"unknown RDF format {unknown[0]!r}; choose from {', '.join(FORMATS)}")
    out_names = [f"graph{FORMATS[name][1]}" for name in formats] + ["stats.json"] + ["graph.html"] * html
    out_dir = Path(out_dir)
    new_folders = [folder for folder in (out_dir, *out_dir.parents) if not folder.exists()]
    out_dir = check_output_dir(out_dir, out_names)
    try:
        with _fewer_collections(), output_set(out_dir) as staging:
            _check_store_dir(store_dir)
            seconds: dict[str, float] = {}
            annotator = annotator or Annotator(models_dir, cache_dir=cache_dir, use_cache=use_cache)
            _check_cache_dir(annotator)
            warnings: list[str] = []
            with _timed(seconds, "read and clean"):
                documents, skipped, read = load_documents(
                    sources, warnings, date, _models_warmer(annotator, [*gazetteer_files, *lexicon_files],
                                                            clustered=bool(workers or scheduler)),
                    _cleaner(annotator))
            if not documents:
                raise InputError("no usable Arabic articles among the sources" + _skipped_hint(skipped))
            made = BuildInputs(documents, read, skipped, warnings, gazetteer_files, lexicon_files, formats,
                               html)
            # What the outputs are made from, hashed once: the key to read them by, and to keep them under.
            products = (products_key(documents, annotator.fingerprint, made.language_files, formats, html)
                        if annotator.use_cache else None)
            result = _from_products(made, products, annotator, out_dir, staging, seconds)
            if result is None:
                result = _make(made, products, annotator, out_dir, staging, seconds, progress, workers,
                               scheduler)
            _write_store(result, staging, store_dir)
    except BaseException:
        _remove_if_empty(new_folders)  # a failed build leaves no empty --out behind
        raise
    return result


# Python's cyclic collector runs every 700 allocations by default and walks the young objects each time;
# a build allocates millions that live to its end (cached extractions, entities, graph terms), so it was a
# third of the time of adding one article to 1,000 built ones (BENCHMARKS.md). A build makes few cycles:
# collecting seldom costs tens of MB at most.
BUILD_GC_THRESHOLDS = (100_000, 50, 100)


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """The collector's thresholds raised for the build, restored after."""
    before = gc.get_threshold()
    gc.set_threshold(*BUILD_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _cleaner(annotator: Annotator) -> Callable[[SourceText], Iterable[Document]]:
    """Cleaning through the cache beside the annotation cache, unless caches are off."""
    if not annotator.use_cache:
        return clean
    cache = CleaningCache(annotator.cache.folder.parent)
    cache.remove_stale_temps()
    return cache.clean


def _models_warmer(annotator: Annotator, language_files: Sequence[Path], clustered: bool
                   ) -> Callable[[Document], None] | None:
    """A reader's hook that starts loading Stanza's models at the first document no cache holds: the seconds
    of loading overlap the reading, cleaning and cache reading still to come (adding one article to a built
    corpus costs little more than annotating it)."""
    if clustered or not annotator.use_cache:
        return None  # the cluster's workers annotate; without caches every document is annotated anyway
    extraction_cache = ExtractionCache(annotator.cache.folder.parent,
                                       extraction_fingerprint(annotator.fingerprint, language_files))

    def warm(document: Document) -> None:
        if annotator.preloading or extraction_cache.has(document) or annotator.cache.has(document):
            return
        annotator.preload()

    return warm


@dataclass(frozen=True)
class BuildInputs:
    """What a build was given, read: the documents and what reading them said, the language files, the
    output options."""

    documents: list[Document]
    sources_read: int
    skipped: list[Skipped]
    warnings: list[str]
    gazetteer_files: Sequence[Path]
    lexicon_files: Sequence[Path]
    formats: Sequence[str]
    html: bool

    @property
    def language_files(self) -> list[Path]:
        return [*self.gazetteer_files, *self.lexicon_files]


def _make(made: BuildInputs, key: str | None, annotator: Annotator, out_dir: Path, staging: Path,
          seconds: dict[str, float], progress: ProgressHook | None, workers: int | None,
          scheduler: str | None) -> BuildResult:
    """Annotate, extract, resolve, graph and write the outputs into ``staging``; keep them in the product
    cache under ``key`` (None: no cache)."""
    with _timed(seconds, "load language data"):
        extractor = Extractor(made.gazetteer_files, made.lexicon_files)
    extractions, annotated, stanza_calls = _extract_all(
        made.documents, annotator, extractor, made.language_files, seconds, progress, workers, scheduler)
    with _timed(seconds, "resolve"):
        resolution = resolve(extractions, extractor.gazetteer)
    with _timed(seconds, "graph"):
        graph = build_graph(extractions, resolution, extractor.gazetteer,
                            BuildInfo(__version__, annotator.fingerprint))
    kinds = Counter(entity.kind for entity in resolution.entities.values())
    result = BuildResult(
        out_dir=out_dir,
        loaded_graph=graph,
        outputs={},
        documents=len(made.documents),
        sources=made.sources_read,
        sentences=sum(len(e.annotated.sentences) for e in extractions),
        tokens=sum(extraction.word_count for extraction in extractions),
        entities_by_kind=dict(sorted(kinds.items())),
        claims=_count_typed(graph, "Claim"),
        transfers=_count_typed(graph, "Transfer"),
        skipped=made.skipped,
        annotated_documents=annotated,
        stanza_calls=stanza_calls,
        seconds_by_stage=seconds,
        warnings=made.warnings,
    )
    analysis = _write_outputs(result, staging, made.formats, made.html)
    if key is not None:
        with _timed(seconds, "keep outputs in the cache"):
            counts = {name: getattr(result, name) for name in COUNTS}
            files = [path.name for name in (*made.formats, "html") if (path := result.outputs.get(name))]
            ProductCache(annotator.cache.folder.parent).put(key, staging, files, analysis, counts)
    return result


# What a build reports besides its documents; kept with its outputs in the product cache.
COUNTS = ("sentences", "tokens", "entities_by_kind", "claims", "transfers")


def _from_products(made: BuildInputs, key: str | None, annotator: Annotator, out_dir: Path, staging: Path,
                   seconds: dict[str, float]) -> BuildResult | None:
    """The build's outputs copied from the product cache into ``staging``, when it holds those of these
    very inputs (``key``); None otherwise."""
    if key is None:
        return None
    with _timed(seconds, "read product cache"):
        cache = ProductCache(annotator.cache.folder.parent)
        products = cache.get(key)
        if products is None:
            return None
        cache.copy_into(products, staging)
    counts = products.counts
    result = BuildResult(
        out_dir=out_dir, loaded_graph=None, outputs={}, documents=len(made.documents),
        sources=made.sources_read, **{name: counts[name] for name in COUNTS}, skipped=made.skipped,
        annotated_documents=0, stanza_calls=0, seconds_by_stage=seconds, warnings=made.warnings,
        graph_file=products.folder / f"graph{FORMATS[made.formats[0]][1]}",
    )
    result.outputs.update({name: out_dir / f"graph{FORMATS[name][1]}" for name in made.formats})
    if made.html:
        result.outputs["html"] = out_dir / "graph.html"
    with _timed(seconds, "stats"):
        write_stats(result, staging / "stats.json", analysis=products.analysis)
    result.outputs["stats"] = out_dir / "stats.json"
    return result




def _check_store_dir(store_dir: str | Path | None) -> None:
    """The store is written last: say now, not after the whole build, that it cannot be."""
    if store_dir is None:
        return
    if Path(store_dir).is_file():
        raise OutputError(f"--store {store_dir} is a file, not a folder")
    check_output_dir(Path(store_dir).parent, option=f"--store {store_dir}: its folder")


def _check_cache_dir(annotator: Annotator) -> None:
    if annotator.use_cache:
        try:
            check_output_dir(annotator.cache.folder.parent, option="--cache-dir")
        except OutputError as error:
            raise OutputError(f"{error}; pass another --cache-dir, or --no-cache") from None


def _remove_if_empty(folders: Sequence[Path]) -> None:
    """Remove these folders, deepest first, as long as each is empty."""
    for folder in folders:
        try:
            folder.rmdir()
        except OSError:
            return


def _extract_all(
    documents: list[Document],
    annotator: Annotator,
    extractor: Extractor,
    language_files: Sequence[Path],
    seconds: dict[str, float],
    progress: ProgressHook | None,
    workers: int | None,
    scheduler: str | None,
) -> tuple[list[Extraction], int, int]:
    """Every document's extraction, from the extraction cache or through annotation (on a cluster when
    asked); with the count of documents that went through Stanza and of Stanza calls."""
    fanned_annotated = fanned_calls = 0
    if workers or scheduler:
        from kg.distributing import annotate_on_cluster

        with _timed(seconds, "annotate"):
            fan_out = annotate_on_cluster(
                documents, models_dir=annotator.models_dir, cache_dir=annotator.cache.folder.parent,
                workers=workers, scheduler=scheduler, refresh=not annotator.use_cache,
                progress=(lambda done, sent: progress("annotate", done, sent)) if progress else None,
            )
        fanned_annotated, fanned_calls = fan_out.documents_annotated, fan_out.stanza_calls
        if not annotator.use_cache:  # the workers refreshed the cache; it now holds every document
            annotator = Annotator(annotator.models_dir, cache_dir=annotator.cache.folder.parent)
    calls_before, annotated_before = annotator.stanza_calls, annotator.documents_annotated
    extracted: dict[str, Extraction] = {}
    total = len(documents)
    extraction_cache = None
    if annotator.use_cache:
        with _timed(seconds, "read extraction cache"):
            extraction_cache = ExtractionCache(annotator.cache.folder.parent, extraction_fingerprint(
                annotator.fingerprint, language_files))
            extraction_cache.remove_stale_temps()
            if not (workers or scheduler) and any(
                    not extraction_cache.has(d) and not annotator.cache.has(d) for d in documents):
                annotator.preload()  # Stanza will run: its models load while the extraction cache is read
            for document in documents:
                if (cached := extraction_cache.get(document)) is not None:
                    extracted[document.doc_id] = cached
        if progress and extracted:
            progress("annotate", len(extracted), total)
    stream = iter(annotator.annotate([d for d in documents if d.doc_id not in extracted]))
    while True:
        with _timed(seconds, "annotate"):
            annotated = next(stream, None)
        if annotated is None:
            break
        with _timed(seconds, "extract"):
            # Later stages need no words: dropped, the corpus's extractions stay small in memory and cache.
            extraction = extractor.extract(annotated).without_words()
            if extraction_cache is not None:
                extraction_cache.put(extraction)
        extracted[annotated.document.doc_id] = extraction
        if progress:
            progress("annotate", len(extracted), total)
    return ([extracted[document.doc_id] for document in documents],
            annotator.documents_annotated - annotated_before + fanned_annotated,
            annotator.stanza_calls - calls_before + fanned_calls)


def _write_outputs(result: BuildResult, staging: Path, formats: Sequence[str], html: bool) -> dict:
    """The graph files, the HTML and stats.json, written into ``staging`` (see kg.exporting.output_set);
    ``result.outputs`` names them where they will be, in ``result.out_dir``. Returns the graph's analysis."""
    seconds, graph, outputs = result.seconds_by_stage, result.graph, result.outputs
    with _timed(seconds, "export"):
        exported = start_export_all(graph, staging, formats)  # on the other core, while the rest is made
    from kg.analysing import compute_stats, read_graph

    with _timed(seconds, "analyse"):  # what the HTML and stats.json both show, read once
        reading = read_graph(graph)
    if html:
        from kg.drawing import write_html

        with _timed(seconds, "html"):  # on the other core too, while the statistics are computed
            drawn = write_beside(lambda: write_html(graph, staging / "graph.html", reading=reading))
        outputs["html"] = result.out_dir / "graph.html"
    with _timed(seconds, "stats"):
        analysis = compute_stats(graph, reading)
    if html:
        with _timed(seconds, "html"):
            drawn()
    with _timed(seconds, "export"):
        staged = dict(zip(formats, exported(), strict=True))
    outputs.update({name: result.out_dir / path.name for name, path in staged.items()})
    with _timed(seconds, "stats"):
        write_stats(result, staging / "stats.json", analysis=analysis)
    outputs["stats"] = result.out_dir / "stats.json"
    return analysis


def _write_store(result: BuildResult, staging: Path, store_dir: str | Path | None) -> None:
    """The graph into a persistent Oxigraph store, when asked."""
    if store_dir is None:
        return
    from kg.storing import write_store

    with _timed(result.seconds_by_stage, "store"):
        # Bulk-loading the file just written is faster than handing the graph over triple by triple.
        rdf_files = [staging / path.name for name, path in result.outputs.items() if name in ("nt", "ttl")]
        loadable = rdf_files[0] if rdf_files else None
        result.outputs["store"] = write_store(loadable or result.graph, store_dir)


def _count_typed(graph: Graph, class_name: str) -> int:
    from rdflib.namespace import RDF

    from kg.vocabulary import KG

    return sum(1 for _ in graph.subjects(RDF.type, KG[class_name]))


def _skipped_hint(skipped: list[Skipped]) -> str:
    if not skipped:
        return ""
    first = skipped[0]
    more = f" (and {len(skipped) - 1} more)" if len(skipped) > 1 else ""
    return f": {first.path}: {first.reason}{more}"


def write_stats(result: BuildResult, path: Path, reading: GraphReading | None = None,
                analysis: dict | None = None) -> Path:
    """stats.json: the build summary and the graph's analysis (``analysis`` when already made)."""
    from kg.analysing import compute_stats

    if analysis is None:
        analysis = compute_stats(result.graph, reading)
    payload = {"build": result.summary(), "analysis": analysis}
    data = json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8")
    return write_atomically(path, data)

