"""Draw an exercise's start and end positions as small, self-contained SVG line drawings (together, or one per panel)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape

from plangen.sources.exercise_models import Anchor, Limb, Pose, Posture, Prop

Pt = tuple[float, float]

# Body proportions in figure units; a standing figure is about 95 high.
TRUNK, HEAD_R, FOOT = 30.0, 6.5, 8.0
THIGH, SHIN, UPPER_ARM, FOREARM = 23.0, 23.0, 15.0, 14.0
HALF_HIPS, HALF_SHOULDERS = 4.5, 7.5  # front view only: limbs hang from both sides

PANEL_W, GAP, MARGIN = 160.0, 8.0, 8.0
TOP_Y, BELOW_FLOOR, MAX_CONTENT = 24.0, 10.0, 112.0  # label band, floor margin, tallest drawing

# Dark ink and thick strokes survive black-and-white printing; colour is only a bonus.
INK, FAR, WORK, PROP_INK, PROP_FILL, BAND, WATER = (
    "#1f2933", "#9aa5b1", "#e8590c", "#52606d", "#e4e7eb", "#0b7285", "#d0ebff",
)
FONT = 'font-family="Helvetica, Arial, sans-serif"'
BEHIND = {"mat", "step", "box", "bench", "chair", "wall", "mirror", "roller", "water", "bike", "metronome", "pad", "line", "circle"}


def direction(angle: float, length: float = 1.0) -> Pt:
    """0 = down, 90 = forward (right), 180 = up; y points up."""
    rad = math.radians(angle)
    return (math.sin(rad) * length, -math.cos(rad) * length)


def _go(p: Pt, angle: float, length: float) -> Pt:
    d = direction(angle, length)
    return (p[0] + d[0], p[1] + d[1])


def _solve_mid(root: Pt, end: Pt, first: float, second: float, bend: float) -> Pt:
    """Two-segment inverse kinematics: the knee (bend=+1) or elbow (bend=-1) position."""
    dx, dy = end[0] - root[0], end[1] - root[1]
    dist = math.hypot(dx, dy) or 1e-9
    ux, uy = dx / dist, dy / dist
    if dist >= first + second or bend == 0:  # straight (or foreshortened in a front view)
        share = first / (first + second)
        return (root[0] + dx * share, root[1] + dy * share)
    along = (first**2 - second**2 + dist**2) / (2 * dist)
    off = math.sqrt(max(first**2 - along**2, 0.0)) * bend
    return (root[0] + ux * along - uy * off, root[1] + uy * along + ux * off)


def _limb(root: Pt, spec: Limb, lengths: tuple[float, float], bend: float, foot: float | None) -> list[Pt]:
    """Root, middle joint, end and (for legs) toe; ``foot`` is the default foot direction."""
    if spec.end is not None:
        mid = spec.mid or _solve_mid(root, spec.end, *lengths, bend)
        points = [root, mid, spec.end]
        tip = spec.tip if spec.tip is not None else foot
    else:
        angles = spec.angles or (0.0, 0.0)
        mid = _go(root, angles[0], lengths[0])
        points = [root, mid, _go(mid, angles[1], lengths[1])]
        tip = angles[2] if len(angles) > 2 and foot is not None else None
    return points + ([_go(points[2], tip, FOOT)] if tip is not None else [])


def joints(posture: Posture, view: str) -> dict[str, Pt]:
    """Every named joint of one posture, in figure units."""
    hip = posture.hip
    neck = _go(hip, posture.trunk, TRUNK)
    side = posture.trunk - 90  # the near side of the body in a front view
    hips, shoulders = (HALF_HIPS, HALF_SHOULDERS) if view == "front" else (0.0, 0.0)
    shoulder = _go(hip, posture.trunk, TRUNK - 3)
    knee_bend, elbow_bend = (0.0, 0.0) if view == "front" else (1.0, -1.0)
    found = {"hip": hip, "neck": neck, "head": _go(neck, posture.head if posture.head is not None else posture.trunk, HEAD_R + 1.5)}
    for name, sign in (("near", 0), ("far", 180)):
        h = _go(hip, side + sign, hips)
        s = _go(shoulder, side + sign, shoulders)
        leg = _limb(h, getattr(posture, f"{name}_leg"), (THIGH, SHIN), knee_bend, 90.0)
        arm = _limb(s, getattr(posture, f"{name}_arm"), (UPPER_ARM, FOREARM), elbow_bend, None)
        found.update({f"hip_{name}": h, f"knee_{name}": leg[1], f"ankle_{name}": leg[2], f"toe_{name}": leg[-1]})
        found.update({f"shoulder_{name}": s, f"elbow_{name}": arm[1], f"hand_{name}": arm[2]})
    return found


# --- SVG primitives -------------------------------------------------------------------------


def _f(v: float) -> str:
    text = f"{v:.1f}"
    return "0.0" if text == "-0.0" else text


def _path(points: Iterable[Pt], color: str, width: float) -> str:
    d = " ".join(("M" if i == 0 else "L") + f"{_f(x)} {_f(y)}" for i, (x, y) in enumerate(points))
    return f'<path d="{d}" fill="none" stroke="{color}" stroke-width="{width}" stroke-linecap="round" stroke-linejoin="round"/>'


def _rect(x: float, y: float, w: float, h: float, fill: str = PROP_FILL) -> str:
    return f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(w)}" height="{_f(h)}" rx="1.5" fill="{fill}" stroke="{PROP_INK}" stroke-width="1.5"/>'


def _circle(c: Pt, r: float, fill: str, stroke: str = PROP_INK, width: float = 1.5) -> str:
    return f'<circle cx="{_f(c[0])}" cy="{_f(c[1])}" r="{_f(r)}" fill="{fill}" stroke="{stroke}" stroke-width="{width}"/>'


def _text(p: Pt, text: str, size: float = 9, anchor: str = "middle") -> str:
    return f'<text x="{_f(p[0])}" y="{_f(p[1])}" font-size="{size}" text-anchor="{anchor}" fill="{PROP_INK}" {FONT}>{escape(text)}</text>'


class _Canvas:
    """Maps figure units (y up, floor 0) into one panel's SVG coordinates."""

    def __init__(self, left: float, centre: float, scale: float, floor: float, found: dict[str, Pt]) -> None:
        self.left, self.centre, self.scale, self.floor, self.found = left, centre, scale, floor, found

    def xy(self, p: Pt) -> Pt:
        return (self.left + PANEL_W / 2 + (p[0] - self.centre) * self.scale, self.floor - p[1] * self.scale)

    def anchor(self, a: Anchor | None, default: Pt = (0.0, 0.0)) -> Pt:
        return self.xy(resolve(a, self.found, default))

    def size(self, v: float) -> float:
        return v * self.scale


