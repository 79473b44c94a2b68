# SPDX-License-Identifier: GPL-2.0
#
# Fault-loop suite setup (sourced by /init): PF up, 7 VFs with the admin
# policy of lib-faults.sh, srnic_vf bound, each VF in its namespace.
. /tests/faults/lib-faults.sh

diag "loop counts: ${SOAK:+SOAK=$SOAK }${FAULTS_N:+FAULTS_N=$FAULTS_N }($( [ "${SOAK:-0}" = 1 ] && echo soak || echo check) mode)"
check "load $DRIVER" pf_load
check "PF up with carrier" pf_up 20
check "7 VFs with the admin policy on srnic_vf" fl_ensure
: > "$FL_FAIL"
fl_policy_check || true
if [ -s "$FL_FAIL" ]; then
	not_ok "admin policy in force before the loops" "$(head -n 5 "$FL_FAIL" | tr '\n' ';')"
else
	ok "admin policy in force before the loops"
fi
run ip link show "$PF_IF" || true
