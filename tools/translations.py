"""Compare every translated page with its English original.

`python tools/translations.py` prints every problem (the tests run the same
checks) of every page, subfolders included, and every lab;
`python tools/translations.py --stamp docs/pl/tensors.md` records that a
translation is up to date with the English page at the same path.
"""
from __future__ import annotations

import ast
import atexit
import functools
import hashlib
import inspect
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from docsite import english, exercises, model
from docsite.labs import english_outputs, write_atomically
from docsite.model import HEADING, INCLUDE, code_cells, source_hash

from stated_numbers import (check_english, check_translation, chapter_of,
                            shown_by)

ROOT = model.ROOT

DOCS, LABS = model.DOCS, model.LABS
DEFAULT = model.default_language()
TRANSLATIONS = model.translated_languages()
# Lingua cannot tell Latin-script Serbian from Croatian or Bosnian.
ACCEPTED_LANGUAGES = {"en": {"ENGLISH"}, "pl": {"POLISH"}, "de": {"GERMAN"},
                      "sr": {"SERBIAN", "CROATIAN", "BOSNIAN"},
                      "zh": {"CHINESE"}}
RESIDUE = re.compile(
    r"copy code|\w+Copy code|i'?m sorry|i am sorry|i apologi[sz]e|"
    r"i cannot|i can't|i'm unable|as an ai|as a language model|"
    r"lorem ipsum|\bTODO\b|\bTBD\b|\bFIXME\b|\[translate|translation:|"
    r"<translated|\bXXX\b|przepraszam|nie mogę przetłumaczyć|es tut mir leid|"
    r"izvinite|ne mogu da prevedem|抱歉|对不起|作为一个?AI|无法翻译",
    re.IGNORECASE)
LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(([^)\s]+)\)")
HTML_TAG = re.compile(r"<(/?[A-Za-z][\w-]*)[^>]*>")
INLINE_CODE = re.compile(r"`[^`]*`")
INLINE_MATH = re.compile(r"\$[^$\n]+\$")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
IDENTIFIER = re.compile(r"\S*\.\S+|\S+_\S*|\S+\(\)")


@dataclass
class Problem:
    path: Path
    line: int
    reason: str
    stale: bool = False

    def __str__(self):
        return f"{shown(self.path)}:{self.line}: {self.reason}"


def shown(path: Path):
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


@dataclass
class Page:
    path: Path
    meta: dict = field(default_factory=dict)
    includes: list = field(default_factory=list)
    headings: list = field(default_factory=list)
    fences: list = field(default_factory=list)
    math_blocks: int = 0
    admonitions: int = 0
    links: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    paragraphs: list = field(default_factory=list)

    @property
    def ids(self):
        return [h[2] for h in self.headings]


def markup_of(line):
    """A line without its inline code and formulas: its links and tags."""
    return INLINE_MATH.sub(" ", INLINE_CODE.sub(" ", line))


def parse(path: Path) -> Page:
    """A page's parts; parsed once for each text (the checker reads a page
    again for every link to it, and the tests check many copies)."""
    return parsed(path, path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1024)
def parsed(path: Path, text: str) -> Page:
    meta, _, start = model.read_page(path, text)
    lines = text.split("\n")
    prose = dict(model.prose_lines(lines))
    page = Page(path, meta)
    fence = math = None
    paragraph = []  # (line number, markup, prose) of each line

    def close_paragraph():
        if paragraph:
            markup = " ".join(m for _, m, _ in paragraph)
            page.links += [(paragraph[0][0], m[2])
                           for m in LINK.finditer(markup)]
            page.paragraphs.append((paragraph[0][0],
                                    " ".join(t for _, _, t in paragraph)))
            paragraph.clear()

    for number, line in enumerate(lines[start:], start + 1):
        stripped = line.strip()
        if fence is not None:
            if stripped == "```":
                page.fences.append(fence)
                fence = None
            else:
                fence[2].append(line)
                if INCLUDE.match(stripped):
                    page.includes.append((number, stripped))
            continue
        if math is not None:
            math = None if stripped == "$$" else math
            continue
        if stripped.startswith("```"):
            close_paragraph()
            fence = (number, stripped[3:], [])
            continue
        if stripped == "$$":
            close_paragraph()
            page.math_blocks += 1
            math = number
            continue
        if not stripped:
            close_paragraph()
            continue
        markup = markup_of(line)
        page.tags += [(number, m[1].lower())
                      for m in HTML_TAG.finditer(markup)]
        if heading := HEADING.match(stripped):
            close_paragraph()
            page.headings.append((number, heading[2], heading[3]))
            page.paragraphs.append((number, heading[2]))
            continue
        if stripped.startswith("!!!"):
            close_paragraph()
            page.admonitions += 1
            title = re.search(r'"(.*)"', stripped)
            if title:
                page.paragraphs.append((number, title[1]))
            continue
        if stripped.startswith("|") and set(stripped) <= set("|-: "):
            continue
        text = re.sub(r"^\s*(?:[-*] |\d+\. |:\s+|\|)", "",
                      INLINE_MATH.sub(" ", prose[number]))
        paragraph.append((number, markup, text.replace("|", " ")))
    close_paragraph()
    if fence is not None:
        page.fences.append(fence)
    return page


