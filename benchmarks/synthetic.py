"""A synthetic base of any size, valid by construction, for measuring speed at scale."""

from __future__ import annotations

import random
from pathlib import Path

import yaml

from evidence.grade import CERTAINTY_WORDS
from evidence.model import Certainty, Design, Direction, PopulationTag, Topic

_HEDGE = {c: (words[0] if words else "") for c, words in CERTAINTY_WORDS.items()}


def write_base(directory: Path, n_studies: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    topics, pops, designs = list(Topic), list(PopulationTag), [Design.RCT, Design.COHORT, Design.CROSS_SECTIONAL]
    studies = []
    for i in range(n_studies):
        outcomes = []
        for _ in range(3):
            low = round(rng.uniform(-10, 5), 2)
            outcomes.append({"name": f"Outcome {rng.randint(1, 999)}", "topic": rng.choice(topics).value,
                             "measure": "mean difference", "estimate": low + 1, "ci_low": low, "ci_high": low + 2,
                             "unit": "points", "direction": rng.choice(list(Direction)).value})
        studies.append({
            "id": f"study-{i}", "authors": [f"Author{i} AB", "et al."], "title": f"Synthetic study {i} of running",
            "journal": "Journal of Synthetic Evidence", "year": rng.randint(1990, 2026), "doi": f"10.9999/syn.{i}",
            "design": rng.choice(designs).value, "populations": [rng.choice(pops).value],
            "population": "Synthetic adults", "sample_size": rng.randint(10, 5000),
            "topics": sorted({o["topic"] for o in outcomes}), "summary": "A made-up study used to test speed.",
            "outcomes": outcomes, "verified": "as-cited",
        })
    claims = []
    for j in range(max(1, n_studies // 10)):
        cited = rng.sample(range(n_studies), k=min(3, n_studies))
        claims.append({
            # No digits in the prose: every number a take-home states must come from a cited study.
            "id": f"claim-{j}", "statement": f"Running {_HEDGE[Certainty.LOW]} help with this outcome.",
            "expert_summary": "Synthetic.", "certainty": "low", "certainty_reason": "Synthetic data.",
            "direction": "benefit", "topics": [rng.choice(topics).value], "populations": [rng.choice(pops).value],
            "studies": [f"study-{k}" for k in cited],
        })
    directory.mkdir(parents=True, exist_ok=True)
    for kind, records in (("studies", studies), ("claims", claims)):
        (directory / f"{kind}.yaml").write_text(yaml.safe_dump({kind: records}, sort_keys=False, allow_unicode=True))
    return directory
