# SPDX-License-Identifier: GPL-2.0
#
# srnic: Intel 82576 SR-IOV PF and VF drivers.
#
# In kbuild mode (KERNELRELEASE set) this file lists the modules; otherwise
# it drives kbuild against KDIR and runs the project's commands.

ifneq ($(KERNELRELEASE),)

ifneq ($(KBUILD_EXTMOD),)
# Out of tree no .config names srnic: build both drivers. In a kernel tree
# (tools/intree.sh) Kconfig decides.
CONFIG_SRNIC_PF ?= m
CONFIG_SRNIC_VF ?= m
# the library is built when either driver is
CONFIG_SRNIC_LIB ?= $(if $(filter y,$(CONFIG_SRNIC_PF) $(CONFIG_SRNIC_VF)),y,$(if $(filter m,$(CONFIG_SRNIC_PF) $(CONFIG_SRNIC_VF)),m))
endif

ccflags-y += -I$(src)/common -I$(src)/mailbox

# Probe the target kernel's headers for API differences (see
# common/srnic_compat.h). Debian splits headers over two trees.
srnic_hdr = $(firstword $(wildcard $(srctree)/include/$(1) $(objtree)/include/$(1)))
srnic_has = $(shell grep -qs '$(2)' $(call srnic_hdr,$(1)) && echo y)
ifneq ($(call srnic_has,net/devlink.h,devlink_info_driver_name_put),)
ccflags-y += -DSRNIC_NEED_DEVLINK_DRIVER_NAME
endif
ifeq ($(call srnic_has,linux/ethtool.h,ethtool_puts),)
ccflags-y += -DSRNIC_NEED_ETHTOOL_PUTS
endif
ifneq ($(call srnic_has,linux/module.h,define MODULE_IMPORT_NS(ns).*__stringify(ns)),)
ccflags-y += -DSRNIC_NEED_NS_IDENT
endif
ifeq ($(call srnic_has,net/page_pool/helpers.h,page_pool_dev_alloc_pages),)
ccflags-y += -DSRNIC_NEED_PAGE_POOL_LEGACY_HDR
endif

obj-$(CONFIG_SRNIC_LIB) += srnic_lib.o
srnic_lib-y := common/srnic_lib.o common/srnic_txrx.o common/srnic_port.o \
	      mailbox/srnic_mbx.o mailbox/srnic_mbx_proto.o

obj-$(CONFIG_SRNIC_PF) += srnic_pf.o
srnic_pf-y := pf/srnic_pf_main.o pf/srnic_pf_hw.o pf/srnic_pf_netdev.o \
	      pf/srnic_pf_ethtool.o pf/srnic_pf_devlink.o pf/srnic_pf_sriov.o \
	      pf/srnic_pf_switch.o pf/srnic_pf_policy.o

obj-$(CONFIG_SRNIC_VF) += srnic_vf.o
srnic_vf-y := vf/srnic_vf_main.o vf/srnic_vf_netdev.o vf/srnic_vf_mbx.o \
	      vf/srnic_vf_ethtool.o

else

