"""Pushing the graph to a SPARQL 1.1 server over the Graph Store Protocol, against a real Oxigraph server.

The server is the `oxigraph` binary from PyPI (the dev extra installs it), started by the fixture on a
free loopback port over a temp folder and stopped after the module. The recipe in BENCHMARKS.md is run
as it is written there.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from kg.errors import OutputError
from kg.storing import push_graph, sparql_select
from kg.vocabulary import KG
from tests.test_storing import small_graph

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = PROJECT_ROOT / "BENCHMARKS.md"
STARTUP_SECONDS = 30


def oxigraph_binary() -> str:
    """The Oxigraph server: beside this Python (the venv's bin), else on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        pytest.fail("the Oxigraph server is not installed: `pip install -e '.[dev]'` (PyPI package oxigraph)")
    return found


def free_loopback_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def sparql_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Oxigraph SPARQL server on 127.0.0.1; yields its base URL."""
    port = free_loopback_port()
    location = tmp_path_factory.mktemp("oxigraph-server")
    log = open(location.parent / f"oxigraph-{port}.log", "wb")  # noqa: SIM115 (closed after the server)
    server = subprocess.Popen(
        [oxigraph_binary(), "serve", "--location", str(location / "data"), "--bind", f"127.0.0.1:{port}"],
        stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                with urllib.request.urlopen(f"{base}/", timeout=2):
                    break
            except (urllib.error.URLError, ConnectionError):
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"the Oxigraph server did not start: {log.name}")
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def count_by_class(graph: Graph) -> dict[str, int]:
    counts: dict[str, int] = {}
    for _, kind in graph.subject_objects(RDF.type):
        counts[str(kind)] = counts.get(str(kind), 0) + 1
    return counts


def server_count_by_class(base: str, graph_iri: str | None = None) -> dict[str, int]:
    pattern = "?node a ?class"
    where = f"GRAPH <{graph_iri}> {{ {pattern} }}" if graph_iri else pattern
    rows = sparql_select(f"{base}/query",
                         f"SELECT ?class (COUNT(?node) AS ?n) WHERE {{ {where} }} GROUP BY ?class")
    return {row["class"]: int(row["n"]) for row in rows}


def test_a_small_graph_put_to_the_default_graph_is_counted_by_the_server(sparql_server: str,
                                                                         tmp_path: Path) -> None:
    turtle = tmp_path / "graph.ttl"
    small_graph().serialize(turtle, format="turtle", encoding="utf-8")
    assert push_graph(turtle, f"{sparql_server}/store") in (200, 201, 204)
    assert server_count_by_class(sparql_server) == count_by_class(small_graph())
    rows = sparql_select(f"{sparql_server}/query",
                         "SELECT ?text WHERE { ?c <https://w3id.org/kg-ar/ontology#text> ?text }")
    assert [row["text"] for row in rows] == ["سنساعد بيلاروسيا في إنتاج الصواريخ"]


def test_the_seeds_graph_put_to_the_server_gives_the_same_counts(sparql_server: str, seeds_build) -> None:
    graph_file = seeds_build.outputs["ttl"]
    push_graph(graph_file, f"{sparql_server}/store")
    expected = count_by_class(seeds_build.graph)
    assert expected[str(KG.Document)] >= 5
    assert server_count_by_class(sparql_server) == expected
    total = sparql_select(f"{sparql_server}/query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(total[0]["n"]) == len(seeds_build.graph)


def test_a_named_graph_holds_its_own_copy(sparql_server: str, tmp_path: Path) -> None:
    turtle = tmp_path / "graph.ttl"
    small_graph().serialize(turtle, format="turtle", encoding="utf-8")
    iri = "https://w3id.org/kg-ar/build/test"
    push_graph(turtle, f"{sparql_server}/store", graph_iri=iri)
    assert server_count_by_class(sparql_server, iri) == count_by_class(small_graph())


def test_a_server_that_refuses_the_graph_is_one_line_error(sparql_server: str, tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(OutputError, match="refused the graph: HTTP 400"):
        push_graph(broken, f"{sparql_server}/store")


def test_no_server_there_is_one_line_error(tmp_path: Path) -> None:
    turtle = tmp_path / "graph.ttl"
    small_graph().serialize(turtle, format="turtle", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot reach"):
        push_graph(turtle, f"http://127.0.0.1:{free_loopback_port()}/store", timeout=5)


def recipe() -> str:
    """The shell block between the recipe:push markers of BENCHMARKS.md."""
    text = BENCHMARKS.read_text(encoding="utf-8")
    block = r"<!-- recipe:push:begin -->\s*```sh\n(.*?)```\s*<!-- recipe:push:end -->"
    section = re.search(block, text, re.S)
    assert section, "BENCHMARKS.md has no recipe:push block"
    return section.group(1)


def test_the_documented_recipe_pushes_the_seeds_graph(sparql_server: str, seeds_build) -> None:
    if shutil.which("curl") is None:
        pytest.fail("curl is needed to run the documented recipe (Debian package curl)")
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", recipe()],
        env={"PATH": "/usr/bin:/bin", "ENDPOINT": sparql_server,
             "GRAPH_FILE": str(seeds_build.outputs["ttl"])},
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    claims = sum(1 for _ in seeds_build.graph.subjects(RDF.type, KG.Claim))
    assert done.stdout.split() == ["claims", str(claims)]
    assert server_count_by_class(sparql_server, "https://w3id.org/kg-ar/build/latest") == \
        count_by_class(seeds_build.graph)
