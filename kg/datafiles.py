"""Reading the Turtle files of kg's language data (gazetteer, lexicons); errors name the file."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph

from kg.errors import KgError


def read_turtle(paths: Iterable[Path], error: type[KgError], kind: str) -> Graph:
    """Parse Turtle files of language data into one graph; ``error`` names the file that is missing or
    malformed (``kind`` says what the file was meant to be: lexicon, gazetteer…)."""
    graph = Graph()
    for path in paths:
        try:
            graph.parse(path, format="turtle")
        except FileNotFoundError as cause:
            raise error(f"{kind} file not found: {path}") from cause
        except (OSError, UnicodeDecodeError) as cause:
            raise error(f"cannot read {kind} file {path}: {cause}") from cause
        except Exception as cause:  # rdflib raises many parser exception types
            raise error(f"{kind} file {path} is not valid Turtle: {cause}") from cause
    return graph