def resolve(a: Anchor | None, found: dict[str, Pt], default: Pt = (0.0, 0.0)) -> Pt:
    """A prop end in figure units: a point, a joint, or a joint plus an offset."""
    if a is None:
        return default
    if isinstance(a, str):
        return found[a]
    if isinstance(a[0], str):
        base = found[a[0]]
        return (base[0] + float(a[1]), base[1] + float(a[2]))
    return (float(a[0]), float(a[1]))


# --- Props ----------------------------------------------------------------------------------


def _box_prop(p: Prop, c: _Canvas, height: float, width: float) -> list[str]:
    w, h = p.w or width, p.h or height
    x0, y0 = c.xy((p.x, h))
    out = [_rect(x0, y0, c.size(w), c.size(h))]
    return out + ([_text(c.xy((p.x + w / 2, h / 2 - 1.5)), p.text, 8)] if p.text else [])


def _chair(p: Prop, c: _Canvas) -> list[str]:
    w, h = p.w or 22, p.h or 25
    back = p.x + (w if p.flip else 0)
    lines = [[(p.x, h), (p.x + w, h)], [(back, h), (back, h + 24)], [(p.x + 2, h), (p.x + 2, 0)], [(p.x + w - 2, h), (p.x + w - 2, 0)]]
    return [_path([c.xy(q) for q in line], PROP_INK, 3) for line in lines]


def _wall(p: Prop, c: _Canvas) -> list[str]:
    top = (c.floor - TOP_Y) / c.scale
    side = 4 if p.flip else -4
    out = [_path([c.xy((p.x, 0)), c.xy((p.x, top))], PROP_INK, 2.5)]
    for y in range(4, int(top), 10):
        out.append(_path([c.xy((p.x, y)), c.xy((p.x + side, y - 4))], PROP_INK, 1))
    return out