@functools.cache
def detector(candidates: frozenset = frozenset()):
    """Without candidates, every language lingua knows, not only ours (a
    paragraph in a sixth language must not pass as the nearest of the
    five), by its quick trigram models; with candidates, those languages'
    full models, which cost about a second to load where all of them cost
    eight (once in every test worker)."""
    from lingua import Language, LanguageDetectorBuilder

    if not candidates:
        return (LanguageDetectorBuilder.from_all_languages()
                .with_low_accuracy_mode().build())
    return LanguageDetectorBuilder.from_languages(*(
        language for language in Language.all()
        if language.name in candidates)).build()


def detect(text: str, accepted: frozenset) -> str | None:
    """The language text reads as, where that is not one of accepted
    (lingua names); None where it reads as ours. The quick models pick the
    candidates, and the full models decide wherever the quick ones do not
    find our language."""
    def verdict(values):
        ours = sum(v.value for v in values if v.language.name in accepted)
        top = values[0].language.name if values else None
        # Latin Serbian shares its vote with Croatian and Bosnian, and a
        # short one can tip to Slovene: ours together must then win.
        if top not in accepted and ours < 0.5:
            return (top or "no known language").title()
        return None

    quick = detector().compute_language_confidence_values(text)
    if verdict(quick) is None:
        return None
    candidates = frozenset(accepted | {v.language.name for v in quick[:5]})
    return verdict(detector(candidates).compute_language_confidence_values(
        text))


