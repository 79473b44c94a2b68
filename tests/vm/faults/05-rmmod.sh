# SPDX-License-Identifier: GPL-2.0
#
# rmmod srnic_pf / insmod with srnic_vf bound and the VFs passing
# traffic: the VFs are surprise-removed (srnic_vf's remove runs while the
# PF is going away), and come back, with the policy set again, when the
# VFs are enabled on the new PF.
. /tests/faults/lib-faults.sh

pf_reload() {
	rmmod srnic_pf || return 1
	[ ! -e "/sys/bus/pci/devices/$PF_PCI/virtfn0" ] || { echo "VF0 still there" >&2; return 1; }
	! mod_loaded srnic_pf || { echo "srnic_pf still loaded" >&2; return 1; }
	pf_load || return 1
	pf_up 20 || return 1
	fl_vfs_up
}

check "topology" fl_ensure
fl_bg_start
fl_run "rmmod/insmod srnic_pf with srnic_vf bound" "$(fl_count 1 20)" 30000 pf_reload
fl_bg_stop
fl_finish
