"""``plangen serve``: serves the built site on 127.0.0.1 only, rebuilds on change, survives a broken edit."""

from __future__ import annotations

import shutil
import socket
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import ROOT

from plangen.build import BuildOptions
from plangen.errors import BuildError
from plangen.cli.serve import HOST, Preview, start_preview, start_server, watched

WAIT = 15.0  # seconds: the most any rebuild may take to show


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "profiles", tmp_path / "profiles")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    return tmp_path


@pytest.fixture()
def preview(project: Path) -> Iterator[tuple[Preview, list[str]]]:
    said: list[str] = []
    # The site sits inside the watched profiles folder: its own writes must not set off rebuilds.
    options = BuildOptions(out=project / "profiles" / "site", root=project, pdf=False)
    running = start_preview([project / "profiles" / "sam.yaml"], options, 0, said.append)
    yield running, said
    running.stop()


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        assert response.status == 200
        return response.read().decode("utf-8")


def eventually(check: Callable[[], bool], touch: Callable[[], None]) -> bool:
    """Poll ``check`` for up to WAIT seconds, repeating the edit now and then (a watcher may still be starting)."""
    deadline = time.monotonic() + WAIT
    next_touch = 0.0
    while time.monotonic() < deadline:
        if time.monotonic() >= next_touch:
            touch()
            next_touch = time.monotonic() + 3.0
        time.sleep(0.1)
        if check():
            return True
    return False


def test_serves_rebuilds_on_change_and_keeps_the_last_good_site(project: Path, preview: tuple[Preview, list[str]]) -> None:
    running, said = preview
    page = running.url + "sam/index.html"
    profile = project / "profiles" / "sam.yaml"
    original = profile.read_text()
    assert "Harbour 10K" in fetch(page) and said == ["built sam"]
    time.sleep(1.0)
    assert said == ["built sam"]  # nothing changed, nothing rebuilt (the build's own writes are not a change)

    edited = original.replace("Harbour 10K", "Riverside 10K")
    assert eventually(lambda: "Riverside 10K" in fetch(page), lambda: profile.write_text(edited))
    assert "change detected, rebuilding..." in said

    broken = edited.replace("goal:\n", "goal: [unclosed\n")
    assert eventually(lambda: any("sam.yaml" in line and "error" in line for line in said), lambda: profile.write_text(broken))
    assert "Riverside 10K" in fetch(page)  # the previous site is still served
    assert running.watcher.is_alive()

    fixed = original.replace("Harbour 10K", "Lakeside 10K")
    assert eventually(lambda: "Lakeside 10K" in fetch(page), lambda: profile.write_text(fixed))


def test_a_log_change_rebuilds_too(project: Path, preview: tuple[Preview, list[str]]) -> None:
    _running, said = preview
    log = project / "profiles" / "sam.log.yaml"
    text = log.read_text()
    assert eventually(lambda: said.count("built sam") >= 2, lambda: log.write_text(text + "\n"))
    settled = len(said)
    time.sleep(1.5)
    assert len(said) == settled, said[settled:]  # the rebuild's own writes into the site set off no rebuild


def test_binds_loopback_only_and_stops_cleanly(preview: tuple[Preview, list[str]]) -> None:
    running, _said = preview
    host, port = running.server.server_address[:2]
    assert host == HOST == "127.0.0.1"
    if sys.platform.startswith("linux"):  # all of 127/8 reaches this machine, but only 127.0.0.1 is bound
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.2", port), timeout=2).close()
    running.stop()
    assert not running.watcher.is_alive()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(running.url, timeout=2)


def test_a_busy_port_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    first = start_server(tmp_path, 0)
    try:
        with pytest.raises(BuildError, match=r"cannot serve on 127\.0\.0\.1:\d+: .*try --port"):
            start_server(tmp_path, first.server_address[1])
    finally:
        first.shutdown()
        first.server_close()


def test_watches_the_folders_of_profiles_logs_content_and_templates(tmp_path: Path) -> None:
    (tmp_path / "profiles").mkdir()
    (tmp_path / "logs").mkdir()
    (tmp_path / "templates").mkdir()
    text = (ROOT / "profiles" / "sam.yaml").read_text().replace("log: sam.log.yaml", "log: ../logs/sam.log.yaml")
    (tmp_path / "profiles" / "sam.yaml").write_text(text)
    shutil.copy(ROOT / "profiles" / "sam.log.yaml", tmp_path / "logs" / "sam.log.yaml")
    (tmp_path / "plangen.yaml").write_text("{}\n")
    found = watched([tmp_path / "profiles" / "sam.yaml"], tmp_path)
    root = tmp_path.resolve()
    assert found == sorted([root / "logs", root / "plangen.yaml", root / "profiles", root / "templates"])
