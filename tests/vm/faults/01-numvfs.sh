# SPDX-License-Identifier: GPL-2.0
#
# sriov_numvfs 7 -> 0 -> 7 with srnic_vf bound and every VF passing
# traffic; after each cycle the policy is set again on the new VFs (it
# does not survive sriov_numvfs 0) and srnic_vf bound again.
. /tests/faults/lib-faults.sh

numvfs_cycle() {
	echo 0 > "/sys/bus/pci/devices/$PF_PCI/sriov_numvfs" || return 1
	[ ! -e "/sys/bus/pci/devices/$PF_PCI/virtfn0" ] || { echo "VF0 still there" >&2; return 1; }
	fl_vfs_up
}

check "topology" fl_ensure
fl_bg_start
fl_run "sriov_numvfs 0<->7 with srnic_vf bound" "$(fl_count 1 100)" 30000 numvfs_cycle
fl_bg_stop
fl_finish
