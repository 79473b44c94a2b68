// SPDX-License-Identifier: GPL-2.0
/*
 * srnic_lib: code shared by the srnic PF and VF drivers. This file holds
 * the module boilerplate and the MMIO slow path; the descriptor ring
 * datapath lives in srnic_txrx.c.
 */

#include <linux/atomic.h>
#include <linux/export.h>
#include <linux/module.h>

#include "srnic_compat.h"
#include "srnic_hw.h"
#include "srnic_regs.h"

/**
 * srnic_rd32_slow() - second look at a register that read all ones
 * @hw: register window of one PCI function (PF or VF)
 * @reg: offset of the register that returned ~0
 *
 * All ones is what a PCIe read returns once the function is gone
 * (surprise removal, VF disabled by the PF, failed link), but a few
 * registers can legitimately hold that value. STATUS (0x8 on the PF and
 * on the VF) never reads all ones on a live device, so it decides. The
 * window is retired with cmpxchg() so that, when several CPUs notice at
 * once, exactly one of them calls the owner's removal hook.
 *
 * Return: the register value, or ~0 if the device is gone.
 */
u32 srnic_rd32_slow(struct srnic_hw *hw, u32 reg)
{
	u8 __iomem *base = READ_ONCE(hw->hw_addr);
	u32 val;

	if (!base)
		return ~0U;

	val = readl(base + reg);
	if (val != ~0U)
		return val;
	if (reg != SRNIC_STATUS && readl(base + SRNIC_STATUS) != ~0U)
		return val;

	if (cmpxchg(&hw->hw_addr, base, NULL) == base && hw->removed)
		hw->removed(hw);

	return ~0U;
}
EXPORT_SYMBOL_NS_GPL(srnic_rd32_slow, SRNIC_NS);

MODULE_DESCRIPTION("srnic shared library: 82576 register access and descriptor ring datapath");
MODULE_AUTHOR("srnic developers");
MODULE_LICENSE("GPL");
