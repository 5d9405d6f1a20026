"""Every public name of tiegraph has a NumPy-style docstring that ``help()`` shows.

The public API is walked from ``tiegraph.__all__``: each class, its public
methods and properties, each function, and the functions of the
``tiegraph.plot`` and ``tiegraph.networkx`` modules. For each one the
docstring must exist and open with a one-line summary sentence; a callable
with parameters (besides ``self``) must name every one of them in a
``Parameters`` section, and one that returns something must have a
``Returns`` (or ``Yields``) section. The docstrings of the extension module
are its Rust ``///`` comments, which pyo3 turns into ``__doc__``; they must
equal the docstrings of the hand-written stub ``_tiegraph.pyi``, which
editors read, so that the two never drift apart.
"""

from __future__ import annotations

import ast
import difflib
import inspect
import pathlib
import pydoc
import re
import types
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

import tiegraph as tg
import tiegraph._tiegraph as ext

STUB = pathlib.Path(tg.__file__).with_name("_tiegraph.pyi")


@dataclass(frozen=True)
class Item:
    """One public object of the API, and how to check it."""

    name: str  # dotted, e.g. "Graph.strength"
    obj: object
    kind: str  # "module", "class", "function", "method" or "property"
    owner: type | None = None  # the class of a method or property


def _is_property(value: object) -> bool:
    return isinstance(value, (property, types.GetSetDescriptorType, types.MemberDescriptorType))


def _members(cls: type, prefix: str) -> Iterator[Item]:
    for attr, value in vars(cls).items():
        if attr.startswith("_"):
            continue
        name = f"{prefix}.{attr}"
        if _is_property(value):
            yield Item(name, value, "property", cls)
        elif callable(value) or isinstance(value, (classmethod, staticmethod)):
            yield Item(name, getattr(cls, attr), "method", cls)


def _api() -> list[Item]:
    items = [Item("tiegraph", tg, "module")]
    for name in tg.__all__:
        obj = getattr(tg, name)
        if isinstance(obj, types.ModuleType):
            items.append(Item(f"tiegraph.{name}", obj, "module"))
            for fname in obj.__all__:
                f = getattr(obj, fname)
                if inspect.isfunction(f):
                    items.append(Item(f"{name}.{fname}", f, "function"))
        elif inspect.isclass(obj):
            items.append(Item(name, obj, "class"))
            items.extend(_members(obj, name))
        elif callable(obj):
            items.append(Item(name, obj, "function"))
        # constants (__version__, SNAPSHOT_VERSION) carry their type's doc
    return items


API = _api()


def _stub_docs() -> tuple[dict[str, str | None], dict[str, bool]]:
    """Docstring and whether it returns something, by dotted name, from the stub."""
    docs: dict[str, str | None] = {}
    returns: dict[str, bool] = {}

    def record(node: ast.ClassDef | ast.FunctionDef, name: str) -> None:
        docs[name] = ast.get_docstring(node)
        if isinstance(node, ast.FunctionDef):
            returns[name] = node.returns is not None and ast.unparse(node.returns) != "None"

    for node in ast.parse(STUB.read_text()).body:
        if isinstance(node, ast.FunctionDef):
            record(node, node.name)
        elif isinstance(node, ast.ClassDef):
            record(node, node.name)
            for member in node.body:
                if isinstance(member, ast.FunctionDef):
                    record(member, f"{node.name}.{member.name}")
    return docs, returns


STUB_DOCS, STUB_RETURNS = _stub_docs()


def _from_extension(item: Item) -> bool:
    module = item.owner.__module__ if item.owner is not None else getattr(item.obj, "__module__", None)
    return module == ext.__name__


def sections(doc: str) -> dict[str, list[str]]:
    """The NumPy-style sections of a cleaned docstring: title -> body lines."""
    lines = doc.splitlines()
    out: dict[str, list[str]] = {}
    current: list[str] | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        underline = lines[i + 1] if i + 1 < len(lines) else ""
        if (
            line.strip()
            and not line[0].isspace()
            and re.fullmatch(r"-{3,}", underline)
            and len(underline) == len(line)
        ):
            current = out.setdefault(line, [])
            i += 2
            continue
        if current is not None:
            current.append(line)
        i += 1
    return out


def documented_names(body: list[str]) -> set[str]:
    """The names of a Parameters (or Attributes) section: ``a, b : str`` gives a and b."""
    names: set[str] = set()
    for line in body:
        if line.strip() and not line[0].isspace():
            head = line.split(" : ", 1)[0]
            names.update(n.strip() for n in head.split(","))
    return names


def _signature(item: Item) -> inspect.Signature | None:
    try:
        return inspect.signature(item.obj)  # type: ignore[arg-type]
    except (ValueError, TypeError):
        return None


def _parameter_names(sig: inspect.Signature) -> list[str]:
    out = []
    for i, p in enumerate(sig.parameters.values()):
        if i == 0 and p.name in ("self", "cls"):
            continue
        prefix = "*" if p.kind is p.VAR_POSITIONAL else "**" if p.kind is p.VAR_KEYWORD else ""
        out.append(prefix + p.name)
    return out


def _returns_something(item: Item) -> bool:
    if item.kind not in ("function", "method"):
        return False
    if _from_extension(item):
        return STUB_RETURNS.get(item.name, False)
    ret = inspect.signature(item.obj).return_annotation  # type: ignore[arg-type]
    return ret not in (inspect.Signature.empty, None, "None")


