# SPDX-License-Identifier: GPL-2.0
#
# Issue 7, PCIe error recovery (acceptance 5): with 7 igbvf VFs, two of
# them under admin policy, QEMU injects a correctable, an uncorrectable
# non-fatal and an uncorrectable fatal AER error at the PF (it sits behind
# a pcie-root-port), and then the PF gets a function reset (FLR through
# sysfs, VFs enabled). After each: the kernel reports a successful
# recovery, the PF and every VF pass traffic, and the policy is intact in
# "ip link show", in the device (VMVIR, DTXSWC read back through the
# monitor) and in the register trace (the rate limiter is programmed again
# after a reset and never undone).
# timeout: 300

. /tests/sriov/lib-sriov.sh

ADMIN0=02:00:00:00:0c:00
ADMIN1=02:00:00:00:0c:01
V100_VF=198.51.100.10
V100_PARTNER=198.51.100.2
RATE=0x8000d561		# VF0 queue 0: 300 Mb/s less queue 8's share
RATE2=0x8fffffff	# VF0 queue 8
VMVIR100=$(((1 << 30) | 100))

check "SR-IOV topology" sriov_ensure
aer=$(pf_sysfs)/aer_dev_correctable
check "the PF has AER (aer_dev_* in sysfs)" test -e "$aer"

in_partner ip link add link "$PARTNER_IF" name "$PARTNER_IF.100" type vlan id 100 || true
in_partner ip addr replace "$V100_PARTNER/24" dev "$PARTNER_IF.100"
in_partner ip link set "$PARTNER_IF.100" up
vfip 0 addr replace "$V100_VF/24" dev vf0

check "admin: vf 0 mac $ADMIN0 vlan 100 spoofchk off max_tx_rate 300" \
	ip link set "$PF_IF" vf 0 mac $ADMIN0 vlan 100 spoofchk off max_tx_rate 300
check "admin: vf 1 mac $ADMIN1 spoofchk off" \
	ip link set "$PF_IF" vf 1 mac $ADMIN1 spoofchk off
vf_bounce 0
vf_bounce 1
check "VF0 up on VLAN 100" vf_wait_ping 0 "$V100_PARTNER" 40
check "VF1 up with its admin MAC" vf_wait_ping 1 "$PARTNER_IP" 40

# klog_mark / klog_has MARK REGEX: kernel log lines after MARK
klog_mark() {
	dmesg | wc -l
}
klog_has() {
	dmesg | tail -n +$(($1 + 1)) | grep -E "$2" > /dev/null
}

# aer_total KIND: the PF's TOTAL_ERR_* counter (correctable, nonfatal, fatal)
aer_total() {
	awk '$1 ~ /^TOTAL_ERR_/ { print $2 }' "$(pf_sysfs)/aer_dev_$1"
}

aer_above() {
	[ "$(aer_total "$1")" -gt "$2" ]
}

# all_vfs_ping: every VF reaches its partner (VF0 the VLAN-100 one)
all_vfs_ping() {
	local i=1 ms
	if ms=$(wait_ms 40000 vf_ping1 0 "$V100_PARTNER"); then
		ok "$1: VF0 reaches the VLAN-100 partner (${ms} ms)"
	else
		not_ok "$1: VF0 reaches the VLAN-100 partner within 40 s"
	fi
	while [ $i -lt "$SRIOV_NUMVFS" ]; do
		if ms=$(wait_ms 40000 vf_ping1 $i "$PARTNER_IP"); then
			ok "$1: VF$i reaches the partner (${ms} ms)"
		else
			not_ok "$1: VF$i reaches the partner within 40 s"
		fi
		i=$((i + 1))
	done
}

