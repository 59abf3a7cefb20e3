"""Build the languages after the first in two processes.

mkdocs-static-i18n builds the default language, then each other language
in turn, into its folder of site/. When the second language is about to
start, this hook finishes the work running beside the build and forks
(hooks/across_languages.py): the child builds every other remaining
language, the parent the rest. Before mkdocs-static-i18n merges the search
index, the parent waits for the child and takes over what the child's
builds added to the collections read after the last language. An error in
the child, a strict-mode warning included, fails the build with the
child's message. DOCS_ONE_PROCESS=1 builds in one process.
"""
import logging
import os
import pickle
import signal
import sys
import tempfile
import traceback

import mkdocs_static_i18n.plugin as i18n_plugin
from mkdocs.exceptions import PluginError

import across_languages

BUILD = i18n_plugin.build
MERGE = i18n_plugin.I18n.reconfigure_search_index
SHARE = {}


def on_startup(command, dirty):
    if (command == "build" and (os.cpu_count() or 1) > 1
            and os.environ.get("DOCS_ONE_PROCESS") != "1"):
        i18n_plugin.build = build_my_share
        i18n_plugin.I18n.reconfigure_search_index = join_then_merge


def on_shutdown():
    i18n_plugin.build = BUILD
    i18n_plugin.I18n.reconfigure_search_index = MERGE


def on_pre_build(config):
    i18n = config.plugins["i18n"]
    if not i18n.building:
        SHARE.clear()
        across_languages.collected("search entries", i18n.search_entries)


def build_my_share(config, **options):
    i18n = config.plugins["i18n"]
    if not SHARE:
        fork(i18n)
    if i18n.current_language not in SHARE["mine"]:
        return None
    try:
        return BUILD(config, **options)
    except BaseException:
        if SHARE["role"] == "child":
            leave(error=traceback.format_exc())
        if SHARE["role"] == "parent":
            os.kill(SHARE["child"], signal.SIGKILL)
            os.unlink(SHARE["state"])
        raise


def fork(i18n):
    rest = [locale for locale in i18n.build_languages
            if locale != i18n.default_language]
    if len(rest) < 2:
        SHARE.update(role="alone", mine=rest)
        return
    across_languages.finish_all()
    handle, state = tempfile.mkstemp(suffix=".pickle", prefix="languages-")
    os.close(handle)
    SHARE.update(state=state, before=across_languages.snapshot())
    flush()
    child = os.fork()
    if child == 0:
        SHARE.update(role="child", mine=rest[1::2])
    else:
        SHARE.update(role="parent", child=child, mine=rest[0::2],
                     theirs=rest[1::2])


def join_then_merge(i18n, config):
    join()
    return MERGE(i18n, config)


def join():
    """In the child: hand over and leave. In the parent: take over."""
    role = SHARE.get("role")
    if role == "child":
        leave(added=across_languages.added_since(SHARE["before"]))
    if role != "parent":
        return
    _, status = os.waitpid(SHARE["child"], 0)
    with open(SHARE["state"], "rb") as file:
        handed = pickle.load(file) if os.path.getsize(SHARE["state"]) else {}
    os.unlink(SHARE["state"])
    if status != 0 or "added" not in handed:
        raise PluginError(
            f"building {', '.join(SHARE['theirs'])} in a second process "
            f"failed:\n{handed.get('error', f'exit status {status}')}")
    across_languages.take_over(handed["added"])


def leave(**handed):
    try:
        with open(SHARE["state"], "wb") as file:
            pickle.dump(handed, file)
    finally:
        flush()
        os._exit(0 if "added" in handed else 1)


def flush():
    for handler in logging.getLogger().handlers + logging.getLogger(
            "mkdocs").handlers:
        handler.flush()
    sys.stdout.flush()
    sys.stderr.flush()
