"""The hand-written stubs match the extension module, and the documentation examples run."""

from __future__ import annotations

import subprocess
import sys

import pytest


def test_stubtest() -> None:
    pytest.importorskip("mypy")
    out = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "tiegraph._tiegraph"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_stub_examples_run() -> None:
    """The Examples sections of the stubs' docstrings are doctests."""
    import ast
    import doctest
    import pathlib

    import tiegraph as tg

    stub = pathlib.Path(tg.__file__).with_name("_tiegraph.pyi")
    tree = ast.parse(stub.read_text())
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    examples = 0
    for node in ast.walk(tree):
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            doc = ast.get_docstring(node)
            if doc and ">>>" in doc:
                globs = {name: getattr(tg, name) for name in tg.__all__}
                test = parser.get_doctest(doc, globs, node.name, str(stub), node.lineno)
                examples += len(test.examples)
                runner.run(test)
    assert examples > 0
    assert runner.failures == 0, f"{runner.failures} of {examples} stub examples failed (output above)"


def test_package_docstring_runs() -> None:
    import doctest

    import tiegraph as tg

    result = doctest.testmod(tg)
    assert result.attempted > 0 and result.failed == 0
