"""Exporting: the graph to files, atomically: a temp file in the same folder, then a rename; a build's set of
outputs staged and renamed into place together, under a lock on their folder."""

from __future__ import annotations

import fcntl
import io
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rdflib import RDF, BNode, Dataset, Graph, URIRef

from kg.annotating import mode_for, temp_file_prefix
from kg.errors import OutputError

# Our format names → rdflib serializer names and file suffixes.
FORMATS: dict[str, tuple[str, str]] = {
    "ttl": ("turtle", ".ttl"),
    "nt": ("nt", ".nt"),
    "jsonld": ("json-ld", ".jsonld"),
    "trig": ("trig", ".trig"),
    "xml": ("xml", ".rdf"),
}
# The entity graph (kg.analysing.project: entities as nodes, claims, transfers and co-mentions as weighted
# edges) for network tools such as Gephi, which read no RDF: format name → file suffix.
ENTITY_GRAPH_FORMATS: dict[str, str] = {"graphml": ".graphml", "gexf": ".gexf"}
# Characters XML 1.0 cannot hold, even escaped: a name read from elsewhere may carry them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def write_atomically(path: Path, data: bytes) -> Path:
    """Write bytes to ``path`` so that readers see the old file or the new one, never half of one.

    A process killed while writing leaves a hidden temp file (see kg.annotating.remove_stale_temps), never
    a half-written ``path``. The file keeps the permissions of the one it replaces, or takes the umask's. A
    folder that cannot take the file raises OutputError.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        prefix = temp_file_prefix(path.name)
        handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
    except OSError as error:
        raise OutputError(f"cannot write {path} ({error.strerror or error})") from None
    try:
        os.fchmod(handle, mode_for(path))
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


# A build holds its output folder with a lock file, and writes its outputs into a staging folder inside it.
BUILD_LOCK = ".kg-build.lock"
STAGING_PREFIX = ".kg-build-staging."


@contextmanager
def output_set(out_dir: Path, option: str = "--out") -> Iterator[Path]:
    """Hold ``out_dir`` for one build, and give the build a staging folder to write its outputs into.

    When the block ends well, the staged files replace those of ``out_dir`` together (a rename each, so a
    reader sees every output of one build or of the other, never a mix); when it raises, they are deleted
    and ``out_dir`` keeps the previous build's outputs. A second build into the folder meanwhile fails at
    once with OutputError: two builds writing in turn would leave one's graph beside the other's stats.
    """
    out_dir = Path(out_dir)
    with _build_lock(out_dir, option):
        for stale in out_dir.glob(f"{STAGING_PREFIX}*"):  # of a build killed before it could tidy up
            shutil.rmtree(stale, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(dir=out_dir, prefix=STAGING_PREFIX))
        try:
            yield staging
            for staged in sorted(staging.iterdir()):
                final = out_dir / staged.name
                staged.chmod(mode_for(final))  # the staged file's own mode came from the umask
                os.replace(staged, final)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


@contextmanager
def _build_lock(out_dir: Path, option: str) -> Iterator[None]:
    """An exclusive lock on ``out_dir``'s lock file for the block; OutputError when another process has it.
    The lock goes with the process, so a killed build never leaves the folder locked."""
    path = out_dir / BUILD_LOCK
    while True:
        handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(handle, 32).decode("ascii", "replace").strip() or "another process"
            os.close(handle)
            raise OutputError(f"{option} {out_dir} is in use by another kg build ({holder}); wait for it, "
                              "or choose another folder") from None
        if _is_file_at(handle, path):
            break
        os.close(handle)  # the holder before us removed it between our open and our lock: lock the new one
    try:
        os.ftruncate(handle, 0)
        os.write(handle, f"process {os.getpid()}".encode("ascii"))
        yield
    finally:
        Path(path).unlink(missing_ok=True)
        os.close(handle)


def _is_file_at(handle: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(handle), os.stat(path))
    except FileNotFoundError:
        return False


def serialize(graph: Graph, format_name: str) -> bytes:
    """The graph in one of FORMATS, as bytes."""
    if format_name not in FORMATS:
        choices = ", ".join([*FORMATS, *ENTITY_GRAPH_FORMATS])
        raise OutputError(f"unknown format {format_name!r}; choose one of {choices}")
    rdflib_format, _ = FORMATS[format_name]
    if format_name == "trig" and not isinstance(graph, Dataset):
        # A plain Graph goes out as a graph named by a fresh blank node, which a reader loads as a named
        # graph it cannot name; the triples belong in the default graph.
        dataset = Dataset()
        for prefix, namespace in graph.namespaces():
            dataset.bind(prefix, namespace)
        dataset.default_graph += graph
        graph = dataset
    if format_name in _OXIGRAPH_WRITES and not isinstance(graph, Dataset):
        return _serialize_with_oxigraph(graph, _OXIGRAPH_WRITES[format_name])
    data = graph.serialize(format=rdflib_format, encoding="utf-8")
    return data if isinstance(data, bytes) else data.encode("utf-8")


# Turtle and N-Triples are written by Oxigraph: rdflib's Turtle serializer took 13 s for the 127,000 triples
# of 1,000 articles, Oxigraph a third of a second (and about a second to hand the terms over).
_OXIGRAPH_WRITES = {"ttl": "TURTLE", "nt": "N_TRIPLES"}


def _serialize_with_oxigraph(graph: Graph, format_name: str) -> bytes:
    """The graph in Oxigraph's Turtle or N-Triples: each subject's triples together, its types first,
    subjects in IRI order, with the graph's prefixes that its IRIs use."""
    import pyoxigraph as ox

    converted: dict = {}
    namespaces: set[str] = set()

    def term(node):
        found = converted.get(node)
        if found is None:
            found = converted[node] = _oxigraph_term(ox, node)
            if isinstance(node, URIRef):
                namespaces.add(node[: max(node.rfind("/"), node.rfind("#")) + 1])
        return found

    # Keys of plain strings: rdflib's own comparisons of terms are Python calls, thousands per sort.
    rdf_type = str(RDF.type)
    ordered = sorted(graph, key=lambda t: (str(t[0]), str(t[1]) != rdf_type, str(t[1]), str(t[2])))
    triples = [ox.Triple(term(s), term(p), term(o)) for s, p, o in ordered]
    prefixes = {prefix: str(namespace) for prefix, namespace in sorted(graph.namespaces())
                if str(namespace) in namespaces and prefix}
    return ox.serialize(triples, format=getattr(ox.RdfFormat, format_name), prefixes=prefixes)


