"""The built pages read as HTML, without a browser.

Everything about a built page that its HTML decides is checked here, once
per page from site/manifest.json: the code is its snippet and the output
its golden, the page is in its language's search index, no formula is
shown as typed, graph pictures are described in the page's language, and a
translated page says no English UI string. What needs a browser (axe,
console errors and requests, the language switcher, what scripts render)
stays in tests/test_site.py.
"""
import functools
import json
import re
import urllib.parse

import pytest

import site_pages
from conftest import FORMULA, RAW_TEX, ROOT, SITE
from docsite import model
from coding_exercises import hints_for
from figures import texts as figure_texts
from docsite import exercises
from site_pages import (DEFAULT, ROOTS, WRITTEN, article_of, built,
                        code_blocks, english_graphs, english_in,
                        english_on_page,
                        english_source_of, exercises_on, graphs_of,
                        has_snippets, html_file, html_of, in_language,
                        is_searchable, is_translated, language_of,
                        material_config, snippet_name, source_name, source_of,
                        text_without, ui_texts, words)


def pytest_generate_tests(metafunc):
    site_pages.parametrize(metafunc)


# The copy button. Material 9's code block script gives every `pre > code`
# a copy button when the content.code.copy feature is on, unless the block
# is inside `.no-copy` (`.copy` asks for one); the button copies the code's
# text with its trailing white space trimmed, or the `data-copy` of an
# element around it. tests/test_site.py proves in Chromium that the button
# copies exactly this text.

def has_copy_button(code, features) -> bool:
    return code.find_parent(class_="copy") is not None or (
        "content.code.copy" in features
        and code.find_parent(class_="no-copy") is None)


def copied_text(code) -> str:
    around = code.find_parent(attrs={"data-copy": True})
    return (around["data-copy"] if around else code.get_text()).rstrip()


def check_code_is_its_snippet_and_output_its_golden(path):
    """Each python block is a snippet file, copied exactly by its copy
    button, and the block under it shows exactly that snippet's golden;
    test_snippets.py proves that the file, run alone, prints the golden on
    CPU and GPU."""
    blocks = code_blocks(path)
    kinds = [kind for kind, _ in blocks]
    pairs = [(blocks[i][1], blocks[i + 1][1]) for i in range(len(kinds) - 1)
             if kinds[i] == "python" and kinds[i + 1] == "text"]
    assert pairs, f"/{path} shows no code with output"
    assert kinds.count("python") == len(pairs), (
        f"/{path} has a python block without an output block under it")
    shown = [snippet_name(code) for code, _ in pairs]
    included = [name for name in model.includes(source_of(path))
                if name.endswith(".py")]
    assert shown == included, (
        f"/{path} shows the snippets {shown}; {source_name(path)} includes "
        f"{included}")
    features = material_config(path)["features"]
    for (code, output), name in zip(pairs, shown):
        snippet = ROOT / name
        text = code.select_one("pre > code")
        assert has_copy_button(text, features), (
            f"/{path}: {name} gets no copy button (content.code.copy in "
            "mkdocs.yml theme.features, no .no-copy around it)")
        assert copied_text(text) == snippet.read_text(
            encoding="utf-8").rstrip("\n"), (
            f"/{path}: the copy button of {name} does not copy exactly "
            f"{snippet.relative_to(ROOT)}")
        golden = snippet.with_suffix(".out")
        result = output.select_one("pre > code").get_text()
        assert result.rstrip("\n") == golden.read_text(
            encoding="utf-8").rstrip("\n"), (
            f"/{path}: the output under {name} is not its golden "
            f"{golden.relative_to(ROOT)}:\n{result}")


