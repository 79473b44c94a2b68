# SPDX-License-Identifier: GPL-2.0
#
# Cable pull through the QEMU monitor: set_link off drops the PF carrier
# within 3 s, set_link on restores carrier and traffic.
# timeout: 120

check "PF up" pf_ensure
wait_ping 10 || true
host trace_on e1000e_link_status_changed > /dev/null || true
mark=$(trace_mark)
for round in 1 2 3; do
	if ! set_link off > /tmp/hmp.out; then
		not_ok "round $round: set_link off" "$(cat /tmp/hmp.out)"
		break
	fi
	if ms=$(wait_ms 3000 no_carrier "$PF_IF"); then
		ok "round $round: carrier lost ${ms} ms after set_link off"
	else
		not_ok "round $round: carrier lost within 3 s" "carrier still $(cat /sys/class/net/$PF_IF/carrier)"
	fi
	check_fail "round $round: no traffic while the cable is out" ping -q -c 1 -W 1 "$PARTNER_IP"
	set_link on > /dev/null || true
	if ms=$(wait_ms 10000 has_carrier "$PF_IF"); then
		ok "round $round: carrier back ${ms} ms after set_link on"
	else
		not_ok "round $round: carrier back within 10 s"
	fi
	if wait_ping 10; then
		ok "round $round: ping after link up"
	else
		not_ok "round $round: ping after link up"
	fi
done
trace_expect "QEMU traced the link changes" "$mark" 'e1000e_link_status_changed'
host trace_off e1000e_link_status_changed > /dev/null || true
dmesg | grep -iE "link (is )?(up|down)" | tail -n 4 | sed 's/^/#   /' >&8 || true
set_link on > /dev/null || true
