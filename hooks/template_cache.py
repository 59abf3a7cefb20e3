"""Compile each Jinja template once per build.

The theme's environment is made anew for each of the five languages, and
mkdocs-jupyter makes a fresh nbconvert exporter for every notebook: without
this, the same templates were compiled 436 times, about a third of a warm
build. All those environments share one in-memory bytecode cache, keyed by
Jinja on each template's name, file and source: an edited template is
compiled anew.
"""
import jinja2

from nbconvert.exporters.templateexporter import TemplateExporter


class InMemoryBytecode(jinja2.BytecodeCache):
    def __init__(self):
        self.compiled = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket):
        self.compiled[bucket.key] = bucket.bytecode_to_string()


SHARED = InMemoryBytecode()


def on_startup(command, dirty):
    create = TemplateExporter._create_environment
    if getattr(create, "shares_bytecode", False):
        return

    def create_sharing(self):
        environment = create(self)
        environment.bytecode_cache = SHARED
        return environment

    create_sharing.shares_bytecode = True
    TemplateExporter._create_environment = create_sharing


def on_env(env, config, files):
    env.bytecode_cache = SHARED
    return env
