"""QR codes on the PDF decode (zxing-cpp, from pixels) to the hosted page they stand beside: cover and every printed card."""

from __future__ import annotations

import html
import importlib.util
import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner
from conftest import ROOT, need

from plangen.cli import main

BASE = "https://clinic.example/plans"  # no trailing slash on purpose: the config adds it
EPOCH = "1764547200"  # 2025-12-01
_QR_SVG = re.compile(r'<div class="qr[^"]*">\s*(<svg.*?</svg>)', re.DOTALL)
_CARD = re.compile(r'<article class="card" id="ex-([a-z0-9-]+)"')
DPI = 150


def project(base: Path) -> Path:
    """A clinic project with a web address; Sam's plan cut to 4 weeks to keep the PDF short."""
    (base / "profiles").mkdir(parents=True)
    for name in ("sam.yaml", "sam.log.yaml"):
        shutil.copy(ROOT / "profiles" / name, base / "profiles" / name)
    profile = base / "profiles" / "sam.yaml"
    profile.write_text(re.sub(r"(?m)^weeks: \d+$", "weeks: 4", profile.read_text()))
    (base / "plangen.yaml").write_text(f"base_url: {BASE}\n")
    return base


def build(root: Path, *flags: str) -> Path:
    out = root / "site"
    result = CliRunner().invoke(main, ["-q", "build", str(root / "profiles" / "sam.yaml"), "-o", str(out), "--root", str(root), *flags],
                                env={"SOURCE_DATE_EPOCH": EPOCH}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


def decode_pages(pdf: bytes, first: int = 0, last: int | None = None) -> dict[int, list[str]]:
    """Rasterise each page (pdfium, from PyPI: no system packages) and read every QR code on it."""
    found_tools = all(importlib.util.find_spec(name) for name in ("pypdfium2", "zxingcpp"))
    need(found_tools, "pypdfium2 and zxing-cpp to read QR codes from pixels (pip install '.[browser]')")
    import pypdfium2
    import zxingcpp

    document = pypdfium2.PdfDocument(pdf)
    found = {}
    for index in range(first, len(document) if last is None else last + 1):
        image = document[index].render(scale=DPI / 72, grayscale=True).to_pil()
        found[index] = [r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]
    return found


def hosted(site: Path, url: str) -> Path:
    """The built file a hosted URL serves (the site is published at BASE)."""
    assert url.startswith(BASE + "/"), url
    path = urlsplit(url).path.removeprefix(urlsplit(BASE).path + "/")
    return site.joinpath(*path.split("/"))


# --- the real PDF: every QR code read off the rendered pages --------------------------------------


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any, dict[int, list[str]]]:
    import pypdf

    site = build(project(tmp_path_factory.mktemp("qr-full")))
    data = (site / "sam" / "plan.pdf").read_bytes()
    return site, pypdf.PdfReader(site / "sam" / "plan.pdf"), decode_pages(data)


def card_pages(reader: Any) -> list[tuple[str, int, int]]:
    """(card title, first page, last page it may reach) from the PDF's second-level bookmarks."""
    top = reader.outline
    index = next(i for i, item in enumerate(top) if not isinstance(item, list) and item.title == "Exercise cards")
    cards = top[index + 1]
    starts = [reader.get_destination_page_number(c) for c in cards]
    after = top[index + 2] if len(top) > index + 2 else None  # the cards may end the handout
    ends = [*starts[1:], reader.get_destination_page_number(after) if after is not None else len(reader.pages) - 1]
    return [(c.title, start, end) for c, start, end in zip(cards, starts, ends)]


@pytest.mark.slow
def test_cover_qr_opens_the_plan_overview(full: tuple[Path, Any, dict[int, list[str]]]) -> None:
    site, _reader, codes = full
    assert codes[0] == [f"{BASE}/sam/index.html"]
    assert hosted(site, codes[0][0]).is_file()


