// SPDX-License-Identifier: GPL-2.0
/* mailbox/srnic_mbx.c against the simulated mailbox, both sides, with the
 * policy engine as the PF server.
 */
#include <string.h>

#include "ut.h"
#include "ut_regs.h"
#include "mbx_sim.h"
#include "srnic_mbx.h"
#include "srnic_pf_policy.h"

static struct srnic_sw sw;
static struct srnic_pol pol;
static struct ut_regs regs;
static unsigned int served;

/* The PF's mailbox interrupt, run whenever the VF side waits */
static void pf_service(struct mbx_sim *s)
{
	struct srnic_pol_result res;
	u32 msg[SRNIC_MBX_WORDS];
	unsigned int vf;

	for (vf = 0; vf < pol.num_vfs; vf++) {
		if (srnic_mbx_pf_test_and_clear_vflr(&sim_pf_hw, vf))
			srnic_pol_vf_flr(&pol, vf);
		if (!srnic_mbx_pf_test_and_clear_req(&sim_pf_hw, vf))
			continue;
		if (srnic_mbx_pf_lock(&sim_pf_hw, vf))
			continue;
		srnic_mbx_pf_read(&sim_pf_hw, vf, msg, SRNIC_MBX_WORDS);
		srnic_mbx_pf_ack_hold(&sim_pf_hw, vf);
		srnic_pol_handle_msg(&pol, vf, msg, s->now_us / 1000, &res);
		srnic_sw_flush(&sw, ut_regs_write, &regs);
		if (res.reply_len)
			srnic_mbx_pf_post(&sim_pf_hw, vf, res.reply, res.reply_len);
		else
			srnic_mbx_pf_unlock(&sim_pf_hw, vf);
		served++;
	}
}

static void setup(void)
{
	sim_reset();
	memset(&regs, 0, sizeof(regs));
	srnic_sw_init(&sw, 2);
	srnic_pol_init(&pol, &sw, 2, 0);
	served = 0;
}

TEST(mbx_roundtrip_reset_and_set_mac)
{
	const u8 mac[6] = { 0x02, 0x12, 0x34, 0x56, 0x78, 0x9a };
	struct srnic_mbx_vf vf;
	u32 req[3] = { SRNIC_MBX_VF_RESET }, rep[3];
	u8 got[6];

	setup();
	sim.on_delay = pf_service;
	srnic_mbx_vf_init(&vf, &sim_vf_hw[1], false);
	/* disarmed until the reset handshake starts */
	CHECK_EQ(srnic_mbx_vf_post(&vf, req, 1), -ETIMEDOUT);
	srnic_mbx_vf_rearm(&vf);
	CHECK_EQ(srnic_mbx_vf_post(&vf, req, 1), 0);
	CHECK_EQ(srnic_mbx_vf_read_posted(&vf, rep, 3), 0);
	CHECK_EQ(rep[0], 0x40000001);
	CHECK_EQ(srnic_mbx_parse_reset_reply(rep, got), 0);

	req[0] = SRNIC_MBX_SET_MAC_ADDR;
	srnic_mbx_pack_mac(&req[1], mac);
	CHECK_EQ(srnic_mbx_vf_post(&vf, req, 3), 0);
	CHECK_EQ(srnic_mbx_vf_read_posted(&vf, rep, 1), 0);
	CHECK_EQ(rep[0], 0xa0000002);
	CHECK_EQ(srnic_mbx_reply_status(req[0], rep[0]), SRNIC_MBX_ST_ACK);
	CHECK_EQ(regs.val[SRNIC_RAL(22) / 4], 0x56341202);
	CHECK_EQ(regs.val[SRNIC_VFRE / 4], 0x6);
	CHECK_EQ(served, 2);
	/* buffer released by both sides */
	CHECK(!sim.pfu[1] && !sim.vfu[1]);
	CHECK_EQ(sim.mbvficr, SRNIC_MBVFICR_VFACK(1));
}

TEST(mbx_pf_lock_bounded)
{
	struct srnic_mbx_vf vf;

	setup();
	srnic_mbx_vf_init(&vf, &sim_vf_hw[0], false);
	CHECK_EQ(srnic_mbx_vf_lock(&vf), 0);
	CHECK_EQ(srnic_mbx_pf_lock(&sim_pf_hw, 0), -EBUSY);
	CHECK(sim.now_us <= SRNIC_MBX_PF_LOCK_TRIES * SRNIC_MBX_PF_LOCK_DELAY_US);
	/* the VF cannot take it back while the PF holds it, and vice versa */
	srnic_mbx_pf_force_vf_unlock(&sim_pf_hw, 0);
	CHECK_EQ(srnic_mbx_pf_lock(&sim_pf_hw, 0), 0);
	CHECK_EQ(srnic_mbx_vf_lock(&vf), -EBUSY);
	srnic_mbx_pf_unlock(&sim_pf_hw, 0);
	CHECK(!sim.pfu[0]);
}

