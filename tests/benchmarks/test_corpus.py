"""The generated corpus: deterministic, ~1,000 words, written like real articles, and accepted by our strict build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from benchmarks import corpus, projects
from macros.data_files import parse_yaml
from macros.schema import FrontMatter
from tools.project_copy import copy_project

KEYS = ["alpha2000", "beta2010", "gamma2020"]


def front_matter(markdown: str) -> dict:
    return parse_yaml(markdown.split("---", 2)[1])


def test_same_seed_same_text_and_other_seed_other_text() -> None:
    assert corpus.article(7, KEYS, seed=6) == corpus.article(7, KEYS, seed=6)
    assert corpus.article(7, KEYS, seed=6) != corpus.article(7, KEYS, seed=7)
    assert corpus.article(7, KEYS, seed=6) != corpus.article(8, KEYS, seed=6)


@pytest.mark.parametrize("number", [1, 500, 1000])
def test_article_is_written_like_a_real_one(number: int) -> None:
    text = corpus.article(number, KEYS, seed=6)
    assert 900 <= corpus.words(text) <= 1200
    FrontMatter.model_validate(front_matter(text))  # our build validates every page's front matter
    cited = re.findall(r'"([a-z0-9]+)"', " ".join(re.findall(r"\{\{ cite\((.*?)\) \}\}", text)))
    assert len(cited) >= 5 and set(cited) <= set(KEYS)
    assert re.search(r"^!!! \w+ \"", text, re.MULTILINE) and "|---|---|---|" in text
    assert len(re.findall(r"^## ", text, re.MULTILINE)) == 5 and "](../" in text


def test_no_keys_is_an_error() -> None:
    with pytest.raises(ValueError, match="at least one bibliography key"):
        corpus.article(1, [], seed=6)


def test_corpus_builds_strict_with_our_config_and_with_stock_material(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    projects.write_configs(project)
    projects.add_corpus(project, 3, seed=6)
    projects.build(project, projects.CORPUS, tmp_path / "ours")
    projects.build(project, projects.STOCK, tmp_path / "stock")
    ours = projects.sitemap_paths(tmp_path / "ours")
    assert "/corpus/article-0003/" in ours and ours == projects.sitemap_paths(tmp_path / "stock")
    page = (tmp_path / "ours/corpus/article-0001/index.html").read_text(encoding="utf-8")
    assert 'class="cite"' in page and "ipt-article-footer" in page  # macros ran, the article footer is there
    stock = (tmp_path / "stock/corpus/article-0001/index.html").read_text(encoding="utf-8")
    assert "{{ cite(" in stock and "ipt-article-footer" not in stock  # stock: no macros, no overrides
