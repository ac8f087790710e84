"""Registers: the graph's transfers and claims as the tables analysts read, one line per fact.

The transfer register follows SIPRI's arms-trade register: supplier, recipient, weapon and its category,
status, quantity, when it was reported, how many documents report it, and the evidence. The claim register
does the same for who said what. Both read the graph through SPARQL (ontologies/queries/registers/*.rq),
one row per fact and evidence sentence, and fold the rows here.

A register of a large graph comes a page at a time (``limit`` facts from ``offset``): the page is chosen
among the facts in the store's order before any name or sentence is read, so a page of a million-triple
graph costs a fraction of a second where the whole claim register costs seconds. Each page is sorted like
the whole register; the pages together hold every entry once.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, fields

from rdflib import Graph
from rdflib.term import Node

from kg.errors import QueryError
from kg.querying import PRESETS_DIR, check_page, compact, make_table, output_console, run_query, write_csv

REGISTER_QUERIES = PRESETS_DIR / "registers"
REGISTER_FORMATS = ("table", "csv")
# Statuses from settled to hoped-for, the order a register lists them in.
STATUS_ORDER = ("Delivered", "Deployed", "Agreed", "Planned", "Requested", "Denied")
EVIDENCE_WIDTH = 160  # characters of evidence a table shows; CSV has it whole


@dataclass(frozen=True)
class TransferEntry:
    """One line of the transfer register: one transfer, all its evidence folded."""

    supplier: str
    recipient: str
    weapon: str
    category: str
    status: str
    quantity: str  # the quantities stated, e.g. "4" or "2, 4"; "" when none is
    first_reported: str  # ISO date of the earliest document that reports it, "" when no date is known
    last_reported: str
    sources: int  # distinct documents
    evidence: str  # the earliest sentence stating it
    documents: str  # source files, "; "-separated
    contested_by: str  # statuses of the reports that contradict it («Denied» for a delivery), ", "-separated
    happened: str  # when its sentences say it took place (kg:eventDate: a day, month or year), ", "-joined
    supplier_en: str
    recipient_en: str
    weapon_en: str
    transfer: str  # IRI


@dataclass(frozen=True)
class ClaimEntry:
    """One line of the claim register: one claim, all its evidence folded."""

    speaker: str
    claim: str
    kind: str
    cue: str
    reported_by: str
    first_reported: str
    last_reported: str
    sources: int
    evidence: str
    documents: str
    speaker_en: str
    claim_iri: str


class Register(list):
    """A register's entries (a list), and where they sit in the whole register: the page of at most
    ``limit`` entries (None: every entry) from ``offset``, and whether entries follow (``more``)."""

    def __init__(self, entries=(), offset: int = 0, limit: int | None = None, more: bool = False) -> None:
        super().__init__(entries)
        self.offset, self.limit, self.more = offset, limit, more

    def page_note(self) -> str | None:
        """One line for a page that is not the whole register: where it is and how to get the next one."""
        if not (self.more or self.offset):
            return None
        if not self:
            return f"no entries from offset {self.offset}: the register is shorter"
        first, last = self.offset + 1, self.offset + len(self)
        if not self.more:
            return f"entries {first:,}–{last:,}, the last of the register"
        following = self.offset + (self.limit or 0)
        return f"entries {first:,}–{last:,} of more; --offset {following} for the next page"


def _text(term: Node | None) -> str:
    return "" if term is None else str(term)


def _local_name(term: Node | None) -> str:
    """kg:Delivered → Delivered, kgr:air-defence → air-defence."""
    shown = compact(term)
    return shown.split(":", 1)[1] if ":" in shown and not shown.startswith("http") else shown


def _query(name: str, fact: str, since: str | None = None, until: str | None = None) -> str:
    """A register's query; with ``since`` / ``until`` (ISO dates), only the facts some document dated in that
    window reports."""
    text = (REGISTER_QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    if since is None and until is None:
        return text
    bounds = [f'?reported >= "{_iso(since)}"^^xsd:date' if since else "",
              f'?reported <= "{_iso(until)}"^^xsd:date' if until else ""]
    window = (f"FILTER EXISTS {{ ?{fact} prov:wasDerivedFrom/dcterms:isPartOf/dcterms:date ?reported "
              f"FILTER({' && '.join(bound for bound in bounds if bound)}) }}")
    return re.sub(r"^\s*# reported:.*$", "      " + window, text, count=1, flags=re.MULTILINE)


def _iso(day: str) -> str:
    """A YYYY-MM-DD date as given; QueryError otherwise (it goes into the query's text)."""
    try:
        return datetime.date.fromisoformat(day).isoformat()
    except ValueError:
        raise QueryError(f"not a date: {day!r} (write YYYY-MM-DD)") from None


class _Evidence:
    """The evidence gathered for one fact: documents, dates, sentences."""

    def __init__(self) -> None:
        self.documents: set[str] = set()
        self.sources: set[str] = set()
        self.dates: set[str] = set()
        self.sentences: list[tuple[str, str, str]] = []  # (date or "~", source, sentence)

    def add(self, record: dict[str, Node | None]) -> None:
        if record["doc"] is not None:
            self.documents.add(str(record["doc"]))
        if record["source"] is not None:
            self.sources.add(str(record["source"]))
        date = _text(record["date"])
        if date:
            self.dates.add(date)
        if record["evidence"] is not None:
            # Undated documents sort after dated ones ("~" follows the digits).
            self.sentences.append((date or "~", _text(record["source"]), str(record["evidence"])))

    @property
    def first_sentence(self) -> str:
        return min(self.sentences)[2] if self.sentences else ""


def transfer_register(graph: Graph, limit: int | None = None, offset: int = 0, since: str | None = None,
                      until: str | None = None) -> Register:
    """Every transfer in the graph, one entry each, ordered by supplier, recipient, weapon and status; or
    the page of ``limit`` transfers from ``offset`` (None or 0: every transfer); with ``since`` / ``until``,
    those a document dated in that window reports."""
    limit, offset = check_page(limit, offset)
    result = run_query(graph, _query("transfers", "transfer", since, until), limit=limit, offset=offset)
    facts: dict[str, dict[str, Node | None]] = {}
    evidence: dict[str, _Evidence] = {}
    quantities: dict[str, set[int]] = {}
    contested: dict[str, set[str]] = defaultdict(set)
    happened: dict[str, set[str]] = defaultdict(set)
    for record in result.records():
        key = str(record["transfer"])
        if record["event"] is not None:
            happened[key].add(str(record["event"]))
        if record["contested"] is not None:
            contested[key].add(_local_name(record["contested"]))
        facts.setdefault(key, record)
        evidence.setdefault(key, _Evidence()).add(record)
        if record["quantity"] is not None:
            try:
                quantities.setdefault(key, set()).add(int(record["quantity"]))
            except ValueError:
                pass  # a quantity that is not a number is not shown rather than guessed at
    entries = []
    for key, record in facts.items():
        found = evidence[key]
        entries.append(TransferEntry(
            supplier=_text(record["supplier"]),
            recipient=_text(record["recipient"]),
            weapon=_text(record["weapon"]),
            category=_text(record["category_label"]) or _local_name(record["category"]),
            status=_local_name(record["status"]),
            quantity=", ".join(str(number) for number in sorted(quantities.get(key, ()))),
            first_reported=min(found.dates, default=""),
            last_reported=max(found.dates, default=""),
            sources=len(found.documents),
            evidence=found.first_sentence,
            documents="; ".join(sorted(found.sources)),
            contested_by=", ".join(sorted(contested[key])),
            happened=", ".join(sorted(happened[key])),
            supplier_en=_text(record["supplier_en"]),
            recipient_en=_text(record["recipient_en"]),
            weapon_en=_text(record["weapon_en"]),
            transfer=key,
        ))

    def order(entry: TransferEntry) -> tuple:
        status = STATUS_ORDER.index(entry.status) if entry.status in STATUS_ORDER else len(STATUS_ORDER)
        return (entry.supplier, entry.recipient, entry.weapon, status, entry.first_reported)

    return Register(sorted(entries, key=order), offset, limit, result.more)


def claim_register(graph: Graph, speaker: str | None = None, limit: int | None = None,
                   offset: int = 0, since: str | None = None, until: str | None = None) -> Register:
    """Every claim in the graph, or every claim of ``speaker`` (any of its names or spellings, or its IRI),
    one entry each, ordered by speaker and date; or the page of ``limit`` claims from ``offset`` (None or 0:
    every claim); with ``since`` / ``until``, those a document dated in that window reports."""
    limit, offset = check_page(limit, offset)
    params = {"actor": speaker} if speaker else None
    result = run_query(graph, _query("claims", "claim", since, until), params, limit=limit, offset=offset)
    facts: dict[str, dict[str, Node | None]] = {}
    evidence: dict[str, _Evidence] = {}
    cues: dict[str, set[str]] = {}
    for record in result.records():
        key = str(record["claim"])
        facts.setdefault(key, record)
        evidence.setdefault(key, _Evidence()).add(record)
        if record["cue"] is not None:
            cues.setdefault(key, set()).add(str(record["cue"]))
    entries = [
        ClaimEntry(
            speaker=_text(record["speaker"]),
            claim=_text(record["text"]),
            kind=_local_name(record["kind"]),
            cue="، ".join(sorted(cues.get(key, ()))),
            reported_by=_text(record["reported_by"]),
            first_reported=min(evidence[key].dates, default=""),
            last_reported=max(evidence[key].dates, default=""),
            sources=len(evidence[key].documents),
            evidence=evidence[key].first_sentence,
            documents="; ".join(sorted(evidence[key].sources)),
            speaker_en=_text(record["speaker_en"]),
            claim_iri=key,
        )
        for key, record in facts.items()
    ]
    entries.sort(key=lambda entry: (entry.speaker, entry.first_reported or "~", entry.claim))
    return Register(entries, offset, limit, result.more)


def _reported(first: str, last: str) -> str:
    return first if first == last else f"{first} – {last}"


def _shorten(text: str, width: int = EVIDENCE_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def register_csv(entries: Sequence[TransferEntry] | Sequence[ClaimEntry], kind: type) -> str:
    """A register as CSV: every field of its entries, one column each, nothing shortened."""
    headers = [f.name for f in fields(kind)]
    return write_csv(headers, ([getattr(entry, name) for name in headers] for entry in entries))


def _without_empty_columns(headers: list[str], rows: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """Drop the columns no entry fills (no quantity or date stated anywhere): a terminal has no room to
    waste; the CSV keeps every column."""
    kept = [column for column in range(len(headers)) if not rows or any(row[column] for row in rows)]
    return [headers[column] for column in kept], [[row[column] for column in kept] for row in rows]


def transfer_table(entries: Sequence[TransferEntry], width: int | None = None):
    """The transfer register as an aligned table."""
    headers = ["supplier", "recipient", "weapon", "category", "status", "contested by", "quantity",
               "happened", "reported", "sources", "evidence"]
    rows = [
        [entry.supplier or "—", entry.recipient or "—", entry.weapon, entry.category, entry.status,
         entry.contested_by, entry.quantity, entry.happened,
         _reported(entry.first_reported, entry.last_reported), str(entry.sources), _shorten(entry.evidence)]
        for entry in entries
    ]
    headers, rows = _without_empty_columns(headers, rows)
    return make_table(headers, rows, title=f"Transfers ({len(entries)})", width=width)


def claim_table(entries: Sequence[ClaimEntry], width: int | None = None):
    """The claim register as an aligned table."""
    headers = ["speaker", "claim", "kind", "cue", "reported by", "reported", "sources"]
    rows = [
        [entry.speaker, entry.claim, entry.kind, entry.cue, entry.reported_by,
         _reported(entry.first_reported, entry.last_reported), str(entry.sources)]
        for entry in entries
    ]
    headers, rows = _without_empty_columns(headers, rows)
    return make_table(headers, rows, title=f"Claims ({len(entries)})", width=width)


def print_register(entries: Sequence, kind: type, format_name: str = "table", console=None) -> None:
    """Print a register (TransferEntry or ClaimEntry rows) as a table or as CSV on ``console``."""
    if format_name not in REGISTER_FORMATS:
        choices = ", ".join(REGISTER_FORMATS)
        raise QueryError(f"unknown register format {format_name!r}; choose one of {choices}")
    console = console or output_console(format_name)
    if format_name == "csv":
        console.out(register_csv(entries, kind), end="", highlight=False)
    elif kind is TransferEntry:
        console.print(transfer_table(entries, console.width))
    else:
        console.print(claim_table(entries, console.width))

