"""End to end: traps planted in the output folder change nothing outside it, and a killed build leaves the last site whole."""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from plangen.cli import main
from plangen.output import site_files

EPOCH = 1764547200  # 2025-12-01
DAY = 86400


def tree(folder: Path, skip: Path) -> dict[str, tuple[object, ...]]:
    """Everything under ``folder`` except ``skip``: links by target, files by bytes and mode, folders by mode."""
    found: dict[str, tuple[object, ...]] = {}
    for here, dirs, files in os.walk(folder):
        for name in [*dirs, *files]:
            path = Path(here) / name
            if path == skip:
                continue
            info = path.lstat()
            if path.is_symlink():
                found[str(path)] = ("link", os.readlink(path))
            elif path.is_file():
                found[str(path)] = ("file", path.read_bytes(), info.st_mode)
            else:
                found[str(path)] = ("dir", info.st_mode)
        dirs[:] = [d for d in dirs if Path(here) / d != skip]
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One good build of Sam's plan; each test plants its trap in a copy."""
    folder = tmp_path_factory.mktemp("built")
    shutil.copytree(ROOT / "profiles", folder / "profiles")
    result = CliRunner().invoke(main, ["-q", "build", str(folder / "profiles/sam.yaml"), "--no-pdf", "-o", str(folder / "site")],
                                env={"SOURCE_DATE_EPOCH": str(EPOCH)}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return folder


def _victim(base: Path) -> Path:
    """A folder outside the output folder that a trap points at: it must come through unchanged."""
    victim = base / "victim"
    (victim / "sam").mkdir(parents=True)
    (victim / "sam" / "index.html").write_text("the user's own page")
    (victim / "lock").write_text("the user's own file")
    return victim


def _relink(path: Path, target: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()
    path.symlink_to(target)


TRAPS: dict[str, tuple[Callable[[Path, Path], None], int]] = {
    # name: (plant(site, victim), exit code)
    "marker is a link": (lambda site, v: _relink(site / ".plangen-site", v / "lock"), 1),
    "state folder is a link": (lambda site, v: _relink(site / ".plangen", v), 1),
    "lock is a link": (lambda site, v: _relink(site / ".plangen" / "lock", v / "lock"), 1),
    "runner folder is a link": (lambda site, v: _relink(site / "sam", v / "sam"), 1),
    "assets folder is a link": (lambda site, v: _relink(site / "assets", v), 1),
    "current is a link elsewhere": (lambda site, v: _relink(site / ".plangen" / "current", v), 0),
    "a planted build folder": (lambda site, v: (site / ".plangen" / "builds" / "b-planted").symlink_to(v), 0),
    "old staging name is a link": (lambda site, v: (site / f".staging-{os.getpid()}").symlink_to(v), 0),
    "old leftover folder": (lambda site, v: (site / ".old-sam-4242" / "week-01.html").parent.mkdir() or
                            (site / ".old-sam-4242" / "week-01.html").write_text("half"), 0),
}


@pytest.mark.parametrize("trap", list(TRAPS))
def test_a_trap_in_the_output_folder_changes_nothing_outside_it(built: Path, tmp_path: Path, trap: str) -> None:
    plant, code = TRAPS[trap]
    shutil.copytree(built / "profiles", tmp_path / "profiles")
    shutil.copytree(built / "site", tmp_path / "site", symlinks=True)
    plant(tmp_path / "site", _victim(tmp_path))
    before = tree(tmp_path, tmp_path / "site")
    result = CliRunner().invoke(main, ["-q", "build", str(tmp_path / "profiles/sam.yaml"), "--no-pdf", "-o", str(tmp_path / "site")],
                                env={"SOURCE_DATE_EPOCH": str(EPOCH + DAY)}, catch_exceptions=False)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output and (code == 0 or "refusing" in result.stderr)
    assert tree(tmp_path, tmp_path / "site") == before
    if code == 0:
        assert_one_build(tmp_path / "site")


def assert_one_build(site: Path) -> None:
    """Only the current build and its manifest are left in plangen's state: leftovers were cleared."""
    names = sorted(p.name for p in (site / ".plangen" / "builds").iterdir())
    assert len(names) == 2 and names[1] == f"{names[0]}.json", names


def test_a_dangling_link_as_the_output_folder_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "site").symlink_to(tmp_path / "nowhere")
    result = CliRunner().invoke(main, ["build", str(ROOT / "profiles/sam.yaml"), "--no-pdf", "-o", str(tmp_path / "site")])
    assert result.exit_code == 1 and "is a symbolic link" in result.stderr and result.exception is None or isinstance(result.exception, SystemExit)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def _build(project: Path, epoch: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "plangen", "-q", "build", "profiles", "--no-pdf", "--jobs", "1", "-o", "site"]
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}
    return subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _staging_appears(site: Path, build: subprocess.Popen[bytes]) -> float:
    """Wait until the build's own folder appears (or the build ends); returns when, on the monotonic clock."""
    builds = site / ".plangen" / "builds"
    known = set(os.listdir(builds)) if builds.is_dir() else set()
    while build.poll() is None and not (builds.is_dir() and set(os.listdir(builds)) - known):
        time.sleep(0.002)
    return time.monotonic()


