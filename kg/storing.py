"""Storing: the graph in a persistent Oxigraph store, for graphs too big for rdflib's memory store.

rdflib's memory store parses, serializes and queries in pure Python: at a million triples loading the
Turtle takes tens of seconds and a flat query minutes. Oxigraph (RocksDB underneath, queries in Rust)
loads the same file in seconds and keeps it on disk, so `kg query --store DIR` starts at once.

The code keeps talking to rdflib: :func:`open_store` gives an ``rdflib.Graph`` whose store is oxrdflib's
``OxigraphStore``, so ``graph.query(...)`` runs in Oxigraph and ``graph.triples(...)`` reads RocksDB.
Writing goes around rdflib on purpose: a bulk load of the serialized graph is an order of magnitude faster
than adding triples one by one through the Store API.

A store is written whole into a staging folder beside its destination and swapped in by renames, so a
reader sees the old store or the new one, never half of one.

Beside the knowledge graph, which is the store's default graph, a store keeps an index of its own in the
named graph ``kgs:index`` (``https://w3id.org/kg-ar/store#``): each label's match key
(:func:`kg.normalizing.match_key`), so that a name given to a query (``--param actor=بوتين``) finds its
entities with one lookup instead of folding every label of the graph first (a third of a second at a million
triples, longer than the query it serves). The index says which normalizer made it, and is not used when
kg's normalizer has changed since. Queries see the default graph only; exports write it alone.

Pushing the graph to a SPARQL 1.1 server (the Graph Store Protocol) is an HTTP PUT of the Turtle file:
:func:`push_graph` does it, and BENCHMARKS.md gives the same recipe with curl.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import XSD

from kg.annotating import mode_for
from kg.errors import GraphFileError, OutputError
from kg.normalizing import match_key
from kg.vocabulary import bind_prefixes

# Our RDF format names (kg.exporting.FORMATS) → pyoxigraph's, for loading an exported file as it is.
_OXIGRAPH_FORMATS = {"ttl": "TURTLE", "nt": "N_TRIPLES", "trig": "TRIG", "jsonld": "JSON_LD",
                     "xml": "RDF_XML"}
_SUFFIX_FORMATS = {".ttl": "ttl", ".nt": "nt", ".trig": "trig", ".jsonld": "jsonld", ".rdf": "xml"}
# Every RocksDB folder holds these; a folder with other files and without them is not ours to replace.
_ROCKSDB_MARKERS = ("CURRENT", "IDENTITY")
# The store's own index (see the module's docstring): not part of the knowledge graph or its vocabulary.
STORE_NS = "https://w3id.org/kg-ar/store#"
INDEX_GRAPH = STORE_NS + "index"
_MATCH_KEY = STORE_NS + "matchKey"  # entity kgs:matchKey "key", one per label and spelling
_NORMALIZER = STORE_NS + "normalizer"  # kgs:index kgs:normalizer "sha256 of kg/normalizing.py"
_LABELS = ("http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#altLabel")


def is_store(folder: str | Path) -> bool:
    """Whether ``folder`` holds an Oxigraph (RocksDB) store."""
    folder = Path(folder)
    return folder.is_dir() and all((folder / name).is_file() for name in _ROCKSDB_MARKERS)


def _check_destination(store_dir: Path) -> None:
    if store_dir.exists() and not store_dir.is_dir():
        raise OutputError(f"--store {store_dir} is a file, not a folder")
    if store_dir.is_dir() and any(store_dir.iterdir()) and not is_store(store_dir):
        # Replacing a folder that is not a store would delete someone's files.
        raise OutputError(f"--store {store_dir} is a folder of other files, not an Oxigraph store")


def write_store(graph_or_file: Graph | str | Path, store_dir: str | Path) -> Path:
    """Write the graph (an rdflib Graph, or a graph file kg exported) into a new Oxigraph store at
    ``store_dir``, replacing the store there; returns the folder.

    A file is bulk-loaded as it is (no Python parse); a Graph is serialized to N-Triples first.
    """
    import pyoxigraph as ox

    store_dir = Path(store_dir)
    _check_destination(store_dir)
    try:
        store_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=store_dir.parent, prefix=f".{store_dir.name}.", suffix=".tmp"))
    except OSError as error:
        raise OutputError(f"--store {store_dir} is not writable ({error.strerror or error})") from None
    try:
        store = ox.Store(str(staging))
        if isinstance(graph_or_file, Graph):
            data = graph_or_file.serialize(format="nt", encoding="utf-8")
            store.bulk_load(input=data, format=ox.RdfFormat.N_TRIPLES)
        else:
            path = Path(graph_or_file)
            name = _SUFFIX_FORMATS.get(path.suffix)
            if name is None:
                raise OutputError(f"cannot load {path} into a store: use .ttl, .nt, .trig or .jsonld")
            store.bulk_load(path=str(path), format=getattr(ox.RdfFormat, _OXIGRAPH_FORMATS[name]))
        _write_index(store)
        # The index went in as files of its own beside the bulk load's; merged, a string is found in one
        # place again (unmerged, every term a query or an export decodes looked in both: exports 40% slower).
        store.optimize()
        store.flush()
        del store
        gc.collect()  # the store's RocksDB handle (and its LOCK) goes with the last reference
        _swap_in(staging, store_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return store_dir


def _swap_in(staging: Path, store_dir: Path) -> None:
    """Put ``staging`` where ``store_dir`` is: two renames, then the old store is deleted."""
    staging.chmod(mode_for(store_dir, 0o777))
    retired = None
    if store_dir.exists():
        retired = Path(tempfile.mkdtemp(dir=store_dir.parent, prefix=f".{store_dir.name}.", suffix=".old"))
        os.replace(store_dir, retired / "store")
    os.replace(staging, store_dir)
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)


def normalizer_fingerprint() -> str:
    """What identifies kg's match keys: the SHA-256 of kg/normalizing.py, which computes them."""
    import hashlib

    import kg.normalizing

    return hashlib.sha256(Path(kg.normalizing.__file__).read_bytes()).hexdigest()


