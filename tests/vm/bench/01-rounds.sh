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

# The boot's PF driver (--driver) may already be bound: start from none.
if ! bench_pf_off > /tmp/off.out 2>&1; then
	sed 's/^/#   /' /tmp/off.out >&8
fi
in_partner iperf3 -s -D -I /tmp/iperf3-partner.pid > /dev/null 2>&1 || true
trap 'iperf_server_stop /tmp/iperf3-partner.pid; iperf_server_stop /tmp/iperf3-vf2.pid' EXIT
wait_until 5 sh -c "/sbin/ip netns exec $PARTNER_NS /sbin/ss -ltn | grep -q ':5201 '" || true

# pf_visit: the PF figures of $DRIVER, then the VF figures under it
pf_visit() {
	local pf_ok=1 vfs vd

	bench_pf || pf_ok=0
	vfs=$BENCH_VF_DRIVERS
	# shellcheck disable=SC2086
	[ $((visit % 2)) = 0 ] || vfs=$(reversed $vfs)
	visit=$((visit + 1))
	if [ "$DRIVER" = igb ] && [ "${BENCH_VF_UNDER_IGB:-1}" = 0 ]; then
		vfs=""
	fi
	for vd in $vfs; do
		if [ "$pf_ok" = 1 ]; then
			vf_bench "$vd"
		else
			bench_plan "VF load to carrier, 7 VFs [PF $DRIVER]" "$vd"
			bench_fail "VF load to carrier, 7 VFs [PF $DRIVER]" "$vd" "PF $DRIVER not up"
		fi
	done
	BENCH_VISIT_NOTE="VFs ${vfs:-none}"
}

visit=0
bench_rounds pf_visit
