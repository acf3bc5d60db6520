"""The site's languages, and what follows from a language alone: locale and folder.

This is the one definition of the languages. mkdocs.yml's i18n plugin must
configure the same ones (`check_i18n_languages`), so a language's folder in the
built site is computed here, without reading the plugin's configuration.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs_static_i18n.plugin import I18n

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"

LOCALES = {"da": "da_DK", "en": "en_GB"}
"""The locale of each language, for Babel's formatting and for Open Graph's `og:locale`."""


def language_root(language: str) -> str:
    """A language's folder in the built site: `` for the default language, `en/` for English."""
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def other_languages(language: str) -> tuple[str, ...]:
    """Every language but `language`, in the order of `LANGUAGES`."""
    return tuple(other for other in LANGUAGES if other != language)


def i18n_plugin(config: MkDocsConfig) -> I18n:
    """The mkdocs-static-i18n plugin of this build (MkDocs types every plugin as `BasePlugin`)."""
    return cast("I18n", config.plugins["i18n"])


def check_i18n_languages(config: MkDocsConfig) -> None:
    """Raise `PluginError` unless mkdocs.yml's i18n languages are the ones defined here."""
    # Imported here: `make validate` uses this module and does not otherwise load MkDocs.
    from mkdocs.exceptions import PluginError

    where = "mkdocs.yml: plugins.i18n.languages"
    configured = {item.locale: item for item in i18n_plugin(config).config.languages}
    for language in LANGUAGES:
        if language not in configured:
            raise PluginError(f"{where}: no language '{language}' — add it to the i18n languages")
    for language, item in configured.items():
        if language not in LANGUAGES:
            raise PluginError(
                f"{where}: '{language}' is not a language of the site ({', '.join(LANGUAGES)})"
                " — remove it: the data and data/strings/ have texts in those languages only"
            )
        if item.default != (language == DEFAULT_LANGUAGE):
            raise PluginError(
                f"{where}: the default language must be '{DEFAULT_LANGUAGE}'"
                f" — set 'default: true' on '{DEFAULT_LANGUAGE}' only"
            )
        if item.link != "/" + language_root(language):
            raise PluginError(
                f"{where}: '{language}' has the link '{item.link}'"
                f" — remove it: the site serves '{language}' at /{language_root(language)}"
            )
