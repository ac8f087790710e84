"""The HTML graph, opened in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

scripts/install_chromium.sh installs the browser and Arabic fonts; `make test` runs it first.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from kg.drawing import write_html
from kg.vocabulary import KG, KGR, PREFIXES

VIEWPORT = {"width": 1400, "height": 900}
SPARQL_PREFIXES = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())
HOSTILE = "<script>alert(1)</script>"
INJECTED = '<img src=x onerror="window.injected=1">'
CLOSING_SCRIPT = "صاروخ </script><script>alert(1)</script>"


def count(graph: Graph, query: str) -> int:
    """A SPARQL COUNT over the graph, by the SPARQL engine, not by the drawing's own reading of it."""
    return int(next(iter(graph.query(SPARQL_PREFIXES + query)))[0])


def count_entities(graph: Graph) -> int:
    return count(graph, """SELECT (COUNT(DISTINCT ?entity) AS ?n) WHERE {
        VALUES ?class { kg:Entity kg:Actor kg:Person kg:State kg:Organization kg:Place kg:Weapon }
        ?entity a ?class }""")


def count_claims(graph: Graph) -> int:
    return count(graph, "SELECT (COUNT(DISTINCT ?claim) AS ?n) WHERE { ?claim a kg:Claim }")


def transfer_iris(graph: Graph) -> set[str]:
    return {str(row[0]) for row in graph.query(SPARQL_PREFIXES + "SELECT ?t WHERE { ?t a kg:Transfer }")}


class OpenedPage:
    """A page loaded from a local file, with everything it logged, fetched and tried to pop up."""

    def __init__(self, browser, html: Path) -> None:
        self.page = browser.new_page(viewport=VIEWPORT)
        self.console_errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda message: message.type == "error" and self.console_errors.append(
            message.text))
        self.page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", self._dialog)
        started = time.perf_counter()
        self.page.goto(html.as_uri(), wait_until="networkidle")
        self.load_seconds = time.perf_counter() - started
        self.page.wait_for_function("window.kg && window.kg.ready === true", timeout=60_000)
        self.settle_seconds = time.perf_counter() - started

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def evaluate(self, script: str):
        return self.page.evaluate(script)

    def shown_nodes(self) -> int:
        """Nodes in the page's vis DataSet that are not hidden, checked against what vis-network draws."""
        shown = self.evaluate("kg.network.body.data.nodes.get({filter: n => !n.hidden}).length")
        drawn = self.evaluate("kg.network.body.nodeIndices.length")
        assert shown == drawn
        return shown

    def hover_every_node(self) -> int:
        """Move the mouse over each visible node so that vis-network puts its tooltip into the DOM."""
        box = self.page.locator("#kg-network").bounding_box()
        positions = self.evaluate("""(() => {
            const ids = kg.network.body.nodeIndices;
            const at = kg.network.getPositions(ids);
            return ids.map(id => kg.network.canvasToDOM(at[id]));
        })()""")
        shown = 0
        for point in positions:
            x, y = box["x"] + point["x"], box["y"] + point["y"]
            if 0 <= x < VIEWPORT["width"] and 0 <= y < VIEWPORT["height"]:
                self.page.mouse.move(x, y)
                self.page.wait_for_timeout(160)
                shown += self.evaluate("(tip => !!tip && tip.style.visibility !== 'hidden')"
                                       "(document.querySelector('div.vis-tooltip'))")
        return shown

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def open_page(browser):
    opened: list[OpenedPage] = []

    def run(html: Path) -> OpenedPage:
        opened.append(OpenedPage(browser, html))
        return opened[-1]

    yield run
    for page in opened:
        page.close()


