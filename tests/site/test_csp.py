"""The Content-Security-Policy: hashes computed from the rendered page, and the policy on every built page."""

from __future__ import annotations

import base64
import hashlib

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from plansite.theme import csp


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for directive in policy.split(";"):
        name, *sources = directive.split()
        parsed[name] = sources
    return parsed


def test_a_script_hash_is_the_one_of_the_csp_specification_example():
    # https://www.w3.org/TR/CSP3/#grammardef-hash-source
    assert csp.script_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_inline_scripts_are_taken_verbatim_and_scripts_with_src_are_not():
    html = '<head><script>a &amp;&amp; b</script><script src="x.js"></script><script type="application/json">{"a": "</p>"}</script></head>'
    assert csp.inline_scripts(html) == ["a &amp;&amp; b", '{"a": "</p>"}']


def test_the_policy_allows_exactly_the_page_s_scripts_and_never_unsafe_inline():
    page = '<meta content="' + csp.PLACEHOLDER + '"><script>one()</script><script>two()</script><script>one()</script>'
    policy = directives(csp.build_policy(page))
    assert policy["script-src"] == ["'self'", *sorted({csp.script_hash("one()"), csp.script_hash("two()")})]
    assert policy["default-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]


def test_a_page_without_the_placeholder_stops_the_build():
    with pytest.raises(PluginError) as error:
        csp.apply_policy("<html><head></head></html>", "x.md")
    assert str(error.value) == (
        "x.md: found the Content-Security-Policy placeholder 0 times, expected once"
        " — the page's template must extend overrides/main.html and keep its site_meta block"
    )


def _independent_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


def test_every_built_page_has_a_policy_with_the_hashes_of_its_inline_scripts(site):
    for path in site.html_files():
        name = path.relative_to(site.root).as_posix()
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        metas = page.select('meta[http-equiv="Content-Security-Policy"]')
        assert len(metas) == 1, name
        policy = directives(metas[0]["content"])
        inline = {_independent_hash(script.string or "") for script in page.find_all("script") if not script.get("src")}
        assert len(inline) >= 2, name
        assert set(policy["script-src"]) == {"'self'", *inline}, name
        assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"], name
        assert {"default-src", "object-src", "base-uri", "form-action"} <= set(policy), name


def test_the_policy_comes_before_every_script_and_stylesheet(site):
    for path in site.html_files():
        head = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").head
        elements = head.find_all(["meta", "script", "link", "style"])
        first_resource = next(index for index, element in enumerate(elements) if element.name in ("script", "style") or "stylesheet" in element.get("rel", []))
        policy = next(index for index, element in enumerate(elements) if element.get("http-equiv") == "Content-Security-Policy")
        assert policy < first_resource, path
