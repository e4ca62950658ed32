#!/usr/bin/env python3
"""Reference figures for sidenote's agreement statistics, from independent implementations.

Run once, by hand, to (re)write tests/agreement/reference.json; the Rust tests
(tests/agreement_reference.rs) read that file, so CI needs no Python.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install krippendorff statsmodels irrCAC
    /tmp/venv/bin/python scripts/agreement_reference.py > tests/agreement/reference.json

Sources of each figure:
  percent_agreement   irrCAC (Gwet's own package) `pa` of AC1: agreeing pairs over pairable units
  krippendorff_alpha  `krippendorff` (Castro), level_of_measurement="nominal"
  fleiss_kappa        statsmodels `fleiss_kappa` when every coder coded every unit; with missing
                      cells irrCAC's `fleiss` (Gwet's generalisation)
  gwet_ac1            irrCAC `gwet`
  cohen_kappa         statsmodels `cohens_kappa` on the 2x2 (qxq) table of units both coded
A figure a reference cannot compute (0/0) is null.
"""

import json
import math
import random
import sys
import warnings

import krippendorff
import numpy as np
import pandas as pd
from irrCAC.raw import CAC
from statsmodels.stats.inter_rater import aggregate_raters, cohens_kappa, fleiss_kappa

warnings.filterwarnings("ignore")


def finite(value):
    value = float(value)
    return value if math.isfinite(value) else None


def figures(units, q):
    coders = len(units[0])
    pairable = [u for u in units if sum(v is not None for v in u) >= 2]
    out = {}
    frame = pd.DataFrame(
        [[np.nan if v is None else float(v) for v in u] for u in units],
        columns=[f"c{i}" for i in range(coders)],
    )
    categories = [float(k) for k in range(q)]

    def cac(method):
        try:
            result = getattr(CAC(frame, categories=categories, digits=15), method)()
            return result["est"]
        except (ZeroDivisionError, ValueError, FloatingPointError):
            return None

    gwet = cac("gwet") if pairable else None
    out["percent_agreement"] = finite(gwet["pa"]) if gwet else None
    values_given = {v for u in pairable for v in u if v is not None}
    out["gwet_ac1"] = finite(gwet["coefficient_value"]) if gwet else None

    if pairable and len(values_given) > 1:
        data = np.array(
            [[np.nan if u[c] is None else u[c] for u in units] for c in range(coders)],
            dtype=float,
        )
        out["krippendorff_alpha"] = finite(
            krippendorff.alpha(
                reliability_data=data,
                level_of_measurement="nominal",
                value_domain=list(range(q)),
            )
        )
    else:
        out["krippendorff_alpha"] = None

    complete = all(v is not None for u in units for v in u)
    if complete:
        table, _ = aggregate_raters(np.array(units), n_cat=q)
        out["fleiss_kappa"] = finite(fleiss_kappa(table, method="fleiss"))
    else:
        fleiss = cac("fleiss") if pairable else None
        out["fleiss_kappa"] = finite(fleiss["coefficient_value"]) if fleiss else None

    if coders == 2:
        both = [(a, b) for a, b in units if a is not None and b is not None]
        table = np.zeros((q, q))
        for a, b in both:
            table[a][b] += 1
        try:
            out["cohen_kappa"] = finite(cohens_kappa(table).kappa) if both else None
        except (ZeroDivisionError, ValueError):
            out["cohen_kappa"] = None
    else:
        out["cohen_kappa"] = None
    return out


def random_dataset(rng, name):
    coders = rng.randint(2, 5)
    q = rng.choice([2, 2, 2, 3, 5])
    n = rng.randint(4, 60)
    missing = rng.choice([0.0, 0.0, 0.1, 0.3])
    prevalence = [rng.random() for _ in range(q)]
    units = []
    for _ in range(n):
        truth = rng.choices(range(q), weights=prevalence)[0]
        row = []
        for _ in range(coders):
            if rng.random() < missing:
                row.append(None)
            elif rng.random() < 0.7:
                row.append(truth)
            else:
                row.append(rng.randrange(q))
        units.append(row)
    return {"name": name, "categories": q, "units": units}


def published():
    """The worked examples the Rust tests also check against their published figures."""
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 coders,
    # 12 units, values 1-5 (here 0-4), missing cells; nominal alpha 0.743. The same table is
    # Gwet (2014), Handbook of Inter-Rater Reliability, 4th ed., Table 2.16 (irrCAC's
    # raw_4raters, with unit 12 given by another coder): AC1 0.77544, Fleiss 0.76117.
    a = [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None]
    b = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3]
    c = [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None]
    d = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None]
    krippendorff_2011 = [[None if v is None else v - 1 for v in unit] for unit in zip(a, b, c, d)]
    # Fleiss (1971), as on Wikipedia ("Fleiss' kappa", worked example): 10 subjects, 14 raters,
    # 5 categories, counts per category; kappa 0.210. Raters are not identified, so each row's
    # counts are laid out over the 14 columns in category order.
    fleiss_counts = [
        [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ]
    fleiss_1971 = [[k for k, n in enumerate(row) for _ in range(n)] for row in fleiss_counts]
    # Cohen's kappa, Wikipedia ("Cohen's kappa", simple example): 50 proposals, yes/yes 20,
    # yes/no 5, no/yes 10, no/no 15; kappa 0.4.
    cohen = [[1, 1]] * 20 + [[1, 0]] * 5 + [[0, 1]] * 10 + [[0, 0]] * 15
    return [
        {"name": "krippendorff-2011", "categories": 5, "units": krippendorff_2011},
        {"name": "fleiss-1971", "categories": 5, "units": fleiss_1971},
        {"name": "cohen-wikipedia", "categories": 2, "units": cohen},
    ]


def main():
    rng = random.Random(20261207)
    datasets = [random_dataset(rng, f"random-{i}") for i in range(60)]
    datasets += published()
    datasets += [
        {"name": "all-absent", "categories": 2, "units": [[0, 0, 0]] * 6},
        {"name": "one-disagreement-in-rare-tag", "categories": 2,
         "units": [[0, 0]] * 18 + [[1, 0], [1, 1]]},
        {"name": "two-coders-with-gaps", "categories": 2,
         "units": [[1, None], [0, 0], [1, 1], [None, 0], [0, 1], [1, 1], [0, 0]]},
    ]
    for dataset in datasets:
        dataset.update(figures(dataset["units"], dataset["categories"]))
    json.dump({"generated_by": "scripts/agreement_reference.py", "datasets": datasets},
              sys.stdout, indent=None, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
