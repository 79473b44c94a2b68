# SPDX-License-Identifier: GPL-2.0
#
# The PF must answer a VF's mailbox request at once even when the VF
# driver busy-waits for the answer on the CPU that takes the PF's mailbox
# interrupt (stock igbvf polls with its mbx_lock, a BH-disabling spinlock,
# held; upstream igb answers from the hard interrupt handler).  VF6 is
# re-bound to igbvf and brought up on that CPU: the VF_RESET handshake must
# not time out ("PF still in reset state") and the link must come up fast.
# timeout: 120

. /tests/sriov/lib-sriov.sh

check "SR-IOV topology" sriov_ensure
V=6
bdf=$(vf_pci $V)
cpu=$(mbx_irq_cpu || echo 0)
diag "PF mailbox interrupt $(mbx_irq) on CPU $cpu; VF$V is $bdf"
check "unbind VF$V from igbvf" sh -c "echo $bdf > /sys/bus/pci/drivers/igbvf/unbind"
dmesg -c > /dev/null
t0=$(now_ms)
check "bind VF$V to igbvf on CPU $cpu" taskset -c "$cpu" sh -c "echo $bdf > /sys/bus/pci/drivers/igbvf/bind"
dt=$(($(now_ms) - t0))
dmesg > /tmp/probe.log
grep "$bdf" /tmp/probe.log | sed 's/^/#   /' >&8 || true
check "igbvf probe got the VF_RESET reply (no 'PF still in reset state')" \
	sh -c "! grep -q 'PF still in reset state' /tmp/probe.log"
check "igbvf probe took < 500 ms (${dt} ms)" test "$dt" -lt 500
check "VF$V netdev in namespace vf$V" vf_setup $V
if ms=$(wait_ms 30000 vf_carrier $V); then
	diag "VF$V carrier after ${ms} ms"
	check "VF$V carrier within 3 s of link up (${ms} ms)" test "$ms" -lt 3000
else
	not_ok "VF$V carrier within 3 s of link up" "none after 30 s"
fi
# up on the mailbox CPU as well, after a down
vfip $V link set vf$V down
t0=$(now_ms)
taskset -c "$cpu" /sbin/ip -n vf$V link set vf$V up
if ms=$(wait_ms 30000 vf_carrier $V); then
	check "VF$V carrier within 3 s of 'ip link set up' on CPU $cpu (${ms} ms)" test "$ms" -lt 3000
else
	not_ok "VF$V carrier within 3 s of 'ip link set up' on CPU $cpu" "none after 30 s"
fi
check "VF$V pings partner" vf_wait_ping $V "$PARTNER_IP" 30
