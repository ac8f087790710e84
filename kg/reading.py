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
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from kg.records import SourceText

HTML_SUFFIXES = (".html", ".htm")  # web pages: their main text and metadata read by trafilatura
ARTICLE_SUFFIXES = (".txt", *HTML_SUFFIXES)
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
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x7fELF": "an executable",
    b"SQLite format 3\x00": "an SQLite database",
}


@dataclass(frozen=True)
class Skipped:
    """A source that was not used, and why (one line, for the user)."""

    path: str
    reason: str


def find_article_files(sources: Iterable[str | Path]) -> Iterator[Path | Skipped]:
    """Expand files and folders (recursively, .txt and .html files, sorted) into article paths."""
    for source in sources:
        path = Path(source)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES
                           and (p.is_file() or _is_broken_link(p)))
            if not found:
                yield Skipped(str(path), "folder holds no articles (.txt, .html)")
            for file in found:
                yield _broken_link(file) if _is_broken_link(file) else file
        elif path.is_file():
            yield path
        elif _is_broken_link(path):
            yield _broken_link(path)
        elif path.exists():
            yield Skipped(str(path), "not a regular file")
        else:
            yield Skipped(str(path), "no such file or folder")


def _is_broken_link(path: Path) -> bool:
    return path.is_symlink() and not path.exists()


def _broken_link(path: Path) -> Skipped:
    return Skipped(str(path), f"broken symbolic link (to {os.readlink(path)})")


class Decoded(NamedTuple):
    """A file's bytes as text: the encoding that read them, and what the user should hear about."""

    text: str
    encoding: str  # utf-8, utf-8-sig, utf-16(-le/-be), cp1256, or utf-8+cp1256 when lines differ
    problems: tuple[str, ...] = ()  # one line each: undecodable bytes, lines in another encoding…


def decode_article(data: bytes) -> Decoded:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when the bytes show it),
    or Windows-1256, in that order.

    A file that is not UTF-8 throughout is decoded line by line when some of its lines are (a UTF-8 article
    pasted into a Windows-1256 file): each line in the encoding that reads it, and a problem says so. UTF-8
    with a few undecodable bytes (a truncated download, a stray byte of another code page) keeps its UTF-8
    reading with replacement characters, and a problem counts them.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
        text = data.decode("utf-8", errors="replace")
        return Decoded(text, "utf-8-sig", _replaced_problem(data, text, "utf-8-sig"))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(data.decode("utf-16", errors="replace"), "utf-16")
    if utf16 := _utf16_without_bom(data):
        return Decoded(data.decode(utf16, errors="replace"), utf16)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    if any(_is_utf8_beyond_ascii(line) for line in lines):
        return _decode_by_line(lines)
    return _decode_whole(data)


def _decode_whole(data: bytes) -> Decoded:
    """A file none of whose lines is UTF-8 beyond ASCII: Windows-1256 when it reads as Arabic so, else UTF-8
    with replacement characters."""
    lenient = data.decode("utf-8", errors="replace")
    # Windows-1256 text has nearly all its (Arabic) high bytes invalid as UTF-8, while UTF-8 text with a
    # few bad bytes has nearly all valid: decoding the latter as Windows-1256 would turn every Arabic
    # letter into two letters of mojibake that still look Arabic.
    if lenient.count(_REPLACEMENT) * 20 > _high_bytes(data):
        text = data.decode("cp1256", errors="replace")
        # Windows-1256 maps nearly every byte, so only accept it when the result reads as Arabic.
        arabic, latin = _letter_counts(text)
        if arabic >= max(1, latin):
            return Decoded(text, "cp1256")
    return Decoded(lenient, "utf-8", _replaced_problem(data, lenient, "utf-8"))


def _decode_by_line(lines: list[bytes]) -> Decoded:
    """A file of UTF-8 lines and others: each other line as Windows-1256 when most of its high bytes are
    invalid UTF-8 and it reads as Arabic so, else as UTF-8 with replacement characters."""
    texts: list[str] = []
    in_cp1256 = replaced = 0
    for line in lines:
        lenient = line.decode("utf-8", errors="replace")
        undecodable = lenient.count(_REPLACEMENT) - line.count(_REPLACEMENT.encode("utf-8"))
        if undecodable and undecodable * 2 > _high_bytes(line):
            single_byte = line.decode("cp1256", errors="replace")
            arabic, latin = _letter_counts(single_byte)
            if arabic >= max(1, latin):
                texts.append(single_byte)
                in_cp1256 += 1
                continue
        texts.append(lenient)
        replaced += undecodable
    problems = []
    if in_cp1256:
        with_text = sum(1 for line in lines if line.strip())
        problems.append(f"mixed encodings: {in_cp1256} of {with_text} lines read as Windows-1256, "
                        "the others as UTF-8")
    if replaced:
        problems.append(_replaced_message(replaced, "utf-8"))
    return Decoded("\n".join(texts), "utf-8+cp1256" if in_cp1256 else "utf-8", tuple(problems))


_REPLACEMENT = "\ufffd"
_HIGH_BYTES = bytes(range(0x80, 0x100))


def _high_bytes(data: bytes) -> int:
    return len(data) - len(data.translate(None, _HIGH_BYTES))


def _is_utf8_beyond_ascii(line: bytes) -> bool:
    if line.isascii():
        return False
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _replaced_problem(data: bytes, text: str, encoding: str) -> tuple[str, ...]:
    replaced = text.count(_REPLACEMENT) - data.count(_REPLACEMENT.encode("utf-8"))
    return (_replaced_message(replaced, encoding),) if replaced > 0 else ()


