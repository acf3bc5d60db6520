"""One search index per language: Danish readers get Danish results, English readers English ones.

mkdocs-static-i18n collects the entries of every language build and writes
them into one `search/search_index.json` at the end of the default language's
build (docs-dev/stack-facts.md#static-i18n-search). Once that is written, this
module splits it: the default language keeps `search/search_index.json`, and each other language
gets `<language>/search/search_index.json` with its locations relative to its
own folder and its own `lang`. English pages are pointed at their index by
`overrides/main.html` (block `config`: Material fetches
`search/search_index.json` relative to `base`, so English pages get the base
`…/en/`).

A page of a plan shows, in its result, which plan it belongs to: its title in
the index gets the plan's short title and years (`plan_labels`).

The query pipeline stays Material's default for each language (stop words, no
stemmer): with a stemmer, Material's trailing `*` on every query term makes
whole-word queries miss (docs-dev/stack-facts.md#static-i18n-search).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

INDEX_PATH = "search/search_index.json"


def split_by_language(
    index: dict[str, Any], language_roots: dict[str, str]
) -> dict[str, dict[str, Any]]:
    """Split a merged index by language; `language_roots` maps `en` → `en/`, the default → ``."""
    prefixes = sorted(
        ((root, language) for language, root in language_roots.items()),
        key=lambda item: len(item[0]),
        reverse=True,
    )
    documents: dict[str, list[dict[str, Any]]] = {language: [] for language in language_roots}
    for document in index["docs"]:
        root, language = next(
            (root, language) for root, language in prefixes if document["location"].startswith(root)
        )
        documents[language].append(
            {**document, "location": document["location"].removeprefix(root)}
        )
    return {
        language: {
            **index,
            "config": {**index["config"], "lang": [language]},
            "docs": documents[language],
        }
        for language in language_roots
    }


def label_plan_pages(index: dict[str, Any], plan_labels: dict[str, str]) -> dict[str, Any]:
    """The index of one language with each plan page's title followed by its plan's label.

    `plan_labels` maps a plan's folder (`2026-2029/`) to its label in the index's
    language. Only whole pages are labelled: their sections are shown under them.
    """
    documents = []
    for document in index["docs"]:
        location = document["location"]
        folder = location.split("/", 1)[0] + "/"
        if folder in plan_labels and "#" not in location:
            document = {**document, "title": f"{document['title']} – {plan_labels[folder]}"}
        documents.append(document)
    return {**index, "docs": documents}


def write_language_indexes(
    site_dir: str, language_roots: dict[str, str], plan_labels: dict[str, dict[str, str]]
) -> dict[str, int]:
    """Replace the merged index in `site_dir` by one per language; return their sizes in bytes.

    `plan_labels` gives, per language, each plan folder's label (`label_plan_pages`).
    """
    merged_path = Path(site_dir) / INDEX_PATH
    if not merged_path.is_file():
        return {}
    indexes = {
        language: label_plan_pages(index, plan_labels.get(language, {}))
        for language, index in split_by_language(
            json.loads(merged_path.read_text(encoding="utf-8")), language_roots
        ).items()
    }
    sizes = {}
    for language, index in indexes.items():
        path = Path(site_dir) / language_roots[language] / INDEX_PATH
        path.parent.mkdir(parents=True, exist_ok=True)
        content = json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        path.write_bytes(content)
        sizes[language] = len(content)
    return sizes
