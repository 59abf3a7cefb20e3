"""Pictures drawn beside the build: a script forked by docsite.kernels
draws them while the pages build, and the files it writes are copied into
the site once it is done (after the last language). The drawing goes on
while the build forks for the other languages: a forked process hands back
the copies its languages asked for (hooks/across_languages.py)."""
import subprocess
from pathlib import Path

from across_languages import collected
from docsite import kernels
from mkdocs import utils
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parents[1]


class Drawing:
    def __init__(self, script: str):
        self.script, self.process = script, None
        self.copies = collected(f"pictures {Path(script).name} draws", [])

    def start(self, *arguments):
        self.process = subprocess.Popen(
            kernels.forked(self.script, *arguments), cwd=ROOT, text=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def file(self, path: str, folder: Path, config) -> File:
        """A picture to put in the site: copied now if nothing is being
        drawn, else once the drawing is done."""
        if self.process is None:
            return File(path, str(folder), config.site_dir,
                        config.use_directory_urls)
        copies = self.copies

        class DrawnLater(File):
            def copy_file(self, dirty=False):
                copies.append((self.abs_src_path, self.abs_dest_path))

        return DrawnLater(path, str(folder), config.site_dir,
                          config.use_directory_urls)

    def finish(self):
        process, self.process = self.process, None
        if process is not None:
            _, errors = process.communicate()
            if process.returncode != 0:
                raise PluginError(f"{Path(self.script).relative_to(ROOT)} "
                                  f"could not draw:\n{errors.strip()}")
        for source, target in self.copies:
            utils.copy_file(source, target)
        self.copies.clear()
