"""A 404 page in every language, and the root one that sends readers there.

MkDocs writes the theme's 404.html at the root of site/ in every build, and
mkdocs-static-i18n builds each language into the same site/: the language
built last would win (and with hooks/parallel_languages.py, the one whose
process ends last). So only the default language writes the root one; every
other language renders overrides/404.html into its own folder
(site/pl/404.html). A host such as GitHub Pages answers any missing address
with the root 404.html: a script at the top of it sends an address under a
language's folder (/pl/...) to that language's 404 page.
"""
import json
from pathlib import Path
from urllib.parse import urlsplit

from docsite import model
from mkdocs.commands.build import _build_template
from mkdocs.exceptions import PluginError

PAGE = "404.html"
SEND_TO_LANGUAGE = """<script>(function () {{
  var root = {root}, languages = {languages}, path = location.pathname;
  for (var i = 0; i < languages.length; i++) {{
    var home = root + languages[i] + "/";
    if (path.indexOf(home) === 0 && path !== home + "{page}") {{
      location.replace(home + "{page}");
      return;
    }}
  }}
}})();</script>"""
built = {}  # this language's navigation and files


def current_language(config) -> str:
    return config.plugins["i18n"].current_language


def on_pre_build(config):
    if current_language(config) == model.default_language():
        config.theme.static_templates.add(PAGE)
    else:
        config.theme.static_templates.discard(PAGE)


def on_nav(nav, config, files):
    built.update(nav=nav, files=files)


def on_post_build(config):
    language = model.language(current_language(config))
    site = Path(config.site_dir)
    if language.default:
        send_to_languages(site / PAGE, config)
        return
    template = config.theme.get_env().get_template(PAGE)
    html = _build_template(PAGE, template, built["files"], config,
                           built["nav"])
    target = site / language.url_prefix / PAGE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")


def send_to_languages(page: Path, config):
    html = page.read_text(encoding="utf-8")
    if "<head>" not in html:
        raise PluginError(f"{page}: no <head> to put the script that sends "
                          "readers to their language's 404 page in")
    script = SEND_TO_LANGUAGE.format(
        root=json.dumps(urlsplit(config.site_url or "/").path),
        languages=json.dumps([language for language in model.all_languages()
                              if language != model.default_language()]),
        page=PAGE)
    page.write_text(html.replace("<head>", f"<head>\n{script}", 1),
                    encoding="utf-8")
