"""Bad input, interruptions and rebuilds, through the real `kg` command: clear one-line messages, the build
going on past a bad file, and never a broken or half-written graph.

Exit codes (kg/cli.py): 0 built; 2 an error; 3 built, but some sources were skipped; 130 interrupted (Ctrl-C
or a plain `kill`).
"""

from __future__ import annotations

import gzip
import http.server
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import DCTERMS, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from kg.annotating import MAX_BATCH_CHARS, MAX_CHUNK_CHARS, Annotator, paragraph_chunks, temp_file_prefix
from kg.cleaning import PARAGRAPH_SEPARATOR, clean
from kg.pipeline import load_documents
from kg.reading import read_sources
from kg.records import SourceText
from kg.vocabulary import KG

from .conftest import SEEDS, make_document, models_dir

KG_COMMAND = [sys.executable, "-m", "kg"]
# Entities, facts and documents, and the rules that made the facts (kgrule:, a namespace under kgr:).
RESOURCE_IRI = re.compile(r"^https://w3id\.org/kg-ar/resource/(rule/)?[a-z0-9-]+$")

ARTICLE = """\
لوكاشينكو: سننشر صواريخ إسكندر الروسية في بيلاروسيا

قال الرئيس البيلاروسي ألكسندر لوكاشينكو يوم الجمعة إن روسيا سلمت بلاده أنظمة صواريخ إسكندر، مضيفا أن نشرها \
سيكتمل قبل نهاية العام.

وأكد لوكاشينكو في تصريحات نقلتها وكالة بيلتا أن «مينسك لن تهدد أحدا، لكنها ستدافع عن أرضها».
"""

# An article whose names, quotes and title carry markup, Turtle's long-string quotes and IRI delimiters.
HOSTILE_ARTICLE = """\
<script>alert("kg")</script> بوتين يحذر الغرب

قال الرئيس الروسي فلاديمير بوتين إن "<script>alert('kg')</script> روسيا لن تسمح \"\"\" بأي تهديد > لأمنها".

وأضاف المتحدث باسم الكرملين دميتري <b>بيسكوف</b> أن موسكو سلمت مينسك صواريخ إس-400 \
<img src=x onerror=alert(1)>.

وقال السيناتور جون "دو> <ماكين" إن <a href="javascript:alert(1)">الولايات المتحدة</a> ستدرس الأمر مع كندا.
"""

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(32))
PDF_BYTES = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
ENGLISH = "The minister said on Friday that the talks with Moscow had been useful and would go on.\n"
FRENCH = "Le ministre a déclaré vendredi que les discussions avec Moscou avaient été utiles.\n"


def run_kg(*args: str | Path, timeout: float = 900) -> subprocess.CompletedProcess:
    """The real command line, as a user runs it."""
    return subprocess.run([*KG_COMMAND, *map(str, args)], capture_output=True, text=True, timeout=timeout)


def models_args() -> list[str]:
    folder = models_dir()
    return ["--models", str(folder)] if folder else []


def build_args(*sources: str | Path, out: Path, cache: Path, extra: tuple[str, ...] = ()) -> list[str]:
    return ["build", *map(str, sources), "--out", str(out), "--cache-dir", str(cache), *models_args(), *extra]


def assert_no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, result.stderr


