# SPDX-License-Identifier: GPL-2.0
#
# Issue 7: a PF function reset (echo 1 > PF/reset, an FLR) with 7 VFs
# enabled. In QEMU the FLR clears the PF's SR-IOV control (VF Enable,
# NumVFs) and with it every VF's config space; the PCI core restores the
# PF's capability, reset_done restores the VFs' config space (saved in
# reset_prepare) and rebuilds the MAC and the switch. sriov_numvfs and
# the admin policy survive; every VF passes traffic again.
# timeout: 300

. /tests/aer/lib-aer.sh

aer_setup
m=$(trace_mark)
k=$(klog_mark)
t0=$(now_ms)
check "PF function reset (echo 1 > PF/reset) with $SRIOV_NUMVFS VFs" \
	vfcpu sh -c "echo 1 > $(pf_sysfs)/reset"
diag "the reset took $(($(now_ms) - t0)) ms"
klog_show "$k" "srnic|igbvf|$PF_PCI"
check "sriov_numvfs is still $SRIOV_NUMVFS" test "$(numvfs)" = "$SRIOV_NUMVFS"
vf_cfg_diag
in_force "PF function reset" "$m" 1
