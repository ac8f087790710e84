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


OTHER_PARAGRAPH = "وأكد وزير الخارجية أن المحادثات مع الجانب الصيني كانت مثمرة وأن الجانبين سيلتقيان قريبا.\n"


@pytest.mark.parametrize("utf8_first", [True, False], ids=["utf-8 then cp1256", "cp1256 then utf-8"])
def test_a_file_half_utf8_half_cp1256_keeps_both_halves_and_says_so(tmp_path: Path, utf8_first: bool):
    halves = [ARTICLE.encode("utf-8"), OTHER_PARAGRAPH.encode("cp1256")]
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"".join(halves if utf8_first else halves[::-1]))
    (source,) = read_sources([path])
    assert ARTICLE in source.text and OTHER_PARAGRAPH in source.text
    assert source.problems == ("mixed encodings: 1 of 2 lines read as Windows-1256, the others as UTF-8",)


def test_a_cp1256_file_with_ascii_lines_is_not_mixed(tmp_path: Path):
    path = tmp_path / "article.txt"
    path.write_bytes(b"Reuters, 2024-05-24\n" + ARTICLE.encode("cp1256") + b"(c) 2024\n")
    (source,) = read_sources([path])
    assert ARTICLE in source.text and source.encoding == "cp1256" and not source.problems


def test_a_utf8_line_with_a_stray_byte_stays_utf8(tmp_path: Path):
    path = tmp_path / "article.txt"
    damaged = ARTICLE.encode("utf-8").replace("دفاع".encode(), b"\xff")
    path.write_bytes(damaged + OTHER_PARAGRAPH.encode("utf-8"))
    (source,) = read_sources([path])
    assert "\ufffd" in source.text and "البيلاروسي" in source.text and OTHER_PARAGRAPH in source.text
    assert source.problems == ("1 undecodable byte replaced (read as utf-8)",)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"\x00" + ARTICLE.encode(), "1 control character removed (U+0000)"),
        (ARTICLE.encode() + b"\x00", "1 control character removed (U+0000)"),
        (ARTICLE.encode().replace(b" ", b" \x00\x1b", 2), "4 control characters removed (U+0000, U+001B)"),
        (ARTICLE.encode() + b"\x00" * 10_000, "10000 control characters removed (U+0000)"),
    ],
    ids=["an early NUL", "a late NUL", "NUL and ESC", "NUL padding"],
)
def test_control_characters_are_removed_wherever_they_are_and_the_text_kept(
    tmp_path: Path, content: bytes, problem: str
):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    (source,) = read_sources([path])
    assert source.text == ARTICLE
    assert source.problems == (problem,)


def test_layout_controls_end_a_line(tmp_path: Path):
    path = tmp_path / "article.txt"
    path.write_bytes(ARTICLE.encode() + b"\x0c" + OTHER_PARAGRAPH.encode())
    (source,) = read_sources([path])
    assert source.text == ARTICLE + "\n" + OTHER_PARAGRAPH and not source.problems


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (bytes(range(256)) * 16, "binary file"),
        (b"\x7fELF\x02\x01\x01" + bytes(64), "binary file (an executable)"),
        (b"\x00" * 512, "no text, only control characters"),
    ],
    ids=["random bytes", "an executable", "only NUL"],
)
def test_binary_files_are_still_skipped(tmp_path: Path, content: bytes, reason: str):
    path = tmp_path / "data.txt"
    path.write_bytes(content)
    assert list(read_sources([path])) == [Skipped(str(path), reason)]


def test_broken_symbolic_links_are_skipped_with_a_reason(tmp_path: Path):
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "folder" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "link.txt").symlink_to("missing.txt")
    items = list(read_sources([tmp_path / "folder", tmp_path / "link.txt"]))
    assert [type(item).__name__ for item in items] == ["SourceText", "Skipped", "Skipped"]
    assert items[1] == Skipped(str(tmp_path / "folder" / "gone.txt"),
                               f"broken symbolic link (to {tmp_path / 'nowhere.txt'})")
    assert items[2] == Skipped(str(tmp_path / "link.txt"), "broken symbolic link (to missing.txt)")


def test_a_short_article_with_a_few_stray_control_bytes_is_text_not_binary(tmp_path):
    from kg.reading import SourceText, read_sources

    article = "قال الرئيس الروسي فلاديمير بوتين إن بلاده ستسلم بيلاروسيا صواريخ إسكندر قبل نهاية العام"
    path = tmp_path / "article.txt"
    path.write_bytes(b"\x01\x01" + article.encode("cp1256") + b"\n\x01\x01\n\x01\n")
    (source,) = read_sources([path])
    assert isinstance(source, SourceText), source
    assert article in source.text and "\x01" not in source.text


PAGE = """<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>مصر تتسلم الرافال | الأهرام</title>
<meta property="og:site_name" content="الأهرام">
<meta property="article:published_time" content="2015-07-21T10:00:00+02:00">
<link rel="canonical" href="https://ahram.example/news/1234"></head>
<body><nav><a href="/">الرئيسية</a> | <a href="/politics">سياسة</a> | <a href="/sport">رياضة</a></nav>
<article><h1>مصر تتسلم الرافال</h1>
<p>وتسلمت مصر أمس ثلاث طائرات رافال من فرنسا في قاعدة جوية قرب القاهرة، بحسب مصادر عسكرية مطلعة.</p>
<p>وقال المتحدث العسكري إن الطائرات ستشارك في تأمين الاحتفالات الرسمية المقبلة في البلاد كلها.</p></article>
<aside><h3>الأكثر قراءة</h3><ul><li>الهلال يفوز على النصر</li><li>أسعار الذهب اليوم</li></ul></aside>
<footer>جميع الحقوق محفوظة لمؤسسة الأهرام 2015</footer></body></html>"""


def test_a_saved_web_page_gives_its_main_text_date_site_and_url(tmp_path: Path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (source,) = read_sources([tmp_path])
    assert not isinstance(source, Skipped)
    assert "وتسلمت مصر أمس ثلاث طائرات رافال" in source.text
    assert "وقال المتحدث العسكري" in source.text
    assert "الرئيسية" not in source.text and "الأكثر قراءة" not in source.text
    assert "جميع الحقوق" not in source.text
    assert (source.date, source.url, source.publisher) == ("2015-07-21", "https://ahram.example/news/1234",
                                                           "الأهرام")


def test_a_web_page_without_a_story_is_skipped_with_a_reason(tmp_path: Path):
    (tmp_path / "menu.htm").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>",
                                       encoding="utf-8")
    (skipped,) = read_sources([tmp_path / "menu.htm"])
    assert isinstance(skipped, Skipped) and skipped.reason
