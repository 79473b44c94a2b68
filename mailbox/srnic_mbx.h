/* SPDX-License-Identifier: GPL-2.0 */
/* 82576 mailbox transport: moving words through VMBMEM and the PFMailbox /
 * VFMailbox control registers. No policy and no message semantics here;
 * see srnic_mbx_proto.h for the message formats.
 *
 * Context rules, both sides: nothing here sleeps unless a function says so.
 * Functions that busy-wait state their worst case. The caller serializes all
 * access to one VF's mailbox (PF: one lock around the per-VF scan; VF: one
 * lock around each transaction).
 */
#ifndef _SRNIC_MBX_H_
#define _SRNIC_MBX_H_

#include <linux/types.h>

#include "srnic_hw.h"
#include "srnic_mbx_proto.h"

/* PF: how hard to try for PFU. The VF holds VFU only while it writes its
 * own message (a few MMIO writes), so a short bounded spin is enough; a VF
 * that sits on VFU longer is misbehaving and gets -EBUSY.
 */
#define SRNIC_MBX_PF_LOCK_TRIES		10
#define SRNIC_MBX_PF_LOCK_DELAY_US	20

/* VF: lock retries (about 11 ms in total) */
#define SRNIC_MBX_VF_LOCK_TRIES		11
#define SRNIC_MBX_VF_LOCK_DELAY_US	1000
/*
 * VF: waiting for a posted operation. The first polls are short (a PF
 * answers in tens of microseconds on silicon), then the interval grows; the
 * wait ends when the requested delays add up to the timeout, so the number
 * of VFMailbox reads per wait is bounded by SRNIC_MBX_VF_POLL_MAX_READS.
 */
#define SRNIC_MBX_VF_TIMEOUT_US		1000000
#define SRNIC_MBX_VF_POLL_FAST		20
#define SRNIC_MBX_VF_POLL_FAST_US	50
#define SRNIC_MBX_VF_POLL_DELAY_US	500
#define SRNIC_MBX_VF_POLL_MAX_READS	(SRNIC_MBX_VF_POLL_FAST + 1 +	\
	(SRNIC_MBX_VF_TIMEOUT_US -					\
	 SRNIC_MBX_VF_POLL_FAST * SRNIC_MBX_VF_POLL_FAST_US) /		\
	SRNIC_MBX_VF_POLL_DELAY_US)
/* VF: sends of one request before giving up on replies to other messages */
#define SRNIC_MBX_VF_XACT_TRIES		3
/* VF: after VTCTRL.RST, how long RSTI may stay up before "PF resetting" */
#define SRNIC_MBX_VF_RSTI_WAIT		20
#define SRNIC_MBX_VF_RSTI_DELAY_US	1000
/*
 * VF: the first handshake (probe) retries while the PF is resetting, for
 * at most this long in requested delays. A PF that does not answer costs
 * one mailbox timeout; the driver keeps trying in the background.
 */
#define SRNIC_MBX_VF_FIRST_BUDGET_US	(2 * SRNIC_MBX_VF_TIMEOUT_US)
#define SRNIC_MBX_VF_FIRST_DELAY_US	100000

/* PF side */
int srnic_mbx_pf_lock(struct srnic_hw *hw, unsigned int vf);
int srnic_mbx_pf_lock_tries(struct srnic_hw *hw, unsigned int vf,
			    unsigned int tries, unsigned int *waits);
void srnic_mbx_pf_unlock(struct srnic_hw *hw, unsigned int vf);
void srnic_mbx_pf_force_vf_unlock(struct srnic_hw *hw, unsigned int vf);
void srnic_mbx_pf_read(struct srnic_hw *hw, unsigned int vf, u32 *msg,
		       unsigned int words);
void srnic_mbx_pf_ack_hold(struct srnic_hw *hw, unsigned int vf);
void srnic_mbx_pf_post(struct srnic_hw *hw, unsigned int vf, const u32 *msg,
		       unsigned int words);
int srnic_mbx_pf_send(struct srnic_hw *hw, unsigned int vf, const u32 *msg,
		      unsigned int words);
u32 srnic_mbx_pf_events(struct srnic_hw *hw);
void srnic_mbx_pf_clear_events(struct srnic_hw *hw, u32 bits);
bool srnic_mbx_pf_test_and_clear_req(struct srnic_hw *hw, unsigned int vf);
bool srnic_mbx_pf_test_and_clear_ack(struct srnic_hw *hw, unsigned int vf);
bool srnic_mbx_pf_test_and_clear_vflr(struct srnic_hw *hw, unsigned int vf);

