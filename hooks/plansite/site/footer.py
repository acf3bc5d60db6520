"""What every page's footer shows: the responsible authority, its contacts and the required links.

A Danish public body's site names the responsible authority and its contact
details on every page and links to its accessibility statement, made in the
Agency for Digital Government's WAS tool (`extra.accessibility_statement_url`
in mkdocs.yml). The authority is the site's publisher, the contacts are the
site's current contacts (`data/site.yaml`), each with the date of its source;
`overrides/partials/site-footer.html` renders this, and the accessibility page
reuses its contact part.
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from plansite.i18n.formatting import format_tel_uri
from plansite.i18n.languages import language_root
from plansite.i18n.view import LocalizedSeries
from plansite.urls import CONTACT, page_url

STATEMENT_URL_KEY = "accessibility_statement_url"
ACCESSIBILITY_PAGE = "tilgaengelighed.md"
PRIVACY_PAGE = "privatliv.md"


@dataclass(frozen=True)
class FooterContact:
    name: str | None
    role: str
    organisation: str
    phone: str | None
    phone_href: str | None
    email: str | None
    as_of: str


@dataclass(frozen=True)
class SiteFooter:
    """Site-root-relative paths (for the `url` filter) and texts of one language."""

    authority: str
    contact_path: str
    contacts: tuple[FooterContact, ...]
    statement_url: str
    accessibility_path: str
    privacy_path: str


def website_label(url: str) -> str:
    """`https://um.dk/` → `um.dk`: how an address is read out and printed."""
    return url.removeprefix("https://").removeprefix("http://").removeprefix("www.").rstrip("/")


def statement_url(config: MkDocsConfig) -> str:
    """The URL of the official accessibility statement; the build stops without one."""
    url = config.extra.get(STATEMENT_URL_KEY)
    if not isinstance(url, str) or not url.startswith("https://"):
        raise PluginError(
            f"mkdocs.yml: extra.{STATEMENT_URL_KEY}: missing or not an https:// address"
            " — set it to the statement's address in the WAS tool, https://www.was.digst.dk/<your-domain>"
        )
    return url


def build_site_footer(series: LocalizedSeries, config: MkDocsConfig) -> SiteFooter:
    """The footer of one language."""
    prefix = language_root(series.language)
    contacts = tuple(
        FooterContact(
            name=contact.name,
            role=series.text(contact.role),
            organisation=series.text(series.series.actors[contact.organisation].name),
            phone=contact.phone,
            phone_href=format_tel_uri(contact.phone) if contact.phone else None,
            email=contact.email,
            as_of=series.contact_as_of(contact),
        )
        for contact in series.series.contacts
    )
    return SiteFooter(
        authority=series.text(series.series.site.publisher),
        contact_path=prefix + page_url(CONTACT),
        contacts=contacts,
        statement_url=statement_url(config),
        accessibility_path=prefix + page_url(ACCESSIBILITY_PAGE),
        privacy_path=prefix + page_url(PRIVACY_PAGE),
    )
