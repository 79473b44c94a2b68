/* SPDX-License-Identifier: GPL-2.0 */
/* A software model of the 82576 mailbox registers, PF BAR and VF BARs,
 * for testing mailbox/srnic_mbx.c in userspace.
 */
#ifndef _SRNIC_MBX_SIM_H
#define _SRNIC_MBX_SIM_H

#include <linux/types.h>
#include "srnic_hw.h"

#define SIM_VFS 8

struct mbx_sim {
	u32 vmbmem[SIM_VFS][16];
	bool pfu[SIM_VFS], vfu[SIM_VFS];
	u32 r2c[SIM_VFS];	/* PFSTS | PFACK | RSTD, cleared by a VF read */
	bool rsti[SIM_VFS];
	u32 mbvficr, vflre;
	u32 pf_regs[0x20000 / 4];
	unsigned long now_us;
	/* called from udelay(), like an interrupt arriving while polling */
	void (*on_delay)(struct mbx_sim *sim);
	int in_delay;
	/* called before every VF read of VFMailbox: a PF acting between reads */
	void (*on_vf_mbx_read)(struct mbx_sim *sim, int vf);
	int in_read;
	unsigned long vf_mbx_reads[SIM_VFS];	/* VFMailbox reads by the VF */
	unsigned long vf_reqs[SIM_VFS];		/* REQ writes by the VF */
	unsigned long vf_rsts[SIM_VFS];		/* VTCTRL.RST writes */
	u32 vf_status[SIM_VFS];			/* VTSTATUS */
	/* called before every PF register read: a VF acting between two
	 * PF reads (the fuzzer's injection point)
	 */
	void (*on_pf_read)(struct mbx_sim *sim, u32 off);
	/* called before every PF register write takes effect */
	void (*on_pf_write)(struct mbx_sim *sim, u32 off, u32 val);
	int in_pf_read;
	unsigned long pf_reads;			/* PF register reads */
};

extern struct mbx_sim sim;
extern struct srnic_hw sim_pf_hw;
extern struct srnic_hw sim_vf_hw[SIM_VFS];

void sim_reset(void);

#endif
