"""Querying: SPARQL over the graph, the preset questions, parameters bound safely, results in every format.

A query may omit the vocabulary's prefixes (kg:, kgr:, rdfs:, skos:, prov:, dcterms:…): they are declared
for it. Results come back as a :class:`QueryResult`, which prints as an aligned table or serializes as the
SPARQL 1.1 results formats (CSV, TSV, JSON); a CONSTRUCT or DESCRIBE gives a graph, written as Turtle.

Parameters (``--param actor=بوتين``) never become query text as typed. A query announces a parameter with a
comment line ``# param NAME (KIND): what it is`` and a placeholder ``VALUES ?NAME { UNDEF }`` (valid SPARQL
on its own: with the placeholder left alone, the query answers for every value). The value is resolved in
Python and the placeholder filled with the IRIs found, serialized by rdflib:

- ``entity``: an IRI, or a name matched against every ``rdfs:label`` and ``skos:altLabel`` of the graph
  after :func:`kg.normalizing.match_key` (diacritics, tatweel and the alef/ya/ta-marbuta variants folded,
  designations such as «إس-400» glued), giving the IRIs of every entity so named. Matching in Python keeps
  one normalizer for the whole project; SPARQL has no way to fold Arabic short of a chain of REPLACE calls
  over every label, and the candidate IRIs anchor the query so the engine starts from a handful of nodes.
  A store written by :mod:`kg.storing` keeps its labels' keys, so there the match is one lookup.
- ``fact``: an IRI, or words of a claim, matched (folded) inside the text of every claim.
- ``literal`` (the default, and any parameter a query does not announce): the value as a string literal
  (or an IRI when written as one), handed to the engine as a term through ``initBindings`` (rdflib's
  evaluator, or Oxigraph's substitutions). It never becomes query text: SPARQL decodes
  ``\\u`` escapes anywhere in a query's text, so no quoting could keep every string intact.

Pages (``--limit 1000 --offset 2000``): a listing of every claim runs to tens of thousands of rows at a
million triples, and joining names and texts to all of them is what costs. A query marks where its page is
chosen with a comment line ``# page`` inside the sub-select that picks its rows (the claims and their
evidence, say); ``LIMIT``/``OFFSET`` go there, so only a page's rows meet the joins that follow, which are
all ``OPTIONAL`` (each row of the sub-select gives at least one row of the result). A query without the line
is run whole and its rows sliced in Python. The page is a slice of the sub-select's rows in the engine's
order, which each engine gives the same on every run over the same graph (Oxigraph walks its indexes in
key order, rdflib its dicts in insertion order) and keeps through the OPTIONALs: sorting instead would make
every page pay for sorting every row, 2 s at 30,000 claims on Oxigraph, which compares IRIs by reading
their text from disk. Whether more rows follow is asked with the same query for the one row after the page.
"""

from __future__ import annotations

import csv
import io
import json
import re
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.query import Result
from rdflib.term import Node
from rdflib.util import guess_format

from kg.errors import GraphFileError, QueryError
from kg.normalizing import match_key
from kg.vocabulary import KG, PREFIXES

if TYPE_CHECKING:  # rich loads only when a table is printed
    from rich.console import Console, ConsoleOptions
    from rich.measure import Measurement
    from rich.segment import Segment

PRESETS_DIR = Path(__file__).resolve().parent.parent / "ontologies" / "queries"
RESULT_FORMATS = ("table", "csv", "tsv", "json")
# GROUP_CONCAT in the presets joins with this; its order is unspecified in SPARQL.
LIST_SEPARATOR = " | "

_PARAM_LINE = re.compile(r"^#\s*param\s+([A-Za-z_]\w*)\s*(?:\((\w+)\))?\s*:?\s*(.*)$")
_PARAM_KINDS = ("entity", "fact", "literal")
_DECLARED_PREFIX = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?\s*:\s*<", re.IGNORECASE)
_CURIE = re.compile(r"^([A-Za-z][\w.-]*):([^\s<>\"{}|^`\\]*)$")
# Where a query takes its page: a comment line `# page` (with a note after a colon, if any).
_PAGE_LINE = re.compile(r"^[ \t]*#[ \t]*page\b[ \t]*(?::[^\n]*)?$", re.MULTILINE)


# ---------------------------------------------------------------------------------------------------------
# Loading a graph file


def load_graph(path: str | Path) -> Graph:
    """Parse a graph file (Turtle, N-Triples, JSON-LD, TriG, RDF/XML: guessed from the suffix).

    Raises GraphFileError, on one line, when the file is missing or is not RDF.
    """
    path = Path(path)
    if not path.exists():
        raise GraphFileError(f"graph file not found: {path}")
    if not path.is_file():
        raise GraphFileError(f"not a graph file: {path} is a folder")
    rdf_format = guess_format(str(path)) or "turtle"
    graph = Graph()
    try:
        if rdf_format in ("trig", "nquads"):
            # Formats of several graphs: a plain Graph would keep only the default one; queries see them all.
            dataset = Dataset()
            dataset.parse(str(path), format=rdf_format)
            for prefix, namespace in dataset.namespaces():
                graph.bind(prefix, namespace)
            for subject, predicate, obj, _context in dataset.quads((None, None, None, None)):
                graph.add((subject, predicate, obj))
        else:
            graph.parse(str(path), format=rdf_format)
    except Exception as error:  # every parser has its own exceptions; the user needs the file and the cause
        # rdflib's parsers say "string index out of range" of a truncated file; Oxigraph's say where it ends.
        # Turtle's parser quotes the offending bytes after " at ^ in:"; the line and the cause say enough.
        cause = _oxigraph_parse_error(path, rdf_format) or _one_line(str(error).split(" at ^ in:")[0])
        raise GraphFileError(f"{path} is not RDF ({rdf_format}): {cause}") from None
    return graph


