"""Screenshot a kg HTML graph in headless Chromium, as tests/test_drawing.py opens it.

Usage: python scripts/screenshot.py out/graph.html docs/graph.png [--hide-claims]
Prints how long the page took to load and to lay out, and how many nodes and edges it draws.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def screenshot(html: Path, png: Path, *, hide_claims: bool = False, width: int = 1600,
               height: int = 1000) -> dict:
    """Open ``html`` from disk, wait until the layout has settled, save ``png``; return what was measured."""
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        started = time.perf_counter()
        page.goto(html.resolve().as_uri(), wait_until="networkidle")
        loaded = time.perf_counter() - started
        page.wait_for_function("window.kg && window.kg.ready === true", timeout=60_000)
        settled = time.perf_counter() - started
        if hide_claims:
            layouts = page.evaluate("kg.layouts")
            page.check("#hide-claims")
            page.wait_for_function(f"kg.layouts > {layouts}", timeout=60_000)
        page.evaluate("kg.network.fit()")
        page.wait_for_timeout(300)
        png.parent.mkdir(parents=True, exist_ok=True)
        # Written beside the target, then renamed: a reader never sees half an image.
        partial = png.with_name(f".{png.name}.tmp.png")
        page.screenshot(path=str(partial))
        os.replace(partial, png)
        figures = page.evaluate("""({nodes: kg.network.body.nodeIndices.length,
                                     edges: kg.network.body.edgeIndices.length,
                                     layout_ms: kg.timings.settled})""")
        browser.close()
    return {"load_seconds": round(loaded, 3), "settle_seconds": round(settled, 3), **figures,
            "console_errors": errors}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("--hide-claims", action="store_true", help="Tick 'hide claims' before the shot.")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"Error: {CHROMIUM} is missing; run scripts/install_chromium.sh", file=sys.stderr)
        return 2
    if not args.html.is_file():
        print(f"Error: {args.html}: no such file (kg build writes out/graph.html)", file=sys.stderr)
        return 2
    figures = screenshot(args.html, args.png, hide_claims=args.hide_claims)
    print(f"{args.png}: {figures['nodes']} nodes, {figures['edges']} edges drawn; loaded in "
          f"{figures['load_seconds']} s, laid out in {figures['settle_seconds']} s")
    for error in figures["console_errors"]:
        print(f"Console error: {error}", file=sys.stderr)
    return 1 if figures["console_errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
