"""The project's Jinja environments, and one cache of compiled templates for every environment.

`template_environment` makes the environment of a folder of the project's own
templates (pages, feed, press kit, print): strict about undefined values,
trimmed blocks, and compiled once per process.

MkDocs makes a new Jinja environment for the theme in every build, and
mkdocs-static-i18n runs one build per language, so Material's templates were
compiled again for each language and, under `mkdocs serve`, after every save:
about a fifth of a build of the real plan, measured with `make bench`
(docs-dev/stack-facts.md#theme-environments). A bytecode cache
shared by those environments keeps the compiled code in memory. Jinja stores a
checksum of each template's source with its code and compiles again when the
source changed, so an edited template is never served stale. The compiled code
also depends on the environment's options (autoescape, white space), so they
are part of the key: one file compiled under two sets of options is two entries.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates in a dict, by template name, file and compile options."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> jinja2.bccache.Bucket:
        """Jinja's bucket for a template, by its name, its file and what it is compiled with."""
        key = f"{self.get_cache_key(name, filename)}:{_compile_options(environment, name)}"
        bucket = jinja2.bccache.Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # ignored by Jinja when the source's checksum differs

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()

    def __len__(self) -> int:
        return len(self._code)


# The options of an environment that change the code a template compiles to.
_COMPILE_OPTIONS = (
    "block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
    "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
    "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline",
    "optimized", "is_async",
)  # fmt: skip


def _compile_options(environment: jinja2.Environment, name: str) -> str:
    """What a template named `name` is compiled with in `environment`, as a key."""
    autoescape = environment.autoescape
    options = [getattr(environment, option) for option in _COMPILE_OPTIONS]
    extensions = sorted(environment.extensions)
    finalize = environment.finalize is not None
    return repr(
        (autoescape(name) if callable(autoescape) else autoescape, options, extensions, finalize)
    )


BYTECODE_CACHE = _MemoryBytecodeCache()


def share_compiled_templates(environment: jinja2.Environment) -> jinja2.Environment:
    """Make `environment` use the process's bytecode cache; return it."""
    environment.bytecode_cache = BYTECODE_CACHE
    return environment


def template_environment(
    folder: Path,
    *,
    autoescape: bool,
    keep_trailing_newline: bool = True,
    filters: Mapping[str, Callable[..., Any]] | None = None,
) -> jinja2.Environment:
    """The environment of the project's templates in `folder`: strict, trimmed, shared cache."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=keep_trailing_newline,
        bytecode_cache=BYTECODE_CACHE,
    )
    environment.filters.update(filters or {})
    return environment
