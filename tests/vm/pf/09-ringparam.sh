# SPDX-License-Identifier: GPL-2.0
#
# ethtool -G on the PF: below the minimum and above the maximum refused
# with the extack message, unaligned sizes rounded up to 8. The VF suite
# runs the same checks (tests/vm/lib-ring.sh) on srnic_vf.
# timeout: 180
. /tests/lib-ring.sh

check "PF up" pf_ensure
if [ "$DRIVER" = igb ]; then
	skip "ethtool -G as srnic_vf answers it" "stock igb clamps sizes instead"
else
	ring_checks "$PF_IF"
	check "ping after ethtool -G" wait_ping 15
fi