# rdflib's format names → pyoxigraph's, for a second opinion on a file rdflib cannot parse.
_OXIGRAPH_PARSERS = {"turtle": "TURTLE", "nt": "N_TRIPLES", "nt11": "N_TRIPLES", "trig": "TRIG",
                     "nquads": "N_QUADS", "xml": "RDF_XML", "n3": "N3", "json-ld": "JSON_LD"}


def _oxigraph_parse_error(path: Path, rdf_format: str) -> str | None:
    """Where and why Oxigraph's parser stops in ``path`` ("Parser error at line 12 column 5: Unexpected end
    of file"), or None when it reads the file or knows no such format."""
    import pyoxigraph as ox

    name = _OXIGRAPH_PARSERS.get(rdf_format)
    if name is None:
        return None
    try:
        for _ in ox.parse(path=str(path), format=getattr(ox.RdfFormat, name)):
            pass
    except SyntaxError as error:
        return _one_line(error.msg)
    except (OSError, ValueError):
        return None
    return None


def _one_line(message: str, limit: int = 200) -> str:
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 1] + "…"


# ---------------------------------------------------------------------------------------------------------
# Presets


@dataclass(frozen=True)
class QueryParameter:
    """A parameter a query announces with ``# param NAME (KIND): description``."""

    name: str
    kind: str  # entity | fact | literal
    description: str


@dataclass(frozen=True)
class Preset:
    """A stored question: ontologies/queries/NAME.rq, whose first comment line says what it answers."""

    name: str
    summary: str
    parameters: tuple[QueryParameter, ...]
    text: str
    path: Path


def declared_parameters(query_text: str) -> tuple[QueryParameter, ...]:
    """The parameters a query announces in its leading comment lines."""
    parameters = []
    for line in query_text.splitlines():
        match = _PARAM_LINE.match(line.strip())
        if match is None:
            continue
        name, kind, description = match.group(1), (match.group(2) or "literal").lower(), match.group(3)
        if kind not in _PARAM_KINDS:
            kinds = ", ".join(_PARAM_KINDS)
            raise QueryError(f"parameter {name!r} has unknown kind {kind!r}; kinds: {kinds}")
        parameters.append(QueryParameter(name, kind, description.strip()))
    return tuple(parameters)


