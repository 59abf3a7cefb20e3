"""One model of the site, shared by hooks, tools and tests.

- Languages come from mkdocs.yml (the i18n plugin's list). A language whose
  `extra.generated_from` names another is generated from it at build time
  (sr-Cyrl from sr) and has no folder of its own.
- Pages are every `*.md` under `docs/<language>/`, recursively, as paths
  relative to that folder (`tensors/broadcasting.md`); labs are the folders
  of `labs/` that hold a `code.py`, with prose in `labs/<lab>/<language>.md`.
- Markdown is read here: front matter, includes, heading ids, and prose
  (what a reader reads: not front matter, code, includes, link targets,
  heading ids, addresses or HTML tags).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
LABS = ROOT / "labs"
CONFIG = ROOT / "mkdocs.yml"

INCLUDE = re.compile(r'^[ \t]*--8<-- "([^"]+)"[ \t]*$', re.MULTILINE)
HEADING = re.compile(r"^(#{1,6}) +(.*?)[ \t]*(?:\{ *#([\w-]+) *\})?[ \t]*$")
NOT_PROSE = [re.compile(p) for p in (
    r"`[^`]*`",                    # inline code
    r"\]\([^)]*\)",                # link targets
    r"\{ *#[\w-]+ *\}",            # heading ids
    r"https?://\S+",               # addresses
    r"<[^>]+>",                    # HTML tags and their attributes
    r"\\(?:mathbb|operatorname|text)\{[^}]*\}",
)]


@dataclass(frozen=True)
class Language:
    locale: str
    name: str
    default: bool
    generated_from: str | None

    @property
    def folder(self) -> Path:
        """Where its pages are written (a generated language's source)."""
        return DOCS / (self.generated_from or self.locale)

    @property
    def url_prefix(self) -> str:
        """'' for the default language, 'pl/' for Polish."""
        return "" if self.default else f"{self.locale}/"


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's tags (`!ENV [SITE_URL, ...]`) read as their default."""


_Loader.add_multi_constructor(
    "!", lambda loader, tag, node: (loader.construct_sequence(node)[-1]
                                    if isinstance(node, yaml.SequenceNode)
                                    else loader.construct_scalar(node)))


@functools.cache
def config(path: Path = CONFIG) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def i18n_options(path: Path = CONFIG) -> dict:
    for plugin in config(path)["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]
    raise LookupError(f"{path}: no i18n plugin under `plugins`")


@functools.cache
def languages(path: Path = CONFIG) -> tuple[Language, ...]:
    return tuple(
        Language(entry["locale"], entry["name"], bool(entry.get("default")),
                 (entry.get("extra") or {}).get("generated_from"))
        for entry in i18n_options(path)["languages"])


def language(locale: str) -> Language:
    for known in languages():
        if known.locale == locale:
            return known
    raise LookupError(f"mkdocs.yml lists no language '{locale}'")


def default_language() -> str:
    return next(lang.locale for lang in languages() if lang.default)


def written_languages() -> list[str]:
    """Languages with pages of their own in docs/ (the default first)."""
    return [lang.locale for lang in languages() if not lang.generated_from]


def translated_languages() -> list[str]:
    """Written languages other than the default."""
    return [locale for locale in written_languages()
            if locale != default_language()]


def all_languages() -> list[str]:
    return [lang.locale for lang in languages()]


def pages(locale: str | None = None, docs: Path = DOCS) -> list[PurePosixPath]:
    """Every page of a language, relative to its folder, recursively."""
    folder = docs / (locale or default_language())
    return sorted(PurePosixPath(p.relative_to(folder).as_posix())
                  for p in folder.rglob("*.md"))


def page_url(page: PurePosixPath | str) -> str:
    """The URL of a page relative to its language root: 'tensors/' for
    tensors/index.md, 'tensors/broadcasting/' for tensors/broadcasting.md."""
    page = PurePosixPath(page)
    parts = page.with_suffix("").parts
    if parts[-1] == "index":
        parts = parts[:-1]
    return "".join(f"{part}/" for part in parts)


def labs(root: Path = LABS) -> list[str]:
    return sorted(p.parent.name for p in root.glob("*/code.py"))


def lab_prose(lab: str, locale: str, root: Path = LABS) -> Path:
    return root / lab / f"{locale}.md"


def split_front_matter(text: str) -> tuple[dict, str, int]:
    """(metadata, body, number of lines before the body)."""
    lines = text.split("\n")
    if lines[0] != "---" or "---" not in lines[1:]:
        return {}, text, 0
    end = lines.index("---", 1)
    meta = yaml.safe_load("\n".join(lines[1:end])) or {}
    if not isinstance(meta, dict):
        raise ValueError("front matter is not a mapping")
    return meta, "\n".join(lines[end + 1:]), end + 1


def front_matter(path: Path) -> dict:
    try:
        return split_front_matter(path.read_text(encoding="utf-8"))[0]
    except (yaml.YAMLError, ValueError) as error:
        raise ValueError(f"{path}: unreadable front matter ({error}); "
                         "write it as YAML between two '---' lines") from None


def includes(text: str) -> list[str]:
    """The files a page includes, in order (`--8<-- "path"`)."""
    return INCLUDE.findall(text)


def headings(text: str) -> list[tuple[int, int, str, str | None]]:
    """(line number, level, title, id) of each heading outside code."""
    found, fence = [], False
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip().startswith("```"):
            fence = not fence
        elif not fence and (match := HEADING.match(line.strip())):
            found.append((number, len(match[1]), match[2], match[3]))
    return found


def heading_ids(text: str) -> list[str]:
    return [heading_id for *_, heading_id in headings(text) if heading_id]


def prose_lines(lines: list[str]):
    """(line number, text) of what a reader reads: prose, tables, formulas;
    front matter, code (inline code too, across line breaks), includes,
    link targets, ids, addresses and HTML tags are blanked out."""
    start = lines.index("---", 1) + 1 if lines[:1] == ["---"] else 0
    kept, fence = [], False
    for number, line in enumerate(lines[start:], start + 1):
        if line.strip().startswith("```"):
            fence = not fence
            line = ""
        kept.append((number, "" if fence or INCLUDE.match(line) else line))
    text = "\n".join(line for _, line in kept)
    text = text.replace("{,}", ",").replace("\\,", "\u2009")
    for pattern in NOT_PROSE:
        text = pattern.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)
    for (number, _), line in zip(kept, text.split("\n")):
        yield number, line


def prose_words(text: str) -> int:
    """Words of prose; each Chinese character counts as a word's half."""
    prose = "\n".join(line for _, line in prose_lines(text.split("\n")))
    prose = re.sub(r"\$\$.*?\$\$|\$[^$\n]+\$", " ", prose, flags=re.DOTALL)
    prose = re.sub(r"^[ \t]*(?:/{3}.*|[ \t]*type:.*|!!!.*)$", " ", prose,
                   flags=re.MULTILINE)
    chinese = len(re.findall(r"[\u4e00-\u9fff]", prose))
    latin = len(re.findall(r"[^\W\d_][\w'’-]*", re.sub(
        r"[\u4e00-\u9fff]", " ", prose)))
    return latin + chinese // 2


def chapters(path: Path = CONFIG) -> list[list[PurePosixPath]]:
    """The pages of each chapter, in reading order: a chapter is a section
    of the navigation (a landing page and its topic pages)."""
    def pages_in(entries):
        for entry in entries:
            if isinstance(entry, str):
                yield entry
            elif isinstance(entry, dict):
                for value in entry.values():
                    yield from (pages_in(value) if isinstance(value, list)
                                else [value])

    found = []
    for entry in config(path)["nav"]:
        listed = [PurePosixPath(p) for p in pages_in([entry])
                  if p.endswith(".md")]
        if listed:
            found.append(listed)
    return found


def chapter_of(page: PurePosixPath | str) -> list[PurePosixPath]:
    """The pages of the chapter that holds `page` (relative to its
    language folder); a page in no chapter is a chapter of its own."""
    page = PurePosixPath(page)
    for chapter in chapters():
        if page in chapter:
            return chapter
    return [page]