class Verdicts:
    """detect()'s answers, kept in .cache/ between runs by the text, the
    accepted languages, lingua's version and the code that decides: every
    paragraph costs a few milliseconds, and each test worker and each run
    would ask again for the same ones."""

    def __init__(self):
        from importlib.metadata import version

        code = inspect.getsource(detect) + inspect.getsource(detector)
        self.salt = hashlib.sha256(
            f"{version('lingua-language-detector')}\0{code}".encode()
        ).hexdigest()[:16]
        self.path = ROOT / ".cache" / "translations" / "verdicts.json"
        self.known = self.stored()
        self.new = {}

    def stored(self) -> dict:
        """The verdicts on disk for this salt (another salt's are stale)."""
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return stored.get(self.salt, {})

    def get(self, text, accepted):
        key = hashlib.sha256(
            f"{sorted(accepted)}\0{text}".encode()).hexdigest()[:24]
        if key not in self.known:
            if not self.new:
                atexit.register(self.save)
            self.known[key] = self.new[key] = detect(text, accepted) or ""
        return self.known[key] or None

    def save(self):
        """Merged with what other workers saved meanwhile."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(self.path, json.dumps(
            {self.salt: {**self.stored(), **self.new}}))


@functools.cache
def verdicts() -> Verdicts:
    return Verdicts()


def reads_as(text: str, accepted: frozenset) -> str | None:
    return verdicts().get(text, accepted)


# What lingua cannot tell from the page's language, told by what only the
# neighbour writes: Serbian pages are ekavian Serbian, where Croatian and
# Bosnian write "primjer", "vrijeme", "tko", "točka", "računalo" (lingua
# counts the three as one); Chinese pages are simplified, where Traditional
# Chinese writes 這, 們, 學, 數 (lingua counts both as Chinese).
NATIVE_NAMES = {"sr": "ekavian Serbian", "zh": "simplified Chinese"}
NEIGHBOUR_WORDS = {"sr": ("Croatian or Bosnian", re.compile(
    r"\b(?:primjer|vrijednost|vrijem|mjest|rješen|rješav|točk|tko\b|tisuć|"
    r"znanost|uvjet|pogrešk|računal|stupac|stupc|sveučiliš|obitelj|dijel|"
    r"cijel|bilješk|lijev|prijevod|promjen|mjer|vjerojatn|sljedeć)\w*",
    re.IGNORECASE))}
NEIGHBOUR_CHARACTERS = {"zh": ("Traditional Chinese", re.compile(
    "[這們個學數據與為對應計經網絡層權損張圖裡說會時來麼還讓實現開關係後從當點"
    "變輸測試價給單簡體類務結構產頁標題線將訓練參優樣載並區發換請導總環節際處隨"
    "讀寫種內兩無縮進錯誤記憶]"))}


def neighbour_in(text: str, language: str) -> str | None:
    """The closest neighbour of the language that text shows, if any."""
    for rules in (NEIGHBOUR_WORDS, NEIGHBOUR_CHARACTERS):
        if language in rules:
            name, pattern = rules[language]
            if found := pattern.search(text):
                return f"{name} ('{found[0]}')"
    return None


def accepted_languages(language) -> set[str]:
    if language not in ACCEPTED_LANGUAGES:
        sys.exit(f"tools/translations.py: no ACCEPTED_LANGUAGES entry for "
                 f"'{language}': add the lingua names its pages may read as")
    return ACCEPTED_LANGUAGES[language]


def words_in(text):
    return re.findall(r"[^\W\d_]{2,}", text)


def long_enough(text, language):
    if language == "zh":
        return len(re.findall(r"[\u4e00-\u9fff]", text)) >= 8
    return len(words_in(text)) >= 6


GLOSSARY = ROOT / "translations" / "glossary"
GLOSSARY_FIELDS = ("term", "use", "definition")


@functools.cache
def glossary(language, folder=GLOSSARY):
    path = folder / f"{language}.yml"
    if not path.exists():
        return {}
    return model.read_yaml(path) or {}


def uses(lower: str, stems, language) -> str | None:
    """The first stem a text in lower case uses: at the start of a word
    (any text, in Chinese, which has no spaces between words)."""
    for stem in stems or []:
        if stem_pattern(stem, language).search(lower):
            return stem
    return None


@functools.cache
def stem_pattern(stem: str, language: str) -> re.Pattern:
    """A stem as a pattern: the start of a word ("form$": the whole word);
    in Chinese, which has no spaces, anywhere. The look-behind follows
    the stem, so that re scans for the stem as a literal (30 times faster
    than a look-behind before it)."""
    whole = stem.endswith("$")
    core = re.escape(stem.lower().rstrip("$"))
    if language == "zh":
        return re.compile(core)
    return re.compile(rf"{core}(?<!\w{core})" + (r"(?!\w)" if whole
                                                  else ""))


def avoided(lower: str, rule) -> list[str]:
    """The words to avoid that a text in lower case has."""
    return [avoid for avoid in rule.get("avoid") or []
            if avoid.lower() in lower]


def avoided_line(path: Path, avoid: str) -> int:
    """The first line of a file that has a word to avoid."""
    for number, line in enumerate(path.read_text(encoding="utf-8").split(
            "\n"), 1):
        if avoid.lower() in line.lower():
            return number
    return 1


def check_glossary(language, folder=GLOSSARY) -> list[Problem]:
    """translations/glossary/<language>.yml: every English entry, with the
    term as the language writes it, its stems and a one-sentence
    definition that reads in the language."""
    path, theirs = folder / f"{language}.yml", glossary(DEFAULT, folder)
    if not path.exists():
        return [Problem(path, 0, f"missing: translate {shown(folder)}/"
                        f"{DEFAULT}.yml")]
    entries = glossary(language, folder)
    problems = []
    if set(entries) != set(theirs):
        problems.append(Problem(
            path, 1, f"entries differ from {DEFAULT}.yml: missing "
            f"{few(sorted(set(theirs) - set(entries)))}, extra "
            f"{few(sorted(set(entries) - set(theirs)))}"))
    for key, entry in entries.items():
        line = line_of(path, f"{key}:")
        missing = [f for f in GLOSSARY_FIELDS if not (entry or {}).get(f)]
        if missing:
            problems.append(Problem(path, line, f"{key}: no {missing}"))
            continue
        definition = str(entry["definition"])
        if language == DEFAULT:
            continue
        words = IDENTIFIER.sub(" ", INLINE_CODE.sub(" ", definition))
        for run in english.english_runs(words, language):
            problems.append(Problem(path, line, f"{key}: the definition "
                                    f"has English: {run!r}"))
        if neighbour := neighbour_in(words, language):
            problems.append(Problem(path, line, f"{key}: the definition "
                                    f"writes {neighbour}"))
        if long_enough(words, language):
            found = reads_as(words, frozenset(accepted_languages(language)))
            if found:
                problems.append(Problem(path, line, f"{key}: the definition "
                                        f"reads as {found}: translate it"))
    return problems


def english_pages(docs=DOCS) -> list[PurePosixPath]:
    """Every English page, subfolders included, as a path relative to
    docs/en/: the pages every translation must follow."""
    return model.pages(DEFAULT, docs)


def check_links(page, language, docs, where):
    problems = []
    for number, target in page.links:
        if re.match(r"^[a-z]+:", target):
            if not target.startswith("https://"):
                problems.append(Problem(page.path, number,
                                        f"external link {target}: link to "
                                        "other sites over https only"))
            continue
        name, _, anchor = target.partition("#")
        linked = page.path if not name else Path(os.path.normpath(where / name))
        if linked.suffix == ".ipynb":
            if not model.lab_prose(linked.stem, language, LABS).exists():
                problems.append(Problem(page.path, number,
                                        f"link to {target}: there is no "
                                        f"labs/{linked.stem}/{language}.md"))
            continue
        folder = docs / language
        if (name and not linked.exists() and language != DEFAULT
                and linked.is_relative_to(folder)):
            relative = linked.relative_to(folder)
            if relative.as_posix() in model.pending(language):
                linked = docs / DEFAULT / relative
        if not linked.exists():
            problems.append(Problem(page.path, number,
                                    f"link to {target}: no such page in "
                                    f"docs/{language}/"))
        elif anchor and anchor not in parse(linked).ids:
            problems.append(Problem(page.path, number,
                                    f"link to {target}: {shown(linked)} has "
                                    f"no heading with id '{anchor}'"))
    return problems


def included(target):
    path, _, cell = target.partition(":")
    if cell:
        return code_cells(ROOT / path)[cell]
    return (ROOT / path).read_text(encoding="utf-8")


def check_page(page, language, docs=DOCS, where=None):
    problems = check_links(page, language, docs, where or page.path.parent)
    for number, title, heading_id in page.headings:
        if heading_id is None:
            problems.append(Problem(page.path, number,
                                    f"heading '{title}' has no explicit id: "
                                    "add {{ #some-id }} (the English id)"))
    for number, text in page.paragraphs:
        if RESIDUE.search(text):
            problems.append(Problem(
                page.path, number,
                f"machine-translation residue "
                f"'{RESIDUE.search(text)[0]}': rewrite this passage"))
        if language in model.generated_languages().values() and \
                CYRILLIC.search(text):
            problems.append(Problem(page.path, number,
                                    "Cyrillic letters on a Serbian (Latin "
                                    "script) page: transliterate them"))
        words = IDENTIFIER.sub(" ", text)
        if neighbour := neighbour_in(words, language):
            problems.append(Problem(
                page.path, number, f"this paragraph writes {neighbour}, not "
                f"the page's language '{language}': write it as "
                f"{NATIVE_NAMES[language]} does"))
        if long_enough(words, language):
            found = reads_as(words, frozenset(accepted_languages(language)))
            if found:
                problems.append(Problem(
                    page.path, number,
                    f"this paragraph reads as {found}, not the page's "
                    f"language '{language}': translate it"))
    problems += number_formats(page, language)
    for number, info, code in page.fences:
        if info.split()[:1] != ["python"]:
            continue
        source = "\n".join(included(INCLUDE.match(l.strip())[1])
                            if INCLUDE.match(l.strip()) else l for l in code)
        if error := syntax_error(source):
            problems.append(Problem(page.path, number,
                                    f"python block does not parse: {error}"))
    return problems


@functools.cache
def syntax_error(source: str) -> str | None:
    try:
        ast.parse(source)
    except SyntaxError as error:
        return str(error)
    return None


# Further reading lists works by their original titles, which no
# translation translates: its English words ask for no glossary term.
TITLES_OF_WORKS = "further-reading"


def glossary_prose(page):
    """The page's paragraphs, in lower case, but for titles of works."""
    starts = [(number, heading_id) for number, _, heading_id in page.headings]

    def section(line):
        return next((heading_id for number, heading_id in reversed(starts)
                     if number <= line), None)
    return " ".join(text for line, text in page.paragraphs
                    if section(line) != TITLES_OF_WORKS).lower()


