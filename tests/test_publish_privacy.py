"""A published document holds no field marked private (issue 13, "Done when"): ``publish.redact`` alone takes out
the runner's name, age, notes, pain record and health answers, and nothing a published page, plan.json or
calendar shows brings them back.

Each runner's document is made as a private build makes it (names and notes in), then redacted, so the test
holds the one redaction function to everything, not the anonymity decided earlier in the build.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from scenarios import scenario

from plangen.artifacts import RenderOptions
from plangen.document.assemble import make_document
from plangen.document.model import PlanDocument
from plangen.document.plan import Actual, PainPattern, Reason, Week
from plangen.document.publish import ANSWER, REFERRAL, REVIEW, redact
from plangen.sources.secret import project_secret
from plangen.planner import make_plan
from plangen.render.html import render_site
from plangen.render.ics import render_ics
from plangen.render.jsonplan import render_json
from plangen.render.text import render_text
from plangen.sources.models import TrainingLog
from plangen.sources.runner import RunnerInput, load_runner
from plangen.wording import say

ROOT = Path(__file__).resolve().parents[1]
ANSWER_TEXT, REFERRAL_TEXT, REVIEW_TEXT = (say(key, {}) for key in (ANSWER, REFERRAL, REVIEW))
# Health answers (older age, rest pain, failed hops, a teenager's referral), reds and logged runs inside the plan,
# rising pain, a flare, a BMI cap; and the examples with names, clinician notes and log notes.
SCENARIOS = ("age_70", "ex-rest-pain-3", "nr-hop-fail", "teen", "reds_inside_plan", "pain_rising", "bmi_novice", "active_flare")
EXAMPLES = ("sam", "jo", "lee")


def with_unscored_runs(runner: RunnerInput) -> RunnerInput:
    """sam with two runs logged in the plan's first week, one without its next-morning score (an unscored run)."""
    start = runner.profile.start
    assert start is not None
    entries = [e.model_dump(exclude_unset=True) for e in runner.log.entries] + [
        {"date": start, "activity": "run", "type": "easy", "distance": 3.0, "duration": "20:00", "pain": {"during": 3, "after": 2}},
        {"date": start + dt.timedelta(days=2), "activity": "run", "type": "easy", "distance": 3.5, "duration": "22:00",
         "pain": {"during": 1, "after": 1, "next_morning": 4}, "notes": "knee ached on the stairs at work"},
    ]
    return dataclasses.replace(runner, log=TrainingLog.model_validate({"entries": entries}))


def runners() -> dict[str, RunnerInput]:
    found = {name: scenario(name) for name in SCENARIOS}
    found.update({name: load_runner(ROOT / "profiles" / f"{name}.yaml") for name in EXAMPLES})
    found["sam-unscored"] = with_unscored_runs(found["sam"])
    return found


@dataclasses.dataclass(frozen=True)
class Published:
    runner: RunnerInput
    private: PlanDocument  # as a private build makes it
    public: PlanDocument  # after publish.redact
    files: dict[str, str]  # every page, plan.json and plan.ics of the public document, and `plangen plan`'s text


@pytest.fixture(scope="module")
def published(library: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Published]:
    root = tmp_path_factory.mktemp("project")  # redact's secret for the public address lands here
    out = {}
    for name, runner in runners().items():
        plan = make_plan(runner.profile, runner.log, library, runner.slug)
        private = make_document(runner, plan, library, RenderOptions(pdf=False, generated="2026-11-29"))
        public = redact(private, project_secret(root))
        files = {str(a.path): a.data.decode("utf-8") for a in [*render_site(public), render_json(public), *render_ics(public)]
                 if a.path.parts[0] != "assets"}
        files["plangen plan"] = render_text(public.plan)
        out[name] = Published(runner, private, public, files)
    return out


