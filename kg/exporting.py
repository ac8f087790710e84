"""Exporting: the graph to files, atomically: a temp file in the same folder, then a rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset, Graph

from kg.annotating import temp_file_prefix
from kg.errors import OutputError

# Our format names → rdflib serializer names and file suffixes.
FORMATS: dict[str, tuple[str, str]] = {
    "ttl": ("turtle", ".ttl"),
    "nt": ("nt", ".nt"),
    "jsonld": ("json-ld", ".jsonld"),
    "trig": ("trig", ".trig"),
}


def write_atomically(path: Path, data: bytes) -> Path:
    """Write bytes to ``path`` so that readers see the old file or the new one, never half of one.

    A process killed while writing leaves a hidden temp file (see kg.annotating.remove_stale_temps), never
    a half-written ``path``. A folder that cannot take the file raises OutputError.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        prefix = temp_file_prefix(path.name)
        handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
    except OSError as error:
        raise OutputError(f"cannot write {path} ({error.strerror or error})") from None
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException as error:
        Path(temp_name).unlink(missing_ok=True)
        if isinstance(error, OSError):  # a full disk, a folder in the way of the file…
            raise OutputError(f"cannot write {path} ({error.strerror or error})") from None
        raise
    return path


def serialize(graph: Graph, format_name: str) -> bytes:
    """The graph in one of FORMATS, as bytes."""
    if format_name not in FORMATS:
        raise OutputError(f"unknown RDF format {format_name!r}; choose one of {', '.join(FORMATS)}")
    rdflib_format, _ = FORMATS[format_name]
    if format_name == "trig" and not isinstance(graph, Dataset):
        # A plain Graph goes out as a graph named by a fresh blank node, which a reader loads as a named
        # graph it cannot name; the triples belong in the default graph.
        dataset = Dataset()
        for prefix, namespace in graph.namespaces():
            dataset.bind(prefix, namespace)
        dataset.default_graph += graph
        graph = dataset
    data = graph.serialize(format=rdflib_format, encoding="utf-8")
    return data if isinstance(data, bytes) else data.encode("utf-8")


def export_graph(graph: Graph, path: Path, format_name: str | None = None) -> Path:
    """Write the graph to ``path`` in ``format_name`` (guessed from the suffix when omitted)."""
    path = Path(path)
    if format_name is None:
        format_name = next((name for name, (_, suffix) in FORMATS.items() if path.suffix == suffix), "ttl")
    return write_atomically(path, serialize(graph, format_name))


def export_all(graph: Graph, out_dir: Path, formats: Iterable[str], stem: str = "graph") -> list[Path]:
    """Write the graph once per format into ``out_dir`` (graph.ttl, graph.nt, …)."""
    return [export_graph(graph, Path(out_dir) / f"{stem}{FORMATS[name][1]}", name) for name in formats]
