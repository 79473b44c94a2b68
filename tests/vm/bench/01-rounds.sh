# SPDX-License-Identifier: GPL-2.0
#
# All benchmark rounds in one boot, so host load weighs on both sides
# alike: BENCH_ROUNDS rounds, each measuring the PF figures of srnic_pf and
# of the stock igb (pf.sh) and, under each, the VF figures of srnic_vf and
# the stock igbvf (vf.sh).  The PF drivers are switched with rmmod and
# insmod/modprobe in the order AB BA AB ..., and the VF drivers alternate
# likewise from one PF visit to the next, so a drift of host load during
# the run does not always hit the same driver first.  BENCH_VF_UNDER_IGB=0
# skips the VF figures under igb.  tests/bench/run.sh aggregates the
# rounds (median, min-max).
# timeout: 1500
. /tests/bench/benchlib.sh
. /tests/vf/vflib.sh
. /tests/bench/pf.sh
. /tests/bench/vf.sh

BENCH_PF_DRIVERS=${BENCH_PF_DRIVERS:-srnic_pf igb}
BENCH_VF_DRIVERS=${BENCH_VF_DRIVERS:-srnic_vf igbvf}

# reversed WORD...: the words in reverse order.
reversed() {
	local w r=""
	for w in "$@"; do r="$w${r:+ $r}"; done
	echo "$r"
}

# The boot's PF driver (--driver) may already be bound: start from none.
if ! bench_pf_off > /tmp/off.out 2>&1; then
	sed 's/^/#   /' /tmp/off.out >&8
fi
in_partner iperf3 -s -D -I /tmp/iperf3-partner.pid > /dev/null 2>&1 || true
trap 'iperf_server_stop /tmp/iperf3-partner.pid; iperf_server_stop /tmp/iperf3-vf2.pid' EXIT
wait_until 5 sh -c "/sbin/ip netns exec $PARTNER_NS /sbin/ss -ltn | grep -q ':5201 '" || true

visit=0
BENCH_ROUND=1
while [ "$BENCH_ROUND" -le "$BENCH_ROUNDS" ]; do
	pfs=$BENCH_PF_DRIVERS
	# shellcheck disable=SC2086
	[ $((BENCH_ROUND % 2)) = 1 ] || pfs=$(reversed $pfs)
	for pd in $pfs; do
		DRIVER=$pd
		t0=$(now_ms)
		pf_ok=1
		bench_pf || pf_ok=0
		vfs=$BENCH_VF_DRIVERS
		# shellcheck disable=SC2086
		[ $((visit % 2)) = 0 ] || vfs=$(reversed $vfs)
		visit=$((visit + 1))
		if [ "$pd" = igb ] && [ "${BENCH_VF_UNDER_IGB:-1}" = 0 ]; then
			vfs=""
		fi
		for vd in $vfs; do
			if [ "$pf_ok" = 1 ]; then
				vf_bench "$vd"
			else
				bench_plan "VF load to carrier, 7 VFs [PF $pd]" "$vd"
				bench_fail "VF load to carrier, 7 VFs [PF $pd]" "$vd" "PF $pd not up"
			fi
		done
		if ! bench_pf_off > /tmp/off.out 2>&1; then
			sed 's/^/#   /' /tmp/off.out >&8
			not_ok "round $BENCH_ROUND: $pd unloaded" "$(cat /tmp/off.out)"
		fi
		diag "round $BENCH_ROUND: PF $pd, VFs ${vfs:-none}: $(($(now_ms) - t0)) ms"
	done
	BENCH_ROUND=$((BENCH_ROUND + 1))
done
