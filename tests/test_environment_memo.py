"""The sandbox remembers its verdicts per (type, name) for speed: the memo must never let a refused access through."""

from __future__ import annotations

import collections.abc
from pathlib import Path

import pytest

from plangen.errors import BuildError
from plangen.render.environment import make_environment, render_template


def _theme(tmp_path: Path, **pages: str) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    for name, text in pages.items():
        (folder / f"{name}.html").write_text(text, encoding="utf-8")
    return folder


class Bag:
    """A type the sandbox knows nothing about until it is registered as a mutable set."""

    size = 3

    def clear(self) -> str:
        return "emptied"


def test_a_type_registered_as_mutable_later_loses_its_mutators(tmp_path: Path) -> None:
    env = make_environment(_theme(tmp_path, page="{{ bag.clear() }} {{ bag.size }}"))
    assert render_template(env, "page.html", bag=Bag()) == "emptied 3"  # the verdict "safe" is now remembered
    collections.abc.MutableSet.register(Bag)
    with pytest.raises(BuildError, match="SecurityError"):
        render_template(env, "page.html", bag=Bag())


def test_remembered_verdicts_stay_refusals(tmp_path: Path) -> None:
    env = make_environment(_theme(tmp_path, ok="{{ plan.items() | list | length }}", bad="{{ plan.clear() }}",
                                  dunder="{{ plan.__class__ }}"))
    for _ in range(3):  # the second and third time go through the memo
        assert render_template(env, "ok.html", plan={"a": 1}) == "1"
        with pytest.raises(BuildError, match="SecurityError"):
            render_template(env, "bad.html", plan={"a": 1})
        with pytest.raises(BuildError, match="SecurityError"):
            render_template(env, "dunder.html", plan={"a": 1})


def test_dict_keys_and_attributes_read_as_jinja_reads_them(tmp_path: Path) -> None:
    env = make_environment(_theme(tmp_path, page="{{ d.name }} {{ d._hidden }} {{ d.get('name') }} {{ d.missing is defined }}",
                                  strict="{{ d.missing }}"))
    for _ in range(2):
        assert render_template(env, "page.html", d={"name": "Sam", "_hidden": "h"}) == "Sam h Sam False"
        with pytest.raises(BuildError, match="missing"):
            render_template(env, "strict.html", d={"name": "Sam"})


def test_str_format_is_still_sandboxed_after_plain_string_reads(tmp_path: Path) -> None:
    env = make_environment(_theme(tmp_path, page="{{ s.upper() }}{{ s.format(x) }}"))
    with pytest.raises(BuildError, match="SecurityError"):
        render_template(env, "page.html", s="{0.__class__.__mro__}", x="")
