# SPDX-License-Identifier: GPL-2.0
#
# Acceptance 6: VF FLR and PF down/up (and a cable pull, a PF MTU change,
# a full PF MAC reset)
# while VF0 is pinging: VF0's traffic recovers by itself, and the admin
# MAC, port VLAN, spoofchk (off) and rate limit are still in force
# afterwards: "ip link show", traffic, the register trace (no write undoes
# them; the cable pull re-programs the limiter) and DTXSWC read back from
# the device.
# timeout: 300

. /tests/sriov/lib-sriov.sh

ADMIN=02:00:00:00:00:a0
V100_VF=198.51.100.10
V100_PARTNER=198.51.100.2
RATE=0x8000d561		# queue 0: 300 Mb/s less queue 8's share
RATE2=0x8fffffff	# queue 8: the lowest rate the limiter encodes
check "SR-IOV topology" sriov_ensure

in_partner ip link add link "$PARTNER_IF" name "$PARTNER_IF.100" type vlan id 100 || true
in_partner ip addr replace "$V100_PARTNER/24" dev "$PARTNER_IF.100"
in_partner ip link set "$PARTNER_IF.100" up
vfip 0 addr replace "$V100_VF/24" dev vf0

m=$(trace_mark)
check "admin: vf 0 mac $ADMIN vlan 100 spoofchk off max_tx_rate 300" \
	ip link set "$PF_IF" vf 0 mac $ADMIN vlan 100 spoofchk off max_tx_rate 300
check "trace: RTTBCNRC=$RATE for queue 0" test "$(rate_last "$m" 0)" = $RATE
check "trace: RTTBCNRC=$RATE2 for queue 8" test "$(rate_last "$m" 8)" = $RATE2
vf_bounce 0
check "VF0 up on VLAN 100" vf_wait_ping 0 "$V100_PARTNER" 40

# in_force WHAT MARK: the whole policy still holds after event WHAT
in_force() {
	local w bad="" r
	check "$1: ip link show PF: vf 0 $ADMIN, vlan 100, spoof off, 300 Mb/s" \
		pf_vf_has 0 "link/ether $ADMIN.*vlan 100.*max_tx_rate 300Mbps.*spoof checking off"
	check "$1: guest VF0 has the admin MAC" vf_mac_is 0 $ADMIN
	check "$1: VF0 reaches the VLAN-100 partner" vf_ping 0 "$V100_PARTNER" 3
	check_fail "$1: VF0 does not reach the untagged partner" vf_ping 0 "$PARTNER_IP" 1
	r=$(rate_last "$2" 0)
	if [ -z "$r" ] || [ "$r" = $RATE ]; then
		ok "$1: trace: no RTTBCNRC write undid the limit (last: ${r:-none})"
	else
		not_ok "$1: trace: rate limiter of VF0 rewritten" "last RTTBCNRC for queue 0: $r"
	fi
	r=$(rate_last "$2" 8)
	if [ -z "$r" ] || [ "$r" = $RATE2 ]; then
		ok "$1: trace: no RTTBCNRC write undid queue 8's limit (last: ${r:-none})"
	else
		not_ok "$1: trace: rate limiter of VF0's queue 8 rewritten" "last RTTBCNRC for queue 8: $r"
	fi
	for w in $(reg_writes "$2" 0x3500); do
		[ $((w & 0x101)) = 0 ] || bad="$bad $w"
	done
	if [ -z "$bad" ]; then
		ok "$1: trace: no DTXSWC write turned VF0's anti-spoof back on"
	else
		not_ok "$1: trace: DTXSWC written with VF0 anti-spoof on:$bad"
	fi
	check "$1: DTXSWC in the device: VF0 anti-spoof still off" test "$(dtxswc_vf_bits 0)" = "0,0"
}

# during EVENT CMD...: CMD while VF0 pings; VF0's traffic must come back.
during() {
	local what=$1 ms
	shift
	vfx 0 ping -i 0.2 -W 1 -w 60 "$V100_PARTNER" > /tmp/bg.out 2>&1 &
	bg=$!
	sleep 1
	host trace_on e1000e_core_write > /dev/null || true
	m=$(trace_mark)
	check "$what" "$@"
	if ms=$(wait_ms 45000 vf_ping1 0 "$V100_PARTNER"); then
		ok "$what: VF0 traffic recovered by itself (${ms} ms)"
	else
		not_ok "$what: VF0 traffic recovered within 45 s"
	fi
	host trace_off e1000e_core_write > /dev/null || true
	kill "$bg" 2> /dev/null || true
	wait "$bg" 2> /dev/null || true
	diag "$what: background ping: $(grep -E 'packets transmitted' /tmp/bg.out)"
	in_force "$what" "$m"
}

vf_flr() {
	vfcpu sh -c "echo 1 > /sys/bus/pci/devices/$(vf_pci 0)/reset"
}
pf_bounce() {
	ip link set "$PF_IF" down && sleep 1 && ip link set "$PF_IF" up &&
		wait_until 15 has_carrier "$PF_IF"
}
cable_pull() {
	set_link off > /dev/null && sleep 3 && set_link on > /dev/null &&
		wait_until 15 has_carrier "$PF_IF"
}
pf_reset() {
	ethtool --reset "$PF_IF" mac && wait_until 15 has_carrier "$PF_IF"
}
mtu_change() {
	ip link set "$PF_IF" mtu 1400 && sleep 1 && ip link set "$PF_IF" mtu 1500 &&
		wait_until 15 has_carrier "$PF_IF"
}

during "VF0 FLR" vf_flr
during "PF down/up" pf_bounce
check "PF pings partner after down/up" wait_ping 10
during "PF MTU 1400 and back" mtu_change
check "PF pings partner after the MTU change" wait_ping 10
during "cable pull (set_link off/on)" cable_pull
# the link came back: the limiter must have been programmed again
r=$(rate_last "$m" 0)
check "cable pull: trace: rate limiter re-programmed after link up (last: ${r:-none})" test "$r" = $RATE
r=$(rate_last "$m" 8)
check "cable pull: trace: queue 8 limiter re-programmed (last: ${r:-none})" test "$r" = $RATE2
during "PF MAC reset (ethtool --reset mac)" pf_reset
check "PF pings partner after the MAC reset" wait_ping 10
# the reset cleared every register: the replay must have written them again
r=$(rate_last "$m" 0)
check "PF reset: trace: rate limiter programmed again (last: ${r:-none})" test "$r" = $RATE
r=$(rate_last "$m" 8)
check "PF reset: trace: queue 8 limiter programmed again (last: ${r:-none})" test "$r" = $RATE2
check "PF reset: trace: DTXSWC programmed again" test -n "$(reg_writes "$m" 0x3500)"

# back to defaults, the admin MAC stays (08 uses it)
check "admin: vf 0 vlan 0 spoofchk on max_tx_rate 0" \
	ip link set "$PF_IF" vf 0 vlan 0 spoofchk on max_tx_rate 0
vfip 0 addr del "$V100_VF/24" dev vf0 2> /dev/null || true
in_partner ip link del "$PARTNER_IF.100" 2> /dev/null || true
# the PF kicked VF0 for the port VLAN change: it comes back by itself
if ! vf_wait_ping 0 "$PARTNER_IP" 30; then
	vf_bounce 0
fi
check "VF0 back on the untagged partner" vf_wait_ping 0 "$PARTNER_IP" 40
