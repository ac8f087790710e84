#!/usr/bin/env python3
"""Whether two builds of kg made the same graph, setting aside which rules made each fact.

    python scripts/compare_graphs.py before/graph.ttl after/graph.ttl

Removes every `kg:extractedBy` triple and every `kg:Rule` individual (with its label and comment) from both
graphs, then compares them with `rdflib.compare`: exit 0 when isomorphic, else 1 with the triples found in
only one of the two (a few of each, by subject). Blank nodes are matched by the canonical form, so a
renumbering alone is no difference.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.compare import graph_diff, to_isomorphic
from rdflib.namespace import RDF

ONTOLOGY = "https://w3id.org/kg-ar/ontology#"
EXTRACTED_BY = f"{ONTOLOGY}extractedBy"
RULE = f"{ONTOLOGY}Rule"


def without_provenance(path: Path) -> Graph:
    """The graph at `path` less its `kg:extractedBy` triples and `kg:Rule` individuals."""
    graph = Graph()
    graph.parse(path)
    rules = set(graph.subjects(RDF.type, URIRef(RULE)))
    for triple in list(graph):
        subject, predicate, _ = triple
        if str(predicate) == EXTRACTED_BY or subject in rules:
            graph.remove(triple)
    return graph


def show(label: str, graph: Graph, limit: int) -> None:
    triples = sorted(graph, key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
    print(f"only in {label}: {len(triples)} triples")
    for subject, predicate, obj in triples[:limit]:
        print(f"  {subject.n3()} {predicate.n3()} {obj.n3()}"[:300])
    if len(triples) > limit:
        print(f"  … and {len(triples) - limit} more")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--show", type=int, default=20, help="triples to print of each side (default 20)")
    args = parser.parse_args(argv)
    for path in (args.before, args.after):
        if not path.is_file():
            print(f"error: no such graph: {path}", file=sys.stderr)
            return 2
    before = to_isomorphic(without_provenance(args.before))
    after = to_isomorphic(without_provenance(args.after))
    if before == after:
        print(f"isomorphic ({len(before)} triples without kg:extractedBy and kg:Rule)")
        return 0
    _, only_before, only_after = graph_diff(before, after)
    print(f"NOT isomorphic: {len(before)} vs {len(after)} triples")
    show(str(args.before), only_before, args.show)
    show(str(args.after), only_after, args.show)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
