# SPDX-License-Identifier: GPL-2.0
#
# The stock igbvf guest passes traffic under srnic_pf as fast as under the
# stock igb, in the same boot: iperf3 VF0 <-> partner and VF1 <-> VF2,
# both directions, each >= 0.8x what igbvf gets under igb.
#
# The VFs are driven by srnic_vf first and handed to igbvf without an FLR
# (a guest that swaps its VF driver), which is the case that collapsed:
# every driver's interrupt routing of its queues must start afresh at its
# VF_RESET, and the PF must not leave its own routing of the queues it
# gave to the VFs behind. Afterwards the PF is srnic_pf with 7 igbvf VFs
# again, as the other tests expect.
#
# Under TCG one figure of the same driver in the same boot can spread
# wider than 20% when the host is busy (CI: partner->VF0 29.7 Mbit/s under
# srnic_pf, 39.4 under igb, best of 3 and 4 rounds). A figure below 0.8x
# of igb's best is a failure only when it is also below igb's slowest
# round, i.e. when the difference is separable from igb's own noise; the
# collapse this test was written for (0.001x and 0.30x of igb) is far
# outside that.
# timeout: 780

. /tests/sriov/lib-sriov.sh
. /tests/bench/benchlib.sh

TP_TIME=${TP_TIME:-3}
TP_RATIO=${TP_RATIO:-80}	# percent
PF_DRIVER=$DRIVER

# tp_run NS ARGS...: one iperf3 run, Mbit/s (0 if it failed)
tp_run() {
	BENCH_IPERF_TIME=$TP_TIME iperf_rate "$@" || echo 0
}

# tp_measure TAG: append the four figures of one round to /tmp/tp-TAG
tp_measure() {
	local tag=$1
	vfx 2 iperf3 -s -D -I /tmp/tp-vf2.pid > /dev/null 2>&1 || true
	vfx 1 iperf3 -s -D -I /tmp/tp-vf1.pid > /dev/null 2>&1 || true
	sleep 0.5
	{
		echo "vf0-partner $(tp_run vf0 -c "$PARTNER_IP")"
		echo "partner-vf0 $(tp_run vf0 -c "$PARTNER_IP" -R)"
		echo "vf1-vf2 $(tp_run vf1 -c "$(vf_ip 2)")"
		echo "vf2-vf1 $(tp_run vf2 -c "$(vf_ip 1)")"
	} > /tmp/tp-round
	iperf_server_stop /tmp/tp-vf1.pid
	iperf_server_stop /tmp/tp-vf2.pid
	sed "s/^/#   $tag: /; s/$/ Mbit\/s/" /tmp/tp-round >&8
	cat /tmp/tp-round >> "/tmp/tp-$tag"
}

# tp_best TAG FIGURE: the best round of FIGURE
tp_best() {
	awk -v f="$2" '$1 == f && $2 > m { m = $2 } END { print m + 0 }' "/tmp/tp-$1"
}

# tp_worst TAG FIGURE: the slowest round of FIGURE
tp_worst() {
	awk -v f="$2" '$1 == f && (n++ == 0 || $2 < m) { m = $2 } END { print m + 0 }' \
		"/tmp/tp-$1"
}

# tp_ok OURS IGB_BEST IGB_WORST: OURS >= TP_RATIO% of IGB_BEST, or not
# separable from igb's own spread (OURS >= IGB_WORST > 0)
tp_ok() {
	awk -v a="$1" -v b="$2" -v w="$3" -v r="$TP_RATIO" \
		'BEGIN { exit !(b > 0 && (a * 100 >= b * r || (w > 0 && a >= w))) }'
}

tp_ready() {
	vf_wait_ping 0 "$PARTNER_IP" 30 && vf_wait_ping 1 "$(vf_ip 2)" 30 &&
		vf_wait_ping 2 "$(vf_ip 1)" 30
}

# switch_pf DRIVER: VFs off, the other PF driver, VFs on igbvf again
switch_pf() {
	numvfs_set 0 || return 1
	rmmod "$DRIVER" || return 1
	DRIVER=$1
	pf_ensure || return 1
	sriov_ensure
}

in_partner iperf3 -s -D -I /tmp/tp-partner.pid > /dev/null 2>&1 || true
trap 'iperf_server_stop /tmp/tp-partner.pid' EXIT

# swap_vf_driver ROUND: srnic_vf takes fresh VFs first, then igbvf gets them as
# they are
swap_vf_driver() {
	check "round $1: SR-IOV topology" sriov_ensure
	numvfs_set 0
	rmmod igbvf
	mod_loaded srnic_lib || insmod /srnic/srnic_lib.ko
	check "round $1: srnic_vf loaded" insmod /srnic/srnic_vf.ko
	numvfs_set "$SRIOV_NUMVFS"
	check "round $1: srnic_vf drives VF2" wait_until 20 test -e "$(pf_sysfs)/virtfn2/net"
	sleep 2
	check "round $1: srnic_vf unloaded" rmmod srnic_vf
	check "round $1: igbvf takes the VFs over" sriov_ensure
	check "round $1: igbvf VFs reach the partner and each other" tp_ready
}

swap_vf_driver 1
# Rounds in the order srnic_pf, igb, igb, srnic_pf: host load that drifts
# during the test weighs on both drivers alike. Each figure is the best of
# its driver's rounds. Under TCG a loaded host can halve one round's
# figure; when a figure is short, one more such cycle (TP_CYCLES) is run
# before the verdict, so a real regression fails every cycle.
TP_CYCLES=${TP_CYCLES:-2}

tp_short() {
	local fig
	for fig in vf0-partner partner-vf0 vf1-vf2 vf2-vf1; do
		tp_ok "$(tp_best "$PF_DRIVER" "$fig")" "$(tp_best igb "$fig")" \
			"$(tp_worst igb "$fig")" || return 0
	done
	return 1
}

rm -f "/tmp/tp-$PF_DRIVER" /tmp/tp-igb
cycle=1
while :; do
	tp_measure "$PF_DRIVER"
	check "cycle $cycle: PF driver switched to igb" switch_pf igb
	check "cycle $cycle: igbvf VFs under igb reach the partner and each other" tp_ready
	tp_measure igb
	tp_measure igb
	check "cycle $cycle: PF driver back to $PF_DRIVER" switch_pf "$PF_DRIVER"
	swap_vf_driver "$((cycle + 1))"
	tp_measure "$PF_DRIVER"
	tp_short || break
	[ "$cycle" -lt "$TP_CYCLES" ] || break
	diag "a figure is short after cycle $cycle: one more cycle"
	cycle=$((cycle + 1))
done

for fig in vf0-partner partner-vf0 vf1-vf2 vf2-vf1; do
	ours=$(tp_best "$PF_DRIVER" "$fig")
	theirs=$(tp_best igb "$fig")
	worst=$(tp_worst igb "$fig")
	check "igbvf under $PF_DRIVER $fig: $ours Mbit/s >= $TP_RATIO% of $theirs under igb (or >= its slowest round, $worst)" \
		tp_ok "$ours" "$theirs" "$worst"
done
