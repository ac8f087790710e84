"""Annotation fanned out over Dask: real workers on loopback, the real models, the graph of a plain build."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.annotating import Annotator
from kg.cli import app
from kg.distributing import annotate_on_cluster, batches_of
from kg.errors import ClusterError
from kg.pipeline import build, load_documents
from tests.conftest import SEEDS, make_document, models_dir

# Two seeds keep the cluster's work small: the point is the path the work takes, not its size.
SUBSET = sorted(SEEDS.glob("*.txt"))[:2]


@pytest.mark.parametrize(
    ("lengths", "max_chars", "expected"),
    [
        ([10, 10, 10], 25, [[10, 10], [10]]),
        ([30, 5, 5], 25, [[30], [5, 5]]),  # a long document is a batch of its own, never split
        ([5], 1, [[5]]),
        ([], 10, []),
    ],
)
def test_batches_keep_order_and_size(lengths: list[int], max_chars: int, expected: list[list[int]]) -> None:
    documents = [make_document("ب" * length, source=f"{n}.txt") for n, length in enumerate(lengths)]
    batches = batches_of(documents, max_chars)
    assert [[len(d.text) for d in batch] for batch in batches] == expected
    assert [d for batch in batches for d in batch] == documents


@pytest.fixture(scope="module")
def plain_subset_build(tmp_path_factory: pytest.TempPathFactory, annotator: Annotator):
    return build(SUBSET, tmp_path_factory.mktemp("plain"), annotator=annotator, html=False)


def test_two_local_workers_build_the_same_graph(plain_subset_build, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    result = build(SUBSET, tmp_path / "out", models_dir=models_dir(), cache_dir=cache_dir, html=False,
                   workers=2)
    assert isomorphic(result.graph, plain_subset_build.graph)
    assert result.annotated_documents == 2  # on the workers; the main process read the cache
    documents, _, _ = load_documents(SUBSET)
    cache = Annotator(models_dir(), cache_dir=cache_dir).cache
    assert all(cache.has(document) for document in documents)
    # Everything is in the cache now: a second fan-out sends nothing and starts no cluster.
    again = annotate_on_cluster(documents, models_dir=models_dir(), cache_dir=cache_dir, workers=2)
    assert (again.documents_sent, again.documents_annotated, again.workers) == (0, 0, 0)


def test_kg_build_sends_the_work_to_a_running_scheduler(plain_subset_build, tmp_path: Path) -> None:
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        done = CliRunner().invoke(app, [
            "build", *map(str, SUBSET[:1]), "--out", str(tmp_path / "out"), "--no-html", "--quiet",
            "--models", str(models_dir()), "--cache-dir", str(tmp_path / "cache"),
            "--scheduler", cluster.scheduler_address,
        ])
    assert done.exit_code == 0, done.output
    plain = build(SUBSET[:1], tmp_path / "plain", models_dir=models_dir(), cache_dir=tmp_path / "cache",
                  html=False)
    assert plain.annotated_documents == 0  # the cluster's workers filled the cache
    from kg.querying import load_graph

    assert isomorphic(load_graph(tmp_path / "out" / "graph.ttl"), plain.graph)


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    documents = [make_document("قال الرئيس إن الاتفاق سيوقع غدا.")]
    with pytest.raises(ClusterError, match="cannot reach the Dask scheduler"):
        annotate_on_cluster(documents, models_dir=models_dir(), cache_dir=tmp_path,
                            scheduler=f"tcp://127.0.0.1:{port}", connect_timeout="2s")


def test_workers_and_scheduler_together_are_refused(tmp_path: Path) -> None:
    done = CliRunner().invoke(app, ["build", str(SUBSET[0]), "--out", str(tmp_path), "--workers", "2",
                                    "--scheduler", "tcp://127.0.0.1:8786"])
    assert done.exit_code == 2
    assert "give one of them" in done.output
