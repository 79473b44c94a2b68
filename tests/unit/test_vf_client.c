// SPDX-License-Identifier: GPL-2.0
/*
 * The hostile PF for srnic_vf: the VF mailbox client of mailbox/srnic_mbx.c
 * (the code srnic_vf runs) against a simulated PF that answers with
 * garbage, NACK loops, silence, RSTI/RSTD storms and replies to the wrong
 * message. The client must never crash, never wait or read the mailbox
 * beyond a fixed bound per call, and never report a refused change as
 * success. Honest PFs (stock igb, API 1.0; the srnic_pf policy engine,
 * API 1.1) check that the wire stays compatible.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/etherdevice.h>

#include "ut.h"
#include "ut_regs.h"
#include "mbx_sim.h"
#include "srnic_mbx.h"
#include "srnic_regs.h"
#include "srnic_pf_policy.h"

/* Bounds per call, from the constants in srnic_mbx.h */
#define LOCK_READS	SRNIC_MBX_VF_LOCK_TRIES
#define LOCK_US		(SRNIC_MBX_VF_LOCK_TRIES * SRNIC_MBX_VF_LOCK_DELAY_US)
/* one send: drain (1 + lock), write (lock), wait, read (lock) */
#define TRY_READS	(1 + 3 * LOCK_READS + SRNIC_MBX_VF_POLL_MAX_READS)
#define TRY_US		(3 * LOCK_US + SRNIC_MBX_VF_TIMEOUT_US)
#define XACT_READS	(SRNIC_MBX_VF_XACT_TRIES * TRY_READS)
/* sends stop once a timeout's worth went by: at most one more send */
#define XACT_US		(SRNIC_MBX_VF_TIMEOUT_US + TRY_US)
#define HS_READS	(2 + SRNIC_MBX_VF_RSTI_WAIT + 2 * XACT_READS)
#define HS_US		(SRNIC_MBX_VF_RSTI_WAIT * SRNIC_MBX_VF_RSTI_DELAY_US + \
			 2 * XACT_US)
#define FIRST_TRIES	(SRNIC_MBX_VF_FIRST_BUDGET_US / \
			 SRNIC_MBX_VF_FIRST_DELAY_US + 1)
#define FIRST_US	(SRNIC_MBX_VF_FIRST_BUDGET_US + HS_US)
/* a runaway loop aborts the run instead of hanging it */
#define RUNAWAY_READS	(100UL * FIRST_TRIES * HS_READS)

enum hp_mode {
	HP_IGB,			/* stock igb: API 1.0, NACKs API_NEGOTIATE */
	HP_SRNIC,		/* srnic_pf policy engine: API 1.1 */
	HP_SILENT,		/* never answers */
	HP_GARBAGE,		/* random words to everything */
	HP_NACK_CTS,		/* NACK with CTS to every request */
	HP_NACK_NOCTS,		/* NACK without CTS (a kick) */
	HP_WRONG_MSG,		/* ACK of another message */
	HP_PING_STORM,		/* a control message over every request */
	HP_EAGAIN2_GARBAGE,	/* VF_RESET: two handshakes "again", then junk */
};

static struct {
	enum hp_mode mode;
	u32 lcg;
	unsigned int vf_resets;		/* VF_RESET requests seen */
	bool rsti_storm, rstd_storm;
	bool silent_after_reset;	/* honest handshake, then silence */
	bool api_reply_3;		/* HP_SRNIC as an older srnic_pf */
	u32 api_word3;			/* if set: word 3 of the API ACK */
	u32 last_reply;			/* word 0 of the last reply posted */
	u32 last_req;
	const u8 *mac;
	/* policy PF */
	struct srnic_sw sw;
	struct srnic_pol pol;
	struct ut_regs regs;
} hp;

static const u8 hp_mac[ETH_ALEN] = { 0x02, 0x00, 0x5e, 0x10, 0x20, 0x30 };

static u32 hp_rand(void)
{
	hp.lcg = hp.lcg * 1103515245 + 12345;
	return hp.lcg ^ (hp.lcg >> 16);
}

