"""One measurement per process, so that each peak RSS is its own.

    python bench/measure.py KIND --json FILE …

Kinds:
  kg-cold      kg's build with an empty annotation cache (models loaded first, Stanza timed per processor)
  kg-warm      the same build again, everything from the cache
  stanza       the same cleaned texts through a bare stanza.Pipeline with every Arabic processor (the
               dependency parser too, which kg does not run)
  fan-out      kg's build on a local Dask cluster (--workers N), or in-process with --workers 0
  graph-rdflib / graph-oxigraph
               load a large graph, export it as Turtle and run every preset query, on rdflib's memory
               store or on the persistent Oxigraph store
bench/run.py runs them all and writes BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# The reference kg is measured against: Stanza's full Arabic pipeline, as a user of Stanza alone runs it.
BARE_PIPELINE = "tokenize,mwt,pos,lemma,depparse,ner"

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def peak_rss_mb() -> float:
    """This process's peak resident memory, in MB (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def time_processors(pipeline, seconds: dict[str, float] | None = None) -> dict[str, float]:
    """Wrap each Stanza processor's process and bulk_process with a timer; the dict (``seconds``, or a new
    one) fills as it runs.

    bulk_process may call process on the same processor: only the outermost call is counted.
    """
    seconds = {} if seconds is None else seconds
    for name, processor in pipeline.processors.items():
        depth = [0]
        for method_name in ("process", "bulk_process"):
            original = getattr(processor, method_name)

            def timed(doc, _original=original, _name=name, _depth=depth):
                _depth[0] += 1
                started = time.perf_counter()
                try:
                    return _original(doc)
                finally:
                    _depth[0] -= 1
                    if _depth[0] == 0:
                        seconds[_name] = seconds.get(_name, 0.0) + time.perf_counter() - started

            setattr(processor, method_name, timed)
    return seconds


def _torch_threads() -> int:
    import torch

    return torch.get_num_threads()


def _models_dir() -> str:
    from kg.annotating import resolve_models_dir

    return str(resolve_models_dir(None))


def measure_kg(corpus: Path, cache_dir: Path, out_dir: Path, cold: bool, profile: Path | None) -> dict:
    from kg.annotating import Annotator
    from kg.pipeline import build

    annotator = Annotator(_models_dir(), cache_dir=cache_dir)
    figures: dict = {}
    stanza_seconds: dict[str, float] = {}
    if cold:
        started = time.perf_counter()
        annotator.pipeline  # noqa: B018 (load the models now, to time them and to wrap their processors)
        figures["load models"] = time.perf_counter() - started
        stanza_seconds = time_processors(annotator.pipeline)
    profiler = None
    if profile is not None:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.005)
        profiler.start()
    started = time.perf_counter()
    result = build([corpus], out_dir, annotator=annotator, html=True)
    wall = time.perf_counter() - started
    if profiler is not None:
        profiler.stop()
        profile.write_text(profiler.output_text(unicode=True, color=False, show_all=False), encoding="utf-8")
    return {
        "wall": wall + figures.get("load models", 0.0),
        "build": wall,
        "load_models": figures.get("load models", 0.0),
        "stages": result.seconds_by_stage,
        "stanza_processors": stanza_seconds,
        "torch_threads": _torch_threads(),
        "documents": result.documents,
        "sentences": result.sentences,
        "tokens": result.tokens,
        "annotated_documents": result.annotated_documents,
        "stanza_calls": result.stanza_calls,
        "triples": len(result.graph),
        "claims": result.claims,
        "transfers": result.transfers,
        "entities": result.entities_by_kind,
        "peak_rss_mb": peak_rss_mb(),
    }


def measure_stanza(corpus: Path) -> dict:
    """The reference: whole cleaned documents through stanza.Pipeline in batches, nothing else."""
    import stanza
    import torch

    from kg.annotating import LANGUAGE, MAX_BATCH_CHARS, cpu_threads
    from kg.pipeline import load_documents

    documents, _, _ = load_documents([corpus])
    models_dir = _models_dir()
    started = time.perf_counter()
    threads = cpu_threads()  # the same threads as kg's: the comparison is of the work, not of the threading
    if threads is not None:
        torch.set_num_threads(threads)
    pipeline = stanza.Pipeline(LANGUAGE, dir=models_dir, processors=BARE_PIPELINE,
                               download_method=None, use_gpu=torch.cuda.is_available(), logging_level="WARN")
    load = time.perf_counter() - started
    stanza_seconds = time_processors(pipeline)
    sentences = words = 0
    started = time.perf_counter()
    batch: list[str] = []
    chars = 0
    for position, document in enumerate(documents):
        batch.append(document.text)
        chars += len(document.text)
        if chars >= MAX_BATCH_CHARS or position == len(documents) - 1:
            for annotated in pipeline([stanza.Document([], text=text) for text in batch]):
                sentences += len(annotated.sentences)
                words += sum(len(sentence.words) for sentence in annotated.sentences)
            batch, chars = [], 0
    process = time.perf_counter() - started
    return {
        "wall": load + process,
        "load_models": load,
        "process": process,
        "stanza_processors": stanza_seconds,
        "documents": len(documents),
        "sentences": sentences,
        "tokens": words,
        "device": "cuda" if torch.cuda.is_available() else "cpu",
        "torch_threads": torch.get_num_threads(),
        "peak_rss_mb": peak_rss_mb(),
    }


