"""Fixtures shared by the test folders: the real site, built once per session, and the real plan.

unit/     no site build (its conftest refuses the `site` fixture)
site/     tests that build a site in a subprocess and read what it wrote
browser/  the built site in Chromium
support/  helpers: paths, building (`build_site`), serving, `assert_no_problems`

`make test` runs the tests in two processes (pytest-xdist, one per CPU), a
test module at a time, so a module's fixtures are made once; the browser
tests all run in one process, which visits every page once for all of them.

This file's folder is on sys.path (pytest's rootdir-less conftest), so test
modules import the helpers as `support.…`.
"""

from __future__ import annotations

import pytest

from support.building import BuiltSite, build_site
from support.paths import DATA_DIR


BROWSER_FOLDER = "tests/browser/"


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """pytest-xdist's unit of work: the browser folder as one, every other test module as one.

    (xdist's own `loadgroup` marks do not reach its scheduler under pytest 9, whose
    node ids cannot be renamed; a scheduler of our own splits the work instead.)
    """
    from xdist.scheduler import LoadScopeScheduling

    class BrowserFolderOrModule(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return BROWSER_FOLDER if module.startswith(BROWSER_FOLDER) else module

    return BrowserFolderOrModule(config, log)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real plan, built once for the whole test session (site/ and browser/ share it)."""
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def series():
    """The real series' model, as the build loads it."""
    from plansite.data.validation import load_series

    return load_series(DATA_DIR)


@pytest.fixture(scope="session")
def plan(series):
    """The real root plan's model (2019-2021), as the build loads it."""
    return series.root_plan


@pytest.fixture(scope="module")
def strings():
    """The site's own texts in both languages."""
    from plansite.i18n.strings import load_strings

    return load_strings()