static void hp_post(struct mbx_sim *s, const u32 *w, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		s->vmbmem[0][i] = w[i];
	hp.last_reply = w[0];
	s->r2c[0] |= SRNIC_VFMB_PFACK | SRNIC_VFMB_PFSTS;
}

/* what the stock igb PF answers */
static void hp_igb_answer(const u32 *req, u32 *rep)
{
	u16 id = srnic_mbx_msgid(req[0]);

	if (id == SRNIC_MBX_VF_RESET) {
		rep[0] = SRNIC_MBX_RESET_ACK;
		srnic_mbx_pack_mac(&rep[1], hp_mac);
	} else if (id == SRNIC_MBX_API_NEGOTIATE) {
		rep[0] = srnic_mbx_reply_w0(req[0], false, true);
	} else {
		rep[0] = srnic_mbx_reply_w0(req[0], true, true);
	}
}

static void hp_srnic_answer(const u32 *req, u32 *rep, unsigned int *n)
{
	struct srnic_pol_result res;
	u32 msg[SRNIC_MBX_WORDS];

	memcpy(msg, req, sizeof(msg));
	srnic_pol_handle_msg(&hp.pol, 0, msg, sim.now_us / 1000, &res);
	srnic_sw_flush(&hp.sw, ut_regs_write, &hp.regs);
	memcpy(rep, res.reply, sizeof(u32) * res.reply_len);
	*n = res.reply_len;
}

static void hostile_pf(struct mbx_sim *s, int vf)
{
	u32 req[SRNIC_MBX_WORDS], rep[SRNIC_MBX_WORDS] = {};
	unsigned int n = 3, i;
	u16 id;

	if (vf)
		return;
	if (s->vf_mbx_reads[0] > RUNAWAY_READS) {
		printf("# runaway: %lu VFMailbox reads\n", s->vf_mbx_reads[0]);
		abort();
	}
	if (hp.rsti_storm)
		s->rsti[0] = !s->rsti[0];
	if (hp.rstd_storm)
		s->r2c[0] |= SRNIC_VFMB_RSTD;
	if (s->vflre & 1) {
		s->vflre &= ~1U;
		if (hp.mode == HP_SRNIC)
			srnic_pol_vf_flr(&hp.pol, 0);
	}
	if (!(s->mbvficr & SRNIC_MBVFICR_VFREQ(0)) || s->vfu[0])
		return;
	s->mbvficr &= ~(SRNIC_MBVFICR_VFREQ(0) | SRNIC_MBVFICR_VFACK(0));
	memcpy(req, s->vmbmem[0], sizeof(req));
	hp.last_req = req[0];
	id = srnic_mbx_msgid(req[0]);
	if (id == SRNIC_MBX_VF_RESET)
		hp.vf_resets++;

	switch (hp.mode) {
	case HP_IGB:
		if (hp.silent_after_reset && id != SRNIC_MBX_VF_RESET &&
		    id != SRNIC_MBX_API_NEGOTIATE)
			return;
		hp_igb_answer(req, rep);
		break;
	case HP_SRNIC:
		hp_srnic_answer(req, rep, &n);
		if (!n)
			return;
		if (id == SRNIC_MBX_API_NEGOTIATE && hp.api_reply_3)
			n = 3;
		if (id == SRNIC_MBX_API_NEGOTIATE && hp.api_word3)
			rep[3] = hp.api_word3;
		break;
	case HP_SILENT:
		return;
	case HP_GARBAGE:
		for (i = 0; i < SRNIC_MBX_WORDS; i++)
			rep[i] = hp_rand();
		/* keep the ID now and then, so the checks behind it run too */
		if (hp_rand() & 1)
			rep[0] = (rep[0] & ~(SRNIC_MBX_MSGID_MASK |
					     SRNIC_MBX_MSGINFO_MASK)) |
				 (req[0] & (SRNIC_MBX_MSGID_MASK |
					    SRNIC_MBX_MSGINFO_MASK));
		/* and a legal VF_RESET reply half the time, to get further */
		if (id == SRNIC_MBX_VF_RESET && (hp_rand() & 1))
			rep[0] = SRNIC_MBX_RESET_ACK;
		n = SRNIC_MBX_WORDS;
		break;
	case HP_NACK_CTS:
	case HP_NACK_NOCTS:
		if (id == SRNIC_MBX_VF_RESET || id == SRNIC_MBX_API_NEGOTIATE) {
			hp_igb_answer(req, rep);
			break;
		}
		rep[0] = srnic_mbx_reply_w0(req[0], false,
					    hp.mode == HP_NACK_CTS);
		/* an API 1.1 reason word, or the request echoed back */
		rep[1] = (hp_rand() & 1) ? SRNIC_MBX_R_PERM : req[1];
		rep[2] = req[2];
		break;
	case HP_WRONG_MSG:
		if (id == SRNIC_MBX_VF_RESET || id == SRNIC_MBX_API_NEGOTIATE) {
			hp_igb_answer(req, rep);
			break;
		}
		rep[0] = SRNIC_MBX_ACK | SRNIC_MBX_CTS |
			 (id == SRNIC_MBX_SET_MAC_ADDR ? SRNIC_MBX_SET_VLAN :
			  SRNIC_MBX_SET_MAC_ADDR);
		break;
	case HP_PING_STORM:
		if (id == SRNIC_MBX_VF_RESET || id == SRNIC_MBX_API_NEGOTIATE) {
			hp_igb_answer(req, rep);
			break;
		}
		rep[0] = SRNIC_MBX_PF_CONTROL_MSG | SRNIC_MBX_CTS;
		n = 1;
		break;
	case HP_EAGAIN2_GARBAGE:
		if (id != SRNIC_MBX_VF_RESET) {
			hp_igb_answer(req, rep);
			break;
		}
		/*
		 * Handshakes 1 and 2 (three sends each) get a reply to another
		 * message, which the VF must read as "try again"; then a
		 * reply that matches VF_RESET but is neither legal form.
		 */
		if (hp.vf_resets <= 2 * SRNIC_MBX_VF_XACT_TRIES)
			rep[0] = SRNIC_MBX_ACK | SRNIC_MBX_CTS |
				 SRNIC_MBX_SET_LPE;
		else
			rep[0] = SRNIC_MBX_ACK | SRNIC_MBX_CTS |
				 SRNIC_MBX_VF_RESET;
		rep[1] = hp_rand();
		rep[2] = hp_rand();
		break;
	}
	hp_post(s, rep, n);
}

