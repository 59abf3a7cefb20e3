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
- A translation records the hash of the English page it follows
  (`source_hash`); the build writes `site/manifest.json`, every page it
  built, from which the browser tests take their pages.

Hooks pass their own tree's paths (`path=`, `docs=`): a copy of the tree
(tests/test_build.py) may import this module from another checkout.
"""
from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

import yaml

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
LABS = ROOT / "labs"
CONFIG = ROOT / "mkdocs.yml"
PENDING = ROOT / "translations" / "pending.yml"

MANIFEST = "manifest.json"
LAB_FOLDER = PurePosixPath("labs")
CELL = re.compile(r"^# %% (\S+)\n", re.MULTILINE)
INCLUDE = re.compile(r'^[ \t]*--8<-- "([^"]+)"[ \t]*$', re.MULTILINE)
# `## Title { #id }`: a heading's id, the same in every language.
HEADING_ID = r"\{ *#([\w-]+) *\}"
HEADING = re.compile(rf"^(#{{1,6}}) +(.*?)[ \t]*(?:{HEADING_ID})?[ \t]*$")
NOT_PROSE = [re.compile(p) for p in (
    r"`[^`]*`",                    # inline code
    r"!?\[(?=[^\]]*\]\()",          # the bracket that opens a link
    r"\]\([^)]*\)",                # link targets
    HEADING_ID,                    # heading ids
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

    @property
    def build_switch(self) -> str:
        """The variable its `build: !ENV [...]` in mkdocs.yml reads:
        DOCS_BUILD_SR_CYRL for sr-Cyrl."""
        return "DOCS_BUILD_" + re.sub(r"\W", "_", self.locale).upper()


YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's: faster


def read_yaml(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)


class _Loader(YAML_LOADER):
    """mkdocs.yml's tags (`!ENV [SITE_URL, ...]`) read as their default."""


_Loader.add_multi_constructor(
    "!", lambda loader, tag, node: (loader.construct_sequence(node)[-1]
                                    if isinstance(node, yaml.SequenceNode)
                                    else loader.construct_scalar(node)))


def config(path: Path = CONFIG) -> dict:
    return _config(path, path.stat().st_mtime_ns)


