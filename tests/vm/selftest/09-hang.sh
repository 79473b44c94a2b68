# SPDX-License-Identifier: GPL-2.0
# Expected (only with CI_SELFTEST=hang): the guest hangs past the VM's hard
# timeout; the runner kills QEMU and reports it.
# timeout: 9999
if [ "${CI_SELFTEST:-}" = hang ]; then
	sleep 9999
fi
ok "no hang requested"
