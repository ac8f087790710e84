"""The `kg` command line: thin Typer commands over the library's plain functions.

Errors the library raises (KgError) become one line, `Error: …`, and a non-zero exit; `--debug` shows
the traceback instead. Exit codes: 0 done; 1 a check failed (e.g. `kg eval` under its thresholds);
2 an error (bad input, bad options, missing models); 3 built, but some sources were skipped;
130 interrupted (Ctrl-C, or a plain `kill` of a build).
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
import typer.core

from kg import __version__
from kg.errors import KgError

EXIT_CHECK_FAILED = 1
EXIT_ERROR = 2
EXIT_SKIPPED = 3
EXIT_INTERRUPTED = 130

# Typer may carry its own copy of click: its usage errors' base class is found through one it exports.
_CLICK_ERROR = next(kind for kind in typer.BadParameter.__mro__ if kind.__name__ == "ClickException")


class OneLineUsageErrors(typer.core.TyperGroup):
    """The command group, whose usage errors (a missing argument, an unknown option) are one line too:
    `Error: …` and where the help is, exit 2, as every other error, rather than a boxed panel."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            # Not standalone: click's errors come here instead of being printed; an Exit gives its code.
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except _CLICK_ERROR as error:
            if type(error).__name__ != "NoArgsIsHelpError":  # that one has shown the help already
                context = getattr(error, "ctx", None)
                hint = f" (see `{context.command_path} -h`)" if context is not None else ""
                typer.echo(f"Error: {_one_line(error.format_message())}{hint}", err=True)
            sys.exit(error.exit_code)
        except typer.Abort:
            typer.echo("Aborted.", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    name="kg",
    cls=OneLineUsageErrors,
    help="Arabic news → knowledge graph: who said what, which state transfers which weapon to whom.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode="rich",
)
models_app = typer.Typer(help="Manage the Stanza Arabic models.", no_args_is_help=True)
app.add_typer(models_app, name="models")

_state = {"debug": False}

# Options shared by several commands, defined once.
ModelsOption = Annotated[
    Path | None,
    typer.Option("--models", help="Stanza model folder (default: $STANZA_RESOURCES_DIR, else Stanza's own).",
                 show_default=False),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]
StoreOption = Annotated[
    Path | None,
    typer.Option("--store", help="Read a persistent Oxigraph store (from `kg build --store`) instead of "
                 "a file.", show_default=False),
]
OptionalGraphArgument = Annotated[
    Path | None,
    typer.Argument(help="A graph file (Turtle, N-Triples, JSON-LD or TriG); omit it with --store.",
                   show_default=False),
]

F = TypeVar("F", bound=Callable)


def fail(message: str, code: int = EXIT_ERROR) -> typer.Exit:
    """Print `Error: message` on one line to stderr and give the exit to raise."""
    typer.echo(f"Error: {_one_line(message)}", err=True)
    return typer.Exit(code)


def _one_line(message: object) -> str:
    return " ".join(part.strip() for part in str(message).splitlines() if part.strip())


def reports_errors(command: F) -> F:
    """Turn the library's errors, interrupts and surprises into one line and an exit code."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except KgError as error:
            if _state["debug"]:
                raise
            raise fail(str(error)) from None
        except KeyboardInterrupt:
            typer.echo("Interrupted; finished outputs and cache entries are intact.", err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except Exception as error:  # a bug: still one line, the traceback on request
            if _state["debug"]:
                raise
            raise fail(f"unexpected {type(error).__name__}: {error} (run with --debug for details)") from None

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show full tracebacks on errors.")] = False,
) -> None:
    """Arabic news → knowledge graph: who said what, which state transfers which weapon to whom."""
    _state["debug"] = debug
    _show_library_warnings()


class _WarningLines(logging.Handler):
    """The library's logged warnings as `Warning: …` lines on whatever stderr is at the time."""

    def emit(self, record: logging.LogRecord) -> None:
        typer.echo(f"Warning: {record.getMessage()}", err=True)


