"""One wording module (issue 13): decisions are data, the catalogue makes the words, the planner holds no prose."""

from __future__ import annotations

import ast
import difflib
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from scenarios import names, planned
from plangen.document.plan import Plan, Reason
from plangen.rules import THRESHOLDS, Settings
from plangen.wording import limits_of, number, percent, say, say_data
from plangen.wording.catalogue import MESSAGES
from plangen.wording.say import DERIVED

PLANNER = Path(__file__).resolve().parents[1] / "src" / "plangen" / "planner"


def reasons(plan: Plan) -> Iterator[Reason]:
    """Every reason anywhere in a plan document."""
    def walk(node: object) -> Iterator[Reason]:
        if isinstance(node, Reason):
            yield node
        elif isinstance(node, (list, tuple)):
            for item in node:
                yield from walk(item)
        elif isinstance(node, BaseModel):
            for name in type(node).model_fields:
                yield from walk(getattr(node, name))
    return walk(plan)


@pytest.mark.parametrize("name", names())
def test_every_decision_is_a_message_whose_facts_remake_its_words(name: str) -> None:
    """The facts are the decision: the message and its facts (with the plan's settings) give back text and data."""
    plan = planned(name)
    limits = {s.key: s.value for s in plan.settings}
    found = list(reasons(plan))
    assert found
    for why in found:
        assert why.message in MESSAGES, f"{why.rule}: words written outside the catalogue: {why.text!r}"
        assert say(why.message, limits, **why.facts) == why.text
        assert say_data(why.message, limits, **why.facts) == why.data


def test_a_decision_keeps_the_limits_its_words_state() -> None:
    stated = [r for name in names() for r in reasons(planned(name)) if r.message in ("load.up.weekly", "load.up.two_week")]
    assert stated and all(set(r.facts) & set(THRESHOLDS) for r in stated)


def _fields(template: str) -> set[str]:
    return {field.split(".")[0].split("[")[0] for _, field, _, _ in string.Formatter().parse(template) if field}


def test_every_message_parses_and_names_its_settings_by_their_keys() -> None:
    """A name in a message that is nearly a setting's key is a typo: it would quietly need a fact instead."""
    known = [*THRESHOLDS, *DERIVED]
    for key, message in MESSAGES.items():
        for template in message:
            for field in _fields(template):
                assert field.isidentifier(), (key, field)
                near = difflib.get_close_matches(field, known, n=1, cutoff=0.85)
                assert field in known or not near, f"{key}: {{{field}}} is not a setting; did you mean {near[0]}?"


def test_settings_fill_the_words_from_the_plan_in_force() -> None:
    """The same message states a clinic's limit, not the default."""
    clinic = Settings({"green_pain_max": 2, "red_pain_min": 6, "red_wait_hours": 72, "flare_cut_min": 0.25})
    assert "0-2 and walking" in say("week.morning_rule", clinic) and "3-5, or stiff" in say("week.morning_rule", clinic)
    assert "at least 3 days" in say("week.flare.run", clinic)
    assert "at least 25% less" in say("if.two_ambers.do", clinic)
    assert say("week.morning_rule", limits_of(clinic)) == say("week.morning_rule", clinic)  # a renderer's view agrees


def test_formatter_specs() -> None:
    assert number(10.0) == "10" and number(9.25, 2) == "9.25" and percent(0.075) == "7.5%"
    limits = limits_of(Settings())
    fill = lambda template, **facts: say.__globals__["_FORMATTER"].vformat(template, (), {**limits, **facts})  # noqa: E731
    assert fill("{n:count run|runs}, {m:count run|runs}", n=1, m=3) == "1 run, 3 runs"
    assert fill("{n:times} and {m:times} and {k:times}", n=1, m=2, k=4) == "once and twice and 4 times"
    assert fill("{xs:join or}", xs=["a", "b"]) == "a or b"
    assert fill("{xs:join and}, {xs:join ,}", xs=["a", "b", "c"]) == "a, b and c, a, b, c"
    assert fill("{d:date}", d="2027-05-10") == "10 May 2027"
    assert fill("{x}", x=48.0) == "48"
    # A fact keeps the id; the catalogue gives its word (an id without one reads as itself).
    assert fill("{n:word events.days_before}", n=3) == "Three"
    assert fill("{kit:words strength.kit or}", kit=["band", "dumbbells", "foam_roller"]) == "a band, weights or foam_roller"


