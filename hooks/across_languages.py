"""What a build keeps across its languages, for hooks/parallel_languages.py.

Two kinds of things: work running beside the pages (the labs' kernels, the
drawings), which must be finished before the build forks, since a forked
process has none of the threads and children doing it; and collections
that hooks fill page by page and read after the last language (a list, a
set, or a dict used as an ordered set), whose additions each forked process
hands back to the first.
"""
FINISH = {}
COLLECTED = {}


def finish_before_fork(name: str, finish):
    FINISH[name] = finish


def finish_all():
    for finish in list(FINISH.values()):
        finish()
    FINISH.clear()


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
