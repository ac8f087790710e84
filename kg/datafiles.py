"""Reading the Turtle files of kg's language data (gazetteer, lexicons); errors name the file."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rdflib import Graph, Literal

from kg.errors import KgError


def read_turtle(paths: Iterable[Path], error: type[KgError], kind: str) -> Graph:
    """Parse Turtle files of language data into one graph; ``error`` names the file that is missing,
    malformed or holds a value its datatype refuses (``kind`` says what the file was meant to be: lexicon,
    gazetteer…)."""
    paths = list(paths)
    graph = Graph()
    for path in paths:
        _parse_into(graph, Path(path), error, kind)
    if (bad := _ill_typed_literal(graph)) is not None:
        holder = next(path for path in paths if _ill_typed_literal(_parse_into(Graph(), path, error, kind)))
        datatype = graph.namespace_manager.normalizeUri(bad.datatype)
        raise error(f'{kind} file {holder}: "{bad}" is not a valid {datatype}')
    return graph


def _parse_into(graph: Graph, path: Path, error: type[KgError], kind: str) -> Graph:
    if path.is_dir():
        raise error(f"{kind} file {path} is a folder, not a Turtle file")
    try:
        with _ill_typed_literals_unlogged():
            return graph.parse(path, format="turtle")
    except FileNotFoundError as cause:
        raise error(f"{kind} file not found: {path}") from cause
    except (OSError, UnicodeDecodeError) as cause:
        raise error(f"cannot read {kind} file {path}: {cause}") from cause
    except Exception as cause:  # rdflib raises many parser exception types
        raise error(f"{kind} file {path} is not valid Turtle: {cause}") from cause


def _ill_typed_literal(graph: Graph) -> Literal | None:
    """A literal whose text its datatype refuses ("2024-13-45"^^xsd:date), if the graph holds one."""
    return next((term for term in graph.objects() if isinstance(term, Literal) and term.ill_typed), None)


@contextmanager
def _ill_typed_literals_unlogged() -> Iterator[None]:
    """rdflib logs a traceback for every literal its datatype refuses; read_turtle says it on one line."""
    logger = logging.getLogger("rdflib.term")
    was_disabled, logger.disabled = logger.disabled, True
    try:
        yield
    finally:
        logger.disabled = was_disabled