static void hp_delay(struct mbx_sim *s)
{
	hostile_pf(s, 0);
}

static void hp_setup(struct srnic_mbx_vf *mbx, enum hp_mode mode)
{
	sim_reset();
	memset(&hp, 0, sizeof(hp));
	hp.mode = mode;
	hp.lcg = 0x5eed + mode;
	srnic_sw_init(&hp.sw, 2);
	srnic_pol_init(&hp.pol, &hp.sw, 2, 0);
	sim.on_delay = hp_delay;
	sim.on_vf_mbx_read = hostile_pf;
	sim.vf_status[0] = SRNIC_STATUS_LU;
	srnic_mbx_vf_init(mbx, &sim_vf_hw[0], true);
}

/*
 * Run @call and check it stayed within @reads VFMailbox reads and @us of
 * simulated time.
 */
#define BOUNDED(call, reads, us)					\
	({								\
		unsigned long b_r = sim.vf_mbx_reads[0];		\
		unsigned long b_t = sim.now_us;				\
		int b_e = (call);					\
		CHECK(sim.vf_mbx_reads[0] - b_r <= (reads));		\
		CHECK(sim.now_us - b_t <= (us));			\
		b_e;							\
	})

static int req_lpe(struct srnic_mbx_vf *mbx)
{
	u32 msg[2] = { SRNIC_MBX_SET_LPE, 1522 };

	return BOUNDED(srnic_mbx_vf_request(mbx, msg, 2, -EINVAL),
		       XACT_READS, XACT_US);
}

