"""notebooks/explore.ipynb: stored without outputs, and runs top to bottom on the seeds' graph."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "explore.ipynb"


def test_the_notebook_is_stored_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.fixture(scope="module")
def executed(seeds_build, tmp_path_factory: pytest.TempPathFactory) -> nbformat.NotebookNode:
    """The notebook run by a real kernel on the seeds' graph the session built (so it builds nothing)."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KG_GRAPH", str(seeds_build.outputs["ttl"]))
        client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                                resources={"metadata": {"path": str(NOTEBOOK.parent)}})
        client.execute()  # raises CellExecutionError, with the cell and its traceback, when a cell fails
    return notebook


def _outputs(notebook: nbformat.NotebookNode, mime: str) -> list[str]:
    texts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "stream" and mime == "text/plain":
                texts.append(output.text)
            elif mime in output.get("data", {}):
                texts.append(output.data[mime])
    return texts


def test_the_notebook_runs_every_preset(executed: nbformat.NotebookNode) -> None:
    markdown = "\n".join(_outputs(executed, "text/markdown"))
    tables = [html for html in _outputs(executed, "text/html") if html.startswith("<table>")]
    for name in ("who-said-what", "transfers", "said-by", "weapons-to-state", "sources-of-fact",
                 "entity-spellings"):
        assert f"### {name}" in markdown
    counts = [int(match) for html in tables for match in re.findall(r"<p>(\d+) rows?</p>", html)]
    # every preset gives rows on the seeds but `contested`: the seeds hold no contested transfer
    assert len(counts) >= 6 + 2 + 2 and sum(count == 0 for count in counts) <= 1
    assert any("ألكسندر لوكاشينكو" in html and 'dir="auto"' in html for html in tables)


def test_the_notebook_looks_at_the_actors_and_draws_the_graph(executed: nbformat.NotebookNode) -> None:
    printed = "".join(_outputs(executed, "text/plain"))
    actors = re.search(r"(\d+) actors, (\d+) ties", printed)
    assert actors and int(actors.group(1)) >= 4 and int(actors.group(2)) >= 1
    frames = [html for html in _outputs(executed, "text/html") if "<iframe srcdoc=" in html]
    assert len(frames) == 1
    # The drawing is self-contained: vis-network inlined, no script fetched from anywhere.
    assert "vis-network" in frames[0] and not re.search(r"&lt;script[^&]*src=", frames[0])