def assert_one_line_error(result: subprocess.CompletedProcess, *fragments: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert_no_traceback(result)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


def warnings_of(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("Warning: ")]


def without_sources(graph: Graph) -> Graph:
    """The graph less its dcterms:source literals (file names differ between copies of one article)."""
    copy = Graph()
    for triple in graph:
        if triple[1] != DCTERMS.source:
            copy.add(triple)
    return copy


def temp_files(*folders: Path) -> list[Path]:
    return [path for folder in folders if folder.exists() for path in folder.rglob("*.tmp")]


def dead_writers_temp_name(name: str) -> str:
    """The temp file name a process that has since died would have used on its way to writing ``name``."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return temp_file_prefix(name).replace(f".{os.getpid()}.", f".{process.pid}.") + "torn.tmp"


# A folder as real dumps come: one good article, the same article under another name, a damaged copy,
# a hostile article, and files that are no articles at all; plus a PNG and a missing path on the command line.
@pytest.fixture(scope="module")
def messy_build(tmp_path_factory: pytest.TempPathFactory, annotation_cache_dir: Path):
    root = tmp_path_factory.mktemp("messy")
    articles = root / "articles"
    (articles / "mirror").mkdir(parents=True)
    (articles / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (articles / "mirror" / "same-story-other-name.txt").write_text(ARTICLE, encoding="utf-8")
    damaged = ARTICLE.encode("utf-8").replace("يوم الجمعة".encode(), b"\xff\xfe\xc3")
    (articles / "damaged.txt").write_bytes(damaged)
    (articles / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (articles / "empty.txt").write_bytes(b"")
    (articles / "blank.txt").write_bytes(b"  \n\t\r\n  \n")
    (articles / "scan.txt").write_bytes(PDF_BYTES)
    (articles / "english.txt").write_text(ENGLISH, encoding="utf-8")
    (articles / "french.txt").write_text(FRENCH, encoding="latin-1")
    (root / "picture.png").write_bytes(PNG_BYTES)
    out = root / "out"
    formats = ("-f", "ttl", "-f", "nt", "-f", "jsonld", "-f", "trig")
    result = run_kg(*build_args(articles, root / "picture.png", root / "missing.txt", out=out,
                                cache=annotation_cache_dir, extra=formats))
    return root, out, result


EXPECTED_SKIPS = {
    "empty.txt": "empty file",
    "blank.txt": "whitespace only",
    "scan.txt": "binary file (a PDF document)",
    "english.txt": "not Arabic text",
    "french.txt": "not Arabic text",
    "picture.png": "binary file (a PNG image)",
    "missing.txt": "no such file or folder",
}


def test_bad_files_are_skipped_with_one_line_each_and_the_build_goes_on(messy_build):
    root, out, result = messy_build
    assert_no_traceback(result)
    assert result.returncode == 3, (result.stdout, result.stderr)
    assert warnings_of(result) == result.stderr.splitlines()  # nothing else: no library noise either
    skipped = [line for line in warnings_of(result) if line.startswith("Warning: skipped ")]
    assert len(skipped) == len(EXPECTED_SKIPS), result.stderr
    for name, reason in EXPECTED_SKIPS.items():
        (line,) = [line for line in skipped if f"{name}: " in line]
        assert line.endswith(f"{name}: {reason}"), line
    assert f"{len(EXPECTED_SKIPS)} skipped" in result.stdout
    stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))
    assert {Path(s["path"]).name: s["reason"] for s in stats["build"]["skipped"]} == EXPECTED_SKIPS
    assert stats["build"]["documents"] == 3 and stats["build"]["sources"] == 4


def test_undecodable_bytes_give_a_warning_and_the_text_is_still_used(messy_build):
    root, out, result = messy_build
    (line,) = [line for line in warnings_of(result) if "damaged.txt" in line]
    assert re.search(r"damaged\.txt: \d+ undecodable bytes? replaced \(read as utf-8\)$", line), line
    graph = Graph().parse(out / "graph.ttl")
    texts = [str(text) for document in graph.subjects(RDF.type, KG.Document)
             for text in graph.objects(document, KG.text)]
    assert any("\ufffd" in text and "لوكاشينكو" in text for text in texts)  # the damaged copy, read as UTF-8


def test_the_same_article_under_two_names_is_one_document_with_both_sources(messy_build):
    root, out, _ = messy_build
    graph = Graph().parse(out / "graph.ttl")
    texts = {d: str(graph.value(d, KG.text)) for d in graph.subjects(RDF.type, KG.Document)}
    (document,) = [d for d, text in texts.items() if "\ufffd" not in text and "لوكاشينكو" in text]
    sources = sorted(Path(str(source)).name for source in graph.objects(document, DCTERMS.source))
    assert sources == ["article.txt", "same-story-other-name.txt"]


def test_names_from_a_hostile_article_become_slug_iris_and_escaped_literals(messy_build):
    root, out, _ = messy_build
    graph = Graph().parse(out / "graph.ttl")
    resources = {term for triple in graph for term in triple
                 if isinstance(term, URIRef) and str(term).startswith("https://w3id.org/kg-ar/resource/")}
    assert resources
    assert not [str(iri) for iri in resources if not RESOURCE_IRI.match(str(iri))]
    # The markup came through as text: it is in the literals, not in the structure.
    literals = " ".join(str(o) for o in graph.objects())
    assert "<script>alert(" in literals and '"""' in literals
    rdf_formats = pyoxigraph.RdfFormat
    for name, rdf_format in [("graph.ttl", rdf_formats.TURTLE), ("graph.nt", rdf_formats.N_TRIPLES),
                             ("graph.jsonld", rdf_formats.JSON_LD), ("graph.trig", rdf_formats.TRIG)]:
        store = pyoxigraph.Store()  # an independent parser of every format written
        store.load(path=str(out / name), format=rdf_format)
        assert len(store) == len(graph), name
        objects = [quad.object for quad in store]
        assert any("<script>alert(" in o.value for o in objects if isinstance(o, pyoxigraph.Literal)), name
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert "<script>alert(" not in page and "<img src=x" not in page and '<a href="javascript' not in page


# Damage that used to pass unseen: a file half in one encoding and half in another, NUL bytes, bidi
# controls in names and quotes, a broken link.
UTF8_HALF = "قال وزير الدفاع الروسي سيرغي شويغو إن بلاده ستسلم بيلاروسيا منظومات إس-400 قبل نهاية العام.\n"
CP1256_HALF = "وأكد الرئيس البيلاروسي ألكسندر لوكاشينكو أن جيش بلاده تسلم الدفعة الأولى من صواريخ إسكندر.\n"
EARLY_NUL = "قالت وزارة الخارجية الصينية إن بكين ترفض أي تدخل أجنبي في شؤونها الداخلية وتدعو إلى الحوار.\n"
LATE_NUL = "وأعلن الجيش الأوكراني أنه تسلم دفعة جديدة من دبابات ليوبارد الألمانية خلال الأسبوع الماضي.\n"
RLO, PDF, LRI, PDI = "\u202e", "\u202c", "\u2066", "\u2069"
BIDI_ARTICLE = (f"بوتين يحذر الغرب\n\nقال الرئيس الروسي فلاديمير {RLO}بوتين{PDF} يوم الخميس إن «روسيا لن "
                f"{RLO}تسمح بنشر صواريخ أمريكية{PDF} في أوروبا مهما كان الثمن».\n\n"
                f"وأضاف أن موسكو سلمت {LRI}مينسك{PDI} صواريخ إسكندر الشهر الماضي.\n")
BIDI_CONTROL = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def damaged_build(tmp_path_factory: pytest.TempPathFactory, annotation_cache_dir: Path):
    root = tmp_path_factory.mktemp("damaged")
    articles = root / "articles"
    articles.mkdir()
    mixed = "تقرير\n".encode() + UTF8_HALF.encode() + CP1256_HALF.encode("cp1256")
    (articles / "mixed.txt").write_bytes(mixed)
    (articles / "early-nul.txt").write_bytes(b"\x00" + EARLY_NUL.encode())
    (articles / "late-nul.txt").write_bytes(LATE_NUL.encode().replace("الماضي".encode(), b"\x00\x00"))
    (articles / "bidi.txt").write_text(BIDI_ARTICLE, encoding="utf-8")
    (articles / "gone.txt").symlink_to(root / "moved-away.txt")
    out = root / "out"
    formats = ("-f", "ttl", "-f", "nt", "-f", "jsonld", "-f", "trig")
    result = run_kg(*build_args(articles, out=out, cache=annotation_cache_dir, extra=formats))
    return root, out, result


def document_texts(graph: Graph) -> list[str]:
    return [str(text) for document in graph.subjects(RDF.type, KG.Document)
            for text in graph.objects(document, KG.text)]


def test_a_file_half_utf8_half_cp1256_loses_neither_half(damaged_build):
    root, out, result = damaged_build
    assert_no_traceback(result)
    (line,) = [line for line in warnings_of(result) if "mixed.txt" in line]
    assert line.endswith("mixed.txt: mixed encodings: 1 of 3 lines read as Windows-1256, the others as UTF-8")
    texts = document_texts(Graph().parse(out / "graph.ttl"))
    assert any(UTF8_HALF.strip() in text and CP1256_HALF.strip() in text for text in texts), texts


def test_nul_bytes_early_or_late_are_removed_with_a_warning_and_the_text_kept(damaged_build):
    root, out, result = damaged_build
    for name, count in (("early-nul.txt", "1 control character"), ("late-nul.txt", "2 control characters")):
        (line,) = [line for line in warnings_of(result) if f"{name}: " in line]
        assert line.endswith(f"{name}: {count} removed (U+0000)"), line
    texts = document_texts(Graph().parse(out / "graph.ttl"))
    assert EARLY_NUL.strip() in texts
    assert any(LATE_NUL.replace("الماضي", "").strip() in text for text in texts)
    for name in ("graph.ttl", "graph.nt", "graph.jsonld", "graph.trig", "graph.html", "stats.json"):
        assert b"\x00" not in (out / name).read_bytes(), name


def test_bidi_controls_of_an_article_reach_no_output(damaged_build):
    root, out, result = damaged_build
    graph = Graph().parse(out / "graph.ttl")
    claims = [str(graph.value(claim, KG.text)) for claim in graph.subjects(RDF.type, KG.Claim)]
    assert any("تسمح بنشر صواريخ أمريكية" in claim for claim in claims), claims
    for name in ("graph.ttl", "graph.nt", "graph.jsonld", "graph.trig", "graph.html", "stats.json"):
        assert not BIDI_CONTROL.search((out / name).read_text(encoding="utf-8")), name
    for command in ("claims", "transfers"):
        listing = run_kg(command, out / "graph.ttl")
        assert listing.returncode == 0, listing.stderr
        assert "بوتين" in listing.stdout or command == "transfers"
        # The isolates around each cell are the table's own; nothing of the article's is left.
        assert not BIDI_CONTROL.search(listing.stdout.replace("\u2068", "").replace("\u2069", "")), command


def test_a_broken_symbolic_link_is_skipped_with_a_warning(damaged_build):
    root, out, result = damaged_build
    assert result.returncode == 3, result.stderr
    assert f"Warning: skipped {root / 'articles' / 'gone.txt'}: broken symbolic link (to " \
        f"{root / 'moved-away.txt'})" in result.stderr.splitlines()


@pytest.mark.parametrize("encoding", ["cp1256", "utf-16", "utf-8-sig"])
def test_other_encodings_give_the_same_graph_as_utf8(
    tmp_path: Path, annotation_cache_dir: Path, encoding: str
):
    graphs = {}
    for name in ("utf-8", encoding):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "article.txt").write_bytes(ARTICLE.encode(name))
        result = run_kg(*build_args(folder, out=tmp_path / f"out-{name}", cache=annotation_cache_dir,
                                    extra=("--no-html", "--quiet")))
        assert result.returncode == 0, result.stderr
        assert_no_traceback(result)
        assert not warnings_of(result)
        graphs[name] = Graph().parse(tmp_path / f"out-{name}" / "graph.ttl")
    assert len(graphs[encoding]) > 20
    assert isomorphic(without_sources(graphs["utf-8"]), without_sources(graphs[encoding]))


