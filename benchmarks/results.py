"""What the benchmark measures, as plain data. Measuring code fills these; budgets.py and report.py read them."""

from __future__ import annotations

from dataclasses import dataclass, field

from .stats import median, ratio

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


@dataclass(frozen=True)
class PageWeight:
    """Bytes a first-time visitor downloads for one page (gzipped as served), ours and stock Material."""

    path: str
    ours: dict[str, int]  # bytes by kind: document, stylesheet, script, worker, search index, ...
    stock: dict[str, int]
    stock_blocked: tuple[str, ...] = ()  # outside addresses stock Material asked for (not reachable here)

    @property
    def ours_total(self) -> int:
        return sum(self.ours.values())

    @property
    def stock_total(self) -> int:
        return sum(self.stock.values())

    @property
    def ratio(self) -> float:
        return ratio(self.ours_total, self.stock_total)


@dataclass(frozen=True)
class LighthouseRun:
    """One Lighthouse run of one page with one preset."""

    path: str
    preset: str  # "mobile" or "desktop"
    scores: dict[str, int | None]  # category -> 0..100 (None: Lighthouse gave no score)
    metrics: dict[str, float]  # audit id -> numeric value (ms, or unitless for CLS)
    total_bytes: int
    failing: tuple[str, ...] = ()  # "category: audit-id — title" for every weighted audit below 1
    error: str | None = None  # Lighthouse's runtimeError, if any


@dataclass(frozen=True)
class LighthouseResult:
    """All runs of one page and preset. Performance and LCP: median; the other categories: worst run."""

    path: str
    preset: str
    runs: tuple[LighthouseRun, ...]

    def performance_runs(self) -> list[int | None]:
        return [r.scores.get("performance") for r in self.runs]

    @property
    def performance(self) -> float | None:
        values = [v for v in self.performance_runs() if v is not None]
        return median(values) if len(values) == len(self.runs) and values else None

    def score(self, category: str) -> int | None:
        values = [r.scores.get(category) for r in self.runs]
        return None if not values or None in values else min(v for v in values if v is not None)

    def metric(self, audit_id: str) -> float | None:
        values = [r.metrics[audit_id] for r in self.runs if audit_id in r.metrics]
        return median(values) if values and len(values) == len(self.runs) else None

    @property
    def total_bytes(self) -> int:
        return max((r.total_bytes for r in self.runs), default=0)

    @property
    def failing(self) -> tuple[str, ...]:
        seen: dict[str, str] = {}  # one line per audit, even when the runs give different savings
        for run in self.runs:
            for line in run.failing:
                seen.setdefault(line.split(" saves ")[0].split(" (")[0], line)
        return tuple(seen.values())

    @property
    def errors(self) -> tuple[str, ...]:
        return tuple(r.error for r in self.runs if r.error)


@dataclass(frozen=True)
class BuildTiming:
    label: str  # e.g. "1,000-article corpus, our config"
    pages: int
    seconds: tuple[float, ...]  # wall clock, one per run
    cpu_seconds: tuple[float, ...] = ()  # user + system CPU of the build process, one per run

    @property
    def median(self) -> float:
        return median(self.seconds)

    @property
    def cpu_median(self) -> float | None:
        return median(self.cpu_seconds) if self.cpu_seconds else None


@dataclass(frozen=True)
class SearchIndexSize:
    label: str
    pages: int
    raw: int
    gzipped: int


@dataclass
class Results:
    """Everything one benchmark run produced."""

    machine: dict[str, str] = field(default_factory=dict)
    weights: list[PageWeight] = field(default_factory=list)
    lighthouse: list[LighthouseResult] = field(default_factory=list)
    builds: list[BuildTiming] = field(default_factory=list)
    corpus_ours: BuildTiming | None = None
    corpus_stock: BuildTiming | None = None
    search: list[SearchIndexSize] = field(default_factory=list)
    corpus_articles: int = 0
    settings: dict[str, str] = field(default_factory=dict)
    duration_s: float = 0.0
