"""What a build keeps across its languages, for hooks/parallel_languages.py.

Two kinds of things: work running beside the pages, which goes on in the
first process after the fork (a forked process has none of the threads and
children doing it) and tells the forked processes what they wait for (the
labs); and collections that hooks fill page by page and read after the
last language (a list, a set, or a dict used as an ordered set), whose
additions each forked process hands back to the first (the pictures to
copy once drawn, the search entries).
"""
GOING_ON = {}
COLLECTED = {}


def goes_on_after_fork(name: str, work):
    """`work` has before_fork(), then in_child() or in_parent() just after
    the fork, and finish(), which the first process calls before it takes
    over the others' additions: the work's own error is the one reported."""
    GOING_ON[name] = work


def going_on() -> list:
    return list(GOING_ON.values())


def finish_going_on():
    for work in list(GOING_ON.values()):
        work.finish()
    GOING_ON.clear()


def collected(name: str, collection):
    COLLECTED[name] = collection
    return collection


def snapshot() -> dict:
    return {name: len(found) if isinstance(found, list) else set(found)
            for name, found in COLLECTED.items()}


def added_since(before: dict) -> dict:
    return {name: found[before[name]:] if isinstance(found, list)
            else [item for item in found if item not in before[name]]
            for name, found in COLLECTED.items()}


def take_over(added: dict):
    for name, items in added.items():
        found = COLLECTED[name]
        if isinstance(found, list):
            found.extend(items)
        elif isinstance(found, set):
            found.update(items)
        else:
            for item in items:
                found.setdefault(item, None)
