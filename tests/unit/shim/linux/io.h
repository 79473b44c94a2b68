/* SPDX-License-Identifier: GPL-2.0 */
/* MMIO goes to the test's simulated device (tests/unit/mbx_sim.c). */
#ifndef _SHIM_LINUX_IO_H
#define _SHIM_LINUX_IO_H
#include <linux/types.h>
#include <linux/compiler.h>
u32 shim_readl(const volatile void *addr);
void shim_writel(u32 val, volatile void *addr);
#define readl(a)	shim_readl(a)
#define writel(v, a)	shim_writel(v, a)
#endif
