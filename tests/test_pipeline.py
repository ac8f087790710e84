"""`kg build` end to end on the seeds through the real models."""

from __future__ import annotations

import json
import os
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from kg.normalizing import fold
from kg.pipeline import build
from kg.vocabulary import KG, KGR

from .conftest import SEEDS
from .test_annotating import processor_calls  # noqa: F401  (a fixture)


def nodes_named(graph: Graph, form: str) -> set:
    """Entity nodes carrying this form (folded) as a label or an altLabel."""
    key = fold(form)
    return {
        subject
        for predicate in (RDFS.label, SKOS.altLabel)
        for subject, label in graph.subject_objects(predicate)
        if isinstance(label, Literal) and fold(str(label)) == key
    }


def test_six_documents_one_per_story(seeds_build):
    graph = seeds_build.graph
    documents = set(graph.subjects(RDF.type, KG.Document))
    assert len(documents) == 6 == seeds_build.documents
    sources = [str(s) for d in documents for s in graph.objects(d, DCTERMS.source)]
    assert sum(source.endswith("002_53280a7876b59a8c.txt") for source in sources) == 2


def test_duplicated_body_of_001_appears_once(seeds_build):
    graph = seeds_build.graph
    sentences = [str(t) for s in graph.subjects(RDF.type, KG.Sentence) for t in graph.objects(s, KG.text)]
    assert sum("لا مصلحة لروسيا في ابتلاع أي من كان" in text for text in sentences) == 1


def test_sentence_offsets_point_into_the_stored_document_text(seeds_build):
    graph = seeds_build.graph
    for sentence in graph.subjects(RDF.type, KG.Sentence):
        document = graph.value(sentence, DCTERMS.isPartOf)
        text = str(graph.value(document, KG.text))
        start, end = int(graph.value(sentence, KG.charStart)), int(graph.value(sentence, KG.charEnd))
        assert text[start:end] == str(graph.value(sentence, KG.text))


@pytest.mark.parametrize(
    ("kind", "forms"),
    [
        (KG.Person, ["بوتين", "فلاديمير بوتين"]),
        (KG.Person, ["لوكاشينكو", "لوكاشنكو", "لوكاشنيكو", "ألكسندر لوكاشينكو"]),
        (KG.State, ["روسيا"]),
        (KG.State, ["بيلاروسيا", "بيلاروس", "روسيا البيضاء", "بيلا روسيا"]),
    ],
)
def test_each_real_entity_is_one_node_with_every_spelling(seeds_build, kind, forms):
    graph = seeds_build.graph
    nodes = set().union(*(nodes_named(graph, form) for form in forms))
    assert len(nodes) == 1, f"{forms} spread over {nodes}"
    (node,) = nodes
    assert (node, RDF.type, kind) in graph
    assert any(label.language == "ar" for label in graph.objects(node, RDFS.label))
    for form in forms:
        assert nodes_named(graph, form) == {node}, f"{form} is not among the labels of {node}"


