# SPDX-License-Identifier: GPL-2.0
#
# PF down/up with 7 VFs passing traffic.
. /tests/faults/lib-faults.sh

pf_bounce() {
	ip link set "$PF_IF" down || return 1
	ip link set "$PF_IF" up || return 1
	wait_until 15 has_carrier "$PF_IF"
}

check "topology" fl_ensure
fl_bg_start
fl_run "PF down/up with 7 VFs passing traffic" "$(fl_count 1 50)" 20000 pf_bounce
fl_bg_stop
fl_finish
