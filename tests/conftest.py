"""Shared fixtures: the real Stanza models, loaded once per test session, behind a session cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.annotating import Annotator
from kg.cleaning import PARAGRAPH_SEPARATOR, content_hash
from kg.records import AnnotatedDocument, Document

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT_ROOT / "seeds"
# The Makefile and CI export STANZA_RESOURCES_DIR; a developer's checkout falls back to the shared folder.
SHARED_MODELS = PROJECT_ROOT.parent / "shared" / "stanza_resources"


def models_dir() -> Path | None:
    """Where the tests find the Stanza models: the environment's choice, else the shared folder."""
    if os.environ.get("STANZA_RESOURCES_DIR"):
        return Path(os.environ["STANZA_RESOURCES_DIR"])
    return SHARED_MODELS if SHARED_MODELS.exists() else None


@pytest.fixture(scope="session")
def annotation_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One annotation cache for the whole session, so each distinct text meets Stanza once."""
    return tmp_path_factory.mktemp("annotation-cache")


@pytest.fixture(scope="session")
def annotator(annotation_cache_dir: Path) -> Annotator:
    return Annotator(models_dir(), cache_dir=annotation_cache_dir)


def make_document(text: str, source: str = "test.txt") -> Document:
    """A Document from paragraphs given one per line, joined the way cleaning joins them."""
    body = PARAGRAPH_SEPARATOR.join(line.strip() for line in text.strip().split("\n") if line.strip())
    return Document(doc_id=content_hash(body), text=body, sources=(source,))


@pytest.fixture(scope="session")
def annotate(annotator: Annotator):
    """annotate(text) → AnnotatedDocument through the real models (one paragraph per line)."""

    def run(text: str) -> AnnotatedDocument:
        return next(iter(annotator.annotate([make_document(text)])))

    return run


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory: pytest.TempPathFactory, annotator: Annotator):
    """The seeds' knowledge graph, built once per session by the real pipeline into a temp folder.

    Returns kg.pipeline.BuildResult: ``.graph`` (rdflib), ``.outputs["ttl"|"html"|"stats"]`` (paths).
    """
    from kg.pipeline import build

    out_dir = tmp_path_factory.mktemp("seeds-out")
    return build([SEEDS], out_dir, annotator=annotator)


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright, one for the session (two sync Playwrights cannot run at once)."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "Debian's chromium is missing: run scripts/install_chromium.sh (make test does)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()
