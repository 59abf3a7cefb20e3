"""The navigation: every page in it, every section title translated."""
import pytest

from docsite import model


def test_every_section_title_is_translated_in_every_language():
    titles = {title for title, _ in model.nav_entries(model.config()["nav"])
              if title}
    problems = []
    for entry in model.i18n_options()["languages"]:
        locale = entry["locale"]
        if entry.get("default") or model.language(locale).generated_from:
            continue
        translated = entry.get("nav_translations") or {}
        for title in sorted(titles - set(translated)):
            problems.append(f"mkdocs.yml: language '{locale}' has no "
                            f"nav_translations entry for "
                            f"'{title}': add `{title}: <title in {locale}>`")
        for title in sorted(set(translated) - titles):
            problems.append(f"mkdocs.yml: language '{locale}' translates "
                            f"'{title}', which the nav no longer has: remove "
                            "it")
    assert not problems, "\n".join(problems)


def test_every_page_is_in_the_navigation():
    listed = set(model.nav_pages())
    missing = [str(page) for page in model.pages() if page not in listed]
    assert not missing, (
        f"docs/{model.default_language()}/ pages missing from mkdocs.yml's "
        f"nav (readers could reach them only by search): {missing}")


MOST_WORDS = 1500


@pytest.mark.parametrize("language", model.written_languages())
def test_no_page_has_more_than_1500_words_of_prose(language):
    """A topic page is a unit a reader can finish (CONTRIBUTING, 'Pages and
    translations'); a longer one is two ideas: split it."""
    long = [f"docs/{language}/{page}: {words} words"
            for page in model.pages(language)
            if (words := model.prose_words(
                (model.DOCS / language / page).read_text(encoding="utf-8")))
            > MOST_WORDS]
    assert not long, (f"pages with more than {MOST_WORDS} words of prose "
                      "(docsite.model.prose_words): split each into topic "
                      "pages:\n" + "\n".join(long))
