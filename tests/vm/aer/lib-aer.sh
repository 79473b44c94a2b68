# SPDX-License-Identifier: GPL-2.0
#
# AER suite helpers (sourced by tests/vm/aer/NN-*.sh after lib.sh).
#
# Topology: the SR-IOV one (lib-sriov.sh: 7 igbvf VFs, each in its own
# namespace), VF0 under a port VLAN (100), admin MAC, spoofchk off and a
# 300 Mb/s limit, VF1 under an admin MAC and spoofchk off. The PF sits
# behind QEMU's pcie-root-port rp0, whose AER capability the guest's AER
# service driver owns (the q35 _OSC grants it: "OS now controls ... AER").
#
# What QEMU 10.0 can signal (hw/pci/pcie_aer.c, hw/net/igb.c): an error
# message goes up the hierarchy only from a function whose Device Control
# enables that severity (pcie_aer_msg_alldev()); QEMU's igb never calls
# pcie_cap_deverr_init(), so the PF's Device Control reporting enables are
# read-only 0 (Linux's write is dropped: "devctl 0x0000" in aer_regs) and
# no error injected at the PF reaches the root port. The message must
# also pass Command.SERR# of every function on the way, which Linux does
# not set (a real port needs only the Device Control enables and Bridge
# Control SERR#, which Linux sets), and a correctable message is never
# forwarded at all. So the uncorrectable errors are injected at the root
# port rp0 with its Command.SERR# set (aer_serr_on): the AER core then
# recovers everything below rp0, the PF and all its VFs, through the same
# error_detected / slot_reset / resume calls (and for a fatal error the
# same secondary bus reset) as for an error the PF reported; the kernel
# counts it at the root port. QEMU's pcie-root-port defaults to 16 GT/s,
# so after the secondary bus reset of a fatal error Linux waits for Data
# Link Layer Link Active, which QEMU does not show for a cold-plugged
# device ("Data Link Layer Link Active not set in 100 msec", recovery
# failed); at 5 GT/s (suite.conf) it polls the device's config space
# instead, as for a real Gen2 port. The correctable error is injected at the
# PF, where it is only logged in the PF's AER capability.

. /tests/sriov/lib-sriov.sh

ADMIN0=02:00:00:00:0c:00
ADMIN1=02:00:00:00:0c:01
V100_VF=198.51.100.10
V100_PARTNER=198.51.100.2
RATE=0x8000d561		# VF0 queue 0: 300 Mb/s less queue 8's share
RATE2=0x8fffffff	# VF0 queue 8
VMVIR100=$(((1 << 30) | 100))
PCIcfg=/tests/aer/pcicfg

rp_pci() {
	basename "$(dirname "$(readlink -f "$(pf_sysfs)")")"
}

# aer_serr_on: Command.SERR# on the root port (see above)
aer_serr_on() {
	$PCIcfg "$(rp_pci)" 0x04 2 +0x100
}

# aer_regs: one diagnostic line of the error registers on the path
aer_regs() {
	local pf=$PF_PCI rp pe pa re ra
	rp=$(rp_pci)
	pe=$($PCIcfg "$pf" cap 0x10)
	pa=$($PCIcfg "$pf" ecap 1)
	re=$($PCIcfg "$rp" cap 0x10)
	ra=$($PCIcfg "$rp" ecap 1)
	diag "PF $pf cmd $($PCIcfg "$pf" 0x04 2) devctl $($PCIcfg "$pf" $((pe + 8)) 2)" \
		"devsta $($PCIcfg "$pf" $((pe + 10)) 2) uncor $($PCIcfg "$pf" $((pa + 4)) 4)" \
		"cor $($PCIcfg "$pf" $((pa + 16)) 4);" \
		"RP $rp cmd $($PCIcfg "$rp" 0x04 2) brctl $($PCIcfg "$rp" 0x3e 2)" \
		"devctl $($PCIcfg "$rp" $((re + 8)) 2) lnksta $($PCIcfg "$rp" $((re + 0x12)) 2) rootcmd $($PCIcfg "$rp" $((ra + 0x2c)) 4)" \
		"rootsta $($PCIcfg "$rp" $((ra + 0x30)) 4)"
}

# vf_cfg_diag: every VF's command register and MSI-X control
vf_cfg_diag() {
	local i=0 p m
	while [ $i -lt "$SRIOV_NUMVFS" ]; do
		p=$(vf_pci $i)
		m=$($PCIcfg "$p" cap 0x11)
		diag "VF$i $p cmd $($PCIcfg "$p" 0x04 2) msix $($PCIcfg "$p" $((m + 2)) 2)"
		i=$((i + 1))
	done
}

