"""News as it arrives: dumps of records (JSON Lines, JSON, CSV) with their date, outlet and URL kept in the
graph; `kg build --date`; and a role resolved to whoever held it on the article's date — never a guess
when the article has no date."""

from __future__ import annotations

import csv
import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from kg.reading import Skipped, read_sources
from kg.vocabulary import KG

from .conftest import PROJECT_ROOT

CORPUS = PROJECT_ROOT.parent / "shared" / "data" / "saudinewsnet" / "articles.jsonl.gz"
SENTENCE = "قال الرئيس الأمريكي إن بلاده ستواصل دعم حلفائها في المنطقة خلال السنوات المقبلة."


def _saudinewsnet_records(count: int) -> list[dict]:
    records = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if 150 <= len(record["content"].split()) <= 400:
                records.append(record)
            if len(records) == count:
                return records
    return records


@pytest.fixture(scope="module")
def dump_build(tmp_path_factory: pytest.TempPathFactory, annotator):
    from kg.pipeline import build

    folder = tmp_path_factory.mktemp("dump")
    records = _saudinewsnet_records(20)
    dump = folder / "news.jsonl"
    dump.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return records, build([dump], tmp_path_factory.mktemp("out"), annotator=annotator, html=False)


def test_a_jsonl_dump_of_saudinewsnet_builds_with_each_documents_date_outlet_and_url(dump_build):
    records, result = dump_build
    graph = result.graph
    documents = list(graph.subjects(RDF.type, KG.Document))
    urls = {str(graph.value(d, DCTERMS.identifier)): d for d in documents}
    assert len(records) == 20
    for record in records:
        document = urls.get(record["url"])
        assert document is not None, record["url"]
        day = Literal(record["date_extracted"][:10], datatype=XSD.date)
        assert graph.value(document, DCTERMS.date) == day
        assert str(graph.value(document, DCTERMS.publisher)) == record["source"]
        assert str(graph.value(document, KG.dateFrom)) == "record"


def _read(path: Path) -> list:
    return list(read_sources([path]))


def test_json_and_csv_dumps_in_the_shapes_of_news_please_and_trafilatura(tmp_path: Path):
    body = "أعلنت وزارة الدفاع أن القوات تسلمت شحنة جديدة من المعدات العسكرية أمس."
    (tmp_path / "news.json").write_text(json.dumps([
        {"title": "شحنة", "maintext": body, "date_publish": "2019-03-04 10:00:00", "url": "https://a.example/1",
         "source_domain": "a.example"}]), encoding="utf-8")
    with (tmp_path / "news.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["title", "text", "date", "url", "sitename"])
        writer.writeheader()
        writer.writerow({"title": "شحنة", "text": body, "date": "2020-01-02T08:00:00Z",
                         "url": "https://b.example/2", "sitename": "B News"})
    json_source, = _read(tmp_path / "news.json")
    csv_source, = _read(tmp_path / "news.csv")
    assert (json_source.date, json_source.publisher, json_source.url) == ("2019-03-04", "a.example",
                                                                          "https://a.example/1")
    assert (csv_source.date, csv_source.publisher, csv_source.url) == ("2020-01-02", "B News",
                                                                       "https://b.example/2")
    assert json_source.text.startswith("شحنة\n") and body in json_source.text


def test_a_broken_dump_or_record_is_skipped_with_a_reason(tmp_path: Path):
    (tmp_path / "broken.jsonl").write_text('{"content": "نص"}\n{not json\n', encoding="utf-8")
    (tmp_path / "empty-record.jsonl").write_text('{"title": "عنوان فقط"}\n', encoding="utf-8")
    broken, = _read(tmp_path / "broken.jsonl")
    assert isinstance(broken, Skipped) and "line 2 is not JSON" in broken.reason
    empty, = _read(tmp_path / "empty-record.jsonl")
    assert isinstance(empty, Skipped) and "no text" in empty.reason and empty.path.endswith(":1")


def _kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=600)


