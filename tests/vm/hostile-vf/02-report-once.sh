# SPDX-License-Identifier: GPL-2.0
# timeout: 90
#
# One flood, one report: the mailbox reporter goes back to healthy once VF0
# stayed within its budget for SRNIC_PF_FLOOD_QUIET_MS, a new flood makes
# it report exactly once (the VF goes over budget many times meanwhile),
# the dump shows VF0's last offending messages, the diagnosis its counters.
. /tests/hostile-vf/lib-hostile.sh

VF0=$(vf_pci 0)
check "mailbox reporter healthy after the attacks stopped" wait_until 30 hv_health_healthy
devlink health dump clear "pci/$PF_PCI" reporter mailbox 2> /dev/null || true
e0=$(hv_health_errors mailbox)
d0=$(hv_ethtool_stat vf0_mbx_throttled)
# crafted messages (refusals to log) first, then a flood
taskset -c 1 "$HV_TOOL" -q -d "$VF0" -m msgs -t 2 -M "$(hv_vf_mac 1)" > /tmp/hv.tool 2>&1 || true
taskset -c 1 "$HV_TOOL" -q -d "$VF0" -m flood -t 4 >> /tmp/hv.tool 2>&1 || true
sed 's/^/#   /' /tmp/hv.tool >&8
e1=$(hv_health_errors mailbox)
d1=$(hv_ethtool_stat vf0_mbx_throttled)
diag "reports $((e1 - e0)), deferrals $((d1 - d0))"
check "VF0 went over its budget more than once" test $((d1 - d0)) -gt 1
check "the flood is reported exactly once" test $((e1 - e0)) = 1
check "reporter state error during the episode" test "$(hv_health_state mailbox)" = error
devlink health dump show "pci/$PF_PCI" reporter mailbox > /tmp/hv.dump 2>&1 || true
head -c 3000 /tmp/hv.dump | sed 's/^/#   /' >&8
check "dump names VF0's flood" grep -E "policy:? mailbox-flood" /tmp/hv.dump
check "dump has VF0's refused messages" grep -E "policy:? (admin-mac|mac-in-use|invalid-mac|port-vlan|vlan-range|lpe-range|bad-request|unknown-msg|trust)" /tmp/hv.dump
devlink health diagnose "pci/$PF_PCI" reporter mailbox > /tmp/hv.diag 2>&1 || true
sed 's/^/#   /' /tmp/hv.diag >&8
check "diagnose has per-VF counters" grep -E "vf:? 2 messages:? [0-9]+" /tmp/hv.diag
check "diagnose: VF0 flooding" grep -E "vf:? 0 .*flooding:? true" /tmp/hv.diag
check "back to healthy after the flood" wait_until 30 hv_health_healthy
check "tx_timeout reporter present and healthy" test "$(hv_health_state tx_timeout)" = healthy