def test_seeds_page_draws_every_entity_and_claim_offline(seeds_build, open_page, tmp_path, record_property):
    graph = seeds_build.graph
    html = write_html(graph, tmp_path / "graph.html")
    page = open_page(html)
    entities, claims = count_entities(graph), count_claims(graph)
    assert entities > 0 and claims > 0
    assert page.shown_nodes() == entities + claims
    drawn_transfers = set(page.evaluate(
        "kg.edges.get({filter: e => e.relation === 'transfers'}).map(e => e.fact)"))
    assert drawn_transfers == transfer_iris(graph)
    assert page.console_errors == []
    assert all(url.startswith(("file://", "data:")) for url in page.requests), page.requests
    screenshot = tmp_path / "graph.png"
    page.page.screenshot(path=str(screenshot))
    assert screenshot.stat().st_size > 20_000
    record_property("load_seconds", round(page.load_seconds, 3))
    record_property("settle_seconds", round(page.settle_seconds, 3))
    record_property("nodes", entities + claims)


def test_page_has_nothing_to_fetch(seeds_build, tmp_path):
    page = write_html(seeds_build.graph, tmp_path / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]*\ssrc=", page, re.IGNORECASE)
    assert not re.search(r"<link[^>]*\shref=", page, re.IGNORECASE)
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", page, re.IGNORECASE)
    assert "vis.Network" in page and "cdnjs" not in page and "jsdelivr" not in page


def test_hide_claims_starts_with_actors_only_and_the_checkbox_brings_claims_back(seeds_build, open_page,
                                                                                tmp_path):
    graph = seeds_build.graph
    page = open_page(write_html(graph, tmp_path / "actors.html", hide_claims=True))
    assert page.shown_nodes() == count_entities(graph)
    assert page.page.is_checked("#hide-claims")
    page.page.uncheck("#hide-claims")
    assert page.shown_nodes() == count_entities(graph) + count_claims(graph)
    assert page.console_errors == []


def test_search_finds_an_entity_by_a_spelling_variant(seeds_build, open_page, tmp_path):
    graph = seeds_build.graph
    variant, entity = next(iter(graph.query(SPARQL_PREFIXES + """
        SELECT ?variant ?entity WHERE {
          ?entity a ?class ; skos:altLabel ?variant ; rdfs:label ?label .
          FILTER(lang(?label) = "ar" && STR(?variant) != STR(?label))
        } ORDER BY ?entity ?variant LIMIT 1""")))
    page = open_page(write_html(graph, tmp_path / "graph.html"))
    page.page.fill("#kg-search", str(variant))
    page.page.press("#kg-search", "Enter")
    assert str(entity) in page.evaluate("kg.network.getSelectedNodes()")


def hostile_graph() -> Graph:
    """A graph whose every shown literal carries markup and quotes: names, claim, sentence, title, source."""
    graph = Graph()
    speaker, state, weapon = KGR["speaker"], KGR["state"], KGR["weapon"]
    document, sentence, claim, transfer = KGR["doc"], KGR["sentence"], KGR["claim"], KGR["transfer"]
    triples = [
        (speaker, RDF.type, KG.Person), (speaker, RDFS.label, Literal(f"الناطق {HOSTILE}", lang="ar")),
        (speaker, RDFS.label, Literal(f"Speaker \"quoted\" 'x' {INJECTED}", lang="en")),
        (speaker, SKOS.altLabel, Literal(f"الناطق {INJECTED}", lang="ar")),
        (state, RDF.type, KG.State), (state, RDFS.label, Literal('دولة "س"', lang="ar")),
        (weapon, RDF.type, KG.Weapon), (weapon, RDFS.label, Literal(CLOSING_SCRIPT, lang="ar")),
        (document, RDF.type, KG.Document), (document, DCTERMS.source, Literal(f"articles/{HOSTILE}.txt")),
        (document, DCTERMS.title, Literal(f"عنوان {INJECTED}", lang="ar")),
        (sentence, RDF.type, KG.Sentence), (sentence, DCTERMS.isPartOf, document),
        (sentence, KG.text, Literal(f"قال الناطق \"{HOSTILE}\" و'{INJECTED}'", lang="ar")),
        (sentence, KG.charStart, Literal(0)), (sentence, KG.charEnd, Literal(40)),
        (sentence, KG.mentions, speaker), (sentence, KG.mentions, state),
        (claim, RDF.type, KG.Claim), (claim, KG.speaker, speaker), (speaker, KG.said, claim),
        (claim, KG.text, Literal(f"{HOSTILE} \"كلام\" '{INJECTED}'", lang="ar")),
        (claim, KG.quoteKind, KG.DirectQuote), (claim, KG.mentions, state),
        (claim, PROV.wasDerivedFrom, sentence),
        (transfer, RDF.type, KG.Transfer), (transfer, KG.supplier, state), (transfer, KG.recipient, speaker),
        (transfer, KG.weapon, weapon), (transfer, KG.status, KG.Planned),
        (transfer, PROV.wasDerivedFrom, sentence),
    ]
    for triple in triples:
        graph.add(triple)
    return graph


