# SPDX-License-Identifier: GPL-2.0
#
# ethtool --reset PF mac with 7 VFs passing traffic.  A MAC reset clears
# the switch and the rate limiters: the PF must program them again, so the
# loop also wants RTTBCNRC rewritten for VF4's queues since it started.
. /tests/faults/lib-faults.sh

pf_reset() {
	ethtool --reset "$PF_IF" mac || return 1
	wait_until 15 has_carrier "$PF_IF"
}

check "topology" fl_ensure
m=$(trace_mark)
fl_bg_start
fl_run "PF ethtool --reset with 7 VFs passing traffic" "$(fl_count 1 50)" 20000 pf_reset
fl_bg_stop
r=$(rate_last "$m" $FL_RATE_VF)
r2=$(rate_last "$m" $((FL_RATE_VF + 8)))
diag "RTTBCNRC written during the loop: queue $FL_RATE_VF ${r:-none}, queue $((FL_RATE_VF + 8)) ${r2:-none}"
[ "$r" = $FL_RATE_Q ] && [ "$r2" = $FL_RATE_Q2 ] ||
	fl_fail "the rate limiter of VF$FL_RATE_VF was not programmed again after the resets (${r:-none}, ${r2:-none})"
fl_finish