def _show_library_warnings() -> None:
    """Show the library's warnings (a corrupt cache entry recomputed…) once, however often the app runs."""
    logger = logging.getLogger("kg")
    if not any(isinstance(handler, _WarningLines) for handler in logger.handlers):
        logger.addHandler(_WarningLines(logging.WARNING))


@app.command()
@reports_errors
def build(
    sources: Annotated[list[Path], typer.Argument(
        help="Article files (.txt) or folders of them, or news dumps (.jsonl, .json, .csv: one article per "
        "record, with its title, text, date, URL and outlet).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
    models: ModelsOption = None,
    cache_dir: Annotated[
        Path | None,
        typer.Option("--cache-dir", help="Annotation cache (default: $KG_CACHE_DIR, else ~/.cache/kg).",
                     show_default=False),
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Annotate everything again.")] = False,
    gazetteer: Annotated[
        list[Path] | None, typer.Option("--gazetteer", help="Extra gazetteer file (Turtle); repeatable.")
    ] = None,
    lexicon: Annotated[
        list[Path] | None,
        typer.Option("--lexicon", help="Extra lexicon file (Turtle: speech verbs, transfer cues…, in the "
                     "terms of ontologies/lexicon-*.ttl); repeatable."),
    ] = None,
    formats: Annotated[
        list[str] | None,
        typer.Option("--format", "-f", help="RDF format(s) to write: ttl, nt, jsonld, trig, xml (RDF/XML)."),
    ] = None,
    no_html: Annotated[bool, typer.Option("--no-html", help="Do not draw graph.html.")] = False,
    store: Annotated[
        Path | None,
        typer.Option("--store", help="Also write the graph into a persistent Oxigraph store in this folder "
                     "(for `kg query --store`).", show_default=False),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="Annotate on a local Dask cluster of N processes.",
                     show_default=False),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Annotate on the running Dask cluster at this address "
                     "(tcp://host:8786); its workers must see the models and the cache folder.",
                     show_default=False),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", metavar="YYYY-MM-DD", show_default=False,
                     help="Publication date of articles that give none (a role resolves to its holder "
                     "then)."),
    ] = None,
    quiet: QuietOption = False,
) -> None:
    """Build the knowledge graph of articles. Example: kg build seeds --out out"""
    from kg.pipeline import build as run_build
    from kg.reading import iso_day

    if date is not None and (iso_day(date) is None or len(date) != 10):
        raise fail(f"--date {date}: give the day as YYYY-MM-DD")

    for option, paths in (("--gazetteer", gazetteer), ("--lexicon", lexicon)):
        for path in paths or []:
            if path.is_dir():
                raise fail(f"{option} {path} is a folder: give the Turtle file(s) in it")
            if not path.is_file():
                raise fail(f"{option} {path}: no such file")
    if workers and scheduler:
        raise fail("--workers starts a local cluster, --scheduler uses a running one: give one of them")
    with _stopped_by_kill_as_by_ctrl_c(), _progress(quiet) as on_progress:
        result = run_build(
            sources,
            out,
            models_dir=models,
            cache_dir=cache_dir,
            use_cache=not no_cache,
            gazetteer_files=gazetteer or [],
            lexicon_files=lexicon or [],
            formats=formats or ["ttl"],
            html=not no_html,
            progress=on_progress,
            store_dir=store,
            workers=workers,
            scheduler=scheduler,
            date=date,
        )
    for skipped in result.skipped:
        typer.echo(f"Warning: skipped {skipped.path}: {skipped.reason}", err=True)
    for warning in result.warnings:
        typer.echo(f"Warning: {warning}", err=True)
    if not quiet:
        _print_build_summary(result)
    if result.skipped:
        raise typer.Exit(EXIT_SKIPPED)