def test_when_no_source_is_usable_the_build_stops_with_one_line(tmp_path: Path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "readme.md").write_text("not an article", encoding="utf-8")
    (tmp_path / "english.txt").write_text(ENGLISH, encoding="utf-8")
    result = run_kg(*build_args(tmp_path / "english.txt", tmp_path / "notes", out=tmp_path / "out",
                                cache=tmp_path / "cache"))
    assert_one_line_error(result, "no usable Arabic articles", "english.txt: not Arabic text", "1 more")
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_a_failed_build_leaves_no_empty_out_behind(tmp_path: Path):
    (tmp_path / "english.txt").write_text(ENGLISH, encoding="utf-8")
    result = run_kg(*build_args(tmp_path / "english.txt", out=tmp_path / "new" / "out",
                                cache=tmp_path / "cache"))
    assert_one_line_error(result, "no usable Arabic articles")
    assert not (tmp_path / "new").exists()
    (tmp_path / "kept").mkdir()  # a folder that was there before stays, empty or not
    result = run_kg(*build_args(tmp_path / "english.txt", out=tmp_path / "kept", cache=tmp_path / "cache"))
    assert_one_line_error(result, "no usable Arabic articles")
    assert (tmp_path / "kept").is_dir() and not list((tmp_path / "kept").iterdir())


