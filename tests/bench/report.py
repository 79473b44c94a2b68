#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Aggregate the benchmark rounds of tests/bench/run.sh.

Reads ROUNDS.tsv (one measurement a line: status, side, metric, driver,
round, value, unit, note) and writes, per figure (metric) and side:
the median, min, max and count of its rounds, the ratio srnic/in-tree of
the medians, the same normalised so that > 1 means srnic is ahead, and
whether the two sides are separable at all: a figure is "not separable"
when the spread (max - min) of either side exceeds the difference of the
medians.

  report.py ROUNDS.tsv OUTDIR   writes OUTDIR/summary.tsv, summary.json
                                and prints the side-by-side table

summary.tsv is what run.sh turns into KTAP points; see README.rst.
"""

import json
import os
import statistics
import sys

SIDES = ("srnic", "intree")


def better(unit):
    """Throughput (bit/s) is better higher; times, sizes, memory, CPU
    shares and interrupt rates (irq/s) lower."""
    return "higher" if unit.endswith("bit/s") else "lower"


def num(v):
    """VALUE as a float and whether it is a lower bound (">N")."""
    lb = v.startswith(">")
    return float(v[1:] if lb else v), lb


def fmt(x):
    if x is None:
        return "-"
    if x == int(x) and abs(x) >= 10:
        return "%d" % x
    return "%.3g" % x if abs(x) < 10 else "%.1f" % x


def aggregate(rows):
    """{(metric, side): stats} and the metrics in first-seen order."""
    acc = {}
    order = []
    for st, side, metric, drv, rnd, val, unit, note in rows:
        if side not in SIDES:
            continue
        if metric not in order:
            order.append(metric)
        a = acc.setdefault((metric, side), {
            "driver": drv, "unit": "", "values": [], "rounds": [],
            "failed": [], "lower_bound": False})
        if unit:
            a["unit"] = unit
        if st != "ok":
            a["failed"].append({"round": rnd, "reason": note})
            continue
        try:
            x, lb = num(val)
        except ValueError:
            a["failed"].append({"round": rnd, "reason": "not a number: " + val})
            continue
        a["values"].append(x)
        a["rounds"].append(rnd)
        a["lower_bound"] |= lb
    for a in acc.values():
        v = a["values"]
        a["n"] = len(v)
        a["median"] = statistics.median(v) if v else None
        a["min"] = min(v) if v else None
        a["max"] = max(v) if v else None
        a["ok"] = bool(v) and not a["failed"]
    return acc, order


def compare(s, t, unit):
    """Ratio of medians, normalised ratio with its range, separability."""
    out = {"ratio": None, "normalised": None, "norm_lo": None,
           "norm_hi": None, "separable": None}
    if not s or not t or s["median"] is None or t["median"] is None:
        return out
    sm, tm = s["median"], t["median"]
    if tm > 0 and sm > 0:
        out["ratio"] = sm / tm
        if s["min"] > 0 and t["min"] > 0:
            if better(unit) == "higher":
                out["normalised"] = sm / tm
                out["norm_lo"] = s["min"] / t["max"]
                out["norm_hi"] = s["max"] / t["min"]
            else:
                out["normalised"] = tm / sm
                out["norm_lo"] = t["min"] / s["max"]
                out["norm_hi"] = t["max"] / s["min"]
    spread = max(s["max"] - s["min"], t["max"] - t["min"])
    out["separable"] = not spread > abs(sm - tm)
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    rows = []
    with open(sys.argv[1]) as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            p += [""] * (8 - len(p))
            rows.append(p[:8])
    acc, order = aggregate(rows)
    figures = []
    for m in order:
        s, t = acc.get((m, "srnic")), acc.get((m, "intree"))
        unit = (s or t)["unit"]
        fig = {"metric": m, "unit": unit, "better": better(unit),
               "srnic": s, "intree": t}
        fig.update(compare(s, t, unit))
        figures.append(fig)

    outdir = sys.argv[2]
    with open(os.path.join(outdir, "summary.json"), "w") as f:
        json.dump({"figures": figures}, f, indent=1)
        f.write("\n")
    # summary.tsv: status, metric, driver, side, unit, median, min, max,
    # n, failed rounds, separable (the side's row of its figure)
    with open(os.path.join(outdir, "summary.tsv"), "w") as f:
        for fig in figures:
            for side in SIDES:
                a = fig[side]
                if not a:
                    continue
                f.write("\t".join([
                    "ok" if a["ok"] else "fail", fig["metric"], a["driver"],
                    side, fig["unit"],
                    (">" if a["lower_bound"] else "") + fmt(a["median"]),
                    fmt(a["min"]),
                    fmt(a["max"]), str(a["n"]),
                    ",".join(x["round"] for x in a["failed"]),
                    {None: "-", True: "yes", False: "no"}[fig["separable"]],
                ]) + "\n")

    def cell(a):
        if not a or a["median"] is None:
            return "FAIL" if a else "-"
        lb = ">" if a["lower_bound"] else ""
        c = "%s%s [%s..%s]" % (lb, fmt(a["median"]), fmt(a["min"]), fmt(a["max"]))
        if a["failed"]:
            c += " (%d failed)" % len(a["failed"])
        return c

    w = max([len("metric")] + [len(x["metric"]) for x in figures])
    cw = max([len("srnic")] + [len(cell(x[s])) for x in figures for s in SIDES])
    row = "# %%-%ds | %%-6s | %%-%ds | %%-%ds | %%6s | %%s" % (w, cw, cw)
    print(row % ("metric", "unit", "srnic", "in-tree", "ratio", "note"))
    print("# " + "-" * (w + 2 * cw + 30))
    for fig in figures:
        note = []
        if fig["separable"] is False:
            note.append("not separable")
        if any(fig[s] and fig[s]["lower_bound"] for s in SIDES):
            note.append("lower bound")
        line = row % (fig["metric"], fig["unit"], cell(fig["srnic"]),
                      cell(fig["intree"]),
                      "%.2f" % fig["ratio"] if fig["ratio"] else "",
                      ", ".join(note))
        print(line.rstrip())


if __name__ == "__main__":
    main()
