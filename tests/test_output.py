"""The writer: inside the output folder only, all or nothing, one step to switch, never through a link it did not make."""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePosixPath

import pytest

from plangen.artifacts import Artifact
from plangen.errors import BuildError, OutputPathError
from plangen.output import begin, carry, commit, manifest_path, previous_manifest, site_files, write_files, write_site

KIM = [Artifact.text("kim/index.html", "one"), Artifact.text("kim/exercises/a.html", "a"), Artifact.text("assets/x.css", "x")]


def builds(out: Path) -> list[str]:
    return sorted(p.name for p in (out / ".plangen" / "builds").iterdir())


def test_writes_files_and_replaces_a_previous_build(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, [Artifact.text("kim/index.html", "one"), Artifact.text("kim/week-02.html", "old")])
    write_site(out, [Artifact.text("kim/index.html", "two")])
    assert (out / "kim/index.html").read_text() == "two"
    assert not (out / "kim/week-02.html").exists()  # stale pages go with the old build
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".plangen", ".plangen-site"]
    assert len(builds(out)) == 1  # the replaced build is gone
    assert os.readlink(out / "kim") == ".plangen/current/kim"
    assert site_files(out).keys() == {"kim/index.html"}


def test_the_whole_site_switches_with_one_link(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, KIM)
    with begin(out, ["kim", "assets"]) as staging:
        write_files(staging.root, [Artifact.text("kim/index.html", "two"), Artifact.text("assets/x.css", "y")])
        assert (out / "kim/index.html").read_text() == "one"  # nothing shows until the switch
        commit(staging)
    assert (out / "kim/index.html").read_text() == "two" and (out / "assets/x.css").read_text() == "y"
    assert os.readlink(out / ".plangen" / "current") == f"builds/{staging.root.name}"


def test_a_failed_build_leaves_the_previous_site_and_no_staging(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, KIM)
    before = {k: p.read_bytes() for k, p in site_files(out).items()}
    with pytest.raises(OutputPathError), begin(out, ["kim", "ann"]) as staging:
        write_files(staging.root, [Artifact.text("kim/index.html", "new"), Artifact.text("ann/index.html", "new")])
        write_files(staging.root, [Artifact.text("kim/index.html/x", "a file is not a folder")])
        commit(staging)
    assert {k: p.read_bytes() for k, p in site_files(out).items()} == before
    assert len(builds(out)) == 1 and not os.path.lexists(out / "ann")


def test_a_killed_builds_leftovers_are_removed_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, KIM)
    killed = begin(out, ["kim", "ann"])  # as if killed: never committed nor aborted
    write_files(killed.root, [Artifact.text("ann/index.html", "half")])
    os.symlink(".plangen/current/ann", out / "ann")  # a link it made before dying
    os.close(killed.lock)
    (out / ".staging-4242" / "kim").mkdir(parents=True)  # what plangen before the one-link swap left
    (out / ".old-kim-4242").write_text("old")
    write_site(out, KIM)
    assert len(builds(out)) == 1
    assert sorted(p.name for p in out.iterdir()) == [".plangen", ".plangen-site", "assets", "kim"]


def test_your_own_files_in_the_output_folder_stay(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, KIM)
    (out / "CNAME").write_text("plans.example")
    (out / "drafts").mkdir()
    write_site(out, [Artifact.text("kim/index.html", "two")])
    assert (out / "CNAME").read_text() == "plans.example" and (out / "drafts").is_dir()


def test_a_name_you_own_is_never_replaced(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, KIM)
    (out / "ann").mkdir()
    (out / "ann" / "index.html").write_text("mine")
    with pytest.raises(OutputPathError, match="plangen did not make it"):
        write_site(out, [*KIM, Artifact.text("ann/index.html", "plangen's")])
    assert (out / "ann" / "index.html").read_text() == "mine"
    assert (out / "kim/index.html").read_text() == "one"


