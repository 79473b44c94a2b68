# SPDX-License-Identifier: GPL-2.0
#
# Acceptance 5, second round: the same with srnic_vf unbound from VF0 and
# bound again (the VF itself stays).
# timeout: 200
. /tests/failover/folib.sh

check "VF0 is the primary" wait_until 10 fo_primary_ready
fo_rounds "unbind" fo_vf_unbind fo_vf_bind
check "VF0 is the primary again" fo_primary_ready
run ip -s link show "$PF_IF" || true
