# SPDX-License-Identifier: GPL-2.0
#
# Acceptance 3: the VF carrier follows the admin link state and the wire.
# timeout: 180
. /tests/vf/vflib.sh

check "VF0 carrier at start" wait_until 10 vf_carrier 0
rc=0
ip link set "$PF_IF" vf 0 state disable > /tmp/state.out 2>&1 || rc=$?
if [ $rc != 0 ]; then
	skip "VF0 carrier off after state disable" "$DRIVER has no VF link state: $(cat /tmp/state.out)"
else
	if t=$(wait_ms 3000 vf_no_carrier 0); then
		ok "VF0 carrier off ${t} ms after state disable"
	else
		not_ok "VF0 carrier off within 3 s after state disable" "still on after ${t} ms"
	fi
	check_fail "VF0 cannot reach partner while disabled" in_vf 0 ping -q -c 1 -W 1 "$PARTNER_IP"
	check "VF1 unaffected" vf_carrier 1
	check "state auto" ip link set "$PF_IF" vf 0 state auto
	if t=$(wait_ms 3000 vf_carrier 0); then
		ok "VF0 carrier back ${t} ms after state auto"
	else
		not_ok "VF0 carrier back within 3 s after state auto" "still off after ${t} ms"
	fi
	check "VF0 traffic after state auto" vf_wait_ping 0 "$PARTNER_IP" 10
	check "state enable" ip link set "$PF_IF" vf 0 state enable
	check "VF0 carrier with state enable" wait_until 3 vf_carrier 0
	check "state auto again" ip link set "$PF_IF" vf 0 state auto
fi

check "set_link off" set_link off
for i in 0 3 6; do
	if t=$(wait_ms 3000 vf_no_carrier "$i"); then
		ok "VF$i carrier off ${t} ms after set_link off"
	else
		not_ok "VF$i carrier off within 3 s after set_link off" "still on after ${t} ms"
	fi
done
check "set_link on" set_link on
for i in 0 3 6; do
	if t=$(wait_ms 3000 vf_carrier "$i"); then
		ok "VF$i carrier back ${t} ms after set_link on"
	else
		not_ok "VF$i carrier back within 3 s after set_link on" "still off after ${t} ms"
	fi
done
check "VF0 traffic after the cable is back" vf_wait_ping 0 "$PARTNER_IP" 10
