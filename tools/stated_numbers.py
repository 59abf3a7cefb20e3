"""Numbers and results cannot drift.

- Every number an English page or lab states in its prose, tables and
  formulas appears in a snippet or an output that it includes (results are
  printed, inputs are in the code), or is a cited fact listed with its
  source in translations/cited-numbers.yml. A lab's outputs are those of its
  executed notebook (hooks/labs.py). The snippets of every page of the same
  chapter count: a top-level page is a chapter of its own, the pages of a
  folder such as docs/en/tensors/ are one chapter.
- Every result an English page or lab states, `inf`, `-inf`, `nan` (or
  NaN), `True`, `False` or an error name such as `RuntimeError`, appears in
  an output it includes (not only in code: a result is printed, not
  typed), or is cited. A result is stated
  - in inline code that holds the result alone (`inf`, `True`), or an error
    alone or with its message (`RuntimeError: ...`, which an output must
    then show with that message);
  - in prose, outside code, as a word of its own ("raises a RuntimeError",
    "gives NaN"); `True` and `False` only inside a sentence, since a
    sentence may begin with the English word "True".
  Code around the word makes it an input or a name, not a result:
  `float("inf")`, `masked_fill(-inf)`, `requires_grad=True`,
  `qkv_bias: False` state nothing. The check sees the word, not the
  sentence: a result that some output of the chapter shows passes, even
  where the sentence speaks of another output.
- Every translation states, section by section (sections are matched by
  their heading ids), the same numbers and results as English, numbers
  written in its own language's format (translations/glossary/<lang>.yml,
  `numbers:`).
- A number in scientific notation is one number: English "3.3895e+38"
  states the same value as German "$3{,}3895 \\cdot 10^{38}$" and as the
  code form `3.3895e+38`, which every language may keep in code font (the
  code form alone in inline code is a stated number). English prints it
  in a snippet or output like any other number.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from docsite.model import (HEADING, INCLUDE, NOT_PROSE, blanked, prose_lines,
                           readable)
from docsite import model

ROOT = Path(__file__).resolve().parents[1]
CITED = ROOT / "translations" / "cited-numbers.yml"
# A result stated in inline code: the code is the result alone, or an error
# with its message. In prose: the word alone, not part of a name or \inf.
CODE_SPAN = re.compile(r"`([^`]*)`")
RESULT_CODE = re.compile(r"-?inf|nan|NaN|True|False|[A-Z]\w*Error(?::.*)?",
                         re.DOTALL)
RESULT_WORD = re.compile(r"(?<![\w\\.-])(?:-?inf|nan|NaN|True|False"
                         r"|[A-Z]\w*Error)(?!\w)")
RESULT_SHOWN = re.compile(r"(?<![\w.])-?(?:inf|nan)(?!\w)"
                          r"|\b(?:True|False|[A-Z]\w*Error)\b")
# A number in scientific notation as code writes it (3.3895e+38, 1e-8), and
# the exponent that follows a mantissa in prose: e+38 or \cdot 10^{38}.
E_FORM = re.compile(r"(-?\d+(?:\.\d+)?)[eE]([+-]?\d+)")
EXPONENT = (r"(?:[eE]([+-]?\d+)|\s*(?:\u00b7|\u00d7|\\cdot|\\times)\s*"
            r"10\^\{?([+\-\u2212]?\d+)\}?)")
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


def scientific_pattern(language):
    """3.3895e+38 and 3.3895 \\cdot 10^{38}, in the language's decimal mark."""
    mark = re.escape(FORMATS[language][1])
    return re.compile(rf"(?<![\w.,\-])(-?\d+(?:{mark}\d+)?){EXPONENT}(?!\w)")


def scientific(mantissa: str, exponent: str, language: str = "en") -> str:
    """The value of mantissa times ten to the exponent, '3.3895E+38'; like
    canonical, without a sign."""
    mantissa = mantissa.lstrip("-").replace(FORMATS[language][1], ".")
    exponent = exponent.replace("\u2212", "-")
    return str(Decimal(f"{mantissa}E{exponent}").normalize())


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