def _mirror(p: Prop, c: _Canvas) -> list[str]:
    w, h, y = p.w or 10, p.h or 80, p.y or 12
    x0, y0 = c.xy((p.x, y + h))
    shine = [_path([c.xy((p.x + 2, y + h - 14 - k)), c.xy((p.x + w - 2, y + h - 8 - k))], PROP_INK, 1) for k in (0, 6)]
    return [_rect(x0, y0, c.size(w), c.size(h), "#f1f3f5")] + shine + [_path([c.xy((p.x + w / 2, y)), c.xy((p.x + w / 2, 0))], PROP_INK, 2)]


def _water(p: Prop, c: _Canvas) -> list[str]:
    h = p.h or 70
    x0, y0 = c.left + 2, max(c.floor - h * c.scale, TOP_Y)
    wave = [(x0 + i * 6, y0 + (1.5 if i % 2 else -1.5)) for i in range(int((PANEL_W - 4) / 6) + 1)]
    return [f'<rect x="{_f(x0)}" y="{_f(y0)}" width="{_f(PANEL_W - 4)}" height="{_f(c.floor - y0)}" fill="{WATER}"/>', _path(wave, BAND, 1.5)]


def _bike(p: Prop, c: _Canvas) -> list[str]:
    x = p.x
    rear, front, bb, saddle, head, bars = (x - 33, 15), (x + 35, 15), (x, 17), (x - 10, 49), (x + 24, 44), (x + 27, 53)
    out = [_circle(c.xy(rear), c.size(15), "none", PROP_INK, 2.5), _circle(c.xy(front), c.size(15), "none", PROP_INK, 2.5)]
    frame = [[rear, bb, saddle, rear], [saddle, head, bb], [head, front], [head, bars, (x + 32, 51)], [(x - 17, 50), (x - 4, 50)]]
    out += [_path([c.xy(q) for q in line], PROP_INK, 3) for line in frame]
    cranks = [_path([c.xy(bb), c.anchor(end)], PROP_INK, 2.5) for end in (p.at, p.to) if end is not None]
    return out + cranks + [_circle(c.xy(bb), c.size(3.5), PROP_FILL)]


def _metronome(p: Prop, c: _Canvas) -> list[str]:
    x, y = p.x, p.y
    body = [c.xy(q) for q in ((x - 6, y), (x + 6, y), (x + 3, y + 18), (x - 3, y + 18), (x - 6, y))]
    return [_path(body, PROP_INK, 1.8), _path([c.xy((x, y + 3)), c.xy((x + 4, y + 16))], PROP_INK, 1.5)]


def _weight(p: Prop, c: _Canvas) -> list[str]:
    x, y = c.anchor(p.at)
    s = c.size(1)
    plates = [_rect(x + dx * s - 2 * s, y - 4 * s, 4 * s, 8 * s, PROP_INK) for dx in (-5, 5)]
    return [_path([(x - 5 * s, y), (x + 5 * s, y)], PROP_INK, 2.5)] + plates


def _curve(a: Pt, b: Pt, bend: float) -> tuple[str, Pt]:
    mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
    length = math.hypot(b[0] - a[0], b[1] - a[1]) or 1e-9
    ctrl = (mx - (b[1] - a[1]) / length * bend, my + (b[0] - a[0]) / length * bend)
    return f"M{_f(a[0])} {_f(a[1])} Q{_f(ctrl[0])} {_f(ctrl[1])} {_f(b[0])} {_f(b[1])}", ctrl


def _arrow(p: Prop, c: _Canvas) -> list[str]:
    a, b = c.anchor(p.at), c.anchor(p.to)
    d, ctrl = _curve(a, b, c.size(p.bend))
    angle = math.atan2(b[1] - ctrl[1], b[0] - ctrl[0])
    head = [(b[0] + 5 * math.cos(angle + t), b[1] + 5 * math.sin(angle + t)) for t in (2.6, -2.6)]
    tip = f'<path d="M{_f(head[0][0])} {_f(head[0][1])} L{_f(b[0])} {_f(b[1])} L{_f(head[1][0])} {_f(head[1][1])} Z" fill="{PROP_INK}"/>'
    return [f'<path d="{d}" fill="none" stroke="{PROP_INK}" stroke-width="1.6" stroke-linecap="round"/>', tip]


