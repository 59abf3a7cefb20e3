"""Build only some languages: the fast builds of tests/test_build.py and
`make bench`. Every language in mkdocs.yml reads whether it is built from
the environment, `build: !ENV [DOCS_BUILD_<LOCALE>, true]`, so a build of
some languages is the same mkdocs.yml with a few variables set."""
from pathlib import Path

import yaml
from docsite import model


class _Tagged(yaml.SafeLoader):
    """mkdocs.yml with its tags kept: `!ENV [A, true]` reads as
    ('!ENV', ['A', True])."""


_Tagged.add_multi_constructor(
    "!", lambda loader, tag, node: ("!" + tag, loader.construct_sequence(node)
                                    if isinstance(node, yaml.SequenceNode)
                                    else loader.construct_scalar(node)))


def check_switches(config: Path) -> None:
    """Every language's `build` reads its own variable, built by default."""
    plugins = yaml.load(config.read_text(encoding="utf-8"),
                        Loader=_Tagged)["plugins"]
    i18n = next(p["i18n"] for p in plugins if isinstance(p, dict)
                and "i18n" in p)
    for entry in i18n["languages"]:
        switch = model.language(entry["locale"], config).build_switch
        if entry.get("build") != ("!ENV", [switch, True]):
            raise ValueError(
                f"{config}: language '{entry['locale']}' has build: "
                f"{entry.get('build')!r}; write `build: !ENV [{switch}, "
                "true]` so that a build can leave it out")


def build_only(languages, config: Path = model.CONFIG) -> dict[str, str]:
    """The environment in which `mkdocs build` builds only `languages`."""
    known = model.all_languages(config)
    unknown = set(languages) - set(known)
    if unknown:
        raise ValueError(f"{config} has no languages {sorted(unknown)}")
    check_switches(config)
    return {model.language(locale, config).build_switch:
            "true" if locale in languages else "false" for locale in known}
