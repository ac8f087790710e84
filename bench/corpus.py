"""The benchmark's corpus: the seeds plus SaudiNewsNet articles, written as .txt files into a temp folder.

Articles are drawn at random (seeded) from the whole corpus so that every newspaper and length is
represented; each file is the title, a blank line and the content, as a saved web page would read.
The corpus itself stays in ../shared/data; only the temp folder holds copies, for one run.
"""

from __future__ import annotations

import gzip
import json
import random
import shutil
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT_ROOT / "seeds"
SAUDINEWSNET = PROJECT_ROOT.parent / "shared" / "data" / "saudinewsnet" / "articles.jsonl.gz"
MIN_CONTENT_CHARS = 200  # shorter entries are captions and teasers, not articles


def read_articles(path: Path = SAUDINEWSNET) -> list[dict]:
    """Every article with some content, in file order."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        articles = [json.loads(line) for line in lines]
    return [a for a in articles if len((a.get("content") or "").strip()) >= MIN_CONTENT_CHARS]


def make_corpus(folder: Path, articles: int, seed: int = 8, with_seeds: bool = True) -> list[Path]:
    """Write the seeds and ``articles`` SaudiNewsNet articles into ``folder``; the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    if with_seeds:
        for seed_file in sorted(SEEDS.glob("*.txt")):
            written.append(Path(shutil.copy(seed_file, folder / seed_file.name)))
    if articles:
        pool = read_articles()
        chosen = random.Random(seed).sample(range(len(pool)), min(articles, len(pool)))
        for number, index in enumerate(chosen):
            article = pool[index]
            title = (article.get("title") or "").strip()
            text = (f"{title}\n\n" if title else "") + article["content"].strip() + "\n"
            path = folder / f"snn_{number:05d}_{article['source']}.txt"
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written