static int req_mac(struct srnic_mbx_vf *mbx, const u8 *mac)
{
	u32 msg[3] = { SRNIC_MBX_SET_MAC_ADDR };

	srnic_mbx_pack_mac(&msg[1], mac);
	return BOUNDED(srnic_mbx_vf_request(mbx, msg, 3, -EPERM),
		       XACT_READS, XACT_US);
}

static int req_vlan(struct srnic_mbx_vf *mbx, u16 vid)
{
	u32 msg[2] = { srnic_mbx_w0(SRNIC_MBX_SET_VLAN, SRNIC_MBX_VLAN_ADD),
		       vid };

	return BOUNDED(srnic_mbx_vf_request(mbx, msg, 2, -EPERM),
		       XACT_READS, XACT_US);
}

static int handshake(struct srnic_mbx_vf *mbx, u8 *mac)
{
	return BOUNDED(srnic_mbx_vf_handshake(mbx, mac), HS_READS, HS_US);
}

static int first_handshake(struct srnic_mbx_vf *mbx, u8 *mac)
{
	return BOUNDED(srnic_mbx_vf_first_handshake(mbx, mac),
		       FIRST_TRIES * HS_READS, FIRST_US);
}

/* wire compatibility: the stock igb PF, API 1.0 fallback */
TEST(vfc_igb_pf_api_1_0)
{
	struct srnic_mbx_vf mbx;
	u8 mac[ETH_ALEN];

	hp_setup(&mbx, HP_IGB);
	CHECK_EQ(first_handshake(&mbx, mac), 0);
	CHECK(mbx.ready && !mbx.need_reset && mbx.cts);
	CHECK_EQ(mbx.api, SRNIC_MBX_API_1_0);
	CHECK(!memcmp(mac, hp_mac, ETH_ALEN));
	CHECK_EQ(sim.vf_rsts[0], 1);
	CHECK(srnic_mbx_vf_link_ok(&mbx));
	sim.vf_status[0] = 0;
	CHECK(!srnic_mbx_vf_link_ok(&mbx));
	CHECK_EQ(req_lpe(&mbx), 0);
	CHECK_EQ(req_vlan(&mbx, 10), 0);
	CHECK(!srnic_mbx_vf_service(&mbx));
	CHECK(sim.now_us < 50000);
}

/* wire compatibility: the srnic_pf policy engine, API 1.1 with reasons */
TEST(vfc_srnic_pf_api_1_1)
{
	const u8 mine[ETH_ALEN] = { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 };
	const u8 mcast[ETH_ALEN] = { 0x03, 0x11, 0x22, 0x33, 0x44, 0x55 };
	struct srnic_mbx_vf mbx;
	u32 promisc = srnic_mbx_w0(SRNIC_MBX_SET_PROMISC,
				   SRNIC_MBX_PROMISC_ALL);
	u8 mac[ETH_ALEN];

	hp_setup(&mbx, HP_SRNIC);
	CHECK_EQ(first_handshake(&mbx, mac), 0);
	CHECK(mbx.ready && mbx.cts);
	CHECK_EQ(mbx.api, SRNIC_MBX_API_1_1);
	CHECK(is_zero_ether_addr(mac));		/* no admin MAC */
	CHECK_EQ(req_mac(&mbx, mine), 0);
	/* refusals come back as the PF's reason, never as success */
	CHECK_EQ(req_mac(&mbx, mcast), -EINVAL);
	CHECK_EQ(BOUNDED(srnic_mbx_vf_request(&mbx, &promisc, 1, -EPERM),
			 XACT_READS, XACT_US), -EPERM);
	CHECK(mbx.ready && !mbx.need_reset);
	CHECK(sim.now_us < 50000);
}

/*
 * Defect 10: a PF that never answers. The probe handshake used to retry
 * timeouts 20 times (about 22 s); now it costs one mailbox timeout and the
 * session stays void for the background retries.
 */
