"""Compile each Jinja template once per process instead of once per language build and rebuild.

MkDocs makes a new Jinja environment for the theme in every build, and
mkdocs-static-i18n runs one build per language, so Material's templates were
compiled again for each language and, under `mkdocs serve`, after every save:
about a fifth of a build of the real plan (bench/, issue 8). A bytecode cache
shared by those environments keeps the compiled code in memory. Jinja stores a
checksum of each template's source with its code and compiles again when the
source changed, so an edited template is never served stale.
"""

from __future__ import annotations

import jinja2


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates in a dict, keyed by Jinja's bucket key (template name and file)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

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


BYTECODE_CACHE = _MemoryBytecodeCache()


def share_compiled_templates(environment: jinja2.Environment) -> jinja2.Environment:
    """Make `environment` use the process's bytecode cache; return it."""
    environment.bytecode_cache = BYTECODE_CACHE
    return environment
