# SPDX-License-Identifier: GPL-2.0
#
# Link flaps (QEMU set_link, a cable pull) with the VFs passing traffic:
# every VF loses its carrier (link-state auto) and gets it back.
. /tests/faults/lib-faults.sh

vfs_no_carrier() {
	local i
	for i in $(seq 0 $((NUM_VFS - 1))); do
		vf_carrier "$i" && return 1
	done
	return 0
}

flap() {
	set_link off > /dev/null || return 1
	wait_until 10 no_carrier "$PF_IF" || { echo "PF kept its carrier" >&2; return 1; }
	wait_until 10 vfs_no_carrier || { echo "a VF kept its carrier with the link down" >&2; return 1; }
	set_link on > /dev/null || return 1
	wait_until 15 has_carrier "$PF_IF"
}

check "topology" fl_ensure
fl_bg_start
fl_run "link flaps" "$(fl_count 1 20)" 20000 flap
fl_bg_stop
set_link on > /dev/null || true
fl_finish
