# SPDX-License-Identifier: GPL-2.0
#
# The baseline: the stock igbvf in L2 gets the same run as srnic_vf.
# timeout: 1200
L2_DRV=igbvf
. /tests/nested/02-guest-view.sh
