"""The Nu Html Checker (vnu.jar, pinned in package-lock.json) finds nothing on any built page.

The pages are checked over HTTP from the served site, as a browser gets them,
so that `'self'` in each page's Content-Security-Policy means the site (over
`file:` the checker warns about every stylesheet). One run checks every page
and one page made invalid on purpose, which proves the run reports errors.
vnu refuses loopback addresses unless told otherwise (a server-side guard).
"""

from __future__ import annotations

import json
import subprocess
from collections import defaultdict

import pytest

from support.paths import PROJECT_DIR
from support.problems import assert_no_problems

VNU = PROJECT_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
INVALID_PAGE = "index.html"  # tests/browser/canary/: duplicate id, image without alt


@pytest.fixture(scope="module")
def vnu_messages(served_site, canary_site, page_paths) -> dict[str, list[dict]]:
    """Every message of one vnu run, by URL (JSON on stderr); the exit status only says whether there were errors."""
    urls = [served_site.url(path) for path in page_paths] + [canary_site.url(INVALID_PAGE)]
    result = subprocess.run(
        ["java", "-Dnu.validator.servlet.allow-forbidden-hosts=true", "-jar", str(VNU), "--format", "json", *urls],
        capture_output=True, text=True, timeout=300,
    )
    messages: dict[str, list[dict]] = defaultdict(list)
    for message in json.loads(result.stderr)["messages"]:
        messages[message.get("url", "")].append(message)
    return messages


def _describe(message: dict) -> str:
    return f"{message['url']}:{message.get('lastLine', '?')}: {message['type']} {message.get('subType', '')}: {message['message']}\n    {message.get('extract', '').strip()}"


def test_vnu_reports_the_errors_of_a_page_made_invalid(vnu_messages, canary_site):
    errors = [message["message"] for message in vnu_messages[canary_site.url(INVALID_PAGE)] if message["type"] == "error"]
    assert any("Duplicate ID" in error for error in errors), errors
    assert any("alt" in error for error in errors), errors


def test_no_built_page_has_an_error_or_a_warning(vnu_messages, served_site):
    own = [message for url, messages in vnu_messages.items() if url.startswith(served_site.base_url) or not url for message in messages]
    assert_no_problems(map(_describe, own), "vnu messages")