TEST(vfc_silent_pf_probe_is_prompt)
{
	struct srnic_mbx_vf mbx;
	u8 mac[ETH_ALEN];

	hp_setup(&mbx, HP_SILENT);
	CHECK_EQ(first_handshake(&mbx, mac), -ETIMEDOUT);
	CHECK(sim.now_us <= SRNIC_MBX_VF_TIMEOUT_US +
			    SRNIC_MBX_VF_RSTI_WAIT * SRNIC_MBX_VF_RSTI_DELAY_US +
			    3 * LOCK_US);
	CHECK_EQ(sim.vf_reqs[0], 1);
	CHECK(!mbx.ready && mbx.need_reset);
	CHECK_EQ(mbx.stats.timeouts, 1);
	/* no request goes out on a void session */
	CHECK_EQ(req_lpe(&mbx), -EAGAIN);
	CHECK_EQ(sim.vf_reqs[0], 1);
	/* the PF answers later: the next (background) handshake works */
	hp.mode = HP_IGB;
	CHECK_EQ(handshake(&mbx, mac), 0);
	CHECK(mbx.ready && !mbx.need_reset);
	CHECK_EQ(req_lpe(&mbx), 0);
}

/*
 * Defect 1's PF: VF_RESET answered "again" twice, then with garbage. The
 * handshake says so (-EAGAIN, -EAGAIN, -EPROTO) within its bound and the
 * session is never marked ready.
 */
TEST(vfc_reset_again_twice_then_garbage)
{
	struct srnic_mbx_vf mbx;
	u8 mac[ETH_ALEN];

	hp_setup(&mbx, HP_EAGAIN2_GARBAGE);
	CHECK_EQ(handshake(&mbx, mac), -EAGAIN);
	CHECK(!mbx.ready && mbx.need_reset);
	CHECK_EQ(handshake(&mbx, mac), -EAGAIN);
	CHECK_EQ(handshake(&mbx, mac), -EPROTO);
	CHECK(!mbx.ready && mbx.need_reset && !mbx.cts);
	CHECK(is_zero_ether_addr(mac));
	CHECK_EQ(req_lpe(&mbx), -EAGAIN);

	/* the same PF at probe time: the bounded first handshake */
	hp_setup(&mbx, HP_EAGAIN2_GARBAGE);
	CHECK_EQ(first_handshake(&mbx, mac), -EPROTO);
	CHECK_EQ(hp.vf_resets, 2 * SRNIC_MBX_VF_XACT_TRIES + 1);
	CHECK(!mbx.ready);
}

/* Random words for every reply: nothing crashes, nothing spins, and a
 * request is only success when the PF's reply really was its ACK.
 */
TEST(vfc_garbage_pf)
{
	struct srnic_mbx_vf mbx;
	unsigned int round, ok = 0, hs_ok = 0;
	u8 mac[ETH_ALEN];
	int err;

	hp_setup(&mbx, HP_GARBAGE);
	for (round = 0; round < 300; round++) {
		if (!mbx.ready || mbx.need_reset) {
			if (handshake(&mbx, mac))
				continue;
			hs_ok++;
			/* only one of the two legal VF_RESET replies does it */
			CHECK(mbx.ready && mbx.cts);
		}
		err = req_vlan(&mbx, round & 0xfff);
		if (!err) {
			ok++;
			CHECK_EQ(srnic_mbx_reply_status(hp.last_req,
							hp.last_reply),
				 SRNIC_MBX_ST_ACK);
			CHECK_EQ(srnic_mbx_msgid(hp.last_req),
				 SRNIC_MBX_SET_VLAN);
		}
		srnic_mbx_vf_service(&mbx);
	}
	printf("# garbage PF: %u handshakes, %u requests acked\n", hs_ok, ok);
}

