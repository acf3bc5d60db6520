"""The site footer (plansite/site/footer.py): the site's publisher and contacts, the accessibility statement's address, websites shown short."""

from __future__ import annotations

from types import SimpleNamespace

from support.minimal_plan import localized_series

from plansite.site import footer


def test_without_a_was_address_the_footer_links_the_sites_own_statement_in_each_language():
    unset = SimpleNamespace(extra={})
    danish, english = (footer.build_site_footer(localized_series()[language], unset) for language in ("da", "en"))
    assert (danish.statement_url, danish.statement_is_external) == ("tilgaengelighed/", False)
    assert (english.statement_url, english.statement_is_external) == ("en/tilgaengelighed/", False)


def test_a_website_is_shown_without_scheme_and_www():
    assert footer.website_label("https://www.cmm.dk/") == "cmm.dk"
    assert footer.website_label("https://um.dk/") == "um.dk"


def test_the_footer_names_the_sites_publisher_and_its_dated_contacts_not_a_plans_press_contact():
    config = SimpleNamespace(extra={"accessibility_statement_url": "https://www.was.digst.dk/site-test"})
    danish = footer.build_site_footer(localized_series()["da"], config)
    assert danish.authority == "Testafdelingen"
    assert danish.contacts == ()  # the minimal site's one contact is the hotline, which the help box shows
    assert danish.help is not None
    assert (danish.help.role, danish.help.organisation, danish.help.phone_href, danish.help.email, danish.help.as_of) == (
        "Testhotline", "Organisationen", "tel:+4570000000", "hotline@example.org", "Oplysningerne er fra en kilde af 29. marts 2022.",
    )
    assert (danish.contact_path, danish.accessibility_path, danish.privacy_path, danish.statement_url) == ("kontakt/", "tilgaengelighed/", "privatliv/", "https://www.was.digst.dk/site-test")
    assert danish.statement_is_external
    english = footer.build_site_footer(localized_series()["en"], config)
    assert english.help is not None
    assert (english.authority, english.help.role, english.help.organisation) == ("The Test Department", "Test hotline", "The Organisation")
    assert english.help.as_of == "These details are from a source dated 29 March 2022."
    assert (english.contact_path, english.accessibility_path, english.privacy_path) == ("en/kontakt/", "en/tilgaengelighed/", "en/privatliv/")