def _visible(site: Path) -> dict[str, bytes]:
    return {name: path.read_bytes() for name, path in site_files(site).items()}


def _whole(site: dict[str, bytes], like: dict[str, bytes], epoch: int) -> bool:
    """The same pages as ``like``, every one of them from the build made on ``epoch``'s date."""
    from plangen.render.formats import date_long

    day = dt.datetime.fromtimestamp(epoch, dt.timezone.utc).date()
    made = (date_long(day).encode(), day.isoformat().encode())  # runner pages, and the clinic's index
    pages = [data for name, data in site.items() if name.endswith(".html") and not name.startswith("assets/")]
    return site.keys() == like.keys() and bool(pages) and all(any(m in data for m in made) for data in pages)


def test_a_killed_build_leaves_the_previous_site_whole_and_the_next_build_clears_it(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "profiles", tmp_path / "profiles")
    for n in range(3):  # six runners: a longer window to be killed in
        text = (tmp_path / "profiles/sam.yaml").read_text().replace("id: sam", f"id: sam-{n}")
        (tmp_path / "profiles" / f"sam-{n}.yaml").write_text(text)
    site = tmp_path / "site"
    started = time.monotonic()
    first = _build(tmp_path, EPOCH)
    staged = _staging_appears(site, first) - started
    assert first.wait(120) == 0
    writing, took = time.monotonic() - started - staged, time.monotonic() - started
    rng = random.Random(16)  # seeded: a failure names the kill times it used
    for n in range(1, 6):
        before = _visible(site)
        build = _build(tmp_path, EPOCH + n * DAY)
        if n % 2:  # anywhere from start-up to the end
            time.sleep(rng.uniform(0.05, took * 1.1))
        else:  # while it writes: from the moment its build folder appears
            _staging_appears(site, build)
            time.sleep(rng.uniform(0.0, writing))
        build.send_signal(signal.SIGKILL)
        build.wait(30)
        after = _visible(site)
        assert after == before or _whole(after, before, EPOCH + n * DAY), f"a mix after a kill in round {n}"
    finished = _build(tmp_path, EPOCH + 9 * DAY)
    assert finished.wait(120) == 0, finished.stderr.read() if finished.stderr else ""
    assert_one_build(site)
    assert sorted(p.name for p in site.iterdir()) == [".plangen", ".plangen-site", "assets", "index.html", "jo", "lee",
                                                        "sam", "sam-0", "sam-1", "sam-2"]
    assert all(p.exists() for p in site.iterdir())  # no link left dangling
    assert _whole(_visible(site), _visible(site), EPOCH + 9 * DAY)
