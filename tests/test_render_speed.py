"""Speed-ups in rendering must not change a byte or weaken the sandbox: the verdict memo, the plan text made once."""

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


def test_subscripts_read_attributes_only_where_there_is_no_subscript(tmp_path: Path) -> None:
    env = make_environment(_theme(tmp_path, page="{{ items|selectattr('part', 'equalto', 'a')|map(attribute='name')|join }} "
                                                  "{{ d['part'] }} {{ bag['size'] }} {{ bag['_x'] is defined }}",
                                  hidden="{{ bag['__class__'] }}"))
    items = [Bag(), {"part": "a", "name": "D"}]
    items[0].part, items[0].name = "a", "B"
    for _ in range(2):  # the second time goes through the memo
        assert render_template(env, "page.html", items=items, d={"part": "key"}, bag=Bag()) == "BD key 3 False"
        with pytest.raises(BuildError, match="SecurityError"):
            render_template(env, "hidden.html", bag=Bag())


# --- plan.json: the plan's text is encoded once and spliced with the document part ------------------------

def _documents(publish: bool) -> list:  # noqa: ANN401 - PlanDocuments of the examples: a plan, no running, a referral
    from plangen.build import BuildOptions, document_for, load_each, load_library, plan_for, render_options
    from plangen.sources.config import load_config

    root = Path(__file__).parents[1]
    config, library = load_config(root), load_library(root)
    runners, _bad = load_each([root / "profiles"], config)
    options = BuildOptions(root=root, publish=publish)
    return [document_for(r, plan_for(r, library, config), library, render_options(r, config, options), root) for r in runners]


@pytest.mark.parametrize("publish", [False, True])
def test_plan_json_is_the_plan_then_the_document(publish: bool) -> None:
    """One JSON object: the plan's fields in model order (its text the one the edition hash was made from),
    then ``document``; laid out as Python's own indent=2 JSON would lay out the same object."""
    import json

    from plangen.document.assemble import plan_json
    from plangen.document.plan import Plan
    from plangen.render.jsonplan import document_json

    for doc in _documents(publish):
        text = document_json(doc)
        whole = json.loads(text)
        assert whole == {**doc.plan.model_dump(mode="json"), "document": doc.info.model_dump(mode="json")}
        assert list(whole) == [*Plan.model_fields, "document"]
        assert text == json.dumps(whole, indent=2, ensure_ascii=False) + "\n"
        assert text.startswith(plan_json(doc.plan).rstrip().removesuffix("}").rstrip())


def test_the_kept_plan_text_belongs_to_that_plan_only() -> None:
    import json

    from plangen.document.assemble import plan_json

    first, second = (doc.plan for doc in _documents(False)[:2])
    assert plan_json(first) is plan_json(first)  # kept, not encoded again
    assert json.loads(plan_json(second))["weeks"] == second.model_dump(mode="json")["weeks"]
    assert json.loads(plan_json(first)) == first.model_dump(mode="json")


# --- plan.ics ------------------------------------------------------------------------------------------

def test_plan_ics_is_what_the_library_writes() -> None:
    from icalendar import Calendar

    from plangen.render.ics import render_ics

    for doc in _documents(False):
        for artifact in render_ics(doc):
            text = artifact.data.decode("utf-8")
            assert text == Calendar.from_ical(text).to_ical().decode("utf-8")


def test_a_message_parsed_once_reads_as_pythons_formatter_reads_it() -> None:
    import datetime as dt

    from plangen.wording.say import _FORMATTER, _fill, _Names, _parsed

    facts = {"a": 0.1, "b": 2.0, "n": 3, "d": dt.date(2027, 5, 10), "xs": ["a", "b"], "s": "x{y}"}
    for template in ["{a:pct} rises {b} {n:count run|runs} {{kept}} {d:%d %b} {xs:join or} {s} {green_pain_max}",
                     "{n:>4} {b:.1f} {n:times}", "no fields", "{d:date}"]:
        assert _parsed(template) is not None
        assert _fill("k", template, {"green_pain_max": 2.0}, facts)[0] == _FORMATTER.vformat(template, (), _Names(facts, {"green_pain_max": 2.0}))
    assert _parsed("{0}") is None and _parsed("{d.year}") is None and _parsed("{s!r}") is None and _parsed("{b:{n}}") is None
    assert _fill("k", "{d.year} {s!r}", {}, facts)[0] == "2027 'x{y}'"
