# SPDX-License-Identifier: GPL-2.0
#
# Issue 13 step 1: feasibility.  Boot L2 with VF0 assigned (vfio-pci)
# and srnic_vf in L2, measure each step from the L1 side (seconds since
# the L2 QEMU started), and ping the link partner through the VF.
# timeout: 1200
. /tests/nested/nestlib.sh

L2_DRV=${L2_DRV:-srnic_vf}
l2_start "$L2_DRV"
for m in init "insmod $L2_DRV done" netdev carrier "first ping" ping20 done; do
	if s=$(l2_wait "$m" 1100); then
		ok "L2 $L2_DRV: '$m' after $s s"
		# the feasibility bound for the rest of the suite
		[ "$m" != "first ping" ] || echo "$s" > /tmp/l2-first-ping-s
	else
		not_ok "L2 $L2_DRV: '$m'" "not reached; L2 console:"
		tail -n 40 "$L2_LOG" >&8
		cat /tmp/l2-qemu.log >&8
		break
	fi
done
grep '^L2' "$L2_LOG" >&8 || true
check "L2 got the admin MAC $L2_MAC" grep -q "^L2: [0-9.]* netdev .* mac $L2_MAC" "$L2_LOG"
check "L2's first ping through the VF" grep -q "^L2: [0-9.]* first ping ok" "$L2_LOG"
l2_stop
