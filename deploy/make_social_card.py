"""Render deploy/social-card.svg to docs/assets/social-card.png (1200×630) with Debian's Chromium.

Run after editing the SVG:  .venv/bin/python deploy/make_social_card.py
The PNG is committed, so builds need no image tools. tests/publishing checks its size.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "deploy" / "social-card.svg"
PNG = ROOT / "docs" / "assets" / "social-card.png"
WIDTH, HEIGHT = 1200, 630


def render(svg: Path = SVG, png: Path = PNG) -> Path:
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--disable-gpu"])
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        # Inline the SVG in an empty page: nothing is fetched from anywhere.
        page.set_content(f"<style>html,body{{margin:0}}</style>{svg.read_text(encoding='utf-8')}")
        page.screenshot(path=str(png), clip={"x": 0, "y": 0, "width": WIDTH, "height": HEIGHT})
        browser.close()
    return png


if __name__ == "__main__":
    print(render())
