/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Deliberate defects for the debug-kernel tier's self-test only
 * (tests/debug-selftest.sh builds srnic_pf with -DSRNIC_SELFTEST_BREAK and
 * checks that each detector catches its defect). A normal build has none
 * of this: no parameter, no code.
 *
 * Include from one file of srnic_pf only (it defines the parameter).
 */
#ifndef _SRNIC_PF_SELFTEST_H
#define _SRNIC_PF_SELFTEST_H

#include "srnic_pf.h"

#ifdef SRNIC_SELFTEST_BREAK
#include <linux/dma-mapping.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>

static char *srnic_selftest_break = "";
module_param_named(selftest_break, srnic_selftest_break, charp, 0444);
MODULE_PARM_DESC(selftest_break,
		 "self-test builds only: kasan, dma, kmemleak or lockdep defect at open");

/* at the end of ndo_open, in process context with RTNL held */
static inline void srnic_pf_selftest_break(struct srnic_pf *pf)
{
	struct device *dev = &pf->pdev->dev;
	static void *leak __maybe_unused;
	dma_addr_t dma;
	u8 *p;

	if (!strcmp(srnic_selftest_break, "kasan")) {
		/* read after free */
		p = kmalloc(32, GFP_KERNEL);
		if (!p)
			return;
		kfree(p);
		dev_info(dev, "selftest: freed byte reads %u\n", READ_ONCE(p[8]));
	} else if (!strcmp(srnic_selftest_break, "dma")) {
		/* unmap with another size than mapped */
		p = kmalloc(256, GFP_KERNEL);
		if (!p)
			return;
		dma = dma_map_single(dev, p, 256, DMA_TO_DEVICE);
		if (!dma_mapping_error(dev, dma))
			dma_unmap_single(dev, dma, 128, DMA_TO_DEVICE);
		kfree(p);
	} else if (!strcmp(srnic_selftest_break, "kmemleak")) {
		/* the only pointer to it is lost */
		p = kmalloc(512, GFP_KERNEL);
		dev_info(dev, "selftest: leaked %zu bytes\n", p ? ksize(p) : 0);
		p = NULL;
	} else if (!strcmp(srnic_selftest_break, "lockdep")) {
		/*
		 * sw_lock is taken in the mailbox hard irq; taking it here
		 * without disabling interrupts is the inversion lockdep
		 * must name (the irq may come in while it is held).
		 */
		spin_lock(&pf->sw_lock);
		spin_unlock(&pf->sw_lock);
	}
}
#else
static inline void srnic_pf_selftest_break(struct srnic_pf *pf)
{
}
#endif

#endif
