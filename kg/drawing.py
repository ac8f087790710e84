"""Drawing: the graph as one self-contained, offline HTML page (pyvis data, vis-network inlined).

Entities and claims are nodes, coloured and shaped by kind and sized by PageRank; said, mentions and
transfers are edges, a transfer drawn supplier → weapon → recipient in the line style of its status.
The page carries its own search, kind filters, a switch to hide claims, and a legend.

Safety: every string that comes from an article is passed through ``html.escape`` before it enters a
tooltip's markup, and all data reach the page as JSON whose ``<``, ``>`` and ``&`` are escaped, so an
article cannot close the script or inject an element. The page turns each tooltip into an element
(vis-network shows a plain-string title as raw text, with tags visible), so escaped text reads normally.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from pathlib import Path

import jinja2
import pyvis
from markupsafe import Markup
from pyvis.network import Network
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF

from kg.analysing import (
    ClaimInfo,
    EntityInfo,
    Evidence,
    GraphReading,
    TransferInfo,
    documents_of_entities,
    read_graph,
)
from kg.errors import OutputError
from kg.exporting import write_atomically
from kg.normalizing import fold, without_bidi_controls
from kg.vocabulary import KG

# A font stack with Arabic glyphs first: the page must read well without any web font.
FONT_STACK = "'Noto Naskh Arabic', 'Noto Sans Arabic', 'DejaVu Sans', Tahoma, 'Segoe UI', sans-serif"

# kind → (vis shape, colour, Arabic name, English name)
NODE_STYLES: dict[str, tuple[str, str, str, str]] = {
    "person": ("dot", "#3b82c4", "شخص", "person"),
    "state": ("square", "#d64545", "دولة", "state"),
    "organization": ("triangle", "#8e5bd0", "منظمة", "organisation"),
    "place": ("diamond", "#2f9e5b", "مكان", "place"),
    "weapon": ("star", "#e07b22", "سلاح", "weapon"),
    "claim": ("hexagon", "#8a94a6", "قول", "claim"),
    "actor": ("dot", "#6b7a90", "فاعل", "actor"),
    "entity": ("dot", "#b0b8c4", "كيان", "entity"),
}
# status → (Arabic name, English name, dash pattern or False, colour, width)
STATUS_STYLES: dict[str, tuple[str, str, list[int] | bool, str, float]] = {
    "Delivered": ("سُلِّم", "delivered", False, "#b45309", 3.0),
    "Deployed": ("نُشِر", "deployed", False, "#7c2d12", 3.0),
    "Agreed": ("اتُّفق عليه", "agreed", [12, 5], "#b45309", 2.0),
    "Planned": ("مُزمَع", "planned", [6, 6], "#b45309", 2.0),
    "Requested": ("مطلوب", "requested", [2, 6], "#b45309", 2.0),
    "Denied": ("نُفي", "denied", [2, 4], "#9ca3af", 1.5),
}
UNKNOWN_STATUS = ("؟", "status unknown", [4, 4], "#9ca3af", 1.5)
QUOTE_KINDS = {
    "DirectQuote": ("قول مباشر", "direct quote"),
    "ReportedSpeech": ("قول منقول", "reported speech"),
}
SAID_COLOR = "#4b5563"
MENTION_COLOR = "#c3c9d4"
CO_MENTION_COLOR = "#d9dde5"
MAX_EVIDENCE = 3  # sentences shown in a tooltip; the rest are counted
CLAIM_LABEL_CHARS = 28
STABILIZATION_ITERATIONS = 200  # bounded: a few hundred nodes are laid out by then
LAYOUT_BUDGET_MS = 2500  # and bounded in time too, for a slow machine or a large graph
RELAYOUT_ITERATIONS = 80  # after hiding or showing nodes, the layout only has to adjust

PAGE_TITLE = "شبكة المعرفة · Knowledge graph"
PYVIS_LIB = Path(pyvis.__file__).parent / "templates" / "lib"
VIS_JS = PYVIS_LIB / "vis-9.1.2" / "vis-network.min.js"
VIS_CSS = PYVIS_LIB / "vis-9.1.2" / "vis-network.css"


# ---------------------------------------------------------------------------------------------------
# Tooltips: markup of our own, article text escaped


def _escape(text: object) -> str:
    return html.escape(str(text), quote=True)


def _row(key_ar: str, key_en: str, value: str, *, value_is_markup: bool = False) -> str:
    shown = value if value_is_markup else _escape(value)
    return (f'<div class="kg-row"><span class="kg-key">{_escape(key_ar)} · <span dir="ltr">'
            f'{_escape(key_en)}</span></span> <bdi>{shown}</bdi></div>')


def _evidence_markup(evidence: tuple[Evidence, ...]) -> str:
    parts = []
    for item in evidence[:MAX_EVIDENCE]:
        where = ", ".join(item.sources) or (str(item.document) if item.document else "")
        title = f" — {item.title}" if item.title else ""
        parts.append(f'<blockquote dir="rtl">{_escape(item.text)}</blockquote>'
                     f'<div class="kg-source" dir="auto">{_escape(where + title)}</div>')
    if len(evidence) > MAX_EVIDENCE:
        parts.append(f'<div class="kg-source">+{len(evidence) - MAX_EVIDENCE} '
                     f'<span dir="ltr">more sentences</span></div>')
    return "".join(parts)


def _entity_tooltip(entity: EntityInfo, rank: float, documents: int) -> str:
    _, color, kind_ar, kind_en = NODE_STYLES.get(entity.kind, NODE_STYLES["entity"])
    lines = [f'<div class="kg-head" style="border-color:{color}" dir="rtl">'
             f'{_escape(entity.label_ar or entity.label_en or entity.iri)}</div>']
    if entity.label_en:
        lines.append(f'<div class="kg-en" dir="ltr">{_escape(entity.label_en)}</div>')
    lines.append(_row("النوع", "kind", f"{kind_ar} · {kind_en}"))
    if entity.alt_labels:
        lines.append(_row("الكتابات", "spellings", "، ".join(entity.alt_labels)))
    if entity.wikidata:
        lines.append(_row("ويكي بيانات", "Wikidata", entity.wikidata))
    lines.append(_row("الوثائق", "documents", str(documents)))
    lines.append(_row("PageRank", "PageRank", f"{rank:.4f}"))
    return "".join(lines)


def _claim_tooltip(claim: ClaimInfo, names: dict[URIRef, str]) -> str:
    kind_ar, kind_en = QUOTE_KINDS.get(claim.kind or "", ("قول", "claim"))
    speaker = names.get(claim.speaker, "؟") if claim.speaker is not None else "؟"
    lines = [f'<div class="kg-head" dir="rtl">{_escape(speaker)}: «{_escape(claim.text)}»</div>',
             _row("النوع", "kind", f"{kind_ar} · {kind_en}")]
    if claim.cues:
        lines.append(_row("الفعل", "cue", "، ".join(claim.cues)))
    if claim.reported_by:
        agencies = "، ".join(names.get(agency, str(agency)) for agency in claim.reported_by)
        lines.append(_row("نقلاً عن", "reported by", agencies))
    if claim.mentions:
        lines.append(_row("يذكر", "mentions", "، ".join(names.get(e, str(e)) for e in claim.mentions)))
    return "".join(lines) + _evidence_markup(claim.evidence)


def _transfer_tooltip(transfer: TransferInfo, names: dict[URIRef, str]) -> str:
    status_ar, status_en, *_ = STATUS_STYLES.get(transfer.status or "", UNKNOWN_STATUS)

    def name(node: URIRef | None) -> str:
        return names.get(node, str(node)) if node is not None else "؟"

    head = f"{name(transfer.supplier)} ← {name(transfer.weapon)} ← {name(transfer.recipient)}"
    lines = [f'<div class="kg-head" dir="rtl">{_escape(head)}</div>',
             _row("المورّد", "supplier", name(transfer.supplier)),
             _row("المتلقي", "recipient", name(transfer.recipient)),
             _row("السلاح", "weapon", name(transfer.weapon)),
             _row("الحالة", "status", f"{status_ar} · {status_en}")]
    if transfer.quantity is not None:
        lines.append(_row("الكمية", "quantity", str(transfer.quantity)))
    if transfer.stated_by:
        lines.append(_row("بحسب", "stated by", "، ".join(name(a) for a in transfer.stated_by)))
    if transfer.contested_by:
        shown = "، ".join(STATUS_STYLES.get(status, UNKNOWN_STATUS)[0] for status in transfer.contested_by)
        lines.append(_row("متنازع عليه", "contested", f"{shown} · {', '.join(transfer.contested_by)}"))
    return "".join(lines) + _evidence_markup(transfer.evidence)


# ---------------------------------------------------------------------------------------------------
# Nodes, edges and options


def _search_key(*names: str | None) -> str:
    return "|".join(fold(name) for name in names if name)


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _report_days(graph: Graph, evidence: tuple[Evidence, ...]) -> list[str]:
    """The publication days of the documents a fact's evidence comes from, for the page's date filter."""
    return sorted({str(day) for item in evidence if item.document is not None
                   for day in graph.objects(item.document, DCTERMS.date)})


class _NodeIds(list):
    """pyvis's list of node ids, answering ``in`` from a set: pyvis asks it once per node added and twice per
    edge, which on a list took 2.6 s of the page of 1,000 articles."""

    def __init__(self) -> None:
        super().__init__()
        self._members: set = set()

    def append(self, node_id) -> None:
        super().append(node_id)
        self._members.add(node_id)

    def __contains__(self, node_id) -> bool:
        return node_id in self._members


def build_network(graph: Graph, *, hide_claims: bool = False, reading: GraphReading | None = None) -> Network:
    """The pyvis network of ``graph``: one node per entity and per claim, edges for every fact.
    ``reading``: kg.analysing.read_graph(graph), when already made."""
    reading = reading or read_graph(graph)
    entities, claims, transfers = reading.entities, reading.claims, reading.transfers
    projection, ranks = reading.projection, reading.ranks
    names = {iri: entity.label_ar or entity.label_en or str(iri) for iri, entity in entities.items()}
    # The count stats.json reports.
    documents_of = documents_of_entities(graph, claims, transfers, reading.sentence_mentions)
    network = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    network.node_ids = _NodeIds()

    def add_entity(iri: URIRef) -> None:
        if str(iri) in network.node_map:
            return
        entity = entities.get(iri) or EntityInfo(iri, "entity", None, None)
        shape, color, *_ = NODE_STYLES.get(entity.kind, NODE_STYLES["entity"])
        label = entity.label_ar or entity.label_en or str(iri).rsplit("/", 1)[-1]
        network.add_node(
            str(iri), label=label, shape=shape,
            color={"background": color, "border": "#ffffff",
                   "highlight": {"background": color, "border": "#111827"},
                   "hover": {"background": color, "border": "#111827"}},
            value=round(ranks.get(str(iri), 0.0), 6), kind=entity.kind,
            search=_search_key(entity.label_ar, entity.label_en, *entity.alt_labels),
            tip=_entity_tooltip(entity, ranks.get(str(iri), 0.0), len(documents_of.get(iri, ()))),
        )

    for iri in entities:
        add_entity(iri)

    parallel: Counter[tuple[str, str]] = Counter()

    def add_edge(source: URIRef, target: URIRef, **options: object) -> None:
        for node in (source, target):
            if node not in claim_tips:
                add_entity(node)
        pair = (str(source), str(target))
        # Parallel edges (two statuses of one transfer, say) get their own curve, not one drawn over another.
        if parallel[pair]:
            options["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.15 * parallel[pair]}
        parallel[pair] += 1
        network.add_edge(str(source), str(target), **options)

    _, claim_color, *_ = NODE_STYLES["claim"]
    claim_tips = {claim.iri: _claim_tooltip(claim, names) for claim in claims}
    for claim in claims:
        network.add_node(
            str(claim.iri), label="«" + _short(claim.text, CLAIM_LABEL_CHARS) + "»", shape="hexagon",
            color={"background": claim_color, "border": "#ffffff",
                   "highlight": {"background": claim_color, "border": "#111827"},
                   "hover": {"background": claim_color, "border": "#111827"}},
            size=7, kind="claim", hidden=hide_claims, font={"size": 10, "color": "#4b5563"},
            search=_search_key(claim.text), tip=claim_tips[claim.iri],
            days=_report_days(graph, claim.evidence),
        )
    for claim in claims:
        if claim.speaker is not None:
            add_edge(claim.speaker, claim.iri, label="قال", relation="said", fact=str(claim.iri),
                     color=SAID_COLOR, width=1.5, tip=claim_tips[claim.iri])
        for named in claim.mentions:
            add_edge(claim.iri, named, relation="mentions", color=MENTION_COLOR, width=1, dashes=[1, 3],
                     tip=f"{_escape(names.get(named, str(named)))} <span dir='ltr'>(named in the claim)"
                         "</span>")

    for transfer in transfers:
        status_ar, status_en, dashes, color, width = STATUS_STYLES.get(transfer.status or "", UNKNOWN_STATUS)
        tip = _transfer_tooltip(transfer, names)
        style = {"relation": "transfers", "fact": str(transfer.iri), "status": transfer.status or "",
                 "color": color, "width": width, "dashes": dashes, "tip": tip,
                 "days": _report_days(graph, transfer.evidence)}
        if transfer.weapon is None:
            if transfer.supplier is not None and transfer.recipient is not None:
                add_edge(transfer.supplier, transfer.recipient, label=status_ar, **style)
            continue
        if transfer.contested_by:  # a report and its denial: the label says so where the edge is drawn
            status_ar = f"{status_ar} ⚠"
            style["contested"] = True
        if transfer.supplier is not None:
            add_edge(transfer.supplier, transfer.weapon, label=status_ar, **style)
        if transfer.recipient is not None:
            add_edge(transfer.weapon, transfer.recipient, label="إلى", **style)

    # Co-mention ties: hidden until asked for, and out of the physics, or they would knot the layout.
    for source, target, data in projection.edges(data=True):
        if data["kind"] == "co_mention" and source < target:
            count = data["count"]
            network.add_edge(source, target, relation="co_mention", color=CO_MENTION_COLOR, hidden=True,
                             physics=False, arrows="", width=min(1 + count / 2, 5),
                             tip=f"<div dir='rtl'>ذُكرا معاً في {count} جملة</div>"
                                 f"<div dir='ltr'>named together in {count} sentence(s)</div>")
    # With claims hidden, a speaker is tied straight to what its claims name: these edges stand in for them.
    for source, target, data in projection.edges(data=True):
        if data["kind"] == "said_about":
            count = data["count"]
            speaker, named = names.get(URIRef(source), source), names.get(URIRef(target), target)
            network.add_edge(source, target, relation="said_about", color=SAID_COLOR, hidden=not hide_claims,
                             physics=hide_claims, width=min(1 + count / 2, 5),
                             tip=f"<div dir='rtl'>{_escape(speaker)} ← {_escape(named)}: {count} قول</div>"
                                 f"<div dir='ltr'>named in {count} claim(s) of the speaker</div>")
    return network


def vis_options(node_count: int) -> dict:
    """vis-network options: Arabic-capable fonts, PageRank scaling, a bounded, seeded layout."""
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": node_count <= 100},
        "nodes": {
            "borderWidth": 1.5,
            "font": {"face": FONT_STACK, "size": 15, "color": "#111827", "strokeWidth": 4,
                     "strokeColor": "#ffffff"},
            "scaling": {"min": 10, "max": 42, "label": {"enabled": True, "min": 16, "max": 28}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
            "font": {"face": FONT_STACK, "size": 11, "color": "#374151", "strokeWidth": 3,
                     "strokeColor": "#ffffff", "align": "middle"},
            "smooth": {"enabled": True, "type": "continuous", "roundness": 0.3},
            "selectionWidth": 2,
        },
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "centralGravity": 0.015, "springLength": 95,
                                 "springConstant": 0.06, "damping": 0.5, "avoidOverlap": 0.4},
            "maxVelocity": 60,
            "minVelocity": 1.0,
            "timestep": 0.5,
            "stabilization": {"enabled": True, "iterations": STABILIZATION_ITERATIONS, "updateInterval": 10,
                              "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "multiselect": True, "hideEdgesOnDrag": True},
    }


# ---------------------------------------------------------------------------------------------------
# The page


def _script_safe_json(data: object) -> str:
    """JSON that cannot end a <script> element or open a comment inside it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _asset(path: Path, closing_tag: str) -> str:
    """A bundled vis-network file, ready to inline (a closing tag inside it would end the element)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise OutputError(f"the vis-network files pyvis ships are missing ({path}): {error}") from None
    return text.replace(f"</{closing_tag}", f"<\\/{closing_tag}")


def _legend_swatch(kind: str) -> str:
    shape, color, *_ = NODE_STYLES[kind]
    shapes = {
        "dot": '<circle cx="8" cy="8" r="6"/>',
        "square": '<rect x="2" y="2" width="12" height="12"/>',
        "triangle": '<polygon points="8,1 15,14 1,14"/>',
        "diamond": '<polygon points="8,1 15,8 8,15 1,8"/>',
        "star": '<polygon points="8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6"/>',
        "hexagon": '<polygon points="4,2 12,2 15,8 12,14 4,14 1,8"/>',
    }
    return f'<svg width="16" height="16" viewBox="0 0 16 16" fill="{color}">{shapes[shape]}</svg>'


def _line_swatch(color: str, dashes: list[int] | bool, width: float) -> str:
    dash = f' stroke-dasharray="{",".join(map(str, dashes))}"' if dashes else ""
    return (f'<svg width="34" height="10" viewBox="0 0 34 10"><line x1="1" y1="5" x2="33" y2="5" '
            f'stroke="{color}" stroke-width="{width}"{dash}/></svg>')


PAGE = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined).from_string("""\
<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>{{ vis_css }}</style>
<style>
  html, body { margin: 0; height: 100%; font-family: {{ font_stack }}; color: #111827; background: #f8fafc; }
  body { display: flex; flex-direction: column; }
  header { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 18px; padding: 8px 14px;
           background: #ffffff; border-bottom: 1px solid #e5e7eb; }
  header h1 { font-size: 18px; margin: 0; font-weight: 700; }
  header .kg-counts { color: #4b5563; font-size: 13px; }
  header label { font-size: 14px; cursor: pointer; white-space: nowrap; }
  #kg-search { font: inherit; font-size: 14px; padding: 3px 8px; min-width: 16em; border: 1px solid #cbd5e1;
               border-radius: 4px; }
  #kg-found { color: #4b5563; font-size: 13px; }
  main { position: relative; flex: 1; min-height: 0; }
  #kg-network { position: absolute; inset: 0; }
  #kg-legend { position: absolute; top: 10px; right: 10px; background: rgba(255,255,255,0.94);
               border: 1px solid #e5e7eb; border-radius: 6px; padding: 8px 10px; font-size: 13px;
               line-height: 1.7; z-index: 2; }
  #kg-legend h2 { font-size: 13px; margin: 0 0 2px; }
  #kg-legend svg { vertical-align: middle; margin-inline-end: 4px; }
  #kg-legend .kg-count { color: #6b7280; }
  #kg-legend .kg-edges { margin-top: 6px; border-top: 1px solid #e5e7eb; padding-top: 4px; }
  #kg-status { position: absolute; bottom: 8px; left: 10px; color: #6b7280; font-size: 12px; z-index: 2; }
  div.vis-tooltip { max-width: 440px; white-space: normal; font-family: {{ font_stack }}; font-size: 14px;
                    line-height: 1.6; direction: rtl; text-align: right; padding: 8px 10px;
                    background: #ffffff; border: 1px solid #cbd5e1; box-shadow: 0 2px 8px rgba(0,0,0,.15); }
  .kg-tip .kg-head { font-weight: 700; font-size: 15px; border-right: 4px solid #9ca3af;
                     padding-right: 6px; margin-bottom: 2px; }
  .kg-tip .kg-en { color: #374151; text-align: left; }
  .kg-tip .kg-key { color: #6b7280; font-size: 12px; }
  .kg-tip blockquote { margin: 6px 0 0; padding: 2px 8px; border-right: 3px solid #e5e7eb; color: #1f2937; }
  .kg-tip .kg-source { color: #6b7280; font-size: 12px; direction: ltr; text-align: left; }
</style>
</head>
<body>
<header>
  <h1>{{ title }}</h1>
  <span class="kg-counts">{{ counts_ar }} — <span dir="ltr">{{ counts_en }}</span></span>
  <input id="kg-search" type="search" list="kg-names" autocomplete="off"
         placeholder="ابحث عن اسم · search a name">
  <datalist id="kg-names">{% for name in search_names %}<option value="{{ name }}">{% endfor %}</datalist>
  <span id="kg-found"></span>
  <label><input id="hide-claims" type="checkbox"{% if hide_claims %} checked{% endif %}>
    إخفاء الأقوال · <span dir="ltr">hide claims</span></label>
  <label><input id="show-co-mentions" type="checkbox">
    روابط الذكر المشترك · <span dir="ltr">co-mentions</span></label>
  {% if report_days %}<label>من · <span dir="ltr">from</span>
    <input id="kg-since" type="date" min="{{ report_days[0] }}" max="{{ report_days[-1] }}"></label>
  <label>إلى · <span dir="ltr">to</span>
    <input id="kg-until" type="date" min="{{ report_days[0] }}" max="{{ report_days[-1] }}"></label>
  {% endif %}
</header>
<main>
  <div id="kg-network"></div>
  <aside id="kg-legend">
    <h2>المفتاح · <span dir="ltr">legend</span></h2>
    {% for kind in legend_kinds %}
    <div><label><input type="checkbox" class="kg-kind" value="{{ kind.kind }}"
                       {%- if kind.shown %} checked{% endif %}>
      {{ kind.swatch }}{{ kind.name_ar }} · <span dir="ltr">{{ kind.name_en }}</span>
      <span class="kg-count">({{ kind.count }})</span></label></div>
    {% endfor %}
    <div class="kg-edges">
    {% for line in legend_lines %}
      <div>{{ line.swatch }}{{ line.name_ar }} · <span dir="ltr">{{ line.name_en }}</span></div>
    {% endfor %}
    </div>
  </aside>
  <div id="kg-status" dir="ltr">laying out…</div>
</main>
<script>{{ vis_js }}</script>
<script>
(function () {
  "use strict";
  var started = performance.now();
  var payload = {{ payload }};
  // Tooltips arrive as markup whose article text is already escaped; as an element, vis-network shows
  // it formatted (a plain-string title would be shown as raw text, tags and all).
  function tooltip(markup) {
    var box = document.createElement("div");
    box.className = "kg-tip";
    box.innerHTML = markup;
    return box;
  }
  function withTooltips(items) {
    items.forEach(function (item) {
      if (item.tip) { item.title = tooltip(item.tip); }
      delete item.tip;
    });
    return items;
  }
  var nodes = new vis.DataSet(withTooltips(payload.nodes));
  var edges = new vis.DataSet(withTooltips(payload.edges));
  var network = new vis.Network(document.getElementById("kg-network"), {nodes: nodes, edges: edges},
                                payload.options);
  var status = document.getElementById("kg-status");
  var kg = window.kg = {network: network, nodes: nodes, edges: edges, ready: false, layouts: 0, timings: {}};

  var layoutStarted = started;
  function showCounts(milliseconds) {
    status.textContent = network.body.nodeIndices.length + " nodes, " + network.body.edgeIndices.length +
      " edges drawn · laid out in " + milliseconds + " ms";
  }
  function settled() {
    // Physics off once laid out: the page then costs no CPU, and nodes stay where the reader drags them.
    network.setOptions({physics: {enabled: false}});
    showCounts(Math.round(performance.now() - layoutStarted));
    kg.layouts += 1;
    if (kg.ready) { return; }
    kg.timings.settled = Math.round(performance.now() - started);
    kg.ready = true;
    document.body.setAttribute("data-ready", "true");
  }
  network.on("stabilizationIterationsDone", settled);
  // A time budget as well as an iteration cap: a reader waits a few seconds at most, whatever the graph.
  network.on("stabilizationProgress", function (progress) {
    status.textContent = "laying out… " + Math.round(100 * progress.iterations / progress.total) + "%";
    if (performance.now() - layoutStarted > payload.layoutBudgetMs) { network.stopSimulation(); }
  });
  if (nodes.length === 0) { settled(); }
  function relayout() {  // after the visible graph changed: a short layout from where the nodes are
    layoutStarted = performance.now();
    network.setOptions({physics: {enabled: true}});
    network.stabilize(payload.relayoutIterations);
  }

  // --- filters: kinds, claims, co-mentions -------------------------------------------------------
  var hideClaims = document.getElementById("hide-claims");
  var kindBoxes = Array.prototype.slice.call(document.querySelectorAll("input.kg-kind"));
  function shownKinds() {
    var shown = {};
    kindBoxes.forEach(function (box) { shown[box.value] = box.checked; });
    if (hideClaims.checked) { shown.claim = false; }
    return shown;
  }
  // --- dates: facts whose documents were published in the window (undated ones go once it is set) -----
  var since = document.getElementById("kg-since"), until = document.getElementById("kg-until");
  function inWindow(days) {
    var from = since && since.value, to = until && until.value;
    if (!days || (!from && !to)) { return true; }
    return days.some(function (day) { return (!from || day >= from) && (!to || day <= to); });
  }
  function applyKinds() {
    var shown = shownKinds();
    nodes.update(nodes.get().map(function (node) {
      return {id: node.id, hidden: shown[node.kind] === false || !inWindow(node.days)};
    }));
    edges.update(edges.get({filter: function (edge) { return edge.relation === "transfers"; }})
      .map(function (edge) { return {id: edge.id, hidden: !inWindow(edge.days)}; }));
    // speaker → named entity edges stand in for the claims while these are hidden
    edges.update(edges.get({filter: function (edge) { return edge.relation === "said_about"; }})
      .map(function (edge) {
        return {id: edge.id, hidden: shown.claim !== false, physics: shown.claim === false};
      }));
    relayout();
  }
  kindBoxes.forEach(function (box) {
    box.addEventListener("change", function () {
      if (box.value === "claim") { hideClaims.checked = !box.checked; }
      applyKinds();
    });
  });
  hideClaims.addEventListener("change", function () {
    kindBoxes.forEach(function (box) { if (box.value === "claim") { box.checked = !hideClaims.checked; } });
    applyKinds();
  });
  [since, until].forEach(function (box) { if (box) { box.addEventListener("change", applyKinds); } });
  document.getElementById("show-co-mentions").addEventListener("change", function (event) {
    var shown = event.target.checked;
    edges.update(edges.get({filter: function (edge) { return edge.relation === "co_mention"; }})
      .map(function (edge) { return {id: edge.id, hidden: !shown}; }));
  });

  // --- search: names folded as the library folds them (diacritics, hamza forms, ta marbuta) -------
  function fold(text) {
    return text.normalize("NFKC")
      .replace(/[\\u0610-\\u061a\\u064b-\\u065f\\u0670\\u06d6-\\u06ed\\u0640]/g, "")
      .replace(/[أإآٱ]/g, "ا").replace(/[ىئ]/g, "ي").replace(/ؤ/g, "و").replace(/ة/g, "ه")
      .toLowerCase().replace(/\\s+/g, " ").trim();
  }
  var found = document.getElementById("kg-found");
  function search() {
    var query = fold(document.getElementById("kg-search").value);
    if (!query) { network.unselectAll(); found.textContent = ""; return; }
    var matches = nodes.get({filter: function (node) {
      return !node.hidden && node.search && node.search.indexOf(query) !== -1;
    }}).sort(function (a, b) { return (b.value || 0) - (a.value || 0); });
    found.textContent = matches.length + " ✓";
    if (!matches.length) { network.unselectAll(); return; }
    var ids = matches.map(function (node) { return node.id; });
    network.selectNodes(ids);
    network.focus(ids[0], {scale: 1.3, animation: {duration: 300}});
  }
  var searchBox = document.getElementById("kg-search");
  searchBox.addEventListener("change", search);
  searchBox.addEventListener("keydown", function (event) { if (event.key === "Enter") { search(); } });
})();
</script>
</body>
</html>
""")


def render_html(graph: Graph, *, hide_claims: bool = False, title: str = PAGE_TITLE,
                reading: GraphReading | None = None) -> str:
    """The whole page for ``graph`` as a string: data, vis-network and styles inlined, nothing fetched.
    ``reading``: kg.analysing.read_graph(graph), when already made."""
    reading = reading or read_graph(graph)
    network = build_network(graph, hide_claims=hide_claims, reading=reading)
    kinds = Counter(node["kind"] for node in network.nodes)
    legend_kinds = [
        {"kind": kind, "swatch": Markup(_legend_swatch(kind)), "name_ar": name_ar,
         "name_en": name_en, "count": kinds[kind], "shown": not (kind == "claim" and hide_claims)}
        for kind, (_, _, name_ar, name_en) in NODE_STYLES.items() if kinds[kind]
    ]
    statuses = Counter(edge.get("status") for edge in network.edges if edge.get("relation") == "transfers")
    legend_lines = [
        {"swatch": Markup(_line_swatch(SAID_COLOR, False, 1.5)),
         "name_ar": "قال", "name_en": "said"},
        {"swatch": Markup(_line_swatch(MENTION_COLOR, [1, 3], 1.5)),
         "name_ar": "يذكر", "name_en": "mentions"},
        {"swatch": Markup(_line_swatch(SAID_COLOR, False, 3)),
         "name_ar": "تحدّث عن (الأقوال مخفية)", "name_en": "said about (claims hidden)"},
    ] + [
        {"swatch": Markup(_line_swatch(color, dashes, width)),
         "name_ar": f"ينقل · {name_ar}", "name_en": f"transfers · {name_en}"}
        for status, (name_ar, name_en, dashes, color, width) in STATUS_STYLES.items() if statuses[status]
    ]
    names: set[str] = set()
    for entity in reading.entities.values():
        names.update(name for name in (entity.label_ar, entity.label_en, *entity.alt_labels) if name)
    entity_count = sum(count for kind, count in kinds.items() if kind != "claim")
    transfer_count = sum(1 for _ in graph.subjects(RDF.type, KG.Transfer))
    counts_ar = f"{entity_count} كياناً · {kinds['claim']} قولاً · {transfer_count} عملية نقل"
    counts_en = f"{entity_count} entities · {kinds['claim']} claims · {transfer_count} transfers"
    payload = {"nodes": network.nodes, "edges": network.edges, "options": vis_options(len(network.nodes)),
               "layoutBudgetMs": LAYOUT_BUDGET_MS, "relayoutIterations": RELAYOUT_ITERATIONS}
    page = PAGE.render(
        title=title,
        counts_ar=counts_ar,
        counts_en=counts_en,
        font_stack=Markup(FONT_STACK),
        vis_css=Markup(_asset(VIS_CSS, "style")),
        vis_js=Markup(_asset(VIS_JS, "script")),
        payload=Markup(_script_safe_json(payload)),
        search_names=sorted(names),
        hide_claims=hide_claims,
        legend_kinds=legend_kinds,
        report_days=sorted({day for item in [*network.nodes, *network.edges]
                            for day in item.get("days", ())}),
        legend_lines=legend_lines,
    )
    # A graph from elsewhere may carry bidi controls in its names and texts; the page lays out direction by
    # its own markup (dir, <bdi>), and none of vis-network's code holds such a character.
    return without_bidi_controls(page)


def write_html(graph: Graph, path: Path, *, hide_claims: bool = False,
               reading: GraphReading | None = None) -> Path:
    """Draw ``graph`` into one offline HTML page at ``path`` (written atomically); returns the path.
    ``reading``: kg.analysing.read_graph(graph), when already made."""
    page = render_html(graph, hide_claims=hide_claims, reading=reading).encode("utf-8")
    try:
        return write_atomically(Path(path), page)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
