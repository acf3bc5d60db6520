"""A build writes into a staging folder that replaces `site_dir` only when the build passed (plansite/staging.py).

tests/site/test_atomic_output.py makes real builds fail at each stage and
checks that the last good site stays byte for byte.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig

from plansite.staging import StagedSite, replace_folder


def config_for(site_dir: Path, strict: bool = True) -> MkDocsConfig:
    config = MkDocsConfig()
    config.load_dict({"site_dir": str(site_dir), "strict": strict})
    return config


@pytest.fixture
def site_dir(tmp_path: Path) -> Path:
    """A last good site: one page."""
    site = tmp_path / "out" / "site"
    site.mkdir(parents=True)
    (site / "index.html").write_text("last good", encoding="utf-8")
    return site


def files_in(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8") for path in folder.rglob("*") if path.is_file()}


def test_the_build_writes_beside_site_dir_and_a_passing_build_replaces_it(site_dir: Path):
    config = config_for(site_dir)
    staged = StagedSite.start(config)
    assert Path(config.site_dir) == staged.folder and staged.folder.parent == site_dir.parent
    (staged.folder / "new.html").write_text("new", encoding="utf-8")
    assert staged.finish()
    assert files_in(site_dir) == {"new.html": "new"}
    assert [path.name for path in site_dir.parent.iterdir()] == ["site"]  # no staging or old folder left
    assert config.site_dir == str(site_dir)


def test_a_first_build_makes_site_dir(tmp_path: Path):
    site = tmp_path / "site"
    staged = StagedSite.start(config_for(site))
    (staged.folder / "index.html").write_text("first", encoding="utf-8")
    assert staged.finish()
    assert files_in(site) == {"index.html": "first"}


def test_a_warning_in_strict_mode_leaves_site_dir_as_it_was(site_dir: Path):
    config = config_for(site_dir, strict=True)
    staged = StagedSite.start(config)
    (staged.folder / "index.html").write_text("half", encoding="utf-8")
    logging.getLogger("mkdocs.structure.pages").warning("a link to a page that does not exist")
    assert not staged.finish()
    assert files_in(site_dir) == {"index.html": "last good"}
    assert [path.name for path in site_dir.parent.iterdir()] == ["site"]
    assert config.site_dir == str(site_dir)


def test_without_strict_mode_a_warning_does_not_stop_the_replacement(site_dir: Path):
    staged = StagedSite.start(config_for(site_dir, strict=False))
    logging.getLogger("mkdocs.structure.pages").warning("a link to a page that does not exist")
    assert staged.finish()
    assert files_in(site_dir) == {}


def test_warnings_stop_counting_when_the_build_ends(site_dir: Path):
    StagedSite.start(config_for(site_dir)).finish()
    assert not any(type(handler).__name__ == "WarningCounter" for handler in logging.getLogger("mkdocs").handlers)


def test_a_failed_build_removes_its_staging_folder(site_dir: Path):
    config = config_for(site_dir)
    staged = StagedSite.start(config)
    (staged.folder / "index.html").write_text("half", encoding="utf-8")
    staged.discard()
    staged.discard()  # the nested build and the outer build both report the failure
    assert files_in(site_dir) == {"index.html": "last good"}
    assert [path.name for path in site_dir.parent.iterdir()] == ["site"]
    assert config.site_dir == str(site_dir)


def test_a_replacement_that_cannot_be_moved_in_leaves_the_old_site(site_dir: Path, tmp_path: Path):
    with pytest.raises(FileNotFoundError):
        replace_folder(site_dir, tmp_path / "out" / "vanished")
    assert files_in(site_dir) == {"index.html": "last good"}
    assert [path.name for path in site_dir.parent.iterdir()] == ["site"]
