#!/usr/bin/env python3
"""The project's development set: pick SaudiNewsNet articles at random within a filter, and lay out their
texts for a build.

The corpus is CC BY-NC-SA, so the project keeps each article's corpus line, outlet, URL and date
(`tests/devset/articles.jsonl`) and its gold (`tests/devset/gold/`), never the text: `texts` reads the
text back from the corpus beside the project.

    python scripts/devset.py pick --batch b01 --filter transfer --outlets okaz,alwatan --count 10 --seed 1
    python scripts/devset.py texts --out /tmp/devset-articles            # every article of the manifest
    python scripts/devset.py texts --out /tmp/b01 --batch b01            # one batch
    python scripts/devset.py dump --out out/devset/articles.jsonl        # the whole set as a news dump
    python scripts/devset.py sample --out /tmp/sample150.jsonl --mix transfer=50,any=100 --seed 13

An article's text is its title, a newline and its content, as in ../shared/devset.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SHARED = PROJECT.parent / "shared"
CORPUS = SHARED / "data" / "saudinewsnet" / "articles.jsonl.gz"
SHARED_DEVSET = SHARED / "devset" / "articles.jsonl"
MANIFEST = PROJECT / "tests" / "devset" / "articles.jsonl"

# Filters: a transfer word within a few words of a weapon word (arms trade), or an official's title with
# several speech verbs (politics). Words, not kg's rules: the pick must not depend on what kg does.
_TRANSFER = r"(صفق|تسلي|تسلم|زود|تزويد|بيع|باعت|شراء|اشتر|شحن|توريد|نشر)"
_WEAPON = (r"(مقاتل|طائر|طائرات|دباب|صواريخ|صاروخ|منظوم|فرقاط|غواص|مروحي|مدرع|سلاح|أسلحة|اسلحة|ذخائر|بوارج"
           r"|سفن حربية)")
FILTERS = {
    "transfer": re.compile(_TRANSFER + r"\S*(?:\s+\S+){0,4}\s+\S*" + _WEAPON
                           + "|" + _WEAPON + r"\S*(?:\s+\S+){0,4}\s+\S*" + _TRANSFER),
    "politics": re.compile(r"(وزير|رئيس|سفير|متحدث)"),
    "any": re.compile(r""),
}
_SPEECH = re.compile(r"\b(?:و|ف)?(قال|أكد|اكد|أوضح|اوضح|أضاف|اضاف|أشار|اشار|أعلن|اعلن|صرح|شدد)")


def read_corpus():
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        for line_number, line in enumerate(lines):
            yield line_number, json.loads(line)


def read_manifest() -> list[dict]:
    if not MANIFEST.exists():
        return []
    return [json.loads(line) for line in MANIFEST.read_text(encoding="utf-8").splitlines() if line.strip()]


def taken_lines() -> set[int]:
    shared = [json.loads(line) for line in SHARED_DEVSET.read_text(encoding="utf-8").splitlines() if line]
    return {record["corpus_line"] for record in shared + read_manifest()}


def qualifies(record: dict, filter_name: str, outlets: set[str] | None) -> bool:
    content = record.get("content") or ""
    if outlets and record["source"] not in outlets:
        return False
    if not 150 <= len(content.split()) <= 900:
        return False
    if not FILTERS[filter_name].search(content):
        return False
    return filter_name != "politics" or len(_SPEECH.findall(content)) >= 3


def pick(batch: str, filter_name: str, outlets: set[str] | None, count: int, seed: int) -> list[dict]:
    """``count`` articles of the filter, drawn with ``seed``, none already in the set. Nor a text the set
    already holds under another line (the corpus keeps some twice, under two URLs): kg builds one document
    of both, which the reference scorer counts under one of the two files only."""
    taken = taken_lines()
    corpus = list(read_corpus())
    taken_texts = {_text_of(record) for line, record in corpus if line in taken}
    pool = [(n, r) for n, r in corpus
            if n not in taken and _text_of(r) not in taken_texts and qualifies(r, filter_name, outlets)]
    chosen = sorted(random.Random(seed).sample(pool, count), key=lambda item: item[0])
    # after the highest number given, not the count: an article that left the set keeps its number unused
    start = max((int(re.match(r"n(\d+)_", e["file"]).group(1)) for e in read_manifest()), default=0)
    return [{"file": f"n{start + i + 1:02d}_{filter_name}_{record['source']}_{line}.txt", "batch": batch,
             "filter": filter_name, "corpus_line": line, "source": record["source"], "url": record["url"],
             "date_extracted": record["date_extracted"]}
            for i, (line, record) in enumerate(chosen)]


def _text_of(record: dict) -> str:
    return " ".join((record.get("content") or "").split())


def write_dump(out: Path) -> int:
    """Every development-set article, the shared 40 and the project's, as one JSON Lines news dump in
    SaudiNewsNet's shape (file, source, url, date_extracted, title, content): what `make eval` builds."""
    shared = [json.loads(line) for line in SHARED_DEVSET.read_text(encoding="utf-8").splitlines() if line]
    wanted = {e["corpus_line"]: e for e in read_manifest()}
    records = [{key: r[key] for key in ("file", "source", "url", "date_extracted", "title", "content")}
               for r in shared]
    for line, record in read_corpus():
        if line in wanted:
            records.append({"file": wanted[line]["file"], **{key: record[key] for key in
                           ("source", "url", "date_extracted", "title", "content")}})
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return len(records)


