"""The `kg` command itself: help on every command, version, and one-line errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from kg.cli import app

KG = [sys.executable, "-m", "kg"]


def run_kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *args], capture_output=True, text=True, cwd=cwd, timeout=600)


def all_commands() -> list[list[str]]:
    """Every command path of the app, e.g. ['build'], ['models', 'download']."""
    group = typer.main.get_command(app)
    paths = []

    def walk(command, prefix):
        for name, sub in getattr(command, "commands", {}).items():
            if getattr(sub, "commands", None):
                walk(sub, [*prefix, name])
            else:
                paths.append([*prefix, name])

    walk(group, [])
    return paths


def test_top_level_help_lists_the_commands():
    result = run_kg("--help")
    assert result.returncode == 0
    for name in ("build", "models"):
        assert name in result.stdout


@pytest.mark.parametrize("command", all_commands(), ids=lambda c: " ".join(c))
def test_every_command_has_help_with_an_example(command: list[str]):
    result = run_kg(*command, "-h")
    assert result.returncode == 0, result.stderr
    assert "Example: kg " in " ".join(result.stdout.split())


def test_version():
    result = run_kg("--version")
    assert result.returncode == 0 and result.stdout.startswith("kg ")


def test_missing_models_is_one_line_error(tmp_path: Path):
    result = run_kg("build", "seeds", "--out", str(tmp_path / "out"), "--models", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: ")
    assert "kg models download" in result.stderr and "Traceback" not in result.stderr