def list_presets(folder: Path = PRESETS_DIR) -> list[Preset]:
    """Every preset question, by name."""
    presets = []
    for path in sorted(Path(folder).glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = next((line for line in text.splitlines() if line.strip()), "")
        summary = first.lstrip("#").strip() if first.lstrip().startswith("#") else ""
        presets.append(Preset(path.stem, summary, declared_parameters(text), text, path))
    return presets


def check_parameters(preset: Preset, params: Mapping[str, str] | None) -> None:
    """QueryError, on one line, when ``params`` lacks a parameter the preset announces: a preset about one
    actor or state run without one would list every actor's answer, which nobody asked for."""
    declared = [parameter.name for parameter in preset.parameters]
    unknown = [name for name in params or {} if declared and name not in declared]
    if unknown:
        raise QueryError(f"unknown parameter {unknown[0]!r}; this query takes: {', '.join(declared)}")
    missing = [parameter for parameter in preset.parameters if parameter.name not in (params or {})]
    if missing:
        first = missing[0]
        raise QueryError(f"preset {preset.name!r} needs --param {first.name}=VALUE: {first.description}")


def get_preset(name: str, folder: Path = PRESETS_DIR) -> Preset:
    """The preset called ``name``; QueryError listing the presets when there is none."""
    presets = {preset.name: preset for preset in list_presets(folder)}
    if name not in presets:
        raise QueryError(f"unknown preset {name!r}; presets: {', '.join(presets) or 'none'}")
    return presets[name]


# ---------------------------------------------------------------------------------------------------------
# Preparing a query: prefixes and parameters


def with_prefixes(query_text: str) -> tuple[str, int]:
    """The query with the vocabulary's PREFIX lines it does not declare itself put in front.

    Returns the text and the number of lines added, so that error positions can refer to the user's text.
    """
    declared = {(match.group(1) or "") for match in _DECLARED_PREFIX.finditer(query_text)}
    missing = [f"PREFIX {prefix}: <{namespace}>" for prefix, namespace in PREFIXES.items()
               if prefix not in declared]
    if not missing:
        return query_text, 0
    return "\n".join(missing) + "\n" + query_text, len(missing)


def parse_term(value: str) -> URIRef | None:
    """An IRI when ``value`` is written as one (<…>, http(s)://…, or a vocabulary CURIE such as kgr:x)."""
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        iri = value[1:-1]
    elif re.match(r"^https?://", value):
        iri = value
    elif (match := _CURIE.match(value)) and match.group(1) in PREFIXES:
        iri = str(PREFIXES[match.group(1)]) + match.group(2)
    else:
        return None
    term = URIRef(iri)
    try:
        term.n3()  # rdflib refuses IRIs with characters that would break out of <…>
    except Exception:
        raise QueryError(f"not a valid IRI: {value}") from None
    return term


# Label index per graph: match key → entity IRIs. Built once per graph object; a graph that changes size
# is indexed again.
_LABEL_INDEXES: dict[int, tuple[weakref.ref, int, dict[str, set[URIRef]]]] = {}


def oxigraph_store(graph: Graph):
    """The pyoxigraph Store behind ``graph`` (kg.storing.open_store), or None for any other store."""
    inner = getattr(graph.store, "_inner", None)  # oxrdflib's OxigraphStore keeps its pyoxigraph Store here
    if inner is None:
        return None
    import pyoxigraph as ox

    return inner if isinstance(inner, ox.Store) else None


def _labels(graph: Graph) -> Iterable[tuple[URIRef, str]]:
    """(node, text) for every rdfs:label and skos:altLabel of a named node."""
    store = oxigraph_store(graph)
    if store is None:
        for predicate in (RDFS.label, SKOS.altLabel):
            for node, label in graph.subject_objects(predicate):
                if isinstance(node, URIRef) and isinstance(label, Literal):
                    yield node, str(label)
        return
    import pyoxigraph as ox

    # Straight from Oxigraph's index: through oxrdflib every label becomes two rdflib terms first,
    # which at a million triples takes most of a second.
    for predicate in (RDFS.label, SKOS.altLabel):
        for quad in store.quads_for_pattern(None, ox.NamedNode(str(predicate)), None, ox.DefaultGraph()):
            if isinstance(quad.subject, ox.NamedNode) and isinstance(quad.object, ox.Literal):
                yield URIRef(quad.subject.value), quad.object.value


def _label_index(graph: Graph) -> dict[str, set[URIRef]]:
    size = len(graph)
    cached = _LABEL_INDEXES.get(id(graph))
    if cached is not None and cached[0]() is graph and cached[1] == size:
        return cached[2]
    index: dict[str, set[URIRef]] = {}
    for node, label in _labels(graph):
        index.setdefault(match_key(label), set()).add(node)
    _LABEL_INDEXES[id(graph)] = (weakref.ref(graph), size, index)
    return index


def find_entities(graph: Graph, name: str) -> list[URIRef]:
    """IRIs of the nodes one of whose labels or spellings is ``name`` once both are folded, or its IRI.

    «بوتين», «بُوتين» and «Vladimir Putin» all find Putin; «موسكو» finds Russia when the graph records it as
    a spelling of Russia, or Moscow and Russia when Moscow ``kg:standsFor`` Russia.
    """
    term = parse_term(name)
    if term is not None:
        return [term]
    key = match_key(name)
    if not key:
        return []
    indexed = None
    if (store := oxigraph_store(graph)) is not None:
        from kg.storing import indexed_entities

        indexed = indexed_entities(store, key)  # a kg store keeps its labels' keys: one lookup
    found = set(_label_index(graph).get(key, ())) if indexed is None else {URIRef(iri) for iri in indexed}
    # A capital or seat of power named as a place brings the state it stands for (مينسك → Belarus).
    found |= {state for node in found for state in graph.objects(node, KG.standsFor)
              if isinstance(state, URIRef)}
    return sorted(found)


def find_facts(graph: Graph, words: str) -> list[URIRef]:
    """IRIs of the claims whose text contains ``words`` once both are folded (or ``words``' IRI)."""
    term = parse_term(words)
    if term is not None:
        return [term]
    key = match_key(words)
    if not key:
        return []
    return sorted({claim for claim, text in _claim_texts(graph) if key in match_key(text)})


def _claim_texts(graph: Graph) -> Iterable[tuple[URIRef, str]]:
    """(claim, text) for every claim of the graph."""
    store = oxigraph_store(graph)
    if store is None:
        for claim in graph.subjects(RDF.type, KG.Claim):
            for text in graph.objects(claim, KG.text):
                yield claim, str(text)
        return
    query = f"SELECT ?claim ?text WHERE {{ ?claim a <{KG.Claim}> ; <{KG.text}> ?text }}"
    for claim, text in store.query(query):
        yield URIRef(claim.value), text.value


def _sparql_string(value: str) -> str:
    """A SPARQL string literal for any text: every character that could end or escape it is escaped."""
    escaped = (value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\r", "\\r").replace("\t", "\\t"))
    return f'"{escaped}"'


def _iri_n3(term: URIRef) -> str | None:
    """<iri> for a query, or None for an IRI no query can name (rdflib refuses to write it)."""
    try:
        return term.n3()
    except Exception:
        return None


def _placeholder(name: str) -> re.Pattern:
    return re.compile(r"VALUES\s+\?" + re.escape(name) + r"\s*\{\s*UNDEF\s*\}", re.IGNORECASE)


@dataclass(frozen=True)
class PreparedQuery:
    """A query ready to run anywhere: its full text, the bindings left for the engine, and notes.

    With a page: ``paged_in_query`` when the text itself takes it (a ``# page`` line), and then
    ``probe_text``, the same query for the first row after the page, to tell whether more rows follow.
    """

    text: str
    bindings: dict[str, Node]
    added_lines: int
    notes: tuple[str, ...] = ()
    limit: int | None = None
    offset: int = 0
    paged_in_query: bool = False
    probe_text: str | None = None


def check_page(limit: int | None, offset: int = 0) -> tuple[int | None, int]:
    """``(limit, offset)`` checked: None or 0 for every row; QueryError, on one line, for anything else
    that is not a whole number ≥ 0."""
    for name, value in (("limit", limit), ("offset", offset)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            raise QueryError(f"--{name} must be a whole number ≥ 0, not {value!r}")
    return (limit or None), offset


def parse_page(limit: str | None, offset: str | None) -> tuple[int | None, int]:
    """``--limit`` and ``--offset`` as typed: QueryError on one line unless each is a whole number ≥ 0."""
    numbers = []
    for name, value in (("limit", limit), ("offset", offset)):
        text = "0" if value is None else value.strip()
        if not re.fullmatch(r"\d{1,12}", text):
            raise QueryError(f"--{name} must be a whole number ≥ 0, not {value!r}")
        numbers.append(int(text))
    return check_page(numbers[0], numbers[1])


def _page_clause(limit: int | None, offset: int) -> str:
    return " ".join(part for part in (f"LIMIT {limit}" if limit else "", f"OFFSET {offset}" if offset else "")
                    if part)


# Strings, IRIs and comments: the parts of a query where a keyword is not one.
_NOT_KEYWORDS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\s]*>|#[^\n]*',
    re.DOTALL,
)
_PROLOGUE = re.compile(r"(?:\s*(?:PREFIX\s+[\w.-]*:|BASE)\s*)*", re.IGNORECASE)
_UPDATES = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
_SERVICE = re.compile(r"(?<![\w?$:])SERVICE(?![\w:])", re.IGNORECASE)


def check_query_form(query_text: str, allow_service: bool = False) -> None:
    """QueryError, on one line, for what kg does not run: an update (kg only reads graphs), and unless
    ``allow_service``, a SERVICE clause, which sends part of the query to another server over the network."""
    skeleton = _NOT_KEYWORDS.sub(" ", query_text)
    first = re.match(r"[A-Za-z]*", skeleton[_PROLOGUE.match(skeleton).end():]).group().upper()
    if first in _UPDATES:
        raise QueryError(f"SPARQL updates ({first} …) are not supported: kg reads graphs, it never changes "
                         "them")
    if not allow_service and _SERVICE.search(skeleton):
        raise QueryError("the query has a SERVICE clause, which would send part of it over the network to "
                         "another server: refused unless asked for (--allow-service)")


def prepare_query(graph: Graph, query_text: str, params: Mapping[str, str] | None = None,
                  limit: int | None = None, offset: int = 0, allow_service: bool = False) -> PreparedQuery:
    """Declare the missing prefixes, bind the parameters and place the page (see the module's docstring).

    ``limit`` None or 0 means every row. Updates, and SERVICE clauses unless ``allow_service``, are refused
    (see :func:`check_query_form`).
    """
    check_query_form(query_text, allow_service)
    limit, offset = check_page(limit, offset)
    declared = {parameter.name: parameter for parameter in declared_parameters(query_text)}
    bindings: dict[str, Node] = {}
    notes: list[str] = []
    text = query_text
    for name, value in (params or {}).items():
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise QueryError(f"bad parameter name {name!r}: use letters, digits and _")
        placeholder = _placeholder(name)
        parameter = declared.get(name)
        if declared and parameter is None:  # a query that announces its parameters knows no others
            raise QueryError(f"unknown parameter {name!r}; this query takes: {', '.join(declared)}")
        kind = parameter.kind if parameter else "literal"
        if kind == "literal" or placeholder.search(text) is None:
            if kind != "literal":
                raise QueryError(f"parameter {name!r} needs a placeholder `VALUES ?{name} {{ UNDEF }}` "
                                 "in the query")
            # A literal goes to the engine as a term, never as text: SPARQL reads \u escapes anywhere in
            # a query's text, so no quoting of a string can keep every value intact.
            bindings[name] = parse_term(value) or Literal(value)
            continue
        if kind == "entity":
            terms = find_entities(graph, value)
            if not terms:
                notes.append(f"no entity in the graph is named «{value}»")
        else:
            terms = find_facts(graph, value)
            if not terms:
                notes.append(f"no claim in the graph says «{value}»")
        names = [iri for iri in (_iri_n3(term) for term in terms) if iri]
        if names:
            block = f"VALUES ?{name} {{ {' '.join(names)} }}"
        else:
            # An empty VALUES block means "no solution", but rdflib's algebra mistranslates it, and rdflib
            # ignores a bare FILTER(false); a false comparison in the same group says it to every engine.
            block = "FILTER(1 = 0)"
        # A function as replacement: the block is inserted as it is, never read as a pattern.
        text = placeholder.sub(lambda _match, block=block: block, text)
    text, added = with_prefixes(text)
    paged_in_query = _PAGE_LINE.search(text) is not None
    probe_text = None
    if paged_in_query:
        if limit:
            probe_text = _PAGE_LINE.sub(_page_clause(1, offset + limit), text, count=1)
        # One line for one line: error positions stay where the user wrote them.
        text = _PAGE_LINE.sub(_page_clause(limit, offset), text, count=1)
    return PreparedQuery(text, bindings, added, tuple(notes), limit, offset, paged_in_query, probe_text)


# ---------------------------------------------------------------------------------------------------------
# Running a query


@dataclass(repr=False)
class QueryResult:
    """What a query gave: rows for SELECT, a truth value for ASK, a graph for CONSTRUCT and DESCRIBE."""

    form: str  # SELECT | ASK | CONSTRUCT | DESCRIBE
    variables: tuple[str, ...] = ()
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None
    query_text: str = ""
    notes: tuple[str, ...] = ()
    offset: int = 0  # the page: the rows from offset, at most limit of them (None: every row)
    limit: int | None = None
    more: bool = False  # whether rows follow the page

    def page_note(self) -> str | None:
        """One line for a page that is not the whole listing: where it is and how to get the next one."""
        if self.form != "SELECT" or not (self.more or self.offset):
            return None
        if not self.rows:
            return f"no rows from offset {self.offset}: the listing is shorter"
        first, last = self.offset + 1, self.offset + len(self.rows)
        if not self.more:
            return f"rows {first:,}–{last:,}, the last of the listing"
        following = self.offset + (self.limit or 0)
        return f"rows {first:,}–{last:,} of more; --offset {following} for the next page"

    def __repr__(self) -> str:
        if self.form == "SELECT":
            return f"<QueryResult SELECT: {len(self.variables)} variables, {len(self.rows)} rows>"
        if self.form == "ASK":
            return f"<QueryResult ASK: {'true' if self.boolean else 'false'}>"
        return f"<QueryResult {self.form}: {len(self.graph or ())} triples>"

    def records(self) -> list[dict[str, Node | None]]:
        """The rows as dicts keyed by variable name."""
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]

    def text_rows(self) -> list[tuple[str, ...]]:
        """The rows as plain strings: lexical forms of literals, IRIs in full, '' where unbound."""
        return [tuple("" if term is None else str(term) for term in row) for row in self.rows]

    def _repr_html_(self) -> str:
        """How a notebook shows a result: a table for SELECT, the answer for ASK, Turtle for a graph."""
        import html

        if self.form == "SELECT":
            return html_table(self.variables, [[compact(term) for term in row] for row in self.rows])
        if self.form == "ASK":
            return f"<p><code>{'true' if self.boolean else 'false'}</code></p>"
        return f"<pre>{html.escape(serialize_result(self, 'table'))}</pre>"


