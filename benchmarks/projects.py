"""Temp copies of the project: our config, stock Material, and the 1,000-article corpus; built with the real CLI."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.utils.yaml import get_yaml_loader

from macros.data_files import parse_yaml

from . import corpus
from .stats import gzip_size

ROOT = Path(__file__).resolve().parents[1]  # the project folder
OURS, STOCK, CORPUS = "mkdocs.yml", "mkdocs-stock.yml", "mkdocs-corpus.yml"
# Site-wide settings that are not theme work, kept in the stock config so both sites say the same.
SHARED_KEYS = ("site_name", "site_description", "site_url", "copyright", "markdown_extensions", "nav")


class BuildError(RuntimeError):
    pass


def stock_config(our_config: Path) -> dict:
    """Stock Material for the same Markdown: default theme and features; no custom_dir, macros or extra CSS.

    {{ macro }} calls stay literal text there. The same nav, extensions and site metadata are kept.
    """
    ours = yaml.load(
        our_config.read_text(encoding="utf-8"), Loader=get_yaml_loader()
    )  # MkDocs' own loader: reads !ENV and !!python/name
    config = {key: ours[key] for key in SHARED_KEYS if key in ours}
    config["theme"] = {"name": "material"}
    config["plugins"] = ["search"]
    config["validation"] = {"omitted_files": "info"}  # corpus articles are not in the nav
    return config


def write_configs(project: Path) -> None:
    """Adds the stock config, and a corpus config that only relaxes the check for pages left out of the nav."""
    (project / STOCK).write_text(
        yaml.dump(stock_config(project / OURS), sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    (project / CORPUS).write_text(
        f"INHERIT: {OURS}\n# The corpus articles are not in the nav; everything else is exactly our config.\n"
        "validation:\n  omitted_files: info\n",
        encoding="utf-8",
    )


def add_corpus(project: Path, articles: int, seed: int) -> list[Path]:
    """Writes `articles` corpus articles into docs/corpus/, citing real keys from the bibliography."""
    keys = list(parse_yaml((project / "macros/data/bibliography.yml").read_text(encoding="utf-8")))
    folder = project / "docs" / "corpus"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(1, articles + 1):
        path = folder / f"article-{number:04d}.md"
        path.write_text(corpus.article(number, keys, seed), encoding="utf-8")
        paths.append(path)
    return paths


def build(project: Path, config: str, out: Path) -> tuple[float, float]:
    """Builds with the real CLI, as `make build` does (for our configs, with the post-build publishing
    step, which the timing includes); returns (wall, CPU) seconds.

    CPU time (user + system of the build process) is shown beside wall time because it barely moves
    when something else runs on the machine; the budget itself is on wall time.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--clean", "-f", config, "-d", str(out)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env, timeout=1800)
    if result.returncode == 0 and config != STOCK:
        command = [sys.executable, "-m", "deploy.publish", str(out)]
        result = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env, timeout=600)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise BuildError(f"`{' '.join(command)}` in {project} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def sitemap_paths(site: Path) -> list[str]:
    """Every page of a built site, as URL paths ('/', '/about/'), from its sitemap.xml."""
    tree = ET.parse(site / "sitemap.xml")
    locs = [el.text or "" for el in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    if not locs:
        raise ValueError(f"{site / 'sitemap.xml'} lists no pages")
    base = os.path.commonprefix([urlsplit(loc).path for loc in locs]) if len(locs) > 1 else "/"
    base = base[: base.rfind("/") + 1]  # the site_url's path, e.g. '/' or '/guide/'
    return ["/" + urlsplit(loc).path[len(base) :] for loc in locs]


def search_index(site: Path) -> tuple[int, int]:
    """(raw, gzipped) bytes of search/search_index.json, gzipped as the server sends it."""
    data = (site / "search" / "search_index.json").read_bytes()
    return len(data), gzip_size(data)
