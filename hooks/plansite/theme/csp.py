"""The Content-Security-Policy of every page, with the hashes of its inline scripts.

GitHub Pages cannot send headers, so the policy is a `<meta http-equiv>` that
`overrides/main.html` renders early in `<head>` with `PLACEHOLDER` as content.
After a page is rendered (`on_post_page`, and `on_post_template` for the 404
page), `apply_policy` hashes the inline scripts that are actually in the HTML
and puts the policy in place of the placeholder. Scripts may only come from
the site itself or be one of those exact inline scripts: no `'unsafe-inline'`.
Styles only come from the site's stylesheets (Material sets styles from its
scripts through the CSSOM, which the policy allows); images also from `data:`,
because Material's icons are `data:` SVGs in its stylesheet (measured: without
it the browser tests report `img-src` violations at phone width).
"""

from __future__ import annotations

import base64
import hashlib
import re

from mkdocs.exceptions import PluginError

PLACEHOLDER = "plansite-content-security-policy"

# Script elements as the HTML tokenizer sees them: the text up to the first `</script`
# (script text cannot contain it) is taken verbatim. A regular expression instead of
# `html.parser`: parsing whole pages cost a fifth of the build time (measured with
# `make bench`; docs-dev/stack-facts.md#material-csp).
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script", re.IGNORECASE | re.DOTALL)
_SRC_ATTRIBUTE = re.compile(r"(?:^|\s)src(?:\s*=|\s|$)", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def inline_scripts(html: str) -> list[str]:
    """The source text of each inline `<script>`, as the browser hashes it.

    Data blocks (Material's `application/json` configuration) are included:
    browsers do not apply the policy to them, but the Nu Html Checker does.
    """
    html = _COMMENT.sub("", html) if "<!--" in html else html
    return [
        source
        for attributes, source in _SCRIPT.findall(html)
        if not _SRC_ATTRIBUTE.search(attributes)
    ]


def script_hash(source: str) -> str:
    """A CSP hash source: `'sha256-<base64 of the UTF-8 source's digest>'`."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def build_policy(html: str) -> str:
    """The policy for one rendered page."""
    hashes = sorted({script_hash(source) for source in inline_scripts(html)})
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *hashes],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def apply_policy(html: str, page_name: str) -> str:
    """Put the page's policy in place of the template's placeholder; refuse a page without one."""
    count = html.count(PLACEHOLDER)
    if count != 1:
        raise PluginError(
            f"{page_name}: found the Content-Security-Policy placeholder {count} times, "
            "expected once"
            " — the page's template must extend overrides/main.html and keep its site_meta block"
        )
    return html.replace(PLACEHOLDER, build_policy(html))
