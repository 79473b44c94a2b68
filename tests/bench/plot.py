#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Chart of a benchmark run: plot.py SUMMARY.json OUT.png [SUBTITLE]

One horizontal bar per figure: the srnic/in-tree ratio of the medians,
normalised so that > 1 always means srnic is ahead (lower-is-better
figures are inverted), with the range of the ratio over the rounds
(min/max) as error bar and a line at 1.0.  Figures that are not
separable (see report.py) are drawn grey.  Needs python3-matplotlib.
"""

import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FormatStrFormatter  # noqa: E402


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        figures = json.load(f)["figures"]
    sub = sys.argv[3] if len(sys.argv) > 3 else ""
    shown = [x for x in figures if x["normalised"]]
    skipped = [x["metric"] for x in figures if not x["normalised"]]
    if not shown:
        sys.exit("plot.py: no figure has a ratio to plot")
    shown.reverse()  # first figure on top
    names = ["%s (%s%s)" % (x["metric"], x["better"],
                            ", lower bound" if any(
                                x[s] and x[s]["lower_bound"]
                                for s in ("srnic", "intree")) else "")
             for x in shown]
    vals = [x["normalised"] for x in shown]
    lo = [max(v - x["norm_lo"], 0) for v, x in zip(vals, shown)]
    hi = [max(x["norm_hi"] - v, 0) for v, x in zip(vals, shown)]
    colours = ["tab:blue" if x["separable"] else "tab:grey" for x in shown]

    fig, ax = plt.subplots(figsize=(11, 0.38 * len(shown) + 2.2))
    y = range(len(shown))
    # bars start at 1.0, so a bar to the right is srnic ahead
    ax.barh(y, [v - 1 for v in vals], left=1, color=colours,
            xerr=[lo, hi], capsize=3, ecolor="black")
    ax.axvline(1.0, color="black", linewidth=1)
    ax.set_xscale("log", base=2)
    ax.xaxis.set_major_formatter(FormatStrFormatter("%g"))
    ax.set_yticks(list(y), names, fontsize=8)
    for i, (v, x) in enumerate(zip(vals, shown)):
        ax.annotate("%.2f" % v, (max(v, x["norm_hi"]), i), xytext=(4, -3),
                    textcoords="offset points", fontsize=7)
    ax.set_xlabel("srnic relative to in-tree (median of the rounds; "
                  "error bar: min..max ratio over the rounds)")
    title = ("srnic vs in-tree (igb / igbvf) under QEMU TCG: > 1 means srnic "
             "ahead\n(\"higher\" figures: srnic/in-tree; \"lower\" figures: "
             "in-tree/srnic; grey: not separable)")
    if sub:
        title += "\n" + sub
    ax.set_title(title, fontsize=9)
    if skipped:
        fig.text(0.01, 0.01, "no ratio (zero or missing): " + "; ".join(skipped),
                 fontsize=6)
    fig.tight_layout()
    fig.savefig(sys.argv[2], dpi=110)


if __name__ == "__main__":
    main()
