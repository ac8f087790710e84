"""`kg export`: RDF/XML beside the other RDF formats, the entity graph as GraphML and GEXF for Gephi, and a
file name that tells no format is an error rather than Turtle under that name."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.analysing import project
from kg.errors import OutputError
from kg.exporting import export_all, start_export_all
from kg.storing import write_store


def run_kg(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True,
                          timeout=600)


@pytest.fixture(scope="module")
def seeds_file(seeds_build) -> Path:
    return seeds_build.outputs["ttl"]


@pytest.mark.parametrize("name", ["graph.rdf", "graph.owl"])
def test_rdf_xml_is_the_same_graph(seeds_build, seeds_file: Path, tmp_path: Path, name: str):
    result = run_kg("export", seeds_file, "-o", tmp_path / name)
    assert result.returncode == 0, result.stderr
    assert isomorphic(Graph().parse(tmp_path / name, format="xml"), seeds_build.graph)
    store = pyoxigraph.Store()  # an independent parser agrees
    store.load(path=str(tmp_path / name), format=pyoxigraph.RdfFormat.RDF_XML)
    assert len(store) == len(seeds_build.graph)


@pytest.mark.parametrize(("name", "read"), [("entities.graphml", nx.read_graphml),
                                            ("entities.gexf", nx.read_gexf)])
def test_the_entity_graph_goes_to_gephi_as_graphml_and_gexf(seeds_build, seeds_file: Path, tmp_path: Path,
                                                            name: str, read):
    result = run_kg("export", seeds_file, "-o", tmp_path / name)
    assert result.returncode == 0, result.stderr
    exported = read(tmp_path / name)
    projection = project(seeds_build.graph)
    assert set(exported.nodes) == set(projection.nodes) and exported.number_of_nodes() > 10
    assert exported.number_of_edges() == projection.number_of_edges()
    putin = next(node for node, label in exported.nodes(data="label") if label.startswith("فلاديمير بوتين"))
    assert exported.nodes[putin]["kind"] == "person"
    transfers = [data for _, _, data in exported.edges(data=True) if data["kind"] == "transfer"]
    assert transfers and all(data["weight"] > 0 and data["status"] for data in transfers)


def test_the_entity_graph_of_a_store(seeds_build, tmp_path: Path):
    store = write_store(seeds_build.outputs["ttl"], tmp_path / "store")
    result = run_kg("export", "--store", store, "-o", tmp_path / "entities.gexf")
    assert result.returncode == 0, result.stderr
    assert set(nx.read_gexf(tmp_path / "entities.gexf").nodes) == set(project(seeds_build.graph).nodes)


@pytest.mark.parametrize("store", [False, True], ids=["from a file", "from a store"])
@pytest.mark.parametrize("name", ["graph.txt", "graph", "graph.json"])
def test_a_name_that_tells_no_format_is_an_error_not_turtle(seeds_build, tmp_path: Path, name: str,
                                                            store: bool):
    source = ["--store", write_store(seeds_build.outputs["ttl"], tmp_path / "store")] if store \
        else [seeds_build.outputs["ttl"]]
    result = run_kg("export", *source, "-o", tmp_path / name)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"Error: cannot tell a format from the name {name}: end it with one of ")
    assert "or give --format" in result.stderr
    assert not (tmp_path / name).exists()
    given = run_kg("export", *source, "-o", tmp_path / name, "--format", "nt")
    assert given.returncode == 0, given.stderr
    assert len(Graph().parse(tmp_path / name, format="nt")) == len(seeds_build.graph)


def test_the_export_made_beside_the_build_is_the_export(seeds_build, tmp_path: Path):
    """start_export_all writes the files in a forked process: the same bytes export_all writes here."""
    here, beside = tmp_path / "here", tmp_path / "beside"
    here.mkdir()
    beside.mkdir()
    expected = export_all(seeds_build.graph, here, ["ttl", "nt"])
    written = start_export_all(seeds_build.graph, beside, ["ttl", "nt"])()
    assert [p.name for p in written] == [p.name for p in expected]
    assert all((beside / p.name).read_bytes() == p.read_bytes() for p in expected)


def test_an_export_that_fails_beside_the_build_fails_here(seeds_build, tmp_path: Path):
    """The forked export cannot write under a file where its folder should be: the error is raised in the
    build's process, as export_all raises it, not lost with the child."""
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    missing = tmp_path / "a-file" / "out"
    with pytest.raises(OutputError) as here:
        export_all(seeds_build.graph, missing, ["ttl"])
    with pytest.raises(OutputError) as beside:
        start_export_all(seeds_build.graph, missing, ["ttl"])()
    assert str(beside.value) == str(here.value)


def test_a_write_beside_runs_in_another_process_and_is_waited_for(tmp_path: Path):
    """write_beside forks: a process other than the caller writes the file, which is there once waited for.
    Run in a fresh interpreter, as a build runs: the test session's own threads would make it write here."""
    marker = tmp_path / "pid"
    program = ("import os, pathlib, sys; from kg.exporting import write_beside; "
               "marker = pathlib.Path(sys.argv[1]); "
               "wait = write_beside(lambda: marker.write_text(str(os.getpid()), encoding='utf-8')); "
               "wait(); print(os.getpid())")
    caller = subprocess.run([sys.executable, "-c", program, str(marker)], capture_output=True, text=True,
                            timeout=120, check=True)
    assert int(marker.read_text(encoding="utf-8")) != int(caller.stdout)
