"""Render the printed handout and the clinician appendix to PDF with WeasyPrint (imported only when a PDF is made)."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any

from plangen.artifacts import Artifact
from plangen.document.model import PlanDocument
from plangen.errors import BuildError
from plangen.render.appendix import reason_groups
from plangen.render.assets import assets_base, theme_assets
from plangen.render.branding import card_links
from plangen.render.context import Links, plan_context, safe_id
from plangen.render.environment import make_environment, render_template
from plangen.render.forked import Pending
from plangen.render.handout import front_pages, make_handout

PDF_VARIANT = "pdf/ua-1"  # tagged PDF: screen readers get headings, tables and reading order


def render_pdf(doc: PlanDocument, templates: Path | None = None) -> Artifact:
    """The runner's handout (or the referral letter) as ``<slug>/plan.pdf``: plain words only."""
    slug = safe_id(doc.slug, "plan id")
    context = print_context(doc)

    def repaged(found: Mapping[str, int]) -> str | None:
        # "Warm-up A, p. 2" is fixed text (target-counter costs a second layout of the whole handout); if
        # the front pages ran long and a box landed elsewhere, the handout is laid out once more with the
        # pages it was found on. Only the digit changes, so the second layout keeps the boxes where they were.
        pages = {anchor: found.get(anchor, page) for anchor, page in context["page_of"].items()}
        return None if pages == context["page_of"] else _print_template({**context, "page_of": pages}, templates)

    return Artifact(PurePosixPath(slug, "plan.pdf"), html_to_pdf(_print_template(context, templates), templates, repaged))


def render_clinician_pdf(doc: PlanDocument, templates: Path | None = None) -> Artifact:
    """The clinician appendix as ``<slug>/clinician.pdf``: every reason with its rule, data and source, and the settings."""
    slug = safe_id(doc.slug, "plan id")
    return Artifact(PurePosixPath(slug, "clinician.pdf"), html_to_pdf(clinician_html(doc, templates), templates))


def render_pdfs(doc: PlanDocument, templates: Path | None = None) -> list[Artifact]:
    """Both printed documents of a plan: the handout and the clinician appendix.

    The appendix is laid out in a forked child while this process lays out the handout: a single
    plan's build uses both cores (a batch already does, a plan per worker). The child inherits
    WeasyPrint and the font scan, so they are loaded first.
    """
    import weasyprint  # noqa: F401  # loaded once, before the fork, for both processes

    _font_config()
    appendix = Pending(lambda: render_clinician_pdf(doc, templates))
    try:
        handout = render_pdf(doc, templates)
    except BaseException:
        appendix.discard()
        raise
    return [handout, appendix.result()]


def print_html(doc: PlanDocument, templates: Path | None = None) -> str:
    """The handout as one print document, with in-document links instead of separate pages."""
    return _print_template(print_context(doc), templates)


def clinician_html(doc: PlanDocument, templates: Path | None = None) -> str:
    """The clinician appendix as one print document: each distinct reason once, with where it applied."""
    context = {**plan_context(doc), "reasons": reason_groups(doc.plan), "links": Links(print_mode=True)}
    return render_template(make_environment(templates), "clinician.html", **context)


def print_context(doc: PlanDocument) -> dict[str, Any]:
    """What the print templates see: the shared context, the handout's routines and cards, and card QR codes."""
    context = plan_context(doc)
    handout = make_handout(doc.plan, context["library"])
    # QR codes only on the cards that are printed (drills and walks are routine lines, not cards).
    online = card_links(doc.info.presentation.base_url, doc.slug, [card.id for card in handout.cards])
    return {**context, "handout": handout, "online_cards": online, "links": Links(print_mode=True), "current": "print",
            "page_of": front_pages(handout, large_print=bool(context.get("large_print")))}


def _print_template(context: Mapping[str, Any], templates: Path | None) -> str:
    return render_template(make_environment(templates), "print.html", **context)


Repage = Callable[[Mapping[str, int]], "str | None"]


def html_to_pdf(html: str, templates: Path | None = None, repage: Repage | None = None) -> bytes:
    """Lay out ``html`` against the theme's assets; any fetch outside them or any WeasyPrint error fails.

    ``repage`` sees the page each anchor landed on and may return the document again with its page
    references corrected, to be laid out once more (None: they were right).
    """
    with _failures():
        document = _layout(html, templates)
        again = repage(anchor_pages(document)) if repage else None
        if again is not None:
            document = _layout(again, templates)
        data: bytes = document.write_pdf(pdf_variant=PDF_VARIANT)
    return data


def anchor_pages(document: Any) -> dict[str, int]:
    """Each element id of a laid-out document and the page (from 1) it starts on."""
    found: dict[str, int] = {}
    for number, page in enumerate(document.pages, 1):
        for name in page.anchors:
            found.setdefault(name, number)
    return found


def _layout(html: str, templates: Path | None) -> Any:
    from weasyprint import HTML

    from plangen.render.fetcher import AssetFetcher

    base = assets_base(templates)
    fetcher = AssetFetcher(base, theme_assets(templates))
    document = HTML(string=html, base_url=base.as_uri() + "/", url_fetcher=fetcher)
    return document.render(font_config=_font_config(), pdf_variant=PDF_VARIANT)


@contextmanager
def _failures() -> Iterator[None]:
    """WeasyPrint's fatal fetches and logged errors become one BuildError."""
    from weasyprint.urls import FatalURLFetchingError

    with _captured_errors() as errors:
        try:
            yield
        except FatalURLFetchingError as exc:  # a BaseException: WeasyPrint's way to stop the render
            raise BuildError(f"PDF: {exc}: {exc.__cause__}") from None
    if errors:
        raise BuildError("PDF: " + "; ".join(record.getMessage() for record in errors))


@functools.cache
def _font_config() -> Any:
    # One FontConfiguration for the whole process: building it scans the system fonts.
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


class _Collect(logging.Handler):
    def __init__(self, records: list[logging.LogRecord]) -> None:
        super().__init__(level=logging.ERROR)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def _captured_errors() -> Iterator[list[logging.LogRecord]]:
    """Collect WeasyPrint's ERROR log records during a render (it logs, rather than raises, most faults)."""
    records: list[logging.LogRecord] = []
    logger = logging.getLogger("weasyprint")
    handler = _Collect(records)
    logger.addHandler(handler)
    try:
        yield records
    finally:
        logger.removeHandler(handler)
