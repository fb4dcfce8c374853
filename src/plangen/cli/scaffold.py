"""``plangen new``: a commented profile and log that validate as they are, ready to fill in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from plangen.errors import BuildError, InputError, Problem
from plangen.sources.models import slug_problem

PROFILE = """\
# {id}: a plangen runner profile. Every question the planner reads is here; answer each one.
# Check it with:  plangen validate {path}
# Editors with the YAML language server autocomplete fields from the schema:
# yaml-language-server: $schema=plangen-profile.schema.json
id: {id}
runner:
  name: {name}               # shown on the plan (hidden with anonymous: true)
  age: null                  # years, if you want it on the plan
  experience: recreational   # new | recreational | experienced
  knee: left                 # left | right | both
units: km                    # km | mi
timezone: Europe/London      # your time zone (change it): imported runs are dated in it
start: {start}               # first day of week 1 (a Monday works best)
weeks: 8                     # plan length, 4 to 16
availability:
  run_days: [mon, wed, sat]  # days you can run; runs never go on back-to-back days
  strength_days: [tue, thu]  # 2-3 days for strength work
  long_run_day: sat
baseline:
  cadence: null              # your steps per minute on easy runs, if you know it
  pain_free_weekly_distance: null  # how far a week you ran recently without pain, if you know
  longest_recent_run: null   # your longest run in the last month, if you know
symptoms:
  worst_pain_last_week: 3    # 0-10, during or after running
  pain_at_rest: 0            # 0-10, sitting or lying still
  worst_daily_pain: 2        # 0-10, the worst in daily life (walking, stairs)
  usual_morning_pain: 0      # 0-10, how the knee usually feels when you wake
  aggravators: [stairs]      # {aggravators}
  duration_weeks: 4          # how long the knee has hurt
  pain_location: front       # front | around_kneecap | behind_kneecap | elsewhere
screening:                   # answer honestly: some "true" answers mean see a clinician first
  swelling: false            # is the knee swollen?
  locking: false             # does it lock, so you cannot straighten it?
  giving_way: false          # does it give way or feel unstable?
  recent_trauma: false       # did the pain start with a fall, twist, collision or blow?
  night_pain: false          # does it hurt at night or when resting?
  feeling_unwell: false      # fever, feeling unwell, or weight loss you cannot explain?
  cannot_bear_weight: false  # can you not put weight on the leg?
  hot_red_knee: false        # is the knee hot or red?
  kneecap_slipped: false     # did the kneecap slip out of place?
  numbness_or_calf_pain: false  # numbness, pins and needles, or a painful swollen calf?
  rapidly_worsening: false   # is it getting worse quickly even though you do less?
  not_improving_6_weeks: false  # no better after 6 weeks of doing the right things?
  swelling_after_runs: false # does it swell after runs?
readiness:                   # can you do these with pain 2/10 or less?
  brisk_walk_30_min: true    # walk briskly for 30 minutes with no limp
  single_leg_hops_10: true   # hop 10 times on the sore leg
goal:
  weekly_distance: 20        # where you want to get back to
cross_training: [cycling]    # {cross_training}
equipment: [band, step]      # {equipment}
log: {id}.log.yaml
"""

LOG = """\
# yaml-language-server: $schema=plangen-log.schema.json
# Training log for {id}. Add one entry per session, newest last.
# Pain is 0-10: during the session, about an hour after, and the next morning.
entries:
  - date: {last}
    activity: run            # run | walk_run | walk | cycling | pool_running | elliptical | swimming | strength | rest
    type: easy               # easy | long | tempo | intervals | hills | race | strides
    distance: 3.0            # in your units
    duration: "20:00"        # mm:ss or h:mm:ss (keep the quotes)
    rpe: 3                   # effort 0-10
    pain: {{during: 2, after: 1, next_morning: 0}}
    notes: example entry, replace with your own
"""


def scaffold(identifier: str, folder: Path, today: dt.date) -> list[Path]:
    """Write ``<folder>/<id>.yaml`` and its log; refuse to overwrite anything."""
    # The profile's own rule (slug_problem: reserved names too), and lower case: the id names files and URLs.
    problem = slug_problem(identifier) or ("" if identifier == identifier.lower() else "lower-case letters, digits and '-'")
    if problem:
        raise InputError([Problem(Path(identifier), None, "ID", problem, repr(identifier))])
    profile, log = folder / f"{identifier}.yaml", folder / f"{identifier}.log.yaml"
    for path in (profile, log):
        if path.exists():
            raise BuildError(f"'{path}' already exists; plangen new never overwrites a file")
    start = today + dt.timedelta(days=7 - today.weekday())
    folder.mkdir(parents=True, exist_ok=True)
    name = identifier.replace("-", " ").title()
    profile.write_text(PROFILE.format(id=identifier, name=name, start=start, path=profile, **_choices()), encoding="utf-8")
    log.write_text(LOG.format(id=identifier, last=today - dt.timedelta(days=1)), encoding="utf-8")
    return [profile, log, *_schemas(folder)]


def _choices() -> dict[str, str]:
    """The allowed words for list questions, from the models, so the comments never drift from them."""
    from typing import get_args

    from plangen.sources.models import Aggravator, CrossTraining, Equipment

    return {name: ", ".join(get_args(kind)) for name, kind in
            (("aggravators", Aggravator), ("cross_training", CrossTraining), ("equipment", Equipment))}


def _schemas(folder: Path) -> list[Path]:
    """The JSON Schemas the comments point at, so editors autocomplete offline (written once)."""
    import json

    from plangen.document.schemas import schema_for

    written = []
    for which in ("profile", "log"):
        path = folder / f"plangen-{which}.schema.json"
        if not path.exists():
            path.write_text(json.dumps(schema_for(which), indent=2, sort_keys=True) + "\n", encoding="utf-8")
            written.append(path)
    return written
