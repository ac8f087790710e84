#!/usr/bin/env python3
"""Why gold said facts are missed: a claim of the article holds the text but another speaker (speaker), or
no claim holds it (content); invented claims likewise, by the speaker rule that made them.

    python scripts/said_errors.py out/devset/graph.ttl ../shared/devset/gold tests/devset/gold
"""

from __future__ import annotations

import sys
from collections import Counter

from kg.evaluating import GraphReader, load_gold, load_graph, token_share
from kg.vocabulary import KG


def main(graph_path: str, *golds: str) -> None:
    reader = GraphReader(load_graph(graph_path))
    gold = load_gold(*golds)
    claims = reader.facts_by_article(KG.Claim, {a.article for a in gold})
    causes: Counter = Counter()
    for article in gold:
        facts = claims.get(article.article, [])
        for said in article.said:
            speaker_ok = [f for f in facts
                          if reader.names(f.roles.get("speaker"), said.speaker_qid, said.names)]
            text_ok = [f for f in facts if token_share(said.claim_contains, f.text) >= 0.6]
            if any(f in text_ok for f in speaker_ok):
                continue
            cause = "speaker" if text_ok else ("content-of-speaker" if speaker_ok else "nothing")
            causes[cause] += 1
            print(f"{cause:18} {article.article[:14]} {said.speaker[:28]:28} «{said.claim_contains[:60]}»"
                  + (_given_to(reader, text_ok[0]) if text_ok else ""))
    print(causes)


def _given_to(reader: GraphReader, claim) -> str:
    """Who the graph gave the claim to, and by which speaker rule."""
    rules = [rule for rule in claim.rules if rule.startswith("speaker")]
    return f" ← {reader.display(claim.roles.get('speaker'))} {rules}"


if __name__ == "__main__":
    main(*sys.argv[1:])
