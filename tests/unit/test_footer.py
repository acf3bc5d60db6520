"""The site footer's parts (plansite/site/footer.py): the accessibility statement's address, websites shown short."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

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
