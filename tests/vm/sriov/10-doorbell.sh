# SPDX-License-Identifier: GPL-2.0
#
# Issue 7, defect 5: an admin change to one API 1.0 VF (stock igbvf) must
# not disturb any other VF. The PF used to ring CTRL_EXT.PFRSTD after
# kicking or pinging such a VF; that sets RSTD in every VF mailbox, and
# every srnic_vf guest (which polls RSTD) does a full reinit. The PF must
# reach the one VF instead (its EICS mirror, PVTEICS), and the VF must
# still adopt the change by itself.
# timeout: 200

. /tests/sriov/lib-sriov.sh

V=1
check "SR-IOV topology" sriov_ensure
check "VF$V traffic before" vf_wait_ping $V "$PARTNER_IP" 30

# has_word WORD LIST: WORD is one of the words of LIST
has_word() {
	local x
	for x in $2; do
		[ "$x" = "$1" ] && return 0
	done
	return 1
}

# pfrstd_writes MARK: CTRL_EXT writes with PFRSTD (bit 14) since MARK
pfrstd_writes() {
	local w c=0
	for w in $(reg_writes "$1" 0x18); do
		[ $((w & 0x4000)) != 0 ] && c=$((c + 1))
	done
	echo $c
}

host trace_on e1000e_core_write > /dev/null || true
m=$(trace_mark)
check "admin: vf $V state disable" ip link set "$PF_IF" vf $V state disable
host trace_off e1000e_core_write > /dev/null || true
n=$(pfrstd_writes "$m")
diag "CTRL_EXT writes with PFRSTD after 'vf $V state disable': $n"
check "no PFRSTD (RSTD in every VF mailbox) for a change to VF$V" test "$n" = 0
# the trace shows the VF's own EICS writes at the same address: look for
# the PF's 0x7 among them
w=$(reg_writes "$m" $(printf '0x%x' $((0x10020 + 0x100 * V))) | tr '\n' ' ')
diag "PVTEICS($V) writes: ${w:-none}"
check "VF$V alone is signalled (PVTEICS($V) = 0x7)" has_word 0x7 "$w"
check "VF$V drops its carrier by itself" wait_until 10 no_vf_carrier $V
check "VF0 keeps its carrier" vf_carrier 0
check "VF0 traffic unaffected" vf_ping 0 "$PARTNER_IP" 3

host trace_on e1000e_core_write > /dev/null || true
m=$(trace_mark)
check "admin: vf $V state auto" ip link set "$PF_IF" vf $V state auto
host trace_off e1000e_core_write > /dev/null || true
n=$(pfrstd_writes "$m")
check "no PFRSTD for 'vf $V state auto' either" test "$n" = 0
check "VF$V carrier back by itself" wait_until 15 vf_carrier $V
check "VF$V traffic after" vf_wait_ping $V "$PARTNER_IP" 30
