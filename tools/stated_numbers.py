"""Numbers cannot drift.

- Every number an English page states in its prose, tables and formulas
  appears in a snippet or an output that page includes (results are
  printed, inputs are in the code), or is a cited fact listed with its
  source in translations/cited-numbers.yml.
- Every translation states, section by section (sections are matched by
  their heading ids), the same numbers as English, written in its own
  language's format (translations/glossary/<lang>.yml, `numbers:`).
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CITED = ROOT / "translations" / "cited-numbers.yml"
INCLUDE = re.compile(r'^\s*--8<-- "([^"]+)"\s*$')
HEADING_ID = re.compile(r"^#{1,6} .*\{ *#([\w-]+) *\}\s*$")
NOT_PROSE = [re.compile(p) for p in (
    r"`[^`]*`",                    # inline code
    r"\]\([^)]*\)",                # link targets
    r"\{ *#[\w-]+ *\}",            # heading ids
    r"https?://\S+",               # addresses
    r"<[^>]+>",                    # HTML tags and their attributes
    r"\\(?:mathbb|operatorname|text)\{[^}]*\}",
)]
# Thousands separator and decimal mark of each language's prose.
FORMATS = {"en": (",", "."), "zh": (",", "."), "pl": (" ", ","),
           "sr": (" ", ","), "de": (".", ",")}
SPACES = "[ \u00a0\u202f\u2009]"
# Words that scale the number before them: "124 million" is 124,000,000,
# and so are "124 mln", "124 Millionen" and "1.24 亿".
MAGNITUDES = {
    "en": {r"thousand": 3, r"million": 6, r"billion": 9},
    "pl": {r"tys\.?|tysi[ąę]c\w*": 3, r"mln|milion\w*": 6,
           r"mld|miliard\w*": 9},
    "de": {r"Tausend": 3, r"Mio\.|Million\w*": 6, r"Mrd\.|Milliard\w*": 9},
    "sr": {r"hiljad\w*": 3, r"milion\w*": 6, r"milijard\w*": 9},
    "zh": {r"万": 4, r"百万": 6, r"亿": 8},
}


def number_pattern(language):
    thousands, decimal = FORMATS[language]
    group = SPACES if thousands == " " else re.escape(thousands)
    if language == "de":
        group = f"(?:\\.|{SPACES[:-1]}])"
    mark = re.escape(decimal)
    return re.compile(
        rf"(?<![\w.,\-\u00a0\u202f]){'-?'}(?:\d{{1,3}}(?:{group}\d{{3}})+"
        rf"|\d+)(?:{mark}\d+)?(?![\w]|{mark}\d)")


def scaled(value: str, after: str, language: str) -> str:
    """The value times the magnitude word right after it, if any."""
    for word, power in MAGNITUDES[language].items():
        if re.match(rf"[ \u00a0\u202f\u2009-]?(?:{word})(?![a-zA-Z])", after):
            total = Decimal(value) * 10 ** power
            return format(total.normalize(), "f").rstrip(".")
    return value


def canonical(text, language):
    thousands, decimal = FORMATS[language]
    text = re.sub(SPACES, "", text).lstrip("-")
    if thousands != " ":
        text = text.replace(thousands, "")
    text = text.replace(decimal, ".")
    if "." in text:  # 0.4000 states the same value as 0.4
        text = text.rstrip("0").rstrip(".")
    return text


def prose_lines(lines: list[str]):
    """(line number, text) of what a reader reads: prose, tables, formulas;
    not front matter, code (inline code too, across line breaks),
    includes or link targets."""
    start = lines.index("---", 1) + 1 if lines[0] == "---" else 0
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


def verbatim_pattern():
    """Version and section numbers, written with a point in every language
    (translations/cited-numbers.yml, `verbatim`)."""
    numbers = sorted(map(str, cited("verbatim") or []), key=len, reverse=True)
    if not numbers:
        return None
    return re.compile(r"(?<![\w.,])(?:" + "|".join(map(re.escape, numbers))
                      + r")(?![\w]|[.,]\d)")


def numbers_in(path: Path, language: str):
    """(line, number as written, canonical value, section id) in order."""
    pattern = number_pattern(language)
    verbatim = verbatim_pattern()
    section = None
    raw = path.read_text(encoding="utf-8").split("\n")
    for number, text in prose_lines(raw):
        if heading := HEADING_ID.match(raw[number - 1].strip()):
            section = heading[1]
        if verbatim and language != "en":
            for match in verbatim.finditer(text):
                yield number, match[0], canonical(match[0], "en"), section
            text = verbatim.sub(" ", text)
        for match in pattern.finditer(text):
            value = scaled(canonical(match[0], language),
                           text[match.end():match.end() + 14], language)
            yield number, match[0], value, section


def included_text(path: Path) -> str:
    """Every snippet and output a page includes, as one text."""
    found = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if include := INCLUDE.match(line):
            target = ROOT / include[1].split(":")[0]
            if target.is_file():
                found.append(target.read_text(encoding="utf-8"))
    return "\n".join(found)


@functools.cache
def cited_numbers() -> dict:
    if not CITED.exists():
        return {}
    return yaml.safe_load(CITED.read_text(encoding="utf-8")) or {}


def cited(page: str):
    return cited_numbers().get(page, {}) or {}


def check_english(path: Path, page: str):
    """Problems as (line, reason)."""
    shown = {canonical(m[0], "en") for m in
             re.finditer(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?",
                         re.sub(r"(?<=\d)_(?=\d)", "",
                                included_text(path)))}
    facts = {canonical(str(k), "en") for k in cited(page)}
    for line, written, value, _ in numbers_in(path, "en"):
        if value not in shown and value not in facts:
            yield line, (
                f"states {written}, which no snippet or output this page "
                "includes prints: print it in a snippet, or list it with "
                f"its source under '{page}' in "
                "translations/cited-numbers.yml")


def check_translation(path: Path, english: Path, language: str):
    """Problems as (line, reason): each section states English's numbers."""
    def by_section(found):
        sections = {}
        for line, written, value, section in found:
            sections.setdefault(section, []).append((line, written, value))
        return sections

    theirs = by_section(numbers_in(path, language))
    ours = by_section(numbers_in(english, "en"))
    for section in dict.fromkeys([*ours, *theirs]):
        want = Counter(v for _, _, v in ours.get(section, []))
        have = Counter(v for _, _, v in theirs.get(section, []))
        if want == have:
            continue
        first = (theirs.get(section) or ours.get(section))[0][0]
        where = f"#{section}" if section else "the top of the page"
        for value in sorted((want - have).elements()):
            english_line = next(l for l, _, v in ours[section] if v == value)
            yield first, (
                f"section {where} lacks the number {value} that "
                f"{english.name} states (English line {english_line}); "
                f"write it in {language} format")
        for line, written, value in theirs.get(section, []):
            if (have - want)[value]:
                have[value] -= 1
                yield line, (
                    f"section {where} states {written}, which the English "
                    "page does not: state the numbers of "
                    f"{english.parent.name}/{english.name}")
