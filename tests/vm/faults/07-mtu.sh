# SPDX-License-Identifier: GPL-2.0
#
# PF MTU 1500 -> 9000 -> 1500 under VF traffic (the PF reprograms its
# receive path and the VFs' size limits each time).
. /tests/faults/lib-faults.sh

mtu_cycle() {
	ip link set "$PF_IF" mtu 9000 || return 1
	wait_until 15 has_carrier "$PF_IF" || return 1
	ip link set "$PF_IF" mtu 1500 || return 1
	wait_until 15 has_carrier "$PF_IF"
}

check "topology" fl_ensure
fl_bg_start
fl_run "PF MTU changes under VF traffic" "$(fl_count 1 20)" 20000 mtu_cycle
fl_bg_stop
fl_finish
