# SPDX-License-Identifier: GPL-2.0
# Expected: passes; control channel, HMP, QMP and trace requests work.
check "host ping" host ping
check "hmp info version" hmp "info version"
check "qmp query-status" host qmp '{"execute": "query-status"}'
check "trace_on" host trace_on e1000e_link_status_changed
m=$(trace_mark)
check "set_link off" set_link off
check "set_link on" set_link on
trace_expect "trace saw the link change" "$m" 'e1000e_link_status_changed'
check_fail "hmp error is reported" hmp "set_link no-such-netdev off"
skip "a skipped point" "skips are counted separately"
check_fail "qmp set_link error is reported" set_link off no-such-netdev
check "hmp set_link works" hmp "set_link $QEMU_PF_NETDEV on"
