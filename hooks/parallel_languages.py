"""Build the languages after the first in parallel processes.

mkdocs-static-i18n builds the default language, then each other language
in turn, into its folder of site/. When the second language is about to
start, this hook forks (hooks/across_languages.py): the work running beside
the build (the labs' translations, the drawings) goes on in the parent,
which tells the children when the labs they wait for are ready, and copies
the pictures their pages asked for. Each child builds a share of the remaining
languages, the parent the first share. Before mkdocs-static-i18n merges
the search index, the parent waits for the children and takes over what
their builds added to the collections read after the last language. An
error in a child, a strict-mode warning included, fails the build with the
child's message. DOCS_ONE_PROCESS=1 builds in one process.
"""
import contextlib
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
            abandon()
        raise


def fork(i18n):
    """One share of the remaining languages per process, a process per
    core and one more: the system shares the cores among them, so a share
    that ends early leaves its core to the others, and the first process
    (which also merges the search index) is not the last to finish."""
    rest = [locale for locale in i18n.build_languages
            if locale != i18n.default_language]
    shares = min(len(rest), (os.cpu_count() or 1) + 1)
    if shares < 2:
        SHARE.update(role="alone", mine=rest)
        return
    SHARE.update(before=across_languages.snapshot(), children={})
    going_on = across_languages.going_on()
    for work in going_on:
        work.before_fork()
    for index in range(1, shares):
        handle, state = tempfile.mkstemp(suffix=".pickle", prefix="languages-")
        os.close(handle)
        flush()
        child = os.fork()
        if child == 0:
            for work in going_on:
                work.in_child()
            SHARE.update(role="child", state=state, mine=rest[index::shares])
            return
        SHARE["children"][child] = (state, rest[index::shares])
    for work in going_on:
        work.in_parent()
    SHARE.update(role="parent", mine=rest[0::shares])


def join_then_merge(i18n, config):
    join()
    return MERGE(i18n, config)


def join():
    """In a child: hand over and leave. In the parent: take over, child by
    child."""
    role = SHARE.get("role")
    if role == "child":
        leave(added=across_languages.added_since(SHARE["before"]))
    if role != "parent":
        return
    try:
        across_languages.finish_going_on()
    except BaseException:
        abandon()
        raise
    children = SHARE["children"]
    for child in list(children):
        state, theirs = children.pop(child)
        _, status = os.waitpid(child, 0)
        with open(state, "rb") as file:
            handed = pickle.load(file) if os.path.getsize(state) else {}
        os.unlink(state)
        if status != 0 or "added" not in handed:
            abandon()
            raise PluginError(
                f"building {', '.join(theirs)} in a process of its own "
                f"failed:\n{handed.get('error', f'exit status {status}')}")
        across_languages.take_over(handed["added"])


def abandon():
    """The parent fails: its children stop, and leave no files behind."""
    for child, (state, _) in SHARE["children"].items():
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(child, signal.SIGKILL)
            os.waitpid(child, 0)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(state)
    SHARE["children"].clear()


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