/* NACK loops: with or without CTS, a refusal is never success */
TEST(vfc_nack_loop_pf)
{
	struct srnic_mbx_vf mbx;
	unsigned long reqs;
	u8 mac[ETH_ALEN];
	int i, err;

	hp_setup(&mbx, HP_NACK_CTS);
	CHECK_EQ(handshake(&mbx, mac), 0);
	for (i = 0; i < 50; i++) {
		err = req_vlan(&mbx, 100 + i);
		CHECK(err == -EPERM);
	}
	CHECK(mbx.ready && !mbx.need_reset);
	CHECK_EQ(mbx.stats.nacks, 50);

	/* NACK without CTS: the PF forgot us; no further sends until reset */
	hp.mode = HP_NACK_NOCTS;
	err = req_lpe(&mbx);
	CHECK(err == -EAGAIN || err == -EINVAL);
	for (i = 0; i < 20 && !mbx.need_reset; i++) {
		err = req_lpe(&mbx);
		CHECK(err == -EAGAIN || err == -EINVAL);
	}
	CHECK(mbx.need_reset && !mbx.cts);
	CHECK(!srnic_mbx_vf_link_ok(&mbx));
	reqs = sim.vf_reqs[0];
	CHECK_EQ(req_lpe(&mbx), -EAGAIN);
	CHECK_EQ(sim.vf_reqs[0], reqs);
}

/* Replies to the wrong message, and control messages over every request */
TEST(vfc_wrong_message_and_ping_storm)
{
	const u8 mine[ETH_ALEN] = { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 };
	struct srnic_mbx_vf mbx;
	unsigned long reqs;
	u8 mac[ETH_ALEN];

	hp_setup(&mbx, HP_WRONG_MSG);
	CHECK_EQ(handshake(&mbx, mac), 0);
	reqs = sim.vf_reqs[0];
	CHECK_EQ(req_mac(&mbx, mine), -EAGAIN);
	CHECK(sim.vf_reqs[0] - reqs <= SRNIC_MBX_VF_XACT_TRIES);
	CHECK(mbx.need_reset && !srnic_mbx_vf_link_ok(&mbx));

	hp_setup(&mbx, HP_PING_STORM);
	CHECK_EQ(handshake(&mbx, mac), 0);
	reqs = sim.vf_reqs[0];
	CHECK_EQ(req_vlan(&mbx, 5), -EAGAIN);
	CHECK(sim.vf_reqs[0] - reqs <= SRNIC_MBX_VF_XACT_TRIES);
	CHECK(mbx.need_reset);
}

/* RSTI toggling on every read, RSTD raised on every read */
TEST(vfc_rsti_rstd_storms)
{
	struct srnic_mbx_vf mbx;
	u8 mac[ETH_ALEN];
	int i, err;

	hp_setup(&mbx, HP_IGB);
	hp.rsti_storm = true;
	for (i = 0; i < 20; i++) {
		err = handshake(&mbx, mac);
		CHECK(err == 0 || err == -EAGAIN || err == -ECONNRESET);
		if (!err)
			CHECK(mbx.ready);
	}
	CHECK_EQ(first_handshake(&mbx, mac) <= 0, 1);

	hp_setup(&mbx, HP_IGB);
	CHECK_EQ(handshake(&mbx, mac), 0);
	hp.rstd_storm = true;
	/* RSTD voids the session and is consumed by that */
	CHECK(srnic_mbx_vf_service(&mbx));
	CHECK(mbx.need_reset && !srnic_mbx_vf_link_ok(&mbx));
	CHECK_EQ(mbx.stats.pf_resets, 1);
	CHECK_EQ(req_lpe(&mbx), -EAGAIN);
	for (i = 0; i < 20; i++) {
		err = handshake(&mbx, mac);
		CHECK(err == 0 || err == -EAGAIN);
		CHECK(srnic_mbx_vf_service(&mbx));
	}
	hp.rstd_storm = false;
	CHECK_EQ(handshake(&mbx, mac), 0);
	CHECK(!srnic_mbx_vf_service(&mbx));
	CHECK_EQ(req_lpe(&mbx), 0);
}

/* A PF that stops answering mid-session: one timeout, then fast failure */
TEST(vfc_pf_goes_silent)
{
	struct srnic_mbx_vf mbx;
	unsigned long t;
	u8 mac[ETH_ALEN];

	hp_setup(&mbx, HP_IGB);
	hp.silent_after_reset = true;
	CHECK_EQ(handshake(&mbx, mac), 0);
	CHECK_EQ(req_lpe(&mbx), -ETIMEDOUT);
	CHECK(mbx.need_reset && !mbx.timeout_armed);
	t = sim.now_us;
	CHECK_EQ(req_vlan(&mbx, 7), -EAGAIN);
	CHECK_EQ(sim.now_us, t);
	/* the handshake rearms the timeout */
	CHECK_EQ(handshake(&mbx, mac), 0);
	CHECK(mbx.timeout_armed);
}

