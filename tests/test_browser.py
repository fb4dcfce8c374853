"""The built site in a real browser: pages load clean, links work, axe and the W3C Nu checker find nothing.

Three example plans (sam: build phase, jo: walk-run, lee: referral) plus the clinic index are built once,
without PDFs, and opened from ``file://`` in Debian's Chromium driven by Playwright. Tools:

- Chromium at /usr/bin/chromium (or $PLANGEN_CHROMIUM); never ``playwright install``;
- ``npm ci`` at the repository root for axe-core and vnu-jar (node_modules/), and Java 17 for vnu.jar.

A missing tool skips these tests, unless PLANGEN_REQUIRE_BROWSER=1 (as .ci/run sets it), where it fails.
Screenshots at phone and desktop widths go to $PLANGEN_SCREENSHOTS, else to a pytest temp folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urldefrag, urlparse

import pytest
from click.testing import CliRunner
from conftest import need

from plangen.cli import main

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path(os.environ.get("PLANGEN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PROFILES = ("sam", "jo", "lee")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# The browser's clock: a Wednesday in week 2 of sam's and jo's plans (both start Monday 7 December 2026).
# The site is built without a clock; the page's own script picks today from this.
TODAY = "2026-12-16"

pytestmark = pytest.mark.browser


# ---- the site under test ---------------------------------------------------------------------

@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "site"
    paths = [str(ROOT / "profiles" / f"{name}.yaml") for name in PROFILES]
    result = CliRunner().invoke(main, ["-q", "build", *paths, "--root", str(ROOT), "-o", str(out), "--no-pdf", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return out


def plan_pages(site: Path, slug: str) -> list[Path]:
    return sorted((site / slug).glob("*.html"))


def all_pages(site: Path) -> list[Path]:
    return [site / "index.html"] + sorted(site.glob("*/*.html")) + sorted(site.glob("*/exercises/*.html"))


def sampled_cards(site: Path, slug: str) -> list[Path]:
    """The exercise cards axe checks: the first, a middle and the last of the plan's cards."""
    cards = sorted((site / slug / "exercises").glob("*.html"))
    return [cards[i] for i in sorted({0, len(cards) // 2, len(cards) - 1})] if cards else []


def axe_pages(site: Path) -> list[Path]:
    """Every overview, week, flare-up, diary and referral page, the clinic index, and a sample of exercise cards."""
    pages = [site / "index.html"]
    for slug in PROFILES:
        pages += plan_pages(site, slug) + sampled_cards(site, slug)
    return pages


def one_of_each(site: Path) -> list[Path]:
    """One page of each template (and jo's walk-run week): screenshotted, and checked by axe at desktop width too."""
    names = ["index.html", "sam/index.html", "sam/week-01.html", "sam/week-02.html", "jo/week-01.html", "sam/flare-up.html",
             "sam/diary.html", "sam/clinician.html", "lee/index.html"]
    return [site / n for n in names] + sampled_cards(site, "sam")[:1]


def rel(site: Path, page: Path) -> str:
    return page.relative_to(site).as_posix()


# ---- the browser -----------------------------------------------------------------------------

# What a page links to, and what on it scrolls sideways (the page itself, or a box with overflow).
FACTS_JS = """() => ({
  links: [...document.querySelectorAll('a[href], link[href], img[src], script[src]')].map(e => e.href || e.src),
  wide: [document.scrollingElement, ...document.querySelectorAll('main *')]
    .filter(e => e === document.scrollingElement ? e.scrollWidth > innerWidth
      : e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
    .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '')),
})"""

# axe's default rules (WCAG 2 A and AA, and best practices). Preload off: it would fetch the stylesheets
# with XHR, which a file:// page may not do. Selectors (slow to work out) only when something is found.
RUN_AXE = """async () => {
  const options = {resultTypes: ['violations'], preload: false};
  let found = (await axe.run(document, {...options, selectors: false})).violations;
  if (found.length) found = (await axe.run(document, options)).violations;
  return found.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
}"""


class Tab:
    """One browser tab at one window size that records every console message, page error and failed or outside request."""

    def __init__(self, browser: Any, viewport: dict[str, int], today: str | None = TODAY, script: bool = True) -> None:
        self.context = browser.new_context(viewport=viewport, java_script_enabled=script)
        if today:
            self.context.clock.set_fixed_time(f"{today}T09:00:00")
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        self.page.on("requestfailed", self._failed)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        else:  # nothing leaves the machine: a plan works offline, from file://
            self.problems.append(f"outside request: {url}")
            route.abort()

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.problems.append(f"console {message.type}: {message.text}")

    def _failed(self, request: Any) -> None:
        # ERR_ABORTED: the next page was opened before a low-priority request (the phone stylesheet on a
        # desktop) finished; missing files fail as ERR_FILE_NOT_FOUND and links are checked on their own.
        if request.failure != "net::ERR_ABORTED" or not request.url.startswith("file://"):
            self.problems.append(f"failed request: {request.url} ({request.failure})")

    def visit(self, path: Path) -> list[str]:
        """Open ``path``; return what went wrong while it loaded."""
        self.problems = []
        self.page.goto(path.as_uri())
        return self.problems

    def axe(self) -> list[str]:
        """axe-core's violations on the open page, one line each."""
        self.page.add_script_tag(path=str(AXE))
        return self.page.evaluate(RUN_AXE)


@dataclass
class PageReport:
    problems: list[str]
    links: list[str]
    wide: list[str]
    violations: list[str] | None = None  # None: axe did not look at this page


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    need(CHROMIUM.exists(), f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need(False, "Python playwright is not installed (pip install -e '.[test]')")
        raise
    with sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def phone(browser: Any) -> Iterator[Tab]:
    tab = Tab(browser, PHONE)
    yield tab
    tab.context.close()


@pytest.fixture(scope="session")
def desktop(browser: Any) -> Iterator[Tab]:
    tab = Tab(browser, DESKTOP)
    yield tab
    tab.context.close()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ["PLANGEN_SCREENSHOTS"]) if os.environ.get("PLANGEN_SCREENSHOTS") else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def sweep(site: Path, tab: Tab, pages: list[Path], axe: set[Path], shots: set[Path], folder: Path, size: str) -> dict[str, PageReport]:
    """Open each page once: what went wrong, its links and sideways scrolling; axe on ``axe``; screenshots of ``shots``."""
    reports: dict[str, PageReport] = {}
    for page in pages:
        name = rel(site, page)
        tab.visit(page)
        facts = tab.page.evaluate(FACTS_JS)
        reports[name] = PageReport(tab.problems, facts["links"], facts["wide"], tab.axe() if page in axe else None)
        if page in shots:
            tab.page.screenshot(path=str(folder / f"{name.removesuffix('.html').replace('/', '_')}-{size}.png"), full_page=True)
    return reports


@pytest.fixture(scope="session")
def on_phone(site: Path, phone: Tab, screenshots: Path) -> dict[str, PageReport]:
    """Every page of the site at phone width; axe on all but most exercise cards (see axe_pages)."""
    axe = set(axe_pages(site)) if AXE.exists() else set()
    return sweep(site, phone, all_pages(site), axe, set(one_of_each(site)), screenshots, "phone")


@pytest.fixture(scope="session")
def on_desktop(site: Path, desktop: Tab, screenshots: Path) -> dict[str, PageReport]:
    """One page of each template at desktop width, with axe."""
    pages = one_of_each(site)
    return sweep(site, desktop, pages, set(pages) if AXE.exists() else set(), set(pages), screenshots, "desktop")


# ---- the tests ---------------------------------------------------------------------------------

def test_a_tab_catches_console_errors_failed_and_outside_requests(desktop: Tab, tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><html lang="en"><title>x</title><link rel="stylesheet" href="https://example.invalid/x.css">'
                    '<img src="missing.png" alt=""><script>console.error("boom")</script></html>')
    problems = "\n".join(desktop.visit(page))
    assert "outside request: https://example.invalid/x.css" in problems
    assert "failed request: " + (tmp_path / "missing.png").as_uri() in problems
    assert "console error: boom" in problems


def test_axe_catches_what_it_should(desktop: Tab, tmp_path: Path) -> None:
    need(AXE.exists(), f"no {AXE.relative_to(ROOT)} (run `npm ci` in the repository root)")
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><html lang="en"><title>x</title><main><h1>x</h1><img src="data:,">'
                    '<p style="color: #bbb">faint</p></main></html>')
    desktop.visit(page)
    found = "\n".join(desktop.axe())
    assert "image-alt (critical)" in found and "color-contrast (serious)" in found and "img" in found


def test_every_page_loads_without_errors_or_outside_requests(site: Path, on_phone: dict[str, PageReport], on_desktop: dict[str, PageReport]) -> None:
    assert len(on_phone) == len(all_pages(site)) > 60 and "lee/index.html" in on_phone and "index.html" in on_phone
    problems = {f"{size}: {page}": r.problems for size, reports in (("phone", on_phone), ("desktop", on_desktop))
                for page, r in reports.items() if r.problems}
    assert problems == {}


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids.update(value for name, value in attrs if name == "id" and value)


def ids_in(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        parser = _Ids()
        parser.feed(path.read_text(encoding="utf-8"))
        cache[path] = parser.ids
    return cache[path]


def test_every_link_resolves_to_a_file_and_anchor_in_the_site(site: Path, on_phone: dict[str, PageReport]) -> None:
    broken: list[str] = []
    cache: dict[Path, set[str]] = {}
    for page, report in on_phone.items():
        assert report.links, page
        for url in report.links:
            target, fragment = urldefrag(url)
            parsed = urlparse(target)
            path = Path(unquote(parsed.path))
            if parsed.scheme != "file" or not path.is_file() or not path.resolve().is_relative_to(site.resolve()):
                broken.append(f"{page}: {url}")
            elif fragment and path.suffix == ".html" and fragment not in ids_in(path, cache):
                broken.append(f"{page}: {url} (no id {fragment!r})")
    assert broken == []


def test_axe_finds_no_violations(on_phone: dict[str, PageReport], on_desktop: dict[str, PageReport]) -> None:
    need(AXE.exists(), f"no {AXE.relative_to(ROOT)} (run `npm ci` in the repository root)")
    checked = [page for page, r in on_phone.items() if r.violations is not None]
    assert len(checked) > 30 and "lee/index.html" in checked and "sam/week-10.html" in checked and "jo/diary.html" in checked
    found = {f"{size}: {page}": r.violations for size, reports in (("phone", on_phone), ("desktop", on_desktop))
             for page, r in reports.items() if r.violations}
    assert found == {}


def test_nothing_scrolls_sideways_on_a_phone(on_phone: dict[str, PageReport]) -> None:
    assert {page: r.wide for page, r in on_phone.items() if r.wide} == {}


def test_screenshots_at_phone_and_desktop_widths(site: Path, on_phone: dict[str, PageReport], on_desktop: dict[str, PageReport], screenshots: Path) -> None:
    shots = sorted(screenshots.glob("*.png"))
    assert len(shots) >= 2 * len(one_of_each(site))
    assert {"sam_index-phone.png", "lee_index-desktop.png", "index-phone.png"} <= {s.name for s in shots}
    assert all(s.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for s in shots)


def click_through(tab: Tab, rel_: str, count: int) -> list[str]:
    """Follow the pager's ``rel`` link ``count`` times; the file names visited."""
    seen = []
    for _ in range(count):
        tab.page.click(f".pager a[rel='{rel_}']")
        seen.append(Path(urlparse(tab.page.url).path).name)
    return seen


def weeks_of(site: Path, slug: str) -> list[str]:
    return sorted(p.name for p in (site / slug).glob("week-*.html"))


def test_pager_walks_forward_through_every_week_then_back(site: Path, desktop: Tab) -> None:
    weeks = weeks_of(site, "sam")
    desktop.visit(site / "sam" / weeks[0])
    assert click_through(desktop, "next", len(weeks) - 1) == weeks[1:]
    assert desktop.page.locator(".pager a[rel='next']").count() == 0  # the last week points on to the flare-up page
    desktop.page.click(".pager a[href='flare-up.html']")
    assert desktop.page.url == (site / "sam" / "flare-up.html").as_uri()
    weeks = weeks_of(site, "jo")
    desktop.visit(site / "jo" / weeks[-1])
    assert click_through(desktop, "prev", len(weeks) - 1) == weeks[-2::-1]
    desktop.page.click(".pager a[href='index.html']")
    assert desktop.page.url == (site / "jo" / "index.html").as_uri()
    assert desktop.problems == []


def test_overview_links_to_week_one_and_to_an_exercise_card(site: Path, desktop: Tab) -> None:
    desktop.visit(site / "sam" / "index.html")
    desktop.page.click(".week-list a[href='week-01.html']")  # the week table is folded under the chart
    assert desktop.page.url == (site / "sam" / "week-01.html").as_uri()
    assert desktop.page.locator("h1").inner_text().startswith("Week 1")
    desktop.visit(site / "sam" / "index.html")
    card = desktop.page.locator("main a[href^='exercises/']").first
    name = card.inner_text()
    card.click()
    assert "/sam/exercises/" in desktop.page.url
    assert desktop.page.locator("h1").inner_text() == name
    assert desktop.problems == []


def test_w3c_nu_checker_finds_no_errors(site: Path) -> None:
    need(VNU.exists(), f"no {VNU.relative_to(ROOT)} (run `npm ci` in the repository root)")
    java = shutil.which("java")
    need(java is not None, "no java on PATH (vnu.jar needs Java 11 or later)")
    pages = all_pages(site)
    sheets = [site / "assets" / name for name in ("plangen.css", "narrow.css")]  # print.css is WeasyPrint's paged-media dialect
    done = subprocess.run([str(java), "-jar", str(VNU), "--format", "json", "--errors-only", "--also-check-css",
                           *map(str, pages + sheets)], capture_output=True, text=True, timeout=300, check=False)
    try:
        messages = json.loads(done.stderr.strip() or done.stdout.strip() or '{"messages": []}')["messages"]
    except json.JSONDecodeError:
        pytest.fail(f"vnu.jar did not report (exit {done.returncode}):\n{done.stderr}{done.stdout}")
    errors = [f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == [] and done.returncode == 0, "\n".join(errors) or done.stderr


# ---- a phone, today ----------------------------------------------------------------------------

def test_week_page_first_screen_on_a_phone_is_this_weeks_days(site: Path, phone: Tab) -> None:
    phone.visit(site / "sam" / "week-02.html")
    assert phone.page.evaluate("document.querySelector('main h1').nextElementSibling.matches('.day-list')")
    days = phone.page.locator("main .day-list li")
    assert days.count() == 7
    last = days.nth(6).bounding_box()
    bottom = last["y"] + last["height"]
    print(f"week page at 390 px: the 7-day list ends at {bottom:.0f} px of a {PHONE['height']} px screen")
    assert bottom <= PHONE["height"]
    assert phone.problems == []


def test_today_is_marked_and_the_overview_opens_on_this_week(site: Path, phone: Tab) -> None:
    phone.visit(site / "sam" / "week-02.html")
    today = phone.page.locator("main .day-list li.is-today")
    assert today.count() == 1 and today.get_attribute("data-date") == TODAY
    assert today.locator("a").get_attribute("aria-current") == "date" and "TODAY" in today.inner_text().upper()
    assert phone.page.locator(f"section.day.is-today[data-date='{TODAY}']").count() == 1
    assert phone.page.locator(".site-nav li.is-current a").inner_text().strip().endswith("2")
    phone.visit(site / "sam" / "week-01.html")
    assert phone.page.locator(".is-today").count() == 0
    phone.visit(site / "sam" / "index.html")
    shown = phone.page.locator(".this-week:visible")
    assert shown.count() == 1 and shown.locator("h2").inner_text().startswith("This week: Week 2")
    assert shown.locator("li.is-today").count() == 1
    top = shown.locator("h2").bounding_box()
    assert top["y"] + top["height"] < PHONE["height"]  # goal and this week on the first screen
    assert phone.page.locator(".week-list li.is-current a").inner_text() == "Week 2"
    assert phone.problems == []


@pytest.mark.parametrize("today, week, current", [("2026-11-01", "Week 1", False), ("2027-06-01", "Week 10", False),
                                                   ("2026-12-07", "Week 1", True)])
def test_outside_the_plan_the_overview_shows_its_first_or_last_week(site: Path, browser: Any, today: str, week: str, current: bool) -> None:
    tab = Tab(browser, PHONE, today)
    try:
        tab.visit(site / "sam" / "index.html")
        shown = tab.page.locator(".this-week:visible")
        assert shown.count() == 1 and week in shown.locator("h2").inner_text()
        assert ("This week" in shown.locator("h2").inner_text()) is current
        assert tab.problems == []
    finally:
        tab.context.close()


def test_without_javascript_every_week_and_every_day_still_shows(site: Path, browser: Any) -> None:
    tab = Tab(browser, PHONE, None, script=False)
    try:
        tab.visit(site / "sam" / "index.html")
        shown = tab.page.locator(".this-week:visible")
        assert shown.count() == 1 and shown.locator("h2").inner_text().startswith("Week 1")
        weeks = tab.page.locator(".week-list li")
        assert weeks.count() == len(weeks_of(site, "sam")) and "Dec 2026" in weeks.first.inner_text()
        tab.visit(site / "sam" / "week-02.html")
        assert tab.page.locator("section.day:visible").count() == 7 and tab.page.locator(".is-today").count() == 0
    finally:
        tab.context.close()


def test_flare_up_page_opens_with_the_red_flags(site: Path, phone: Tab) -> None:
    phone.visit(site / "sam" / "flare-up.html")
    first = phone.page.evaluate("document.querySelector('main section').className")
    assert "callout-red" in first
    assert phone.page.locator(".callout-red").bounding_box()["y"] < PHONE["height"]


def pose_boxes(tab: Tab) -> list[dict[str, float]]:
    """Where the card page draws its start and end pictures."""
    poses = tab.page.locator(".illustration svg")
    assert poses.count() == 2
    return [poses.nth(i).bounding_box() for i in range(2)]


def test_each_exercise_pose_is_at_least_280_px_wide_on_a_phone(site: Path, phone: Tab) -> None:
    widths = {}
    for card in sampled_cards(site, "sam") + sampled_cards(site, "jo"):
        phone.visit(card)
        start, end = pose_boxes(phone)
        widths[rel(site, card)] = (start["width"], end["width"])
        assert end["y"] >= start["y"] + start["height"], "stacked: the end position under the start"
    print(f"pose widths at {PHONE['width']} px: {widths}")
    assert widths and min(min(pair) for pair in widths.values()) >= 280, widths


def test_exercise_poses_sit_side_by_side_on_a_desktop(site: Path, desktop: Tab) -> None:
    desktop.visit(sampled_cards(site, "sam")[0])
    start, end = pose_boxes(desktop)
    print(f"pose widths at {DESKTOP['width']} px: {start['width']:.0f}, {end['width']:.0f}")
    assert abs(start["y"] - end["y"]) < 1 and end["x"] >= start["x"] + start["width"] and start["width"] >= 280


def test_folded_parts_open_with_a_tap(site: Path, phone: Tab) -> None:
    phone.visit(site / "sam" / "week-02.html")
    routine = phone.page.locator("details.routine").first
    assert not routine.locator("li").first.is_visible()
    routine.locator("summary").click()
    assert routine.locator("li").first.is_visible()
    assert phone.page.locator("details.options").count() >= 3


def test_a_strength_dose_on_a_phone_keeps_its_parts_apart(site: Path, phone: Tab) -> None:
    """The dose, speed and load share one line at phone width: each part after the first starts with ' · '."""
    phone.visit(site / "sam" / "week-01.html")
    cells = phone.page.locator("table.dose-table td[data-label]")
    marks = [cells.nth(i).evaluate("cell => getComputedStyle(cell, '::before').content") for i in range(3)]
    assert marks[0] in ("none", "normal") and marks[1] == marks[2] == '" · "'
