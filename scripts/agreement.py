#!/usr/bin/env python3
"""How far two annotators of the same articles agree, by the rules the scorer uses: said facts with the same
speaker (a name, a form or a Wikidata id in common) and a claim that shares 60% of its tokens, and transfer
events with the same (supplier, recipient, weapon, status). The figure is the ceiling a system can be held
to on those articles.

    python scripts/agreement.py tests/devset/gold tests/devset/agreement/b05
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from kg.evaluating import score_key, token_set, token_share

CLAIM_TOKEN_SHARE = 0.6


def same_speaker(a: dict, b: dict) -> bool:
    if a.get("speaker_qid") and a.get("speaker_qid") == b.get("speaker_qid"):
        return True
    names_a = {token_set(score_key(a[k])) for k in ("speaker", "speaker_ar")} - {frozenset()}
    names_b = {token_set(score_key(b[k])) for k in ("speaker", "speaker_ar")} - {frozenset()}
    return any(x <= y or y <= x for x in names_a for y in names_b)


def same_claim(a: dict, b: dict) -> bool:
    return max(token_share(a["claim_contains"], b["claim_contains"]),
               token_share(b["claim_contains"], a["claim_contains"])) >= CLAIM_TOKEN_SHARE


def said_matches(first: list[dict], second: list[dict]) -> int:
    used: set[int] = set()
    for a in first:
        hit = next((i for i, b in enumerate(second)
                    if i not in used and same_speaker(a, b) and same_claim(a, b)), None)
        if hit is not None:
            used.add(hit)
    return len(used)


def events(gold: dict) -> set[tuple]:
    return {(score_key(t["supplier"]), score_key(t["recipient"] or ""), score_key(t["weapon"]), t["status"])
            for t in gold["transfers"]}


def main(first_dir: str, second_dir: str) -> None:
    said = [0, 0, 0]  # first, second, both
    transfers = [0, 0, 0]
    for second_file in sorted(Path(second_dir).glob("*.json")):
        second = json.loads(second_file.read_text(encoding="utf-8"))
        first = json.loads((Path(first_dir) / second_file.name).read_text(encoding="utf-8"))
        both = said_matches(first["said"], second["said"])
        said = [said[0] + len(first["said"]), said[1] + len(second["said"]), said[2] + both]
        a, b = events(first), events(second)
        transfers = [transfers[0] + len(a), transfers[1] + len(b), transfers[2] + len(a & b)]
        print(f"{second_file.stem}: said {len(first['said'])} / {len(second['said'])} / {both} in common; "
              f"transfers {len(a)} / {len(b)} / {len(a & b)}")
    for name, (n_first, n_second, common) in (("said", said), ("transfers", transfers)):
        f1 = 2 * common / (n_first + n_second) if n_first + n_second else 1.0
        print(f"{name}: {n_first} and {n_second} annotated, {common} in common: agreement F1 {f1:.2f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
