"""Distributing: annotation fanned out over a Dask cluster, the annotation cache carrying the results back.

Stanza is the build's cost; everything after it takes a small share. So only annotation leaves the main
process: documents not yet in the annotation cache go to the workers in batches, each worker loads the
models once (a per-process Annotator, kept between tasks) and writes what it annotates to the shared cache,
and the main process then reads every document from the cache as a warm build would. Nothing but counts
travels back, and a build interrupted half-way keeps every batch already done.

``workers=N`` starts a LocalCluster on loopback (N processes, one thread each: two PyTorch threads per
process would only fight over the same cores). ``scheduler="tcp://host:8786"`` sends the same work to a
running cluster; its workers must see the model folder and the cache folder at the same paths (a shared
file system), and have kg installed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.annotating import MAX_BATCH_CHARS, Annotator
from kg.errors import ClusterError, KgError
from kg.records import Document

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = "20s"
BATCHES_PER_WORKER = 4  # small enough batches that no worker idles while another finishes a long one

ProgressHook = Callable[[int, int], None]  # (documents done, documents sent)


@dataclass(frozen=True)
class FanOut:
    """What one fan-out did."""

    documents_sent: int  # documents that were not in the cache
    documents_annotated: int  # documents that went through Stanza on a worker
    stanza_calls: int
    batches: int
    workers: int
    seconds: float


# One Annotator per worker process and settings: the models are loaded by the first task, reused after.
_worker_annotators: dict[tuple[str, str], Annotator] = {}


def _worker_annotator(models_dir: str, cache_dir: str) -> Annotator:
    key = (models_dir, cache_dir)
    annotator = _worker_annotators.get(key)
    if annotator is None:
        annotator = Annotator(models_dir, cache_dir=cache_dir, use_cache=True)
        _worker_annotators[key] = annotator
    return annotator


def annotate_batch_on_worker(
    documents: Sequence[Document], models_dir: str, cache_dir: str, refresh: bool
) -> tuple[int, int]:
    """Run on a worker: annotate ``documents`` into the shared cache; (documents annotated, Stanza calls).

    With ``refresh`` every document is annotated again and its cache entry replaced.
    """
    annotator = _worker_annotator(models_dir, cache_dir)
    annotated_before, calls_before = annotator.documents_annotated, annotator.stanza_calls
    if refresh:
        annotator.use_cache = False  # read nothing from the cache…
        try:
            for annotated in annotator.annotate(documents):
                annotator.cache.put(annotated)  # …but write every result to it
        finally:
            annotator.use_cache = True
    else:
        for _ in annotator.annotate(documents):  # the Annotator writes each result to the cache
            pass
    return annotator.documents_annotated - annotated_before, annotator.stanza_calls - calls_before


def batches_of(documents: Sequence[Document], max_chars: int) -> list[list[Document]]:
    """Consecutive batches of documents, each at most ``max_chars`` of text unless one document is longer."""
    batches: list[list[Document]] = []
    batch: list[Document] = []
    chars = 0
    for document in documents:
        if batch and chars + len(document.text) > max_chars:
            batches.append(batch)
            batch, chars = [], 0
        batch.append(document)
        chars += len(document.text)
    if batch:
        batches.append(batch)
    return batches


def _connect(workers: int | None, scheduler: str | None, timeout: str = CONNECT_TIMEOUT):
    """A dask Client and the LocalCluster it owns (None when connecting to a running scheduler)."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout=timeout), None
        except (OSError, TimeoutError) as error:
            raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    if not workers or workers < 1:
        raise ClusterError(f"--workers must be at least 1, not {workers}")
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",  # the cluster listens on loopback only
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    try:
        return Client(cluster, timeout=timeout), cluster
    except BaseException:
        cluster.close()
        raise


def annotate_on_cluster(
    documents: Sequence[Document],
    *,
    models_dir: str | Path,
    cache_dir: str | Path,
    workers: int | None = None,
    scheduler: str | None = None,
    refresh: bool = False,
    progress: ProgressHook | None = None,
    connect_timeout: str = CONNECT_TIMEOUT,
) -> FanOut:
    """Annotate every document missing from the cache at ``cache_dir`` on a Dask cluster.

    ``workers``: start a LocalCluster of that many processes; ``scheduler``: use the running cluster at that
    address instead. ``refresh``: annotate every document again. ``connect_timeout``: how long to try to reach
    the scheduler (dask's duration syntax, "20s"). Raises ClusterError when the cluster cannot
    be reached or a worker fails.
    """
    started = time.perf_counter()
    models_dir, cache_dir = str(Path(models_dir).resolve()), str(Path(cache_dir).resolve())
    cache = Annotator(models_dir, cache_dir=cache_dir).cache  # names the models: nothing is loaded
    todo = list(documents) if refresh else [d for d in documents if not cache.has(d)]
    if not todo:
        return FanOut(0, 0, 0, 0, 0, time.perf_counter() - started)
    client, cluster = _connect(workers, scheduler, connect_timeout)
    try:
        from distributed import as_completed

        worker_count = max(1, len(client.nthreads()))
        total_chars = sum(len(d.text) for d in todo)
        share = total_chars // (worker_count * BATCHES_PER_WORKER) + 1
        batches = batches_of(todo, max(1, min(MAX_BATCH_CHARS, share)))
        futures = {
            client.submit(annotate_batch_on_worker, batch, models_dir, cache_dir, refresh,
                          pure=False, key=f"annotate-{number}"): len(batch)
            for number, batch in enumerate(batches)
        }
        done = annotated = calls = 0
        try:
            for future in as_completed(futures):
                batch_annotated, batch_calls = future.result()
                annotated += batch_annotated
                calls += batch_calls
                done += futures[future]
                if progress:
                    progress(done, len(todo))
        except KgError as error:
            raise ClusterError(f"a worker failed: {error}") from None
        except Exception as error:  # a worker that died, or an error raised on one
            raise ClusterError(f"a worker failed: {type(error).__name__}: {error}") from None
        return FanOut(len(todo), annotated, calls, len(batches), worker_count, time.perf_counter() - started)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