def _band(p: Prop, c: _Canvas) -> list[str]:
    d, _ = _curve(c.anchor(p.at), c.anchor(p.to), c.size(p.bend))
    return [f'<path d="{d}" fill="none" stroke="{BAND}" stroke-width="3" stroke-dasharray="5 2.5" stroke-linecap="round"/>']


def _pad(p: Prop, c: _Canvas) -> list[str]:
    line = [c.anchor(p.at), c.anchor(p.to)]
    return [_path(line, PROP_INK, 8), _path(line, PROP_FILL, 5)]


_PROPS: dict[str, Callable[[Prop, _Canvas], list[str]]] = {
    "mat": lambda p, c: [_rect(*c.xy((p.x, 2)), c.size(p.w or 100), c.size(2))],
    "step": lambda p, c: _box_prop(p, c, 6, 28),  # figure units are about 1.8 cm: 6 = a 10 cm step
    "box": lambda p, c: _box_prop(p, c, 11, 28),
    "bench": lambda p, c: _box_prop(p, c, 22, 30),
    "chair": _chair, "wall": _wall, "mirror": _mirror, "water": _water, "bike": _bike,
    "metronome": _metronome, "weight": _weight, "arrow": _arrow,
    "band": _band, "pad": _pad,
    "roller": lambda p, c: [_circle(c.anchor(p.at, (p.x, p.r or 5.5)), c.size(p.r or 5.5), PROP_FILL)],
    "circle": lambda p, c: [_circle(c.anchor(p.at, (p.x, p.y)), c.size(p.r or 5), "none", PROP_INK, 2.5)],
    "line": lambda p, c: [_path([c.anchor(p.at, (p.x, p.y)), c.anchor(p.to)], PROP_INK, 2.5)],
    "label": lambda p, c: [_text(c.anchor(p.at, (p.x, p.y)), p.text or "")],
}


def _prop_extent(p: Prop, found: dict[str, Pt]) -> list[Pt]:
    """Points a prop must keep inside the panel (whole-panel props such as water add none)."""
    if p.kind == "water":
        return []
    if p.kind == "bike":
        return [(p.x - 48, 0), (p.x + 50, 55)]
    if p.kind in ("step", "box", "bench", "mat", "chair", "mirror"):
        return [(p.x, p.y), (p.x + (p.w or 30), p.h or 10)]
    return [resolve(a, found, (p.x, p.y)) for a in (p.at, p.to) if a is not None] or [(p.x, p.y)]


# --- The figure -----------------------------------------------------------------------------


def _body(found: dict[str, Pt], c: _Canvas, pose: Pose) -> list[str]:
    front = pose.view == "front"
    limbs = {
        f"{side}_{kind}": [c.xy(found[j]) for j in joints_of]
        for side in ("near", "far")
        for kind, joints_of in (
            ("leg", (f"hip_{side}", f"knee_{side}", f"ankle_{side}", f"toe_{side}")),
            ("arm", (f"shoulder_{side}", f"elbow_{side}", f"hand_{side}")),
        )
    }
    worked = {"near_leg": {"near_leg"}, "far_leg": {"far_leg"}, "both_legs": {"near_leg", "far_leg"}}.get(pose.work, set())

    def limb(name: str) -> list[str]:
        pts, far = limbs[name], name.startswith("far") and not front
        if name in worked:
            return [_path(pts, INK, 8.5), _path(pts, WORK, 4.5)]
        return [_path(pts, FAR if far else INK, 6)]

    trunk = [c.xy(found["hip"]), c.xy(found["neck"])]
    girdles = [_path([c.xy(found["hip_near"]), c.xy(found["hip_far"])], INK, 6), _path([c.xy(found["shoulder_near"]), c.xy(found["shoulder_far"])], INK, 6)] if front else []
    core = [_path(trunk, INK, 9)] if pose.work != "trunk" else [_path(trunk, INK, 12), _path(trunk, WORK, 6)]
    head = _circle(c.xy(found["head"]), c.size(HEAD_R), INK, INK, 1)
    return limb("far_arm") + limb("far_leg") + girdles + core + [head] + limb("near_leg") + limb("near_arm")


