"""Reading files: encodings and files that are not articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.reading import Skipped, read_sources

ARTICLE = "قال الرئيس البيلاروسي إن بلاده ستشتري أنظمة دفاع جوي جديدة من روسيا خلال العام المقبل.\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1256"])
def test_arabic_encodings_decode_to_the_same_text(tmp_path: Path, encoding: str):
    path = tmp_path / f"article-{encoding}.txt"
    path.write_bytes(ARTICLE.encode(encoding))
    (source,) = read_sources([path])
    assert source.text.replace("\r\n", "\n") == ARTICLE


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t \n", "whitespace only"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary file (a PNG image)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary file (a PDF document)"),
        (b"The minister said the talks were useful and that both sides agreed to meet again soon.",
         "not Arabic text"),
        ("Le ministre a déclaré que les discussions avaient été utiles.".encode(), "not Arabic text"),
    ],
)
def test_unusable_files_are_skipped_with_a_reason(tmp_path: Path, content: bytes, reason: str):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    (item,) = read_sources([path])
    assert item == Skipped(str(path), reason)


def test_missing_path_is_skipped(tmp_path: Path):
    (item,) = read_sources([tmp_path / "nowhere"])
    assert isinstance(item, Skipped) and item.reason == "no such file or folder"


def test_folders_are_read_recursively_in_order(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "1.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    assert [Path(s.path).name for s in read_sources([tmp_path])] == ["1.txt", "2.txt"]