def measure_fan_out(corpus: Path, cache_dir: Path, out_dir: Path, workers: int) -> dict:
    from kg.pipeline import build

    started = time.perf_counter()
    result = build([corpus], out_dir, models_dir=_models_dir(), cache_dir=cache_dir, html=False,
                   workers=workers or None)
    return {
        "wall": time.perf_counter() - started,
        "workers": workers,
        "torch_threads": _torch_threads(),
        "stages": result.seconds_by_stage,
        "documents": result.documents,
        "annotated_documents": result.annotated_documents,
        "triples": len(result.graph),
        "graph_nt": result.graph.serialize(format="nt"),
        "peak_rss_mb": peak_rss_mb(),
    }


# ---------------------------------------------------------------------------------------------------------
# The graph at scale


class QueryTimeout(BaseException):  # not an Exception: kg.querying wraps those in QueryError
    pass


def _with_timeout(seconds: float, run: Callable[[], object]) -> object:
    """Run ``run``, raising QueryTimeout after ``seconds`` (rdflib evaluates in Python: the alarm lands)."""

    def on_alarm(signum, frame):
        raise QueryTimeout()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return run()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


PresetRun = tuple[str, str, str, dict[str, str], int | None]  # label, run, text, params, limit


def preset_runs(parameters: dict[str, dict[str, str]]) -> list[PresetRun]:
    """(preset label, run, query text, params, limit): every preset as it stands (unbound), then each
    parameterized preset once per given binding (by IRI and by name); each of them twice: the page the
    CLI shows by default (`kg query --preset NAME`) and every row (`--limit 0`). The texts are read once,
    so that every run of one benchmark asks the same questions."""
    from kg.cli import DEFAULT_PAGE
    from kg.querying import list_presets

    bindings = []
    for preset in list_presets():
        bindings.append((preset.name, preset.text, {}))
        for parameter in preset.parameters:
            for how, value in parameters.get(parameter.name, {}).items():
                bindings.append((f"{preset.name} ({parameter.name} by {how})", preset.text,
                                 {parameter.name: value}))
    return [(label, run, text, params, limit)
            for label, text, params in bindings
            for run, limit in (("page", DEFAULT_PAGE), ("all", None))]


# Short runs are timed this many times and the median kept, on both stores alike: the machine is shared,
# and one run of a tenth of a second says more about the neighbours than about the query.
REPEATS = 5
SHORT_RUN = 5.0  # seconds; a run longer than this is timed once


