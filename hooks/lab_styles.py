"""Ship the notebook styles once per language, as a file, pruned to what the
labs use.

mkdocs-jupyter inlines all of JupyterLab's CSS (575 kB, mostly icons and
widgets no lab has) into every lab page, before the content. This hook takes
the <style> blocks out of lab pages, links them from the page's head as
`assets/stylesheets/notebook.css` instead, and writes that file keeping only
the rules whose classes occur on some lab page (and that can match at all:
mkdocs-jupyter scopes `:root` as `.jupyter-wrapper :root`), and only the
custom properties that something kept refers to. mkdocs-static-i18n builds
every language into one site, so the file is shared, and written once every
language is built, with what all their lab pages use.
"""
import functools
import re
from pathlib import Path

import tinycss2
from across_languages import collected
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

STYLESHEET = "assets/stylesheets/notebook.css"
STYLE = re.compile(r"<style[^>]*>(.*?)</style>\s*", re.DOTALL)
CLASS_ATTRIBUTE = re.compile(r'\sclass="([^"]*)"')
CLASS_SELECTOR = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
NOT_REQUIRED = re.compile(r"\([^()]*\)|\[[^\]]*\]|\"[^\"]*\"|'[^']*'")
NESTED = {"media", "supports", "layer"}
ROOT_BELOW_SOMETHING = re.compile(r"\S\s*[\s>+~]\s*:root")
VARIABLE = re.compile(r"var\(\s*(--[\w-]+)")

# CSS blocks of lab pages, in order (a dict as ordered set)
styles = collected("lab styles", {})
classes = collected("lab classes", set())  # classes used on lab pages
# custom properties lab pages use in inline styles
variables = collected("lab variables", set())


def is_lab(page):
    return page.file.src_uri.endswith(".ipynb")


def on_page_content(html, page, config, files):
    if not is_lab(page):
        return html
    for css in STYLE.findall(html):
        # mkdocs-jupyter also prints a Python list of the Pygments CSS into
        # a <style>; browsers drop it as invalid, so do we.
        if not css.strip().startswith("['"):
            styles.setdefault(css.strip(), None)
    return STYLE.sub("", html)


def on_post_page(output, page, config):
    if not is_lab(page):
        return output
    for attribute in CLASS_ATTRIBUTE.findall(output):
        classes.update(attribute.split())
    variables.update(VARIABLE.findall(output))
    link = (f'<link rel="stylesheet" '
            f'href="{get_relative_url(STYLESHEET, page.url)}">')
    if "</head>" not in output:
        raise PluginError(f"{page.file.src_uri}: no </head> to link "
                          f"{STYLESHEET} from; see hooks/lab_styles.py")
    return output.replace("</head>", f"{link}\n</head>", 1)


def needed(selector_list, used):
    plain = selector_list
    while NOT_REQUIRED.search(plain):
        plain = NOT_REQUIRED.sub("", plain)
    return any(set(CLASS_SELECTOR.findall(selector)) <= used
               and not ROOT_BELOW_SOMETHING.search(selector)
               for selector in plain.split(","))


def matching(rules, used):
    """(prelude, declarations) of the rules that can match; at-rules as text."""
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            prelude = tinycss2.serialize(rule.prelude)
            if needed(prelude, used):
                kept.append((prelude, tinycss2.parse_declaration_list(
                    rule.content, skip_comments=True, skip_whitespace=True)))
        elif rule.type == "at-rule" and rule.lower_at_keyword in NESTED:
            inner = matching(tinycss2.parse_rule_list(
                rule.content, skip_comments=True, skip_whitespace=True), used)
            if inner:
                prelude = f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}"
                kept.append((prelude, inner))
        elif rule.type == "at-rule" and rule.lower_at_keyword != "charset":
            kept.append(rule.serialize())
    return kept


def declarations(kept):
    for item in kept:
        if isinstance(item, str):
            continue
        for part in item[1]:
            if isinstance(part, tuple):
                yield from declarations([part])
            elif part.type == "declaration":
                yield part


def referenced(kept, used_elsewhere):
    """Custom properties that a kept declaration needs, directly or not."""
    values = {}
    needs = set(used_elsewhere)
    for declaration in declarations(kept):
        value = tinycss2.serialize(declaration.value)
        if declaration.name.startswith("--"):
            values.setdefault(declaration.name, []).append(value)
        else:
            needs.update(VARIABLE.findall(value))
    todo = list(needs)
    while todo:
        for value in values.get(todo.pop(), []):
            for name in VARIABLE.findall(value):
                if name not in needs:
                    needs.add(name)
                    todo.append(name)
    return needs


def serialized(kept, needs):
    text = []
    for item in kept:
        if isinstance(item, str):
            text.append(item)
            continue
        prelude, body = item
        if body and isinstance(body[0], tuple):
            inner = serialized(body, needs)
            if inner:
                text.append(f"{prelude}{{{inner}}}")
            continue
        parts = [part.serialize() for part in body
                 if part.type == "declaration"
                 and (not part.name.startswith("--") or part.name in needs)]
        if parts:
            text.append(f"{prelude.strip()}{{{';'.join(parts)}}}")
    return "".join(text)


def pruned(rules, used, used_elsewhere=()):
    kept = matching(rules, used)
    return serialized(kept, referenced(kept, used_elsewhere))


@functools.lru_cache(maxsize=4)
def stylesheet(css, used, used_elsewhere):
    return pruned(parsed(css), used, used_elsewhere)


def parsed(css):
    rules = tinycss2.parse_stylesheet(css, skip_comments=True,
                                      skip_whitespace=True)
    errors = [rule for rule in rules if rule.type == "error"]
    if errors:
        raise PluginError(f"the notebook CSS from mkdocs-jupyter does not "
                          f"parse ({errors[0].message}); check "
                          f"hooks/lab_styles.py against its version")
    return rules


@event_priority(-150)  # the last: after mkdocs-static-i18n's languages
def on_post_build(config):
    if not styles or config.plugins["i18n"].building:
        return
    target = Path(config.site_dir) / STYLESHEET
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(stylesheet("\n".join(styles), frozenset(classes),
                                 frozenset(variables)),
                      encoding="utf-8")
