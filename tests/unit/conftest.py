"""Fixtures of the unit tests: small inputs, no site build (`pytest tests/unit` takes seconds)."""

from __future__ import annotations

import pytest

from support.paths import MINIMAL


@pytest.fixture(scope="session")
def site():
    """Unit tests build no site: this replaces the session's built site for this folder."""
    pytest.fail("a unit test asked for the built site: move it to tests/site/", pytrace=False)


@pytest.fixture(scope="module")
def minimal_plan():
    """The model of the small fixture plan (tests/fixtures/minimal.yaml)."""
    from plansite.data.validation import load_plan

    return load_plan(MINIMAL)