def compare(page, english, language):
    problems = []

    def differ(what, mine, theirs, fix):
        if mine != theirs:
            problems.append(Problem(page.path, 1, f"{what} differ from "
                                    f"{shown(english.path)}: {mine!r} "
                                    f"vs English {theirs!r}; {fix}"))

    mine = [i for _, i in page.includes]
    theirs = [i for _, i in english.includes]
    for index, (a, b) in enumerate(zip(mine + [None] * len(theirs),
                                       theirs + [None] * len(mine))):
        if a != b:
            line = page.includes[index][0] if index < len(mine) else 1
            problems.append(Problem(
                page.path, line,
                f"include #{index + 1} is {a!r} but English has {b!r}: "
                "every language includes the same snippets in the same "
                "order"))
            break
    differ("heading ids", page.ids, english.ids,
           "keep the English { #id } on every heading")
    differ("code block counts", len(page.fences), len(english.fences),
           "keep every code block")
    differ("math block counts", page.math_blocks, english.math_blocks,
           "keep every $$ block")
    differ("admonition counts", page.admonitions, english.admonitions,
           "keep every !!! block")
    differ("link targets", [t for _, t in page.links],
           [t for _, t in english.links],
           "link to the same pages and anchors as English")
    english_tags = {t for _, t in english.tags}
    for number, tag in page.tags:
        if tag not in english_tags or tag in ("script", "/script"):
            problems.append(Problem(page.path, number,
                                    f"raw HTML <{tag}> that the English page "
                                    "does not have: remove it"))
    english_titles = {t for _, t, _ in english.headings}
    for number, title, _ in page.headings:
        if title in english_titles and len(title.split()) > 1:
            problems.append(Problem(page.path, number,
                                    f"heading '{title}' is still in English: "
                                    "translate it"))
    english_prose = glossary_prose(english)
    prose = glossary_prose(page)
    plot_texts = [str(v) for v in (page.meta.get("plot_text") or {}).values()]
    prose_and_plots = "\n".join([prose] + plot_texts).lower()
    terms = glossary(DEFAULT)
    for term, rule in glossary(language).items():
        if not isinstance(rule, dict):
            continue
        if uses(english_prose, (terms.get(term) or {}).get("use"), DEFAULT) \
                and not uses(prose, rule.get("use"), language):
            problems.append(Problem(
                page.path, 1,
                f"glossary: English uses '{term}' but this page has none of "
                f"{rule.get('use')}: use the glossary term"))
        for avoid in avoided(prose_and_plots, rule):
            problems.append(Problem(
                page.path, avoided_line(page.path, avoid),
                f"glossary: '{avoid}' is not how we translate '{term}'; "
                f"use {rule.get('use')}"))
    if page.meta.get("plot_text", {}).keys() != english.meta.get(
            "plot_text", {}).keys():
        problems.append(Problem(page.path, 1,
                                "plot_text keys differ from English: "
                                "translate the values, keep the keys"))
    if model.translation_state(page.meta, english.path) == "stale":
        problems.append(Problem(
            page.path, 1,
            f"stale: {shown(english.path)} changed since this "
            f"translation (source_hash {page.meta.get('source_hash')} != "
            f"{source_hash(english.path)}); update the translation, then run "
            f"`.venv/bin/python tools/translations.py --stamp "
            f"{shown(page.path)}`", stale=True))
    return problems


