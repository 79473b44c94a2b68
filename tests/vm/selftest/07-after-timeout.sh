# SPDX-License-Identifier: GPL-2.0
# Expected: passes; nothing from 03-timeout survives.
check_fail "no leftover sleep 1000" sh -c 'ps | grep -v grep | grep "sleep 1000" > /dev/null'
