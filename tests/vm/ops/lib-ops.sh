# SPDX-License-Identifier: GPL-2.0
#
# Ops suite helpers (sourced by tests/vm/ops/NN-*.sh after lib.sh).

. /tests/sriov/lib-sriov.sh

# pci_drv BDF: the driver bound to BDF, empty when unbound.
pci_drv() {
	local l
	l=$(readlink "/sys/bus/pci/devices/$1/driver" 2> /dev/null) || return 0
	basename "$l"
}

# on_driver BDF DRV: BDF is bound to DRV (for check/wait_until).
on_driver() {
	local d
	d=$(pci_drv "$1")
	[ "$d" = "$2" ] || { echo "$1 is on '${d:-nothing}', not $2" >&2; return 1; }
}

# install_pkg_files: put the files the .deb ships where it puts them.
install_pkg_files() {
	mkdir -p /usr/lib/srnic /etc/udev/rules.d /etc/srnic || return 1
	cp /srnic/packaging/srnic-bind /usr/lib/srnic/ || return 1
	chmod +x /usr/lib/srnic/srnic-bind
	cp /srnic/packaging/udev/70-srnic.rules /etc/udev/rules.d/ || return 1
	cp /srnic/packaging/devices /etc/srnic/devices
}

srnic_loaded() {
	mod_loaded srnic_lib || insmod /srnic/srnic_lib.ko || return 1
	mod_loaded srnic_pf || insmod /srnic/srnic_pf.ko || return 1
}

# port_ping: the PF netdev (whichever driver has it) up, partner reachable
port_ping() {
	pf_find 15 || return 1
	pf_up 20 || return 1
	ip neigh flush dev "$PF_IF" 2> /dev/null || true
	wait_ping 15 || return 1
	ping_partner
}
