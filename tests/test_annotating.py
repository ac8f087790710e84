"""Annotation through the real Stanza models: offsets, batching, chunking and the cache."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import stanza.pipeline.core

from kg.annotating import Annotator, paragraph_chunks, resolve_models_dir
from kg.cleaning import clean
from kg.errors import ModelsNotFoundError
from kg.reading import read_sources

from .conftest import SEEDS, make_document, models_dir


@pytest.fixture
def processor_calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Count every call of every Stanza processor (the real ones still run)."""
    calls: dict[str, int] = {}
    for name, processor_class in stanza.pipeline.core.NAME_TO_PROCESSOR_CLASS.items():
        for method in ("process", "bulk_process"):
            original = getattr(processor_class, method)

            def counting(self, *args, _original=original, _name=name, **kwargs):
                calls[_name] = calls.get(_name, 0) + 1
                return _original(self, *args, **kwargs)

            monkeypatch.setattr(processor_class, method, counting)
    return calls


def seed_documents():
    return [document for source in read_sources([SEEDS]) for document in clean(source)]


def test_offsets_point_into_the_cleaned_text(annotator: Annotator):
    for annotated in annotator.annotate(seed_documents()):
        text = annotated.document.text
        assert annotated.sentences
        for sentence in annotated.sentences:
            assert text[sentence.start : sentence.end] == sentence.text
            for word in sentence.words:
                assert sentence.start <= word.start < word.end <= sentence.end
            for span in sentence.spans:
                assert text[span.start : span.end] == span.text


def test_second_build_of_unchanged_documents_calls_no_stanza_processor(
    tmp_path: Path, processor_calls: dict[str, int]
):
    documents = seed_documents()[:2]
    first = list(Annotator(models_dir(), cache_dir=tmp_path).annotate(documents))
    assert {"tokenize", "mwt", "pos", "lemma", "ner"} <= set(processor_calls)
    processor_calls.clear()
    again = Annotator(models_dir(), cache_dir=tmp_path)
    second = list(again.annotate(documents))
    assert processor_calls == {}
    assert again._pipeline is None  # the models were not even loaded
    assert second == first


def test_no_cache_annotates_again(tmp_path: Path, processor_calls: dict[str, int]):
    documents = seed_documents()[:1]
    list(Annotator(models_dir(), cache_dir=tmp_path).annotate(documents))
    processor_calls.clear()
    list(Annotator(models_dir(), cache_dir=tmp_path, use_cache=False).annotate(documents))
    assert processor_calls.get("tokenize", 0) >= 1


def test_corrupt_cache_entry_is_recomputed_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture):
    documents = seed_documents()[:1]
    annotator = Annotator(models_dir(), cache_dir=tmp_path)
    (expected,) = annotator.annotate(documents)
    (entry,) = tmp_path.rglob("*.json.gz")
    entry.write_bytes(entry.read_bytes()[:50])  # a truncated write
    with caplog.at_level(logging.WARNING):
        (again,) = Annotator(models_dir(), cache_dir=tmp_path).annotate(documents)
    assert again == expected
    assert "corrupt" in caplog.text


def test_long_documents_go_to_stanza_in_paragraph_chunks(annotator: Annotator):
    paragraph = "وقال المتحدث باسم الوزارة إن المحادثات بين البلدين كانت مثمرة وبناءة."
    text = "\n\n".join(f"{paragraph} الفقرة رقم {n}." for n in range(60))
    chunks = paragraph_chunks(text, max_chars=1000)
    assert len(chunks) > 1 and all(len(chunk) <= 1000 for _, chunk in chunks)
    assert all(text[offset : offset + len(chunk)] == chunk for offset, chunk in chunks)
    (annotated,) = annotator.annotate([make_document(text.replace("\n\n", "\n"))])
    assert len(annotated.sentences) >= 60
    assert [s.index for s in annotated.sentences] == list(range(len(annotated.sentences)))
    for sentence in annotated.sentences:
        assert annotated.document.text[sentence.start : sentence.end] == sentence.text


def test_batches_keep_document_order(annotator: Annotator):
    documents = seed_documents()
    assert [a.document.doc_id for a in annotator.annotate(documents)] == [d.doc_id for d in documents]


def test_missing_models_name_the_download_command(tmp_path: Path):
    with pytest.raises(ModelsNotFoundError, match="kg models download"):
        resolve_models_dir(tmp_path)


def test_no_sentence_goes_through_the_dependency_parser(annotator: Annotator,
                                                       processor_calls: dict[str, int]):
    """The parser is half of Stanza's time and no rule reads a tree (BENCHMARKS.md): it is never loaded."""
    annotator.use_cache = False
    try:
        annotated = next(iter(annotator.annotate([make_document("وقال الوزير إن المحادثات ستستأنف قريبا.")])))
    finally:
        annotator.use_cache = True
    assert "depparse" not in annotator.pipeline.processors
    assert "depparse" not in processor_calls and {"pos", "lemma", "ner"} <= set(processor_calls)
    assert [w.upos for w in annotated.sentences[0].words if w.text == "قال"] == ["VERB"]
