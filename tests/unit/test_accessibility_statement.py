"""Where "the accessibility statement" points (plansite/site/accessibility_statement.py), and the placeholder check of a deploy."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from plansite.site.accessibility_statement import StatementLink, placeholder_reason, statement_link

OWN_PAGE = "tilgaengelighed/"
REAL = "https://www.was.digst.dk/handlingsplaner-menneskehandel-dk"
OLD_DEFAULT = "https://www.was.digst.dk/menneskehandel-example-org"


def config(url: object = None, deploy: object = False) -> SimpleNamespace:
    extra = {"deploy": deploy} if url is None else {"accessibility_statement_url": url, "deploy": deploy}
    return SimpleNamespace(extra=extra)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        (OLD_DEFAULT, "it contains 'example'"),
        ("https://www.was.digst.dk/placeholder", "it contains 'placeholder'"),
        ("https://localhost/was", "it contains 'localhost'"),
        ("https://www.was.digst.dk/<your-domain>", "it contains 'your-domain'"),
        ("http://www.was.digst.dk/handlingsplaner-menneskehandel-dk", "it is not an https:// address"),
        ("https://was.digst.dk.evil.test/statement", "its host is 'was.digst.dk.evil.test', not www.was.digst.dk"),
        ("https://um.dk/tilgaengelighed", "its host is 'um.dk', not www.was.digst.dk"),
        ("https://www.was.digst.dk/", "it names no statement after https://www.was.digst.dk/"),
    ],
)
def test_a_placeholder_address_is_recognised_with_its_reason(url, reason):
    assert placeholder_reason(url) == reason


@pytest.mark.parametrize("url", [REAL, "https://was.digst.dk/handlingsplaner-menneskehandel-dk", "https://www.was.digst.dk/um-dk/"])
def test_a_statement_address_in_the_was_tool_is_no_placeholder(url):
    assert placeholder_reason(url) is None


@pytest.mark.parametrize("unset", [None, "", "  "])
def test_without_an_address_the_statement_is_the_sites_own_page_even_in_a_deploy(unset):
    assert statement_link(config(unset, deploy=True), OWN_PAGE) == StatementLink(OWN_PAGE, is_external=False)


def test_a_real_address_is_linked_in_a_deploy():
    assert statement_link(config(REAL, deploy=True), OWN_PAGE) == StatementLink(REAL, is_external=True)


def test_a_placeholder_is_linked_in_a_preview_build():
    assert statement_link(config(OLD_DEFAULT, deploy=False), OWN_PAGE) == StatementLink(OLD_DEFAULT, is_external=True)


@pytest.mark.parametrize("deploy", [True, 1, "1", "true"])
def test_a_deploy_with_a_placeholder_stops_and_says_what_to_set(deploy):
    with pytest.raises(PluginError) as error:
        statement_link(config(OLD_DEFAULT, deploy=deploy), OWN_PAGE)
    assert str(error.value) == (
        "ACCESSIBILITY_STATEMENT_URL (extra.accessibility_statement_url in mkdocs.yml) is"
        " 'https://www.was.digst.dk/menneskehandel-example-org', which is not a published"
        " statement's address (it contains 'example'): a deploy must not link it. Set"
        " ACCESSIBILITY_STATEMENT_URL to the statement's address in the WAS tool,"
        " https://www.was.digst.dk/<your-domain>, or leave it unset: the footer then links the"
        " site's own statement page (tilgaengelighed/)"
    )


def test_an_address_that_is_not_https_stops_every_build():
    with pytest.raises(PluginError) as error:
        statement_link(config("www.was.digst.dk/x"), OWN_PAGE)
    assert str(error.value) == (
        "mkdocs.yml: extra.accessibility_statement_url (ACCESSIBILITY_STATEMENT_URL):"
        " 'www.was.digst.dk/x' is not an https:// address — set ACCESSIBILITY_STATEMENT_URL to the"
        " statement's address in the WAS tool, https://www.was.digst.dk/<your-domain>, or unset it"
        " to link the site's own statement page"
    )
