// SPDX-License-Identifier: GPL-2.0
/* Mailbox register model behind the shim's readl()/writel(). */
#include <string.h>

#include "mbx_sim.h"
#include "srnic_regs.h"

struct mbx_sim sim;
static u8 pf_bar[0x20000];
static u8 vf_bar[SIM_VFS][0x4000];
struct srnic_hw sim_pf_hw;
struct srnic_hw sim_vf_hw[SIM_VFS];

u32 srnic_rd32_slow(struct srnic_hw *hw, u32 reg)
{
	(void)hw;
	(void)reg;
	return ~0U;
}

void sim_reset(void)
{
	int i;

	memset(&sim, 0, sizeof(sim));
	sim_pf_hw.hw_addr = pf_bar;
	for (i = 0; i < SIM_VFS; i++)
		sim_vf_hw[i].hw_addr = vf_bar[i];
}

void shim_udelay(unsigned long us)
{
	sim.now_us += us;
	if (sim.on_delay && !sim.in_delay) {
		sim.in_delay = 1;
		sim.on_delay(&sim);
		sim.in_delay = 0;
	}
}

static int sim_vf_of(const volatile void *addr, u32 *off)
{
	const u8 *a = (const u8 *)addr;
	int i;

	for (i = 0; i < SIM_VFS; i++) {
		if (a >= vf_bar[i] && a < vf_bar[i] + sizeof(vf_bar[i])) {
			*off = a - vf_bar[i];
			return i;
		}
	}
	*off = a - pf_bar;
	return -1;
}

static u32 sim_pf_read(u32 off)
{
	unsigned int n;

	if (off >= SRNIC_VMBMEM(0) && off < SRNIC_VMBMEM(SIM_VFS))
		return sim.vmbmem[(off - 0x800) / 0x40][(off & 0x3f) / 4];
	if (off >= SRNIC_PFMAILBOX(0) && off < SRNIC_PFMAILBOX(SIM_VFS)) {
		n = (off - SRNIC_PFMAILBOX(0)) / 4;
		return (sim.vfu[n] ? SRNIC_PFMB_VFU : 0) |
		       (sim.pfu[n] ? SRNIC_PFMB_PFU : 0);
	}
	if (off == SRNIC_MBVFICR)
		return sim.mbvficr;
	if (off == SRNIC_VFLRE)
		return sim.vflre;
	return sim.pf_regs[off / 4];
}

static void sim_pf_write(u32 off, u32 val)
{
	unsigned int n;

	if (off >= SRNIC_VMBMEM(0) && off < SRNIC_VMBMEM(SIM_VFS)) {
		sim.vmbmem[(off - 0x800) / 0x40][(off & 0x3f) / 4] = val;
		return;
	}
	if (off >= SRNIC_PFMAILBOX(0) && off < SRNIC_PFMAILBOX(SIM_VFS)) {
		n = (off - SRNIC_PFMAILBOX(0)) / 4;
		if (val & SRNIC_PFMB_STS)
			sim.r2c[n] |= SRNIC_VFMB_PFSTS;
		if (val & SRNIC_PFMB_ACK)
			sim.r2c[n] |= SRNIC_VFMB_PFACK;
		if (val & SRNIC_PFMB_RVFU)
			sim.vfu[n] = false;
		sim.pfu[n] = (val & SRNIC_PFMB_PFU) && !sim.vfu[n];
		return;
	}
	if (off == SRNIC_MBVFICR) {
		sim.mbvficr &= ~val;
		return;
	}
	if (off == SRNIC_VFLRE) {
		sim.vflre &= ~val;
		return;
	}
	sim.pf_regs[off / 4] = val;
}

static u32 sim_vf_read(int n, u32 off)
{
	u32 v;

	if (off >= SRNIC_VF_MBMEM && off < SRNIC_VF_MBMEM + 0x40)
		return sim.vmbmem[n][(off - SRNIC_VF_MBMEM) / 4];
	if (off == SRNIC_VF_MAILBOX) {
		sim.vf_mbx_reads[n]++;
		if (sim.on_vf_mbx_read && !sim.in_read) {
			sim.in_read = 1;
			sim.on_vf_mbx_read(&sim, n);
			sim.in_read = 0;
		}
		v = (sim.vfu[n] ? SRNIC_VFMB_VFU : 0) |
		    (sim.pfu[n] ? SRNIC_VFMB_PFU : 0) |
		    (sim.rsti[n] ? SRNIC_VFMB_RSTI : 0) | sim.r2c[n];
		sim.r2c[n] = 0;
		return v;
	}
	if (off == SRNIC_VF_STATUS)
		return sim.vf_status[n];
	return 0;
}

static void sim_vf_write(int n, u32 off, u32 val)
{
	if (off >= SRNIC_VF_MBMEM && off < SRNIC_VF_MBMEM + 0x40) {
		sim.vmbmem[n][(off - SRNIC_VF_MBMEM) / 4] = val;
		return;
	}
	if (off == SRNIC_VF_CTRL && (val & SRNIC_VF_CTRL_RST)) {
		sim.vf_rsts[n]++;
		sim.vflre |= 1U << n;
		return;
	}
	if (off == SRNIC_VF_MAILBOX) {
		if (val & SRNIC_VFMB_REQ) {
			sim.mbvficr |= SRNIC_MBVFICR_VFREQ(n);
			sim.vf_reqs[n]++;
		}
		if (val & SRNIC_VFMB_ACK)
			sim.mbvficr |= SRNIC_MBVFICR_VFACK(n);
		sim.vfu[n] = (val & SRNIC_VFMB_VFU) && !sim.pfu[n];
	}
}

u32 shim_readl(const volatile void *addr)
{
	u32 off;
	int n = sim_vf_of(addr, &off);

	if (n >= 0)
		return sim_vf_read(n, off);
	sim.pf_reads++;
	if (sim.on_pf_read && !sim.in_pf_read) {
		sim.in_pf_read = 1;
		sim.on_pf_read(&sim, off);
		sim.in_pf_read = 0;
	}
	return sim_pf_read(off);
}

void shim_writel(u32 val, volatile void *addr)
{
	u32 off;
	int n = sim_vf_of(addr, &off);

	if (n < 0) {
		if (sim.on_pf_write)
			sim.on_pf_write(&sim, off, val);
		sim_pf_write(off, val);
	} else {
		sim_vf_write(n, off, val);
	}
}
