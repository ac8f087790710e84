"""Reading: files and folders of articles → decoded texts, with a reason for every file skipped."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.records import SourceText

ARTICLE_SUFFIXES = (".txt",)
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
# Signatures of binary formats people drop into article folders by mistake.
_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
}


@dataclass(frozen=True)
class Skipped:
    """A source that was not used, and why (one line, for the user)."""

    path: str
    reason: str


def find_article_files(sources: Iterable[str | Path]) -> Iterator[Path | Skipped]:
    """Expand files and folders (recursively, .txt files, sorted) into article paths."""
    for source in sources:
        path = Path(source)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not files:
                yield Skipped(str(path), "folder holds no .txt articles")
            yield from files
        elif path.is_file():
            yield path
        else:
            yield Skipped(str(path), "no such file or folder")


def decode_article(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1256, in that order.

    Returns (text, encoding). Bytes that fit none are decoded as UTF-8 with replacement characters,
    reported as ``utf-8 (with undecodable bytes)`` so the caller can warn.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Windows-1256 maps nearly every byte, so only accept it when the result reads as Arabic.
    try:
        text = data.decode("cp1256")
        if len(_ARABIC_LETTER.findall(text)) >= max(1, len(_LATIN_LETTER.findall(text))):
            return text, "cp1256"
    except UnicodeDecodeError:
        pass
    return data.decode("utf-8", errors="replace"), "utf-8 (with undecodable bytes)"


def why_unusable(data: bytes, text: str | None = None) -> str | None:
    """A one-line reason why these bytes are not an Arabic article, or None when they are usable."""
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            return f"binary file ({kind})"
    if not data.strip():
        return "empty file" if not data else "whitespace only"
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "binary file"
    if text is not None:
        if not text.strip():
            return "whitespace only"
        arabic = len(_ARABIC_LETTER.findall(text))
        latin = len(_LATIN_LETTER.findall(text))
        if arabic < 20 or arabic < latin / 2:
            return "not Arabic text"
    return None


def read_sources(sources: Iterable[str | Path]) -> Iterator[SourceText | Skipped]:
    """Read every article under ``sources``; yield a SourceText per usable file and a Skipped per other."""
    for item in find_article_files(sources):
        if isinstance(item, Skipped):
            yield item
            continue
        try:
            data = item.read_bytes()
        except OSError as error:
            yield Skipped(str(item), f"cannot be read ({error.strerror or error})")
            continue
        reason = why_unusable(data)
        if reason:
            yield Skipped(str(item), reason)
            continue
        text, encoding = decode_article(data)
        reason = why_unusable(data, text)
        if reason:
            yield Skipped(str(item), reason)
            continue
        yield SourceText(path=str(item), text=text, encoding=encoding)