def _median_run(run: Callable[[], object]) -> tuple[float, object]:
    """Seconds a run takes (the median of REPEATS when it is short) and what it gave."""
    times, result = [], None
    for _ in range(REPEATS):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
        if times[-1] > SHORT_RUN:
            break
    return sorted(times)[len(times) // 2], result


def run_presets(graph, parameters: dict, timeout: float, native=None) -> dict[str, dict]:
    """Time each preset through kg.querying.run_query, as `kg query` runs it; with ``native`` (a pyoxigraph
    Store), also the same prepared texts on Oxigraph alone (the page's query and, when the page is full,
    the query for the row after it), rows written as TSV by Oxigraph but not read into Python terms: the
    engine's share of the time.

    The timeout stops rdflib's engine (Python); Oxigraph's runs in Rust and cannot be stopped from here."""
    import pyoxigraph as ox

    from kg.querying import prepare_query, run_query

    timings = {}
    for label, run, text, params, limit in preset_runs(parameters):
        key = f"{label} [{run}]"
        entry: dict = {"preset": label, "run": run, "limit": limit}
        try:
            seconds, result = _median_run(lambda text=text, params=params, limit=limit: _with_timeout(
                timeout, lambda: run_query(graph, text, params, limit=limit)))
            entry.update(seconds=seconds, rows=len(result.rows), more=result.more)
            if native is not None:
                prepared = prepare_query(graph, text, params, limit=limit)
                texts = [prepared.text]
                if prepared.probe_text is not None and len(result.rows) >= (limit or 0):
                    texts.append(prepared.probe_text)
                engine_seconds, _ = _median_run(lambda texts=texts: [
                    native.query(each).serialize(format=ox.QueryResultsFormat.TSV) for each in texts])
                entry.update(engine_seconds=engine_seconds)
        except QueryTimeout:
            entry.update(seconds=None, timeout=timeout)
        except Exception as error:  # a preset being written may fail: report it, measure the rest
            entry.update(seconds=None, error=f"{type(error).__name__}: {error}"[:300])
        timings[key] = entry
    return timings


def measure_graph_rdflib(graph_file: Path, parameters: dict, timeout: float) -> dict:
    from rdflib import Graph

    from kg.exporting import export_graph

    started = time.perf_counter()
    graph = Graph()
    graph.parse(str(graph_file), format="turtle")
    load = time.perf_counter() - started
    triples = len(graph)
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        export_graph(graph, Path(folder) / "graph.ttl", "ttl")
        export = time.perf_counter() - started
    queries = run_presets(graph, parameters, timeout)
    return {"load": load, "export": export, "triples": triples, "queries": queries,
            "peak_rss_mb": peak_rss_mb()}


def measure_graph_oxigraph(graph_file: Path, store_dir: Path, timeout: float) -> dict:
    from kg.storing import dump_store, open_store, write_store

    started = time.perf_counter()
    write_store(graph_file, store_dir)
    load = time.perf_counter() - started
    started = time.perf_counter()
    graph = open_store(store_dir)
    opened = time.perf_counter() - started
    triples = len(graph)
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        dump_store(store_dir, Path(folder) / "graph.ttl")
        export = time.perf_counter() - started
    parameters = busiest(graph)
    from kg.querying import oxigraph_store

    queries = run_presets(graph, parameters, timeout, native=oxigraph_store(graph))
    return {"load": load, "open": opened, "export": export, "triples": triples, "queries": queries,
            "parameters": parameters, "peak_rss_mb": peak_rss_mb()}


def busiest(graph) -> dict[str, dict[str, str]]:
    """Bindings for the parameterized presets: the busiest speaker, recipient and most-reported claim,
    each by IRI and (for entities) by its Arabic name. The busiest is the worst case for a query."""
    most = "GROUP BY ?x ORDER BY DESC(?n) LIMIT 1"
    ask = {
        "actor": f"SELECT ?x (COUNT(*) AS ?n) WHERE {{ ?c kg:speaker ?x }} {most}",
        "state": f"SELECT ?x (COUNT(*) AS ?n) WHERE {{ ?t kg:recipient ?x }} {most}",
        "fact": f"SELECT ?x (COUNT(*) AS ?n) WHERE {{ ?x a kg:Claim ; prov:wasDerivedFrom ?s }} {most}",
    }
    from kg.querying import run_query

    parameters: dict[str, dict[str, str]] = {}
    for name, query in ask.items():
        rows = run_query(graph, query).rows
        if not rows:
            continue
        iri = rows[0][0]
        parameters[name] = {"IRI": f"<{iri}>"}
        if name != "fact":
            query = f'SELECT ?l WHERE {{ <{iri}> rdfs:label ?l FILTER(lang(?l) = "ar") }}'
            label = run_query(graph, query).rows
            if label:
                parameters[name]["name"] = str(label[0][0])
    return parameters


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=("kg-cold", "kg-warm", "stanza", "fan-out", "graph-rdflib",
                                         "graph-oxigraph"))
    parser.add_argument("--json", type=Path, required=True, help="where to write the figures")
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--cache-dir", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--profile", type=Path, help="write a pyinstrument profile of the build here")
    parser.add_argument("--graph", type=Path, help="the large graph file (Turtle)")
    parser.add_argument("--store", type=Path, help="where the persistent store goes")
    parser.add_argument("--parameters", type=str, default="{}", help="preset bindings, as JSON")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per query")
    args = parser.parse_args(argv)
    if args.kind in ("kg-cold", "kg-warm"):
        figures = measure_kg(args.corpus, args.cache_dir, args.out, args.kind == "kg-cold", args.profile)
    elif args.kind == "stanza":
        figures = measure_stanza(args.corpus)
    elif args.kind == "fan-out":
        figures = measure_fan_out(args.corpus, args.cache_dir, args.out, args.workers)
    elif args.kind == "graph-rdflib":
        figures = measure_graph_rdflib(args.graph, json.loads(args.parameters), args.timeout)
    else:
        figures = measure_graph_oxigraph(args.graph, args.store, args.timeout)
    figures["cpu_count"] = os.cpu_count()
    args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
