"""What every page's footer shows: the responsible authority, its contacts and the required links.

A Danish public body's site names the responsible authority and its contact
details on every page and links to its accessibility statement, made in the
Agency for Digital Government's WAS tool (`extra.accessibility_statement_url`
in mkdocs.yml). The authority is the site's publisher, the contacts are the
site's current contacts (`data/site.yaml`) but the help box's, each with the
date of its source;
`overrides/partials/site-footer.html` renders this, and the accessibility page
reuses its contact part. The help box for people who suspect human trafficking
(the first contact with purpose `help`, `overrides/partials/help-box.html`) is part of every
page's footer, or of the content of the pages that show it higher up.
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig

from plansite.i18n.formatting import format_tel_uri
from plansite.i18n.languages import language_root
from plansite.i18n.view import LocalizedSeries
from plansite.site import accessibility_statement
from plansite.site.accessibility_statement import StatementLink
from plansite.urls import CONTACT, page_url

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
class HelpBox:
    """The help box: whom to call, when, and how old that information is."""

    heading: str
    role: str
    organisation: str
    phone: str | None
    phone_href: str | None
    call: str | None
    email: str | None
    hours: str | None
    as_of: str


@dataclass(frozen=True)
class SiteFooter:
    """Site-root-relative paths (for the `url` filter) and texts of one language."""

    authority: str
    contact_path: str
    contacts: tuple[FooterContact, ...]
    statement_url: str
    """The WAS statement, or the site's own statement page (a path): for the `url` filter."""
    statement_is_external: bool
    """False while the site's own page is the statement: then one link to it is enough."""
    feedback_contacts: tuple[FooterContact, ...]
    """Whom to tell about accessibility: the contacts for it, else the general ones."""
    feedback_contact_is_general: bool
    """True when no contact is for accessibility: the statement names the general one instead."""
    accessibility_path: str
    privacy_path: str
    help: HelpBox | None


def website_label(url: str) -> str:
    """`https://um.dk/` → `um.dk`: how an address is read out and printed."""
    return url.removeprefix("https://").removeprefix("http://").removeprefix("www.").rstrip("/")


def statement_link(config: MkDocsConfig, language: str) -> StatementLink:
    """Where the footer's "accessibility statement" points: WAS, else the site's own page."""
    return accessibility_statement.statement_link(
        config, language_root(language) + page_url(ACCESSIBILITY_PAGE)
    )


def build_help_box(series: LocalizedSeries) -> HelpBox | None:
    """The help box of one language: the site's help contact, or None when the site names none."""
    contact = series.series.help_contact
    if contact is None:
        return None
    return HelpBox(
        heading=series.strings["help_heading"],
        role=series.text(contact.role),
        organisation=series.text(series.series.actors[contact.organisation].name),
        phone=contact.phone,
        phone_href=format_tel_uri(contact.phone) if contact.phone else None,
        call=series.strings.format("help_call", phone=contact.phone) if contact.phone else None,
        email=contact.email,
        hours=series.text(contact.hours) if contact.hours else None,
        as_of=series.contact_as_of(contact),
    )


def build_site_footer(series: LocalizedSeries, config: MkDocsConfig) -> SiteFooter:
    """The footer of one language."""
    prefix = language_root(series.language)
    statement = statement_link(config, series.language)
    listed = tuple(
        contact for contact in series.series.contacts if contact != series.series.help_contact
    )
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
        for contact in listed
    )
    feedback = series.series.contacts_for("accessibility")
    return SiteFooter(
        authority=series.text(series.series.site.publisher),
        contact_path=prefix + page_url(CONTACT),
        contacts=contacts,
        statement_url=statement.url,
        statement_is_external=statement.is_external,
        feedback_contacts=tuple(
            shown
            for shown, contact in zip(contacts, listed, strict=True)
            if contact in (feedback or series.series.contacts_for("general"))
        ),
        feedback_contact_is_general=not feedback,
        accessibility_path=prefix + page_url(ACCESSIBILITY_PAGE),
        privacy_path=prefix + page_url(PRIVACY_PAGE),
        help=build_help_box(series),
    )
