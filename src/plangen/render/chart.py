"""The overview's weekly load chart: an inline SVG built in code, with every label escaped."""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from markupsafe import Markup

from plangen.document.plan import Week
from plangen.wording.numbers import number

WIDTH, HEIGHT = 720, 270
LEFT, RIGHT, TOP, BOTTOM = 48, 8, 64, 50
INK, BAR, MUTED = "#1b1f23", "#0b5c6b", "#5b6670"
# Patterns, not colour alone, mark lighter and flare-up weeks (readable in greyscale and print).
PATTERNS = """<defs>
<pattern id="{p}-lighter" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
<rect width="6" height="6" fill="#ffffff"/><rect width="2.5" height="6" fill="{bar}"/></pattern>
<pattern id="{p}-flare" width="6" height="6" patternUnits="userSpaceOnUse">
<rect width="6" height="6" fill="#ffffff"/><circle cx="3" cy="3" r="1.6" fill="#8a3b00"/></pattern>
</defs>"""
TITLES = {
    "distance": "Planned running distance per week",
    "minutes": "Planned running minutes per week",
}


def week_kind(week: Week) -> str:
    """'flare' when the logged week went amber or red, 'lighter' for a deload week, else 'normal'."""
    if week.zone in ("amber", "red"):
        return "flare"
    return "lighter" if week.phase == "deload" else "normal"


def load_chart(weeks: Sequence[Week], metric: str, units: str) -> Markup:
    """An SVG bar chart of ``distance`` or ``minutes`` per week; the week table holds the same numbers."""
    values = [w.running_distance if metric == "distance" else w.running_minutes for w in weeks]
    prefix = f"chart-{metric}"
    title = TITLES[metric] + (f" ({units})" if metric == "distance" else "")
    parts = [_open(prefix, title, weeks, values, metric, units), PATTERNS.format(p=prefix, bar=BAR)]
    parts.append(_text(LEFT, 18, title, size=14, weight="bold"))
    parts.append(_legend(prefix))
    top = _nice_max(max(values, default=0.0))
    parts.extend(_axis(top))
    if top == 0:
        parts.append(_text(WIDTH / 2, TOP + 70, "No running is planned in these weeks.", anchor="middle"))
    else:
        slot = (WIDTH - LEFT - RIGHT) / max(len(weeks), 1)
        for index, (week, value) in enumerate(zip(weeks, values)):
            parts.extend(_bar(prefix, week, value, top, LEFT + slot * index, slot))
    parts.append("</svg>")
    return Markup("\n".join(parts))


def _open(prefix: str, title: str, weeks: Sequence[Week], values: list[float], metric: str, units: str) -> str:
    unit = units if metric == "distance" else "min"
    summary = "; ".join(f"week {w.number}: {number(v)} {unit}" for w, v in zip(weeks, values))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="{prefix}-title {prefix}-desc" '
        f'font-family="DejaVu Sans, Arial, sans-serif" font-size="12">'
        f'<title id="{prefix}-title">{escape(title)}</title>'
        f'<desc id="{prefix}-desc">{escape(summary)}</desc>'
    )


def _legend(prefix: str) -> str:
    items = [("solid", "Planned week"), ("lighter", "Lighter week (deload)"), ("flare", "Flare-up week")]
    out, x = [], LEFT
    for kind, words in items:
        fill = BAR if kind == "solid" else f"url(#{prefix}-{kind})"
        out.append(f'<rect x="{x}" y="28" width="14" height="14" fill="{fill}" stroke="{BAR}"/>')
        out.append(_text(x + 20, 40, words))
        x += 34 + 7 * len(words)
    return "\n".join(out)


def _axis(top: float) -> list[str]:
    base = HEIGHT - BOTTOM
    lines = []
    for step in (0.0, 0.5, 1.0):
        y = base - step * (base - TOP)
        stroke = INK if step == 0 else "#c9d1d9"
        lines.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="{stroke}"/>')
        lines.append(_text(LEFT - 6, y + 4, number(top * step), anchor="end", fill=MUTED))
    return lines


def _bar(prefix: str, week: Week, value: float, top: float, x: float, slot: float) -> list[str]:
    base = HEIGHT - BOTTOM
    height = (base - TOP) * (value / top)
    width = min(slot * 0.62, 48)
    left = x + (slot - width) / 2
    kind = week_kind(week)
    fill = BAR if kind == "normal" else f"url(#{prefix}-{kind})"
    centre = x + slot / 2
    out = [
        (
            f'<rect x="{left:.1f}" y="{base - height:.1f}" width="{width:.1f}" height="{height:.1f}" '
            f'fill="{fill}" stroke="{BAR}" stroke-width="1.5"/>'
        ),
        _text(centre, base - height - 5, number(value), anchor="middle"),
        _text(centre, base + 16, f"W{week.number}", anchor="middle"),
    ]
    if kind != "normal":
        out.append(_text(centre, base + 32, "lighter" if kind == "lighter" else "flare", anchor="middle", size=10))
    return out


def _text(
    x: float, y: float, words: str, anchor: str = "start", fill: str = INK, size: int = 12, weight: str = "normal"
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{fill}" font-size="{size}" font-weight="{weight}">'
        f"{escape(words)}</text>"
    )


def _nice_max(value: float) -> float:
    """Round the axis top up to 1, 2 or 5 times a power of ten so the mid line is a round number."""
    if value <= 0:
        return 0.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return float(step * power)
    return float(10 * power)