@dataclass(frozen=True)
class _Layout:
    centre: float
    scale: float
    floor: float
    height: float


def _layout(pose: Pose, found: list[dict[str, Pt]]) -> _Layout:
    """One centre, scale and floor for both panels, so props stay put between them."""
    points: list[Pt] = []
    for posture, joints_ in zip((pose.start, pose.end), found):
        head_x, head_y = joints_["head"]
        points += [*joints_.values(), (head_x, head_y + HEAD_R)]
        for prop in pose.props + posture.props:
            points += _prop_extent(prop, joints_)
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    low = min(0.0, *ys)
    width, height = max(xs) - min(xs) + 2 * HEAD_R, max(ys) - low + 2
    scale = min(1.0, (PANEL_W - 2 * MARGIN) / width, MAX_CONTENT / height)
    # Lying exercises get a short panel rather than empty sky; every figure keeps one size.
    panel_h = TOP_Y + max(height * scale, 40.0) + BELOW_FLOOR
    return _Layout((min(xs) + max(xs)) / 2, scale, panel_h - BELOW_FLOOR + low * scale, panel_h)


def _panel(pose: Pose, posture: Posture, found: dict[str, Pt], index: int, layout: _Layout) -> list[str]:
    left = index * (PANEL_W + GAP)
    c = _Canvas(left, layout.centre, layout.scale, layout.floor, found)
    props = pose.props + posture.props
    frame = f'<rect x="{_f(left + 0.5)}" y="0.5" width="{_f(PANEL_W - 1)}" height="{_f(layout.height - 1)}" rx="6" fill="#ffffff" stroke="#cbd2d9"/>'
    out = [frame, _text((left + 8, 14), ("Start", "End")[index], 11, "start")]
    out += [e for p in props if p.kind == "water" for e in _water(p, c)]
    out.append(_path([(left + 4, c.floor), (left + PANEL_W - 4, c.floor)], PROP_INK, 1.5))
    out += [e for p in props if p.kind in BEHIND - {"water"} for e in _PROPS[p.kind](p, c)]
    out += _body(found, c, pose)
    out += [e for p in props if p.kind not in BEHIND for e in _PROPS[p.kind](p, c)]
    return out


def render_svg(pose: Pose, title: str, uid: str) -> str:
    """The start and end panels of ``pose`` side by side as one standalone SVG (the printed card's picture);
    ``uid`` keeps ids unique on a page."""
    found, layout = _found_and_layout(pose)
    body = _panel(pose, pose.start, found[0], 0, layout) + _panel(pose, pose.end, found[1], 1, layout)
    return _svg(f"0 0 {_f(2 * PANEL_W + GAP)} {_f(layout.height)}", 2 * PANEL_W + GAP, layout.height,
                f"fig-{uid}", f"{title}: start and end positions", body)


def render_panels(pose: Pose, title: str, uid: str) -> tuple[str, str]:
    """The start and the end position as two standalone SVGs, each with its own title, so a page can set them
    side by side where there is room and one under the other on a phone (each then fills the screen's width)."""
    found, layout = _found_and_layout(pose)
    panels = []
    for index, (posture, word) in enumerate(((pose.start, "start"), (pose.end, "end"))):
        left = index * (PANEL_W + GAP)  # the combined drawing's coordinates, seen through a one-panel window
        body = _panel(pose, posture, found[index], index, layout)
        panels.append(_svg(f"{_f(left)} 0 {_f(PANEL_W)} {_f(layout.height)}", PANEL_W, layout.height,
                           f"fig-{uid}-{word}", f"{title}: {word} position", body))
    return panels[0], panels[1]


def _found_and_layout(pose: Pose) -> tuple[list[dict[str, Pt]], _Layout]:
    found = [joints(pose.start, pose.view), joints(pose.end, pose.view)]
    return found, _layout(pose, found)


def _svg(view_box: str, width: float, height: float, stem: str, title: str, body: list[str]) -> str:
    stem = escape(stem)
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{view_box}" width="{_f(width)}" height="{_f(height)}" '
        f'role="img" aria-labelledby="{stem}-title" class="exercise-figure">'
    )
    return "\n".join([head, f'<title id="{stem}-title">{escape(title)}</title>', *body, "</svg>"]) + "\n"