def write_sample(out: Path, mix: dict[str, int], seed: int) -> int:
    """A fixed random sample of the corpus as a JSON Lines news dump, for comparing two builds of kg on
    articles it was not tuned on: `count` articles per filter, drawn with `seed`, none drawn twice. It stays
    outside the repository (the corpus licence)."""
    corpus = list(read_corpus())
    rng = random.Random(seed)
    chosen: set[int] = set()
    for filter_name, count in mix.items():
        pool = [n for n, r in corpus if n not in chosen and qualifies(r, filter_name, None)]
        chosen.update(rng.sample(pool, count))
    records = [{"file": f"s{line:05d}_{record['source']}.txt",
                **{key: record[key] for key in ("source", "url", "date_extracted", "title", "content")}}
               for line, record in corpus if line in chosen]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return len(records)


def parse_mix(text: str) -> dict[str, int]:
    """`transfer=50,any=100` → {"transfer": 50, "any": 100}."""
    mix = {}
    for part in text.split(","):
        name, _, count = part.partition("=")
        if name not in FILTERS or not count.isdigit():
            raise argparse.ArgumentTypeError(f"not FILTER=COUNT with a filter of {sorted(FILTERS)}: {part}")
        mix[name] = int(count)
    return mix


def write_texts(out: Path, batch: str | None) -> int:
    wanted = {e["corpus_line"]: e["file"] for e in read_manifest() if batch in (None, e["batch"])}
    out.mkdir(parents=True, exist_ok=True)
    for line, record in read_corpus():
        if line in wanted:
            (out / wanted[line]).write_text(f"{record['title']}\n{record['content']}", encoding="utf-8")
    return len(wanted)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    picking = commands.add_parser("pick", help="add a batch of articles picked at random within a filter")
    picking.add_argument("--batch", required=True)
    picking.add_argument("--filter", choices=sorted(FILTERS), required=True)
    picking.add_argument("--outlets", help="comma-separated outlets (default: all)")
    picking.add_argument("--count", type=int, default=10)
    picking.add_argument("--seed", type=int, required=True)
    texts = commands.add_parser("texts", help="write the manifest's article texts into a folder")
    texts.add_argument("--out", type=Path, required=True)
    texts.add_argument("--batch")
    dump = commands.add_parser("dump", help="write every development-set article into one JSON Lines dump")
    dump.add_argument("--out", type=Path, required=True)
    sampling = commands.add_parser("sample", help="write a fixed random sample of the corpus as a dump")
    sampling.add_argument("--out", type=Path, required=True)
    sampling.add_argument("--mix", type=parse_mix, default="any=150", help="FILTER=COUNT,… (default any=150)")
    sampling.add_argument("--seed", type=int, required=True)
    args = parser.parse_args(argv)
    if args.command == "pick":
        outlets = set(args.outlets.split(",")) if args.outlets else None
        entries = pick(args.batch, args.filter, outlets, args.count, args.seed)
        MANIFEST.parent.mkdir(parents=True, exist_ok=True)
        with MANIFEST.open("a", encoding="utf-8") as manifest:
            for entry in entries:
                manifest.write(json.dumps(entry, ensure_ascii=False) + "\n")
        print(f"{len(entries)} articles added to {MANIFEST.relative_to(PROJECT)} as batch {args.batch}")
    elif args.command == "sample":
        print(f"{write_sample(args.out, args.mix, args.seed)} articles written to {args.out}")
    elif args.command == "dump":
        print(f"{write_dump(args.out)} articles written to {args.out}")
    else:
        print(f"{write_texts(args.out, args.batch)} articles written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
