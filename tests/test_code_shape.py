"""The extractors stay readable: no function in kg/extracting/ longer than 60 lines or more complex than 25
(radon's cyclomatic complexity, the measure `radon cc -s kg/extracting` prints)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from radon.complexity import cc_visit
from radon.visitors import Class, Function

import kg

EXTRACTING = Path(kg.__file__).resolve().parent / "extracting"
MAX_LINES = 60
MAX_COMPLEXITY = 25


def functions(blocks: list) -> Iterator[Function]:
    """Every function radon finds, methods and closures included."""
    for block in blocks:
        if isinstance(block, Class):
            yield from functions(block.methods)
        else:
            yield block
            yield from functions(block.closures)


def too_big(path: Path) -> list[str]:
    """The functions of a module over either limit, as «name: lines, complexity»."""
    found = []
    for function in functions(cc_visit(path.read_text(encoding="utf-8"))):
        lines = function.endline - function.lineno + 1
        if lines > MAX_LINES or function.complexity > MAX_COMPLEXITY:
            found.append(f"{function.fullname}: {lines} lines, complexity {function.complexity}")
    return found


def modules() -> list:
    return [pytest.param(path, id=path.name) for path in sorted(EXTRACTING.glob("*.py"))]


@pytest.mark.parametrize("path", modules())
def test_no_extractor_function_is_too_long_or_too_complex(path: Path):
    assert not too_big(path), too_big(path)


def test_the_measure_finds_a_long_complex_function(tmp_path: Path):
    branches = "".join(f"    if x == {n}:\n        x += {n}\n" for n in range(30))
    module = tmp_path / "big.py"
    module.write_text(f"def big(x):\n{branches}    return x\n\n\ndef small(x):\n    return x\n")
    assert too_big(module) == ["big: 62 lines, complexity 31"]


def test_the_extractors_share_one_token_class():
    defined = {path.name: re.findall(r"^class (\w*Token)\b", path.read_text(encoding="utf-8"), re.MULTILINE)
               for path in EXTRACTING.glob("*.py")}
    assert {name: found for name, found in defined.items() if found} == {"tokens.py": ["Token"]}
