"""Property tests: random Unicode (mixed scripts, bidi controls, emoji, lone combining marks) thrown at
reading, cleaning, normalization, and at annotation and extraction through the real models. Nothing raises,
and every offset points back to the text it names."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.annotating import Annotator, paragraph_chunks
from kg.cleaning import PARAGRAPH_SEPARATOR, clean
from kg.normalizing import (
    clitic_variants,
    designation_key,
    fold,
    match_key,
    nisba_stem,
    slugify,
    strip_article,
)
from kg.reading import decode_article, strip_controls, why_unusable
from kg.records import Extraction, Mention, SourceText

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
    source_lines = {
        re.sub(r"[ \t\u00a0]+", " ", line).strip()
        for line in readable.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    }
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
