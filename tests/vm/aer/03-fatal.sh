# SPDX-License-Identifier: GPL-2.0
#
# Issue 7: an uncorrectable fatal AER error (MALF_TLP) at the PF's root
# port (QEMU cannot signal one from the PF, see lib-aer.sh). The AER
# core freezes the channel, resets the root port's secondary bus (the PF
# and, with its SR-IOV capability, every VF lose their config space),
# then calls slot_reset and resume: the PF restores its and its VFs'
# config space and rebuilds the switch; every VF passes traffic again
# with its policy intact.
# timeout: 300

. /tests/aer/lib-aer.sh

aer_setup
inject "uncorrectable fatal (MALF_TLP)" MALF_TLP fatal
