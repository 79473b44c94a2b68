/* SPDX-License-Identifier: GPL-2.0 */
/*
 * MMIO accessors shared by the PF and VF drivers.
 *
 * Surprise removal is detected once, here: a read that returns all ones
 * from a register that can never read all ones means the function is gone
 * (hot-unplug, VF disabled under us). The accessor then clears hw_addr so
 * every later access is a no-op, and calls the owner's removal hook.
 */
#ifndef _SRNIC_HW_H_
#define _SRNIC_HW_H_

#include <linux/io.h>
#include <linux/compiler.h>
#include <linux/types.h>

struct srnic_hw {
	u8 __iomem *hw_addr;
	/* called once, from the accessor, when the device disappeared */
	void (*removed)(struct srnic_hw *hw);
};

u32 srnic_rd32_slow(struct srnic_hw *hw, u32 reg);

static inline u32 srnic_rd32(struct srnic_hw *hw, u32 reg)
{
	u8 __iomem *base = READ_ONCE(hw->hw_addr);
	u32 val;

	if (unlikely(!base))
		return ~0U;
	val = readl(base + reg);
	if (unlikely(val == ~0U))
		return srnic_rd32_slow(hw, reg);
	return val;
}

/*
 * A function in the middle of its own MAC reset may read all ones while it
 * is alive (CTRL.RST on silicon). Polls that run inside that window use
 * this read: guarded against a retired window like srnic_rd32(), but an
 * all-ones value is returned as is instead of being taken for removal.
 */
static inline u32 srnic_rd32_quiet(struct srnic_hw *hw, u32 reg)
{
	u8 __iomem *base = READ_ONCE(hw->hw_addr);

	if (unlikely(!base))
		return ~0U;
	return readl(base + reg);
}

static inline void srnic_wr32(struct srnic_hw *hw, u32 reg, u32 val)
{
	u8 __iomem *base = READ_ONCE(hw->hw_addr);

	if (likely(base))
		writel(val, base + reg);
}

static inline void srnic_wr_flush(struct srnic_hw *hw)
{
	srnic_rd32(hw, 0x8);	/* STATUS on both PF and VF */
}

static inline bool srnic_removed(struct srnic_hw *hw)
{
	return !READ_ONCE(hw->hw_addr);
}

#endif /* _SRNIC_HW_H_ */
