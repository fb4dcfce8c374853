"""Clinic branding from the plan document: accent colour, logo, QR code, review date, disclaimer."""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from plangen.document.model import PlanDocument

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_LOGO_TYPES = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
               "webp": "image/webp", "svg": "image/svg+xml"}
MIN_CONTRAST = 4.5  # WCAG AA for body text: the accent carries white header text and link text


def accent(value: str | None) -> str | None:
    """The clinic's colour if it is a plain #rrggbb that keeps AA contrast against white, else None.

    It is written into a <style> block, where HTML escaping does not protect: only a strict
    hex colour gets through.
    """
    if not value or not _HEX.match(value):
        return None
    return value if contrast_with_white(value) >= MIN_CONTRAST else None


def contrast_with_white(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def logo_data_url(logo: tuple[str, bytes] | None) -> str | None:
    """The logo as a data: URL (one file serves the site and the PDF, and the PDF fetches nothing)."""
    if logo is None:
        return None
    name, data = logo
    kind = _LOGO_TYPES.get(name.rsplit(".", 1)[-1].lower())
    if kind is None:
        return None
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def plan_url(base_url: str | None, slug: str, page: str = "index.html") -> str | None:
    """Where one page of the published plan lives, if the site has an http(s) home."""
    if not base_url or urlsplit(base_url).scheme not in ("http", "https"):
        return None
    return f"{base_url.rstrip('/')}/{slug}/{page}"


def qr_svg(url: str | None, title: str = "QR code: open this plan online") -> Markup | None:
    """An inline SVG QR code of ``url`` (segno builds it; only our fixed titles go in as text)."""
    if url is None:
        return None
    import segno

    code = segno.make(url, error="m")
    return Markup(code.svg_inline(scale=3, border=2, title=title))


def card_links(base_url: str | None, slug: str, card_ids: Iterable[str]) -> dict[str, dict[str, str | None]]:
    """Each printed exercise card's hosted page and its QR code; empty when the site has no web address."""
    links = {}
    for ex_id in card_ids:
        url = plan_url(base_url, slug, f"exercises/{ex_id}.html")
        if url is not None:
            links[ex_id] = {"url": url, "qr": qr_svg(url, "QR code: open this exercise card online")}
    return links


def branding(doc: PlanDocument) -> dict[str, Any]:
    clinic, url = doc.info.clinic, plan_url(doc.info.presentation.base_url, doc.slug)
    logo = (clinic.logo_name, clinic.logo) if clinic.logo_name and clinic.logo is not None else None
    return {
        "accent": accent(clinic.accent),
        "logo": logo_data_url(logo),
        "clinic_name": clinic.name,
        "clinic_contact": clinic.contact,
        "disclaimer": clinic.disclaimer,
        "review_by": doc.info.edition.review_by,
        "plan_url": url,
        "qr": qr_svg(url),
    }
