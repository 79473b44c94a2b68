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
# timeout: 420

. /tests/sriov/lib-sriov.sh
. /tests/bench/benchlib.sh

TP_TIME=${TP_TIME:-3}
TP_REPS=${TP_REPS:-2}
TP_RATIO=${TP_RATIO:-80}	# percent
PF_DRIVER=$DRIVER

# tp_best NS ARGS...: the best of TP_REPS iperf3 runs, Mbit/s
tp_best() {
	local r best=0 i=0
	while [ $i -lt "$TP_REPS" ]; do
		r=$(BENCH_IPERF_TIME=$TP_TIME iperf_rate "$@") || r=0
		best=$(awk -v a="$best" -v b="$r" 'BEGIN { print (b > a) ? b : a }')
		i=$((i + 1))
	done
	echo "$best"
}

# tp_measure TAG: four figures into /tmp/tp-TAG
tp_measure() {
	local tag=$1
	vfx 2 iperf3 -s -D -I /tmp/tp-vf2.pid > /dev/null 2>&1 || true
	vfx 1 iperf3 -s -D -I /tmp/tp-vf1.pid > /dev/null 2>&1 || true
	sleep 0.5
	{
		echo "vf0-partner $(tp_best vf0 -c "$PARTNER_IP")"
		echo "partner-vf0 $(tp_best vf0 -c "$PARTNER_IP" -R)"
		echo "vf1-vf2 $(tp_best vf1 -c "$(vf_ip 2)")"
		echo "vf2-vf1 $(tp_best vf2 -c "$(vf_ip 1)")"
	} > "/tmp/tp-$tag"
	iperf_server_stop /tmp/tp-vf1.pid
	iperf_server_stop /tmp/tp-vf2.pid
	sed "s/^/#   $tag: /; s/$/ Mbit\/s/" "/tmp/tp-$tag" >&8
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

# srnic_vf takes the VFs first, then igbvf gets them as they are
check "SR-IOV topology" sriov_ensure
numvfs_set 0
rmmod igbvf
mod_loaded srnic_lib || insmod /srnic/srnic_lib.ko
check "srnic_vf loaded" insmod /srnic/srnic_vf.ko
numvfs_set "$SRIOV_NUMVFS"
check "srnic_vf drives VF2" wait_until 20 test -e "$(pf_sysfs)/virtfn2/net"
sleep 2
check "srnic_vf unloaded" rmmod srnic_vf
check "igbvf takes the VFs over" sriov_ensure
check "igbvf VFs reach the partner and each other" tp_ready
tp_measure "$PF_DRIVER"

check "PF driver switched to igb" switch_pf igb
check "igbvf VFs under igb reach the partner and each other" tp_ready
tp_measure igb

while read -r fig ours; do
	theirs=$(awk -v f="$fig" '$1 == f { print $2 }' /tmp/tp-igb)
	check "igbvf under $PF_DRIVER $fig: $ours Mbit/s >= $TP_RATIO% of $theirs under igb" \
		awk -v a="$ours" -v b="$theirs" -v r="$TP_RATIO" \
		'BEGIN { exit !(b > 0 && a * 100 >= b * r) }'
done < "/tmp/tp-$PF_DRIVER"

check "PF driver back to $PF_DRIVER" switch_pf "$PF_DRIVER"