def check_exercises_are_their_files_in_the_page_language(path):
    """Each coding exercise shows its starter, check and reference, copied
    exactly, under a task with its stable id; the checking code before the
    first one holds the hints of the page's exercises in its language."""
    chosen = exercises_on(path)
    article = article_of(path)
    blocks = [block for block in article.find_all("div", class_="highlight")
              if "exercise" in block["class"]]
    assert len(blocks) == 1 + 3 * len(chosen), (
        f"/{path} shows {len(blocks)} exercise code blocks for "
        f"{len(chosen)} exercises (hooks/coding_exercises.py)")
    checking = copied_text(blocks[0].select_one("pre > code"))
    expected = exercises.checking_code(hints_for(language_of(path)), chosen)
    assert "exercise-checking" in blocks[0]["class"] and \
        checking == expected.rstrip(), (
        f"/{path}: the checking code is not exercises/checking.py with the "
        f"hints of the page's exercises in {language_of(path)}")
    for index, exercise in enumerate(chosen):
        task = article.find(id=exercise.anchor)
        assert task is not None and task.name == "p", (
            f"/{path} has no task with the id {exercise.anchor}")
        shown = blocks[1 + 3 * index: 4 + 3 * index]
        for block, (kind, file) in zip(shown, [
                ("starter", exercise.starter), ("check", exercise.check),
                ("reference", exercise.reference)]):
            assert f"exercise-{kind}" in block["class"] and copied_text(
                block.select_one("pre > code")) == file.read_text(
                    encoding="utf-8").rstrip("\n"), (
                f"/{path}: the {kind} of {exercise.id} is not "
                f"{file.relative_to(ROOT)}")
        reference = shown[2].find_parent("details")
        assert reference is not None and not reference.has_attr("open"), (
            f"/{path}: the reference solution of {exercise.id} is not folded")


FIGURE = re.compile(r"assets/figures/([\w-]+)\.svg")


def figures_of(path):
    return FIGURE.findall(english_source_of(path) or "")


def check_figures_are_drawn_in_the_page_language(path):
    """A figure is drawn with the labels of the page's language, on its
    own white ground (it reads the same in the dark scheme)."""
    import html as markup
    import urllib.parse as parse

    language = language_of(path)
    images = article_of(path).select('img[src*="assets/figures/"]')
    assert [re.search(r"([\w-]+)\.svg", i["src"])[1] for i in images] == \
        figures_of(path), f"/{path} does not show its figures"
    for image in images:
        assert f"/figures/{language}/" in image["src"], (
            f"/{path} shows {image['src']}, not its language's drawing")
        assert image.get("alt"), f"/{path}: {image['src']} has no alt text"
        svg = (SITE / parse.urljoin(path, image["src"])).read_text(
            encoding="utf-8")
        name = re.search(r"([\w-]+)\.svg", image["src"])[1]
        title = figure_texts(language)[name]["title"]
        assert markup.escape(title, quote=False) in svg, (
            f"/{path}: {image['src']} is not titled {title!r}")
        assert re.search(r'id="patch_1">\s*<path[^>]*fill: #ffffff', svg), (
            f"/{path}: {image['src']} has no white ground of its own")


def index_name(language) -> str:
    return f"site/{ROOTS[language]}search/search_index.json"


@functools.cache
def search_index(language) -> dict:
    """A language's search entries by location (hooks/search_per_language.py
    writes one index per language)."""
    docs = json.loads((ROOT / index_name(language)).read_text(
        encoding="utf-8"))["docs"]
    return {doc["location"]: doc for doc in docs}


def title_of(path) -> str:
    heading = article_of(path).select_one("h1")
    assert heading is not None, f"/{path} has no title (a level-1 heading)"
    return words(text_without(heading, ".headerlink, .anchor-link"))


def check_search_has_the_page_with_its_title(path):
    """Material fetches search/search_index.json from the `base` of the
    page; there the page has its own entry, under its title: its heading,
    or its <title> where something stands before the heading (a stale
    translation's notice). Chinese is segmented by zero-width spaces."""
    language = language_of(path)
    site = "http://site/"
    base = urllib.parse.urljoin(site + path, material_config(path)["base"])
    assert base == site + ROOTS[language], (
        f"/{path} searches the index under {base.removeprefix(site)!r}, not "
        f"its language's {ROOTS[language]!r} (hooks/language_switcher.py "
        "sets the base)")
    location = path.removeprefix(ROOTS[language])
    entry = search_index(language).get(location)
    assert entry, (
        f"/{path} has no entry of its own in {index_name(language)}: search "
        "results in it show as 'undefined'. Does anything stand before its "
        "title? (an empty first section that equals the English one is "
        "dropped by mkdocs-static-i18n)")
    title = words(re.sub(r"<[^>]+>", "", entry["title"]).replace("\u200b", ""))
    head = words(html_of(path).title.get_text())
    assert title == title_of(path) or head.startswith(f"{title} - "), (
        f"/{path} is in {index_name(language)} as {title!r}, not under its "
        f"title {title_of(path)!r}")


