# SPDX-License-Identifier: GPL-2.0
#
# Acceptance 2: every "ip link set PF vf N" option, on VF2.  Accepted
# settings show in "ip link show PF"; refused ones fail with the
# documented errno; the QEMU register trace proves the rate limiter
# (RTTDQSEL/RTTBCNRC) and the anti-spoof bits (DTXSWC) are programmed.
# timeout: 200

. /tests/sriov/lib-sriov.sh

V=2
check "SR-IOV topology" sriov_ensure

# vfset EXPECT_RC_REGEX ARGS...: ip link set PF vf $V ARGS, output in /tmp/vfset.out
vfset() {
	/sbin/ip link set "$PF_IF" vf $V "$@" > /tmp/vfset.out 2>&1
}

# -- mac -----------------------------------------------------------------------
MAC=02:00:00:00:02:22
check "vf $V mac $MAC accepted" vfset mac $MAC
check "ip link show: vf $V has MAC $MAC" pf_vf_has $V "link/ether $MAC"
# (03 tests that a running VF adopts the admin MAC by itself)
vf_bounce $V
check "VF$V netdev has the admin MAC after its reset" wait_until 30 vf_mac_is $V $MAC
check "VF$V traffic with the admin MAC" vf_wait_ping $V "$PARTNER_IP" 30
check_fail "vf $V mac 01:00:5e:00:00:01 (multicast) refused" vfset mac 01:00:5e:00:00:01
check "  ... with EINVAL" grep -q "Invalid argument" /tmp/vfset.out
check_fail "vf 7 (no such VF) refused" /sbin/ip link set "$PF_IF" vf 7 trust on

# -- vlan / qos ------------------------------------------------------------------
check "vf $V vlan 20 qos 3 accepted" vfset vlan 20 qos 3
check "ip link show: vf $V vlan 20, qos 3" pf_vf_has $V "vlan 20, qos 3"
check_fail "vf $V vlan 20 proto 802.1ad refused" vfset vlan 20 proto 802.1ad
check "  ... with EPROTONOSUPPORT (\"Protocol not supported\")" \
	grep -q "Protocol not supported" /tmp/vfset.out
sed 's/^/#     /' /tmp/vfset.out >&8
check "  ... and the port VLAN stays 20" pf_vf_has $V "vlan 20, qos 3"
check_fail "vf $V vlan 4095 refused" vfset vlan 4095
check "vf $V vlan 0 (remove port VLAN) accepted" vfset vlan 0
check "ip link show: vf $V has no VLAN" sh -c "! ip link show $PF_IF | grep -E '^ +vf $V ' | grep -q vlan"

# -- rate --------------------------------------------------------------------------
# The VF owns queues V and V+8, each with its own limiter. 1000 Mb/s link:
# queue V+8 gets the largest factor, 0x8FFFFFFF (1000/16384 Mb/s), queue V
# 300 - 1000/16384 Mb/s: factor 3.33401 rounded up -> 0x8000D561; the sum
# stays below 300 (0x80028065 for 100).
Q2=$((V + 8))
check "PF link is 1000 Mb/s" sh -c "ethtool $PF_IF | grep -q 'Speed: 1000Mb/s'"
m=$(trace_mark)
check "vf $V max_tx_rate 300 accepted" vfset max_tx_rate 300
check "ip link show: vf $V max_tx_rate 300Mbps" pf_vf_has $V "max_tx_rate 300Mbps"
r=$(rate_last "$m" $V)
r2=$(rate_last "$m" $Q2)
diag "RTTBCNRC after max_tx_rate 300: queue $V ${r:-none}, queue $Q2 ${r2:-none}"
check "trace: RTTDQSEL=$V then RTTBCNRC=0x8000D561" test "$r" = 0x8000d561
check "trace: RTTDQSEL=$Q2 then RTTBCNRC=0x8FFFFFFF (second queue limited too)" \
	test "$r2" = 0x8fffffff