def test_outputs_exist_and_turtle_parses_with_an_independent_parser(seeds_build):
    ttl = seeds_build.outputs["ttl"]
    store = pyoxigraph.Store()
    store.load(path=str(ttl), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(seeds_build.graph)
    count = next(iter(store.query(
        "SELECT (COUNT(?d) AS ?n) WHERE { ?d a <https://w3id.org/kg-ar/ontology#Document> }")))
    assert int(count["n"].value) == 6
    stats = json.loads(seeds_build.outputs["stats"].read_text(encoding="utf-8"))
    assert stats["build"]["documents"] == 6
    assert seeds_build.outputs["html"].stat().st_size > 10_000


def test_every_kg_term_in_the_graph_is_defined_in_the_ontology(seeds_build):
    ontology = Graph().parse(Path(__file__).resolve().parent.parent / "ontologies" / "kg.ttl")
    used = {term for triple in seeds_build.graph for term in triple if str(term).startswith(str(KG))}
    undefined = {term for term in used if (term, None, None) not in ontology}
    assert not undefined


def test_rebuild_of_unchanged_seeds_calls_no_stanza_processor(
    tmp_path: Path, processor_calls: dict[str, int]  # noqa: F811
):
    cache = tmp_path / "cache"
    first = build([SEEDS], tmp_path / "first", cache_dir=cache, html=False)
    assert first.annotated_documents == 6 and processor_calls
    processor_calls.clear()
    second = build([SEEDS], tmp_path / "second", cache_dir=cache, html=False)
    assert processor_calls == {}
    assert second.annotated_documents == 0 and second.stanza_calls == 0
    from rdflib.compare import isomorphic

    assert isomorphic(first.graph, second.graph)


# ---- the extraction cache ---------------------------------------------------------------------------------

@pytest.fixture
def seeds_cache(tmp_path: Path, annotator) -> Path:
    """A cache folder holding the seeds' annotations (copied from the session's) and no extraction."""
    import shutil

    from kg.annotating import Annotator
    from kg.cleaning import clean
    from kg.reading import read_sources

    list(annotator.annotate([d for source in read_sources([SEEDS]) for d in clean(source)]))
    cache = tmp_path / "cache"
    shutil.copytree(annotator.cache.folder, cache / annotator.fingerprint)
    assert Annotator(annotator.models_dir, cache_dir=cache).cache.folder.exists()
    return cache


@pytest.fixture
def extract_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents the build runs the extractors on (the real extractors still run)."""
    from kg.pipeline import Extractor

    calls: list[str] = []
    original = Extractor.extract

    def counting(self, annotated):
        calls.append(annotated.document.doc_id)
        return original(self, annotated)

    monkeypatch.setattr(Extractor, "extract", counting)
    return calls


def _build(sources, out: Path, cache: Path, reuse_outputs: bool = False, **options):
    """A build over ``cache``; unless ``reuse_outputs``, without the outputs an earlier build kept there, so
    that it goes through the annotation and extraction caches these tests are about."""
    from kg.annotating import Annotator

    from .conftest import models_dir

    if not reuse_outputs:
        shutil.rmtree(cache / "products", ignore_errors=True)
    options.setdefault("html", False)
    return build(sources, out, annotator=Annotator(models_dir(), cache_dir=cache), **options)


def test_rebuild_of_an_unchanged_corpus_reads_every_extraction_from_the_cache(
        tmp_path: Path, seeds_cache: Path, extract_calls: list[str]):
    from rdflib.compare import isomorphic

    first = _build([SEEDS], tmp_path / "first", seeds_cache)
    assert len(extract_calls) == first.documents == 6
    extract_calls.clear()
    second = _build([SEEDS], tmp_path / "second", seeds_cache)
    assert extract_calls == []
    assert second.annotated_documents == 0 and "read extraction cache" in second.seconds_by_stage
    assert isomorphic(first.graph, second.graph)


def test_models_start_loading_while_reading_only_when_a_document_needs_them(tmp_path: Path,
                                                                            seeds_cache: Path):
    """The reader's hook starts Stanza's models at the first document no cache holds, and never when every
    document is cached (a warm rebuild loads nothing)."""
    from kg.annotating import Annotator
    from kg.pipeline import _models_warmer, load_documents

    from .conftest import models_dir

    cached = Annotator(models_dir(), cache_dir=seeds_cache)
    load_documents([SEEDS], on_document=_models_warmer(cached, [], clustered=False))
    assert not cached.preloading
    article = tmp_path / "new.txt"
    article.write_text("قال وزير الخارجية إن المحادثات كانت مثمرة وبناءة في العاصمة.\n", encoding="utf-8")
    fresh = Annotator(models_dir(), cache_dir=seeds_cache)
    load_documents([SEEDS, article], on_document=_models_warmer(fresh, [], clustered=False))
    assert fresh.preloading
    assert fresh.pipeline is not None  # the load it started completes


def test_a_cached_extraction_takes_the_sources_the_document_has_now(
        tmp_path: Path, seeds_cache: Path, extract_calls: list[str]):
    import shutil

    _build([SEEDS], tmp_path / "first", seeds_cache)
    extract_calls.clear()
    renamed = tmp_path / "renamed"
    renamed.mkdir()
    for number, seed in enumerate(sorted(SEEDS.glob("*.txt"))):
        shutil.copy(seed, renamed / f"article-{number}.txt")
    result = _build([renamed], tmp_path / "second", seeds_cache)
    assert extract_calls == []
    sources = {str(o) for o in result.graph.objects(None, DCTERMS.source)}
    assert sources and all("article-" in s for s in sources)
    assert not any("000_b4c568853b079921" in s for s in sources)


def test_an_extra_gazetteer_makes_every_document_extracted_again(
        tmp_path: Path, seeds_cache: Path, extract_calls: list[str]):
    _build([SEEDS], tmp_path / "first", seeds_cache)
    extract_calls.clear()
    extra = tmp_path / "ambassadors.ttl"
    extra.write_text(
        """@prefix kg: <https://w3id.org/kg-ar/ontology#> .
@prefix kgr: <https://w3id.org/kg-ar/resource/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
kgr:dmitry-krutoy a kg:Person ; rdfs:label "دميتري كروتوي"@ar, "Dmitry Krutoy"@en .
""", encoding="utf-8")
    result = _build([SEEDS], tmp_path / "second", seeds_cache, gazetteer_files=[extra])
    assert len(extract_calls) == 6
    assert (KGR["dmitry-krutoy"], RDF.type, KG.Person) in result.graph
    extract_calls.clear()
    changed = extra.read_text(encoding="utf-8").replace("Dmitry Krutoy", "D. Krutoy")
    extra.write_text(changed, encoding="utf-8")
    _build([SEEDS], tmp_path / "third", seeds_cache, gazetteer_files=[extra])
    assert len(extract_calls) == 6  # the file's content, not its name, is in the key


def test_an_unreadable_extraction_entry_is_extracted_again(
        tmp_path: Path, seeds_cache: Path, extract_calls: list[str], caplog: pytest.LogCaptureFixture):
    from rdflib.compare import isomorphic

    first = _build([SEEDS], tmp_path / "first", seeds_cache)
    entries = sorted((seeds_cache / "extractions").glob("*/*/*.json"))
    assert len(entries) == 6
    entries[0].write_bytes(entries[0].read_bytes()[:100])  # a half-written entry from another tool
    extract_calls.clear()
    second = _build([SEEDS], tmp_path / "second", seeds_cache)
    assert len(extract_calls) == 1
    assert "unreadable" in caplog.text and "extracting again" in caplog.text
    assert isomorphic(first.graph, second.graph)


def extraction_entries(cache: Path) -> list[Path]:
    return sorted(path for path in (cache / "extractions").rglob("*") if path.is_file())


def changed_entry(change) -> Callable[[bytes], bytes]:
    def rewrite(data: bytes) -> bytes:
        payload = json.loads(data)
        change(payload)
        return json.dumps(payload).encode("utf-8")

    return rewrite


BAD_EXTRACTION_ENTRIES = {
    "JSON but an array": lambda data: b"[]",
    "JSON but a string": lambda data: b'"an entry"',
    "JSON but null": lambda data: b"null",
    "not JSON": lambda data: data[:100],
    "nested past any depth": lambda data: b"[" * 100_000 + b"]" * 100_000,
    "another format": changed_entry(lambda payload: payload.update(format=1)),
    "another document's": changed_entry(lambda payload: payload.update(doc_id="0" * 64)),
    "a part missing": changed_entry(lambda payload: payload.pop("mentions")),
    "a part not a list": changed_entry(lambda payload: payload.update(claims={"a": 1})),
    "a sentence of the wrong length": changed_entry(lambda payload: payload["sentences"][0].pop()),
    "a sentence field of the wrong type": changed_entry(
        lambda payload: payload["sentences"][0].__setitem__(1, 7)),
    "no count of words": changed_entry(lambda payload: payload.pop("words")),
    "a mention an object of another record": changed_entry(
        lambda payload: payload["mentions"].__setitem__(0, {"text": "x"})),
    "offsets off the text": changed_entry(lambda payload: payload["mentions"][0].__setitem__(1, 0)),
    "a mention's via no Via": changed_entry(lambda payload: payload["mentions"][0].__setitem__(6, "nam")),
    "a claim's kind no kind": changed_entry(
        lambda payload: [claim.__setitem__(5, "Quote") for claim in payload["claims"]]),
}


@pytest.mark.parametrize("corruption", BAD_EXTRACTION_ENTRIES)
def test_a_bad_extraction_entry_is_a_miss_dropped_with_a_warning(
        tmp_path: Path, seeds_cache: Path, extract_calls: list[str], caplog: pytest.LogCaptureFixture,
        corruption: str):
    from rdflib.compare import isomorphic

    first = _build([SEEDS], tmp_path / "first", seeds_cache)
    entry = extraction_entries(seeds_cache)[0]
    good = entry.read_bytes()
    entry.write_bytes(BAD_EXTRACTION_ENTRIES[corruption](good))
    extract_calls.clear()
    second = _build([SEEDS], tmp_path / "second", seeds_cache)
    assert len(extract_calls) == 1
    (warning,) = [record.getMessage() for record in caplog.records if record.levelname == "WARNING"]
    assert str(entry) in warning and "extracting again" in warning
    assert isomorphic(first.graph, second.graph)
    assert json.loads(entry.read_bytes()) == json.loads(good)  # replaced by a good entry
    extract_calls.clear()
    caplog.clear()
    _build([SEEDS], tmp_path / "third", seeds_cache)
    assert extract_calls == [] and not caplog.records


# ---- the product cache ------------------------------------------------------------------------------------

def _same_outputs(first, second) -> None:
    for name in ("graph.ttl", "graph.html"):
        assert (first.out_dir / name).read_bytes() == (second.out_dir / name).read_bytes(), name
    first_stats, second_stats = (json.loads((r.out_dir / "stats.json").read_text()) for r in (first, second))
    assert first_stats["analysis"] == second_stats["analysis"]
    assert {k: v for k, v in first_stats["build"].items() if k not in ("seconds_by_stage", "outputs")} == \
        {k: v for k, v in second_stats["build"].items() if k not in ("seconds_by_stage", "outputs")}


def test_a_rebuild_of_the_same_documents_copies_the_outputs_it_kept(
        tmp_path: Path, seeds_cache: Path, extract_calls: list[str]):
    from rdflib.compare import isomorphic

    first = _build([SEEDS], tmp_path / "first", seeds_cache, html=True)
    assert (seeds_cache / "products").is_dir() and len(extract_calls) == 6
    extract_calls.clear()
    second = _build([SEEDS], tmp_path / "second", seeds_cache, reuse_outputs=True, html=True)
    assert extract_calls == [] and "resolve" not in second.seconds_by_stage
    assert "read product cache" in second.seconds_by_stage
    _same_outputs(first, second)
    assert (second.claims, second.transfers, second.tokens) == (first.claims, first.transfers, first.tokens)
    assert isomorphic(first.graph, second.graph)  # read from the kept file when asked for


@pytest.mark.parametrize("change", ["a document more", "a document changed", "another format", "no page"])
def test_outputs_are_made_again_when_anything_they_come_from_changed(
        tmp_path: Path, seeds_cache: Path, extract_calls: list[str], change: str):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    _build([corpus], tmp_path / "first", seeds_cache, html=True)
    options: dict = {"html": True}
    if change == "a document more":
        (corpus / "more.txt").write_text("قال وزير الخارجية إن المحادثات مع الجانب الروسي كانت مثمرة جدا.\n",
                                         encoding="utf-8")
    elif change == "a document changed":
        seed = sorted(corpus.glob("*.txt"))[0]
        added = "\n\nوقال المتحدث إن الاجتماع سيعقد الشهر المقبل.\n"
        seed.write_text(seed.read_text(encoding="utf-8") + added, encoding="utf-8")
    elif change == "another format":
        options["formats"] = ("ttl", "nt")
    else:
        options["html"] = False
    second = _build([corpus], tmp_path / "second", seeds_cache, reuse_outputs=True, **options)
    assert "resolve" in second.seconds_by_stage and "read product cache" in second.seconds_by_stage
    assert (second.out_dir / "graph.html").exists() == options["html"]
    assert (second.out_dir / "graph.nt").exists() == (change == "another format")


@pytest.mark.parametrize("damage", ["a file cut short", "a file gone", "the manifest not JSON"])
def test_a_damaged_product_entry_is_made_again_with_a_warning(
        tmp_path: Path, seeds_cache: Path, caplog: pytest.LogCaptureFixture, damage: str):
    first = _build([SEEDS], tmp_path / "first", seeds_cache, html=True)
    (entry,) = (seeds_cache / "products").iterdir()
    if damage == "a file cut short":
        (entry / "graph.ttl").write_bytes((entry / "graph.ttl").read_bytes()[:1000])
    elif damage == "a file gone":
        (entry / "graph.html").unlink()
    else:
        (entry / "product.json").write_text("{", encoding="utf-8")
    second = _build([SEEDS], tmp_path / "second", seeds_cache, reuse_outputs=True, html=True)
    assert "resolve" in second.seconds_by_stage
    _same_outputs(first, second)
    assert any("damaged" in record.getMessage() for record in caplog.records)
    third = _build([SEEDS], tmp_path / "third", seeds_cache, reuse_outputs=True, html=True)
    assert "resolve" not in third.seconds_by_stage  # the entry was made again, whole
    _same_outputs(first, third)


def test_a_product_folder_left_half_written_by_a_killed_build_goes_later(tmp_path: Path, seeds_cache: Path):
    stale = seeds_cache / "products" / ".0123abcd.killed.tmp"
    fresh = seeds_cache / "products" / ".4567ef01.writing.tmp"
    for folder in (stale, fresh):
        folder.mkdir(parents=True)
        (folder / "graph.ttl").write_text("half", encoding="utf-8")
    os.utime(stale, (0, 0))
    _build([SEEDS], tmp_path / "out", seeds_cache, reuse_outputs=True)
    assert not stale.exists() and fresh.exists()  # another build may be writing the fresh one


def test_no_cache_neither_reads_nor_keeps_outputs(tmp_path: Path):
    cache = tmp_path / "cache"
    build([SEEDS], tmp_path / "first", cache_dir=cache, use_cache=False, html=False)
    assert not (cache / "products").exists()


class CreatesFolder:
    """Unpickling this creates a folder: what any code could do in its place."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __reduce__(self):
        return os.mkdir, (str(self.folder),)


def test_a_pickle_in_the_extraction_cache_runs_no_code(
        tmp_path: Path, seeds_cache: Path, extract_calls: list[str], caplog: pytest.LogCaptureFixture):
    first = _build([SEEDS], tmp_path / "first", seeds_cache)
    marker = tmp_path / "code-ran"
    entries = extraction_entries(seeds_cache)
    assert len(entries) == first.documents
    for entry in entries:  # whoever can write the cache folder puts a pickle where each entry is
        entry.write_bytes(pickle.dumps(CreatesFolder(marker)))
    extract_calls.clear()
    _build([SEEDS], tmp_path / "second", seeds_cache)
    assert not marker.exists()
    assert len(extract_calls) == first.documents
    assert caplog.text.count("extracting again") == first.documents


def test_no_cache_neither_reads_nor_writes_extractions(tmp_path: Path, seeds_cache: Path,
                                                       extract_calls: list[str], annotator):
    from kg.annotating import Annotator

    _build([SEEDS], tmp_path / "first", seeds_cache)
    extract_calls.clear()
    before = sorted((seeds_cache / "extractions").rglob("*.json"))
    uncached = Annotator(annotator.models_dir, cache_dir=seeds_cache, use_cache=False)
    uncached._pipeline = annotator.pipeline  # the session's loaded models: annotating again is the point
    result = build([SEEDS], tmp_path / "second", annotator=uncached, html=False)
    assert len(extract_calls) == 6 and result.annotated_documents == 6
    assert sorted((seeds_cache / "extractions").rglob("*.json")) == before


def test_the_extraction_fingerprint_follows_models_and_language_data(tmp_path: Path):
    from kg.extracting.cache import extraction_fingerprint

    extra = tmp_path / "extra.ttl"
    extra.write_text("# nothing yet\n", encoding="utf-8")
    base = extraction_fingerprint("models-a", [extra])
    assert base == extraction_fingerprint("models-a", [extra])
    assert base != extraction_fingerprint("models-b", [extra])
    assert base != extraction_fingerprint("models-a")
    extra.write_text("# something else\n", encoding="utf-8")
    assert base != extraction_fingerprint("models-a", [extra])
