"""Draw the figures of figures/ in every language.

A figure is figures/<name>.py with `data()`, the numbers it shows (computed
with torch), and `draw(values, text, plt)`, the matplotlib figure, labelled
with `text`: its strings in one language (translations/figures/<lang>.yml;
sr-Cyrl: sr's, transliterated). A page shows it as an image of
`assets/figures/<name>.svg`, with its alternative text and caption in the
page's language; this hook points that image at the page language's
drawing, `assets/figures/<lang>/<name>.svg`. The drawings are made beside
the build, by this file run as a script in a process forked by
docsite.kernels (which has imported torch and matplotlib), and copied into
the site after the last language; a drawing is made again only when its
figure, its texts or this file change.
"""
import hashlib
import json
import re
import runpy
import sys
from pathlib import Path

from docsite import model
from drawn_later import Drawing
from serbian_cyrillic import in_language
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[1]
FIGURES = ROOT / "figures"
TEXTS = ROOT / "translations" / "figures"
OUT = ROOT / ".cache" / "generated" / "figures"
SHOWN = re.compile(r"(\]\((?:\.\./)*assets/figures/)([\w-]+\.svg\))")
DRAWING = Drawing(__file__)


def names() -> list[str]:
    return sorted(path.stem for path in FIGURES.glob("*.py"))


def written_texts(locale: str) -> dict:
    path = TEXTS / f"{locale}.yml"
    if not path.exists():
        raise PluginError(f"{path.relative_to(ROOT)} is missing: translate "
                          "translations/figures/en.yml")
    found = model.read_yaml(path) or {}
    found.pop("source_hash", None)
    return found


def texts(locale: str) -> dict:
    """A language's figure strings (sr-Cyrl: sr's, transliterated)."""
    return in_language(locale, written_texts)


def drawing(locale: str, name: str) -> Path:
    return OUT / shown_as(locale, name)


def shown_as(locale: str, name: str) -> str:
    return f"assets/figures/{locale}/{name}.svg"


def key(locale: str, name: str) -> str:
    from importlib.metadata import version

    text = json.dumps([(FIGURES / f"{name}.py").read_text(encoding="utf-8"),
                       Path(__file__).read_text(encoding="utf-8"),
                       texts(locale).get(name), version("torch"),
                       version("matplotlib")])
    return hashlib.sha256(text.encode()).hexdigest()


def is_drawn(locale: str, name: str) -> bool:
    target = drawing(locale, name)
    stamp = target.with_name(f"{target.name}.key")
    return target.exists() and stamp.exists() and \
        stamp.read_text(encoding="utf-8") == key(locale, name)


def figure_of(name: str, locale: str, values=None):
    """The matplotlib figure of `name` in one language (and the values
    it shows, computed once for all languages)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"font.family": ["DejaVu Sans", "Noto Sans CJK SC"],
                         "svg.fonttype": "none", "svg.hashsalt": name,
                         "figure.facecolor": "white",
                         "axes.facecolor": "white"})
    module = runpy.run_path(str(FIGURES / f"{name}.py"))
    values = module["data"]() if values is None else values
    strings = texts(locale).get(name)
    if not strings:
        raise PluginError(f"translations/figures/{locale}.yml has no texts "
                          f"for figures/{name}.py")
    return module["draw"](values, strings, plt), values


def draw(pairs: list[str]):
    """Draw `<locale>:<name>` pairs, each figure's values computed once."""
    import matplotlib.pyplot as plt

    values = {}
    for pair in pairs:
        locale, name = pair.split(":")
        figure, values[name] = figure_of(name, locale, values.get(name))
        target = drawing(locale, name)
        target.parent.mkdir(parents=True, exist_ok=True)
        figure.savefig(target, format="svg", bbox_inches="tight",
                       metadata={"Date": None})
        plt.close(figure)
        target.with_name(f"{target.name}.key").write_text(
            key(locale, name), encoding="utf-8")


def on_pre_build(config):
    if config.plugins["i18n"].current_language != model.default_language():
        return
    stale = [f"{locale}:{name}" for locale in model.all_languages()
             for name in names() if not is_drawn(locale, name)]
    if stale:
        DRAWING.start(*stale)


def on_files(files, config):
    locale = config.plugins["i18n"].current_language
    for name in names():
        files.append(DRAWING.file(shown_as(locale, name), OUT, config))
    return files


def on_page_markdown(markdown, page, config, files):
    locale = config.plugins["i18n"].current_language
    return SHOWN.sub(lambda m: f"{m[1]}{locale}/{m[2]}", markdown)


@event_priority(-100)
def on_post_build(config):
    """Once the last language is built (mkdocs-static-i18n builds the other
    languages in its own on_post_build, `building` while it does)."""
    if config.plugins["i18n"].building:
        return
    DRAWING.finish()


if __name__ == "__main__":
    try:
        draw(sys.argv[1:])
    except PluginError as error:
        sys.exit(str(error))
