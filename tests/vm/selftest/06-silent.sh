# SPDX-License-Identifier: GPL-2.0
# Expected: "results" fails (a test that reports nothing).
:
