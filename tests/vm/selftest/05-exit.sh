# SPDX-License-Identifier: GPL-2.0
# Expected: set -e aborts the test: "exit status" fails.
ok "before"
false
ok "never reached"