def _syntax_error(error, added_lines: int) -> QueryError:  # pyparsing's ParseBaseException
    line = max(1, error.lineno - added_lines)
    message = _one_line(error.msg)
    return QueryError(f"malformed SPARQL at line {line}, column {error.col}: {message}")


def run_query(graph: Graph, query_text: str, params: Mapping[str, str] | None = None,
              limit: int | None = None, offset: int = 0, *, allow_service: bool = False,
              timeout: float | None = None) -> QueryResult:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE) on ``graph``.

    The vocabulary's prefixes are declared when the query omits them; ``params`` are bound as described in
    the module's docstring. A SELECT gives the page of ``limit`` rows (None or 0: every row) from
    ``offset``; ``QueryResult.more`` says whether rows follow it. On an Oxigraph store (kg.storing) the
    query goes to pyoxigraph directly. Updates are refused, and SERVICE clauses unless ``allow_service``.
    A query that runs longer than ``timeout`` seconds is abandoned (see :func:`within`). Raises QueryError,
    on one line with the line and column of a syntax error.
    """
    prepared = prepare_query(graph, query_text, params, limit, offset, allow_service)
    store = oxigraph_store(graph)
    execute = _run_on_rdflib if store is None else _run_on_oxigraph
    target = store if store is not None else graph
    return within(timeout, lambda: _run_page(execute, target, prepared))


def _run_page(execute: Callable[..., QueryResult], target: object, prepared: PreparedQuery) -> QueryResult:
    result = execute(target, prepared.text, prepared)
    if result.form != "SELECT" or not (prepared.limit or prepared.offset):
        return result
    result.limit, result.offset = prepared.limit, prepared.offset
    if prepared.paged_in_query:
        # Every row of the page's sub-select gives at least one row: fewer rows than the limit is the end.
        if prepared.probe_text is not None and len(result.rows) >= (prepared.limit or 0):
            probe = execute(target, prepared.probe_text, prepared)
            result.more = bool(probe.rows)
    else:
        end = prepared.offset + prepared.limit if prepared.limit else None
        result.more = end is not None and len(result.rows) > end
        result.rows = result.rows[prepared.offset:end]
    return result


T = TypeVar("T")


def within(seconds: float | None, work: Callable[[], T]) -> T:
    """``work()``, or QueryError when it runs longer than ``seconds`` (None or 0: no limit).

    Neither engine can be stopped in the middle of a query, so the work runs in a thread of its own; past
    the limit it is abandoned: it goes on in the background until it ends or the process does, and what it
    gives is dropped. The command line ends right after.
    """
    if not seconds:
        return work()
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:  # handed to the caller's thread below
            outcome["error"] = error

    worker = threading.Thread(target=run, name="kg-query", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise QueryError(f"the query ran longer than the time limit ({seconds:g} s); narrow it, or give "
                         "--timeout more seconds")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def _run_on_rdflib(graph: Graph, text: str, prepared: PreparedQuery) -> QueryResult:
    # rdflib's SPARQL parser loads in a tenth of a second: only queries on rdflib's own stores need it.
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql import prepareQuery

    try:
        parsed = prepareQuery(text)
    except ParseBaseException as error:
        raise _syntax_error(error, prepared.added_lines) from None
    except Exception as error:  # e.g. an undeclared prefix, a variable used wrongly in an aggregate
        raise QueryError(f"malformed SPARQL: {_one_line(str(error))}") from None
    try:
        return _collect(graph.query(parsed, initBindings=prepared.bindings), prepared)
    except QueryError:
        raise
    except Exception as error:  # evaluation is lazy; an engine's failure still reaches the user as one line
        raise QueryError(f"the query failed: {_one_line(str(error))}") from None


def _run_on_oxigraph(store, text: str, prepared: PreparedQuery) -> QueryResult:
    """The query on pyoxigraph itself: Oxigraph parses it (rdflib's parser would add a quarter of a second)
    and writes its rows as SPARQL's TSV, in Rust; each distinct cell of that text becomes an rdflib term
    once (oxrdflib's conversion row by row cost as much as Oxigraph's own work; a Python object per cell
    from pyoxigraph, then an rdflib term, still cost a third of it)."""
    import pyoxigraph as ox

    substitutions = {ox.Variable(name): _to_oxigraph(term) for name, term in prepared.bindings.items()}
    try:
        answer = store.query(text, substitutions=substitutions or None)
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult("ASK", boolean=bool(answer), query_text=text, notes=prepared.notes)
        convert = _TermConverter()
        if isinstance(answer, ox.QueryTriples):
            graph = Graph()
            for prefix, namespace in PREFIXES.items():
                graph.bind(prefix, str(namespace))
            for triple in answer:
                graph.add((convert(triple.subject), convert(triple.predicate), convert(triple.object)))
            form = _query_form(text)
            return QueryResult(form, graph=graph, query_text=text, notes=prepared.notes)
        variables = tuple(variable.value for variable in answer.variables)
        table = answer.serialize(format=ox.QueryResultsFormat.TSV).decode("utf-8")
    except SyntaxError as error:  # Oxigraph's: "error at LINE:COLUMN: expected …"
        raise _engine_syntax_error(str(error), prepared.added_lines) from None
    except Exception as error:  # evaluation is lazy; an engine's failure still reaches the user as one line
        raise QueryError(f"the query failed: {_one_line(str(error))}") from None
    # Tabs and line breaks inside a term are escaped: each line after the header is a row (an empty one
    # when its only variable is unbound), a tab ends a cell, and the last row ends with a line break.
    lines = table.split("\n")[1:-1]
    if not variables:
        return QueryResult("SELECT", variables, [()] * len(lines), query_text=text, notes=prepared.notes)
    term_of = _TsvTerms().__getitem__
    rows = [tuple(map(term_of, line.split("\t"))) for line in lines]
    return QueryResult("SELECT", variables, rows, query_text=text, notes=prepared.notes)


class _TsvTerms(dict):
    """TSV cell → rdflib term, each distinct cell read once (names and kinds come back row after row)."""

    def __missing__(self, cell: str) -> Node | None:
        term = self[cell] = _from_tsv(cell) if cell else None
        return term


_TSV_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.DOTALL)
_TSV_ESCAPED = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_TSV_INTEGER = re.compile(r"[+-]?\d+")
_XSD = "http://www.w3.org/2001/XMLSchema#"


def _unescape(match: re.Match) -> str:
    code = match.group(1) or match.group(2)
    return chr(int(code, 16)) if code else _TSV_ESCAPED.get(match.group(3), match.group(3))


def _from_tsv(cell: str) -> Node:
    """One cell of SPARQL 1.1 TSV results (Turtle syntax) as the rdflib term it writes."""
    first = cell[0]
    if first == "<" and not cell.startswith("<<"):
        return URIRef(cell[1:-1])
    if first == '"':
        end = cell.rindex('"')  # a language tag or a datatype IRI holds no quote
        text = cell[1:end]
        if "\\" in text:
            text = _TSV_ESCAPE.sub(_unescape, text)
        suffix = cell[end + 1:]
        if not suffix:
            return text_literal(text)
        if suffix[0] == "@":
            return text_literal(text, suffix[1:])
        datatype = suffix[3:-1]  # ^^<…>
        return text_literal(text) if datatype == _XSD_STRING else Literal(text, datatype=URIRef(datatype))
    if cell.startswith("_:"):
        return BNode(cell[2:])
    # Numbers and booleans in Turtle's short form.
    if cell in ("true", "false"):
        return Literal(cell, datatype=URIRef(_XSD + "boolean"))
    if _TSV_INTEGER.fullmatch(cell):
        return Literal(cell, datatype=URIRef(_XSD + "integer"))
    if "e" in cell or "E" in cell:
        return Literal(cell, datatype=URIRef(_XSD + "double"))
    if "." in cell:
        return Literal(cell, datatype=URIRef(_XSD + "decimal"))
    raise QueryError(f"a result term kg cannot show: {cell}")  # RDF-star triple terms: not in kg's graphs


def _query_form(text: str) -> str:
    """CONSTRUCT or DESCRIBE, whichever keyword comes first outside comment lines (Oxigraph gives both
    as triples)."""
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    match = re.search(r"\b(CONSTRUCT|DESCRIBE)\b", body, re.IGNORECASE)
    return match.group(1).upper() if match else "CONSTRUCT"


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class _TermConverter:
    """pyoxigraph terms → rdflib terms, each distinct term converted once per result (names, kinds and
    documents come back on row after row). A simple literal comes back plain, as rdflib parses it from
    Turtle, not typed xsd:string as Oxigraph gives it (see kg.storing)."""

    def __init__(self) -> None:
        self._terms: dict[object, Node] = {}

    def __call__(self, term) -> Node | None:
        if term is None:
            return None
        converted = self._terms.get(term)
        if converted is None:
            converted = self._terms[term] = _from_oxigraph(term)
        return converted


def _from_oxigraph(term) -> Node:
    import pyoxigraph as ox

    if isinstance(term, ox.Literal):
        language = term.language
        if language:
            return text_literal(term.value, language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return text_literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise QueryError(f"a result term kg cannot show: {term}")  # RDF-star triple terms: not in kg's graphs


def text_literal(text: str, language: str | None = None) -> Literal:
    """``Literal(text, lang=language)``, the very same term, without what its constructor does that a string
    read from a store does not need: the language tag checked (Oxigraph has checked it) and the text tried
    as a typed value. Two thirds of the cost of a row of names and sentences went there."""
    literal = str.__new__(Literal, text)
    # What Literal.__new__ sets for a string without a datatype (tests/test_querying.py checks it still is).
    literal._language = language
    literal._datatype = None
    literal._value = text
    literal._ill_typed = None
    return literal


def _to_oxigraph(term: Node):
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    assert isinstance(term, Literal)
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def _engine_syntax_error(message: str, added_lines: int) -> QueryError:
    match = re.match(r"error at (\d+):(\d+): (.*)", message, re.DOTALL)
    if match is None:
        return QueryError(f"malformed SPARQL: {_one_line(message)}")
    line, column, detail = int(match.group(1)), int(match.group(2)), match.group(3)
    if "Prefix not found" in detail:
        detail = "unknown prefix"
    return QueryError(f"malformed SPARQL at line {max(1, line - added_lines)}, column {column}: "
                      f"{_one_line(detail, 120)}")


def _collect(result: Result, prepared: PreparedQuery) -> QueryResult:
    if result.type == "ASK":
        return QueryResult("ASK", boolean=bool(result.askAnswer), query_text=prepared.text,
                           notes=prepared.notes)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        graph = Graph()
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, str(namespace))
        for triple in result.graph or ():
            graph.add(triple)
        return QueryResult(result.type, graph=graph, query_text=prepared.text, notes=prepared.notes)
    variables = tuple(str(variable) for variable in result.vars or ())
    keys = [Variable(name) for name in variables]
    rows = [tuple(row.get(key) for key in keys) for row in result.bindings]
    return QueryResult("SELECT", variables, rows, query_text=prepared.text, notes=prepared.notes)


def run_preset(graph: Graph, name: str, params: Mapping[str, str] | None = None,
               limit: int | None = None, offset: int = 0) -> QueryResult:
    """Run the preset question ``name`` (see :func:`list_presets`) with the parameters it announces (every
    one needed): every row, or the page of ``limit`` rows from ``offset``."""
    preset = get_preset(name)
    check_parameters(preset, params)
    return run_query(graph, preset.text, params, limit, offset)


# ---------------------------------------------------------------------------------------------------------
# Formats


def compact(term: Node | None) -> str:
    """A term for people to read: a literal's text, an IRI as a CURIE of the vocabulary when it has one."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        iri = str(term)
        # The longest namespace wins: kgr: and kg: share a stem with nothing else, but be exact anyway.
        for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(str(item[1]))):
            if iri.startswith(str(namespace)) and len(iri) > len(str(namespace)):
                return f"{prefix}:{iri[len(str(namespace)):]}"
        return iri
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _as_rdflib_result(result: QueryResult) -> Result:
    rdflib_result = Result("SELECT")
    rdflib_result.vars = [Variable(name) for name in result.variables]
    rdflib_result.bindings = [
        {Variable(name): term for name, term in zip(result.variables, row, strict=True) if term is not None}
        for row in result.rows
    ]
    return rdflib_result