/* Surprise removal in the middle: -ENODEV, no spinning */
TEST(vfc_removed_vf)
{
	struct srnic_mbx_vf mbx;
	u8 mac[ETH_ALEN];

	hp_setup(&mbx, HP_IGB);
	CHECK_EQ(handshake(&mbx, mac), 0);
	sim_vf_hw[0].hw_addr = NULL;
	CHECK_EQ(req_lpe(&mbx), -ENODEV);
	CHECK_EQ(handshake(&mbx, mac), -ENODEV);
	CHECK_EQ(first_handshake(&mbx, mac), -ENODEV);
	CHECK(srnic_mbx_vf_service(&mbx));
	CHECK(!srnic_mbx_vf_link_ok(&mbx));
	sim_reset();
}

/* The PF sends a control message (a ping) now */
static void hp_ping(u32 w0)
{
	hp_post(&sim, &w0, 1);
}

/* Issue 7 #12: the rate-limit hint of an API 1.1 PF, in pings */
TEST(vfc_rate_hint_ping)
{
	u32 lim = SRNIC_MBX_CTRL_RATE_LIMITED << SRNIC_MBX_MSGINFO_SHIFT;
	struct srnic_mbx_vf mbx;
	u8 mac[ETH_ALEN];

	hp_setup(&mbx, HP_SRNIC);
	srnic_pol_set_link(&hp.pol, true, 1000);
	CHECK_EQ(handshake(&mbx, mac), 0);
	CHECK(!srnic_mbx_vf_rate_limited(&mbx));
	/* the admin sets max_tx_rate: the PF pings with the bit */
	CHECK_EQ(srnic_pol_set_vf_rate(&hp.pol, 0, 0, 100), SRNIC_POL_ACT_PING);
	hp_ping(srnic_pol_ping(&hp.pol, 0));
	CHECK(!srnic_mbx_vf_service(&mbx));
	CHECK(srnic_mbx_vf_rate_limited(&mbx));
	CHECK(srnic_mbx_vf_link_ok(&mbx));
	/* a ping that does not change the limit keeps it */
	hp_ping(srnic_pol_ping(&hp.pol, 0));
	CHECK(!srnic_mbx_vf_service(&mbx));
	CHECK(srnic_mbx_vf_rate_limited(&mbx));
	/* requests in between change nothing */
	CHECK_EQ(req_lpe(&mbx), 0);
	CHECK(srnic_mbx_vf_rate_limited(&mbx));
	/* limit removed: a ping without the bit, both queues again */
	CHECK_EQ(srnic_pol_set_vf_rate(&hp.pol, 0, 0, 0), SRNIC_POL_ACT_PING);
	hp_ping(srnic_pol_ping(&hp.pol, 0));
	CHECK(!srnic_mbx_vf_service(&mbx));
	CHECK(!srnic_mbx_vf_rate_limited(&mbx));
	/* a kick (NACK, no CTS) is no state report: the bit stays as it was */
	hp_ping(SRNIC_MBX_PF_CONTROL_MSG | SRNIC_MBX_CTS | lim);
	CHECK(!srnic_mbx_vf_service(&mbx));
	CHECK(srnic_mbx_vf_rate_limited(&mbx));
	hp_ping(SRNIC_MBX_NACK | SRNIC_MBX_PF_CONTROL_MSG);
	CHECK(srnic_mbx_vf_service(&mbx));
	CHECK(srnic_mbx_vf_rate_limited(&mbx));
	/* a new session starts from what the PF says then */
	CHECK_EQ(handshake(&mbx, mac), 0);
	CHECK(!srnic_mbx_vf_rate_limited(&mbx));
}

