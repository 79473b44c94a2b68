#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Demo: build the modules, boot one VM (QEMU igb = Intel 82576 PF plus a
# virtio-net link partner on the same hub), load srnic_pf, bring the PF up
# and show ethtool -i, ip link, a ping to the partner and a short iperf3;
# then enable VFs, apply per-port policy with "ip link set vf", bind
# srnic_vf and show the NIC switch and the policy at work.
#
# Env: DRIVER=srnic_pf (default) or igb to compare with the stock driver.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
KVER=${KVER:-$(tools/kver.sh 6.12)}
DRIVER=${DRIVER:-srnic_pf}

echo "== building modules for $KVER"
make -s modules KDIR="/lib/modules/$KVER/build"
ls -l ./*.ko
echo
echo "== booting the VM (QEMU TCG, -device igb + virtio-net partner); driver $DRIVER"
rc=0
python3 tools/vm.py --suite demo --driver "$DRIVER" --timeout 300 -v || rc=$?
echo
if [ $rc = 0 ]; then
	echo "== demo OK"
else
	echo "== demo FAILED (logs in build/vm/demo-$DRIVER/)"
fi
exit $rc