# aer_policy: the VLAN-100 partner and the admin policy, set once
aer_policy() {
	in_partner ip link add link "$PARTNER_IF" name "$PARTNER_IF.100" type vlan id 100 2> /dev/null || true
	in_partner ip addr replace "$V100_PARTNER/24" dev "$PARTNER_IF.100"
	in_partner ip link set "$PARTNER_IF.100" up
	vfip 0 addr replace "$V100_VF/24" dev vf0
	pf_vf_has 0 "link/ether $ADMIN0.*vlan 100.*max_tx_rate 300Mbps.*spoof checking off" &&
		pf_vf_has 1 "link/ether $ADMIN1.*spoof checking off" && return 0
	ip link set "$PF_IF" vf 0 mac $ADMIN0 vlan 100 spoofchk off max_tx_rate 300 || return 1
	ip link set "$PF_IF" vf 1 mac $ADMIN1 spoofchk off || return 1
	vf_bounce 0
	vf_bounce 1
}

# aer_pin: the root port's interrupt (its AER service runs the recovery
# from that interrupt's thread, which calls igbvf's handlers) goes to
# VF_CPU, away from the PF's mailbox thread (see lib-sriov.sh)
aer_pin() {
	local i
	for i in /sys/bus/pci/devices/"$(rp_pci)"/msi_irqs/*; do
		[ -e "$i" ] || return 1
		echo "$VF_CPU" > "/proc/irq/$(basename "$i")/smp_affinity_list" || return 1
	done
}

aer_setup() {
	check "SR-IOV topology" sriov_ensure
	check "root port interrupt on CPU $VF_CPU" aer_pin
	check "the PF has AER (aer_dev_* in sysfs)" test -e "$(pf_sysfs)/aer_dev_correctable"
	check "admin policy: vf 0 mac $ADMIN0 vlan 100 spoofchk off max_tx_rate 300, vf 1 mac $ADMIN1 spoofchk off" \
		aer_policy
	check "VF0 up on VLAN 100" vf_wait_ping 0 "$V100_PARTNER" 40
	check "VF1 up with its admin MAC" vf_wait_ping 1 "$PARTNER_IP" 40
}

# klog_mark / klog_has MARK REGEX: kernel log lines after MARK
klog_mark() {
	dmesg | wc -l
}
klog_has() {
	dmesg | tail -n +$(($1 + 1)) | grep -E "$2" > /dev/null
}
klog_show() {
	dmesg | tail -n +$(($1 + 1)) | grep -E "$2" | head -n 40 | sed 's/^/#     /' >&8 || true
}

# aer_total DEV KIND: DEV's TOTAL_ERR_* counter (correctable, nonfatal,
# fatal)
aer_total() {
	awk '$1 ~ /^TOTAL_ERR_/ { print $2 }' "/sys/bus/pci/devices/$1/aer_dev_$2"
}
aer_above() {
	[ "$(aer_total "$1" "$2")" -gt "$3" ]
}

# all_vfs_ping WHAT: every VF reaches its partner (VF0 the VLAN-100 one)
all_vfs_ping() {
	local i=1 ms bad=0
	if ms=$(wait_ms 40000 vf_ping1 0 "$V100_PARTNER"); then
		ok "$1: VF0 reaches the VLAN-100 partner (${ms} ms)"
	else
		not_ok "$1: VF0 reaches the VLAN-100 partner within 40 s"
		bad=1
	fi
	while [ $i -lt "$SRIOV_NUMVFS" ]; do
		if ms=$(wait_ms 40000 vf_ping1 $i "$PARTNER_IP"); then
			ok "$1: VF$i reaches the partner (${ms} ms)"
		else
			not_ok "$1: VF$i reaches the partner within 40 s"
			bad=1
		fi
		i=$((i + 1))
	done
	[ $bad = 0 ] || vf_cfg_diag
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

# hmp_ok CMD: the monitor command ran and QEMU says where it sent it
hmp_ok() {
	local out
	out=$(hmp "$1") || { echo "$out"; return 1; }
	echo "$out"
	case "$out" in
	OK*) return 0 ;;
	esac
	return 1
}

# inject WHAT ERROR KIND: uncorrectable AER error ERROR at the PF's root
# port, counted by the kernel as KIND (nonfatal, fatal); the recovery of
# the PF and its VFs resets the MAC
inject() {
	local what=$1 err=$2 kind=$3 rp n0 m k ms
	rp=$(rp_pci)
	n0=$(aer_total "$rp" "$kind")
	check "$what: Command.SERR# on the root port $rp" aer_serr_on
	aer_regs
	m=$(trace_mark)
	k=$(klog_mark)
	check "$what: pcie_aer_inject_error rp0 $err" hmp_ok "pcie_aer_inject_error rp0 $err"
	check "$what: the kernel counted a $kind error at the root port" \
		wait_until 10 aer_above "$rp" "$kind" "$n0"
	if ms=$(wait_ms 30000 klog_has "$k" "AER: device recovery successful"); then
		ok "$what: the kernel reports a successful recovery (${ms} ms after the injection)"
	else
		not_ok "$what: the kernel reports a successful recovery within 30 s"
		aer_regs
	fi
	check_fail "$what: no failed recovery" klog_has "$k" "AER: device recovery failed|can't recover"
	check "$what: the PF's error handlers ran" klog_has "$k" "srnic_pf $PF_PCI: PCI error detected"
	klog_show "$k" "AER|srnic|igbvf|$PF_PCI|pcieport"
	in_force "$what" "$m" 1
}