def test_a_missing_fact_names_the_message_and_the_fact() -> None:
    with pytest.raises(KeyError, match="load.up.weekly.*'to'"):
        say_data("load.up.weekly", Settings(), units="km", **{"from": 10})


def _prose(node: ast.AST) -> Iterator[str]:
    """String pieces of a module that read as a sentence: four or more words, outside docstrings."""
    docstrings = {id(n.body[0].value) for n in ast.walk(node)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef)) and n.body
                  and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str) and id(sub) not in docstrings:
            if len(sub.value.split()) >= 4:
                yield sub.value


def test_the_planner_writes_no_sentences() -> None:
    """Runner-facing words live in the catalogue; the planner names messages and gives facts."""
    found = {path.name: list(_prose(ast.parse(path.read_text(encoding="utf-8")))) for path in PLANNER.glob("*.py")}
    assert {name: words for name, words in found.items() if words} == {}


# --- every call names the facts its message needs (also on paths no scenario takes) -------------------------

SRC = PLANNER.parent


def _calls() -> Iterator[tuple[str, int, list[tuple[str, str]], set[str] | None]]:
    """(file, line, (catalogue key, function) for each key a say()/say_data()/explain() call may name, the fact
    names it gives; None when it passes **facts we cannot read here)."""
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if "from plangen.wording import" not in text and "import explain" not in text:
            continue  # a say() of its own (plangen serve's console line), not the catalogue's
        for node in ast.walk(ast.parse(text)):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("say", "say_data", "explain")):
                continue
            position = 1 if node.func.id == "explain" else 0
            if len(node.args) <= position:
                continue
            keys = [(key, node.func.id) for key in _keys(node.args[position])]
            given: set[str] | None = {k.arg for k in node.keywords if k.arg is not None}
            for k in node.keywords:
                if k.arg is None:
                    given = None if not isinstance(k.value, ast.Dict) else given | {
                        key.value for key in k.value.keys if isinstance(key, ast.Constant)}
            yield f"{path.relative_to(SRC)}", node.lineno, keys, given


def _keys(node: ast.expr) -> list[str]:
    """The catalogue keys a key expression can name: a literal, or an f-string's fixed start ('strength.kit.')."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        start = str(node.values[0].value)
        return [key for key in MESSAGES if key.startswith(start)]
    return []


def test_every_call_gives_the_facts_its_message_names() -> None:
    """A fact a message needs but a call does not give would be a traceback for the runner whose plan takes that
    path; the scenario corpus does not take them all, so the calls are read here."""
    known = {*THRESHOLDS, *DERIVED}
    missing = []
    calls = list(_calls())
    assert len(calls) > 200
    for where, line, keys, given in calls:
        for key, function in keys:
            assert key in MESSAGES, f"{where}:{line}: no message {key!r}"
            message = MESSAGES[key]
            words = {"say": [message.text], "say_data": [message.data]}.get(function, list(message))
            needed = {field for template in words for field in _fields(template)} - known
            if given is not None and needed - given:
                missing.append(f"{where}:{line} {key}: {sorted(needed - given)}")
    assert missing == []


def test_the_themes_sentences_exist_and_need_no_facts() -> None:
    """The bundled templates ask for catalogue sentences by key, with no facts: each key exists and its words are
    made from the plan's settings alone (a missing name would fail the page at build time)."""
    asked = {key for path in (SRC.parents[1] / "templates").glob("*.html")
             for call in re.findall(r"\bsay\(([^)]*)\)", path.read_text(encoding="utf-8"))
             for key in re.findall(r"'([a-z_]+\.[a-z_.]+)'", call)}
    assert len(asked) > 15
    known = {*THRESHOLDS, *DERIVED}
    for key in sorted(asked):
        assert key in MESSAGES, key
        assert {field for template in MESSAGES[key] for field in _fields(template)} <= known, key
