"""Register the site's non-page outputs (feeds, exports, press kits) as MkDocs files.

A file MkDocs knows about can be linked from Markdown and is checked by
`--strict` like any other link target. Two kinds are registered here, after
mkdocs-static-i18n has rebuilt the file list of the current language:

- content files: MkDocs writes their bytes to the site;
- self-written files: their source *is* their destination, which MkDocs takes
  to mean that a plugin writes them itself (`File.copy_file` ignores the
  `SameFileError`; docs-dev/stack-facts.md#mkdocs-self-written-files). Used for
  language-neutral files that the default language's build has already written
  (the JSON export and its schema).
"""

from __future__ import annotations

import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

GENERATED_BY = "plansite"


def absolute_url(config: MkDocsConfig, path: str) -> str:
    """A site path such as `en/presse/x/` as an absolute URL under `site_url`."""
    return posixpath.join(config.site_url or "/", path) if path else (config.site_url or "/")


def add_content_file(
    files: Files, config: MkDocsConfig, src_uri: str, dest_uri: str, content: str | bytes
) -> File:
    """A file MkDocs writes from `content`; Markdown links to `src_uri` lead to `dest_uri`."""
    file = File(src_uri, None, config.site_dir, config.use_directory_urls, dest_uri=dest_uri)
    file.generated_by = GENERATED_BY
    file.content_bytes = content.encode("utf-8") if isinstance(content, str) else content
    _replace(files, file)
    return file


def add_self_written_file(files: Files, config: MkDocsConfig, src_uri: str, dest_uri: str) -> File:
    """A file this project writes into the site itself; MkDocs only links to it."""
    file = File(src_uri, None, config.site_dir, config.use_directory_urls, dest_uri=dest_uri)
    file.generated_by = GENERATED_BY
    file.abs_src_path = file.abs_dest_path
    _replace(files, file)
    return file


def _replace(files: Files, file: File) -> None:
    existing = files.src_uris.get(file.src_uri)
    if existing is not None:
        files.remove(existing)
    files.append(file)
