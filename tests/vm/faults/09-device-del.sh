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
	device_del pf0 > /dev/null || return 1
	wait_qmp_event DEVICE_DELETED 60 || { echo "no DEVICE_DELETED" >&2; return 1; }
	wait_until 20 pf_gone || { echo "$PF_PCI still there" >&2; return 1; }
	device_add "igb,bus=rp0,netdev=$QEMU_PF_NETDEV,mac=$PF_MAC,id=pf0" > /dev/null || return 1
	wait_until 30 pf_find 0 || { echo "no PF netdev after device_add" >&2; return 1; }
	pf_up 20 || return 1
	fl_vfs_up
}

check "topology" fl_ensure
fl_bg_start
fl_run "QEMU device_del of the PF with VFs enabled" "$(fl_count 1 5)" 30000 replug
fl_bg_stop
fl_finish