/* The busy-wait a VF holding VFU costs is reported, and capped by tries */
TEST(mbx_pf_lock_tries_reports_waits)
{
	struct srnic_mbx_vf vf;
	unsigned int waits = 99;

	setup();
	srnic_mbx_vf_init(&vf, &sim_vf_hw[0], false);
	CHECK_EQ(srnic_mbx_vf_lock(&vf), 0);
	CHECK_EQ(srnic_mbx_pf_lock_tries(&sim_pf_hw, 0, 3, &waits), -EBUSY);
	CHECK_EQ(waits, 2);
	CHECK_EQ(sim.now_us, 2 * SRNIC_MBX_PF_LOCK_DELAY_US);
	CHECK_EQ(srnic_mbx_pf_lock_tries(&sim_pf_hw, 0, 0, &waits), -EBUSY);
	CHECK_EQ(waits, 0);
	CHECK_EQ(srnic_mbx_pf_lock_tries(&sim_pf_hw, 0, 1000, &waits), -EBUSY);
	CHECK_EQ(waits, SRNIC_MBX_PF_LOCK_TRIES - 1);
	/* a free buffer costs no wait */
	CHECK_EQ(srnic_mbx_pf_lock_tries(&sim_pf_hw, 1, 3, &waits), 0);
	CHECK_EQ(waits, 0);
}

TEST(mbx_vf_read_to_clear_shadow)
{
	struct srnic_mbx_vf vf;

	setup();
	srnic_mbx_vf_init(&vf, &sim_vf_hw[0], false);
	sim.r2c[0] = SRNIC_VFMB_RSTD | SRNIC_VFMB_PFSTS;
	CHECK(srnic_mbx_vf_read_ctrl(&vf) & SRNIC_VFMB_RSTD);
	CHECK_EQ(sim.r2c[0], 0);	/* the hardware forgot ... */
	CHECK(srnic_mbx_vf_reset_pending(&vf));	/* ... the shadow did not */
	CHECK(srnic_mbx_vf_check_rstd(&vf));
	CHECK(!srnic_mbx_vf_check_rstd(&vf));
	CHECK(srnic_mbx_vf_test_and_clear(&vf, SRNIC_VFMB_PFSTS));
	CHECK(!srnic_mbx_vf_test_and_clear(&vf, SRNIC_VFMB_PFSTS));
	CHECK(!srnic_mbx_vf_reset_pending(&vf));
	sim.rsti[0] = true;
	CHECK(srnic_mbx_vf_reset_pending(&vf));
}

TEST(mbx_vf_timeout_disarms)
{
	struct srnic_mbx_vf vf;
	u32 w = SRNIC_MBX_SET_LPE;

	setup();
	srnic_mbx_vf_init(&vf, &sim_vf_hw[0], true);
	srnic_mbx_vf_rearm(&vf);
	CHECK_EQ(srnic_mbx_vf_post(&vf, &w, 1), -ETIMEDOUT);
	CHECK(sim.now_us >= 1000000 && sim.now_us < 1100000);
	CHECK(sim.mbvficr & SRNIC_MBVFICR_VFREQ(0));
	sim.mbvficr = 0;
	/* now every posted operation fails at once, without a write */
	CHECK_EQ(srnic_mbx_vf_post(&vf, &w, 1), -ETIMEDOUT);
	CHECK_EQ(srnic_mbx_vf_read_posted(&vf, &w, 1), -ETIMEDOUT);
	CHECK_EQ(sim.mbvficr, 0);
	/* a PF in reset: give up early */
	srnic_mbx_vf_rearm(&vf);
	sim.rsti[0] = true;
	sim.now_us = 0;
	CHECK_EQ(srnic_mbx_vf_post(&vf, &w, 1), -ECONNRESET);
	CHECK(sim.now_us < 1000);
	CHECK(vf.timeout_armed);
}

TEST(mbx_pf_send_ping)
{
	struct srnic_mbx_vf vf;
	u32 w = 0x20000100, r;

	setup();
	sim.mbvficr = SRNIC_MBVFICR_VFACK(1) | SRNIC_MBVFICR_VFREQ(0);
	CHECK_EQ(srnic_mbx_pf_send(&sim_pf_hw, 1, &w, 1), 0);
	/* the stale ack goes, another VF's request stays */
	CHECK_EQ(sim.mbvficr, SRNIC_MBVFICR_VFREQ(0));
	CHECK_EQ(sim.vmbmem[1][0], 0x20000100);
	CHECK(!sim.pfu[1]);
	CHECK_EQ(srnic_mbx_pf_events(&sim_pf_hw), SRNIC_MBVFICR_VFREQ(0));
	srnic_mbx_pf_clear_events(&sim_pf_hw, SRNIC_MBVFICR_VFREQ(0));
	CHECK_EQ(sim.mbvficr, 0);
	/* VF side: message pending, read it, the PF sees the ack */
	srnic_mbx_vf_init(&vf, &sim_vf_hw[1], false);
	srnic_mbx_vf_rearm(&vf);
	CHECK_EQ(srnic_mbx_vf_read_posted(&vf, &r, 1), 0);
	CHECK_EQ(r, 0x20000100);
	CHECK(srnic_mbx_pf_test_and_clear_ack(&sim_pf_hw, 1));
	CHECK(!srnic_mbx_pf_test_and_clear_ack(&sim_pf_hw, 1));
	sim.vflre = 0x5;
	CHECK(srnic_mbx_pf_test_and_clear_vflr(&sim_pf_hw, 2));
	CHECK_EQ(sim.vflre, 0x1);
}