def _write_index(store) -> None:
    """Add the store's index (the match keys of every label) to a freshly loaded store."""
    import pyoxigraph as ox

    index = ox.NamedNode(INDEX_GRAPH)
    match_key_predicate = ox.NamedNode(_MATCH_KEY)
    quads = [ox.Quad(index, ox.NamedNode(_NORMALIZER), ox.Literal(normalizer_fingerprint()), index)]
    for predicate in _LABELS:
        for quad in store.quads_for_pattern(None, ox.NamedNode(predicate), None, ox.DefaultGraph()):
            if isinstance(quad.subject, ox.NamedNode) and isinstance(quad.object, ox.Literal):
                key = match_key(quad.object.value)
                if key:
                    quads.append(ox.Quad(quad.subject, match_key_predicate, ox.Literal(key), index))
    store.bulk_extend(quads)


def _index_value(store, predicate: str):
    """The index's value for ``predicate``, or None in a store without an index."""
    import pyoxigraph as ox

    index = ox.NamedNode(INDEX_GRAPH)
    quad = next(iter(store.quads_for_pattern(index, ox.NamedNode(predicate), None, index)), None)
    return None if quad is None else quad.object.value


def indexed_entities(store, key: str) -> set[str] | None:
    """IRIs of the nodes a label or spelling of which has match key ``key``, from the store's index; None
    when the store has no index or one made by another normalizer (the caller then folds every label)."""
    import pyoxigraph as ox

    if _index_value(store, _NORMALIZER) != normalizer_fingerprint():
        return None
    index = ox.NamedNode(INDEX_GRAPH)
    return {quad.subject.value
            for quad in store.quads_for_pattern(None, ox.NamedNode(_MATCH_KEY), ox.Literal(key), index)
            if isinstance(quad.subject, ox.NamedNode)}


def _default_graph_size(store) -> int | None:
    """The default graph's size: RocksDB's count of every quad less the index's; None when the store holds
    other named graphs (a TriG file's), which only a SPARQL count over the default graph tells apart."""
    import pyoxigraph as ox

    index = ox.NamedNode(INDEX_GRAPH)
    if any(graph != index for graph in store.named_graphs()):
        return None
    in_index = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{INDEX_GRAPH}> {{ ?s ?p ?o }} }}"
    return len(store) - int(next(iter(store.query(in_index)))[0].value)


def _plain(term):
    """A simple literal as rdflib parses it from Turtle: no datatype rather than xsd:string.

    RDF 1.1 makes the two one literal, and Oxigraph gives every simple literal xsd:string; rdflib keeps them
    apart, so without this a graph read back from the store would not equal the one read from graph.ttl.
    """
    if isinstance(term, Literal) and term.datatype == XSD.string and not term.language:
        return Literal(str(term))
    return term


def _kg_store(inner):
    """oxrdflib's OxigraphStore over a read-only kg store: terms as rdflib parses them, len() counted once.

    oxrdflib counts with a SPARQL COUNT(DISTINCT …) over every triple, a second per 50,000 triples, and
    kg.querying asks a graph's size to know whether its label index is stale. A kg store holds the
    knowledge graph in its default graph and its own index beside it: RocksDB's count of every quad less
    the index's is the graph's size; read-only, it never changes.
    """
    from oxrdflib import OxigraphStore
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    class KgOxigraphStore(OxigraphStore):
        _size: int | None = None

        def __len__(self, context: Graph | None = None) -> int:
            # None is the union of every graph, the index's too: oxrdflib counts that.
            if context is None or context.identifier != DATASET_DEFAULT_GRAPH_ID:
                return super().__len__(context)
            if self._size is None:
                self._size = _default_graph_size(self._inner)
            return super().__len__(context) if self._size is None else self._size

        def triples(self, triple_pattern, context=None):
            for (subject, predicate, obj), contexts in super().triples(triple_pattern, context):
                yield (subject, predicate, _plain(obj)), contexts

        def query(self, query, initNs, initBindings, queryGraph, **kwargs):  # noqa: N803 (rdflib's names)
            result = super().query(query, initNs, initBindings, queryGraph, **kwargs)
            if result.type == "SELECT":
                rows = result.bindings
                result.bindings = [{name: _plain(term) for name, term in row.items()} for row in rows]
            elif result.type == "CONSTRUCT" and result.graph is not None:
                plain = Graph()
                for subject, predicate, obj in result.graph:
                    plain.add((subject, predicate, _plain(obj)))
                result.graph = plain
            return result

    return KgOxigraphStore(store=inner)


