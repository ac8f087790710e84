"""Reading: files and folders of articles → decoded texts, with a reason for every file skipped.

Besides text files, news dumps given as files: JSON Lines (``.jsonl``), JSON (an array of records, or one
record) and CSV, in the shapes SaudiNewsNet, news-please and trafilatura write — one article per record,
with its title, text, date, URL and outlet under any of the usual field names (see ``DUMP_FIELDS``).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.records import SourceText

ARTICLE_SUFFIXES = (".txt",)
DUMP_SUFFIXES = (".jsonl", ".json", ".csv")  # read as news dumps when given as files
# The fields a dump's record may hold, each under the names common dumps use (first found wins).
DUMP_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("content", "text", "maintext", "body", "article", "raw_text"),
    "title": ("title", "headline"),
    "date": ("date", "published", "date_publish", "pubdate", "published_at", "date_extracted",
             "date_download"),
    "url": ("url", "link", "source_url"),
    "publisher": ("source", "outlet", "sitename", "source_domain", "publisher", "hostname"),
    "name": ("file", "filename", "id", "article_id"),
}
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
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
        elif path.exists():
            yield Skipped(str(path), "not a regular file")
        else:
            yield Skipped(str(path), "no such file or folder")


def decode_article(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when the bytes show it),
    or Windows-1256, in that order.

    Returns (text, encoding). UTF-8 with a few undecodable bytes (a truncated download, a stray byte of
    another code page) keeps its UTF-8 reading with replacement characters; its encoding then reads
    ``utf-8 with N undecodable bytes replaced`` so that the caller can warn (see ``decoding_problem``).
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
        text = data.decode("utf-8", errors="replace")
        return text, _utf8_encoding_name(data, text, "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if utf16 := _utf16_without_bom(data):
        return data.decode(utf16, errors="replace"), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    high_bytes = len(data) - len(data.translate(None, _HIGH_BYTES))
    # Windows-1256 text has nearly all its (Arabic) high bytes invalid as UTF-8, while UTF-8 text with a
    # few bad bytes has nearly all valid: decoding the latter as Windows-1256 would turn every Arabic
    # letter into two letters of mojibake that still look Arabic.
    if lenient.count(_REPLACEMENT) * 20 > high_bytes:
        text = data.decode("cp1256", errors="replace")
        # Windows-1256 maps nearly every byte, so only accept it when the result reads as Arabic.
        arabic, latin = _letter_counts(text)
        if arabic >= max(1, latin):
            return text, "cp1256"
    return lenient, _utf8_encoding_name(data, lenient, "utf-8")


_REPLACEMENT = "\ufffd"
_HIGH_BYTES = bytes(range(0x80, 0x100))
_UNDECODABLE = " undecodable byte"


def _utf8_encoding_name(data: bytes, text: str, name: str) -> str:
    replaced = text.count(_REPLACEMENT) - data.count(_REPLACEMENT.encode("utf-8"))
    if replaced <= 0:
        return name
    return f"{name} with {replaced}{_UNDECODABLE}{'s' if replaced > 1 else ''} replaced"


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes are plainly UTF-16 Arabic text saved without a BOM.

    In such text every other byte is the high byte of U+00xx (0x00) or of U+06xx (0x06, Arabic).
    """
    if len(data) < 4 or len(data) % 2:
        return None
    for name, high_bytes in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if high_bytes.count(0) + high_bytes.count(6) >= 0.95 * len(high_bytes) and high_bytes.count(6):
            return name
    return None


def _letter_counts(text: str, sample: int = 200_000) -> tuple[int, int]:
    """Arabic and Latin letters in the text's head: enough to tell its script, cheap on megabytes."""
    head = text[:sample]
    return len(head) - len(_ARABIC_LETTER.sub("", head)), len(head) - len(_LATIN_LETTER.sub("", head))


def decoding_problem(source: SourceText) -> str | None:
    """A one-line warning when the source's bytes did not all decode, else None."""
    encoding, _, problem = source.encoding.partition(" with ")
    return f"{problem} (read as {encoding})" if _UNDECODABLE in problem else None


def why_unusable(data: bytes, text: str | None = None) -> str | None:
    """A one-line reason why these bytes are not an Arabic article, or None when they are usable."""
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            return f"binary file ({kind})"
    if not data.strip():
        return "empty file" if not data else "whitespace only"
    is_utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(data)
    if b"\x00" in data[:4096] and not is_utf16:
        return "binary file"
    if text is not None:
        if not text.strip():
            return "empty file" if not text else "whitespace only"
        arabic, latin = _letter_counts(text)
        if arabic == 0 or arabic < latin / 2:
            return "not Arabic text"
        if arabic < 20:
            return f"too short for an article ({arabic} Arabic letters)"
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
        if item.suffix.lower() in DUMP_SUFFIXES:
            yield from read_dump(item, data)
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


# ── News dumps ─────────────────────────────────────────────────────────────────────────────────────────


def read_dump(path: Path, data: bytes) -> Iterator[SourceText | Skipped]:
    """One SourceText per usable record of a JSON Lines, JSON or CSV dump; a Skipped per unusable record (or
    one for the whole file when it is not a dump at all)."""
    text, _ = decode_article(data)
    try:
        records = list(_records(path.suffix.lower(), text))
    except ValueError as error:
        yield Skipped(str(path), f"not a news dump ({error})")
        return
    if not records:
        yield Skipped(str(path), "news dump holds no records")
    for number, record in records:
        yield _record_source(path, number, record)


def _records(suffix: str, text: str) -> Iterator[tuple[int, dict]]:
    """(record number, record) pairs; numbers count from 1 (lines of JSON Lines, rows of CSV)."""
    if suffix == ".csv":
        yield from enumerate(csv.DictReader(io.StringIO(text)), start=1)
        return
    if suffix == ".json":
        parsed = json.loads(text)
        yield from enumerate(parsed if isinstance(parsed, list) else [parsed], start=1)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"line {number} is not JSON: {error.msg}") from None


def _field(record: dict, name: str) -> str | None:
    for key in DUMP_FIELDS[name]:
        value = record.get(key)
        if isinstance(value, (str, int)) and str(value).strip():
            return str(value).strip()
    return None


def _record_source(path: Path, number: int, record: object) -> SourceText | Skipped:
    """A record as a source: its own name when it gives one («file», «id»), else DUMP:NUMBER."""
    where = f"{path}:{number}"
    if not isinstance(record, dict):
        return Skipped(where, "record is not an object")
    name = _field(record, "name")
    location = name if name else where
    body = _field(record, "text")
    if body is None:
        return Skipped(location, f"record has no text (none of {', '.join(DUMP_FIELDS['text'])})")
    title = _field(record, "title")
    text = f"{title}\n{body}" if title and not body.startswith(title) else body
    reason = why_unusable(text.encode("utf-8"), text)
    if reason:
        return Skipped(location, reason)
    return SourceText(path=location, text=text, date=iso_day(_field(record, "date")),
                      url=_field(record, "url"), publisher=_field(record, "publisher"))


def iso_day(value: str | None) -> str | None:
    """The YYYY-MM-DD day of a date field («2015-08-03 20:46:16», «2015-08-03T20:46:16Z»), else None."""
    match = _ISO_DAY.match(value or "")
    if not match:
        return None
    year, month, day = map(int, match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None