@pytest.mark.slow
def test_every_printed_card_carries_a_qr_to_its_own_page(full: tuple[Path, Any, dict[int, list[str]]]) -> None:
    site, reader, codes = full
    cards = card_pages(reader)
    card_files = sorted((site / "sam" / "exercises").glob("*.html"))
    # Strength exercises are printed as cards; drills and walks are routine lines (on the site they keep a page).
    assert 5 < len(cards) < len(card_files)
    by_title = {_title(path): f"{BASE}/sam/exercises/{path.name}" for path in card_files}
    for title, start, end in cards:
        on_its_pages = [url for page in range(start, end + 1) for url in codes[page]]
        assert by_title[title] in on_its_pages, (title, on_its_pages)
    every = sorted(url for page in codes.values() for url in page)
    assert every == sorted([f"{BASE}/sam/index.html", *(by_title[title] for title, _, _ in cards)])  # one each, nothing else


def _title(page: Path) -> str:
    match = re.search(r'<h1 class="card-title">(.*?)</h1>', page.read_text(encoding="utf-8"))
    assert match, page
    return html.unescape(match.group(1))


# --- the embedded codes, laid out alone: fast, and covers --publish --------------------------------


def qr_sheet(print_html: str) -> tuple[list[str], str]:
    """Who each embedded QR code belongs to ('cover' or a card id), and a page per code to rasterise."""
    owners, svgs = [], []
    for match in _QR_SVG.finditer(print_html):
        cards = _CARD.findall(print_html, 0, match.start())
        owners.append(cards[-1] if cards else "cover")
        svgs.append(match.group(1))
    pages = "".join(f'<div style="break-after: page; width: 40mm">{svg}</div>' for svg in svgs)
    return owners, f'<!doctype html><html lang="en"><head><title>QR codes</title></head><body>{pages}</body></html>'


@pytest.fixture()
def sheet_pdf(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Swap the full layout for a sheet of the print document's QR codes; records each code's owner."""
    from plangen.render import pdf

    real = pdf.html_to_pdf
    owners: list[list[str]] = []

    def sheet(html: str, templates: Path | None = None, repage: Any = None) -> bytes:
        # repage (the handout's page references) has nothing to check on a sheet of codes.
        if 'class="appendix"' in html:  # clinician.pdf carries no QR codes: a blank page keeps the test quick
            return real('<!doctype html><html lang="en"><head><title>x</title></head><body></body></html>', templates)
        who, page = qr_sheet(html)
        owners.append(who)
        return real(page, templates)

    monkeypatch.setattr(pdf, "html_to_pdf", sheet)
    return owners


@pytest.mark.parametrize("publish", [False, True], ids=["named", "published"])
def test_embedded_qr_codes_decode_to_the_hosted_pages(tmp_path: Path, sheet_pdf: list[list[str]], publish: bool) -> None:
    from plangen.document.publish import public_slug
    from plangen.sources.secret import project_secret

    root = project(tmp_path)
    site = build(root, *(["--publish"] if publish else []))
    slug = public_slug("sam", project_secret(root)) if publish else "sam"
    assert (site / slug).is_dir() and slug.startswith("p-") == publish
    (owners,) = sheet_pdf
    codes = decode_pages((site / slug / "plan.pdf").read_bytes())
    assert [len(found) for found in codes.values()] == [1] * len(owners)
    expected = [f"{BASE}/{slug}/index.html" if who == "cover" else f"{BASE}/{slug}/exercises/{who}.html" for who in owners]
    assert [found[0] for found in codes.values()] == expected
    assert owners[0] == "cover" and len(set(owners[1:])) == len(owners) - 1 > 5  # one code per printed card
    assert all(hosted(site, url).is_file() for url in expected)


def test_no_web_address_no_qr_codes(tmp_path: Path, sheet_pdf: list[list[str]]) -> None:
    root = project(tmp_path)
    (root / "plangen.yaml").unlink()
    build(root)
    assert sheet_pdf == [[]]


def test_the_base_url_flag_overrides_plangen_yaml(tmp_path: Path, sheet_pdf: list[list[str]]) -> None:
    staging = "https://staging.example/try"
    site = build(project(tmp_path), "--base-url", staging)
    codes = decode_pages((site / "sam" / "plan.pdf").read_bytes())
    assert codes[0] == [f"{staging}/sam/index.html"]
    assert all(url.startswith(f"{staging}/sam/") for found in codes.values() for url in found)


def test_a_base_url_flag_that_is_not_a_web_address_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(project(tmp_path) / "profiles"), "--base-url", "file:///etc"])
    assert result.exit_code == 2
    assert "Invalid value for '--base-url': expected an http(s) URL" in result.output