def test_a_second_build_into_the_same_out_fails_at_once_and_the_first_finishes_whole(tmp_path: Path):
    first_articles, second_articles = tmp_path / "first", tmp_path / "second"
    first_articles.mkdir()
    second_articles.mkdir()
    (first_articles / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (first_articles / "other.txt").write_text(LATE_NUL, encoding="utf-8")
    (second_articles / "article.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    # A fresh cache: the first build loads the models and annotates, long enough for the second to start.
    first = subprocess.Popen([*KG_COMMAND, *build_args(first_articles, out=out, cache=tmp_path / "cache")],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not (out / ".kg-build.lock").exists():
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.02)
        second = run_kg(*build_args(second_articles, out=out, cache=tmp_path / "other-cache"))
        stdout, stderr = first.communicate(timeout=900)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    assert_one_line_error(second, f"--out {out} is in use by another kg build (process {first.pid})")
    assert first.returncode == 0, stderr
    stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))["build"]
    graph = Graph().parse(out / "graph.ttl")
    documents = set(graph.subjects(RDF.type, KG.Document))
    assert stats["documents"] == len(documents) == 2  # graph and stats of the same build
    assert sorted(path.name for path in out.iterdir()) == ["graph.html", "graph.ttl", "stats.json"]


def run_with_umask(mask: int, *args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([*KG_COMMAND, *map(str, args)], capture_output=True, text=True, timeout=900,
                          preexec_fn=lambda: os.umask(mask))


def modes(folder: Path) -> dict[str, int]:
    return {path.name: path.stat().st_mode & 0o777 for path in folder.iterdir()}


def test_outputs_take_the_umask_and_a_replaced_file_keeps_its_mode(
    tmp_path: Path, annotation_cache_dir: Path
):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "article.txt").write_text(ARTICLE, encoding="utf-8")
    out, store = tmp_path / "out", tmp_path / "store"
    args = build_args(tmp_path / "articles", out=out, cache=annotation_cache_dir,
                      extra=("--quiet", "--store", str(store)))
    assert run_with_umask(0o022, *args).returncode == 0
    assert modes(out) == {"graph.ttl": 0o644, "graph.html": 0o644, "stats.json": 0o644}
    assert store.stat().st_mode & 0o777 == 0o755
    (out / "graph.ttl").chmod(0o640)
    (out / "stats.json").chmod(0o664)
    assert run_with_umask(0o077, *args, "-f", "ttl", "-f", "nt").returncode == 0
    assert modes(out) == {"graph.ttl": 0o640, "graph.html": 0o644, "stats.json": 0o664, "graph.nt": 0o600}
    assert store.stat().st_mode & 0o777 == 0o755  # the store it replaced was so
    assert run_with_umask(0o002, "export", out / "graph.ttl", "-o", tmp_path / "graph.jsonld").returncode == 0
    assert run_with_umask(0o002, "viz", out / "graph.ttl", "-o", tmp_path / "page.html").returncode == 0
    assert run_with_umask(0o002, "export", "--store", store, "-o", tmp_path / "dump.nt").returncode == 0
    assert {name: mode for name, mode in modes(tmp_path).items() if "." in name} == {
        "graph.jsonld": 0o664, "page.html": 0o664, "dump.nt": 0o664}


# --out and --cache-dir are checked before anything is read or any model loaded.
def unusable_out(tmp_path: Path, case: str) -> tuple[Path, str]:
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    if case == "a file":
        return a_file, "is a file, not a folder"
    if case == "under a file":
        return a_file / "out", "a-file is a file, not a folder"
    if case == "a folder where graph.ttl goes":
        (tmp_path / "out" / "graph.ttl").mkdir(parents=True)
        return tmp_path / "out", "graph.ttl is a folder where a file goes"
    return Path("/proc/kg-out"), "is not writable"  # root may write anywhere else


@pytest.mark.parametrize("case", ["a file", "under a file", "a folder where graph.ttl goes", "not writable"])
def test_unusable_out_is_one_line_error_before_any_work(tmp_path: Path, case: str):
    out, message = unusable_out(tmp_path, case)
    started = time.monotonic()
    result = run_kg(*build_args(SEEDS, out=out, cache=tmp_path / "cache"))
    assert_one_line_error(result, "--out", message)
    assert not (tmp_path / "cache").exists()  # nothing was annotated, not even the cache made
    assert time.monotonic() - started < 60  # the models (~6 s) and the seeds (minutes) were not touched


@pytest.mark.parametrize("under", [False, True], ids=["a file", "under a file"])
def test_unusable_store_is_one_line_error_before_any_work(tmp_path: Path, under: bool):
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    store = a_file / "store" if under else a_file
    result = run_kg(*build_args(SEEDS, out=tmp_path / "out", cache=tmp_path / "cache",
                                extra=("--store", str(store))))
    assert_one_line_error(result, f"--store {store}", "is a file, not a folder")
    assert not (tmp_path / "cache").exists() and not (tmp_path / "out" / "graph.ttl").exists()


GAZETTEER_HEAD = """@prefix kg: <https://w3id.org/kg-ar/ontology#> .
@prefix kgr: <https://w3id.org/kg-ar/resource/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
kgr:dmitry-krutoy a kg:Person ; rdfs:label "دميتري كروتوي"@ar, "Dmitry Krutoy"@en .
"""


def bad_gazetteer(tmp_path: Path, case: str) -> tuple[Path, str]:
    path = tmp_path / "my-entities.ttl"
    if case == "a folder":
        path.mkdir()
        return path, f"--gazetteer {path} is a folder"
    if case == "missing":
        return path, f"--gazetteer {path}: no such file"
    if case == "a bad date":
        post = ("kgr:post-ambassador a kg:Post ; kg:role kgr:role-ambassador ; kg:jurisdiction kgr:russia ; "
                'kg:holder kgr:dmitry-krutoy ; kg:since "2024-13-45"^^xsd:date .\n')
        path.write_text(GAZETTEER_HEAD + post, encoding="utf-8")
        return path, f'gazetteer file {path}: "2024-13-45" is not a valid xsd:date'
    path.write_text(GAZETTEER_HEAD + "kgr:oops a \n", encoding="utf-8")
    return path, f"gazetteer file {path} is not valid Turtle"


