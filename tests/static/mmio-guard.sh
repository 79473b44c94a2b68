#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Every PF and mailbox register access goes through the guarded accessors
# of common/srnic_hw.h (srnic_rd32/srnic_wr32/srnic_rd32_quiet, or a
# wrapper around them). After a surprise removal they see hw_addr == NULL
# and do nothing; a raw ioread32(hw_addr + X) or readl() there would
# dereference a near-NULL address instead. KTAP output (tests/ktap.sh).
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
RAW='\<(ioread(8|16|32)|iowrite(8|16|32)|readl|writel|readl_relaxed|writel_relaxed|readx_poll_timeout(_atomic)?)\>[[:space:]]*\('
. "$top/tests/ktap.sh"
ktap_print_header
ktap_set_plan 2
for d in pf mailbox; do
	hits=$(grep -nE "$RAW" "$d"/*.c "$d"/*.h 2> /dev/null || true)
	# read_poll_timeout() is fine when its op is a guarded accessor
	hits2=$(grep -nE '\<read_poll_timeout(_atomic)?\(ioread' "$d"/*.c 2> /dev/null || true)
	if [ -z "$hits$hits2" ]; then
		ktap_test_pass "$d/: no raw MMIO outside the guarded accessors"
	else
		ktap_test_fail "$d/: no raw MMIO outside the guarded accessors"
		printf '%s\n%s\n' "$hits" "$hits2" | sed '/^$/d' | ktap_diag
	fi
done
ktap_finished