def _oxigraph_term(ox, node):
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode()  # converted once per node: the same rdflib node, the same blank node
    if node.language:
        return ox.Literal(str(node), language=node.language)
    if node.datatype is not None:
        return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
    return ox.Literal(str(node))


def export_graph(graph: Graph, path: Path, format_name: str | None = None) -> Path:
    """Write the graph to ``path`` in ``format_name``: one of FORMATS (RDF) or ENTITY_GRAPH_FORMATS (the
    entity graph), told by the suffix when omitted; OutputError for a suffix that tells none."""
    path = Path(path)
    format_name = format_name or format_of(path)
    if format_name in ENTITY_GRAPH_FORMATS:
        return write_atomically(path, entity_graph(graph, format_name))
    return write_atomically(path, serialize(graph, format_name))


def format_of(path: Path) -> str:
    """The export format a file name asks for by its suffix (.ttl, .nt, .jsonld, .trig, .rdf, .graphml,
    .gexf); OutputError for any other, rather than Turtle under a name that says otherwise."""
    suffixes = {suffix: name for name, (_, suffix) in FORMATS.items()}
    suffixes |= {suffix: name for name, suffix in ENTITY_GRAPH_FORMATS.items()}
    suffixes[".owl"] = "xml"  # RDF/XML's other customary suffix
    if Path(path).suffix.lower() in suffixes:
        return suffixes[Path(path).suffix.lower()]
    choices = ", ".join(sorted(suffixes))
    raise OutputError(f"cannot tell a format from the name {Path(path).name}: end it with one of {choices}, "
                      "or give --format")


def entity_graph(graph: Graph, format_name: str) -> bytes:
    """The entity graph of ``graph`` (kg.analysing.project) as GraphML or GEXF: nodes with their kind and
    label, edges with their kind, weight, count and, for transfers, status."""
    import networkx as nx

    from kg.analysing import project

    projection = project(graph)
    for _, attributes in projection.nodes(data=True):
        attributes["label"] = _NOT_XML.sub("", attributes["label"])
    buffer = io.BytesIO()
    writer = nx.write_graphml if format_name == "graphml" else nx.write_gexf
    writer(projection, buffer, encoding="utf-8")
    return buffer.getvalue()


def export_all(graph: Graph, out_dir: Path, formats: Iterable[str], stem: str = "graph") -> list[Path]:
    """Write the graph once per format into ``out_dir`` (graph.ttl, graph.nt, …)."""
    return [export_graph(graph, Path(out_dir) / f"{stem}{FORMATS[name][1]}", name) for name in formats]


def start_export_all(graph: Graph, out_dir: Path, formats: Sequence[str]) -> Callable[[], list[Path]]:
    """export_all() beside the caller (see write_beside); returns the function that waits for it and gives
    the paths."""
    formats = list(formats)
    wait = write_beside(lambda: export_all(graph, out_dir, formats))

    def finish() -> list[Path]:
        wait()
        return [Path(out_dir) / f"graph{FORMATS[name][1]}" for name in formats]

    return finish


def write_beside(write: Callable[[], object]) -> Callable[[], None]:
    """Run ``write`` (which writes files and returns nothing the caller needs) in a forked process, so that
    the caller goes on on the other core; returns the function that waits for it. Where there is no fork or
    other threads run (a fork copies none of them), ``write`` runs here at once; where the child fails, it
    runs again here on waiting, so that its error is raised in the caller's process, as it would be here."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        write()
        return lambda: None
    pid = os.fork()
    if pid == 0:  # the child: write, and leave without running the parent's cleanup
        status = 1
        try:
            write()
            status = 0
        finally:
            os._exit(status)

    def wait() -> None:
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            write()

    return wait
