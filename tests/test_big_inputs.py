"""Big inputs: a story too long to be an article is skipped with a message saying how to split it, and a
build whose stderr is not a terminal shows its progress as a line every so many documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli import PROGRESS_LINE_EVERY, _progress
from kg.pipeline import MAX_DOCUMENT_CHARS, load_documents

SENTENCE = "قال وزير الخارجية إن بلاده ستواصل دعم حلفائها في المنطقة خلال السنوات المقبلة."


def _article_of(chars: int) -> str:
    """Distinct paragraphs (cleaning drops repeats) adding up to past ``chars`` characters."""
    paragraph = " ".join([SENTENCE] * 20)
    count = chars // (len(paragraph) + 10) + 1
    return "\n\n".join(f"{paragraph} ({number})" for number in range(count))


def test_a_story_past_the_size_limit_is_skipped_with_how_to_split_it(tmp_path: Path):
    (tmp_path / "book.txt").write_text(_article_of(MAX_DOCUMENT_CHARS + 10_000), encoding="utf-8")
    (tmp_path / "article.txt").write_text(_article_of(2_000), encoding="utf-8")
    documents, skipped, read = load_documents([tmp_path])
    assert read == 2 and len(documents) == 1 and len(documents[0].text) < MAX_DOCUMENT_CHARS
    assert [item.path for item in skipped] == [str(tmp_path / "book.txt")]
    assert f"past the limit of {MAX_DOCUMENT_CHARS:,}" in skipped[0].reason
    assert "split it" in skipped[0].reason


@pytest.mark.parametrize("total", [PROGRESS_LINE_EVERY * 2 + 7, PROGRESS_LINE_EVERY * 3])
def test_progress_off_a_terminal_is_a_line_every_so_many_documents(total: int, capsys):
    with _progress(quiet=False) as on_progress:  # pytest's captured stderr is not a terminal
        for done in range(1, total + 1):
            on_progress("annotate", done, total)
    lines = capsys.readouterr().err.splitlines()
    every = PROGRESS_LINE_EVERY
    expected = [f"{done}/{total} documents" for done in range(every, total + 1, every)]
    if total % PROGRESS_LINE_EVERY:
        expected.append(f"{total}/{total} documents")
    assert lines == expected


def test_a_small_build_off_a_terminal_prints_no_progress(capsys):
    with _progress(quiet=False) as on_progress:
        for done in range(1, 9):
            on_progress("annotate", done, 8)
    assert capsys.readouterr().err == ""


def test_quiet_prints_no_progress(capsys):
    with _progress(quiet=True) as on_progress:
        assert on_progress is None
    assert capsys.readouterr().err == ""