/*
 * The gap after negotiation: a VF limited before its reset learns it from
 * the API_NEGOTIATE ACK, not at some later ping.
 */
TEST(vfc_rate_hint_in_negotiate)
{
	u32 lim = SRNIC_MBX_CTRL_RATE_LIMITED << SRNIC_MBX_MSGINFO_SHIFT;
	struct srnic_mbx_vf mbx;
	u8 mac[ETH_ALEN];

	hp_setup(&mbx, HP_SRNIC);
	srnic_pol_set_link(&hp.pol, true, 1000);
	srnic_pol_set_vf_rate(&hp.pol, 0, 0, 100);
	CHECK_EQ(first_handshake(&mbx, mac), 0);
	CHECK_EQ(mbx.api, SRNIC_MBX_API_1_1);
	CHECK(srnic_mbx_vf_rate_limited(&mbx));
	CHECK(srnic_mbx_vf_link_ok(&mbx));
	/* the VF sent word 3 as zero */
	CHECK_EQ(sim.vmbmem[0][3], 0x20010100 | lim);

	/* an older srnic_pf: three words, word 3 still our zero */
	hp_setup(&mbx, HP_SRNIC);
	hp.api_reply_3 = true;
	srnic_pol_set_vf_rate(&hp.pol, 0, 0, 100);
	sim.vmbmem[0][3] = 0x20030100;	/* stale: must be overwritten */
	CHECK_EQ(handshake(&mbx, mac), 0);
	CHECK_EQ(mbx.api, SRNIC_MBX_API_1_1);
	CHECK_EQ(sim.vmbmem[0][3], 0);
	CHECK(!srnic_mbx_vf_rate_limited(&mbx));
	/* its next ping still tells */
	hp_ping(srnic_pol_ping(&hp.pol, 0));
	CHECK(!srnic_mbx_vf_service(&mbx));
	CHECK(srnic_mbx_vf_rate_limited(&mbx));

	/* word 3 that is no ping (an ACK, a kick) is ignored */
	hp_setup(&mbx, HP_SRNIC);
	hp.api_word3 = SRNIC_MBX_ACK | SRNIC_MBX_CTS | SRNIC_MBX_PF_CONTROL_MSG |
		       lim;
	CHECK_EQ(handshake(&mbx, mac), 0);
	CHECK(!srnic_mbx_vf_rate_limited(&mbx));
	CHECK(mbx.cts);
	hp_setup(&mbx, HP_SRNIC);
	hp.api_word3 = SRNIC_MBX_CTS | SRNIC_MBX_SET_LPE | lim;
	CHECK_EQ(handshake(&mbx, mac), 0);
	CHECK(!srnic_mbx_vf_rate_limited(&mbx));
}

/* A 1.0 PF has no hint: the bit in its words means nothing */
TEST(vfc_rate_hint_api_1_0)
{
	u32 lim = SRNIC_MBX_CTRL_RATE_LIMITED << SRNIC_MBX_MSGINFO_SHIFT;
	struct srnic_mbx_vf mbx;
	u8 mac[ETH_ALEN];

	hp_setup(&mbx, HP_IGB);
	CHECK_EQ(handshake(&mbx, mac), 0);
	hp_ping(SRNIC_MBX_PF_CONTROL_MSG | SRNIC_MBX_CTS | lim);
	CHECK(!srnic_mbx_vf_service(&mbx));
	CHECK(!srnic_mbx_vf_rate_limited(&mbx));

	/* a VF that offered (or got) only 1.0 from an srnic PF: no bit */
	hp_setup(&mbx, HP_SRNIC);
	srnic_pol_set_vf_rate(&hp.pol, 0, 0, 100);
	CHECK_EQ(handshake(&mbx, mac), 0);
	mbx.api = SRNIC_MBX_API_1_0;
	hp_ping(SRNIC_MBX_PF_CONTROL_MSG | SRNIC_MBX_CTS | lim);
	CHECK(!srnic_mbx_vf_service(&mbx));
	CHECK(!srnic_mbx_vf_rate_limited(&mbx));
}
