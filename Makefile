# SPDX-License-Identifier: GPL-2.0
#
# srnic: Intel 82576 SR-IOV PF and VF drivers.
#
# In kbuild mode (KERNELRELEASE set) this file lists the modules; otherwise
# it drives kbuild against KDIR and runs the project's commands.

ifneq ($(KERNELRELEASE),)

CONFIG_SRNIC_PF ?= m
CONFIG_SRNIC_VF ?= m
# the library is built when either driver is
CONFIG_SRNIC_LIB ?= $(if $(filter y,$(CONFIG_SRNIC_PF) $(CONFIG_SRNIC_VF)),y,$(if $(filter m,$(CONFIG_SRNIC_PF) $(CONFIG_SRNIC_VF)),m))

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
ifeq ($(call srnic_has,net/page_pool/helpers.h,page_pool_dev_alloc_pages),)
ccflags-y += -DSRNIC_NEED_PAGE_POOL_LEGACY_HDR
endif

obj-$(CONFIG_SRNIC_LIB) += srnic_lib.o
srnic_lib-y := common/srnic_lib.o common/srnic_txrx.o mailbox/srnic_mbx.o

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

.PHONY: all modules clean setup check demo bench

all: modules

modules:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean
	rm -rf build

setup:
	@tools/setup.sh

check: setup
	@tests/check.sh

demo: setup
	@tools/demo.sh

# srnic next to the in-tree igb/igbvf on the same QEMU (not part of check)
bench: setup
	@tests/bench/run.sh

endif