def test_build_date_dates_the_articles_that_give_none_and_a_bad_date_is_one_error_line(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text("تصريح\n" + SENTENCE, encoding="utf-8")
    bad = _kg("build", str(article), "--out", str(tmp_path / "bad"), "--date", "2015-13-45")
    assert bad.returncode == 2 and bad.stderr.strip().startswith("Error: --date")
    assert len(bad.stderr.strip().splitlines()) == 1
    good = _kg("build", str(article), "--out", str(tmp_path / "out"), "--date", "2018-06-01", "--quiet",
               "--no-html")
    assert good.returncode == 0, good.stderr
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    document = next(graph.subjects(RDF.type, KG.Document))
    assert str(graph.value(document, DCTERMS.date)) == "2018-06-01"
    assert str(graph.value(document, KG.dateFrom)) == "option"


@pytest.fixture(scope="module")
def dated_speakers(tmp_path_factory: pytest.TempPathFactory, annotator) -> dict[str | None, set[str]]:
    """The English names of the speakers of one sentence, dated each way: {date: names}."""
    from kg.pipeline import build

    folder = tmp_path_factory.mktemp("dated")
    dates = ("2008-06-01", "2015-06-01", "2018-06-01", "2023-06-01", None)
    # Three stories (the same words under one title would be one document, dated once).
    titles = ("تصريح عن الحلفاء", "الحلفاء في المنطقة", "دعم الحلفاء", "حلفاء واشنطن", "واشنطن والحلفاء")
    records = [{"file": f"{date or 'undated'}.txt", "title": title, "content": SENTENCE,
                **({"date": date} if date else {})} for date, title in zip(dates, titles, strict=True)]
    dump = folder / "dated.jsonl"
    dump.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    graph = build([dump], tmp_path_factory.mktemp("out"), annotator=annotator, html=False).graph
    speakers: dict[str | None, set[str]] = {date: set() for date in dates}
    for claim in graph.subjects(RDF.type, KG.Claim):
        speaker = graph.value(claim, KG.speaker)
        names = {str(o) for o in graph.objects(speaker, RDFS.label) if o.language == "en"}
        for date in dates:
            if any(str(s).endswith(f"{date or 'undated'}.txt") for s in _sources_of(graph, claim)):
                speakers[date] |= names
    return speakers


def _sources_of(graph: Graph, fact) -> set[str]:
    from rdflib.namespace import PROV

    return {str(source) for sentence in graph.objects(fact, PROV.wasDerivedFrom)
            for document in graph.objects(sentence, DCTERMS.isPartOf)
            for source in graph.objects(document, DCTERMS.source)}


@pytest.mark.parametrize(("date", "holder"), [
    ("2008-06-01", "George W. Bush"), ("2015-06-01", "Barack Obama"), ("2018-06-01", "Donald Trump"),
    ("2023-06-01", "Joe Biden")])
def test_a_role_is_whoever_held_it_on_the_articles_date(dated_speakers, date: str, holder: str):
    assert dated_speakers[date] == {holder}


def test_an_undated_role_is_no_guess(dated_speakers):
    assert not dated_speakers[None] & {"George W. Bush", "Barack Obama", "Donald Trump", "Joe Biden"}


def test_a_folder_of_saved_web_pages_builds_with_each_pages_date_site_and_url(tmp_path: Path, annotator):
    from kg.pipeline import build

    from .test_reading import PAGE

    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "rafale.html").write_text(PAGE, encoding="utf-8")
    graph = build([tmp_path / "pages"], tmp_path / "out", annotator=annotator, html=False).graph
    (document,) = graph.subjects(RDF.type, KG.Document)
    assert graph.value(document, DCTERMS.date) == Literal("2015-07-21", datatype=XSD.date)
    assert str(graph.value(document, DCTERMS.publisher)) == "الأهرام"
    assert str(graph.value(document, DCTERMS.identifier)) == "https://ahram.example/news/1234"
    assert list(graph.subjects(RDF.type, KG.Transfer))  # the story itself was read, not the menus
