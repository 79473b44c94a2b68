# SPDX-License-Identifier: GPL-2.0
#
# QEMU device_del of the PF with 7 VFs enabled and passing traffic (a PF
# surprise hot-unplug through pciehp), then device_add of a new 82576 in
# the same slot: srnic_pf probes it, the VFs and their policy come back.
# Last in the suite: the PF is a new device afterwards.
. /tests/faults/lib-faults.sh

pf_gone() {
	[ ! -e "/sys/bus/pci/devices/$PF_PCI" ]
}

replug() {
	# QMP errors go to the step's output, which a failure report quotes
	device_del pf0 >&2 || return 1
	# the PF's own event: each VF's DEVICE_DELETED comes first, and
	# device_add of id pf0 fails while QEMU still has the old one
	wait_qmp_event DEVICE_DELETED 60 pf0 || { echo "no DEVICE_DELETED for pf0" >&2; return 1; }
	wait_until 20 pf_gone || { echo "$PF_PCI still there" >&2; return 1; }
	device_add "igb,bus=rp0,netdev=$QEMU_PF_NETDEV,mac=$PF_MAC,id=pf0" >&2 || return 1
	wait_until 30 pf_find 0 || { echo "no PF netdev after device_add" >&2; return 1; }
	pf_up 20 || return 1
	fl_vfs_up
}

check "topology" fl_ensure
fl_bg_start
fl_run "QEMU device_del of the PF with VFs enabled" "$(fl_count 1 5)" 30000 replug
fl_bg_stop
fl_finish
