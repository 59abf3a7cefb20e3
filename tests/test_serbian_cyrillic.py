"""Serbian in Cyrillic is the Latin pages, transliterated, and nothing else."""
import re

import cyrtranslit
import pytest

from docsite import model
from serbian_cyrillic import (CYRILLIC, KEPT, SPAN, TOKEN, generated_pages,
                              is_english, page_to_cyrillic, rules,
                              token_to_cyrillic)

PAGES = list(generated_pages())
LATIN_WORD = re.compile(r"[A-Za-zČĆŽŠĐčćžšđ]+")


def parts(markdown):
    meta, body, _ = model.split_front_matter(markdown)
    return meta, body


def page_id(path):
    return path.relative_to(model.ROOT).as_posix()


@pytest.mark.parametrize(("source", "target"), PAGES, ids=page_id)
def test_cyrillic_back_to_latin_gives_the_latin_page(source, target):
    latin_meta, latin_body = parts(source.read_text(encoding="utf-8"))
    meta, body = parts(page_to_cyrillic(source.read_text(encoding="utf-8")))
    assert cyrtranslit.to_latin(body, "sr") == latin_body, (
        f"{target} does not transliterate back to {source}: a word list "
        "in translations/serbian-cyrillic.yml is wrong")
    for key in ("title", "description"):
        assert cyrtranslit.to_latin(meta.get(key, ""), "sr") == \
            latin_meta.get(key, "")
    assert meta.get("source_hash") == latin_meta.get("source_hash")


def latin_words_left(text):
    """Latin words in Cyrillic prose that no rule keeps: not code, math,
    targets or ids, not an English term or title, not a listed name."""
    text = KEPT.sub(lambda m: "()" if m["target"] else " ", text)
    text = SPAN.sub(lambda m: " " if is_english(m[0]) else m[0], text)
    text = re.sub(r"engl\.\s+\*[^*]+\*|енгл\.\s+\*[^*]+\*", " ", text)
    return sorted({w for m in TOKEN.finditer(text)
                   if token_to_cyrillic(m) != m[0]
                   for w in LATIN_WORD.findall(m[0])})


@pytest.mark.parametrize(("source", "target"), PAGES, ids=page_id)
def test_no_latin_word_is_left_in_cyrillic_prose(source, target):
    _, body = parts(page_to_cyrillic(source.read_text(encoding="utf-8")))
    left = latin_words_left(body)
    assert not left, (f"{target} keeps Latin words {left}: list names in "
                      "translations/serbian-cyrillic.yml")


def test_a_latin_word_in_cyrillic_prose_fails():
    assert latin_words_left("Ово је vektor.") == ["vektor"]
    assert latin_words_left("Ово је `vektor` и PyTorch.") == []


CASE_ENDING = re.compile(r"j?(?:a|e|i|u|om|em|ima|ama|[oe]v(?:a|e|i|o|u|om|im)?"
                         r"|in(?:a|e|i|o|u)?|sk(?:a|e|i|o|u|im)?)")


def endings_glued_to_names(text):
    """Listed Latin names with a Serbian case ending and no hyphen
    (autogradom), which Cyrillic would write in Latin letters whole."""
    names = set(rules()["latin_names"])
    text = KEPT.sub(lambda m: "()" if m["target"] else " ", text)
    text = SPAN.sub(lambda m: " " if is_english(m[0]) else m[0], text)
    return sorted({word for word in LATIN_WORD.findall(text)
                   for name in names if word.startswith(name)
                   and word not in names
                   and CASE_ENDING.fullmatch(word[len(name):])})


@pytest.mark.parametrize(("source", "target"), PAGES, ids=page_id)
def test_case_endings_of_latin_names_follow_a_hyphen(source, target):
    _, body = parts(source.read_text(encoding="utf-8"))
    glued = endings_glued_to_names(body)
    assert not glued, (
        f"{source.relative_to(model.ROOT)} glues case endings to Latin names "
        f"{glued}: write autograd-om, notebook-a (a hyphen before the "
        "ending), or name the word in translations/serbian-cyrillic.yml")