def open_store(store_dir: str | Path) -> Graph:
    """The store at ``store_dir`` as an rdflib Graph, read-only; queries run in Oxigraph.

    Raises GraphFileError when the folder is missing or holds no store.
    """
    import pyoxigraph as ox
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    store_dir = Path(store_dir)
    if not store_dir.exists():
        raise GraphFileError(f"no store at {store_dir} (build one with `kg build … --store {store_dir}`)")
    if not is_store(store_dir):
        raise GraphFileError(f"{store_dir} is not an Oxigraph store")
    try:
        inner = ox.Store.read_only(str(store_dir))
    except OSError as error:
        raise GraphFileError(f"cannot open the store at {store_dir}: {error}") from None
    # The default graph's identifier: rdflib then asks Oxigraph for the default graph, where the bulk
    # load put every triple (a fresh Graph's blank-node identifier would name an empty named graph).
    graph = Graph(store=_kg_store(inner), identifier=DATASET_DEFAULT_GRAPH_ID)
    bind_prefixes(graph)
    return graph


def dump_store(store_dir: str | Path, path: str | Path, format_name: str | None = None) -> Path:
    """Write the store's graph to ``path`` (ttl, nt, trig, jsonld or xml, from the suffix unless given),
    straight from Oxigraph and atomically: a temp file beside it, then a rename; or its entity graph (graphml,
    gexf: see kg.exporting.entity_graph)."""
    import pyoxigraph as ox

    from kg.exporting import ENTITY_GRAPH_FORMATS, export_graph, format_of
    from kg.vocabulary import PREFIXES

    path = Path(path)
    format_name = format_name or format_of(path)
    if format_name in ENTITY_GRAPH_FORMATS:
        return export_graph(open_store(store_dir), path, format_name)
    if format_name not in _OXIGRAPH_FORMATS:
        choices = ", ".join([*_OXIGRAPH_FORMATS, *ENTITY_GRAPH_FORMATS])
        raise OutputError(f"unknown format {format_name!r}; choose one of {choices}")
    open_store(store_dir)  # the same checks and messages as for a query
    inner = ox.Store.read_only(str(store_dir))
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.fchmod(handle, mode_for(path))
    os.close(handle)
    try:
        inner.dump(temp_name, getattr(ox.RdfFormat, _OXIGRAPH_FORMATS[format_name]),
                   from_graph=ox.DefaultGraph(), prefixes={k: str(v) for k, v in PREFIXES.items()})
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return path


def count_triples(store_dir: str | Path) -> int:
    """How many triples the store at ``store_dir`` holds."""
    return len(open_store(store_dir))


def push_graph(
    graph_file: str | Path, store_endpoint: str, graph_iri: str | None = None, timeout: float = 300.0
) -> int:
    """PUT a Turtle file to a SPARQL 1.1 Graph Store Protocol endpoint (e.g. Oxigraph's /store), replacing
    the default graph, or the named graph ``graph_iri``; returns the HTTP status.

    Raises OutputError with the server's answer when it refuses.
    """
    graph_file = Path(graph_file)
    if not graph_file.is_file():
        raise GraphFileError(f"graph file not found: {graph_file}")
    query = urllib.parse.urlencode({"graph": graph_iri}) if graph_iri else "default"
    url = f"{store_endpoint}{'&' if '?' in store_endpoint else '?'}{query}"
    request = urllib.request.Request(
        url, data=graph_file.read_bytes(), method="PUT",
        headers={"Content-Type": "text/turtle; charset=utf-8"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        detail = error.read().decode("utf-8", "replace").strip().splitlines()[:1]
        raise OutputError(f"{url} refused the graph: HTTP {error.code} {' '.join(detail)}") from None
    except urllib.error.URLError as error:
        raise OutputError(f"cannot reach {store_endpoint}: {error.reason}") from None


def sparql_select(query_endpoint: str, query_text: str, timeout: float = 60.0) -> list[dict[str, str]]:
    """Run a SELECT on a SPARQL 1.1 endpoint over HTTP; the rows as {variable: value} dicts."""
    request = urllib.request.Request(
        query_endpoint, data=query_text.encode("utf-8"), method="POST",
        headers={"Content-Type": "application/sparql-query",
                 "Accept": "application/sparql-results+json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            payload = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        detail = error.read().decode("utf-8", "replace").strip().splitlines()[:1]
        message = f"{query_endpoint} refused the query: HTTP {error.code} {' '.join(detail)}"
        raise OutputError(message) from None
    except urllib.error.URLError as error:
        raise OutputError(f"cannot reach {query_endpoint}: {error.reason}") from None
    return [{name: cell["value"] for name, cell in row.items()} for row in payload["results"]["bindings"]]