def english_statements(path, root, shown):
    """The numbers and results an English page or lab states that nothing
    it shows prints; cited facts are listed under its path from root."""
    key = path.relative_to(root).as_posix()
    return [Problem(path, line, reason)
            for line, reason in check_english(path, key, shown)]


def check_language(language, docs=DOCS):
    return [problem for name in english_pages(docs)
            for problem in check_translated_page(language, name, docs)]


def check_translated_page(language, name, docs=DOCS):
    """Problems of one page in one language (English: its own checks)."""
    english = parse(docs / DEFAULT / name)
    if language == DEFAULT:
        return check_page(english, DEFAULT, docs) + english_statements(
            english.path, docs,
            shown_by(chapter_of(english.path, docs / DEFAULT)))
    path = docs / language / name
    if not path.exists():
        if name.as_posix() in model.pending(language):
            return []
        return [Problem(
            path, 0, f"missing: translate docs/{DEFAULT}/{name}, or "
            f"list it under '{language}' in translations/pending.yml")]
    page = parse(path)
    return (check_page(page, language, docs)
            + compare(page, english, language)
            + english_in_page(page, language)
            + [Problem(path, line, reason) for line, reason in
               check_translation(path, english.path, language)])


# What a translation keeps in English on purpose, marked as English: a cited
# title or a term in parentheses, *weight tying*{ lang=en }, or a link.
MARKED_ENGLISH = re.compile(r"!?\[[^\]]*\]\([^)]*\)\{[ \t]*lang=en[ \t]*\}"
                            r"|\*[^*]+?\*\{[ \t]*lang=en[ \t]*\}")