def _replaced_message(replaced: int, encoding: str) -> str:
    return f"{replaced} undecodable byte{'s' if replaced > 1 else ''} replaced (read as {encoding})"


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


# Control characters carry no text. Those that lay text out (vertical tab, form feed, the separators,
# NEL) end a line; the others (NUL, BEL, ESC…: a torn download, a stray byte) go.
_LAYOUT_CONTROLS = re.compile("[\x0b\x0c\x1c-\x1f\x85]")
_OTHER_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")


def strip_controls(text: str) -> tuple[str, str | None]:
    """The text without control characters (tab and line breaks kept, layout controls made line breaks),
    and a one-line problem naming what was removed, or None when nothing was."""
    found = Counter(_OTHER_CONTROLS.findall(text))
    text = _LAYOUT_CONTROLS.sub("\n", text)
    if not found:
        return text, None
    count = sum(found.values())
    names = ", ".join(f"U+{ord(character):04X}" for character in sorted(found))
    plural = "s" if count > 1 else ""
    return _OTHER_CONTROLS.sub("", text), f"{count} control character{plural} removed ({names})"


def _looks_binary(data: bytes, head: int = 8192) -> bool:
    """Whether the bytes hold more control bytes than text does: more than one in 20 of the head's bytes
    besides NUL, and more than a few. NUL is left out of the count: a text file padded with NULs, or with a
    stray one, is text; so is a short article with a handful of stray control bytes."""
    sample = data[:head].replace(b"\x00", b"")
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > _STRAY_CONTROLS and controls * 20 > len(sample)


_STRAY_CONTROLS = 16


_CONTROL_BYTES = bytes([*range(0x01, 0x09), *range(0x0e, 0x1b), 0x7f])


def why_unusable(data: bytes, text: str | None = None) -> str | None:
    """A one-line reason why these bytes are not an Arabic article, or None when they are usable.

    ``text``: the bytes decoded, control characters removed (see ``strip_controls``), when they are.
    """
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            return f"binary file ({kind})"
    if not data.strip():
        return "empty file" if not data else "whitespace only"
    is_utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(data)
    if not is_utf16 and _looks_binary(data):
        return "binary file"
    if text is not None:
        if not text.strip():
            return "no text, only control characters"
        arabic, latin = _letter_counts(text)
        if arabic == 0 or arabic < latin / 2:
            return "not Arabic text"
        if arabic < 20:
            return f"too short for an article ({arabic} Arabic letters)"
    return None


def read_article(path: Path) -> SourceText | Skipped:
    """One file as a SourceText (decoded, control characters removed, each problem noted), or Skipped."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return Skipped(str(path), f"cannot be read ({error.strerror or error})")
    reason = why_unusable(data)
    if reason:
        return Skipped(str(path), reason)
    decoded = decode_article(data)
    text, controls = strip_controls(decoded.text)
    reason = why_unusable(data, text)
    if reason:
        return Skipped(str(path), reason)
    problems = decoded.problems + ((controls,) if controls else ())
    return SourceText(path=str(path), text=text, encoding=decoded.encoding, problems=problems)


def read_sources(sources: Iterable[str | Path]) -> Iterator[SourceText | Skipped]:
    """Read every article under ``sources``; yield a SourceText per usable file and a Skipped per other."""
    for item in find_article_files(sources):
        if isinstance(item, Skipped):
            yield item
        elif item.suffix.lower() in DUMP_SUFFIXES:
            yield from read_dump(item)
        elif item.suffix.lower() in HTML_SUFFIXES:
            yield read_web_page(item)
        else:
            yield read_article(item)


# ── Web pages ─────────────────────────────────────────────────────────────────────────────────────────


def read_web_page(path: Path) -> SourceText | Skipped:
    """A saved web page as a SourceText: its main text (menus, footers and comments left out), title, date,
    site name and URL, as trafilatura (and htmldate, for the date) read them."""
    import trafilatura  # only for HTML input: it loads lxml and its own tables

    try:
        data = path.read_bytes()
    except OSError as error:
        return Skipped(str(path), f"cannot be read ({error.strerror or error})")
    page = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False)
    body = page.text if page is not None else None
    if not body or not body.strip():
        return Skipped(str(path), "no main text found in the web page")
    title = (page.title or "").strip()
    text, controls = strip_controls(body if not title or body.startswith(title) else f"{title}\n{body}")
    reason = why_unusable(text.encode("utf-8"), text)
    if reason:
        return Skipped(str(path), reason)
    return SourceText(path=str(path), text=text, problems=(controls,) if controls else (),
                      date=iso_day(page.date), url=page.url, publisher=page.sitename or page.hostname)


# ── News dumps ─────────────────────────────────────────────────────────────────────────────────────────


def read_dump(path: Path) -> Iterator[SourceText | Skipped]:
    """One SourceText per usable record of a JSON Lines, JSON or CSV dump; a Skipped per unusable record (or
    one for the whole file when it is not a dump at all)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        yield Skipped(str(path), f"cannot be read ({error.strerror or error})")
        return
    text = decode_article(data).text
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
    text, controls = strip_controls(f"{title}\n{body}" if title and not body.startswith(title) else body)
    reason = why_unusable(text.encode("utf-8"), text)
    if reason:
        return Skipped(location, reason)
    return SourceText(path=location, text=text, problems=(controls,) if controls else (),
                      date=iso_day(_field(record, "date")), url=_field(record, "url"),
                      publisher=_field(record, "publisher"))


def iso_day(value: str | None) -> str | None:
    """The YYYY-MM-DD day of a date field («2015-08-03 20:46:16», «2015-08-03T20:46:16Z»), else None."""
    match = _ISO_DAY.match(value or "")
    if not match:
        return None
    year, month, day = map(int, match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None