NOT_PROSE = "pre, code, script, style, .jp-InputArea, math"


def check_formulas_are_typeset(path):
    text = text_without(article_of(path), NOT_PROSE)
    raw = RAW_TEX.search(text)
    assert not raw, (f"/{path} shows the formula {raw[0]!r} as typed: "
                     "every formula must be typeset (hooks/mathml.py)")
    if built()[path].kind not in WRITTEN:
        return
    prose = "\n".join(line for _, line in model.prose_lines(
        source_of(path).split("\n")))
    formulas = len(FORMULA.findall(prose))
    shown = len(article_of(path).find_all("math"))
    assert shown == formulas, (
        f"/{path} shows {shown} typeset formulas, its source "
        f"{source_name(path)} has {formulas}")


def graph_texts(path, picture):
    """The text alternative and the caption of a graph picture."""
    images = article_of(path).select(f'img[src$="graphs/{picture}"]')
    assert len(images) == 1, (
        f"/{path} shows its graph picture {picture} {len(images)} times, "
        "not once")
    figure = images[0].find_parent("figure")
    caption = figure and figure.select_one("figcaption")
    return (images[0].get("alt", ""),
            words(caption.get_text()) if caption else "")


def check_graph_pictures_are_described_in_the_page_language(path):
    for picture in graphs_of(path):
        alt, caption = graph_texts(path, picture)
        assert len(alt) > 100 and caption, (
            f"/{path}: {picture} needs a text alternative and a caption")
        if language_of(path) == DEFAULT:
            continue
        english = graph_texts(in_language(path, DEFAULT), picture)
        assert alt != english[0] and caption != english[1], (
            f"/{path}: the text alternative or caption of {picture} is "
            f"still English: translate it in {source_name(path)}")


def check_ui_strings_are_in_the_page_language(path):
    """The page's HTML, and the strings Material's scripts will show
    (the copy button's tooltip, the search messages)."""
    scripts = [("Material's scripts", text) for text in
               material_config(path)["translations"].values()]
    left = english_in(list(ui_texts(html_of(path))) + scripts,
                      language_of(path))
    assert not left, (f"/{path} shows or speaks English UI strings: {left}; "
                      "translate them in mkdocs.yml or overrides/")


def check_no_english_in_the_page(path):
    """Runs of English words in the text, labels and meta tags of a page in
    another language, outside code and what the page marks as English."""
    found = english_on_page(html_of(path), language_of(path))
    assert not found, (
        f"/{path} shows or speaks English: {found[:8]}; translate it in "
        f"{source_name(path) if built()[path].source else 'its hook or mkdocs.yml'}"
        ", or mark a cited title or a term kept in English on purpose: "
        "*Title*{ lang=en }")


A11Y_WORDS = {"code", "table", "figure", "cell"}


def check_a11y_js_has_its_words(path):
    """docs/assets/a11y.js names what has no name with the page's words,
    which overrides/main.html writes into the page (extra.a11y)."""
    script = html_of(path).find("script", id="__a11y")
    words = json.loads(script.string) if script and script.string else None
    assert isinstance(words, dict) and set(words) == A11Y_WORDS, (
        f"/{path}: the script#__a11y JSON is {words!r}, not the words "
        f"{sorted(A11Y_WORDS)}: set extra.a11y for this language in "
        "mkdocs.yml")


def checks_for(path):
    checks = [check_formulas_are_typeset, check_a11y_js_has_its_words,
              check_graph_pictures_are_described_in_the_page_language]
    if has_snippets(path):
        checks.append(check_code_is_its_snippet_and_output_its_golden)
    if exercises_on(path):
        checks.append(check_exercises_are_their_files_in_the_page_language)
    if figures_of(path):
        checks.append(check_figures_are_drawn_in_the_page_language)
    if is_searchable(path):
        checks.append(check_search_has_the_page_with_its_title)
    if is_translated(path):
        checks.append(check_ui_strings_are_in_the_page_language)
    if language_of(path) != DEFAULT:
        checks.append(check_no_english_in_the_page)
    return checks