def results_in(path: Path):
    """(line, result as written, result, section id) of every result the
    page states: inline code that is a result alone (an error may carry its
    message), or a result word in prose."""
    raw = path.read_text(encoding="utf-8").split("\n")
    first, text = readable(raw)
    found = [(span.start(), span[1])
             for span in CODE_SPAN.finditer(text)
             if RESULT_CODE.fullmatch(span[1])]
    prose = text
    for pattern in NOT_PROSE:
        prose = blanked(prose, pattern)
    found += [(m.start(), m[0]) for m in RESULT_WORD.finditer(prose)
              if m[0] not in ("True", "False")
              or not starts_sentence(prose[:m.start()])]
    sections = sections_of(raw)
    for position, written in sorted(found):
        line = first + text.count("\n", 0, position)
        value = "nan" if written == "NaN" else " ".join(written.split())
        yield line, written, value, sections[line - 1]


def sections_of(raw: list[str]) -> list:
    """The heading id of the section each line is in."""
    found, section = [], None
    for line in raw:
        if (heading := HEADING.match(line.strip())) and heading[3]:
            section = heading[3]
        found.append(section)
    return found


def starts_sentence(before: str) -> bool:
    """Whether a word after this text begins a sentence, paragraph, heading,
    list item or table cell."""
    last = re.search(r"(\S)(\s*)$", before)
    return (not last or last[1] in ".!?#|>-*"
            or re.search(r"\n\s*\n", last[2]) is not None)


def verbatim_pattern():
    """Version and section numbers, written with a point in every language
    (translations/cited-numbers.yml, `verbatim`)."""
    numbers = sorted(map(str, cited("verbatim") or []), key=len, reverse=True)
    if not numbers:
        return None
    return re.compile(r"(?<![\w.,])(?:" + "|".join(map(re.escape, numbers))
                      + r")(?![\w]|[.,]\d)")


def numbers_in(path: Path, language: str):
    """(line, number as written, canonical value, section id) in order of
    lines: the numbers of the prose and the scientific ones in code font."""
    raw = path.read_text(encoding="utf-8").split("\n")
    sections = sections_of(raw)
    found = [*prose_numbers(raw, language), *code_numbers(raw)]
    for line, written, value in sorted(found, key=lambda f: f[0]):
        yield line, written, value, sections[line - 1]


def prose_numbers(raw: list[str], language: str):
    """(line, number as written, canonical value) of the prose, tables and
    formulas: verbatim numbers, scientific notation, then the rest."""
    pattern = number_pattern(language)
    verbatim = verbatim_pattern()
    exponential = scientific_pattern(language)
    for number, text in prose_lines(raw):
        if verbatim and language != "en":
            for match in verbatim.finditer(text):
                yield number, match[0], canonical(match[0], "en")
            text = verbatim.sub(" ", text)
        for match in exponential.finditer(text):
            yield number, match[0], scientific(
                match[1], match[2] or match[3], language)
        text = blanked(text, exponential)
        for match in pattern.finditer(text):
            value = scaled(canonical(match[0], language),
                           text[match.end():match.end() + 14], language)
            yield number, match[0], value


def code_numbers(raw: list[str]):
    """(line, code, value) of each inline code that is a number in
    scientific notation alone (`1e-8`): the code form, point and all, which
    every language may keep."""
    first, text = readable(raw)
    for span in CODE_SPAN.finditer(text):
        if found := E_FORM.fullmatch(span[1].strip()):
            line = first + text.count("\n", 0, span.start())
            yield line, span[0], scientific(found[1], found[2])


def chapter_of(page: Path, language_root: Path) -> list[Path]:
    """The pages whose snippets count for this page: the pages of its
    chapter (its section of the navigation, docsite.model.chapter_of)."""
    relative = page.relative_to(language_root).as_posix()
    return [language_root / other for other in model.chapter_of(relative)]


@dataclass(frozen=True)
class Shown:
    """What a reader sees run: the numbers of every snippet and output
    (inputs and results), and the outputs alone, where results are shown."""
    numbers: frozenset
    results: frozenset
    outputs: str


