"""One incremental build of the site: unchanged plans are carried over by hard link, the rest are built, then one switch."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from plangen import output
from plangen.artifacts import Artifact, RenderOptions
from plangen.buildkeys import FORMAT, changed, plan_key, plan_parts, shared_parts
from plangen.resources import content_dir, templates_dir, theme_dirs

log = logging.getLogger(__name__)
UNCHANGED = "nothing it depends on changed since the last build"


class Result(Protocol):
    """What the site needs to know of one plan's build (build.BuiltPlan is one)."""

    slug: str
    status: str
    weeks: int
    name: str | None
    error: str | None
    has_pdf: bool
    files: int
    skipped: bool


class Incremental:
    """The site being built: which plans the last build can lend, which must be built, and the new manifest."""

    def __init__(self, staging: output.Staging, previous: dict[str, Any], shared: dict[str, str], *, publish: bool, force: bool) -> None:
        self.staging = staging
        self.previous = previous  # slug -> the last build's manifest entry (empty: build everything)
        self.shared = shared
        self.publish, self.force = publish, force
        self.entries: dict[str, dict[str, Any]] = {}  # slug -> this build's manifest entry
        self.written = False

    @classmethod
    @contextlib.contextmanager
    def begin(cls, out: Path, root: Path, slugs: list[str], *, publish: bool, force: bool) -> Iterator[Incremental]:
        """Lock the output folder and start a build in it; leaving without ``finish`` leaves the site as it was."""
        index = ["index.html"] if len(slugs) > 1 and not publish else []
        shared = shared_parts(root / "plangen.yaml", _theme(root), content_dir(root))
        with output.begin(out, [*slugs, "assets", *index]) as staging:
            previous = _usable(output.previous_manifest(staging), publish)
            yield cls(staging, previous, shared, publish=publish, force=force)

    def reuse(self, slug: str, profile: Path, log_path: Path | None, render: RenderOptions) -> tuple[dict[str, Any] | None, str]:
        """The last build's entry for this plan if its copy was carried over unchanged, else None; and why."""
        parts = {**self.shared, **plan_parts(profile, log_path, slug, render)}
        key = plan_key(parts, {})
        old = self.previous.get(slug)
        self.entries[slug] = {"key": key, "parts": parts}
        if self.force:
            return None, "--force"
        if old is None or old["key"] != key:
            return None, changed(old, parts)
        if output.carry(self.staging, slug) != old["files"]:
            output.discard(self.staging, slug)
            return None, "its copy in the last build is incomplete"
        self.entries[slug] = old
        return old, UNCHANGED

    def finish(self, results: Sequence[Result], shared_files: Callable[[list[dict[str, Any]]], list[Artifact]]) -> list[str]:
        """Keep what could not be built as it was, add the shared files and the manifest, and switch; returns kept plans.

        ``shared_files(rows)`` makes the files all plans share (assets, the clinician's index) from one row per plan.
        """
        for result in results:
            if result.error is not None:
                output.discard(self.staging, result.slug)
                self.entries.pop(result.slug, None)
            elif not result.skipped:
                self.entries[result.slug].update(_summary(result))
        if not any(r.error is None for r in results):
            return []  # nothing new to show: the site stays exactly as it was
        kept = [slug for slug in sorted(self.previous.keys() - self.entries.keys()) if self._keep(slug)]
        rows = [{"slug": slug, **{k: e.get(k) for k in ("name", "status", "weeks", "has_pdf")}} for slug, e in sorted(self.entries.items())]
        output.write_files(self.staging.root, shared_files(rows))
        output.commit(self.staging, {"format": FORMAT, "publish": self.publish, "plans": self.entries})
        self.written = True
        return kept

    def _keep(self, slug: str) -> bool:
        """A plan of the last build that this one did not make (not asked for, or failed) stays as it was."""
        old = self.previous[slug]
        if output.carry(self.staging, slug) != old["files"]:
            output.discard(self.staging, slug)
            return False
        self.entries[slug] = old
        return True

def _summary(result: Result) -> dict[str, Any]:
    return {"status": result.status, "weeks": result.weeks, "name": result.name, "has_pdf": result.has_pdf, "files": result.files}


def _theme(root: Path) -> list[Path]:
    return theme_dirs(templates_dir(root))


def _usable(manifest: dict[str, Any] | None, publish: bool) -> dict[str, Any]:
    """The last build's plans by slug, if its manifest is one of ours for the same kind of build; else none."""
    if manifest is None:
        return {}
    plans = manifest.get("plans")
    if manifest.get("format") != FORMAT or manifest.get("publish") is not publish or not isinstance(plans, dict):
        log.info("the last build's manifest is from another kind of build: building everything")
        return {}
    good = {slug: entry for slug, entry in plans.items() if _entry_ok(entry)}
    if len(good) != len(plans):
        log.info("the last build's manifest is damaged: building everything")
        return {}
    return good


def _entry_ok(entry: Any) -> bool:
    return (isinstance(entry, dict) and isinstance(entry.get("key"), str) and isinstance(entry.get("files"), int)
            and isinstance(entry.get("parts"), dict) and entry.get("status") in ("plan", "no_running", "referral")
            and isinstance(entry.get("weeks"), int) and isinstance(entry.get("has_pdf"), bool))
