# SPDX-License-Identifier: GPL-2.0
#
# Issue 7: a correctable AER error (BAD_TLP) injected at the PF. Nothing
# to recover: the PF and every VF keep passing traffic, the policy stays,
# and no reset happens (the rate limiter is not programmed again).
# QEMU 10.0 logs the error in the PF's AER capability but cannot forward
# it to the root port (see lib-aer.sh), so whether the kernel counted it
# is a skip, never a pass, while that holds.
# timeout: 300

. /tests/aer/lib-aer.sh

aer_setup
n0=$(aer_total "$PF_PCI" correctable)
check "correctable: Command.SERR# on the root port" aer_serr_on
pa=$($PCIcfg "$PF_PCI" ecap 1)
m=$(trace_mark)
k=$(klog_mark)
check "correctable: pcie_aer_inject_error pf0 BAD_TLP" hmp_ok "pcie_aer_inject_error pf0 BAD_TLP"
aer_regs
cor=$($PCIcfg "$PF_PCI" $((pa + 16)) 4)
check "correctable: the PF logged Bad TLP in its Correctable Error Status ($cor)" \
	test $((cor & 0x40)) = $((0x40))
if wait_until 5 aer_above "$PF_PCI" correctable "$n0"; then
	ok "correctable: the kernel counted a correctable error at the PF"
else
	skip "correctable: the kernel counted a correctable error at the PF" \
		"QEMU forwards no correctable error message (pcie_aer_msg_alldev), and igb has no Device Control reporting enables"
fi
# W1C, so that the status does not look like a new error later
$PCIcfg "$PF_PCI" $((pa + 16)) 4 "$cor"
in_force "correctable" "$m" 0
check_fail "correctable: the PF was not reset" klog_has "$k" "srnic.*(resetting|PCI error detected)"