@contextlib.contextmanager
def _stopped_by_kill_as_by_ctrl_c():
    """A plain `kill` (SIGTERM) stops a build the way Ctrl-C does: temp files removed, exit 130."""

    def interrupt(signal_number, frame):
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)


PROGRESS_LINE_EVERY = 50  # documents between two progress lines when stderr is not a terminal


class _progress:
    """A rich progress bar over documents on a terminal, a line every PROGRESS_LINE_EVERY documents on
    stderr otherwise (logs, pipes), nothing when quiet."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.bar = None
        self.task = None
        self.last_line = 0

    def __enter__(self):
        if self.quiet:
            return None
        if not sys.stderr.isatty():
            return self.print_line
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeRemainingColumn(), console=Console(stderr=True), transient=True)
        self.bar.__enter__()
        return self.update

    def print_line(self, stage: str, done: int, total: int) -> None:
        # Small builds stay silent: their stderr holds only warnings.
        if done - self.last_line >= PROGRESS_LINE_EVERY or (done == total > self.last_line > 0):
            self.last_line = done
            print(f"{done}/{total} documents", file=sys.stderr, flush=True)

    def update(self, stage: str, done: int, total: int) -> None:
        if self.task is None:
            self.task = self.bar.add_task("documents", total=total)
        self.bar.update(self.task, completed=done, total=total)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)


def _print_build_summary(result) -> None:
    entities = ", ".join(f"{count} {kind}" for kind, count in result.entities_by_kind.items()) or "none"
    cached = result.documents - result.annotated_documents
    lines = [
        f"Documents:  {result.documents} from {result.sources} file(s)"
        + (f", {len(result.skipped)} skipped" if result.skipped else "")
        + (f" ({cached} from the cache)" if cached else ""),
        f"Sentences:  {result.sentences}",
        f"Entities:   {entities}",
        f"Claims:     {result.claims}",
        f"Transfers:  {result.transfers}",
    ]
    lines += [f"{name.upper() + ':':<11} {path}" for name, path in result.outputs.items()]
    typer.echo("\n".join(lines))


@app.command()
@reports_errors
def stats(
    graph: OptionalGraphArgument = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON (stats.json).")] = False,
    store: StoreOption = None,
) -> None:
    """Central actors, communities, weapon flows, speakers, support. Example: kg stats out/graph.ttl"""
    from kg.analysing import compute_stats, format_stats
    from kg.querying import open_graph

    figures = compute_stats(open_graph(graph, store))
    if as_json:
        typer.echo(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        typer.echo(format_stats(figures), nl=False)


@app.command()
@reports_errors
def viz(
    graph: OptionalGraphArgument = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML page to write.")] = Path("graph.html"),
    hide_claims: Annotated[bool, typer.Option("--hide-claims", help="Open with claims hidden.")] = False,
    store: StoreOption = None,
) -> None:
    """Draw a graph as one interactive, offline HTML page. Example: kg viz out/graph.ttl -o graph.html"""
    from kg.drawing import write_html
    from kg.querying import open_graph

    typer.echo(write_html(open_graph(graph, store), out, hide_claims=hide_claims))


@models_app.command("download")
@reports_errors
def models_download(models: ModelsOption = None) -> None:
    """Download the official Stanza Arabic models (needs a network). Example: kg models download"""
    from kg.annotating import download_models

    typer.echo(f"Models in {download_models(models)}")


@models_app.command("check")
@reports_errors
def models_check(models: ModelsOption = None) -> None:
    """Say where the models are and which processors they offer. Example: kg models check"""
    from kg.annotating import available_processors, resolve_models_dir

    folder = resolve_models_dir(models)
    processors = ", ".join(f"{k} ({v})" for k, v in available_processors(folder).items())
    typer.echo(f"{folder}: {processors}")


@app.command(
    "eval",
    # Typer keeps single line breaks of a docstring in its help: each paragraph is one string here.
    help="Score a graph against gold annotations in the format of the annotation guidelines. "
    "Example: kg eval ../shared/devset/gold --graph out/graph.ttl --min-said-f1 0.5\n\n"
    "Prints precision, recall and F1 for entities, said facts and transfers, per article and per "
    "extraction rule, then what the graph missed and what it invented. Exit 0 when every threshold given "
    "is met, 1 when one is not, 2 on bad input.\n\n"
    "Said facts and transfers are scored as the guidelines' reference scorer does (the same figures): "
    "names compared token by token after Arabic normalization and clitic stripping, by Wikidata id or "
    "label; per article, one to one; a claim matches when its speaker names the gold speaker and its text "
    "holds 60% of the gold span's tokens; a transfer when supplier and weapon (and recipient, when the "
    "gold names one) match, exact-status pairs first, status accuracy on the pairs.\n\n"
    "Entities: a gold entity matches one node of its class carrying its Wikidata id, name or a form. "
    "A split is a gold state or person named by two or more nodes.",
)
@reports_errors
def evaluate_graph(
    gold: Annotated[
        list[Path], typer.Argument(help="Gold annotations: folders of JSON files, one per article.")
    ],
    graph: Annotated[
        Path | None,
        typer.Option("--graph", "-g", help="The graph file to score (default: out/graph.ttl).",
                     show_default=False),
    ] = None,
    min_said_f1: Annotated[
        float | None, typer.Option("--min-said-f1", help="Exit 1 when said F1 is lower.", show_default=False)
    ] = None,
    min_transfers_f1: Annotated[
        float | None,
        typer.Option("--min-transfers-f1", help="Exit 1 when transfers F1 is lower.", show_default=False),
    ] = None,
    min_entities_f1: Annotated[
        float | None,
        typer.Option("--min-entities-f1", help="Exit 1 when entities F1 is lower.", show_default=False),
    ] = None,
    min_status_accuracy: Annotated[
        float | None,
        typer.Option("--min-status-accuracy", show_default=False,
                     help="Exit 1 when fewer matched transfers have the gold status."),
    ] = None,
    max_splits: Annotated[
        int | None,
        typer.Option("--max-splits", help="Exit 1 when more entities are split into several nodes.",
                     show_default=False),
    ] = None,
    brief: Annotated[bool, typer.Option("--brief", help="Scores only, no missed or invented facts.")] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="The report as JSON on stdout, nothing else.")
    ] = False,
    store: StoreOption = None,
) -> None:
    """Score a graph against gold annotations (matching rules: the help above, and kg.evaluating)."""
    from kg.evaluating import evaluate_gold, load_gold, load_graph, print_report
    from kg.storing import open_store

    thresholds = {"entities": min_entities_f1, "said": min_said_f1, "transfers": min_transfers_f1,
                  "status-accuracy": min_status_accuracy}
    for kind, minimum in thresholds.items():
        if minimum is not None and not 0.0 <= minimum <= 1.0:
            raise fail(f"--min-{kind}{'' if kind == 'status-accuracy' else '-f1'} {minimum}: "
                       "a share lies between 0 and 1")
    if max_splits is not None and max_splits < 0:
        raise fail(f"--max-splits {max_splits}: a count cannot be negative")
    if graph is not None and store is not None:
        raise fail("--graph and --store name two graphs: give one of them")
    gold_standard = load_gold(*gold)
    scored = open_store(store) if store is not None else load_graph(graph or Path("out/graph.ttl"))
    report = evaluate_gold(gold_standard, scored)
    if as_json:
        typer.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=1))
    else:
        print_report(report, show_lists=not brief)
    minimum_f1 = {kind: thresholds[kind] for kind in ("entities", "said", "transfers")}
    failures = report.failures(minimum_f1, max_splits, min_status_accuracy)
    for line in failures:
        typer.echo(f"Below threshold: {line}", err=True)
    if failures:
        raise typer.Exit(EXIT_CHECK_FAILED)


# Querying, registers and export: each command parses its options and calls kg.querying / kg.registers.


# A page of a listing: a terminal cannot show 30,000 claims, and a million-triple store answers a page in
# a fraction of a second where the whole listing takes seconds. Typed as text so that a bad value is one line.
DEFAULT_PAGE = 1000
LimitOption = Annotated[
    str, typer.Option("--limit", metavar="N", show_default=False,
                      help=f"Rows per page (default {DEFAULT_PAGE}); 0 for every row."),
]
OffsetOption = Annotated[
    str, typer.Option("--offset", metavar="N", help="Rows to skip: where the page starts (default 0).",
                      show_default=False),
]
SinceOption = Annotated[
    str | None, typer.Option("--since", metavar="YYYY-MM-DD", show_default=False,
                             help="Only facts reported on this day or later (by their documents' dates)."),
]
UntilOption = Annotated[
    str | None, typer.Option("--until", metavar="YYYY-MM-DD", show_default=False,
                             help="Only facts reported on this day or earlier."),
]


def _page_note(note: str | None) -> None:
    if note:
        typer.echo(f"Note: {note}", err=True)


@app.command(
    "query",
    help="Ask the graph a SPARQL question. "
    "Example: kg query out/graph.ttl --preset said-by --param actor=بوتين\n\n"
    "The vocabulary's prefixes (kg:, kgr:, rdfs:, skos:, prov:, dcterms:…) are declared for you. "
    "SELECT prints a table or SPARQL 1.1 CSV/TSV/JSON; ASK prints true or false; CONSTRUCT and DESCRIBE "
    "print Turtle (JSON-LD with --format json). `kg query --list` lists the presets.\n\n"
    f"A SELECT shows a page of {DEFAULT_PAGE} rows unless --limit says otherwise (0: every row); a note on "
    "stderr says when more follow: `--offset 1000` for the next page. The same call gives the same page.\n\n"
    "kg only reads: updates (INSERT, DELETE, LOAD…) are refused, and so are SERVICE clauses, which reach "
    "other servers, unless --allow-service. A preset's parameters are all needed (--list names them).",
)
@reports_errors
def query(
    graph: OptionalGraphArgument = None,
    sparql: Annotated[str | None, typer.Argument(help="The SPARQL query.", show_default=False)] = None,
    file: Annotated[Path | None, typer.Option("--file", help="Read the query from a .rq file.",
                                              show_default=False)] = None,
    preset: Annotated[str | None, typer.Option("--preset", "-p", help="Run a preset question by name.",
                                               show_default=False)] = None,
    list_presets: Annotated[bool, typer.Option("--list", help="List the preset questions.")] = False,
    param: Annotated[list[str] | None, typer.Option("--param", help="NAME=VALUE; repeatable.",
                                                    show_default=False)] = None,
    format_name: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = "table",
    store: StoreOption = None,
    limit: LimitOption = str(DEFAULT_PAGE),
    offset: OffsetOption = "0",
    timeout: Annotated[
        float | None,
        typer.Option("--timeout", min=0, metavar="SECONDS", show_default=False,
                     help="Give up on a query that runs longer (exit 2); default: no limit."),
    ] = None,
    allow_service: Annotated[
        bool, typer.Option("--allow-service", help="Run SERVICE clauses, which query other servers over "
                           "the network (refused otherwise).")
    ] = False,
) -> None:
    from kg import querying

    if list_presets:
        console = querying.output_console()
        console.print(querying.presets_table(console.width))
        return
    if store is not None and graph is not None and sparql is None:
        sparql, graph = str(graph), None  # `kg query --store DIR "SELECT …"`: the one argument is the query
    text = querying.query_source(sparql, file, preset)
    params = querying.parse_params(param or [])
    if preset:
        querying.check_parameters(querying.get_preset(preset), params)
    page = querying.parse_page(limit, offset)
    querying.check_query_form(text, allow_service)  # before a large graph is loaded for nothing
    result = querying.run_query(querying.open_graph(graph, store), text, params, *page,
                                allow_service=allow_service, timeout=timeout)
    for note in result.notes:
        typer.echo(f"Note: {note}", err=True)
    querying.print_result(result, format_name)
    _page_note(result.page_note())


@app.command()
@reports_errors
def transfers(
    graph: OptionalGraphArgument = None,
    format_name: Annotated[str, typer.Option("--format", "-f", help="table or csv.")] = "table",
    store: StoreOption = None,
    limit: LimitOption = str(DEFAULT_PAGE),
    offset: OffsetOption = "0",
    since: SinceOption = None,
    until: UntilOption = None,
) -> None:
    """The transfers as a register (supplier, recipient, weapon…). Example: kg transfers out/graph.ttl

    A page of transfers at a time (--limit, --offset: counted in transfers), each page sorted like the
    whole register (--limit 0); --since / --until keep those reported in a window of dates."""
    from kg.querying import open_graph, parse_page
    from kg.registers import TransferEntry, print_register, transfer_register

    page = parse_page(limit, offset)
    entries = transfer_register(open_graph(graph, store), *page, since=since, until=until)
    print_register(entries, TransferEntry, format_name)
    _page_note(entries.page_note())


@app.command()
@reports_errors
def claims(
    graph: OptionalGraphArgument = None,
    speaker: Annotated[str | None, typer.Option("--speaker", "-s", help="Only this speaker (any spelling).",
                                                show_default=False)] = None,
    format_name: Annotated[str, typer.Option("--format", "-f", help="table or csv.")] = "table",
    store: StoreOption = None,
    limit: LimitOption = str(DEFAULT_PAGE),
    offset: OffsetOption = "0",
    since: SinceOption = None,
    until: UntilOption = None,
) -> None:
    """The claims as a register (speaker, claim, sources…). Example: kg claims out/graph.ttl -s بوتين

    A page of claims at a time (--limit, --offset: counted in claims), each page sorted like the whole
    register (--limit 0); --since / --until keep those reported in a window of dates."""
    from kg.querying import find_entities, open_graph, parse_page
    from kg.registers import ClaimEntry, claim_register, print_register

    page = parse_page(limit, offset)
    knowledge_graph = open_graph(graph, store)
    if speaker and not find_entities(knowledge_graph, speaker):
        typer.echo(f"Note: no entity in the graph is named «{speaker}»", err=True)
    entries = claim_register(knowledge_graph, speaker, *page, since=since, until=until)
    print_register(entries, ClaimEntry, format_name)
    _page_note(entries.page_note())


@app.command(
    help="Write a graph in another RDF format, or its entity graph for Gephi, atomically. "
    "Example: kg export out/graph.ttl -o graph.jsonld\n\n"
    "The suffix of -o tells the format: .ttl, .nt, .jsonld, .trig, .rdf (RDF/XML), .graphml, .gexf; any "
    "other needs --format. GraphML and GEXF hold the entity graph that kg stats measures: entities as "
    "nodes, and as weighted edges who spoke about whom, who supplies what to whom, who is named beside whom.",
)
@reports_errors
def export(
    graph: OptionalGraphArgument = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="The file to write.")] = Path("graph.ttl"),
    format_name: Annotated[
        str | None, typer.Option("--format", "-f", show_default=False,
                                 help="ttl, nt, jsonld, trig or xml (RDF/XML); graphml or gexf: the entity "
                                 "graph, for Gephi (default: from -o's suffix).")
    ] = None,
    store: StoreOption = None,
) -> None:
    """Write a graph in another format (the help above); the store's straight from Oxigraph."""
    if store is not None:
        from kg.storing import dump_store

        typer.echo(dump_store(store, out, format_name))
        return
    from kg.exporting import export_graph
    from kg.querying import open_graph

    typer.echo(export_graph(open_graph(graph, None), out, format_name))
