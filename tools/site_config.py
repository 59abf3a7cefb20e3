"""mkdocs.yml with only some languages built: the fast configuration that
the build tests and `make bench` use. Written next to mkdocs.yml, so every
relative path in it still holds."""
import re
from pathlib import Path

LOCALE = re.compile(r"^        - locale: (\S+)$", re.MULTILINE)


def config_for(languages, root: Path) -> Path:
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    parts = LOCALE.split(text)
    found = parts[1::2]
    unknown = set(languages) - set(found)
    if unknown:
        raise ValueError(f"mkdocs.yml has no languages {sorted(unknown)}")
    for index in range(1, len(parts), 2):
        if parts[index] not in languages:
            parts[index + 1] = parts[index + 1].replace(
                "          build: true", "          build: false", 1)
    config = root / f"mkdocs.{'-'.join(languages)}-only.yml"
    config.write_text("".join(
        f"        - locale: {part}" if i % 2 else part
        for i, part in enumerate(parts)), encoding="utf-8")
    return config
