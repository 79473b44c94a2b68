# SPDX-License-Identifier: GPL-2.0
#
# break_run DEFECT: load the self-test build of srnic_pf with that defect,
# make the driver do what sets it off, unload.

break_run() {
	local d=$1 vf
	pf_unload_all 2> /dev/null || true
	check "srnic_pf selftest_break=$d loaded" pf_load selftest_break="$d"
	check "PF netdev" pf_find 15
	if [ "$d" = lockdep ]; then
		# the mailbox interrupt takes sw_lock first: a VF's VF_RESET
		check "1 VF" sh -c "echo 1 > /sys/bus/pci/devices/$PF_PCI/sriov_numvfs"
		insmod /srnic/srnic_vf.ko 2> /dev/null || true
		vf=$(readlink -f "/sys/bus/pci/devices/$PF_PCI/virtfn0")
		check "srnic_vf bound to VF 0" wait_until 20 test -e "$vf/driver"
		sleep 2
	fi
	check "PF up (ndo_open runs the defect)" ip link set "$PF_IF" up
	# kmemleak reports objects older than 5 s only
	[ "$d" = kmemleak ] && sleep 6
	if [ "$d" = lockdep ]; then
		echo 0 > "/sys/bus/pci/devices/$PF_PCI/sriov_numvfs"
		rmmod srnic_vf 2> /dev/null || true
	fi
	check "srnic_pf unloaded" pf_unload_all
}
