# SPDX-License-Identifier: GPL-2.0
#
# PF suite setup (sourced by /init): load the driver under test and bring
# the PF up.  Later tests re-check with pf_ensure, so a failure here does
# not hide their own results.
check "load $DRIVER" pf_load
check "PF netdev appears" pf_find 15
diag "PF $PF_PCI netdev ${PF_IF:-?} driver $DRIVER"
check "PF up with carrier" pf_up 20
