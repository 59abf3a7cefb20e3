"""The shared template cache never serves a template's old compiled code."""
import jinja2

from template_cache import InMemoryBytecode


def render(cache, folder, source):
    (folder / "page.html").write_text(source, encoding="utf-8")
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(folder),
                                     bytecode_cache=cache)
    return environment.get_template("page.html").render(name="x")


def test_a_second_environment_reuses_the_compiled_template(tmp_path):
    cache = InMemoryBytecode()
    assert render(cache, tmp_path, "a {{ name }}") == "a x"
    assert len(cache.compiled) == 1
    assert render(cache, tmp_path, "a {{ name }}") == "a x"
    assert len(cache.compiled) == 1


def test_an_edited_template_is_compiled_anew(tmp_path):
    cache = InMemoryBytecode()
    assert render(cache, tmp_path, "a {{ name }}") == "a x"
    assert render(cache, tmp_path, "b {{ name }}") == "b x"