/**
 * struct srnic_mbx_vf_stats - VF client counters
 * @timeouts: transactions that got no reply in time
 * @nacks: requests the PF refused
 * @pf_msgs: PF messages read (replies to other messages included)
 * @kicks: NACK without CTS while clear to send: the PF forgot us
 * @pf_resets: RSTI/RSTD seen while the session was up
 */
struct srnic_mbx_vf_stats {
	u64 timeouts;
	u64 nacks;
	u64 pf_msgs;
	u64 kicks;
	u64 pf_resets;
};

/**
 * struct srnic_mbx_vf - VF side mailbox state: transport and client session
 * @hw: VF BAR0 accessors
 * @shadow: read-to-clear VFMailbox bits seen but not yet acted on
 * @timeout_armed: false after a posted operation timed out; every later
 *	posted operation then fails at once until srnic_mbx_vf_rearm()
 *	(called by every reset handshake)
 * @can_sleep: polling may sleep (usleep_range) instead of spinning
 * @waited_us: sum of every delay requested so far (bounds and tests)
 * @ready: the reset handshake completed and nothing invalidated it since
 * @need_reset: the session is void (PF reset, kick, transport failure);
 *	only a new handshake clears it
 * @cts: the PF says we are clear to send
 * @api: negotiated mailbox API, SRNIC_MBX_API_1_0 until agreed otherwise
 * @pf_link: API 1.1 link bit of the last PF control message
 * @rate_limited: API 1.1 rate-limit bit of the last PF control message (or
 *	of the API_NEGOTIATE ACK): transmit on the first queue only
 * @stats: counters
 */
struct srnic_mbx_vf {
	struct srnic_hw *hw;
	u32 shadow;
	bool timeout_armed;
	bool can_sleep;
	unsigned long waited_us;
	bool ready;
	bool need_reset;
	bool cts;
	u16 api;
	bool pf_link;
	bool rate_limited;
	struct srnic_mbx_vf_stats stats;
};

void srnic_mbx_vf_init(struct srnic_mbx_vf *mbx, struct srnic_hw *hw,
		       bool can_sleep);
void srnic_mbx_vf_rearm(struct srnic_mbx_vf *mbx);
u32 srnic_mbx_vf_read_ctrl(struct srnic_mbx_vf *mbx);
bool srnic_mbx_vf_test_and_clear(struct srnic_mbx_vf *mbx, u32 bit);
bool srnic_mbx_vf_reset_pending(struct srnic_mbx_vf *mbx);
bool srnic_mbx_vf_check_rstd(struct srnic_mbx_vf *mbx);
int srnic_mbx_vf_lock(struct srnic_mbx_vf *mbx);
int srnic_mbx_vf_write(struct srnic_mbx_vf *mbx, const u32 *msg,
		       unsigned int words);
int srnic_mbx_vf_read(struct srnic_mbx_vf *mbx, u32 *msg, unsigned int words);
int srnic_mbx_vf_poll_ack(struct srnic_mbx_vf *mbx);
int srnic_mbx_vf_poll_msg(struct srnic_mbx_vf *mbx);
int srnic_mbx_vf_post(struct srnic_mbx_vf *mbx, const u32 *msg,
		      unsigned int words);
int srnic_mbx_vf_read_posted(struct srnic_mbx_vf *mbx, u32 *msg,
			     unsigned int words);

/* VF client: the one transaction path and the reset handshake */
int srnic_mbx_vf_xact(struct srnic_mbx_vf *mbx, const u32 *msg,
		      unsigned int len, u32 *reply, unsigned int rlen);
int srnic_mbx_vf_request(struct srnic_mbx_vf *mbx, const u32 *msg,
			 unsigned int len, int dflt);
int srnic_mbx_vf_handshake(struct srnic_mbx_vf *mbx, u8 *mac);
int srnic_mbx_vf_first_handshake(struct srnic_mbx_vf *mbx, u8 *mac);
bool srnic_mbx_vf_service(struct srnic_mbx_vf *mbx);
bool srnic_mbx_vf_link_ok(struct srnic_mbx_vf *mbx);
bool srnic_mbx_vf_rate_limited(const struct srnic_mbx_vf *mbx);

#endif /* _SRNIC_MBX_H_ */
