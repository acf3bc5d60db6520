"""The site footer (plansite/site/footer.py): the site's publisher and contacts, the accessibility statement's address, websites shown short."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError
from support.minimal_plan import localized_series

from plansite.site import footer


def test_the_statement_url_must_be_set():
    with pytest.raises(PluginError) as error:
        footer.statement_url(SimpleNamespace(extra={}))
    assert str(error.value) == (
        "mkdocs.yml: extra.accessibility_statement_url: missing or not an https:// address"
        " — set it to the statement's address in the WAS tool, https://www.was.digst.dk/<your-domain>"
    )


def test_a_website_is_shown_without_scheme_and_www():
    assert footer.website_label("https://www.cmm.dk/") == "cmm.dk"
    assert footer.website_label("https://um.dk/") == "um.dk"


def test_the_footer_names_the_sites_publisher_and_its_dated_contacts_not_a_plans_press_contact():
    config = SimpleNamespace(extra={"accessibility_statement_url": "https://www.was.digst.dk/site-test"})
    danish = footer.build_site_footer(localized_series()["da"], config)
    assert danish.authority == "Testafdelingen"
    assert danish.contacts == (
        footer.FooterContact(
            name=None, role="Testhotline", organisation="Organisationen", phone="+45 70 00 00 00", phone_href="tel:+4570000000",
            email="hotline@example.org", as_of="Oplysningerne er fra en kilde af 29. marts 2022.",
        ),
    )
    assert (danish.contact_path, danish.accessibility_path, danish.privacy_path, danish.statement_url) == ("kontakt/", "tilgaengelighed/", "privatliv/", "https://www.was.digst.dk/site-test")
    english = footer.build_site_footer(localized_series()["en"], config)
    assert (english.authority, english.contacts[0].role, english.contacts[0].organisation) == ("The Test Department", "Test hotline", "The Organisation")
    assert english.contacts[0].as_of == "These details are from a source dated 29 March 2022."
    assert (english.contact_path, english.accessibility_path, english.privacy_path) == ("en/kontakt/", "en/tilgaengelighed/", "en/privatliv/")