/*
 * Issue 7, defect 11: the PF served VF 1's events, then the VF posted a
 * request before srnic_mbx_pf_send() took PFU. The send must not overwrite
 * it nor clear its event: it backs off with -EAGAIN so the caller serves
 * the request first.
 */
TEST(mbx_pf_send_keeps_request_posted_meanwhile)
{
	struct srnic_mbx_vf vf;
	u32 req[3] = { SRNIC_MBX_SET_MAC_ADDR, 0x56341202, 0x9a78 };
	u32 w = 0x20000100;

	setup();
	srnic_mbx_vf_init(&vf, &sim_vf_hw[1], false);
	CHECK_EQ(srnic_mbx_vf_write(&vf, req, 3), 0);
	CHECK_EQ(srnic_mbx_pf_send(&sim_pf_hw, 1, &w, 1), -EAGAIN);
	CHECK_EQ(sim.mbvficr, SRNIC_MBVFICR_VFREQ(1));
	CHECK_EQ(sim.vmbmem[1][0], SRNIC_MBX_SET_MAC_ADDR);
	CHECK_EQ(sim.vmbmem[1][1], 0x56341202);
	CHECK_EQ(sim.r2c[1] & SRNIC_VFMB_PFSTS, 0);
	CHECK(!sim.pfu[1]);
	/* served, the word goes out */
	CHECK(srnic_mbx_pf_test_and_clear_req(&sim_pf_hw, 1));
	CHECK_EQ(srnic_mbx_pf_send(&sim_pf_hw, 1, &w, 1), 0);
	CHECK_EQ(sim.vmbmem[1][0], 0x20000100);
}

TEST(mbx_surprise_removal)
{
	struct srnic_mbx_vf vf;
	u32 w = 0;

	setup();
	sim_pf_hw.hw_addr = NULL;
	sim_vf_hw[0].hw_addr = NULL;
	CHECK_EQ(srnic_mbx_pf_lock(&sim_pf_hw, 0), -ENODEV);
	CHECK_EQ(srnic_mbx_pf_events(&sim_pf_hw), 0);
	CHECK(!srnic_mbx_pf_test_and_clear_req(&sim_pf_hw, 0));
	CHECK(!srnic_mbx_pf_test_and_clear_vflr(&sim_pf_hw, 0));
	srnic_mbx_vf_init(&vf, &sim_vf_hw[0], false);
	srnic_mbx_vf_rearm(&vf);
	CHECK_EQ(srnic_mbx_vf_lock(&vf), -ENODEV);
	CHECK_EQ(srnic_mbx_vf_post(&vf, &w, 1), -ENODEV);
	CHECK_EQ(vf.shadow, 0);
	sim_reset();
}

/*
 * Issue 7, defect 7: the PF's reply and a PF reset-done land on the second
 * VFMailbox read after the request. Every read clears PFSTS/PFACK/RSTD, so
 * a poll that reads the register twice per round (once through the shadow,
 * once raw for RSTI) loses them and times out.
 */
static unsigned long r2c_req_reads;

static void pf_replies_on_second_read(struct mbx_sim *s, int vf)
{
	if (!s->vf_reqs[vf] || s->mbvficr == 0)
		return;
	if (++r2c_req_reads != 2)
		return;
	s->mbvficr = 0;
	s->vmbmem[vf][0] = SRNIC_MBX_ACK | SRNIC_MBX_CTS | SRNIC_MBX_SET_LPE;
	s->r2c[vf] |= SRNIC_VFMB_PFACK | SRNIC_VFMB_PFSTS | SRNIC_VFMB_RSTD;
}

TEST(mbx_vf_poll_keeps_read_to_clear_bits)
{
	struct srnic_mbx_vf vf;
	u32 w[2] = { SRNIC_MBX_SET_LPE, 1522 }, r = 0;

	setup();
	r2c_req_reads = 0;
	sim.on_vf_mbx_read = pf_replies_on_second_read;
	srnic_mbx_vf_init(&vf, &sim_vf_hw[0], true);
	srnic_mbx_vf_rearm(&vf);
	CHECK_EQ(srnic_mbx_vf_post(&vf, w, 2), 0);
	CHECK_EQ(srnic_mbx_vf_read_posted(&vf, &r, 1), 0);
	CHECK_EQ(r, SRNIC_MBX_ACK | SRNIC_MBX_CTS | SRNIC_MBX_SET_LPE);
	CHECK(srnic_mbx_vf_check_rstd(&vf));
	CHECK(sim.now_us < 10000);
	sim.on_vf_mbx_read = NULL;
}
