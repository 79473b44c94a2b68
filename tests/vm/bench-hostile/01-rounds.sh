# SPDX-License-Identifier: GPL-2.0
#
# What a hostile VF costs the host and its neighbours, srnic_pf against
# the stock igb (issue 7's baseline): per round and PF driver (order AB
# BA AB ...), the setup of tests/vm/hostile-vf (VF1/VF2 on srnic_vf with
# traffic, VF0 free), then each attack of BENCH_HV_MODES for HV_ATTACK_S
# seconds against VF0, measured as in hostile-vf/01-attacks.sh: the
# longest outage of the PF's and VF1's 0.1 s pings, the PF's misc
# (mailbox) interrupt rate and the hard+soft interrupt share of the CPUs;
# after the attacks, the time a fresh VF_RESET from VF0 takes to be
# answered. tests/bench/run.sh aggregates the rounds.
# timeout: 1500
. /tests/bench/benchlib.sh
. /tests/hostile-vf/lib-hostile.sh
. /tests/bench/pf.sh

BENCH_PF_DRIVERS=${BENCH_PF_DRIVERS:-srnic_pf igb}
MODES=${BENCH_HV_MODES:-flood hold nomsg rst random}
M_RESET="hostile: VF_RESET answered after the attacks"

hv_metrics() {
	local mode
	for mode in $MODES; do
		echo "hostile $mode: worst outage"
		echo "hostile $mode: PF misc interrupts"
		echo "hostile $mode: CPU in hard+soft irq"
	done
	echo "$M_RESET"
}

# hv_bench: one round of the attacks under $DRIVER
hv_bench() {
	local D=$DRIVER m mode w t0 out

	hv_metrics | while read -r m; do bench_plan "$m" "$D"; done
	if ! hv_setup > /tmp/hvb.out 2>&1; then
		sed 's/^/#   /' /tmp/hvb.out >&8
		hv_metrics | while read -r m; do
			bench_fail "$m" "$D" "$(tail -n 1 /tmp/hvb.out)"
		done
		return 0
	fi
	for mode in $MODES; do
		hv_attack "$mode"
		if [ "$HV_RC" != 0 ] || [ "${HV_OPS:-0}" -le 0 ]; then
			for m in "worst outage" "PF misc interrupts" "CPU in hard+soft irq"; do
				bench_fail "hostile $mode: $m" "$D" "hostile_vf rc=$HV_RC, ${HV_OPS:-no} ops"
			done
			continue
		fi
		w=$HV_OUT_PF
		[ "$HV_OUT_VV" -le "$w" ] || w=$HV_OUT_VV
		[ "$HV_OUT_VP" -le "$w" ] || w=$HV_OUT_VP
		bench_point "hostile $mode: worst outage" "$D" "$w" ms \
			"PF->partner $HV_OUT_PF, VF1->VF2 $HV_OUT_VV, VF1->partner $HV_OUT_VP; $HV_OPS attack ops"
		bench_point "hostile $mode: PF misc interrupts" "$D" "$HV_IRQS" irq/s
		bench_point "hostile $mode: CPU in hard+soft irq" "$D" "$HV_IPCT" % \
			"system time ${HV_SPCT}%, both CPUs"
	done
	t0=$(now_ms)
	if out=$("$HV_TOOL" -d "$(vf_pci 0)" -m reset 2>&1); then
		bench_point "$M_RESET" "$D" $(($(now_ms) - t0)) ms "$(echo "$out" | tail -n 1)"
	else
		bench_fail "$M_RESET" "$D" "$(echo "$out" | tail -n 1)"
	fi
}

# The boot's PF driver may already be bound: start from none.
bench_pf_off > /dev/null 2>&1 || true
bench_rounds hv_bench
