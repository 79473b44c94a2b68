# SPDX-License-Identifier: GPL-2.0
#
# srnic_pf next to igb, per device: igb loads first and owns the port (as
# on a Debian host, where igb sits in the initramfs); srnic_pf loaded next
# to it takes nothing.  driverctl moves the port to srnic_pf and back, then
# the package's udev rule + srnic-bind with /etc/srnic/devices do the same.
# Traffic to the partner after every move.
# timeout: 240

. /tests/ops/lib-ops.sh

check "modprobe igb" modprobe igb
check "the port is on igb" wait_until 10 on_driver "$PF_PCI" igb
check "igb: ping partner" port_ping
check "insmod srnic_lib srnic_pf next to igb" srnic_loaded
check "srnic_pf loaded next to igb leaves the port on igb" on_driver "$PF_PCI" igb

# the driverctl way (persistent without --nosave; no systemd here)
if [ -x /sbin/driverctl ] && [ -x /sbin/bash ]; then
	check "driverctl --nosave set-override $PF_PCI srnic_pf" \
		driverctl --nosave set-override "$PF_PCI" srnic_pf
	check "driverctl: the port is on srnic_pf" on_driver "$PF_PCI" srnic_pf
	check "driverctl: driver_override reads srnic_pf" \
		grep -qx srnic_pf "/sys/bus/pci/devices/$PF_PCI/driver_override"
	check "srnic_pf: ping partner" port_ping
	check "driverctl --nosave unset-override $PF_PCI" \
		driverctl --nosave unset-override "$PF_PCI"
	check "driverctl: the port is back on igb" on_driver "$PF_PCI" igb
	check "igb again: ping partner" port_ping
else
	skip "driverctl path" "no driverctl or bash in the initramfs"
fi

# the package's udev rule and its helper
check "install the package's udev rule, srnic-bind, /etc/srnic/devices" install_pkg_files
echo "$PF_PCI" >> /etc/srnic/devices
udevadm test --action=add "/sys/bus/pci/devices/$PF_PCI" > /tmp/udevtest.out 2>&1 || true
grep -i 'srnic' /tmp/udevtest.out | sed 's/^/#     /' >&8 || true
check "udevadm test: the rule runs srnic-bind $PF_PCI on add" \
	grep -q "/usr/lib/srnic/srnic-bind $PF_PCI" /tmp/udevtest.out
# udevadm test does not run RUN programs: run it as udevd would
check "srnic-bind $PF_PCI (listed in /etc/srnic/devices)" /usr/lib/srnic/srnic-bind "$PF_PCI"
check "srnic-bind: the port is on srnic_pf" on_driver "$PF_PCI" srnic_pf
check "srnic_pf via srnic-bind: ping partner" port_ping
check "srnic-bind $PF_PCI again: nothing to do, still srnic_pf" \
	sh -c "/usr/lib/srnic/srnic-bind $PF_PCI && test \$(basename \$(readlink /sys/bus/pci/devices/$PF_PCI/driver)) = srnic_pf"
check "srnic-bind --clear $PF_PCI" /usr/lib/srnic/srnic-bind --clear "$PF_PCI"
check "srnic-bind --clear: the port is back on igb" on_driver "$PF_PCI" igb
check "igb after --clear: ping partner" port_ping
check_fail "srnic-bind refuses a device that does not exist" \
	/usr/lib/srnic/srnic-bind --set 0000:ff:1f.7 srnic_pf

# leave the port unbound from both for the next test
rm -f /etc/srnic/devices
rmmod igb
rmmod srnic_pf
rmmod srnic_lib
