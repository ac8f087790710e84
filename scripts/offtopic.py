#!/usr/bin/env python3
"""Off-topic SaudiNewsNet articles, as a news dump: where kg must find no transfer at all.

Picks articles at random (a fixed seed) with no word of arms, armed forces or war in the title or text,
optionally only those that do have a word of trade or delivery (sales, deals, shipments of other goods),
and writes them as one JSON Lines dump for `kg build`. The dump holds corpus texts: keep it out of the
repository.

    python scripts/offtopic.py --count 100 --seed 7 --out /tmp/offtopic.jsonl
    python scripts/offtopic.py --count 100 --seed 8 --with-trade-words --out /tmp/offtopic-trade.jsonl
    kg build /tmp/offtopic.jsonl --out /tmp/offtopic && kg transfers /tmp/offtopic/graph.ttl
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from devset import _TRANSFER, _WEAPON, read_corpus

MILITARY = re.compile(_WEAPON + r"|عسكر|جيش|الجيوش|قوات|حرب|دفاع|تسلح|ذخير|قذائف|حوثي|داعش|ميليشي|مليشي"
                      r"|قصف|غارة|غارات|معارك|اشتباك")
TRADE = re.compile(_TRANSFER)


def off_topic(record: dict, with_trade_words: bool) -> bool:
    content = record.get("content") or ""
    text = f"{record.get('title') or ''}\n{content}"
    return (150 <= len(content.split()) <= 900 and not MILITARY.search(text)
            and (not with_trade_words or bool(TRADE.search(text))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--with-trade-words", action="store_true")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    pool = [(line, record) for line, record in read_corpus() if off_topic(record, args.with_trade_words)]
    chosen = sorted(random.Random(args.seed).sample(pool, args.count), key=lambda item: item[0])
    with args.out.open("w", encoding="utf-8") as out:
        for line, record in chosen:
            out.write(json.dumps({"id": f"line{line}", "title": record.get("title"),
                                  "content": record.get("content"), "date": record.get("date_extracted"),
                                  "url": record.get("url"), "source": record.get("source")},
                                 ensure_ascii=False) + "\n")
    print(f"{len(chosen)} of {len(pool)} off-topic articles written to {args.out}")


if __name__ == "__main__":
    main()