def test_a_glued_case_ending_fails_and_a_hyphen_gives_cyrillic():
    assert endings_glued_to_names(
        "pomoću autogradom, Karpathyjevo, `autogradom` i Heseova") == [
        "Karpathyjevo", "autogradom"]
    assert page_to_cyrillic("pomoću autograd-om i PyTorch-a\n") == (
        "помоћу autograd-ом и PyTorch-а\n")
    assert page_to_cyrillic("**Top-k** i top-k, k tokena\n") == (
        "**Top-k** и top-k, к токена\n")
    assert page_to_cyrillic("dL/dw i dc/da, da/ne, tanh i -inf, int\n") == (
        "dL/dw и dc/da, да/не, tanh и -inf, int\n")
    assert page_to_cyrillic("drama *Hamlet* i *Dive into Deep Learning*\n") == (
        "драма *Хамлет* и *Dive into Deep Learning*\n")


def test_two_letter_digraphs_stay_two_letters():
    assert page_to_cyrillic("konjunkcija, nadživeti, njegov, džep\n") == (
        "конјункција, надживети, његов, џеп\n")
    assert all("|" in word for word in rules()["two_letters"])


def test_kept_parts_stay_as_they_are():
    source = ('Vidite `torch.tensor` i $x_i$ u [odeljku](#dropout-rate) '
              '{ #broadcasting } (engl. *dropout*), *Dive into Deep '
              'Learning*.\n')
    assert page_to_cyrillic(source) == (
        'Видите `torch.tensor` и $x_i$ у [одељку](#dropout-rate) '
        '{ #broadcasting } (енгл. *dropout*), *Dive into Deep Learning*.\n')


def test_built_cyrillic_pages_show_cyrillic_titles_and_navigation(site_dir):
    built = [p for p in model.read_manifest(site_dir)
             if p.language == CYRILLIC]
    assert built, f"site/ has no {CYRILLIC} pages: build every language"
    for entry in built:
        page = site_dir / entry.url / "index.html"
        html = page.read_text(encoding="utf-8")
        assert '<html lang="sr-Cyrl"' in html, page
        shown = re.findall(r'<title>([^<]*)</title>|aria-label="([^"]*)"|'
                           r'<span class="md-ellipsis">\s*([^<]*?)\s*</span>|'
                           r'<span class="filename">([^<]*)</span>',
                           html)
        words = {w for match in shown for text in match if "/" not in text
                 for w in latin_words_left(text)}
        if entry.english_only:
            continue
        assert not words, f"{page}: Latin words in titles or labels: {words}"


def test_identifiers_and_variables_in_alt_text_and_plot_labels_stay_latin():
    """Code, identifiers, variables and math are never transliterated, in
    an image's text alternative or a plot's label either. A variable that
    is also a Serbian word ("a": and) is marked as code or math."""
    alt = ("![Sigmoidna funkcija od `z` daje `a`; `a` i oznaka y, pa "
           "x.grad, requires_grad i float32.](graf.svg)\n")
    assert page_to_cyrillic(alt) == (
        "![Сигмоидна функција од `z` даје `a`; `a` и ознака y, па "
        "x.grad, requires_grad и float32.](graf.svg)\n")
    label = "---\nplot_text:\n  activation: aktivacija $a$\n---\n"
    assert "активација $a$" in page_to_cyrillic(label)


def test_the_neuron_graphs_variables_stay_latin_in_cyrillic(site_dir):
    page = (site_dir / CYRILLIC / "autograd" / "chain-rule-and-graph" /
            "index.html").read_text(encoding="utf-8")
    alt = re.search(r'<img alt="([^"]*)"[^>]*graphs/neuron\.svg', page)[1]
    latin = set(re.findall(r"(?<!\w)[A-Za-z](?!\w)", alt))
    assert set("xwbzayL") <= latin, (
        f"the Cyrillic graph's text alternative transliterates the variables "
        f"{sorted(set('xwbzayL') - latin)}: {alt!r}; mark variables as code "
        "in docs/sr/ (`a`)")
