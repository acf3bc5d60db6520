"""The package keeps its stages: each module imports only from its own stage and the stages before it."""

from __future__ import annotations

import ast
from pathlib import Path

import plansite
from support.paths import PROJECT_DIR

PACKAGE_DIR = PROJECT_DIR / "hooks" / "plansite"


def stage_of(module: str) -> str:
    """`plansite.data.loading` → `data`; `plansite.settings` → `settings`."""
    return module.split(".")[1]


def imported_modules(path: Path) -> set[str]:
    """The plansite modules (and packages) a source file imports, including inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("plansite"):
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                relative = Path(*candidate.split(".")[1:])
                is_module = (PACKAGE_DIR / relative).with_suffix(".py").is_file() or (PACKAGE_DIR / relative).is_dir()
                found.add(candidate if is_module else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("plansite."))
    return {module for module in found if module != "plansite"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_every_module_belongs_to_a_stage_of_the_map():
    stages = {stage_of(module_name(path)) for path in PACKAGE_DIR.rglob("*.py") if path.name != "__init__.py" or path.parent != PACKAGE_DIR}
    assert stages <= set(plansite.STAGES), sorted(stages - set(plansite.STAGES))


def test_no_stage_imports_a_later_stage():
    order = {stage: index for index, stage in enumerate(plansite.STAGES)}
    backwards = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        if path == PACKAGE_DIR / "__init__.py":
            continue
        importer = module_name(path)
        for imported in sorted(imported_modules(path)):
            if order[stage_of(imported)] > order[stage_of(importer)]:
                backwards.append(f"{importer} imports {imported}")
    assert not backwards, "\n".join(backwards)


def test_the_check_sees_a_backward_import(tmp_path):
    module = tmp_path / "example.py"
    module.write_text("from plansite.build import Builds\nfrom plansite.data import model\n", encoding="utf-8")
    assert imported_modules(module) == {"plansite.build", "plansite.data.model"}
