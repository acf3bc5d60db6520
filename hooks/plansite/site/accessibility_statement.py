"""Where "the accessibility statement" is: the official one in WAS, else the site's own page.

A Danish public body publishes its accessibility statement in the Agency for
Digital Government's WAS tool (https://www.was.digst.dk/<domain>) and links it
from every page. Until that statement exists, the site's own page
(`docs/tilgaengelighed.*.md`) is the statement, and every link to "the
statement" points there. The address comes from `extra.accessibility_statement_url`
in mkdocs.yml (`ACCESSIBILITY_STATEMENT_URL`); the deploy workflow sets
`extra.deploy` (`PLAN_DEPLOY=1`) for the build it publishes, and that build
stops on a placeholder address rather than publish it.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

STATEMENT_URL_KEY = "accessibility_statement_url"
STATEMENT_URL_VARIABLE = "ACCESSIBILITY_STATEMENT_URL"
DEPLOY_KEY = "deploy"
DEPLOY_VARIABLE = "PLAN_DEPLOY"
WAS_HOSTS = ("www.was.digst.dk", "was.digst.dk")
WAS_EXAMPLE = "https://www.was.digst.dk/<your-domain>"
# Words that only a stand-in address contains (the old default was
# https://www.was.digst.dk/menneskehandel-example-org).
PLACEHOLDER_WORDS = (
    "example",
    "placeholder",
    "localhost",
    "changeme",
    "your-domain",
    "todo",
    "xxx",
)


@dataclass(frozen=True)
class StatementLink:
    """Where every link to the accessibility statement of one language points."""

    url: str
    """The WAS address, or the site-root-relative path of the site's own page (`url` filter)."""

    is_external: bool
    """True when the official statement is in the WAS tool; False: the site's own page is it."""


def placeholder_reason(url: str) -> str | None:
    """Why `url` cannot be a published WAS statement's address, or None when it can."""
    parts = urlsplit(url.strip())
    lowered = url.lower()
    word = next((word for word in PLACEHOLDER_WORDS if word in lowered), None)
    if word is not None:
        return f"it contains '{word}'"
    if parts.scheme != "https":
        return "it is not an https:// address"
    if parts.hostname not in WAS_HOSTS:
        return f"its host is '{parts.hostname or ''}', not www.was.digst.dk"
    if not parts.path.strip("/"):
        return "it names no statement after https://www.was.digst.dk/"
    return None


def configured_statement_url(config: MkDocsConfig) -> str | None:
    """The address in mkdocs.yml, or None when it is unset or empty (an unset variable)."""
    url = config.extra.get(STATEMENT_URL_KEY)
    if url is None or (isinstance(url, str) and not url.strip()):
        return None
    if not isinstance(url, str) or not url.startswith("https://"):
        raise PluginError(
            f"mkdocs.yml: extra.{STATEMENT_URL_KEY} ({STATEMENT_URL_VARIABLE}): {url!r} is not an"
            f" https:// address — set {STATEMENT_URL_VARIABLE} to the statement's address in the"
            f" WAS tool, {WAS_EXAMPLE}, or unset it to link the site's own statement page"
        )
    return url.strip()


def is_deploy_build(config: MkDocsConfig) -> bool:
    """True in the build the deploy workflow publishes (`PLAN_DEPLOY=1` → `extra.deploy`)."""
    return config.extra.get(DEPLOY_KEY) in (True, 1, "1", "true")


def statement_link(config: MkDocsConfig, own_page_path: str) -> StatementLink:
    """The WAS statement if its address is set, else the site's own page; no placeholder deploys."""
    url = configured_statement_url(config)
    if url is None:
        return StatementLink(own_page_path, is_external=False)
    reason = placeholder_reason(url)
    if reason is not None and is_deploy_build(config):
        raise PluginError(
            f"{STATEMENT_URL_VARIABLE} (extra.{STATEMENT_URL_KEY} in mkdocs.yml) is {url!r},"
            f" which is not a published statement's address ({reason}): a deploy must not link it."
            f" Set {STATEMENT_URL_VARIABLE} to the statement's address in the WAS tool,"
            f" {WAS_EXAMPLE}, or leave it unset: the footer then links the site's own statement"
            f" page ({own_page_path})"
        )
    return StatementLink(url, is_external=True)
