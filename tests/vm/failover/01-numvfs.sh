# SPDX-License-Identifier: GPL-2.0
#
# Acceptance 5, first round: 0.1 s pings through the failover master while
# the VF goes away with sriov_numvfs 0 (traffic continues over the virtio
# standby) and comes back (VFs enabled, admin MAC, srnic_vf bound: traffic
# back on the VF).
# timeout: 200
. /tests/failover/folib.sh

check "VF0 is the primary" wait_until 10 fo_primary_ready
fo_rounds "sriov_numvfs 0" fo_vf_del fo_vf_add
check "VF0 is the primary again" fo_primary_ready
run ip link show master "$FO_DEV" || true
