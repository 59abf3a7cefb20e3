"""Pictures drawn beside the build: a script forked by docsite.kernels
draws them while the pages build, and the files it writes are copied into
the site once it is done (after the last language)."""
import subprocess
from pathlib import Path

from across_languages import finish_before_fork
from docsite import kernels
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parents[1]


class Drawing:
    def __init__(self, script: str):
        self.script, self.process, self.copies = script, None, []

    def start(self, *arguments):
        self.process = subprocess.Popen(
            kernels.forked(self.script, *arguments), cwd=ROOT, text=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        finish_before_fork(self.script, self.finish)

    def file(self, path: str, folder: Path, config) -> File:
        """A picture to put in the site: copied now if nothing is being
        drawn, else once the drawing is done."""
        if self.process is None:
            return File(path, str(folder), config.site_dir,
                        config.use_directory_urls)
        drawing = self

        class DrawnLater(File):
            def copy_file(self, dirty=False):
                drawing.copies.append(self)

        return DrawnLater(path, str(folder), config.site_dir,
                          config.use_directory_urls)

    def finish(self):
        process, self.process = self.process, None
        if process is not None:
            _, errors = process.communicate()
            if process.returncode != 0:
                raise PluginError(f"{Path(self.script).relative_to(ROOT)} "
                                  f"could not draw:\n{errors.strip()}")
        copies, self.copies = self.copies, []
        for picture in copies:
            File.copy_file(picture)