def _tsv_term(term: Node | None) -> str:
    """A term as SPARQL 1.1 TSV writes it: Turtle syntax, with tabs and line breaks escaped."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    assert isinstance(term, Literal)
    text = _sparql_string(str(term))
    if term.language:
        return f"{text}@{term.language}"
    if term.datatype:
        return f"{text}^^<{term.datatype}>"
    return text


def serialize_result(result: QueryResult, format_name: str) -> str:
    """The result as text: csv, tsv, json (SPARQL 1.1 results formats) or table-less Turtle for graphs.

    A CONSTRUCT or DESCRIBE result is Turtle whatever the format, except json, which gives JSON-LD.
    """
    if result.graph is not None:
        if format_name in ("csv", "tsv"):
            raise QueryError(f"a {result.form} query gives a graph, not rows: use --format table (Turtle) "
                             "or json (JSON-LD)")
        return result.graph.serialize(format="json-ld" if format_name == "json" else "turtle")
    if result.form == "ASK":
        if format_name == "json":
            return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if format_name == "csv":
        return _as_rdflib_result(result).serialize(format="csv").decode("utf-8")
    if format_name == "json":
        # rdflib's serializer writes the SPARQL 1.1 JSON results format; reformatted to keep Arabic legible.
        data = json.loads(_as_rdflib_result(result).serialize(format="json").decode("utf-8"))
        ordered = {"head": data["head"], "results": data["results"]}
        return json.dumps(ordered, ensure_ascii=False, indent=1) + "\n"
    if format_name == "tsv":
        lines = ["\t".join(f"?{name}" for name in result.variables)]
        lines += ["\t".join(_tsv_term(term) for term in row) for row in result.rows]
        return "\n".join(lines) + "\n"
    raise QueryError(f"unknown result format {format_name!r}; choose one of {', '.join(RESULT_FORMATS)}")


def write_csv(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """Rows as CSV text (RFC 4180, CRLF line ends as SPARQL's CSV results), '' for None."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if cell is None else cell for cell in row])
    return buffer.getvalue()


# Each table cell is a bidi isolate, its direction taken from its first letter: a bidi-aware terminal or
# page otherwise reads two Arabic cells and the border between them as one right-to-left run, and shows the
# cells in each other's place.
FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"


class IsolatedCell:
    """A table cell of plain text (never read as rich markup) whose every line, once wrapped to its column,
    is a bidi isolate: U+2068 … U+2069."""

    def __init__(self, text: str) -> None:
        from rich.text import Text

        self.text = Text(text)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        return Measurement.get(console, options, self.text)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        from rich.segment import Segment

        for line in console.render_lines(self.text, options, pad=False):
            yield Segment(FIRST_STRONG_ISOLATE)
            yield from line
            yield Segment(POP_DIRECTIONAL_ISOLATE)
            yield Segment.line()


# Columns whose cells run longer than this wrap inside the column instead of widening the table.
WRAP_WIDTH = 48
SHORT_WIDTH = 20  # columns no wider than this keep their width when the long ones can wrap instead
MIN_WRAP_WIDTH = 16  # the narrowest a wrapping column is made


def make_table(headers: Sequence[str], rows: Sequence[Sequence[object]], title: str | None = None,
               width: int | None = None):
    """An aligned rich Table of strings, fitted to ``width`` columns of text when given.

    Arabic cells are given as they are, in logical order: a terminal with bidi support shows them right to
    left, and copying from any terminal gives the original text. Reshaping or reversing them here would
    garble both. Each line of a cell is a bidi isolate (see ``IsolatedCell``), so that cells keep their
    columns' order. Long cells (claims, sentences) wrap on word boundaries within their column, while short
    ones (names, statuses, counts) keep their width as long as the long ones have room to wrap.
    """
    from rich import box
    from rich.cells import cell_len
    from rich.table import Table

    table = Table(title=title, box=box.SQUARE, show_lines=False, header_style="bold")
    texts = [["" if cell is None else str(cell) for cell in row] for row in rows]
    natural = [max([cell_len(header)] + [cell_len(row[column]) for row in texts])
               for column, header in enumerate(headers)]
    long_columns = [column for column, size in enumerate(natural) if size > SHORT_WIDTH]
    limits: dict[int, int] = {column: WRAP_WIDTH for column in long_columns}
    keep_short = False
    if width is not None:
        borders = 3 * len(headers) + 1
        room = width - borders - sum(size for size in natural if size <= SHORT_WIDTH)
        if long_columns and room >= MIN_WRAP_WIDTH * len(long_columns):
            keep_short = True
            share = room // len(long_columns)
            limits = {column: min(WRAP_WIDTH, share, natural[column]) for column in long_columns}
        elif not long_columns and room >= 0:
            keep_short = True
    for column, header in enumerate(headers):
        cells = [row[column] for row in texts]
        numeric = bool(cells) and all(re.fullmatch(r"-?\d+(\.\d+)?", cell) for cell in cells if cell)
        table.add_column(
            header,
            justify="right" if numeric else "left",
            min_width=natural[column] if keep_short and column not in limits else None,
            max_width=limits.get(column),
            overflow="fold",
        )
    for row in texts:
        table.add_row(*map(IsolatedCell, row))
    return table


def html_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Rows as an HTML table, every cell escaped; ``dir="auto"`` lets the browser lay out each Arabic cell
    right to left and each Latin one left to right, which a terminal cannot be trusted to do."""
    import html

    head = "".join(f"<th>{html.escape(str(header))}</th>" for header in headers)
    body = "".join(
        "<tr>" + "".join(f'<td dir="auto">{html.escape("" if cell is None else str(cell))}</td>'
                         for cell in row) + "</tr>"
        for row in rows
    )
    count = f"<p>{len(rows)} row{'s' if len(rows) != 1 else ''}</p>"
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{count}"


def result_table(result: QueryResult, width: int | None = None):
    """A SELECT result as an aligned table, IRIs shortened to the vocabulary's CURIEs."""
    rows = [[compact(term) for term in row] for row in result.rows]
    return make_table(result.variables, rows, width=width)


def output_console(format_name: str = "table"):
    """The console results go to: stdout; a table sent to a file or a pipe is laid out 200 columns wide
    (rich's 80 would wrap every claim) unless COLUMNS says otherwise; machine formats are never wrapped."""
    import os
    import sys

    from rich.console import Console

    piped = not sys.stdout.isatty() and "COLUMNS" not in os.environ
    return Console(width=200 if piped else None, soft_wrap=format_name != "table")


def print_result(result: QueryResult, format_name: str = "table", console=None) -> None:
    """Print a result in ``format_name`` (table, csv, tsv, json) on ``console`` (default: stdout)."""
    console = console or output_console(format_name)
    if format_name not in RESULT_FORMATS:
        raise QueryError(f"unknown result format {format_name!r}; choose one of {', '.join(RESULT_FORMATS)}")
    if format_name == "table" and result.form == "SELECT":
        console.print(result_table(result, console.width))
        count = len(result.rows)
        console.print(f"{count} row{'s' if count != 1 else ''}", style="dim")
        return
    # Machine formats go out verbatim: no markup, no highlighting, no wrapping.
    console.out(serialize_result(result, format_name), end="", highlight=False)


# ---------------------------------------------------------------------------------------------------------
# What the command line needs: a graph from a file or a store, parameters from k=v, a query from somewhere


def open_graph(graph_file: str | Path | None = None, store_dir: str | Path | None = None) -> Graph:
    """The graph to query: a persistent Oxigraph store when ``store_dir`` is given, else a graph file."""
    if store_dir is not None:
        from kg.storing import open_store

        return open_store(store_dir)
    if graph_file is None:
        raise GraphFileError("no graph given: name a graph file, or a store with --store DIR")
    return load_graph(graph_file)


def parse_params(pairs: Iterable[str]) -> dict[str, str]:
    """``["actor=بوتين", "state=روسيا"]`` → a dict; QueryError for a pair without ``=`` or a name."""
    params: dict[str, str] = {}
    for pair in pairs:
        name, equals, value = pair.partition("=")
        if not equals or not name.strip():
            raise QueryError(f"--param {pair!r}: write NAME=VALUE, e.g. --param actor=بوتين")
        params[name.strip()] = value.strip()
    return params


def query_source(sparql: str | None = None, file: str | Path | None = None, preset: str | None = None) -> str:
    """The text of the query to run, given exactly one of: the text itself, a .rq file, a preset's name."""
    given = [name for name, value in (("a query", sparql), ("--file", file), ("--preset", preset)) if value]
    if len(given) != 1:
        raise QueryError("give one query: its text, --file FILE or --preset NAME (kg query --list lists them)"
                         if not given else f"give one query, not {' and '.join(given)}")
    if preset:
        return get_preset(preset).text
    if file:
        path = Path(file)
        if not path.is_file():
            raise QueryError(f"query file not found: {path}")
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise QueryError(f"{path} is not a UTF-8 text file") from None
    return str(sparql)


def presets_table(width: int | None = None):
    """The presets as a table: name, what each answers, its parameters."""
    rows = [
        [preset.name, preset.summary,
         "\n".join(f"{p.name} ({p.kind}): {p.description}" for p in preset.parameters)]
        for preset in list_presets()
    ]
    return make_table(["preset", "answers", "parameters"], rows, width=width)