# Formulas and the options of blocks hold no words of prose.
NOT_WORDS = [re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$", re.DOTALL),
             re.compile(r"^[ \t]*(?:/{3}.*|type:.*|!!!\s*\w+)$", re.MULTILINE)]
KEEP_IN_ENGLISH = ("translate it, or, for a cited title or a term kept in "
                   "English on purpose, mark it: *{run}*{{ lang=en }}")


def blank(match) -> str:
    return re.sub(r"[^\n]", " ", match[0])


def english_in_page(page, language) -> list[Problem]:
    """Runs of English words in a translated page's prose, plot texts
    included (docsite/english.py), with their lines."""
    if language == DEFAULT:
        return []
    text = MARKED_ENGLISH.sub(blank, page.path.read_text(encoding="utf-8"))
    numbered = list(model.prose_lines(text.split("\n")))
    prose = "\n".join(line for _, line in numbered)
    for pattern in NOT_WORDS:
        prose = pattern.sub(blank, prose)
    lines = [(number, line) for (number, _), line in
             zip(numbered, prose.split("\n"))]
    problems = [Problem(page.path, line, f"English in a '{language}' page: "
                        f"{run!r}; " + KEEP_IN_ENGLISH.format(run=run))
                for line, run in english.english_in_lines(lines, language)]
    for key, value in (page.meta.get("plot_text") or {}).items():
        for run in english.english_runs(INLINE_CODE.sub(" ", str(value)),
                                        language, whole=True):
            problems.append(Problem(page.path, line_of(page.path, value),
                                    f"plot_text {key} is English: {run!r}; "
                                    "translate it"))
    return problems


# How numbers are written (CONTRIBUTING.md, "Numbers"): e-notation only as
# code, as Python prints it, or as math; in languages with a decimal comma,
# decimals in a list are kept apart by semicolons.
E_NOTATION = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?e[+-]?\d+")
DECIMAL_COMMA = {"pl", "de", "sr"}
DECIMALS_BY_COMMAS = re.compile(r"(?<![\d,])\d+,\d+, +[-−]?\d+(?:,\d+)?")


def number_formats(page, language) -> list[Problem]:
    """Numbers written in a way the language's readers would misread."""
    text = page.path.read_text(encoding="utf-8")
    numbered = list(model.prose_lines(text.split("\n")))
    prose = "\n".join(line for _, line in numbered)
    prose = NOT_WORDS[0].sub(blank, prose)  # formulas write numbers their way
    problems = []
    for (number, _), line in zip(numbered, prose.split("\n")):
        for found in E_NOTATION.finditer(line):
            problems.append(Problem(
                page.path, number, f"{found[0]} in prose: write e-notation "
                "as code, as Python prints it (`3.3895e+38`), or as math "
                "with the language's decimal mark ($3{,}3895 \\cdot 10^{38}$)"))
        if language in DECIMAL_COMMA:
            for found in DECIMALS_BY_COMMAS.finditer(line):
                problems.append(Problem(
                    page.path, number, f"'{found[0]}': with a decimal comma, "
                    "keep decimals in a list apart by semicolons "
                    "(0,25; 0,5 i 1,5)"))
    return problems


def line_of(path: Path, text) -> int:
    """The first line of a file that holds text (or its first words)."""
    needle = " ".join(str(text).split()[:3])
    for number, line in enumerate(path.read_text(encoding="utf-8").split(
            "\n"), 1):
        if needle in line:
            return number
    return 1


def check_labs(language, labs=LABS):
    return [problem for lab in model.labs(labs)
            for problem in check_translated_lab(language, lab, labs)]


def check_translated_lab(language, lab, labs=LABS):
    english = parse(model.lab_prose(lab, DEFAULT, labs))
    where = DOCS / language / model.lab_page(lab).parent
    if language == DEFAULT:
        return check_page(english, DEFAULT, DOCS, where) + english_statements(
            english.path, labs.parent,
            shown_by([english.path], english_outputs(labs / lab)))
    path = model.lab_prose(lab, language, labs)
    if not path.exists():
        return [Problem(path, 0, f"missing: translate "
                        f"labs/{lab}/{DEFAULT}.md")]
    page = parse(path)
    return (check_page(page, language, DOCS, where)
            + compare(page, english, language)
            + english_in_page(page, language)
            + [Problem(path, line, reason) for line, reason in
               check_translation(path, english.path, language)])


