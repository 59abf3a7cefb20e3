"""Serbian in Cyrillic, generated at build time from the Latin pages.

Before MkDocs reads its files, every page of docs/sr-Cyrl/ (subfolders too)
and labs/<lab>/sr-Cyrl.md are written from docs/sr/ and labs/<lab>/sr.md
(never committed, so they cannot drift; a page whose Latin page is gone is
removed), and the sr-Cyrl language gets the sr one's UI strings, notices and
navigation transliterated. Prose, headings, captions, alt texts, titles and
plot labels are converted; code, program output, inline code, math, URLs,
link targets, heading ids, HTML, what a page marks as English
(*weight tying*{ lang=en }), English terms given in parentheses or
quoted in English (titles of books and papers) and the Latin-script names in
translations/serbian-cyrillic.yml are not. That file also lists the words
where lj, nj and dž are two letters (konjunkcija: конјункција).
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

import cyrtranslit
import yaml
from docsite import model
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[1]
CONFIG, DOCS, LABS = ROOT / "mkdocs.yml", ROOT / "docs", ROOT / "labs"
CYRILLIC = "sr-Cyrl"
RULES = ROOT / "translations" / "serbian-cyrillic.yml"
PARTIAL = ROOT / "overrides" / "partials" / "languages"
LETTERS = "A-Za-zČĆŽŠĐčćžšđ"
WORD = re.compile(rf"[{LETTERS}]+")
KEPT = re.compile(r"""
    (?P<fence>^[ \t]*```.*?^[ \t]*```[ \t]*$)
  | (?P<marked>\*(?:[^*\n]|\n(?!\n))+?\*\{[ \t]*lang=en[ \t]*\}
      |!?\[(?:[^\]\n]|\n(?!\n))*\]\([^)\n]*\)\{[ \t]*lang=en[ \t]*\})
  | (?P<attributes>\{:?[ \t][^}\n]*\})
  | (?P<mathblock>^[ \t]*\$\$[ \t]*\n.*?^[ \t]*\$\$[ \t]*$)
  | (?P<include>^[ \t]*--8<--.*$)
  | (?P<option>^[ \t]+type:[ \t]*\w+[ \t]*$)
  | (?P<admonition>^!!![ \t]+\w+)
  | (?P<block>^/{3,}[ \t]*[\w-]*)
  | (?P<code>`[^`]*`)
  | (?P<math>\$[^$\n]+\$)
  | (?P<id>\{[ \t]*\#[\w-]+[ \t]*\})
  | (?P<placeholder>\{\w+\})
  | (?P<target>(?<=\])\([^)]*\))
  | (?P<html><[^>\n]+>)
  | (?P<url>https?://[^\s)]+)
  | (?P<english>(?<=engl\.[ \t])\*[^*]+\*)
""", re.MULTILINE | re.DOTALL | re.VERBOSE)
# Emphasis (not bold, never across paragraphs), link texts, quotations.
SPAN = re.compile(r"""(?<!\*)\*(?![*\s])(?:[^*\n]|\n(?!\n))+?(?<![\s*])\*(?!\*)
  | \[[^\]]+\](?=\(|\Z)
  | „[^“]+“
  | "[^"\n]+"
""", re.VERBOSE)
ONE_LETTER_WORDS = set("AIUOSK")


def latin(path: Path = CONFIG) -> str:
    """The language sr-Cyrl is generated from (`extra.generated_from`)."""
    source = model.generated_languages(path).get(CYRILLIC)
    if source is None:
        raise PluginError(f"{path}: the i18n language '{CYRILLIC}' needs "
                          "`extra: {generated_from: sr}` for "
                          "hooks/serbian_cyrillic.py")
    return model.language(source, path).locale


def written(locale: str, docs: Path = DOCS, labs: Path = LABS) -> list[Path]:
    """Every page and lab prose of a language."""
    return ([docs / locale / page for page in model.pages(locale, docs)]
            + [model.lab_prose(lab, locale, labs) for lab in model.labs(labs)
               if model.lab_prose(lab, locale, labs).exists()])


@functools.cache
def rules() -> dict:
    return model.read_yaml(RULES)


@functools.cache
def vocabularies():
    """Words of the English pages, and of the Serbian prose outside spans
    (emphasis, link texts, quotes) that may hold English titles, with the
    listed words that are Serbian in a title too (*Hamlet*)."""
    def words(paths, strip_spans):
        found = set()
        for path in paths:
            text = path.read_text(encoding="utf-8")
            if strip_spans:
                text = KEPT.sub(lambda m: "()" if m["target"] else " ", text)
                text = SPAN.sub(" ", text)
            found |= {w.lower() for w in WORD.findall(text)}
        return found

    english = words(written(model.default_language(CONFIG)), False)
    serbian = words(written(latin()), True) | {
        word.lower() for word in rules()["serbian_words"]}
    return english, serbian


def is_english(span: str) -> bool:
    english, serbian = vocabularies()
    words = [w.lower() for w in WORD.findall(span)]
    return bool(words) and all(w in english for w in words) and any(
        w not in serbian for w in words)


ONE_LETTER_LOWER = set("aiousk")
DERIVATIVE = re.compile(r"d[A-Za-z]/d[A-Za-z](?![A-Za-z])")
TOKEN = re.compile(rf"[{LETTERS}0-9_.-]*[{LETTERS}][{LETTERS}0-9_.-]*")
IDENTIFIER = re.compile(r"""\.?[A-Za-z]\w*(?:\.[A-Za-z]\w*)+  # torch.autograd
                         | \.[a-z]\w*                    # .grad
                         | \w*_\w*                       # no_grad, x_j
                         | \w*(?:[A-Za-z]\d|\d[A-Za-z])\w*  # int64, 3895e
                         """, re.VERBOSE)


def keeps_latin(word: str) -> bool:
    """A listed name keeps its Latin letters; its case ending follows a
    hyphen and is Cyrillic (autograd-ом, as PyTorch-а)."""
    return (word in rules()["latin_names"]
            or word in rules().get("latin_words", [])
            or re.search("[qwxyQWXY]", word) is not None
            or sum(c.isupper() for c in word) >= 2
            or (len(word) == 1 and word.isupper()
                and word not in ONE_LETTER_WORDS)
            or (len(word) == 1 and word.islower()
                and word not in ONE_LETTER_LOWER))


@functools.cache
def word_to_cyrillic(word: str) -> str:
    if keeps_latin(word):
        return word
    for exception in rules()["two_letters"]:
        latin, split = exception.replace("|", ""), exception
        if word.lower().startswith(latin.lower()):
            cut = split.index("|")
            return (cyrtranslit.to_cyrillic(word[:cut], "sr")
                    + cyrtranslit.to_cyrillic(word[cut:], "sr"))
    return cyrtranslit.to_cyrillic(word, "sr")


def compound_to_cyrillic(token: str) -> str:
    """GPT-2-style compounds: log-softmax and appendix-A stay Latin as a
    whole; PyTorch-a keeps its name and takes a Cyrillic ending."""
    parts = token.split("-")
    words = [p for p in parts if WORD.fullmatch(p)]
    kept = [p for p in words if keeps_latin(p)]
    capitals = [p for p in words if len(p) == 1 and p.isupper()]
    if kept and (keeps_latin(parts[-1]) if WORD.fullmatch(parts[-1])
                 else True) or kept and len(kept) + len(capitals) == len(words):
        return token
    return "-".join(WORD.sub(lambda m: word_to_cyrillic(m[0]), p)
                    for p in parts)


def token_to_cyrillic(match) -> str:
    token = match[0]
    core = token.strip(".-")
    head = token[:len(token) - len(token.lstrip(".-"))]
    tail = token[len(head) + len(core):]
    if head == "." and IDENTIFIER.fullmatch("." + core):
        return token  # .grad
    if IDENTIFIER.fullmatch(core) or core in rules()["latin_terms"]:
        return token
    around = match.string[max(match.start() - 1, 0):match.end() + 1]
    before = match.string[max(match.start() - 30, 0):match.start()]
    if len(core) == 1 and "/" in around:
        return token  # Q/K/V
    if re.fullmatch(r"d[A-Za-z]", core) and (
            DERIVATIVE.fullmatch(match.string[max(match.start() - 3, 0):
                                              match.end()])
            or DERIVATIVE.match(match.string, match.start())):
        return token  # dL/dw, not da/ne
    if re.fullmatch(r"[A-Z](?:\.\d+)*", core) and (
            "." in core or re.search(r"[a-zčćžšđа-яђјљњћџ]\s+$", before)):
        return token  # "dodatak A", "A.3": a label; the conjunction "A"
        # is capital only where a sentence starts
    if "-" in core:
        return head + compound_to_cyrillic(core) + tail
    return head + WORD.sub(lambda m: word_to_cyrillic(m[0]), core) + tail


def words_to_cyrillic(text: str) -> str:
    return TOKEN.sub(token_to_cyrillic, text)


def prose_to_cyrillic(text: str) -> str:
    """Prose without protected parts: spans in English stay as they are."""
    def span(match):
        inner = match[0]
        if is_english(inner):
            return inner
        return inner[0] + words_to_cyrillic(inner[1:-1]) + inner[-1]

    out, position = [], 0
    for match in SPAN.finditer(text):
        out.append(words_to_cyrillic(text[position:match.start()]))
        out.append(span(match))
        position = match.end()
    out.append(words_to_cyrillic(text[position:]))
    return "".join(out)


FENCE_TITLE = re.compile(r'(title=")([^"/.]+)(")')
MATH_TEXT = re.compile(r"(\\text\{)([^}]*)(\})")


def kept(match) -> str:
    """Protected text; a code block's title is converted unless it names a
    file ("Izlaz" is prose, "snippets/x.py" is not)."""
    if match["fence"]:
        first, rest = match[0].split("\n", 1)
        first = FENCE_TITLE.sub(
            lambda m: m[1] + words_to_cyrillic(m[2]) + m[3], first)
        return first + "\n" + rest
    if match["math"] or match["mathblock"]:  # words in a formula: \text{gde je}
        return MATH_TEXT.sub(
            lambda m: m[1] + words_to_cyrillic(m[2]) + m[3], match[0])
    return match[0]


def body_to_cyrillic(text: str) -> str:
    out, position = [], 0
    for match in KEPT.finditer(text):
        out.append(prose_to_cyrillic(text[position:match.start()]))
        out.append(kept(match))
        position = match.end()
    out.append(prose_to_cyrillic(text[position:]))
    return "".join(out)


def front_matter_to_cyrillic(meta: dict) -> dict:
    return {key: to_cyrillic_data(value)
            if key in ("title", "description", "plot_text") else value
            for key, value in meta.items()}


@functools.cache
def page_to_cyrillic(markdown: str) -> str:
    """Cached: on_config runs once per language build, on the same pages."""
    meta, body, start = model.split_front_matter(markdown)
    if not start:
        return body_to_cyrillic(markdown)
    front = yaml.safe_dump(front_matter_to_cyrillic(meta), allow_unicode=True,
                           sort_keys=False, width=1000)
    return f"---\n{front}---\n{body_to_cyrillic(body)}"


def generated_pages(docs: Path = DOCS, labs: Path = LABS,
                    config: Path = CONFIG):
    """(Latin source, Cyrillic target) of every page and lab."""
    source = latin(config)
    for page in model.pages(source, docs):
        yield docs / source / page, docs / CYRILLIC / page
    for lab in model.labs(labs):
        if model.lab_prose(lab, source, labs).exists():
            yield (model.lab_prose(lab, source, labs),
                   model.lab_prose(lab, CYRILLIC, labs))


def write_pages(docs: Path = DOCS, labs: Path = LABS, config: Path = CONFIG):
    """Write every Cyrillic page; remove one whose Latin page is gone (a
    moved page would otherwise be built twice)."""
    targets = set()
    for source, target in generated_pages(docs, labs, config):
        write_if_changed(target, page_to_cyrillic(
            source.read_text(encoding="utf-8")))
        targets.add(target)
    for old in (docs / CYRILLIC).rglob("*.md"):
        if old not in targets:
            old.unlink()


def write_if_changed(path: Path, text: str):
    """`make serve` watches these folders: rewriting an unchanged file
    would rebuild forever."""
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def material_strings(name: str) -> dict:
    path = PARTIAL / f"{name}.html"
    if not path.exists():
        import material
        path = (Path(material.__file__).parent / "templates" / "partials" /
                "languages" / f"{name}.html")
    text = path.read_text(encoding="utf-8")
    return dict(re.findall(r'^\s*"([\w.]+)": "(.*)",?$', text, re.M))


def write_ui_partial():
    """Material's strings for sr-Cyrl: ours for sr-Latn (the reader
    addressed as "Vi"), then Material's Serbo-Croatian, transliterated."""
    strings = {**material_strings("sh"), **material_strings("sr-Latn")}
    lines = []
    for key, value in sorted(strings.items()):
        if not (key.startswith("search.config") or key == "direction"):
            value = prose_to_cyrillic(value)
        if key == "language":
            value = CYRILLIC
        lines.append(f'  "{key}": "{value}"')
    write_if_changed(PARTIAL / f"{CYRILLIC}.html", (
        "{#- Generated by hooks/serbian_cyrillic.py; do not edit. -#}\n"
        "{% macro t(key) %}{{ {\n" + ",\n".join(lines) +
        "\n}[key] }}{% endmacro %}\n"))


def to_cyrillic_data(value):
    if isinstance(value, str):
        return body_to_cyrillic(value)
    if isinstance(value, dict):
        return {k: to_cyrillic_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_cyrillic_data(v) for v in value]
    return value


def in_language(locale: str, read):
    """The strings `read(language)` gives for `locale`; a generated
    language's are its source's, transliterated."""
    source = model.generated_languages().get(locale)
    return to_cyrillic_data(read(source)) if source else read(locale)


def configure_language(config):
    """sr-Cyrl's site name and description, navigation, palette names and
    extra strings are sr's, transliterated."""
    languages = {lang.locale: lang for lang in
                 config.plugins["i18n"].config.languages}
    source, cyrillic = languages[latin()], languages[CYRILLIC]
    cyrillic["site_name"] = to_cyrillic_data(source["site_name"])
    cyrillic["site_description"] = to_cyrillic_data(
        source["site_description"])
    cyrillic["nav_translations"] = to_cyrillic_data(
        source["nav_translations"])
    cyrillic["extra"] = to_cyrillic_data(source["extra"])
    theme = dict(cyrillic["theme"] or {})
    theme["palette"] = to_cyrillic_data(source["theme"]["palette"])
    theme["language"] = CYRILLIC
    cyrillic["theme"] = theme


@event_priority(100)
def on_config(config):
    write_pages()
    write_ui_partial()
    configure_language(config)
    return config