@pytest.mark.pages("every")
def test_built_page(site_dir, path):
    failures = []
    for check in checks_for(path):
        try:
            check(path)
        except AssertionError as failure:
            failures.append(f"{check.__name__}: {failure}")
    assert not failures, "\n\n".join(failures)


@pytest.mark.parametrize("language", ROOTS)
def test_search_index_holds_its_language_only(site_dir, language):
    strays = sorted({
        location for location in search_index(language)
        if ROOTS[language] + location.split("#")[0] not in built()
        or language_of(ROOTS[language] + location.split("#")[0]) != language})
    assert not strays, (
        f"{index_name(language)} points to pages that are not {language} "
        f"pages: {strays[:10]} (hooks/search_per_language.py)")


def test_the_site_was_built_with_every_language(site_dir):
    for language in set(model.all_languages()) - {DEFAULT}:
        assert (site_dir / ROOTS[language] / "index.html").exists(), (
            f"site/{language}/ is missing: check the i18n languages in "
            "mkdocs.yml")


def test_the_not_found_page_is_in_the_default_language(site_dir):
    page = (site_dir / "404.html").read_text(encoding="utf-8")
    found = re.search(r'<html lang="([^"]+)"', page)
    assert found and found[1] == DEFAULT, (
        f"site/404.html is in {found and found[1]!r}, not {DEFAULT!r}: "
        "another language's build overwrote it (hooks/not_found_page.py)")


def test_network_graph_shows_what_its_snippet_prints(site_dir):
    golden = (ROOT / "snippets" / "backprop" / "01-training-step.out"
              ).read_text(encoding="utf-8")
    svg = (site_dir / "assets" / "graphs" / "network.svg").read_text(
        encoding="utf-8")
    loss = re.search(r"loss: (\S+)", golden)[1]
    assert f"loss = {loss}<" in svg
    parameters = re.findall(r"^(fc\d\.\w+) (\(.*\))$", golden, re.M)
    assert len(parameters) == 4, "the training step prints its parameters"
    for name, shape in parameters:
        assert f">{name}</text>" in svg, f"network.svg lacks {name}"
        if shape != "(1,)":
            assert f">{shape}</text>" in svg, f"network.svg lacks {shape}"
    bias_grad = re.search(r"fc2\.bias \(1,\)\ntensor\(\[(\S+)\]\)", golden)[1]
    assert f"∂L/∂fc2.bias = {bias_grad}<" in svg


def test_the_graph_pictures_are_on_the_pages(site_dir):
    shown = {picture for _, picture in english_graphs()}
    drawn = {path.name for path in (SITE / "assets" / "graphs").glob("*.svg")}
    assert shown == drawn, (
        f"the English pages show {sorted(shown)}, the build drew "
        f"{sorted(drawn)}: every picture must be on a page")


@pytest.mark.parametrize("language", ROOTS)
def test_navigation_names_the_first_page_for_what_it_teaches(site_dir,
                                                             language):
    html = (site_dir / ROOTS[language] / "index.html").read_text(
        encoding="utf-8")
    site_name = re.search(r'md-nav__button md-logo" aria-label="([^"]*)"',
                          html)[1]
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):]
    entries = [" ".join(t.split()) for t in re.findall(
        r'<span class="md-ellipsis">(.*?)</span>', nav, re.S)]
    assert entries and site_name not in entries, (
        f"/{ROOTS[language]}: the navigation repeats the site name "
        f"{site_name!r} as a page: name the page in mkdocs.yml nav (and "
        "nav_translations)")


def test_the_verified_line_follows_chinese_typography(site_dir):
    chinese = next(url for url, page in built().items()
                   if page.language == "zh" and page.kind in WRITTEN)
    html = html_file(chinese).read_text(encoding="utf-8")
    line = html[html.index("全部示例验证于"):][:300]
    assert "—" not in line and "<em>" not in html[
        html.index("全部示例验证于") - 10:html.index("全部示例验证于")], line
    assert "（<a href=" in line, line