m=$(trace_mark)
check "vf $V max_tx_rate 100 accepted" vfset max_tx_rate 100
r=$(rate_last "$m" $V)
check "trace: RTTBCNRC=0x80028065 for 100 Mb/s (got ${r:-none})" test "$r" = 0x80028065
check_fail "vf $V min_tx_rate 50 refused" vfset min_tx_rate 50 max_tx_rate 100
check "  ... with EOPNOTSUPP" grep -q "Operation not supported" /tmp/vfset.out
sed 's/^/#     /' /tmp/vfset.out >&8
check_fail "vf $V max_tx_rate 2000 (above the link speed) refused" vfset max_tx_rate 2000
check "  ... and the limit stays 100" pf_vf_has $V "max_tx_rate 100Mbps"
m=$(trace_mark)
check "vf $V max_tx_rate 0 (no limit) accepted" vfset max_tx_rate 0
r=$(rate_last "$m" $V)
r2=$(rate_last "$m" $Q2)
check "trace: RTTBCNRC=0 for queue $V (got ${r:-none})" test "$r" = 0x0
check "trace: RTTBCNRC=0 for queue $Q2 (got ${r2:-none})" test "$r2" = 0x0
check "ip link show: no max_tx_rate on vf $V" sh -c "! ip link show $PF_IF | grep -E '^ +vf $V ' | grep -q max_tx_rate"

# -- spoofchk --------------------------------------------------------------------------
host trace_on e1000e_core_write > /dev/null || true
m=$(trace_mark)
check "vf $V spoofchk off accepted" vfset spoofchk off
host trace_off e1000e_core_write > /dev/null || true
check "ip link show: vf $V spoof checking off" pf_vf_has $V "spoof checking off"
w=$(reg_writes "$m" 0x3500 | tail -n 1)
diag "DTXSWC write after spoofchk off: ${w:-none}"
if [ -n "$w" ] && [ $(((w >> V) & 1)) = 0 ] && [ $(((w >> (V + 8)) & 1)) = 0 ] &&
	[ $(((w >> 31) & 1)) = 1 ]; then
	ok "trace: DTXSWC written with MAC+VLAN anti-spoof off for pool $V, loopback on ($w)"
else
	not_ok "trace: DTXSWC written with anti-spoof off for pool $V" "last write ${w:-none}"
fi
check "DTXSWC in hardware: pool $V bits off" test "$(dtxswc_vf_bits $V)" = "0,0"
host trace_on e1000e_core_write > /dev/null || true
m=$(trace_mark)
check "vf $V spoofchk on accepted" vfset spoofchk on
host trace_off e1000e_core_write > /dev/null || true
check "ip link show: vf $V spoof checking on" pf_vf_has $V "spoof checking on"
w=$(reg_writes "$m" 0x3500 | tail -n 1)
if [ -n "$w" ] && [ $(((w >> V) & 1)) = 1 ] && [ $(((w >> (V + 8)) & 1)) = 1 ]; then
	ok "trace: DTXSWC written with anti-spoof on for pool $V ($w)"
else
	not_ok "trace: DTXSWC written with anti-spoof on for pool $V" "last write ${w:-none}"
fi
check "DTXSWC in hardware: pool $V bits on" test "$(dtxswc_vf_bits $V)" = "1,1"

# -- trust -------------------------------------------------------------------------------
check "vf $V trust on accepted" vfset trust on
check "ip link show: vf $V trust on" pf_vf_has $V "trust on"
check "vf $V trust off accepted" vfset trust off
check "ip link show: vf $V trust off" pf_vf_has $V "trust off"

# -- link state -----------------------------------------------------------------------------
for st in enable disable auto; do
	check "vf $V state $st accepted" vfset state $st
	check "ip link show: vf $V link-state $st" pf_vf_has $V "link-state $st"
done
# the two port VLAN changes reset VF2 through the mailbox (see 04)
vf_bounce $V
check "VF$V traffic after all of it" vf_wait_ping $V "$PARTNER_IP" 30

# -- back to defaults (admin MAC cleared) ----------------------------------------------------
check "vf $V mac 00:00:00:00:00:00 (clear admin MAC) accepted" vfset mac 00:00:00:00:00:00
run ip link show "$PF_IF" || true
