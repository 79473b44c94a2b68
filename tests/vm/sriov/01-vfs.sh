# SPDX-License-Identifier: GPL-2.0
#
# Acceptance 1: 7 VFs on the stock igbvf; disable/enable 10 times with no
# oops or leak and the PF keeping its address; then every VF in its own
# namespace pings the link partner, VF0<->VF1 and PF<->VF0 ping through
# the NIC switch.
# timeout: 240

. /tests/sriov/lib-sriov.sh

check "PF up" pf_ensure
check "modprobe igbvf" vfcpu modprobe igbvf
check "sriov_totalvfs is 7" test "$(cat "$(pf_sysfs)/sriov_totalvfs")" = 7
[ "$(numvfs)" = 0 ] || numvfs_set 0 || true

# -- enable/disable cycles -----------------------------------------------------
base_netdevs=$(igbvf_netdevs)
base_irqs=$(grep -c . /proc/interrupts)
virtfns_are() {
	[ "$(ls -d "$(pf_sysfs)"/virtfn* 2> /dev/null | wc -l)" = "$1" ]
}
netdevs_are() {
	[ "$(igbvf_netdevs)" = "$1" ]
}
mem_avail() {
	awk '/^MemAvailable:/ { print $2 }' /proc/meminfo
}
sriov_pin
bad=""
mem2=""
c=1
while [ $c -le 10 ]; do
	if ! numvfs_set 7 > /tmp/en.out 2>&1; then
		bad="$bad enable#$c($(cat /tmp/en.out))"
	fi
	sriov_pin
	wait_until 10 virtfns_are 7 || bad="$bad virtfn#$c"
	wait_until 10 netdevs_are $((base_netdevs + 7)) ||
		bad="$bad netdevs#$c($(igbvf_netdevs))"
	numvfs_set 0 > /tmp/dis.out 2>&1 || bad="$bad disable#$c($(cat /tmp/dis.out))"
	[ "$(igbvf_netdevs)" = "$base_netdevs" ] || bad="$bad left#$c($(igbvf_netdevs))"
	[ ! -e "$(pf_sysfs)/virtfn0" ] || bad="$bad virtfn-left#$c"
	[ $c = 2 ] && mem2=$(mem_avail)
	c=$((c + 1))
done
if [ -z "$bad" ]; then
	ok "10 enable/disable cycles: 7 VFs probed by igbvf each time, all gone after"
else
	not_ok "10 enable/disable cycles" "$bad"
fi
mem10=$(mem_avail)
diag "MemAvailable after cycle 2: $mem2 kB, after cycle 10: $mem10 kB"
check "no memory leak over 8 cycles (< 4 MB)" test $((mem2 - mem10)) -lt 4096
check "interrupt count back to baseline" test "$(grep -c . /proc/interrupts)" = "$base_irqs"
check "PF kept its address" sh -c "ip -4 addr show dev $PF_IF | grep -q '$PF_IP/'"
check "PF pings partner after the cycles" wait_ping 10

# -- 7 VFs, each in its own namespace ------------------------------------------
check "enable 7 VFs" numvfs_set 7
sriov_pin
diag "PF mailbox irq $(mbx_irq) on CPU $(mbx_irq_cpu); VF commands on CPU $VF_CPU"
check "PF still pings partner with VFs enabled" wait_ping 10
i=0
while [ $i -lt 7 ]; do
	check "VF$i set up in namespace vf$i" vf_setup $i
	i=$((i + 1))
done
if ms=$(wait_ms 30000 vf_all_up); then
	ok "all 7 VFs have carrier (${ms} ms)"
else
	not_ok "all 7 VFs have carrier within 30 s"
fi
i=0
while [ $i -lt 7 ]; do
	if vf_wait_ping $i "$PARTNER_IP" 20 && vf_ping $i "$PARTNER_IP" 3 > /tmp/p.out 2>&1; then
		ok "VF$i (ns vf$i, $(vf_mac $i)) pings partner"
	else
		not_ok "VF$i pings partner" "$(tail -n 3 /tmp/p.out 2>/dev/null)"
	fi
	i=$((i + 1))
done
check "partner pings VF3" in_partner ping -q -c 3 -i 0.2 -W 2 "$(vf_ip 3)"
check "VF0 pings VF1 (switched in the NIC)" vf_ping 0 "$(vf_ip 1)" 5
check "VF1 pings VF0 (switched in the NIC)" vf_ping 1 "$(vf_ip 0)" 5
check "PF pings VF0 (switched in the NIC)" ping -q -c 5 -i 0.2 -W 2 "$(vf_ip 0)"
check "VF0 pings PF (switched in the NIC)" vf_ping 0 "$PF_IP" 5
run ip link show "$PF_IF" || true