def walk(value: Any) -> Iterator[BaseModel]:
    """Every model inside ``value`` (the plan and the document info), however deep, so no new field escapes."""
    if isinstance(value, BaseModel):
        yield value
        for field in type(value).model_fields:
            yield from walk(getattr(value, field))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from walk(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from walk(item)


def models(doc: PlanDocument, kind: type[BaseModel]) -> list[Any]:
    return [m for m in walk([doc.plan, doc.info]) if isinstance(m, kind)]


def test_the_runners_carry_what_there_is_to_hide(published: dict[str, Published]) -> None:
    """Without private fields in the private documents, the next tests would prove nothing."""
    docs = [p.private for p in published.values()]
    reasons = [r for doc in docs for r in models(doc, Reason)]
    assert {r.private for r in reasons} >= {"data", "answer"}
    assert any(a.pain_during is not None for doc in docs for a in models(doc, Actual))
    assert any(doc.plan.unscored_runs for doc in docs) and any(doc.plan.clinician_review for doc in docs)
    assert any(c.answer for doc in docs for c in doc.plan.readiness_checklist)
    assert any(doc.plan.referral for doc in docs) and any(doc.plan.baseline.pain != PainPattern() for doc in docs)
    assert published["sam"].private.info.who is not None and published["sam"].private.info.clinician.notes


@pytest.mark.parametrize("name", [*SCENARIOS, *EXAMPLES, "sam-unscored"])
def test_the_published_document_holds_no_private_field(published: dict[str, Published], name: str) -> None:
    doc = published[name].public
    for r in models(doc, Reason):
        if r.private:
            assert r.data == "" and r.facts == {}, r
        if r.private == "answer":
            assert (r.text, r.message) == (ANSWER_TEXT, ANSWER), r
    for done in models(doc, Actual):
        assert (done.zone, done.pain_during, done.pain_after, done.pain_next_morning) == ("unknown", None, None, None)
    assert all(week.zone is None for week in models(doc, Week))
    assert doc.plan.baseline.pain == PainPattern() and doc.plan.unscored_runs == []
    assert all(c.answer is None and c.data == "" for c in doc.plan.readiness_checklist)
    assert doc.plan.clinician_review in ([], [REVIEW_TEXT])
    assert doc.plan.referral is None or doc.plan.referral.reasons == [REFERRAL_TEXT]
    assert doc.info.who is None and (doc.info.clinician is None or doc.info.clinician.notes is None)
    assert doc.info.presentation.publish and doc.info.presentation.anonymous
    assert doc.slug.startswith("p-") and doc.slug != published[name].private.slug


def secrets_of(item: Published) -> dict[str, str]:
    """What must not show: the runner's name, age and every note, and each private reason's data and text."""
    profile, found = item.runner.profile, {}
    if profile.runner.name:
        found["name"] = re.escape(profile.runner.name)
    if profile.runner.age is not None:
        found["age"] = rf"\b[Aa]ge:? {profile.runner.age}\b|\b{profile.runner.age} years|\"age\": {profile.runner.age}\b"
    notes = [profile.clinician.notes if profile.clinician else None] + [getattr(e, "notes", None) for e in item.runner.log.entries]
    found.update({f"note {i}": re.escape(note) for i, note in enumerate(notes) if note})
    for r in models(item.private, Reason):
        if r.private and len(r.data) > 6:  # long enough not to be any common text
            found[f"{r.rule} data"] = re.escape(r.data)
        if r.private == "answer":
            found[f"{r.rule} answer"] = re.escape(r.text)
        if r.private == "answer" and r.message:  # the message key names the answer as well as its words do
            found[f"{r.rule} answer key"] = f'"{re.escape(r.message)}"'  # the whole key, as plan.json holds it
    found.update({f"checklist data {i}": re.escape(c.data) for i, c in enumerate(item.private.plan.readiness_checklist) if len(c.data) > 6})
    found.update({f"referral {i}": re.escape(text) for i, text in enumerate(item.private.plan.referral.reasons)}
                 if item.private.plan.referral else {})
    found.update({f"review {i}": re.escape(text) for i, text in enumerate(item.private.plan.clinician_review)})
    return found


def test_an_answer_loses_its_message_key(published: dict[str, Published]) -> None:
    """A health answer's catalogue key (which answer it was) is replaced by the published copy's own message."""
    private = published["ex-rest-pain-3"].private
    answer = Reason(rule="R9", text="Pain at rest is 3 out of 10.", message="screening.rest_pain", private="answer",
                    facts={"rest_pain": 3})
    doc = private.model_copy(update={"plan": private.plan.model_copy(update={"reasons": [answer]})})
    (public,) = redact(doc, b"k" * 32).plan.reasons
    assert (public.text, public.message, public.data, public.facts) == (ANSWER_TEXT, ANSWER, "", {})
    assert "screening.rest_pain" not in render_json(redact(doc, b"k" * 32)).data.decode("utf-8")


def readable(text: str) -> str:
    """Page text and JSON strings as a reader sees them: tags out, entities and JSON escapes undone, folded ICS lines joined."""
    import html

    text = re.sub(r"\r?\n[ \t]", "", text).replace("\\n", " ").replace("\\,", ",").replace("\\;", ";")
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text)))


@pytest.mark.parametrize("name", [*SCENARIOS, *EXAMPLES, "sam-unscored"])
def test_no_published_page_json_or_calendar_shows_the_runners_private_details(published: dict[str, Published], name: str) -> None:
    item = published[name]
    secrets = secrets_of(item)
    assert secrets  # every runner has an age, a private reason or a note
    files = {page: readable(text) for page, text in item.files.items()}
    leaks = [f"{page}: {what}" for what, pattern in secrets.items() for page, text in files.items() if re.search(pattern, text)]
    assert leaks == []
    plan_json = json.loads(next(text for page, text in item.files.items() if page.endswith("plan.json")))
    assert plan_json["document"]["who"] is None and plan_json["unscored_runs"] == []


def test_the_private_build_does_show_them(published: dict[str, Published]) -> None:
    """The same search finds the secrets in a private build's pages: the search itself works."""
    item = published["sam-unscored"]
    pages = " ".join(readable(a.data.decode("utf-8")) for a in [*render_site(item.private), render_json(item.private)])
    found = [what for what, pattern in secrets_of(item).items() if re.search(pattern, pages)]
    assert {"name", "age", "note 0"} <= set(found) and any(w.endswith(" data") for w in found), found
