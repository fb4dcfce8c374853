"""The writer: inside the output folder only, all or nothing, never over files it did not write."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from plangen.artifacts import Artifact
from plangen.errors import BuildError, OutputPathError
from plangen.output import write_site


def test_writes_files_and_replaces_a_previous_build(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, [Artifact.text("kim/index.html", "one"), Artifact.text("kim/week-02.html", "old")])
    write_site(out, [Artifact.text("kim/index.html", "two")])
    assert (out / "kim/index.html").read_text() == "two"
    assert not (out / "kim/week-02.html").exists()  # stale pages go with the old build
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == [".plangen-site"]


@pytest.mark.parametrize("bad", ["/etc/passwd", "../x.html", "kim/../../x", ".hidden", "kim/a b.html"])
def test_paths_outside_the_output_folder_are_refused(tmp_path: Path, bad: str) -> None:
    with pytest.raises(OutputPathError):
        write_site(tmp_path / "site", [Artifact(PurePosixPath(bad), b"x")])
    assert not (tmp_path / "x.html").exists()


def test_a_symlink_in_the_output_is_never_followed(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, [Artifact.text("kim/index.html", "one")])
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (out / "evil").symlink_to(elsewhere)
    with pytest.raises(OutputPathError):
        write_site(out, [Artifact.text("evil/x.html", "x")])
    assert list(elsewhere.iterdir()) == []


def test_a_folder_with_the_users_own_files_is_not_touched(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(BuildError, match="has files plangen did not write"):
        write_site(tmp_path, [Artifact.text("kim/index.html", "x")])
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_two_outputs_for_one_path_are_refused_before_writing(tmp_path: Path) -> None:
    with pytest.raises(OutputPathError, match="share an id"):
        write_site(tmp_path / "site", [Artifact.text("kim/a.html", "1"), Artifact.text("KIM/a.html", "2")])
    assert not (tmp_path / "site").exists()
