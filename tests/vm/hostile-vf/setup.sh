# SPDX-License-Identifier: GPL-2.0
#
# Hostile-VF suite setup (sourced by /init): PF up, 3 VFs without
# autoprobe, admin policy on all of them, VF1/VF2 on srnic_vf in their
# namespaces, VF0 left without a driver and its memory decoding on.
. /tests/hostile-vf/lib-hostile.sh

check "PF, VFs and their policy set up (VF1/VF2 on srnic_vf, VF0 free)" hv_setup
check "mailbox health reporter" hv_health mailbox
run ip link show "$PF_IF" || true