@pytest.mark.parametrize("case", ["a folder", "missing", "a bad date", "not Turtle"])
def test_a_bad_gazetteer_is_one_line_error_before_any_work(tmp_path: Path, case: str):
    gazetteer, message = bad_gazetteer(tmp_path, case)
    result = run_kg(*build_args(SEEDS, out=tmp_path / "out", cache=tmp_path / "cache",
                                extra=("--gazetteer", str(gazetteer))))
    assert_one_line_error(result, message)
    assert "rdflib" not in result.stderr
    assert not (tmp_path / "out").exists() and not (tmp_path / "cache" / "extractions").exists()


def test_unusable_cache_dir_is_one_line_error_before_any_work(tmp_path: Path):
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    result = run_kg(*build_args(SEEDS, out=tmp_path / "out", cache=a_file / "cache"))
    assert_one_line_error(result, "--cache-dir", "a-file is a file, not a folder", "--no-cache")
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_a_corrupt_cache_entry_is_recomputed_with_a_warning(tmp_path: Path, annotation_cache_dir: Path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (document,) = clean(SourceText("article.txt", ARTICLE))
    fingerprint = Annotator(models_dir(), cache_dir=annotation_cache_dir).fingerprint
    relative = Path(fingerprint) / document.doc_id[:2] / f"{document.doc_id}.json.gz"
    args = build_args(tmp_path / "articles", out=tmp_path / "out", cache=tmp_path / "cache",
                      extra=("--no-html", "--quiet"))
    if (annotation_cache_dir / relative).exists():  # borrow the session's entry rather than annotate anew
        (tmp_path / "cache" / relative).parent.mkdir(parents=True)
        shutil.copy(annotation_cache_dir / relative, tmp_path / "cache" / relative)
    else:
        assert run_kg(*args).returncode == 0
        shutil.rmtree(tmp_path / "cache" / "extractions")  # or the next build would not read the entry
    entry = tmp_path / "cache" / relative
    good = gzip.decompress(entry.read_bytes())
    entry.write_bytes(entry.read_bytes()[: len(entry.read_bytes()) // 2])  # as a torn write would leave it
    result = run_kg(*args)
    assert result.returncode == 0, result.stderr
    assert_no_traceback(result)
    (line,) = warnings_of(result)
    assert "article.txt" in line and "corrupt" in line and "annotating again" in line
    assert json.loads(gzip.decompress(entry.read_bytes())) == json.loads(good)
    stats = json.loads((tmp_path / "out" / "stats.json").read_text(encoding="utf-8"))
    assert stats["build"]["annotated_documents"] == 1
    again = run_kg(*args)  # repaired: no warning, nothing annotated
    assert again.returncode == 0 and not warnings_of(again)
    stats = json.loads((tmp_path / "out" / "stats.json").read_text(encoding="utf-8"))
    assert stats["build"]["annotated_documents"] == 0


def rewrite_entry(entry: Path, change) -> None:
    payload = json.loads(gzip.decompress(entry.read_bytes()))
    change(payload)
    entry.write_bytes(gzip.compress(json.dumps(payload).encode("utf-8")))


CORRUPTIONS = {
    "not gzip": lambda entry: entry.write_bytes(b"\x00" * 64),
    "empty": lambda entry: entry.write_bytes(b""),
    "gzip of no JSON": lambda entry: entry.write_bytes(gzip.compress(b"{\"format\": 1, ")),
    "another document's": lambda entry: rewrite_entry(entry, lambda p: p.update(doc_id="0" * 64)),
    "a missing field": lambda entry: rewrite_entry(entry, lambda p: p["sentences"][0].pop("words")),
    "offsets off the text": lambda entry: rewrite_entry(entry, lambda p: p["sentences"][0].update(start=3)),
    "a folder": lambda entry: entry.unlink() or entry.mkdir(),
    "JSON but an array": lambda entry: entry.write_bytes(gzip.compress(b"[1, 2]")),
    "JSON but a string": lambda entry: entry.write_bytes(gzip.compress(b'"an entry"')),
    "deflate data torn": lambda entry: entry.write_bytes(entry.read_bytes()[:12] + b"\xff" * 40),
    "sentences not a list": lambda entry: rewrite_entry(entry, lambda p: p.update(sentences={"a": 1})),
    "a sentence not an object": lambda entry: rewrite_entry(entry, lambda p: p["sentences"].append("s")),
    "a word field of the wrong type": lambda entry: rewrite_entry(
        entry, lambda p: p["sentences"][0]["words"][0].update(upos=["NOUN"])),
}


@pytest.mark.parametrize("corruption", CORRUPTIONS)
def test_every_kind_of_bad_cache_entry_is_recomputed_with_a_warning(
    tmp_path: Path, annotator: Annotator, caplog: pytest.LogCaptureFixture, corruption: str
):
    document = make_document(ARTICLE)
    (expected,) = annotator.annotate([document])
    fresh = Annotator(models_dir(), cache_dir=tmp_path)
    fresh._pipeline = annotator.pipeline  # the models already loaded
    fresh.cache.put(expected)
    (entry,) = tmp_path.rglob("*.json.gz")
    CORRUPTIONS[corruption](entry)
    with caplog.at_level("WARNING", logger="kg"):
        (again,) = fresh.annotate([document])
    assert again == expected and fresh.documents_annotated == 1
    assert [r.getMessage() for r in caplog.records if "corrupt" in r.getMessage()], caplog.text
    assert len([r for r in caplog.records if "corrupt" in r.getMessage()]) == 1  # said once
    caplog.clear()
    (third,) = Annotator(models_dir(), cache_dir=tmp_path).annotate([document])  # the entry was replaced
    assert third == expected and not caplog.records


def test_cache_entries_of_json_but_no_object_are_misses_not_failed_builds(
    tmp_path: Path, annotation_cache_dir: Path
):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (document,) = clean(SourceText("article.txt", ARTICLE))
    fingerprint = Annotator(models_dir(), cache_dir=annotation_cache_dir).fingerprint
    relative = Path(fingerprint) / document.doc_id[:2] / f"{document.doc_id}.json.gz"
    if (annotation_cache_dir / relative).exists():  # borrow the session's entry rather than annotate anew
        (tmp_path / "cache" / relative).parent.mkdir(parents=True)
        shutil.copy(annotation_cache_dir / relative, tmp_path / "cache" / relative)
    args = build_args(tmp_path / "articles", out=tmp_path / "out", cache=tmp_path / "cache",
                      extra=("--no-html", "--quiet"))
    assert run_kg(*args).returncode == 0
    good = Graph().parse(tmp_path / "out" / "graph.ttl")
    extraction_entries = sorted((tmp_path / "cache" / "extractions").rglob("*.*"))
    assert extraction_entries
    for entry in extraction_entries:
        entry.write_bytes(b"[]")
    (tmp_path / "cache" / relative).write_bytes(gzip.compress(b"[]"))
    shutil.rmtree(tmp_path / "cache" / "products")  # else the outputs kept are copied and no entry is read
    result = run_kg(*args)
    assert result.returncode == 0, result.stderr
    assert_no_traceback(result)
    annotation_warning, extraction_warning = sorted(warnings_of(result))
    assert "annotation cache entry" in annotation_warning and "not an object" in annotation_warning
    assert "extraction cache entry" in extraction_warning and "not an object" in extraction_warning
    assert isomorphic(good, Graph().parse(tmp_path / "out" / "graph.ttl"))
    again = run_kg(*args)  # the entries were replaced
    assert again.returncode == 0 and not warnings_of(again), again.stderr


def test_a_cache_that_cannot_take_an_entry_costs_a_warning_not_the_annotation(
    tmp_path: Path, annotator: Annotator, caplog: pytest.LogCaptureFixture
):
    document = make_document(ARTICLE)
    (expected,) = annotator.annotate([document])
    fresh = Annotator(models_dir(), cache_dir=tmp_path)
    fresh._pipeline = annotator.pipeline
    shard = fresh.cache.folder / document.doc_id[:2]
    shard.parent.mkdir(parents=True)
    shard.write_text("a file where the cache's folder goes", encoding="utf-8")
    with caplog.at_level("WARNING", logger="kg"):
        (annotated,) = fresh.annotate([document])
    assert annotated == expected
    assert "cannot write annotation cache entry" in caplog.text and "going on without it" in caplog.text
    assert not temp_files(tmp_path)


# Interrupting a build (Ctrl-C, `kill`, `kill -9`) in the middle of annotating a folder with a fresh cache.
def seed_paragraphs() -> list[str]:
    documents = [d for source in read_sources([SEEDS]) for d in clean(source)]
    return [p for d in documents for p in d.text.split(PARAGRAPH_SEPARATOR) if len(p) > 80]


def write_articles(folder: Path, count: int) -> None:
    """``count`` distinct articles of just over half a Stanza batch each: two articles to a batch, so that
    the cache gains entries batch by batch while the build goes on."""
    paragraphs = seed_paragraphs()
    folder.mkdir()
    for number in range(count):
        lines = [f"تقرير رقم {number + 1} عن العلاقات بين روسيا وبيلاروسيا"]
        position = number * 7
        while len("\n".join(lines)) < MAX_BATCH_CHARS // 2 + 100:
            lines.append(paragraphs[position % len(paragraphs)])
            position += 1
        (folder / f"report-{number + 1:02d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def cache_entries(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.json.gz"))


def start_build_and_signal(args: list[str], cache: Path, more_than: int, signal_number: int):
    """Start a build, wait until the cache holds more than ``more_than`` entries, send the signal."""
    # A shell without job control starts background commands with SIGINT ignored, and Python keeps it so:
    # the build must see Ctrl-C as a terminal would send it, whatever shell runs the tests.
    process = subprocess.Popen([*KG_COMMAND, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 900
        while len(cache_entries(cache)) <= more_than:
            assert process.poll() is None, f"the build ended before the signal: {process.communicate()}"
            assert time.monotonic() < deadline, "no cache entry after 15 minutes"
            time.sleep(0.05)
        process.send_signal(signal_number)
        stdout, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return process.returncode, stdout, stderr


def test_interrupted_builds_leave_the_previous_graph_and_resume_from_the_cache(
    tmp_path: Path, annotation_cache_dir: Path
):
    out = tmp_path / "out"
    previous_sources = tmp_path / "previous"
    previous_sources.mkdir()
    (previous_sources / "article.txt").write_text(ARTICLE, encoding="utf-8")
    first = run_kg(*build_args(previous_sources, out=out, cache=annotation_cache_dir, extra=("-q",)))
    assert first.returncode == 0, first.stderr
    previous = {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.html", "stats.json")}

    articles = tmp_path / "articles"
    write_articles(articles, 8)
    cache = tmp_path / "cache"
    args = build_args(articles, out=out, cache=cache)

    # Ctrl-C once the first batch is in the cache.
    code, stdout, stderr = start_build_and_signal(args, cache, 0, signal.SIGINT)
    assert code == 130, stderr
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines() == ["Interrupted; finished outputs and cache entries are intact."]
    assert {name: (out / name).read_bytes() for name in previous} == previous
    assert not temp_files(out, cache)
    after_interrupt = cache_entries(cache)
    for entry in after_interrupt:  # whole entries only
        assert json.loads(gzip.decompress(entry.read_bytes()))["sentences"]

    # A plain `kill` once the next batch is in: stopped as by Ctrl-C.
    code, stdout, stderr = start_build_and_signal(args, cache, len(after_interrupt), signal.SIGTERM)
    assert code == 130, stderr
    assert stderr.strip().splitlines() == ["Interrupted; finished outputs and cache entries are intact."]
    assert {name: (out / name).read_bytes() for name in previous} == previous
    assert not temp_files(out, cache)
    after_terminate = cache_entries(cache)
    assert len(after_terminate) > len(after_interrupt)

    # A kill -9 once the next batch is in: no chance to clean up.
    code, _, _ = start_build_and_signal(args, cache, len(after_terminate), signal.SIGKILL)
    assert code == -signal.SIGKILL
    assert {name: (out / name).read_bytes() for name in previous} == previous
    after_kill = cache_entries(cache)
    assert len(after_kill) > len(after_terminate)
    # What a kill in the middle of writing an entry or an output leaves behind: hidden temp files.
    torn_entry = after_kill[0].parent / dead_writers_temp_name(after_kill[0].name)
    torn_entry.write_bytes(after_kill[0].read_bytes()[:100])
    (out / dead_writers_temp_name("graph.ttl")).write_bytes(b"@prefix kg: <")

    # The next build resumes: only what the cache lacks goes to Stanza; the temp files are cleared.
    result = run_kg(*args)
    assert result.returncode == 0, result.stderr
    assert_no_traceback(result)
    assert not warnings_of(result)
    stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))["build"]
    assert stats["documents"] == 8
    assert stats["annotated_documents"] == 8 - len(after_kill)
    assert f"({len(after_kill)} from the cache)" in result.stdout
    assert not temp_files(out, cache)
    graph = Graph().parse(out / "graph.ttl")
    assert len(set(graph.subjects(RDF.type, KG.Document))) == 8


# A long document: chunks of bounded size, however the text is laid out.
class CountingPipeline:
    """The real Stanza pipeline, recording how many characters each call receives."""

    def __init__(self, pipeline) -> None:
        self.pipeline = pipeline
        self.characters_per_call: list[int] = []
        self.longest_text = 0

    def __call__(self, documents):
        self.characters_per_call.append(sum(len(document.text) for document in documents))
        self.longest_text = max([self.longest_text, *(len(document.text) for document in documents)])
        return self.pipeline(documents)


def long_paragraph(sentences: int) -> str:
    return " ".join(
        f"وقال المتحدث باسم وزارة الخارجية إن الجولة رقم {n} من المحادثات مع الجانب الروسي انتهت في العاصمة."
        for n in range(1, sentences + 1)
    )


def test_a_long_one_line_document_goes_to_stanza_in_bounded_calls(tmp_path: Path, annotator: Annotator):
    # ~11 K characters in a single paragraph, as a page dumped on one line arrives.
    document = make_document(long_paragraph(110))
    assert PARAGRAPH_SEPARATOR not in document.text and len(document.text) > 2 * MAX_CHUNK_CHARS
    counting = Annotator(models_dir(), cache_dir=tmp_path, use_cache=False)
    counting._pipeline = CountingPipeline(annotator.pipeline)
    (annotated,) = counting.annotate([document])
    calls = counting._pipeline.characters_per_call
    assert len(calls) >= 2 and max(calls) < MAX_BATCH_CHARS + MAX_CHUNK_CHARS, calls
    assert counting._pipeline.longest_text <= MAX_CHUNK_CHARS
    assert [s.index for s in annotated.sentences] == list(range(len(annotated.sentences)))
    assert len(annotated.sentences) >= 100
    for sentence in annotated.sentences:
        assert document.text[sentence.start : sentence.end] == sentence.text
        for word in sentence.words:
            assert sentence.start <= word.start < word.end <= sentence.end


@pytest.mark.parametrize("layout", ["one line", "many paragraphs", "no sentence ends", "no spaces"])
def test_a_document_of_several_megabytes_is_read_and_chunked_fast(tmp_path: Path, layout: str):
    paragraph = long_paragraph(40)
    if layout == "one line":
        text = " ".join([paragraph] * 1000)
    elif layout == "many paragraphs":
        text = "\n".join(f"{paragraph} الفقرة {n}." for n in range(1000))
    elif layout == "no sentence ends":
        text = " ".join([paragraph.replace(".", "")] * 1000)
    else:
        text = "".join([paragraph.replace(" ", "")] * 1000)
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    assert (tmp_path / "long.txt").stat().st_size > 5_000_000
    started = time.monotonic()
    (document,), skipped, _ = load_documents([tmp_path / "long.txt"])
    chunks = paragraph_chunks(document.text)
    assert time.monotonic() - started < 60
    assert not skipped
    assert max(len(chunk) for _, chunk in chunks) <= MAX_CHUNK_CHARS
    assert all(document.text[offset : offset + len(chunk)] == chunk for offset, chunk in chunks)
    covered = sum(len(chunk) for _, chunk in chunks)
    assert covered >= len(document.text) - len(chunks) * len(PARAGRAPH_SEPARATOR)


# Query-side errors: one line each, non-zero exit.
@pytest.fixture(scope="module")
def not_rdf_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("not-rdf")
    files = {
        "prose": folder / "prose.ttl",
        "png": folder / "picture.ttl",
        "broken json-ld": folder / "broken.jsonld",
        "missing": folder / "missing.ttl",
        "folder": folder / "a-folder.ttl",
    }
    files["prose"].write_text(ARTICLE, encoding="utf-8")
    files["png"].write_bytes(PNG_BYTES)
    files["broken json-ld"].write_text('{"@context": {', encoding="utf-8")
    files["folder"].mkdir()
    return files


GRAPH_COMMANDS = {
    "query": ["query", "{graph}", "SELECT * WHERE {{ ?s ?p ?o }} LIMIT 1"],
    "stats": ["stats", "{graph}"],
    "viz": ["viz", "{graph}", "-o", "{tmp}/page.html"],
    "transfers": ["transfers", "{graph}"],
    "claims": ["claims", "{graph}"],
    "export": ["export", "{graph}", "-o", "{tmp}/graph.nt"],
    "eval": ["eval", str(Path(__file__).parent / "gold"), "--graph", "{graph}"],
}


# Every kind of bad file with `kg query`; every other command with two of them.
@pytest.mark.parametrize(
    ("command", "kind"),
    [("query", kind) for kind in ("prose", "png", "broken json-ld", "missing", "folder")]
    + [(command, kind) for command in GRAPH_COMMANDS if command != "query" for kind in ("prose", "missing")],
)
def test_a_graph_file_that_is_not_rdf_is_one_line_error(
    tmp_path: Path, not_rdf_files: dict[str, Path], command: str, kind: str
):
    graph = not_rdf_files[kind]
    args = [part.format(graph=graph, tmp=tmp_path) for part in GRAPH_COMMANDS[command]]
    result = run_kg(*args)
    assert_one_line_error(result, graph.name)
    assert not list(tmp_path.iterdir())  # nothing written


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["SELEC ?s WHERE { ?s ?p ?o }"], "malformed SPARQL"),
        (["SELECT ?s WHERE { ?s ?p "], "malformed SPARQL"),
        (["SELECT ?s WHERE { ?s nope:p ?o }"], "nope"),
        (["--preset", "no-such-preset"], "unknown preset 'no-such-preset'"),
        (["--preset", "said-by", "--param", "no-equals-sign"], "NAME=VALUE"),
        (["--preset", "said-by"], "preset 'said-by' needs --param actor=VALUE: the speaker"),
        (["--preset", "weapons-to-state", "--format", "csv"], "needs --param state=VALUE"),
        (["INSERT DATA { kgr:a kg:b kgr:c }"], "SPARQL updates (INSERT …) are not supported"),
        (["PREFIX ex: <http://example.org/#> DELETE WHERE { ?s ex:p ?o }"], "updates (DELETE …)"),
        (["LOAD <http://example.org/graph.ttl>"], "updates (LOAD …)"),
    ],
    ids=["misspelt keyword", "unclosed", "unknown prefix", "unknown preset", "malformed parameter",
         "a preset without its parameter", "another", "insert", "delete", "load"],
)
def test_bad_queries_are_one_line_errors(messy_build, args: list[str], fragment: str):
    _, out, _ = messy_build
    result = run_kg("query", out / "graph.ttl", *args)
    assert_one_line_error(result, fragment)


