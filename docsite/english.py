"""English in the text of another language.

A run of two or more words, each an English word (Debian's wamerican) and
not a word of the text's language, is English (a whole label of such
words, one of them not the language's, is too): Debian's wpolish and
wngerman list every form of their words; hunspell-sr lists Serbian stems
with their endings, read here with spylls; Chinese and Cyrillic Serbian have
no Latin words of their own. Words with digits or underscores and dotted
names (identifiers) and single letters break a run. The names in
translations/english-names.yml (PyTorch, Hugging Face...) are left out
first, and so are the glossary terms a language keeps in English (German
"Weight Decay"). What a page keeps in English on purpose (a cited title,
an English term in parentheses) it marks as English:
`*weight tying*{ lang=en }`.

Which English words are also words of a language is kept in the user's
cache folder (~/.cache/llm-basics-docs/english/, by the word lists' sizes
and dates): reading the lists costs seconds.
"""
from __future__ import annotations

import atexit
import functools
import json
import os
import re
from pathlib import Path

from docsite.model import read_yaml


ROOT = Path(__file__).resolve().parents[1]
NAMES_FILE = ROOT / "translations" / "english-names.yml"
ENGLISH_LIST = Path("/usr/share/dict/american-english")
NATIVE_LISTS = {"pl": Path("/usr/share/dict/polish"),
                "de": Path("/usr/share/dict/ngerman"),
                "sr": Path("/usr/share/hunspell/sr_Latn_RS.dic")}
NO_LATIN_WORDS = {"zh", "sr-Cyrl"}
PACKAGES = "wamerican wpolish wngerman hunspell-sr"
# The word lists are the machine's, not the checkout's: what they say is
# kept with the user's caches, for every checkout and fresh clone.
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") \
    / "llm-basics-docs" / "english"
WORD = re.compile(r"\w+")
ADDRESS = re.compile(r"\S+\.(?:com|org|net|io|ai|dev)\b\S*|https?://\S+")
# torch.autograd.grad, .grad, 20-exercise-control-flow.py, snippets/autograd
IDENTIFIER = re.compile(r"[\w-]*(?:\.[\w-]+)+|\S*/\S*")


class MissingWordList(Exception):
    pass


def read_list(path: Path) -> set[str]:
    if not path.exists():
        raise MissingWordList(
            f"{path} is missing: install Debian's {PACKAGES} "
            "(`make words` does)")
    with path.open(encoding="utf-8", errors="replace") as lines:
        return {line.split("/")[0].strip().lower() for line in lines}


@functools.cache
def english_words() -> frozenset[str]:
    return frozenset(w for w in read_list(ENGLISH_LIST)
                     if w.isalpha() and len(w) > 1)


GLOSSARY = ROOT / "translations" / "glossary"


@functools.cache
def names(language: str) -> list[str]:
    """The listed names, and the glossary terms the language keeps in
    English on purpose (German "Weight Decay"): its reviewed words."""
    listed = read_yaml(NAMES_FILE)["names"]
    source = "sr" if language == "sr-Cyrl" else language
    english, own = (read_yaml(path) or {}
                    if path.exists() else {} for path in (
                        GLOSSARY / "en.yml", GLOSSARY / f"{source}.yml"))
    kept = [str(entry["term"]) for key, entry in own.items()
            if isinstance(entry, dict) and entry.get("term") and
            str(entry["term"]).casefold() ==
            str((english.get(key) or {}).get("term", "")).casefold()]
    return sorted(set(listed) | set(kept), key=len, reverse=True)


class NativeWords:
    """Which English words are words of one language too; answers on disk
    by the word list's size and date."""

    def __init__(self, language: str):
        self.language, self.source = language, NATIVE_LISTS[language]
        if not self.source.exists():
            raise MissingWordList(
                f"{self.source} is missing: install Debian's {PACKAGES} "
                "(`make words` does)")
        stat = self.source.stat()
        self.path = CACHE / f"{language}-{stat.st_size}-{int(stat.st_mtime)}.json"
        try:
            self.known = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.known = {}
        self.lookup = None

    def __contains__(self, word: str) -> bool:
        if word not in self.known:
            if self.lookup is None:
                atexit.register(self.save)
            self.known[word] = self.ask(word)
        return self.known[word]

    def ask(self, word: str) -> bool:
        if self.lookup is None:
            if self.source.suffix == ".dic":
                from spylls.hunspell import Dictionary

                dictionary = Dictionary.from_files(str(self.source.with_suffix("")))
                self.lookup = lambda w: dictionary.lookup(w) or \
                    dictionary.lookup(w.capitalize())
            else:
                listed = read_list(self.source) & english_words()
                self.lookup = listed.__contains__
        return bool(self.lookup(word))

    def save(self):
        """Merged with what other processes saved meanwhile."""
        CACHE.mkdir(parents=True, exist_ok=True)
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            stored = {}
        part = self.path.with_name(f"{self.path.name}.{os.getpid()}.part")
        part.write_text(json.dumps({**stored, **self.known}), encoding="utf-8")
        os.replace(part, self.path)


@functools.cache
def native_words(language: str):
    return frozenset() if language in NO_LATIN_WORDS else NativeWords(language)


def english_runs(text: str, language: str, whole=False) -> list[str]:
    """The runs of English words in text, a text of language. A whole
    string (a title, a label) is English where every word of two or more is
    an English word and one is not of the language: a label has no words
    of its own around it ("Permanent link": "link" is Polish too)."""
    if whole:
        english = english_words()
        words = [word.lower() for word in WORD.findall(strip_names(
                     text, language))
                 if not word.isdigit()]  # "Code cell 3"
        if len(words) > 1 and all(word in english for word in words) and \
                any(word not in native_words(language) for word in words):
            return [text.strip()]
    return [run for _, run in english_in_lines([(0, text)], language)]


def strip_names(text: str, language: str) -> str:
    """Text without the listed names, web addresses, dotted names and
    paths (which, like code, end a run of words around them)."""
    text = IDENTIFIER.sub(" 0 ", ADDRESS.sub(" 0 ", text))
    for name in names(language):
        text = text.replace(name, " ")
    return text


def english_in_lines(lines, language: str) -> list[tuple[int, str]]:
    """(line number, run) of each run of English words in (line number,
    text) lines of one language; a run may go on over a line break."""
    english, native = english_words(), native_words(language)
    words = []
    for number, text in lines:
        words += [(number, word) for word in WORD.findall(
            strip_names(text, language))]
    found, run = [], []
    for number, word in words + [(None, "")]:
        lower = word.lower()
        if lower in english and lower not in native:
            run.append((number, word))
            continue
        if len(run) > 1:
            found.append((run[0][0], " ".join(w for _, w in run)))
        run = []
    return found
