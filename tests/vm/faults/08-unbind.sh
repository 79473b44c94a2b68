# SPDX-License-Identifier: GPL-2.0
#
# srnic_vf unbound from a VF in the middle of an iperf3 stream from it
# (VF 0..6 in turn), then bound again: its admin policy is still there.
. /tests/faults/lib-faults.sh

unbind_tx() {
	local v=$((($1 - 1) % NUM_VFS)) port=$((5400 + $1)) sp cp rc=0
	# plain /sbin/ip: $! is then iperf3 itself (ip execs it)
	/sbin/ip netns exec "$PARTNER_NS" iperf3 -s -1 -p $port > /dev/null 2>&1 &
	sp=$!
	sleep 0.5
	/sbin/ip netns exec "vf$v" iperf3 -c "$(fl_dst "$v")" -p $port -t 60 > /tmp/unbind.iperf 2>&1 &
	cp=$!
	sleep 1.5
	vf_pci "$v" > /sys/bus/pci/drivers/srnic_vf/unbind || rc=1
	kill -9 $cp $sp 2> /dev/null || true
	wait $cp 2> /dev/null || true
	wait $sp 2> /dev/null || true
	[ $rc = 0 ] || return 1
	[ ! -e "/sys/bus/pci/devices/$(vf_pci "$v")/driver" ] || { echo "VF$v still bound" >&2; return 1; }
	fl_bind_all || return 1
	fl_place "$v"
}

check "topology" fl_ensure
fl_bg_start
fl_run "srnic_vf unbind during TX" "$(fl_count 1 20)" 20000 unbind_tx
fl_bg_stop
fl_finish
