"""Templates are compiled once per process, and again when their source or options change (plansite/templating.py)."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from plansite import templating


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates Jinja compiles from source, in order."""
    compiled: list[str] = []
    original = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    templating.BYTECODE_CACHE.clear()
    yield compiled
    templating.BYTECODE_CACHE.clear()


def _render_in_a_new_environment(folder: Path) -> str:
    """What each MkDocs build does: a fresh environment, then the template."""
    environment = templating.share_compiled_templates(jinja2.Environment(loader=jinja2.FileSystemLoader(folder)))
    return environment.get_template("page.html").render(title="x")


def test_a_second_build_with_the_same_template_does_not_compile_it_again(tmp_path: Path, compiles: list[str]):
    (tmp_path / "page.html").write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    assert _render_in_a_new_environment(tmp_path) == "<h1>x</h1>"
    assert _render_in_a_new_environment(tmp_path) == "<h1>x</h1>"
    assert compiles == ["page.html"]
    assert len(templating.BYTECODE_CACHE) == 1


def test_a_changed_template_is_compiled_again_and_its_new_text_is_used(tmp_path: Path, compiles: list[str]):
    template = tmp_path / "page.html"
    template.write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    assert _render_in_a_new_environment(tmp_path) == "<h1>x</h1>"
    template.write_text("<h2>{{ title }}</h2>", encoding="utf-8")
    assert _render_in_a_new_environment(tmp_path) == "<h2>x</h2>"
    assert compiles == ["page.html", "page.html"]


def test_templates_of_one_name_in_two_folders_are_kept_apart(tmp_path: Path, compiles: list[str]):
    for folder, text in (("theme", "theme {{ title }}"), ("overrides", "override {{ title }}")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "page.html").write_text(text, encoding="utf-8")
    assert _render_in_a_new_environment(tmp_path / "theme") == "theme x"
    assert _render_in_a_new_environment(tmp_path / "overrides") == "override x"
    assert _render_in_a_new_environment(tmp_path / "theme") == "theme x"
    assert compiles == ["page.html", "page.html"]


def test_one_template_under_two_sets_of_options_is_compiled_for_each(tmp_path: Path, compiles: list[str]):
    (tmp_path / "page.html").write_text("{{ title }}\n", encoding="utf-8")
    for _ in range(2):
        for autoescape in (True, False):
            environment = templating.template_environment(tmp_path, autoescape=autoescape)
            assert environment.get_template("page.html").render(title="<x>") == ("&lt;x&gt;\n" if autoescape else "<x>\n")
    assert compiles == ["page.html", "page.html"]


def test_a_project_environment_trims_block_lines_applies_its_filters_and_refuses_undefined_values(tmp_path: Path):
    (tmp_path / "page.txt").write_text("  {% if true %}\n{{ title | shout }}\n  {% endif %}\n", encoding="utf-8")
    environment = templating.template_environment(tmp_path, autoescape=False, filters={"shout": lambda text: f"{text}!"})
    assert environment.get_template("page.txt").render(title="x") == "x!\n"
    with pytest.raises(jinja2.UndefinedError):
        environment.get_template("page.txt").render()


def test_a_project_environment_drops_the_final_newline_only_when_told(tmp_path: Path):
    (tmp_path / "page.txt").write_text("{{ title }}\n", encoding="utf-8")
    kept = templating.template_environment(tmp_path, autoescape=False)
    dropped = templating.template_environment(tmp_path, autoescape=False, keep_trailing_newline=False)
    assert kept.get_template("page.txt").render(title="x") == "x\n"
    assert dropped.get_template("page.txt").render(title="x") == "x"