def test_a_symlinked_runner_folder_is_refused_before_anything_changes(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, KIM)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (out / "kim").unlink()
    (out / "kim").symlink_to(elsewhere)
    with pytest.raises(OutputPathError, match="refusing to replace"):
        write_site(out, [Artifact.text("kim/index.html", "x"), Artifact.text("assets/x.css", "new")])
    assert list(elsewhere.iterdir()) == []
    assert (out / "assets/x.css").read_text() == "x"  # the rest of the site was not replaced first


@pytest.mark.parametrize("trap", [".plangen-site", ".plangen", ".plangen/lock"])
def test_a_planted_link_to_plangens_own_files_is_refused(tmp_path: Path, trap: str) -> None:
    out = tmp_path / "site"
    write_site(out, KIM)
    target = tmp_path / "victim"
    target.mkdir()
    (target / "lock").write_text("keep")
    if trap == ".plangen":
        os.rename(out / ".plangen", tmp_path / "moved")
    else:
        (out / trap).unlink()
    (out / trap).symlink_to(target / "lock" if trap != ".plangen" else target)
    with pytest.raises(BuildError, match="refusing|cannot"):
        write_site(out, KIM)
    assert [p.name for p in target.iterdir()] == ["lock"] and (target / "lock").read_text() == "keep"


def test_a_planted_current_link_or_build_is_replaced_not_followed(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, KIM)
    victim = tmp_path / "victim"
    (victim / "kim").mkdir(parents=True)
    (victim / "kim" / "index.html").write_text("keep")
    current = out / ".plangen" / "current"
    current.unlink()
    current.symlink_to(victim)
    (out / ".plangen" / "builds" / "b-planted").symlink_to(victim)
    write_site(out, [Artifact.text("kim/index.html", "two")])
    assert (victim / "kim" / "index.html").read_text() == "keep"
    assert (out / "kim/index.html").read_text() == "two" and len(builds(out)) == 1


def test_a_dangling_link_as_the_output_folder_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "site").symlink_to(tmp_path / "nowhere")
    with pytest.raises(BuildError, match="is a symbolic link"):
        write_site(tmp_path / "site", KIM)
    assert not (tmp_path / "nowhere").exists()


def test_staging_names_are_unpredictable(tmp_path: Path) -> None:
    names = set()
    for _ in range(3):
        with begin(tmp_path / "site") as staging:
            names.add(staging.root.name)
    assert len(names) == 3 and all(len(n) > 6 for n in names)


def test_unchanged_folders_are_carried_as_hard_links(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, KIM)
    with begin(out, ["kim"]) as staging:
        assert carry(staging, "kim") == 2
        assert carry(staging, "ann") is None  # not in the last build: built instead
        commit(staging)
    assert (out / "kim/exercises/a.html").read_text() == "a"
    assert (out / "kim/index.html").stat().st_nlink == 1  # the old build is gone; the bytes were never copied


def test_a_link_inside_a_carried_folder_is_not_followed(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, KIM)
    secret = tmp_path / "secret.txt"
    secret.write_text("private")
    (out / "kim" / "leak.txt").symlink_to(secret)
    with begin(out, ["kim"]) as staging:
        assert carry(staging, "kim") is None
        assert not (staging.root / "kim").exists()


def test_the_manifest_belongs_to_its_build(tmp_path: Path) -> None:
    out = tmp_path / "site"
    with begin(out) as staging:
        write_files(staging.root, KIM)
        commit(staging, {"plans": {"kim": {"key": "k"}}})
    with begin(out) as staging:
        assert previous_manifest(staging)["plans"] == {"kim": {"key": "k"}}
    path = manifest_path(staging.previous)
    for broken in ("{not json", json.dumps({"build": "b-someone-else", "plans": {}}), "[]"):
        path.write_text(broken)
        with begin(out) as staging:
            assert previous_manifest(staging) is None


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