def shown_by(pages: list[Path], executed: str = "") -> Shown:
    """What the snippets and outputs these pages include show, with the
    outputs of an executed notebook (a lab's)."""
    code, outputs = [], [executed]
    for page in pages:
        for line in page.read_text(encoding="utf-8").split("\n"):
            if include := INCLUDE.match(line):
                target = ROOT / include[1].split(":")[0]
                if (target / "check.py").is_file():  # a coding exercise
                    targets = [target / name for name in (
                        "starter.py", "check.py", "reference.py",
                        "reference.out")]
                else:
                    targets = [target] if target.is_file() else []
                for shown in targets:
                    (outputs if shown.suffix == ".out" else code).append(
                        shown.read_text(encoding="utf-8"))
    everything = re.sub(r"(?<=\d)_(?=\d)", "", "\n".join(code + outputs))
    shown = "\n".join(outputs)
    return Shown(
        numbers=frozenset(canonical(m[0], "en") for m in re.finditer(
            r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", everything))
        | {scientific(m[1], m[2]) for m in E_FORM.finditer(everything)},
        results=frozenset(RESULT_SHOWN.findall(shown)),
        outputs=" ".join(shown.split()))


@functools.cache
def cited_numbers() -> dict:
    if not CITED.exists():
        return {}
    return model.read_yaml(CITED) or {}


def cited(page: str):
    return cited_numbers().get(page, {}) or {}


def closest(value: str, numbers) -> str:
    return min(numbers, key=lambda n: (abs(Decimal(n) - Decimal(value)), n),
               default="none")


def same_kind(result: str, results) -> list[str]:
    kinds = [{"inf", "-inf", "nan"}, {"True", "False"}]
    kind = next((k for k in kinds if result in k), None)
    return sorted(r for r in results
                  if (r in kind if kind else r.endswith("Error")))


def is_shown(result: str, shown: Shown) -> bool:
    if ":" in result:  # an error with its message, perhaps cut short
        return result.rstrip(".… ") in shown.outputs
    return result in shown.results


def check_english(path: Path, page: str, shown: Shown):
    """Problems as (line, reason). `page` is the key of the page's cited
    facts, `shown` what its chapter's snippets and outputs show."""
    facts = {str(k) for k in cited(page)}
    numbers = {canonical(f, "en") for f in facts}
    where = (f"list it with its source under '{page}' in "
             "translations/cited-numbers.yml")
    for line, written, value, _ in numbers_in(path, "en"):
        if value not in shown.numbers and value not in numbers:
            yield line, (
                f"states {written}, which no snippet or output this page "
                f"includes prints (closest printed: "
                f"{closest(value, shown.numbers)}): print it in a snippet, "
                f"or {where}")
    for line, written, result, _ in results_in(path):
        if not is_shown(result, shown) and result not in facts:
            kind = ", ".join(same_kind(result.split(":")[0], shown.results))
            yield line, (
                f"states `{written}` as a result, which no output this page "
                f"includes shows (of its kind they show: {kind or 'none'}): "
                f"state what the output shows, print it in a snippet, or "
                f"{where}")


def check_translation(path: Path, english: Path, language: str):
    """Problems as (line, reason): each section states English's numbers
    and results."""
    def by_section(found):
        sections = {}
        for line, written, value, section in found:
            sections.setdefault(section, []).append((line, written, value))
        return sections

    theirs = by_section([*numbers_in(path, language), *results_in(path)])
    ours = by_section([*numbers_in(english, "en"), *results_in(english)])
    for section in dict.fromkeys([*ours, *theirs]):
        want = Counter(v for _, _, v in ours.get(section, []))
        have = Counter(v for _, _, v in theirs.get(section, []))
        if want == have:
            continue
        first = min(line for line, _, _ in
                    theirs.get(section) or ours.get(section))
        where = f"#{section}" if section else "the top of the page"
        for value in sorted((want - have).elements()):
            english_line = next(l for l, _, v in ours[section] if v == value)
            what, fix = (("the result", "state it as English does")
                         if RESULT_CODE.fullmatch(value) else
                         ("the number", f"write it in {language} format"))
            yield first, (
                f"section {where} lacks {what} {value} that "
                f"{english.name} states (English line {english_line}); "
                f"{fix}")
        for line, written, value in sorted(theirs.get(section, [])):
            if (have - want)[value]:
                have[value] -= 1
                yield line, (
                    f"section {where} states {written}, which the English "
                    "page does not: state the numbers and results of "
                    f"{english.parent.name}/{english.name}")
