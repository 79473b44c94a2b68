# SPDX-License-Identifier: GPL-2.0
#
# 20 driver reloads (srnic_pf: rmmod srnic_pf && insmod srnic_pf; igb:
# rmmod igb && modprobe igb) with a ping after each; the runner then checks
# the kernel log for oopses and warnings.
# timeout: 600

N=${RELOADS:-20}
check "PF up" pf_ensure
fail=0
start=$(date +%s)
i=1
while [ $i -le "$N" ]; do
	if ! pf_unload > /tmp/reload.out 2>&1; then
		not_ok "reload $i: rmmod $DRIVER" "$(cat /tmp/reload.out)"
		fail=1
		break
	fi
	if pf_find 0; then
		not_ok "reload $i: netdev gone after rmmod" "$PF_IF still present"
		fail=1
		break
	fi
	if ! pf_load > /tmp/reload.out 2>&1; then
		not_ok "reload $i: load $DRIVER" "$(cat /tmp/reload.out)"
		fail=1
		break
	fi
	if ! pf_up 20 > /tmp/reload.out 2>&1; then
		not_ok "reload $i: PF up with carrier" "$(cat /tmp/reload.out)"
		fail=1
		break
	fi
	if ! wait_ping 10; then
		not_ok "reload $i: ping partner"
		fail=1
		break
	fi
	i=$((i + 1))
done
if [ $fail = 0 ]; then
	ok "$N reloads of $DRIVER with a ping after each ($(( $(date +%s) - start )) s)"
fi
if [ "$DRIVER" != igb ] && [ $fail = 0 ]; then
	# Full unload of the shared module too, then back.
	check "unload $DRIVER and srnic_lib" pf_unload_all
	check "reload $DRIVER and srnic_lib" pf_load
fi
check "PF usable after reloads" pf_ensure
check "ping after reloads" wait_ping 10
