"""The site's languages (plansite/i18n/languages.py): their folders, and mkdocs.yml's i18n plugin agreeing with them."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from plansite.i18n import languages
from support.paths import PROJECT_DIR


def _config(*entries: tuple[str, bool, str]) -> SimpleNamespace:
    """A config whose i18n plugin has these (locale, default, link) languages."""
    configured = [SimpleNamespace(locale=locale, default=default, link=link) for locale, default, link in entries]
    return SimpleNamespace(plugins={"i18n": SimpleNamespace(config=SimpleNamespace(languages=configured))})


def _refusal(config: SimpleNamespace) -> str:
    with pytest.raises(PluginError) as error:
        languages.check_i18n_languages(config)
    return str(error.value)


def test_the_default_language_is_at_the_site_root_and_english_below_it():
    assert [languages.language_root(language) for language in languages.LANGUAGES] == ["", "en/"]


def test_the_project_mkdocs_yml_configures_the_sites_languages(tmp_path):
    config = load_config(str(PROJECT_DIR / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    languages.check_i18n_languages(config)


def test_a_missing_language_is_refused():
    assert _refusal(_config(("da", True, "/"))) == "mkdocs.yml: plugins.i18n.languages: no language 'en' — add it to the i18n languages"


def test_a_language_without_texts_is_refused():
    assert _refusal(_config(("da", True, "/"), ("en", False, "/en/"), ("de", False, "/de/"))) == (
        "mkdocs.yml: plugins.i18n.languages: 'de' is not a language of the site (da, en)"
        " — remove it: the data and data/strings/ have texts in those languages only"
    )


def test_another_default_language_is_refused():
    assert _refusal(_config(("da", False, "/da/"), ("en", True, "/"))) == (
        "mkdocs.yml: plugins.i18n.languages: the default language must be 'da' — set 'default: true' on 'da' only"
    )


def test_a_language_served_from_another_folder_is_refused():
    assert _refusal(_config(("da", True, "/"), ("en", False, "/english/"))) == (
        "mkdocs.yml: plugins.i18n.languages: 'en' has the link '/english/' — remove it: the site serves 'en' at /en/"
    )
