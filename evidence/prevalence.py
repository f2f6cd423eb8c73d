"""Prevalence figures: grouped by recall period so a chart only ever sets like beside like."""

from __future__ import annotations

from typing import Iterable

from .load import EvidenceBase
from .model import PrevalenceFigure, RecallPeriod


def prevalence_by_period(figures: Iterable[PrevalenceFigure]) -> dict[RecallPeriod, list[PrevalenceFigure]]:
    """Group figures so a chart only ever sets like beside like."""
    groups: dict[RecallPeriod, list[PrevalenceFigure]] = {p: [] for p in RecallPeriod}
    for f in figures:
        groups[f.recall_period].append(f)
    return {p: sorted(fs, key=lambda f: f.span[0]) for p, fs in groups.items() if fs}


def select_prevalence(base: EvidenceBase, periods: Iterable[str] = (), populations: Iterable[str] = (),
                      figure_ids: Iterable[str] = ()) -> list[PrevalenceFigure]:
    """Figures matching every filter given; picking figures by id narrows further."""
    periods, populations, figure_ids = set(periods), set(populations), set(figure_ids)
    return [f for f in base.prevalence.values()
            if (not periods or f.recall_period.value in periods)
            and (not populations or f.population_tag.value in populations)
            and (not figure_ids or f.id in figure_ids)]
