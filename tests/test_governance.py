"""Governance on every plan: version, issue and review dates, clinician, notice, and the readiness checklist."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from io import BytesIO
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import render_fixtures as fx
from conftest import profile

from plangen.artifacts import RenderOptions
from plangen.sources.models import Screening, TrainingLog
from plangen.document.plan import Plan
from plangen.planner import make_plan
from plangen.document.publish import redact
from plangen.sources.secret import project_secret
from plangen.render import plan_schema, render_json, render_pdf, render_site, render_text
from plangen.document.assemble import plan_json
from plangen.document.model import PlanDocument
from plangen.render.pdf import print_html, render_pdfs
from plangen.sources.runner import RunnerInput

OPTIONS = RenderOptions(generated="2026-12-01", review_by="2027-01-12")
WALK, HOPS, REST, DAILY, FLAGS = range(5)


def checklist_answers(plan: Plan) -> list[str | None]:
    return [item.answer for item in plan.readiness_checklist]


def runner_plan(runner: RunnerInput) -> Plan:
    return make_plan(runner.profile, TrainingLog(), fx.stand_in_library(), runner.slug)


def overview(runner: RunnerInput, plan: Plan, options: RenderOptions = OPTIONS, page: str = "index.html") -> str:
    files = render_site(fx.doc(runner, plan, fx.stand_in_library(), options))
    return next(a.data.decode() for a in files if a.path.name == page)


def with_profile(runner: RunnerInput, **update: Any) -> RunnerInput:
    return RunnerInput(runner.profile.model_copy(update=update), runner.log, runner.profile_path, None)


# --- the plan model -----------------------------------------------------------------------------


def test_checklist_lists_the_rule_books_tests_with_rules_and_sources(plan_of: Any) -> None:
    items = plan_of(profile()).readiness_checklist
    assert [item.rule for item in items] == ["R12", "R12", "R2", "R2", "R2"]
    assert "walk briskly for 30 minutes with no knee pain and no limp" in items[WALK].text
    assert "hop 10 times on my sore leg, with knee pain 2/10 or less" in items[HOPS].text
    assert "below 4/10" in items[REST].text and "below 7/10" in items[DAILY].text
    assert "warning signs" in items[FLAGS].text
    assert all(item.source for item in items)
    assert "physioadvisor" in items[WALK].source and "item 17" in items[REST].source


def test_checklist_carries_the_runners_own_answers(plan_of: Any) -> None:
    plan = plan_of(profile())
    assert checklist_answers(plan) == ["yes", "yes", "yes", "not_answered", "yes"]
    assert plan.readiness_checklist[REST].data == "pain at rest 0/10"


def test_failed_answers_show_as_no_and_keep_running_off(plan_of: Any) -> None:
    plan = plan_of(profile(readiness={"brisk_walk_30_min": False},
                           symptoms={"pain_at_rest": 5, "worst_daily_pain": 3, "usual_morning_pain": 0}))
    assert plan.status == "no_running"
    assert checklist_answers(plan) == ["no", "not_answered", "no", "yes", "yes"]
    assert plan.readiness_checklist[DAILY].data == "worst daily pain 3/10"


def test_warning_signs_left_out_of_the_profile_are_not_a_yes(plan_of: Any) -> None:
    """R2: the checklist says yes to "none of the warning signs" only when the runner answered every one."""
    unasked = profile().model_copy(update={"screening": Screening()})
    assert plan_of(unasked).readiness_checklist[FLAGS].answer == "not_answered"
    partly = profile(screening={"swelling": False, "locking": False})
    assert plan_of(partly).readiness_checklist[FLAGS].answer == "not_answered"
    assert plan_of(profile()).readiness_checklist[FLAGS].answer == "yes"


def test_a_red_flag_answer_shows_on_the_checklist(plan_of: Any) -> None:
    plan = plan_of(profile(screening={"giving_way": True}))
    assert plan.status == "referral"
    assert plan.readiness_checklist[FLAGS].answer == "no"
    assert plan.readiness_checklist[FLAGS].data == "you said yes to: giving way"


def test_checklist_limits_follow_a_clinics_settings(plan_of: Any) -> None:
    items = plan_of(profile(rules={"green_pain_max": 3, "rest_pain_gate": 3})).readiness_checklist
    assert "3/10 or less" in items[HOPS].text and "below 3/10" in items[REST].text
    assert items[HOPS].configurable and items[REST].configurable and not items[WALK].configurable


def test_checklist_is_in_plan_json_and_its_schema(plan_of: Any) -> None:
    plan = plan_of(profile())
    data = json.loads(render_json(fx.doc(fx.runner(), plan)).data)
    assert data["readiness_checklist"][WALK]["rule"] == "R12"
    assert data["readiness_checklist"][WALK]["answer"] == "yes"
    schema = plan_schema()
    jsonschema.Draft202012Validator(schema).validate(data)
    assert "readiness_checklist" in schema["properties"] and "ReadinessCheck" in schema["$defs"]


def test_text_output_lists_the_checklist(plan_of: Any) -> None:
    text = render_text(plan_of(profile()))
    assert "[ ] I can walk briskly for 30 minutes with no knee pain and no limp. (you said yes) [R12]" in text


# --- the overview page --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sam_page() -> str:
    runner = fx.runner()
    return overview(runner, runner_plan(runner))


def test_overview_shows_version_dates_clinician_and_notice(sam_page: str) -> None:
    plan = runner_plan(fx.runner())
    version = hashlib.sha256(plan_json(plan).encode("utf-8")).hexdigest()[:8]
    for words in ("on Tuesday 1 December 2026", "<strong>See your clinician</strong> by Tuesday 12 January 2027",
                  f"version {version}", "A. Physio", "Harbour Sports Physio", "+44 20 0000 0000",
                  "It is not a diagnosis", "education and self-help"):
        assert words in sam_page, words


def test_overview_checklist_has_printable_boxes_answers_and_a_sign_off(sam_page: str) -> None:
    section = sam_page[sam_page.index('id="readiness-checklist"'):sam_page.index("</section>", sam_page.index('id="readiness-checklist"'))]
    assert section.count('<span class="tick-box" aria-hidden="true"></span>') == 5
    assert section.count('<span class="visually-hidden">Box to tick: </span>') == 5
    assert "<input" not in section and "<script" not in section  # a paper checklist: boxes to tick by hand, no form
    assert "You said: yes" in section and "No answer yet" in section and "(pain at rest 0/10)" in section
    assert 'class="rule"' not in section and "Source:" not in section  # rules and sources: the clinician page
    clinician = overview(fx.runner(), runner_plan(fx.runner()), page="clinician.html")
    assert '<span class="rule">R12</span>' in clinician and "Return-to-run programmes" in clinician
    for label in ("Clinician:", "Signature:", "Date:"):
        assert f'<span class="sign-label">{label}</span>' in section
    assert '<span class="sign-fill">A. Physio</span>' in section


def test_sign_off_line_is_blank_without_a_clinician() -> None:
    runner = with_profile(fx.runner(), clinician=None)
    page = overview(runner, runner_plan(runner))
    assert page.count('<span class="sign-fill"></span>') == 3


def test_no_running_plan_shows_the_failed_test() -> None:
    runner = with_profile(fx.runner(), readiness=fx.runner().profile.readiness.model_copy(update={"single_leg_hops_10": False}))
    plan = runner_plan(runner)
    assert plan.status == "no_running"
    assert "You said: not yet" in overview(runner, plan)


def test_referral_page_has_no_checklist() -> None:
    runner = with_profile(fx.runner(), screening=fx.runner().profile.screening.model_copy(update={"locking": True}))
    plan = runner_plan(runner)
    assert plan.status == "referral" and plan.readiness_checklist
    assert "readiness-checklist" not in overview(runner, plan)


def test_large_print_class_sits_on_the_root_so_rem_sizes_grow() -> None:
    runner = fx.runner()
    plan = runner_plan(runner)
    options = RenderOptions(large_print=True)
    assert '<html lang="en" class="large-print">' in overview(runner, plan, options)
    assert '<html lang="en" class="large-print">' in print_html(fx.doc(runner, plan, fx.stand_in_library(), options))
    assert '<html lang="en">' in overview(runner, plan)


# --- publishing ---------------------------------------------------------------------------------


@pytest.fixture()
def published_sam(tmp_path: Path) -> PlanDocument:
    runner = with_profile(fx.runner(), weeks=4)  # 4 weeks: a quicker PDF
    options = RenderOptions(publish=True, generated=dt.date(2026, 12, 1).isoformat())
    return redact(fx.doc(runner, runner_plan(runner), fx.stand_in_library(), options), project_secret(tmp_path))


def test_publish_keeps_the_tests_but_not_the_runners_answers(published_sam: PlanDocument) -> None:
    plan = published_sam.plan
    assert len(plan.readiness_checklist) == 5
    assert all(item.answer is None and item.data == "" for item in plan.readiness_checklist)
    assert all(item["answer"] is None for item in json.loads(render_json(published_sam).data)["readiness_checklist"])
    page = next(a.data.decode() for a in render_site(published_sam) if str(a.path) == f"{published_sam.slug}/index.html")
    assert "Ready to run? Your checklist" in page and "walk briskly for 30 minutes" in page
    for private in ("You said", "No answer yet", "pain at rest 0/10", "Sam Rivera", "age 34", "Avoid hills"):
        assert private not in page, private


# --- the PDF ------------------------------------------------------------------------------------


def pdf_text(runner: RunnerInput, plan: Plan, options: RenderOptions) -> str:
    return pdf_document_text(fx.doc(runner, plan, fx.stand_in_library(), options))


def pdf_document_text(doc: PlanDocument) -> str:
    """The words of both printed documents: the runner's handout and the clinician appendix."""
    import pypdf

    pages = [page for pdf in render_pdfs(doc) for page in pypdf.PdfReader(BytesIO(pdf.data)).pages]
    return " ".join(" ".join(page.extract_text() for page in pages).split())  # lines wrap anywhere


@pytest.mark.slow
def test_pdf_has_governance_and_the_checklist_in_large_print() -> None:
    runner = with_profile(fx.runner(), weeks=4)
    plan = runner_plan(runner)
    text = pdf_text(runner, plan, RenderOptions(generated="2026-12-01", review_by="2027-01-12", large_print=True))
    version = hashlib.sha256(plan_json(plan).encode("utf-8")).hexdigest()[:8]
    for words in ("Issued Tue 1 Dec 2026", "12 January 2027",
                  f"Plan version {version}", "Clinician: A. Physio", "not a diagnosis",
                  "Ready to run? Your checklist", "walk briskly for 30 minutes", "hop 10 times on my sore leg",
                  "You said: yes", "Clinician sign-off", "Signature:", "Date:"):
        assert words in text, words


@pytest.mark.slow
def test_published_pdf_keeps_the_checklist_without_the_runners_answers(published_sam: PlanDocument) -> None:
    text = pdf_document_text(published_sam)
    assert "Ready to run? Your checklist" in text and "Signature:" in text
    for private in ("You said", "Sam Rivera", "Avoid hills"):
        assert private not in text, private