def test_a_truncated_turtle_file_says_where_it_ends(tmp_path: Path):
    truncated = tmp_path / "graph.ttl"
    truncated.write_text("@prefix kgr: <https://w3id.org/kg-ar/resource/> .\n"
                         "@prefix dcterms: <http://purl.org/dc/terms/> .\n"
                         "kgr:doc-01-s1 dcterms:isPartOf kgr:doc-01", encoding="utf-8")
    with pytest.raises(IndexError):  # what rdflib alone says of it: "string index out of range"
        Graph().parse(truncated, format="turtle")
    result = run_kg("query", truncated, "SELECT * WHERE { ?s ?p ?o }")
    assert_one_line_error(result, "graph.ttl is not RDF (turtle): Parser error at line 3", "Unexpected end")


class SparqlEndpoint(http.server.BaseHTTPRequestHandler):
    """A SPARQL endpoint on this machine that answers every query with no rows and counts the calls."""

    calls: list[str] = []

    def do_GET(self) -> None:
        self.calls.append(self.path)
        body = json.dumps({"head": {"vars": ["s"]}, "results": {"bindings": []}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def endpoint():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), SparqlEndpoint)
    SparqlEndpoint.calls = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql", SparqlEndpoint.calls
    server.shutdown()


def test_a_service_clause_reaches_no_server_unless_asked(messy_build, endpoint):
    _, out, _ = messy_build
    url, calls = endpoint
    query = f"SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"
    refused = run_kg("query", out / "graph.ttl", query)
    assert_one_line_error(refused, "SERVICE clause", "--allow-service")
    assert calls == []
    allowed = run_kg("query", out / "graph.ttl", query, "--allow-service", "--format", "csv")
    assert allowed.returncode == 0, allowed.stderr
    assert len(calls) == 1


def test_a_query_past_its_time_limit_stops_with_one_line(messy_build):
    _, out, _ = messy_build
    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    started = time.monotonic()
    result = run_kg("query", out / "graph.ttl", endless, "--timeout", "2")
    assert_one_line_error(result, "the query ran longer than the time limit (2 s)")
    assert time.monotonic() - started < 30
    assert result.stdout == ""


def test_debug_shows_the_traceback(messy_build):
    _, out, _ = messy_build
    result = run_kg("--debug", "query", out / "graph.ttl", "SELEC ?s WHERE { ?s ?p ?o }")
    assert result.returncode != 0
    assert "Traceback" in result.stderr
