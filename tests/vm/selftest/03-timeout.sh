# SPDX-License-Identifier: GPL-2.0
# Expected: killed by the per-test timeout, with its background child.
# timeout: 3
sleep 1000 &
ok "started"
sleep 1000
