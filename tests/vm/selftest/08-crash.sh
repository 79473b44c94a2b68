# SPDX-License-Identifier: GPL-2.0
# Expected (only with CI_SELFTEST=crash): a kernel panic ends the VM;
# the runner reports "guest stopped before the suite finished".
if [ "${CI_SELFTEST:-}" = crash ]; then
	echo 1 > /proc/sys/kernel/sysrq
	echo c > /proc/sysrq-trigger
fi
ok "no crash requested"
