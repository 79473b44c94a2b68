# SPDX-License-Identifier: GPL-2.0
# Expected: the test passes but "kernel log clean" fails.
echo "WARNING: CPU: 0 PID: 1 at srnic-selftest fake warning" > /dev/kmsg
ok "logged a fake warning"