FIGURE_TEXTS = ROOT / "translations" / "figures"
PLACEHOLDER = re.compile(r"\{[a-z]+\}")
INTEGER = re.compile(r"(?<![\w.,])\d+(?![.,]\d|\w)")
DECIMAL = re.compile(r"(?<![\w.,])(\d+)([.,])(\d+)(?![.,]\d|\w)")
UI_KEYS = {"checking", "starter", "check", "reference"}


def spans(text: str) -> dict[str, list[str]]:
    """What a hint must keep from English: its code, placeholders, integers
    (shapes and sizes) and fractions (0.25 and 0,25 alike; a whole "1.0"
    may be a word, "eine Eins")."""
    code = INLINE_CODE.findall(text)
    rest = INLINE_CODE.sub(" ", text)
    return {"code": sorted(code), "placeholders": sorted(
        PLACEHOLDER.findall(rest)), "integers": sorted(INTEGER.findall(rest)),
        "fractions": sorted(f"{found[1]}.{found[3]}" for found in
                            DECIMAL.finditer(rest) if found[3].strip("0"))}


def wrong_decimal_marks(text: str, language) -> list[str]:
    """Decimals in prose written with the other language's mark."""
    mark = "," if language in DECIMAL_COMMA else "."
    return [found[0] for found in DECIMAL.finditer(INLINE_CODE.sub(" ", text))
            if found[2] != mark]


def few(keys: list[str], shown: int = 5) -> str:
    if len(keys) <= shown:
        return str(keys)
    return f"{keys[:shown]} and {len(keys) - shown} more"


def check_hints(language, folder=exercises.HINTS):
    """translations/hints/<language>.yml: the texts the exercises' checks
    print, checked like page text."""
    path = exercises.hints_file(language, folder)
    english_path = exercises.hints_file(DEFAULT, folder)
    try:
        hints = exercises.read_hints(language, folder)
        english = exercises.read_hints(DEFAULT, folder)
    except exercises.ExerciseError as error:
        return [Problem(path, 0, str(error))]
    problems = []
    texts, theirs = exercises.flat(hints), exercises.flat(english)
    texts.pop("source_hash", None)
    if language == DEFAULT:
        try:
            exercises.texts_for(english, exercises.exercises())
        except exercises.ExerciseError as error:
            problems.append(Problem(path, 1, str(error)))
        if set(english.get("ui") or {}) != UI_KEYS:
            problems.append(Problem(path, 1, f"ui must hold {sorted(UI_KEYS)}"))
        return problems
    for key, text in texts.items():
        prose = INLINE_CODE.sub(" ", str(text)).lower()
        for term, rule in glossary(language).items():
            for avoid in avoided(prose, rule or {}):
                problems.append(Problem(
                    path, avoided_line(path, avoid), f"{key}: glossary: "
                    f"'{avoid}' is not how we translate '{term}'; use "
                    f"{rule.get('use')}"))
    return problems + compare_strings(
        path, english_path, language, texts | {
            f"ui/{k}": v for k, v in (hints.get("ui") or {}).items()},
        theirs | {f"ui/{k}": v for k, v in (english.get("ui") or {}).items()},
        hints.get("source_hash"))