KDIR ?= $(shell if [ -d /lib/modules/$$(uname -r)/build ]; then \
		echo /lib/modules/$$(uname -r)/build; \
	else ls -d /lib/modules/*/build 2>/dev/null | sort -V | tail -n1; fi)

.PHONY: all modules clean setup check check-debug check-nested soak demo bench install \
	uninstall sign fuzz-long install-src deb

all: modules

modules:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean
	rm -rf build

# One version for DKMS, the .deb and the source tree: dkms.conf's.
VERSION := $(shell sed -n 's/^PACKAGE_VERSION="\(.*\)"$$/\1/p' $(CURDIR)/dkms.conf)
KREL = $(shell cat $(KDIR)/include/config/kernel.release)
MODULES := srnic_lib srnic_pf srnic_vf
# Plain (non-DKMS) installs go to their own directory so they never shadow
# or get removed with a DKMS install in updates/dkms.
INSTALL_MOD_DIR ?= updates/srnic
INSTALL_MOD_PATH ?=
DEPMOD_ARGS = $(if $(INSTALL_MOD_PATH),-b $(INSTALL_MOD_PATH)) $(KREL)

# make install: modules_install for KDIR's kernel, then depmod so modprobe
# finds them.  On a Secure Boot host run `make sign` first.
install: modules
	$(MAKE) -C $(KDIR) M=$(CURDIR) INSTALL_MOD_DIR=$(INSTALL_MOD_DIR) \
		$(if $(INSTALL_MOD_PATH),INSTALL_MOD_PATH=$(INSTALL_MOD_PATH)) \
		modules_install
	depmod -a $(DEPMOD_ARGS)

uninstall:
	rm -f $(foreach m,$(MODULES),$(wildcard \
		$(INSTALL_MOD_PATH)/lib/modules/$(KREL)/$(INSTALL_MOD_DIR)/$(m).ko*))
	-cd $(INSTALL_MOD_PATH)/lib/modules/$(KREL) 2> /dev/null && \
		rmdir -p --ignore-fail-on-non-empty $(INSTALL_MOD_DIR) 2> /dev/null
	depmod -a $(DEPMOD_ARGS)

# make sign KEY=key.pem CERT=cert.der: sign the built modules with the
# kernel's own scripts/sign-file and hash (e.g. with an enrolled MOK).
SIGN_HASH = $(or $(shell sed -n 's/^CONFIG_MODULE_SIG_HASH="\(.*\)"/\1/p' \
		$(KDIR)/.config 2> /dev/null),sha256)
sign: modules
	@test -n "$(KEY)" -a -n "$(CERT)" || \
		{ echo "usage: make sign KEY=key.pem CERT=cert.der" >&2; exit 1; }
	@test -x $(KDIR)/scripts/sign-file || \
		{ echo "sign: no $(KDIR)/scripts/sign-file" >&2; exit 1; }
	for m in $(MODULES); do \
		$(KDIR)/scripts/sign-file $(SIGN_HASH) $(KEY) $(CERT) $$m.ko || exit 1; \
	done

# The DKMS source tree, /usr/src/srnic-VERSION (debian/rules uses it).
SRC_FILES := Makefile Kconfig LICENSE dkms.conf \
	$(wildcard common/*.[ch] mailbox/*.[ch] pf/*.[ch] vf/*.[ch])
install-src:
	for f in $(SRC_FILES); do \
		install -D -m 644 $$f $(DESTDIR)/usr/src/srnic-$(VERSION)/$$f || exit 1; \
	done

# make deb: srnic-dkms_VERSION_all.deb here, built in a clean copy of the
# tree under build/deb (dpkg-buildpackage writes next to the source).
DEB_FILES := $(SRC_FILES) README.md Documentation debian packaging
deb:
	@cl=$$(dpkg-parsechangelog -S Version); \
	test "$$cl" = "$(VERSION)" || \
		{ echo "deb: debian/changelog says $$cl, dkms.conf $(VERSION)" >&2; exit 1; }
	rm -rf build/deb
	mkdir -p build/deb/srnic-$(VERSION)
	cp -a --parents $(DEB_FILES) build/deb/srnic-$(VERSION)/
	cd build/deb/srnic-$(VERSION) && dpkg-buildpackage -b -us -uc -tc > ../build.log 2>&1 || \
		{ tail -n 40 ../build.log >&2; exit 1; }
	cp build/deb/srnic-dkms_$(VERSION)_all.deb .
	@ls srnic-dkms_$(VERSION)_all.deb

setup:
	@tools/setup.sh

check: setup
	@tests/check.sh

# srnic_vf in a nested guest with VF0 assigned through vfio-pci
# (tests/vm/nested, issue 13): TCG inside TCG, too slow for make check
check-nested: setup
	@CHECK_STAGES="modules vm" CHECK_SUITES=nested tests/check.sh

# The debug-kernel tier: KASAN, lockdep, DMA-API debugging, kmemleak, UBSAN,
# KUnit; the kernel is built once per machine (tools/debug-kernel.sh),
# srnic in its tree. DEBUG_SUITES="..." picks the VM suites.
check-debug: setup
	@CHECK_STAGES=debug CHECK_OUT=$(CURDIR)/build/check-debug tests/check.sh

# Both fuzz targets, FUZZ_LONG_RUNS (default 5000000) executions each, at
# once: 10^7 in all (issue 7). Reports the count and time; non-zero on a
# finding. make check runs them for FUZZ_SECONDS only.
fuzz-long:
	$(MAKE) -C tests/unit fuzz-long

demo: setup
	@tools/demo.sh

# The fault loops of tests/vm/faults at their full counts (issue 7; make
# check runs them with reduced ones). Hours under TCG: SOAK_TIMEOUT bounds
# the whole VM run and each loop, in seconds.
SOAK_TIMEOUT ?= 36000
soak: setup modules
	python3 tools/vm.py --suite faults --driver srnic_pf --env SOAK=1 \
		--timeout $(SOAK_TIMEOUT) --test-timeout $(SOAK_TIMEOUT)

# srnic next to the in-tree igb/igbvf on the same QEMU (not part of check)
bench: setup
	@tests/bench/run.sh

endif
