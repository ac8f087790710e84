"""The `kg` command itself: help on every command, version, and one-line errors."""

from __future__ import annotations

import os
import re
import shlex
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


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build"], "Missing argument 'sources'. (see `kg build -h`)"),
        (["build", "seeds", "--nope"], "No such option: --nope"),
        (["build", "seeds", "--workers", "0"], "Invalid value for '--workers'"),
        (["query", "out/graph.ttl", "--limit"], "Option '--limit' requires an argument."),
        (["bogus"], "No such command 'bogus'. (see `kg -h`)"),
        (["models", "nope"], "No such command 'nope'. (see `kg models -h`)"),
    ],
    ids=["missing argument", "unknown option", "bad value", "option without value", "unknown command",
         "unknown subcommand"],
)
def test_usage_errors_are_one_line_too(args: list[str], message: str):
    result = run_kg(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: "), result.stderr
    assert message in result.stderr


def test_models_download_without_a_network_is_one_line_error(tmp_path: Path):
    # A proxy nobody listens on: the download fails as it does offline, without touching the network.
    unreachable = "http://127.0.0.1:9"
    proxies = {name: unreachable for name in ("HTTPS_PROXY", "HTTP_PROXY", "https_proxy", "http_proxy")}
    offline = {**os.environ, **proxies, "NO_PROXY": "", "no_proxy": ""}
    result = subprocess.run([*KG, "models", "download", "--models", str(tmp_path / "models")],
                            capture_output=True, text=True, timeout=600, env=offline)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith("Error: cannot download the Stanza models: ")
    assert "cannot be reached (no network?)" in result.stderr and "--models DIR" in result.stderr


README = Path(__file__).resolve().parent.parent / "README.md"


def readme_command_lines() -> list[list[str]]:
    """The `kg …` lines of the README's shell examples, as words, comments left out."""
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    lines = [line for block in blocks for line in block.splitlines() if line.startswith("kg ")]
    return [shlex.split(line, comments=True)[1:] for line in lines]


def command_of(words: list[str]):
    """The click command a line of words runs, and the words that follow its name."""
    command = typer.main.get_command(app)
    while getattr(command, "commands", None) and words and words[0] in command.commands:
        command, words = command.commands[words[0]], words[1:]
    return command, words


PROJECT = README.parent
# Where the project documents its command line besides the README's examples: prose, the docs, the
# ontologies' and the code's comments.
DOCUMENTING_FILES = ["README.md", "docs/*", "ontologies/*.ttl", "kg/**/*.py", "scripts/*.py", "Makefile"]


def documented_command_lines() -> list[tuple[str, list[str]]]:
    """Every `kg …` written as inline code in a documenting file, as (file, words after «kg»)."""
    found = []
    for pattern in DOCUMENTING_FILES:
        for path in sorted(PROJECT.glob(pattern)):
            if path.suffix in (".png",) or not path.is_file():
                continue
            text = path.read_text(encoding="utf-8")
            for span in re.findall(r"`kg ([a-z][^`]*)`", text):
                words = [w for w in span.replace("…", " ").split() if w]
                found.append((str(path.relative_to(PROJECT)), words))
    return found


def unknown_options(words: list[str]) -> set[str]:
    command, rest = command_of(words)
    options = {name for parameter in command.params for name in (*parameter.opts, *parameter.secondary_opts)}
    given = {word for word in rest if re.match(r"^--?[a-z]", word)}
    return given - options - {"-h", "--help"}


@pytest.mark.parametrize("words", readme_command_lines(), ids=lambda words: " ".join(words[:3]))
def test_the_readme_examples_use_only_options_their_commands_have(words: list[str]):
    assert not unknown_options(words), (unknown_options(words), words)
    for word in command_of(words)[1]:  # the files an example names in the project are there
        if word.startswith(("docs/", "seeds", "tests/")):
            assert (README.parent / word).exists(), word


@pytest.mark.parametrize(("path", "words"), documented_command_lines(),
                         ids=lambda value: " ".join(value[:3]) if isinstance(value, list) else value)
def test_the_options_the_docs_name_are_options_of_their_commands(path: str, words: list[str]):
    assert not unknown_options(words), (path, unknown_options(words), words)


def test_the_docs_are_read_for_options():
    documented = {(path, " ".join(words)) for path, words in documented_command_lines()}
    assert ("kg/lexicon.py", "build --lexicon FILE") in documented
    assert ("docs/example-lexicon.ttl", "build --lexicon docs/example-lexicon.ttl") in documented
    assert unknown_options(["build", "--lexicon-file", "x.ttl"]) == {"--lexicon-file"}
