"""A build of some languages (tests/test_build.py, `make bench`) is
mkdocs.yml with a few variables set: MkDocs then builds only those."""
import pytest

from docsite import model
from site_config import build_only


def built_languages(config):
    """Which languages MkDocs would build, as it reads mkdocs.yml."""
    from mkdocs.utils.yaml import yaml_load

    with config.open(encoding="utf-8") as source:
        plugins = yaml_load(source)["plugins"]
    i18n = next(p["i18n"] for p in plugins if isinstance(p, dict)
                and "i18n" in p)
    return {entry["locale"] for entry in i18n["languages"] if entry["build"]}


def test_a_build_of_some_languages_builds_only_those(monkeypatch):
    assert built_languages(model.CONFIG) == set(
        model.all_languages())
    for name, value in build_only(["en", "sr-Cyrl"]).items():
        monkeypatch.setenv(name, value)
    assert built_languages(model.CONFIG) == {"en", "sr-Cyrl"}


def test_a_language_without_its_switch_is_named(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(model.CONFIG.read_text(encoding="utf-8").replace(
        "build: !ENV [DOCS_BUILD_DE, true]", "build: true"), encoding="utf-8")
    with pytest.raises(ValueError, match=r"language 'de' has build: True; "
                       r"write `build: !ENV \[DOCS_BUILD_DE, true\]`"):
        build_only(["en"], config)


def test_an_unknown_language_is_named():
    with pytest.raises(ValueError, match=r"no languages \['xx'\]"):
        build_only(["en", "xx"])
