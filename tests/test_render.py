"""Renderer tests: strict templates, relative links, escaping, anonymity, PDF structure and safety, JSON."""

from __future__ import annotations

import datetime as dt
import json
import logging
import posixpath
import re
import subprocess
import sys
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import render_fixtures as fx

from plangen.artifacts import Artifact, RenderOptions
from plangen.errors import BuildError
from plangen.render import formats, plan_schema, render_json, render_pdf, render_site, render_text
from plangen.render.chart import load_chart
from plangen.render.text import session_line
from plangen.wording import numbers

ROOT = Path(__file__).resolve().parents[1]
OPTIONS = RenderOptions(generated="2026-12-01")
ALL_PLANS = sorted(fx.PLANS)


class Page(HTMLParser):
    """Every tag, attribute and id in one HTML page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def urls(self) -> list[str]:
        return [a[k] for _, a in self.tags for k in ("href", "src") if k in a]

    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.tags if "id" in a}


def site(plan_name: str = "full", runner: Any = None, options: RenderOptions = OPTIONS) -> dict[str, bytes]:
    plan = fx.PLANS[plan_name]()
    files = render_site(fx.doc(runner or fx.runner(), plan, fx.stand_in_library(), options))
    return {str(a.path): a.data for a in files}


def html_pages(files: dict[str, bytes]) -> dict[str, str]:
    return {path: data.decode("utf-8") for path, data in files.items() if path.endswith(".html")}


# --- site structure ---------------------------------------------------------------------------


def test_full_plan_makes_every_page() -> None:
    files = site()
    expected = {"sam/index.html", "sam/flare-up.html", "sam/diary.html", "sam/clinician.html", "assets/plangen.css", "assets/print.css",
                "assets/narrow.css"}
    expected |= {f"sam/week-{n:02d}.html" for n in (1, 2, 3, 4)}
    expected |= {f"sam/exercises/{i}.html" for i in ("clamshell", "step-down", "wall-sit", "hip-flexor-stretch")}
    assert set(files) == expected


def test_referral_plan_is_one_page_and_no_running_plan() -> None:
    files = site("referral")
    assert set(html_pages(files)) == {"sam/index.html", "sam/clinician.html"}  # the clinician page holds the rules that fired
    page = files["sam/index.html"].decode()
    assert "Please see a clinician before you run" in page and "Your knee gives way" in page
    assert "week-01.html" not in page


@pytest.mark.parametrize("urgency, words", [("today", "Get medical help today"), ("days", "within the next few days"),
                                            ("review", "Ask a clinician to review")])
def test_referral_urgency_in_plain_words(urgency: str, words: str) -> None:
    plan = fx.referral_plan(urgency)
    files = render_site(fx.doc(fx.runner(), plan, fx.stand_in_library(), OPTIONS))
    assert words in files[0].data.decode()


def test_no_running_plan_says_so_and_still_has_weeks() -> None:
    files = site("no_running")
    assert "no running" in files["sam/index.html"].decode()
    assert "No running is planned in these weeks." in files["sam/index.html"].decode()
    assert "sam/week-04.html" in files


@pytest.mark.parametrize("plan_name", ALL_PLANS)
def test_links_are_relative_and_resolve(plan_name: str) -> None:
    files = site(plan_name)
    produced = set(files) | {"sam/plan.pdf", "sam/plan.json", "sam/plan.ics"}
    pages = {path: Page(text) for path, text in html_pages(files).items()}
    for path, page in pages.items():
        for url in page.urls():
            if url.startswith("data:image/"):  # the clinic logo travels inline
                continue
            assert "://" not in url and not url.startswith(("/", "javascript:", "data:")), (path, url)
            target, _, fragment = url.partition("#")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target)) if target else path
            assert not target.endswith("/"), (path, url)
            assert resolved in produced, (path, url)
            if fragment and resolved in pages:
                assert fragment in pages[resolved].ids(), (path, url)


def test_week_page_writes_out_the_session() -> None:
    page = site()["sam/week-01.html"].decode()
    for words in ("4 × (2 min run / 3 min walk)", "Warm up: walk briskly for 5 min", "Cool down: walk for 5 min",
                  "3 s down, 1 s pause, 1 s up", "3 × 30 s hold", "Knee not right today? Easier options",
                  "Morning pain above your usual by 2 or more", "Kneecaps in line with your toes",
                  "Two green walk-runs at this stage", "Planned and done", '<details class="why">',
                  'href="exercises/clamshell.html"', 'href="week-02.html"', "Mystery move"):
        assert words in page, words
    assert "exercises/not-in-library.html" not in page
    assert "R20" not in page and "Nielsen 2014" not in page  # rule ids and sources are the clinician page's
    clinician = site()["sam/clinician.html"].decode()
    assert "R20" in clinician and "Nielsen 2014" in clinician


def test_exercise_card_links_only_to_cards_in_the_site() -> None:
    page = site()["sam/exercises/step-down.html"].decode()
    assert 'href="../exercises/wall-sit.html"' in page  # easier card is in the plan
    assert 'href="../week-01.html"' in page and 'href="../../assets/plangen.css"' in page
    assert "<svg" in page and "Lie on your back" in page and "Push the knee out" in page


def test_diary_has_a_row_per_session_with_dates() -> None:
    page = site()["sam/diary.html"].decode()
    sessions = [s for w in fx.full_plan().weeks for d in w.days for s in d.sessions if s.kind in ("run", "walk_run", "cross_training")]
    lifts = [e for w in fx.full_plan().weeks for d in w.days for s in d.sessions if s.kind == "strength" for e in s.exercises]
    assert lifts  # a strength session is a line per exercise: the step-up rule needs reps and pain for each
    assert page.count("<tr>") - page.count("<thead>") == len(sessions) and page.count('<tr class="exercise-row">') == len(lifts)
    assert "Mon 7 Dec" in page and "Pain after 60 min" in page


# --- escaping and anonymity ---------------------------------------------------------------------


def hostile_files() -> dict[str, str]:
    runner = fx.runner(name=fx.HOSTILE_NAME, notes=fx.HOSTILE_NOTES)
    pages = html_pages(site("hostile", runner))
    pages.update(html_pages(site("referral", runner)) | {"referral": html_pages(site("referral", runner))["sam/index.html"]})
    return pages


@pytest.mark.parametrize("path, text", sorted(hostile_files().items()))
def test_untrusted_text_is_escaped(path: str, text: str) -> None:
    page = Page(text)
    # The one script is the fixed "today" marker (_today.html): no attributes, no runner text inside.
    scripts = re.findall(r"<script\b[^>]*>(.*?)</script>", text, flags=re.S)
    assert [attrs for tag, attrs in page.tags if tag == "script"] == [{}] * len(scripts) and len(set(scripts)) <= 1
    assert not [s for s in scripts if "alert" in s or "</" in s]
    assert not [(tag, k) for tag, attrs in page.tags for k in attrs if k.startswith("on")]
    assert not [url for url in page.urls() if "javascript" in url.lower()]
    assert "<script>alert" not in text and "<img src=x" not in text and "<b>felt it" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text  # the name is shown, escaped, on every page


def test_hostile_notes_and_log_text_show_escaped() -> None:
    pages = hostile_files()
    assert "&lt;img src=x onerror=alert(3)&gt;" in pages["sam/index.html"]
    assert "&lt;b&gt;felt it&lt;/b&gt;" in pages["sam/week-01.html"]
    assert "&lt;b&gt;felt it&lt;/b&gt;" in pages["sam/flare-up.html"]


@pytest.mark.parametrize("plan_name", ALL_PLANS)
def test_anonymous_output_names_nobody(plan_name: str) -> None:
    runner = fx.runner(anonymous=True)
    for path, text in html_pages(site(plan_name, runner)).items():
        assert '<meta name="robots" content="noindex">' in text, path
        for secret in ("Sam Rivera", "age 34", "Avoid hills", "left knee"):
            assert secret not in text, (path, secret)


def test_options_anonymous_overrides_profile() -> None:
    text = site(options=RenderOptions(anonymous=True))["sam/index.html"].decode()
    assert "Sam Rivera" not in text and "noindex" in text


def test_named_output_shows_the_runner_and_clinician() -> None:
    text = site()["sam/index.html"].decode()
    assert "Sam Rivera" in text and "age 34" in text and "Avoid hills" in text and "noindex" not in text


# --- clinic branding ---------------------------------------------------------------------------


def test_publish_mode_is_anonymous() -> None:
    text = site(options=RenderOptions(publish=True))["sam/index.html"].decode()
    assert "Sam Rivera" not in text and "Avoid hills" not in text and "noindex" in text


@pytest.mark.parametrize("colour, shown", [("#1f5f8b", True), ("#FFFF00", False), ("red", False),
                                           ("#000000; } body { display: none", False)])
def test_only_a_strict_readable_accent_reaches_the_css(colour: str, shown: bool) -> None:
    text = site(options=RenderOptions(accent=colour))["sam/week-01.html"].decode()
    assert ("--accent: " + colour in text) is shown
    assert "display: none" not in text


def test_clinic_name_contact_disclaimer_logo_and_review_date() -> None:
    options = RenderOptions(clinic_name="Harbour <Physio>", clinic_contact="020 0000", disclaimer="Not advice & more",
                            logo=("logo.png", b"\x89PNG fake"), review_by="2027-01-18")
    text = site(options=options)["sam/index.html"].decode()
    assert "Harbour &lt;Physio&gt;" in text and "020 0000" in text and "Not advice &amp; more" in text
    assert 'src="data:image/png;base64,' in text and "Monday 18 January 2027" in text
    bad_logo = site(options=RenderOptions(logo=("logo.exe", b"MZ")))["sam/index.html"].decode()
    assert "data:" not in bad_logo


def test_print_cover_has_a_qr_code_only_for_a_web_address() -> None:
    from plangen.render.pdf import print_html

    html = print_html(fx.doc(fx.runner(), fx.full_plan(), fx.stand_in_library(), RenderOptions(base_url="https://p.example/x/")))
    assert 'class="segno"' in html and "https://p.example/x/sam/index.html" in html
    html = print_html(fx.doc(fx.runner(), fx.full_plan(), fx.stand_in_library(), RenderOptions(base_url="javascript:alert(1)")))
    assert "segno" not in html and "javascript" not in html


# --- theme and template errors ------------------------------------------------------------------


def test_user_theme_overrides_one_template_and_one_asset(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "plangen.css").write_text("body { color: black; }")
    (tmp_path / "diary.html").write_text('{% extends "base.html" %}{% block title %}D{% endblock %}'
                                         "{% block main %}MY DIARY {{ plan.id }}{% endblock %}")
    files = {str(a.path): a.data for a in render_site(fx.doc(fx.runner(), fx.full_plan(), fx.stand_in_library(), OPTIONS), templates=tmp_path)}
    assert b"MY DIARY sam" in files["sam/diary.html"]
    assert files["assets/plangen.css"] == b"body { color: black; }"
    assert b"Day by day" in files["sam/week-01.html"]  # the default theme fills in the rest
    assert "assets/print.css" in files


@pytest.mark.parametrize("body, line", [("{% block main %}\n\n{{ plan.nonexistent }}{% endblock %}", 3),
                                        ("{% block main %}\n{% if %}{% endblock %}", 2)])
def test_template_errors_name_the_file_and_line(tmp_path: Path, body: str, line: int) -> None:
    (tmp_path / "diary.html").write_text('{% extends "base.html" %}' + body)
    with pytest.raises(BuildError) as caught:
        render_site(fx.doc(fx.runner(), fx.full_plan(), fx.stand_in_library(), OPTIONS), templates=tmp_path)
    message = caught.value.format_message()
    assert "diary.html" in message and f"line {line}" in message


def test_escaping_is_on_for_txt_templates_too(tmp_path: Path) -> None:
    from plangen.render.environment import make_environment

    (tmp_path / "x.txt").write_text("{{ v }}")
    assert make_environment(tmp_path).get_template("x.txt").render(v="<b>") == "&lt;b&gt;"


def test_asset_symlink_out_of_the_theme_fails(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    (tmp_path / "assets" / "leak.css").symlink_to(secret)
    with pytest.raises(BuildError, match="outside its assets folder"):
        render_site(fx.doc(fx.runner(), fx.full_plan(), fx.stand_in_library(), OPTIONS), templates=tmp_path)


def test_unsafe_slug_is_refused() -> None:
    doc = fx.doc(fx.runner(), fx.full_plan())
    unsafe = doc.model_copy(update={"info": doc.info.model_copy(update={"slug": "../etc"})})
    with pytest.raises(BuildError):
        render_json(unsafe)


# --- formatting ---------------------------------------------------------------------------------


@pytest.mark.parametrize("func, value, expected", [
    (formats.date_long, dt.date(2026, 12, 7), "Monday 7 December 2026"),
    (formats.date_short, dt.date(2027, 1, 3), "Sun 3 Jan"),
    (formats.date_range, dt.date(2026, 12, 28), "28 Dec 2026 – 3 Jan 2027"),
    (formats.date_range, dt.date(2026, 11, 30), "30 Nov – 6 Dec 2026"),
    (formats.minutes, 45, "45 min"), (formats.minutes, 60, "1 h"), (formats.minutes, 78, "1 h 18 min"),
    (formats.minutes, 0.5, "30 s"), (formats.minutes, 19.5, "19 min 30 s"), (formats.mmss, 62.5, "1:02:30"),
    (formats.seconds, 90, "90 s"), (formats.tempo, "3-0-1", "3 s down, 1 s up"), (formats.tempo, "slow", "slow"),
    (numbers.number, 10.0, "10"), (numbers.number, 9.45, "9.4"), (formats.label, "walk_run", "walk-run"),
])
def test_formats(func: Any, value: Any, expected: str) -> None:
    assert func(value) == expected


def test_dates_ignore_the_process_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    import locale

    try:
        locale.setlocale(locale.LC_TIME, "de_DE.UTF-8")
    except locale.Error:
        pytest.skip("no German locale on this machine")
    try:
        assert formats.date_long(dt.date(2026, 12, 7)) == "Monday 7 December 2026"
    finally:
        locale.setlocale(locale.LC_TIME, "C")


def test_interval_and_dose_wording() -> None:
    from plangen.document.plan import ExerciseDose, Intervals

    assert formats.intervals(Intervals(run_min=0.5, walk_min=4.5, repeats=4)) == "4 × (30 s run / 4 min 30 s walk)"
    assert formats.intervals(Intervals(run_min=20, walk_min=0, repeats=1)) == "20 min run"
    assert formats.dose(ExerciseDose(id="x", sets=3, reps=10)) == "3 × 10"
    assert formats.dose(fx.dose(1, sets=2, reps=None, duration_s=20)) == "2 × 20 s"
    assert formats.distance(9.5, "mi") == "9.5 mi"


def test_card_body_headings_move_under_the_card_title() -> None:
    assert formats.demote("<h2>How</h2><p>x</p><h3 id='a'>Sub</h3>", 3) == "<h3>How</h3><p>x</p><h4 id='a'>Sub</h4>"
    assert formats.demote("<p>no headings</p>", 2) == "<p>no headings</p>"


def test_weeks_with_the_same_dose_share_a_row() -> None:
    a, b = fx.dose(1, reps=10), fx.dose(1, reps=12)
    assert formats.week_runs([(1, a), (2, a), (3, b), (5, b)]) == [(1, 2, a), (3, 3, b), (5, 5, b)]


def test_chart_marks_lighter_and_flare_weeks_in_words_and_patterns() -> None:
    svg = str(load_chart(fx.full_plan().weeks, "distance", "km"))
    assert "url(#chart-distance-lighter)" in svg and "url(#chart-distance-flare)" in svg
    assert ">lighter</text>" in svg and ">flare</text>" in svg and "week 1: 9.5 km" in svg
    Page(svg)  # parses


# --- JSON and text ------------------------------------------------------------------------------


@pytest.mark.parametrize("plan_name", ALL_PLANS)
def test_json_validates_against_the_schema(plan_name: str) -> None:
    artifact = render_json(fx.doc(fx.runner(), fx.PLANS[plan_name]()))
    assert str(artifact.path) == "sam/plan.json"
    text = artifact.data.decode()
    assert text.endswith("}\n")
    data = json.loads(text)
    jsonschema.Draft202012Validator(plan_schema()).validate(data)
    assert text == json.dumps(data, indent=2, ensure_ascii=False) + "\n"  # stable layout, model field order


def test_schema_is_described() -> None:
    schema = plan_schema()
    assert schema["$schema"].endswith("2020-12/schema") and schema["$id"] and schema["title"] and schema["description"]
    jsonschema.Draft202012Validator.check_schema(schema)


def test_text_explains_the_plan() -> None:
    text = render_text(fx.full_plan())
    for words in ("Return-to-run plan (sam)", "Week 1 (7–13 Dec 2026): walk-run, stage 4", "running 9.5 km / 1 h",
                  "the one change: Run blocks go from 2 to 3 minutes", "4 × (2 min run / 3 min walk)",
                  "R20: Weekly volume up at most 10% (last week 8.6 km)", "Clamshell 3 × 12"):
        assert words in text, words
    assert "get medical help today" in render_text(fx.referral_plan("today"))


def test_importing_the_renderers_does_not_import_weasyprint() -> None:
    code = "import sys, plangen.render; assert 'weasyprint' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, env={"PYTHONPATH": str(ROOT / "src")})


# --- PDF ----------------------------------------------------------------------------------------


def pdf_reader(artifact: Artifact) -> Any:
    import pypdf

    return pypdf.PdfReader(BytesIO(artifact.data))


def outline_titles(outline: list[Any]) -> list[str]:
    return [t for item in outline for t in (outline_titles(item) if isinstance(item, list) else [item["/Title"]])]


@pytest.fixture(scope="module")
def full_pdf() -> Artifact:
    return render_pdf(fx.doc(fx.runner(), fx.full_plan(), fx.stand_in_library(), OPTIONS))


def test_pdf_has_pages_bookmarks_and_text(full_pdf: Artifact) -> None:
    assert str(full_pdf.path) == "sam/plan.pdf"
    reader = pdf_reader(full_pdf)
    assert len(reader.pages) >= 2 + len(fx.full_plan().weeks)  # cover, how to use it, a page a week, cards
    titles = outline_titles(reader.outline)
    for expected in ("Cover", "How to use this plan, and when it hurts", "Week 1 7–13 Dec 2026",
                     "Week 4 28 Dec 2026 – 3 Jan 2027", "Exercise cards", "Clamshell"):
        assert expected in titles
    text = "\n".join(page.extract_text() for page in reader.pages)
    for words in ("Week 1", "Week 4", "Green: go", "Amber: hold", "Red: stop", "Stop and call", "Page 3 of", "Sam Rivera"):
        assert words in text, words
    assert reader.metadata.title == "Return-to-run plan · Sam Rivera"
    assert reader.metadata["/CreationDate"].startswith("D:20261201")


def test_pdf_paper_size_follows_the_options() -> None:
    letter = render_pdf(fx.doc(fx.runner(), fx.referral_plan(), fx.stand_in_library(), RenderOptions(paper="letter")))
    a4 = render_pdf(fx.doc(fx.runner(), fx.referral_plan(), fx.stand_in_library(), RenderOptions(paper="a4")))
    assert round(float(pdf_reader(letter).pages[0].mediabox.width)) == 612
    assert round(float(pdf_reader(a4).pages[0].mediabox.width)) == 595


def test_anonymous_pdf_names_nobody() -> None:
    artifact = render_pdf(fx.doc(fx.runner(anonymous=True), fx.full_plan(), fx.stand_in_library(), OPTIONS))
    reader = pdf_reader(artifact)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Sam Rivera" not in text and "Avoid hills" not in text and "Sam Rivera" not in str(reader.metadata)


def test_referral_pdf() -> None:
    reader = pdf_reader(render_pdf(fx.doc(fx.runner(), fx.referral_plan(), fx.stand_in_library(), OPTIONS)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Please see a clinician before you run" in text and "Week 1" not in text


@pytest.fixture()
def secret_file(tmp_path: Path) -> Path:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT-42")
    return secret


@pytest.mark.parametrize("make_tag", [
    lambda s: f'<link rel="attachment" href="{s.as_uri()}">',
    lambda s: '<link rel="attachment" href="file:///etc/passwd">',
    lambda s: '<img src="../../../../../../../../etc/passwd" alt="x">',
    lambda s: f'<img src="{"../" * 12}{str(s).lstrip("/")}" alt="x">',
    lambda s: '<img src="http://127.0.0.1:9/x.png" alt="x">',
    lambda s: '<link rel="stylesheet" href="assets/missing.css">',
])
def test_pdf_fetches_nothing_outside_the_theme_assets(secret_file: Path, make_tag: Any) -> None:
    from plangen.render.pdf import html_to_pdf

    html = f'<!doctype html><html lang="en"><head><title>t</title></head><body><p>x</p>{make_tag(secret_file)}</body></html>'
    with pytest.raises(BuildError, match="PDF"):
        data = html_to_pdf(html)
        assert b"TOP-SECRET" not in data  # only reached if the fetch was silently skipped


def test_pdf_refuses_an_asset_symlink_that_escapes(tmp_path: Path, secret_file: Path) -> None:
    from plangen.render.pdf import html_to_pdf

    (tmp_path / "theme" / "assets").mkdir(parents=True)
    (tmp_path / "theme" / "assets" / "x.css").symlink_to(secret_file)
    with pytest.raises(BuildError):
        html_to_pdf('<html><body><link rel="attachment" href="assets/x.css"></body></html>', tmp_path / "theme")


def test_pdf_allows_the_theme_assets_and_data_urls() -> None:
    from plangen.render.pdf import html_to_pdf

    pixel = "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20width='4'%20height='4'/%3E"
    html = (f'<!doctype html><html lang="en"><head><title>t</title><link rel="stylesheet" href="assets/plangen.css">'
            f'</head><body><p>ok</p><img src="{pixel}" alt="dot"></body></html>')
    assert html_to_pdf(html).startswith(b"%PDF")


def test_weasyprint_errors_fail_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    import weasyprint

    from plangen.render.pdf import html_to_pdf

    original = weasyprint.HTML.render

    def noisy(self: Any, *args: Any, **kwargs: Any) -> Any:
        logging.getLogger("weasyprint").error("Failed to load font %s", "X")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.HTML, "render", noisy)
    with pytest.raises(BuildError, match="Failed to load font X"):
        html_to_pdf('<html lang="en"><head><title>t</title></head><body>x</body></html>')


# --- the real planner ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sam() -> tuple[Any, Any]:
    from plangen.planner import make_plan
    from plangen.sources.runner import load_runner

    runner = load_runner(ROOT / "profiles" / "sam.yaml")
    return runner, make_plan(runner.profile, runner.log, fx.stand_in_library(), runner.slug)


def test_real_plan_renders_with_working_links(sam: tuple[Any, Any]) -> None:
    runner, plan = sam
    files = {str(a.path): a.data for a in render_site(fx.doc(runner, plan, fx.stand_in_library(), OPTIONS))}
    assert f"sam/week-{len(plan.weeks):02d}.html" in files
    produced = set(files) | {"sam/plan.pdf", "sam/plan.json", "sam/plan.ics"}
    for path, text in html_pages(files).items():
        for url in Page(text).urls():
            target = url.partition("#")[0]
            assert not target or posixpath.normpath(posixpath.join(posixpath.dirname(path), target)) in produced
    jsonschema.Draft202012Validator(plan_schema()).validate(json.loads(render_json(fx.doc(runner, plan)).data))
    assert "Week 1" in render_text(plan)


@pytest.mark.slow
def test_real_plan_pdf(sam: tuple[Any, Any]) -> None:
    runner, plan = sam
    reader = pdf_reader(render_pdf(fx.doc(runner, plan, fx.stand_in_library(), OPTIONS)))
    titles = outline_titles(reader.outline)
    assert sum(t.startswith("Week ") for t in titles) == len(plan.weeks)


def test_templates_state_no_threshold_by_hand() -> None:
    """A threshold in the theme's words comes from the catalogue through say(), so it follows the plan's settings;
    a template reading a limit itself (or working out the amber band or the red wait) would not."""
    by_hand = re.compile(r"\blimits(?:\.\w|\s*\[)|\|\s*round\(0,\s*'ceil'\)|/\s*24\b")
    found = [f"{path.name}: {match.group(0)}" for path in sorted((ROOT / "templates").glob("*.html"))
             for match in by_hand.finditer(path.read_text(encoding="utf-8"))]
    assert found == []


@pytest.mark.parametrize("kind, title, distance, minutes, expected", [
    ("run", "Long easy run: 22 km", 22.0, 140, "run: Long easy run: 22 km, 2 h 20 min"),
    ("run", "Easy run: 12.7 km", 2.7, 17, "run: Easy run: 12.7 km, 2.7 km · 17 min"),  # another figure, not the same
    ("mobility", "Mobility and recovery, about 15 min", None, 15, "mobility: Mobility and recovery, about 15 min"),
    ("run", "Easy run", 5.0, 30, "run: Easy run, 5 km · 30 min"),
    ("cross_training", "Pool running, 30 min easy", None, 30, "cross-training: Pool running, 30 min easy"),
    ("run", "Strides run: 6 km", 6.0, 36, "run: Strides run: 6 km, 36 min, short, relaxed strides at the end of one run"),
])
def test_text_states_a_session_size_once(kind: str, title: str, distance: float | None, minutes: float,
                                         expected: str) -> None:
    """Size and effort once: what the title names is not repeated after it."""
    intensity = "strides" if "Strides" in title else "easy" if kind == "cross_training" else None
    session = fx.Session(kind=kind, title=title, distance=distance, duration_min=minutes, intensity=intensity)
    assert session_line(session, "km") == expected


def test_text_says_no_running_instead_of_zero_kilometres() -> None:
    text = render_text(fx.no_running_plan())
    assert "no running this week" in text and "0 km / 0 s" not in text
