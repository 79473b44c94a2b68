# SPDX-License-Identifier: GPL-2.0
#
# rmmod srnic_pf while "ethtool --reset" and "ip link set down/up" loops
# hammer the PF (issue 7, defect 2). Each of them, and the reset task and
# the link interrupt after a reset, queues the watchdog; remove must stop
# all of them before it cancels the watchdog, or the watchdog runs on a
# freed netdev, a freed pf, or module text that is gone. The runner's
# kernel log scan after the test catches the oops; a stray watchdog gets
# 3 s (more than its 2 s period) to show itself after every rmmod.
# The window is a race: the test stresses it with many iterations at
# varied offsets rather than hitting it deterministically.
# timeout: 600

N=${REMOVE_RACES:-12}

# hammer IF: reset the MAC and bounce the netdev until killed
hammer() {
	while :; do
		ethtool --reset "$1" mac > /dev/null 2>&1 || true
		ip link set "$1" down > /dev/null 2>&1 || true
		ip link set "$1" up > /dev/null 2>&1 || true
		cat /proc/net/dev > /dev/null 2>&1 || true
	done
}

# race_loop: N rmmod/insmod rounds under hammer
race_loop() {
	local fail=0 i=1 hp rc

	i=1
	while [ $i -le "$N" ]; do
		if ! pf_ensure > /tmp/race.out 2>&1; then
			not_ok "race $i: PF up before the race" "$(cat /tmp/race.out)"
			fail=1
			break
		fi
		hammer "$PF_IF" &
		hp=$!
		# offsets across a reset (tens of ms) and the link coming back (500 ms)
		case $((i % 4)) in
		0) sleep 0.05 ;;
		1) sleep 0.3 ;;
		2) sleep 0.6 ;;
		3) sleep 1 ;;
		esac
		rc=0
		rmmod srnic_pf > /tmp/race.out 2>&1 || rc=$?
		kill $hp 2> /dev/null || true
		wait $hp 2> /dev/null || true
		if [ $rc != 0 ]; then
			not_ok "race $i: rmmod srnic_pf" "$(cat /tmp/race.out)"
			fail=1
			break
		fi
		sleep 3
		if mod_loaded srnic_pf; then
			not_ok "race $i: srnic_pf unloaded"
			fail=1
			break
		fi
		if ! pf_load > /tmp/race.out 2>&1; then
			not_ok "race $i: reload srnic_pf" "$(cat /tmp/race.out)"
			fail=1
			break
		fi
		i=$((i + 1))
	done
	if [ $fail = 0 ]; then
		ok "$N removals under ethtool --reset and link up/down loops"
	fi
}

if [ "$DRIVER" = igb ]; then
	skip "rmmod under reset/up-down loops" "stock igb has no ETHTOOL_RESET"
else
	check "PF up" pf_ensure
	race_loop
	check "PF up after the races" pf_ensure
	check "ping after the races" wait_ping 10
fi