def compare_strings(path, english_path, language, texts, theirs, stamped):
    """A translated file of strings (hints, figure texts) against English:
    the same keys, each keeping English's code, placeholders and integers,
    reading in its language; not stale."""
    problems = []
    if set(texts) != set(theirs):
        missing = sorted(set(theirs) - set(texts))
        extra = sorted(set(texts) - set(theirs))
        problems.append(Problem(path, 1, f"keys differ from {shown(english_path)}: "
                                f"missing {few(missing)}, extra {few(extra)}; "
                                "translate every English text under the same "
                                "key"))
    for key in sorted(set(texts) & set(theirs)):
        if spans(texts[key]) != spans(theirs[key]):
            problems.append(Problem(
                path, 1, f"{key}: keeps {spans(texts[key])} but English has "
                f"{spans(theirs[key])}; keep code in backticks, placeholders "
                "and numbers as English has them"))
        for number in wrong_decimal_marks(texts[key], language):
            problems.append(Problem(
                path, line_of(path, texts[key]), f"{key}: write {number} as "
                f"{number.translate(str.maketrans('.,', ',.'))}, with the "
                f"decimal mark of '{language}' (CONTRIBUTING.md, \"Numbers\")"))
        words = IDENTIFIER.sub(" ", INLINE_CODE.sub(" ", texts[key]))
        if neighbour := neighbour_in(words, language):
            problems.append(Problem(path, line_of(path, texts[key]),
                                    f"{key} writes {neighbour}, not "
                                    f"'{language}'"))
        if long_enough(words, language) or long_enough(words, DEFAULT):
            found = reads_as(words, frozenset(accepted_languages(language)))
            if found:
                problems.append(Problem(
                    path, 1, f"{key} reads as {found}, not '{language}': "
                    "translate it"))
        if RESIDUE.search(texts[key]):
            problems.append(Problem(path, 1, f"{key}: machine-translation "
                                    "residue: rewrite it"))
        for run in english.english_runs(INLINE_CODE.sub(" ", texts[key]),
                                        language, whole=True):
            problems.append(Problem(path, line_of(path, texts[key]), f"{key}: "
                                    f"English in '{language}': {run!r}; "
                                    "translate it"))
    if stamped != source_hash(english_path):
        problems.append(Problem(
            path, 1, f"stale: {shown(english_path)} changed since this "
            f"translation (source_hash {stamped} != "
            f"{source_hash(english_path)}); update the translation, then run "
            f"`.venv/bin/python tools/translations.py --stamp "
            f"{shown(path)}`", stale=True))
    return problems


def check_figure_texts(language, folder=FIGURE_TEXTS):
    """translations/figures/<language>.yml: the labels inside the figures,
    one set per figure of figures/."""
    path, english_path = folder / f"{language}.yml", folder / f"{DEFAULT}.yml"
    if not path.exists():
        return [Problem(path, 0, f"missing: translate {shown(english_path)}")]
    data = model.read_yaml(path) or {}
    english = model.read_yaml(english_path) or {}
    figures = {p.stem for p in (ROOT / "figures").glob("*.py")}
    if language == DEFAULT:
        return [Problem(path, 1, f"no texts for figures/{name}.py")
                for name in sorted(figures - set(english))]
    return compare_strings(path, english_path, language, exercises.flat(
        {k: v for k, v in data.items() if k != "source_hash"}),
        exercises.flat(english), data.get("source_hash"))


def english_of(path: Path, docs: Path = DOCS, labs: Path = LABS) -> Path:
    """The English page (same path under docs/en/), lab prose or hints
    that a translation follows."""
    if path.parent in (exercises.HINTS, FIGURE_TEXTS):
        english = path.parent / f"{DEFAULT}.yml"
    elif path.is_relative_to(labs):
        english = model.lab_prose(path.parent.name, DEFAULT, labs)
    else:
        found = (model.page_of(path.relative_to(docs).as_posix())
                 if path.is_relative_to(docs) else None)
        if found is None or found[0] not in TRANSLATIONS:
            sys.exit(f"{shown(path)} is not a translation: stamp "
                     f"docs/<language>/<page>.md (one of {TRANSLATIONS}) "
                     "or labs/<lab>/<language>.md")
        english = docs / DEFAULT / found[1]
    if not english.exists():
        sys.exit(f"{shown(path)}: there is no {shown(english)} to follow; "
                 "translate an English page at the same path")
    return english


def stamp(path: Path, docs: Path = DOCS, labs: Path = LABS):
    english = english_of(path, docs, labs)
    text = path.read_text(encoding="utf-8")
    line = f"source_hash: {source_hash(english)}"
    text, count = re.subn(r"^source_hash: .*$", line, text, count=1,
                          flags=re.MULTILINE)
    if not count and path.suffix == ".yml":
        text = f"{line}\n{text}"
    elif not count and model.front_matter_lines(text.split("\n")):
        text = text.replace("---\n", f"---\n{line}\n", 1)
    elif not count:
        text = f"---\n{line}\n---\n\n{text}"
    path.write_text(text, encoding="utf-8")
    print(f"{path}: {line}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--stamp"]:
        for argument in sys.argv[2:]:
            stamp(Path(argument).resolve())
        sys.exit(0)
    found = [p for language in model.written_languages()
             for p in check_language(language) + check_labs(language)
             + check_hints(language) + check_figure_texts(language)
             + check_glossary(language)]
    print("\n".join(map(str, found)) or "all translations are consistent")
    sys.exit(1 if found else 0)