def problems(item: Item) -> list[str]:
    """What is wrong with an item's docstring (nothing when it is fine)."""
    raw = item.obj.__doc__
    if not raw or not raw.strip():
        return ["no docstring"]
    doc = inspect.cleandoc(raw)
    lines = doc.splitlines()
    out = []
    summary = lines[0]
    # a module may open with its own name ("tiegraph: relationship graphs ...")
    lowercase = summary[0].islower() and item.kind != "module"
    if not summary.endswith(".") or lowercase:
        out.append(f"the first line is not a summary sentence: {summary!r}")
    if len(lines) > 1 and lines[1].strip():
        out.append("the summary runs over one line (no blank line after it)")
    found = sections(doc)
    if item.kind in ("class", "function", "method"):
        sig = _signature(item)
        params = _parameter_names(sig) if sig is not None else []
        if params:
            documented = documented_names(found.get("Parameters", []) + found.get("Other Parameters", []))
            missing = [p for p in params if p not in documented]
            if "Parameters" not in found:
                out.append(f"no Parameters section for {params}")
            elif missing:
                out.append(f"parameters not documented: {missing}")
    if _returns_something(item) and "Returns" not in found and "Yields" not in found:
        out.append("returns something but has no Returns section")
    if item.kind == "class" and not _from_extension(item):
        data = [
            a
            for a, v in vars(item.obj).items()
            if not a.startswith("_") and not callable(v) and not _is_property(v)
        ]
        missing = [a for a in data if a not in documented_names(found.get("Attributes", []))]
        if missing:
            out.append(f"class attributes not in an Attributes section: {missing}")
    return out


@pytest.mark.parametrize("item", API, ids=[i.name for i in API])
def test_numpy_docstring(item: Item) -> None:
    found = problems(item)
    assert not found, f"{item.name}: " + "; ".join(found)


CALLABLES = [i for i in API if i.kind in ("function", "method")]


@pytest.mark.parametrize("item", CALLABLES, ids=[i.name for i in CALLABLES])
def test_signature(item: Item) -> None:
    """``help()`` and ``inspect.signature`` show the real parameters, not ``(*args, **kwargs)``."""
    sig = _signature(item)
    assert sig is not None, f"{item.name}: inspect.signature finds no signature"
    if _from_extension(item):
        # a pyo3 `**kwargs` method needs a `text_signature` naming its keywords
        hidden = [p for p in sig.parameters.values() if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
        assert not hidden, f"{item.name}{sig} hides its parameters"


EXTENSION = [i for i in API if _from_extension(i)]


@pytest.mark.parametrize("item", EXTENSION, ids=[i.name for i in EXTENSION])
def test_stub_docstring_agrees(item: Item) -> None:
    """The stub's docstring (editors) is the Rust doc comment (``help()``), word for word."""
    assert item.name in STUB_DOCS, f"{item.name} is not in {STUB.name}"
    runtime = inspect.cleandoc(item.obj.__doc__ or "")
    stub = STUB_DOCS[item.name] or ""
    diff = "\n".join(
        difflib.unified_diff(
            stub.splitlines(), runtime.splitlines(), "stub", "Rust ///", lineterm=""
        )
    )
    assert runtime == stub, f"{item.name}: the Rust doc comment and the stub differ:\n{diff}"


@pytest.mark.parametrize(
    ("cls", "first"),
    [(tg.Weights, "recency"), (tg.ScoringModel, "recency_half_life_days"), (tg.View, "mode")],
)
def test_constructors_show_their_parameters(cls: type, first: str) -> None:
    """Keyword-only constructors list their keywords, not ``**params``."""
    params = list(inspect.signature(cls).parameters.values())
    assert params and params[0].name == first, f"{cls.__name__}{inspect.signature(cls)}"
    assert all(p.kind is p.KEYWORD_ONLY for p in params), f"{cls.__name__}{inspect.signature(cls)}"


def _help(obj: object) -> str:
    """What ``help(obj)`` prints, without the terminal's overstruck bold."""
    return re.sub(".\b", "", pydoc.render_doc(obj))


def test_help_shows_numpy_sections() -> None:
    """What ``help(tg.Graph)`` prints: the signatures and the NumPy sections."""
    assert "Parameters" in pydoc.render_doc(tg.Graph)
    page = _help(tg.Graph)
    assert "strength(self, /, a, b, *, as_of, view=None, model=None)" in page
    assert "to_networkx(self, /, *, as_of, min_strength=0.0, view=None, model=None)" in page
    strength = _help(tg.Graph.strength)
    assert "Parameters\n    ----------\n    a, b : str" in strength
    assert "Returns\n    -------\n    Strength" in strength


def test_the_check_flags_a_broken_docstring() -> None:
    """The checks above can fail: a docstring with each fault is caught."""

    def broken(a: int, b: int, *, c: str = "") -> int:
        """adds two numbers
        and more.

        Parameters
        ----------
        a : int
            The first.
        """
        return a + b

    found = problems(Item("broken", broken, "function"))
    assert any("not a summary sentence" in p for p in found)
    assert any("over one line" in p for p in found)
    assert any("['b', 'c']" in p for p in found)
    assert any("no Returns" in p for p in found)
    assert problems(Item("bare", lambda: None, "function")) == ["no docstring"]


def test_sections_parse_combined_names() -> None:
    doc = inspect.cleandoc(
        """Summary.

        Parameters
        ----------
        a, b : str
            Keys.
        view, model
            As in strength.
        **kwargs : dict
            More.

        Returns
        -------
        int
        """
    )
    s = sections(doc)
    assert documented_names(s["Parameters"]) == {"a", "b", "view", "model", "**kwargs"}
    assert s["Returns"] == ["int"]


def test_error_examples_run() -> None:
    """The examples of ``tiegraph._errors`` run (the stub's and the modules' have their own tests)."""
    import doctest

    import tiegraph._errors

    result = doctest.testmod(tiegraph._errors)
    assert result.attempted > 0 and result.failed == 0
