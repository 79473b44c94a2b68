# SPDX-License-Identifier: GPL-2.0
#
# ethtool -G on the VF: the PF's answers (tests/vm/lib-ring.sh, also run
# by tests/vm/pf/09-ringparam.sh): below the minimum and above the
# maximum refused with the extack message, unaligned sizes rounded up.
# timeout: 180
. /tests/vf/vflib.sh
. /tests/lib-ring.sh

ring_checks vf3 ip netns exec vf3
check "VF3 traffic after ethtool -G" vf_wait_ping 3 "$PARTNER_IP" 10