# in_force WHAT MARK RESET: traffic and policy after event WHAT; RESET=1
# if it reset the MAC (the limiter must have been programmed again)
in_force() {
	local r
	check "$1: PF pings the partner" wait_ping 20
	check "$1: PF reachable from the partner" ping_pf
	all_vfs_ping "$1"
	check "$1: VF0 traffic: 3 of 3 pings" vf_ping 0 "$V100_PARTNER" 3
	check_fail "$1: VF0 does not reach the untagged partner" vf_ping 0 "$PARTNER_IP" 1
	check "$1: ip link show PF: vf 0 $ADMIN0, vlan 100, 300 Mb/s, spoof off" \
		pf_vf_has 0 "link/ether $ADMIN0.*vlan 100.*max_tx_rate 300Mbps.*spoof checking off"
	check "$1: ip link show PF: vf 1 $ADMIN1, spoof off" \
		pf_vf_has 1 "link/ether $ADMIN1.*spoof checking off"
	check "$1: guest VF0 has its admin MAC" vf_mac_is 0 $ADMIN0
	check "$1: guest VF1 has its admin MAC" vf_mac_is 1 $ADMIN1
	r=$(pf_reg 0x3700)
	check "$1: VMVIR(0) in the device = VLANA_DEFAULT | 100 (${r:-unread})" \
		test "$((${r:-0}))" = "$VMVIR100"
	check "$1: DTXSWC in the device: VF0 anti-spoof off" test "$(dtxswc_vf_bits 0)" = "0,0"
	check "$1: DTXSWC in the device: VF1 anti-spoof off" test "$(dtxswc_vf_bits 1)" = "0,0"
	check "$1: DTXSWC in the device: VF2 anti-spoof on" test "$(dtxswc_vf_bits 2)" = "1,1"
	r=$(rate_last "$2" 0)
	if [ "$3" = 1 ]; then
		check "$1: trace: VF0 queue 0 limiter programmed again (last: ${r:-none})" \
			test "$r" = $RATE
		r=$(rate_last "$2" 8)
		check "$1: trace: VF0 queue 8 limiter programmed again (last: ${r:-none})" \
			test "$r" = $RATE2
	else
		check "$1: trace: no RTTBCNRC write undid the limit (last: ${r:-none})" \
			test -z "$r" -o "$r" = $RATE
	fi
}

# inject WHAT ERROR KIND: AER error ERROR at the PF, counted as KIND
inject() {
	local what=$1 err=$2 kind=$3 n0 m k
	n0=$(aer_total "$kind")
	m=$(trace_mark)
	k=$(klog_mark)
	check "$what: pcie_aer_inject_error pf0 $err" hmp "pcie_aer_inject_error pf0 $err"
	check "$what: the PF's TOTAL_ERR counter ($kind) went up" \
		wait_until 10 aer_above "$kind" "$n0"
	if [ "$kind" = correctable ]; then
		# nothing to recover: the device keeps running untouched
		sleep 2
		in_force "$what" "$m" 0
		return
	fi
	check "$what: the kernel reports a successful recovery" \
		wait_until 30 klog_has "$k" "AER: device recovery successful"
	check_fail "$what: no failed recovery" klog_has "$k" "AER: device recovery failed|can't recover"
	dmesg | tail -n +$((k + 1)) | grep -E "AER|srnic|igbvf|$PF_PCI" | head -n 30 | sed 's/^/#     /' >&8 || true
	in_force "$what" "$m" 1
}

inject "correctable (BAD_TLP)" BAD_TLP correctable
inject "uncorrectable non-fatal (POISON_TLP)" POISON_TLP nonfatal
inject "uncorrectable fatal (MALF_TLP)" MALF_TLP fatal

m=$(trace_mark)
k=$(klog_mark)
check "PF function reset (echo 1 > PF/reset) with $SRIOV_NUMVFS VFs" \
	vfcpu sh -c "echo 1 > $(pf_sysfs)/reset"
dmesg | tail -n +$((k + 1)) | grep -E "srnic|igbvf|$PF_PCI" | head -n 30 | sed 's/^/#     /' >&8 || true
in_force "PF function reset" "$m" 1

# back to defaults for whatever runs next, the admin MACs stay
check "admin: vf 0 vlan 0 spoofchk on max_tx_rate 0" \
	ip link set "$PF_IF" vf 0 vlan 0 spoofchk on max_tx_rate 0
check "admin: vf 1 spoofchk on" ip link set "$PF_IF" vf 1 spoofchk on
vfip 0 addr del "$V100_VF/24" dev vf0 2> /dev/null || true
in_partner ip link del "$PARTNER_IF.100" 2> /dev/null || true
check "VF0 back on the untagged partner" vf_wait_ping 0 "$PARTNER_IP" 40
