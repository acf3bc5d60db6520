"""The theme's cheaper Jinja environments find the same static files and load the same templates (plansite/theme/environments.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from plansite import templating
from plansite.theme import environments
from support.paths import PROJECT_DIR


@pytest.fixture
def config(tmp_path: Path):
    """The project's configuration, with a theme object of its own for each test."""
    return load_config(str(PROJECT_DIR / "mkdocs.yml"), site_dir=str(tmp_path / "site"))


def _theme_files(environment, config) -> list[str]:
    files = Files([])
    files.add_files_from_theme(environment, config)
    return sorted(file.src_uri for file in files)


def test_the_same_static_files_are_found_without_listing_dot_folders(config):
    plain = config.theme.get_env()
    environments.share_theme_environments(config.theme)
    shared = config.theme.get_env()
    assert isinstance(shared.loader, environments.ThemeLoader) and not isinstance(plain.loader, environments.ThemeLoader)
    found = _theme_files(shared, config)
    assert found == _theme_files(plain, config)
    assert "assets/javascripts/keyboard-toggles.js" not in found  # docs/ files are not theme files
    assert any(name.startswith("assets/javascripts/bundle.") for name in found)
    assert not any(part.startswith(".") for name in found for part in name.split("/"))
    assert len(shared.loader.list_templates()) < len(plain.loader.list_templates()) / 10  # Material's 14 348 icons are not listed


def test_templates_in_dot_folders_still_load_and_environments_share_compiled_code(config):
    environments.share_theme_environments(config.theme)
    environments.share_theme_environments(config.theme)  # twice: wrapped once
    environment = config.theme.get_env()
    assert environment.bytecode_cache is templating.BYTECODE_CACHE
    assert "<svg" in environment.get_template(".icons/material/scale-balance.svg").render()
    assert environment.get_template("main.html").filename.endswith("overrides/main.html")
