"""Property tests: random Unicode (mixed scripts, bidi controls, emoji, lone combining marks) thrown at
reading, cleaning, normalization, and at annotation and extraction through the real models. Nothing raises,
and every offset points back to the text it names."""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
import unicodedata
from pathlib import Path

import pyoxigraph
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from kg.annotating import Annotator, paragraph_chunks
from kg.cleaning import PARAGRAPH_SEPARATOR, clean, normalize_line
from kg.errors import KgError
from kg.normalizing import (
    clitic_variants,
    designation_key,
    fold,
    match_key,
    nisba_stem,
    slugify,
    strip_article,
)
from kg.pipeline import build
from kg.reading import Skipped, decode_article, read_sources, strip_controls, why_unusable
from kg.records import Extraction, Mention, SourceText
from kg.vocabulary import KG

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
BIDI_CONTROL = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

ARABIC_WORDS = [
    "قال", "الرئيس", "الروسي", "فلاديمير", "بوتين", "إن", "روسيا", "ستسلم", "بيلاروسيا", "صواريخ", "إسكندر",
    "وأكد", "لوكاشينكو", "أن", "«", "»", "،", ".", "؟", "وزير", "الخارجية", "سيرغي", "لافروف", "إس-400",
    "الولايات", "المتحدة", "أوكرانيا", "مينسك", "موسكو", "بحسب", "وكالة", "تاس", "٢٠٢٤", "مُحَمَّد", "ـــ",
]
# What real pages smuggle into text: direction marks and isolates, joiners, BOMs, emoji, marks with no base.
NOISE = [
    "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
    "\u2069", "\u200b", "\u200c", "\u200d", "\ufeff", "\u00a0", "\u0301", "\u064b", "\u0651", "\u0670",
    "\U0001f1f7\U0001f1fa", "👍🏽", "🚀", "‍👩‍👩‍👧", "\ufffd", "\t", "\r", "\r\n", "\u2028", "\u0085", "x",
    "<script>", '"""', ">", "&amp;", "Ω", "漢字", "ß", "ﷺ", "ﻻ", "Ⅻ", "①", "\U00010348",
]
any_character = st.characters(exclude_categories=("Cs",))  # lone surrogates cannot be written to a file
piece = st.one_of(st.sampled_from(ARABIC_WORDS), st.sampled_from(NOISE), st.text(any_character, max_size=4))
separator = st.sampled_from([" ", " ", " ", "", "\n", "\n\n", " \n "])


@st.composite
def messy_texts(draw: st.DrawFn, max_pieces: int = 60) -> str:
    pieces = draw(st.lists(piece, max_size=max_pieces))
    return "".join(p + draw(separator) for p in pieces)


@st.composite
def articles_with_noise(draw: st.DrawFn) -> str:
    """Mostly Arabic sentences, so that cleaning keeps them and the models have something to chew on."""
    sentences = []
    for _ in range(draw(st.integers(1, 3))):
        words = draw(st.lists(st.one_of(st.sampled_from(ARABIC_WORDS), st.sampled_from(ARABIC_WORDS),
                                        st.sampled_from(NOISE)), min_size=4, max_size=18))
        sentences.append(" ".join(words) + draw(st.sampled_from([".", "؟", "", "!"])))
    return draw(st.sampled_from(["\n", "\n\n", " "])).join(sentences)


many = settings(max_examples=400, deadline=None, database=None)


@many
@given(st.binary(max_size=400) | messy_texts().map(lambda text: text.encode(
    "utf-8", errors="replace")))
def test_reading_any_bytes_never_raises(data: bytes):
    decoded = decode_article(data)
    assert isinstance(decoded.text, str) and decoded.encoding
    text, _ = strip_controls(decoded.text)
    reason = why_unusable(data, text)
    assert reason is None or "\n" not in reason


@many
@given(st.one_of(messy_texts(), st.text(any_character)))
def test_cleaning_never_raises_and_keeps_only_text_of_the_source(text: str):
    readable = BIDI_CONTROL.sub("", unicodedata.normalize("NFC", text))  # cleaning takes them out
    lines = readable.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    source_lines = {normalize_line(line) for line in lines}  # as cleaning keeps them
    for document in clean(SourceText("random.txt", text)):
        assert document.doc_id == hashlib.sha256(document.text.encode("utf-8")).hexdigest()
        assert document.sources == ("random.txt",)
        paragraphs = document.text.split(PARAGRAPH_SEPARATOR)
        assert all(paragraph and paragraph == paragraph.strip() for paragraph in paragraphs)
        for paragraph in paragraphs:  # each kept paragraph is (the end of) one line of the source
            assert any(line.endswith(paragraph) for line in source_lines), paragraph
        if document.title is not None:
            assert document.title == paragraphs[0]
        for offset, chunk in paragraph_chunks(document.text, max_chars=50):
            assert document.text[offset : offset + len(chunk)] == chunk


