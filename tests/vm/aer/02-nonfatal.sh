# SPDX-License-Identifier: GPL-2.0
#
# Issue 7: an uncorrectable non-fatal AER error (POISON_TLP) at the PF's
# root port (QEMU cannot signal one from the PF, see lib-aer.sh).
# The AER core calls error_detected (channel normal), the PF asks for a
# reset and rebuilds the MAC in slot_reset (no link reset), the igbvf VFs
# run their own error handlers behind it; the PF and every VF pass traffic
# afterwards with their admin policy in the device.
# timeout: 300

. /tests/aer/lib-aer.sh

aer_setup
inject "uncorrectable non-fatal (POISON_TLP)" POISON_TLP nonfatal
