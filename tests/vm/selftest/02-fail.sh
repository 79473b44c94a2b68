# SPDX-License-Identifier: GPL-2.0
# Expected: "not ok - 02-fail: false" and nothing else failing.
check "false" false