@many
@given(st.one_of(messy_texts(max_pieces=12), st.text(any_character, max_size=30)))
def test_normalization_never_raises_and_folding_is_stable(text: str):
    folded = fold(text)
    assert fold(folded) == folded
    assert not re.search("[\u064b-\u065f\u0640\u200e\u200f\u202a-\u202e\u2066-\u2069]", folded)
    assert all(variant == fold(variant) for variant in clitic_variants(text))
    strip_article(text)
    nisba_stem(text)
    designation_key(text)
    match_key(text)
    assert SLUG.match(slugify(text)), slugify(text)


@many
@given(st.one_of(messy_texts(max_pieces=12), st.text(any_character, max_size=30)))
def test_matching_keys_are_fixed_points(text: str):
    assert designation_key(designation_key(text)) == designation_key(text)
    assert match_key(match_key(text)) == match_key(text)


@pytest.fixture(scope="module")
def extractor():
    from kg.pipeline import Extractor

    return Extractor()


def assert_mention_points_at_its_text(mention: Mention | None, text: str, sentences: int) -> None:
    if mention is None:
        return
    assert text[mention.start : mention.end] == mention.text, mention
    assert 0 <= mention.sentence < sentences


@settings(max_examples=8, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.one_of(articles_with_noise(), messy_texts()))
def test_annotation_and_extraction_never_raise_and_offsets_hold(annotator: Annotator, extractor, text: str):
    for document in clean(SourceText("random.txt", text)):
        (annotated,) = annotator.annotate([document])
        body = document.text
        for number, sentence in enumerate(annotated.sentences):
            assert sentence.index == number
            assert body[sentence.start : sentence.end] == sentence.text
            for word in sentence.words:
                assert sentence.start <= word.start < word.end <= sentence.end
            for span in sentence.spans:
                assert body[span.start : span.end] == span.text
        extraction: Extraction = extractor.extract(annotated)
        count = len(annotated.sentences)
        for mention in extraction.mentions:
            assert_mention_points_at_its_text(mention, body, count)
        for claim in extraction.claims:
            assert body[claim.start : claim.end] == claim.text
            for mention in (claim.speaker, claim.reported_by, *claim.mentions):
                assert_mention_points_at_its_text(mention, body, count)
        for transfer in extraction.transfers:
            for mention in (transfer.supplier, transfer.recipient, transfer.weapon, transfer.stated_by):
                assert_mention_points_at_its_text(mention, body, count)


# ---------------------------------------------------------------------------------------------------------
# Damaged files, read → clean → build: random bytes, lines in two encodings, control characters, bidi
# controls, stray binary. Nothing raises but kg's own one-line errors, every paragraph that decodes is in a
# document, and every output parses.

PARAGRAPHS = [
    "قال الرئيس الروسي فلاديمير بوتين إن بلاده ستسلم بيلاروسيا صواريخ إسكندر قبل نهاية العام",
    "وأكد وزير الخارجية سيرغي لافروف أن موسكو لا تنوي نشر أسلحة نووية في أوروبا الشرقية",
    "أعلنت وزارة الدفاع الأوكرانية أنها تسلمت دفعة جديدة من الدبابات الألمانية هذا الأسبوع",
    "وقال المتحدث باسم الكرملين إن المحادثات مع الجانب الصيني كانت مثمرة وبناءة للغاية",
    "ذكرت وكالة تاس أن الجيش البيلاروسي أجرى مناورات مشتركة مع القوات الروسية قرب الحدود",
    "وأضاف لوكاشينكو أن مينسك ستشتري منظومات دفاع جوي جديدة من روسيا خلال العام المقبل",
]
# Controls a torn download or a bad converter leaves (layout controls, which end a line, aside).
CONTROLS = ["\x00", "\x00", "\x00\x00\x00", "\x01", "\x07", "\x08", "\x1b", "\x7f"]
BIDI = ["\u202e", "\u202b", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f", "\u200e", "\u061c"]


@st.composite
def damaged_paragraph(draw: st.DrawFn) -> tuple[str, bytes]:
    """(the paragraph as written, its bytes as damaged): UTF-8 or Windows-1256, with a control character
    or two, and in UTF-8 bidi controls too, each between two letters or words."""
    paragraph = draw(st.sampled_from(PARAGRAPHS))
    encoding = draw(st.sampled_from(["utf-8", "cp1256"]))
    noise = CONTROLS + (BIDI if encoding == "utf-8" else [])
    damaged = paragraph
    for _ in range(draw(st.integers(0, 2))):
        position = draw(st.integers(0, len(damaged)))
        damaged = damaged[:position] + draw(st.sampled_from(noise)) + damaged[position:]
    return paragraph, damaged.encode(encoding)


@st.composite
def damaged_files(draw: st.DrawFn) -> tuple[list[str], bytes]:
    """(the paragraphs, the file's bytes): paragraphs in either encoding, lines of random bytes between
    them (a fifth of the text at most: more, and the file is binary), a paragraph first."""
    paragraphs = draw(st.lists(damaged_paragraph(), min_size=1, max_size=4))
    text_size = sum(len(data) for _, data in paragraphs)
    lines = [data for _, data in paragraphs]
    for _ in range(draw(st.integers(0, 2))):
        junk = draw(st.binary(max_size=text_size // 10))
        lines.insert(draw(st.integers(1, len(lines))), junk)
    ending = draw(st.sampled_from([b"\n", b"\r\n"]))
    return [paragraph for paragraph, _ in paragraphs], ending.join(lines) + ending


def readable(text: str) -> str:
    """A paragraph as the cleaned text holds it."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


@many
@given(damaged_files())
def test_every_paragraph_of_a_damaged_file_that_decodes_is_in_a_document(case: tuple[list[str], bytes]):
    paragraphs, data = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_bytes(data)
        (source,) = read_sources([path])
        assert isinstance(source, SourceText), source
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", source.text.replace("\r", ""))
        texts = [document.text for document in clean(source)]
    for paragraph in paragraphs:
        assert any(readable(paragraph) in text for text in texts), (paragraph, texts)
        assert not any(BIDI_CONTROL.search(text) for text in texts)


@many
@given(st.binary(max_size=2000))
def test_any_bytes_are_read_or_skipped_with_a_reason(data: bytes):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_bytes(data)
        (item,) = read_sources([path])
    if isinstance(item, Skipped):
        assert item.reason and "\n" not in item.reason
    else:
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", item.text)
        assert all("\n" not in problem for problem in item.problems)


@settings(max_examples=5, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(damaged_files())
def test_a_damaged_file_builds_into_outputs_that_parse(annotator: Annotator, case: tuple[list[str], bytes]):
    paragraphs, data = case
    with tempfile.TemporaryDirectory() as folder:
        path, out = Path(folder) / "article.txt", Path(folder) / "out"
        path.write_bytes(data)
        try:
            result = build([path], out, annotator=annotator, formats=("ttl", "nt", "jsonld", "trig", "xml"))
        except KgError as error:  # a one-line error is an answer; no other exception is
            assert "\n" not in str(error)
            return
        graph = Graph().parse(out / "graph.ttl")
        assert isomorphic(graph, result.graph)
        texts = [str(text) for document in graph.subjects(RDF.type, KG.Document)
                 for text in graph.objects(document, KG.text)]
        assert all(any(readable(paragraph) in text for text in texts) for paragraph in paragraphs)
        for name, rdf_format in [("graph.ttl", pyoxigraph.RdfFormat.TURTLE),
                                 ("graph.nt", pyoxigraph.RdfFormat.N_TRIPLES),
                                 ("graph.jsonld", pyoxigraph.RdfFormat.JSON_LD),
                                 ("graph.trig", pyoxigraph.RdfFormat.TRIG),
                                 ("graph.rdf", pyoxigraph.RdfFormat.RDF_XML)]:
            store = pyoxigraph.Store()  # an independent parser of every format written
            store.load(path=str(out / name), format=rdf_format)
            assert len(store) == len(graph), name
        page = (out / "graph.html").read_text(encoding="utf-8")
        assert "</html>" in page and not BIDI_CONTROL.search(page)
        assert json.loads((out / "stats.json").read_text(encoding="utf-8"))["build"]["documents"] >= 1
        for raw in (out / name for name in ("graph.ttl", "graph.html", "stats.json")):
            assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]", raw.read_bytes()), raw.name