@functools.cache
def _config(path: Path, modified: int) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def i18n_options(path: Path = CONFIG) -> dict:
    for plugin in config(path)["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]
    raise LookupError(f"{path}: no i18n plugin under `plugins`")


def languages(path: Path = CONFIG) -> tuple[Language, ...]:
    return tuple(
        Language(entry["locale"], entry["name"], bool(entry.get("default")),
                 (entry.get("extra") or {}).get("generated_from"))
        for entry in i18n_options(path)["languages"])


def language(locale: str, path: Path = CONFIG) -> Language:
    for known in languages(path):
        if known.locale == locale:
            return known
    raise LookupError(f"{path} lists no language '{locale}' under the "
                      "i18n plugin's `languages`")


def default_language(path: Path = CONFIG) -> str:
    return next(lang.locale for lang in languages(path) if lang.default)


def written_languages(path: Path = CONFIG) -> list[str]:
    """Languages with pages of their own in docs/ (the default first)."""
    return [lang.locale for lang in languages(path) if not lang.generated_from]


def translated_languages(path: Path = CONFIG) -> list[str]:
    """Written languages other than the default."""
    return [locale for locale in written_languages(path)
            if locale != default_language(path)]


def all_languages(path: Path = CONFIG) -> list[str]:
    return [lang.locale for lang in languages(path)]


def generated_languages(path: Path = CONFIG) -> dict[str, str]:
    """{generated language: the language it is generated from}."""
    return {lang.locale: lang.generated_from for lang in languages(path)
            if lang.generated_from}


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


def nav_entries(nav: list | None) -> Iterator[tuple[str | None, object]]:
    """Every entry of a navigation, depth first: its title (None where the
    nav gives none) and its target (a page, a URL, or a section's list)."""
    for item in nav or []:
        title, target = (next(iter(item.items())) if isinstance(item, dict)
                         else (None, item))
        yield title, target
        if isinstance(target, list):
            yield from nav_entries(target)


# Pages a hook writes, which the navigation names too (hooks/glossary.py)
GENERATED_IN_NAV = {"glossary.md"}


def nav_pages(path: Path = CONFIG, nav: list | None = None
              ) -> list[PurePosixPath]:
    """The Markdown pages under docs/ the navigation (or a part of it)
    names, in its order."""
    return [PurePosixPath(target) for _, target in nav_entries(
                config(path).get("nav") if nav is None else nav)
            if isinstance(target, str) and target.endswith(".md")
            and target not in GENERATED_IN_NAV]


def page_of(src_uri: str, path: Path = CONFIG
            ) -> tuple[str, PurePosixPath] | None:
    """The language folder and the page of a file under docs/, as MkDocs
    names it (`File.src_uri`): 'pl/tensors/x.md' is ('pl', 'tensors/x.md').
    None for a file in no language folder (a page a hook generated)."""
    parts = PurePosixPath(src_uri).parts
    if len(parts) > 1 and parts[0] in all_languages(path):
        return parts[0], PurePosixPath(*parts[1:])
    return None


PageKind = Literal["landing", "topic", "lab", "generated"]


def page_kind(page: PurePosixPath | str) -> PageKind:
    """A lab; a chapter's landing page (a folder's index.md, or a page at
    the top of its language); or a topic page in a chapter's folder."""
    page = PurePosixPath(page)
    if lab_of(page):
        return "lab"
    if page.name == "index.md" or page.parent == PurePosixPath("."):
        return "landing"
    return "topic"


def labs(root: Path = LABS) -> list[str]:
    return sorted(p.parent.name for p in root.glob("*/code.py"))


def lab_prose(lab: str, locale: str, root: Path = LABS) -> Path:
    return root / lab / f"{locale}.md"


def lab_page(lab: str) -> PurePosixPath:
    """Where a lab's notebook goes in every language folder."""
    return LAB_FOLDER / f"{lab}.ipynb"


def lab_of(page: PurePosixPath | str) -> str | None:
    page = PurePosixPath(page)
    return page.stem if page == lab_page(page.stem) else None


def code_cells(path: Path) -> dict[str, str]:
    """The cells of a lab's code.py, by name (`# %% name` starts one)."""
    parts = CELL.split(path.read_text(encoding="utf-8"))
    return {name: body.strip("\n") for name, body in zip(parts[1::2],
                                                          parts[2::2])}


def source_hash(english: Path) -> str:
    """What a translation records of the English page it follows."""
    return hashlib.sha256(english.read_bytes()).hexdigest()[:12]


def pending(locale: str, path: Path = PENDING) -> set[str]:
    """Pages a language may lack for now (translations/pending.yml)."""
    listed = read_yaml(path) or {}
    return {str(PurePosixPath(page)) for page in listed.get(locale) or []}


TranslationState = Literal["current", "stale", "stale (accepted)"]


def translation_state(meta: dict, english: Path) -> TranslationState:
    """A translation is current while its `source_hash` is the English
    page's; a stale one may be accepted (`stale_accepted: <why>`)."""
    if meta.get("source_hash") == source_hash(english):
        return "current"
    return "stale (accepted)" if meta.get("stale_accepted") else "stale"


def front_matter_lines(lines: list[str]) -> int:
    """How many lines the front matter takes (0 without one)."""
    if lines[:1] != ["---"] or "---" not in lines[1:]:
        return 0
    return lines.index("---", 1) + 1


def split_front_matter(text: str) -> tuple[dict, str, int]:
    """(metadata, body, number of lines before the body)."""
    lines = text.split("\n")
    start = front_matter_lines(lines)
    if not start:
        return {}, text, 0
    meta = yaml.load("\n".join(lines[1:start - 1]), Loader=YAML_LOADER) or {}
    if not isinstance(meta, dict):
        raise ValueError("front matter is not a mapping")
    return meta, "\n".join(lines[start:]), start


def read_page(path: Path, text: str | None = None) -> tuple[dict, str, int]:
    """split_front_matter of a file (whose text may be given); bad front
    matter names the file."""
    try:
        return split_front_matter(
            path.read_text(encoding="utf-8") if text is None else text)
    except (yaml.YAMLError, ValueError) as error:
        raise ValueError(f"{path}: unreadable front matter ({error}); "
                         "write it as YAML between two '---' lines") from None


def front_matter(path: Path) -> dict:
    return read_page(path)[0]


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


def readable(lines: list[str]) -> tuple[int, str]:
    """The first line's number and the text after the front matter, line
    breaks kept, code blocks and includes blanked (inline code stays)."""
    start = front_matter_lines(lines)
    kept, fence = [], False
    for line in lines[start:]:
        if line.strip().startswith("```"):
            fence = not fence
            line = ""
        kept.append("" if fence or INCLUDE.match(line) else line)
    return start + 1, "\n".join(kept)


def blanked(text: str, pattern: re.Pattern) -> str:
    """Each match replaced by spaces, line breaks kept."""
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)


def prose_lines(lines: list[str]):
    """(line number, text) of what a reader reads: prose, tables, formulas;
    front matter, code (inline code too, across line breaks), includes,
    link targets, ids, addresses and HTML tags are blanked out."""
    first, text = readable(lines)
    text = text.replace("{,}", ",").replace("\\,", "\u2009")
    for pattern in NOT_PROSE:
        text = blanked(text, pattern)
    yield from enumerate(text.split("\n"), first)


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


@dataclass(frozen=True)
class BuiltPage:
    """One page of the built site, as site/manifest.json lists it."""
    language: str
    url: str                  # from the site's root: 'pl/tensors/'
    kind: PageKind
    source: str | None        # relative to its language folder: 'tensors.md'
    folder: str | None        # the docs/ folder it was read from ('en' for a
    #                           page not translated yet); None if generated
    english_only: bool = False  # a generated page shown in English only


def write_manifest(site: Path, built: list[BuiltPage]) -> None:
    """The pages, by language (in the configuration's order), then URL."""
    order = {locale: index for index, locale in enumerate(all_languages())}
    pages = sorted(built, key=lambda page: (order.get(page.language, -1),
                                            page.url))
    (site / MANIFEST).write_text(json.dumps(
        [asdict(page) for page in pages], ensure_ascii=False, indent=1)
        + "\n", encoding="utf-8")


def read_manifest(site: Path) -> list[BuiltPage]:
    path = site / MANIFEST
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: build the site first "
                                "(`make build`)")
    return [BuiltPage(**entry)
            for entry in json.loads(path.read_text(encoding="utf-8"))]


def chapters(path: Path = CONFIG) -> list[list[PurePosixPath]]:
    """The pages of each chapter, in reading order: a chapter is a section
    of the navigation (a landing page and its topic pages)."""
    found = []
    for entry in config(path).get("nav") or []:
        if listed := nav_pages(path, [entry]):
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