def assert_harmless(page: OpenedPage) -> None:
    """No dialog, no script ran, no element built from article text: the markup reads as plain text."""
    assert page.dialogs == []
    assert page.evaluate("window.injected === undefined")
    assert page.console_errors == []
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    # the page's own two scripts (vis-network and the drawing's), nothing else
    assert page.evaluate("document.querySelectorAll('script').length") == 2
    tooltip_elements = page.evaluate("""(() => [...kg.nodes.get(), ...kg.edges.get()]
        .map(item => item.title).filter(title => title instanceof Element)
        .map(title => title.querySelectorAll('script, img, iframe, [onerror], [onload]').length))()""")
    assert tooltip_elements and sum(tooltip_elements) == 0


def test_markup_in_the_graph_is_shown_as_text(open_page, tmp_path):
    graph = hostile_graph()
    page = open_page(write_html(graph, tmp_path / "hostile.html"))
    assert page.hover_every_node() > 0
    assert_harmless(page)
    tooltip_text = page.evaluate("""[...kg.nodes.get(), ...kg.edges.get()]
        .map(item => item.title instanceof Element ? item.title.textContent : '').join('\\n')""")
    # readable: the characters themselves, not their entities
    assert HOSTILE in tooltip_text and INJECTED in tooltip_text and '"كلام"' in tooltip_text
    assert "&lt;" not in tooltip_text and "&quot;" not in tooltip_text
    labels = page.evaluate("kg.nodes.get().map(n => n.label)")
    assert CLOSING_SCRIPT in labels


def test_an_article_with_markup_and_quotes_ends_up_as_text(annotator, open_page, tmp_path):
    from kg.pipeline import build

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "hostile.txt").write_text(
        "روسيا تسلم بيلاروسيا صواريخ إسكندر\n\n"
        f"قال الرئيس الروسي فلاديمير بوتين إن \"{HOSTILE} روسيا سلمت بيلاروسيا صواريخ إسكندر\".\n\n"
        f"وأضاف بوتين: \"لن نتخلى عن حلفائنا {INJECTED} 'أبداً'\".\n",
        encoding="utf-8",
    )
    result = build([articles], tmp_path / "out", annotator=annotator)
    literals = [str(o) for o in result.graph.objects() if "<" in str(o)]
    assert any(HOSTILE in text for text in literals), "the markup must reach the graph, or this proves little"
    page = open_page(result.outputs["html"])
    page.hover_every_node()
    assert_harmless(page)


def test_kg_viz_writes_the_page(seeds_build, tmp_path):
    page = tmp_path / "pages" / "actors.html"
    graph_file = str(seeds_build.outputs["ttl"])
    command = [sys.executable, "-m", "kg", "viz", graph_file, "-o", str(page), "--hide-claims"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(page)
    assert 'id="hide-claims" type="checkbox" checked' in page.read_text(encoding="utf-8")
